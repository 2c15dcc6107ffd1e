"""Labels settled once every figure of a text is found, from the figures around each one: a list sharing
one subject, a value at a time in brackets, two figures of one measure, a list item naming only its owner,
an aside splitting a share.

    >>> from extract.indicators import find_indicators
    >>> [i.label for i in find_indicators("Tỷ lệ công chức có trình độ thạc sĩ 36%, được đào tạo lý luận 74%.")]
    ['Tỷ lệ công chức có trình độ thạc sĩ', 'Tỷ lệ công chức được đào tạo lý luận']
"""

from __future__ import annotations

import regex

from extract.indicators.labels import complete, has_predicate, starts_with_verb, words
from extract.indicators.sentences import same_sentence
from extract.schema import Indicator

# "từ năm 2003 (80,9 triệu người)": a time, then the bracket a figure of that time sits in
_TIME_ASIDE = regex.compile(r"(?<![\p{L}])(?P<when>(?:năm|tháng|quý)\s[\dIVX/]+)\s*\(\s*$", regex.IGNORECASE)
# "4 triệu người tương đương khoảng 4% dân số …": the words joining two figures of one measure
_EQUIVALENT = regex.compile(r"\s*,?\s*(?:tương đương|tương ứng)(?:\s+với)?(?:\s+(?:khoảng|gần|hơn|trên))?\s*", regex.IGNORECASE)
# "… dân số của In-đô-nê-xi-a là …; Phi-li-pin là …": an owner's name, a list item that is only a name
_OWNER_END = regex.compile(r"(?<![\p{L}])của\s+(?P<name>\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,3})$")
_PROPER_NAME = regex.compile(r"\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,3}")
_NEXT_ITEM = regex.compile(r"\s*[;,]\s*")
# "tỷ lệ dân số nam và nữ khá cân bằng (": a share of two groups joined by "và", split in the aside that follows
_SPLIT_SHARE = regex.compile(
    r"(?<![\p{L}])(?P<share>t[ỷỉ] lệ(?:\s+\p{L}+)*?)\s+(?P<a>\p{L}+)\s+và\s+(?P<b>\p{L}+)(?:\s+\p{L}+){0,4}\s*\($",
    regex.IGNORECASE)


def settle(found: list[Indicator], text: str, bounds: list[int]) -> None:
    """Every pass below, in the order each relies on the one before."""
    share_subjects(found, bounds)
    values_at_times(found, text, bounds)
    equivalents(found, text)
    gapped_heads(found, text)
    split_shares(found, text)


def share_subjects(found: list[Indicator], bounds: list[int]) -> None:
    """Complete verb-initial labels from the previous label in the same sentence."""
    for prev, ind in zip(found, found[1:]):
        if same_sentence(bounds, prev.span[0], ind.span[0]) and ind.label and prev.label and starts_with_verb(ind.label):
            ind.label = complete(ind.label, prev.label)


def values_at_times(found: list[Indicator], text: str, bounds: list[int]) -> None:
    """ "từ năm 2003 (80,9 triệu người) đến năm 2023 (100,3 triệu người), dân số tăng thêm 19,4 triệu
    người": a figure in brackets after a time names no subject; it is the value at that time of what the
    sentence's next figure in the same unit measures ("dân số năm 2003")."""
    for n, ind in enumerate(found):
        when = _TIME_ASIDE.search(text, max(0, ind.span[0] - 30), ind.span[0])
        if not when or ind.label not in {None, ind.unit}:
            continue
        measured = None
        for k in range(n + 1, len(found)):
            f = found[k]
            if not same_sentence(bounds, ind.span[0], f.span[0]):
                break  # found is in text order: no later figure is in this sentence
            if f.unit == ind.unit and f.label not in {None, f.unit}:
                measured = f.label
                break
        if measured:
            ind.label = f"{measured} {when['when']}"


def equivalents(found: list[Indicator], text: str) -> None:
    """ "gần 4 triệu người tương đương khoảng 4% dân số có bảo hiểm sức khỏe …": two figures joined by
    "tương đương" measure one thing in two units; the first, named only by its unit, takes the second's label."""
    for a, b in zip(found, found[1:]):
        only_unit = a.unit and a.label and a.label.startswith(a.unit) and not has_predicate(a.label)
        named = b.label and not (b.unit and b.label.startswith(b.unit))
        if only_unit and named and _EQUIVALENT.fullmatch(text, a.span[1], b.span[0]):
            a.label = b.label


def gapped_heads(found: list[Indicator], text: str) -> None:
    """ "dân số của In-đô-nê-xi-a là 278,8 triệu người; Phi-li-pin là 112,9 triệu người": the next item of
    a list names only whose figure it is and leaves out the head it shares with the item before."""
    for a, b in zip(found, found[1:]):
        owner = _OWNER_END.search(a.label or "")
        if owner and b.label and b.unit == a.unit and _PROPER_NAME.fullmatch(b.label) \
                and _NEXT_ITEM.fullmatch(text, a.span[1], b.span[0]):
            b.label = a.label[: owner.start("name")] + b.label


def split_shares(found: list[Indicator], text: str) -> None:
    """ "tỷ lệ dân số nam và nữ khá cân bằng (nam giới chiếm 49,9%, nữ 50,1%)": the aside splits the
    share named before it by the words it joins with "và"; each part is that share of its own word
    ("tỷ lệ dân số nam giới", "tỷ lệ dân số nữ")."""
    for ind in found:
        aside = text.rfind("(", max(0, ind.span[0] - 80), ind.span[0])
        split = _SPLIT_SHARE.search(text, max(0, aside - 120), aside + 1) if aside >= 0 and ind.unit == "%" else None
        if split and ind.label and words(ind.label) <= 2 and ")" not in text[aside : ind.span[0]] \
                and ind.label.split()[0].casefold() in {split["a"].casefold(), split["b"].casefold()}:
            ind.label = f"{split['share']} {ind.label}"
