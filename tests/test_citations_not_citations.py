"""What looks like a citation but is not one."""

from __future__ import annotations

import pytest

from extract.citations import find_citations


@pytest.mark.parametrize(
    "text",
    [
        "để đưa Nghị quyết của Đảng đi vào cuộc sống",  # seed: a generic word
        "tham mưu HĐND, UBND tỉnh Kế hoạch thực hiện Nghị quyết của Tỉnh ủy",  # seed
        "Xây dựng Kế hoạch chuyển đổi vị trí công tác.",  # seed: a plan still being drafted
        "Căn cứ Quyết định …/QĐ-BCĐ ngày … tháng … năm 2025 của Trưởng Ban Chỉ đạo",  # a draft with no number
        "Kết quả triển khai Đề án 06 trên địa bàn tỉnh tháng 8/2025",  # "Đề án 06" is a name
        "ảnh hưởng bởi đại dịch Covid -19 và bão số 9 cuối tháng 10/2020",  # seed
        "41,4% TTHC được rút ngắn 30% thời gian (55/133).",  # seed: ratios
        "Kế hoạch năm 2021 và giai đoạn 2021 – 2025",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Luật này quy định về dân số.",
        "phải bảo đảm phù hợp với Hiến pháp, đồng bộ với các pháp luật liên quan",  # lit_ttr-luat-diachat…
        "Các Nghị quyết: (1) số lượng đại biểu tăng 5%",  # a list head whose item is no symbol
        # hp_tt-01-2011-tt-bnv.doc: an illustration of how a council numbers its documents
        "thì phải lấy số của Hội đồng, Ban, ví dụ Quyết định số 01 của Hội đồng thi tuyển công chức Bộ Nội vụ "
        "được trình bày như sau:",
        "Dự thảo Luật mở rộng đối tượng áp dụng",  # lit_bc-tomtat-thamtra-luat-gddh-2025.docx
        "ĐỀ ÁN 06\n- Đẩy mạnh tuyên truyền",  # a heading then a bullet, not a symbol
        "Chỉ tiêu tăng 5-7% so với cùng kỳ",
        "KẾ HOẠCH\nSố 38/KH-UBND\nThực hiện công tác dân vận",  # a header names the document itself
    ],
)
def test_text_holds_no_citation(text):
    assert find_citations(text) == []


def test_title_inside_a_subject_is_part_of_one_citation():
    text = (  # seed
        "đã trình UBND tỉnh ban hành Quyết định số 183/QĐ-UBND ngày 31/3/2021 về Kế hoạch sử dụng năng lượng "
        "tiết kiệm và hiệu quả trên địa bàn tỉnh giai đoạn 2021-2025; tiếp tục hoàn chỉnh Đề án Tái cơ cấu"
    )
    (got,) = find_citations(text)
    assert got.key == "QĐ|183|UBND"
    assert got.subject == (
        "về Kế hoạch sử dụng năng lượng tiết kiệm và hiệu quả trên địa bàn tỉnh giai đoạn 2021-2025"
    )


def test_full_citation_given_as_an_example_still_counts():
    (got,) = find_citations("ví dụ: Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ")
    assert got.key == "NĐ|4|CP|2015"
