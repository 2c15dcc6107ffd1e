"""Vietnamese text repair: legacy 8-bit font encodings back to Unicode, then one
normalized spelling (NFC, tone placement, whitespace).

    >>> repair_blocks(["B¸o c¸o kÕt qu¶", "Ho\u0300a bi\u0300nh\u00a0 "], [".VnTime", None])
    (['Báo cáo kết quả', 'Hòa bình'], 'tcvn3', ['legacy TCVN3 encoding detected from font .VnTime and converted to Unicode in 1 of 2 blocks'])

Modules: :mod:`~extract.text.normalize` (NFC, whitespace, dashes, quotes),
:mod:`~extract.text.legacy` (TCVN3/VNI), :mod:`~extract.text.quality` (how
Vietnamese a text looks), :mod:`~extract.text.numbers` (Vietnamese number writing).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from extract.text.legacy import (
    Encoding,
    detect_legacy,
    font_encoding,
    from_unicode,
    has_unicode_vietnamese,
    is_caps_font,
    repair,
    to_unicode,
)
from extract.text.normalize import fold_dashes, fold_quotes, normalize
from extract.text.quality import vietnamese_score

__all__ = [
    "detect_legacy",
    "fold_dashes",
    "fold_quotes",
    "from_unicode",
    "normalize",
    "repair_blocks",
    "to_unicode",
    "vietnamese_score",
]


def _block_encoding(text: str, font: str | None, document: Encoding | None) -> Encoding | None:
    """The encoding one block is written in, given its font and the document's verdict."""
    if has_unicode_vietnamese(text):
        return None
    said = font_encoding(font)
    if said is None and font is None:
        said = document  # the block inherits a style's font, most likely the document's
    if said is None:
        # A Unicode font name proves nothing about text pasted from an old file.
        return detect_legacy(text)
    before, after = vietnamese_score(text), vietnamese_score(repair(text, said))
    # A document already known to be legacy gives ties to the font; a lone legacy font
    # in a Unicode document must show that converting helps.
    if after > before or (after == before and said == document):
        return said
    return None


def repair_blocks(
    texts: list[str], fonts: list[str | None]
) -> tuple[list[str], Encoding | None, list[str]]:
    """Each block converted from its legacy encoding where there is one, then normalized.

    Returns the texts, the encoding repaired (the one most blocks needed, or None) and
    warnings in plain words. ``fonts`` gives each block's dominant font (None when
    unknown); TCVN3 capital fonts (".VnTimeH") are upper-cased after conversion.
    """
    fonts = list(fonts) + [None] * (len(texts) - len(fonts))
    document = detect_legacy("\n".join(texts), fonts)
    repaired: list[str] = []
    converted: Counter[Encoding] = Counter()
    evidence: Counter[str] = Counter()
    for text, font in zip(texts, fonts):
        encoding = _block_encoding(text, font, document) if text.strip() else None
        if encoding is not None:
            fixed = repair(text, encoding)
            if is_caps_font(font):
                fixed = fixed.upper()
            if fixed != unicodedata.normalize("NFC", text):
                converted[encoding] += 1
                evidence[font if font_encoding(font) else ""] += 1
            text = fixed
        repaired.append(normalize(text))
    if not converted:
        return repaired, None, []
    encoding = converted.most_common(1)[0][0]
    fonts_seen = [f for f, _ in evidence.most_common() if f]
    source = f"font {', '.join(fonts_seen[:3])}" if fonts_seen else "character statistics"
    nonempty = sum(1 for t in texts if t.strip())
    warning = (
        f"legacy {encoding.upper()} encoding detected from {source} and converted to Unicode "
        f"in {converted[encoding]} of {nonempty} blocks"
    )
    return repaired, encoding, [warning]
