"""The periods of a comparison on a time axis: which periods a regular series leaves out.

    >>> from extract.compare import PeriodColumn
    >>> months = [PeriodColumn(label=f"tháng {m}/2025", start=f"2025-{m:02d}-01", end=f"2025-{m:02d}-28")
    ...           for m in (8, 9, 11)]
    >>> [(s.label, s.present) for s in timeline(months)]
    [('tháng 8/2025', True), ('tháng 9/2025', True), ('tháng 10/2025', False), ('tháng 11/2025', True)]

A series is regular when every period starts on the first of a month and spans the
same number of months, one of 1 (months), 3 (quarters), 6 (halves) or 12 (years),
each starting where such a period starts (a quarter in January, April, July or
October). Its missing periods are named as the reports name them ("tháng 10/2025",
"quý III/2025", "6 tháng cuối năm 2025", "năm 2024"). Any other series (a half
year beside a full year) has no gaps to show: its periods are placed by date only.
"""

from __future__ import annotations

from datetime import date

import msgspec

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_CADENCES = (1, 3, 6, 12)


class Slot(msgspec.Struct, kw_only=True):
    label: str
    start: str  # ISO date: where the period sits on the time axis
    present: bool  # False: no report of this period was compared (a gap)
    column: int | None = None  # index into Comparison.periods when present


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _name(year: int, month: int, length: int) -> str:
    if length == 1:
        return f"tháng {month}/{year}"
    if length == 3:
        return f"quý {_ROMAN[(month - 1) // 3 + 1]}/{year}"
    if length == 6:
        return f"6 tháng {'đầu' if month == 1 else 'cuối'} năm {year}"
    return f"năm {year}"


def cadence(periods) -> int | None:
    """The months each period spans when the series is regular, else None."""
    lengths = set()
    for p in periods:
        if not p.start or not p.end:
            return None
        start, end = date.fromisoformat(p.start), date.fromisoformat(p.end)
        length = _months(start, end)
        if start.day != 1 or length not in _CADENCES or (start.month - 1) % length:
            return None
        lengths.add(length)
    return lengths.pop() if len(lengths) == 1 else None


def timeline(periods) -> list[Slot]:
    """Every period of the comparison in order, with the periods a regular series misses between them."""
    step = cadence(periods)
    present = [Slot(label=p.label, start=p.start or p.date or "", present=True, column=i)
               for i, p in enumerate(periods)]
    if step is None or len(periods) < 2 or len({p.start for p in periods}) < len(periods):
        return present  # two reports of one period (a draft and its sent copy): placed by date only
    by_start = {p.start: slot for p, slot in zip(periods, present)}
    first, last = date.fromisoformat(periods[0].start), date.fromisoformat(periods[-1].start)
    slots, at = [], first
    while at <= last:
        key = at.isoformat()
        slots.append(by_start.get(key) or Slot(label=_name(at.year, at.month, step), start=key, present=False))
        month = at.month - 1 + step
        at = date(at.year + month // 12, month % 12 + 1, 1)
    return slots


def gaps(slots: list[Slot]) -> list[list[Slot]]:
    """Runs of consecutive missing periods."""
    runs: list[list[Slot]] = []
    for slot in slots:
        if slot.present:
            continue
        if runs and runs[-1][-1] is slots[slots.index(slot) - 1]:
            runs[-1].append(slot)
        else:
            runs.append([slot])
    return runs
