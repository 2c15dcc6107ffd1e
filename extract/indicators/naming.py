"""The label a figure gets in its sentence: which side of the figure names it, and the whole, topic or
heading that completes it. The phrases themselves are cut by :mod:`extract.indicators.labels`.

    >>> text = "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%."
    >>> label_of(text, 0, 36, 38, 38, "percent", counted=False, previous=None)
    ('Tỷ lệ hồ sơ giải quyết đúng hạn', (0, 38))
    >>> text = "Toàn tỉnh đã tiếp nhận 5.264 hồ sơ trực tuyến."
    >>> label_of(text, 0, 23, 29, 34, "count", counted=True, previous=None)[0]
    'hồ sơ trực tuyến Toàn tỉnh đã tiếp nhận'
"""

from __future__ import annotations

import bisect
from functools import cache

import regex

from extract.indicators.labels import (action, has_predicate, is_generic, left_label, right_label, share_of,
                                       subject, words)
from extract.indicators.measure import COUNT_SUBJECT
from extract.indicators.sentences import within
from extract.indicators.times import time_only
from extract.schema import Indicator

# "Năm 2021 có khoảng 11% …": the words before say only that there is
_EXISTENTIAL = regex.compile(r"(?<![\p{L}])(?:có|(?<!tăng )thêm)\s+(?:khoảng|gần|hơn|trên|đến)?\s*$", regex.IGNORECASE)
_FORECAST = regex.compile(r"^(?:dự kiến|dự báo|ước tính|ước)\s+", regex.IGNORECASE)
_RATE_NAMED = regex.compile(r"(?i)t[ỷỉ] lệ\s*$")
_COPULA = regex.compile(r"(?:\blà|\bgồm)\s*$")
# "- Đối với dịch vụ công thiết yếu của ngành Công an: …": the sentence's topic, before its colon.
_TOPIC = regex.compile(r"^[\s\-–•+*]*(?:[a-zđ]\)\s*|\d+\.\s*)?(?:đối với|về)\s+(?:\d+\s+)?(?P<topic>[^:;.\n]{3,80}?)\s*:", regex.IGNORECASE)
# "…, trong đó: 5.117 hồ sơ …", "3.776 giấy phép … đang còn hiệu lực, gồm: 537 giấy phép của Bộ …": the parts of a whole
_PART_OF = regex.compile(r"(?<![\p{L}])(?:trong đó|(?:bao\s+)?gồm(?:\s+có)?\s*:)", regex.IGNORECASE)
_OPENS_PART = regex.compile(r"\s*trong đó\b", regex.IGNORECASE)


def weak_left(before: str, left: str) -> bool:
    """ "Năm 2021 có khoảng 11% dân số tham gia …": the words before only say when, or that there is."""
    from extract.periods import find_periods

    if _EXISTENTIAL.search(before) or (_FORECAST.match(left) and time_only(_FORECAST.sub("", left))):
        return True  # "dự kiến đến năm 2027, 22,6% tổng số giao dịch …": only when
    named = sum(b - a for (a, b), _ in find_periods(left))
    return named > 0 and named >= len(left) - 12


def no_subject(before: str) -> bool:
    """ "năm 2003 xuống còn": the words since the previous figure name no subject of their own."""
    left = left_label(before)
    return not left or weak_left(before, left)


def label_of(text: str, s_start: int, start: int, unit_start: int, unit_end: int, kind: str,
             counted: bool, previous: Indicator | None, nlp: bool = False,
             scaled: bool = False) -> tuple[str | None, tuple[int, int]]:
    """Label and span of the figure at ``start`` whose clause starts at ``s_start``.

    ``counted``: a count whose unit is printed after it, so the noun counted opens the label;
    ``scaled``: the count's unit carries a scale ("triệu người"), so it measures the subject
    ("dân số tăng thêm 19,4 triệu người") rather than naming what is counted; ``previous``: the
    figure before in the same sentence."""
    before = text[s_start:start]
    left = left_label(before)
    if not left and _RATE_NAMED.search(before):
        left = "tỷ lệ"  # "(đạt tỷ lệ 85,7%)": the cue words were the whole clause
    copula = _COPULA.search(before)
    if counted and not copula:  # "công bố mới 109 thủ tục": the thing counted, then what was done
        right = right_label(text[unit_start : unit_end + 200], commas=True, noun=text[unit_start:unit_end] if scaled else None)
        if scaled and right == text[unit_start:unit_end] and words(left) >= 2 and not weak_left(before, left):
            return left, (left_start(text, s_start, start, left), unit_end)
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
    if words(left) >= 2 and not opens and not (words(right) >= 2 and weak_left(before, left)):
        return left, (left_start(text, s_start, start, left), unit_end)
    if right:
        return right, (start, unit_end + len(text[unit_end:]) - len(text[unit_end:].lstrip()) + len(right))
    if left:  # "(nam giới chiếm 49,9%, nữ 50,1%)": one word of its own beats the neighbour's label
        return left, (left_start(text, s_start, start, left), unit_end)
    if previous is not None and previous.label and previous.span[0] >= s_start - 200:
        return previous.label, (start, unit_end)
    return None, (start, unit_end)


def left_start(text: str, s_start: int, start: int, left: str) -> int:
    """Where a label taken before its figure starts; a dropped aside ("(giá so sánh 2010)") breaks
    the label's words apart, so its longest leading run that the text holds is looked for."""
    parts = left.split()
    for n in range(len(parts), 0, -1):
        at = text.rfind(" ".join(parts[:n]), s_start, start)
        if at >= 0:
            return at
    return start


def whole_of(found: list[Indicator], text: str, bounds: list[int], sentence: int, start: int,
             noun: str, kind: str = "count") -> Indicator | None:
    """The count a figure after "trong đó" is part of: the first count of the same noun in its sentence, or
    in the sentence before when "trong đó" opens this one ("Tổng số hồ sơ … là 125.712 hồ sơ; trong đó: …")."""
    scope = sentence
    # endpos: the regex module's match from a position costs the rest of the text without it
    if _OPENS_PART.match(text, sentence, sentence + 80) and sentence > 0:
        scope = bounds[bisect.bisect_right(bounds, sentence - 1) - 1]
    else:  # "…, gồm: 537 giấy phép của Bộ …; 3.239 giấy phép của UBND …": the items of one list, split by ";"
        for _ in range(5):
            if scope <= 0 or not text[:scope].rstrip().endswith(";"):
                break
            scope = bounds[bisect.bisect_right(bounds, scope - 1) - 1]
    scope = within(scope, start)
    first = bisect.bisect_left(found, scope, key=lambda f: f.span[0])  # found is in text order
    whole = next((f for f in found[first:] if f.unit == noun and f.kind == kind), None)
    return whole if whole is not None and _PART_OF.search(text, whole.span[1], start) else None


# "Tổng số tiền kiến nghị xử lý qua thanh tra, kiểm tra": the phrase saying by what or where an amount arose
_QUALIFIER = regex.compile(r"(?<![\p{L}])(?:qua|thông qua|tại|từ)\s+\p{L}.*$", regex.IGNORECASE)


def with_qualifier(label: str, whole: str | None) -> str:
    """An amount that is part of another ("trong đó: … giảm lỗ là 241.266 tỷ đồng") arose as its whole did:
    it takes the whole's qualifying phrase when it has none of its own ("giảm lỗ qua thanh tra, kiểm tra").

        >>> with_qualifier("giảm lỗ", "Tổng số tiền kiến nghị xử lý qua thanh tra, kiểm tra")
        'giảm lỗ qua thanh tra, kiểm tra'
    """
    m = _QUALIFIER.search(whole or "")
    if not m or _QUALIFIER.search(label) or m.start() == 0:
        return label
    return f"{label} {m[0]}"


@cache
def _measure_word() -> regex.Pattern:
    from extract.indicators.reference import word_list

    words = sorted(word_list("measure_words.txt"), key=len, reverse=True)
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{'|'.join(map(regex.escape, words))})(?![\p{{L}}])")


_LIST_OPENS = regex.compile(r"(?:\s(?:như|gồm|bao gồm|cụ thể))?\s*:\s*", regex.IGNORECASE)


def listed_measure(label: str, text: str, sentence: int, start: int) -> str:
    """An item of a list whose intro names the measure ("Đã góp phần gia tăng trữ lượng gần 40 loại khoáng
    sản, như: đá vôi xi măng gần 1,8 tỷ tấn, than hơn 1,2 tỷ tấn") is that measure of the item: "trữ
    lượng than". A label naming a measure of its own stays.

        >>> t = "Gia tăng trữ lượng nhiều loại khoáng sản, như: than hơn 1,2 tỷ tấn"
        >>> listed_measure("than", t, 0, t.index("1,2"))
        'trữ lượng than'
    """
    head = text[sentence:start]
    colon = head.rfind(":")
    if colon < 0 or _measure_word().search(label):
        return label
    named = list(_measure_word().finditer(head, 0, colon))
    if not named or not _LIST_OPENS.search(head[: colon + 1]):
        return label
    return f"{named[-1][0]} {label}"


# "…, đóng góp gần 10% tổng doanh thu …": a share one thing contributes to another
_CONTRIBUTES = regex.compile(r"(?:^|[\s,])đóng góp(?:\s+(?:khoảng|gần|hơn|trên|xấp xỉ|tới|đến))?\s*$", regex.IGNORECASE)
_NEXT_OF_LIST = regex.compile(r"^[\s,;]*(?:và\s+)?(?:khoảng|gần|hơn|trên|xấp xỉ)?\s*$", regex.IGNORECASE)


def contribution(text: str, s_start: int, start: int, unit_end: int, first: Indicator | None,
                 previous: Indicator | None) -> str | None:
    """The label of a share that says what one thing contributes to another: "Quy mô thị trường … đến 25 tỷ
    đô năm 2024, …, đóng góp 10% tổng doanh thu …" → "đóng góp của Quy mô thị trường … vào tổng doanh thu
    …"; the contributor is named before "đóng góp" in its clause, else by the sentence's first figure (a
    measure, not a count). "…, hơn 30% tổng thu ngân sách" after such a share is another contribution of the
    same. None when the figure is no contribution.

        >>> t = "Kinh tế số đóng góp khoảng 18% GDP."
        >>> contribution(t, 0, t.index("18"), t.index("%") + 1, None, None)
        'đóng góp của Kinh tế số vào GDP'
    """
    from extract.indicators.labels import left_label, right_label
    from extract.indicators.times import measure_of, without_time

    before = text[s_start:start]
    from extract.indicators.labels import subject

    into = regex.sub(r"(?i)^vào\s+", "", right_label(text[unit_end : unit_end + 200]))
    m = _CONTRIBUTES.search(before)
    if m is None:
        said, _, joint = before.rpartition(",")  # "đóng góp khoảng 50% GDP, hơn 30% …": the tail of the one before
        if previous is not None and (previous.label or "").startswith("đóng góp") and into and \
                previous.label.endswith(said.strip()) and _NEXT_OF_LIST.match(joint):
            return f"{previous.label.split(' vào ')[0]} vào {into}"
        return None
    own = before[: m.start()]
    owner = left_label(own) if "," not in own else ""
    if not owner and first is not None and first.kind != "count" and first.label:
        owner = measure_of(without_time(subject(f"{first.label} ").strip()))
    return " ".join(w for w in ["đóng góp", f"của {owner}" if owner else "", f"vào {into}" if into else ""] if w)


def part_of_share(text: str, whole_end: int, start: int) -> bool:
    """Whether "trong đó" stands between a share and the figure at ``start``."""
    return bool(_PART_OF.search(text, whole_end, start))


def part_label(label: str, noun: str, whole: Indicator) -> str:
    """A count introduced by "trong đó" is part of a count of the same noun and takes that count's noun
    phrase: "5.854 hồ sơ dịch vụ công liên thông …, trong đó: 5.117 hồ sơ đã trả kết quả" → "hồ sơ dịch vụ
    công liên thông đã trả kết quả"; "Tổng số hồ sơ các sở, ngành …; trong đó: Số hồ sơ giải quyết trễ hạn" →
    "Số hồ sơ các sở, ngành giải quyết trễ hạn". A part named by a modifier alone takes the noun: "(trong
    đó, cấp tỉnh là 1.865 TTHC" → "TTHC cấp tỉnh"."""
    if whole.text[:1].isdigit():  # "5.854 hồ sơ dịch vụ công liên thông": the words after its number
        phrase = regex.sub(r"^[\d.,]+\s*", "", whole.text)
    else:  # "Tổng số hồ sơ các sở, ngành đã giải quyết là …": its subject, without what was done
        phrase = COUNT_SUBJECT.sub("", subject(whole.label or ""), count=1).strip()
    counter = COUNT_SUBJECT.match(label)  # "Số hồ sơ …": the part's own "số" stays
    said = label[counter.end() :] if counter else label
    if not phrase.startswith(noun) or phrase[len(noun) :].startswith(","):
        return label  # "29 cơ quan, đơn vị, địa phương (gồm: 04 cơ quan chuyên môn …": a list of nouns, each its own
    if not said.startswith(noun):
        return label if regex.search(rf"(?<!\p{{L}}){regex.escape(noun)}(?!\p{{L}})", label) else f"{noun} {label}"
    shared, own = phrase[len(noun) :].split(), said[len(noun) :].split()
    while shared and len(own) > 1 and shared[0] == own[0]:  # "lượt tra cứu …" / "lượt tra cứu thành công"
        shared, own = shared[1:], own[1:]
    return " ".join(([counter[0].strip()] if counter else []) + [phrase, *own])


def with_topic(label: str, head: str, noun: str) -> str:
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
