"""Old and scanned documents made from real corpus content must read like the originals.

Each fixture is made here, once per test session, from a clean corpus file:
- image-only PDFs: pages rendered at 300 dpi (a scanner's resolution), turned by
  1.5° one way or the other, with grey noise and specks, saved by Pillow without any
  text layer;
- a DOCX and a PDF typed in the TCVN3 font .VnTime (the text stored as TCVN3 bytes,
  the way Vietnamese was typed before Unicode), the PDF printed by LibreOffice, so its
  text layer is mojibake unless it is recognised and converted.

Each must give the same section tree as the clean original through ``extract.parse``
and at least 90 % of its citation keys. ``docs/accuracy.md`` (ocr section) has the
figures; ``.venv/bin/python tests/test_ocr_fixtures.py`` measures them again.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import corpus_path
from office import libreoffice_convert, renamed_fonts

import extract

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

SEED_PDF = "seed/bao-cao-qcdc-6t-2021.pdf"
SEED_DOCX = "seed/bao-cao-qcdc-6t-2021.docx"
SCAN_DPI = 300


# ── making the fixtures ──────────────────────────────────────────────────────


def pdf_pages(data: bytes, pages: list[int]) -> bytes:
    """A PDF of only the given 1-based pages (with their text layer)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(data)
    out = pdfium.PdfDocument.new()
    out.import_pages(source, [p - 1 for p in pages])
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def scanned_copy(data: bytes, angle: float = 1.5, seed: int = 6) -> bytes:
    """An image-only PDF of every page: rendered, turned ±angle, with noise and specks."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    grain = Image.new("L", (256, 256))
    grain.putdata([max(0, min(255, round(rng.gauss(128, 28)))) for _ in range(256 * 256)])
    pdf = pdfium.PdfDocument(data)
    images = []
    for number in range(len(pdf)):
        page = pdf[number].render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
        page = page.rotate(angle if number % 2 == 0 else -angle, resample=Image.BICUBIC, fillcolor=255)
        noise = Image.new("L", page.size)
        for x in range(0, page.width, grain.width):
            for y in range(0, page.height, grain.height):
                noise.paste(grain, (x, y))
        page = Image.blend(page, noise, 0.15)
        draw = ImageDraw.Draw(page)
        for _ in range(800):
            x, y, r = rng.randrange(page.width), rng.randrange(page.height), rng.randrange(1, 3)
            draw.ellipse((x, y, x + r, y + r), fill=rng.choice((0, 80, 255)))
        images.append(page)
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=SCAN_DPI)
    return out.getvalue()


def tcvn3_docx(source: Path) -> bytes:
    """The DOCX retyped in .VnTime: every run's text as TCVN3 bytes.

    TCVN3 has no codes for capitals with tone marks; old documents set those in the
    capital font .VnTimeH, which draws the lower-case codes as capitals. A run is
    split where its letters need the other font.
    """
    from copy import deepcopy

    import docx

    from extract.text.legacy import from_unicode

    word = docx.Document(str(source))
    for paragraph in _all_paragraphs(word):
        for run in list(paragraph.runs):
            pieces = _tcvn3_pieces(run.text, from_unicode)
            if not pieces:
                continue
            run.text, run.font.name = pieces[0][1], pieces[0][0]
            anchor = run._r
            for font, text in pieces[1:]:
                element = deepcopy(run._r)
                anchor.addnext(element)
                anchor = element
                piece = docx.text.run.Run(element, paragraph)
                piece.text, piece.font.name = text, font
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _all_paragraphs(word):
    yield from word.paragraphs
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _tcvn3_pieces(text: str, from_unicode) -> list[tuple[str, str]]:
    if text.isupper():
        try:
            return [(".VnTime", from_unicode(text, "tcvn3"))]
        except ValueError:  # a heading in capitals: all of it in the capital font
            return [(".VnTimeH", from_unicode(text.lower(), "tcvn3"))]
    pieces: list[tuple[str, str]] = []
    for ch in text:
        try:
            font, code = ".VnTime", from_unicode(ch, "tcvn3")
        except ValueError:
            font, code = ".VnTimeH", from_unicode(ch.lower(), "tcvn3")
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + code)
        else:
            pieces.append((font, code))
    return pieces


# Every face the seed uses: a missing one would be slanted or thickened by LibreOffice
FACES = (
    ("Regular", "DejaVuSerif.ttf"), ("Bold", "DejaVuSerif-Bold.ttf"),
    ("Italic", "DejaVuSerif-Italic.ttf"), ("Bold Italic", "DejaVuSerif-BoldItalic.ttf"),
)


def libreoffice_pdf(docx_bytes: bytes, work: Path) -> bytes:
    """The DOCX printed to PDF with .VnTime and .VnTimeH installed (DejaVu Serif renamed).

    With the fonts present, LibreOffice embeds them under their own names, as Word did
    on the machines that typed these documents; without them it would substitute a
    Unicode font and the PDF would no longer say that its text is TCVN3.
    """
    source = work / "tcvn3.docx"
    source.write_bytes(docx_bytes)
    faces = [
        (file, family, style, family.lstrip(".") + ("" if style == "Regular" else f",{style.replace(' ', '')}"))
        for family in (".VnTime", ".VnTimeH") for style, file in FACES
    ]
    return libreoffice_convert(source, "pdf", work, fonts_conf=renamed_fonts(work, faces)).read_bytes()


# ── comparing with the original ──────────────────────────────────────────────


def section_ids(sections) -> list[str]:
    return [i for s in sections for i in (s.id, *section_ids(s.children))]


def key_recall(clean, copy) -> float:
    keys = {c.key for c in clean.citations}
    return len(keys & {c.key for c in copy.citations}) / len(keys) if keys else 1.0


@pytest.fixture(scope="session")
def fixtures_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("old-and-scanned")


@pytest.fixture(scope="session")
def seed_scan(fixtures_dir) -> Path:
    path = fixtures_dir / "seed-scan.pdf"
    path.write_bytes(scanned_copy(corpus_path(SEED_PDF).read_bytes()))
    return path


# Other corpus PDFs with a text layer: a clean cut of these pages is the original.
OTHER_PDFS = [
    ("real/lit_thuyetminh-duthao-tt-btc-2025.pdf", [1, 2]),
    ("real/vbai_cv-8151-bnv-2025.pdf", [1]),
]


@pytest.fixture(scope="session", params=OTHER_PDFS, ids=lambda p: Path(p[0]).stem)
def other_scan(request, fixtures_dir) -> tuple[Path, Path]:
    rel, pages = request.param
    clean = fixtures_dir / f"{Path(rel).stem}-clean.pdf"
    clean.write_bytes(pdf_pages(corpus_path(rel).read_bytes(), pages))
    scan = fixtures_dir / f"{Path(rel).stem}-scan.pdf"
    scan.write_bytes(scanned_copy(clean.read_bytes()))
    return clean, scan


@pytest.fixture(scope="session")
def seed_tcvn3_docx(fixtures_dir) -> Path:
    path = fixtures_dir / "seed-tcvn3.docx"
    path.write_bytes(tcvn3_docx(corpus_path(SEED_DOCX)))
    return path


@pytest.fixture(scope="session")
def seed_tcvn3_pdf(fixtures_dir, seed_tcvn3_docx) -> Path:
    work = fixtures_dir / "tcvn3-pdf"
    work.mkdir()
    path = fixtures_dir / "seed-tcvn3.pdf"
    path.write_bytes(libreoffice_pdf(seed_tcvn3_docx.read_bytes(), work))
    return path


# ── the tests ────────────────────────────────────────────────────────────────


def test_scanned_seed_is_read_by_ocr_with_the_same_sections_and_citations(seed_scan):
    clean = extract.parse(corpus_path(SEED_PDF))
    scan = extract.parse(seed_scan)
    assert scan.source.ocr is True
    assert len(scan.source.ocr_confidence) == 9 and min(scan.source.ocr_confidence) > 70
    assert section_ids(scan.sections) == section_ids(clean.sections)
    assert key_recall(clean, scan) >= 0.9


def test_scanned_pages_of_other_corpus_pdfs_give_the_same_sections_and_citations(other_scan):
    clean_path, scan_path = other_scan
    clean, scan = extract.parse(clean_path), extract.parse(scan_path)
    assert scan.source.ocr is True and not clean.source.ocr
    assert section_ids(scan.sections) == section_ids(clean.sections)
    assert key_recall(clean, scan) >= 0.9


def test_ocr_never_leaves_a_scan_unread(seed_scan):
    with pytest.raises(extract.EmptyDocument, match="OCR is off"):
        extract.parse(seed_scan, ocr="never")


def test_seed_typed_in_tcvn3_docx_is_converted_with_the_same_sections_and_citations(seed_tcvn3_docx):
    clean = extract.parse(corpus_path(SEED_DOCX))
    old = extract.parse(seed_tcvn3_docx)
    assert old.source.encoding_repaired == "tcvn3"
    assert section_ids(old.sections) == section_ids(clean.sections)
    assert key_recall(clean, old) >= 0.9


def test_seed_typed_in_tcvn3_printed_to_pdf_has_its_mojibake_text_layer_repaired(seed_tcvn3_pdf):
    import pypdfium2 as pdfium

    layer = pdfium.PdfDocument(seed_tcvn3_pdf.read_bytes())[0].get_textpage().get_text_range()
    assert "B¸o c¸o" in layer or "b¸o c¸o" in layer  # the text layer holds TCVN3 bytes, not Vietnamese
    clean = extract.parse(corpus_path(SEED_PDF))
    old = extract.parse(seed_tcvn3_pdf)
    assert old.source.encoding_repaired == "tcvn3" or old.source.ocr
    assert section_ids(old.sections) == section_ids(clean.sections)
    assert key_recall(clean, old) >= 0.9


# ── the figures for docs/accuracy.md ─────────────────────────────────────────


def measure(work: Path) -> list[dict]:
    """Each fixture against its original: section tree equal, key recall, OCR figures."""
    from conftest import CORPUS

    rows = []

    def compare(name: str, original: Path, copy: Path) -> None:
        clean = extract.parse(original)
        start = time.perf_counter()
        report = extract.parse(copy)
        seconds = time.perf_counter() - start
        confidence = report.source.ocr_confidence or []
        rows.append({
            "fixture": name,
            "same sections": section_ids(report.sections) == section_ids(clean.sections),
            "citation keys": f"{key_recall(clean, report):.0%} of {len({c.key for c in clean.citations})}",
            "read as": "OCR" if report.source.ocr else (report.source.encoding_repaired or "text"),
            "OCR confidence": f"{sum(confidence) / len(confidence):.1f}" if confidence else "–",
            "s/page": f"{seconds / (report.source.pages or 1):.2f}" if report.source.ocr else "–",
        })

    seed_pdf, seed_docx = CORPUS / SEED_PDF, CORPUS / SEED_DOCX
    scan = work / "seed-scan.pdf"
    scan.write_bytes(scanned_copy(seed_pdf.read_bytes()))
    compare("seed PDF, scanned (9 pages)", seed_pdf, scan)
    for rel, pages in OTHER_PDFS:
        clean = work / f"{Path(rel).stem}-clean.pdf"
        clean.write_bytes(pdf_pages((CORPUS / rel).read_bytes(), pages))
        scan = work / f"{Path(rel).stem}-scan.pdf"
        scan.write_bytes(scanned_copy(clean.read_bytes()))
        compare(f"{Path(rel).name} p. {', '.join(map(str, pages))}, scanned", clean, scan)
    for rel in (SEED_DOCX, "real/vbai_bc-dean06-thang9-2025-lamdong.docx"):
        libreoffice_convert(CORPUS / rel, "doc:MS Word 97", work)
        compare(f"{Path(rel).name} saved as .doc", CORPUS / rel, work / f"{Path(rel).stem}.doc")
    tcvn3 = work / "seed-tcvn3.docx"
    tcvn3.write_bytes(tcvn3_docx(seed_docx))
    compare("seed DOCX typed in TCVN3", seed_docx, tcvn3)
    (work / "pdf").mkdir()
    tcvn3_pdf = work / "seed-tcvn3.pdf"
    tcvn3_pdf.write_bytes(libreoffice_pdf(tcvn3.read_bytes(), work / "pdf"))
    compare("seed typed in TCVN3, PDF", seed_pdf, tcvn3_pdf)
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    with tempfile.TemporaryDirectory() as work:
        figures = measure(Path(work))
    print("| " + " | ".join(figures[0]) + " |")
    print("|" + "---|" * len(figures[0]))
    for row in figures:
        print("| " + " | ".join("yes" if v is True else "no" if v is False else str(v) for v in row.values()) + " |")
