"""Metadata of the seed and of real reports, values checked by reading each document."""

from __future__ import annotations

import pytest

from extract.document import Block, Document
from extract.metadata import extract_metadata, position_case, vietnamese_case
from extract.schema import Period, Signer
from extract.structure import build
from test_structure_seed import SEED, skeleton_of

SEED_RECIPIENTS = ["Sở Nội vụ", "Giám đốc, các Phó Giám đốc Sở", "Đảng ủy", "Công đoàn, Chi đoàn", "Lưu: VT, VP"]


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_seed_metadata_in_every_format(fmt):
    m = extract_metadata(skeleton_of(f"{SEED}.{fmt}"))
    assert m.doc_type == "Báo cáo"
    assert m.title == ("Kết quả việc thực hiện Quy chế dân chủ ở cơ sở 6 tháng đầu năm "
                       "và nhiệm vụ trọng tâm 6 tháng cuối năm 2021")
    assert m.period == Period(label="6 tháng đầu năm 2021", start="2021-01-01", end="2021-06-30")
    assert m.agency == "Sở Công Thương"  # no header: taken from "Sở Công Thương kính báo cáo./."
    assert (m.symbol, m.parent_agency, m.place, m.date) == (None, None, None, None)
    assert m.signer == Signer(name="Võ Văn Rân", title="Giám đốc", authority=None)
    assert m.recipients == SEED_RECIPIENTS


REAL = {
    "real/vbai_bc-dean06-thang9-2025-lamdong.docx": dict(
        doc_type="Báo cáo", symbol="/BC-BCĐ",
        agency="Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06",
        parent_agency="UBND tỉnh Lâm Đồng", place="Lâm Đồng", date=None,
        title="Kết quả triển khai Đề án 06 trên địa bàn tỉnh Lâm Đồng tháng 9/2025",
        period=Period(label="tháng 9/2025", start="2025-09-01", end="2025-09-30"),
        # "TM. BAN CHỈ ĐẠO" / "PHÓ TRƯỞNG BAN" / "PHÓ CHỦ TỊCH UBND TỈNH": the title is the line above the name
        signer=Signer(name="Nguyễn Ngọc Phúc", title="Phó Chủ tịch UBND tỉnh", authority="TM."),
        recipients=["Văn phòng Chính phủ", "Bộ Công an (C06, V01)", "Chủ tịch, các PCT UBND tỉnh",
                    "Chánh, các PCVP UBND tỉnh", "Văn phòng Tỉnh ủy", "Công an tỉnh (PC06)",
                    "Các sở, ban, ngành thuộc tỉnh", "Các thành viên Ban chỉ đạo", "UBND các xã, phường, đặc khu",
                    "Lưu: VT, NC.Châu"],
    ),
    "real/vbai_bc-cchc-quy1-2026-lamdong.docx": dict(
        doc_type="Báo cáo", symbol="/BC-UBND", agency="Ủy ban nhân dân tỉnh Lâm Đồng", parent_agency=None,
        place="Lâm Đồng", date=None,
        title="Công tác cải cách hành chính quý I năm 2026 và phương hướng, nhiệm vụ quý II năm 2026 tỉnh Lâm Đồng",
        period=Period(label="quý I năm 2026", start="2026-01-01", end="2026-03-31"),
        signer=Signer(name="Nguyễn Ngọc Phúc", title="Phó Chủ tịch", authority="KT."),
        recipients=["Bộ Nội vụ", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Chủ tịch, PCT UBND tỉnh (Đ/c Phúc)",
                    "Các sở, ban, ngành tỉnh", "UBND các xã, phường, đặc khu", "Lưu: VT, NC"],
    ),
    "real/vbai_kh-cchc-2026-2030-lamdong.docx": dict(
        doc_type="Kế hoạch", symbol="/KH-UBND", agency="Ủy ban nhân dân tỉnh Lâm Đồng", parent_agency=None,
        place="Lâm Đồng", date=None,
        title="Cải cách hành chính nhà nước giai đoạn 2026 - 2030 của tỉnh Lâm Đồng",
        period=Period(label="giai đoạn 2026 - 2030", start="2026-01-01", end="2030-12-31"),
        signer=Signer(name="Nguyễn Ngọc Phúc", title="Phó Chủ tịch", authority="KT."),
    ),
    "real/lit_bc-tongket-luat-qlthue-btc-2025.docx": dict(
        doc_type="Báo cáo", symbol="/BC-BTC", agency="Bộ Tài chính", parent_agency=None, place="Hà Nội", date=None,
        title="Tổng kết việc thi hành Luật Quản lý thuế", period=None,
        signer=Signer(name="Cao Anh Tuấn", title="Thứ trưởng", authority="KT."),
        recipients=["Thủ tướng Chính phủ (để báo cáo)", "Các Phó Thủ tướng Chính phủ (để báo cáo)",
                    "Văn phòng Chính phủ", "Bộ trưởng (để b/c)", "Bộ Tư pháp", "Vụ PC-BTC",
                    "Lưu: VT, CT (VT, PC, CS 3b)"],
    ),
    "real/lit_bc-tomtat-thamtra-luat-gddh-2025.docx": dict(
        # "BÁO CÁO TÓM TẮT" over "Báo cáo thẩm tra …": the type line is kept whole (the gold's reading)
        doc_type="Báo cáo tóm tắt", symbol=None, agency="Ủy ban Văn hóa và Xã hội", parent_agency="Quốc hội khóa XV",
        place="Hà Nội", date="2025-08-12",
        title="Báo cáo thẩm tra sơ bộ dự án Luật Giáo dục đại học (sửa đổi)",
    ),
    # The PDF prints its number and day in a layer the text reader does not see: not pinned here.
    "real/vbai_bc-cac-chi-so-cchc-lamdong-2025.pdf": dict(
        doc_type="Báo cáo", agency="Sở Nội vụ", parent_agency="UBND tỉnh Lâm Đồng", place="Lâm Đồng",
        period=Period(label="năm 2025", start="2025-01-01", end="2025-12-31"),
        signer=Signer(name="Trần Hữu Tuấn", title="Phó Giám đốc", authority="KT."),
        recipients=["UBND tỉnh", "Đ/c Nguyễn Ngọc Phúc - PCT.UBND tỉnh", "Lãnh đạo SNV", "Lưu: VT, CCHC&VTLT(Tín)"],
    ),
}


@pytest.mark.parametrize("relative", sorted(REAL))
def test_real_report_metadata(relative):
    m = extract_metadata(skeleton_of(relative))
    expected = REAL[relative]
    assert {field: getattr(m, field) for field in expected} == expected


def header_skeleton(*texts: str):
    return build(Document(format="txt", blocks=[Block(text=t) for t in texts]))


def test_header_gives_symbol_agency_parent_place_and_date():
    m = extract_metadata(header_skeleton(
        "UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG", "Số: 123 /BC-SCT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Quảng Ngãi, ngày 20 tháng 6 năm 2021", "BÁO CÁO",
        "Kết quả việc thực hiện Quy chế dân chủ ở cơ sở", "6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2021",
        "I. KHÁI QUÁT", "Nội dung."))
    assert (m.symbol, m.agency, m.parent_agency, m.place, m.date) == (
        "123/BC-SCT", "Sở Công Thương", "UBND tỉnh Quảng Ngãi", "Quảng Ngãi", "2021-06-20")
    assert m.period.label == "6 tháng đầu năm 2021"


def test_draft_with_blank_day_keeps_place_and_the_printed_codes():
    m = extract_metadata(header_skeleton(
        "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số:         /BC-UBND", "Lâm Đồng, ngày     tháng 3 năm 2026",
        "BÁO CÁO", "Công tác quý I", "I. KẾT QUẢ"))
    assert (m.symbol, m.agency, m.place, m.date) == ("/BC-UBND", "Ủy ban nhân dân tỉnh Lâm Đồng", "Lâm Đồng", None)
    assert m.period == Period(label="quý I năm 2026", start="2026-01-01", end="2026-03-31")  # year from the header


def test_a_draft_with_a_blank_date_line_takes_its_period_from_its_first_paragraph():
    m = extract_metadata(header_skeleton(
        "BAN CHỈ ĐẠO ĐỀ ÁN 06", "Số:         /BC-BCĐ", "Lâm Đồng, ngày     tháng     năm",
        "BÁO CÁO", "Kết quả triển khai Đề án 06 trên địa bàn tỉnh",
        "Ban Chỉ đạo tỉnh báo cáo kết quả triển khai, thực hiện tháng 11/2025 như sau:", "I. CÔNG TÁC CHỈ ĐẠO",
        "Nội dung."))
    assert (m.symbol, m.date) == ("/BC-BCĐ", None)
    assert m.period == Period(label="tháng 11/2025", start="2025-11-01", end="2025-11-30")


def test_a_drafts_title_period_without_a_year_borrows_the_year_of_its_first_paragraph():
    m = extract_metadata(header_skeleton(
        "BAN CHỈ ĐẠO ĐỀ ÁN 06", "Số:         /BC-BCĐ", "Lâm Đồng, ngày     tháng     năm",
        "BÁO CÁO", "Kết quả triển khai Đề án 06 quý I",
        "Thực hiện Kế hoạch số 12/KH-UBND, kết quả thực hiện quý I năm 2026 như sau:", "I. KẾT QUẢ", "Nội dung."))
    assert m.period == Period(label="quý I năm 2026", start="2026-01-01", end="2026-03-31")


def test_an_appendix_without_a_title_takes_its_period_from_its_first_lines():
    m = extract_metadata(header_skeleton(
        "PHỤ LỤC", "BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        "(Kèm theo Báo cáo số /BC-UBND ngày tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh)", "Biểu mẫu 1"))
    assert m.period == Period(label="năm 2025", start="2025-01-01", end="2025-12-31")


def test_party_symbol_and_cong_van_subject():
    m = extract_metadata(header_skeleton(
        "ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY SỞ CÔNG THƯƠNG", "*", "Số 416-CV/ĐU", "V/v triển khai thực hiện",
        "Chỉ thị số 05-CT/TW", "ĐẢNG CỘNG SẢN VIỆT NAM", "Quảng Ngãi, ngày 05 tháng 3 năm 2022",
        "Kính gửi: Các chi bộ trực thuộc",
        "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, Đảng ủy Sở đề nghị các chi bộ triển khai thực hiện tốt."))
    assert (m.symbol, m.doc_type, m.agency, m.parent_agency) == (
        "416-CV/ĐU", "Công văn", "Đảng ủy Sở Công Thương", "Đảng bộ tỉnh Quảng Ngãi")
    assert m.title == "Triển khai thực hiện"
    assert m.date == "2022-03-05"


@pytest.mark.parametrize(("lines", "signer"), [
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn B"], Signer(name="Trần Văn B", title="Phó Chủ tịch", authority="KT.")),
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Lê Thị C"], Signer(name="Lê Thị C", title="Chủ tịch", authority="TM.")),
    (["TL. BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG", "Phạm D"], Signer(name="Phạm D", title="Chánh Văn phòng", authority="TL.")),
    (["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hồ Văn E"], Signer(name="Hồ Văn E", title="Bí thư", authority="T/M")),
    (["K/T BÍ THƯ", "PHÓ BÍ THƯ", "NGUYỄN VĂN G"], Signer(name="Nguyễn Văn G", title="Phó Bí thư", authority="K/T")),
    (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], Signer(name=None, title="Phó Giám đốc", authority="KT.")),  # unsigned draft
])
def test_signature_blocks(lines, signer):
    m = extract_metadata(header_skeleton("BÁO CÁO", "Tổng kết", "I. KẾT QUẢ", "Nội dung.", "Nơi nhận:",
                                         "- Như trên;", "- Lưu: VT.", *lines))
    assert m.signer == signer
    assert m.recipients == ["Như trên", "Lưu: VT"]


@pytest.mark.parametrize(("printed", "cased"), [
    ("UBND TỈNH QUẢNG NGÃI", "UBND tỉnh Quảng Ngãi"),
    ("SỞ CÔNG THƯƠNG", "Sở Công Thương"),
    ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư"),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
    ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Ủy ban nhân dân tỉnh Lâm Đồng"),
    ("HĐND THÀNH PHỐ HỒ CHÍ MINH", "HĐND thành phố Hồ Chí Minh"),
    ("TỈNH ỦY LÂM ĐỒNG", "Tỉnh ủy Lâm Đồng"),
    ("BAN DÂN VẬN TỈNH ỦY", "Ban Dân vận Tỉnh ủy"),
    ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
    ("SỞ NỘI VỤ", "Sở Nội vụ"),
    ("Sở Công Thương", "Sở Công Thương"),  # mixed case is kept as printed
])
def test_vietnamese_case_of_header_names(printed, cased):
    assert vietnamese_case(printed) == cased


def test_position_case():
    assert [position_case(t) for t in ("GIÁM ĐỐC", "PHÓ CHỦ TỊCH", "THỨ TRƯỞNG", "PHÓ TRƯỞNG BAN")] == [
        "Giám đốc", "Phó Chủ tịch", "Thứ trưởng", "Phó Trưởng ban"]


@pytest.mark.parametrize(("line", "symbol", "doc_type"), [
    ("Số: 123/BC-SCT", "123/BC-SCT", "Báo cáo"),
    ("SỐ: 12/QĐ-UBND", "12/QĐ-UBND", "Quyết định"),
    ("Số: 228 /BC-SNV", "228/BC-SNV", "Báo cáo"),
    ("Số:         /KH-UBND", "/KH-UBND", "Kế hoạch"),
    ("Số 08-CT/TU", "08-CT/TU", "Chỉ thị"),
    ("Số: 04/2015/NĐ-CP", "04/2015/NĐ-CP", "Nghị định"),
    ("Số: 186/CĐ-TTg", "186/CĐ-TTg", "Công điện"),
])
def test_symbol_is_printed_without_spaces_and_names_the_type_when_no_type_line_does(line, symbol, doc_type):
    m = extract_metadata(header_skeleton("UBND TỈNH QUẢNG NGÃI", line, "Quảng Ngãi, ngày 20 tháng 6 năm 2021",
                                         "Nội dung chính của văn bản được trình bày đầy đủ trong đoạn văn này."))
    assert (m.symbol, m.doc_type) == (symbol, doc_type)


# ---------------------------------------------------------------- rules of issue 10 (front and back matter)
# Each case is built from the strings of a published document the rule was found on.


def test_cong_van_number_has_no_type_code_issuer_code_ct_is_not_chi_thi():
    # A Cục Thuế letter: "CT" is the issuer's code, not Chỉ thị; "V/v" says it is a công văn.
    m = extract_metadata(header_skeleton(
        "BỘ TÀI CHÍNH", "CỤC THUẾ", "Số: 5665/CT-CS", "V/v chính sách thuế giá trị gia tăng",
        "Hà Nội, ngày 18 tháng 11 năm 2025", "Kính gửi: Công ty TNHH ABC",
        "Cục Thuế nhận được văn bản của Công ty đề nghị hướng dẫn chính sách thuế giá trị gia tăng."))
    assert (m.doc_type, m.symbol, m.agency, m.parent_agency) == ("Công văn", "5665/CT-CS", "Cục Thuế", "Bộ Tài chính")
    assert m.title == "Chính sách thuế giá trị gia tăng"


def test_letter_addressed_without_subject_is_a_cong_van():
    m = extract_metadata(header_skeleton(
        "CỤC THUẾ", "Số: 5665/CT-CS", "Hà Nội, ngày 18 tháng 11 năm 2025", "Kính gửi: Công ty TNHH ABC",
        "Cục Thuế nhận được văn bản của Công ty đề nghị hướng dẫn chính sách thuế giá trị gia tăng."))
    assert m.doc_type == "Công văn"


def test_type_line_wins_over_the_code_in_the_number():
    m = extract_metadata(header_skeleton(
        "CỤC THUẾ", "Số: 12/CT-CS", "Hà Nội, ngày 18 tháng 11 năm 2025", "THÔNG BÁO", "Về lịch nộp hồ sơ khai thuế",
        "I. NỘI DUNG", "Nội dung."))
    assert m.doc_type == "Thông báo"


@pytest.mark.parametrize(("dateline", "place", "date"), [
    ("Hà Nội ngày 01 tháng 12 năm 2025", "Hà Nội", "2025-12-01"),  # no comma after the place
    ("Hà Nội, ngày 1/12/2025", "Hà Nội", "2025-12-01"),  # the date in figures
    ("ngày 01 tháng 12 năm 2025", None, "2025-12-01"),  # alone on the right, no place printed
    ("TP. Hồ Chí Minh, ngày 23 tháng 6 năm 2026", "TP. Hồ Chí Minh", "2026-06-23"),
])
def test_dateline_forms(dateline, place, date):
    m = extract_metadata(header_skeleton("BỘ TÀI CHÍNH", "Số: 15557/BTC-PTHT", dateline, "V/v công khai danh sách",
                                         "Kính gửi: Các bộ, cơ quan trung ương", "Nội dung của công văn."))
    assert (m.place, m.date) == (place, date)


def test_a_number_in_running_text_gives_no_dateline():
    m = extract_metadata(header_skeleton(
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "V/v đăng ký danh sách tham gia Hội thi",
        "Thực hiện Kế hoạch số 25/KH-STTTT, ngày 6 tháng 12 năm 2011 của Sở về tổ chức Hội thi."))
    assert (m.place, m.date) == (None, None)


def test_agency_broken_over_two_lines_is_one_name():
    m = extract_metadata(header_skeleton(
        "BỘ LAO ĐỘNG - THƯƠNG", "BINH VÀ XÃ HỘI", "Số: 03/2025/TT-BLĐTBXH", "Hà Nội, ngày 11 tháng 02 năm 2025",
        "THÔNG TƯ", "Quy định chi tiết một số điều", "Căn cứ Luật Việc làm;", "Nội dung."))
    assert (m.agency, m.parent_agency, m.doc_type) == ("Bộ Lao động - Thương binh và Xã hội", None, "Thông tư")


def test_type_line_after_the_number_does_not_join_the_agency():
    m = extract_metadata(header_skeleton(
        "ĐẢNG BỘ CƠ QUAN UBND", "HUYỆN LỆ THỦY", "CHI BỘ THANH TRA", "Lệ Thủy, ngày 29 tháng 11 năm 2011",
        "BẢN TỰ KIỂM ĐIỂM", "Đánh giá chất lượng đảng viên", "Nội dung."))
    assert m.agency == "Chi bộ Thanh tra"


def test_gazette_running_header_is_never_the_number():
    m = extract_metadata(header_skeleton(
        "CÔNG BÁO/Số 216/Ngày 10-01-2025", "CHÍNH PHỦ", "Số: 74/2025/NĐ-CP", "Hà Nội, ngày 31 tháng 3 năm 2025",
        "NGHỊ ĐỊNH", "Quy định chi tiết", "Căn cứ Luật Tổ chức Chính phủ;", "Nội dung."))
    assert (m.symbol, m.agency) == ("74/2025/NĐ-CP", "Chính phủ")


def back_matter(*signature: str):
    return header_skeleton("BÁO CÁO", "Tổng kết", "I. KẾT QUẢ", "Nội dung.", "Nơi nhận:", "- Như trên;",
                           "- Lưu: VT.", *signature)


@pytest.mark.parametrize(("lines", "signer"), [
    # a title over two lines: the organ line continues the position, it is not the name
    (["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "BAN CHÍNH SÁCH, THUẾ QUỐC TẾ", "Nguyễn Thị Cúc"],
     Signer(name="Nguyễn Thị Cúc", title="Phó Trưởng ban Ban Chính sách, Thuế quốc tế", authority="KT.")),
    (["KT. TRƯỞNG BAN", "BAN CHÍNH SÁCH, THUẾ QUỐC TẾ", "PHÓ TRƯỞNG BAN", "Nguyễn Thị Cúc"],
     Signer(name="Nguyễn Thị Cúc", title="Phó Trưởng ban", authority="KT.")),
    (["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Cao Anh Tuấn"], Signer(name="Cao Anh Tuấn", title="Thứ trưởng", authority="KT.")),
    # a merged line splits at its second position
    (["KT. BỘ TRƯỞNG THỨ TRƯỞNG", "Cao Anh Tuấn"], Signer(name="Cao Anh Tuấn", title="Thứ trưởng", authority="KT.")),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"],
     Signer(name="Nguyễn Ngọc Phúc", title="Phó Chủ tịch", authority="KT.")),
    # rank and degree words are no part of the name
    (["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Thượng tướng Vũ Hải Sản"],
     Signer(name="Vũ Hải Sản", title="Thứ trưởng", authority="KT.")),
    (["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "PGS.TS. Trần Văn Thuấn"],
     Signer(name="Trần Văn Thuấn", title="Thứ trưởng", authority="KT.")),
    # "THƯỜNG TRỰC" under a position qualifies it
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "THƯỜNG TRỰC", "Trần Văn B"],
     Signer(name="Trần Văn B", title="Phó Chủ tịch Thường trực", authority="KT.")),
    (["KT. TRƯỞNG BAN THƯỜNG TRỰC", "Trần Văn B"],
     Signer(name="Trần Văn B", title="Trưởng ban Thường trực", authority="KT.")),
    # a law: the chair of the National Assembly
    (["CHỦ TỊCH QUỐC HỘI", "Nguyễn Phú Trọng"], Signer(name="Nguyễn Phú Trọng", title="Chủ tịch Quốc hội")),
    # specks a stamp glues on a title are cut (gazette Quyết định 892/QĐ-TTg)
    (["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNGy]", "Phạm Thị Thanh Trà"],
     Signer(name="Phạm Thị Thanh Trà", title="Phó Thủ tướng", authority="KT.")),
])
def test_signature_block_titles_and_names(lines, signer):
    assert extract_metadata(back_matter(*lines)).signer == signer


def test_the_signature_is_the_last_block_that_names_its_signer():
    # A circular that prints model signature blocks before its own (Thông tư 01/2011/TT-BNV).
    m = extract_metadata(back_matter("TM. HỘI ĐỒNG", "CHỦ TỊCH", "(Chữ ký, dấu của Bộ Xây dựng)",
                                     "BỘ TRƯỞNG BỘ XÂY DỰNG", "Nguyễn Văn A", "Điều 18. Điều khoản thi hành",
                                     "Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký.", "BỘ TRƯỞNG", "(Đã ký)",
                                     "Trần Văn Tuấn"))
    assert m.signer == Signer(name="Trần Văn Tuấn", title="Bộ trưởng")


def test_type_line_run_together_with_its_title_is_split():
    # A scan's header OCR'd as one line per row (Kế hoạch 753/KH-DCT).
    m = extract_metadata(header_skeleton(
        "BỘ CÔNG THƯƠNG", "Số: 753/KH-DCT", "Thành phố Hồ Chí Minh, ngày 23 tháng 6 năm 2026",
        "KẾ HOẠCH Khảo sát, xác định chỉ số hài lòng của người dân đối với dịch vụ giáo dục công năm 2026",
        "I. MỤC ĐÍCH", "Nội dung."))
    assert (m.doc_type, m.title) == (
        "Kế hoạch", "Khảo sát, xác định chỉ số hài lòng của người dân đối với dịch vụ giáo dục công năm 2026")


def test_type_line_kept_whole_over_a_title_in_running_case():
    m = extract_metadata(header_skeleton(
        "QUỐC HỘI KHÓA XV", "ỦY BAN VĂN HÓA VÀ XÃ HỘI", "Hà Nội, ngày 12 tháng 8 năm 2025", "BÁO CÁO TÓM TẮT",
        "Báo cáo thẩm tra sơ bộ dự án Luật Giáo dục đại học (sửa đổi)", "I. VỀ MỘT SỐ VẤN ĐỀ CHUNG", "Nội dung."))
    assert (m.doc_type, m.title) == ("Báo cáo tóm tắt", "Báo cáo thẩm tra sơ bộ dự án Luật Giáo dục đại học (sửa đổi)")


def test_old_style_type_line_gives_issuer_number_and_date():
    # Nghị định 37/2007/NĐ-CP as the 2007 text prints it.
    m = extract_metadata(header_skeleton(
        "NGHỊ ĐỊNH", "CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007", "VỀ MINH BẠCH TÀI SẢN, THU NHẬP",
        "CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;", "Nội dung."))
    assert (m.doc_type, m.symbol, m.date, m.agency, m.title) == (
        "Nghị định", "37/2007/NĐ-CP", "2007-03-09", "Chính phủ", "Về minh bạch tài sản, thu nhập")


def test_an_organ_signing_as_itself_is_the_signer_title():
    m = extract_metadata(header_skeleton("BỘ TÀI CHÍNH", "THUYẾT MINH NỘI DUNG DỰ THẢO THÔNG TƯ",
                                         "Quy định chi tiết một số điều", "I. SỰ CẦN THIẾT", "Nội dung.",
                                         "Nơi nhận:", "- Như trên;", "BỘ TÀI CHÍNH"))
    assert m.doc_type == "Thuyết minh nội dung dự thảo thông tư"
    assert m.signer == Signer(title="Bộ Tài chính")


def ocr_skeleton(*texts: str):
    return build(Document(format="pdf", ocr=True, blocks=[Block(text=t) for t in texts]))


def test_ocr_dateline_figures_read_as_letters_and_a_type_line_after_specks():
    # Công điện 186/CĐ-TTg as Tesseract reads the scan.
    m = extract_metadata(ocr_skeleton(
        "THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 186/CĐ-TTg Hà Nội. ngày 04 tháng T0 năm 2025", "PˆN gi PHỦ CÔNG ĐIỆN",
        "V/v chủ động ứng phó bão số 11 năm 2025", "THỦ TƯỚNG CHÍNH PHỦ điện:",
        "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố khu vực Bắc Bộ và Bắc Trung Bộ;",
        "Nội dung của công điện được trình bày ở đây."))
    assert (m.doc_type, m.symbol, m.place, m.date, m.agency) == (
        "Công điện", "186/CĐ-TTg", "Hà Nội", "2025-10-04", "Thủ tướng Chính phủ")
    assert m.title == "Chủ động ứng phó bão số 11 năm 2025"


def test_ocr_type_word_with_a_misread_tone_mark():
    m = extract_metadata(ocr_skeleton(
        "THỦ TƯỚNG CHÍNH PHỦ", "Số: 932/QĐ-TTg Hà Nội, ngày 15 tháng 5 năm 2025",
        "QUYÉT ĐỊNH Về việc phê duyệt danh sách thành viên của Tổ Công tác cải cách hành chính",
        "THỦ TƯỚNG CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", "Nội dung."))
    assert (m.doc_type, m.title) == (
        "Quyết định", "Về việc phê duyệt danh sách thành viên của Tổ Công tác cải cách hành chính")


def test_an_annex_after_the_signature_signs_nothing():
    m = extract_metadata(back_matter("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Phạm Lê Tuấn", "Phụ lục 01",
                                     "DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Nguyễn Văn Bình"))
    assert m.signer == Signer(name="Phạm Lê Tuấn", title="Thứ trưởng", authority="KT.")


def test_the_name_may_come_after_the_portals_words():
    m = extract_metadata(back_matter("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Ký bởi: Bộ Tài chính",
                                     "Thời gian ký: 08.10.2025 16:20:11 +07:00", "Đỗ Thành Trung"))
    assert m.signer == Signer(name="Đỗ Thành Trung", title="Thứ trưởng", authority="KT.")
