"""The OCR reader: pages → paragraphs with boxes, sizes, confidence; typed errors.

Pages come from the seed PDF rendered by pypdfium2 and are read by the real Tesseract.
The paragraph rules are pinned on hand-placed lines (pixel boxes at 250 dpi).
"""

from __future__ import annotations

import io

import pytest

import extract
from extract.document import Block
from extract.errors import OcrUnavailable, Timeout
from extract.readers import ReadOptions, read
from extract.readers.ocr import (
    Line,
    estimate_skew,
    ocr_image,
    ocr_pdf_pages,
    ocr_timing,
    paragraphs,
    repair_heading_labels,
)
from conftest import corpus_path

SEED_PDF = "seed/bao-cao-qcdc-6t-2021.pdf"


def line(x0: int, x1: int, baseline: int, text: str, size: float = 45.0, area: str = "b1") -> Line:
    words = text.split()
    label_width = 40 if text[:1] in "-•" else 0
    return Line(x0, baseline - 36, x1, baseline + 9, baseline, size, words, [95.0] * len(words), area, x0 + label_width)


# A page 2066 px wide (A4 at 250 dpi) with body text from x=250 to x=1820, pitch 60 px.
PARAGRAPH_CASES = [
    pytest.param(
        [line(250, 1820, 600, "Năm 2021 là năm đầu tiên triển khai thực hiện Nghị quyết"),
         line(250, 1100, 660, "nhiệm kỳ 2021 - 2026."),
         line(340, 1820, 720, "Tuy nhiên, việc triển khai các nhiệm vụ của ngành trong"),
         line(250, 1820, 780, "bối cảnh ảnh hưởng bởi đại dịch Covid-19 và bão số 9")],
        ["Năm 2021 là năm đầu tiên triển khai thực hiện Nghị quyết nhiệm kỳ 2021 - 2026.",
         "Tuy nhiên, việc triển khai các nhiệm vụ của ngành trong bối cảnh ảnh hưởng bởi đại dịch Covid-19 và bão số 9"],
        id="a short last line ends a paragraph, a first-line indent starts one",
    ),
    pytest.param(
        [line(290, 1820, 600, "• Quán triệt đến toàn thể đảng viên, công chức, viên chức"),
         line(330, 1820, 660, "hướng phát triển theo Nghị quyết Đại hội XIII về “Thực hành"),
         line(330, 900, 720, "dân chủ xã hội chủ nghĩa”."),
         line(290, 1820, 780, "• Triển khai chủ trương, chỉ đạo, kế hoạch của cấp trên")],
        ["• Quán triệt đến toàn thể đảng viên, công chức, viên chức hướng phát triển theo Nghị quyết Đại hội XIII về “Thực hành dân chủ xã hội chủ nghĩa”.",
         "• Triển khai chủ trương, chỉ đạo, kế hoạch của cấp trên"],
        id="a bulleted item wraps to its text, not to its bullet",
    ),
    pytest.param(
        [line(700, 1370, 300, "BÁO CÁO", size=55),
         line(560, 1510, 360, "kết quả việc thực hiện Quy chế dân chủ ở cơ sở"),
         line(480, 1590, 420, "6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2021"),
         line(250, 1400, 540, "I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH"),
         line(250, 1820, 600, "Năm 2021 là năm đầu tiên triển khai")],
        ["BÁO CÁO kết quả việc thực hiện Quy chế dân chủ ở cơ sở 6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2021",
         "I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH", "Năm 2021 là năm đầu tiên triển khai"],
        id="centred title lines stay together; a wide gap starts a heading",
    ),
    pytest.param(
        [line(250, 700, 300, "ỦY BAN NHÂN DÂN", area="left"),
         line(1100, 1820, 300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", area="right"),
         line(250, 1820, 600, "khoản 4 Điều"),
         line(250, 1820, 660, "8. Đồng thời, tại khoản 1 Điều 11 Nghị định số")],
        ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "khoản 4 Điều 8. Đồng thời, tại khoản 1 Điều 11 Nghị định số"],
        id="text areas are kept apart; a number that goes on a sentence is no label",
    ),
]


@pytest.mark.parametrize("lines, expected", PARAGRAPH_CASES)
def test_ocr_lines_become_paragraphs_by_their_geometry(lines, expected):
    assert [b.text for b in paragraphs(lines, 2066, 2923, page=3)] == expected


def test_ocr_blocks_carry_page_size_indent_alignment_and_confidence():
    lines = [line(700, 1370, 300, "BÁO CÁO", size=60), line(250, 1820, 420, "Năm 2021 là năm đầu tiên")]
    title, body = paragraphs(lines, 2066, 2923, page=2)
    assert (title.page, title.align, title.bold, title.font_size) == (2, "center", None, 17.5)
    assert (body.indent, body.font_size, body.ocr_confidence) == (72.0, 13.0, 95.0)


def test_ocr_drops_page_numbers_at_the_top_of_a_page():
    lines = [line(1000, 1040, 150, "2"), line(250, 1820, 600, "Năm 2021 là năm đầu tiên")]
    assert [b.text for b in paragraphs(lines, 2066, 2923, page=2)] == ["Năm 2021 là năm đầu tiên"]


@pytest.mark.parametrize("texts, expected", [
    (["1. KHÁI QUÁT", "H. CÔNG TÁC CHỈ ĐẠO", "II. KẾT QUẢ", "IV. ĐÁNH GIÁ"],
     ["I. KHÁI QUÁT", "II. CÔNG TÁC CHỈ ĐẠO", "III. KẾT QUẢ", "IV. ĐÁNH GIÁ"]),
    (["1. MỤC ĐÍCH", "2. YÊU CẦU", "3. NỘI DUNG"], ["1. MỤC ĐÍCH", "2. YÊU CẦU", "3. NỘI DUNG"]),
    (["I. MỤC ĐÍCH", "VỀ CÔNG TÁC CHỈ ĐẠO", "1. Dân chủ trong quản lý"],
     ["I. MỤC ĐÍCH", "VỀ CÔNG TÁC CHỈ ĐẠO", "1. Dân chủ trong quản lý"]),
], ids=["roman misreads", "a document numbered 1, 2, 3", "words and sub-headings untouched"])
def test_ocr_heading_labels_are_repaired_only_in_a_roman_sequence(texts, expected):
    assert [b.text for b in repair_heading_labels([Block(t) for t in texts])] == expected


@pytest.mark.slow
def test_ocr_reads_a_seed_page_with_its_headings_as_block_starts():
    data = corpus_path(SEED_PDF).read_bytes()
    blocks, confidence, warnings = ocr_pdf_pages(data, "seed.pdf", [1], ReadOptions())
    assert warnings == []
    starts = [b.text for b in blocks]
    assert "I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH" in starts
    assert "II. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI" in starts
    assert confidence[1] > 90
    assert all(b.page == 1 and b.bold is None and b.ocr_confidence for b in blocks)
    title = next(b for b in blocks if b.text.startswith("BÁO CÁO"))
    body = next(b for b in blocks if b.text.startswith("Năm 2021"))
    assert title.font_size > body.font_size


def _page_image(angle: float = 0.0, quarter_turns: int = 0):
    import pypdfium2 as pdfium
    from PIL import Image

    page = pdfium.PdfDocument(corpus_path(SEED_PDF).read_bytes())[0]
    image = page.render(scale=250 / 72, grayscale=True).to_pil().convert("L")
    if angle:
        image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    return image.rotate(90 * quarter_turns, expand=True) if quarter_turns else image


@pytest.mark.parametrize("angle", [2.0, -1.2])
def test_ocr_measures_the_skew_of_a_turned_page(angle):
    assert estimate_skew(_page_image(angle)) == pytest.approx(-angle, abs=0.25)


@pytest.mark.slow
def test_ocr_reads_a_png_scanned_sideways():
    buffer = io.BytesIO()
    _page_image(quarter_turns=1).save(buffer, "PNG", dpi=(250, 250))
    doc = ocr_image(buffer.getvalue(), "sideways.png", ReadOptions())
    assert doc.ocr and doc.format == "png"
    assert any(b.text.startswith("I. KHÁI QUÁT ĐẶC ĐIỂM") for b in doc.blocks)


@pytest.mark.slow
def test_ocr_gives_up_on_a_page_after_the_time_limit():
    with pytest.raises(Timeout, match="OCR of one page took longer than 0.01 s"):
        ocr_pdf_pages(corpus_path(SEED_PDF).read_bytes(), "seed.pdf", [1], ReadOptions(timeout=0.01))


def test_ocr_unavailable_names_tesseract_and_the_debian_packages(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on this path
    with pytest.raises(OcrUnavailable, match="tesseract-ocr tesseract-ocr-vie") as err:
        ocr_pdf_pages(corpus_path(SEED_PDF).read_bytes(), "seed.pdf", [1], ReadOptions())
    assert err.value.file == "seed.pdf"


@pytest.mark.slow
def test_ocr_timing_reports_seconds_per_page_for_the_bench():
    timing = ocr_timing(corpus_path(SEED_PDF), [1, 2])
    assert timing["pages"] == 2 and timing["seconds_per_page"] > 0 and timing["mean_confidence"] > 90


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize("name", [
    "vbai_cv-4214-bca-2025.pdf", "vbai_qd-932-2025.pdf", "vbai_17026-dean06-thang10-2025.pdf",
    "hp_cv-275-stttt-cntt-phutho-2011-scan.pdf", "das_kh-753-kh-dct-huit-2026-scan.pdf",
    "hp_gioi-thieu-chu-ky-scan.pdf", "vbai_cv-2388-c04-bca-2025.pdf", "lit_cd-186-cd-ttg-2025.pdf",
])
def test_scanned_corpus_pdfs_give_ocr_reports(name):
    report = extract.parse(corpus_path(f"real/{name}"))
    assert report.source.ocr is True
    assert len(report.source.ocr_confidence) == report.source.pages
    assert min(report.source.ocr_confidence) > 50
    assert any("read by OCR" in w for w in report.warnings)
    assert len(report.text) > 300


@pytest.mark.slow
def test_ocr_leaves_a_blank_scanned_back_empty_with_a_warning_and_reads_the_rest():
    # Pages 2 and 4 are the blank backs of a scanned letter: too bare for Tesseract's
    # orientation check, and holding no text.
    relative = "real/vbai_cv-5240-bca-v01-2025.pdf"
    report = extract.parse(corpus_path(relative))
    assert report.source.ocr and report.source.pages == 4
    doc = read(corpus_path(relative).read_bytes(), relative, options=ReadOptions())
    assert "page 2: OCR found no text" in doc.warnings
    assert "page 4: OCR found no text" in doc.warnings
    assert {b.page for b in doc.blocks} == {1, 3}
    assert any(b.text.startswith("ĐỀ CƯƠNG") and b.page == 3 for b in doc.blocks)
