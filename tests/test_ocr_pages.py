"""Which pages are OCR'd, and what a scan's page furniture, header block and headings become.

A page goes to OCR when most of its ink lies outside its text layer's characters: a scan
under an e-signing stamp's text is OCR'd (and read both ways), a scan carrying an
invisible OCR layer of its own keeps that layer. The fixtures are the seed's first page
scanned (``scanned_copy``), given a stamp's text with pdfium or an OCR layer by
Tesseract's own PDF output.
"""

from __future__ import annotations

import ctypes
import io
import shutil
import subprocess

import pytest
from conftest import corpus_path
from test_ocr_fixtures import pdf_pages, scanned_copy

from extract.document import Block
from extract.readers import ReadOptions, read
from extract.readers.furniture import PageLine, find_furniture
from extract.readers.ink import image_share, uncovered_ink
from extract.readers.ocr import Line, header_and_signature, repair_heading_labels

SEED_PDF = "seed/bao-cao-qcdc-6t-2021.pdf"
DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
STAMP = ["SAO Y", "Bộ Công an", "Thời gian ký: 2025-09-16T14:37:50+07:00"]


@pytest.fixture(scope="module")
def scanned_seed_page() -> bytes:
    return scanned_copy(pdf_pages(corpus_path(SEED_PDF).read_bytes(), [1]))


def with_stamp_text(scan: bytes, lines: list[str]) -> bytes:
    """The scan with a stamp's lines printed as text at its top left (as signing tools do)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(scan)
    page = pdf[0]
    height = page.get_size()[1]
    data = open(DEJAVU_SANS, "rb").read()
    font = raw.FPDFText_LoadFont(pdf.raw, (ctypes.c_uint8 * len(data)).from_buffer_copy(data), len(data),
                                 raw.FPDF_FONT_TRUETYPE, True)
    for i, text in enumerate(lines):
        obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, font, 8.0)
        utf16 = (text + "\0").encode("utf-16-le")
        raw.FPDFText_SetText(obj, (ctypes.c_ushort * (len(utf16) // 2)).from_buffer_copy(utf16))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 10, height - 12 - 10 * i)
        raw.FPDFPage_InsertObject(page.raw, obj)
    raw.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.slow
@pytest.mark.corpus
def test_a_scan_under_a_stamps_text_layer_is_ocrd_and_the_stamp_kept_as_the_copy_signature(scanned_seed_page):
    data = with_stamp_text(scanned_seed_page, STAMP)
    doc = read(data, "stamped-scan.pdf", options=ReadOptions())
    assert doc.pages_read == ["both"]
    assert any(w.startswith("page 1: text layer covers") and w.endswith("read by OCR") for w in doc.warnings)
    assert (doc.signature.copy, doc.signature.organisation, doc.signature.time) == (
        "SAO Y", "Bộ Công an", "2025-09-16T14:37:50+07:00")
    text = "\n".join(b.text for b in doc.blocks)
    assert "SAO Y" not in text and "Thời gian ký" not in text
    assert "BÁO CÁO" in text and "Năm 2021" in text


@pytest.mark.slow
@pytest.mark.corpus
def test_a_scan_with_its_own_invisible_ocr_layer_keeps_that_layer(scanned_seed_page, tmp_path):
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is needed to make this fixture")
    import pypdfium2 as pdfium

    image = tmp_path / "page.png"
    pdfium.PdfDocument(scanned_seed_page)[0].render(scale=300 / 72, grayscale=True).to_pil().save(image, dpi=(300, 300))
    subprocess.run(["tesseract", str(image), str(tmp_path / "layer"), "-l", "vie", "--dpi", "300", "pdf"],
                   check=True, capture_output=True, timeout=300, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
    layer = (tmp_path / "layer.pdf").read_bytes()
    doc = read(layer, "layer.pdf", options=ReadOptions())
    assert doc.pages_read == ["text"]
    assert not doc.ocr
    # and were it measured, the layer's characters hold nearly all of the page's ink
    page = pdfium.PdfDocument(layer)[0]
    chars = page.get_textpage()
    boxes = [chars.get_charbox(i, loose=True) for i in range(chars.count_chars())]
    assert image_share(page) > 0.9
    assert uncovered_ink(page, boxes) < 0.2
    assert uncovered_ink(page, []) == 1.0


@pytest.mark.parametrize("lines, copy", [
    (["SAO Y; Bộ Khoa học và Công nghệ; 07/10/2025 17:22:02"], ("SAO Y", "Bộ Khoa học và Công nghệ", "2025-10-07T17:22:02")),
    (STAMP, ("SAO Y", "Bộ Công an", "2025-09-16T14:37:50+07:00")),
    (["SAO LỤC", "Văn phòng Ủy ban nhân dân tỉnh", "Thời gian ký: 12.03.2024 08:01:02 +07:00"],
     ("SAO LỤC", "Văn phòng Ủy ban nhân dân tỉnh", "2024-03-12T08:01:02+07:00")),
], ids=["one line", "three lines", "sao luc"])
def test_a_copy_stamp_is_furniture_kept_as_the_signature(lines, copy):
    page = [PageLine(text, 0.02 + 0.015 * i) for i, text in enumerate(lines)]
    page += [PageLine("BỘ CÔNG AN", 0.1), PageLine("Số: 4214/BCA-C04", 0.13)]
    found = find_furniture([page])
    assert [found.kinds.get((0, i)) for i in range(len(page))] == ["copy stamp"] * len(lines) + [None, None]
    assert (found.signature.copy, found.signature.organisation, found.signature.time) == copy


def test_a_line_saying_sao_y_in_the_body_is_no_stamp():
    found = find_furniture([[PageLine("BỘ CÔNG AN", 0.05), PageLine("Sao y bản chính", 0.5)]])
    assert found.kinds == {} and found.signature is None


def words_line(y: int, *runs: tuple[int, int, str], size: int = 40) -> Line:
    """A Tesseract line at y of runs (x0, x1, text), each word given an even share of its run."""
    boxes, words = [], []
    for x0, x1, text in runs:
        parts = text.split()
        step = (x1 - x0) // len(parts)
        for i, word in enumerate(parts):
            boxes.append((x0 + i * step, y, x0 + (i + 1) * step - 12, y + size))
            words.append(word)
    return Line(runs[0][0], y, runs[-1][1], y + size, y + size - 8, size, words, [95.0] * len(words), "b1",
                runs[0][0], boxes)


def test_a_header_line_read_across_both_columns_is_cut_into_them():
    width, height = 2066, 2923
    head, body, tail = header_and_signature([
        words_line(200, (180, 800, "VĂN PHÒNG CHÍNH PHỦ"), (900, 1900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        words_line(260, (1050, 1750, "Độc lập - Tự do - Hạnh phúc")),
        words_line(380, (200, 700, "Số: 9533/VPCP-CN"), (1000, 1850, "Hà Nội, ngày 04 tháng 10 năm 2025")),
        words_line(440, (180, 760, "V/v sửa đổi Luật Đầu tư")),
        words_line(490, (200, 740, "liên quan đến đường sắt")),
        words_line(600, (250, 1800, "Kính gửi: Bộ trưởng các Bộ: Tài chính, Xây dựng, Tư pháp.")),
        words_line(2300, (200, 500, "Nơi nhận:"), (1200, 1700, "KT. BỘ TRƯỞNG")),
        words_line(2350, (200, 560, "- Như trên;"), (1250, 1650, "THỨ TRƯỞNG")),
        words_line(2500, (1200, 1700, "Nguyễn Văn Long")),
    ], width, height)
    assert [[l.text for l in column] for column in head] == [
        ["VĂN PHÒNG CHÍNH PHỦ", "Số: 9533/VPCP-CN", "V/v sửa đổi Luật Đầu tư", "liên quan đến đường sắt"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 04 tháng 10 năm 2025"],
    ]
    assert [l.text for l in body] == ["Kính gửi: Bộ trưởng các Bộ: Tài chính, Xây dựng, Tư pháp."]
    assert [[l.text for l in column] for column in tail] == [
        ["Nơi nhận:", "- Như trên;"], ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn Long"]]


def test_a_page_without_a_header_block_keeps_its_lines_whole():
    line = words_line(200, (250, 900, "Năm 2021 là năm đầu tiên"), (1100, 1800, "triển khai thực hiện"))
    assert header_and_signature([line], 2066, 2923) == ((), [line], ())


@pytest.mark.parametrize("misread", ["J.", "l.", "1.", "|."])
def test_a_misread_first_roman_label_is_repaired_from_the_sequence_and_said_in_warnings(misread):
    warnings: list[str] = []
    blocks = [Block(f"{misread} MỤC ĐÍCH, YÊU CẦU", page=1, indent=85.0), Block("Nội dung.", page=1, indent=85.0),
              Block("II. NỘI DUNG", page=2, indent=85.0), Block("Ill. TỔ CHỨC THỰC HIỆN", page=3, indent=85.0),
              Block("I1. KINH PHÍ", page=3, indent=85.0)]
    fixed = repair_heading_labels(blocks, warnings)
    assert [b.text for b in fixed] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "Nội dung.", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ"]
    assert warnings == [
        f"page 1: heading label {misread!r} read as 'I.' (OCR misread, from the numbering sequence)",
        "page 3: heading label 'Ill.' read as 'III.' (OCR misread, from the numbering sequence)",
        "page 3: heading label 'I1.' read as 'IV.' (OCR misread, from the numbering sequence)",
    ]


def test_a_label_set_further_in_than_the_headings_is_not_taken_for_one():
    blocks = [Block("I. MỤC ĐÍCH", indent=85.0), Block("l. CÁC ĐƠN VỊ", indent=200.0), Block("II. NỘI DUNG", indent=85.0)]
    assert [b.text for b in repair_heading_labels(blocks)] == ["I. MỤC ĐÍCH", "l. CÁC ĐƠN VỊ", "II. NỘI DUNG"]


def test_a_long_agency_name_close_to_the_motto_is_still_cut_at_the_gutter():
    # lit_tt-19's first line: 64 px between "NGHỆ" and "CỘNG" at a text size of 53 px
    line = words_line(222, (247, 979, "BỘ KHOA HỌC VÀ CÔNG NGHỆ"), (1031, 1919, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                      size=53)
    head, _, _ = header_and_signature([line, words_line(298, (1173, 1740, "Độc lập - Tự do - Hạnh phúc"))], 2066, 2923)
    assert [[l.text for l in column] for column in head] == [
        ["BỘ KHOA HỌC VÀ CÔNG NGHỆ"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]]


def test_header_column_lines_are_blocks_of_their_own_and_a_wrapped_trich_yeu_one_block():
    from extract.readers.ocr import paragraphs

    lines = [
        words_line(200, (180, 800, "TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG"), (900, 1900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        words_line(260, (200, 780, "THÀNH PHỐ HỒ CHÍ MINH"), (1050, 1750, "Độc lập - Tự do - Hạnh phúc")),
        words_line(330, (300, 700, "số: 753/KH-DCT"), (1000, 1900, "Thành phố Hồ Chí Minh. ngày 23 tháng 6 năm 2026")),
        words_line(400, (180, 760, "V/v khảo sát chỉ số hài lòng")),
        words_line(450, (200, 740, "của người dân năm 2026")),
        words_line(600, (250, 1800, "Kính gửi: Các đơn vị thuộc Trường.")),
    ]
    assert [b.text for b in paragraphs(lines, 2066, 2923, page=1)] == [
        "TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG", "THÀNH PHỐ HỒ CHÍ MINH", "số: 753/KH-DCT",
        "V/v khảo sát chỉ số hài lòng của người dân năm 2026",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Thành phố Hồ Chí Minh, ngày 23 tháng 6 năm 2026",
        "Kính gửi: Các đơn vị thuộc Trường.",
    ]
