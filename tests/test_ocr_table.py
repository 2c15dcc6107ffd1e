"""Ruled tables on scanned pages: the grid from the rules, cells read one by one.

The grid and merge rules are pinned on drawn tables; the whole path on a corpus
appendix of statistics (Lâm Đồng's CCHC figures) printed by LibreOffice and scanned
(``scanned_copy``: 300 dpi, turned 1.5°, grain and specks), against the DOCX's own cells.
"""

from __future__ import annotations

import pytest
from conftest import corpus_path
from office import libreoffice_convert
from test_ocr_fixtures import pdf_pages, scanned_copy

import extract
from extract.readers import ReadOptions, read
from extract.readers.ocr_table import figure_read, find_grids, grid_cells, ruled_tables

DPI = 250


def drawn_table(rows: list[int], columns: list[int], missing: list[tuple[str, int, int]] = ()):
    """A white page with a ruled table: rules at the given y (across) and x (down);
    ``missing`` leaves out pieces of rules: ("down", rule, box row) or ("across", rule, box column)."""
    from PIL import Image, ImageDraw

    page = Image.new("L", (2000, 1400), 255)
    draw = ImageDraw.Draw(page)
    for y in rows:
        draw.line((columns[0], y, columns[-1], y), fill=0, width=3)
    for x in columns:
        draw.line((x, rows[0], x, rows[-1]), fill=0, width=3)
    for axis, rule, box in missing:
        if axis == "down":
            draw.rectangle((columns[rule] - 3, rows[box] + 3, columns[rule] + 3, rows[box + 1] - 3), fill=255)
        else:
            draw.rectangle((columns[box] + 3, rows[rule] - 3, columns[box + 1] - 3, rows[rule] + 3), fill=255)
    return page


def test_a_ruled_table_gives_its_grid_with_merged_cells_once():
    # A header "Kết quả" over two columns, a "Ghi chú" cell down two header rows
    rows, columns = [200, 300, 360, 420, 480], [100, 250, 900, 1200, 1500, 1900]
    page = drawn_table(rows, columns, [("down", 3, 0), ("across", 1, 4), ("across", 1, 0), ("across", 1, 1)])
    [grid] = find_grids(page, DPI)
    assert (len(grid.across), len(grid.down)) == (5, 6)
    cells = [(c.row, c.column) for c in grid_cells(page, grid)]
    assert cells == [(0, 0), (0, 1), (0, 2), (0, 4), (1, 2), (1, 3),
                     (2, 0), (2, 1), (2, 2), (2, 3), (2, 4), (3, 0), (3, 1), (3, 2), (3, 3), (3, 4)]


def test_a_page_with_an_underline_and_a_framed_note_has_no_table():
    from PIL import ImageDraw

    page = drawn_table([200, 320], [300, 1700])  # one framed box: not a table
    ImageDraw.Draw(page).line((1200, 900, 1700, 900), fill=0, width=3)  # a signature line
    assert find_grids(page, DPI) == []


def test_a_table_ruled_only_under_its_header_is_left_to_the_page_lines():
    from PIL import ImageDraw

    rows, columns = [200, 300, 700], [100, 250, 900, 1300, 1700]
    page = drawn_table(rows, columns)
    draw = ImageDraw.Draw(page)
    for y in range(320, 680, 60):  # six body rows, no rule between them: bars as lines of text
        for x0, x1 in zip(columns, columns[1:]):
            draw.rectangle((x0 + 20, y, x1 - 60, y + 25), fill=0)
    assert len(find_grids(page, DPI)) == 1
    assert ruled_tables(page, DPI) == []
    ruled = drawn_table([200, 300, *range(350, 700, 60)], columns)
    assert len(ruled_tables(ruled, DPI)) == 1


@pytest.mark.parametrize(("read_as", "figure"), [
    ("__ 74.773", "74.773"), ("¡ 26,1%", "26,1%"), ("§7.880", "87.880"), (";29", "29"), ("§", "8"),
    ("57.998.55I", "57.998.551"), ("74.773 |", "74.773"), ("7600.220", "7.600.220"),
    ("12345.678,5", "12.345.678,5"), ("2024", "2024"), ("II", "II"), ("I7", "I7"),
    ("-5", "-5"), ("(1)", "(1)"), ("30/9/2025", "30/9/2025"), ("Bộ Y tế", "Bộ Y tế"),
])
def test_a_figure_cell_is_mended_of_specks_lookalike_digits_and_a_dropped_thousands_dot(read_as, figure):
    assert figure_read(read_as) == figure


# ── a corpus table, printed and scanned ──────────────────────────────────────

PHULUC = "real/vbai_phuluc-bc-cchc-2025-lamdong.docx"


@pytest.fixture(scope="module")
def scanned_table(tmp_path_factory):
    """Page 1 of the appendix (its heading and the first 16 rows of Biểu mẫu 1), scanned."""
    work = tmp_path_factory.mktemp("ocr-table")
    printed = libreoffice_convert(corpus_path(PHULUC), "pdf", work).read_bytes()
    scan = work / "phuluc-p1-scan.pdf"
    scan.write_bytes(scanned_copy(pdf_pages(printed, [1])))
    return scan


def cells_by_place(blocks) -> dict[tuple[int, int, int], str]:
    """Cell texts by (table, row, column); a cell of several paragraphs joined."""
    cells: dict[tuple[int, int, int], str] = {}
    for b in blocks:
        if b.kind == "table_cell":
            cells[b.cell] = f"{cells[b.cell]} {b.text}" if b.cell in cells else b.text
    return cells


@pytest.mark.slow
@pytest.mark.corpus
def test_a_scanned_ruled_table_comes_back_cell_by_cell_as_in_the_docx(scanned_table):
    from rapidfuzz import fuzz

    doc = read(scanned_table.read_bytes(), scanned_table.name, options=ReadOptions())
    assert "page 1: ruled table read cell by cell (16 rows × 5 columns)" in doc.warnings
    scanned = cells_by_place(doc.blocks)
    original = {k: v for k, v in cells_by_place(read(corpus_path(PHULUC).read_bytes(), PHULUC).blocks).items()
                if k[0] == 0 and k[1] < 16}
    assert scanned.keys() == original.keys()
    figures = [k for k, v in original.items() if v.replace(".", "").isdigit()]
    assert len(figures) >= 20
    assert sum(scanned[k] == original[k] for k in figures) >= 0.9 * len(figures)
    words = [k for k in original if k not in figures]
    assert all(fuzz.ratio(scanned[k], original[k]) >= 85 for k in words)
    # The heading above the table stays a paragraph before its cells
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds.index(("paragraph", "Công tác chỉ đạo điều hành CCHC")) < kinds.index(("table_cell", "STT"))


@pytest.mark.slow
@pytest.mark.corpus
def test_a_scanned_statistics_table_gives_the_docx_table_row_indicators(scanned_table):
    page_rows = {v for (table, row, _), v in cells_by_place(read(corpus_path(PHULUC).read_bytes(), PHULUC).blocks).items()
                 if table == 0 and row < 16}
    expected = {(i.label, i.value, i.unit) for i in extract.parse(corpus_path(PHULUC)).indicators if i.label in page_rows}
    assert len(expected) >= 10
    found = {(i.label, i.value, i.unit) for i in extract.parse(scanned_table).indicators}
    assert len(expected & found) >= 0.9 * len(expected)
