"""The PDF reader: paragraphs rebuilt from a text layer, running heads dropped,
columns kept apart, paragraphs cut by a break joined, typed errors, the OCR decision."""

from __future__ import annotations

import csv
import shutil

import pytest
import regex
from conftest import CORPUS, SEED_HEADINGS, corpus_path
from office import libreoffice_convert, renamed_fonts

from extract.errors import CorruptDocument, EmptyDocument, EncryptedDocument, TooLarge
from extract.readers import ReadOptions, read
from extract.readers.pdf import ocr_reason, read_pdf

SEED_PDF = "seed/bao-cao-qcdc-6t-2021.pdf"
NEVER = ReadOptions(ocr="never")
# A block that is only a running page number: "2", "- 2 -", "Trang 2".
LONE_PAGE_NUMBER = regex.compile(r"^\s*(?:Trang\s*)?[-–]?\s*(\d{1,4})\s*[-–]?\s*$")


@pytest.fixture(scope="module")
def seed_doc():
    return read_pdf(corpus_path(SEED_PDF).read_bytes(), SEED_PDF, NEVER)


def _block_with(doc, text):
    found = [b for b in doc.blocks if text in b.text]
    assert found, f"no block contains {text!r}"
    return found[0]


def test_pdf_reader_joins_a_paragraph_split_before_its_document_number(seed_doc):
    block = _block_with(seed_doc, "Nghị định số 04/NĐ-CP ngày 09/01/2015")
    assert block.text.startswith("Với nội dung, yêu cầu đề ra")
    assert block.text.endswith("thông qua các phương thức, nội dung như sau:")


@pytest.mark.parametrize(
    ("words_across_the_break", "page"),
    [
        ("dân vận khéo” giai đoạn 2021 – 2021, Kế hoạch số 10", 1),  # lower page ends mid-phrase, next starts with a digit
        ("Tỷ lệ công chức, viên chức có trình độ chuyên môn", 3),  # next page starts in lower case
        ("trên địa bàn tỉnh Quảng Ngãi; tập trung thực hiện hoàn thành", 5),  # a list item's ";" then lower case
    ],
)
def test_pdf_reader_joins_a_paragraph_cut_by_a_page_break(seed_doc, words_across_the_break, page):
    block = _block_with(seed_doc, words_across_the_break)
    assert block.joined_across_pages
    assert block.page == page


def test_pdf_reader_starts_a_block_at_each_numbered_heading_of_the_seed(seed_doc):
    texts = [b.text for b in seed_doc.blocks]
    found = [t for t in texts if t in SEED_HEADINGS]
    assert found == SEED_HEADINGS  # each one a whole block, in document order
    assert all(b.bold for b in seed_doc.blocks if b.text in SEED_HEADINGS)


def test_pdf_reader_keeps_bullets_and_their_wrapped_lines_together(seed_doc):
    bullet = _block_with(seed_doc, "Quán triệt đến toàn thể đảng viên")
    assert bullet.text.startswith("• Quán triệt")
    assert "vai trò tự quản của nhân dân; phát huy sức mạnh đại đoàn kết toàn dân tộc; củng cố" in bullet.text
    assert bullet.align != "center"


def test_pdf_reader_records_pages_fonts_and_characters_per_page(seed_doc):
    assert seed_doc.pages == 9
    assert len(seed_doc.measured["chars_per_page"]) == 9
    assert min(seed_doc.measured["chars_per_page"]) > 300
    assert {b.page for b in seed_doc.blocks} == set(range(1, 10))
    title = seed_doc.blocks[0]
    assert (title.text, title.bold, title.font_size, title.font) == ("BÁO CÁO", True, 12.0, "DejaVuSerif-Bold")


# (file, left-hand block, right-hand block): the two must be separate, left first.
COLUMNS = [
    ("real/vbai_cv-8151-bnv-2025.pdf", "BỘ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("real/vbai_cv-8151-bnv-2025.pdf", "Số: 8151 /BNV-CCHC", "Hà Nội, ngày 18 tháng 9 năm 2025"),
    ("real/vbai_cv-8151-bnv-2025.pdf", "- Như trên;", "THỨ TRƯỞNG"),
    ("real/vbai_cv-8151-bnv-2025.pdf", "Nơi nhận:", "KT. BỘ TRƯỞNG"),
    ("real/vbai_ttr-bc-cchc-2025-snv-lamdong.pdf", "SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc"),
    ("real/vbai_bc-cac-chi-so-cchc-lamdong-2025.pdf", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    # printed so close together that only the motto itself tells the columns apart
    ("real/lit_ttr-luat-diachat-khoangsan-btnmt-2023.pdf", "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
]


@pytest.mark.parametrize(("relative", "left", "right"), COLUMNS)
def test_pdf_reader_reads_header_and_signature_columns_apart(relative, left, right):
    doc = read_pdf(corpus_path(relative).read_bytes(), relative, NEVER)
    texts = [b.text for b in doc.blocks]
    assert left in texts and right in texts, texts[:12]
    assert texts.index(left) < texts.index(right)


def test_pdf_reader_keeps_a_multi_line_subject_in_one_block():
    relative = "real/vbai_cv-8151-bnv-2025.pdf"
    doc = read_pdf(corpus_path(relative).read_bytes(), relative, NEVER)
    subject = _block_with(doc, "V/v lấy ý kiến")
    assert subject.text.endswith("giải pháp trọng tâm giai đoạn 2026 - 2030")


def test_pdf_reader_drops_the_page_number_printed_above_the_text():
    relative = "real/vbai_bc-cac-chi-so-cchc-lamdong-2025.pdf"
    doc = read_pdf(corpus_path(relative).read_bytes(), relative, NEVER)
    page_2 = [b for b in doc.blocks if b.page == 2]
    assert page_2[0].text != "2"
    # the paragraph cut by the break between pages 1 and 2 is whole again, footnote aside
    block = _block_with(doc, "đặc khu¹ trên địa bàn tỉnh với tổng số 1.100 phiếu khảo sát²")
    assert block.joined_across_pages and block.page == 1


@pytest.fixture(scope="module")
def tongket_doc():
    relative = "real/lit_bc-tongket-tmdt-bct-2025.pdf"
    return read_pdf(corpus_path(relative).read_bytes(), relative, NEVER)


def test_pdf_reader_joins_a_page_break_before_a_line_that_starts_like_a_number(tongket_doc):
    # page 9 ends "… Cuộc cách mạng công nghiệp", page 10 goes on "hóa, …" and its
    # second line starts "4.0 (sau đây …": neither is a heading
    block = _block_with(tongket_doc, "Cuộc cách mạng công nghiệp 4.0 (sau đây gọi là CMCN 4.0)")
    assert block.joined_across_pages and block.page == 9
    assert block.text.startswith("Nhận ra được vai trò")


def test_pdf_reader_reads_table_rows_as_cells(tongket_doc):
    cells = {b.text: b for b in tongket_doc.blocks if b.kind == "table_cell"}
    name, short = cells["Công ty TNHH FPT IS"], cells["FIS"]
    number = next(b for b in cells.values() if b.cell == (name.cell[0], name.cell[1], 0))
    assert (number.text, short.cell) == ("1", (name.cell[0], name.cell[1], 2))
    assert name.page == 28 and name.cell[2] == 1


def test_pdf_reader_drops_typed_rules_and_keeps_a_centred_title_whole(tongket_doc):
    assert not any(set(b.text) <= set("_") for b in tongket_doc.blocks)
    title = _block_with(tongket_doc, "Tổng kết việc thi hành pháp luật về thương mại điện tử")
    assert title.text.endswith("52/2013/NĐ-CP ngày 16/5/2013 của Chính phủ về thương mại điện tử")
    assert (title.bold, title.align) == (True, "center")


def _typeset(pages: list[list[tuple[float, float, str]]]) -> bytes:
    """A PDF whose pages print (x, y from the top, text) lines in Times-Roman 12."""
    import ctypes
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    font = raw.FPDFText_LoadStandardFont(pdf.raw, b"Times-Roman")
    for lines in pages:
        page = pdf.new_page(595, 842)
        for x, y, text in lines:
            obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, font, 12.0)
            utf16 = ctypes.create_string_buffer(text.encode("utf-16-le") + b"\0\0")
            raw.FPDFText_SetText(obj, ctypes.cast(utf16, raw.FPDF_WIDESTRING))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, 842 - y)
            raw.FPDFPage_InsertObject(page.raw, obj)
        raw.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("furniture", "first_page"),
    [
        (lambda n: [(290, 50, f"- {n} -")], 2),  # centred at the top from page 2 on
        (lambda n: [(290, 50, str(n))], 2),
        (lambda n: [(260, 800, f"Trang {n}")], 1),  # at the foot
        (lambda n: [(280, 800, f"{n}/4")], 1),
        (lambda n: [(72, 70, "UBND TINH QUANG NGAI - BAO CAO 2021")], 1),  # the same line on every page
    ],
    ids=["- 2 - at the top", "2 at the top", "Trang 2 at the foot", "2/4 at the foot", "running head"],
)
def test_pdf_reader_drops_page_numbers_and_running_heads(furniture, first_page):
    body = [(72, 120 + 16 * i, f"Line {i} of the body, long enough to run across most of the width.") for i in range(5)]
    pages = [(furniture(n) if n >= first_page else []) + body for n in range(1, 5)]
    doc = read_pdf(_typeset(pages), "furniture.pdf", NEVER)
    assert [(b.page, b.text[:9], b.text[-8:]) for b in doc.blocks] == [(n, "Line 0 of", "e width.") for n in range(1, 5)]


@pytest.mark.parametrize(
    ("relative", "text"),
    [
        # one wide gap in a justified line is not a column gutter
        ("real/lit_vbhn-03-bkhcn-2025.pdf", "b) Bản sao hợp pháp hoặc bản sao điện tử hợp pháp Quyết định của Thủ tướng Chính phủ"),
        # nor is the blank left for a document number in a draft
        ("real/lit_thuyetminh-duthao-tt-btc-2025.pdf", "(Kèm theo công văn số /BTC-CST ngày / /2025 của Bộ Tài chính)"),
    ],
)
def test_pdf_reader_keeps_a_line_with_one_wide_gap_whole(relative, text):
    doc = read_pdf(corpus_path(relative).read_bytes(), relative, NEVER)
    _block_with(doc, text)


@pytest.mark.parametrize(
    ("relative", "heading"),
    [
        # full-width heading lines with no full stop, each followed by a numbered line
        ("real/lit_ttr-luat-tmdt-bct-2025.pdf", "II. MỤC ĐÍCH, QUAN ĐIỂM XÂY DỰNG DỰ THẢO LUẬT TMĐT"),
        ("real/lit_ttr-luat-tmdt-bct-2025.pdf", "1. Mục đích ban hành Luật TMĐT"),
        ("real/lit_ttr-luat-tmdt-bct-2025.pdf", "2.1. Hệ thống pháp luật về TMĐT còn thiếu tính thống nhất, toàn diện"),
        ("real/lit_bc-tongket-tmdt-bct-2025.pdf", "Điều 34. Hoạt động đầu tư nước ngoài vào lĩnh vực thương mại điện tử"),
        # a full-width one-line heading, then the next one of the list at the same margin
        ("real/lit_ttr-luat-tmdt-bct-2025.pdf", "Điều 35. Chiến lược, Chương trình, Kế hoạch phát triển TMĐT quốc gia"),
        ("real/lit_ttr-luat-tmdt-bct-2025.pdf", "Điều 36. Tài chính cho phát triển thương mại điện tử"),
        ("real/lit_ttr-luat-tmdt-bct-2025.pdf", "Điều 20. Trách nhiệm của chủ quản nền tảng TMĐT kinh doanh trực tiếp"),
        ("real/lit_ttr-luat-tmdt-bct-2025.pdf", "Mục 2: Nền tảng TMĐT trung gian"),
    ],
)
def test_pdf_reader_keeps_a_heading_apart_from_the_numbered_line_under_it(relative, heading):
    doc = read_pdf(corpus_path(relative).read_bytes(), relative, NEVER)
    assert heading in [b.text for b in doc.blocks]


def test_pdf_headings_of_a_proposal_become_their_own_sections():
    import extract

    relative = "real/lit_ttr-luat-tmdt-bct-2025.pdf"
    ids = [s.id for s in extract.parse(corpus_path(relative)).iter_sections()]
    assert {"II", "II.1", "II.2", "IV.2"} <= set(ids)
    assert [i for i in ids if "." not in i] == ["I", "II", "III", "IV", "V"]
    # The draft law's outline listed under IV.2 is no node of the tờ trình (schema 1.1), but
    # each of its lines is still a paragraph of its own.
    doc = read_pdf(corpus_path(relative).read_bytes(), relative, NEVER)
    assert _block_with(doc, "Điều 35. Chiến lược, Chương trình, Kế hoạch phát triển TMĐT quốc gia").text.startswith("Điều 35.")
    assert _block_with(doc, "Điều 36. Tài chính cho phát triển thương mại điện tử").text.startswith("Điều 36.")


@pytest.mark.parametrize(
    ("relative", "text"),
    [
        # a footnote mark after a law's number no longer lengthens the number
        ("real/lit_vbhn-03-bkhcn-2025.pdf", "theo Luật số 09/2022/QH15¹."),
        ("real/vbai_ttr-kh-cchc-2026-2030-lamdong.pdf", "của Ủy ban nhân dân tỉnh Lâm Đồng¹. Để tham mưu"),
        ("real/vbai_ttr-kh-cchc-2026-2030-lamdong.pdf", "² Ngày 06/3/2026, Sở Nội vụ có Công văn số 1019/SNV-CCHC&VTLT"),
    ],
)
def test_pdf_reader_prints_footnote_marks_as_superscripts(relative, text):
    doc = read_pdf(corpus_path(relative).read_bytes(), relative, NEVER)
    _block_with(doc, text)


def test_pdf_reader_carries_on_a_sentence_whose_next_line_starts_like_a_label():
    relative = "real/lit_thuyetminh-duthao-tt-btc-2025.pdf"
    doc = read_pdf(corpus_path(relative).read_bytes(), relative, NEVER)
    assert _block_with(doc, "tại điểm b khoản 4 Điều 8. Đồng thời, tại khoản 1 Điều 11").text.startswith("- Tại Nghị định")


def _text_layer_pdfs() -> list[str]:
    manifest = CORPUS / "real" / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8") as f:
        return [r["file"] for r in csv.DictReader(f, delimiter="\t") if r["format"] == "pdf" and r["has_text_layer"].startswith("yes")]


@pytest.mark.parametrize("file", _text_layer_pdfs() or ["(corpus absent)"])
def test_pdf_reader_reads_every_text_layer_pdf_of_the_corpus(file):
    relative = f"real/{file}"
    doc = read_pdf(corpus_path(relative).read_bytes(), file, NEVER)
    assert doc.blocks and all(b.text.strip() for b in doc.blocks)
    assert len(doc.measured["chars_per_page"]) == doc.pages
    assert {b.page for b in doc.blocks} <= set(range(1, doc.pages + 1))
    page_numbers = [
        (b.page, b.text) for b in doc.blocks
        if b.kind == "paragraph" and (m := LONE_PAGE_NUMBER.match(b.text)) and int(m[1]) in (b.page, b.page - 1, b.page + 1)
    ]
    assert not page_numbers


# --- errors ---------------------------------------------------------------------


def test_pdf_reader_says_a_zero_byte_file_is_empty():
    with pytest.raises(EmptyDocument, match=r"empty\.pdf: the file is empty \(0 bytes\)"):
        read(b"", "empty.pdf")
    with pytest.raises(EmptyDocument, match=r"empty\.pdf: the file is empty \(0 bytes\)"):
        read_pdf(b"", "empty.pdf", NEVER)


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[: len(data) // 2], lambda data: data[:-200], lambda data: b"%PDF-1.7\n" + bytes(range(256)) * 8],
    ids=["cut in half", "end cut off", "garbage after the header"],
)
def test_pdf_reader_says_a_damaged_pdf_is_corrupt(damage):
    data = corpus_path(SEED_PDF).read_bytes()
    with pytest.raises(CorruptDocument, match=r"cut\.pdf: .*damaged or truncated"):
        read(damage(data), "cut.pdf", options=NEVER)


def test_pdf_reader_says_a_pdf_over_the_page_limit_is_too_large():
    with pytest.raises(TooLarge, match="9 pages"):
        read_pdf(corpus_path(SEED_PDF).read_bytes(), "seed.pdf", ReadOptions(ocr="never", max_pages=3))


def _pdf(pages: int, drawn: bool, append: bytes | None = None) -> bytes:
    """A PDF of ``pages`` pages without text, blank or with a drawn box (as a scan
    has an image), then the pages of ``append``."""
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = pdf.new_page(595, 842)
        if drawn:
            box = raw.FPDFPageObj_CreateNewRect(100, 100, 300, 200)
            raw.FPDFPath_SetDrawMode(box, raw.FPDF_FILLMODE_NONE, True)
            raw.FPDFPage_InsertObject(page.raw, box)
            raw.FPDFPage_GenerateContent(page.raw)
    if append:
        pdf.import_pages(pdfium.PdfDocument(append))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_pdf_reader_says_pages_without_text_are_empty_when_ocr_is_off():
    with pytest.raises(EmptyDocument, match="drawn.pdf: no text layer; OCR is off"):
        read_pdf(_pdf(2, drawn=True), "drawn.pdf", NEVER)


def test_pdf_reader_says_a_pdf_of_blank_pages_is_empty():
    with pytest.raises(EmptyDocument, match="blank.pdf: every page is blank"):
        read_pdf(_pdf(2, drawn=False), "blank.pdf", ReadOptions(ocr="auto"))


@pytest.mark.parametrize(
    ("drawn", "ocr", "warning"),
    [
        (True, "never", "page 1: text layer empty, not read (OCR is off)"),
        (False, "never", "page 1: blank"),
        (False, "auto", "page 1: blank"),  # nothing for OCR to read
    ],
)
def test_pdf_reader_warns_of_a_page_without_text_it_did_not_read(drawn, ocr, warning):
    doc = read_pdf(_pdf(1, drawn, append=corpus_path(SEED_PDF).read_bytes()), "mixed.pdf", ReadOptions(ocr=ocr))
    assert doc.pages == 10
    assert doc.warnings == [warning]
    assert doc.blocks[0].page == 2 and not doc.ocr


def test_pdf_reader_says_a_password_protected_pdf_is_encrypted(tmp_path):
    (tmp_path / "secret.txt").write_text("Báo cáo mật\n", encoding="utf-8")
    export = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"matkhau"}}'
    secret = libreoffice_convert(tmp_path / "secret.txt", export, tmp_path)
    with pytest.raises(EncryptedDocument, match="secret.pdf: .*password"):
        read(secret.read_bytes(), "secret.pdf", options=NEVER)


# --- which pages go to OCR ------------------------------------------------------

SENTENCE = "Sở Công Thương báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở trong sáu tháng đầu năm và nhiệm vụ trọng tâm"


def _tcvn3(text: str) -> str:
    from extract.text.legacy import from_unicode

    return from_unicode(text, "tcvn3")


@pytest.mark.parametrize(
    ("text", "ocr", "reason"),
    [
        ("", "auto", "text layer empty"),
        ("  \n ", "auto", "text layer empty"),
        ("- 2 -", "auto", "text layer nearly empty (3 characters)"),
        (SENTENCE, "auto", None),
        (SENTENCE, "always", "OCR requested for every page"),
        ("", "never", None),
        # UTF-8 read as Windows-1252: a broken ToUnicode map
        (SENTENCE.encode("utf-8").decode("cp1252", errors="replace"), "auto", "text layer looks like mojibake (score 0.12)"),
        # TCVN3 text is kept: the text layer converts it
        (_tcvn3(SENTENCE), "auto", None),
        # a page of figures has too few words to judge and keeps its text
        ("83,1/100 62/63 83,0% 39/63 41,02/80 54/63 65,08/100 54/63 UBND HĐND", "auto", None),
    ],
)
def test_pdf_reader_decides_per_page_whether_to_read_it_by_ocr(text, ocr, reason):
    assert ocr_reason(text, ocr) == reason


def test_pdf_reader_keeps_a_tcvn3_text_layer_for_the_converter(tmp_path):
    source = corpus_path("real/hp_kiemdiem-dangvien-lethuy-2011-tcvn3.doc")
    pdf = libreoffice_convert(source, "pdf", tmp_path)
    doc = read_pdf(pdf.read_bytes(), "tcvn3.pdf", ReadOptions(ocr="auto"))
    assert not doc.ocr
    assert doc.warnings and all(
        regex.fullmatch(r"page \d+: text layer looks like TCVN3 \(score 0\.\d\d\), kept for conversion", w)
        for w in doc.warnings
    ), doc.warnings
    assert _block_with(doc, "b¶n tù kiÓm ®iÓm").bold  # "bản tự kiểm điểm" as TCVN3 bytes


def test_pdf_reader_hands_a_scanned_page_to_ocr():
    if not shutil.which("tesseract"):
        pytest.skip("Tesseract is needed to read a scanned page")
    relative = "real/hp_gioi-thieu-chu-ky-scan.pdf"
    doc = read_pdf(corpus_path(relative).read_bytes(), relative, ReadOptions(ocr="auto"))
    assert doc.ocr and doc.warnings == ["page 1: text layer empty, read by OCR"]
    assert len(doc.ocr_confidence) == 1 and 0 < doc.ocr_confidence[0] <= 100
    assert doc.blocks and all(b.page == 1 for b in doc.blocks)


# --- text the signing system stamps, text LibreOffice slants ---------------------


@pytest.mark.parametrize(
    ("relative", "number_line", "symbol", "date"),
    [
        ("real/vbai_cv-8151-bnv-2025.pdf", "Số: 8151 /BNV-CCHC", "8151/BNV-CCHC", "2025-09-18"),
        ("real/vbai_ttr-kh-cchc-2026-2030-lamdong.pdf", "Số: 176 /TTr-SNV", "176/TTr-SNV", "2026-03-17"),
    ],
)
def test_pdf_reader_reads_the_number_and_date_stamped_by_the_e_signing_system(relative, number_line, symbol, date):
    import extract

    path = corpus_path(relative)
    doc = read_pdf(path.read_bytes(), relative, NEVER)
    assert number_line in [b.text for b in doc.blocks]
    metadata = extract.parse(path).metadata
    assert (metadata.symbol, str(metadata.date)) == (symbol, date)


def test_pdf_reader_keeps_text_that_libreoffice_slants_for_a_font_without_italics(tmp_path):
    import docx

    word = docx.Document()
    lines = [
        ("III. KẾT QUẢ THỰC HIỆN", False),
        ("1. Dân chủ trong quản lý, điều hành", True),
        ("Đã tổ chức quán triệt, triển khai thực hiện các quy định về dân chủ ở cơ sở; công khai"
         " các chủ trương, chính sách, kế hoạch công tác và kết quả thực hiện nhiệm vụ của cơ quan"
         " để cán bộ, công chức, người lao động biết, tham gia ý kiến và kiểm tra, giám sát.", False),
    ]
    for text, italic in lines:
        run = word.add_paragraph().add_run(text)
        run.font.name, run.italic = "Upright Serif", italic
    word.save(tmp_path / "slanted.docx")
    # "Upright Serif" has DejaVu Serif's regular face only, so LibreOffice must slant it itself.
    fonts = renamed_fonts(tmp_path, [("DejaVuSerif.ttf", "Upright Serif", "Regular", "UprightSerif")])
    pdf = libreoffice_convert(tmp_path / "slanted.docx", "pdf", tmp_path, fonts_conf=fonts)
    doc = read_pdf(pdf.read_bytes(), "slanted.pdf", NEVER)
    assert "UprightSerif" in doc.measured["fonts"]  # the regular face, not a substitute's italic
    assert [(b.text, b.italic) for b in doc.blocks] == lines
