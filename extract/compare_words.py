"""Words compared across periods: abbreviations spelled out, and counted units that name one thing.

    >>> spelled_out("Số TTHC cấp tỉnh")
    'Số thủ tục hành chính cấp tỉnh'
    >>> same_unit("TTHC", "thủ tục"), same_unit("sổ", "Sổ sức khỏe điện tử"), same_unit("cơ quan, đơn vị", "đơn vị")
    (True, True, True)
    >>> same_unit("cơ sở", "cơ quan"), same_unit("hồ sơ", "đảng viên")
    (False, False)

A report counts "04 TTHC" one month and "04 thủ tục" the next, "562.694 sổ" and
"849.881 Sổ sức khỏe điện tử": two counted units are one when, abbreviations spelled out
(``extract/data/label_abbreviations.tsv``), one's words begin the other's, or one is an
item of the other's list ("cơ quan, đơn vị").
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import regex

DATA = Path(__file__).resolve().parent / "data" / "label_abbreviations.tsv"


@functools.lru_cache(maxsize=1)
def _abbreviations() -> tuple[regex.Pattern, dict[str, str]]:
    table: dict[str, str] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("abbreviation\t"):
            continue
        short, long = line.split("\t")
        table[short.strip()] = long.strip()
    alternatives = "|".join(map(regex.escape, sorted(table, key=len, reverse=True)))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])"), table


@functools.lru_cache(maxsize=65536)
def spelled_out(text: str) -> str:
    """``text`` with each abbreviation of the table spelled out."""
    pattern, table = _abbreviations()
    return pattern.sub(lambda m: table[m.group()], unicodedata.normalize("NFC", text))


def _words(unit: str) -> list[tuple[str, ...]]:
    """A unit's items (a comma list names several), each as folded words."""
    from extract.compare import fold

    return [tuple(fold(item).split()) for item in spelled_out(unit).split(",") if item.strip()]


@functools.lru_cache(maxsize=4096)
def same_unit(a: str | None, b: str | None) -> bool:
    """Whether two counted units name the same thing (see the module's rule)."""
    if (a or "") == (b or ""):
        return True
    if not a or not b:
        return False
    for x in _words(a):
        for y in _words(b):
            shorter, longer = sorted((x, y), key=len)
            if shorter and longer[:len(shorter)] == shorter:
                return True
    return False
