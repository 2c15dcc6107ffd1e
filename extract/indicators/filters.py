"""Numbers that are not indicators: dates, periods, terms, ordinals, names, document
numbers, levels, article numbers, anniversaries, phone numbers, ages, durations.

    >>> not_indicator("bão số 9 gây thiệt hại", 7, 8, has_unit=False)
    'a name or document number (bão số 9, văn bản số 12)'
    >>> not_indicator("Kỷ niệm 70 năm Ngày Truyền thống", 8, 10, has_unit=False)
    'anniversary'
    >>> not_indicator("tổng số 5.264 hồ sơ", 8, 13, has_unit=True) is None
    True
    >>> not_indicator("gỡ bỏ/khóa 1.663 gian hàng", 11, 16, has_unit=False) is None
    True

The cue words live in ``extract/data/not_indicator_cues.tsv``.
"""

from __future__ import annotations

from functools import cache

import regex

from extract.indicators.reference import not_indicator_cues

# "Covid-19", "Covid -19", "SARS-CoV-2", "Mẫu-01": a word glued to the number by a hyphen.
_NAME_BEFORE = regex.compile(r"\p{L}[ ]?[-–][ ]?$")
# "08-CT/TU", "12/QĐ-UBND", "06/QĐ-TTg": a code follows the number.
_CODE_AFTER = regex.compile(r"^[ ]?[-–/][ ]?\p{Lu}")
_YEAR_AFTER_NAM = regex.compile(r"(?<![\p{L}])năm[ ]?$", regex.IGNORECASE)
_PHONE = regex.compile(r"^[ .]?\d{3}[ .]\d{3,4}")
# "bản đồ tỷ lệ 1:50.000", "lúc 14:30": the number after a colon glued to a digit is a scale or a time.
_SCALE_OR_TIME = regex.compile(r"\d:$")
# Terms, articles, ordinals and names are small numbers printed bare; a figure with a thousands dot
# is an amount even after such a word ("gỡ bỏ/khóa 1.663 gian hàng" locks stalls, it is no term).
_GROUPED = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def _alternation(cues: list[str]) -> str:
    return "|".join(regex.escape(c) for c in sorted(cues, key=len, reverse=True))


@cache
def _cue_patterns():
    rows = not_indicator_cues()
    reason = {(r["cue"].casefold(), r["side"]): r["reason"] for r in rows}

    def before(when):
        cues = [r["cue"] for r in rows if r["side"] == "before" and r["when"] in when]
        return regex.compile(rf"(?<![\p{{L}}\p{{N}}])({_alternation(cues)})[ ]?$", regex.IGNORECASE)

    after = [r["cue"] for r in rows if r["side"] == "after"]
    allow = [r["cue"] for r in rows if r["side"] == "allow"]
    return (
        before({"always"}),
        before({"always", "unitless"}),
        regex.compile(rf"^[ ]?({_alternation(after)})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE),
        regex.compile(rf"(?<![\p{{L}}\p{{N}}])({_alternation(allow)})[ ]?$", regex.IGNORECASE),
        reason,
    )


def time_after(text: str, end: int) -> str | None:
    """Why the words after a number make it no count of them ("06 tháng", "08 giờ"), or None.

        >>> time_after("định kỳ 06 tháng/01 lần", 10), time_after("109,8 bé trai/100 bé gái", 5)
        ('duration or period (6 tháng đầu năm)', None)
    """
    _, _, after, _, reason = _cue_patterns()
    m = after.match(text[end : end + 40])
    return reason[(m.group(1).casefold(), "after")] if m else None


def not_indicator(text: str, start: int, end: int, *, has_unit: bool) -> str | None:
    """Why the number at ``text[start:end]`` is not an indicator, or None if it may be one."""
    always, unitless, after, allow, reason = _cue_patterns()
    left = text[max(0, start - 40) : start]
    right = text[end : end + 40]
    if _NAME_BEFORE.search(left):
        return "a name with a number (Covid-19)"
    if _CODE_AFTER.match(right):
        return "a document number"
    if _YEAR_AFTER_NAM.search(left) and regex.fullmatch(r"(?:19|20)\d\d", text[start:end]):
        return "a year"
    if _PHONE.match(right):
        return "a phone number"
    if _SCALE_OR_TIME.search(left):
        return "a map scale or a time of day"
    m = (always if has_unit else unitless).search(left)
    if m and not allow.search(left) and not _GROUPED.fullmatch(text, start, end):
        return reason[(m.group(1).casefold(), "before")]
    m = after.match(right)
    if m and not has_unit:
        return reason[(m.group(1).casefold(), "after")]
    return None
