"""Turn pattern matches into :class:`~extract.schema.Citation` fields.

    >>> [c.key for c in find_all("Nghị định số 04/NĐ-CP ngày 09/01/2015 của Chính phủ")]
    ['NĐ|4|CP|2015']
    >>> c = find_all("Chỉ thị số 08 – CT/TU ngày 25-5-2021 của Ban Thường vụ Tỉnh ủy về công tác dân vận;")[0]
    >>> c.symbol, c.date, c.issuer, c.subject
    ('08-CT/TU', '2021-05-25', 'Ban Thường vụ Tỉnh ủy', 'về công tác dân vận')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from collections.abc import Iterator
from itertools import takewhile

import regex

from extract.citations import patterns as P
from extract.citations.issuers import canonical_issuer, issuer_name, known_issuer
from extract.citations.tables import (
    DocType,
    canonical_type_code,
    code_name,
    doc_type_for_word,
    fold,
    issuer_words,
    law_names,
)
from extract.schema import Citation

_SPLIT = regex.compile(rf"\s*({P.DASH}|/)\s*")
_DASH = regex.compile(P.DASH)
_YEAR = regex.compile(r"(?:19|20)\d\d")
_CODE_SEP = regex.compile(r"[-/]")
# "Nghị quyết Hội nghị Trung ương Đảng lần thứ 4" is keyed "NQ|TW 4"
_CENTRAL_COMMITTEE = regex.compile(r"^(?:Hội nghị\s+)?(?:BCH\s+)?(?:Trung ương|TW)\s+(?:Đảng\s+)?(?:lần thứ\s+)?")
_WS = regex.compile(r"\s+")


@dataclass(slots=True)
class Symbol:
    number: str
    year: int | None
    type_code: str | None
    issuer_code: str | None
    issuer_part: str  # the key's issuer part: everything after the type code
    text: str  # normalized: no spaces, ASCII hyphen
    end: int  # where the symbol really ends in the match (trailing words trimmed)


def _is_code(segment: str, upper_mode: bool) -> bool:
    return not upper_mode or any(c.isupper() for c in segment) or segment.isdigit()


_SEGMENT = regex.compile(P.SEGMENT)


def _segment_ends(code: str) -> list[int]:
    """Where each segment of a printed code ends, spaces around separators included in between."""
    return [m.end() for m in _SEGMENT.finditer(code)]


def _unglue(segments: list[str], seps: list[str], word_code: str | None) -> tuple[list[str], list[str]]:
    """"20/2017/TTBTC": a type code glued to a known issuer is split where the hyphen was lost."""
    head = segments[0]
    if (word_code and len(head) > len(word_code) and canonical_type_code(head[: len(word_code)]) == word_code
            and known_issuer(head[len(word_code) :])):
        return [head[: len(word_code)], head[len(word_code) :], *segments[1:]], ["-", *seps]
    return segments, seps


def parse_symbol(m: regex.Match, word_code: str | None = None) -> Symbol | None:
    """Read number, year, type code and issuer from a SYMBOL match; None when it is no symbol.
    ``word_code`` is the code of the type word printed before it, if any."""
    number = m["number"].replace("O", "0").replace("o", "0")
    code = m["code"]
    pieces = _SPLIT.split(code)
    segments, seps = pieces[0::2], ["-" if s != "/" else "/" for s in pieces[1::2]]
    upper_mode = any(any(c.isupper() for c in s) for s in segments)
    keep = len(segments)
    while keep > 1 and not _is_code(segments[keep - 1], upper_mode):
        keep -= 1
    segments, seps = segments[:keep], seps[: keep - 1]
    end = m.start("code") + _segment_ends(code)[keep - 1]
    if canonical_type_code(segments[0]) is None:
        segments, seps = _unglue(segments, seps, word_code)
    party = _DASH.fullmatch(m["sep"].strip()) is not None and m["year"] is None
    type_code = canonical_type_code(segments[0]) if len(segments) > 1 else None
    if type_code and party and seps[0] != "/":
        return None  # "5-7%"-like runs: a Party symbol is TYPE/ISSUER
    rest = segments[1:] if type_code else segments
    rest_seps = seps[1:] if type_code else seps
    rest = [canonical_issuer(s) for s in rest]
    issuer_part = rest[0] + "".join(sep + seg for sep, seg in zip(rest_seps, rest[1:]))
    issuer_code = issuer_part if type_code else rest[0]
    head = f"{number}{'-' if party else '/'}" + (f"{m['year']}/" if m["year"] else "")
    text = head + (f"{type_code}{seps[0]}" if type_code else "") + issuer_part
    return Symbol(number, int(m["year"]) if m["year"] else None, type_code, issuer_code, issuer_part, text, end)


@dataclass(slots=True)
class Tail:
    end: int
    date: str | None = None
    issuer: str | None = None
    term: str | None = None
    subject: str | None = None


def _date(m: regex.Match) -> str | None:
    try:
        return dt.date(*(int(m[g].replace(" ", "")) for g in ("y", "m", "d"))).isoformat()
    except ValueError:
        return None


# How far after a citation its tail may reach. Bounding the match also keeps ``regex``
# from scanning the rest of a long text for a literal the pattern needs.
WINDOW = 800


def _at(pattern: regex.Pattern, text: str, pos: int) -> regex.Match | None:
    return pattern.match(text, pos, min(len(text), pos + WINDOW))


def _clean(s: str) -> str:
    return _WS.sub(" ", s).strip(" ,")


_TOKEN = regex.compile(r"\S+")
# Words never part of an organ's name: those that carry the clause on, and the term ("… Trung
# ương Đảng khóa XII" is the organ of that term)
_NOT_NAME_WORDS = frozenset(
    {"đã", "đang", "sẽ", "được", "về", "là", "có", "thì", "để", "nhằm", "tại", "theo", "với", "khóa", "khoá"}
)
_TRAILING_MARKS = "'’…\""
_ONE_WORD_HEADS = frozenset(h.casefold() for h in P.ONE_WORD_HEADS)


def trim_issuer(phrase: str) -> str:
    """The organ's name at the head of an issuer phrase, without the words that follow it.

        >>> trim_issuer("Chủ tịch UBND tỉnh công bố thủ tục hành chính")
        'Chủ tịch UBND tỉnh'
        >>> trim_issuer("Ban Dân vận Tỉnh ủy và Ban cán sự đảng UBND tỉnh")
        'Ban Dân vận Tỉnh ủy và Ban cán sự đảng UBND tỉnh'

    A lower-case syllable belongs to the name right after a capitalized one ("Chính phủ")
    or when ``issuer_words.txt`` lists it ("nhân dân tỉnh"); "và" only before a capital;
    a word of the clause ("… Trần Lưu Quang đã") or the term ("khóa XII") never. A mark glued
    to a word ends the name ("Thủ tướng Chính phủ'", "Đảng…").
    """
    tokens = _TOKEN.findall(_clean(phrase))
    kept: list[str] = []
    for i, tok in enumerate(tokens):
        head, bare = tok[0], tok.rstrip(_TRAILING_MARKS)
        if bare != tok:
            if bare and (head.isupper() or head.isdigit() or kept):
                kept.append(bare)
            break
        if tok.casefold() in _NOT_NAME_WORDS:
            break
        if head.isupper() or head.isdigit():
            kept.append(tok)
        elif not kept and tok.casefold() in _ONE_WORD_HEADS and i + 1 < len(tokens) and tokens[i + 1][0].isupper():
            kept.append(tok)  # "sở Thông tin …": the head typed in lower case
        elif tok == "và":
            if i + 1 < len(tokens) and tokens[i + 1][0].isupper():
                kept.append(tok)
            else:
                break
        elif tok in issuer_words() or (kept and kept[-1][0].isupper() and kept[-1] != "và"):
            kept.append(tok)
        else:
            break
    return " ".join(kept)


def parse_tail(text: str, pos: int, coded: str | None = None, numbered: bool = False) -> Tail:
    """Term, date and issuer in any order after ``pos``, then the subject; only a ``numbered``
    document's title may open with a verb ("Luật … sửa đổi" names a law). ``coded`` is the
    organ the symbol's code names: a "của …" at the subject's end that names the same organ
    at another level belongs to the subject ("… theo mô hình tập trung của Bộ Khoa học và
    Công nghệ" in a công văn of the Sở Khoa học và Công nghệ)."""
    tail = Tail(end=pos)
    if years := _at(P.SPAN_OF_YEARS, text, pos):
        tail.end = years.end()
    for _ in range(4):
        if tail.term is None and (m := _at(P.TERM, text, tail.end)):
            tail.term = "khóa " + m["term"].split()[-1].upper()
            tail.end = m.end()
        elif tail.date is None and (m := _at(P.DATE, text, tail.end)) and (d := _date(m)):
            tail.date = d
            tail.end = m.end()
        elif tail.issuer is None and (m := _at(P.TASK_BODY, text, tail.end)):
            tail.issuer, tail.end = _clean(m["issuer"]), m.end("issuer")
        elif tail.issuer is None and (m := _at(P.JOINT_MINISTRIES, text, tail.end)) and (end := _joint_end(text, m)):
            tail.issuer, tail.end = _clean(text[m.start("joint") : end]), end
        elif tail.issuer is None and (m := _at(P.ISSUER, text, tail.end)) and (who := trim_issuer(m["issuer"])):
            start = m.start("issuer")
            if (wrapped := _at(P.HEAD_WRAPPED, text, start)) and (more := _at(P.ISSUER_REST, text, wrapped.end())):
                # a lone "Bộ" at the end of a line: read the name on from the next line
                who = trim_issuer(f"{wrapped['head']} {more['issuer']}")
                tail.issuer, tail.end = who, more.start("issuer") + _end_of(more["issuer"], who.split(None, 1)[1])
            else:
                tail.issuer, tail.end = who, start + _end_of(m["issuer"], who)
        else:
            break
    if m := (_at(P.QUOTED, text, tail.end) or _at(P.SUBJECT, text, tail.end)
             or (numbered and _at(P.TITLE, text, tail.end))):
        subject = m["subject"]
        if "intro" in m.groupdict() and (stop := P.SUBJECT_END.search(subject)):
            subject = subject[: stop.start()]
        subject = _clean(subject)
        if (tail.issuer is None and intro_is_ve(m) and not P.NESTED_CITATION.search(subject)
                and (late := late_issuer(subject))
                and not (coded and _other_level(late[0], coded))):
            tail.issuer = late[0]
            subject = _clean(subject[: late[1]])
        intro = m.groupdict().get("intro")
        tail.subject = f"{_clean(intro)} {subject}" if intro else subject
    return tail


_OF = regex.compile(r"\s+của\s")


def late_issuer(subject: str) -> tuple[str, int] | None:
    """The organ a "của …" at the subject's very end names, and where that phrase starts:
    a body named for its task with its whole remit ("… trên địa bàn tỉnh của Ban chỉ đạo triển
    khai Chiến dịch"), else an organ head and the name that follows it."""
    for of in reversed(list(_OF.finditer(subject))):
        if (body := P.TASK_BODY.match(subject, of.start())) and body.end() == len(subject):
            return _clean(body["issuer"]), of.start()
    if late := P.LATE_ISSUER.search(subject):
        return trim_issuer(late["issuer"]), late.start()
    return None


def _joint_end(text: str, m: regex.Match) -> int | None:
    """Where the ministries named after "liên Bộ" end: each dash-separated name trimmed as an organ's."""
    if not (rest := _at(P.ISSUER_REST, text, m.end())):
        return None
    kept = list(takewhile(bool, (trim_issuer(part) for part in P.MINISTRY_DASH.split(rest["issuer"]))))
    return rest.start("issuer") + _end_of(rest["issuer"], " ".join(kept)) if kept else None


def intro_is_ve(m: regex.Match) -> bool:
    return (m.groupdict().get("intro") or "").casefold().startswith("về")


def _end_of(raw: str, kept: str) -> int:
    """Length of the prefix of ``raw`` that holds the words of ``kept`` (spacing may differ)."""
    pos = 0
    for word in kept.split():
        pos = raw.index(word, pos) + len(word)
    return pos


def _initials(name: str) -> str:
    """ "Hội đồng nhân dân tỉnh" → "HĐNDT", "UBND tỉnh" → "UBNDT": an organ's name as a code reads it."""
    return fold("".join(w if w.isupper() else w[0] for w in name.split() if w != "và")).upper()


def _other_level(phrase: str, coded: str) -> bool:
    """ "Bộ Khoa học và Công nghệ" against "Sở Khoa học và Công nghệ": one name, another level."""
    said, code = _initials(phrase), _initials(coded)
    return said != code and len(said) > 2 and said[1:] == code[1:]


def leading(text: str, start: int) -> tuple[str | None, str | None]:
    """Date and issuer said before the citation, in the sentence that opens with the date. In
    "X tham mưu Y ban hành …" the organ that issues is Y, the one the advising organ turns to.

        >>> leading("Ngày 10/02/2022, Bộ Chính trị ban hành Nghị quyết số 10-NQ/TW", 39)
        ('2022-02-10', 'Bộ Chính trị')
        >>> said = "từ ngày 01/7/2025, Sở Nội vụ đã tham mưu UBND tỉnh ban hành Kế hoạch số 213/KH-UBND"
        >>> leading(said, said.index("Kế hoạch"))[1]
        'UBND tỉnh'
    """
    if m := P.LEADING_DATE.search(text[max(0, start - 120) : start]):
        return _date(m), trim_issuer(P.ADVISED.split(m["who"])[-1]) or None
    return None, None


def key_number(number: str) -> str:
    """Leading zeros dropped: "04" → "4", "66.7" stays."""
    whole, dot, rest = number.partition(".")
    return str(int(whole)) + dot + rest


def _key(type_part: str, number: str, issuer_part: str | None, year: int | None) -> str:
    parts = [type_part, key_number(number)]
    if issuer_part:
        parts.append(issuer_part.upper())
    if year:
        parts.append(str(year))
    return "|".join(parts)


def coded_organ(sym: Symbol) -> str | None:
    """The organ a symbol's code names. Where the symbol has no type code and its first segment
    names no organ either, that segment is a type code the tables do not know or a mistyped
    one ("Thông báo số 565/TN-VPCP" for TB-VPCP), and the organ is the next segment's."""
    if not sym.issuer_code:
        return None
    if (name := issuer_name(sym.issuer_code)) or sym.type_code:
        return name
    after_first = _CODE_SEP.split(sym.issuer_part, maxsplit=1)[1:]
    return issuer_name(after_first[0]) if after_first else None


def _full(text: str, word: DocType, start: int, sym: Symbol) -> Citation:
    coded = coded_organ(sym)
    tail = parse_tail(text, sym.end, coded, numbered=True)
    before_date, before_issuer = leading(text, start)
    tail.date = tail.date or before_date
    year = sym.year
    key_year = year or (int(tail.date[:4]) if word.normative and tail.date else None)
    generic = word.type_code == "CV"
    doc_type = (code_name(sym.type_code) if generic and sym.type_code else None) or word.doc_type
    if before_issuer and coded and _initials(before_issuer).startswith(_initials(coded)):
        before_issuer = None  # "Ngày …, UBND tỉnh ban hành …/QĐ-UBND": the code already names that organ
    issuer = tail.issuer or before_issuer or coded
    return Citation(
        id="",
        text=text[start : tail.end].strip(),
        form="full",
        doc_type=doc_type,
        type_code=sym.type_code,
        number=sym.number,
        year=year,
        symbol=sym.text,
        issuer_code=sym.issuer_code,
        issuer=issuer,
        date=tail.date,
        subject=tail.subject,
        term=tail.term,
        key=_key(sym.type_code or word.key_code, sym.number, sym.issuer_part, key_year),
        span=(start, tail.end),
    )


def type_words(text: str) -> list[int] | None:
    """Where a type word starts in ``text`` (:data:`~patterns.WORD_SCAN`), found once for every
    pattern that opens with one; None where lower-casing would move the offsets."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer
        return None
    return [w.start() for w in P.WORD_SCAN.finditer(lowered)]


def scan(pattern: regex.Pattern, text: str, words: list[int] | None):
    """``pattern.finditer(text)``, tried only where a type word starts (``words``, from :func:`type_words`)."""
    if words is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in words:
        if start >= end and (m := _at(pattern, text, start)):
            end = m.end()
            yield m


def _full_citations(text: str, words: list[int] | None) -> list[Citation]:
    found = []
    for m in scan(P.FULL, text, words):
        word = doc_type_for_word(m["word"])
        sym = parse_symbol(m, word.type_code)
        if sym is None:
            continue
        cite = _full(text, word, m.start(), sym)
        found.append(cite)
        pos = cite.span[1]
        while c := _at(P.CONTINUATION, text, pos):
            sym = parse_symbol(c, word.type_code)
            if sym is None:
                break
            start = c.start("so") if c["so"] else c.start("number")
            nxt = _full(text, word, start, sym)
            found.append(nxt)
            pos = nxt.span[1]
    return _share_issuers(text, found)


_JOINED = regex.compile(r"\s*(?:,|và|,\s*và)\s*")
_SAID = regex.compile(r"\s(?:của|giữa)\s")


def _share_issuers(text: str, cites: list[Citation]) -> list[Citation]:
    """Documents joined by "và" or a comma share the organ said after the last of them: "Kế
    hoạch số 8016/KH-UBND ngày 01/10/2020 và Kế hoạch số 3563/KH-UBND ngày 01/6/2021 của UBND
    tỉnh Lâm Đồng". Only a document that names no organ itself takes it, and only where its own
    code names that organ (a "của UBND tỉnh" never passes to a …/QĐ-TTg)."""
    said = {id(c) for c in cites if _SAID.search(c.text)}
    for first, nxt in reversed(list(zip(cites, cites[1:]))):
        coded = issuer_name(first.issuer_code) if first.issuer_code else None
        if (coded and id(nxt) in said and id(first) not in said
                and _JOINED.fullmatch(text, first.span[1], nxt.span[0])
                and _initials(nxt.issuer).startswith(_initials(coded))):
            first.issuer = nxt.issuer
            said.add(id(first))
    return cites


# How far the next item of a typed list may be from the last: a footnote list may be cut
# by a page break and go on after the next page's body text.
LIST_REACH = 4000


def _list_items(text: str, taken: "Taken") -> list[Citation]:
    """Items "(n) số <symbol>" of a list the type word heads ("06 Nghị quyết: (1) số 24-NQ/TW …"),
    numbered on from 1, each carrying the head's type code; an item that names its type
    again ("(6) số Nghị quyết 19-NQ/TW") is a full citation already and ends the run."""
    found = []
    for first in P.FIRST_ITEM.finditer(text):
        if not (head := P.LIST_HEAD.match(text, 0, first.start())):
            continue
        word = doc_type_for_word(head["word"])
        pos, expected = head.end(), 1
        while m := _next_item(text, pos, expected):
            sym = parse_symbol(m, word.type_code)
            if sym is None or sym.type_code != word.type_code or m.span() in taken:
                break
            cite = _full(text, word, m.start("so"), sym)
            found.append(cite)
            taken.add(cite.span)
            pos, expected = cite.span[1], expected + 1
    return found


def _next_item(text: str, pos: int, number: int) -> regex.Match | None:
    for m in P.LIST_ITEM.finditer(text, pos, min(len(text), pos + LIST_REACH)):
        if int(m["item"]) == number:
            return m
    return None


class Taken:
    """Characters of the text already read as part of a citation (a later, weaker pattern
    may not claim them): ``Taken(10).add((2, 5))`` then ``(4, 8) in`` it is True."""

    def __init__(self, length: int):
        self._marks = bytearray(length + 1)

    def add(self, span: tuple[int, int]) -> None:
        self._marks[span[0] : span[1]] = b"\x01" * (span[1] - span[0])

    def __contains__(self, span: tuple[int, int]) -> bool:
        return 1 in self._marks[span[0] : span[1]]


_CITING_BEFORE = regex.compile(r"(?:căn\s+cứ|điều\s+\d+[\p{L}\s\d,]{0,30}?)\s*$", regex.IGNORECASE)
_DATED_AFTER = regex.compile(r"\s*,?\s*(?:ngày|năm)\s+\d", regex.IGNORECASE)


@cache
def _known_laws() -> dict[str, str]:
    """Law name as folded for lookup → as the table spells it."""
    return {n.casefold(): n for n in law_names()}


@cache
def _laws_by_letters() -> dict[str, tuple[str, ...]]:
    """Law names by their letters without marks, case folded: "dau tu" → ("Đầu tư",)."""
    by_letters: dict[str, tuple[str, ...]] = {}
    for name in law_names():
        key = fold(name).casefold()
        by_letters[key] = (*by_letters.get(key, ()), name)
    return by_letters


def _misread_law(printed: str) -> str | None:
    """The known law an OCR misreading names: the only one with the same letters ("Luật Đâu tư"),
    or, for names long enough that one letter is a small share, the only one a single misread
    letter away ("Tổ chức chính quyên địa phương"). A name that differs by more ("Luật Công
    nghiệp thông tin", as an author wrote it) is the author's, and stays as printed."""
    from rapidfuzz.distance import Hamming

    same_letters = _laws_by_letters().get(fold(printed).casefold(), ())
    if len(same_letters) == 1:
        return same_letters[0]
    if len(printed) < 15:
        return None
    folded = printed.casefold()
    near = [name for key, name in _known_laws().items() if len(key) == len(folded) and Hamming.distance(key, folded) == 1]
    return near[0] if len(near) == 1 else None


def _acronym_ends(name: str) -> str:
    """An unknown law name ends after an acronym that lower-case words follow:
    "Luật TMĐT giúp doanh nghiệp" names "TMĐT"."""
    words = name.split()
    for i, w in enumerate(words[:-1]):
        if len(w) > 1 and w.isupper() and words[i + 1][0].islower() and words[i + 1] != "và":
            return " ".join(words[: i + 1])
    return name


@dataclass(slots=True)
class _Name:
    """A document cited by its name ("Luật Đất đai", "Nghị quyết Đại hội XIII"), as printed."""
    start: int
    end: int
    word: str  # the type word: "Luật", "Nghị quyết"
    name: str
    name_start: int
    roman: str | None = None  # the congress of a "Nghị quyết Đại hội …"
    law: bool = False  # a law by its name alone (no amendment): it may go on to its number


def _of_match(m: regex.Match) -> _Name:
    return _Name(m.start(), m.end(), m["word"], m["name"], m.start("name"), m.groupdict().get("roman"))


def _known_law_end(text: str, pos: int) -> int | None:
    """Where the name ``law_names.tsv`` knows that starts at ``pos`` ends, if one does."""
    reach = P.KNOWN_LAW_REACH.match(text, pos).end()
    known = P.KNOWN_LAW.match(P.bare(text[pos:reach]))
    return pos + known.end() if known else None


def _laws(text: str) -> Iterator[_Name]:
    """Laws by name: the name ``law_names.tsv`` knows where one starts, else the shape of a name."""
    pos = 0
    while m := P.NAMED_LAW.search(text, pos):
        pos = _known_law_end(text, m.start("name")) or m.end()
        yield _Name(m.start(), pos, m["word"], text[m.start("name") : pos], m.start("name"), law=True)


def _amendments(text: str) -> Iterator[_Name]:
    """"Luật sửa đổi, bổ sung … Luật <a name law_names.tsv knows>"."""
    pos = 0
    while m := P.NAMED_AMENDMENT.search(text, pos):
        if end := _known_law_end(text, m.end()):
            pos = end
            yield _Name(m.start(), end, m["word"], text[m.start("name") : end], m.start("name"))
        else:
            pos = m.start() + 1


def _named_in_context(text: str, n: _Name) -> bool:
    """A law name that starts in lower case and is not in ``law_names.tsv`` is read as one only
    where laws are cited: after "Căn cứ" or "Điều 165", or followed by its date; else
    "Dự thảo Luật mở rộng đối tượng" would name a law "mở rộng"."""
    if not n.name[:1].islower() or _WS.sub(" ", n.name).casefold() in _known_laws():
        return True
    return bool(_CITING_BEFORE.search(text, max(0, n.start - 40), n.start) or _at(_DATED_AFTER, text, n.end))


def _named(text: str, taken: Taken) -> list[Citation]:
    found = []
    for names in (map(_of_match, P.NAMED_PARTY.finditer(text)), _amendments(text), _laws(text),
                  map(_of_match, P.HIEN_PHAP.finditer(text))):
        for n in names:
            if (n.start, n.end) in taken or (n.law and not _named_in_context(text, n)):
                continue
            word = doc_type_for_word(n.word)
            if n.law and (num := _at(P.LAW_NUMBER, text, n.end)) and (sym := parse_symbol(num)):
                cite = _full(text, word, n.start, sym)
                found.append(cite)
                taken.add(cite.span)
                continue
            printed = _clean(n.name)
            known = _known_laws().get(printed.casefold()) or _misread_law(printed)
            name = known or _acronym_ends(printed)
            end = n.end if known or name == printed else n.name_start + _end_of(n.name, name)
            if n.roman:
                name = f"Đại hội {n.roman}"
            name = _CENTRAL_COMMITTEE.sub("TW ", name)
            tail = parse_tail(text, end)
            key = f"{word.key_code}|{name}" + (f"|{tail.term}" if tail.term else "")
            found.append(
                Citation(
                    id="", text=text[n.start : tail.end].strip(), form="named", doc_type=word.doc_type,
                    issuer=tail.issuer, date=tail.date, subject=tail.subject, term=tail.term, key=key,
                    span=(n.start, tail.end),
                )
            )
            taken.add((n.start, tail.end))
    return found


def _short(text: str, taken: Taken, words: list[int] | None) -> list[Citation]:
    found = []
    for m in scan(P.SHORT, text, words):
        number = m["number"].replace("O", "0").replace("o", "0")
        if (m.span() in taken or (not m["so"] and _YEAR.fullmatch(number))
                or P.EXAMPLE_BEFORE.search(text, max(0, m.start() - 20), m.start())):
            continue
        word = doc_type_for_word(m["word"])
        tail = parse_tail(text, m.end())
        found.append(
            Citation(
                id="", text=text[m.start() : tail.end].strip(), form="short", doc_type=word.doc_type,
                type_code=word.type_code, number=number, issuer=tail.issuer, date=tail.date,
                subject=tail.subject, term=tail.term, key=_key(word.key_code, number, None, None),
                span=(m.start(), tail.end),
            )
        )
    return found


def _short_codes(text: str, taken: Taken) -> list[Citation]:
    found = []
    for m in P.SHORT_CODE.finditer(text):
        if m.span() in taken:
            continue
        code = m["code"]
        number = m["number"].replace("O", "0").replace("o", "0")
        found.append(
            Citation(
                id="", text=m.group(), form="short", doc_type=code_name(code), type_code=code, number=number,
                key=_key(code, number, None, None), span=m.span(),
            )
        )
    return found


def find_all(text: str) -> list[Citation]:
    """Every citation in ``text`` in text order, ids and short-form links not yet set."""
    words = type_words(text)
    full = _full_citations(text, words)
    taken = Taken(len(text))
    for c in full:
        taken.add(c.span)
    full += _list_items(text, taken)
    named = _named(text, taken)
    short = _short(text, taken, words)
    for c in short:
        taken.add(c.span)
    short += _short_codes(text, taken)
    cites = sorted([*full, *named, *short], key=lambda c: c.span[0])
    for c in cites:
        c.span = (c.span[0], c.span[0] + len(c.text))
    return cites
