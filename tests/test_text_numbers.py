"""Vietnamese number writing: decimal comma, thousands dot, numbers in words."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.text.numbers import format_number, parse_number, parse_vietnamese_number_words


@pytest.mark.parametrize(
    "written, value",
    [
        # real strings from the corpus and DOMAIN.md
        ("41,4", 41.4),
        ("479.300", 479300),
        ("1,12", 1.12),
        ("12.500", 12500),
        ("9.736,5", 9736.5),
        ("14.093,6", 14093.6),
        ("04", 4),
        ("01", 1),
        # the rules
        ("1.234", 1234),  # a dot before exactly three digits groups thousands
        ("1.234.567", 1234567),
        ("1,234", 1.234),  # one comma is always the decimal mark
        ("12.345,6", 12345.6),
        ("0,5", 0.5),
        ("1,234,567", 1234567),  # several comma groups of three: English thousands
        ("1,234,567.89", 1234567.89),
        ("1,234.5", 1234.5),
        ("3.5", 3.5),  # a dot not before three digits: English decimal point
        ("1\u00a0234\u00a0567", 1234567),  # no-break spaces between groups
        ("-5,2", -5.2),
        ("\u22123", -3),
        ("+7", 7),
        (" 36 ", 36),
    ],
)
def test_parse_number_reads_vietnamese_separators(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize(
    "written",
    ["1.23.4", "1,2,3", "1.234,5.6", "1,234,56", "1234.567", "12.34.567", "", "-", "5%", "1 234", "x12", "1..2", ",5"],
)
def test_parse_number_rejects_inconsistent_groupings_and_non_numbers(written):
    assert parse_number(written) is None


@pytest.mark.parametrize(
    "words, value",
    [
        ("hai", 2),
        ("mười", 10),
        ("mười lăm", 15),
        ("ba mươi", 30),
        ("hai mươi mốt", 21),
        ("hai mươi tư", 24),
        ("một trăm linh năm", 105),
        ("một trăm lẻ tư", 104),
        ("ba trăm hai mươi", 320),
        ("năm nghìn", 5000),
        ("năm ngàn", 5000),
        ("một trăm rưỡi", 150),
        ("hai triệu rưỡi", 2_500_000),
        ("năm mươi triệu", 50_000_000),  # "từ năm mươi triệu đồng trở lên" (corpus)
        ("ba tỷ", 3e9),
        ("ba tỉ", 3e9),
        ("hai nghìn tỷ", 2e12),
        ("Hai trăm hai mươi sáu triệu không trăm tám mươi mốt nghìn", 226_081_000),  # corpus, "Bằng chữ"
        ("bốn mươi nghìn không trăm linh một", 40_001),
        ("một nửa", 0.5),
        ("ba phẩy năm", 3.5),
        ("không phẩy không năm", 0.05),
        ("không", 0),
    ],
)
def test_parse_vietnamese_number_words(words, value):
    assert parse_vietnamese_number_words(words) == value


@pytest.mark.parametrize(
    "words", ["", "hai hai", "mươi", "lăm", "mốt", "mười mười", "một trăm một trăm", "hai mươi ba mươi", "xin chào"]
)
def test_parse_vietnamese_number_words_rejects_what_is_not_a_number(words):
    assert parse_vietnamese_number_words(words) is None


@pytest.mark.parametrize(
    "value, decimals, written",
    [
        (41.4, None, "41,4"),
        (1234567, None, "1.234.567"),
        (1234567.5, None, "1.234.567,5"),
        (0.5, 2, "0,50"),
        (-1e7, None, "-10.000.000"),
        (2.675, 1, "2,7"),
        (1e-7, None, "0,0000001"),
        (0.0, None, "0"),
    ],
)
def test_format_number_writes_vietnamese_style(value, decimals, written):
    assert format_number(value, decimals) == written


def test_format_number_refuses_what_has_no_digits():
    with pytest.raises(ValueError):
        format_number(math.nan)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_then_parse_gives_back_the_same_float(x):
    assert parse_number(format_number(x)) == x


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_then_parse_gives_back_the_same_integer(n):
    assert parse_number(format_number(n)) == n
