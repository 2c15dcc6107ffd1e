"""Indicators of a report's tables, read from the cells the readers give (``Block.cell`` = table,
row, column): per row when rows hold one figure each (:mod:`~extract.indicators.table_rows`: label,
unit, value cells), per value cell when the table has several value columns
(:mod:`~extract.indicators.table_columns`).
"""

from __future__ import annotations

from itertools import groupby

from extract.indicators.scale import based
from extract.schema import Indicator


def table_indicators(skeleton, period: str | None, context=None) -> list[Indicator]:
    """One indicator per value cell of each statistics table of the skeleton's body."""
    cells = [(n, pb) for n, pb in enumerate(skeleton.blocks) if pb.block.cell is not None and pb.region != "front"]
    out, unit_line = [], ""
    for _, table in groupby(cells, key=lambda c: c[1].block.cell[0]):
        table = list(table)
        before = skeleton.blocks[table[0][0] - 1] if table[0][0] else None
        if before is None or before.block.cell is None:
            unit_line = skeleton.text[before.span[0] : before.span[1]] if before else ""
        # else the table follows another with nothing between (a table split over pages, a scan's
        # page each): it keeps that table's "Đơn vị: …" line
        out += _table_figures(skeleton, [pb for _, pb in table], unit_line, period)
    if context is not None:
        for ind in out:  # a cell's label holds its row and column headers: "Vốn ngân sách tỉnh, KH giao"
            ind.role = context.role(ind.label or "", "", ind.span[0])
    return out


def _table_figures(skeleton, cells, unit_line: str, period: str | None) -> list[Indicator]:
    from extract.indicators.table_columns import read_table
    from extract.indicators.table_rows import read_row

    rows = [sorted(row, key=lambda pb: pb.block.cell[2]) for _, row in groupby(cells, key=lambda pb: pb.block.cell[:2])]
    grid = [_cell_spans(row) for row in rows]
    texts = [{c: " ".join(skeleton.text[a:b] for a, b in spans) for c, spans in row.items()} for row in grid]
    figures = read_table(texts, unit_line)
    if figures is not None:
        return [_table_indicator(skeleton, grid[f.row][f.label_column][0][0], grid[f.row][f.column][-1][1], f,
                                 f.period or period) for f in figures]
    out = []
    for row in rows:
        fig = read_row([skeleton.text[pb.span[0] : pb.span[1]] for pb in row])
        if fig is not None:
            out.append(_table_indicator(skeleton, row[fig.label_column].span[0], row[fig.column].span[1], fig, period))
    return out


def _cell_spans(row) -> dict[int, list[tuple[int, int]]]:
    """Column → spans of its paragraphs (a cell of several paragraphs is several blocks)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for pb in row:
        spans.setdefault(pb.block.cell[2], []).append(pb.span)
    return spans


def _table_indicator(skeleton, start: int, end: int, fig, period: str | None) -> Indicator:
    ind = Indicator(
        id="", text=skeleton.text[start:end], label=fig.label, kind=fig.kind, value=fig.value,
        unit=fig.unit, period=period, span=(start, end),
        numerator=getattr(fig, "numerator", None), denominator=getattr(fig, "denominator", None),
    )
    ind.base_value, ind.base_unit = based(ind)
    return ind
