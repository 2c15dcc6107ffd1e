"""WordprocessingML vocabulary: the ``w:`` namespace and style inheritance.

Word decides how a run looks by layering, first defined wins: the run's own ``rPr``,
its character style (and the styles it is ``basedOn``), the paragraph style chain,
then the document defaults. :class:`WordStyles` resolves those layers once per
style pair and caches them:

    >>> styles = WordStyles(None)
    >>> styles.run_format(None, None, None)
    RunFormat(bold=None, italic=None, size=None, font=None, hidden=None)
"""

from __future__ import annotations

from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"

MAX_STYLE_DEPTH = 32
_OFF = ("0", "false", "off", "none")
_ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
          "both": "justify", "distribute": "justify", "lowKashida": "justify",
          "mediumKashida": "justify", "highKashida": "justify", "thaiDistribute": "justify"}
# theme font slots named by rFonts@asciiTheme → (major|minor) in theme1.xml
_THEME_SLOTS = {"majorHAnsi": "major", "majorAscii": "major", "minorHAnsi": "minor", "minorAscii": "minor",
                "majorBidi": "major", "minorBidi": "minor", "majorEastAsia": "major", "minorEastAsia": "minor"}


def attr(el, local: str) -> str | None:
    """Value of attribute ``w:<local>`` of an element (None if absent or el is None)."""
    return None if el is None else el.get(W + local)


def int_attr(el, local: str, default: int | None) -> int | None:
    value = attr(el, local)
    try:
        return int(value) if value is not None else default
    except ValueError:
        try:  # some writers put "720.0" or "1.5" where Word writes integers
            return int(float(value))
        except ValueError:
            return default


def on(el) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): True, False, or None if absent."""
    if el is None:
        return None
    return attr(el, "val") not in _OFF


@dataclass(frozen=True, slots=True)
class RunFormat:
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None  # points
    font: str | None = None
    hidden: bool | None = None

    def under(self, lower: RunFormat) -> RunFormat:
        """This layer on top of ``lower``: what this one leaves undefined comes from below."""
        return RunFormat(
            lower.bold if self.bold is None else self.bold,
            lower.italic if self.italic is None else self.italic,
            lower.size if self.size is None else self.size,
            lower.font if self.font is None else self.font,
            lower.hidden if self.hidden is None else self.hidden,
        )


@dataclass(frozen=True, slots=True)
class ParagraphFormat:
    align: str | None = None
    indent: float | None = None  # left indent, points
    num_id: str | None = None
    ilvl: int | None = None

    def under(self, lower: ParagraphFormat) -> ParagraphFormat:
        return ParagraphFormat(
            lower.align if self.align is None else self.align,
            lower.indent if self.indent is None else self.indent,
            lower.num_id if self.num_id is None else self.num_id,
            lower.ilvl if self.ilvl is None else self.ilvl,
        )


class WordStyles:
    """The styles part of one document (``<w:styles>``, or None) plus its theme fonts."""

    def __init__(self, root, theme_fonts: dict[str, str] | None = None):
        self._theme = theme_fonts or {}
        self._styles = {}
        self._default_paragraph: str | None = None
        self._run_defaults = RunFormat()
        self._paragraph_defaults = ParagraphFormat()
        if root is not None:
            for style in root.iterchildren(W + "style"):
                style_id = attr(style, "styleId")
                self._styles[style_id] = style
                if attr(style, "type") == "paragraph" and attr(style, "default") in ("1", "true", "on"):
                    self._default_paragraph = style_id
            defaults = root.find(W + "docDefaults")
            if defaults is not None:
                self._run_defaults = self.run_props(defaults.find(f"{W}rPrDefault/{W}rPr"))
                self._paragraph_defaults = self.paragraph_props(defaults.find(f"{W}pPrDefault/{W}pPr"))
        self._run_cache: dict[tuple[str | None, str | None], RunFormat] = {}
        self._paragraph_cache: dict[str | None, ParagraphFormat] = {}

    def paragraph_style(self, style_id: str | None) -> str | None:
        """The style a paragraph uses: its pStyle, else the document's default paragraph style."""
        return style_id if style_id in self._styles else self._default_paragraph

    def name(self, style_id: str | None) -> str | None:
        style = self._styles.get(style_id)
        if style is None:
            return None
        name = style.find(W + "name")
        return attr(name, "val") if name is not None else style_id

    def _chain(self, style_id: str | None):
        seen = set()
        # basedOn loops exist in the wild; real chains are a handful deep, hostile ones long
        while style_id in self._styles and style_id not in seen and len(seen) < MAX_STYLE_DEPTH:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            based = style.find(W + "basedOn")
            style_id = attr(based, "val") if based is not None else None

    def run_props(self, rpr) -> RunFormat:
        """One ``rPr`` element's own settings."""
        if rpr is None or len(rpr) == 0:
            return RunFormat()
        found = {child.tag: child for child in rpr.iterchildren()}
        size = found.get(W + "sz")
        half_points = int_attr(size, "val", None) if size is not None else None
        return RunFormat(
            bold=on(found.get(W + "b")),
            italic=on(found.get(W + "i")),
            size=half_points / 2 if half_points else None,
            font=self._font(found.get(W + "rFonts")),
            hidden=on(found.get(W + "vanish")),
        )

    def _font(self, fonts) -> str | None:
        if fonts is None:
            return None
        for local in ("ascii", "hAnsi"):
            if attr(fonts, local):
                return attr(fonts, local)
        for local in ("asciiTheme", "hAnsiTheme"):
            slot = _THEME_SLOTS.get(attr(fonts, local) or "")
            if slot and self._theme.get(slot):
                return self._theme[slot]
        return None

    def run_format(self, rpr, char_style: str | None, para_style: str | None) -> RunFormat:
        """How a run looks once every layer is applied."""
        key = (char_style, para_style)
        inherited = self._run_cache.get(key)
        if inherited is None:
            inherited = RunFormat()
            for style in self._chain(char_style):
                inherited = inherited.under(self.run_props(style.find(W + "rPr")))
            for style in self._chain(para_style):
                inherited = inherited.under(self.run_props(style.find(W + "rPr")))
            inherited = inherited.under(self._run_defaults)
            self._run_cache[key] = inherited
        return self.run_props(rpr).under(inherited) if rpr is not None else inherited

    def paragraph_props(self, ppr) -> ParagraphFormat:
        """One ``pPr`` element's own settings."""
        if ppr is None:
            return ParagraphFormat()
        jc, ind, num = ppr.find(W + "jc"), ppr.find(W + "ind"), ppr.find(W + "numPr")
        indent = None
        if ind is not None:
            left = int_attr(ind, "left", None)
            left = int_attr(ind, "start", None) if left is None else left
            indent = left / 20 if left is not None else None
        num_id = ilvl = None
        if num is not None:
            num_el, ilvl_el = num.find(W + "numId"), num.find(W + "ilvl")
            num_id = attr(num_el, "val") if num_el is not None else None
            ilvl = int_attr(ilvl_el, "val", 0) if ilvl_el is not None else None
        return ParagraphFormat(
            align=_ALIGN.get(attr(jc, "val") or "") if jc is not None else None,
            indent=indent, num_id=num_id, ilvl=ilvl,
        )

    def paragraph_style_format(self, style_id: str | None) -> ParagraphFormat:
        """A paragraph style's settings through its basedOn chain and the defaults."""
        cached = self._paragraph_cache.get(style_id)
        if cached is None:
            cached = ParagraphFormat()
            for style in self._chain(style_id):
                cached = cached.under(self.paragraph_props(style.find(W + "pPr")))
            cached = cached.under(self._paragraph_defaults)
            self._paragraph_cache[style_id] = cached
        return cached


def theme_fonts(theme_root) -> dict[str, str]:
    """{"major": "Times New Roman", "minor": "Calibri"} from a theme part (latin typefaces)."""
    fonts = {}
    if theme_root is None:
        return fonts
    for slot in ("major", "minor"):
        latin = theme_root.find(f".//{{{A_NS}}}{slot}Font/{{{A_NS}}}latin")
        if latin is not None and latin.get("typeface"):
            fonts[slot] = latin.get("typeface")
    return fonts
