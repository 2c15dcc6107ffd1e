"""Page furniture: what a page prints that is not the document.

Running headers and footers, page numbers, the official gazette's running header
(``CÔNG BÁO/Số 347 + 348/Ngày 25-02-2025``) and its banner above the document's own
header block (``VĂN BẢN QUY PHẠM PHÁP LUẬT``, the issuing body repeated), and the
digital-signature block an e-signing portal prints on a page (``Người ký: … Email: …
Cơ quan: … Thời gian ký: …``). Readers of paged formats (the PDF text layer, OCR)
hand every page's lines to :func:`find_furniture`, drop what it marks, and keep the
portal signature as ``Document.signature``:

    >>> pages = [[PageLine("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", 0.03),
    ...           PageLine("Thời gian ký: 19.03.2025 15:26:26 +07:00", 0.05),
    ...           PageLine("38 CÔNG BÁO/Số 347 + 348/Ngày 25-02-2025", 0.09),
    ...           PageLine("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 0.12),
    ...           PageLine("BỘ LAO ĐỘNG - THƯƠNG BINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0.15, pieces=2),
    ...           PageLine("THÔNG TƯ", 0.3)]]
    >>> found = find_furniture(pages)
    >>> sorted(found.kinds.values())
    ['gazette banner', 'gazette header', 'portal signature', 'portal signature']
    >>> found.signature.signer, found.signature.time
    ('CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ', '2025-03-19T15:26:26+07:00')

Decisions are by the page, not by the producer: a line is furniture because of what it
says and where it stands (its text recurs at the top or foot of most pages, it is a
lone page number in a margin, it follows a gazette header), so the same rules hold for
a text layer and for Tesseract's lines of a scan.
"""

from __future__ import annotations

import datetime
import itertools
from collections import Counter
from dataclasses import dataclass, field

import regex

from extract.document import Signature

# The top and foot of a page, as fractions of its height, where running lines stand.
TOP_ZONE = 0.14
FOOT_ZONE = 0.86

_GAZETTE_HEADER = regex.compile(
    r"^(?:\d{1,4}\s+)?C[ÔO]NG\s+B[ÁA]O\s*/\s*S[ốô]\s*[\d\s+]+/\s*Ngày\s*\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{4}(?:\s+\d{1,4})?$",
    regex.I,
)
_PAGE_NUMBER = regex.compile(
    r"^\s*(?:(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?|(?:Trang|trang|Page)\s*\d{1,4}(?:\s*/\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
# The quốc hiệu (or the Party's name) heads the right column of a header block: the
# gazette's banner stands between the running header and it.
_MOTTO = regex.compile(r"C\w{1,3}NG\s+H\w{1,3}\s+X\w\s+H\w{1,3}\s+CH\w\s+NGH\w{1,3}\s+VI\w{1,3}T\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", regex.I)
# "Người ký: …", "Ký bởi: …", "Email: …", "Cơ quan: …", "Thời gian ký: …", "Ngày ký: …"
_SIGNATURE_FIELD = regex.compile(
    r"^\s*(?P<field>Người\s+ký|Ký\s+bởi|Email|E-mail|Cơ\s+quan|Thời\s+gian\s+ký|Ngày\s+ký)\s*:\s*(?P<value>.*?)\s*$",
    regex.I,
)
# The stamp of a certified copy: "SAO Y", "SAO LỤC", "SAO Y BẢN CHÍNH", alone on its line
# or with its fields after semicolons ("SAO Y; Bộ Khoa học và Công nghệ; 07/10/2025 17:22:02").
_COPY_STAMP = regex.compile(
    r"^\W{0,3}(?P<kind>SAO\s*(?:Y|LỤC|LUC)(?:\s+BẢN\s+CHÍNH)?|TRÍCH\s+SAO)\s*(?:[;:,]\s*(?P<fields>.*))?$", regex.I
)
# Header lines that recur on every page of a file holding several letters: never furniture.
_HEADER_LINE = regex.compile(r"Độc\s+lập|^S[ốô]\s*:", regex.I)
_FIELD_NAMES = {"người ký": "signer", "ký bởi": "signer", "email": "email", "e-mail": "email",
                "cơ quan": "organisation", "thời gian ký": "time", "ngày ký": "time"}
_SIGNING_TIME = regex.compile(
    r"(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})|(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"
)
_CLOCK = regex.compile(r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\s*(?P<tz>[+-]\d{2}:?\d{2}))?")


@dataclass(slots=True)
class PageLine:
    """One printed line of a page as furniture detection sees it."""

    text: str
    top: float  # its top, as a fraction of the page height (0 at the top edge)
    bottom: float | None = None  # its bottom, likewise (the top where not measured)
    pieces: int = 1  # runs the line splits into at wide gaps (2 for a two-column header line)


@dataclass(slots=True)
class Furniture:
    """What :func:`find_furniture` found: ``kinds`` maps (page index, line index) to
    the kind of furniture, ``signature`` is the first portal block, ``banner`` the
    gazette banner lines of the first page that has one."""

    kinds: dict[tuple[int, int], str] = field(default_factory=dict)
    signature: Signature | None = None
    banner: list[str] = field(default_factory=list)

    def keeps(self, page: int, line: int) -> bool:
        return (page, line) not in self.kinds


def find_furniture(pages: list[list[PageLine]]) -> Furniture:
    """Mark the furniture lines of a document's pages (each page's lines top to bottom)."""
    found = Furniture()
    _signatures(pages, found)
    _copy_stamps(pages, found)
    _gazette(pages, found)
    _running(pages, found)
    return found


def _signatures(pages: list[list[PageLine]], found: Furniture) -> None:
    for p, lines in enumerate(pages):
        i = 0
        while i < len(lines):
            run = []
            while i < len(lines) and (m := _SIGNATURE_FIELD.match(lines[i].text)):
                run.append((i, m))
                i += 1
            # One field alone ("Email: …" in a letter's header) is no portal block.
            if len(run) >= 2 and any(_FIELD_NAMES[_key(m)] in ("signer", "time") for _, m in run):
                for k, _ in run:
                    found.kinds[(p, k)] = "portal signature"
                if found.signature is None:
                    found.signature = _portal_signature(run, p + 1)
            i += 1 if not run else 0


def _copy_stamps(pages: list[list[PageLine]], found: Furniture) -> None:
    """The stamp an e-signing system prints on a certified copy, at the top of a page:
    "SAO Y" and the copying body and time, on one line after semicolons or on the next
    lines ("Bộ Công an" / "Thời gian ký: 2025-09-16T14:37:50+07:00"). Kept as the
    signature (its organisation and time) when no portal block gave one."""
    for p, lines in enumerate(pages):
        for i, line in enumerate(lines):
            m = _COPY_STAMP.match(" ".join(line.text.split()))
            if not m or line.top > TOP_ZONE or (p, i) in found.kinds:
                continue
            sig = Signature(page=p + 1, copy=" ".join(m["kind"].upper().split()))
            found.kinds[(p, i)] = "copy stamp"
            if m["fields"]:
                parts = [part.strip() for part in m["fields"].split(";") if part.strip()]
                for part in parts:
                    when = signing_time(part)
                    if when and sig.time is None:
                        sig.time = when
                    elif sig.organisation is None and regex.search(r"\p{L}{2}", part):
                        sig.organisation = part
            for j in range(i + 1, min(i + 4, len(lines))):
                text = " ".join(lines[j].text.split())
                field = _SIGNATURE_FIELD.match(text)
                if field:
                    name = _FIELD_NAMES[_key(field)]
                    value = signing_time(field["value"]) if name == "time" else field["value"] or None
                    if getattr(sig, name) is None:
                        setattr(sig, name, value)
                    found.kinds[(p, j)] = "copy stamp"
                elif sig.organisation is None and not m["fields"] and lines[j].top <= TOP_ZONE and _ORGANISATION.match(text):
                    sig.organisation = text
                    found.kinds[(p, j)] = "copy stamp"
                else:
                    break
            if found.signature is None:
                found.signature = sig
            elif found.signature.copy is None:
                found.signature.copy = sig.copy
            return


# A copying body's name on the stamp: a short line of words in title case or capitals.
_ORGANISATION = regex.compile(r"^\p{Lu}[\p{L} ,.-]{2,80}$")


def _key(m: regex.Match) -> str:
    return " ".join(m.group("field").lower().split())


def _portal_signature(run: list[tuple[int, regex.Match]], page: int) -> Signature:
    sig = Signature(page=page)
    for _, m in run:
        name, value = _FIELD_NAMES[_key(m)], m.group("value") or None
        if name == "time":
            value = signing_time(value or "")
        if getattr(sig, name) is None:
            setattr(sig, name, value)
    return sig


def signing_time(text: str) -> str | None:
    """The portal's time in ISO 8601: ``"19.03.2025 15:26:26 +07:00"`` → ``"2025-03-19T15:26:26+07:00"``.

        >>> signing_time("2026-04-24 17:05:16 +07:00"), signing_time("14.05.2018")
        ('2026-04-24T17:05:16+07:00', '2018-05-14')
    """
    day = _SIGNING_TIME.search(text)
    if not day:
        return None
    y, m, d = (day["y"], day["m"], day["d"]) if day["y"] else (day["y2"], day["m2"], day["d2"])
    try:
        date = datetime.date(int(y), int(m), int(d))
    except ValueError:
        return None
    clock = _CLOCK.search(text, day.end())
    if not clock:
        return date.isoformat()
    h, mi, s = int(clock["h"]), int(clock["mi"]), int(clock["s"] or 0)
    if h > 23 or mi > 59 or s > 59:
        return date.isoformat()
    stamp = f"{date.isoformat()}T{h:02d}:{mi:02d}:{s:02d}"
    if clock["tz"]:
        tz = clock["tz"].replace(":", "")
        stamp += f"{tz[:3]}:{tz[3:]}"
    return stamp


def _gazette(pages: list[list[PageLine]], found: Furniture) -> None:
    """The gazette's running header on any page; on a page where a document's header
    block follows it, the lone lines between the two are the gazette's banner."""
    for p, lines in enumerate(pages):
        for i, line in enumerate(lines):
            if not _GAZETTE_HEADER.match(" ".join(line.text.split())):
                continue
            found.kinds[(p, i)] = "gazette header"
            motto = next((j for j in range(i + 1, min(i + 6, len(lines))) if _MOTTO.search(lines[j].text)), None)
            if motto is None:
                continue
            banner = [j for j in range(i + 1, motto) if lines[j].pieces == 1 and lines[j].text.upper() == lines[j].text]
            if banner == list(range(i + 1, motto)):
                for j in banner:
                    found.kinds[(p, j)] = "gazette banner"
                found.banner = found.banner or [lines[j].text for j in banner]


def _running_key(text: str) -> str:
    return regex.sub(r"\d+", "#", " ".join(text.lower().split()))


def _ends(lines: list[PageLine], marked) -> list[int]:
    """Indices of the first two and last two lines of a page, past what is already
    marked, where they stand at its top or foot, above (below) any table row: a
    table's header row repeated on every page is the table's, not the page's."""
    free = [i for i in range(len(lines)) if marked(i)]
    head = list(itertools.takewhile(lambda i: lines[i].pieces < 3 and (lines[i].bottom or lines[i].top) < TOP_ZONE, free[:2]))
    foot = list(itertools.takewhile(lambda i: lines[i].pieces < 3 and lines[i].top > FOOT_ZONE, free[::-1][:2]))
    return sorted(set(head + foot))


def _running(pages: list[list[PageLine]], found: Furniture) -> None:
    """Page numbers that follow the pages' order, and lines whose text (numbers aside)
    recurs at the top or foot of most pages: three pages at least, or both pages of a
    two-page document."""
    ends = [_ends(lines, lambda i, p=p: (p, i) not in found.kinds) for p, lines in enumerate(pages)]
    seen: Counter = Counter()
    for lines, at in zip(pages, ends):
        seen.update({_running_key(lines[i].text) for i in at})
    least = max(2 if len(pages) == 2 else 3, (len(pages) + 1) // 2)
    repeated = {k for k, n in seen.items() if n >= least and regex.search(r"\p{L}", k)
                and not _MOTTO.search(k) and not _HEADER_LINE.search(k)}
    numbers = [(p, i, int(m[0])) for p, at in enumerate(ends) for i in at
               if _PAGE_NUMBER.match(pages[p][i].text) and (m := regex.search(r"\d+", pages[p][i].text))]
    # A page number counts the pages: printed from 1 (n = page) or from where the
    # volume it was printed in had got to (the gazette's 38, 39, …), one offset for most.
    offsets = Counter(n - p for p, _, n in numbers)
    usual = offsets.most_common(1)[0][0] if offsets else None
    for p, i, n in numbers:
        if n - p in (usual, 1):
            found.kinds[(p, i)] = "page number"
    for p, at in enumerate(ends):
        for i in at:
            if (p, i) not in found.kinds and _running_key(pages[p][i].text) in repeated:
                found.kinds[(p, i)] = "running line"
