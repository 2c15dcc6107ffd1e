"""The indicator extractor's reference tables (``extract/data/*.tsv``), loaded once.

    >>> units()[0].form  # longest form first, so "tỷ đồng" wins over "đồng"
    'dịch vụ công trực tuyến'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass(frozen=True, slots=True)
class Unit:
    form: str
    unit: str
    kind: str
    scale: float

    @property
    def folds_case(self) -> bool:
        """All-lower-case forms match any case; "TTHC", "MW", "Phó Giám đốc" only as printed."""
        return self.form == self.form.lower()


@dataclass(frozen=True, slots=True)
class Cue:
    cue: str
    role: str
    value: str


@cache
def word_list(name: str) -> tuple[str, ...]:
    """A one-word-or-phrase-a-line table (``#`` comments)."""
    with open(DATA / name, encoding="utf-8") as f:
        return tuple(line.strip() for line in f if line.strip() and not line.startswith("#"))


@cache
def units() -> tuple[Unit, ...]:
    rows = (Unit(r["form"], r["unit"], r["kind"], float(r["scale"])) for r in _rows("units.tsv"))
    return tuple(sorted(rows, key=lambda u: -len(u.form)))


@cache
def not_indicator_cues() -> tuple[dict[str, str], ...]:
    return tuple(_rows("not_indicator_cues.tsv"))


@cache
def reading_cues() -> tuple[Cue, ...]:
    rows = (Cue(r["cue"], r["role"], r["value"]) for r in _rows("indicator_cues.tsv"))
    return tuple(sorted(rows, key=lambda c: -len(c.cue)))


@dataclass(frozen=True, slots=True)
class RoleCue:
    cue: str
    role: str  # result | target | threshold
    where: str  # before | after | heading | document


@cache
def role_cues() -> tuple[RoleCue, ...]:
    return tuple(RoleCue(r["cue"], r["role"], r["where"]) for r in _rows("role_cues.tsv"))


@cache
def table_column_roles() -> dict[str, str]:
    """Statistics-table column header (case folded) → its role: ordinal, note, unit or period."""
    return {r["header"]: r["role"] for r in _rows("table_columns.tsv")}
