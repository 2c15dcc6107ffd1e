"""Vietnamese-written figures survive the trip text → find_indicators → value (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.indicators import find_indicators


def vietnamese(value: int, decimals: str = "") -> str:
    """Thousands dot, decimal comma: 1234567 and "5" → "1.234.567,5"."""
    digits = f"{value:,}".replace(",", ".")
    return f"{digits},{decimals}" if decimals else digits


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.from_regex(r"\A(?:[0-9]{1,3})?\Z"),
       st.sampled_from(["hồ sơ", "lượt", "doanh nghiệp", "TTHC", "tấn", "MW"]))
def test_vietnamese_figure_with_a_unit_is_read_back(value, decimals, unit):
    text = f"Trong kỳ, toàn tỉnh đã tiếp nhận {vietnamese(value, decimals)} {unit} trực tuyến."
    expected = float(f"{value}.{decimals}" if decimals else value)
    [found] = find_indicators(text)
    assert found.unit == unit and abs(found.value - expected) <= 1e-9 * max(1.0, expected)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=100), st.from_regex(r"\A[0-9]{0,2}\Z"), st.booleans())
def test_vietnamese_percentage_is_read_back(whole, decimals, spaced):
    figure = f"{whole},{decimals}" if decimals else str(whole)
    text = f"Tỷ lệ hồ sơ giải quyết đúng hạn đạt {figure}{' ' if spaced else ''}%."
    [found] = find_indicators(text)
    assert (found.kind, found.unit) == ("percent", "%")
    assert found.value == float(f"{whole}.{decimals}" if decimals else whole)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.sampled_from([("tỷ đồng", 1e9), ("triệu đồng", 1e6), ("triệu USD", 1e6)]))
def test_money_keeps_its_printed_scale_and_has_its_base_value(amount, scale):
    unit, factor = scale
    [found] = find_indicators(f"Tổng vốn giải ngân đạt {vietnamese(amount)} {unit}.")
    assert (found.kind, found.unit, found.value) == ("money", unit, amount)
    assert (found.base_value, found.base_unit) == (amount * factor, unit.split()[-1])


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=5000), st.integers(min_value=0, max_value=5000))
def test_ratio_keeps_numerator_and_denominator(denominator, extra):
    numerator = max(0, denominator - extra)
    [found] = find_indicators(f"đã hoàn thành {vietnamese(numerator)}/{vietnamese(denominator)} nhiệm vụ.")
    assert (found.numerator, found.denominator) == (numerator, denominator)
    assert found.value == round(numerator / denominator, 4)
