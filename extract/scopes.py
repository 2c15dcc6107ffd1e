"""The scope of a figure: what span of time or of work it counts, read from its sentence.

    >>> text = "Từ khi phát động đợt cao điểm đến nay, toàn tỉnh đã thu nhận được 138.816 tài khoản."
    >>> scope_of(text, (text.index("138.816"), text.index("138.816") + 7))
    Scope(name='campaign', cue='đợt cao điểm đến nay')
    >>> text = "a) Tính đến ngày 15/9/2025, đã thu nhận 3.830.878 lượt hồ sơ; 2.725.227 tài khoản định danh"
    >>> scope_of(text, (text.index("2.725"), text.index("2.725") + 9)).name
    'cumulative'
    >>> scope_of("Đã cấp 50 tài khoản.", (7, 9)) is None
    True

The cues are ``extract/data/scope_words.tsv``. Where a figure's sentence has one before
the figure, the nearest decides ("Trong tháng tiếp nhận 120 hồ sơ, lũy kế 1.480 hồ sơ":
120 counts the month, 1.480 is a running total); else the first cue after it in its
clause; else a lead-in line ending in ":" just above ("b) Đẩy mạnh đợt cao điểm …:"
scopes the bullets below it); else the label's own words ("tổng số" counts only there:
in the sentence it often names another figure, "trên tổng số 13.633 hồ sơ"). None: the
report does not say.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

import regex

DATA = Path(__file__).resolve().parent / "data" / "scope_words.tsv"

# Where a sentence ends: a full stop before a capital, or a line break.
_SENTENCE_END = regex.compile(r"(?:[.!?]\s+(?=\p{Lu})|\n)")
_CLAUSE_END = regex.compile(r"[;\n]")


# Each scope as the compare page names it
SCOPE_WORDS = {
    "campaign": "đợt cao điểm", "month": "trong tháng", "quarter": "trong quý", "half": "trong 6 tháng",
    "year": "trong năm", "week": "trong tuần", "period": "trong kỳ", "year_to_date": "từ đầu năm",
    "cumulative": "lũy kế", "total": "tổng số",
}


class Scope(NamedTuple):
    name: str  # campaign, month, quarter, half, year, week, period, year_to_date, cumulative, total
    cue: str  # the words that said so, as the table writes them


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[regex.Pattern, list[str], dict[str, str]]:
    scopes: dict[str, str] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("cue\t"):
            continue
        cue, scope = line.split("\t")
        scopes[" ".join(cue.split())] = scope
    longest_first = sorted(scopes, key=len, reverse=True)
    alternatives = "|".join(f"(?P<c{n}>{_cue_pattern(cue)})" for n, cue in enumerate(longest_first))
    return regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", regex.I), longest_first, scopes


_YEAR = "{năm}"


def _cue_pattern(cue: str) -> str:
    """A cue's words with any spacing; ``{năm}`` a year that may be printed or not."""
    words = [r"(?:\s+(?:19|20)\d{2})?" if w == _YEAR else r"\s+" + regex.escape(w) for w in cue.split()]
    return "".join(words).removeprefix(r"\s+")


def _found(text: str) -> list[tuple[int, Scope]]:
    pattern, cues, scopes = _cues()
    found = []
    for m in pattern.finditer(text):
        cue = cues[int(m.lastgroup[1:])]
        found.append((m.start(), Scope(scopes[cue], cue.replace(" " + _YEAR, ""))))
    return found


def scope_of(text: str, span: tuple[int, int] | None, label: str | None = None) -> Scope | None:
    """The scope of the figure at ``span`` in ``text`` (a report's text), or None if unsaid."""
    if span is not None and text and 0 <= span[0] <= span[1] <= len(text):
        start, end = span
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
        before = _in_context(text[sentence_start:start])
        if before:
            return before[-1]
        clause_end = _CLAUSE_END.search(text, end, end + AFTER)
        after = _in_context(text[end:clause_end.start() if clause_end else min(end + AFTER, len(text))])
        if after:
            return after[0]
        lead_in = _in_context(_lead_in(text, start))
        if lead_in:
            return lead_in[-1]
    found = _found(label or "")
    return found[-1][1] if found else None


# Words right after a figure that still describe it ("138.816 tài khoản mức 2 trong đợt cao điểm");
# further on, a clause goes on to something else ("02 cuộc họp … để đôn đốc Chiến dịch …").
AFTER = 40
LEAD_IN = 200  # a list's lead-in is a short line; a long paragraph ending in ":" is not one


def _in_context(text: str) -> list[Scope]:
    """The scopes a figure's surroundings say; "tổng số" there is another figure's ("… trong đó",
    "trên tổng số 13.633 hồ sơ"), so a total is read from the figure's own label only."""
    return [scope for _, scope in _found(text) if scope.name != "total"]


_BULLET = regex.compile(r"\s*[-+•*–]\s")


def _lead_in(text: str, at: int) -> str:
    """The lead-in line ending in ":" above the figure's line ("b) Đẩy mạnh đợt cao điểm …:"),
    over the sibling bullets between them; "" when there is none."""
    line_start = text.rfind("\n", 0, at) + 1
    bullet = _BULLET.match(text, line_start) is not None
    for _ in range(20):
        if line_start <= 1:
            return ""
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        previous = text[previous_start:line_start - 1].rstrip()
        if previous.endswith(":"):
            return previous if len(previous) <= LEAD_IN else ""
        if not (bullet and _BULLET.match(previous)):
            return ""
        line_start = previous_start
    return ""
