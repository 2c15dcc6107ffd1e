"""What a figure is in its document: a ``result`` (achieved or observed: đạt, thực hiện, đến nay), a
``target`` (aimed at, planned or expected: chỉ tiêu, phấn đấu, kế hoạch giao, dự kiến, sẽ) or a
``threshold`` (a rule's parameter: tối thiểu, không quá, từ … trở lên, mức phạt, in a law or decree or
a report quoting one).

    >>> role_of("Tổng số hồ sơ đã giải quyết là ", "")
    'result'
    >>> role_of("Phấn đấu đến năm 2030 có ", "")
    'target'
    >>> role_of("Dự án có tổng vốn đầu tư từ ", " trở lên phải lập báo cáo")
    'threshold'
    >>> role_of("Tối thiểu ", "", document="target")  # in a Kế hoạch
    'target'
    >>> role_of("Mức phạt tiền tối đa đối với cá nhân là ", "")
    'threshold'
    >>> role_of("Tỷ lệ hồ sơ trực tuyến đạt ", "", headings=["Mục tiêu cụ thể"])
    'target'

The decision, in order: the cue nearest the figure in its sentence (``where=before`` in
``extract/data/role_cues.tsv``), or one right after it ("trở lên"); a threshold's words in a plan
(a target context) set a target ("Tối thiểu 98% hồ sơ …" in a Kế hoạch); then the section's heading
("Mục tiêu", "Phương hướng"); then the kind of document (a Kế hoạch, Đề án or Chiến lược sets targets,
a Luật, Nghị định or Thông tư thresholds); else a result.
"""

from __future__ import annotations

from functools import cache

import regex

from extract.indicators.reference import role_cues

# "so với kế hoạch", "so KH": what follows is a baseline the figure is compared with, not its role
_BASELINE_BEFORE = regex.compile(r"(?i)(?<![\p{L}])so(?:[\s.,]+với)?[\s.,]*$")  # scans: "so .với KH"
# "Chương trình mục tiêu Y tế - Dân số", "Quỹ phát triển": a cue word inside a programme's or a fund's name
_IN_NAME = regex.compile(r"(?<![\p{L}])(?:Chương trình|Đề án|Kế hoạch|Chiến lược|Quỹ|Dự án)\s+$")
# "trở lên" right after the figure's unit; further on it bounds another figure ("cho 100% công dân từ
# đủ 14 tuổi trở lên")
_AFTER = 12


def _pattern(cues: list[str], flags: int = 0) -> regex.Pattern:
    folded = [regex.escape(c) for c in cues if c == c.lower()]
    exact = [regex.escape(c) for c in cues if c != c.lower()]
    parts = [f"(?i:{'|'.join(folded)})"] if folded else []
    parts += [f"(?:{'|'.join(exact)})"] if exact else []
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{'|'.join(parts)})(?![\p{{L}}\p{{N}}])", flags)


@cache
def _cues(where: str) -> tuple[regex.Pattern, dict[str, str]]:
    rows = [c for c in role_cues() if c.where == where]
    by_cue = {c.cue.casefold(): c.role for c in rows}
    by_cue.update({c.cue: c.role for c in rows if c.cue != c.cue.lower()})
    ordered = sorted((c.cue for c in rows), key=len, reverse=True)  # longest first: "kế hoạch giao" over "kế hoạch"
    return _pattern(ordered), by_cue, _pattern(ordered, regex.REVERSE)


def _role(cue: str, by_cue: dict[str, str]) -> str:
    return by_cue.get(cue) or by_cue[cue.casefold()]


def _last_cue(text: str, where: str) -> str | None:
    """The role of the last cue in ``text`` that is not a baseline's ("so với kế hoạch"), looked for from
    the end back (the nearest cue decides, and the search stops there)."""
    _, by_cue, backwards = _cues(where)
    for m in backwards.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]
        if not _BASELINE_BEFORE.search(before) and not _IN_NAME.search(before):
            return _role(m[0], by_cue)
    return None


def _heading_role(headings) -> str | None:
    """The role the nearest heading with a cue gives; its first cue decides, since a heading's head noun
    comes first ("Kết quả thực hiện các giải pháp" reports results, "Nhiệm vụ, giải pháp …" sets targets)."""
    pattern, by_cue, _ = _cues("heading")
    for text in headings:
        if m := pattern.search(text or ""):
            return _role(m[0], by_cue)
    return None


# A document's own kind: its type ("Kế hoạch"), or what a decision or resolution issues or approves
# ("Ban hành Chương trình hành động …", "Phê duyệt Đề án …", "Quy định …").
_ISSUES = regex.compile(r"(?i)^\s*(?:(?:về việc|v/v)\s+)?(?:ban hành|phê duyệt|điều chỉnh|sửa đổi, bổ sung)?\s*")


def document_role(doc_type: str | None, title: str | None) -> str | None:
    """The role a document's kind gives its figures: a plan's are targets, a law's thresholds, a report's
    (None) whatever their sentences say.

        >>> document_role("Kế hoạch", "Cải cách hành chính"), document_role("Quyết định", "Phê duyệt Đề án bồi dưỡng")
        ('target', 'target')
        >>> document_role("Báo cáo", "Kết quả thực hiện Quy chế dân chủ"), document_role("Nghị định", None)
        (None, 'threshold')
    """
    pattern, by_cue, _ = _cues("document")
    if doc_type and (m := pattern.fullmatch(doc_type.strip())):
        return _role(m[0], by_cue)
    if doc_type in (None, "Quyết định", "Nghị quyết", "Công văn") and title:
        m = pattern.match(title, _ISSUES.match(title).end())
        return _role(m[0], by_cue) if m else None
    return None


def role_of(before: str, after: str, *, headings: list[str] | tuple[str, ...] = (), document: str | None = None) -> str:
    """The role of a figure whose sentence reads ``before`` up to it and ``after`` from its end; ``headings``
    are the titles of its section and the sections above it (nearest first), ``document`` the role the
    document's kind gives (:func:`document_role`)."""
    in_plan = _heading_role(headings) == "target" or document == "target"
    role = _last_cue(before, "before") or (_last_cue(after[:_AFTER], "after") if after else None)
    if role == "threshold" and (in_plan or "target" in _roles_in(before)):
        return "target"  # "chỉ tiêu đề ra là tối thiểu 20%", "Tối thiểu 98% hồ sơ …" in a plan: what is aimed at
    if role:
        return role
    return _heading_role(headings) or document or "result"


def _roles_in(text: str) -> set[str]:
    pattern, by_cue, _ = _cues("before")
    return {_role(m[0], by_cue) for m in pattern.finditer(text)}
