"""How to read a figure from the words around it: kind, direction, hedge, baseline.

    >>> r = reading("doanh thu tăng khoảng ", "% so với cùng kỳ năm trước.", "percent")
    >>> r.kind, r.direction, r.approx, r.baseline
    ('growth', 'tăng', 'khoảng', 'cùng kỳ năm trước')
    >>> r = reading("giải ngân đạt ", "% kế hoạch năm", "percent")
    >>> r.kind, r.direction, r.baseline
    ('percent', 'đạt', 'kế hoạch năm')
    >>> reading("tỷ lệ hộ nghèo giảm ", " điểm phần trăm", "points").kind
    'growth'

Kinds: a relative change (``tăng 12,5%``, ``giảm 3%``) is ``growth``; a share
of plan (``đạt 48,5% kế hoạch năm``) stays ``percent`` with direction ``đạt``
and the plan as baseline; an absolute change (``tăng 12.685 người``) keeps its
unit's kind (count, money …) with direction ``tăng``. Cue words are in
``extract/data/indicator_cues.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extract.indicators.reference import reading_cues

# "so với cùng kỳ năm trước", "so với kế hoạch", "so với năm 2020": up to the clause's end.
_BASELINE = regex.compile(
    r"^[^.;:()\n]{0,40}?\bso (?:với|cùng)\s+(?P<b>[^,.;:()\n]{2,60}?)(?=\s*(?:[,.;:()\n]|$|\s(?:và|trong|đạt|tăng|giảm)\s))"
    r"|^\s*(?P<plan>kế hoạch(?: năm| (?:tỉnh|Trung ương) giao| được giao| đề ra)?)\b"
)


# "cao hơn 2 điểm phần trăm", "chênh lệch", "so với": percentage points that compare two shares
_GAP = regex.compile(r"(?i)(?<![\p{L}])(?:cao hơn|thấp hơn|chênh lệch|so với|nhiều hơn|ít hơn)(?![\p{L}])")


@dataclass(slots=True)
class Reading:
    kind: str
    direction: str | None = None
    approx: str | None = None
    baseline: str | None = None
    rank: bool = False
    multiple: bool = False


@cache
def _cue_at_end():
    alternation = "|".join(regex.escape(c.cue) for c in reading_cues())
    by_cue = {c.cue.casefold(): c for c in reading_cues()}
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])({alternation})[ ]?$", regex.IGNORECASE), by_cue


@cache
def _growth_words():
    cues = [c for c in reading_cues() if c.role in {"growth", "growth_name"}]
    by_cue = {c.cue.casefold(): c for c in cues}
    alternation = "|".join(regex.escape(c.cue) for c in cues)
    return regex.compile(rf"(?<![\p{{L}}])({alternation})(?![\p{{L}}])", regex.IGNORECASE), by_cue


def grows(clause: str) -> str | None:
    """The direction a growth verb in the figure's clause gives it, unless the words name the measure.

        >>> grows("Tỷ lệ giao dịch bán lẻ trực tuyến tăng trưởng đều đặn, trung bình "), grows("Tốc độ tăng trưởng đạt ")
        ('tăng', None)
    """
    pattern, by_cue = _growth_words()
    last = None
    for last in pattern.finditer(clause):
        pass
    if last is None:
        return None
    cue = by_cue[last.group(1).casefold()]
    return cue.value if cue.role == "growth" else None


@cache
def _scales():
    cues = {c.cue.casefold(): c for c in reading_cues() if c.role == "scale"}
    alternation = "|".join(regex.escape(c) for c in cues)
    # "tỷ lệ", "tỷ trọng", "tỷ suất", "tỷ giá" are rates, not a billion of anything
    rate = r"(?![ ](?:lệ|trọng|suất|giá)(?![\p{L}]))"
    return regex.compile(rf"[ ]?({alternation})(?![\p{{L}}\p{{N}}]){rate}", regex.IGNORECASE), cues


def scale_after(text: str, pos: int) -> tuple[str, float, int] | None:
    """A bare scale word right after a number: (the word as the table spells it, its worth, its end).

        >>> scale_after("2,77 tỷ vào năm 2025", 4)
        ('tỷ', 1000000000.0, 7)
        >>> scale_after("20 Tỷ lệ suy dinh dưỡng", 2) is None
        True
    """
    pattern, cues = _scales()
    m = pattern.match(text, pos)
    if not m:
        return None
    cue = cues[m.group(1).casefold()]
    return cue.cue, float(cue.value), m.end()


def cue_at_end(left: str) -> regex.Match | None:
    """The cue word (any role) that ends ``left``, if one does."""
    return _cue_at_end()[0].search(left)


def cues_before(left: str) -> dict[str, str]:
    """Role → value of the cue words right before a number: "tăng hơn " → direction, approx."""
    pattern, by_cue = _cue_at_end()
    found: dict[str, str] = {}
    rest = left
    for _ in range(3):
        m = pattern.search(rest)
        if not m:
            break
        cue = by_cue[m.group(1).casefold()]
        found.setdefault(cue.role, cue.value)
        rest = rest[: m.start()]
    return found


def reading(left: str, right: str, unit_kind: str | None) -> Reading:
    """Read the figure whose preceding text is ``left`` and following text (unit first) ``right``."""
    cues = cues_before(left)
    direction = cues.get("direction")
    m = _BASELINE.match(right.lstrip("%").lstrip())
    baseline = (m["b"] or m["plan"]).strip() if m else None
    if cues.get("rank"):
        kind = "rank"
    elif cues.get("multiple") or unit_kind == "ratio" and (direction in {"tăng", "giảm"} or _GAP.search(left)):
        # "gấp 4,8 lần", "tăng 2,5 lần": a multiple; "kiểm tra 02 lần" counts times
        kind = "ratio"
    elif unit_kind == "ratio":
        kind = "count"
    elif unit_kind == "percent" and direction in {"tăng", "giảm"}:
        kind = "growth"
    elif unit_kind == "percent" and direction is None and (direction := grows(left)):
        kind = "growth"
    elif unit_kind == "points":  # percentage points: the change of a share, or a gap between two
        kind = "growth" if direction in {"tăng", "giảm"} or grows(left) or _GAP.search(left) else "quantity"
    else:
        kind = unit_kind or "count"
    return Reading(
        kind=kind,
        direction=direction,
        approx=cues.get("approx"),
        baseline=baseline,
        rank="rank" in cues,
        multiple="multiple" in cues,
    )
