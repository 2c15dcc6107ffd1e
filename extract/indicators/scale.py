"""A unit's printed scale and the base unit figures are compared in: the scale words that open it
(``extract/data/indicator_cues.tsv``, role ``scale``) times what is left.

    >>> base_unit("tỷ đồng"), base_unit("nghìn tỷ đồng"), base_unit("triệu người"), base_unit("%")
    ((1000000000.0, 'đồng'), (1000000000000.0, 'đồng'), (1000000.0, 'người'), (1.0, '%'))
    >>> to_base(21345, "tỷ đồng")
    (21345000000000.0, 'đồng')

An indicator's ``value`` is as printed and its ``unit`` carries the scale word (``21.345 tỷ
đồng`` → 21345, ``tỷ đồng``); ``base_value`` and ``base_unit`` (2.1345e13, ``đồng``) let figures
of reports that print different scales be compared. A unit with no scale word is its own base.
"""

from __future__ import annotations

from functools import cache

import regex

# Floating-point noise a scale's multiplication leaves (21345 × 1e9) is rounded off at this many
# significant digits; no printed figure carries more.
_DIGITS = 12


@cache
def _scale_words() -> regex.Pattern:
    from extract.indicators.reference import reading_cues

    words = {c.cue.casefold(): float(c.value) for c in reading_cues() if c.role == "scale"}
    alternation = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?i)^({alternation})\s+(?=\S)"), words


@cache
def base_unit(unit: str | None) -> tuple[float, str | None]:
    """What one ``unit`` is worth in its base unit, and that base unit."""
    if not unit:
        return 1.0, unit
    pattern, words = _scale_words()
    factor, rest = 1.0, unit
    while m := pattern.match(rest):
        factor *= words[m.group(1).casefold()]
        rest = rest[m.end() :]
    return factor, rest


def to_base(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """``value`` in ``unit`` as (base value, base unit)."""
    factor, base = base_unit(unit)
    if value is None:
        return None, base
    return (float(f"{value * factor:.{_DIGITS}g}") if factor != 1 else value), base


def based(indicator) -> tuple[float | None, str | None]:
    """An indicator's base value and base unit; a ratio's value is a fraction of two counts in the same
    unit, so no scale applies to it.

        >>> from extract.schema import Indicator
        >>> based(Indicator(id="", text="", label=None, kind="count", value=1.2, unit="triệu người"))
        (1200000.0, 'người')
    """
    if indicator.kind == "ratio":
        return indicator.value, base_unit(indicator.unit)[1]
    return to_base(indicator.value, indicator.unit)


def in_unit(base_value: float | None, unit: str | None) -> float | None:
    """A base value expressed in ``unit`` (the scale undone): ``in_unit(2.1345e13, "tỷ đồng")`` → 21345."""
    if base_value is None:
        return None
    factor = base_unit(unit)[0]
    return float(f"{base_value / factor:.{_DIGITS}g}") if factor != 1 else base_value
