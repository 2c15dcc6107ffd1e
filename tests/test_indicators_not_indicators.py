"""Numbers that are never indicators: real strings from the corpus and DOMAIN.md."""

from __future__ import annotations

import pytest

from extract.indicators import find_indicators

NOT_INDICATORS = [
    "Nghị quyết Đại hội XIII của Đảng nhiệm kỳ 2021 - 2026",  # term
    "Nghị quyết Đại hội Tỉnh Đảng bộ lần thứ XX nhiệm kỳ 2020 – 2025",  # term
    "trong bối cảnh ảnh hưởng bởi đại dịch Covid -19 và bão số 9 cuối tháng 10/2020",  # names, month
    "Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy",  # document number, date
    "Kế hoạch số 10 – KH/BDVTU-BCSĐUBND ngày 11/01/2021",  # document number with a dash
    "Văn bản số 327/SCT-VP ngày 03/3/2021",  # công văn number
    "Hội nghị Tỉnh ủy lần thứ 3 (Khóa XX)",  # ordinal
    "dịch vụ công trực tuyến mức độ 3,4 trên Cổng dịch vụ công quốc gia",  # levels 3 and 4
    "được cung cấp dịch vụ công mức độ 4",  # level
    "chào mừng Kỷ niệm 70 năm Ngày Truyền thống ngành Công Thương Việt Nam (14/5/1951 – 14/5/2021)",  # anniversary
    "tặng Giấy khen về thành tích trong học tập 5 năm (2016-2021).",  # a span of years
    "trong 6 tháng đầu năm 2021",  # period
    "giai đoạn 2021-2025, tầm nhìn đến năm 2045",  # period, horizon
    "theo quy định tại khoản 3 Điều 14 Nghị định số 118/2025/NĐ-CP",  # article numbers
    "Chi tiết liên hệ: Ông Nguyễn Ngọc Nguyên; Điện thoại: 0904062646",  # phone number
    "Thực hiện Quyết định số 06/QĐ-TTg về Đề án 06 trên địa bàn tỉnh",  # programme name
    "mô hình chính quyền địa phương 02 cấp mới triển khai từ tháng 7/2025",  # tiers
    "Đẩy mạnh triển khai đợt cao điểm 60 ngày đêm cấp tài khoản định danh điện tử",  # duration
    "cho công dân từ đủ 14 tuổi",  # age threshold
    "ngày Quốc khánh 2/9 và 20-11",  # holidays
    "Cục C06 xác thực, đối soát qua CSDL quốc gia về dân cư",  # unit code
    "xung đột về quyền, nghĩa vụ giữa hai cơ quan đối với giảng viên",  # "between two": not a reported figure
    "1. Dân chủ trong quản lý, điều hành\n2.1. Những quy định chung",  # section labels
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch số 9669/KH-UBND về cải cách hành chính năm 2026 tỉnh Lâm Đồng",  # year
    "mức đóng bảo hiểm y tế hộ gia đình cho người thứ ba trong gia đình",  # an ordinal of a counted noun, no rank
]


@pytest.mark.parametrize("text", NOT_INDICATORS)
def test_not_indicators_are_never_emitted(text):
    assert find_indicators(text) == []


def test_citation_spans_are_excluded_when_given():
    text = "theo Kế hoạch số 31 ngày 5/3 giao 12 nhiệm vụ"
    assert [i.value for i in find_indicators(text)] == [12.0]
    assert find_indicators(text, exclude=[(len("theo "), len(text))]) == []
