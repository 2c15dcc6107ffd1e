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


# Column rules of a table and of its continuation may differ by this much (points).
_RULE_TOLERANCE = 3.0


def join_continued_tables(blocks: list[Block]) -> list[Block]:
    """Make a table that goes on over the next page one table.

    A table is continued when the next table opens the page right after the page where this
    one ends, nothing but footnotes stands between them, and both have the same columns (the
    same count and, where the reader measured them, the same rules). The continuation's rows
    are numbered on after the first part's; its leading rows that repeat the first part's
    leading rows (a header printed again on every page) are dropped. Tables after it are
    numbered on, so table numbers stay consecutive.

        >>> def cell(t, r, c, text, page):
        ...     return Block(text=text, kind="table_cell", cell=(t, r, c), page=page)
        >>> blocks = [cell(0, 0, 0, "Năm", 1), cell(0, 0, 1, "Số", 1), cell(0, 1, 0, "2023", 1),
        ...           cell(0, 1, 1, "12", 1), cell(1, 0, 0, "Năm", 2), cell(1, 0, 1, "Số", 2),
        ...           cell(1, 1, 0, "2024", 2), cell(1, 1, 1, "15", 2)]
        >>> [(b.cell, b.text) for b in join_continued_tables(blocks)][-2:]
        [((0, 2, 0), '2024'), ((0, 2, 1), '15')]
    """
    tables: dict[int, list[int]] = defaultdict(list)  # table number → indexes of its cells
    for i, b in enumerate(blocks):
        if b.kind == "table_cell" and b.cell is not None:
            tables[b.cell[0]].append(i)
    if len(tables) < 2:
        return blocks
    order = sorted(tables, key=lambda t: tables[t][0])
    renumber: dict[int, int] = {}  # old table number → new one
    row_offset: dict[int, int] = {}  # old table number → rows to add
    drop: set[int] = set()
    previous = None
    for t in order:
        if previous is not None and _continues(blocks, tables[previous], tables[t]):
            first = renumber[previous]
            head = _first_part(blocks, tables, renumber, first)
            repeated = _repeated_rows(head, [blocks[i] for i in tables[t]])
            drop.update(i for i in tables[t] if blocks[i].cell[1] < repeated)
            end = max(blocks[i].cell[1] + blocks[i].row_span for i in tables[previous]) + row_offset[previous]
            split = _rest_of_split_row(blocks, [i for i in tables[previous] if i not in drop], tables[t], repeated, head)
            drop.update(split or ())
            renumber[t], row_offset[t] = first, end - repeated - (split is not None)
        else:
            renumber[t], row_offset[t] = len(set(renumber.values())), 0
        previous = t
    out = []
    for i, b in enumerate(blocks):
        if i in drop:
            continue
        if b.kind == "table_cell" and b.cell is not None:
            t, r, c = b.cell
            b.cell = (renumber[t], r + row_offset[t], c)
        out.append(b)
    return out


def _rest_of_split_row(blocks: list[Block], before: list[int], after: list[int], row: int,
                       head: list[Block]) -> list[int] | None:
    """When the page break cut the last row of ``before`` in two, put the rest (row ``row`` of
    ``after``) into it and return the cells so emptied (None when the row is a row of its own).

    A row is cut when its rest opens the next page without the first column's cell (its
    number, "STT", stayed above) and either the row above has a first cell of its own or the
    rest goes on a sentence in lower case ("kịp thời những nội dung …"). Under a first cell
    merged over several rows the rest of a cut row and a new row look alike but for that case.
    A header printed again that OCR misread (no "STT" read) is no rest: its cells say what the
    table's first rows (``head``) say.
    """
    if not before:
        return None
    last = max(blocks[i].cell[1] for i in before)
    above = {blocks[i].cell[2]: blocks[i] for i in before if blocks[i].cell[1] == last}
    rest = [i for i in after if blocks[i].cell[1] == row]
    if not rest or any(blocks[i].cell[2] == 0 for i in rest):
        return None
    # the table's header: its rows above the first with a cell that is a figure and nothing else
    # (a header names dates: "Giải ngân đến hết ngày 30/9/2025")
    first_figures = min((b.cell[1] for b in head if b.cell[2] > 0 and _is_figure_cell(b.text)), default=0)
    heading = defaultdict(set)
    for b in head:
        if b.cell[1] < first_figures:
            heading[b.cell[2]] |= _words(b.text)
    if any(_says_again(_words(blocks[i].text), heading[blocks[i].cell[2]]) for i in rest):
        return None
    opener = above.get(0)
    own_first_cell = opener is not None and opener.row_span == 1 and bool(opener.text.strip())
    goes_on = any(blocks[i].text.lstrip()[:1].islower() for i in rest)
    covered = any(blocks[i].cell[2] == 0 and blocks[i].cell[1] + blocks[i].row_span - 1 == last for i in before)
    if not (own_first_cell or (covered and goes_on)):
        return None
    emptied = []
    for i in rest:
        if (cell := above.get(blocks[i].cell[2])) is not None:
            cell.text = f"{cell.text.rstrip()} {blocks[i].text.lstrip()}"
            emptied.append(i)
    return emptied


def _is_figure_cell(text: str) -> bool:
    return bool(regex.fullmatch(r"\s*[\d.,]*\d[\d.,]*\s*%?\s*", text)) and not _NOT_A_FIGURE.match(text)


def _says_again(words: set[str], header: set[str]) -> bool:
    """Most of a cell's words are its column header's: the header printed again."""
    common = len(words & header)
    return common >= 2 and common >= 0.6 * len(words)


def _words(text: str) -> set[str]:
    return {w.casefold() for w in regex.findall(r"\p{L}{2,}", text)}


def _first_part(blocks, tables, renumber, first: int) -> list[Block]:
    """The cells of the first part of a table already joined (whose header a third page repeats)."""
    part = next(t for t in tables if renumber.get(t) == first)
    return [blocks[i] for i in tables[part]]


def _continues(blocks: list[Block], before: list[int], after: list[int]) -> bool:
    last, first = blocks[before[-1]], blocks[after[0]]
    if last.page is None or first.page is None or first.page != last.page + 1:
        return False
    # it ended its page: nothing but footnotes between the two parts
    between = blocks[before[-1] + 1 : after[0]]
    if any(b.text.strip() and b.kind != "footnote" for b in between):
        return False
    # it opens its page: no block of that page comes before it
    if any(b.page == first.page and b.text.strip() for b in blocks[: after[0]]):
        return False
    return _same_columns([blocks[i] for i in before], [blocks[i] for i in after])


def _columns(cells: list[Block]) -> tuple[int, dict[int, tuple[float, float]]]:
    count = max(b.cell[2] + b.col_span for b in cells)
    rules = {b.cell[2]: b.cell_x for b in cells if b.col_span == 1 and b.cell_x is not None}
    return count, rules


def _same_columns(a: list[Block], b: list[Block]) -> bool:
    (count_a, rules_a), (count_b, rules_b) = _columns(a), _columns(b)
    if count_a != count_b:
        return False
    shared = rules_a.keys() & rules_b.keys()
    return all(abs(rules_a[c][0] - rules_b[c][0]) <= _RULE_TOLERANCE and abs(rules_a[c][1] - rules_b[c][1]) <= _RULE_TOLERANCE
               for c in shared)


def _repeated_rows(head: list[Block], continuation: list[Block]) -> int:
    """How many leading rows of the continuation repeat the table's leading rows, cell for cell."""
    def rows(cells):
        out: dict[int, dict[int, str]] = defaultdict(dict)
        for b in cells:
            out[b.cell[1]][b.cell[2]] = " ".join(b.text.split())
        return [out[r] for r in sorted(out)]

    first, again = rows(head), rows(continuation)
    n = 0
    while n < len(first) and n < len(again) and again[n] == first[n] and len(again) > n + 1:
        n += 1
    return n
