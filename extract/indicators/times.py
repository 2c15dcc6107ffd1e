"""The time a figure is the value at, and labels that name nothing but a time.

A series prints one measure at several times: "Tuổi thọ trung bình … tăng, từ 72,8 tuổi (2009) lên
73,6 tuổi (2019) và 74,5 tuổi (2023)". Each figure is the measure *at its time*, so its label is the
measure's with that time; the words a later item's clause holds ("2009) lên", "năm 2023 là") say only
when, and the measure is the series head's.

    >>> when = pinned_time("72,8 tuổi (2009) lên", 9)
    >>> when, when.bracketed
    ('năm 2009', True)
    >>> time_only("2019) và"), time_only("năm năm 1993"), time_only("dân số năm 2024")
    (True, True, False)
    >>> without_time("Mức sinh trên toàn quốc năm 2021")
    'Mức sinh trên toàn quốc'
"""

from __future__ import annotations

import regex

# "(2019)", "(năm 2019)", " năm 2019", " vào năm 2019" right after a figure's unit; not a range's start
# ("năm 2019-2020", "năm 2019 đến …"), not a date ("năm 2019/…").
_PINNED = regex.compile(
    r"\s*(?:\(\s*(?:năm\s+)?(?P<y>(?:19|20)\d{2})\s*\)|(?:vào\s+)?năm\s+(?P<z>(?:19|20)\d{2})(?![\p{N}/\-–]|\s*(?:[-–]|đến|tới)))",
    regex.IGNORECASE)
# What a label holds when it says only when: years, "năm", brackets, list joints.
_TIME_WORDS = regex.compile(r"(?:(?<![\p{L}])(?:vào|năm|đến|và|là|đạt|lên|xuống|còn|từ)(?![\p{L}])|(?:19|20)\d{2}|[\s(),;:/\-–])+",
                            regex.IGNORECASE)
_HAS_TIME = regex.compile(r"(?<![\p{N}])(?:19|20)\d{2}(?![\p{N}])")
_TIME_END = regex.compile(r"(?:\s+(?:vào\s+)?năm\s+(?:19|20)\d{2}|\s*\((?:năm\s+)?(?:19|20)\d{2}\))+\s*$", regex.IGNORECASE)
_OPEN_ASIDE = regex.compile(r"\([^()]*$")


class When(str):
    """ "năm YYYY", and whether it was printed in brackets ("73,6 tuổi (2019)")."""

    bracketed: bool = False


def pinned_time(text: str, unit_end: int) -> When | None:
    """ "năm YYYY" when the year printed right after a figure's unit says when the figure held."""
    m = _PINNED.match(text, unit_end)
    if not m:
        return None
    when = When(f"năm {m['y'] or m['z']}")
    when.bracketed = m["y"] is not None
    return when


def time_only(label: str | None) -> bool:
    """Whether a label names nothing but a time (or nothing at all)."""
    return not label or _TIME_WORDS.fullmatch(label) is not None


def has_time(label: str) -> bool:
    return _HAS_TIME.search(label) is not None


def without_time(label: str) -> str:
    """A series head's label without the time it was the value at."""
    return _TIME_END.sub("", label).strip()


# "Mức sinh trên toàn quốc đang có xu hướng giảm …", "Tuổi thọ … liên tục tăng": what a series says of its measure
_TREND = regex.compile(r"\s+(?:liên tục|tiếp tục|ngày càng|luôn|vẫn|đang|có xu hướng|tăng|giảm|thay đổi|biến động)(?:\s.*)?$",
                       regex.IGNORECASE)


def measure_of(label: str) -> str:
    """The measure a series' values are of: its label without what the sentence says of the measure.

        >>> measure_of("Mức sinh trên toàn quốc đang có xu hướng giảm thấp dưới mức sinh thay thế")
        'Mức sinh trên toàn quốc'
    """
    measure = _TREND.sub("", label).strip()
    return measure if len(measure.split()) >= 2 else label


def open_aside_start(text: str, start: int, end: int) -> int | None:
    """Where the "(" opens that is still open at ``end`` (read back to ``start``): "vùng Tây Nguyên (từ 52
    người/km2 …": the figures in the bracket are values of what the words before it name."""
    m = _OPEN_ASIDE.search(text, start, end)
    return m.start() if m else None
