"""compare on the sample series built straight from its content model: exact expectations."""

from __future__ import annotations

import csv
import io
import json
import random

import pytest

from compare_series import load_make_samples, model_report, model_series
from extract.compare import compare, section_key, similarity
from extract.schema import Indicator

SERIES = ["6 tháng đầu năm 2021", "năm 2021", "6 tháng đầu năm 2022", "năm 2022"]


@pytest.fixture(scope="module")
def comparison():
    reports = model_series()
    random.Random(7).shuffle(reports)  # order must come from the periods, not the arguments
    return compare(reports)


def row_of(comparison, label, kind):
    (row,) = [r for r in comparison.indicators if r.label == label and r.kind == kind]
    return row


def test_compare_orders_reports_by_period_start_then_end(comparison):
    assert [p.label for p in comparison.periods] == SERIES
    assert [p.symbol for p in comparison.periods] == ["125/BC-SCT", "418/BC-SCT", "139/BC-SCT", "407/BC-SCT"]


@pytest.mark.parametrize("label, kind, values", [
    ("Chỉ số sản xuất công nghiệp (IIP)", "growth", [12.5, 10.8, 9.6, 8.9]),
    ("Giá trị sản xuất công nghiệp", "money", [21345, 45210, 23870, 49650]),
    ("Giá trị sản xuất công nghiệp", "percent", [48.5, 102.3, 47.9, 101.4]),
    ("Xi măng", "quantity", [612.3, 1250.4, None, None]),
    ("Đường kính", "quantity", [None, 96.4, 41.7, 102.9]),
    ("Số cơ sở được thanh tra, kiểm tra", "count", [None, 254, 131, 276]),
    ("Tỷ lệ doanh nghiệp có website thương mại điện tử", "percent", [None, None, 41.5, 44.2]),
    ("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "rank", [15, None, 12, None]),
    ("Kim ngạch xuất khẩu", "money", [612.4, 1315.8, 701.2, 1452.6]),
    ("Kim ngạch nhập khẩu", "money", [408.9, 865.1, 455.3, 930.7]),
])
def test_compare_aligns_each_indicator_across_the_periods_that_state_it(comparison, label, kind, values):
    row = row_of(comparison, label, kind)
    assert [c.amount if c else None for c in row.cells] == values
    assert row.score == 100.0


def test_compare_aligns_every_figure_stated_twice_and_lists_the_one_stated_once(comparison):
    assert len(comparison.indicators) == len(load_make_samples().FIGURES) - 1
    assert [(u.period, u.label, u.amount) for u in comparison.unmatched] == [
        ("6 tháng đầu năm 2021", "Hội nghị đối thoại với doanh nghiệp", 2)]


def test_compare_gives_absolute_and_relative_change_from_the_previous_stated_period(comparison):
    iip = row_of(comparison, "Chỉ số sản xuất công nghiệp (IIP)", "growth")
    assert iip.cells[0].change is None
    assert iip.cells[1].change == pytest.approx(-1.7)
    assert iip.cells[1].change_pct == pytest.approx(-13.6)
    pci = row_of(comparison, "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "rank")
    assert pci.cells[2].change == -3 and pci.cells[2].shown == "12/63"


def test_compare_keeps_a_fraction_readable_as_numerator_over_denominator(comparison):
    row = row_of(comparison, "Thủ tục hành chính cung cấp dịch vụ công trực tuyến mức độ 3, 4", "ratio")
    assert [c.shown for c in row.cells] == ["37/42", "40/42", "42/44", "44/44"]


def test_compare_lists_citations_new_carried_and_dropped_between_consecutive_periods(comparison):
    samples = load_make_samples()
    changes = [(c.before, c.after, set(c.new), set(c.dropped), set(c.carried)) for c in comparison.citation_changes]
    assert [(b, a, new, dropped) for b, a, new, dropped, _ in changes] == [
        (SERIES[0], SERIES[1], {"QĐ|56|UBND|2021"}, {"CV|327|SCT-VP"}),
        (SERIES[1], SERIES[2], {"CT|12|TU", "KH|25|UBND"}, {"KH|38|UBND", "QĐ|1208|UBND"}),
        (SERIES[2], SERIES[3], set(), {"CT|8|TU"}),
    ]
    for (_, _, _, _, carried), (before, after) in zip(changes, zip(samples.PERIOD_IDS, samples.PERIOD_IDS[1:])):
        assert carried == samples.render(before).citations & samples.render(after).citations
    assert {"NĐ|4|CP|2015", "NQ|Đại hội XIII"} <= changes[-1][4]


def test_compare_marks_each_citation_present_in_the_periods_citing_it(comparison):
    presence = {c.key: c.present for c in comparison.citations}
    assert presence["CT|8|TU"] == [True, True, True, False]
    assert presence["CV|327|SCT-VP"] == [True, False, False, False]


def test_compare_finds_the_renamed_added_and_removed_sections(comparison):
    found = [(c.before, c.change, c.id_before, c.id_after) for c in comparison.section_changes]
    assert found == [
        (SERIES[0], "added", None, "III.4.b"),
        (SERIES[1], "renamed", "II", "II"),
        (SERIES[1], "removed", "III.3", None),
        (SERIES[1], "added", None, "III.4"),
    ]
    renamed = comparison.section_changes[1]
    assert (renamed.title_before, renamed.title_after) == ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
                                                            "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH")
    assert 70 <= renamed.score < 100
    assert comparison.section_changes[3].title_after == "Chuyển đổi số và thương mại điện tử"


def test_compare_lists_an_indicator_no_other_period_states_instead_of_dropping_it():
    reports = model_series()[:2]
    baseline = {(u.period, u.label, u.amount) for u in compare(reports).unmatched}
    reports[1].indicators.append(Indicator(id="x1", text="Sản lượng thép ước đạt 320 nghìn tấn", label="Thép",
                                           kind="quantity", value=320.0, unit="nghìn tấn", section="III.1.b"))
    reports[1].indicators.append(Indicator(id="x2", text="giảm 3,2%", label=None, kind="growth", value=3.2, unit="%"))
    result = compare(reports)
    unmatched = {(u.period, u.label, u.amount) for u in result.unmatched}
    assert unmatched - baseline == {("năm 2021", "Thép", 320.0), ("năm 2021", None, 3.2)}
    stated = sum(len(r.indicators) for r in reports)
    placed = sum(c is not None for row in result.indicators for c in row.cells) + len(result.unmatched)
    assert placed == stated


def test_compare_never_aligns_indicators_of_different_units():
    reports = model_series()[:2]
    baseline = {u.label for u in compare(reports).unmatched}
    for indicator in reports[1].indicators:
        if indicator.label == "Xi măng":
            indicator.unit = "triệu kWh"
    result = compare(reports)
    assert {u.label for u in result.unmatched} - baseline == {"Xi măng"}
    assert not [r for r in result.indicators if r.label == "Xi măng"]


def test_compare_aligns_a_label_that_lost_its_accents_with_its_accented_form():
    reports = model_series()[:2]
    for indicator in reports[1].indicators:
        if indicator.label == "Kim ngạch xuất khẩu":
            indicator.label = "Kim ngach xuat khau"
    row = row_of(compare(reports), "Kim ngạch xuất khẩu", "money")
    assert [c.amount for c in row.cells] == [612.4, 1315.8]


def test_compare_aligns_one_figure_printed_in_two_scales_of_the_same_unit():
    reports = model_series()[:2]
    for indicator in reports[1].indicators:
        if indicator.label == "Tổng vốn đăng ký của các dự án":
            # 2.730.000 triệu đồng: the same base value in đồng
            indicator.unit, indicator.value = "triệu đồng", indicator.value * 1000
    row = row_of(compare(reports), "Tổng vốn đăng ký của các dự án", "money")
    assert row.unit == "tỷ đồng"
    assert [c.value for c in row.cells] == [1.25e12, 2.73e12]
    assert [c.amount for c in row.cells] == [1250, 2730] and row.cells[1].change == 1480


def test_compare_uses_the_section_to_choose_between_two_equally_named_indicators():
    first, second = model_report("2021-6t"), model_report("2021")
    for report, sections in ((first, ("III.2.a", "III.1.a")), (second, ("III.1.a", "III.2.a"))):
        for n, section in enumerate(sections):
            report.indicators.append(Indicator(id=f"t{n}", text="", label="Tổng doanh thu", kind="money",
                                               unit="tỷ đồng", value=float(100 * (n + 1)), section=section))
    rows = [r for r in compare([first, second]).indicators if r.label == "Tổng doanh thu"]
    by_section = {r.cells[0].section: (r.cells[0].amount, r.cells[1].amount) for r in rows}
    assert by_section == {"III.2.a": (100.0, 200.0), "III.1.a": (200.0, 100.0)}


@pytest.mark.parametrize("a, b, low, high", [
    ("Kim ngạch xuất khẩu", "Kim ngạch xuất khẩu", 100, 100),
    ("Kim ngạch xuất khẩu", "KIM NGACH XUAT KHAU", 100, 100),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", 85, 99),
    ("Kim ngạch xuất khẩu", "Kim ngạch nhập khẩu", 0, 84.9),
    ("Thuận lợi", "Khó khăn", 0, 50),
])
def test_label_similarity_is_token_based_and_accent_aware(a, b, low, high):
    assert low <= similarity(a, b) <= high


@pytest.mark.parametrize("title, key", [
    ("PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021", "phương hướng, nhiệm vụ"),
    ("Phương hướng, nhiệm vụ năm 2022", "phương hướng, nhiệm vụ"),
    ("Kết quả thực hiện quý III/2021", "kết quả thực hiện"),
    ("Nhiệm vụ 9 tháng cuối năm", "nhiệm vụ"),
])
def test_section_key_takes_the_period_words_out_of_a_title(title, key):
    assert section_key(title) == key


def test_comparison_json_round_trips_and_csv_has_one_column_per_period(comparison):
    data = json.loads(comparison.to_json())
    assert [p["label"] for p in data["periods"]] == SERIES
    rows = list(csv.reader(io.StringIO(comparison.to_csv())))
    assert rows[0][6:10] == SERIES
    iip = next(r for r in rows if r[1] == "Chỉ số sản xuất công nghiệp (IIP)")
    assert iip[6:10] == ["12.5", "10.8", "9.6", "8.9"]
    assert next(r for r in rows if r[1] == "Giá trị sản xuất công nghiệp" and r[2] == "money")[6] == "21345"
    assert next(r for r in rows if r[0] == "section" and r[4] == "renamed")[1] == (
        "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH → CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH")
    assert {r[4] for r in rows if r[0] == "citation"} >= {"CT|8|TU", "CV|327|SCT-VP"}


def _with_role(report, label, kind, role, value=None):
    for indicator in report.indicators:
        if (indicator.label, indicator.kind) == (label, kind):
            clone = Indicator(**{f: getattr(indicator, f) for f in indicator.__struct_fields__})
            clone.id, clone.role = clone.id + "t", role
            if value is not None:
                clone.value, clone.base_value = value, value
            report.indicators.append(clone)
            return clone


def test_compare_lines_up_results_with_results_and_shows_targets_beside_them():
    reports = model_series()[:2]
    for report, target in zip(reports, (50.0, 100.0)):  # "phấn đấu đạt 50% / 100% kế hoạch"
        _with_role(report, "Giá trị sản xuất công nghiệp", "percent", "target", target)
    result = compare(reports)
    (row,) = [r for r in result.indicators if r.label == "Giá trị sản xuất công nghiệp" and r.kind == "percent"]
    assert [c.amount for c in row.cells] == [48.5, 102.3]  # the results, never mixed with the targets
    assert [c.amount for c in row.targets] == [50.0, 100.0]
    assert not [r for r in result.indicators if r.role == "target"]
    sheet = list(csv.reader(io.StringIO(result.to_csv())))
    assert ["indicator", "Giá trị sản xuất công nghiệp", "percent", "%", "target", "", "50", "100", "", ""] in sheet
    page = result.to_html()
    assert page.count('">chỉ tiêu 50</span>') == 1 and page.count('">chỉ tiêu 100</span>') == 1


def test_compare_leaves_a_rules_threshold_out_of_the_rows():
    reports = model_series()[:2]
    for report in reports:
        _with_role(report, "Chỉ số sản xuất công nghiệp (IIP)", "growth", "threshold", 5.0)
    result = compare(reports)
    assert [(u.label, u.amount) for u in result.unmatched if u.reason.startswith("ngưỡng")] \
        == [("Chỉ số sản xuất công nghiệp (IIP)", 5.0)] * 2
    assert [c.amount for c in row_of(result, "Chỉ số sản xuất công nghiệp (IIP)", "growth").cells] == [12.5, 10.8]


def test_compare_reads_a_schema_1_0_report_whose_values_are_in_the_base_unit():
    old, new = model_series()[:2]
    old.schema_version = "1.0"
    for indicator in old.indicators:  # 1.0 wrote 21.345 tỷ đồng as value 2.1345e13, no base_value
        indicator.value, indicator.base_value = indicator.base_value, None
    row = row_of(compare([old, new]), "Giá trị sản xuất công nghiệp", "money")
    assert [c.amount for c in row.cells] == [21345, 45210]
