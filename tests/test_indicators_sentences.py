"""Real sentences from the corpus with the exact indicators they carry (eyecite style)."""

from __future__ import annotations

import pytest

from extract.indicators import find_indicators

# sentence (as printed in the corpus) → [(kind, value, unit, numerator, denominator, direction, baseline)]
SENTENCES = [
    (  # seed: shared subject in a list
        "Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ 36%, được đào tạo lý luận chính trị 74 %.",
        [("percent", 36.0, "%", None, None, None, None), ("percent", 74.0, "%", None, None, None, None)],
    ),
    (  # seed: a count, a share with "đạt tỷ lệ", a ratio, a leading-zero count; "mức độ 3,4" is two levels
        "Đăng ký và thực hiện lộ trình cung cấp dịch vụ công trực tuyến mức độ 3,4 trên Cổng dịch vụ công "
        "quốc gia 42 TTHC, đạt tỷ lệ 32%, đến nay đã có 37/42 TTHC cập nhật trên Cổng dịch vụ công quốc gia, "
        "trong đó có 04 TT HC thuộc lĩnh vực Xúc tiến thương mại được cung cấp dịch vụ công mức độ 4.",
        [("count", 42.0, "TTHC", None, None, None, None), ("percent", 32.0, "%", None, None, "đạt", None),
         ("ratio", 0.881, "TTHC", 37.0, 42.0, None, None), ("count", 4.0, "TTHC", None, None, None, None)],
    ),
    (  # seed: "(55/133)" explains the 41,4% before it
        "100% TTHC được giải quyết đúng thời gian quy định. 41,4% TTHC được rút ngắn 30% thời gian giải quyết "
        "so với quy định pháp luật (55/133).",
        [("percent", 100.0, "%", None, None, None, None), ("percent", 41.4, "%", 55.0, 133.0, None, None),
         ("percent", 30.0, "%", None, None, None, "quy định pháp luật")],
    ),
    (  # seed: counts in a list; the anniversary, the date span and "01" as a count
        "Sở Công Thương và 5 tập thể, 18 cá nhân được Bộ trưởng Bộ Công Thương, Chủ tịch UBND tỉnh tặng Bằng khen",
        [("count", 5.0, "tập thể", None, None, None, None), ("count", 18.0, "cá nhân", None, None, None, None)],
    ),
    (  # Đề án 06, November 2025: "X unit/Y unit" is a ratio, then its share
        "Tiếp nhận, giải quyết 104.462 hồ sơ trực tuyến/108.117 tổng hồ sơ tiếp nhận, đạt tỷ lệ 96,62%.",
        [("ratio", 0.9662, "hồ sơ", 104462.0, 108117.0, None, None), ("percent", 96.62, "%", None, None, "đạt", None)],
    ),
    (  # Đề án 06, November 2025: an absolute change against last month
        "tuyên truyền, vận động thực hiện chi trả an sinh xã hội qua tài khoản cho 69.436 người hưởng chế độ "
        "(tăng 12.685 người so với tháng trước)",
        [("count", 69436.0, "người", None, None, None, None), ("count", 12685.0, "người", None, None, "tăng", "tháng trước")],
    ),
    (  # CCHC indices report: score out of 100, rank out of 34, share of plan
        "tỉnh Lâm Đồng đạt 90,09/100 điểm, xếp hạng 11/34 tỉnh thành.",
        [("quantity", 90.09, "điểm", 90.09, 100.0, "đạt", None), ("rank", 11.0, None, 11.0, 34.0, None, None)],
    ),
    (
        "đến nay, tỉnh đã triển khai thực hiện 39/45 nhiệm vụ đề ra (đạt 86,67% kế hoạch, các nhiệm vụ còn lại "
        "đang triển khai thực hiện đảm bảo tiến độ trong năm 2025).",
        [("ratio", 0.8667, "nhiệm vụ", 39.0, 45.0, None, None), ("percent", 86.67, "%", None, None, "đạt", "kế hoạch")],
    ),
    (  # CCHC quarterly report: the unit is named by the subject ("Số hồ sơ … là 120.088")
        "Số hồ sơ giải quyết trước và đúng hạn là 120.088 (tỷ lệ 95,53%), số hồ sơ giải quyết trễ hạn là 5.624 (tỷ lệ 4,47%).",
        [("count", 120088.0, "hồ sơ", None, None, None, None), ("percent", 95.53, "%", None, None, None, None),
         ("count", 5624.0, "hồ sơ", None, None, None, None), ("percent", 4.47, "%", None, None, None, None)],
    ),
    (  # population report: money-like scales on people, a spelled-out rank, a numeric rank
        "Tổng dân số của Việt Nam vào thời điểm 0 giờ ngày 1/4/2023 là 100,3 triệu người, trong đó tỷ lệ dân số "
        "nam và nữ khá cân bằng (nam giới chiếm 49,9%, nữ 50,1%). Việt Nam là quốc gia đông dân thứ ba trong khu "
        "vữ Đông Nam Á (sau In-đô-nê-xi-a và Phi-lip-pin) và đứng thứ 15 trên thế giới.",
        [("count", 100.3, "triệu người", None, None, None, None), ("percent", 49.9, "%", None, None, None, None),
         ("percent", 50.1, "%", None, None, None, None), ("rank", 3.0, None, None, None, None, None),
         ("rank", 15.0, None, None, None, None, None)],
    ),
    (
        "TFR của Việt Nam đã giảm từ 2,11 con/phụ nữ vào năm 2005 xuống còn 1,96 con/phụ nữ vào năm 2023.",
        [("quantity", 2.11, "con/phụ nữ", None, None, None, None), ("quantity", 1.96, "con/phụ nữ", None, None, None, None)],
    ),
    (  # CCHC plan 2026-2030: a target with a hedge
        "Tối thiểu 98% hồ sơ thủ tục hành chính tiếp nhận hằng năm được giải quyết trước và đúng hạn.",
        [("percent", 98.0, "%", None, None, None, None)],
    ),
    (  # DOMAIN.md examples: growth, share of plan, money as printed, a range
        "Doanh thu tăng 12,5% so với cùng kỳ năm trước; giải ngân đạt 48,5% kế hoạch năm, tương ứng 12.500 tỷ đồng; "
        "lạm phát dự kiến 5-7%.",
        [("growth", 12.5, "%", None, None, "tăng", "cùng kỳ năm trước"),
         ("percent", 48.5, "%", None, None, "đạt", "kế hoạch năm"),
         ("money", 12_500.0, "tỷ đồng", None, None, None, None),
         ("percent", 5.0, "%", None, None, None, None)],
    ),
]


@pytest.mark.parametrize("sentence,expected", SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_indicators_of_real_sentences(sentence, expected):
    found = [(i.kind, i.value, i.unit, i.numerator, i.denominator, i.direction, i.baseline)
             for i in find_indicators(sentence)]
    assert found == expected


LABELS = [
    ("Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ 36%, được đào tạo lý luận chính trị 74 %.",
     ["Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ",
      "Tỷ lệ công chức, viên chức được đào tạo lý luận chính trị"]),
    ("100% TTHC được giải quyết đúng thời gian quy định.", ["TTHC được giải quyết đúng thời gian quy định"]),
    ("Mức độ hài lòng của tổ chức, công dân về giải quyết TTHC của Sở đạt 100%",
     ["Mức độ hài lòng của tổ chức, công dân về giải quyết TTHC của Sở"]),
    ("Tổng số hồ sơ các sở, ngành đã giải quyết là 125.712 hồ sơ", ["Tổng số hồ sơ các sở, ngành đã giải quyết"]),
    ("trong quý I năm 2026, Chủ tịch Ủy ban nhân dân tỉnh đã công bố 51 Quyết định danh mục TTHC; trong đó, "
     "công bố mới 109 thủ tục, sửa đổi, bổ sung 628 thủ tục và bãi bỏ 130 thủ tục.",
     ["Quyết định danh mục TTHC Chủ tịch Ủy ban nhân dân tỉnh đã công bố", "thủ tục công bố mới",
      "thủ tục sửa đổi, bổ sung", "thủ tục bãi bỏ"]),
    ("Sở Công Thương và 5 tập thể, 18 cá nhân được Bộ trưởng Bộ Công Thương, Chủ tịch UBND tỉnh tặng Bằng khen",
     ["tập thể được Bộ trưởng Bộ Công Thương, Chủ tịch UBND tỉnh tặng Bằng khen",
      "cá nhân được Bộ trưởng Bộ Công Thương, Chủ tịch UBND tỉnh tặng Bằng khen"]),
    # indices report 2025: the first of two counts takes the second's predicate, not its modifier "cấp xã"
    ("ngoài ra, có 07 sở, ngành và 34 UBND cấp xã đang chủ động triển khai các mô hình, sáng kiến",
     ["sở, ngành đang chủ động triển khai các mô hình, sáng kiến",
      "UBND cấp xã đang chủ động triển khai các mô hình, sáng kiến"]),
]


@pytest.mark.parametrize("sentence,labels", LABELS, ids=[s[:40] for s, _ in LABELS])
def test_indicator_labels_are_the_noun_phrase_measured(sentence, labels):
    assert [i.label for i in find_indicators(sentence)] == labels


def test_multiples_plans_declines_and_ranks_read_from_their_cue_words():
    x2, plan, fall, rank = find_indicators(
        "Kim ngạch xuất khẩu tăng gấp 2 lần so với năm 2020. Thu ngân sách vượt 2,1% kế hoạch năm. "
        "Số vụ tai nạn giảm 3% so với cùng kỳ. Chỉ số PCI xếp thứ 15/63 tỉnh, thành phố.")
    assert (x2.kind, x2.value, x2.unit, x2.baseline, x2.period) == ("ratio", 2.0, "lần", "năm 2020", None)
    assert (plan.kind, plan.direction, plan.baseline) == ("percent", "vượt", "kế hoạch năm")
    assert (fall.kind, fall.direction, fall.baseline) == ("growth", "giảm", "cùng kỳ")
    assert (rank.kind, rank.value, rank.denominator, rank.unit, rank.label) == ("rank", 15.0, 63.0, None, "thứ hạng Chỉ số PCI")


def test_indicator_hedges_ranges_and_periods():
    a, b, c = find_indicators("đã tiếp nhận hơn 40.000 phiếu khảo sát; lạm phát 5 - 7%; năm 2020 đạt 85,5 điểm.")
    assert (a.approx, a.value) == ("hơn", 40000.0)
    assert (b.value, b.value_max) == (5.0, 7.0)
    assert (c.kind, c.value, c.unit, c.period) == ("quantity", 85.5, "điểm", "năm 2020")
    assert find_indicators("đạt 36%", period="6 tháng đầu năm 2021")[0].period == "6 tháng đầu năm 2021"
    assert find_indicators("Kim ngạch đạt 12,5 triệu USD trong quý I năm 2026.")[0].period == "quý I năm 2026"


FOOTNOTE_MARKS = [  # PDFs print a footnote mark as superscript digits right after a figure or a word
    ("Năm 2021 có khoảng 15%⁸ dân số tham gia bảo hiểm sức khỏe", ("percent", 15.0, "%"), "15%⁸ dân số"),
    ("đến nay đã cấp 1.250² doanh nghiệp", ("count", 1250.0, "doanh nghiệp"), "1.250² doanh nghiệp"),
    ("doanh thu tăng 12,5%³ so với cùng kỳ", ("growth", 12.5, "%"), "12,5%"),
    ("Luật số 56/2024/QH15¹ đã giao 12 nhiệm vụ", ("count", 12.0, "nhiệm vụ"), "12 nhiệm vụ"),
]


@pytest.mark.parametrize("sentence,figure,printed", FOOTNOTE_MARKS, ids=[s[:30] for s, _, _ in FOOTNOTE_MARKS])
def test_superscript_footnote_marks_are_read_past_and_kept_in_the_span(sentence, figure, printed):
    (ind,) = find_indicators(sentence)
    assert (ind.kind, ind.value, ind.unit) == figure
    assert printed in ind.text and sentence[ind.span[0] : ind.span[1]] == ind.text
    assert "⁸" not in (ind.label or "") and "²" not in (ind.label or "")


def test_square_and_cubic_metres_are_units_not_footnote_marks():
    assert [(i.value, i.unit) for i in find_indicators("xây dựng 120 m² nhà ở, 35 km² rừng")] == [(120.0, "m2"), (35.0, "km2")]


def test_growth_verb_in_the_clause_makes_a_percent_a_growth_but_not_when_it_names_the_measure():
    (rate,) = find_indicators("Tỷ lệ giao dịch bán lẻ trực tuyến tăng trưởng đều đặn, trung bình 0,32% mỗi năm kể từ năm 2021")
    (speed,) = find_indicators("Tốc độ tăng trưởng trung bình của thị trường TMĐT đạt trên 20%")
    assert (rate.kind, rate.value, rate.direction) == ("growth", 0.32, "tăng")
    assert (speed.kind, speed.value, speed.direction) == ("percent", 20.0, "đạt")


def test_bare_scale_word_counts_the_noun_its_subject_names():
    (buyers,) = find_indicators("Theo thống kê TMĐT từ Emarketer, số lượng người mua sắm trực tuyến đạt 2,77 tỷ vào năm 2025")
    assert (buyers.kind, buyers.value, buyers.unit, buyers.label) == (
        "count", 2.77, "tỷ người", "số lượng người mua sắm trực tuyến")
    assert (buyers.base_value, buyers.base_unit) == (2.77e9, "người")
    assert find_indicators("kết quả đạt 2,77 tỷ") == []  # no noun named: what it counts is unknown
    (revenue,) = find_indicators("thu ngân sách đạt 2,77 tỷ")  # a subject measured in money: đồng
    assert (revenue.kind, revenue.unit, revenue.base_value) == ("money", "tỷ đồng", 2.77e9)
