"""Indicators in statistics tables: one row = label cell, unit cell ("Đơn vị tính"), value cell.

    >>> rows = [["1.", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", "82", ""],
    ...         ["2.", "Tỷ lệ hoàn thành Kế hoạch CCHC năm", "%", "100", ""],
    ...         ["5.", "Khảo sát sự hài lòng", "Có = 1; Không = 0", "1", ""]]
    >>> [(f.label, f.kind, f.value, f.unit) for f in map(read_row, rows) if f]
    [('Số văn bản chỉ đạo CCHC đã ban hành', 'count', 82.0, 'văn bản'), ('Tỷ lệ hoàn thành Kế hoạch CCHC năm', 'percent', 100.0, '%')]

A row whose unit cell is a code book ("Có = 1; Không = 0") holds a yes/no flag,
not a figure; a year printed bare is a deadline ("Văn bản | 2026"), not a count (which would print "2.026"). A unit cell that names no unit ("Số lượng") leaves the unit empty.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extract.indicators.units import cell_kind, whole_unit

_FIGURE = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_LABEL = regex.compile(r"\p{L}{2,}")
_YEAR = regex.compile(r"(?:19|20)\d\d")
_GENERIC_UNITS = {"số lượng", "số liệu", "đơn vị tính", ""}


@dataclass(slots=True)
class RowFigure:
    label: str
    kind: str
    value: float
    unit: str | None
    column: int  # index of the value cell
    label_column: int


def _number(s: str) -> float | None:
    from extract.text.numbers import parse_number

    return parse_number(s)


def read_row(cells: list[str]) -> RowFigure | None:
    """The figure of one table row (cell texts in column order), or None."""
    values = [i for i, c in enumerate(cells) if _FIGURE.fullmatch(c.strip())]
    labels = [i for i, c in enumerate(cells) if _LABEL.search(c) and not _FIGURE.fullmatch(c.strip())]
    if not values or not labels or values[-1] < labels[0]:
        return None
    col = values[-1]
    value = _number(cells[col].strip())
    label_col = labels[0]
    between = [cells[i].strip() for i in range(label_col + 1, col) if cells[i].strip()]
    unit_cell = between[-1] if between else ""
    if value is None or "=" in unit_cell or regex.search(r"\d", unit_cell):
        return None
    if _YEAR.fullmatch(cells[col].strip()):
        return None  # "Luật | 2030" in a programme's table: the year it is due (a count prints "2.030")
    if unit_cell.casefold() in _GENERIC_UNITS:
        unit, kind = None, "percent" if regex.match(r"(?i)tỷ lệ|tỉ lệ", cells[label_col]) else "count"
    else:
        unit, kind, _ = unit_of_cell(unit_cell)
    return RowFigure(cells[label_col].strip(), kind, value, unit, col, label_col)


def unit_of_cell(cell: str) -> tuple[str, str, float]:
    """Unit, kind and scale a row's "Đơn vị tính" cell gives: a known unit, else the word itself as
    what is counted, lower-cased unless it is an acronym.

        >>> unit_of_cell("Tỷ đồng"), unit_of_cell("Văn bản"), unit_of_cell("DVC")
        (('tỷ đồng', 'money', 1000000000.0), ('văn bản', 'count', 1.0), ('DVC', 'count', 1.0))
    """
    if unit := whole_unit(cell):
        return unit.unit, cell_kind(unit), unit.scale
    return (cell if cell[1:2].isupper() else cell[:1].lower() + cell[1:]), "count", 1.0
