"""Numeric indicators: every reported figure with its label, unit, kind and comparison.

    >>> [(i.label, i.kind, i.value, i.unit) for i in find_indicators(
    ...     "Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ 36%, "
    ...     "được đào tạo lý luận chính trị 74 %.")]  # doctest: +NORMALIZE_WHITESPACE
    [('Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ', 'percent', 36.0, '%'),
     ('Tỷ lệ công chức, viên chức được đào tạo lý luận chính trị', 'percent', 74.0, '%')]

``find_indicators(text)`` works on any string; ``extract(skeleton, metadata)`` is
the pipeline's step: it leaves out numbers inside citations and in the front and
back matter, and fills section, page and period.

Conventions (also in ``docs/accuracy.md``):
- money and scaled quantities carry the base value, the scale stays in ``unit``:
  ``12.500 tỷ đồng`` → value 1.25e13, unit ``tỷ đồng``;
- a ratio ``37/42 TTHC`` has numerator 37, denominator 42 and value 37/42
  (rounded to 4 places); ``104.462 hồ sơ trực tuyến/108.117 tổng hồ sơ`` too;
- a parenthesised fraction right after a percentage (``41,4% … (55/133)``) is
  that percentage's numerator and denominator, not an indicator of its own;
- a range ``5-7%`` has value 5 and ``value_max`` 7; hedges (gần, hơn, khoảng …)
  go to ``approx``; a rank ``xếp thứ 15/63`` has value 15 and denominator 63.
"""

from __future__ import annotations

import bisect
from itertools import groupby
from functools import cache

import regex

from extract.indicators.filters import not_indicator
from extract.indicators.kinds import cues_before, reading, scale_after
from extract.indicators.labels import (action, change_end, clean, complete, has_predicate, is_generic, left_label, of_whole,
                                       predicate, rank_label, right_label, share_of, starts_with_verb, subject, with_owner,
                                       words)
from extract.indicators.numbers import Mention, find_mentions, find_word_mentions
from extract.indicators.reference import Unit
from extract.indicators.units import unit_after
from extract.schema import Indicator

__all__ = ["find_indicators", "extract", "NLP_DEFAULT"]

# Whether extract() refines labels with underthesea; set from the measurement in docs/accuracy.md.
NLP_DEFAULT = False
# Whether a figure followed by a noun units.tsv does not know is counted in that noun, the noun's
# extent told by underthesea's POS tags ("1.663 gian hàng", "3.547.970 nhân khẩu"); measured in
# docs/accuracy.md, separately from the label refinement.
NOUNS_DEFAULT = True

# A footnote mark printed as superscript digits after a figure or a word ("15%⁸", "QH15¹"); "m²",
# "km³" are units.
_FOOTNOTE_MARK = regex.compile(r"(?<!\bk?m)[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SENTENCE_END = regex.compile(r"[.;!?…](?=\s|$)|\n")
# "104.462 hồ sơ trực tuyến/108.117 tổng hồ sơ": the denominator after the numerator's unit.
_OVER = regex.compile(r"[^/.;:()\n,]{0,50}?[ ]?/[ ]?(\d{1,3}(?:\.\d{3})+|\d+)(?![\p{N}]|[.,/]\p{N})")


_UNITLESS_RATIO = regex.compile(r"[ ]?\(")  # "2.157/2.517 (đạt tỷ lệ 85,7%)"
_ORDINAL_RANK = regex.compile(r"(?<![\p{L}])(?<!lần )thứ[ ]?$", regex.IGNORECASE)  # not "lần thứ 3"
_RANK_SCOPE = regex.compile(r"[ ]?(?:trong|trên)\s", regex.IGNORECASE)
# "trong nhóm 40 quốc gia … hàng đầu", "top 10 … dẫn đầu": the size of a leading group is a rank
_TOP_GROUP = regex.compile(r"(?<![\p{L}])(?:nhóm|top)[ ]?$", regex.IGNORECASE)
_TOP_GROUP_WORDS = regex.compile(r"\s*(?:(?:trong|vào|lọt|thuộc)\s+)?(?:nhóm|top)$", regex.IGNORECASE)
_LEADING_GROUP = regex.compile(r"[^.,;:\n]{0,80}?(?<![\p{L}])(?:hàng|dẫn|đứng) đầu(?![\p{L}])", regex.IGNORECASE)
_BETWEEN = regex.compile(r"(?<![\p{L}])(?:giữa|cả|mỗi|từng)[ ]?$", regex.IGNORECASE)  # "giữa hai cơ quan"
_LIST_NEXT = regex.compile(r"[ ]?(?:,|và)[ ]?\d")
_COMPARED = regex.compile(r"(?:so với|cùng kỳ|từ)\s*$", regex.IGNORECASE)
_EXISTENTIAL = regex.compile(r"(?<![\p{L}])(?:có|(?<!tăng )thêm)\s+(?:khoảng|gần|hơn|trên|đến)?\s*$", regex.IGNORECASE)
_COPULA_END = regex.compile(r"(?:\blà|:)\s*$")
# "- Đối với dịch vụ công thiết yếu của ngành Công an: …": the sentence's topic, before its colon.
_TOPIC = regex.compile(r"^[\s\-–•+*]*(?:[a-zđ]\)\s*|\d+\.\s*)?(?:đối với|về)\s+(?:\d+\s+)?(?P<topic>[^:;.\n]{3,80}?)\s*:", regex.IGNORECASE)
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
_PART_OF = regex.compile(r"(?<![\p{L}])trong đó\b", regex.IGNORECASE)
_OPENS_PART = regex.compile(r"\s*trong đó\b", regex.IGNORECASE)
_COUNT_SUBJECT = regex.compile(r"(?<![\p{L}])(?:tổng số|số lượng|số)\s+", regex.IGNORECASE)


def _sentence_bounds(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _number(s: str) -> float | None:
    from extract.text.numbers import parse_number

    return parse_number(s)


def _explained_percent(found: list[Indicator], m: Mention, sentence_start: int) -> Indicator | None:
    """The percentage a parenthesised ``(55/133)`` explains: equal share first, else the nearest."""
    candidates = [i for i in found if i.unit == "%" and i.span[0] >= sentence_start and i.numerator is None]
    share = 100 * m.numerator / m.denominator
    for ind in reversed(candidates):
        if ind.value is not None and abs(ind.value - share) <= 1:
            return ind
    return candidates[-1] if candidates else None


def _weak_left(before: str, left: str) -> bool:
    """ "Năm 2021 có khoảng 11% dân số tham gia …": the words before only say when, or that there is."""
    from extract.periods import find_periods

    if _EXISTENTIAL.search(before):
        return True
    named = sum(b - a for (a, b), _ in find_periods(left))
    return named > 0 and named >= len(left) - 12


def _no_subject(before: str) -> bool:
    """ "năm 2003 xuống còn": the words since the previous figure name no subject of their own."""
    left = left_label(before)
    return not left or _weak_left(before, left)


def _label(text: str, s_start: int, start: int, unit_start: int, unit_end: int, kind: str,
           counted: bool, previous: Indicator | None, nlp: bool = False,
           scaled: bool = False) -> tuple[str | None, tuple[int, int]]:
    """Label and span of the figure at ``start``; see :mod:`extract.indicators.labels`.

    ``scaled``: the count's unit carries a scale ("triệu người"), so it measures the subject
    ("dân số tăng thêm 19,4 triệu người") rather than naming what is counted."""
    before = text[s_start:start]
    left = left_label(before)
    if not left and regex.search(r"(?i)t[ỷỉ] lệ\s*$", before):
        left = "tỷ lệ"  # "(đạt tỷ lệ 85,7%)": the cue words were the whole clause
    copula = regex.search(r"(?:\blà|\bgồm)\s*$", before)
    if counted and not copula:  # "công bố mới 109 thủ tục": the thing counted, then what was done
        right = right_label(text[unit_start : unit_end + 200], commas=True, noun=text[unit_start:unit_end] if scaled else None)
        if scaled and right == text[unit_start:unit_end] and words(left) >= 2 and not _weak_left(before, left):
            return left, (_left_start(text, s_start, start, left), unit_end)
        if nlp:
            from extract.indicators.refine import has_verb as predicated
        else:
            predicated = has_predicate
        done = "" if predicated(right[unit_end - unit_start :]) else action(before)
        label = f"{right} {done}".strip() if done else right
        contiguous = text.startswith(right, unit_start)
        return label or None, (start, unit_start + len(right) if contiguous and right else unit_end)
    right = right_label(text[unit_end : unit_end + 200], commas=True)
    # "tương đương khoảng 4% dân số có bảo hiểm sức khỏe …": a figure whose own clause follows is no share
    share = kind in {"percent", "growth"} and (is_generic(left) or not left) and not has_predicate(right)
    if share and previous is not None and previous.label:
        if kind == "growth":  # "…, tăng 8,2% so với cùng kỳ": the growth of the same subject
            return previous.label, (start, unit_end)
        return share_of("tỷ lệ", previous.label), (start, unit_end)
    # "Việc thanh toán …: 100% TTHC có yêu cầu … được triển khai": after a colon the figure opens
    # its clause, and the words before it are a heading
    opens = before.rstrip().endswith(":") and words(right) >= 2
    if words(left) >= 2 and not opens and not (words(right) >= 2 and _weak_left(before, left)):
        return left, (_left_start(text, s_start, start, left), unit_end)
    if right:
        return right, (start, unit_end + len(text[unit_end:]) - len(text[unit_end:].lstrip()) + len(right))
    if left:  # "(nam giới chiếm 49,9%, nữ 50,1%)": one word of its own beats the neighbour's label
        return left, (_left_start(text, s_start, start, left), unit_end)
    if previous is not None and previous.label and previous.span[0] >= s_start - 200:
        return previous.label, (start, unit_end)
    return None, (start, unit_end)


def _left_start(text: str, s_start: int, start: int, left: str) -> int:
    """Where a label taken before its figure starts; a dropped aside ("(giá so sánh 2010)") breaks
    the label's words apart, so its longest leading run that the text holds is looked for."""
    words = left.split()
    for n in range(len(words), 0, -1):
        at = text.rfind(" ".join(words[:n]), s_start, start)
        if at >= 0:
            return at
    return start


def find_indicators(text: str, *, nlp: bool = False, nouns: bool | None = None, period: str | None = None,
                    exclude: list[tuple[int, int]] | None = None) -> list[Indicator]:
    """Every indicator in ``text``, in order, ids ``i1``, ``i2`` …

    ``nlp=True`` refines labels with underthesea (see :mod:`extract.indicators.refine`);
    ``nouns`` (default ``NOUNS_DEFAULT``) counts a figure in a noun ``units.tsv`` does not
    know, told by its POS tag; ``period`` is the report period, used when the sentence
    names none; numbers inside the ``exclude`` spans (citations) are skipped. Footnote
    marks printed as superscript digits are read past ("khoảng 15%⁸ dân số"); spans and
    ``text`` still point into ``text`` as given.

        >>> [(i.value, i.unit, i.text) for i in find_indicators("khoảng 15%⁸ dân số")]
        [(15.0, '%', '15%⁸ dân số')]
    """
    marks = [(m.start(), m.end()) for m in _FOOTNOTE_MARK.finditer(text)]
    if not marks:
        return _find(text, nlp, NOUNS_DEFAULT if nouns is None else nouns, period, exclude)
    # Read the text without its marks, then give every span back in the text's own offsets.
    kept = [i for i in range(len(text)) if not _in_marks(marks, i)]
    bare = "".join(text[i] for i in kept)
    kept.append(len(text))

    def to_bare(i: int) -> int:
        return bisect.bisect_left(kept, i)

    found = _find(bare, nlp, NOUNS_DEFAULT if nouns is None else nouns, period,
                  [(to_bare(a), to_bare(b)) for a, b in exclude or []])
    for ind in found:
        a, b = ind.span
        ind.span = (kept[a], kept[b - 1] + 1 if b > a else kept[a])
        ind.text = text[ind.span[0] : ind.span[1]]
    return found


def _in_marks(marks: list[tuple[int, int]], i: int) -> bool:
    k = bisect.bisect_right(marks, (i, float("inf"))) - 1
    return k >= 0 and marks[k][0] <= i < marks[k][1]


def _find(text: str, nlp: bool, nouns: bool, period: str | None,
          exclude: list[tuple[int, int]] | None) -> list[Indicator]:
    from extract.periods import find_periods

    bounds = _sentence_bounds(text)
    excluded = sorted(exclude or [])
    found: list[Indicator] = []
    consumed_until = last_figure_end = -1
    list_head: Indicator | None = None
    mentions = sorted(find_mentions(text) + _spelled(text), key=lambda m: m.start)
    for m in mentions:
        if m.start < consumed_until:
            continue
        k = bisect.bisect_right(excluded, (m.start, float("inf"))) - 1
        if k >= 0 and excluded[k][0] <= m.start < excluded[k][1]:
            continue
        s_start = sentence = bounds[bisect.bisect_right(bounds, m.start) - 1]
        if found and found[-1].span[0] >= s_start:
            s_start = max(s_start, last_figure_end)  # a list: the clause starts after the previous figure
        left_text = text[max(0, m.start - 40) : m.start]
        top_group = bool(_TOP_GROUP.search(left_text) and _LEADING_GROUP.match(text, m.end))
        rank = "rank" in cues_before(left_text) or _ordinal_rank(text, m.start, m.end) or top_group
        hit = _per(text, unit_after(text, m.end)) or _age_measure(text, s_start, m)
        if m.month_year and hit is None:
            continue
        # "số lượng người … đạt 2,77 tỷ": the noun is the subject's, so the subject is the label too
        named_before = False
        composed = None  # "940 nghìn doanh nghiệp": the label reads from the noun, past the scale word
        if hit is None and not rank and m.denominator is None:
            hit = composed = _scaled_noun(text, m.end, nlp or nouns)
        if hit is None and not rank and m.denominator is None:
            hit = (_scaled_subject(text[s_start : m.start], text, m.end) or _unit_of_subject(text[s_start : m.start], m.end)
                   or _index_value(text[sentence : m.start], m))
            named_before = hit is not None
        if hit is None and not rank and (nlp or nouns) and m.denominator is None:
            from extract.indicators.refine import counted_noun

            hit = _per(text, counted_noun(text, m.start, m.end))
            if hit and not_indicator(text, m.start, m.end, has_unit=False):
                continue  # a noun the table does not know is weak evidence: "6 tháng", "5 năm"
        if m.denominator is not None and hit is None and not rank:
            if text[m.start - 1 : m.start] == "(" and text[m.end : m.end + 1] == ")":
                target = _explained_percent(found, m, sentence)
                if target is not None:
                    target.numerator, target.denominator = m.numerator, m.denominator
                    continue
            if not (_UNITLESS_RATIO.match(text, m.end) and m.denominator > 12):
                continue
        elif not rank and (hit is None or not_indicator(text, m.start, m.end, has_unit=True)):
            continue
        unit, unit_end = (hit if hit else (None, m.end))
        numerator, denominator = m.numerator, m.denominator
        over = _OVER.match(text, unit_end) if unit and denominator is None and unit.kind == "count" else None
        if over and (d := _number(over.group(1))) and d >= m.value:
            numerator, denominator, consumed_until = m.value, d, over.end()
        r = reading(text[s_start : m.start], text[m.end : m.end + 120], unit.kind if unit else None)
        scale = unit.scale if unit else 1.0
        if rank:
            r.kind, value, unit, unit_end = "rank", m.value, None, m.end
        elif denominator and unit is not None and unit.kind == "quantity":
            value = m.value  # a score "90,09/100 điểm": the maximum is the denominator
        elif denominator:
            r.kind = "ratio"
            value = round(numerator / denominator, 4)
        else:
            value = m.value * scale
        noun_at = scale_after(text, m.end)[2] if composed else m.end
        unit_start = noun_at + (text[noun_at : noun_at + 1] == " ")
        counted = unit is not None and unit.kind == "count" and unit_end > m.end and not named_before
        same_sentence = found[-1] if found and found[-1].span[0] >= sentence else None
        label, span = _label(text, s_start, m.start, unit_start, unit_end, r.kind, counted, same_sentence, nlp,
                             scaled=counted and unit.scale != 1 and not composed)
        before = text[s_start : m.start]
        if rank:
            label = rank_label(label, before, text[m.end : m.end + 80], same_sentence.label if same_sentence else None)
        else:
            ends = same_sentence.label if same_sentence is not None and _no_subject(before) else None
            label = change_end(label, before, text[unit_end : unit_end + 40], ends)
        if label and r.kind == "percent":
            label = of_whole(label, before, text[unit_end : unit_end + 200])
        if over is not None and consumed_until == over.end():  # "104.462 hồ sơ trực tuyến/108.117 tổng hồ sơ"
            label = regex.sub(r"\s*/\s*\S+\s*", " / ", right_label(text[unit_start : unit_end + 200]))
            done = "" if has_predicate(label) else action(text[s_start : m.start])
            label = f"{label} {done}".strip()  # "tiếp nhận, giải quyết 113.014 hồ sơ trực tuyến/…"
            tail = text[over.end() : over.end() + 120]  # "/108.117 tổng hồ sơ tiếp nhận": the denominator's noun
            whole = right_label(tail)
            span = (m.start, max(span[1], over.end() + (tail.find(whole) if whole else 0) + len(whole)))
        whole = _whole(found, text, bounds, sentence, m.start, unit.unit) if unit is not None and r.kind == "count" else None
        if label and whole is not None:  # a part is named from its whole, which took the topic if it needed it
            label = _part_label(label, text[unit_start:unit_end] if counted else unit.unit, whole)
        elif label and r.kind == "percent" and same_sentence is not None and same_sentence.unit == "%" and \
                same_sentence.label and _PART_OF.search(text, same_sentence.span[1], m.start):
            label = with_owner(label, same_sentence.label)
        elif label and (counted or over is not None and consumed_until == over.end()):
            label = _with_topic(label, text[sentence : m.start], text[unit_start:unit_end])
        if label and top_group:
            label = _TOP_GROUP_WORDS.sub("", label)  # "Xếp hạng … trong nhóm": the words that made it a rank
        label = clean(label)
        ind = Indicator(
            id="", text=text[span[0] : span[1]], label=label, kind=r.kind, value=value,
            unit=unit.unit if unit else None, numerator=numerator, denominator=denominator,
            direction=r.direction, baseline=r.baseline, period=None, span=span,
            approx=r.approx, value_max=m.value_max * scale if m.value_max is not None else None,
        )
        ind.period = _period_near(text, sentence, m.start, find_periods) or period
        if list_head is not None and same_sentence is list_head and counted and label and label.startswith(
                text[unit_start:unit_end]) and has_predicate(label):
            # "5 tập thể, 18 cá nhân được …": the first takes the predicate, not "cấp xã" of "34 UBND cấp xã đang …"
            list_head.label = list_head.label + predicate(label)
        bare = max(unit_end, span[1]) - unit_end <= 12  # "5 tập thể", "07 sở, ngành": no predicate of its own
        list_head = ind if counted and bare and _LIST_NEXT.match(text, max(unit_end, span[1])) else None
        if list_head is not None:  # "07 sở, ngành và 34 UBND cấp xã đang …": the predicate comes later
            ind.label = text[unit_start : max(unit_end, span[1])]
        found.append(ind)
        last_figure_end = max(unit_end, consumed_until, span[1])
    _share_subjects(found, bounds)
    _values_at_times(found, text, bounds)
    _equivalents(found, text)
    _gapped_heads(found, text)
    _split_shares(found, text)
    if nlp:
        from extract.indicators.refine import refine_labels

        refine_labels(found)
    for n, ind in enumerate(found, 1):
        ind.id = f"i{n}"
    return found


def _whole(found: list[Indicator], text: str, bounds: list[int], sentence: int, start: int, noun: str) -> Indicator | None:
    """The count a figure after "trong đó" is part of: the first count of the same noun in its sentence, or
    in the sentence before when "trong đó" opens this one ("Tổng số hồ sơ … là 125.712 hồ sơ; trong đó: …")."""
    scope = sentence
    if _OPENS_PART.match(text, sentence) and sentence > 0:
        scope = bounds[bisect.bisect_right(bounds, sentence - 1) - 1]
    whole = next((f for f in found if f.span[0] >= scope and f.unit == noun and f.kind == "count"), None)
    return whole if whole is not None and _PART_OF.search(text, whole.span[1], start) else None


def _part_label(label: str, noun: str, whole: Indicator) -> str:
    """A count introduced by "trong đó" is part of a count of the same noun and takes that count's noun
    phrase: "5.854 hồ sơ dịch vụ công liên thông …, trong đó: 5.117 hồ sơ đã trả kết quả" → "hồ sơ dịch vụ
    công liên thông đã trả kết quả"; "Tổng số hồ sơ các sở, ngành …; trong đó: Số hồ sơ giải quyết trễ hạn" →
    "Số hồ sơ các sở, ngành giải quyết trễ hạn". A part named by a modifier alone takes the noun: "(trong
    đó, cấp tỉnh là 1.865 TTHC" → "TTHC cấp tỉnh"."""
    if whole.text[:1].isdigit():  # "5.854 hồ sơ dịch vụ công liên thông": the words after its number
        phrase = regex.sub(r"^[\d.,]+\s*", "", whole.text)
    else:  # "Tổng số hồ sơ các sở, ngành đã giải quyết là …": its subject, without what was done
        phrase = _COUNT_SUBJECT.sub("", subject(whole.label or ""), count=1).strip()
    counter = _COUNT_SUBJECT.match(label)  # "Số hồ sơ …": the part's own "số" stays
    said = label[counter.end() :] if counter else label
    if not phrase.startswith(noun):
        return label
    if not said.startswith(noun):
        return label if regex.search(rf"(?<!\p{{L}}){regex.escape(noun)}(?!\p{{L}})", label) else f"{noun} {label}"
    shared, own = phrase[len(noun) :].split(), said[len(noun) :].split()
    while shared and len(own) > 1 and shared[0] == own[0]:  # "lượt tra cứu …" / "lượt tra cứu thành công"
        shared, own = shared[1:], own[1:]
    return " ".join(([counter[0].strip()] if counter else []) + [phrase, *own])


def _with_topic(label: str, head: str, noun: str) -> str:
    """A counted label completed with the topic its sentence opens with: "Đối với dịch vụ công thiết yếu
    của ngành Công an: … 113.014 hồ sơ …" → "hồ sơ dịch vụ công thiết yếu của ngành Công an …"."""
    m = _TOPIC.match(head)
    if not m or head.count("(") > head.count(")"):  # "(4.679 hồ sơ … và 1.175 hồ sơ …)": the parts of a total
        return label
    topic = m["topic"].strip()
    have = {w.casefold() for w in label.split()}
    said = [w for w in topic.split() if w.casefold() in have]
    if len(said) * 2 >= len(topic.split()):  # "Về dịch vụ công trực tuyến: … 2.028 dịch vụ công trực tuyến"
        return label
    if noun and label.startswith(noun):
        return f"{noun} {topic}{label[len(noun):]}"
    return f"{label} {topic}"


def _spelled(text: str) -> list[Mention]:
    """Spelled-out figures that a known unit follows ("hai cuộc", "thứ ba trong khu vực")."""
    out = []
    for m in find_word_mentions(text):
        hit = unit_after(text, m.end)
        ordinal = _ordinal_rank(text, m.start, m.end)
        between = _BETWEEN.search(text[max(0, m.start - 10) : m.start])
        if ordinal or (hit and hit[0].kind != "percent" and not between):
            out.append(m)
    return out


def _ordinal_rank(text: str, start: int, end: int) -> bool:
    """ "đông dân thứ ba trong khu vực" is a rank; "người thứ ba trong gia đình" orders a counted
    noun (the third person), which is no measured position."""
    left = text[max(0, start - 40) : start]
    ordinal = _ORDINAL_RANK.search(left)
    if not ordinal or not _RANK_SCOPE.match(text, end):
        return False
    before = left[: ordinal.start()].split()
    return not any(" ".join(before[-n:]).casefold() in _counted_nouns() for n in (1, 2, 3) if len(before) >= n)


@cache
def _counted_nouns() -> frozenset[str]:
    from extract.indicators.reference import units as table

    return frozenset(u.form.casefold() for u in table() if u.kind == "count")


# "52 người/km2", "109,8 bé trai/100 bé gái": things counted per area, per time or per N others are a density
_PER = regex.compile(r"/[ ]?((?:km2|km²|m2|m²|ha|năm|tháng|tuần|ngày|giờ)|\d[\d.]* \p{L}+(?: \p{L}+)?)(?![\p{L}\p{N}])",
                     regex.IGNORECASE)


def _per(text: str, hit):
    """A count unit followed by "/km2", "/năm", "/100 bé gái" becomes a density, a quantity in "người/km2".

        >>> u, end = _per("52 người/km2 năm 1993", unit_after("52 người/km2 năm 1993", 2))
        >>> u.unit, u.kind, end
        ('người/km2', 'quantity', 12)
    """
    if hit is None or hit[0].kind != "count":
        return hit
    per = _PER.match(text, hit[1])
    if per is None:
        return hit
    unit = f"{hit[0].unit}/{per[1].replace('km²', 'km2').replace('m²', 'm2')}"
    return Unit(unit, unit, "quantity", hit[0].scale), per.end()


_INDEX_SUBJECT = regex.compile(r"(?i)(?<![\p{L}])(?:chỉ số|hệ số)(?![\p{L}])")


def _index_value(clause: str, m: Mention):
    """ "Chỉ số HDI của Việt Nam là 0,696": a decimal figure that an index or a coefficient takes is a
    quantity with no unit (whole numbers stay out: "Chỉ số 766 …" names the index).

        >>> u, end = _index_value("Chỉ số HDI của Việt Nam là ", find_mentions("0,696")[0])
        >>> u.kind, u.unit, end
        ('quantity', None, 5)
    """
    if "," not in m.text or m.value >= 1000 or not _INDEX_SUBJECT.search(clause):
        return None
    return Unit("", None, "quantity", 1.0), m.end


_AGE = regex.compile(r"[ ]?tuổi(?![\p{L}])", regex.IGNORECASE)
_AGE_MEASURE = regex.compile(r"(?i)tuổi thọ|tuổi (?:trung bình|bình quân)|(?:trung bình|bình quân) tuổi")


def _age_measure(text: str, s_start: int, m: Mention):
    """ "tuổi thọ trung bình … từ 72,8 tuổi": an age that the clause measures (a life expectancy, a mean
    age) is a quantity, where "trẻ em dưới 6 tuổi" is a threshold; a decimal age is always measured.

        >>> text = "Tuổi thọ trung bình đạt 74 tuổi"
        >>> _age_measure(text, 0, find_mentions(text)[0])
        (Unit(form='tuổi', unit='tuổi', kind='quantity', scale=1.0), 31)
    """
    age = _AGE.match(text, m.end)
    if not age or not ("," in m.text or _AGE_MEASURE.search(text, s_start, m.start)):
        return None
    return Unit("tuổi", "tuổi", "quantity", 1.0), age.end()


def _scaled_noun(text: str, at: int, nouns: bool):
    """ "hơn 940 nghìn doanh nghiệp", "70 tỷ kiện hàng": a scale word, then the noun it counts
    (from ``units.tsv``, else, with ``nouns``, the noun underthesea tags there).

        >>> u, end = _scaled_noun("940 nghìn doanh nghiệp và", 3, nouns=False)
        >>> u.unit, u.scale, end
        ('nghìn doanh nghiệp', 1000.0, 22)
    """
    scale = scale_after(text, at)
    if scale is None:
        return None
    word, factor, end = scale
    noun = unit_after(text, end)
    if noun is None and nouns:
        from extract.indicators.refine import counted_noun

        noun = counted_noun(text, at, end)  # the scale word stands as the figure: "2,77 tỷ" may count
    scaled = _counted_in_scale(noun[0] if noun else None, word, factor)
    return (scaled, noun[1]) if scaled else None


def _scaled_subject(clause: str, text: str, at: int):
    """ "số lượng người mua sắm trực tuyến đạt 2,77 tỷ": a bare scale word counts the noun its subject
    names, in that scale ("tỷ người"); without such a subject the figure says nothing of what it counts.

        >>> u, end = _scaled_subject("số lượng người mua sắm đạt ", "2,77 tỷ vào năm 2025", 4)
        >>> u.unit, u.scale, end
        ('tỷ người', 1000000000.0, 7)
    """
    scale = scale_after(text, at)
    if scale is None:
        return None
    word, factor, end = scale
    subject = _COUNT_SUBJECT.search(clause)
    noun = unit_after(clause, subject.end()) if subject else None
    scaled = _counted_in_scale(noun[0] if noun else None, word, factor)
    return (scaled, end) if scaled else None


def _counted_in_scale(noun, word: str, factor: float):
    """A counted noun's unit in a scale ("nghìn" + "doanh nghiệp"); None for no noun, or one not counted
    one by one (a measure, or a unit with its own scale)."""
    if noun is None or noun.kind != "count" or noun.scale != 1:
        return None
    return Unit(f"{word} {noun.unit}", f"{word} {noun.unit}", "count", factor)


def _unit_of_subject(clause: str, at: int):
    """ "Tổng số hồ sơ … là 120.088": the unit named by the subject, when no unit follows."""
    if not _COPULA_END.search(clause):
        return None
    m = _COUNT_SUBJECT.search(clause)
    if not m:
        return None
    hit = unit_after(clause, m.end())
    return (hit[0], at) if hit and hit[0].kind == "count" else None


def _period_near(text: str, s_start: int, start: int, find_periods) -> str | None:
    """The period the sentence names ("năm 2020", "quý I"): the nearest before the figure, else the
    first after it that is not a comparison's baseline ("so với năm 2020")."""
    end = _SENTENCE_END.search(text, start)
    sentence = text[s_start : end.start() if end else len(text)]
    before, after = [], []
    for (a, _), p in find_periods(sentence):
        if not p.start:
            continue
        if s_start + a < start:
            before.append(p)
        elif not _COMPARED.search(sentence[max(0, a - 25) : a]):
            after.append(p)
    return before[-1].label if before else after[0].label if after else None


def _share_subjects(found: list[Indicator], bounds: list[int]) -> None:
    """Complete verb-initial labels from the previous label in the same sentence."""
    for prev, ind in zip(found, found[1:]):
        same = bisect.bisect_right(bounds, prev.span[0]) == bisect.bisect_right(bounds, ind.span[0])
        if same and ind.label and prev.label and starts_with_verb(ind.label):
            ind.label = complete(ind.label, prev.label)


def _values_at_times(found: list[Indicator], text: str, bounds: list[int]) -> None:
    """ "từ năm 2003 (80,9 triệu người) đến năm 2023 (100,3 triệu người), dân số tăng thêm 19,4 triệu
    người": a figure in brackets after a time names no subject; it is the value at that time of what the
    sentence's next figure in the same unit measures ("dân số năm 2003")."""
    for n, ind in enumerate(found):
        when = _TIME_ASIDE.search(text, max(0, ind.span[0] - 30), ind.span[0])
        if not when or ind.label not in {None, ind.unit}:
            continue
        sentence = bisect.bisect_right(bounds, ind.span[0])
        measured = next((f.label for f in found[n + 1 :] if bisect.bisect_right(bounds, f.span[0]) == sentence
                         and f.unit == ind.unit and f.label not in {None, f.unit}), None)
        if measured:
            ind.label = f"{measured} {when['when']}"


def _equivalents(found: list[Indicator], text: str) -> None:
    """ "gần 4 triệu người tương đương khoảng 4% dân số có bảo hiểm sức khỏe …": two figures joined by
    "tương đương" measure one thing in two units; the first, named only by its unit, takes the second's label."""
    for a, b in zip(found, found[1:]):
        only_unit = a.unit and a.label and a.label.startswith(a.unit) and not has_predicate(a.label)
        named = b.label and not (b.unit and b.label.startswith(b.unit))
        if only_unit and named and _EQUIVALENT.fullmatch(text, a.span[1], b.span[0]):
            a.label = b.label


def _gapped_heads(found: list[Indicator], text: str) -> None:
    """ "dân số của In-đô-nê-xi-a là 278,8 triệu người; Phi-li-pin là 112,9 triệu người": the next item of
    a list names only whose figure it is and leaves out the head it shares with the item before."""
    for a, b in zip(found, found[1:]):
        owner = _OWNER_END.search(a.label or "")
        if owner and b.label and b.unit == a.unit and _PROPER_NAME.fullmatch(b.label) \
                and _NEXT_ITEM.fullmatch(text, a.span[1], b.span[0]):
            b.label = a.label[: owner.start("name")] + b.label


def _split_shares(found: list[Indicator], text: str) -> None:
    """ "tỷ lệ dân số nam và nữ khá cân bằng (nam giới chiếm 49,9%, nữ 50,1%)": the aside splits the
    share named before it by the words it joins with "và"; each part is that share of its own word
    ("tỷ lệ dân số nam giới", "tỷ lệ dân số nữ")."""
    for ind in found:
        aside = text.rfind("(", max(0, ind.span[0] - 80), ind.span[0])
        split = _SPLIT_SHARE.search(text, max(0, aside - 120), aside + 1) if aside >= 0 and ind.unit == "%" else None
        if split and ind.label and words(ind.label) <= 2 and ")" not in text[aside : ind.span[0]] \
                and ind.label.split()[0].casefold() in {split["a"].casefold(), split["b"].casefold()}:
            ind.label = f"{split['share']} {ind.label}"


def extract(skeleton, metadata, *, nlp: bool | None = None) -> list[Indicator]:
    """Indicators of a report's body and tables, with section, page and period; citations left out."""
    from extract.citations import find_citations

    text = skeleton.text
    exclude = [c.span for c in find_citations(text)]
    # The header (số, date, title) holds no results; footnotes sit in the back matter and do.
    exclude += [pb.span for pb in skeleton.blocks if pb.region == "front"]
    period = metadata.period.label if getattr(metadata, "period", None) else None
    tables = _table_indicators(skeleton, period)
    exclude += [t.span for t in tables]  # a table's figures are read once, as its cells, not again as prose
    found = find_indicators(text, nlp=NLP_DEFAULT if nlp is None else nlp, period=period, exclude=_merge(exclude))
    found = sorted(found + tables, key=lambda i: i.span)
    for n, ind in enumerate(found, 1):
        ind.id = f"i{n}"
        ind.section = skeleton.section_at(ind.span[0])
        ind.page = skeleton.page_at(ind.span[0])
    return found


def _table_indicators(skeleton, period: str | None) -> list[Indicator]:
    """One indicator per value cell of a statistics table: per row when rows hold one figure each
    (label, unit, value cells), per cell of a data row when the table has several value columns."""
    cells = [(n, pb) for n, pb in enumerate(skeleton.blocks) if pb.block.cell is not None and pb.region != "front"]
    out, unit_line = [], ""
    for _, table in groupby(cells, key=lambda c: c[1].block.cell[0]):
        table = list(table)
        before = skeleton.blocks[table[0][0] - 1] if table[0][0] else None
        if before is None or before.block.cell is None:
            unit_line = skeleton.text[before.span[0] : before.span[1]] if before else ""
        # else the table follows another with nothing between (a table split over pages, a scan's
        # page each): it keeps that table's "Đơn vị: …" line
        out += _table_figures(skeleton, [pb for _, pb in table], unit_line, period)
    return out


def _table_figures(skeleton, cells, unit_line: str, period: str | None) -> list[Indicator]:
    from extract.indicators.table_columns import read_table
    from extract.indicators.table_rows import read_row

    rows = [sorted(row, key=lambda pb: pb.block.cell[2]) for _, row in groupby(cells, key=lambda pb: pb.block.cell[:2])]
    grid = [_cell_spans(row) for row in rows]
    texts = [{c: " ".join(skeleton.text[a:b] for a, b in spans) for c, spans in row.items()} for row in grid]
    figures = read_table(texts, unit_line)
    if figures is not None:
        return [_table_indicator(skeleton, grid[f.row][f.label_column][0][0], grid[f.row][f.column][-1][1], f,
                                 f.period or period) for f in figures]
    out = []
    for row in rows:
        fig = read_row([skeleton.text[pb.span[0] : pb.span[1]] for pb in row])
        if fig is not None:
            out.append(_table_indicator(skeleton, row[fig.label_column].span[0], row[fig.column].span[1], fig, period))
    return out


def _cell_spans(row) -> dict[int, list[tuple[int, int]]]:
    """Column → spans of its paragraphs (a cell of several paragraphs is several blocks)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for pb in row:
        spans.setdefault(pb.block.cell[2], []).append(pb.span)
    return spans


def _table_indicator(skeleton, start: int, end: int, fig, period: str | None) -> Indicator:
    return Indicator(
        id="", text=skeleton.text[start:end], label=fig.label, kind=fig.kind, value=fig.value,
        unit=fig.unit, period=period, span=(start, end),
    )


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged
