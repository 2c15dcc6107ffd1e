"""What every reader's tables share: which rows are a table's header.

A DOCX says so (``w:tblHeader``); a PDF or a scan does not, so a table with no row
marked gets its header from its cells: the rows above the first row that prints a
figure (a year, a column number "(1)" or a row number "1." is no figure):

    >>> from extract.document import Block
    >>> cells = [Block(text=t, kind="table_cell", cell=(0, r, c)) for r, c, t in [
    ...     (0, 0, "STT"), (0, 1, "Chỉ tiêu"), (0, 2, "Năm 2024"), (1, 0, "(1)"), (1, 1, "(2)"),
    ...     (1, 2, "(3)"), (2, 0, "1."), (2, 1, "Số văn bản"), (2, 2, "82")]]
    >>> [b.header for b in mark_header_rows(cells)]
    [True, True, True, True, True, True, False, False, False]
"""

from __future__ import annotations

from collections import defaultdict

import regex

from extract.document import Block

_FIGURE = regex.compile(r"\d")
_NOT_A_FIGURE = regex.compile(r"^\s*(?:\(\d{1,3}\)|\d{1,3}[.)]|(?:năm\s+)?(?:19|20)\d\d|[IVXLC]+\.?)\s*$", regex.I)


def _prints_figure(text: str) -> bool:
    return bool(_FIGURE.search(text)) and not _NOT_A_FIGURE.match(text)


def mark_header_rows(blocks: list[Block]) -> list[Block]:
    """Set ``header`` on the leading rows of every table none of whose rows is marked."""
    rows: dict[int, dict[int, list[Block]]] = defaultdict(lambda: defaultdict(list))
    for b in blocks:
        if b.kind == "table_cell" and b.cell is not None:
            rows[b.cell[0]][b.cell[1]].append(b)
    for table in rows.values():
        if any(b.header for cells in table.values() for b in cells):
            continue
        ordered = [table[r] for r in sorted(table)]
        first = next((k for k, cells in enumerate(ordered)
                      if any(_prints_figure(b.text) for b in cells if b.cell[2] > 0)), None)
        if first is None:
            continue
        for cells in ordered[:first]:
            for b in cells:
                b.header = True
    return blocks
