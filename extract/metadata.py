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
_SYMBOL = regex.compile(r"(?:\bSố|\bSỐ|^(?:Luật|Bộ\s+luật|Nghị\s+quyết|Pháp\s+lệnh|Lệnh)\s+số)\s*:?\s*(?P<symbol>\d[\d.]*\s*(?:\s*[/-]\s*[\p{L}\d&.]+)+|(?:/\s*[\p{L}\d&.]+)(?:[-/]\s*[\p{L}\d&.]+)*)")
# The dateline: "Hà Nội, ngày 01 tháng 12 năm 2025", also without the comma ("Hà Nội ngày …")
# and with the date in figures ("Hà Nội, ngày 1/12/2025").
_DATE_WORDS = (r"ngày\s*(?P<day>\d{1,2})?[\s.…_]*tháng\s*(?P<month>\d{1,2})?[\s.…_]*năm\s*(?P<year>\d{4})"
               r"|ngày\s*(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4})\b")
_PLACE_DATE = regex.compile(
    # a place is written in name case ("Lâm Đồng", "TP. Hồ Chí Minh"): "KH-STTTT, ngày 6 …" in a sentence is none
    r"(?<![\p{L}\d/-])(?P<place>(?:(?:Thành\s+phố|TP\.|Tp\.)\s*)?\p{Lu}\p{Ll}[\p{L}.]*(?:\s+\p{Lu}\p{Ll}[\p{L}.]*){0,4}?)"
    r"(?P<sep>\s*[,.]\s*|\s*)"
    r"(?:" + _DATE_WORDS + ")"
)


def find_dateline(line: str) -> regex.Match | None:
    """The place and date in ``line``; without a comma only where the place opens the line.

        >>> m = find_dateline("Hà Nội ngày 01 tháng 12 năm 2025")
        >>> m["place"], m["day"], m["month"], m["year"]
        ('Hà Nội', '01', '12', '2025')
        >>> find_dateline("của Thủ tướng Chính Phủ ngày 5 tháng 3 năm 2020") is None
        True
    """
    for found in _PLACE_DATE.finditer(line):
        if found["sep"].strip() or not line[:found.start()].strip():
            return found
    return None
# "Phú Thọ, 2012" alone on a cover page: the place, a year and no day.
_PLACE_YEAR = regex.compile(r"^(?P<place>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,3}),\s*(?:năm\s+)?(?P<year>\d{4})\.?$")
# "ngày 01 tháng 12 năm 2025" alone on its line (the right column with no place printed).
_BARE_DATE = regex.compile(r"^\s*(?:" + _DATE_WORDS + r")\s*[.]?\s*$")
# The gazette's running header "CÔNG BÁO/Số 1267 + 1268/Ngày 21-11-2024": its issue number is no số ký hiệu.
_GAZETTE_HEADER = regex.compile(r"CÔNG\s*BÁO\s*/?\s*Số\s*[\d\s+]+/?\s*Ngày\s*[\d\s./-]+", regex.I)
_LETTER = regex.compile(r"\p{L}")
_SEPARATOR = regex.compile(r"^[-_=–—.…*\s]+(?:o[0O]o[-_=–—.…*\s]+)?$")  # "-----", "*", "=====o0o====="
_TRAILING_RULE = regex.compile(r"\s*[-_=–—]{3,}\s*$")  # "HUYỆN LỆ THỦY -------" (the rule under a name)
_V_V = regex.compile(r"^V/v\s*:?\s*", regex.I)  # a công điện's "V/v …" under its type line: the title without it
_ABOUT = regex.compile(r"^(?:V/v|Về\s+việc)\s*:?\s*", regex.I)
_DRAFT = regex.compile(r"^\(?(?:Dự\s+thảo|DỰ\s+THẢO)\b.{0,20}$")
_ANNEX = regex.compile(r"^PH[ỤU]\s+L[ỤU]C\b")
# An annex's heading line: "PHỤ LỤC I", "Phụ lục 01", "DANH SÁCH …", "(Ban hành kèm theo …)".
_ANNEX_HEADING = regex.compile(r"^(?:PH[ỤU]\s+L[ỤU]C|Phụ\s+lục|DANH\s+SÁCH)\b.{0,80}$|^\((?:Ban\s+hành\s+)?[Kk]èm\s+theo\b")
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
    ocr = bool(skeleton.document and skeleton.document.ocr)
    out: list[tuple[str, bool]] = []
    for pb in skeleton.blocks:
        if pb.region == "front":
            for line in lines(pb.block):
                # PDF text may run the two header columns into one line.
                cell = pb.block.kind == "table_cell"
                line = _GAZETTE_HEADER.sub(" ", line)
                if ocr:
                    line = _ocr_dateline_digits(line)
                for part in _NATIONAL.split(line):
                    out.extend((piece, cell) for piece in _type_line_apart(part.strip(), ocr) if piece)
    return out


# OCR reads the figures of a dateline as look-alike letters: "tháng T0", "tháng I1", "ngày O6".
_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "o": "0", "Ô": "0", "Ó": "0", "Q": "0", "I": "1", "l": "1", "|": "1",
                                   "T": "1", "S": "5", "B": "8"})
_DATE_SLOT = regex.compile(r"(?P<word>ngày|tháng)\s*(?P<value>[\dOoÔÓQIl|TSB]{1,2})(?=\s|$)")


def _ocr_dateline_digits(line: str) -> str:
    """``"Hà Nội. ngày 04 tháng T0 năm 2025"`` → ``"… tháng 10 năm 2025"`` (only a slot with a figure in it).

        >>> _ocr_dateline_digits("Hà Nội, ngày 23 tháng I1 năm 2025")
        'Hà Nội, ngày 23 tháng 11 năm 2025'
    """
    if "năm" not in line:
        return line

    def repair(found: regex.Match) -> str:
        value = found["value"]
        if not any(c.isdigit() for c in value) and len(value) < 2:
            return found.group()
        return f"{found['word']} {value.translate(_LOOKALIKE_DIGITS)}"

    return _DATE_SLOT.sub(repair, line)


@cache
def _type_keys() -> tuple[str, ...]:
    return tuple(sorted((k for k, full in doc_types().items() if k == full.upper()), key=len, reverse=True))


def _type_line_apart(line: str, ocr: bool) -> list[str]:
    """A type line run together with the title beside it, split: "KẾ HOẠCH Khảo sát, …" →
    ["KẾ HOẠCH", "Khảo sát, …"]. On OCR'd pages the type words are matched without tone
    marks ("QUYÉT ĐỊNH"), and a type line at the end of a line of specks is cut out
    ("PˆN gi PHỦ CÔNG ĐIỆN" → […, "CÔNG ĐIỆN"]).
    """
    from extract.citations.tables import fold

    folded = fold(line).upper() if ocr else line
    for key in _type_keys():
        probe = fold(key).upper() if ocr else key
        if folded.startswith(probe + " "):
            rest = line[len(key):].strip()
            if regex.match(r"\p{Lu}\p{Ll}", rest) and rest.upper() != rest:
                return [key, rest]
            if ocr:
                return [key + line[len(key):]]
        elif ocr and folded == probe:
            return [key]
        elif ocr and " " in key and folded.endswith(" " + probe) and line.upper() != line:
            return [line[:-len(key)].strip(), key]
    return [line]


def _type_of(line: str) -> tuple[str, str] | None:
    """(full type name, words after it) when ``line`` is a type line like "BÁO CÁO"."""
    upper = " ".join(line.split())
    # "QUYẾT ĐỊNH:" with a colon is the enacting formula after the preamble, not the type line.
    if not upper or upper != upper.upper() or upper.endswith(":"):
        return None
    # longest first: "THÔNG TƯ LIÊN TỊCH" is not a "THÔNG TƯ"
    for key, full in sorted(doc_types().items(), key=lambda item: -len(item[0])):
        if key == full.upper() and (upper == key or upper.startswith(key + " ")):
            return full, upper[len(key):].strip()
    return None


# Words that open a title run on from the type line ("NGHỊ ĐỊNH QUY ĐỊNH CHI TIẾT …").
_TITLE_OPENERS = regex.compile(r"^(?:VỀ|CỦA|QUY\s+ĐỊNH|BAN\s+HÀNH|HƯỚNG\s+DẪN|SỬA\s+ĐỔI|PHÊ\s+DUYỆT|V/V)\b")


def _whole_type_line(rest: str, after: list[str]) -> bool:
    """True when the words after a type word belong to the type: "BÁO CÁO TÓM TẮT" over
    "Báo cáo thẩm tra …", "BẢNG TỔNG HỢP KẾT QUẢ" over "Phân loại …" — the title is the
    next line, printed in running case."""
    following = next((t for t in after if not _SEPARATOR.match(t)), None)
    return bool(rest) and not _TITLE_OPENERS.match(rest) and following is not None and \
        (following.startswith(("“", '"')) or following.upper() != following and following[:1].isupper())


# An old-style type line runs on with the issuer, number and date:
# "NGHỊ ĐỊNH" / "CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007" / "VỀ MINH BẠCH …".
_OF_ISSUER = regex.compile(
    r"^CỦA\s+(?P<agency>.+?)\s+SỐ\s*:?\s*(?P<symbol>\d[\w./-]*)\s+NGÀY\s+(?P<day>\d{1,2})\s+THÁNG\s+(?P<month>\d{1,2})"
    r"\s+NĂM\s+(?P<year>\d{4})$")


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
        if groups and (_continues_name(groups[-1], line) or not _opens_agency(line)):
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
        if m.place is None and (place_date := find_dateline(_SYMBOL.sub(" ", line))):
            _set_place_date(place_date, m)
            year = int(place_date.group("year"))
    if m.place is None and m.date is None:
        for line in texts:
            if bare := (_BARE_DATE.match(line) or _PLACE_YEAR.match(line)):
                _set_place_date(bare, m)
                year = int(bare.group("year"))
                break
    types = [(k, found) for k, line in enumerate(texts) if (found := _type_of(line))]
    # An annex's "PHỤ LỤC" is the type only of a file that prints no other type line.
    types = [t for t in types if t[1][0] != "Phụ lục"] or types
    # A cover page repeats the type line; the one over the real title stands alone.
    exact = [t for t in types if not t[1][1]]
    if types:
        k, (m.doc_type, rest) = exact[-1] if exact else types[0]
        title_lines = _title_lines(front[k + 1:])
        if _whole_type_line(rest, texts[k + 1:k + 3]):
            m.doc_type, rest = f"{m.doc_type} {rest.lower()}", ""
        if title_lines and (issuer := _OF_ISSUER.match(" ".join(title_lines[0].split()))):
            title_lines = title_lines[1:]
            m.symbol = m.symbol or issuer["symbol"]
            if m.date is None:
                _set_place_date(issuer, m)
                year = int(issuer["year"])
            issuer_of_title = vietnamese_case(issuer["agency"])
        else:
            issuer_of_title = None
        m.title = _title(([vietnamese_case(rest)] if rest else []) + title_lines) or None
    else:
        issuer_of_title = None
        m.title = _about(texts)
        m.doc_type = _untyped_doc_type(m.symbol, bool(m.title), any(_ADDRESSEE.match(t) for t in texts))
    first_type = types[0][0] if types else len(texts)
    agency_lines: list[str] = []
    # The agency is the run of capitals heading the page (header lines may interleave),
    # opening with the name of a body: "THUYẾT MINH …" or "BẢNG TỔNG HỢP" is no agency.
    closed = False  # the "Số:" line, the dateline or the rule under the names closes them
    previous_cell = None
    for line, cell in front[:first_type]:
        if not _SEPARATOR.match(line):
            line = _TRAILING_RULE.sub("", line)
        if _SYMBOL.search(line) or _PLACE_DATE.search(line) or _BARE_DATE.match(line) or _SEPARATOR.match(line):
            closed = bool(agency_lines)
            continue
        if _DRAFT.match(line) or len(_LETTER.findall(line)) < 4:  # stamps and specks
            continue
        if line.upper() != line or _ANNEX.match(line):
            break
        # A capitals line that opens no body continues the name above it ("BỘ LAO ĐỘNG -
        # THƯƠNG" / "BINH VÀ XÃ HỘI") when nothing closed the names and it sits where the name
        # does (both in the header table, or both outside it); else it is a type line.
        if not (_opens_agency(line) or (agency_lines and not closed and cell == previous_cell)):
            break
        agency_lines.append(line.strip("* "))
        previous_cell = cell
    groups = [g for g in _agency_groups([ln for ln in agency_lines if ln]) if g]
    if groups:
        m.agency = vietnamese_case(groups[-1])
        m.parent_agency = vietnamese_case(groups[-2]) if len(groups) > 1 else None
    elif types and issuer_of_title:
        m.agency = issuer_of_title
    return year


_DATELINE = regex.compile(r"^\p{Lu}[\p{L} .]+,\s*(?:ngày|tháng)\b")
_PREAMBLE = regex.compile(r"^(?:Căn\s+cứ|\()")
_FORM_FIELD = regex.compile(r"^\p{Lu}[\p{L} ]{1,30}:\s*\S")  # "HỌ VÀ TÊN: …", "Chức vụ hiện nay: …" under a title


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
        if _PREAMBLE.match(line) or enacting or _FORM_FIELD.match(line):
            break
        if title and line.rstrip().endswith(":"):  # "THỦ TƯỚNG CHÍNH PHỦ điện:" opens the text
            break
        if not _SEPARATOR.match(line):
            title.append(_V_V.sub("", line) if not title else line)
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
    if "place" in found.re.groupindex:
        m.place = " ".join(found.group("place").split()).rstrip(".")  # "Hà Nội. ngày …" (OCR's comma)
    if "day" not in found.re.groupindex:
        return
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


def _untyped_doc_type(symbol: str | None, about: bool, addressed: bool) -> str | None:
    """The type of a document that prints no type line.

    A công văn has no type line and no type code in its number: "V/v …" under the number,
    or a "Kính gửi:" line, say it is a letter, and then the code after the slash is the
    issuer's ("5665/CT-CS" of a Cục Thuế is no Chỉ thị). Only without that evidence does
    the number's code say the type.

        >>> _untyped_doc_type("5665/CT-CS", about=True, addressed=True)
        'Công văn'
        >>> _untyped_doc_type("15/CT-UBND", about=False, addressed=False)
        'Chỉ thị'
    """
    if about or addressed:
        return "Công văn"
    return _doc_type_from_symbol(symbol)


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
        # The list is dashed: a position, a prefix or a line in capitals ends it.
        in_recipients = in_recipients and not (is_position(line) or _prefix_of(line)[0]
                                               or (line.upper() == line and len(_LETTER.findall(line)) >= 4))
        if not in_recipients:
            signature.append(line)
        if m.agency is None and (closing := _CLOSING_AGENCY.search(line)):
            m.agency = closing.group("agency").strip()
    m.recipients = [r for r in recipients if r]
    m.signer = _signer(signature)


@cache
def _ranks() -> regex.Pattern:
    """Rank and degree words printed before a signer's name (``extract/data/signer_ranks.tsv``)."""
    words = sorted((row[0] for row in _rows("signer_ranks.tsv")), key=len, reverse=True)
    alternatives = "|".join(regex.escape(w).replace(r"\ ", r"\s+").replace(r"\.", r"\s*\.\s*") for w in words)
    return regex.compile(rf"^(?:(?:{alternatives})\s*)+", regex.I)


@cache
def _surnames() -> frozenset[str]:
    text = (DATA / "surnames.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().upper() for line in text.splitlines() if line.strip() and not line.startswith("#"))


_NAME_WORD = regex.compile(r"^\p{Lu}\p{Ll}*$")
_CAPS_WORD = regex.compile(r"^\p{Lu}+$")


def person_name(line: str) -> str | None:
    """The personal name a signature line prints: 2–5 capitalised syllables, rank words dropped.

        >>> person_name("Thượng tướng Vũ Hải Sản"), person_name("PGS.TS. Trần Văn Thuấn")
        ('Vũ Hải Sản', 'Trần Văn Thuấn')
        >>> person_name("NGUYỄN VĂN G"), person_name("BAN CHÍNH SÁCH, THUẾ QUỐC TẾ")
        ('Nguyễn Văn G', None)

    A name in capitals must open with a family name; an OCR line that runs on into
    specks keeps the name it opens with ("Nguyễn Hữu Việt pAnws SÁC" → "Nguyễn Hữu Việt").
    """
    text = _ranks().sub("", " ".join(line.split())).strip(" .,;")
    words = text.split()
    if not words or is_position(text.upper()) or (text.upper() == text and _opens_agency(text)):
        return None
    capitals = all(_CAPS_WORD.match(w) for w in words)
    if capitals:
        if 2 <= len(words) <= 5 and words[0] in _surnames():
            return " ".join(_cap(w) for w in words)
        return None
    if 2 <= len(words) <= 6 and all(_NAME_WORD.match(w) for w in words):
        return text
    lead = []
    for w in words:
        if not _NAME_WORD.match(w):
            break
        lead.append(w)
    if 2 <= len(lead) <= 5 and lead[0].upper() in _surnames():
        return " ".join(lead)
    return None


def _title_words(line: str) -> tuple[str, str]:
    """(the run of capitals a title line opens with, what follows): "PHÓ THỦ TƯỚNGy]" → ("PHÓ THỦ TƯỚNG", "y]").

    A title is made of title words only: specks a stamp or an OCR layer glues on are cut.
    """
    words = line.split()
    taken: list[str] = []
    for k, w in enumerate(words):
        if w.upper() == w and regex.search(r"\p{L}", w) or regex.fullmatch(r"[-–&,.()]+", w):
            taken.append(w)
            continue
        head = regex.match(r"[\p{Lu}]+", w)
        if head and len(head.group()) >= 2 and not regex.search(r"\p{Lu}", w[head.end():]):
            rest = " ".join([w[head.end():], *words[k + 1:]])
            if not person_name(rest):
                taken.append(head.group())
                return _trim(taken), rest
        return _trim(taken), " ".join(words[k:])
    return _trim(taken), ""


def _trim(words: list[str]) -> str:
    return " ".join(words).strip(" -–&,(")


# A word that qualifies the position above it rather than naming another: "PHÓ CHỦ TỊCH" / "THƯỜNG TRỰC".
_QUALIFIERS = frozenset({"THƯỜNG TRỰC"})


def _split_positions(title: str) -> list[str]:
    """A merged title line split at its second position: "BỘ TRƯỞNG THỨ TRƯỞNG" → ["BỘ TRƯỞNG", "THỨ TRƯỞNG"]."""
    words = title.split()
    for k in range(1, len(words)):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if tail in _QUALIFIERS:
            break
        if is_position(head) and is_position(tail) and _position_at_start(words[:k]) and \
                _position_at_start(words[:k])[1] == k:
            return [head, *_split_positions(tail)]
    return [title]


_SKIPPED_LINES = 4  # lines other than titles and notes looked through for the name
_SIGNATURE_NOTE = regex.compile(r"^[(\[].*[)\]]?$|^(?:Đã\s+ký|\(?ký\b)", regex.I)


def _signature_block(signature: list[str], start: int) -> tuple[Signer, int]:
    """The signer of the block opening at ``start`` and the index after it.

    Title lines are capitals (prefixed "KT. BỘ TRƯỞNG", own "THỨ TRƯỞNG", an organ line
    continuing the line above: "PHÓ TRƯỞNG BAN" / "BAN CHÍNH SÁCH, THUẾ QUỐC TẾ"); the name
    is the first line in name case after them. Stacked prefixes: the innermost is the
    authority; the signer's title is the last unprefixed title, else the prefixed one.
    """
    groups: list[tuple[str | None, list[str]]] = []
    name = None
    skipped = 0
    k = start
    while k < len(signature) and k < start + 14:
        line = " ".join(signature[k].split())
        k += 1
        if not line or _SIGNATURE_NOTE.match(line) or len(_LETTER.findall(line)) < 2:
            continue
        if _RECIPIENT_DASH.match(line):  # a recipient read beside the block: no title, no name
            skipped += 1
            if groups and skipped > _SKIPPED_LINES:
                break
            continue
        prefix, rest = _prefix_of(line)
        words, tail = _title_words(rest)
        if prefix and words:
            parts = _split_positions(words)
            groups.append((prefix, [parts[0]]))
            groups.extend((None, [part]) for part in parts[1:])
        elif words and len(regex.findall(r"\p{L}", words)) >= 2 and (groups or is_position(words) or k - 1 == start) \
                and not person_name(line):
            if (is_position(words) and words not in _QUALIFIERS) or not groups:
                groups.extend((None, [part]) for part in _split_positions(words))
            else:
                groups[-1][1].append(words)
        else:
            name = person_name(line)
            skipped += 1
            # a portal's or a seal's words may stand between the title and the name
            if name or (groups and skipped > _SKIPPED_LINES):
                break
            continue
        if tail and (found := person_name(tail)):
            name = found
            break
    authority = next((prefix for prefix, _ in reversed(groups) if prefix), None)
    own = [lines_ for prefix, lines_ in groups if prefix is None]
    chosen = own[-1] if own else (groups[-1][1] if groups else [])
    title = position_case(" ".join(chosen)) if chosen else None
    return Signer(name=name, title=title, authority=authority), k


def _opens_signature(line: str, below: str | None = None) -> bool:
    """A line that opens a signature block: a prefix or a position ("KT. GIÁM ĐỐC",
    "THỨ TRƯỞNG"), or a capitals title over a person's name ("NGƯỜI TỰ KIỂM ĐIỂM" / "CHÂU MINH PHÚ")."""
    prefix, rest = _prefix_of(line)
    words = _title_words(rest)[0]
    if words and (prefix is not None or is_position(words)):
        return True
    return (below is not None and words == " ".join(line.split()) and len(_LETTER.findall(words)) >= 4
            and not person_name(line) and (name := person_name(below)) is not None
            and name.split()[0].upper() in _surnames())


def _signer(signature: list[str]) -> Signer | None:
    """Authority, title and name of the document's signature block: the last block in
    the back matter that names its signer (examples of signature blocks a text quotes
    come before it), else the last block."""
    found: list[Signer] = []
    k = 0
    while k < len(signature):
        if found and found[-1].name and _ANNEX_HEADING.match(signature[k].strip()):
            break  # an annex after the signature lists people by title ("TRƯỞNG BAN" / a name): none signs
        if _opens_signature(signature[k], signature[k + 1] if k + 1 < len(signature) else None):
            signer, k = _signature_block(signature, k)
            found.append(signer)
        else:
            k += 1
    if not found:
        # A body that signs as itself: the back matter ends with its name ("BỘ TÀI CHÍNH").
        last = next((ln for ln in reversed(signature) if ln.strip() and not _SIGNATURE_NOTE.match(ln.strip())), None)
        if last and last.upper() == last and _opens_agency(last) and len(last) < 90:
            return Signer(title=vietnamese_case(last.strip()))
        return None
    named = [s for s in found if s.name]
    return named[-1] if named else found[-1]


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


def _opening(skeleton: Skeleton, title: str | None) -> str:
    """The start of the text after the title: its first paragraph or two, wherever the regions put
    them (a report's opening sentence before its first heading is front matter); for a text with no
    title found (an appendix: "PHỤ LỤC / BIỂU MẪU THỐNG KÊ … NĂM 2025"), its first lines whatever they are."""
    blocks = [pb for pb in skeleton.blocks if pb.region != "back"]
    start = 0
    if title:
        said = " ".join(title.split())
        for i, pb in enumerate(blocks):
            if pb.region != "front":  # the front matter opens the text: the title is in it
                break
            text = " ".join(" ".join(lines(pb.block)).split())
            if text and text in said:  # the title's own lines
                start = i + 1
    return " ".join(" ".join(lines(pb.block)) for pb in blocks[start:start + 3])[:_OPENING]


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
    # The body's name and the number stand over the block's title, the recipients may come between.
    numbered = [k for k in range(max(0, at - 12), at) if _SYMBOL.search(texts[k])]
    first = max(0, numbered[-1] - 2) if numbered else max(0, at - 4)
    window = [part for pb in skeleton.blocks[first:at + _AUTHENTICATION_WINDOW] for ln in lines(pb.block)
              if (part := _AUTHENTICATION.sub(" ", ln).strip())]
    m.symbol = m.place = m.date = None
    for line in window:
        if m.symbol is None and (symbol := _SYMBOL.search(line)):
            m.symbol = regex.sub(r"\s+", "", symbol.group("symbol")).replace("–", "-").rstrip(".")
        if m.place is None and (place_date := find_dateline(line)):
            _set_place_date(place_date, m)
    # The body's name is printed over the block, before its signer: a table heading further
    # on ("TT", "STT") is none of it.
    before_signer = window[:next((k for k, ln in enumerate(window) if _opens_signature(ln)), len(window))]
    capitals = [ln for ln in before_signer if ln.upper() == ln and len(_LETTER.findall(ln)) >= 4
                and not _SYMBOL.search(ln) and not _SEPARATOR.match(ln)]
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


_TAIL_LINES = 40


def extract_metadata(skeleton: Skeleton) -> Metadata:
    """The report's :class:`~extract.schema.Metadata` from its front and back matter."""
    m = Metadata()
    header_year = _header(_front_lines(skeleton), m)
    _back(_back_lines(skeleton), m)
    if m.signer is None or m.signer.name is None:
        # The back matter was not told apart (a law's "CHỦ TỊCH QUỐC HỘI" in a table after
        # its last Điều): the signature is then among the document's last lines.
        every = [line for pb in skeleton.blocks for line in lines(pb.block)]
        # the text's own end: before an annex that follows it
        annex = next((k for k in range(len(every) // 2, len(every)) if _ANNEX_HEADING.match(every[k].strip())), None)
        tail = every[:annex][-_TAIL_LINES:]
        found = _signer(tail)
        if found is not None and found.name:
            m.signer = found
    _consolidated(skeleton, m)
    _adopted(skeleton, m)
    if m.doc_type is None:
        m.doc_type = _doc_type_from_symbol(m.symbol)
    m.period = _period(m, header_year, _opening(skeleton, m.title))
    return m
