"""What a figure measures when its unit is not simply printed after it: a density ("52 người/km2"), an
age that is measured, an index's value, a scale word and the noun it counts ("940 nghìn doanh nghiệp"),
a bare scale word counting the subject's noun ("số lượng người … đạt 2,77 tỷ"), the unit its subject
names ("Tổng số hồ sơ … là 120.088"), and a denominator after the numerator's unit.

    >>> u, end = per("52 người/km2 năm 1993", unit_after("52 người/km2 năm 1993", 2))
    >>> u.unit, u.kind, end
    ('người/km2', 'quantity', 12)
"""

from __future__ import annotations

from functools import cache

import regex

from extract.indicators.filters import not_indicator, time_after
from extract.indicators.kinds import scale_after
from extract.indicators.numbers import Mention, find_mentions
from extract.indicators.reference import Unit
from extract.indicators.units import unit_after

# "52 người/km2", "109,8 bé trai/100 bé gái": things counted per area, per time or per N others are a density
_PER = regex.compile(r"/[ ]?((?:km2|km²|m2|m²|ha|năm|tháng|tuần|ngày|giờ)|\d[\d.]* \p{L}+(?: \p{L}+)?)(?![\p{L}\p{N}])",
                     regex.IGNORECASE)
# "104.462 hồ sơ trực tuyến/108.117 tổng hồ sơ": the denominator after the numerator's unit, with no
# other number between ("2 Nghị quyết số 192/2025/QH15": the slash is the cited document's).
_OVER = regex.compile(r"[^/.;:()\n,\d]{0,50}?[ ]?/[ ]?(\d{1,3}(?:\.\d{3})+|\d+)(?![\p{N}]|[.,/]\p{N})")
# "60 Nghị định số 31/2021/NĐ-CP", "2 Nghị quyết 192/2025/QH15": one cited document, numbered after
# its type; the figure before it is a footnote's or a list's mark, no count of documents.
# A range after the noun ("1,5 triệu nam giới 15-49 tuổi") is no document number: a dash needs a code.
_CITED = regex.compile(r"[ ]?(?:số[ ]?)?\d+[ ]?(?:/|-[ ]?\p{Lu})")
COUNT_SUBJECT = regex.compile(r"(?<![\p{L}])(?:tổng số|số lượng|số)\s+", regex.IGNORECASE)
_COPULA_END = regex.compile(r"(?:\blà|:)\s*$")
_INDEX_SUBJECT = regex.compile(r"(?i)(?<![\p{L}])(?:chỉ số|hệ số)(?![\p{L}])")
_AGE = regex.compile(r"[ ]?tuổi(?![\p{L}])", regex.IGNORECASE)
_AGE_MEASURE = regex.compile(r"(?i)tuổi thọ|tuổi (?:trung bình|bình quân)|(?:trung bình|bình quân) tuổi")


def per(text: str, hit):
    """A count unit followed by "/km2", "/năm", "/100 bé gái" becomes a density, a quantity in "người/km2"."""
    if hit is None or hit[0].kind != "count":
        return hit
    found = _PER.match(text, hit[1])
    if found is None:
        return hit
    unit = f"{hit[0].unit}/{found[1].replace('km²', 'km2').replace('m²', 'm2')}"
    return Unit(unit, unit, "quantity", hit[0].scale), found.end()


def cited(text: str, unit_end: int) -> bool:
    """Whether a number follows the counted noun ending at ``unit_end``, as a cited document's number.

        >>> text = "60 Nghị định số 31/2021/NĐ-CP"
        >>> cited(text, unit_after(text, 2)[1]), cited("ban hành 02 Nghị quyết QPPL", 22)
        (True, False)
        >>> cited("dư thừa 1,5 triệu nam giới 15-49 tuổi", 26)
        False
    """
    return bool(_CITED.match(text, unit_end))


# "109,8 bé trai/100 bé gái": things counted per a number of others, whatever the nouns
_PER_OTHERS = regex.compile(r"[ ]?(\p{Ll}+(?: \p{Ll}+)?)[ ]?/[ ]?(\d[\d.]*[ ]\p{Ll}+(?: \p{Ll}+)?)(?![\p{L}\p{N}])")


def per_others(text: str, at: int):
    """ "109,8 bé trai/100 bé gái": a quantity per a number of others, read from the words themselves
    (a decimal figure counts nothing one by one, so no counted noun is looked for).

        >>> u, end = per_others("ở mức 109,8 bé trai/100 bé gái sinh ra", 11)
        >>> u.unit, u.kind, end
        ('bé trai/100 bé gái', 'quantity', 30)
    """
    m = _PER_OTHERS.match(text, at, at + 120)  # bounded: the regex module's match scans to endpos
    if not m or time_after(text, at):  # "08 giờ/1 người": a duration per person, no density
        return None
    unit = f"{m[1]}/{m[2]}"
    return Unit(unit, unit, "quantity", 1.0), m.end()


def over(text: str, at: int) -> regex.Match | None:
    """The "/108.117 …" after a count's unit: group 1 is the denominator."""
    return _OVER.match(text, at)


def index_value(clause: str, m: Mention):
    """ "Chỉ số HDI của Việt Nam là 0,696": a decimal figure that an index or a coefficient takes is a
    quantity with no unit (whole numbers stay out: "Chỉ số 766 …" names the index).

        >>> u, end = index_value("Chỉ số HDI của Việt Nam là ", find_mentions("0,696")[0])
        >>> u.kind, u.unit, end
        ('quantity', None, 5)
    """
    if "," not in m.text or m.value >= 1000 or not _INDEX_SUBJECT.search(clause):
        return None
    return Unit("", None, "quantity", 1.0), m.end


def age_measure(text: str, s_start: int, m: Mention):
    """ "tuổi thọ trung bình … từ 72,8 tuổi": an age that the clause measures (a life expectancy, a mean
    age) is a quantity, where "trẻ em dưới 6 tuổi" is a threshold; a decimal age is always measured.

        >>> text = "Tuổi thọ trung bình đạt 74 tuổi"
        >>> age_measure(text, 0, find_mentions(text)[0])
        (Unit(form='tuổi', unit='tuổi', kind='quantity', scale=1.0), 31)
    """
    age = _AGE.match(text, m.end)
    if not age or not ("," in m.text or _AGE_MEASURE.search(text, s_start, m.start)):
        return None
    return Unit("tuổi", "tuổi", "quantity", 1.0), age.end()


def scaled_noun(text: str, at: int, nouns: bool):
    """ "hơn 940 nghìn doanh nghiệp", "70 tỷ kiện hàng": a scale word, then the noun it counts
    (from ``units.tsv``, else, with ``nouns``, the noun underthesea tags there).

        >>> u, end = scaled_noun("940 nghìn doanh nghiệp và", 3, nouns=False)
        >>> u.unit, u.scale, end
        ('nghìn doanh nghiệp', 1000.0, 22)
    """
    scale = scale_after(text, at)
    if scale is None:
        return None
    word, factor, end = scale
    noun = unit_after(text, end)
    if noun is None and nouns and not not_indicator(text, at, end, has_unit=False):
        from extract.indicators.refine import counted_noun

        # the scale word stands as the figure: "2,77 tỷ" may count; "28,4 tỷ năm 2024" says when, not what
        noun = counted_noun(text, at, end)
    scaled = _counted_in_scale(noun[0] if noun else None, word, factor)
    return (scaled, noun[1]) if scaled else None


def scaled_subject(clause: str, text: str, at: int):
    """ "số lượng người mua sắm trực tuyến đạt 2,77 tỷ": a bare scale word counts the noun its subject
    names, in that scale ("tỷ người"); without such a subject the figure says nothing of what it counts.

        >>> u, end = scaled_subject("số lượng người mua sắm đạt ", "2,77 tỷ vào năm 2025", 4)
        >>> u.unit, u.scale, end
        ('tỷ người', 1000000000.0, 7)
        >>> scaled_subject("Tổng thu ngân sách đạt ", "28,4 tỷ năm 2024", 4)[0].unit  # money, đồng implied
        'tỷ đồng'
    """
    scale = scale_after(text, at)
    if scale is None:
        return None
    word, factor, end = scale
    while more := scale_after(text, end):  # "5,3 nghìn tỷ": the scale words multiply
        word, factor, end = f"{word} {more[0]}", factor * more[1], more[2]
    subject = COUNT_SUBJECT.search(clause)
    noun = unit_after(clause, subject.end()) if subject else None
    scaled = _counted_in_scale(noun[0] if noun else None, word, factor)
    if scaled is None and _money_subject().search(clause):
        scaled = Unit(f"{word} đồng", f"{word} đồng", "money", factor)  # "Tổng thu ngân sách đạt 28,4 tỷ"
    return (scaled, end) if scaled else None


@cache
def _money_subject() -> regex.Pattern:
    """Subjects measured in money, whose bare "tỷ", "triệu" are đồng (``extract/data/money_subjects.txt``)."""
    from extract.indicators.reference import word_list

    words = sorted(word_list("money_subjects.txt"), key=len, reverse=True)
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{'|'.join(map(regex.escape, words))})(?![\p{{L}}])")


def _counted_in_scale(noun, word: str, factor: float):
    """A counted noun's or a measure's unit in a scale ("nghìn" + "doanh nghiệp", "tỷ" + "m³" → "tỷ m3");
    None for no noun, or a unit with its own scale, or one no scale word multiplies (money, a share)."""
    if noun is None or noun.kind not in {"count", "quantity"} or noun.scale != 1:
        return None
    return Unit(f"{word} {noun.unit}", f"{word} {noun.unit}", noun.kind, factor)


def unit_of_subject(clause: str, at: int):
    """ "Tổng số hồ sơ … là 120.088": the unit named by the subject, when no unit follows.

        >>> unit_of_subject("Tổng số hồ sơ tiếp nhận là ", 30)[0].unit
        'hồ sơ'
    """
    if not _COPULA_END.search(clause):
        return None
    m = COUNT_SUBJECT.search(clause)
    if not m:
        return None
    hit = unit_after(clause, m.end())
    return (hit[0], at) if hit and hit[0].kind == "count" else None
