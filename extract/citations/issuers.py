"""Issuer codes of a số ký hiệu and the organs they name.

    >>> issuer_name("CP"), issuer_name("UBTVQH14"), issuer_name("BDVTU-BCSĐ"), issuer_name("CAT-PC06")
    ('Chính phủ', 'Ủy ban Thường vụ Quốc hội', 'Ban Dân vận Tỉnh ủy và Ban cán sự đảng', 'Công an tỉnh')
    >>> canonical_issuer("ttg"), canonical_issuer("BCSDUBND"), canonical_issuer("SCT")
    ('TTg', 'BCSDUBND', 'SCT')
"""

from __future__ import annotations

from functools import cache

import regex

from extract.citations.tables import _rows, fold


@cache
def _names() -> dict[str, str]:
    """Code (upper case) → organ; ``issuer_names.tsv`` overrides ``issuers.tsv``."""
    names: dict[str, str] = {}
    for r in _rows("issuers.tsv"):
        code = r["abbreviation"]
        if regex.fullmatch(r"[\p{L}&]+", code):
            names[code.upper()] = regex.sub(r"\s*\(.*?\)\s*", "", r["expansion"]).split(" / ")[0].strip()
    for r in _rows("issuer_names.tsv"):
        names[r["code"].upper()] = r["name"]
    return names


@cache
def _spellings() -> dict[str, str]:
    """Upper-case and đ-less spellings → the code as tables write it (TTg keeps its case)."""
    codes = [r["code"] for r in _rows("issuer_names.tsv")]
    table = {fold(c).upper(): c for c in codes}
    table.update({c.upper(): c for c in codes})
    return table


def canonical_issuer(segment: str) -> str:
    """One issuer segment as the tables spell it, its khóa digits repaired; unknown segments are
    upper-cased."""
    upper = khoa_misread(segment).upper()
    return _spellings().get(upper) or _spellings().get(fold(upper)) or upper


_KHOA_DIGITS = regex.compile(r"\d+$")


@cache
def _folded_names() -> frozenset[str]:
    return frozenset(fold(k) for k in _names())


def known_issuer(segment: str) -> bool:
    """Whether the tables know this issuer code (its khóa digits aside): ``known_issuer("BTC")``."""
    bare = _KHOA_DIGITS.sub("", segment).upper()
    return bare in _names() or fold(bare) in _folded_names()


def issuer_name(code: str) -> str | None:
    """The organ(s) a (possibly joint) issuer code names: the known segments from the left,
    so a drafting unit after the issuer ("CAT-PC06") is left out; None when the first is unknown."""
    parts = []
    for segment in code.split("-"):
        bare = _KHOA_DIGITS.sub("", segment).upper()
        name = _names().get(bare) or _names().get(fold(bare))
        if name is None:
            break
        parts.append(name)
    return " và ".join(parts) or None


_KHOA_RUN = regex.compile(r"(?P<code>[A-ZĐ]+?)(?P<run>[0-9Il]*[0-9][0-9Il]*)")


def khoa_misread(segment: str) -> str:
    """An issuer code whose khóa digits OCR read with an "I" for the "1": "QHI5", "QH1I5",
    "QHI15" → "QH15". Tesseract either swaps the 1 for an I or prints both, so an I that
    makes the khóa three digits long is dropped rather than read as a 1.

        >>> [khoa_misread(s) for s in ("QHI5", "QHI15", "QH1I5", "QH15", "BTC")]
        ['QH15', 'QH15', 'QH15', 'QH15', 'BTC']
    """
    m = _KHOA_RUN.fullmatch(segment)
    if not m or not any(c in "Il" for c in m["run"]) or not known_issuer(m["code"]):
        return segment
    digits = m["run"].replace("I", "1").replace("l", "1")
    if len(digits) > 2:
        digits = m["run"].replace("I", "").replace("l", "")
    return m["code"] + digits
