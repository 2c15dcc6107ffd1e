"""Reporting periods: "6 tháng đầu năm 2021", "quý I/2026", "tháng 9/2025" → dates.

    >>> parse_period("6 tháng đầu năm 2021")
    Period(label='6 tháng đầu năm 2021', start='2021-01-01', end='2021-06-30')
    >>> parse_period("quý II", context_year=2026)
    Period(label='quý II năm 2026', start='2026-04-01', end='2026-06-30')
    >>> [(span, p.label) for span, p in find_periods("9 tháng năm 2024 và nhiệm vụ quý IV/2024")]
    [((0, 16), '9 tháng năm 2024'), ((29, 40), 'quý IV/2024')]

Kinds (``extract/data/period_patterns.txt``): the first or last half of a year
("6 tháng đầu năm", "sáu tháng cuối năm"), the months of a year so far
("9 tháng năm 2024", "8 tháng đầu năm": January to the end of month N), a
quarter (Roman or Arabic, "/Y" or "năm Y"), a month ("tháng 6/2021",
"tháng 6 năm 2021"), a month range ("từ tháng 01 đến tháng 6 năm 2021"), a year
("năm 2021"), a range of years ("giai đoạn 2021-2025": 1 January of the first
to 31 December of the last) and a school year ("năm học 2026-2027": 1 September
to 31 May, the usual Vietnamese school calendar).

Not periods: terms and horizons ("nhiệm kỳ 2020 – 2025", "đến năm 2030",
"tầm nhìn đến năm 2045"), and dates ("ngày 20 tháng 6 năm 2021" is a day, not
June). A period printed without its year gets ``start``/``end`` only when a
``context_year`` is given; the label then carries the borrowed year.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Callable

import regex

from extract.schema import Period

_NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
}
_ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}

_Y = r"(?:19|20)\d{2}"
_DASH = r"\s*[-–—]\s*"
_COUNT = r"(?:\d{1,2}|mười\s+một|mười\s+hai|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_MONTH = r"(?:0?[1-9]|1[0-2])"


def _of_year(a: str, b: str) -> str:
    """"/2021" or " năm 2021" after a quarter or a month, captured as group a or b."""
    return rf"(?:\s*/\s*(?P<{a}>{_Y})|\s+năm\s+(?P<{b}>{_Y}))"


# One alternation, longest forms first, so that finditer takes "6 tháng đầu năm 2021"
# whole instead of its tail "năm 2021".
_PERIOD = regex.compile(
    "|".join([
        rf"(?P<date>ngày\s+[\d.…\s]*tháng\s+[\d.…\s]*năm\s+{_Y}|ngày\s+\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_Y})",
        rf"(?P<horizon>(?:đến|tới|định\s+hướng|tầm\s+nhìn)\s+(?:hết\s+)?năm\s+{_Y}|nhiệm\s+kỳ\s+{_Y}{_DASH}{_Y})",
        rf"(?P<month_range>(?:từ\s+)?tháng\s+(?P<m1>{_MONTH})(?:{_of_year('ya', 'yb')})?\s*(?:đến|{_DASH})\s*"
        rf"(?:hết\s+)?(?:tháng\s+)?(?P<m2>{_MONTH}){_of_year('yc', 'yd')}?)(?!\d)",
        rf"(?P<half>(?P<hn>6|sáu)\s+tháng\s+(?P<hw>đầu|cuối)\s+năm(?:\s+(?P<hy>{_Y}))?)",
        rf"(?P<ytd>(?:lũy\s+kế\s+|luỹ\s+kế\s+)?(?P<n>{_COUNT})\s+tháng\s+(?:đầu\s+)?năm(?:\s+(?P<ny>{_Y}))?)(?!\s+học)",
        rf"(?P<quarter>quý\s+(?P<q>IV|III|II|I|[1-4])(?!\w)(?:{_of_year('qa', 'qb')})?)",
        rf"(?P<school>năm\s+học\s+(?P<s1>{_Y}){_DASH}(?P<s2>{_Y}))",
        rf"(?P<month>tháng\s+(?P<m>{_MONTH})(?!\d)(?:{_of_year('ma', 'mb')})?)(?!\s*[-–—]\s*\d)",
        rf"(?P<years>giai\s+đoạn\s+(?:từ\s+(?:năm\s+)?)?(?P<y1>{_Y})(?:{_DASH}|\s+đến\s+(?:năm\s+)?)(?P<y2>{_Y})"
        rf"|\((?P<y3>{_Y}){_DASH}(?P<y4>{_Y})\))",
        rf"(?P<year>(?<![\d/]\s?)năm\s+(?P<y>{_Y}))",
    ]),
    regex.I,
)

_NOT_PERIODS = ("date", "horizon")


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _months(year: int | None, first: int, last: int, last_year: int | None = None) -> tuple[str | None, str | None]:
    if year is None:
        return None, None
    end_year = last_year or year
    return _iso(year, first, 1), _iso(end_year, last, calendar.monthrange(end_year, last)[1])


def _count(word: str) -> int:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _year(m: regex.Match, *names: str) -> int | None:
    for name in names:
        if m.group(name):
            return int(m.group(name))
    return None


# kind → (year printed in the match, (year) → (start, end))
def _half(m):
    first = m.group("hw").lower() == "đầu"
    return _year(m, "hy"), lambda y: _months(y, 1, 6) if first else _months(y, 7, 12)


def _ytd(m):
    n = _count(m.group("n"))
    return _year(m, "ny"), (lambda y: _months(y, 1, n)) if 1 <= n <= 12 else None


def _quarter(m):
    q = m.group("q").upper()
    q = _ROMAN_QUARTERS.get(q) or int(q)
    return _year(m, "qa", "qb"), lambda y: _months(y, 3 * q - 2, 3 * q)


def _month(m):
    month = int(m.group("m"))
    return _year(m, "ma", "mb"), lambda y: _months(y, month, month)


def _month_range(m):
    m1, m2 = int(m.group("m1")), int(m.group("m2"))
    y_first, y_last = _year(m, "ya", "yb"), _year(m, "yc", "yd")
    if m1 > m2 and not y_first:
        return None, None
    return y_last or y_first, lambda y: _months(y_first or y, m1, m2, y_last or y)


def _school(m):
    y1, y2 = int(m.group("s1")), int(m.group("s2"))
    return y1, lambda _: (_iso(y1, 9, 1), _iso(y2, 5, 31))


def _years(m):
    y1, y2 = _year(m, "y1", "y3"), _year(m, "y2", "y4")
    return y1, (lambda _: (_iso(y1, 1, 1), _iso(y2, 12, 31))) if y1 <= y2 else None


def _single_year(m):
    return _year(m, "y"), lambda y: _months(y, 1, 12)


_KINDS: dict[str, Callable] = {
    "month_range": _month_range,
    "half": _half,
    "ytd": _ytd,
    "quarter": _quarter,
    "school": _school,
    "month": _month,
    "years": _years,
    "year": _single_year,
}


def _period(m: regex.Match, context_year: int | None) -> Period | None:
    year, dates = _KINDS[m.lastgroup if m.lastgroup in _KINDS else _kind(m)](m)
    if dates is None:
        return None
    label = " ".join(m.group().split())
    if year is None and context_year is not None:
        year = context_year
        label = f"{label} {year}" if label.lower().endswith("năm") else f"{label} năm {year}"
    start, end = dates(year)
    return Period(label=label, start=start, end=end)


def _kind(m: regex.Match) -> str:
    return next(kind for kind in (*_KINDS, *_NOT_PERIODS) if m.group(kind) is not None)


def find_periods(text: str, *, context_year: int | None = None) -> list[tuple[tuple[int, int], Period]]:
    """Every reporting period printed in ``text``, with its span, in order.

        >>> [p.label for _, p in find_periods("giai đoạn 2021 – 2025, nhiệm kỳ 2020 – 2025, đến năm 2030")]
        ['giai đoạn 2021 – 2025']
    """
    # The indicator extractor asks once per figure about the same sentence; a cache
    # keeps a sentence with thousands of figures linear instead of quadratic.
    return list(_find_periods_cached(text, context_year))


@functools.lru_cache(maxsize=256)
def _find_periods_cached(text: str, context_year: int | None) -> tuple[tuple[tuple[int, int], Period], ...]:
    return tuple(_find_periods(text, context_year))


def _find_periods(text: str, context_year: int | None) -> list[tuple[tuple[int, int], Period]]:
    found = []
    for m in _PERIOD.finditer(text):
        if _kind(m) in _NOT_PERIODS:
            continue
        period = _period(m, context_year)
        if period is not None:
            found.append(((m.start(), m.end()), period))
    return found


def parse_period(label: str, context_year: int | None = None) -> Period | None:
    """The period a phrase names (the first one when it names several), or None.

        >>> parse_period("từ tháng 01 đến tháng 6 năm 2021").end
        '2021-06-30'
        >>> parse_period("năm học 2026-2027").start
        '2026-09-01'
        >>> parse_period("nhiệm kỳ 2020 – 2025") is None
        True
    """
    periods = find_periods(label, context_year=context_year)
    return periods[0][1] if periods else None


def year_of(period: Period) -> int | None:
    """The year a period's label prints, if any: ``"6 tháng cuối năm 2021"`` → 2021."""
    years = regex.findall(_Y, period.label)
    return int(years[-1]) if years else None
