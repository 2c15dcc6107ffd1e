"""Word automatic list numbering (``word/numbering.xml``) rendered as the label Word shows.

The number in front of a Word list paragraph ("I.", "1.1.", "a)", "-") is not in the
paragraph's text: Word computes it from the paragraph's ``numPr`` (list ``numId`` and
level ``ilvl``) and the list definition (``abstractNum``: per level a format, a
pattern such as ``%1.%2.``, a start value, restart rules). :class:`ListNumbering`
replays that computation paragraph by paragraph, in document order:

    >>> from lxml import etree
    >>> from extract.readers.wordml import W_NS
    >>> numbering = ListNumbering.from_xml(etree.fromstring(
    ...     f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
    ...     '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    ...     '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
    ...     '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'))
    >>> [numbering.next_label("1", ilvl).text for ilvl in (0, 1, 1, 0)]
    ['I.', 'I.1.', 'I.2.', 'II.']

Counters belong to the list definition (``abstractNum``): two ``num`` instances of
one definition continue each other, as in Word, unless a ``num`` restarts a level
with ``lvlOverride/startOverride``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.readers.wordml import W, attr, int_attr

MAX_LEVELS = 9
MAX_START = 32767  # Word's own limit on w:start
# Labels stay short whatever a hostile file says: one label is built per paragraph
MAX_LABEL_PATTERN = 64  # characters of lvlText (Word's own are under 20)
MAX_LETTERS = 26 * 4  # past "zzzz" letters are written as numbers
MAX_ROMAN = 3999  # past MMMCMXCIX Roman numerals are written as numbers
SYMBOL_FONTS = ("symbol", "wingdings", "webdings")
# Symbol-font bullets are stored as private-use code points (U+F0xx) or as the byte
# the symbol font maps (Wingdings "§" shows a square): only a dash survives as "-".
_SYMBOL_DASHES = {0x2D, 0x2013, 0x2014}


def roman(n: int) -> str:
    """Upper-case Roman numeral, as Word's upperRoman.

    >>> roman(2024), roman(4000)
    ('MMXXIV', '4000')
    """
    if not 0 < n <= MAX_ROMAN:
        return str(n)
    out = []
    for value, digits in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def letters(n: int) -> str:
    """Word's letter sequence: a … z, then aa, bb … (no Vietnamese đ).

    >>> [letters(n) for n in (1, 5, 26, 27, 28, 105)]
    ['a', 'e', 'z', 'aa', 'bb', '105']
    """
    if not 0 < n <= MAX_LETTERS:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


# numFmt → how Word writes a counter; formats not listed fall back to decimal, as the
# number is still more useful than nothing.
NUMBER_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": roman,
    "lowerRoman": lambda n: roman(n).lower(),
    "upperLetter": lambda n: letters(n).upper(),
    "lowerLetter": letters,
    "none": lambda n: "",
}


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str = "decimal"
    text: str | None = None  # lvlText pattern; None when the level shows nothing
    start: int = 1
    restart: int | None = None  # lvlRestart: 0 never, n after level n (1-based) is used
    legal: bool = False  # isLgl: every counter shown in decimal
    font: str | None = None  # rFonts of the label (symbol fonts change the bullet's meaning)
    picture_bullet: bool = False
    indent: float | None = None  # points, from the level's pPr/ind
    style_id: str | None = None  # paragraph style linked to this level


@dataclass(frozen=True, slots=True)
class ListLabel:
    text: str | None  # "I.", "1.1.", "-" … or None when the level shows nothing
    level: int
    indent: float | None


class ListNumbering:
    """The numbering part of one document, with the counters of the paragraphs seen so far."""

    def __init__(self, abstracts: dict[str, dict[int, Level]], nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]]):
        self._abstracts = abstracts
        self._nums = nums  # numId → (abstractNumId, level overrides, start overrides)
        self._counters: dict[str, list[int | None]] = {}
        self._started_nums: set[str] = set()
        self._style_levels = {
            level.style_id: (num_id, ilvl)
            for num_id, (abstract_id, _, _) in nums.items()
            for ilvl, level in abstracts.get(abstract_id, {}).items()
            if level.style_id
        }

    @classmethod
    def from_xml(cls, root) -> ListNumbering:
        """Read ``<w:numbering>`` (an lxml element, or None for a document without lists)."""
        if root is None:
            return cls({}, {})
        abstracts = {
            attr(el, "abstractNumId"): _levels(el) for el in root.iterchildren(W + "abstractNum")
        }
        links = {attr(el, "abstractNumId"): _style_link(el) for el in root.iterchildren(W + "abstractNum")}
        nums = {}
        for num in root.iterchildren(W + "num"):
            abstract_el = num.find(W + "abstractNumId")
            if abstract_el is None:
                continue
            levels, starts = {}, {}
            for override in num.iterchildren(W + "lvlOverride"):
                ilvl = int_attr(override, "ilvl", 0)
                start = override.find(W + "startOverride")
                if start is not None:
                    starts[ilvl] = _start_value(start)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            nums[attr(num, "numId")] = (attr(abstract_el, "val"), levels, starts)
        _follow_style_links(abstracts, links)
        return cls(abstracts, nums)

    def style_level(self, style_id: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph style that a list level names in its pStyle."""
        return self._style_levels.get(style_id)

    def level_of(self, num_id: str, ilvl: int) -> Level | None:
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        abstract_id, overrides, _ = entry
        return overrides.get(ilvl) or self._abstracts.get(abstract_id, {}).get(ilvl)

    def next_label(self, num_id: str, ilvl: int) -> ListLabel | None:
        """Count one more paragraph of list ``num_id`` at level ``ilvl``; its label.

        ``numId`` 0 means "numbering removed" (it cancels a style's list): None.
        """
        entry = self._nums.get(num_id)
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        level = self.level_of(num_id, ilvl)
        if entry is None or level is None:
            return None
        abstract_id, _, starts = entry
        counters = self._counters.setdefault(abstract_id, [None] * MAX_LEVELS)
        if num_id not in self._started_nums:
            self._started_nums.add(num_id)
            for start_level, start in starts.items():
                if 0 <= start_level < MAX_LEVELS:
                    counters[start_level] = start - 1
        current = counters[ilvl]
        counters[ilvl] = self._start(num_id, ilvl) if current is None else current + 1
        # A level skipped on the way down (Heading 3 right under Heading 1) counts as
        # started: Word shows "IV.1.1." and the next level-2 paragraph is "IV.2." (the
        # Word-made table of contents of hp_decuong-dutoan-qlvb-phutho-2012.doc says so).
        for higher in range(ilvl):
            if counters[higher] is None:
                counters[higher] = self._start(num_id, higher)
        for deeper in range(ilvl + 1, MAX_LEVELS):
            deeper_level = self.level_of(num_id, deeper)
            restart = deeper_level.restart if deeper_level else None
            if restart is None or (restart > 0 and ilvl < restart):
                counters[deeper] = None
        return ListLabel(self._render(num_id, level, counters), ilvl, level.indent)

    def _start(self, num_id: str, ilvl: int) -> int:
        level = self.level_of(num_id, ilvl)
        return level.start if level else 1

    def _render(self, num_id: str, level: Level, counters: list[int | None]) -> str | None:
        if level.fmt == "bullet" or level.picture_bullet:
            return bullet_label(level.text or "", level.font, level.picture_bullet)
        if not level.text:
            return None
        out, i, text = [], 0, level.text
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                shown = int(text[i + 1]) - 1
                out.append(self._counter_text(num_id, shown, counters, level.legal))
                i += 2
            else:
                out.append(text[i])
                i += 1
        return "".join(out).strip() or None

    def _counter_text(self, num_id: str, ilvl: int, counters: list[int | None], legal: bool) -> str:
        if not 0 <= ilvl < MAX_LEVELS:
            return ""
        level = self.level_of(num_id, ilvl) or Level()
        value = counters[ilvl] if counters[ilvl] is not None else level.start
        fmt = "decimal" if legal and level.fmt != "none" else level.fmt
        if fmt == "bullet":
            return ""
        if value <= 0 and fmt != "none":
            return str(value)
        return NUMBER_FORMATS.get(fmt, str)(value)


def bullet_label(text: str, font: str | None, picture: bool = False) -> str | None:
    """The bullet Word shows, as a plain character: "-" stays "-", symbol-font glyphs become "•".

    >>> bullet_label("\\uf0b7", "Symbol"), bullet_label("-", "Times New Roman"), bullet_label("\\uf02d", "Symbol")
    ('•', '-', '-')
    >>> bullet_label("§", "Wingdings"), bullet_label("+", None), bullet_label(" ", None)
    ('•', '+', None)
    """
    text = text.strip()
    if picture:
        return "•"
    if not text:
        return None
    symbol_font = bool(font) and font.lower().startswith(SYMBOL_FONTS)
    chars = []
    for ch in text:
        code = ord(ch)
        if 0xF000 <= code <= 0xF0FF or symbol_font:
            chars.append("-" if (code & 0xFF if code >= 0xF000 else code) in _SYMBOL_DASHES else "•")
        elif ch.isalnum():
            chars.append("•")  # Courier "o" and the like: a round bullet, not a letter label
        else:
            chars.append(ch)
    return "".join(chars)


def _levels(abstract) -> dict[int, Level]:
    return {int_attr(lvl, "ilvl", 0): _level(lvl) for lvl in abstract.iterchildren(W + "lvl")}


def _level(lvl) -> Level:
    fmt_el, text_el = lvl.find(W + "numFmt"), lvl.find(W + "lvlText")
    start_el, restart_el = lvl.find(W + "start"), lvl.find(W + "lvlRestart")
    fonts = lvl.find(f"{W}rPr/{W}rFonts")
    ind = lvl.find(f"{W}pPr/{W}ind")
    style = lvl.find(W + "pStyle")
    level = Level(
        fmt=attr(fmt_el, "val") or "decimal" if fmt_el is not None else "decimal",
        text=(attr(text_el, "val") or "")[:MAX_LABEL_PATTERN] if text_el is not None else None,
        # ECMA-376 §17.9.25: an omitted w:start is 0, and Word shows it so
        start=_start_value(start_el) if start_el is not None else 0,
        restart=int_attr(restart_el, "val", 0) if restart_el is not None else None,
        legal=lvl.find(W + "isLgl") is not None and attr(lvl.find(W + "isLgl"), "val") not in ("0", "false"),
        font=(attr(fonts, "ascii") or attr(fonts, "hAnsi")) if fonts is not None else None,
        picture_bullet=lvl.find(W + "lvlPicBulletId") is not None,
        style_id=attr(style, "val") if style is not None else None,
    )
    if ind is not None:
        left = int_attr(ind, "left", None)
        left = int_attr(ind, "start", None) if left is None else left
        if left is not None:
            level = replace(level, indent=left / 20)
    return level


def _follow_style_links(abstracts: dict[str, dict[int, Level]], links: dict[str, str | None]) -> None:
    """A definition with numStyleLink borrows the levels of the one whose styleLink names
    the same numbering style; its own lvl elements are placeholders."""
    for abstract_id, style_id in links.items():
        if not style_id or abstracts.get(abstract_id):
            continue
        for other_id, link in links.items():
            if other_id != abstract_id and link == style_id and abstracts.get(other_id):
                abstracts[abstract_id] = abstracts[other_id]


def _start_value(el) -> int:
    return min(max(int_attr(el, "val", 0), 0), MAX_START)


def _style_link(abstract) -> str | None:
    link = abstract.find(W + "numStyleLink")
    if link is None:
        link = abstract.find(W + "styleLink")
    return attr(link, "val") if link is not None else None
