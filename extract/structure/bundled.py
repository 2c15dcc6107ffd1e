"""A file that holds more than one document: where each document after the first begins.

Archives bundle documents: a cover tờ trình followed by the draft kế hoạch it submits, a
letter that forwards another agency's letter on its next pages. A document begins with
its own header block: quốc hiệu, tiêu ngữ and a số ký hiệu line, next to the agency.
Such a header after the first document's body text opens another document, unless it
is a form or a programme *ban hành kèm theo* the document (an annex is part of it,
and a form's "Số: …/…" has no type code):

    >>> from extract.document import Block
    >>> blocks = [Block(text=t, page=p) for t, p in [
    ...     ("SỞ NỘI VỤ", 1), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1), ("Độc lập - Tự do - Hạnh phúc", 1),
    ...     ("Số: 176 /TTr-SNV", 1), ("TỜ TRÌNH", 1), ("Căn cứ Nghị quyết số 76/NQ-CP " + "… " * 80, 1),
    ...     ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", 2), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 2),
    ...     ("Độc lập - Tự do - Hạnh phúc", 2), ("Số: /KH-UBND", 2), ("KẾ HOẠCH", 2)]]
    >>> [(d.block, d.page, d.doc_type, d.symbol) for d in later_documents(blocks)]
    [(6, 2, 'Kế hoạch', '/KH-UBND')]
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from extract.document import Block

# Matched on text without diacritics, so that an OCR'd header with a lost accent counts.
_NATIONAL_NAME = regex.compile(r"C\s*O\s*N\s*G\s+H\s*O\s*A\s+X\s*A\s+H\s*O\s*I\s+C\s*H\s*U\s+N\s*G\s*H\s*I\s*A")
_MOTTO = regex.compile(r"DOC\s+LAP\s*[-–—.]?\s*TU\s+DO")
# "Số: 10948 /BXD-KHTC", a draft's "Số: /KH-UBND": a type or agency code after the slash
_NUMBER_LINE = regex.compile(r"^\W*SO\s*[:;.]?\s*[\d\s.…]*/\s*(?:\d{4}\s*/\s*)?[A-Z][A-Z&]*(?:\s*-\s*[A-Z&]+)*")
_ANNEX = regex.compile(r"(?i)\bkèm\s+theo\b|\bphụ\s+lục\b|\bmẫu\s+(?:số|báo\s+cáo)\b")
# Blocks of a header: the national name, the motto and the number line stand this close together.
_HEADER_SPAN = 8
# The first document's body: a paragraph at least this long stands before another header.
_BODY_PARAGRAPH = 160


@dataclass(slots=True)
class DocumentStart:
    """Where a later document of the file begins: its first block, page, type and number."""

    block: int
    page: int | None
    doc_type: str | None
    symbol: str | None

    @property
    def warning(self) -> str:
        """What the report's ``warnings`` say about it."""
        what = " ".join(x for x in (self.doc_type, self.symbol) if x) or "another document"
        where = f"page {self.page}" if self.page else f"block {self.block + 1}"
        return (f"{where}: another document begins here ({what}); metadata and sections are "
                "the first document's, the later one's text is kept as an attachment")


def mark_attachments(regions: list, later: list[DocumentStart]) -> list:
    """The regions with every block from the second document on as "attachment".

    >>> mark_attachments(["front", "body", "back", "back"], [DocumentStart(2, 2, "Kế hoạch", None)])
    ['front', 'body', 'attachment', 'attachment']
    """
    if not later:
        return regions
    return [r if i < later[0].block else "attachment" for i, r in enumerate(regions)]


def _folded(text: str) -> str:
    """Upper case without diacritics: "Số: 176" → "SO: 176"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).upper()


def later_documents(blocks: list[Block]) -> list[DocumentStart]:
    """The documents after the first one, in order (empty for a file of one document)."""
    folded = [_folded(" ".join(b.display_text.split())) for b in blocks]
    starts: list[DocumentStart] = []
    body_seen = False
    i = 0
    while i < len(blocks):
        text = blocks[i].display_text
        if not body_seen:
            body_seen = len(text.strip()) >= _BODY_PARAGRAPH and blocks[i].kind != "table_cell"
            i += 1
            continue
        if _NATIONAL_NAME.search(folded[i]) and (start := _header_at(blocks, folded, i)) is not None:
            starts.append(_describe(blocks, start, i))
            body_seen = False
            i += _HEADER_SPAN
            continue
        i += 1
    return starts


def _header_at(blocks: list[Block], folded: list[str], national: int) -> int | None:
    """The first block of the header whose national name is block ``national``, or None when the
    blocks there are no document's header (no motto or number line near it, or an annex's form)."""
    near = range(max(0, national - _HEADER_SPAN), min(len(blocks), national + _HEADER_SPAN))
    if not any(_MOTTO.search(folded[k]) for k in near):
        return None
    if not any(_NUMBER_LINE.search(line) for k in near for line in folded[k].split("\n")):
        return None
    # the left column (agency, its number line) may be read before the national name
    start = national
    while start > 0 and national - start < 4 and _is_left_column_line(blocks[start - 1], folded[start - 1], blocks[national]):
        start -= 1
    before = " ".join(b.display_text for b in blocks[max(0, start - 4) : start])
    after = " ".join(b.display_text for b in blocks[national : national + _HEADER_SPAN])
    if _ANNEX.search(before) or regex.search(r"(?i)\bkèm\s+theo\b", after):
        return None
    return start


def _is_left_column_line(block: Block, folded: str, national: Block) -> bool:
    """An agency line ("SỞ NỘI VỤ") or the number line, on the national name's page."""
    text = " ".join(block.display_text.split())
    if block.page != national.page or not 0 < len(text) <= 80:
        return False
    return bool(_NUMBER_LINE.search(folded)) or (text.upper() == text and not regex.search(r"[.;:]$", text))


_SYMBOL = regex.compile(r"^\W*S[ốỐô]\s*[:;.]?\s*((?:\d[\d.]*)?\s*/\s*[\p{L}\d&.]+(?:\s*[-/]\s*[\p{L}\d&.]+)*)", regex.I)


def _describe(blocks: list[Block], start: int, national: int) -> DocumentStart:
    """Its number as printed (spaces removed) and its type: the type line under the header
    ("KẾ HOẠCH"), else the type code of its number, else a letter's (number and "V/v")."""
    from extract.metadata import doc_types

    names = doc_types()
    symbol = doc_type = None
    for block in blocks[start : national + _HEADER_SPAN + 2]:
        for line in block.display_text.split("\n"):
            line = " ".join(line.split())
            if symbol is None and (m := _SYMBOL.search(line)):
                symbol = regex.sub(r"\s+", "", m.group(1)).replace("–", "-")
            elif doc_type is None and line.upper() == line and line in names and names[line].upper() == line:
                doc_type = names[line]
    if doc_type is None and symbol and (code := regex.match(r"[\d.]*/(?:\d{4}/)?(\p{L}+)-", symbol)):
        doc_type = names.get(code.group(1))
    return DocumentStart(start, blocks[start].page, doc_type or ("Công văn" if symbol else None), symbol)
