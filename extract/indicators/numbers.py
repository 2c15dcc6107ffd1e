"""Numeric mentions in running text: single figures, ranges ``5-7%``, fractions ``37/42``.

    >>> [(m.text, m.value, m.value_max, m.numerator, m.denominator)
    ...  for m in find_mentions("đạt 41,4% (55/133), tăng 5 - 7%, đạt 12% - 15%, ngày 25/5/2021")]
    [('41,4', 41.4, None, None, None), ('55/133', 55.0, None, 55.0, 133.0), ('5 - 7', 5.0, 7.0, None, None), ('12% - 15', 12.0, 15.0, None, None)]

Vietnamese writes a decimal comma and a thousands dot (``1.234.567``,
``12.345,6``); the parsing itself is :func:`extract.text.numbers.parse_number`.
A figure glued to another digit group by ``/``, ``.`` or ``,`` (dates,
``1.2.3`` labels) is not a mention at all; which mentions are indicators is
decided later (``filters``, ``kinds``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# "197,128,000": commas that group thousands two or more times are no decimal comma (parse_number agrees)
_FIG = r"\d{1,3}(?:,\d{3}){2,}|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_MENTION = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}/.,])(?P<a>{_FIG})"
    # "5% - 7%": a range whose ends both carry the unit; the unit is read after the second
    rf"(?:(?:[ ]?%(?=[ ]?[-–—][ ]?(?:{_FIG})[ ]?%))?(?P<range>[ ]?[-–—][ ]?)(?P<b>{_FIG})|/(?P<d>{_FIG}))?"
    rf"(?![\p{{N}}]|[.,/]\p{{N}}|/)"
)
_YEAR = range(1900, 2101)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None  # upper end of a range "5-7%"
    numerator: float | None = None
    denominator: float | None = None
    month_year: bool = False  # "10/2020" reads as a month unless a unit follows it


def _number(s: str) -> float | None:
    from extract.text.numbers import parse_number

    return parse_number(s)


# The words parse_vietnamese_number_words reads; "một" alone is an article ("một số"), not a figure.
_WORDS = regex.compile(
    r"(?<![\p{L}\p{N}])(?:(?:một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|mươi|mốt|lăm|trăm|nghìn|ngàn|"
    r"triệu|tỷ|linh|lẻ|nửa)(?:\s+|$))+",
    regex.IGNORECASE,
)


_DIGIT_BEFORE = regex.compile(r"\d[ ]?$")
_SCALE_ONLY = regex.compile(r"(?:(?:trăm|nghìn|ngàn|triệu|tỷ)\s*)+", regex.IGNORECASE)


def find_word_mentions(text: str) -> list[Mention]:
    """Figures spelled out in words: "hai", "ba mươi", "một nửa" (the value only; units come later)."""
    from extract.text.numbers import parse_vietnamese_number_words

    out = []
    for m in _WORDS.finditer(text):
        words = m[0].strip()
        value = parse_vietnamese_number_words(words)
        if (value is None or words.casefold() == "một" or _SCALE_ONLY.fullmatch(words)
                or _DIGIT_BEFORE.search(text, max(0, m.start() - 2), m.start())):
            continue  # "một số" is "some"; "hàng nghìn", "nhiều tỷ" count nothing; "100,3 triệu" is a digit figure
        out.append(Mention(m.start(), m.start() + len(words), words, value))
    return out


# "giữa hai cơ quan", "mỗi ba tháng": a spelled number that picks out members, no amount
_BETWEEN = regex.compile(r"(?<![\p{L}])(?:giữa|cả|mỗi|từng)[ ]?$", regex.IGNORECASE)


def spelled_mentions(text: str) -> list[Mention]:
    """Spelled-out figures that a known unit follows ("hai cuộc", "thứ ba trong khu vực").

        >>> [m.text for m in spelled_mentions("tổ chức hai cuộc họp giữa hai cơ quan, đứng thứ ba trong khu vực")]
        ['hai', 'ba']
    """
    from extract.indicators.ranks import ordinal_rank
    from extract.indicators.units import unit_after

    out = []
    for m in find_word_mentions(text):
        hit = unit_after(text, m.end)
        between = _BETWEEN.search(text, max(0, m.start - 10), m.start)
        if ordinal_rank(text, m.start, m.end) or (hit and hit[0].kind != "percent" and not between):
            out.append(m)
    return out


def find_mentions(text: str) -> list[Mention]:
    """Every figure, range and fraction in ``text``, in order (dates and year ranges left out)."""
    out: list[Mention] = []
    for m in _MENTION.finditer(text):
        a = _number(m["a"])
        if a is None:
            continue
        if m["b"] is not None:
            b = _number(m["b"])
            if b is None or b <= a or (int(a) in _YEAR and int(b) in _YEAR):
                continue  # "2021 – 2025" is a period, "2-9" a holiday
            out.append(Mention(m.start(), m.end(), m[0], a, value_max=b))
        elif m["d"] is not None:
            d = _number(m["d"])
            if not d or a > d:
                continue  # "25/5" is a date
            month = int(d) in _YEAR and a <= 12 and a == int(a)  # "10/2020", unless a unit follows
            out.append(Mention(m.start(), m.end(), m[0], a, numerator=a, denominator=d, month_year=month))
        else:
            out.append(Mention(m.start(), m.end(), m[0], a))
    return out
