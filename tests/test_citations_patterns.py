"""Eyecite-style table: real strings from the corpus, each with its exact expected parse."""

from __future__ import annotations

import pytest

from extract.citations import find_citations

# (text as printed in the corpus file named in the comment, expected fields of the first citation)
CASES = [
    (  # seed
        "Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy về công tác dân vận của cơ quan nhà nước các cấp, Kế",
        dict(form="full", doc_type="Chỉ thị", type_code="CT", number="08", year=None, symbol="08-CT/TU",
             issuer_code="TU", issuer="Ban Thường vụ Tỉnh ủy", date="2021-05-25", term=None, key="CT|8|TU",
             subject="về công tác dân vận của cơ quan nhà nước các cấp"),
    ),
    (  # seed: spaces and an en dash inside the symbol, issuer after the subject
        "Kế hoạch số 10 – KH/BDVTU-BCSĐUBND ngày 11/01/2021 về phối hợp thực hiện công tác dân vận năm 2021 "
        "của Ban Dân vận Tỉnh ủy và Ban Cán sự Đảng UBND tỉnh; Kế hoạch",
        dict(form="full", symbol="10-KH/BDVTU-BCSĐUBND", issuer_code="BDVTU-BCSĐUBND", date="2021-01-11",
             issuer="Ban Dân vận Tỉnh ủy và Ban Cán sự Đảng UBND tỉnh", key="KH|10|BDVTU-BCSĐUBND",
             subject="về phối hợp thực hiện công tác dân vận năm 2021"),
    ),
    (  # seed: a paragraph break after "số", a normative decree cited without its year
        "theo Nghị định số\n\n04/NĐ-CP ngày 09/01/2015 của Chính phủ thông qua các phương thức",
        dict(form="full", doc_type="Nghị định", type_code="NĐ", number="04", year=None, symbol="04/NĐ-CP",
             issuer_code="CP", issuer="Chính phủ", date="2015-01-09", key="NĐ|4|CP|2015"),
    ),
    (  # seed: a công văn called "Văn bản", no issuer phrase
        "và Văn bản số 327/SCT-VP ngày 03/3/2021 đề ra phương hướng",
        dict(form="full", doc_type="Công văn", type_code=None, number="327", symbol="327/SCT-VP",
             issuer_code="SCT", issuer="Sở Công Thương", date="2021-03-03", key="CV|327|SCT-VP"),
    ),
    (  # seed: the term after the issuer, a quoted title
        "Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị khóa XI “Về tiếp tục đẩy mạnh việc xây dựng”, báo cáo",
        dict(form="full", doc_type="Kết luận", symbol="120-KL/TW", issuer="Bộ Chính trị", term="khóa XI",
             date="2016-01-07", key="KL|120|TW", subject="Về tiếp tục đẩy mạnh việc xây dựng"),
    ),
    (  # seed
        "ban hành Nghị quyết số 01-NQ/TU ngày 11/5/2021 của Hội nghị Tỉnh ủy lần thứ 3 (Khóa XX) về huy động",
        dict(form="full", symbol="01-NQ/TU", issuer="Hội nghị Tỉnh ủy lần thứ 3", term="khóa XX",
             date="2021-05-11", key="NQ|1|TU"),
    ),
    (  # seed: a qualifier between the type and "số", "giữa … và …"
        "và Chương trình phối hợp số 26-CTr/BDVTU-BCSĐUBND ngày 13/02/2017 giữa Ban Dân vận Tỉnh ủy và "
        "Ban Cán sự đảng Ủy ban nhân dân tỉnh về công tác dân vận",
        dict(form="full", doc_type="Chương trình", type_code="CTr", symbol="26-CTr/BDVTU-BCSĐUBND",
             issuer="Ban Dân vận Tỉnh ủy và Ban Cán sự đảng Ủy ban nhân dân tỉnh", key="CTr|26|BDVTU-BCSĐUBND"),
    ),
    (  # seed: no "số"
        "theo Quy định 306-QĐ/TU của Tỉnh ủy và của Sở",
        dict(form="full", doc_type="Quy định", type_code="QĐ", symbol="306-QĐ/TU", issuer="Tỉnh ủy",
             key="QĐ|306|TU"),
    ),
    (  # hp_qd-09-2010-qd-ubnd-cantho.doc: underscore for the hyphen, long date
        "Căn cư Quyết định số 10/2007/QĐ_BKHCN ngày 11 tháng 5 năm 2007 của Bộ Khoa học và Công nghệ về ban hành",
        dict(form="full", number="10", year=2007, symbol="10/2007/QĐ-BKHCN", issuer="Bộ Khoa học và Công nghệ",
             date="2007-05-11", key="QĐ|10|BKHCN|2007"),
    ),
    (  # hp_qd-15-2010-qd-ubnd-hanoi.doc: joint circular, comma before the date
        "Căn cứ Thông tư liên tịch số 06/2008/TTLT-BTTTT-BCA ngày 28/11/2008 của liên Bộ",
        dict(form="full", doc_type="Thông tư liên tịch", type_code="TTLT", symbol="06/2008/TTLT-BTTTT-BCA",
             issuer_code="BTTTT-BCA", date="2008-11-28", key="TTLT|6|BTTTT-BCA|2008"),
    ),
    (  # hp_qd-15-2010-qd-ubnd-hanoi.doc
        "Căn cứ Nghị định số 97/2008/NĐ-CP, ngày 28/08/2008 của Chính phủ về quản lý",
        dict(form="full", year=2008, date="2008-08-28", issuer="Chính phủ", key="NĐ|97|CP|2008"),
    ),
    (  # vbai_bc-dean06-thang3-2026-lamdong.docx: a decimal number
        "Thực hiện Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ quy định cắt giảm",
        dict(form="full", number="66.7", year=2025, symbol="66.7/2025/NQ-CP", date="2025-11-15",
             issuer="Chính phủ", key="NQ|66.7|CP|2025"),
    ),
    (  # vbai_bc-dean06-thang3-2026-lamdong.docx: the date opens the sentence
        "Ngày 25/9/2025, UBND tỉnh đã ban hành Quyết định số 1441/QĐ-UBND về công bố Danh mục TTHC",
        dict(form="full", symbol="1441/QĐ-UBND", date="2025-09-25", issuer="Ủy ban nhân dân", key="QĐ|1441|UBND"),
    ),
    (  # vbai_bc-dean06-thang8-2025-lamdong.docx: a unit code after the issuer
        "tại Tờ trình số 108/TTr-CAT-PC06 ngày 22/8/2025 đề nghị ban hành",
        dict(form="full", doc_type="Tờ trình", type_code="TTr", issuer_code="CAT-PC06", issuer="Công an tỉnh",
             key="TTr|108|CAT-PC06"),
    ),
    (  # lit_ttr-luat-danso-byt-2025.docx: a UBTVQH resolution has no type code
        "Nghị quyết số 77/2025/UBTVQH15 của Ủy ban Thường vụ Quốc hội điều chỉnh Chương trình",
        dict(form="full", doc_type="Nghị quyết", type_code=None, symbol="77/2025/UBTVQH15",
             issuer_code="UBTVQH15", issuer="Ủy ban Thường vụ Quốc hội", key="NQ|77|UBTVQH15|2025"),
    ),
    (  # lit_ttr-luat-danso-byt-2025.docx: an ordinal inside the issuer, "khoá" spelling
        "Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khoá XII về",
        dict(form="full", issuer="Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng", term="khóa XII",
             date="2017-10-25", key="NQ|21|TW"),
    ),
    (  # vbai_kh-cchc-2026-2030-lamdong.docx: the issuer ends before the words that follow it
        "theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28/5/2015 của Chính phủ cơ sở dữ liệu quốc gia",
        dict(form="full", issuer="Chính phủ", key="NĐ|52|CP|2015"),
    ),
    (  # vbai_cv-8151-bnv-2025.pdf: a code glued to its number
        "- Các Thành viên TCT CCHC theo QĐ932;",
        dict(form="short", doc_type="Quyết định", number="932", key="QĐ|932", refers_to=None),
    ),
    (  # seed: named references
        "theo Nghị quyết Đại hội XIII của Đảng nhiệm kỳ 2021 - 2026",
        dict(form="named", doc_type="Nghị quyết", issuer="Đảng", key="NQ|Đại hội XIII"),
    ),
    (
        "thực hiện Nghị quyết TW 4 (khóa XII) về xây dựng chỉnh đốn Đảng",
        dict(form="named", term="khóa XII", key="NQ|TW 4|khóa XII"),
    ),
    (
        "xây dựng dự án Luật Thực hiện dân chủ ở cơ sở; sơ kết",
        dict(form="named", doc_type="Luật", key="L|Thực hiện dân chủ ở cơ sở"),
    ),
    (  # hp_qd-09-2010-qd-ubnd-cantho.doc: a law with its date
        "Căn cứ Luật Khoa học và Công nghệ ngày 09 tháng 6 năm 2000;",
        dict(form="named", date="2000-06-09", key="L|Khoa học và Công nghệ"),
    ),
    (  # lit_ttr-luat-danso-byt-2025.docx: a law whose name has a comma and starts in lower case
        "sửa đổi 06 luật: Luật phòng, chống bạo lực gia đình, Luật Bảo hiểm y tế.",
        dict(form="named", key="L|Phòng, chống bạo lực gia đình"),
    ),
    (  # lit_bc-tongket-tmdt-bct-2025.pdf: the issuer ends before the capitalized verb of the subject
        "được giao tại Quyết định số 411/QĐ-TTg\ncủa Thủ tướng Chính phủ Phê duyệt Chiến lược quốc gia",
        dict(form="full", issuer="Thủ tướng Chính phủ", key="QĐ|411|TTG"),
    ),
    (  # lit_bc-tongket-tmdt-bct-2025.pdf: an unknown law name ends after its acronym
        "Do vậy, việc xây dựng Luật TMĐT giúp",
        dict(form="named", key="L|TMĐT"),
    ),
    (  # lit_thuyetminh-duthao-tt-btc-2025.pdf: a law named and numbered
        "Luật Thuế TTĐB số 66/2025/QH15 giao Chính phủ quy định chi tiết",
        dict(form="full", doc_type="Luật", type_code=None, number="66", year=2025, symbol="66/2025/QH15",
             issuer_code="QH15", issuer="Quốc hội", key="L|66|QH15|2025"),
    ),
    (  # lit_thuyetminh-duthao-tt-btc-2025.pdf: the hyphen lost between type code and issuer
        "Thông tư số 195/2015/TT-BTC; Thông tư số 20/2017/TTBTC ngày 06/3/2017",
        dict(form="full", symbol="195/2015/TT-BTC", key="TT|195|BTC|2015"),
    ),
    (  # lit_thuyetminh-duthao-tt-btc-2025.pdf: the slash before the year lost
        "Tại Điều 3 Thông tư số 95/2015/TT-BTC ngày 24/11 2015 của Bộ\nTài chính hướng dẫn",
        dict(form="full", date="2015-11-24", issuer="Bộ Tài chính", key="TT|95|BTC|2015"),
    ),
    (  # lit_thuyetminh-duthao-tt-btc-2025.pdf: an amending law is one law
        "Luật sửa đổi, bổ sung một số điều của\nLuật thuế tiêu thụ đặc biệt quy định:",
        dict(form="named", key="L|sửa đổi, bổ sung một số điều của Luật thuế tiêu thụ đặc biệt"),
    ),
    (  # lit_ttr-luat-diachat-khoangsan-btnmt-2023.pdf: the constitution named by its year, no "năm"
        "Điều 53 Hiến pháp 2013 quy định “...tài nguyên khoáng sản…là tài sản công",
        dict(form="named", doc_type="Hiến pháp", key="HP|2013", date=None),
    ),
    (  # lit_ttr-luat-diachat-khoangsan-btnmt-2023.pdf: the adoption date in a bracket after the law's name
        "Sau 13 năm thực hiện Luật Khoáng sản (được Quốc hội khóa XII thông qua ngày 17/11/2010, có hiệu lực "
        "từ ngày 01/7/2011), đến nay",
        dict(form="named", key="L|Khoáng sản", date="2010-11-17",
             text="Luật Khoáng sản (được Quốc hội khóa XII thông qua ngày 17/11/2010"),
    ),
    (  # lit_ttr-luat-diachat-khoangsan-btnmt-2023.pdf: the organ of a sentence opened by the date
        "Đặc biệt, ngày 10/02/2022, Bộ Chính trị ban hành Nghị quyết số 10-NQ/TW về định hướng chiến lược địa chất",
        dict(form="full", symbol="10-NQ/TW", issuer_code="TW", issuer="Bộ Chính trị", date="2022-02-10",
             key="NQ|10|TW"),
    ),
    (  # vbai_bc-cchc-quy1-2026-lamdong.docx: the organ said before is the one the code names: the code's name
        "Ngày 14/01/2026, UBND tỉnh ban hành Văn bản số 627/UBND-NC về việc triển khai",
        dict(form="full", symbol="627/UBND-NC", issuer="Ủy ban nhân dân", date="2026-01-14"),
    ),
    (  # vbai_bc-dean06-den-20-10-2025-cat-lamdong.doc (footnote): "tác" inside the organ's name
        "triển khai thực hiện Công văn số 4257/TCT của Tổ công tác Chính phủ về thúc đẩy triển khai",
        dict(form="full", symbol="4257/TCT", issuer="Tổ công tác Chính phủ", key="CV|4257|TCT"),
    ),
    (  # vbai_bc-dean06-thang3-2026-lamdong.docx (footnote): the ministry at the subject's end is not the issuer
        "¹ Công văn số 946/SKHCN-VP ngày 20/03/2026 về việc cung cấp thông tin đầu mối quản trị Hệ thống thông tin "
        "giải quyết thủ tục hành chính theo mô hình tập trung của Bộ Khoa học và Công nghệ; Công văn số 3665",
        dict(form="full", symbol="946/SKHCN-VP", issuer="Sở Khoa học và Công nghệ", date="2026-03-20",
             subject="về việc cung cấp thông tin đầu mối quản trị Hệ thống thông tin giải quyết thủ tục hành chính "
             "theo mô hình tập trung của Bộ Khoa học và Công nghệ"),
    ),
    (  # vbai_bc-dean06-thang3-2026-lamdong.docx: a task body's remit, with commas and an acronym, is its name
        "Công văn số 1070/TCT ngày 18/3/2026 của Tổ Công tác triển khai Đề án 06, cải cách thủ tục hành chính "
        "(TTHC), chuyển đổi số gắn với Đề án 06 về xây dựng báo cáo tiến độ",
        dict(form="full", symbol="1070/TCT", date="2026-03-18", subject="về xây dựng báo cáo tiến độ",
             issuer="Tổ Công tác triển khai Đề án 06, cải cách thủ tục hành chính (TTHC), chuyển đổi số gắn với Đề án 06"),
    ),
    (  # vbai_qd-snv-tgv-cchc-quyche-lamdong-2025.doc: "về" + a domain opens the remit; a verb ends it
        "Căn cứ Quyết định số 688/QĐ-BCĐ ngày 08 tháng 8 năm 2025 của Ban Chỉ đạo về phát triển khoa học, công nghệ, "
        "đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng ban hành Quy chế hoạt động",
        dict(form="full", symbol="688/QĐ-BCĐ", date="2025-08-08",
             issuer="Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng"),
    ),
    (  # vbai_bc-dean06-thang11-2025-lamdong.docx (footnote): the task body named after the subject
        "Công văn số 5612/CV-BCĐ ngày 20/10/2025 về việc đôn đốc thực hiện các nhiệm vụ theo Chiến dịch làm giàu, làm "
        "sạch CSDL quốc gia về đất đai trên địa bàn tỉnh của Ban chỉ đạo triển khai Chiến dịch; Quyết định",
        dict(form="full", symbol="5612/CV-BCĐ", issuer="Ban chỉ đạo triển khai Chiến dịch",
             subject="về việc đôn đốc thực hiện các nhiệm vụ theo Chiến dịch làm giàu, làm sạch CSDL quốc gia về đất "
             "đai trên địa bàn tỉnh"),
    ),
    (  # vbai_bc-dean06-thang8-2025-lamdong.docx: "về thúc đẩy …" after a task body is the subject
        "Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban chỉ đạo Trung ương về thúc đẩy chuyển đổi số liên thông",
        dict(form="full", issuer="Ban chỉ đạo Trung ương", subject="về thúc đẩy chuyển đổi số liên thông"),
    ),
    (  # lit_qd-143-qd-ubqgnct-2025.pdf: "Ủy ban Quốc gia về …" is one name; the second "về" opens the subject
        "Quyết định số 62/QĐĐ-UBQGNCT ngày 19 tháng 9 năm 2014 của Chủ tịch Ủy ban Quốc gia về người cao tuổi Việt "
        "Nam về việc ban hành Quy chế làm việc",
        dict(form="full", issuer="Chủ tịch Ủy ban Quốc gia về người cao tuổi Việt Nam",
             subject="về việc ban hành Quy chế làm việc"),
    ),
    (  # lit_bc-tongket-phaplenh-danso-byt-2025.docx: "Ban chấp hành" in lower case, the term capitalized
        "Nghị quyết số 21-NQ/TW của Hội nghị lần thứ Sáu Ban chấp hành Trung ương Khóa XII về công tác dân số",
        dict(form="full", issuer="Hội nghị lần thứ Sáu Ban chấp hành Trung ương", term="khóa XII",
             subject="về công tác dân số"),
    ),
    (  # hp_decuong-dutoan-qlvb-phutho-2012.doc: a capitalized verb opens the title after the issuer
        "Thông tư 127/2007/TT-BTC ngày 31/10/2007 của Bộ Tài chính Sửa đổi, bổ sung Thông tư số 23/2007/TT-BTC",
        dict(form="full", issuer="Bộ Tài chính", key="TT|127|BTC|2007"),
    ),
    (  # lit_cv-15557-btc-ptht-2025.pdf: a stray mark glued to the issuer's last word
        "Quyết định số 1544/QĐ-TTg ngày 16/7/2025 của Thủ tướng Chính phủ', trên cơ sở",
        dict(form="full", issuer="Thủ tướng Chính phủ"),
    ),
    (  # lit_bc-tongket-tmdt-bct-2025.pdf: the organ of a leading date ends before the clause's "đã"
        "Ngày 29/3/2023, Phó Thủ tướng Chính phủ Trần Lưu Quang đã ký ban hành Quyết định số 319/QĐ-TTg phê duyệt",
        dict(form="full", issuer="Phó Thủ tướng Chính phủ Trần Lưu Quang", date="2023-03-29"),
    ),
    (  # vbai_bc-dean06-den-20-10-2025-cat-lamdong.doc: "Đề án 06" names a programme inside the subject
        "Kế hoạch số 9574/KH-BCĐ06 ngày 01/11/2023 về triển khai 36 mô hình điểm thực hiện Đề án 06 trên địa bàn tỉnh "
        "Lâm Đồng. Đến nay",
        dict(form="full", subject="về triển khai 36 mô hình điểm thực hiện Đề án 06 trên địa bàn tỉnh Lâm Đồng"),
    ),
    (  # vbai_bc-dean06-thang11-2025-lamdong.docx (footnote): a closed quotation inside the subject
        "Công văn số 2136/TGV ngày 20/10/2025 về việc triển khai chương trình “Chung tay cứu trợ khẩn cấp đồng bào bị "
        "ảnh hưởng bởi lũ lụt trên nền tảng VNeID năm 2025”; Công văn số 5612/CV-BCĐ",
        dict(form="full", subject="về việc triển khai chương trình “Chung tay cứu trợ khẩn cấp đồng bào bị ảnh hưởng "
             "bởi lũ lụt trên nền tảng VNeID năm 2025”"),
    ),
    (  # lit_bc-tongket-tmdt-bct-2025.pdf: a colon opens quoted content, not more of the subject
        "Công điện số 119/CĐ-TTg của Thủ tướng Chính phủ ngày 25/11/2024 về việc tiếp tục đẩy mạnh công tác quản lý "
        "nhà nước về TMĐT nêu rõ: “Bộ Công Thương chủ trì",
        dict(form="full", issuer="Thủ tướng Chính phủ", date="2024-11-25", subject="về việc tiếp tục đẩy mạnh công tác quản lý nhà nước về TMĐT nêu rõ"),
    ),
    (  # vbai_bc-dean06-thang11-2025-lamdong.docx: a mistyped type code ("TN" for TB) before the organ's code
        "theo chỉ đạo của Phó Thủ tướng Trần Hồng Hà tại Thông báo số 565/TN-VPCP; Báo cáo",
        dict(form="full", symbol="565/TN-VPCP", key="TB|565|TN-VPCP", issuer="Văn phòng Chính phủ"),
    ),
    (  # lit_ttr-luat-tmdt-bct-2025.pdf: a type code the tables do not know ("BCTĐ", báo cáo thẩm định)
        "ý kiến thẩm định của Bộ Tư pháp (Báo cáo thẩm định số 180/BCTĐ-BTP ngày 20/5/2025) tại",
        dict(form="full", symbol="180/BCTĐ-BTP", key="BC|180|BCTĐ-BTP", issuer="Bộ Tư pháp", date="2025-05-20"),
    ),
    (  # hp_qd-15-2010-qd-ubnd-hanoi.doc: the ministries of a joint circular after "liên Bộ:", joined by a dash
        "Căn cứ Thông tư liên tịch số 06/2008/TTLT-BTTTT-BCA ngày 28/11/2008 của liên Bộ: Thông tin và Truyền thông – "
        "Công an về bảo đảm an toàn cơ sở hạ tầng",
        dict(form="full", issuer="liên Bộ: Thông tin và Truyền thông – Công an", date="2008-11-28",
             subject="về bảo đảm an toàn cơ sở hạ tầng"),
    ),
    (  # vbai_bc-cchc-quy1-2026-lamdong.docx: "của" + a list of organs ends the subject, not the issuer
        "Ủy ban nhân dân tỉnh ban hành Quyết định số 1737/QĐ-UBND ngày 17/10/2025 về ban hành Bộ chỉ số chỉ đạo điều "
        "hành trên môi trường điện tử phục vụ công tác chỉ đạo điều hành của Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân "
        "dân tỉnh. Tỉnh tiếp tục",
        dict(form="full", issuer="Ủy ban nhân dân", date="2025-10-17",
             subject="về ban hành Bộ chỉ số chỉ đạo điều hành trên môi trường điện tử phục vụ công tác chỉ đạo điều "
             "hành của Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh"),
    ),
    (  # vbai_phieutrinh-629-vpubnd-lamdong.doc: an organ that a verb follows after the comma opens a new clause
        "Quyết định số 2266/QĐ-UBND ngày 24/11/2025 của UBND tỉnh về việc phân công nhiệm vụ của Chủ tịch UBND tỉnh và "
        "các Phó Chủ tịch UBND tỉnh Lâm Đồng, Chủ tịch UBND tỉnh trực tiếp theo dõi những vấn đề chung",
        dict(form="full", issuer="UBND tỉnh", subject="về việc phân công nhiệm vụ của Chủ tịch UBND tỉnh và các Phó "
             "Chủ tịch UBND tỉnh Lâm Đồng"),
    ),
    (  # hp_qd-09-2010-qd-ubnd-cantho.doc: a known law whose name holds "của", printed with "và" and a wrong mark
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân và Ủy bân nhân dân ngày 03 tháng 12 "
        "năm 2004;",
        dict(form="named", doc_type="Luật", date="2004-12-03", issuer=None,
             key="L|Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân và Ủy ban nhân dân"),
    ),
    (  # lit_bc-tongket-phaplenh-danso-byt-2025.docx: the programme's years in brackets before "giữa …"
        "Chương trình số 23/CTrPH-SYT-HPN (2014-2020) giữa Hội LHPN và Sở Y tế về tuyên truyền và chăm sóc sức khỏe, và "
        "Chương trình số 16-CTrPH/BTGTU-SYT",
        dict(form="full", symbol="23/CTRPH-SYT-HPN", issuer="Hội LHPN và Sở Y tế",
             subject="về tuyên truyền và chăm sóc sức khỏe"),
    ),
    (  # lit_bc-tongket-phaplenh-danso-byt-2025.docx: the organ of a leading date ends before its term
        "Tuy nhiên, ngày 25/10/2017, Ban Chấp hành Trung ương Đảng khóa XII ban hành Nghị quyết số 18-NQ/TW về tiếp "
        "tục đổi mới, sắp xếp tổ chức bộ máy",
        dict(form="full", issuer="Ban Chấp hành Trung ương Đảng", date="2017-10-25", key="NQ|18|TW"),
    ),
    (  # vbai_bc-cchc-quy1-2026-lamdong.docx: a citation the subject's verb governs is part of the subject,
        # and the "của …" that ends it is that citation's issuer, not this one's
        "Văn bản số 170/STP-XDKTVB ngày 20/01/2026 về việc triển khai Kế hoạch số 806/KH-UBND ngày 09/01/2026 của "
        "UBND tỉnh; Văn bản số 298/STP-XDKTVB",
        dict(form="full", issuer="Sở Tư pháp", date="2026-01-20",
             subject="về việc triển khai Kế hoạch số 806/KH-UBND ngày 09/01/2026 của UBND tỉnh"),
    ),
    (  # lit_bc-tongket-phaplenh-danso-byt-2025.docx: an ellipsis before a capital ends the subject
        "Quyết định số 1342/2009/QĐ-TTg về chính sách hỗ trợ định canh định cư cho đồng bào DTTS còn di cư tự do… "
        "Nghị quyết số 88/2019/QH14 ngày 18/11/2019",
        dict(form="full", subject="về chính sách hỗ trợ định canh định cư cho đồng bào DTTS còn di cư tự do"),
    ),
    (  # lit_bc-tongket-phaplenh-danso-byt-2025.docx: the ministry's own code without its "B"; "vào ngày"
        "Quyết định số 1520/QĐ-LĐTBXH vào ngày 20/10/2015 để phê duyệt quy hoạch mạng lưới",
        dict(form="full", issuer_code="LĐTBXH", issuer="Bộ Lao động - Thương binh và Xã hội", date="2015-10-20"),
    ),
    (  # lit_bc-dgtd-luat-bhyt-byt-2024.docx: a committee of the Quốc hội with its khóa after the code
        "Báo cáo số 614/BC-UBXH15, tổng kết, đánh giá toàn diện",
        dict(form="full", issuer_code="UBXH15", issuer="Ủy ban Xã hội", key="BC|614|UBXH15"),
    ),
    (  # hp_decuong-dutoan-qlvb-phutho-2012.doc: a title that opens with the document's verb, not "về"
        "- Nghị định 22/2011/NĐ-CP ngày 04/4/2011 của Chính phủ quy định mức lương tối thiểu chung;",
        dict(form="full", issuer="Chính phủ", date="2011-04-04", subject="quy định mức lương tối thiểu chung"),
    ),
    (  # lit_bc-dgtd-luat-bhyt-byt-2024.docx: "sửa đổi" after a law's name names the amending law, no title
        "Luật Bảo hiểm y tế sửa đổi đã trình trước đây;",
        dict(form="named", key="L|Bảo hiểm y tế", subject=None),
    ),
    (  # hp_tt-01-2010-tt-ttcp.doc: a line break before a capital ends the subject (the next "Căn cứ")
        "một số điều của Nghị định số 37/2007/NĐ-CP ngày 09 tháng 3 năm 2007\ncủa Chính phủ về Minh bạch tài sản, "
        "thu nhập\nCăn cứ Luật Phòng, chống tham nhũng năm 2005;",
        dict(form="full", issuer="Chính phủ", date="2007-03-09", subject="về Minh bạch tài sản, thu nhập"),
    ),
    (  # vbai_bc-cchc-quy1-2026-lamdong.docx: ", theo đó …" opens the report's comment on the document
        "ban hành Công văn số 627/UBND-NC ngày 14/01/2026 về triển khai, xây dựng vị trí việc làm công chức, theo đó "
        "giao các sở, ban, ngành tỉnh và Ủy",
        dict(form="full", date="2026-01-14", subject="về triển khai, xây dựng vị trí việc làm công chức"),
    ),
    (  # vbai_bc-cac-chi-so-cchc-lamdong-2025.pdf: the advising organ before "tham mưu" does not issue
        "từ ngày 01/7/2025, Sở Nội vụ đã tham mưu UBND tỉnh ban hành Kế hoạch số 213/KH-UBND ngày 15/7/2025 về cải "
        "cách hành chính nhà nước năm 2025 với",
        dict(form="full", issuer="Ủy ban nhân dân", date="2025-07-15"),
    ),
    (  # hp_cv-275-stttt-cntt-phutho-2011-scan.pdf: the organ's head typed in lower case
        "Kế hoạch số 25/KH-STTTT, ngày 6 tháng 12 năm 2011 của sở Thông tin và Truyền thông tỉnh Phú Thọ về tô chức "
        "Hội thi kỹ năng",
        dict(form="full", issuer="sở Thông tin và Truyền thông tỉnh Phú Thọ", date="2011-12-06",
             subject="về tô chức Hội thi kỹ năng"),
    ),
    (  # seed: a short form
        "theo Chỉ thị 05 của Bộ Chính trị về đẩy mạnh",
        dict(form="short", doc_type="Chỉ thị", number="05", issuer="Bộ Chính trị", key="CT|5", refers_to=None),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_citation_from_corpus_parses_exactly(text, expected):
    got = find_citations(text)[0]
    assert {k: getattr(got, k) for k in expected} == expected
    assert text[got.span[0] : got.span[1]] == got.text


@pytest.mark.parametrize(
    ("damaged", "key", "symbol"),
    [
        ("nghị định số 04/2015/ND-CP ngày 09/01/2015", "NĐ|4|CP|2015", "04/2015/NĐ-CP"),
        ("Quyết định số 183/QD-UBND ngày 31/3/2021", "QĐ|183|UBND", "183/QĐ-UBND"),
        ("QUYẾT ĐỊNH SỐ 183/QĐ-UBND", "QĐ|183|UBND", "183/QĐ-UBND"),
        ("Quyết định số O5/QĐ-UBND", "QĐ|5|UBND", "05/QĐ-UBND"),
        ("Kế hoạch số 10-KH/BDVTU-BCSĐUBND", "KH|10|BDVTU-BCSĐUBND", "10-KH/BDVTU-BCSĐUBND"),
        ("Kế hoạch số 10 —  KH / BDVTU - BCSĐUBND", "KH|10|BDVTU-BCSĐUBND", "10-KH/BDVTU-BCSĐUBND"),
        ("Quyết định số 977/qđ-ttg", "QĐ|977|TTG", "977/QĐ-TTg"),
        ("Nghị quyết số 01-NQ/\nTU ngày 1 1/5/2021", "NQ|1|TU", "01-NQ/TU"),
        ("Nghị định số 52/2013/NĐ\n-CP ngày 16/5/2013", "NĐ|52|CP|2013", "52/2013/NĐ-CP"),
        ("Thông tư số 20/2017/TTBTC ngày 06/3/2017", "TT|20|BTC|2017", "20/2017/TT-BTC"),
        # lit_nq-318-nq-cp-2025.pdf read by Tesseract: the khóa's 1 as an I, or as I and 1
        ("Nghị quyết số 188/2025/QHI5 của Quốc hội", "NQ|188|QH15|2025", "188/2025/QH15"),
        ("Nghị quyết số 188/2025/QHI15 ngày 19 tháng 02 năm 2025", "NQ|188|QH15|2025", "188/2025/QH15"),
        ("Nghị quyết số 188/2025/QH1I5 ngày 19 tháng 02 năm 2025", "NQ|188|QH15|2025", "188/2025/QH15"),
    ],
)
def test_damaged_spelling_gives_the_same_key(damaged, key, symbol):
    (got,) = find_citations(damaged)
    assert (got.key, got.symbol) == (key, symbol)


def test_kerning_space_inside_a_date_is_read():
    (got,) = find_citations("Nghị quyết số 01-NQ/TU ngày 1 1/5/2021 của Tỉnh ủy")
    assert got.date == "2021-05-11"


def test_a_date_word_typed_twice_still_dates_the_citation():
    # lit_cv-9533-vpcp-cn-2025.pdf
    (got,) = find_citations("Bộ Xây dựng đã có văn bản số 10271/BXD-KHTC ngày ngày 22/9/2025 gửi Bộ Tài chính")
    assert (got.key, got.date) == ("CV|10271|BXD-KHTC", "2025-09-22")


def test_continued_symbols_inherit_the_type_word():
    got = find_citations("các Quyết định số 183/QĐ-UBND ngày 31/3/2021 và số 184/QĐ-UBND ngày 01/4/2021")
    assert [(c.doc_type, c.key, c.date) for c in got] == [
        ("Quyết định", "QĐ|183|UBND", "2021-03-31"),
        ("Quyết định", "QĐ|184|UBND", "2021-04-01"),
    ]


def test_documents_joined_by_va_share_the_organ_said_after_the_last():
    # vbai_bc-dean06-thang3-2026-lamdong.docx, footnote 3
    got = find_citations("³ Kế hoạch số 8016/KH-UBND ngày 01/10/2020 và Kế hoạch số 3563/KH-UBND ngày 01/6/2021 "
                         "của UBND tỉnh Lâm Đồng.")
    assert [(c.key, c.issuer) for c in got] == [
        ("KH|8016|UBND", "UBND tỉnh Lâm Đồng"),
        ("KH|3563|UBND", "UBND tỉnh Lâm Đồng"),
    ]


def test_an_organ_said_after_the_last_document_passes_only_to_codes_that_name_it():
    got = find_citations("Quyết định số 1/QĐ-TTg và Quyết định số 2/QĐ-UBND của UBND tỉnh")
    assert [c.issuer for c in got] == ["Thủ tướng Chính phủ", "UBND tỉnh"]


def test_items_of_a_list_headed_by_the_type_word_are_full_citations():
    text = (  # lit_ttr-luat-diachat-khoangsan-btnmt-2023.pdf, footnote 1 (shortened)
        "¹ 06 Nghị quyết: (1) số 24-NQ/TW ngày 03/6/2013 về chủ động ứng phó với biến đổ khí hậu; "
        "(2) số 36-NQ/TW ngày 22/10/2018 về Chiến lược phát triển bền vững kinh tế biển Việt Nam; "
        "(6) số Nghị quyết 19-NQ/TW ngày 30/10/2012 của Ban Chấp hành Trung ương khóa XI"
    )
    got = find_citations(text)
    assert [(c.form, c.doc_type, c.symbol, c.key, c.date, c.issuer, c.text.split(" về")[0]) for c in got] == [
        ("full", "Nghị quyết", "24-NQ/TW", "NQ|24|TW", "2013-06-03", "Trung ương", "số 24-NQ/TW ngày 03/6/2013"),
        ("full", "Nghị quyết", "36-NQ/TW", "NQ|36|TW", "2018-10-22", "Trung ương", "số 36-NQ/TW ngày 22/10/2018"),
        ("full", "Nghị quyết", "19-NQ/TW", "NQ|19|TW", "2012-10-30", "Ban Chấp hành Trung ương",
         "Nghị quyết 19-NQ/TW ngày 30/10/2012 của Ban Chấp hành Trung ương khóa XI"),
    ]


@pytest.mark.parametrize(("printed", "key"), [
    # lit_nq-318-nq-cp-2025.pdf read by Tesseract: "quyền" lost its hook
    ("Căn cứ Luật Tổ chức chính quyên địa phương ngày 16 tháng 6 năm 2025;", "L|Tổ chức chính quyền địa phương"),
    # lit_cv-9533-vpcp-cn-2025.pdf read by Tesseract: a tone mark lost, same letters
    ("Căn cứ Luật Đâu tư ngày 17 tháng 6 năm 2020;", "L|Đầu tư"),
])
def test_a_law_name_misread_by_ocr_is_the_known_law(printed, key):
    (got,) = find_citations(printed)
    assert (got.form, got.key) == ("named", key)


@pytest.mark.parametrize(("printed", "key"), [
    ("Căn cứ Luật Giò ngày 19 tháng 6 năm 2023;", "L|Giò"),  # short: one letter is too large a share
    ("Căn cứ Luật Công nghiệp thông tin;", "L|Công nghiệp thông tin"),  # hp_qd-15: the author's words, not a misread
])
def test_a_law_name_more_than_a_misread_off_a_known_one_is_left_as_printed(printed, key):
    assert [c.key for c in find_citations(printed)] == [key]
