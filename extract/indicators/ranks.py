"""Ranks: a figure that is a position in a set ("xếp thứ 15/63", "thứ ba trong khu vực", "trong nhóm 40
quốc gia … hàng đầu"), not an amount.

    >>> text = "Việt Nam là quốc gia đông dân thứ ba trong khu vực"
    >>> ordinal_rank(text, text.index("ba"), text.index("ba") + 2)
    True
    >>> text = "người thứ ba trong gia đình"
    >>> ordinal_rank(text, text.index("ba"), text.index("ba") + 2)
    False
    >>> text = "lọt vào nhóm 40 quốc gia dẫn đầu"
    >>> top_group(text, text.index("40"), text.index("40") + 2), without_group_words("xếp hạng vào nhóm")
    (True, 'xếp hạng')
"""

from __future__ import annotations

from functools import cache

import regex

_ORDINAL_RANK = regex.compile(r"(?<![\p{L}])(?<!lần )thứ[ ]?$", regex.IGNORECASE)  # not "lần thứ 3"
_RANK_SCOPE = regex.compile(r"[ ]?(?:trong|trên)\s", regex.IGNORECASE)
# "trong nhóm 40 quốc gia … hàng đầu", "top 10 … dẫn đầu": the size of a leading group is a rank
_TOP_GROUP = regex.compile(r"(?<![\p{L}])(?:nhóm|top)[ ]?$", regex.IGNORECASE)
_TOP_GROUP_WORDS = regex.compile(r"\s*(?:(?:trong|vào|lọt|thuộc)\s+)?(?:nhóm|top)$", regex.IGNORECASE)
_LEADING_GROUP = regex.compile(r"[^.,;:\n]{0,80}?(?<![\p{L}])(?:hàng|dẫn|đứng) đầu(?![\p{L}])", regex.IGNORECASE)


def ordinal_rank(text: str, start: int, end: int) -> bool:
    """ "đông dân thứ ba trong khu vực" is a rank; "người thứ ba trong gia đình" orders a counted
    noun (the third person), which is no measured position."""
    left = text[max(0, start - 40) : start]
    ordinal = _ORDINAL_RANK.search(left)
    if not ordinal or not _RANK_SCOPE.match(text, end):
        return False
    before = left[: ordinal.start()].split()
    return not any(" ".join(before[-n:]).casefold() in _counted_nouns() for n in (1, 2, 3) if len(before) >= n)


def top_group(text: str, start: int, end: int) -> bool:
    """Whether the figure is the size of a leading group: "trong nhóm 40 quốc gia … hàng đầu"."""
    return bool(_TOP_GROUP.search(text, max(0, start - 40), start) and _LEADING_GROUP.match(text, end))


def without_group_words(label: str) -> str:
    """A rank's label without the words that made it a rank ("Xếp hạng … trong nhóm")."""
    return _TOP_GROUP_WORDS.sub("", label)


@cache
def _counted_nouns() -> frozenset[str]:
    from extract.indicators.reference import units as table

    return frozenset(u.form.casefold() for u in table() if u.kind == "count")
