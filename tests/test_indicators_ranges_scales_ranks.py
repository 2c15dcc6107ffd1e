"""Figure forms first met in the second and third rounds of held-out documents (a strategy's
targets, tờ trình figures, a 2012 cost estimate): ranges whose ends both carry "%", a scale word
before a counted noun, dollars written out, the size of a leading group as a rank, a scale word
with no count, densities, measured ages, thousands grouped by commas."""

from __future__ import annotations

import pytest

from extract.indicators import find_indicators

# sentence (as printed in the corpus) → [(kind, value, value_max, unit)]
FORMS = [
    (  # lit_qd-2229-qd-ttg-logistics-2025.pdf: the range's ends each carry "%"
        "- Tỷ trọng giá trị tăng thêm của dịch vụ logistics trong tổng sản phẩm trong nước đạt 5% - 7%.",
        [("percent", 5.0, 7.0, "%")],
    ),
    (  # lit_qd-2229-qd-ttg-logistics-2025.pdf: a leading group's size is a rank
        "Xếp hạng theo Chỉ số hiệu quả logistics (LPI - do Ngân hàng Thế giới công bố) trong nhóm 40 quốc gia "
        "và vùng lãnh thổ hàng đầu.",
        [("rank", 40.0, None, None)],
    ),
    (  # lit_ttr-luat-tmdt-bct-2025.pdf: a scale word, then the noun it counts
        "kinh tế tư nhân là một động lực quan trọng nhất của nền kinh tế quốc gia, với khoảng hơn 940 nghìn "
        "doanh nghiệp và hơn 5 triệu hộ kinh doanh đang hoạt động",
        [("count", 940.0, None, "nghìn doanh nghiệp"), ("count", 5.0, None, "triệu hộ")],
    ),
    (  # lit_ttr-luat-tmdt-bct-2025.pdf: dollars written out, "đô" after a scale word
        "Quy mô thị trường bán lẻ TMĐT B2C tăng trưởng nhanh chóng từ 2,97 tỷ đô la Mỹ năm 2014 đến 25 tỷ đô "
        "năm 2024",
        [("money", 2.97, None, "tỷ USD"), ("money", 25.0, None, "tỷ USD")],
    ),
    (  # lit_ttr-luat-danso-byt-2025.docx: people per km² is a density, not a count of people
        "Mật độ dân số vùng Tây Nguyên tăng từ 52 người/km2 năm 1993 lên 111 người/km2 năm 2021",
        [("quantity", 52.0, None, "người/km2"), ("quantity", 111.0, None, "người/km2")],
    ),
    (  # lit_ttr-luat-danso-byt-2025.docx: a life expectancy is measured in years of age
        "Tuổi thọ trung bình của người Việt Nam tăng từ 72,8 tuổi (2009) lên 73,6 tuổi (2019)",
        [("quantity", 72.8, None, "tuổi"), ("quantity", 73.6, None, "tuổi")],
    ),
    (  # lit_ttr-luat-danso-byt-2025.docx: an index's decimal value has no unit
        "Giai đoạn 1990-2022, chỉ số HDI của Việt Nam thay đổi từ 0,492 lên 0,726, tăng gần 50%.",
        [("quantity", 0.492, None, None), ("quantity", 0.726, None, None), ("growth", 50.0, None, "%")],
    ),
    (  # hp_decuong-dutoan-qlvb-phutho-2012.doc: thousands grouped by commas, as the cost table prints them
        "Chi phí thiết kế là 197,128,000 đồng",
        [("money", 197128000.0, None, "đồng")],
    ),
    (  # lit_ttr-luat-tmdt-bct-2025.pdf: "nhiều tỷ đồng" names no amount
        "Thực tiễn đã có nhiều vụ việc như các phiên livestream bán hàng nhiều tỷ đồng",
        [],
    ),
]


@pytest.mark.parametrize("sentence,expected", FORMS, ids=[s[:40] for s, _ in FORMS])
def test_ranges_scaled_nouns_dollars_and_leading_groups(sentence, expected):
    assert [(i.kind, i.value, i.value_max, i.unit) for i in find_indicators(sentence)] == expected


def test_a_rank_label_leaves_out_the_group_words():
    (rank,) = find_indicators("Xếp hạng theo Chỉ số hiệu quả logistics trong nhóm 30 quốc gia hàng đầu.")
    assert rank.label == "Xếp hạng theo Chỉ số hiệu quả logistics"


def test_a_scaled_count_is_labelled_by_its_noun_not_the_scale_word():
    (count,) = find_indicators("có hơn 5 triệu hộ kinh doanh đang hoạt động")
    assert count.label == "hộ kinh doanh đang hoạt động"


def test_a_group_size_without_a_leading_group_is_a_count_not_a_rank():
    found = find_indicators("Tổ công tác gồm nhóm 5 người, đứng đầu là Giám đốc Sở.")
    assert [(i.kind, i.value, i.unit) for i in found] == [("count", 5.0, "người")]


def test_a_scale_word_alone_is_no_figure():
    assert find_indicators("hàng nghìn người dân tham gia, nhiều tỷ đồng được huy động") == []


@pytest.mark.parametrize("text", ["Có 30 đô thị loại I.", "5 đô thị được công nhận"])
def test_do_thi_is_a_town_not_a_dollar(text):
    assert all(i.unit != "USD" for i in find_indicators(text))


@pytest.mark.parametrize("text", ["trẻ em dưới 6 tuổi được cấp thẻ BHYT miễn phí", "người từ 60 tuổi trở lên"])
def test_an_age_threshold_is_no_measured_age(text):
    assert all(i.unit != "tuổi" for i in find_indicators(text))


def test_a_series_leaves_out_the_unit_and_measure_its_first_item_states():
    # lit_ttr-luat-danso-byt-2025.docx: "năm 2015 là 112,8" is the sex ratio at birth in 2015
    found = find_indicators("Năm 2006, tỷ số giới tính khi sinh ở mức 109,8 bé trai/100 bé gái sinh ra sống - vượt "
                            "ngưỡng cân bằng tự nhiên (103-107); năm 2015 là 112,8, năm 2024 là 111,4.")
    assert [(i.kind, i.value, i.unit, i.label) for i in found] == [
        ("quantity", 109.8, "bé trai/100 bé gái", "tỷ số giới tính khi sinh"),
        ("quantity", 112.8, "bé trai/100 bé gái", "tỷ số giới tính khi sinh năm 2015"),
        ("quantity", 111.4, "bé trai/100 bé gái", "tỷ số giới tính khi sinh năm 2024")]


def test_a_bare_scale_word_in_a_series_takes_the_scaled_noun_before_it():
    found = find_indicators("Việt Nam sẽ dư thừa 1,5 triệu nam giới 15-49 tuổi vào năm 2039 và tăng lên 2,5 triệu "
                            "vào năm 2059.")
    assert [(i.value, i.unit, i.base_value, i.role) for i in found] == [
        (1.5, "triệu nam giới", 1.5e6, "target"), (2.5, "triệu nam giới", 2.5e6, "target")]


def test_a_duration_per_person_is_no_density_and_scale_words_multiply():
    assert find_indicators("Báo cáo định kỳ 06 tháng/01 lần và thời gian 08 giờ/1 người giám định viên") == []
    (cost,) = find_indicators("Tổng chi phí khoảng 5,3 nghìn tỷ cho toàn bộ phụ nữ")
    assert (cost.value, cost.unit, cost.base_value, cost.base_unit) == (5.3, "nghìn tỷ đồng", 5.3e12, "đồng")


def test_a_scale_word_before_a_measure_unit_scales_the_measure():
    found = find_indicators("Trữ lượng cát tăng thêm gần 2 tỷ m³ và đá vôi trên 650 triệu tấn.")
    assert [(i.value, i.unit, i.base_value, i.base_unit) for i in found] == [
        (2.0, "tỷ m3", 2e9, "m3"), (650.0, "triệu tấn", 6.5e8, "tấn")]
