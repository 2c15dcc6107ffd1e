"""Statistics tables with several value columns: one indicator per value cell of a data row,
labelled by the row's label and the column's header, unit from the header, the row or the table's
"Đơn vị: …" line. Rows and headers are cell texts from corpus tables, by grid column."""

from __future__ import annotations

import pytest

from conftest import corpus_path

from extract.indicators.table_columns import read_table

# (table rows {column: text}, the paragraph before the table) → [(label, kind, value, unit, period)]
TABLES = [
    (  # lit_cv-15557-btc-ptht-2025.pdf: merged headers over two rows, a column-number row, a
        # section row, ordinals and notes; money from the scanned "Đơn vị: Triệu đông" line
        [{0: "TT", 1: "Nội dung", 2: "KH TTCP giao", 3: "Giải ngân đến hết ngày 30/9/2025", 6: "Ghi chú"},
         {3: "Số tiền", 4: "Tỷ lệ so với KH TTCP giao", 5: "Tỷ lệ so với KH TTCP giao đầu năm"},
         {0: "1", 1: "2", 3: "4", 4: "3", 6: "7"},
         {0: "I", 1: "BỘ, CƠ QUAN TRUNG ƯƠNG"},
         {0: "4", 1: "Bộ Dân tộc và tôn giáo", 2: "906.470", 3: "30.701", 4: "3,4%", 5: "3,4%", 6: "12"}],
        "Đơn vị: Triệu đông",
        [("Bộ Dân tộc và tôn giáo, KH TTCP giao", "money", 906470.0, "triệu đồng", None),
         ("Bộ Dân tộc và tôn giáo, Giải ngân đến hết ngày 30/9/2025 Số tiền", "money", 30701.0, "triệu đồng", None),
         ("Bộ Dân tộc và tôn giáo, Giải ngân đến hết ngày 30/9/2025 Tỷ lệ so với KH TTCP giao", "percent", 3.4, "%",
          None),
         ("Bộ Dân tộc và tôn giáo, Giải ngân đến hết ngày 30/9/2025 Tỷ lệ so với KH TTCP giao đầu năm", "percent",
          3.4, "%", None)],
    ),
    (  # lit_bc-tongket-luat-qlthue-btc-2025.docx: rows labelled by period under "Năm", the unit in
        # the header's own paragraph, a rate column by its name
        [{0: "Năm", 1: "Hoàn thuế TNCN"},
         {1: "Số hồ sơ đã giải quyết hoàn", 2: "Số tiền đã hoàn thuế (triệu đồng)", 4: "Tỷ lệ hoàn thuế điện tử"},
         {0: "2021", 1: "222.476", 2: "1.696.467", 4: "35,3%"}],
        "",
        [("Hoàn thuế TNCN Số hồ sơ đã giải quyết hoàn, 2021", "count", 222476.0, None, "năm 2021"),
         ("Hoàn thuế TNCN Số tiền đã hoàn thuế, 2021", "money", 1696467.0, "triệu đồng", "năm 2021"),
         ("Hoàn thuế TNCN Tỷ lệ hoàn thuế điện tử, 2021", "percent", 35.3, "%", "năm 2021")],
    ),
    (  # lit_bc-tongket-phaplenh-danso-byt-2025.docx: years as headers; the unit line over the table
        [{0: "Năm", 1: "2013", 2: "2014"}, {0: "Cả nước", 1: "847", 2: "547"}],
        "Đơn vị tính: Tỷ đồng",
        [("Cả nước, 2013", "money", 847.0, "tỷ đồng", "năm 2013"),
         ("Cả nước, 2014", "money", 547.0, "tỷ đồng", "năm 2014")],
    ),
    (  # lit_bc-dgtd-luat-bhyt-byt-2024.docx: the unit in a cell of the row
        [{0: "Phương án", 1: "Nội dung", 2: "Phương án 1", 3: "Phương án 2"},
         {0: "Tổng chi phí BHYT do nhà nước hỗ trợ", 1: "(tỷ đồng)", 2: "702", 3: "1.146"}],
        "",
        [("Tổng chi phí BHYT do nhà nước hỗ trợ, Phương án 1", "money", 702.0, "tỷ đồng", None),
         ("Tổng chi phí BHYT do nhà nước hỗ trợ, Phương án 2", "money", 1146.0, "tỷ đồng", None)],
    ),
    (  # lit_bc-tongket-luat-qlthue-btc-2025.docx: amounts in VNĐ, thousands separated by commas
        [{0: "Năm", 1: "Tổng số cuộc", 2: "Kiến nghị (VNĐ)"}, {0: "2020", 1: "52", 2: "87,593,103,382"}],
        "",
        [("Tổng số cuộc, 2020", "count", 52.0, None, "năm 2020"),
         ("Kiến nghị, 2020", "money", 87593103382.0, "đồng", "năm 2020")],
    ),
    (  # hp_decuong-dutoan-qlvb-phutho-2012.doc: a table grouping thousands with commas
        [{0: "Mã số", 1: "Hạng mục", 2: "Công thức tính", 3: "Thành tiền trước thuế (VNĐ)",
          4: "Thành tiền sau thuế (VNĐ)"},
         {0: "1", 1: "Chi phí thẩm tra, phê duyệt quyết toán vốn đầu tư", 3: "532,000", 4: "532,000"},
         {0: "", 1: "Gtv", 3: "12,406,260", 4: "13,646,886"}],
        "",
        [("Chi phí thẩm tra, phê duyệt quyết toán vốn đầu tư, Thành tiền trước thuế", "money", 532000.0, "đồng", None),
         ("Chi phí thẩm tra, phê duyệt quyết toán vốn đầu tư, Thành tiền sau thuế", "money", 532000.0, "đồng", None),
         ("Gtv, Thành tiền trước thuế", "money", 12406260.0, "đồng", None),
         ("Gtv, Thành tiền sau thuế", "money", 13646886.0, "đồng", None)],
    ),
]


@pytest.mark.parametrize("rows, unit_line, expected", TABLES)
def test_each_value_cell_of_a_data_row_is_an_indicator(rows, unit_line, expected):
    got = [(f.label, f.kind, f.value, f.unit, f.period) for f in read_table(rows, unit_line)]
    assert got == expected


# tables whose rows hold one figure each, or none: left to read_row (None)
ROW_TABLES = [
    (  # vbai_bc-cchc-quy1-2026-lamdong.docx: ordinal, label, unit cell, one value; a code-book row
        [{0: "STT", 1: "Chỉ tiêu thống kê", 3: "Kết quả thống kê", 5: "Ghi chú"}, {3: "Đơn vị tính", 4: "Số liệu"},
         {0: "1", 1: "Số văn bản chỉ đạo CCHC đã ban hành", 3: "Văn bản", 4: "29"},
         {0: "5", 1: "Khảo sát sự hài lòng của người dân, tổ chức", 3: "Có = 1; Không = 0", 4: "1"}]
    ),
    (  # lit_bc-dgtd-luat-bhyt-byt-2024.docx: rates as words, not figures
        [{0: "Cấp CMKT", 1: "Tuyến", 2: "Mức hưởng"}, {0: "Cấp cơ bản", 1: "Huyện", 2: "100% Nội và ngoại trú"}]
    ),
]


@pytest.mark.parametrize("rows", ROW_TABLES)
def test_tables_of_single_figure_rows_are_left_to_read_row(rows):
    assert read_table(rows) is None


def test_header_rows_and_code_books_give_no_figure():
    rows = [{0: "Năm", 1: "2020", 2: "2021"}, {0: "Cả nước", 1: "27", 2: "60"},
            {0: "Khảo sát", 1: "Có = 1; Không = 0", 2: "1"}]
    assert [f.row for f in read_table(rows)] == [1, 1]


def test_multi_column_table_through_the_pipeline():
    from extract import parse

    report = parse(corpus_path("real/lit_bc-tongket-luat-qlthue-btc-2025.docx"))
    by_label = {i.label: i for i in report.indicators}
    refund = by_label["Hoàn thuế GTGT Số tiền đã hoàn thuế, 2022"]
    assert (refund.kind, refund.value, refund.unit, refund.period) == ("money", 150289509.0, "triệu đồng", "năm 2022")
    assert (refund.base_value, refund.base_unit) == (150289509e6, "đồng")
    assert report.text[refund.span[0] : refund.span[1]].endswith("150.289.509")
