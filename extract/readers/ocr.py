"""Scanned pages → blocks, by Tesseract with the Vietnamese (``vie``) model.

Pages are rendered with pypdfium2, straightened (scanners tilt pages by a degree or
two), and read by the ``tesseract`` program with hOCR output, which keeps every
word's box and each line's text size. Lines become paragraphs by their geometry
(vertical gap, first-line indent, a short last line, a much larger size), so that the
structure step can still tell headings by size, indentation and centring:

    >>> blocks, confidence, warnings = ocr_pdf_pages(seed_pdf_bytes, "seed.pdf", [1], ReadOptions())  # doctest: +SKIP
    >>> [b.text for b in blocks[:2]], blocks[0].page, confidence[1] > 90  # doctest: +SKIP
    (['BÁO CÁO', 'kết quả việc thực hiện Quy chế dân chủ ở cơ sở'], 1, True)

``bold`` stays None: an image does not say which words are bold. ``font_size`` is
Tesseract's text size of the line (``x_size``) in points, ``indent`` the x of the
block's first line from the page's left edge in points, ``ocr_confidence`` the mean
word confidence (0–100).
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import regex

from extract.document import Block, Document
from extract.errors import CorruptDocument, EmptyDocument, OcrUnavailable, Timeout
from extract.readers.ocr_table import Cell, read_cells, ruled_tables
from extract.readers.sizes import check_page, open_image

# 250 dpi reads the corpus scans as well as 300 dpi (same word confidence) in 60 % of
# the time, and reads bold serif Roman numerals ("II.") better (docs/ocr.md).
DPI = 250
LANGUAGE = "vie"
_DEBIAN_PACKAGES = "tesseract-ocr tesseract-ocr-vie"
# A page whose words average below this confidence is tried again turned by the
# angle Tesseract's orientation detection reports (a page scanned sideways).
_RETRY_BELOW_CONFIDENCE = 60.0
_MAX_SKEW_DEGREES = 4.0

_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")
# Marks that may stand alone at a line's edge: list dashes and bullets, opening
# quotes and brackets, the "./." that ends Vietnamese administrative texts.
_LINE_MARKS = frozenset({"-", "–", "+", "•", "*", "“", '"', "(", "[", "./.", "…", "...", "”", ")"})
# Tesseract's Vietnamese model writes the Icelandic eth for the capital Đ.
_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ"})
# OCR drops the narrow space after a document symbol: "NĐ-CPngày" is "NĐ-CP ngày".
_SYMBOL_GLUED = regex.compile(r"(?<=[-/]\p{Lu}{1,12})(?=\p{Ll}{2,})")
_LIST_LABEL = regex.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*[.)]|\p{Ll}\)|[-–+•*])\s")
_PAGE_NUMBER = regex.compile(r"^[-–]?\s*\d{1,4}\s*[-–]?$")
_ENDS_SENTENCE = regex.compile(r"[.;:!?…]$")


@dataclass(slots=True)
class Line:
    """One line of words as Tesseract found it, in pixels."""

    x0: int
    y0: int
    x1: int
    y1: int
    baseline: float  # y of the baseline
    size: float  # Tesseract's x_size: the height of the line's text
    words: list[str]
    confidences: list[float]
    area: str  # Tesseract's text area (column) the line belongs to
    text_x0: int = 0  # where the text starts after a list label ("-", "1.", "a)")
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)  # each word's box

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(slots=True)
class PageResult:
    page: int
    blocks: list[Block] = field(default_factory=list)
    confidence: float = 0.0
    seconds: float = 0.0
    skew: float = 0.0  # degrees the page was turned back before reading
    rotation: int = 0  # quarter turns found by orientation detection
    warning: str | None = None  # why the page gave no text
    tables: list[str] = field(default_factory=list)  # "46 rows × 7 columns" per table read cell by cell
    lines: list[Line] = field(default_factory=list)  # the lines outside its ruled tables
    size: tuple[int, int] = (0, 0)  # the (straightened) page image's width and height
    placed_tables: list[tuple[int, list[Block]]] = field(default_factory=list)  # (top, cells) per table


@dataclass(slots=True)
class OcrRead:
    """What OCR read of a document's pages: blocks in page order, and what it found
    beside the text (the copy stamp or portal block, furniture dropped, warnings)."""

    blocks: list[Block]
    confidence: dict[int, float]
    warnings: list[str]
    signature: object | None = None  # extract.document.Signature
    furniture: list[tuple[int, str, str]] = field(default_factory=list)  # (page, kind, text)


# ── public entry points ──────────────────────────────────────────────────────


def ocr_pdf_pages(
    data: bytes, name: str, page_numbers: list[int], options
) -> tuple[list[Block], dict[int, float], list[str]]:
    """OCR the given 1-based pages of a PDF: blocks in page order, mean confidence per
    page, and warnings for the pages that gave no text ("page 2: OCR found no text")."""
    read = ocr_read(read_pdf_pages(data, name, page_numbers, options))
    return read.blocks, read.confidence, read.warnings


def ocr_read(results: list[PageResult], known: dict[int, list] | None = None) -> OcrRead:
    """Pages read by Tesseract → blocks: furniture (running lines, page numbers, copy
    stamps, the portal's block) dropped, header and signature blocks cut into their
    columns, lines grouped into paragraphs, heading labels mended.

    ``known`` gives per page number the furniture its text layer already holds, as
    ((x0, top, x1, bottom) in points, kind): a stamp's text over the scan. OCR reads
    that stamp again from the image, often badly ("5ÄAU ƒ" for a small "SAO Y"), so
    its lines under those boxes are that furniture whatever they read."""
    from extract.readers.furniture import find_furniture

    furniture = []
    for r in results:
        if known and known.get(r.page):
            boxes = [(_page_box(box, r), kind) for box, kind in known[r.page]]
            kinds = [next((kind for box, kind in boxes if _mostly_inside(l, box)), None) for l in r.lines]
            furniture += [(r.page, kind, l.text) for l, kind in zip(r.lines, kinds) if kind]
            r.lines = [l for l, kind in zip(r.lines, kinds) if not kind]
    found = find_furniture([[_page_line(l, r) for l in r.lines] for r in results])
    for p, r in enumerate(results):
        furniture += [(r.page, found.kinds[(p, i)], l.text) for i, l in enumerate(r.lines) if (p, i) in found.kinds]
        r.lines = [l for i, l in enumerate(r.lines) if found.keeps(p, i)]
        r.blocks = _blocks_of(r)
    warnings = _page_warnings(results)
    blocks = number_tables(repair_heading_labels(join_across_pages([r.blocks for r in results]), warnings))
    if found.signature is not None:
        found.signature.page = results[found.signature.page - 1].page if found.signature.page else None
    return OcrRead(blocks, {r.page: r.confidence for r in results}, warnings, found.signature, furniture)


def _page_box(box: tuple[float, float, float, float], result: PageResult) -> tuple[float, float, float, float]:
    """A box in points on the PDF page → pixels on the straightened page image: scaled
    to the dpi and turned by the skew the page was straightened by (PIL turns about
    the image's centre, counter-clockwise), grown by 4 points for the rounding."""
    import math

    scale = DPI / 72
    width, height = result.size
    cx, cy = width / 2, height / 2
    angle = math.radians(result.skew)
    cos, sin = math.cos(angle), math.sin(angle)
    x0, top, x1, bottom = box
    corners = [((x - 4) * scale if x == x0 else (x + 4) * scale, (y - 4) * scale if y == top else (y + 4) * scale)
               for x in (x0, x1) for y in (top, bottom)]
    turned = [(cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos) for x, y in corners]
    xs, ys = [x for x, _ in turned], [y for _, y in turned]
    return min(xs), min(ys), max(xs), max(ys)


def _mostly_inside(line: Line, box: tuple[float, float, float, float]) -> bool:
    """Half the line's box or more lies inside ``box``."""
    w = min(line.x1, box[2]) - max(line.x0, box[0])
    h = min(line.y1, box[3]) - max(line.y0, box[1])
    area = max(line.x1 - line.x0, 1) * max(line.y1 - line.y0, 1)
    return w > 0 and h > 0 and w * h >= 0.5 * area


def _page_line(line: Line, result: PageResult):
    from extract.readers.furniture import PageLine

    height = result.size[1] or 1
    return PageLine(line.text, line.y0 / height, line.y1 / height, 1 + len(_column_gaps(line)))


def _blocks_of(result: PageResult) -> list[Block]:
    """A page's paragraphs and its tables' cells, top to bottom."""
    width, height = result.size
    placed = placed_paragraphs(result.lines, width, height, result.page) if result.lines else []
    placed = sorted([*placed, *result.placed_tables], key=lambda item: item[0])
    return [block for _, blocks in placed for block in blocks]


def _page_warnings(results: list[PageResult]) -> list[str]:
    return [
        *(f"page {r.page}: {r.warning}" for r in results if r.warning),
        *(f"page {r.page}: ruled table read cell by cell ({shape})" for r in results for shape in r.tables),
    ]


def ocr_image(data: bytes, name: str, options) -> Document:
    """A scanned page saved as PNG, JPEG or TIFF (every frame of a multi-page TIFF) → Document."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    if options is not None and options.ocr == "never":
        raise EmptyDocument(name, "an image holds no text unless it is read by OCR, and OCR is off (--ocr never)")
    require_tesseract(name)
    try:
        with open_image(data, name, DPI, getattr(options, "max_pages", 2000)) as image:
            fmt = (image.format or "image").lower()
            frames = [_grey(frame, DPI) for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise CorruptDocument(name, f"the image cannot be decoded ({exc})") from None
    timeout = _timeout(options)
    with tempfile.TemporaryDirectory(prefix="vnreport-ocr-") as work:
        results = _read_images(((i + 1, frame) for i, frame in enumerate(frames)), Path(work), name, timeout)
    read = ocr_read(results)
    measured = {"ocr_seconds_per_page": _mean([r.seconds for r in results])}
    if read.furniture:
        measured["furniture_lines"] = read.furniture
    return Document(
        format=fmt,
        blocks=read.blocks,
        pages=len(results),
        ocr=True,
        ocr_confidence=[r.confidence for r in results],
        warnings=[
            f"read by OCR (Tesseract {LANGUAGE}); mean word confidence {_mean([r.confidence for r in results]):.1f}",
            *read.warnings,
        ],
        measured=measured,
        signature=read.signature,
        pages_read=["ocr"] * len(results),
    )


def read_pdf_pages(data: bytes, name: str, page_numbers: list[int], options) -> list[PageResult]:
    """Each page read separately, with its timing, skew and rotation (what the bench reports)."""
    import pypdfium2 as pdfium

    require_tesseract(name)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CorruptDocument(name, f"the PDF cannot be opened for OCR ({exc})") from None
    timeout = _timeout(options)
    try:
        count = len(pdf)
        wanted = [p for p in page_numbers if 1 <= p <= count]

        def rendered():
            # Rendering stays on this thread (pdfium is not thread-safe); Tesseract
            # reads each page in its own process while the next page renders.
            for number in wanted:
                check_page(name, number, pdf[number - 1].get_size(), DPI)
                bitmap = pdf[number - 1].render(scale=DPI / 72, grayscale=True)
                yield number, bitmap.to_pil()

        with tempfile.TemporaryDirectory(prefix="vnreport-ocr-") as work:
            return _read_images(rendered(), Path(work), name, timeout)
    finally:
        pdf.close()


def ocr_timing(source: str | Path | bytes, page_numbers: list[int] | None = None, options=None) -> dict:
    """OCR speed on one PDF, for ``scripts/bench.py``.

        >>> ocr_timing("seed/bao-cao-qcdc-6t-2021.pdf")  # doctest: +SKIP
        {'pages': 9, 'seconds': 19.69, 'seconds_per_page': 2.19, 'page_seconds': 4.15, 'mean_confidence': 95.0, 'dpi': 250, 'workers': 2}

    ``seconds`` is the wall time for the pages (pages run in parallel, one Tesseract per
    core); ``page_seconds`` is the mean time one page takes in one Tesseract process.
    """
    import pypdfium2 as pdfium

    data = Path(source).read_bytes() if not isinstance(source, bytes) else source
    if page_numbers is None:
        pdf = pdfium.PdfDocument(data)
        page_numbers = list(range(1, len(pdf) + 1))
        pdf.close()
    start = time.perf_counter()
    results = read_pdf_pages(data, str(source)[:80], page_numbers, options)
    seconds = time.perf_counter() - start
    return {
        "pages": len(results),
        "seconds": round(seconds, 2),
        "seconds_per_page": round(seconds / max(len(results), 1), 2),
        "page_seconds": round(_mean([r.seconds for r in results]), 2),
        "mean_confidence": round(_mean([r.confidence for r in results]), 1),
        "dpi": DPI,
        "workers": _workers(len(results)),
    }


def require_tesseract(name: str | None = None) -> str:
    """Path of ``tesseract`` when it and the ``vie`` model are installed, else OcrUnavailable."""
    program = shutil.which("tesseract")
    if not program:
        raise OcrUnavailable(
            name, f"this file needs OCR and the program 'tesseract' is not installed; "
            f"on Debian/Ubuntu: apt-get install {_DEBIAN_PACKAGES}",
        )
    if LANGUAGE not in _languages(program):
        raise OcrUnavailable(
            name, f"this file needs OCR and Tesseract has no Vietnamese model ({LANGUAGE}); "
            f"on Debian/Ubuntu: apt-get install tesseract-ocr-{LANGUAGE}",
        )
    return program


@functools.cache
def _languages(program: str) -> frozenset[str]:
    try:
        out = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=60)
    except (subprocess.TimeoutExpired, OSError):
        return frozenset()
    return frozenset(line.strip() for line in (out.stdout + out.stderr).splitlines()[1:])


# ── one page ─────────────────────────────────────────────────────────────────


def _read_images(pages, work: Path, name: str, timeout: float) -> list[PageResult]:
    """Straighten, save and OCR each (number, image); results in page order."""
    futures = []
    with ThreadPoolExecutor(max_workers=_workers(None)) as pool:
        for number, image in pages:
            image, skew = clean_page(image)
            # PGM: Tesseract reads it as fast as PNG and writing it costs no compression
            # (0.05 s a page instead of 0.1-0.13 s).
            path = work / f"page-{number:05d}.pgm"
            image.save(path)
            futures.append(pool.submit(_read_page, path, image, number, skew, name, timeout))
        return [f.result() for f in futures]


def _read_page(path: Path, image, number: int, skew: float, name: str, timeout: float) -> PageResult:
    """One page, saved at ``path`` as ``image`` (straightened)."""
    start = time.perf_counter()
    try:
        lines = _tesseract_lines(path, name, timeout)
    except CorruptDocument as exc:
        # One page Tesseract cannot read (a blank back, a page of drawings) leaves
        # that page empty; the rest of the document still counts.
        return PageResult(
            page=number, seconds=time.perf_counter() - start, skew=skew,
            warning=f"OCR found no text (Tesseract failed: {exc.reason})",
        )
    rotation = 0
    if _mean([c for line in lines for c in line.confidences]) < _RETRY_BELOW_CONFIDENCE:
        rotation = _orientation(path, name, timeout)
        if rotation:
            turned_path = path.with_name(f"{path.stem}-turned.pgm")
            upright = image.rotate(-90 * rotation, expand=True)
            upright.save(turned_path)
            turned = _tesseract_lines(turned_path, name, timeout)
            if _mean([c for l in turned for c in l.confidences]) > _mean([c for l in lines for c in l.confidences]):
                lines, image = turned, upright
            else:
                rotation = 0
    outside, placed_tables, tables = _page_tables(image, lines, number, path.with_name(f"{path.stem}-cells"), name, timeout)
    confidences = [c for line in lines for c in line.confidences]
    page_lines = [l for l in outside if not _is_page_number(l, image.size[1])]
    return PageResult(
        page=number, confidence=round(_mean(confidences), 1),
        seconds=time.perf_counter() - start, skew=skew, rotation=rotation,
        warning=None if page_lines or placed_tables else "OCR found no text", tables=tables,
        lines=outside, size=image.size, placed_tables=placed_tables,
    )


def _page_tables(image, lines: list[Line], number: int, work: Path, name: str, timeout: float):
    """The page's lines outside its ruled tables, each table's cell blocks with the y of
    its top rule, and the shape of each table.

    Lines inside a ruled table are left out of the paragraphs: its cells are read
    again one by one (``ocr_table``, crops saved in ``work``) and take the table's
    place among them.
    """
    tables = ruled_tables(image, DPI)
    if not tables:
        return lines, [], []
    outside = [l for l in lines if not any(grid.holds(l.middle, (l.y0 + l.y1) / 2) for grid, _ in tables)]
    work.mkdir()
    run = functools.partial(_run_cells, name=name, timeout=timeout)
    placed = [(grid.top, [_cell_block(cell, index, number) for cell in read_cells(image, cells, work, run)])
              for index, (grid, cells) in enumerate(tables)]
    shapes = [f"{len(grid.across) - 1} rows × {len(grid.down) - 1} columns" for grid, _ in tables]
    return outside, placed, shapes


def _run_cells(args: list[str], listing: Path, name: str, timeout: float) -> str:
    return _run_tesseract(["-l", LANGUAGE, "--dpi", str(DPI), *args], listing, name, timeout)


def _cell_block(cell: Cell, table: int, page: int) -> Block:
    return Block(
        text=_SYMBOL_GLUED.sub(" ", cell.text.translate(_LOOKALIKES)), kind="table_cell", page=page,
        indent=round(cell.box[0] * 72 / DPI, 1), cell=(table, cell.row, cell.column),
        ocr_confidence=round(cell.confidence, 1),
    )


def _tesseract_lines(path: Path, name: str, timeout: float) -> list[Line]:
    hocr = _run_tesseract(["-l", LANGUAGE, "--psm", "3", "--dpi", str(DPI), "hocr"], path, name, timeout)
    return parse_hocr(hocr)


def _orientation(path: Path, name: str, timeout: float) -> int:
    """Quarter turns clockwise that make the page upright, by Tesseract's OSD (0 if unsure)."""
    try:
        out = _run_tesseract(["--psm", "0", "-l", "osd"], path, name, timeout)
    except (OcrUnavailable, CorruptDocument):  # no osd model, or too few letters to judge
        return 0
    fields = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    try:
        degrees = int(fields.get("Rotate", "0").strip())
        confident = float(fields.get("Orientation confidence", "0").strip()) >= 2.0
    except ValueError:
        return 0
    return degrees // 90 if confident else 0


def _run_tesseract(args: list[str], path: Path, name: str, timeout: float) -> str:
    # One thread per Tesseract: pages already run in parallel, and on two cores
    # OpenMP inside one page gains under 10 % (docs/ocr.md).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    proc = subprocess.Popen(
        [require_tesseract(name), str(path), "stdout", *args],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=env, start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise Timeout(name, f"OCR of one page took longer than {timeout:g} s") from None
    if proc.returncode != 0:
        message = err.decode("utf-8", "replace").strip().splitlines()
        if any("osd" in m and "traineddata" in m for m in message):
            raise OcrUnavailable(name, "Tesseract has no orientation model (osd)")
        raise CorruptDocument(name, f"Tesseract could not read a page ({message[-1] if message else proc.returncode})")
    return out.decode("utf-8", "replace")


# ── hOCR → lines → paragraphs ────────────────────────────────────────────────

_NS = "{http://www.w3.org/1999/xhtml}"


def parse_hocr(hocr: str) -> list[Line]:
    """Lines of an hOCR page, in Tesseract's reading order, without stray marks.

        >>> page = ('<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        ...   '<div class="ocr_carea" id="block_1_1">'
        ...   '<span class="ocr_line" title="bbox 10 20 300 60; baseline 0 -8; x_size 40">'
        ...   '<span class="ocrx_word" title="bbox 10 20 120 52; x_wconf 96">BÁO</span>'
        ...   '<span class="ocrx_word" title="bbox 140 20 300 52; x_wconf 94">CÁO</span>'
        ...   '</span></div></body></html>')
        >>> [(l.text, l.size, l.baseline) for l in parse_hocr(page)]
        [('BÁO CÁO', 40.0, 52.0)]
    """
    root = ET.fromstring(hocr.encode("utf-8"))
    lines = []
    for area in root.iter(f"{_NS}div"):
        if area.get("class") != "ocr_carea":
            continue
        for span in area.iter(f"{_NS}span"):
            if span.get("class") not in ("ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat"):
                continue
            line = _line(span, area.get("id", ""))
            if line is not None:
                lines.append(line)
    return lines


def _line(span, area: str) -> Line | None:
    props = _title(span.get("title", ""))
    size = float(props.get("x_size", [0])[0])
    found = []
    for word in span.iter(f"{_NS}span"):
        if word.get("class") != "ocrx_word":
            continue
        text = unicodedata.normalize("NFC", "".join(word.itertext()).strip()).translate(_LOOKALIKES)
        word_props = _title(word.get("title", ""))
        conf = float(word_props.get("x_wconf", ["0"])[0])
        if text:
            found.append((text, conf, [int(v) for v in word_props["bbox"]]))
    found = _drop_specks(found, size)
    if not found or max(conf for _, conf, _ in found) < 30:
        return None
    words = [_SYMBOL_GLUED.sub(" ", text) for text, _, _ in found]
    x0, y0, x1, y1 = (int(v) for v in props["bbox"])
    x0, x1 = found[0][2][0], found[-1][2][2]
    baseline = y1 + float(props.get("baseline", ["0", "0"])[1])
    size = size or float(y1 - y0)
    text_x0 = found[1][2][0] if len(found) > 1 and _LIST_LABEL.match(" ".join(words[:2])) else x0
    return Line(x0, y0, x1, y1, baseline, size, words, [c for _, c, _ in found], area, text_x0,
                [tuple(box) for _, _, box in found])


def _drop_specks(found: list, size: float) -> list:
    """Words of a line without the marks specks, stamps and bullets leave.

    Specks and the edges of stamps and signatures come out as lone punctuation, at
    the start or end of a line or with a low confidence: dropped, while letters and
    digits are kept whatever their score. A round bullet (•), which Tesseract's
    Vietnamese model reads as "ồ" or "ÖÒ", is a short first word followed by a tab
    stop's gap: it becomes "•".
    """
    kept = []
    for i, (text, conf, box) in enumerate(found):
        has_text = bool(_LETTER_OR_DIGIT.search(text))
        at_edge = not kept or i == len(found) - 1
        if not has_text and (conf < 50 or (at_edge and text not in _LINE_MARKS)):
            continue
        kept.append((text, conf, box))
    if len(kept) > 1:
        (text, conf, box), nxt = kept[0], kept[1]
        gap = nxt[2][0] - box[2]
        if len(text) <= 3 and gap > 1.2 * size and not _LIST_LABEL.match(f"{text} ") and text not in _LINE_MARKS:
            kept[0] = ("•", conf, box)
    return kept


def _title(title: str) -> dict[str, list[str]]:
    props = {}
    for part in title.split(";"):
        key, *values = part.split()
        if key:
            props[key] = values
    return props


def paragraphs(lines: list[Line], width: int, height: int, page: int) -> list[Block]:
    """Group one page's lines into paragraph blocks.

    A new paragraph starts at a new text area, after a gap clearly wider than the
    page's usual line pitch, where the text size changes, after a line that stops
    short of the right margin, on a line indented past the one before it, and on a
    line that starts with a list label after one that ended a sentence. Centred
    lines of one size stay together (a two-line title is one paragraph).
    """
    return [block for _, (block,) in placed_paragraphs(lines, width, height, page)]


def placed_paragraphs(lines: list[Line], width: int, height: int, page: int) -> list[tuple[int, list[Block]]]:
    """Each paragraph block (in a list of one) with the y of its first line in pixels."""
    lines = [l for l in lines if not _is_page_number(l, height)]
    if not lines:
        return []
    left, right = _margins(lines, width)
    pitch = _usual_pitch(lines)
    head, body, tail = header_and_signature(lines, width, height)
    groups: list[list[Line]] = []
    for line in body:
        if groups and not _starts_paragraph(groups[-1][-1], line, left, right, pitch):
            groups[-1].append(line)
        else:
            groups.append([line])
    placed = [(group[0].y0, [_block(group, left, right, page)]) for group in groups]
    for region in (head, tail):
        if region:
            top = min(l.y0 for column in region for l in column)
            placed += [(top, [block]) for column in region for block in _column_blocks(column, page)]
    return sorted(placed, key=lambda item: item[0])


# ── the header block and the signature block, by columns ────────────────────

# Where the gap between a header's two columns lies, as shares of the page width:
# the left column (agency, số ký hiệu, trích yếu) is centred near a quarter of the
# page, the right (quốc hiệu, tiêu ngữ, place and date) near seven tenths.
_GUTTER = (0.28, 0.64)
# A gap between two words this many text sizes wide may part two columns; in the
# gutter of a header block one text size does (a long agency name ends 1.2 sizes
# before the quốc hiệu: "BỘ KHOA HỌC VÀ CÔNG NGHỆ CỘNG HÒA …"), word spaces are a third.
_COLUMN_GAP_SIZES = 1.5
_GUTTER_GAP_SIZES = 1.0
_HEADER_ZONE = 0.45  # the header block stands in the top 45 % of its page
_MOTTO_LINE = regex.compile(r"C\w{1,3}NG\s+H\w{1,3}\s+X\w\s+H\w{1,3}|Độc\s+lập|ĐẢNG\s+CỘNG\s+SẢN", regex.I)
_RECIPIENTS = regex.compile(r"^N[ơo]i\s+nh[ậa]n", regex.I)
# The body begins here, whatever side of the page it starts on.
_BODY_START = regex.compile(r"^(?:\W{0,2}K[íi]nh\s+g[ửu]i|\W{0,2}C[ăa]n\s+c[ứu]\b|[-–+]\s)", regex.I)
# A speck or a scrap of a seal read as a line of its own: no column to keep to.
_SCRAP = regex.compile(r"^\W*\w{0,3}\W*$")
_AUTHORITY = regex.compile(r"^(?:KT|TM|TL|TUQ|Q|PP)\s*\.|^(?:BỘ|THỨ|CHỦ|PHÓ|GIÁM|TỔNG|CỤC|VỤ|CHÁNH)\s+\p{Lu}")


def _column_gaps(line: Line, width: int | None = None) -> list[int]:
    """Indices of the words after which the line jumps a gap wide enough to part two
    columns; with ``width``, only a gap in the page's gutter between header columns."""
    gaps = []
    for k in range(1, len(line.boxes)):
        start, end = line.boxes[k - 1][2], line.boxes[k][0]
        if end - start < (_COLUMN_GAP_SIZES if width is None else _GUTTER_GAP_SIZES) * line.size:
            continue
        if width is None or _GUTTER[0] * width <= (start + end) / 2 <= _GUTTER[1] * width:
            gaps.append(k)
    return gaps


def _cut(line: Line, k: int) -> tuple[Line, Line]:
    def part(words, confidences, boxes):
        x0, x1 = boxes[0][0], boxes[-1][2]
        return Line(x0, line.y0, x1, line.y1, line.baseline, line.size, words, confidences, line.area, x0, boxes)

    return (part(line.words[:k], line.confidences[:k], line.boxes[:k]),
            part(line.words[k:], line.confidences[k:], line.boxes[k:]))


def _side(line: Line, width: int) -> str | None:
    """ "left" or "right" for a line that keeps to one column of a header block, else None."""
    if line.x1 <= 0.56 * width and line.middle < 0.42 * width:
        return "left"
    if line.x0 >= 0.33 * width and line.middle > 0.56 * width:
        return "right"
    return None


def _in_columns(lines: list[Line], width: int, header: bool) -> tuple[list[Line], list[Line], list[Line]]:
    """Lines (top to bottom) cut at the gutter and sorted into the left and right
    column, up to the first line that spans both (in a header, or opens the body:
    "Kính gửi:", "Căn cứ", a list dash); and the lines taken. A scrap of a few
    letters (a speck, a piece of a seal) is passed over and left to the body."""
    left: list[Line] = []
    right: list[Line] = []
    taken: list[Line] = []
    for line in lines:
        if header and _BODY_START.match(line.text):
            break
        line = _left_to_right(line)
        gaps = _column_gaps(line, width)
        parts = list(_cut(line, max(gaps, key=lambda k: line.boxes[k][0] - line.boxes[k - 1][2]))) if gaps else [line]
        sides = [_side(part, width) for part in parts]
        if None in sides:
            if _SCRAP.match(line.text):
                taken.append(line)  # no column's and no body's: dropped with the header
                continue
            break
        for part, side in zip(parts, sides):
            part.area = f"{line.area}:{side}"
            (left if side == "left" else right).append(part)
        taken.append(line)
    return left, right, taken


def _left_to_right(line: Line) -> Line:
    """The line with its words in the order of their boxes (Tesseract may give a line
    that joins two columns at slightly different heights right column first)."""
    if not line.boxes or all(a[0] <= b[0] for a, b in zip(line.boxes, line.boxes[1:])):
        return line
    order = sorted(range(len(line.boxes)), key=lambda k: line.boxes[k][0])
    return Line(line.x0, line.y0, line.x1, line.y1, line.baseline, line.size, [line.words[k] for k in order],
                [line.confidences[k] for k in order], line.area, line.x0, [line.boxes[k] for k in order])


def header_and_signature(lines: list[Line], width: int, height: int):
    """A page's lines as (header columns, body lines, signature columns).

    Tesseract runs a line of the left column and the line of the right column beside
    it into one ("VĂN PHÒNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), so the
    agency, the number and the date would be lost. A page whose top holds the quốc
    hiệu or tiêu ngữ has a header block: its lines are cut at the widest gap in the
    gutter between the columns, until the first line that spans both (the title).
    Likewise from "Nơi nhận:" to the end of the page (the recipients on the left,
    the signer on the right). Each region is ([left lines], [right lines]), or () when
    the page has none.

        >>> w = 2066
        >>> def at(y, *runs):  # runs of (x0, x1, text)
        ...     boxes = [(x0 + i * (x1 - x0) // len(t.split()), y, x0 + (i + 1) * (x1 - x0) // len(t.split()) - 12, y + 40)
        ...              for x0, x1, t in runs for i in range(len(t.split()))]
        ...     return Line(runs[0][0], y, runs[-1][1], y + 40, y + 32, 40, [w for *_, t in runs for w in t.split()],
        ...                 [95.0] * len(boxes), "b1", runs[0][0], boxes)
        >>> head, body, tail = header_and_signature([
        ...     at(200, (180, 820, "VĂN PHÒNG CHÍNH PHỦ"), (900, 1900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        ...     at(260, (1050, 1750, "Độc lập - Tự do - Hạnh phúc")),
        ...     at(400, (250, 1800, "Kính gửi: Bộ trưởng các Bộ: Tài chính, Xây dựng, Tư pháp."))], 2066, 2923)
        >>> [[l.text for l in column] for column in head], [l.text for l in body], tail
        ([['VĂN PHÒNG CHÍNH PHỦ'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']], ['Kính gửi: Bộ trưởng các Bộ: Tài chính, Xây dựng, Tư pháp.'], ())
    """
    order = sorted(lines, key=lambda l: (l.y0, l.x0))
    head: tuple = ()
    top = [l for l in order if l.y0 < _HEADER_ZONE * height]
    rest = order
    if any(_MOTTO_LINE.search(l.text) for l in top[:8]):
        left, right, taken = _in_columns(top, width, header=True)
        if left and right:
            head = (left, right)
            rest = [l for l in order if not any(l is t or _same(l, t) for t in taken)]
    tail: tuple = ()
    for i, line in enumerate(rest):
        if _RECIPIENTS.match(line.text) or (line.x0 >= 0.4 * width and _AUTHORITY.match(line.text)):
            left, right, taken = _in_columns(rest[i:], width, header=False)
            if left and right:
                tail = (left, right)
                rest = rest[:i] + [l for l in rest[i:] if not any(l is t or _same(l, t) for t in taken)]
            break
    return head, rest, tail


# Header lines that stand alone even when OCR reads their first letter small ("số: 12/KH").
_OWN_LINE = regex.compile(r"^(?:s[ốốôo]\s*:|v/v\b|về\s+việc\b)", regex.I)


def _same(line: Line, other: Line) -> bool:
    """The same line of the page (``_left_to_right`` makes a new one in word order)."""
    return (line.x0, line.y0, line.x1, line.y1) == (other.x0, other.y0, other.x1, other.y1)


def _column_blocks(column: list[Line], page: int) -> list[Block]:
    """One block per line of a header or signature column, as a text layer gives them;
    a line that goes on in lower case (a trích yếu on two lines) joins the one above."""
    if not column:
        return []
    left, right = min(l.x0 for l in column), max(l.x1 for l in column)
    groups: list[list[Line]] = []
    for line in column:
        if groups and line.words and line.words[0][:1].islower() and not _OWN_LINE.match(line.text):
            groups[-1].append(line)
        else:
            groups.append([line])
    blocks = []
    for group in groups:
        block = _block(group, left - 1, right + 1, page)
        block.align = "center" if len(column) > 1 or block.align else block.align
        blocks.append(block)
    return blocks


def _starts_paragraph(prev: Line, line: Line, left: float, right: float, pitch: float) -> bool:
    span = right - left
    if line.area != prev.area:
        return True
    if line.baseline - prev.baseline > 1.45 * pitch or line.baseline <= prev.baseline:
        return True
    # Tesseract's text size of a line swings by a fifth with its letters (a line
    # of capitals, one without descenders), so only a much larger size is a new block.
    if abs(line.size - prev.size) > 0.4 * max(line.size, prev.size):
        return True
    both_centred = _centred(prev, left, right) and _centred(line, left, right)
    if both_centred:
        return False
    if prev.x1 < right - 0.1 * span:
        return True
    # Indented past where the previous line's text starts: a first-line indent. A
    # hanging list item wraps to its text, not to its label, and stays one paragraph.
    if line.x0 > prev.text_x0 + 0.5 * line.size:
        return True
    return bool(_LIST_LABEL.match(line.text) and _ENDS_SENTENCE.search(prev.text))


# "Hà Nội. ngày 04 tháng T0 năm 2025": a date line's figures misread as letters, its
# comma as a full stop. Only between "ngày"/"tháng"/"năm", only letters that look like
# digits, only where the whole token then reads as a day or a month.
_DATE_LINE = regex.compile(r"(?P<place>\p{L})\.(?=\s+ngày\s)|(?<=\b(?:ngày|tháng)\s+)(?P<figure>[0-9TIlOoÓÔS|!]{1,2})(?=\s+(?:tháng|năm)\b)")
_AS_DIGIT = str.maketrans({"T": "1", "I": "1", "l": "1", "|": "1", "!": "1", "O": "0", "o": "0", "Ó": "0", "Ô": "0", "S": "5"})


def mend_date(text: str) -> str:
    """A date line's OCR slips mended.

        >>> mend_date("Hà Nội. ngày 04 tháng T0 năm 2025")
        'Hà Nội, ngày 04 tháng 10 năm 2025'
        >>> mend_date("ngày Ô6 tháng O năm 2025"), mend_date("ngày | tháng 12 năm 2011")
        ('ngày 06 tháng O năm 2025', 'ngày | tháng 12 năm 2011')
    """
    def repl(m):
        if m["place"]:
            return f"{m['place']},"
        # A lone mark ("ngày | tháng") is a handwritten day Tesseract could not read:
        # only a token holding a digit already is a misread figure.
        figure = m["figure"].translate(_AS_DIGIT)
        has_digit = any(c.isdigit() for c in m["figure"])
        return figure if has_digit and figure.isdigit() and 1 <= int(figure) <= 31 else m["figure"]

    return _DATE_LINE.sub(repl, text) if "ngày" in text else text


def _block(group: list[Line], left: float, right: float, page: int) -> Block:
    scale = 72 / DPI
    confidences = [c for line in group for c in line.confidences]
    if all(_centred(line, left, right) for line in group):
        align = "center"
    elif all(line.x0 > left + 0.3 * (right - left) and line.x1 > right - 0.05 * (right - left) for line in group):
        align = "right"
    else:
        align = None
    return Block(
        text=mend_date(" ".join(line.text for line in group)),
        page=page,
        bold=None,
        font_size=round(statistics.median(line.size for line in group) * scale * 2) / 2,
        align=align,
        indent=round(group[0].x0 * scale, 1),
        ocr_confidence=round(_mean(confidences), 1),
    )


def _centred(line: Line, left: float, right: float) -> bool:
    span = right - left
    return (
        line.x0 > left + 0.05 * span
        and line.x1 < right - 0.05 * span
        and abs(line.middle - (left + right) / 2) < 0.04 * span
    )


def _margins(lines: list[Line], width: int) -> tuple[float, float]:
    """Left and right edges of the body text: where most long lines start and end."""
    widest = max(l.x1 - l.x0 for l in lines)
    long_lines = [l for l in lines if l.x1 - l.x0 > 0.6 * widest] or lines
    starts = sorted(l.x0 for l in long_lines)
    ends = sorted(l.x1 for l in long_lines)
    return starts[len(starts) // 10], ends[-1 - len(ends) // 10]


def _usual_pitch(lines: list[Line]) -> float:
    """Median distance between baselines of consecutive lines of one text area."""
    steps = [
        b.baseline - a.baseline
        for a, b in zip(lines, lines[1:])
        if a.area == b.area and 0 < b.baseline - a.baseline < 3 * max(a.size, b.size)
    ]
    return statistics.median(steps) if steps else 1.3 * statistics.median(l.size for l in lines)


def _is_page_number(line: Line, height: int) -> bool:
    near_edge = line.y1 < 0.08 * height or line.y0 > 0.92 * height
    return near_edge and bool(_PAGE_NUMBER.match(line.text))


def join_across_pages(pages: list[list[Block]]) -> list[Block]:
    """Blocks of all pages in order, a paragraph cut by a page break made whole again.

    The last paragraph of a page goes on at the top of the next when it does not end
    a sentence and the next page starts in lower case, not centred, not with a label.
    """
    blocks: list[Block] = []
    for page_blocks in pages:
        for i, block in enumerate(page_blocks):
            if i == 0 and blocks and _continues(blocks[-1], block):
                last = blocks[-1]
                last.text = f"{last.text} {block.text}"
                last.joined_across_pages = True
                last.ocr_confidence = _mean([last.ocr_confidence or 0.0, block.ocr_confidence or 0.0])
                continue
            blocks.append(block)
    return blocks


def number_tables(blocks: list[Block]) -> list[Block]:
    """Tables numbered through the document, in order, where each page numbered its own from 0.

        >>> cells = [Block("a", "table_cell", page=3, cell=(0, 0, 0)), Block("b", "table_cell", page=4, cell=(0, 0, 0))]
        >>> [b.cell for b in number_tables(cells)]
        [(0, 0, 0), (1, 0, 0)]
    """
    order: dict[tuple[int | None, int], int] = {}
    for block in blocks:
        if block.cell is not None:
            key = (block.page, block.cell[0])
            block.cell = (order.setdefault(key, len(order)), *block.cell[1:])
    return blocks


def _continues(last: Block, first: Block) -> bool:
    if "table_cell" in (last.kind, first.kind):
        return False
    if last.page == first.page or _ENDS_SENTENCE.search(last.text) or first.align or last.align:
        return False
    return not first.text[:1].isupper() and not _LIST_LABEL.match(first.text)


# ── label repair ─────────────────────────────────────────────────────────────

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
# How Tesseract misreads bold serif capitals I: "1", "l", "|", "H" (two I's whose serifs touch)
_AS_ROMAN_I = str.maketrans({"1": "I", "l": "I", "|": "I", "!": "I", "í": "I", "ì": "I", "Í": "I", "Ì": "I", "J": "I"})
_HEADING = regex.compile(r"^[\p{P}\s]*(?P<label>[\p{L}\p{N}|!]{1,4})\s*(?P<dot>[.:,]?)\s+(?P<title>\p{Lu}.*)$")
_NUMBER_COLON = regex.compile(r"^(\d{1,2}|[IVX]{1,4})[:,](?=\s+\p{Lu})")


def repair_heading_labels(blocks: list[Block], warnings: list[str] | None = None) -> list[Block]:
    """Roman numerals of upper-case headings put back where OCR misread them; each
    repair said in ``warnings`` (when given).

        >>> fixed = repair_heading_labels([Block(t) for t in (
        ...     "1. KHÁI QUÁT ĐẶC ĐIỂM", "Năm 2021 là năm đầu tiên.", "H. CÔNG TÁC CHỈ ĐẠO",
        ...     "II. KẾT QUẢ THỰC HIỆN", "_1V. ĐÁNH GIÁ", "1: Ưu điểm")])
        >>> [b.text for b in fixed]
        ['I. KHÁI QUÁT ĐẶC ĐIỂM', 'Năm 2021 là năm đầu tiên.', 'II. CÔNG TÁC CHỈ ĐẠO', 'III. KẾT QUẢ THỰC HIỆN', 'IV. ĐÁNH GIÁ', '1. Ưu điểm']

    Only where the document itself numbers its upper-case headings with Roman
    numerals, only a label that reads as the numeral the sequence expects next
    (``1`` → ``I``, ``11``/``H``/``Il`` → ``II``, ``H1`` → ``III``, a second ``II``
    → ``III``), so a document
    numbered 1, 2, 3 keeps its digits. A "1:" label typed as "1." is mended too.
    The line must look like the document's other Roman headings: a capitalised title
    at their indent (within two text sizes), not a list item set further in.
    """
    headings = [(i, m) for i, b in enumerate(blocks) if len(b.text) <= 150 and (m := _HEADING.match(b.text))]
    headings = [(i, m) for i, m in headings if _upper_title(m["title"])]
    if any(m["label"] in _ROMAN for _, m in headings):
        indents = [blocks[i].indent for i, m in headings if m["label"] in _ROMAN and blocks[i].indent is not None]
        usual = statistics.median(indents) if indents else None
        expected = 0
        for i, m in headings:
            label = m["label"]
            if label in _ROMAN and not (expected < len(_ROMAN) and _dropped_an_i(label, _ROMAN[expected])):
                expected = _ROMAN.index(label) + 1
                continue
            block = blocks[i]
            if usual is not None and block.indent is not None and block.indent > usual + 2 * (block.font_size or 13):
                continue
            if expected < len(_ROMAN) and _reads_as(label, _ROMAN[expected], bool(m["dot"])):
                if warnings is not None:
                    where = f"page {block.page}: " if block.page else ""
                    warnings.append(f"{where}heading label {label + m['dot']!r} read as '{_ROMAN[expected]}.' (OCR misread, from the numbering sequence)")
                block.text = f"{_ROMAN[expected]}. {m['title']}"
                expected += 1
    for block in blocks:
        block.text = _NUMBER_COLON.sub(r"\1.", block.text, count=1)
    return blocks


def _dropped_an_i(label: str, numeral: str) -> bool:
    """ "II" where "III" is due: serifs of three I's run together into two."""
    return numeral.startswith(label) and numeral[len(label):] == "I"


def _reads_as(label: str, numeral: str, dotted: bool) -> bool:
    as_i = label.translate(_AS_ROMAN_I)
    if as_i == numeral or as_i.replace("H", "II") == numeral:
        return True
    # One more letter wrong ("Ic." for "II.") only for a dotted ASCII label that is
    # not a plain number: "VỀ CÔNG TÁC" is a word, "2." is a number.
    from rapidfuzz.distance import Levenshtein

    plausible = dotted and label.isascii() and not label.isdigit() and len(label) > 1
    return plausible and Levenshtein.distance(as_i.upper(), numeral) <= 1


def _upper_title(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# ── page images ──────────────────────────────────────────────────────────────


def clean_page(image):
    """The page straightened and without specks, and the angle it was turned by.

    A 3-pixel median removes the salt-and-pepper of scanners and fax copies; at
    250 dpi the strokes of 10-pt print are about that wide and survive it, so no letter loses a mark.
    """
    from PIL import ImageFilter

    skew = estimate_skew(image)
    if abs(skew) >= 0.1:
        image = image.rotate(skew, resample=_bicubic(), fillcolor=255)
    return image.filter(ImageFilter.MedianFilter(3)), skew


def estimate_skew(image) -> float:
    """Degrees (counter-clockwise) to turn a page image so its text lines are level.

    The page is shrunk and binarised, turned by candidate angles, and the angle whose
    row profile has the sharpest steps (lines of ink, then white gaps) wins.
    """
    from PIL import Image

    small = image.convert("L")
    small = small.resize((max(small.width // 4, 1), max(small.height // 4, 1)), Image.BILINEAR)
    ink = small.point(lambda v: 255 if v < 160 else 0)

    def sharpness(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.BILINEAR, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.BOX).tobytes()
        return sum((a - b) ** 2 for a, b in zip(rows, rows[1:]))

    coarse = [a / 2 for a in range(int(-2 * _MAX_SKEW_DEGREES), int(2 * _MAX_SKEW_DEGREES) + 1)]
    best = max(coarse, key=sharpness)
    fine = [best + a / 10 for a in range(-4, 5)]
    best = max(fine, key=sharpness)
    return round(best, 2) if abs(best) >= 0.1 else 0.0


def _grey(frame, dpi: int):
    image = frame.convert("L")
    found = frame.info.get("dpi", (dpi, dpi))[0] or dpi
    if found and abs(found - dpi) > 20:
        # Tesseract reads best near 300 dpi; a 150-dpi fax is scaled up, a 600-dpi scan down.
        scale = dpi / found
        image = image.resize((round(image.width * scale), round(image.height * scale)), _bicubic())
    return image


def _bicubic():
    from PIL import Image

    return Image.BICUBIC


def _timeout(options) -> float:
    return float(getattr(options, "timeout", 300.0) or 300.0)


def _workers(pages: int | None) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, pages or cores))


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0
