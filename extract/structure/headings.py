"""The numbering grammar of Vietnamese reports: what label opens a paragraph.

A label is read off the start of a block's displayed text (Word's automatic
number, then the text) and classified into a *style*; the style, not a fixed
rank, is what the tree builder nests by:

    >>> lab = parse_label("III. KẾT QUẢ THỰC HIỆN")
    >>> lab.style, lab.number, lab.label, lab.rest, lab.value
    ('roman', 'III', 'III.', 'KẾT QUẢ THỰC HIỆN', 3)
    >>> parse_label("đ) Chỉ đạo các sở").style, parse_label("đ) Chỉ đạo các sở").value
    ('letter', 5)
    >>> parse_label("Phần thứ hai. KẾT QUẢ").number
    '2'
    >>> parse_label("- Quán triệt đến toàn thể").style
    'bullet'
    >>> parse_label("2021 – 2021, Kế hoạch số 10") is None
    True

Styles: ``part`` (Phần), ``chapter`` (Chương), ``item`` (Mục), ``subitem``
(Tiểu mục), ``article`` (Điều N.), ``roman`` (I. / I - / I/), ``upper`` (A. / B.), ``arabic`` (1. / 1/),
``arabic)`` (1)), ``decimal2`` (1.1 / 1.1. / 2.3)), ``decimal3`` (1.1.2),
``letter`` (a) / b. / đ)), ``letter_sub`` (a.1), ``paren`` ((1)),
``paren_letter`` ((a)), and ``bullet`` (-, +, •, *, –), which never opens a
section. ``value`` is the ordinal of the number (a→1, đ→5, III→3) so that
restarts, skips and repeats can be seen.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Vietnamese list letters skip f, j, w, z and put đ after d; some authors use the
# Latin order instead, so both orders are accepted when checking a sequence.
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"

_ORDINAL_WORDS = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}

_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_VALID = regex.compile(r"^L?X{0,3}(?:IX|IV|V?I{0,3})$")

# After a label: whitespace, or straight into an upper-case word ("1.Foo" in careless typing).
_AFTER = r"(?:\s+|$|(?=\p{Lu}))"
# A division's number is a whole word: "MỤC LỤC" (contents) is no "Mục L".
_AFTER_DIVISION = r"(?![\p{L}\d])\s*"

_PATTERNS: list[tuple[str, regex.Pattern]] = [
    ("part", regex.compile(
        r"^(?P<label>(?:PHẦN|Phần)\s+(?P<num>(?:thứ|THỨ)\s+\p{L}+|[IVXLC]+|\d{1,2}))"
        r"(?P<punct>\s*[.:\-–]?)" + _AFTER_DIVISION)),
    ("chapter", regex.compile(
        r"^(?P<label>(?:CHƯƠNG|Chương)\s+(?P<num>[IVXLC]+|\d{1,2}))(?P<punct>\s*[.:\-–]?)" + _AFTER_DIVISION)),
    ("item", regex.compile(
        r"^(?P<label>(?:MỤC|Mục)\s+(?P<num>[IVXLC]+|\d{1,2}))(?P<punct>\s*[.:\-–]?)" + _AFTER_DIVISION)),
    ("subitem", regex.compile(
        r"^(?P<label>(?:TIỂU\s+MỤC|Tiểu\s+mục)\s+(?P<num>[IVXLC]+|\d{1,2}))(?P<punct>\s*[.:\-–]?)" + _AFTER_DIVISION)),
    # "Điều 43: Tên điều" and "Điều 5 - Tên điều" are slips for "Điều 43." when a title
    # follows; "Điều 5 của Luật …" and "Điều 2 - 5" are references.
    ("article", regex.compile(
        r"^(?P<label>(?:ĐIỀU|Điều)\s+(?P<num>\d{1,3}[a-zđ]?)(?P<punct>\.|(?:\s*:|\s+[-–])(?=\s*\p{Lu})))" + _AFTER)),
    ("decimal3", regex.compile(r"^(?P<label>(?P<num>\d{1,2}\.\d{1,2}\.\d{1,2})(?P<punct>[.)]?))" + _AFTER)),
    ("decimal2", regex.compile(r"^(?P<label>(?P<num>\d{1,2}\.\d{1,2})(?P<punct>[.)]?))" + _AFTER)),
    ("letter_sub", regex.compile(r"^(?P<label>(?P<num>[a-zđ]\.\d{1,2})(?P<punct>[.)]?))" + _AFTER)),
    # "II-" is how Party documents print it (Hướng dẫn 36-HD/VPTW); "II - " elsewhere.
    ("roman", regex.compile(r"^(?P<label>(?P<num>[IVXLC]{1,6})(?P<punct>\s*[.)/]|\s*[-–](?=\s)))" + _AFTER)),
    ("upper", regex.compile(r"^(?P<label>(?P<num>[A-ZĐ])(?P<punct>[.)]))" + _AFTER)),
    # "B/ Nhiệm vụ" but not the Party signature prefixes "T/M", "K/T".
    ("upper", regex.compile(r"^(?P<label>(?P<num>[A-ZĐ])(?P<punct>/))(?:\s+|$)")),
    ("arabic)", regex.compile(r"^(?P<label>(?P<num>\d{1,2})(?P<punct>\)))" + _AFTER)),
    ("arabic", regex.compile(r"^(?P<label>(?P<num>\d{1,2})(?P<punct>\.))" + _AFTER)),
    # "2- Biện pháp", "4-Kết quả", "5 - Ý kiến" (Party forms); "20-25" and "2 - 3 người" are ranges.
    # Not "05-CT/TW", a symbol broken off its line: a word follows, not a code in capitals.
    ("arabic", regex.compile(r"^(?P<label>(?P<num>\d{1,2})(?P<punct>-))(?=\s*\p{L}(?:\p{Ll}|\s))(?:\s+|(?=\p{L}))")),
    ("arabic", regex.compile(r"^(?P<label>(?P<num>\d{1,2})(?P<punct>\s+[-–]))(?=\s+\p{Lu})\s+")),
    # "1/" only before a space: "04/NĐ-CP" is a document number broken off its line.
    ("arabic", regex.compile(r"^(?P<label>(?P<num>\d{1,2})(?P<punct>/))(?:\s+|$)")),
    ("letter", regex.compile(r"^(?P<label>(?P<num>[a-zđ])(?P<punct>[).]))" + _AFTER)),
    ("paren", regex.compile(r"^(?P<label>\((?P<num>\d{1,2})\))" + _AFTER)),
    ("paren_letter", regex.compile(r"^(?P<label>\((?P<num>[a-zđ])\))" + _AFTER)),
    ("bullet", regex.compile(r"^(?P<label>(?P<num>[-+•*–—·▪●○◦]))(?:\s+|(?=\S))")),
]

_ALL_STYLES = frozenset(style for style, _ in _PATTERNS)
SECTION_STYLES = _ALL_STYLES - {"bullet"}
_DIVISION_PUNCT = regex.compile(r"^[.:\-–]\s*")  # "Chương I: Quy định chung" → "Quy định chung"
_DIGITS = regex.compile(r"\d+")

# How reports usually nest the styles, outermost first. The tree follows each
# document's own order; this is consulted only when a new style would land under
# one usually ranked below it (a Roman "II." after "6." means the "I." was lost).
CONVENTIONAL_RANK = {
    style: rank
    for rank, style in enumerate([
        "part", "chapter", "item", "subitem", "upper", "roman", "article", "arabic", "arabic)", "decimal2",
        "decimal3", "letter", "letter_sub", "paren", "paren_letter",
    ])
}


# The named divisions of legal texts, outermost first, ranked by Nghị định 30/2020/NĐ-CP
# (Phần → Chương → Mục → Tiểu mục → Điều): unlike report numbering, their nesting is
# fixed by law, not learned from the order a document happens to show them in.
LEGAL_RANK = {style: rank for rank, style in enumerate(["part", "chapter", "item", "subitem", "article"])}
# The divisions titled on the label's line or the next ("Chương I", "MỤC 1. QUY ĐỊNH CHUNG").
DIVISIONS = frozenset(LEGAL_RANK) - {"article"}


@dataclass(frozen=True, slots=True)
class Label:
    style: str
    number: str  # normalized: "III", "1", "1.1", "đ", "2" for "Phần thứ hai"
    label: str  # as printed: "III.", "1)", "Phần thứ hai"
    rest: str  # the text after the label
    value: int  # ordinal of the last component, for sequence checks


def roman_value(numeral: str) -> int | None:
    """``"XIV"`` → 14; None when the letters are not a well-formed numeral below 90."""
    if not numeral or not _ROMAN_VALID.match(numeral):
        return None
    total = 0
    for i, ch in enumerate(numeral):
        v = _ROMAN_DIGITS[ch]
        nxt = _ROMAN_DIGITS[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -v if v < nxt else v
    return total


def letter_value(letter: str) -> int:
    """Ordinal of a list letter in the Vietnamese order: a→1, d→4, đ→5, e→6."""
    letter = letter.lower()
    return VIETNAMESE_LETTERS.index(letter) + 1 if letter in VIETNAMESE_LETTERS else LATIN_LETTERS.index(letter) + 1


def letter_follows(previous: str, current: str) -> bool:
    """True when ``current`` is the next letter after ``previous`` in either order."""
    p, c = previous.lower(), current.lower()
    return any(p in order and c in order and order.index(c) == order.index(p) + 1
               for order in (VIETNAMESE_LETTERS, LATIN_LETTERS))


def _part_number(raw: str) -> tuple[str, int] | None:
    words = raw.split()
    if len(words) == 2 and words[0].lower() == "thứ":
        value = _ORDINAL_WORDS.get(words[1].lower())
        return (str(value), value) if value else None
    if raw.isdigit():
        return raw.lstrip("0") or "0", int(raw)
    value = roman_value(raw)
    return (raw, value) if value else None


def parse_label(text: str) -> Label | None:
    """The numbering label opening ``text``, or None when it opens with none.

        >>> parse_label("1.1. Đánh giá chung").number
        '1.1'
        >>> parse_label("2.3) Kết quả").style
        'decimal2'
        >>> parse_label("IV - Nhiệm vụ").label
        'IV -'
        >>> parse_label("04/NĐ-CP ngày 09/01/2015") is None
        True
    """
    return _label(text, _ALL_STYLES)


def _label(text: str, styles: frozenset[str]) -> Label | None:
    """The first label of one of ``styles`` that opens ``text``."""
    text = text.lstrip()
    for style, pattern in _PATTERNS:
        if style not in styles or not (m := pattern.match(text)):
            continue
        raw = m.group("num")
        label = " ".join(m.group("label").split())
        rest = text[m.end():].strip()
        rest = _DIVISION_PUNCT.sub("", rest, count=1) if style in DIVISIONS else rest
        parsed = _number_and_value(style, raw)
        if parsed is None:
            continue
        number, value = parsed
        if style == "bullet":
            return _bulleted_division(rest) or Label(style=style, number=number, label=label, rest=rest, value=value)
        return Label(style=style, number=number, label=label, rest=rest, value=value)
    return None


def _bulleted_division(text: str) -> Label | None:
    """A legal division listed as a bullet of an outline ("- Chương I: Những quy định
    chung, gồm 7 Điều:") still opens the division when a title follows its punctuation;
    "- Chương II quy định …" is a sentence about the chapter. Only divisions are looked for
    after the bullet: "- - - …" is one bullet, not a bullet in a bullet in a bullet."""
    division = _label(text, DIVISIONS)
    if division is None:
        return None
    after = text[len(division.label):].lstrip()
    return division if after[:1] in (".", ":", "-", "–") and division.rest[:1].isupper() else None


def _number_and_value(style: str, raw: str) -> tuple[str, int] | None:
    if style in DIVISIONS:
        return _part_number(raw)
    if style == "roman":
        value = roman_value(raw)
        return (raw, value) if value else None
    if style == "upper":
        return raw, ord(raw) - ord("A") + 1 if raw != "Đ" else 5
    if style in ("letter", "paren_letter"):
        return raw, letter_value(raw)
    if style == "letter_sub":
        return raw, int(raw.split(".")[1])
    if style == "bullet":
        return raw, 0
    if style in ("decimal2", "decimal3"):
        parts = [p.lstrip("0") or "0" for p in raw.split(".")]
        return ".".join(parts), int(parts[-1])
    if style == "article":
        digits = _DIGITS.match(raw).group()
        return raw.lstrip("0") or "0", int(digits)
    return raw.lstrip("0") or "0", int(raw)
