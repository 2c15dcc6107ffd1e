"""End to end: the generated series DOCX parsed by ``extract.parse``, then compared.

The content model of ``scripts/make_samples.py`` says exactly what each report
states, so the comparison of the parsed files is known in advance.
"""

from __future__ import annotations

import pytest

from compare_series import load_make_samples, model_series
from conftest import SAMPLES
from extract.compare import compare

SERIES = ["6 tháng đầu năm 2021", "năm 2021", "6 tháng đầu năm 2022", "năm 2022"]


@pytest.fixture(scope="module")
def parsed():
    import extract

    samples = load_make_samples()
    files = [SAMPLES / "series" / p.file for p in reversed(samples.PERIODS)]
    return compare([extract.parse(path) for path in files])


def test_parsed_series_is_ordered_by_the_periods_read_from_the_titles(parsed):
    assert [p.label for p in parsed.periods] == SERIES
    assert [(p.start, p.end) for p in parsed.periods] == [
        ("2021-01-01", "2021-06-30"), ("2021-01-01", "2021-12-31"),
        ("2022-01-01", "2022-06-30"), ("2022-01-01", "2022-12-31")]


def test_parsed_series_gives_the_same_section_changes_as_the_model(parsed):
    expected = compare(model_series()).section_changes
    found = [(c.before, c.change, c.id_before, c.id_after, c.title_before, c.title_after)
             for c in parsed.section_changes]
    assert found == [(c.before, c.change, c.id_before, c.id_after, c.title_before, c.title_after)
                     for c in expected]
    assert ("năm 2021", "renamed", "II", "II", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH") in found


def test_parsed_series_gives_the_model_citations_new_carried_and_dropped(parsed):
    samples = load_make_samples()
    cited = [samples.render(p).citations for p in samples.PERIOD_IDS]
    found = [(set(c.new), set(c.carried), set(c.dropped)) for c in parsed.citation_changes]
    assert found == [(after - before, after & before, before - after) for before, after in zip(cited, cited[1:])]
    assert found[2][2] == {"CT|8|TU"}


@pytest.mark.parametrize("kind, values", [
    ("growth", [12.5, 10.8, 9.6, 8.9]),  # Chỉ số sản xuất công nghiệp (IIP) … tăng 12,5% so với cùng kỳ
    ("money", [18750, 39120, 21430, 44860]),  # Tổng mức bán lẻ … 18.750 tỷ đồng
    ("quantity", [1234.5, 2587.3, 1302.8, 2710.6]),  # Sản lượng điện … 1.234,5 triệu kWh
    ("quantity", [612.3, 1250.4, None, None]),  # Xi măng: gone in 2022
    ("count", [None, 254, 131, 276]),  # cơ sở được thanh tra, kiểm tra: from năm 2021
    ("percent", [None, None, 41.5, 44.2]),  # website thương mại điện tử: new in 2022
    ("percent", [60, 62, 63, 65]),  # tỷ lệ lấp đầy … lên 60%
])
def test_parsed_series_aligns_known_indicators_with_their_values_per_period(parsed, kind, values):
    rows = [[c.amount if c else None for c in r.cells] for r in parsed.indicators if r.kind == kind]
    assert values in rows, f"no {kind} row with {values}; {kind} rows: {rows}"


def test_parsed_series_lists_every_indicator_in_a_row_or_as_unmatched(parsed):
    import extract

    stated = sum(len(extract.parse(SAMPLES / "series" / p.file).indicators) for p in load_make_samples().PERIODS)
    placed = sum(c is not None for r in parsed.indicators for c in r.cells) + len(parsed.unmatched)
    assert placed == stated > 0


def test_parsed_series_lists_the_figure_only_one_period_states_as_unmatched(parsed):
    assert ("6 tháng đầu năm 2021", "count", 2, "hội nghị") in {
        (u.period, u.kind, u.amount, u.unit) for u in parsed.unmatched}
