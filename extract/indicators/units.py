"""What a figure counts or measures: the unit printed right after it.

    >>> u, end = unit_after("12.500 tỷ đồng", 6)
    >>> u.unit, u.kind, u.scale, end
    ('tỷ đồng', 'money', 1000000000.0, 14)
    >>> unit_after("74 % TTHC", 2)[0].kind
    'percent'

Forms come from ``extract/data/units.tsv``; the longest form wins, so "triệu
USD" is not read as "USD".
"""

from __future__ import annotations

from functools import cache

import regex

from extract.indicators.reference import Unit, units

_TAIL = r"(?![\p{L}\p{N}])"


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, dict[str, Unit]]:
    by_form = {u.form.casefold() if u.folds_case else u.form: u for u in units()}
    folded = [regex.escape(u.form) for u in units() if u.folds_case]
    exact = [regex.escape(u.form) for u in units() if not u.folds_case]
    lower = regex.compile(rf"[ ]?({'|'.join(folded)}){_TAIL}", regex.IGNORECASE)
    upper = regex.compile(rf"[ ]?({'|'.join(exact)}){_TAIL}")
    return lower, upper, by_form


def unit_after(text: str, pos: int) -> tuple[Unit, int] | None:
    """The unit starting at ``pos`` (one optional space first) and where it ends."""
    lower, upper, by_form = _patterns()
    found = []
    for pattern, key in ((upper, str), (lower, str.casefold)):
        m = pattern.match(text, pos)
        if m:
            found.append((m.end(), by_form[key(m.group(1))]))
    if not found:
        return None
    end, unit = max(found, key=lambda f: f[0])
    return unit, end


def cell_kind(unit: Unit) -> str:
    """The kind a unit gives a figure read without its sentence (a table cell): percentage points in a
    table are a change of a share ("Tăng/giảm (điểm %)").

        >>> cell_kind(whole_unit("điểm %")), cell_kind(whole_unit("tỷ đồng"))
        ('growth', 'money')
    """
    return "growth" if unit.kind == "points" else unit.kind


def whole_unit(text: str) -> Unit | None:
    """The unit ``text`` is, and nothing else (a table cell, a bracket), or None.

    >>> whole_unit("Triệu đồng").unit, whole_unit("Triệu đồng giao")
    ('triệu đồng', None)
    """
    hit = unit_after(text, 0)
    return hit[0] if hit and hit[1] == len(text) else None
