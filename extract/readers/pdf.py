"""PDF → Document: paragraphs rebuilt from the characters of the text layer.

A PDF holds positioned glyphs, not paragraphs. This reader groups characters into
printed lines (by baseline), splits a line where a wide horizontal gap separates
two columns (agency | quốc hiệu, Nơi nhận | signer) or table cells, groups lines
into paragraphs (vertical gap, first-line indent, font change, a numbering label at
the start of a line), drops running headers, footers and page numbers, and joins a
paragraph that a page break (or a stray blank line) cut in two:

    >>> doc = read_pdf(Path("seed/bao-cao-qcdc-6t-2021.pdf").read_bytes(), "seed.pdf", ReadOptions())  # doctest: +SKIP
    >>> block = next(b for b in doc.blocks if b.joined_across_pages)  # doctest: +SKIP
    >>> block.page, "“dân vận khéo” giai đoạn 2021 – 2021, Kế hoạch số 10" in block.text  # doctest: +SKIP
    (1, True)

Characters come from pypdfium2, not pdfplumber. Measured on the seed (9 pages) and
a 65-page real PDF: pdfplumber's chars (pdfminer parses content streams in Python)
cost 50–82 ms/page; pdfium gives the same characters, font names, sizes and boxes
in 7–8 ms/page, and this whole reader runs at 9–15 ms/page of CPU.

Pages whose text layer is empty or mojibake go to OCR (``extract.readers.ocr``),
decided page by page (:func:`ocr_reason`). ``Document.ocr_confidence`` then lists
the mean confidence of the OCR'd pages only, in page order; ``Document.warnings``
says which pages were OCR'd and why, and which were blank.
"""

from __future__ import annotations

import array
import ctypes
import functools
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

import regex

from extract.document import Block, Document
from extract.errors import CorruptDocument, EmptyDocument, EncryptedDocument, TooLarge
from extract.readers.pdf_tables import TableGrid, ruled_tables

# A page with fewer printed characters than this has no usable text layer.
MIN_PAGE_CHARS = 20
# A page whose ink lies more than this share outside its text layer's characters is
# a scan the text layer does not hold (a stamp's text over an image of the letter).
# A text page with a logo, a scanned signature and seal leaves 5-25 % uncovered.
MAX_UNCOVERED_INK = 0.5
# Pages with fewer characters (spaces included) than this have their ink measured.
INK_CHECK_BELOW_CHARS = 1200
# vietnamese_score below this: the text layer is mojibake (a broken ToUnicode map).
# Real text layers of the corpus score 0.92-1.00 per page; mojibake scores ~0.2.
MOJIBAKE_SCORE = 0.5
# A page with fewer words to judge (a table of figures) keeps its text layer.
MIN_JUDGED_WORDS = 10
# How much of a page's text is judged (a few hundred words).
JUDGED_CHARS = 2500

# A numbering label or bullet at the start of a line opens a new block.
# (A dash before a lower-case word is the "kinh tế - xã hội" hyphen wrapped to a new line.)
_LABEL = regex.compile(
    r"^(?:(?:[IVXLC]{1,6}[.)\-]|\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}(?:\.\d{1,2})+|[a-zđ][.)]|[•+*▪●○◦·➢✓])(?=\s|$)"
    r"|\d{1,2}-(?=\s*\p{L}(?:\p{Ll}|\s))"  # "4-Kết quả …", "5-ý kiến …" of Party forms; not "05-CT/TW"
    r"|[-–—](?=\s|$)(?!\s*\p{Ll})|(?:Điều|Chương|Mục|Phần|Phụ lục)\s+[\dIVXLC]+(?:[.:](?=\s|$)|$))"
)
# The national motto heads the right column of page 1; some PDFs print it so close to
# the agency name that no gap tells the columns apart.
_MOTTOS = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM")
# A paragraph ending so is finished; after ":" or ";" only a lower-case start carries on
# (a list item cut by a page break: "… tỉnh Quảng Ngãi;" + "tập trung thực hiện …").
_SENTENCE_END = regex.compile(r"[.!?…]['\"”’)»]*$")
_CLAUSE_END = regex.compile(r"[:;]['\"”’)»]*$")
# A typed rule under a header ("__________", "-----", "……"): drawing, not text.
_RULE = regex.compile(r"[_\-–—=.·…*~]{3,}")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUBSET_TAG = regex.compile(r"^[A-Z]{6}\+")
_BOLD_NAME = regex.compile(r"bold|black|heavy|semibold|demi|bd\b|bd(?=[-,_]|$)", regex.I)
_ITALIC_NAME = regex.compile(r"italic|oblique|-it$|,it$", regex.I)
_FONT_FLAG_ITALIC = 0x40
# A horizontal gap wider than this many font sizes separates columns or table cells.
_COLUMN_GAP = 1.2


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    base: float  # bottom of the loose box (a fixed step below the baseline), from the page top
    size: float
    font: str
    bold: bool
    italic: bool
    space_before: bool = False  # pdfium saw a word break before this character
    stamped: bool = False  # from an annotation's appearance (an e-signing stamp), not the page content


@dataclass(slots=True)
class _Piece:
    """A run of one printed line: the whole line, or one column of it."""

    chars: list[_Char]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    base: float = 0.0
    size: float = 0.0
    font: str = ""
    bold: float = 0.0  # share of bold characters
    italic: float = 0.0
    centered: bool = False

    def __post_init__(self):
        cs = self.chars
        self.text = _join_chars(cs)
        first = cs[0]
        x0, x1, base = first.x0, first.x1, first.base
        for c in cs:  # one pass, not three min/max generators
            if c.x0 < x0:
                x0 = c.x0
            if c.x1 > x1:
                x1 = c.x1
            if c.base > base:
                base = c.base
        self.x0, self.x1, self.base = x0, x1, base
        self.size, self.font, self.bold, self.italic = _style_of(cs)


def _style_of(runs: list[_Char]) -> tuple[float, str, float, float]:
    """(usual size, usual font, bold share, italic share) of runs, each weighed by its letters.

    Ties go to the first seen, as ``Counter.most_common`` gives them.
    """
    sizes: dict[float, int] = {}
    fonts: dict[str, int] = {}
    bold = italic = letters = 0
    for c in runs:
        n = len(c.text)
        size = round(c.size * 2) / 2
        sizes[size] = sizes.get(size, 0) + n
        fonts[c.font] = fonts.get(c.font, 0) + n
        if c.bold:
            bold += n
        if c.italic:
            italic += n
        letters += n
    letters = letters or 1
    return max(sizes, key=sizes.__getitem__), max(fonts, key=fonts.__getitem__), bold / letters, italic / letters


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    lines: list[list[_Piece]] = field(default_factory=list)  # top to bottom; pieces left to right
    blank: bool = False  # nothing printed at all: no text, image or drawing
    # Ruled tables drawn on the page, each with the lines printed in each of its cells
    ruled: list[tuple[TableGrid, list[list[list[_Piece]]]]] = field(default_factory=list)
    turn: int = 0  # the quarter turn its text is printed at (width and height are as it reads)
    # Share of the page's ink outside its text layer's characters (``ink``): measured on
    # pages that hold a large image, None elsewhere
    uncovered: float | None = None
    rotated: bool = False  # turned by /Rotate: renderings and character boxes differ in frame

    @property
    def text(self) -> str:
        """All the page's text: its lines, then its ruled tables' cells."""
        return "\n".join([*(" ".join(p.text for p in line) for line in self.lines), *self._cell_texts(False)])

    @property
    def content_text(self) -> str:
        """The text of the page content alone: a scan under an e-signing stamp
        ("Người ký: … Thời gian ký: …") has no text layer of its own."""
        if not any(c.stamped for line in self.lines for p in line for c in p.chars):
            return self.text
        return "\n".join([
            *(" ".join(_join_chars([c for c in p.chars if not c.stamped]) for p in line) for line in self.lines),
            *self._cell_texts(True),
        ])

    def _cell_texts(self, content_only: bool) -> list[str]:
        return [" ".join(_join_chars([c for c in p.chars if not (content_only and c.stamped)]) for line in lines for p in line)
                for _, cells in self.ruled for lines in cells if lines]


def read_pdf(data: bytes, name: str, options) -> Document:
    """Read a PDF into blocks; pages without a usable text layer go to OCR."""
    import pypdfium2 as pdfium

    if not data:
        raise EmptyDocument(name, "the file is empty (0 bytes)")
    pdf = _open(pdfium, data, name)
    try:
        count = len(pdf)
        if count == 0:
            raise CorruptDocument(name, "the PDF has no pages")
        if count > options.max_pages:
            raise TooLarge(name, f"{count:,} pages is over the limit of {options.max_pages:,}")
        pages = [_read_page(pdf, i) for i in range(count)]
    except pdfium.PdfiumError as exc:
        # A page tree PDFium can count but not load (a /Kids loop, a missing page
        # object) raised a bare PdfiumError out of the batch: name the file instead.
        raise CorruptDocument(name, f"damaged page tree, a page cannot be loaded ({exc})") from None
    finally:
        pdf.close()

    doc = Document(format="pdf", pages=count)
    doc.measured["chars_per_page"] = [_printed_count(p.text) for p in pages]
    doc.measured["fonts"] = sorted({p.font for page in pages for line in page.lines for p in line})
    # (page, (x0, top, x1, bottom)) of every ruled table, in points from the top left of the
    # page as its text reads
    # Pages whose text is printed turned a quarter (a table set sideways): read in its frame
    doc.measured["page_turns"] = {page.number: page.turn for page in pages if page.turn}
    doc.measured["ruled_tables"] = [(page.number, tuple(round(v, 1) for v in grid.box)) for page in pages for grid, _ in page.ruled]

    to_ocr: list[int] = []
    for page in pages:
        if page.blank:
            doc.warnings.append(f"page {page.number}: blank")
            continue
        fonts = {p.font for line in page.lines for p in line}
        reason = ocr_reason(page.content_text, options.ocr, fonts, page.uncovered)
        if reason:
            to_ocr.append(page.number)
            doc.warnings.append(f"page {page.number}: {reason}, read by OCR")
        elif legacy := legacy_text_layer(page.content_text, fonts):
            encoding, score = legacy
            doc.warnings.append(
                f"page {page.number}: text layer looks like {encoding.upper()} (score {score:.2f}), kept for conversion"
            )
        elif options.ocr == "never" and not page.text.strip():
            doc.warnings.append(f"page {page.number}: text layer empty, not read (OCR is off)")
    if not any(p.text.strip() for p in pages) and not to_ocr:
        raise EmptyDocument(name, "no text layer; OCR is off" if options.ocr == "never" else "every page is blank")

    # A page OCR'd under a text layer of its own (a stamp's, a signature's) is read both ways:
    # the text layer for what it holds (the stamp, kept as furniture), OCR for the print.
    printed = {page.number for page in pages if page.text.strip()}
    furniture_boxes = _drop_furniture(pages, doc)
    blocks_by_page: dict[int, list[Block]] = {}
    tables = [0]
    stops = _tab_stops(pages)
    open_ends: set[int] = set()
    for page in pages:
        if page.number not in to_ocr:
            blocks_by_page[page.number] = _page_blocks(page, stops, tables, open_ends)
    if to_ocr:
        from extract.readers.ocr import number_tables, ocr_read, read_pdf_pages

        # OCR reads the stamp again from the image: its lines under the text layer's
        # furniture are that furniture.
        scanned = ocr_read(read_pdf_pages(data, name, to_ocr, options), furniture_boxes)
        doc.warnings.extend(scanned.warnings)
        for block in scanned.blocks:
            blocks_by_page.setdefault(block.page, []).append(block)
        doc.ocr = True
        doc.ocr_confidence = [scanned.confidence[n] for n in to_ocr if n in scanned.confidence]
        doc.signature = doc.signature or scanned.signature
        if scanned.furniture:
            doc.measured.setdefault("furniture_lines", []).extend(scanned.furniture)
    doc.pages_read = [("both" if n in printed else "ocr") if n in to_ocr else "text" for n in range(1, count + 1)]
    doc.blocks = _join_broken_paragraphs([blocks_by_page.get(n, []) for n in range(1, count + 1)], open_ends)
    if to_ocr:
        # Text pages and scanned pages count their tables apart: one count, in page order.
        number_tables(doc.blocks)
    return doc


def _printed_count(text: str) -> int:
    """Characters that are not white space: ``_printed_count("a b\\n") == 2``."""
    return len(text) - sum(map(str.isspace, text))


def ocr_reason(text: str, ocr: str, fonts: Iterable[str] = (), uncovered: float | None = None) -> str | None:
    """Why a page with this text layer must be read by OCR, or None to keep its text.

        >>> ocr_reason("", "auto")
        'text layer empty'
        >>> ocr_reason("Báo cáo kết quả thực hiện", "never") is None
        True
        >>> ocr_reason("SAO Y Bộ Công an Thời gian ký: 2025-09-16T14:37:50+07:00", "auto", uncovered=0.93)
        'text layer covers 7% of the ink'

    ``uncovered`` is the share of the page's ink outside the text layer's characters
    (``extract.readers.ink``): a scan under a stamp's or a signature's text is OCR'd.

    Legacy TCVN3/VNI text looks like mojibake but is kept: ``extract.text`` converts it.
    """
    if ocr == "never":
        return None
    if ocr == "always":
        return "OCR requested for every page"
    printed = sum(not ch.isspace() for ch in text)
    if printed == 0:
        return "text layer empty"
    if uncovered is not None and uncovered > MAX_UNCOVERED_INK:
        return f"text layer covers {100 * (1 - uncovered):.0f}% of the ink"
    if printed < MIN_PAGE_CHARS:
        return f"text layer nearly empty ({printed} characters)"
    judged = _judge_text_layer(text, tuple(sorted(fonts)))
    if judged and judged[0] is None:
        return f"text layer looks like mojibake (score {judged[1]:.2f})"
    return None


def legacy_text_layer(text: str, fonts: Iterable[str] = ()) -> tuple[str, float] | None:
    """(legacy encoding, Vietnamese-likeness score) of a text layer that looks like
    mojibake but is TCVN3/VNI text, kept for ``extract.text`` to convert; else None.

        >>> legacy_text_layer("Sở Công Thương báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở") is None
        True
    """
    if sum(not ch.isspace() for ch in text) < MIN_PAGE_CHARS:
        return None
    judged = _judge_text_layer(text, tuple(sorted(fonts)))
    return (judged[0], judged[1]) if judged and judged[0] else None


@functools.lru_cache(maxsize=8)
def _judge_text_layer(text: str, fonts: tuple[str, ...]) -> tuple[str | None, float] | None:
    """None for a text layer that reads as Vietnamese (or has too few words to judge);
    else (its legacy encoding or None for mojibake, its Vietnamese-likeness score).
    Cached: the OCR decision and the warning judge the same page."""
    from extract.text.legacy import detect_legacy
    from extract.text.quality import vietnamese_score, words

    # A page is mojibake throughout or not at all: its first words are enough to judge.
    sample = text[:JUDGED_CHARS]
    if len(words(sample)) < MIN_JUDGED_WORDS:
        return None
    score = vietnamese_score(sample)
    if score >= MOJIBAKE_SCORE:
        return None
    return detect_legacy(text, fonts), score


def _open(pdfium, data: bytes, name: str):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise EncryptedDocument(name, "the PDF needs a password to open") from None
        if code == pdfium.raw.FPDF_ERR_SECURITY:
            raise EncryptedDocument(name, "the PDF uses an unsupported security handler") from None
        raise CorruptDocument(name, "the PDF is damaged or truncated (PDFium cannot parse it)") from None


# --- characters and lines -------------------------------------------------------


def _read_page(pdf, index: int) -> _Page:
    """The text runs of one page, in lines.

    A run is what pdfium measured for the characters between two word breaks that one
    text object prints: its text, loose box, font and size. The page's text comes in one
    call; per character only its text object is asked (0.7 µs), and each run costs two
    box calls plus, once per text object, its font, size and matrix. The size is the
    one printed: the font size times the text matrix's scale, since some producers (the
    gazette's) set every font at size 1 and scale it by the matrix.
    """
    import pypdfium2.raw as raw

    page, stamps = _flattened_page(pdf, index)
    width, height = page.get_size()
    textpage = page.get_textpage()
    tp = textpage.raw
    count = raw.FPDFText_CountChars(tp)
    text = _page_text(raw, tp, count)
    text_object = _text_object_address()
    objects = [text_object(tp, k) for k in range(count)]  # an address, or None
    styles: dict[int, tuple | None] = {}
    fonts: dict[int, tuple[str, bool, bool]] = {}  # font handle → (name, bold, italic)
    first, last = raw.FS_RECTF(), raw.FS_RECTF()
    get_box = raw.FPDFText_GetLooseCharBox
    scratch = (raw.FS_MATRIX(), ctypes.create_string_buffer(256))
    found: list[tuple[int, tuple, _Char]] = []  # (quarter turn, PDF boxes of first and last char, run)
    paired = _SURROGATE.search(text) is not None  # a character beyond the BMP, in two halves
    space_pending = False
    pos = 0  # where the last word ended
    for word in _WORD.finditer(text):
        start, stop = word.span()
        if pos < start:
            # Spaces (printed or inferred by pdfium) are word breaks; line breaks are
            # recomputed from the baselines. A tab pdfium did not infer breaks no word.
            if not space_pending:
                gap = text[pos:start]
                space_pending = " " in gap or "\xa0" in gap or "\t" in gap and any(
                    not objects[i] and text[i] == "\t" for i in range(pos, start))
        pos = stop
        obj = objects[start]
        if obj and objects[start:stop].count(obj) == stop - start:
            spans = ((start, stop),)  # the usual word: one text object prints all of it
        else:
            spans = _object_spans(objects, start, stop)
        for k, end in spans:
            if k < 0:  # characters of no text object break words like spaces
                space_pending = True
                continue
            obj = objects[k]
            style = styles.get(obj, _NO_STYLE)
            if style is _NO_STYLE:
                style = styles[obj] = _object_style(raw, tp, k, obj, fonts, scratch)
            if style is not None:
                size, font, bold, italic, turn = style
                get_box(tp, k, first)
                if end - 1 == k:  # a run of one character: its box is first and last
                    boxes = (first.left, first.bottom, first.right, first.top) * 2
                else:
                    get_box(tp, end - 1, last)
                    boxes = (first.left, first.bottom, first.right, first.top,
                             last.left, last.bottom, last.right, last.top)
                found.append((turn, boxes, _Char(
                    text=_run_text(text[k:end]) if paired else text[k:end], x0=0.0, x1=0.0, base=0.0, size=size, font=font, bold=bold,
                    italic=italic, space_before=space_pending, stamped=obj in stamps,
                )))
            space_pending = False
    blank = raw.FPDFPage_CountObjects(page.raw) == 0
    rotated = bool(page.get_rotation())
    # A page full of text holds its print as text (a page of body text has 1,500-2,500
    # characters); only the others pay for looking at their images (3 ms a page of
    # hundreds of objects) and their ink.
    uncovered = None if blank or rotated or count >= INK_CHECK_BELOW_CHARS else _uncovered_ink(page, found)
    turn = _usual_turn(found)
    frame = _Frame(turn, width, height)
    runs = [frame.place(boxes, run) for t, boxes, run in found if t == turn]
    grids = ruled_tables(page, height, frame.point) if runs else []
    textpage.close()
    page.close()
    runs, in_cells = _runs_in_cells(runs, grids)
    ruled = [(grid, [_lines(cell) for cell in cells]) for grid, cells in in_cells]
    return _Page(number=index + 1, width=frame.width, height=frame.height, lines=_lines(runs), blank=blank,
                 ruled=ruled, turn=turn, uncovered=uncovered, rotated=rotated)


def _uncovered_ink(page, found: list[tuple[int, tuple, _Char]]) -> float | None:
    """Share of the ink of a page holding a large image (a scan) that no text run
    covers; None for other pages and for pages turned by /Rotate (their character
    boxes and their rendering are in different frames)."""
    from extract.readers.ink import MIN_IMAGE_SHARE, image_share, uncovered_ink

    if image_share(page) < MIN_IMAGE_SHARE:
        return None
    boxes = [(min(b[0], b[4]), min(b[1], b[5]), max(b[2], b[6]), max(b[3], b[7])) for _, b, _ in found]
    return uncovered_ink(page, boxes)


def _usual_turn(found: list[tuple[int, tuple, _Char]]) -> int:
    """The quarter turn most of a page's letters are printed at: 0, or 90 / 270 for a
    table set sideways on an upright page (a gazette annex)."""
    letters: Counter = Counter()
    for turn, _, run in found:
        letters[turn] += len(run.text)
    return letters.most_common(1)[0][0] if letters else 0


@dataclass(slots=True)
class _Frame:
    """The page as its text reads: upright, or turned a quarter so that sideways text runs
    left to right. Coordinates are from the top left of the frame, in points."""

    turn: int
    pdf_width: float
    pdf_height: float

    @property
    def width(self) -> float:
        return self.pdf_width if self.turn == 0 else self.pdf_height

    @property
    def height(self) -> float:
        return self.pdf_height if self.turn == 0 else self.pdf_width

    def point(self, x: float, y_top: float) -> tuple[float, float]:
        """A point given from the PDF page's top left, in the frame."""
        if self.turn == 90:  # text running up the page: turn the page a quarter clockwise
            return self.pdf_height - y_top, x
        if self.turn == 270:  # running down it: a quarter the other way
            return y_top, self.pdf_width - x
        return x, y_top

    def place(self, boxes: tuple, run: _Char) -> _Char:
        """Set a run's extent and baseline from its first and last characters' PDF boxes."""
        l0, b0, r0, t0, l1, b1, r1, t1 = boxes
        if self.turn == 90:  # letters' feet to the right (+x), reading upwards (+y)
            run.x0, run.x1, run.base = b0, max(t1, b0), max(r0, r1)
        elif self.turn == 270:  # feet to the left, reading downwards
            x0 = self.pdf_height - t0
            run.x0, run.x1, run.base = x0, max(self.pdf_height - b1, x0), self.pdf_width - min(l0, l1)
        else:
            run.x0, run.x1, run.base = l0, max(r1, l0), self.pdf_height - b0
        if not run.size:
            run.size = (r0 - l0) if self.turn else (t0 - b0)
        return run


def _runs_in_cells(runs: list[_Char], grids: list[TableGrid]) -> tuple[list[_Char], list]:
    """The runs outside every ruled table, and per table the runs of each of its cells."""
    if not grids:
        return runs, []
    ruled = [(grid, [[] for _ in grid.cells]) for grid in grids]
    outside = []
    for run in runs:
        x, y = (run.x0 + run.x1) / 2, run.base - run.size / 2
        for grid, cells in ruled:
            x0, top, x1, bottom = grid.box
            if x0 <= x <= x1 and top <= y <= bottom:
                k = next((k for k, c in enumerate(grid.cells) if c.box[0] <= x <= c.box[2] and c.box[1] <= y <= c.box[3]), None)
                if k is not None:
                    cells[k].append(run)
                    break
        else:
            outside.append(run)
    return outside, ruled


_BREAKS = frozenset(" \xa0\r\n\t")
# A run of characters between word breaks (the text of a page, in pdfium's order)
_WORD = regex.compile(r"[^ \xa0\r\n\t]+")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _object_spans(objects, start: int, stop: int) -> list[tuple[int, int]]:
    """The (first, end) character ranges of one word that one text object prints each,
    in order; (-1, -1) stands for a character no object prints (pdfium made it up)."""
    spans = []
    k = start
    while k < stop:
        obj = objects[k]
        if not obj:
            spans.append((-1, -1))
            k += 1
            continue
        end = k + 1
        while end < stop and objects[end] == obj:
            end += 1
        spans.append((k, end))
        k = end
    return spans
_NO_STYLE = object()


def _page_text(raw, tp, count: int) -> str:
    """The page's characters, one Python character per pdfium character index: a
    character beyond the BMP stays as its two surrogate halves, joined per run."""
    buf = ctypes.create_string_buffer(2 * (count + 1))
    written = raw.FPDFText_GetText(tp, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))) - 1
    if written != count:  # a page whose text call stops short: ask character by character
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, k)) for k in range(count))
    else:
        units = array.array("H", buf.raw[: 2 * count])
        if sys.byteorder == "big":
            units.byteswap()  # pdfium writes UTF-16LE
        text = "".join(map(chr, units))
    # pdfium's codes for a hyphen that ends a line (2, or the noncharacter U+FFFE)
    return text.replace("\x02", "-").replace("\ufffe", "-")


def _run_text(raw_text: str) -> str:
    """A run's characters with surrogate pairs joined; half a pair is no character."""
    try:
        return raw_text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in raw_text)


def _object_style(raw, tp, k: int, obj: int, fonts: dict, scratch: tuple) -> tuple[float, str, bool, bool, int] | None:
    """(printed size, font name, bold, italic, quarter turn) of the text object printing
    character ``k``; None for an object turned at a slant (a stamp, a watermark).

    Synthetic italic (LibreOffice, e-signing stamps) only shears the glyphs, and
    PDFium's char angle reports a shear and a turn alike, so the matrix tells them apart.
    """
    matrix, name_buffer = scratch  # one of each per page, filled again for every object
    raw.FPDFText_GetMatrix(tp, k, matrix)
    a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
    if a > 0 and abs(b) < 0.05 * a:
        turn, slanted = 0, abs(c) > 0.1 * abs(d)
    elif b > 0 and abs(a) < 0.05 * b:
        turn, slanted = 90, abs(d) > 0.1 * abs(c)
    elif b < 0 and abs(a) < 0.05 * -b:
        turn, slanted = 270, abs(d) > 0.1 * abs(c)
    else:
        return None
    scale = abs(a * d - b * c) ** 0.5
    size = raw.FPDFText_GetFontSize(tp, k) * (scale if scale > 0 else 1.0)
    # Name, flags and weight are the font's: asked once per font the page uses.
    handle = _font_address()(obj)
    font = fonts.get(handle)
    if font is None:
        buf = name_buffer
        ctypes.memset(buf, 0, 256)  # as fresh: a name too long for it is not written at all
        flags = ctypes.c_int()
        length = raw.FPDFText_GetFontInfo(tp, k, buf, 256, flags)
        font = fonts[handle] = _font_style(buf.raw[: max(length - 1, 0)], flags.value, raw.FPDFText_GetFontWeight(tp, k))
    return round(size, 2), font[0], font[1], font[2] or slanted, turn


def _flattened_page(pdf, index: int):
    """Page ``index`` with its annotations' appearances merged into its content, and
    the addresses of the text objects that came from them.

    E-signing systems stamp the document number and the day and month of the date
    into signature widgets ("Số: 8151 /BNV-CCHC", "ngày 18 tháng 9"), which a text
    page of the bare content does not see. Flattening makes them printed text at
    their place; only pages with annotations pay for it (and are loaded again, as
    PDFium requires after a flatten). Flattening appends the appearances after the
    page's own objects.
    """
    import pypdfium2.raw as raw

    page = pdf[index]
    if not raw.FPDFPage_GetAnnotCount(page.raw):
        return page, frozenset()
    own = raw.FPDFPage_CountObjects(page.raw)
    if raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) != raw.FLATTEN_SUCCESS:
        return page, frozenset()
    page.close()
    page = pdf[index]
    stamps: set[int] = set()
    pending = [raw.FPDFPage_GetObject(page.raw, k) for k in range(own, raw.FPDFPage_CountObjects(page.raw))]
    while pending:
        obj = pending.pop()
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            pending.extend(raw.FPDFFormObj_GetObject(obj, k) for k in range(raw.FPDFFormObj_CountObjects(obj)))
        elif kind == raw.FPDF_PAGEOBJ_TEXT:
            stamps.add(ctypes.cast(obj, ctypes.c_void_p).value)
    return page, frozenset(stamps)


@functools.cache
def _text_object_address():
    """FPDFText_GetTextObject returning the object's address as an int.

    pypdfium2's binding returns a ctypes pointer, and turning that into a comparable
    address costs 3 µs a character; the same C function declared with a c_void_p
    result costs 0.7 µs.
    """
    import pypdfium2.raw as raw

    address = ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)


@functools.cache
def _font_address():
    """FPDFTextObj_GetFont taking and returning addresses as ints: two ctypes casts a
    text object fewer than pypdfium2's binding."""
    import pypdfium2.raw as raw

    address = ctypes.cast(raw.FPDFTextObj_GetFont, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)(address)


def _font_style(raw_name: bytes, flags: int, weight: int) -> tuple[str, bool, bool]:
    """(font name without subset tag, bold, italic) from what the PDF says of a font."""
    name = _SUBSET_TAG.sub("", raw_name.decode("latin-1"))
    bold = bool(_BOLD_NAME.search(name)) or weight >= 600
    italic = bool(_ITALIC_NAME.search(name)) or bool(flags & _FONT_FLAG_ITALIC)
    return name, bold, italic


def _lines(chars: list[_Char]) -> list[list[_Piece]]:
    """Printed lines, top to bottom, each cut into pieces at wide gaps."""
    if not chars:
        return []
    # Diacritics printed as separate combining glyphs travel with their base letter.
    combining = unicodedata.combining
    glyphs: list[list[_Char]] = []
    for ch in chars:
        if glyphs and combining(ch.text[0]):
            glyphs[-1].append(ch)
        else:
            glyphs.append([ch])
    glyphs.sort(key=lambda g: g[0].base)
    rows: list[list[list[_Char]]] = []
    row: list[list[_Char]] = []
    row_base = row_size = 0.0
    for g in glyphs:
        c = g[0]
        size = c.size
        if not rows or c.base - row_base > 0.45 * (size if size > row_size else row_size):
            row = []
            rows.append(row)
            row_base, row_size = c.base, size
        row.append(g)
        if size > row_size:
            row_size = size
    lines = []
    for row in _raised_marks_joined(rows):
        _mark_superscripts(row)
        row.sort(key=lambda g: g[0].x0)
        pieces, current = [], []
        for g in row:
            c = g[0]
            if current:
                prev = current[-1]
                if prev.text == c.text and abs(prev.x0 - c.x0) < 0.2 * c.size:
                    continue  # fake bold: the same glyph printed twice, slightly shifted
                # Justified text stretches word gaps to ~0.8 em; columns and table
                # cells sit further apart. A tab after a bullet or number is no column.
                if (c.x0 - prev.x1 > _COLUMN_GAP * (c.size if c.size > prev.size else prev.size)
                        and not _LABEL.fullmatch(_join_chars(current))):
                    pieces.append(_Piece(current))
                    current = []
            current.extend(g)
        pieces.append(_Piece(current))
        pieces = [part for piece in pieces for part in _split_at_motto(piece) if not _RULE.fullmatch(part.text)]
        if pieces:
            lines.append(pieces)
    return lines


def _raised_marks_joined(rows: list[list[list[_Char]]]) -> list[list[list[_Char]]]:
    """A row of nothing but small digits raised so far above the line it marks that it
    makes a row of its own (a footnote mark, "… lao động¹") joins the row below it."""
    out: list[list[list[_Char]]] = []
    for k, row in enumerate(rows):
        below = rows[k + 1] if k + 1 < len(rows) else None
        if below and all(g[0].text.isascii() and g[0].text.isdigit() for g in row):
            size = max(g[0].size for g in below)
            base = max(g[0].base for g in below)
            if all(g[0].size < 0.8 * size and base - size < g[0].base < base for g in row):
                below.extend(row)
                continue
        out.append(row)
    return out


def _mark_superscripts(row: list[list[_Char]]) -> None:
    """Small raised digits become superscript digits: a footnote mark stays off the
    word it follows ("Lâm Đồng¹", "43/2011/NĐ-CP²") and "m³" keeps its meaning."""
    counts: dict[float, int] = {}
    for g in row:
        counts[g[0].size] = counts.get(g[0].size, 0) + 1
    if len(counts) == 1 and next(iter(counts)) >= 0:
        return  # one size: nothing is smaller than the line
    size = max(counts, key=counts.__getitem__)  # the first seen of the most frequent, as Counter
    bases: dict[int, int] = {}
    for g in row:
        if g[0].size == size:
            b = round(g[0].base)
            bases[b] = bases.get(b, 0) + 1
    base = max(bases, key=bases.__getitem__)
    for g in row:
        c = g[0]
        if c.size < 0.8 * size and c.base < base - 0.2 * size and c.text.isascii() and c.text.isdigit():
            c.text = c.text.translate(_SUPERSCRIPT)


def _split_at_motto(piece: _Piece) -> list[_Piece]:
    """"BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG CỘNG HÒA XÃ HỘI …" → agency | motto."""
    if "NAM" not in piece.text:
        return [piece]
    starts, bare = [], ""
    for c in piece.chars:  # where each run's letters begin in the line's bare letters
        starts.append(len(bare))
        bare += "".join(ch for ch in _bare(c.text) if ch.isalpha())
    for motto in _MOTTOS:
        at = bare.find(_bare(motto).replace(" ", ""))
        if at > 0 and at in starts:
            cut = starts.index(at)
            return [_Piece(piece.chars[:cut]), _Piece(piece.chars[cut:])]
    return [piece]


def _bare(text: str) -> str:
    """Letters without diacritics: "HOÀ" → "HOA" (so "HOÀ" matches "HÒA")."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _join_chars(chars: list[_Char]) -> str:
    out = []
    prev = None
    for c in chars:
        if prev is not None and not unicodedata.combining(c.text[0]):
            gap = c.x0 - prev.x1
            if c.space_before and gap > -0.5 or gap > 0.25 * c.size:
                out.append(" ")
        out.append(c.text)
        prev = c
    # ToUnicode maps often give decomposed letters ("ô" + U+0301); NFC loses nothing.
    return unicodedata.normalize("NFC", "".join(out).strip())


# --- running headers, footers, page numbers --------------------------------------


def _drop_furniture(pages: list[_Page], doc: Document) -> dict[int, list[tuple[tuple[float, float, float, float], str]]]:
    """Remove running headers and footers, page numbers, the gazette's header and
    banner and the e-signing portal's block (``extract.readers.furniture``); keep the
    portal's block as ``doc.signature`` and count what was dropped. Returns, per page
    number, the box (x0, top, x1, bottom in points from the top left) and kind of each
    furniture line of an upright page, for OCR to leave out what it reads there."""
    from extract.readers.furniture import PageLine, find_furniture

    views = [[PageLine(" ".join(p.text for p in line), _line_top(line) / page.height,
                       max(p.base for p in line) / page.height, len(line))
              for line in page.lines] for page in pages]
    found = find_furniture(views)
    doc.measured["furniture_lines"] = [(p + 1, kind, views[p][i].text) for (p, i), kind in sorted(found.kinds.items())]
    boxes: dict[int, list] = {}
    for (p, i), kind in found.kinds.items():
        if not pages[p].turn and not pages[p].rotated:
            line = pages[p].lines[i]
            box = (min(q.x0 for q in line), _line_top(line), max(q.x1 for q in line), max(q.base for q in line))
            boxes.setdefault(pages[p].number, []).append((box, kind))
    for p, page in enumerate(pages):
        page.lines = [line for i, line in enumerate(page.lines) if found.keeps(p, i)]
    doc.signature = found.signature
    if found.kinds:
        doc.measured["furniture"] = dict(Counter(found.kinds.values()))
    if found.banner:
        doc.measured["gazette_banner"] = found.banner
    return boxes


def _line_top(line: list[_Piece]) -> float:
    return min(p.base - p.size for p in line)


# --- blocks ----------------------------------------------------------------------


@dataclass(slots=True)
class _Layout:
    """What a page's body text looks like: margins, tab stops, line spacing."""

    left: float
    right: float
    spacing: float
    stops: frozenset[int]  # x0 positions where three or more lines of the document start

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


def _tab_stops(pages: list[_Page]) -> frozenset[int]:
    """x positions (±1 pt) where many lines of the document start: three, or one in
    200 in a long document (where a title's x0 may recur by chance)."""
    starts = Counter(round(line[0].x0) for page in pages for line in page.lines if len(line) == 1)
    least = max(3, sum(starts.values()) // 200)
    near = {x: starts[x - 1] + starts[x] + starts[x + 1] for x in starts}
    return frozenset(x + d for x, n in near.items() if n >= least for d in (-1, 0, 1))


def _layout(page: _Page, stops: frozenset[int]) -> _Layout:
    pieces = [line[0] for line in page.lines if len(line) == 1] or [p for line in page.lines for p in line]
    left = Counter(round(p.x0) for p in pieces).most_common(1)[0][0]
    ends = sorted(p.x1 for p in pieces)
    right = ends[int(0.9 * (len(ends) - 1))]  # the right margin, ignoring a few overhanging lines
    deltas = [b.base - a.base for a, b in zip(pieces, pieces[1:]) if 0.75 * b.size < b.base - a.base < 2.5 * b.size]
    spacing = median(deltas) if deltas else 1.2 * pieces[0].size
    return _Layout(left=left, right=max(right, left + 1), spacing=spacing, stops=stops)


def _page_blocks(page: _Page, stops: frozenset[int], tables: list[int], open_ends: set[int]) -> list[Block]:
    """Blocks of one page in reading order.

    ``tables`` counts tables across pages; ``open_ends`` collects the ids of blocks
    whose last line runs to the right margin (the sentence may go on below).
    """
    if not page.lines and not page.ruled:
        return []
    blocks: list[Block] = []
    tops: list[float] = []  # where each block starts on the page, to place ruled tables
    if page.lines:
        layout = _layout(page, stops)
        for line in page.lines:
            for p in line:
                p.centered = _is_centered(p, layout)
        for kind, region in _regions(page.lines, layout):
            if kind == "table":
                cells = _table_cells(region, page.number, tables)
                blocks.extend(cells)
                tops.extend(region[0][0].base for _ in cells)
            else:
                where = _column_layout(region, layout) if kind == "column" else layout
                for group in _paragraphs(region, where, kind == "column"):
                    blocks.append(_block(group, page.number, where))
                    tops.append(group[0].base)
                    if kind == "flow" and layout.right - group[-1].x1 < group[-1].size:
                        open_ends.add(id(blocks[-1]))
    for grid, cell_lines in page.ruled:
        at = next((k for k, top in enumerate(tops) if top > grid.box[1]), len(blocks))
        cells = _ruled_cells(grid, cell_lines, page.number, tables)
        blocks[at:at] = cells
        tops[at:at] = [grid.box[1]] * len(cells)
    return blocks


def _ruled_cells(grid: TableGrid, cell_lines: list[list[list[_Piece]]], page: int, tables: list[int]) -> list[Block]:
    """One block per cell of a ruled table that prints something, with its grid place and spans."""
    tables[0] += 1
    out = []
    for cell, lines in zip(grid.cells, cell_lines):
        if not lines:
            continue
        block = _block([_merge(line) for line in lines], page, None)
        block.kind, block.cell = "table_cell", (tables[0] - 1, cell.row, cell.column)
        block.row_span, block.col_span = cell.row_span, cell.column_span
        block.cell_x = (round(cell.box[0], 1), round(cell.box[2], 1))
        out.append(block)
    return out


def _column_layout(column: list[_Piece], page: _Layout) -> _Layout:
    """A header or signature column measured on its own. Its runs are centred on it
    (agency, motto, signer), unless most start at its left edge (Nơi nhận)."""
    left, right = min(p.x0 for p in column), max(p.x1 for p in column)
    layout = _Layout(left=left, right=right, spacing=page.spacing, stops=frozenset())
    flush_left = sum(p.x0 - layout.left < 1.5 for p in column) >= 0.75 * len(column)
    for p in column:
        p.centered = not flush_left and abs((p.x0 + p.x1) / 2 - layout.center) < 0.1 * (layout.right - layout.left) + 2
    return layout


def _is_centered(p: _Piece, layout: _Layout) -> bool:
    width = layout.right - layout.left
    return (
        round(p.x0) not in layout.stops
        and p.x0 > layout.left + p.size
        and p.x1 < layout.right - p.size
        and abs((p.x0 + p.x1) / 2 - layout.center) < 0.03 * width
    )


def _regions(lines: list[list[_Piece]], layout: _Layout):
    """Yield (kind, content) in reading order: "flow" and "column" give pieces, "table" rows.

    The body flows top to bottom. Where lines split in two (agency | quốc hiệu,
    Nơi nhận | signer) the left column is read down first, then the right one.
    Consecutive lines split in three or more runs are table rows.
    """
    flow: list[_Piece] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(line) == 1 or _stretched(lines, i):
            flow.append(_merge(line))
            i += 1
            continue
        if flow:
            yield "flow", flow
            flow = []
        rows = _table_rows(lines, i, layout)
        if rows:
            yield "table", rows
            i += len(rows)
            continue
        first_left, first_right = _two_columns(line)
        left, right = [first_left], [first_right]
        last = line[0].base
        i += 1
        while i < len(lines) and lines[i][0].base - last < 2 * layout.spacing:
            nxt = lines[i]
            if len(nxt) == 1 and _in_column(nxt[0], left, right):
                left.append(nxt[0])
            elif len(nxt) == 1 and _in_column(nxt[0], right, left):
                right.append(nxt[0])
            elif len(nxt) > 1 and not _table_rows(lines, i, layout):
                a, b = _two_columns(nxt)
                left.append(a)
                right.append(b)
            else:
                break
            last = nxt[0].base
            i += 1
        yield "column", left
        yield "column", right
    if flow:
        yield "flow", flow


def _stretched(lines: list[list[_Piece]], i: int) -> bool:
    """A justified line with one wide gap inside a paragraph, not two columns:
    "… Quyết định của        Thủ" between full lines of the same font."""
    line = lines[i]
    if len(line) != 2 or i == 0 or i + 1 == len(lines) or len(lines[i - 1]) > 1 or len(lines[i + 1]) > 1:
        return False
    left, right = line
    return (
        (left.font, left.size, left.bold) == (right.font, right.size, right.bold)
        and right.x0 - left.x1 < 4 * left.size
        and not any(_bare(right.text).startswith(_bare(motto)) for motto in _MOTTOS)
    )


def _two_columns(line: list[_Piece]) -> tuple[_Piece, _Piece]:
    """A line cut at its widest gap: "Số: … /BC-SCT" stays whole, left of the date."""
    gaps = [b.x0 - a.x1 for a, b in zip(line, line[1:])]
    cut = gaps.index(max(gaps)) + 1
    return _merge(line[:cut]), _merge(line[cut:])


def _merge(pieces: list[_Piece]) -> _Piece:
    if len(pieces) == 1:
        return pieces[0]
    merged = _Piece([c for p in pieces for c in p.chars])
    merged.text = " ".join(p.text for p in pieces)
    merged.centered = pieces[0].centered
    return merged


def _table_rows(lines: list[list[_Piece]], i: int, layout: _Layout) -> list[list[_Piece]]:
    """Table rows from line ``i`` on: lines of three or more runs, with the wrapped
    cell lines between them; empty when line ``i`` starts no table."""
    def multi(j):
        return j < len(lines) and len(lines[j]) >= 3

    if not multi(i) or not (multi(i + 1) or multi(i + 2) or multi(i - 1)):
        return []
    rows = [lines[i]]
    j = i + 1
    while j < len(lines):
        near = lines[j][0].base - rows[-1][0].base < 2 * layout.spacing
        if multi(j) and near or near and (multi(j + 1) or multi(j + 2)):
            rows.append(lines[j])
            j += 1
        else:
            break
    return rows


def _table_cells(rows: list[list[_Piece]], page: int, tables: list[int]) -> list[Block]:
    """One block per run, with its (table, row, column).

    Columns are the x intervals the fullest rows cover (a header cell spanning two
    columns would merge them); a run belongs to the column it overlaps most.
    """
    tables[0] += 1
    widest = max(len(row) for row in rows)
    columns: list[list[float]] = []
    for x0, x1 in sorted((p.x0, p.x1) for row in rows if len(row) == widest for p in row):
        if columns and x0 <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    cells = []
    for r, row in enumerate(rows):
        for p in row:
            col = max(range(len(columns)), key=lambda k: min(p.x1, columns[k][1]) - max(p.x0, columns[k][0]))
            block = _block([p], page, None)
            block.kind = "table_cell"
            block.cell = (tables[0] - 1, r, col)
            cells.append(block)
    return cells


def _in_column(p: _Piece, column: list[_Piece], other: list[_Piece]) -> bool:
    """A lone run under a column belongs to it when it starts at or centres under it
    and stays clear of the other column."""
    x0, x1 = min(q.x0 for q in column), max(q.x1 for q in column)
    if x0 < min(q.x0 for q in other):
        if p.x1 > min(q.x0 for q in other):
            return False
    elif p.x0 < max(q.x1 for q in other):
        return False
    return abs(p.x0 - x0) < p.size or abs((p.x0 + p.x1) / 2 - (x0 + x1) / 2) < 0.25 * (x1 - x0) + p.size


def _paragraphs(stream: list[_Piece], layout: _Layout, column: bool) -> list[list[_Piece]]:
    groups: list[list[_Piece]] = []
    for p in stream:
        if not groups or _starts_paragraph(p, groups[-1], layout, column):
            groups.append([p])
        else:
            groups[-1].append(p)
    return groups


def _starts_paragraph(p: _Piece, group: list[_Piece], layout: _Layout, column: bool) -> bool:
    """Does line ``p`` open a new paragraph after the lines of ``group``?

    ``column``: a column of the header or signature, measured by ``layout``.
    """
    prev, right = group[-1], layout.right
    if _LABEL.match(p.text):
        return not _wrapped_label(p, group, layout)
    gap = p.base - prev.base
    # Closer than a line can be (table cells, interleaved runs) or a blank line apart.
    if gap < 0.75 * p.size or gap > layout.spacing + max(2.5, 0.25 * p.size):
        return True
    # A change of slant is no break: quotations in italics run on inside a paragraph.
    if abs(p.size - prev.size) > 0.75 or (p.bold >= 0.8) != (prev.bold >= 0.8):
        return True
    # Centred title lines may be measured off-centre; a body line starts at a tab stop.
    if p.centered != prev.centered and (column or round((prev if p.centered else p).x0) in layout.stops):
        return True
    # "BÁO CÁO" above its subject line; "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC".
    upper, prev_upper = _upper(p.text), _upper(prev.text)
    if column and (upper or prev_upper):
        return True
    # A block standing alone in the right half, line under short line (a signature
    # without "Nơi nhận" beside it: "KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG") reads as a column.
    if (upper or prev_upper) and min(p.x0, prev.x0) > layout.center and max(p.x1 - p.x0, prev.x1 - prev.x0) < 0.4 * (right - layout.left):
        return True
    if (p.centered or p.bold >= 0.8) and None not in (upper, prev_upper) and upper != prev_upper:
        return True
    if p.centered:
        return False
    hanging = len(group) == 1 and _LABEL.match(prev.text)
    if p.x0 > prev.x0 + 0.8 * p.size and not hanging:
        return True  # first-line indent of the next paragraph
    # The previous line stopped short although this line's first word would have fit.
    return right - prev.x1 > _first_word_width(p) + p.size


def _wrapped_label(p: _Piece, group: list[_Piece], layout: _Layout) -> bool:
    """A line that starts like a label but carries on the sentence above it, which
    ran to the right margin: "… tại điểm b khoản 4 Điều" + "8. Đồng thời, …" at the
    paragraph's left margin, under an indented first line. A paragraph continued from
    the page before has no indented first line: there the line must start at the
    page's left margin, and a ";" above ends a list item instead.
    """
    prev = group[-1]
    label = _LABEL.match(p.text).group(0)
    if regex.match(r"\p{L}", label) and regex.match(r"\s+\p{Lu}", p.text[len(label):]):
        return False  # "Điều 36. Tài chính …", "Mục 2: Nền tảng …": a heading, never a wrapped word
    if len(group) == 1 and _label_shape(group[0].text) == _label_shape(p.text):
        return False  # the next item of a list of one-line headings: "Điều 35. …" then "Điều 36. …"
    margin = min((q.x0 for q in group[1:]), default=p.x0)  # where the paragraph's lines start
    if layout.right - prev.x1 >= p.size or abs(p.x0 - margin) >= 2:
        return False
    if p.x0 < group[0].x0 - 0.8 * p.size:
        return not regex.search(r"[.:!?…]\W*$", prev.text)
    return (
        abs(p.x0 - group[0].x0) < 2
        and abs(p.x0 - layout.left) < 2
        and not regex.search(r"[.:;!?…]\W*$", prev.text)
    )


def _label_shape(text: str) -> str | None:
    """A line's numbering label with its numbers blanked: "Điều 35. Chiến lược" → "Điều 9.".

        >>> _label_shape("Điều 35. Chiến lược"), _label_shape("II. MỤC ĐÍCH"), _label_shape("Tại khoản 4")
        ('Điều 9.', 'R.', None)
    """
    match = _LABEL.match(text)
    if not match:
        return None
    return regex.sub(r"\d+", "9", regex.sub(r"^[IVXLC]+(?=[.)])", "R", match.group(0)))


def _upper(text: str) -> bool | None:
    """All letters upper case; None with fewer than two words to tell ("2025", "85/2021/NĐ-CP")."""
    words = 0
    for w in text.split():
        if any(map(str.isalpha, w)):
            words += 1
            if words == 2:
                break
    if words < 2:
        return None
    # Letters are never white space: those of the words with letters are the text's.
    return all(map(str.isupper, filter(str.isalpha, text)))


def _first_word_width(p: _Piece) -> float:
    end = p.x1
    for c in p.chars:
        if c.text.isspace() or c.space_before and c.x0 > p.x0:
            break
        end = c.x1
    return end - p.x0


def _block(group: list[_Piece], page: int, layout: _Layout | None) -> Block:
    size, font, bold, italic = _style_of([c for p in group for c in p.chars])
    return Block(
        text=functools.reduce(_glue, (p.text for p in group)),
        page=page,
        bold=bold >= 0.8,
        italic=italic >= 0.8,
        font_size=size,
        font=font,
        indent=round(group[0].x0, 1),
        align=_align(group, layout) if layout else None,
    )


def _glue(first: str, second: str) -> str:
    """Two lines of one paragraph: a space between them, none after a hyphen that
    closes a word ("43/2011/NĐ-" + "CP", "Covid-" + "19"); "kinh tế -" keeps its space.

        >>> _glue("theo Nghị định số 43/2011/NĐ-", "CP ngày"), _glue("kinh tế -", "xã hội")
        ('theo Nghị định số 43/2011/NĐ-CP ngày', 'kinh tế - xã hội')
    """
    if first.endswith(("-", "\u00ad")) and len(first) > 1 and not first[-2].isspace():
        return first + second
    return f"{first} {second}"


def _align(group: list[_Piece], layout: _Layout):
    if 2 * sum(p.centered for p in group) >= len(group):
        return "center"
    if all(p.x0 > layout.center and abs(p.x1 - layout.right) < p.size for p in group):
        return "right"
    if len(group) > 1 and all(abs(p.x1 - layout.right) < p.size for p in group[:-1]):
        return "justify"
    return "left"


# --- paragraphs cut by a page break or a stray blank line -------------------------


def _join_broken_paragraphs(pages: list[list[Block]], open_ends: set[int]) -> list[Block]:
    """Blocks in page order, with paragraphs cut in two joined again.

    Across a page break: the last body block of page N (footnotes in a smaller
    font may follow it; they stay after the joined paragraph) is joined with the
    first block of page N+1 when it does not end a sentence and the next one carries
    on: no numbering label, and it starts in lower case or with a digit, or at the
    left margin in the same font. A label-like start ("4.0 (sau đây gọi là …") carries
    on when the tail ran to the right margin and the head starts left of the tail's
    first-line indent. Within a page, only the lower case / digit case, between plain
    (not bold, not centred) paragraphs: "… theo Nghị định số" + blank line +
    "04/NĐ-CP ngày 09/01/2015 …". ``open_ends``: ids of blocks whose last line is full.
    """
    out: list[Block] = []
    for blocks in pages:
        for k, block in enumerate(blocks):
            if k == 0:
                at = _last_body_block(out)
                joined = at is not None and _continues(out[at], block, id(out[at]) in open_ends)
                if joined:
                    out[at].joined_across_pages = True
            else:
                at = len(out) - 1
                joined = _continues(out[at], block, None)
            if joined:
                out[at].text = _glue(out[at].text, block.text)
                (open_ends.add if id(block) in open_ends else open_ends.discard)(id(out[at]))
            else:
                out.append(block)
    return out


def _last_body_block(blocks: list[Block]) -> int | None:
    if not blocks:
        return None
    page = blocks[-1].page
    body = [i for i, b in enumerate(blocks) if b.page == page]
    sizes = Counter(blocks[i].font_size for i in body if blocks[i].font_size)
    if not sizes:
        return body[-1]
    body_size = sizes.most_common(1)[0][0]
    return next((i for i in reversed(body) if (blocks[i].font_size or body_size) >= body_size - 1), body[-1])


def _continues(tail: Block, head: Block, tail_open: bool | None) -> bool:
    """Does ``head`` carry on the paragraph ``tail``? ``tail_open`` is None within a
    page, else whether the tail's last line ran to the right margin."""
    across_pages = tail_open is not None
    if tail.kind != "paragraph" or head.kind != "paragraph":
        return False
    # A centred title may wrap onto a line of its own; nothing else centred runs on.
    if "center" in (tail.align, head.align) and (across_pages or not (tail.bold and head.bold)):
        return False
    end = tail.text.rstrip()
    if not end or _SENTENCE_END.search(end):
        return False
    first = head.text.lstrip()[:1]
    if _CLAUSE_END.search(end):
        return first.islower() and not _LABEL.match(head.text) and (across_pages or not tail.bold)
    if _LABEL.match(head.text):
        # "4.0 (sau đây …" at the margin, left of the tail's first-line indent
        return bool(tail_open) and None not in (head.indent, tail.indent) and head.indent < tail.indent - 0.8 * (head.font_size or 0)
    same_font = head.font_size == tail.font_size and head.bold == tail.bold and head.italic == tail.italic
    if not across_pages:
        # An italic quotation may start mid-paragraph: size and weight must agree, not
        # slant. "BÁO CÁO" stays apart from its lower-case subject line.
        if first.islower():
            same_size = abs((head.font_size or 0) - (tail.font_size or 0)) <= 0.5
            return head.bold == tail.bold and same_size and not _upper(tail.text)
        return same_font and not tail.bold and first.isdigit()
    if first.islower() or first.isdigit():
        return True
    # Only a tail whose last line ran to the margin carries on in a head printed alike
    # ("Bùi Thanh Sơn" ends a signature; "CHÍNH PHỦ" opens the annex over the page).
    return (bool(tail_open) and same_font and head.font == tail.font and head.indent is not None
            and head.indent <= (tail.indent or 0) + 1)
