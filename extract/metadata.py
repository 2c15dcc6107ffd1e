"""Who issued the report, when, about what, who signed it and for whom.

Reads the front matter (agency lines, "Số:", place and date, the type line and
the title) and the back matter (closing formula, "Nơi nhận:", the signature
block) of a :class:`~extract.structure.skeleton.Skeleton`:

    >>> from extract.document import Block, Document
    >>> from extract.structure import build
    >>> doc = Document(format="txt", blocks=[Block(text=t) for t in [
    ...     "UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG", "Số: 123/BC-SCT",
    ...     "Quảng Ngãi, ngày 20 tháng 6 năm 2021", "BÁO CÁO",
    ...     "Kết quả công tác 6 tháng đầu năm 2021", "I. KẾT QUẢ", "Nội dung.",
    ...     "Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]])
    >>> m = extract_metadata(build(doc))
    >>> m.doc_type, m.symbol, m.agency, m.parent_agency, m.place, m.date
    ('Báo cáo', '123/BC-SCT', 'Sở Công Thương', 'UBND tỉnh Quảng Ngãi', 'Quảng Ngãi', '2021-06-20')
    >>> m.period.start, m.period.end, m.signer.authority, m.signer.title, m.signer.name, m.recipients
    ('2021-01-01', '2021-06-30', 'KT.', 'Phó Giám đốc', 'Nguyễn Văn A', ['Sở Nội vụ', 'Lưu: VT, VP'])

Decisions:
- ``symbol`` is the số ký hiệu as printed without spaces; a draft's blank number
  stays blank: "Số:   /BC-UBND" → ``"/BC-UBND"`` (the type and issuer codes are
  still facts about the document).
- ``date`` is null when the header leaves day or month blank; ``place`` is kept.
- ALL-CAPS header lines are re-cased the Vietnamese way (``extract/data/agency_words.tsv``),
  acronyms (UBND, HĐND …) stay upper case; lines already in mixed case are kept.
- ``recipients`` keeps every line of "Nơi nhận:", the filing line "Lưu: VT, VP" too
  (it is printed there as where the copies go); bullets and final ";" / "." are dropped.
- Without a header, the agency comes from the closing formula
  ("Sở Công Thương kính báo cáo./." → "Sở Công Thương").
- The period is the first one in the title; printed without a year, it borrows the
  year of a later period in the title, else of the header date.
"""

from __future__ import annotations

import datetime
from functools import cache
from pathlib import Path

import regex

from extract.periods import find_periods, parse_period, year_of
from extract.schema import Metadata, Signer
from extract.structure.regions import lines
from extract.structure.skeleton import Skeleton

DATA = Path(__file__).parent / "data"

_NATIONAL = regex.compile(
    # Loose enough for OCR ("CỌNG HÒA", "Tự do Hạnh phúc"): these lines are never the agency.
    r"C\w{1,3}NG\s+H\w{1,3}\s+X\w\s+H\w{1,3}\s+CH\w\s+NGH\w{1,3}\s+VI\w{1,3}T\s+NAM"
    r"|Độc\s+lập\s*[-–]?\s*Tự\s+do\s*[-–]?\s*Hạnh\s+phúc"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM",
    regex.I,
)
# "Số: 123/BC-SCT", "SỐ: …", "Luật số: 64/2025/QH15"; not "(Kèm theo Báo cáo số …)" in running text.
_SYMBOL = regex.compile(r"(?:\bSố|\bSỐ|^(?:Luật|Bộ\s+luật|Nghị\s+quyết|Pháp\s+lệnh|Lệnh)\s+số)\s*:?\s*(?P<symbol>\d[\d.]*\s*(?:[/-]\s*[\p{L}\d&.]+)+|(?:/\s*[\p{L}\d&.]+)(?:[-/]\s*[\p{L}\d&.]+)*)")
_PLACE_DATE = regex.compile(
    r"(?P<place>(?:(?:Thành\s+phố|TP\.)\s*)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4}?)\s*[,.]\s*"
    r"ngày\s*(?P<day>\d{1,2})?[\s.…_]*tháng\s*(?P<month>\d{1,2})?[\s.…_]*năm\s*(?P<year>\d{4})"
)
_LETTER = regex.compile(r"\p{L}")
_SEPARATOR = regex.compile(r"^[-_=–—.…*\s]+$")
_ABOUT = regex.compile(r"^(?:V/v|Về\s+việc)\s*:?\s*", regex.I)
_DRAFT = regex.compile(r"^\(?(?:Dự\s+thảo|DỰ\s+THẢO)\b.{0,20}$")
_ANNEX = regex.compile(r"^PH[ỤU]\s+L[ỤU]C\b")
_ADDRESSEE = regex.compile(r"^Kính\s+gửi\b", regex.I)
_RECIPIENTS = regex.compile(r"^\W*Nơi\s+nhận\s*:?\s*", regex.I)
# "Sở Công Thương kính báo cáo./.", "Trên đây là Tờ trình …, Bộ Y tế kính trình …": the clause before "kính".
_CLOSING_AGENCY = regex.compile(r"(?:^|,\s*)(?P<agency>\p{Lu}[^,]{2,80}?)\s+(?:xin\s+)?kính\s+(?:báo\s+cáo|trình|gửi)")
_NAME = regex.compile(r"^(?:\p{Lu}[\p{Ll}]*)(?:\s+\p{Lu}[\p{Ll}]*){1,5}$|^\p{Lu}+(?:\s+\p{Lu}+){1,5}$")
_VOWELS = regex.compile(r"[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", regex.I)


# ---------------------------------------------------------------- reference data


def _rows(name: str) -> list[list[str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()[1:] if line.strip() and not line.startswith("#")]


@cache
def doc_types() -> dict[str, str]:
    """Upper-case type line → full name: ``"BÁO CÁO"`` → ``"Báo cáo"``, plus type codes ``"BC"``."""
    names: dict[str, str] = {}
    for row in _rows("doc_types.tsv"):
        code, full = row[0], regex.sub(r"\s*\(.*?\)\s*", "", row[1]).strip()
        if not regex.fullmatch(r"[\p{L} ]+", full):
            continue
        names.setdefault(full.upper(), full)
        if code != "(none)":
            names.setdefault(code, full)
    return names


@cache
def acronyms() -> frozenset[str]:
    """Upper-case abbreviations that stay upper case in re-cased header lines."""
    found: set[str] = set()
    for name in ("acronyms.tsv", "issuers.tsv"):
        for row in _rows(name):
            found.update(t for t in regex.split(r"[\s/,]+", row[0]) if t and t.upper() == t)
    return frozenset(found)


@cache
def _agency_words() -> tuple[dict[tuple[str, ...], tuple[str, str]], int]:
    table = {tuple(row[0].split()): (row[1], row[2]) for row in _rows("agency_words.tsv")}
    return table, max(len(k) for k in table)


@cache
def _signer_prefixes() -> tuple[tuple[str, regex.Pattern], ...]:
    """Each prefix, longest first, with the pattern of it opening a line: "KT." also as "KT ." """
    prefixes = sorted((row[0] for row in _rows("signer_prefixes.tsv")), key=len, reverse=True)
    return tuple(
        (p, regex.compile(regex.escape(p[:-1]) + r"\s*\.\s*" if p.endswith(".") else regex.escape(p) + r"\s+"))
        for p in prefixes
    )


# ---------------------------------------------------------------- casing


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def _is_acronym(core: str) -> bool:
    return core in acronyms() or any(c.isdigit() for c in core) or (len(core) > 1 and not _VOWELS.search(core))


def vietnamese_case(line: str) -> str:
    """An ALL-CAPS header line in the case ND30 prints names in; mixed-case lines unchanged.

        >>> vietnamese_case("UBND TỈNH QUẢNG NGÃI"), vietnamese_case("SỞ CÔNG THƯƠNG")
        ('UBND tỉnh Quảng Ngãi', 'Sở Công Thương')
        >>> vietnamese_case("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH")
        'Bộ Văn hóa, Thể thao và Du lịch'
        >>> vietnamese_case("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")
        'Ủy ban nhân dân tỉnh Lâm Đồng'
    """
    line = " ".join(line.split())
    if any(c.islower() for c in line):
        return line
    table, longest = _agency_words()
    words = line.split()
    out: list[str] = []
    mode = "first"  # first | lower | place | parts (Bộ/Sở: each coordinated part capitalized)
    part_start = False
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            key = tuple(w.strip(",;:.") for w in words[i:i + n])
            if key in table and (n > 1 or i == 0 or table[key][1] not in ("body", "ministry")) and (
                n == 1 or not words[i + n - 2].endswith(",")
            ):
                printed, kind = table[key]
                tail = words[i + n - 1][len(key[-1]):]
                starts_part = not out or (kind == "name" and part_start)
                out.append((printed[:1].upper() + printed[1:] if starts_part else printed) + tail)
                mode = {"unit": "place", "committee": "place", "ministry": "parts", "lead": "lower", "body": "first",
                        "position": "first", "name": "parts" if mode == "parts" else "lower"}[kind]
                part_start = kind == "ministry"
                i += n
                break
        else:
            word = words[i]
            core = word.strip(",;:.()")
            if _is_acronym(core):
                out.append(word)
            elif core in ("VÀ", "&"):
                out.append(word.lower())
                part_start = mode == "parts"
            elif mode == "place" or (mode == "parts" and part_start) or mode == "first":
                out.append(_cap(word))
                mode = "lower" if mode == "first" else mode
                part_start = False
            else:
                out.append(word.lower())
            if word.endswith(",") or word in ("-", "–"):
                part_start = mode == "parts"
                mode = "lower" if mode == "place" else mode
            i += 1
    return " ".join(out)


def _position_at_start(words: list[str]) -> tuple[str, int] | None:
    """(printed position, words it takes) when ``words`` open with a signer title."""
    table, longest = _agency_words()
    for n in range(min(longest, len(words)), 0, -1):
        found = table.get(tuple(words[:n]))
        if found and found[1] == "position":
            return found[0], n
    return None


def is_position(line: str) -> bool:
    """``"PHÓ GIÁM ĐỐC"``, ``"THỨ TRƯỞNG"``, ``"Q. CHÁNH VĂN PHÒNG"``: a signer's title line."""
    words = line.split()
    if words[:1] in (["PHÓ"], ["Q."]):
        words = words[1:]
    return line.upper() == line and len(line) < 90 and _position_at_start(words) is not None


def position_case(line: str) -> str:
    """``"PHÓ CHỦ TỊCH"`` → ``"Phó Chủ tịch"``; ``"GIÁM ĐỐC"`` → ``"Giám đốc"``.

        >>> position_case("PHÓ CHỦ TỊCH UBND TỈNH"), position_case("BỘ TRƯỞNG")
        ('Phó Chủ tịch UBND tỉnh', 'Bộ trưởng')
    """
    line = " ".join(line.split())
    if any(c.islower() for c in line):
        return line
    words = line.split()
    lead = [_cap(words.pop(0))] if words[:1] in (["PHÓ"], ["Q."]) and len(words) > 1 else []
    found = _position_at_start(words)
    if not found:
        return " ".join(lead + [vietnamese_case(" ".join(words))])
    printed, n = found
    rest = vietnamese_case(" ".join(words[n:])) if words[n:] else ""
    if lead:
        printed = printed[:1].upper() + printed[1:]
    return " ".join(p for p in [*lead, printed, rest] if p)


# ---------------------------------------------------------------- the header


def _front_lines(skeleton: Skeleton) -> list[tuple[str, bool]]:
    """Lines of the front matter, each with whether it sits in a table cell."""
    out: list[tuple[str, bool]] = []
    for pb in skeleton.blocks:
        if pb.region == "front":
            for line in lines(pb.block):
                # PDF text may run the two header columns into one line.
                cell = pb.block.kind == "table_cell"
                out.extend((part.strip(), cell) for part in _NATIONAL.split(line) if part.strip())
    return out


def _type_of(line: str) -> tuple[str, str] | None:
    """(full type name, words after it) when ``line`` is a type line like "BÁO CÁO"."""
    upper = " ".join(line.split())
    # "QUYẾT ĐỊNH:" with a colon is the enacting formula after the preamble, not the type line.
    if not upper or upper != upper.upper() or upper.endswith(":"):
        return None
    for key, full in doc_types().items():
        if key == full.upper() and (upper == key or upper.startswith(key + " ")):
            return full, upper[len(key):].strip()
    return None


_AGENCY_KINDS = ("body", "ministry", "lead", "name", "committee")


def _opens_agency(line: str) -> bool:
    """True when ``line`` starts with the name of a body ("SỞ …", "UBND …", "QUỐC HỘI …")."""
    table, longest = _agency_words()
    words = [w.strip(",;:.*") for w in line.split()]
    if words and words[0] in acronyms():
        return True
    return any(table.get(tuple(words[:n]), ("", ""))[1] in _AGENCY_KINDS for n in range(1, longest + 1))


def _continues_name(previous: str, line: str) -> bool:
    """A header name broken over lines: "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG", "… SÁNG TẠO," / "CHUYỂN ĐỔI SỐ …"."""
    table, _ = _agency_words()
    words = line.split()
    unit_start = any(table.get(tuple(words[:n]), ("", ""))[1] == "unit" for n in (1, 2))
    return (
        previous.endswith((",", " VÀ", " VỀ", " CỦA", " &", "-", "–"))
        or line.startswith(("VÀ ", "VỀ ", "CỦA ", "&", "-", "–", ","))
        or (unit_start and not _has_place(previous))
    )


def _agency_groups(agency_lines: list[str]) -> list[str]:
    """Header lines regrouped into names: "ỦY BAN NHÂN DÂN" + "TỈNH LÂM ĐỒNG" is one name."""
    groups: list[str] = []
    for line in agency_lines:
        if groups and _continues_name(groups[-1], line):
            groups[-1] = f"{groups[-1]} {line}"
        else:
            groups.append(line)
    return groups


def _has_place(name: str) -> bool:
    table, _ = _agency_words()
    words = name.split()
    return any(table.get(tuple(words[i:i + n]), ("", ""))[1] == "unit" for n in (1, 2) for i in range(len(words)))


def _header(front: list[tuple[str, bool]], m: Metadata) -> int | None:
    """Fill ``m`` from the header; return the year the dateline prints (even when the day is blank)."""
    texts = [line for line, _ in front]
    year = None
    for line in texts:
        if m.symbol is None and (symbol := _SYMBOL.search(line)):
            m.symbol = regex.sub(r"\s+", "", symbol.group("symbol")).replace("–", "-").rstrip(".")
        if m.place is None and (place_date := _PLACE_DATE.search(_SYMBOL.sub(" ", line))):
            _set_place_date(place_date, m)
            year = int(place_date.group("year"))
    types = [(k, found) for k, line in enumerate(texts) if (found := _type_of(line))]
    # A cover page repeats the type line; the one over the real title stands alone.
    exact = [t for t in types if not t[1][1]]
    if types:
        k, (m.doc_type, rest) = exact[-1] if exact else types[0]
        m.title = _title(([vietnamese_case(rest)] if rest else []) + _title_lines(front[k + 1:])) or None
    else:
        m.title = _about(texts)
        # A công văn has no type line: "V/v …" under its number says what it is about.
        m.doc_type = _doc_type_from_symbol(m.symbol) or ("Công văn" if m.title else None)
    first_type = types[0][0] if types else len(texts)
    agency_lines: list[str] = []
    # The agency is the run of capitals heading the page (header lines may interleave),
    # opening with the name of a body: "THUYẾT MINH …" or "BẢNG TỔNG HỢP" is no agency.
    for line in texts[:first_type]:
        if (_SYMBOL.search(line) or _PLACE_DATE.search(line) or _SEPARATOR.match(line) or _DRAFT.match(line)
                or len(_LETTER.findall(line)) < 4):  # stamps and specks
            continue
        if line.upper() != line or _ANNEX.match(line):
            break
        if not (_opens_agency(line) or (agency_lines and _continues_name(agency_lines[-1], line))):
            break
        agency_lines.append(line.strip("* "))
    groups = [g for g in _agency_groups([ln for ln in agency_lines if ln]) if g]
    if groups:
        m.agency = vietnamese_case(groups[-1])
        m.parent_agency = vietnamese_case(groups[-2]) if len(groups) > 1 else None
    return year


_DATELINE = regex.compile(r"^\p{Lu}[\p{L} .]+,\s*(?:ngày|tháng)\b")
_PREAMBLE = regex.compile(r"^(?:Căn\s+cứ|\()")


def _title_lines(after: list[tuple[str, bool]]) -> list[str]:
    """The lines under a type line up to "Kính gửi", the header table or the next header line."""
    title: list[str] = []
    for line, cell in after:
        if cell or _ADDRESSEE.match(line) or _SYMBOL.match(line) or _DATELINE.match(line):
            break
        if (found := _type_of(line)) and not found[1]:  # "QUY ĐỊNH CHI TIẾT …" is a title, "NGHỊ ĐỊNH" is not
            break
        # "Căn cứ …", "(Ban hành kèm theo …)", or the issuing body in capitals over the
        # preamble ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "CHÍNH PHỦ").
        enacting = line.upper() == line and (title[-1].upper() != title[-1] or _opens_agency(line)) if title else False
        if _PREAMBLE.match(line) or enacting:
            break
        if not _SEPARATOR.match(line):
            title.append(line)
    return title


def _about(texts: list[str]) -> str | None:
    """A công văn's subject: the "V/v …" line and its wrapped continuation."""
    for k, line in enumerate(texts):
        if _ABOUT.match(line):
            parts = [_ABOUT.sub("", line)]
            parts += [t for t in texts[k + 1:k + 3] if t[:1].islower()]
            return _title(parts)
    return None


def _set_place_date(found: regex.Match, m: Metadata) -> None:
    m.place = " ".join(found.group("place").split())
    day, month, year = found.group("day"), found.group("month"), found.group("year")
    if day and month:
        try:
            m.date = datetime.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            m.date = None


def _title(title_lines: list[str]) -> str:
    """Title lines joined, re-cased when printed in capitals, first letter capitalized."""
    text = " ".join(" ".join(title_lines).split())
    if text.upper() == text:
        text = vietnamese_case(text)
    return text[:1].upper() + text[1:]


def _doc_type_from_symbol(symbol: str | None) -> str | None:
    """``"123/BC-SCT"`` → Báo cáo, ``"08-CT/TU"`` (Party style) → Chỉ thị, ``"327/SCT-VP"`` → None."""
    if not symbol:
        return None
    party = regex.match(r"^\d*-(?P<code>[\p{L}]+)/", symbol)
    state = regex.match(r"^[\d.]*/(?:\d{4}/)?(?P<code>[\p{L}]+)-", symbol)
    found = party or state
    return doc_types().get(found.group("code")) if found else None


# ---------------------------------------------------------------- the back matter


def _back_lines(skeleton: Skeleton) -> list[str]:
    return [line for pb in skeleton.blocks if pb.region == "back" for line in lines(pb.block)]


def _prefix_of(line: str) -> tuple[str | None, str]:
    """``"KT. GIÁM ĐỐC"`` → ("KT.", "GIÁM ĐỐC"); Party prefixes ("K/T") have no dot."""
    for prefix, pattern in _signer_prefixes():
        m = pattern.match(line)
        if m and line[m.end():].strip():
            return prefix, line[m.end():].strip()
    return None, line


_RECIPIENT_DASH = regex.compile(r"[-+•*–]\s*")


def _back(back: list[str], m: Metadata) -> None:
    recipients: list[str] = []
    signature: list[str] = []
    in_recipients = False
    for line in back:
        head = _RECIPIENTS.match(line)
        if head:
            in_recipients = True
            line = line[head.end():].strip()
            if not line:
                continue
        if in_recipients and (dash := _RECIPIENT_DASH.match(line)):
            recipients.append(line[dash.end():].rstrip(" ;.,"))
            continue
        in_recipients = in_recipients and not (is_position(line) or _prefix_of(line)[0])
        if not in_recipients:
            signature.append(line)
        if m.agency is None and (closing := _CLOSING_AGENCY.search(line)):
            m.agency = closing.group("agency").strip()
    m.recipients = [r for r in recipients if r]
    m.signer = _signer(signature)


def _signer(signature: list[str]) -> Signer | None:
    """Authority, title and name from the signature lines (stacked prefixes: the innermost wins)."""
    start = next((k for k, line in enumerate(signature) if _prefix_of(line)[0] or is_position(line)), None)
    if start is None:
        return None
    # Stacked lines: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the innermost
    # prefix is the authority, the first unprefixed line is the signer's own title.
    authority, title = None, None
    k = start
    while k < len(signature) and (_prefix_of(signature[k])[0] or is_position(signature[k])):
        prefix, rest = _prefix_of(signature[k])
        if prefix:
            authority, title = prefix, rest
        elif title is None or _prefix_of(signature[k - 1])[0]:
            title = rest
        k += 1
    name = None
    for line in signature[k:k + 6]:
        clean = line.strip()
        if clean.startswith(("(", "[")) or not clean:
            continue
        if _NAME.match(clean) and not is_position(clean):
            name = clean if clean.upper() != clean else " ".join(_cap(w) for w in clean.split())
            break
    return Signer(name=name, title=position_case(title) if title else None, authority=authority)


# ---------------------------------------------------------------- the period


def _period(m: Metadata, header_year: int | None, opening: str = ""):
    """The title's first period; a draft with a blank date line ("Số: /BC-BCĐ", "ngày  tháng
    năm 2025") may name it only in its first paragraph ("… báo cáo kết quả tháng 11/2025 như
    sau"), which then gives the period, or the year the title's period leaves out."""
    found = find_periods(m.title) if m.title else []
    if not found:
        return _opening_period(opening)
    first = found[0][1]
    if first.start is not None:
        return first
    later_years = [y for _, p in found[1:] if (y := year_of(p))]
    opened = _opening_period(opening)
    year = later_years[0] if later_years else header_year or (year_of(opened) if opened else None)
    if year is None:
        return first
    span = found[0][0]
    return parse_period(m.title[span[0]:span[1]], context_year=year)


def _opening_period(opening: str):
    """The first dated period of a body's first paragraph, or None."""
    found = next((p for _, p in find_periods(opening) if p.start is not None), None)
    if found is not None and found.label.isupper():  # a heading in capitals: "NĂM 2025" → "năm 2025"
        found.label = found.label.lower()
    return found


# How much of the body's start stands for its first paragraph (a DOCX paragraph, a PDF's lines)
_OPENING = 600


def _opening(skeleton: Skeleton, titled: bool) -> str:
    """The start of the body after the front matter: its first paragraph or two; for a text with no
    title found (an appendix: "PHỤ LỤC / BIỂU MẪU THỐNG KÊ … NĂM 2025"), its first lines whatever they are."""
    skipped = ("front", "back") if titled else ("back",)
    body = [pb for pb in skeleton.blocks if pb.region not in skipped]
    return " ".join(" ".join(lines(pb.block)) for pb in body[:3])[:_OPENING]


# ---------------------------------------------------------------- consolidated and adopted texts

# A văn bản hợp nhất prints the act it consolidates on its first page (type line, title)
# and its own number, date, issuing body and signer in the authentication block at its
# end; without that block (a gazette file cut short) its opening formula or the
# gazette's banner still says what it is.
_AUTHENTICATION = regex.compile(r"\s*XÁC\s+(?:THỰC|NHẬN)\s+VĂN\s+BẢN\s+HỢP\s+NHẤT\s*", regex.I)
_CONSOLIDATED = regex.compile(r"^VĂN\s+BẢN\s+HỢP\s+NHẤT\b|được\s+sửa\s+đổi,\s+bổ\s+sung\s+bởi\s*:", regex.I)
_AUTHENTICATION_WINDOW = 10  # blocks around the block's title that belong to it
# Laws and resolutions of the National Assembly print no dateline: their date is the
# day the closing formula says they were adopted.
_ADOPTED = regex.compile(r"thông\s+qua\s+ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})")


def _consolidated(skeleton: Skeleton, m: Metadata) -> None:
    """Type, number, date, body and signer of a văn bản hợp nhất."""
    texts = [" ".join(lines(pb.block)) for pb in skeleton.blocks]
    banner = (skeleton.document.measured.get("gazette_banner") if skeleton.document else None) or []
    at = next((k for k, t in enumerate(texts) if _AUTHENTICATION.search(t)), None)
    if at is None and not any(_CONSOLIDATED.search(t) for t in [*banner, *texts[:12]]):
        return
    m.doc_type = "Văn bản hợp nhất"
    if at is None:
        return
    # The block's title may share a printed line with the body's name beside it.
    window = [part for pb in skeleton.blocks[max(0, at - 4):at + _AUTHENTICATION_WINDOW] for ln in lines(pb.block)
              if (part := _AUTHENTICATION.sub(" ", ln).strip())]
    m.symbol = m.place = m.date = None
    for line in window:
        if m.symbol is None and (symbol := _SYMBOL.search(line)):
            m.symbol = regex.sub(r"\s+", "", symbol.group("symbol")).replace("–", "-").rstrip(".")
        if m.place is None and (place_date := _PLACE_DATE.search(line)):
            _set_place_date(place_date, m)
    capitals = [ln for ln in window if ln.upper() == ln and regex.search(r"\p{L}{2}", ln)
                and not _prefix_of(ln)[0] and not is_position(ln) and not _SYMBOL.search(ln)]
    names = [g for g in _agency_groups(capitals) if _opens_agency(g)]
    if names:
        m.agency = vietnamese_case(names[0])
    signer = _signer(window)
    if signer is not None:
        m.signer = signer


def _adopted(skeleton: Skeleton, m: Metadata) -> None:
    """The adoption date of a text with no dateline."""
    if m.date is not None or m.place is not None:
        return
    for pb in reversed(skeleton.blocks):
        if pb.region != "front" and (found := _ADOPTED.search(" ".join(lines(pb.block)))):
            try:
                m.date = datetime.date(int(found["year"]), int(found["month"]), int(found["day"])).isoformat()
            except ValueError:
                pass
            return


def extract_metadata(skeleton: Skeleton) -> Metadata:
    """The report's :class:`~extract.schema.Metadata` from its front and back matter."""
    m = Metadata()
    header_year = _header(_front_lines(skeleton), m)
    _back(_back_lines(skeleton), m)
    _consolidated(skeleton, m)
    _adopted(skeleton, m)
    if m.doc_type is None:
        m.doc_type = _doc_type_from_symbol(m.symbol)
    m.period = _period(m, header_year, _opening(skeleton, m.title is not None))
    return m
