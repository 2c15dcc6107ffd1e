"""Figures that mean what they say (issue 11): no figure from a citation, a footnote mark, an article
number or a spelled idiom; percentage points as their own unit; a figure's role (result, target,
threshold). Each string is a false case seen on a document, or its shape, with the exact expected parse."""

from __future__ import annotations

import pytest

from extract.indicators import find_indicators

NO_FIGURE = [
    # a footnote's mark, then the citation it opens: once "ratio 0.001" (2 / 2025)
    "Quốc hội đã thông qua chủ trương đầu tư.\n2 Nghị quyết số 192/2025/QH15 ngày 19/02/2025 về bổ sung kế hoạch",
    # a list's number before a cited decree: once a ratio 60/2021
    "60 Nghị định số 31/2021/NĐ-CP ngày 26/3/2021 quy định chi tiết và hướng dẫn thi hành",
    # an article's number and the law's: once a ratio 14/2019
    "theo quy định tại khoản 14 Điều 6 Luật Quản lý thuế số 38/2019/QH14",
    # "hai con số": double-digit growth, an idiom, no count of 2
    "phấn đấu tốc độ tăng trưởng kinh tế đạt 02 con số trong giai đoạn tới",
]


@pytest.mark.parametrize("text", NO_FIGURE)
def test_citations_footnote_marks_article_numbers_and_idioms_give_no_figure(text):
    assert find_indicators(text) == []


def test_a_bare_scale_word_after_money_is_dong_not_a_count_of_the_next_word():
    (money, growth) = find_indicators("Tổng thu ngân sách đạt 28,4 tỷ năm 2024, tăng 5% so với cùng kỳ.")
    assert (money.kind, money.value, money.unit, money.base_value, money.base_unit) == (
        "money", 28.4, "tỷ đồng", 2.84e10, "đồng")  # once "tỷ năm"
    assert money.label == "Tổng thu ngân sách"
    assert (growth.kind, growth.value, growth.unit) == ("growth", 5.0, "%")


@pytest.mark.parametrize("text, kind", [
    ("Tỷ lệ hộ nghèo giảm 0,4 điểm phần trăm so với năm 2023.", "growth"),  # once unit "điểm"
    ("tỷ lệ đô thị hóa tăng 1,2 điểm % so với cùng kỳ", "growth"),
    ("cao hơn 2 điểm phần trăm so với bình quân cả nước", "growth"),
])
def test_percentage_points_are_their_own_unit_and_a_change_of_a_share_is_growth(text, kind):
    (points,) = find_indicators(text)
    assert (points.kind, points.unit, points.base_unit) == (kind, "điểm phần trăm", "điểm phần trăm")


def test_times_counted_are_a_count_and_a_multiple_is_a_ratio():
    (times,) = find_indicators("Trong năm, Đoàn đã tổ chức kiểm tra 02 lần tại các đơn vị.")  # once a ratio
    (multiple,) = find_indicators("rác thải do TMĐT thải ra môi trường gấp 4,8 lần rác thải truyền thống")
    assert (times.kind, times.value, times.unit) == ("count", 2.0, "lần")
    assert (multiple.kind, multiple.value) == ("ratio", 4.8)


def test_population_is_a_measure_not_a_numbered_name():
    (people,) = find_indicators("dân số 1,2 triệu người")  # "số 1,2" once read as a name's number
    assert (people.value, people.unit, people.base_value) == (1.2, "triệu người", 1.2e6)


@pytest.mark.parametrize("text, role", [
    # a law review quoting the law: a rule's parameters, not reported figures
    ("Luật quy định dự án có tổng vốn đầu tư từ 20.000 tỷ đồng trở lên do Quốc hội quyết định", "threshold"),
    ("ngân hàng thương mại phải có vốn điều lệ tối thiểu 10.000 tỷ đồng", "threshold"),
    ("khu công nghiệp có quy mô từ 300 ha", "threshold"),
    ("Mức phạt tiền tối đa trong lĩnh vực quản lý nhà nước về dân số đối với cá nhân là 30 triệu đồng", "threshold"),
    # what was achieved
    ("Tổng số hồ sơ đã giải quyết là 125.712 hồ sơ", "result"),
    ("Năm 2021, tổng doanh thu phí bảo hiểm nhân thọ toàn thị trường ước đạt 116.404 tỷ đồng", "result"),
    # what is aimed at or expected
    ("Phấn đấu 30% - 40% cán bộ và công chức được bồi dưỡng", "target"),
    ("chỉ tiêu đề ra là tối thiểu 20%", "target"),
    ("Dự kiến đến năm 2025 có khoảng 15% dân số tham gia bảo hiểm nhân thọ", "target"),
    ("Theo Kế hoạch, Sở Nội vụ sẽ chủ trì tổ chức kiểm tra tại 29 cơ quan, đơn vị, địa phương", "target"),
])
def test_a_figures_role_is_read_from_its_sentence(text, role):
    (figure,) = find_indicators(text)
    assert figure.role == role


def test_a_plans_figures_are_targets_and_a_decrees_thresholds(tmp_path):
    from extract import parse

    plan = tmp_path / "ke-hoach.md"
    plan.write_text("**ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG**\n\nSố: 12/KH-UBND\n\n**KẾ HOẠCH**\n**Cải cách hành chính"
                    " năm 2026**\n\n**I. MỤC TIÊU**\n\nTối thiểu 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn."
                    "\n\n**II. KẾT QUẢ NĂM 2025**\n\nNăm 2025, tỉnh đã giải quyết đúng hạn 97,5% hồ sơ.\n", encoding="utf-8")
    found = {i.value: i.role for i in parse(plan).indicators}
    assert found == {98.0: "target", 97.5: "result"}
