"""Counted nouns (``find_indicators(text)``, unless ``nouns=False``) and labels (``nlp=True``) refined with underthesea.

    >>> trim_label("tỷ lệ tăng dân số lại giảm")  # doctest: +SKIP
    'tỷ lệ tăng dân số'
    >>> counted_noun("1.016 thuyền trưởng, 1.139 máy trưởng", 0, 5)  # doctest: +SKIP
    ('thuyền trưởng', 20)

Two uses, both measured in ``docs/accuracy.md``: a figure followed by a noun that
``units.tsv`` does not know is counted in that noun (word segmentation and POS
say where the noun ends), unless the figure cannot count things or the words
around it make it a designation, a formula's term or foreign text (precision of
those counts outside the gold: ``scripts/evaluate.py counted-nouns``); a label
placed before its figure loses the verbs and adverbs that trail its last noun
("TFR của Việt Nam đã giảm" → "TFR của Việt Nam") and the conjunctions that lead it.
"""

from __future__ import annotations

from functools import cache

import regex

from extract import nlp
from extract.indicators.kinds import cue_at_end, scale_after
from extract.indicators.reference import Unit
from extract.text.quality import is_syllable, words

_NOUN = {"N", "Nc", "Nu"}
# A foreign word right after a figure is what it counts: "Chặn 5 website vi phạm".
_FIRST_NOUN = _NOUN | {"FW"}
_LEADING = {"C", "CC", "R", "CH", "E"}
_TRAILING = {"V", "R", "A", "CH", "C", "E"}
# Things are counted whole, in numbers that are neither years nor codes: "1,5 dòng" is a spacing,
# "2030 thẩm quyền" a year a table's cell ran into the next one, "0615163" a code.
_NOT_A_COUNT = regex.compile(r".*,.*|(?:19|20)\d\d|0\d{3,}")
_RATE = regex.compile(r"[ ]?t[ỷỉ][ ](?:lệ|trọng|suất|giá)(?![\p{L}])", regex.IGNORECASE)  # a rate counts nothing
_NUMBERED = regex.compile(r"[ ]?\d+(?![\p{L}\p{N}])")  # "năm 2019", "Điều 22"; "trạm 5G" is a name
# A Roman numeral after the noun designates it ("Trung ương 6 khóa XII"); a number after "x" makes the
# figure an operand of a product ("2 phòng x 05 ngày").
_DESIGNATED = regex.compile(r"[ ]?(?:[IVXLC]+(?![\p{L}\p{N}])|[x×][ ]?\d)")
# A line that opens with a symbol and "=" defines a formula: "TFW = Tổng 13 loại xếp hạng …".
_DEFINITION = regex.compile(r"\s*[\p{L}\p{N}_]+(?:[ ][\p{L}\p{N}_]+)?[ ]?=(?![=<>])")


def counted_noun(text: str, start: int, end: int) -> tuple[Unit, int] | None:
    """The noun (one or two nouns long) that the figure ``text[start:end]`` counts, as a count unit, and its end."""
    window = text[end : end + 40].split("\n", 1)[0]
    if not window.startswith(" ") or not window[1:3].isalpha():  # "x TFW", "5 x 3": a letter is no noun
        return None
    # A scale word opens no counted noun: "25 tỷ đô" is money (units.tsv), "20 Tỷ lệ suy dinh dưỡng"
    # a footnote's number before a rate.
    if _NOT_A_COUNT.fullmatch(text, start, end) or scale_after(text, end) or _RATE.match(text, end):
        return None
    if in_other_language(window) or in_formula(text, start) or _opens_no_noun(window):
        return None
    tagged = nlp.pos_tag(window.strip())
    nouns = []
    for word, tag in tagged[:2]:
        if tag not in (_NOUN if nouns else _FIRST_NOUN):
            break
        nouns.append(word)
    if not nouns:
        return None
    if len(nouns) == 2 and _NUMBERED.match(text, end + 1 + len(" ".join(nouns))):
        nouns.pop()  # "53 dân tộc thiểu số năm 2019": the numbered noun is not what is counted
    phrase = " ".join(nouns)
    at = text.find(phrase, end)
    if at != end + 1 or designated(text, at + len(phrase), phrase) or numbers_noun_before(text, start, end):
        return None
    return Unit(phrase, phrase, "count", 1.0), at + len(phrase)


def _opens_no_noun(window: str) -> bool:
    """Whether the first word after the figure is one that never opens a noun ("và", "của", "sẽ" …)."""
    first = window.split(None, 1)[0].casefold() if window.strip() else ""
    return first in _not_nouns() or first.rstrip(",.;:") in _not_nouns()


@cache
def _not_nouns() -> frozenset[str]:
    from extract.indicators.reference import word_list

    return frozenset(word_list("not_noun_words.txt"))


def numbers_noun_before(text: str, start: int, end: int) -> bool:
    """Whether a figure of one or two digits right after a noun numbers that noun rather than counting the
    next one: "phương án 2 vượt trội", "theo chuẩn 06 bậc". A cue word before it is no such noun
    ("trên 50 loại khoáng sản"), and a figure with a thousands dot is an amount."""
    left = text[max(0, start - 30) : start].rsplit("\n", 1)[-1]
    if end - start > 2 or not left.endswith(" ") or not left.strip() or cue_at_end(left):
        return False
    return nlp.pos_tag(left.strip())[-1][1] == "N"


def designated(text: str, after: int, noun: str) -> bool:
    """Whether the noun ending at ``after`` is named by what follows it, so that the figure before it is
    one of a list of references ("khoản 2, 3 Điều 22": a title-case noun and a number) or a factor.
    "Cả 2 phương án 1 và 2" counts two options that are then numbered."""
    return bool(_DESIGNATED.match(text, after) or noun[:1].isupper() and _NUMBERED.match(text, after))


def in_other_language(window: str) -> bool:
    """Whether the words after a figure run on in another language or in OCR debris: two words that are no
    Vietnamese syllable ("1 default tab", "5-6 cc 2t ct"); one foreign noun is counted ("106 website/ứng dụng")."""
    first_two = words(window)[:2]
    return len(first_two) == 2 and not any(is_syllable(w) for w in first_two)


def in_formula(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is a term of the formula its line defines ("TFW = Tổng 13 loại xếp
    hạng"); a comparison in prose ("nam nữ >= 20 tuổi") defines nothing."""
    return bool(_DEFINITION.match(text, text.rfind("\n", 0, start) + 1, start))


def has_verb(phrase: str) -> bool:
    """Whether the words after a counted noun say what was done ("đạt mức sinh thay thế")."""
    return any(tag == "V" for _, tag in nlp.pos_tag(phrase)) if phrase.strip() else False


def trim_label(label: str) -> str:
    """A label without leading conjunctions or adverbs and without verbs after its last noun."""
    tagged = list(nlp.pos_tag(label))
    while tagged and tagged[0][1] in _LEADING:
        tagged.pop(0)
    if any(tag in _NOUN or tag == "Np" for _, tag in tagged):
        while tagged and tagged[-1][1] in _TRAILING:
            tagged.pop()
    if not tagged:
        return label
    first, last = tagged[0][0], tagged[-1][0]
    start = label.find(first)
    end = label.rfind(last) + len(last)
    return label[start:end] if 0 <= start < end else label


def refine_labels(found) -> None:
    """Trim the labels that stand before their figure (count labels name an action: kept)."""
    for ind in found:
        if ind.label and ind.kind != "count" and ind.text.startswith(ind.label):
            ind.label = trim_label(ind.label)
