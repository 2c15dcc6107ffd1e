"""Ruled tables of text PDFs: a table going on over the next page is one table, and its
figures come out cell by cell with their row and column labels."""

from __future__ import annotations

from collections import defaultdict

import pytest

import extract
from conftest import corpus_path
from extract.document import Block
from extract.readers import ReadOptions, read
from extract.readers.tables import join_continued_tables

NEVER = ReadOptions(ocr="never")
TMDT = "real/lit_bc-tongket-tmdt-bct-2025.pdf"
LAMDONG = "real/vbai_bc-cac-chi-so-cchc-lamdong-2025.pdf"
GAZETTE_ANNEX = "real/cb_van-ban-hop-nhat-so-06-vbhn-byt-26324.pdf"


def _tables(doc) -> dict[int, list[Block]]:
    out: dict[int, list[Block]] = defaultdict(list)
    for b in doc.blocks:
        if b.kind == "table_cell":
            out[b.cell[0]].append(b)
    return out


def _row(cells: list[Block], row: int) -> list[str]:
    return [b.text for b in sorted(cells, key=lambda b: b.cell[2]) if b.cell[1] == row]


@pytest.fixture(scope="module")
def tmdt():
    return read(corpus_path(TMDT).read_bytes(), TMDT, options=NEVER)


def test_a_table_going_on_over_the_next_page_is_one_table(tmdt):
    # pages 26-27: websites and apps registered per year, 2015-2022 on page 26, 2023, 2024 and the total on 27
    first = _tables(tmdt)[0]
    assert {b.page for b in first} == {26, 27}
    assert _row(first, 0)[0] == "Năm"
    assert _row(first, 10) == ["Năm 2023", "102", "51", "4.707", "95"]
    assert _row(first, 12) == ["Tổng số", "734", "314", "52.949", "592"]
    # the header over both pages: rows 0-1 only
    assert {b.cell[1] for b in first if b.header} == {0, 1}


def test_tables_after_a_joined_one_are_numbered_on(tmdt):
    tables = _tables(tmdt)
    assert sorted(tables) == list(range(len(tables)))
    assert [sorted({b.page for b in tables[t]}) for t in sorted(tables)][1:] == [[28], [29], [33]]


def test_the_ruled_tables_of_a_text_pdf_give_their_figures_cell_by_cell():
    report = extract.parse(corpus_path(TMDT))
    figures = {(i.page, i.label, i.value, i.unit, i.period) for i in report.indicators}
    # "Năm 2024" is on page 27, under the header printed on page 26 only; "Website" is what is counted
    assert (27, "Hoạt động cung cấp dịch vụ TMĐT (đăng ký) Website, Năm 2024", 120, "website", "năm 2024") in figures
    assert (27, "Hoạt động TMĐT bán hàng (thông báo) Ứng dụng, Tổng số", 592, "ứng dụng", None) in figures
    # page 29: contracts certified per month (rows) and year (columns)
    assert (29, "Tháng 9, 2022", 38, None, "năm 2022") in figures
    # page 33: complaints per year (rows under "Năm") and kind (columns)
    assert (33, "Giả mạo thông tin đăng ký, 2021", 19, None, "năm 2021") in figures


def test_a_header_printed_again_on_the_next_page_is_dropped():
    def cell(t, r, c, text, page):
        return Block(text=text, kind="table_cell", cell=(t, r, c), page=page, cell_x=(100.0 * c, 100.0 * c + 100))

    header = [("STT", "Chỉ tiêu", "Kết quả")]
    rows_1 = header + [("1", "Số văn bản", "82")]
    rows_2 = header + [("2", "Số cuộc họp", "15")]
    blocks = [cell(0, r, c, t, 1) for r, row in enumerate(rows_1) for c, t in enumerate(row)]
    blocks += [cell(1, r, c, t, 2) for r, row in enumerate(rows_2) for c, t in enumerate(row)]
    joined = join_continued_tables(blocks)
    assert [(b.cell, b.text) for b in joined if b.page == 2] == [((0, 2, 0), "2"), ((0, 2, 1), "Số cuộc họp"), ((0, 2, 2), "15")]


def test_tables_with_other_column_rules_on_the_next_page_stay_apart():
    def cell(t, c, text, page, width):
        return Block(text=text, kind="table_cell", cell=(t, 0, c), page=page, cell_x=(width * c, width * c + width))

    blocks = [cell(0, 0, "Năm", 1, 100), cell(0, 1, "2024", 1, 100), cell(1, 0, "Tên", 2, 150), cell(1, 1, "Số", 2, 150)]
    assert [b.cell[0] for b in join_continued_tables(blocks)] == [0, 0, 1, 1]


def test_a_table_after_text_on_the_next_page_is_another_table():
    blocks = [Block(text="Năm", kind="table_cell", cell=(0, 0, 0), page=1), Block(text="12", kind="table_cell", cell=(0, 0, 1), page=1),
              Block(text="Bảng 2", page=2),
              Block(text="Năm", kind="table_cell", cell=(1, 0, 0), page=2), Block(text="15", kind="table_cell", cell=(1, 0, 1), page=2)]
    assert [b.cell[0] for b in join_continued_tables(blocks) if b.cell] == [0, 0, 1, 1]


def test_a_gazette_annex_table_over_many_pages_is_joined_page_by_page():
    doc = read(corpus_path(GAZETTE_ANNEX).read_bytes(), GAZETTE_ANNEX, options=NEVER)
    pages = [sorted({b.page for b in cells}) for cells in _tables(doc).values()]
    assert [26, 27, 28, 29, 30, 31] in pages  # the list of medical supplies, 4 columns on every page
    # a form over pages 44-45 (15 columns; page 45 prints only its section rows) is one table
    assert [44, 45] in pages
    assert all(p == list(range(p[0], p[-1] + 1)) for p in pages)


def test_score_and_rank_cells_of_a_text_pdf_table_come_out_with_row_and_column_labels():
    # "Lâm Đồng | 83,1/100 | 62/63 | 83,0% | …" under "PAR Index / Điểm số | Thứ hạng", "SIPAS / Chỉ số" …
    report = extract.parse(corpus_path(LAMDONG))
    table = {i.label: i for i in report.indicators if i.label and i.label.startswith(("Lâm Đồng,", "Đắk Nông,", "Bình Thuận,"))}
    assert len(table) == 24
    par = table["Lâm Đồng, PAR Index Điểm số"]
    assert (par.kind, par.value, par.unit, par.denominator) == ("quantity", 83.1, "điểm", 100.0)
    rank = table["Bình Thuận, PAPI Thứ hạng"]
    assert (rank.kind, rank.value, rank.unit, rank.denominator) == ("rank", 3.0, None, 63.0)
    sipas = table["Đắk Nông, SIPAS Chỉ số"]
    assert (sipas.kind, sipas.value, sipas.unit) == ("percent", 83.1, "%")


def _cells(table: int, page: int, rows: list[tuple[str, ...]], first_row: int = 0) -> list[Block]:
    return [Block(text=t, kind="table_cell", cell=(table, first_row + r, c), page=page)
            for r, row in enumerate(rows) for c, t in enumerate(row) if t]


def test_a_row_the_page_break_cuts_in_two_is_put_back_together():
    first = _cells(0, 1, [("STT", "Nhiệm vụ", "Thời gian"), ("1", "Rà soát các quy định về phân cấp", "Năm 2026"),
                          ("2", "Kiến nghị sửa đổi, điều chỉnh", "Hằng năm")])
    rest = _cells(1, 2, [("", "kịp thời những nội dung không còn phù hợp", ""), ("3", "Tổ chức thực hiện", "Quý I")])
    joined = join_continued_tables(first + rest)
    rows = {b.cell[1:]: b.text for b in joined}
    assert rows[(2, 1)] == "Kiến nghị sửa đổi, điều chỉnh kịp thời những nội dung không còn phù hợp"
    assert rows[(3, 0)] == "3" and len(joined) == len(first) + 3


def test_a_header_printed_again_and_misread_is_no_rest_of_a_cut_row():
    # a scan's next page repeats the header; OCR lost its "STT" and garbled a word
    # (its header names a date: no figure for all that)
    first = _cells(0, 1, [("STT", "Bộ, cơ quan", "Giải ngân đến hết ngày 30/9/2025", "Ghi chú"), ("12", "Đà Nẵng", "7.308.479", "")])
    again = _cells(1, 2, [("", "Bộ, cơ quan _", "Giải ngân đến hết ngày 30/9/2025", "Ghi chú \"¬"), ("13", "Huế", "5.100.000", "")])
    rows = {b.cell[1:]: b.text for b in join_continued_tables(first + again)}
    assert rows[(1, 2)] == "7.308.479"
    assert rows[(3, 1)] == "Huế"
