"""What every reader returns: a :class:`Document`, an ordered list of :class:`Block`.

Readers know file formats and nothing about Vietnamese. A block carries the text as
the file holds it plus what the reader *measured* about it (bold, size, indentation,
Word list label, table cell position, page), so that a bad parse can be debugged:

    >>> doc = Document(format="md", blocks=[Block(text="I. KHÁI QUÁT", bold=True)])
    >>> doc.blocks[0].bold
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# "footnote": a Word footnote or endnote paragraph, placed right after the block that
# holds its mark, with the mark Word prints ("1", "ii", "*") in ``label``.
BlockKind = Literal["paragraph", "table_cell", "list_item", "footnote"]
# A footnote block shows its mark raised ("¹ Nghị định …"): a plain "1 Nghị định …" would
# read as a count or a list number.
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(slots=True)
class Block:
    text: str
    kind: BlockKind = "paragraph"
    page: int | None = None  # 1-based; None where the format has no pages (DOCX, text)
    # Word automatic numbering rendered as text ("I.", "1.", "a)", "-", "•"): it is not in
    # the paragraph's own text. Plain-text labels typed by the author stay in ``text``.
    label: str | None = None
    list_level: int | None = None  # Word ilvl, or the indentation depth a reader measured
    bold: bool | None = None  # True when (nearly) all of the text is bold
    italic: bool | None = None
    font_size: float | None = None  # points, the dominant size of the block
    font: str | None = None  # dominant font name: ".VnTime" or "VNI-Times" betray legacy encodings
    style: str | None = None  # Word paragraph style name ("Heading 3", "Body Text")
    align: Literal["left", "center", "right", "justify"] | None = None
    indent: float | None = None  # left indent or x0 of the first line, in points
    # (table number, row, column) for table cells, counted from 0 in document order; the
    # column is the grid column, so a cell after a merged one keeps its place
    cell: tuple[int, int, int] | None = None
    row_span: int = 1  # grid rows a merged cell covers (DOCX vMerge, a PDF cell over several rows)
    col_span: int = 1  # grid columns it covers (DOCX gridSpan, a PDF cell over several columns)
    # a PDF ruled cell's left and right rules, in points: a table going on over the next page
    # is known by the same column rules
    cell_x: tuple[float, float] | None = None
    header: bool = False  # a table's header row (DOCX tblHeader, or above its first figures)
    # True for a paragraph whose last line ended a page and whose text goes on after it
    # (kept for debugging: the PDF reader already joined it)
    joined_across_pages: bool = False
    ocr_confidence: float | None = None  # 0-100 mean word confidence, for OCR'd blocks

    @property
    def display_text(self) -> str:
        """The text a reader of the page sees: the Word label, then the paragraph.

        >>> Block(text="Nghị định số 69/2024/NĐ-CP.", kind="footnote", label="2").display_text
        '² Nghị định số 69/2024/NĐ-CP.'
        """
        if self.label and self.kind == "footnote":
            return f"{self.label.translate(SUPERSCRIPT_DIGITS)} {self.text}"
        return f"{self.label} {self.text}" if self.label else self.text


@dataclass(slots=True)
class Signature:
    """An e-signing portal's block printed on a page ("Người ký: … Cơ quan: … Thời gian
    ký: …"): who signed as printed, for which body, when (ISO 8601), on which page."""

    signer: str | None = None
    email: str | None = None
    organisation: str | None = None
    time: str | None = None
    page: int | None = None
    copy: str | None = None  # "SAO Y", "SAO LỤC": the stamp of a certified copy it came with


@dataclass(slots=True)
class Document:
    format: str
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    path: str | None = None
    ocr: bool = False
    ocr_confidence: list[float] | None = None  # one per page, when OCR ran
    # What a reader repaired or doubted while reading, in plain words
    warnings: list[str] = field(default_factory=list)
    # Readers may record measurements a user can inspect (chars per page, fonts …)
    measured: dict = field(default_factory=dict)
    signature: Signature | None = None  # the e-signing portal's block, kept out of the text
    # How each page was read, in page order: "text" (its text layer) or "ocr"
    pages_read: list[str] | None = None
