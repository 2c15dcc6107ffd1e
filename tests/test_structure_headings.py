"""The numbering grammar: label strings as printed in reports → (style, number, label)."""

from __future__ import annotations

import pytest

from extract.structure.headings import letter_follows, letter_value, parse_label, roman_value

LABELS = [
    # text opening a paragraph, style, normalized number, label as printed, title text
    ("III. KẾT QUẢ THỰC HIỆN", "roman", "III", "III.", "KẾT QUẢ THỰC HIỆN"),
    ("IV - Nhiệm vụ", "roman", "IV", "IV -", "Nhiệm vụ"),
    ("II/ Giải pháp", "roman", "II", "II/", "Giải pháp"),
    ("A. PHẦN CHUNG", "upper", "A", "A.", "PHẦN CHUNG"),
    ("C. Kiến nghị", "upper", "C", "C.", "Kiến nghị"),
    ("B/ Nhiệm vụ", "upper", "B", "B/", "Nhiệm vụ"),
    ("1. Dân chủ trong quản lý, điều hành", "arabic", "1", "1.", "Dân chủ trong quản lý, điều hành"),
    ("10. Chi cục Thuế khu vực XIII", "arabic", "10", "10.", "Chi cục Thuế khu vực XIII"),
    ("1/ Công tác chỉ đạo", "arabic", "1", "1/", "Công tác chỉ đạo"),
    ("1.Công tác", "arabic", "1", "1.", "Công tác"),
    ("1) Kết quả", "arabic)", "1", "1)", "Kết quả"),
    ("1.1. Mục tiêu tổng quát:", "decimal2", "1.1", "1.1.", "Mục tiêu tổng quát:"),
    ("2.2 Giải pháp để thực hiện", "decimal2", "2.2", "2.2", "Giải pháp để thực hiện"),
    ("2.3) Kết quả", "decimal2", "2.3", "2.3)", "Kết quả"),
    ("1.1.2. Tác động đối với doanh nghiệp:", "decimal3", "1.1.2", "1.1.2.", "Tác động đối với doanh nghiệp:"),
    ("a) Về dịch vụ công trực tuyến", "letter", "a", "a)", "Về dịch vụ công trực tuyến"),
    ("b. Nhiệm vụ", "letter", "b", "b.", "Nhiệm vụ"),
    ("đ) Chỉ đạo các sở", "letter", "đ", "đ)", "Chỉ đạo các sở"),
    ("a.1 Tuyên truyền", "letter_sub", "a.1", "a.1", "Tuyên truyền"),
    ("(1) Thực hiện rà soát", "paren", "1", "(1)", "Thực hiện rà soát"),
    ("(a) Đối tượng", "paren_letter", "a", "(a)", "Đối tượng"),
    ("Phần thứ nhất", "part", "1", "Phần thứ nhất", ""),
    ("PHẦN THỨ HAI: KẾT QUẢ", "part", "2", "PHẦN THỨ HAI", "KẾT QUẢ"),
    ("PHẦN I. MỞ ĐẦU", "part", "I", "PHẦN I", "MỞ ĐẦU"),
    ("Phần 2", "part", "2", "Phần 2", ""),
    ("Chương II", "chapter", "II", "Chương II", ""),
    ("CHƯƠNG III - TỔ CHỨC THỰC HIỆN", "chapter", "III", "CHƯƠNG III", "TỔ CHỨC THỰC HIỆN"),
    ("Mục 1", "item", "1", "Mục 1", ""),
    ("Điều 1. Phạm vi điều chỉnh", "article", "1", "Điều 1.", "Phạm vi điều chỉnh"),
    # lit_ttr-luat-tmdt-bct-2025.pdf prints one article of its outline with a colon
    ("Điều 43: Phát triển TMĐT xanh và bền vững", "article", "43", "Điều 43:", "Phát triển TMĐT xanh và bền vững"),
    ("Điều 5 - Hiệu lực thi hành", "article", "5", "Điều 5 -", "Hiệu lực thi hành"),
    ("ĐIỀU 12 – TRÁCH NHIỆM THI HÀNH", "article", "12", "ĐIỀU 12 –", "TRÁCH NHIỆM THI HÀNH"),
    ("- Quán triệt đến toàn thể đảng viên", "bullet", "-", "-", "Quán triệt đến toàn thể đảng viên"),
    ("+ 100% TTHC được giải quyết", "bullet", "+", "+", "100% TTHC được giải quyết"),
    ("• Sở Nội vụ;", "bullet", "•", "•", "Sở Nội vụ;"),
    ("* Ghi chú", "bullet", "*", "*", "Ghi chú"),
    ("– Tổ chức Hội nghị", "bullet", "–", "–", "Tổ chức Hội nghị"),
]


@pytest.mark.parametrize(("text", "style", "number", "label", "rest"), LABELS, ids=[c[0][:24] for c in LABELS])
def test_parse_label_reads_style_number_and_label_as_printed(text, style, number, label, rest):
    found = parse_label(text)
    assert (found.style, found.number, found.label, found.rest) == (style, number, label, rest)


NOT_LABELS = [
    "2021 – 2021, Kế hoạch số 10 – KH/BDVTU-BCSĐUBND",  # a sentence broken after "giai đoạn"
    "04/NĐ-CP ngày 09/01/2015 của Chính phủ",  # a document number broken off its line
    "Điều 5 của Luật Tổ chức chính quyền địa phương",  # a reference, no dot after the number
    "Điều 2 - 5 của Luật Thanh tra",  # a range of articles
    "Điều 5: các cơ quan có trách nhiệm thi hành",  # a sentence, no title after the colon
    "Năm 2021 là năm đầu tiên",
    "100% TTHC được giải quyết đúng thời gian",
    "1.234 hồ sơ đã được giải quyết",
    "Phần lớn các đơn vị",
    "VNeID đã được tích hợp",
    "Mục tiêu tổng quát",
    "T/M BAN THƯỜNG VỤ",  # Party signature prefixes, not the letter T
    "K/T BÍ THƯ",
]


@pytest.mark.parametrize("text", NOT_LABELS)
def test_parse_label_finds_no_label_in_ordinary_sentences(text):
    assert parse_label(text) is None


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XX", 20), ("IIII", None), ("VX", None)])
def test_roman_value_reads_wellformed_numerals_only(numeral, value):
    assert roman_value(numeral) == value


def test_vietnamese_letters_put_dd_after_d_and_skip_f():
    assert [letter_value(c) for c in "abcdđeg"] == [1, 2, 3, 4, 5, 6, 7]
    assert letter_follows("d", "đ") and letter_follows("đ", "e") and letter_follows("e", "g")
    assert letter_follows("d", "e")  # authors who count in the Latin order
    assert not letter_follows("a", "c")
