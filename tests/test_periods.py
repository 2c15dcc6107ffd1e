"""Reporting periods as printed in Vietnamese reports → (label, start, end)."""

from __future__ import annotations

import pytest

from extract.periods import find_periods, parse_period

PERIODS = [
    # phrase, context year, label, start, end
    ("6 tháng đầu năm 2021", None, "6 tháng đầu năm 2021", "2021-01-01", "2021-06-30"),
    ("sáu tháng đầu năm 2021", None, "sáu tháng đầu năm 2021", "2021-01-01", "2021-06-30"),
    ("6 tháng đầu năm", 2021, "6 tháng đầu năm 2021", "2021-01-01", "2021-06-30"),
    ("6 tháng cuối năm 2021", None, "6 tháng cuối năm 2021", "2021-07-01", "2021-12-31"),
    ("9 tháng năm 2024", None, "9 tháng năm 2024", "2024-01-01", "2024-09-30"),
    ("chín tháng đầu năm 2023", None, "chín tháng đầu năm 2023", "2023-01-01", "2023-09-30"),
    ("8 tháng đầu năm", 2025, "8 tháng đầu năm 2025", "2025-01-01", "2025-08-31"),
    ("lũy kế 9 tháng năm 2024", None, "lũy kế 9 tháng năm 2024", "2024-01-01", "2024-09-30"),
    ("quý I/2021", None, "quý I/2021", "2021-01-01", "2021-03-31"),
    ("quý 2 năm 2025", None, "quý 2 năm 2025", "2025-04-01", "2025-06-30"),
    ("Quý IV", 2020, "Quý IV năm 2020", "2020-10-01", "2020-12-31"),
    ("quý III năm 2020", None, "quý III năm 2020", "2020-07-01", "2020-09-30"),
    ("tháng 6/2021", None, "tháng 6/2021", "2021-06-01", "2021-06-30"),
    ("tháng 02/2024", None, "tháng 02/2024", "2024-02-01", "2024-02-29"),
    ("tháng 6 năm 2021", None, "tháng 6 năm 2021", "2021-06-01", "2021-06-30"),
    ("cuối tháng 10/2020", None, "tháng 10/2020", "2020-10-01", "2020-10-31"),
    ("năm 2021", None, "năm 2021", "2021-01-01", "2021-12-31"),
    ("giai đoạn 2021-2025", None, "giai đoạn 2021-2025", "2021-01-01", "2025-12-31"),
    ("giai đoạn 2016 – 2020", None, "giai đoạn 2016 – 2020", "2016-01-01", "2020-12-31"),
    ("giai đoạn 2021 – 2021", None, "giai đoạn 2021 – 2021", "2021-01-01", "2021-12-31"),  # seed typo, kept raw
    ("5 năm (2016-2021)", None, "(2016-2021)", "2016-01-01", "2021-12-31"),
    ("từ tháng 01 đến tháng 6 năm 2021", None, "từ tháng 01 đến tháng 6 năm 2021", "2021-01-01", "2021-06-30"),
    ("tháng 3-5/2021", None, "tháng 3-5/2021", "2021-03-01", "2021-05-31"),
    ("năm học 2026-2027", None, "năm học 2026-2027", "2026-09-01", "2027-05-31"),
    ("6 tháng đầu năm", None, "6 tháng đầu năm", None, None),  # no year anywhere: no dates
]


@pytest.mark.parametrize(("phrase", "year", "label", "start", "end"), PERIODS, ids=[p[0] for p in PERIODS])
def test_parse_period(phrase, year, label, start, end):
    period = parse_period(phrase, context_year=year)
    assert (period.label, period.start, period.end) == (label, start, end)


NOT_PERIODS = [
    "nhiệm kỳ 2020 – 2025",
    "đến năm 2030, tầm nhìn đến năm 2045",
    "định hướng năm 2030",
    "ngày 20 tháng 6 năm 2021",
    "Quảng Ngãi, ngày … tháng … năm 2021",
    "ngày 25/5/2021",
    "trong 3 tháng",
    "Đại hội XIII",
]


@pytest.mark.parametrize("phrase", NOT_PERIODS)
def test_terms_horizons_and_dates_are_not_periods(phrase):
    assert parse_period(phrase, context_year=2021) is None


def test_find_periods_gives_spans_in_order():
    text = "kết quả 6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2021 (so với quý II/2020)"
    found = find_periods(text)
    assert [(text[a:b], p.start) for (a, b), p in found] == [
        ("6 tháng đầu năm", None),
        ("6 tháng cuối năm 2021", "2021-07-01"),
        ("quý II/2020", "2020-04-01"),
    ]


def test_find_periods_skips_the_day_inside_a_date():
    text = "Quyết định số 183/QĐ-UBND ngày 31/3/2021 về Kế hoạch năm 2021"
    assert [p.label for _, p in find_periods(text)] == ["năm 2021"]
