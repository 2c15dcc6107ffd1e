"""Indicators in running text: each number phrase read with its unit, kind and label.

    >>> [(i.label, i.kind, i.value, i.unit) for i in find_indicators(
    ...     "Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ 36%, "
    ...     "được đào tạo lý luận chính trị 74 %.")]  # doctest: +NORMALIZE_WHITESPACE
    [('Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ', 'percent', 36.0, '%'),
     ('Tỷ lệ công chức, viên chức được đào tạo lý luận chính trị', 'percent', 74.0, '%')]

For each number phrase (:mod:`~extract.indicators.numbers`) in text order: numbers inside
citations are skipped; its unit is read (:mod:`~extract.indicators.units`,
:mod:`~extract.indicators.measure`); numbers that are no indicator are dropped
(:mod:`~extract.indicators.filters`); its kind, direction and baseline are read from the cue words
around it (:mod:`~extract.indicators.kinds`, :mod:`~extract.indicators.ranks`); its label is built
(:mod:`~extract.indicators.naming`) and, once all are found, settled from its neighbours
(:mod:`~extract.indicators.neighbours`).
"""

from __future__ import annotations

import bisect

import regex

from extract.indicators.composition import Composition, is_part
from extract.indicators.filters import not_indicator
from extract.indicators.footnotes import FootnoteMarks
from extract.indicators.kinds import cues_before, reading, scale_after
from extract.indicators.labels import (action, change_end, clean, has_predicate, left_label, of_whole, predicate, rank_label,
                                       right_label, with_owner)
from extract.indicators.measure import (age_measure, cited, index_value, over, per, per_others, scaled_noun,
                                        scaled_subject, unit_of_subject)
from extract.indicators.naming import (contribution, label_of, listed_measure, no_subject, part_label, part_of_share, whole_of, with_qualifier,
                                       with_topic)
from extract.indicators.neighbours import settle
from extract.indicators.numbers import Mention, find_mentions, spelled_mentions
from extract.indicators.roles import role_of
from extract.indicators.ranks import ordinal_rank, top_group, without_group_words
from extract.indicators.reference import Unit
from extract.indicators.scale import base_unit, based
from extract.indicators.times import has_time, measure_of, open_aside_start, pinned_time, time_only, without_time
from extract.indicators.sentences import WINDOW, period_near, sentence_at, sentence_bounds, within
from extract.indicators.units import unit_after
from extract.schema import Indicator

# Whether a figure followed by a noun units.tsv does not know is counted in that noun, the noun's
# extent told by underthesea's POS tags ("1.663 gian hàng", "3.547.970 nhân khẩu"); measured in
# docs/accuracy.md, separately from the label refinement.
NOUNS_DEFAULT = True

_LIST_NEXT = regex.compile(r"[ ]?(?:,|và)[ ]?\d")
# "; năm 2015 là 112,8": a clause that only says when, then the value
_SERIES_TIME = regex.compile(r"[\s;,]*(?:và\s+)?(?P<when>(?:năm|quý|tháng)\s+[\dIVX/]+)\s+(?:là|đạt)\s*", regex.IGNORECASE)
# the time a series item's measure was named with, before or after it ("Năm 2023 thu ngân sách")
_WHEN_END = regex.compile(r"^(?:năm|quý|tháng)\s+[\dIVX/]+,?\s+|\s+(?:năm|quý|tháng)\s+[\dIVX/]+$", regex.IGNORECASE)
_SERIES_REACH = 200  # how far back the figure a series item leaves its unit to may end
_UNITLESS_RATIO = regex.compile(r"[ ]?\(")  # "2.157/2.517 (đạt tỷ lệ 85,7%)"


def find_indicators(text: str, *, nlp: bool = False, nouns: bool | None = None, period: str | None = None,
                    exclude: list[tuple[int, int]] | None = None, context: Context | None = None) -> list[Indicator]:
    """Every indicator in ``text``, in order, ids ``i1``, ``i2`` …

    ``nlp=True`` refines labels with underthesea (see :mod:`extract.indicators.refine`);
    ``nouns`` (default ``NOUNS_DEFAULT``) counts a figure in a noun ``units.tsv`` does not
    know, told by its POS tag; ``period`` is the report period, used when the sentence
    names none; numbers inside the ``exclude`` spans (citations) are skipped; ``context``
    gives the headings above an offset and the role the document's kind gives, which a figure's
    role falls back on when its sentence says nothing (:mod:`~extract.indicators.roles`). Footnote
    marks printed as superscript digits are read past ("khoảng 15%⁸ dân số"); spans and
    ``text`` still point into ``text`` as given.

        >>> [(i.value, i.unit, i.text) for i in find_indicators("khoảng 15%⁸ dân số")]
        [(15.0, '%', '15%⁸ dân số')]
    """
    nouns = NOUNS_DEFAULT if nouns is None else nouns
    context = context or Context()
    marks = FootnoteMarks(text)
    if not marks:
        return _find(text, nlp, nouns, period, exclude, context)
    # Read the text without its marks, then give every span back in the text's own offsets.
    bare_context = Context(lambda at: context.headings_at(marks.offset(at)), context.document)
    found = _find(marks.bare, nlp, nouns, period, [(marks.to_bare(a), marks.to_bare(b)) for a, b in exclude or []],
                  bare_context)
    for ind in found:
        ind.span = marks.to_text(ind.span)
        ind.text = text[ind.span[0] : ind.span[1]]
    return found


class Context:
    """What a figure's role falls back on beyond its sentence: the titles of the sections above an
    offset (nearest first) and the role the document's kind gives (:func:`~extract.indicators.roles.document_role`)."""

    def __init__(self, headings_at=None, document: str | None = None):
        self.headings_at = headings_at or (lambda at: ())
        self.document = document

    def role(self, before: str, after: str, at: int) -> str:
        return role_of(before, after, headings=self.headings_at(at), document=self.document)


def _number(s: str) -> float | None:
    from extract.text.numbers import parse_number

    return parse_number(s)


def _explained_percent(found: list[Indicator], m: Mention, sentence_start: int) -> Indicator | None:
    """The percentage a parenthesised ``(55/133)`` explains: equal share first, else the nearest."""
    candidates = []
    for ind in reversed(found):  # found is in text order: stop at the sentence's start
        if ind.span[0] < sentence_start:
            break
        if ind.unit == "%" and ind.numerator is None:
            candidates.append(ind)
    share = 100 * m.numerator / m.denominator
    for ind in candidates:
        if ind.value is not None and abs(ind.value - share) <= 1:
            return ind
    return candidates[0] if candidates else None


class _Excluded:
    """Spans whose numbers are no indicator (citations, the header, tables), looked up by bisection."""

    def __init__(self, spans: list[tuple[int, int]] | None):
        self.spans = sorted(spans or [])

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.spans, (pos, float("inf"))) - 1
        return k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]


def _at_time(label: str | None, text: str, sentence: int, start: int, unit_end: int, unit: Unit | None,
             found: list[Indicator]) -> str | None:
    """A figure of a series is its measure at its time (:mod:`~extract.indicators.times`): a label that
    names only a time takes the measure of the series head (the nearest figure before in its sentence, in
    its unit, whose label names more), or the words before the bracket the figure sits in; then the year
    printed right after the figure ("73,6 tuổi (2019)") is added when the label names no time yet."""
    clause = within(sentence, start)
    same_unit = []  # the clause's figures in this unit; looked for back from the last, so a long text costs
    if unit is not None:  # what its clause holds, not every figure found before it
        for f in reversed(found):
            if f.span[1] <= clause:
                break
            if f.span[0] >= clause and f.unit == unit.unit:
                same_unit.append(f)
        same_unit.reverse()
    series = bool(same_unit)
    if time_only(label):
        head = next((f for f in reversed(same_unit) if not time_only(f.label)), None)
        if head is not None:
            label = measure_of(without_time(head.label))
        elif (aside := open_aside_start(text, clause, start)) is not None and (named := left_label(text[clause:aside])):
            label, series = named, True
    when = pinned_time(text, unit_end)
    # a year after a lone figure may say when a fact held ("… năm 2025"), not which value of a series it is;
    # a bracketed year, or a figure of a series, is the value then
    if label and when and (series or when.bracketed) and not time_only(label) and not has_time(label):
        label = f"{measure_of(label)} {when}"
    return label


def _find(text: str, nlp: bool, nouns: bool, period: str | None,
          exclude: list[tuple[int, int]] | None, context: Context) -> list[Indicator]:
    found = _ProseReader(text, nlp, nouns, period, exclude, context).read()
    if nlp:
        from extract.indicators.refine import refine_labels

        refine_labels(found)
    for n, ind in enumerate(found, 1):
        ind.id = f"i{n}"
    return found


class _Measured:
    """What a number phrase measures: its unit (None for a rank or a unitless ratio) and where the unit
    ends, whether the unit's noun came from the subject before the figure, and whether a scale word stands
    between the figure and its noun ("940 nghìn doanh nghiệp")."""

    __slots__ = ("unit", "unit_end", "named_before", "composed", "series")

    def __init__(self, hit, unit_end: int, named_before: bool = False, composed: bool = False,
                 series: tuple[Indicator, str] | None = None):
        self.unit, self.unit_end = hit[0] if hit else None, hit[1] if hit else unit_end
        self.named_before, self.composed = named_before, composed
        self.series = series  # (the figure whose unit and label this one's clause leaves out, its time)


class _ProseReader:
    """One pass over a text's number phrases; the state a figure's reading needs from the ones before."""

    def __init__(self, text: str, nlp: bool, nouns: bool, period: str | None,
                 exclude: list[tuple[int, int]] | None, context: Context):
        self.text, self.nlp, self.nouns, self.period, self.context = text, nlp, nouns, period, context
        self.bounds = sentence_bounds(text)
        self.excluded = _Excluded(exclude)
        self.found: list[Indicator] = []
        self.consumed_until = self.last_figure_end = -1
        self.list_head: Indicator | None = None
        self.composition = Composition()

    def read(self) -> list[Indicator]:
        text = self.text
        for m in sorted(find_mentions(text) + spelled_mentions(text), key=lambda m: m.start):
            if m.start < self.consumed_until or m.start in self.excluded:
                continue
            sentence = sentence_at(self.bounds, m.start)
            s_start = within(sentence, m.start)
            if self.found and self.found[-1].span[0] >= sentence:
                s_start = max(s_start, self.last_figure_end)  # a list: the clause starts after the previous figure
            grouped = top_group(text, m.start, m.end)
            rank = "rank" in cues_before(text[max(0, m.start - 40) : m.start]) or ordinal_rank(text, m.start, m.end) or grouped
            measured = self._measure(m, sentence, s_start, rank)
            if measured is not None:
                self._add(m, measured, sentence, s_start, rank, grouped)
        settle(self.found, text, self.bounds)
        return self.found

    def _measure(self, m: Mention, sentence: int, s_start: int, rank: bool) -> _Measured | None:
        """The unit of the figure ``m``, or None when ``m`` is no indicator (or only completes another)."""
        text, nouns = self.text, self.nlp or self.nouns
        hit = per(text, unit_after(text, m.end)) or age_measure(text, s_start, m) or per_others(text, m.end)
        if m.month_year and hit is None:
            return None
        named_before = composed = False
        if hit is None and not rank and m.denominator is None:
            hit = scaled_noun(text, m.end, nouns)
            composed = hit is not None
        if hit is None and not rank and m.denominator is None:
            clause = text[s_start : m.start]
            hit = (scaled_subject(clause, text, m.end) or unit_of_subject(clause, m.end)
                   or index_value(text[within(sentence, m.start) : m.start], m))
            named_before = hit is not None
        series = None
        if hit is None and not rank and m.denominator is None and (elided := self._elided(m, s_start)):
            hit, series = elided[:2], elided[2:]
            named_before = True
        if hit is None and not rank and nouns and m.denominator is None:
            if not_indicator(text, m.start, m.end, has_unit=False):
                return None  # a noun the table does not know is weak evidence: "6 tháng", "5 năm"
            from extract.indicators.refine import counted_noun

            hit = per(text, counted_noun(text, m.start, m.end))  # underthesea's tags, only where they decide
        if m.denominator is not None and hit is None and not rank:
            if text[m.start - 1 : m.start] == "(" and text[m.end : m.end + 1] == ")":
                target = _explained_percent(self.found, m, sentence)
                if target is not None:
                    target.numerator, target.denominator = m.numerator, m.denominator
                    return None
            if not (_UNITLESS_RATIO.match(text, m.end) and m.denominator > 12):
                return None
        elif not rank and (hit is None or not_indicator(text, m.start, m.end, has_unit=True)):
            return None
        if hit and hit[0].kind == "count" and cited(text, hit[1]):
            return None  # "60 Nghị định số 31/2021/NĐ-CP": a mark before a cited document
        return _Measured(hit, m.end, named_before, composed, series or None)

    def _elided(self, m: Mention, s_start: int):
        """A figure of a series that leaves out what the figure before it states: "… 109,8 bé trai/100 bé
        gái …; năm 2015 là 112,8, năm 2024 là 111,4" (a time and a copula only: the unit and the measure
        are the previous figure's), "1,5 triệu nam giới … và tăng lên 2,5 triệu" (a bare scale word: the
        previous figure's scaled noun). Returns (unit, unit end, previous figure, time) or None."""
        if not self.found or self.found[-1].span[1] < m.start - _SERIES_REACH or not self.found[-1].unit:
            return None
        previous = self.found[-1]
        same_sentence = previous.span[0] >= sentence_at(self.bounds, m.start)
        scale = base_unit(previous.unit)[0]
        kind = "percent" if previous.unit == "%" else previous.kind
        if kind not in {"percent", "count", "money", "quantity"}:
            return None
        unit = Unit(previous.unit, previous.unit, kind, scale)
        word = scale_after(self.text, m.end)
        if word and same_sentence and previous.unit.startswith(f"{word[0]} "):
            return unit, word[2], previous, ""
        when = _SERIES_TIME.fullmatch(self.text, s_start, m.start)
        if when and not word:
            return unit, m.end, previous, when["when"]
        return None

    def _add(self, m: Mention, measured: _Measured, sentence: int, s_start: int, rank: bool, grouped: bool) -> None:
        text, found = self.text, self.found
        unit, unit_end = measured.unit, measured.unit_end
        numerator, denominator = m.numerator, m.denominator
        denominator_after = over(text, unit_end) if unit and denominator is None and unit.kind == "count" else None
        if denominator_after and (d := _number(denominator_after.group(1))) and d >= m.value:
            numerator, denominator, self.consumed_until = m.value, d, denominator_after.end()
        else:
            denominator_after = None
        before = text[s_start : m.start]
        r = reading(before, text[m.end : m.end + 120], unit.kind if unit else None)
        if rank:
            r.kind, value, unit, unit_end = "rank", m.value, None, m.end
        elif denominator and unit is not None and unit.kind == "quantity":
            value = m.value  # a score "90,09/100 điểm": the maximum is the denominator
        elif denominator:
            r.kind = "ratio"
            value = round(numerator / denominator, 4)
        else:
            value = m.value
        noun_at = scale_after(text, m.end)[2] if measured.composed else m.end
        unit_start = noun_at + (text[noun_at : noun_at + 1] == " ")
        counted = unit is not None and unit.kind == "count" and unit_end > m.end and not measured.named_before
        previous = found[-1] if found and found[-1].span[0] >= sentence else None
        label, span = label_of(text, s_start, m.start, unit_start, unit_end, r.kind, counted, previous, self.nlp,
                               scaled=counted and unit.scale != 1 and not measured.composed)
        if rank:
            label = rank_label(label, before, text[m.end : m.end + 80], previous.label if previous else None)
        else:
            ends = previous.label if previous is not None and no_subject(before) else None
            label = change_end(label, before, text[unit_end : unit_end + 40], ends)
        if label and r.kind == "percent":
            label = of_whole(label, before, text[unit_end : unit_end + 200])
        if r.kind == "percent":
            first = next((f for f in found if f.span[0] >= sentence), None)
            label = contribution(text, s_start, m.start, unit_end, first, previous) or label
        if denominator_after is not None:  # "104.462 hồ sơ trực tuyến/108.117 tổng hồ sơ"
            label = regex.sub(r"\s*/\s*\S+\s*", " / ", right_label(text[unit_start : unit_end + 200]))
            done = "" if has_predicate(label) else action(before)
            label = f"{label} {done}".strip()  # "tiếp nhận, giải quyết 113.014 hồ sơ trực tuyến/…"
            tail = text[denominator_after.end() : denominator_after.end() + 120]  # "/108.117 tổng hồ sơ tiếp nhận"
            whole = right_label(tail)
            span = (m.start, max(span[1], denominator_after.end() + (tail.find(whole) if whole else 0) + len(whole)))
        whole = whole_of(found, text, self.bounds, sentence, m.start, unit.unit) if unit is not None and r.kind == "count" else None
        if label and whole is not None:  # a part is named from its whole, which took the topic if it needed it
            label = part_label(label, text[unit_start:unit_end] if counted else unit.unit, whole)
        elif label and r.kind in {"money", "quantity"} and unit is not None and \
                (amount := whole_of(found, text, self.bounds, sentence, m.start, unit.unit, kind=r.kind)) is not None:
            label = with_qualifier(label, amount.label)  # "…, trong đó: …, giảm lỗ là 241.266 tỷ đồng"
        elif label and r.kind == "percent" and previous is not None and previous.unit == "%" and \
                previous.label and part_of_share(text, previous.span[1], m.start):
            label = with_owner(label, previous.label)
        elif label and (counted or denominator_after is not None) and sentence >= m.start - WINDOW:
            label = with_topic(label, text[sentence : m.start], text[unit_start:unit_end])
        if label and r.kind in {"quantity", "money"} and not measured.series:
            label = listed_measure(label, text, within(sentence, m.start), m.start)
        if measured.series and measured.series[1]:  # "năm 2015 là 112,8": the measure before, at this time
            label = f"{_WHEN_END.sub('', measured.series[0].label or '')} {measured.series[1]}".strip()
        elif measured.series and measured.series[0].label:  # "và tăng lên 2,5 triệu": the same measure
            label = measured.series[0].label
        if unit is not None and unit.kind == "count" and is_part(text[unit_start:unit_end]):
            label = self.composition.label(text, m.start, text[unit_start:unit_end]) or label
        if not rank:
            label = _at_time(label, text, sentence, m.start, unit_end, unit, found)
        if label and grouped:
            label = without_group_words(label)  # "Xếp hạng … trong nhóm": the words that made it a rank
        label = clean(label)
        ind = Indicator(
            id="", text=text[span[0] : span[1]], label=label, kind=r.kind, value=value,
            unit=unit.unit if unit else None, numerator=numerator, denominator=denominator,
            direction=r.direction, baseline=r.baseline, period=None, span=span,
            approx=r.approx, value_max=m.value_max,
        )
        ind.base_value, ind.base_unit = based(ind)
        ind.role = self.context.role(text[within(sentence, m.start) : m.start], text[unit_end : unit_end + 40], m.start)
        ind.period = period_near(text, within(sentence, m.start), m.start) or self.period
        head = self.list_head
        if head is not None and previous is head and counted and label and label.startswith(
                text[unit_start:unit_end]) and has_predicate(label):
            # "5 tập thể, 18 cá nhân được …": the first takes the predicate, not "cấp xã" of "34 UBND cấp xã đang …"
            head.label = head.label + predicate(label)
        bare = max(unit_end, span[1]) - unit_end <= 12  # "5 tập thể", "07 sở, ngành": no predicate of its own
        self.list_head = ind if counted and bare and _LIST_NEXT.match(text, max(unit_end, span[1])) else None
        if self.list_head is not None:  # "07 sở, ngành và 34 UBND cấp xã đang …": the predicate comes later
            ind.label = text[unit_start : max(unit_end, span[1])]
        found.append(ind)
        self.last_figure_end = max(unit_end, self.consumed_until, span[1])
