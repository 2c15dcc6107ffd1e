"""Indicators in statistics tables with several value columns: one per value cell.

A row is ``{column: cell text}``; the header rows are those above the first data row.

    >>> rows = [{0: "STT", 1: "Nội dung", 2: "KH giao (triệu đồng)", 3: "Tỷ lệ so KH", 4: "Ghi chú"},
    ...         {0: "1", 1: "Vốn ngân sách tỉnh", 2: "9.019", 3: "85,3", 4: "12"}]
    >>> [(f.label, f.kind, f.value, f.unit) for f in read_table(rows)]
    [('Vốn ngân sách tỉnh, KH giao', 'money', 9019.0, 'triệu đồng'), ('Vốn ngân sách tỉnh, Tỷ lệ so KH', 'percent', 85.3, '%')]

A cell "a/b" is a rank under "Thứ hạng" ("62/63": 62nd of 63), a score under "Điểm" ("83,1/100":
83,1 điểm of 100), else a ratio:

    >>> rows = [{0: "Tỉnh", 1: "PAR Index", 3: "PAPI"}, {1: "Điểm số", 2: "Thứ hạng", 3: "Điểm số"},
    ...         {0: "Lâm Đồng", 1: "83,1/100", 2: "62/63", 3: "41,02/80"}]
    >>> [(f.label, f.kind, f.value, f.unit, f.denominator) for f in read_table(rows)]
    [('Lâm Đồng, PAR Index Điểm số', 'quantity', 83.1, 'điểm', 100.0), ('Lâm Đồng, PAR Index Thứ hạng', 'rank', 62.0, None, 63.0), ('Lâm Đồng, PAPI Điểm số', 'quantity', 41.02, 'điểm', 80.0)]

Years as headers are the figures' period, and so are years as row labels under "Năm":

    >>> rows = [{0: "Năm", 1: "2020", 2: "2021"}, {0: "Cả nước", 1: "27", 2: "60"}]
    >>> [(f.label, f.value, f.period) for f in read_table(rows)]
    [('Cả nước, 2020', 27.0, 'năm 2020'), ('Cả nước, 2021', 60.0, 'năm 2021')]

A table whose rows hold one figure each is not read here (None): ``read_row`` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extract.indicators.reference import table_column_roles
from extract.indicators.table_rows import unit_of_cell
from extract.indicators.units import cell_kind, whole_unit

Row = dict[int, str]

# Any separator convention ("9.019", "13,989.8", "2,081,770"): parse_number settles which.
_FIGURE = regex.compile(r"\d[\d.,]*%?")
_LETTERS = regex.compile(r"\p{L}{2,}")
_YEAR = regex.compile(r"(?:19|20)\d\d")
_SIMPLE_PERIOD = regex.compile(r"(?i)(?:(?:\d+ tháng (?:đầu|cuối) |quý [IV\d]+ )?năm )?(?:19|20)\d\d")
_UNIT_LINE = regex.compile(r"(?i)(?:đơn vị tính|đơn vị|đvt)\s*:\s*([^():\n]+?)[\s)]*$")
_COMMA_GROUPS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3}(?:,\d{3})+\.\d+")
_COMMA_GROUP = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PAREN = regex.compile(r"\s*\(([^()]+)\)")
# A price or an amount: its cells are money whatever the row's "ĐVT" counts.
_MONEY_COLUMN = regex.compile(r"(?i)(?:đơn giá|thành tiền|số tiền|kinh phí|dự toán)(?!\p{L})")
_PERCENT_NAME = regex.compile(r"(?i)(?<!\p{L})(?:tỷ lệ|tỉ lệ)(?!\p{L})|%")
# "62/63", "83,1/100": a part of a whole printed in one cell
_FRACTION = regex.compile(r"(\d[\d.,]*)\s*/\s*(\d[\d.,]*)")
_RANK_NAME = regex.compile(r"(?i)(?<!\p{L})(?:thứ hạng|xếp hạng|xếp thứ|hạng)(?!\p{L})")
_SCORE_NAME = regex.compile(r"(?i)(?<!\p{L})điểm(?!\p{L})")


@dataclass(slots=True)
class CellFigure:
    label: str
    kind: str
    value: float
    unit: str | None
    period: str | None
    row: int  # index in the rows given
    column: int
    label_column: int
    numerator: float | None = None  # a cell "a/b": a, and b the whole
    denominator: float | None = None


@dataclass(slots=True)
class _Column:
    name: str  # header text without its unit
    unit: tuple[str, str, float] | None  # unit, kind, scale


def unit_of_line(text: str) -> tuple[str, str, float] | None:
    """The unit a table's "Đơn vị: …" line names.

    >>> unit_of_line("Đơn vị: Triệu đồng")
    ('triệu đồng', 'money', 1000000.0)
    >>> unit_of_line("(ĐVT: người)")
    ('người', 'count', 1.0)
    >>> unit_of_line("Đơn vị: Triệu đông")[0]
    'triệu đồng'
    """
    m = _UNIT_LINE.search(text)
    if not m:
        return None
    # scans lose the grave accent of "đồng"; in a unit line "đông" can be nothing else
    return _unit(m.group(1).strip()) or _unit(regex.sub(r"(?i)(?<=\s|^)đông$", "đồng", m.group(1).strip()))


def _unit(text: str) -> tuple[str, str, float] | None:
    """A cell or parenthesis that is a unit and nothing else."""
    unit = whole_unit(text)
    return (unit.unit, cell_kind(unit), unit.scale) if unit else None


def _figure(text: str, comma_groups: bool = False) -> float | None:
    """A value cell's number; ``comma_groups`` when the table writes thousands as "197,128,000".

    >>> _figure("532,000"), _figure("532,000", comma_groups=True), _figure("1,5", comma_groups=True)
    (532.0, 532000.0, 1.5)
    """
    from extract.text.numbers import parse_number

    if not _FIGURE.fullmatch(text):
        return None
    number = text.rstrip("%")
    if comma_groups and _COMMA_GROUP.fullmatch(number):  # "1,5" stays a decimal comma
        number = number.replace(",", "")
    return parse_number(number)


def _fraction(text: str) -> tuple[float, float] | None:
    """The two numbers of a cell "a/b" (not a date "20/10/2025": one slash only).

    >>> _fraction("83,1/100"), _fraction("20/10/2025"), _fraction("83,1")
    ((83.1, 100.0), None, None)
    """
    from extract.text.numbers import parse_number

    m = _FRACTION.fullmatch(text)
    if not m:
        return None
    a, b = parse_number(m.group(1)), parse_number(m.group(2))
    return (a, b) if a is not None and b else None


def _is_value(text: str) -> bool:
    return bool(_FIGURE.fullmatch(text)) or _fraction(text) is not None


def _comma_groups(rows: list[Row]) -> bool:
    """Whether the table groups thousands with commas: some cell shows two comma groups or a comma
    group before a decimal point, so a lone "532,000" there is 532000, not 532."""
    return any(_COMMA_GROUPS.fullmatch(t) for row in rows for t in row.values())


def _is_year_header(row: Row) -> bool:
    """A row of years over counts ("Năm | 2020 | 2021"): a header, wherever it stands."""
    years = [t for t in row.values() if _FIGURE.fullmatch(t)]
    return len(years) >= 2 and all(_YEAR.fullmatch(t) for t in years)


def _label_column(row: Row) -> int | None:
    """The row's label: its first cell with words, or a year or period that labels the row."""
    for col in sorted(row):
        text = row[col]
        if _SIMPLE_PERIOD.fullmatch(text) or (_LETTERS.search(text) and not _FIGURE.fullmatch(text)):
            return col
    return None


def _is_data_row(row: Row) -> bool:
    label = _label_column(row)
    return label is not None and not _is_year_header(row) and any(
        _is_value(t) for c, t in row.items() if c > label)


def _is_header(row: Row, label_column: int) -> bool:
    """A row above the first data row that heads its value columns: words or years right of the
    label column (not a column-number row "1 2 3", not a section row "I | BỘ, CƠ QUAN TRUNG ƯƠNG")."""
    over_values = " ".join(t for c, t in row.items() if c > label_column)
    return bool(_LETTERS.search(over_values)) or _is_year_header(row)


def _header_parts(headers: list[Row], col: int, after: int) -> list[str]:
    """The header cells over a column, top to bottom: in each header row the cell starting at or
    before it (merged cells span to the right) and right of the label column."""
    parts = []
    for row in headers:
        starts = [c for c in row if after < c <= col]
        if starts and row[max(starts)] not in parts:
            parts.append(row[max(starts)])
    return parts


def _without_unit(text: str) -> tuple[str, tuple[str, str, float] | None]:
    """A text without its parenthesised unit, and that unit.

    >>> _without_unit("Tổng chi phí BHYT do nhà nước hỗ trợ (tỷ đồng)")
    ('Tổng chi phí BHYT do nhà nước hỗ trợ', ('tỷ đồng', 'money', 1000000000.0))
    """
    for m in _PAREN.finditer(text):
        if unit := _unit(m.group(1).strip()):
            return text.replace(m.group(0), "").strip(), unit
    return text, None


def _column(header: str) -> _Column:
    """A value column's name and the unit its header gives ("Tỷ lệ (%)", "KH giao (triệu đồng)").

    >>> _column("Số tiền đã hoàn thuế (triệu đồng)")
    _Column(name='Số tiền đã hoàn thuế', unit=('triệu đồng', 'money', 1000000.0))
    >>> _column("Tỷ lệ so KH đầu năm").unit
    ('%', 'percent', 1.0)
    """
    name, unit = _without_unit(header)
    if _PERCENT_NAME.search(name):
        unit = ("%", "percent", 1.0)
    return _Column(name, unit)


def _period(text: str) -> str | None:
    """A header or row label as an indicator's period, when it is a plain year or period."""
    if _YEAR.fullmatch(text):
        return f"năm {text}"
    return text[:1].lower() + text[1:] if _SIMPLE_PERIOD.fullmatch(text) else None


def read_table(rows: list[Row], unit_line: str = "") -> list[CellFigure] | None:
    """The figures of a statistics table with several value columns, or None."""
    rows = [{c: t.strip() for c, t in row.items() if t.strip()} for row in rows]
    first = next((i for i, row in enumerate(rows) if _is_data_row(row)), None)
    if first is None:
        return None
    headers = [row for row in rows[:first] if _is_header(row, _label_column(rows[first]))]
    table_unit = unit_of_line(unit_line) or next(
        (u for row in headers for t in row.values() if (u := unit_of_line(t))), None)
    headers = [{c: t for c, t in row.items() if not _UNIT_LINE.search(t)} for row in headers]
    comma_groups = _comma_groups(rows)
    found: list[CellFigure] = []
    for i in range(first, len(rows)):
        if _is_year_header(rows[i]):
            headers = [rows[i]]
        elif _is_data_row(rows[i]):
            found += _row_figures(rows[i], i, headers, table_unit, comma_groups)
    by_row: dict[int, int] = {}
    for f in found:
        by_row[f.row] = by_row.get(f.row, 0) + 1
    return found if by_row and max(by_row.values()) >= 2 else None


def _row_figures(row: Row, index: int, headers: list[Row], table_unit, comma_groups: bool) -> list[CellFigure]:
    if any("=" in t for t in row.values()):  # a code book ("Có = 1; Không = 0"): flags, not figures
        return []
    roles = table_column_roles()
    label_col = _label_column(row)
    role = {c: next((roles[t.casefold()] for t in _header_parts(headers, c, -1) if t.casefold() in roles), None)
            for c in row}
    label, label_unit = _without_unit(regex.sub(r"^[-–+•]\s*", "", row[label_col]))
    # the row label is the period ("2021" under "Năm"), unless the column headers are ("Năm | 2020")
    label_is_period = role[label_col] == "period" or _SIMPLE_PERIOD.fullmatch(label)
    unit_cell = next((t for c, t in row.items() if role[c] == "unit"), "")
    row_unit = label_unit or next((u for c, t in row.items() if c > label_col and (u := _without_unit(t)[1])), None)
    out = []
    for col in sorted(c for c in row if c > label_col and role[c] not in ("ordinal", "note", "unit")):
        text = row[col]
        value, part = _figure(text, comma_groups), _fraction(text)
        parts = _header_parts(headers, col, label_col)
        header = " ".join(parts)
        if (value is None and part is None) or "=" in header:
            continue
        column = _column(header)
        if part is not None:
            kind, value, unit, numerator, denominator = _part_of_whole(part, column, unit_cell, row_unit)
        else:
            unit, kind, _ = _cell_unit(text, column, unit_cell, row_unit or table_unit, table_unit)
            numerator = denominator = None
            if unit is None and kind == "count" and parts and (counted := _unit(parts[-1])):
                unit, kind = counted[0], counted[1]  # "Website | Ứng dụng" under a group header: what is counted
        if label_is_period and not _period(column.name):
            name, period = f"{column.name}, {label}" if column.name else label, _period(label)
        else:
            name, period = f"{label}, {column.name}" if column.name else label, _period(column.name)
        out.append(CellFigure(name, kind, value, unit, period, index, col, label_col, numerator, denominator))
    return out


def _part_of_whole(part: tuple[float, float], column: _Column, unit_cell: str, row_unit):
    """Kind, value, unit, numerator and denominator of a cell "a/b", read as the text reads
    "xếp hạng 11/34" (a rank of 34, no unit), "đạt 90,09/100 điểm" (a score out of 100) and
    "39/45 nhiệm vụ" (a ratio of counts)."""
    a, b = part
    if _RANK_NAME.search(column.name):
        return "rank", a, None, None, b
    if _SCORE_NAME.search(column.name):
        return "quantity", a, "điểm", a, b
    unit = column.unit[0] if column.unit else (unit_of_cell(unit_cell)[0] if unit_cell else (row_unit or (None,))[0])
    return "ratio", round(a / b, 4), unit, a, b


def _cell_unit(text: str, column: _Column, unit_cell: str, row_unit, table_unit=None) -> tuple[str | None, str, float]:
    """Unit, kind and scale of a value cell: a "%" on it, else its column header's unit, else, under a
    price or amount header ("Đơn giá", "Thành tiền"), the table's money unit or đồng, else the row's unit
    cell (it counts the quantity column, not the price: "trọn gói", "người/ngày"), else a unit in the row's
    label or the table's "Đơn vị: …" line; a count of nothing named otherwise.

        >>> _cell_unit("290,000", _column("Đơn giá đã có VAT"), "người/ngày", None)
        ('đồng', 'money', 1.0)
    """
    if text.endswith("%"):
        return "%", "percent", 1.0
    if column.unit:
        return column.unit
    if _MONEY_COLUMN.match(column.name):
        return table_unit if table_unit and table_unit[1] == "money" else ("đồng", "money", 1.0)
    if unit_cell:
        return unit_of_cell(unit_cell)
    return row_unit or (None, "count", 1.0)
