"""Sentences of a text, and the period a figure's sentence names.

    >>> text = "Năm 2024 đạt 12%. Doanh thu tăng 5% so với năm 2020"
    >>> bounds = sentence_bounds(text)
    >>> bounds, sentence_at(bounds, 40), within(bounds[0], 1000)
    ([0, 17], 17, 400)
    >>> period_near(text, 0, text.index("12%")), period_near(text, 17, text.index("5%"))
    ('Năm 2024', None)

A sentence ends at ``.;!?…`` before a space or the end, or at a line break. Text
without sentence ends (a table dumped as one line, hostile input) would make every
figure's sentence the whole text before it; figures look back and ahead at most
:data:`WINDOW` characters, which keeps the cost of a text linear in its length.
"""

from __future__ import annotations

import bisect

import regex

_SENTENCE_END = regex.compile(r"[.;!?…](?=\s|$)|\n")
# "so với năm 2020": the period after this is a comparison's baseline, not the figure's own.
_COMPARED = regex.compile(r"(?:so với|cùng kỳ|từ)\s*$", regex.IGNORECASE)
# How far a figure's clause reaches back and its sentence ahead; no label or period in the corpus
# needs more (the longest subject read back is under 400 characters).
WINDOW = 600


def sentence_bounds(text: str) -> list[int]:
    """Offsets where each sentence starts."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def sentence_at(bounds: list[int], pos: int) -> int:
    """Start of the sentence holding ``pos``."""
    return bounds[bisect.bisect_right(bounds, pos) - 1]


def within(start: int, pos: int) -> int:
    """``start``, or :data:`WINDOW` characters before ``pos`` if that is later."""
    return max(start, pos - WINDOW)


def same_sentence(bounds: list[int], a: int, b: int) -> bool:
    return bisect.bisect_right(bounds, a) == bisect.bisect_right(bounds, b)


def period_near(text: str, s_start: int, start: int) -> str | None:
    """The period the sentence names ("năm 2020", "quý I"): the nearest before the figure, else the
    first after it that is not a comparison's baseline ("so với năm 2020")."""
    from extract.periods import find_periods

    end = _SENTENCE_END.search(text, start, start + WINDOW)
    sentence = text[s_start : end.start() if end else min(len(text), start + WINDOW)]
    before, after = [], []
    for (a, _), p in find_periods(sentence):
        if not p.start:
            continue
        if s_start + a < start:
            before.append(p)
        elif not _COMPARED.search(sentence[max(0, a - 25) : a]):
            after.append(p)
    return before[-1].label if before else after[0].label if after else None
