"""The DOCX reader: body order, Word list numbering, style hints, hostile packages.

Small documents are built here with python-docx (body, numbering and styles written as
WordprocessingML, the way Word stores them); real ones come from the corpus.
"""

from __future__ import annotations

import io
import shutil
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.errors import CorruptDocument, EmptyDocument, EncryptedDocument, UnsupportedFormat, VnreportError
from extract.readers import read
from extract.readers.docx import read_docx
from extract.readers.word_numbering import bullet_label, letters
from conftest import CORPUS, SEED_HEADINGS, corpus_path

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
SEED = "seed/bao-cao-qcdc-6t-2021.docx"


def make_docx(body: str, numbering: str = "", styles: str = "", header: str | None = None) -> bytes:
    """A .docx whose body, numbering definitions and extra styles are the given WordprocessingML."""
    word = docx.Document()
    root = word.element.body
    section = root[-1]
    for child in list(root):
        root.remove(child)
    for child in parse_xml(f"<w:body {W_NS} {MC_NS}>{body}</w:body>"):
        root.append(child)
    root.append(section)
    if numbering:
        numbering_root = word.part.numbering_part.element
        for child in list(numbering_root):
            numbering_root.remove(child)
        for child in parse_xml(f"<w:numbering {W_NS}>{numbering}</w:numbering>"):
            numbering_root.append(child)
    for style in parse_xml(f"<w:styles {W_NS}>{styles}</w:styles>") if styles else []:
        word.styles.element.append(style)
    if header is not None:
        word.sections[0].header.paragraphs[0].text = header
        word.sections[0].footer.paragraphs[0].text = header + " (footer)"
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def para(text: str, num_id: int | None = None, ilvl: int | None = None, style: str | None = None, rpr: str = "") -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>'
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(abstract_id: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


REPORT_LIST = abstract(
    0,
    level(0, "upperRoman", "%1."),
    level(1, "decimal", "%2."),
    level(2, "lowerLetter", "%3)"),
    level(3, "bullet", "-"),
    level(4, "bullet", "\uf0b7", extra='<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'),
    level(5, "bullet", "+"),
)
OUTLINE_LIST = abstract(1, level(0, "decimal", "%1."), level(1, "decimal", "%1.%2."), level(2, "decimal", "%1.%2.%3."))


def labels(data: bytes) -> list[tuple[str | None, int | None, str]]:
    return [(b.label, b.list_level, b.text) for b in read_docx(data, "t.docx", None).blocks]


def test_docx_reader_renders_word_auto_numbering_as_labels():
    levels = [0, 1, 1, 2, 2, 3, 4, 5, 0, 1, 2]
    body = "".join(para(f"p{i}", num_id=1, ilvl=lvl) for i, lvl in enumerate(levels))
    got = labels(make_docx(body, REPORT_LIST + num(1, 0)))
    assert [(label, lvl) for label, lvl, _ in got] == [
        ("I.", 0), ("1.", 1), ("2.", 1), ("a)", 2), ("b)", 2), ("-", 3), ("•", 4), ("+", 5),
        ("II.", 0), ("1.", 1), ("a)", 2),
    ]
    blocks = read_docx(make_docx(body, REPORT_LIST + num(1, 0)), "t.docx", None).blocks
    assert {b.kind for b in blocks} == {"list_item"}
    assert blocks[0].display_text == "I. p0"


def test_docx_reader_renders_multilevel_numbers_with_each_levels_counter():
    levels = [0, 1, 1, 2, 0, 1, 2, 2, 0, 2, 1]
    body = "".join(para(f"p{i}", num_id=2, ilvl=lvl) for i, lvl in enumerate(levels))
    got = [label for label, _, _ in labels(make_docx(body, OUTLINE_LIST + num(2, 1)))]
    # a skipped level counts as started, as Word shows it: 3., 3.1.1., then 3.2.
    assert got == ["1.", "1.1.", "1.2.", "1.2.1.", "2.", "2.1.", "2.1.1.", "2.1.2.", "3.", "3.1.1.", "3.2."]


def test_docx_reader_keeps_counting_a_level_that_never_restarts():
    never = abstract(2, level(0, "decimal", "%1."), level(1, "lowerLetter", "%2)", extra='<w:lvlRestart w:val="0"/>'))
    body = "".join(para(f"p{i}", num_id=5, ilvl=lvl) for i, lvl in enumerate([0, 1, 1, 0, 1]))
    assert [label for label, _, _ in labels(make_docx(body, never + num(5, 2)))] == ["1.", "a)", "b)", "2.", "c)"]


def test_docx_reader_follows_a_list_that_borrows_its_levels_from_a_numbering_style():
    owner = abstract(8, level(0, "upperRoman", "%1."), level(1, "decimal", "%2.")).replace(
        "<w:lvl ", '<w:styleLink w:val="DanhSach"/><w:lvl ', 1
    )
    borrower = '<w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="DanhSach"/></w:abstractNum>'
    body = para("a", 9, 0) + para("b", 9, 1) + para("c", 9, 0)
    assert [label for label, _, _ in labels(make_docx(body, owner + borrower + num(9, 7)))] == ["I.", "1.", "II."]


def test_docx_reader_continues_a_list_across_nums_and_restarts_on_start_override():
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbering = REPORT_LIST + num(1, 0) + num(3, 0) + num(4, 0, restart)
    body = para("a", 1, 0) + para("b", 1, 0) + para("c", 3, 0) + para("d", 4, 0) + para("e", 4, 0)
    assert [label for label, _, _ in labels(make_docx(body, numbering))] == ["I.", "II.", "III.", "I.", "II."]


def test_docx_reader_takes_numbering_from_the_paragraph_style():
    styles = (
        '<w:style w:type="paragraph" w:styleId="DeMuc"><w:name w:val="De muc"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="DeMucCon"><w:name w:val="De muc con"/>'
        '<w:basedOn w:val="DeMuc"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = (
        para("KẾT QUẢ", style="DeMuc") + para("Việc một", style="DeMucCon")
        + para("không số", num_id=0, style="DeMuc") + para("TỒN TẠI", style="DeMuc")
    )
    blocks = read_docx(make_docx(body, REPORT_LIST + num(1, 0), styles), "t.docx", None).blocks
    assert [(b.label, b.text, b.style, b.bold) for b in blocks] == [
        ("I.", "KẾT QUẢ", "De muc", True),
        ("1.", "Việc một", "De muc con", True),
        (None, "không số", "De muc", True),
        ("II.", "TỒN TẠI", "De muc", True),
    ]


@pytest.mark.parametrize(
    ("lvl_text", "font", "shown"),
    [
        ("-", "Times New Roman", "-"),
        ("\uf0b7", "Symbol", "•"),  # Word's default round bullet
        ("\uf02d", "Symbol", "-"),  # the Symbol font's dash
        ("·", "Symbol", "•"),  # seen in lit_bc-tongket-phaplenh-danso-byt-2025.docx
        ("\uf0a7", "Wingdings", "•"),  # square bullet
        ("§", "Wingdings", "•"),
        ("o", "Courier New", "•"),
        ("+", "Times New Roman", "+"),
        ("*", "Times New Roman", "*"),
        (" ", None, None),  # a blank bullet shows nothing
    ],
)
def test_docx_reader_shows_bullets_as_plain_characters(lvl_text, font, shown):
    assert bullet_label(lvl_text, font) == shown


def test_docx_reader_letters_follow_word_not_the_vietnamese_alphabet():
    assert [letters(n) for n in range(1, 8)] == ["a", "b", "c", "d", "e", "f", "g"]


def test_docx_reader_keeps_header_table_cells_in_order_and_merged_cells_once():
    def cell(text, props=""):
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{para(text)}</w:tc>"

    restart, merged, span2 = '<w:vMerge w:val="restart"/>', "<w:vMerge/>", '<w:gridSpan w:val="2"/>'
    nested = f"<w:tbl><w:tr>{cell('lồng')}</w:tr></w:tbl>"
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"<w:tr>{cell('UBND TỈNH LÂM ĐỒNG', restart)}{cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', span2)}</w:tr>"
        f"<w:tr>{cell('', merged)}{cell('Số: 12/BC-UBND')}"
        f"<w:tc>{para('Lâm Đồng, ngày 5 tháng 3 năm 2026')}{nested}</w:tc></w:tr>"
        "</w:tbl>"
    )
    body = para("trước") + table + para("BÁO CÁO")
    blocks = read_docx(make_docx(body), "t.docx", None).blocks
    assert [(b.text, b.kind, b.cell) for b in blocks] == [
        ("trước", "paragraph", None),
        ("UBND TỈNH LÂM ĐỒNG", "table_cell", (0, 0, 0)),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "table_cell", (0, 0, 1)),
        ("Số: 12/BC-UBND", "table_cell", (0, 1, 1)),
        ("Lâm Đồng, ngày 5 tháng 3 năm 2026", "table_cell", (0, 1, 2)),
        ("lồng", "table_cell", (1, 0, 0)),
        ("BÁO CÁO", "paragraph", None),
    ]


def test_docx_reader_leaves_headers_and_footers_out_of_the_body():
    doc = read_docx(make_docx(para("Nội dung"), header="Trang đầu trang"), "t.docx", None)
    assert [b.text for b in doc.blocks] == ["Nội dung"]
    assert "Trang đầu trang" in doc.measured["headers"]
    assert "Trang đầu trang (footer)" in doc.measured["headers"]


def test_docx_reader_reads_the_text_word_shows():
    body = (
        '<w:p><w:r><w:t>BÁO CÁO</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>kết quả</w:t></w:r>'
        '<w:r><w:tab/><w:t>năm 2021</w:t></w:r></w:p>'
        '<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>thêm </w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>bỏ </w:delText></w:r></w:del>'
        '<w:hyperlink><w:r><w:t>liên kết </w:t></w:r></w:hyperlink>'
        '<w:smartTag w:uri="u" w:element="place"><w:r><w:t>Quảng Ngãi </w:t></w:r></w:smartTag>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> </w:t><w:sym w:font="Symbol" w:char="F0AE"/><w:t xml:space="preserve"> x</w:t></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>'
    )
    assert [b.text for b in read_docx(make_docx(body), "t.docx", None).blocks] == [
        "BÁO CÁO\nkết quả\tnăm 2021",
        "thêm liên kết Quảng Ngãi 7 → x",
    ]


def test_docx_reader_shows_the_result_of_nested_fields_only():
    def char(kind):
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    def instr(text):
        return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'

    def run(text):
        return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'

    body = (
        "<w:p>" + run("Số ") + char("begin") + instr(" IF ") + char("begin") + instr(" MERGEFIELD so ")
        + char("separate") + run("«so»") + char("end") + instr(' = "" ') + char("separate") + run("15")
        + char("end") + run("/BC-SCT") + "</w:p>"
        + "<w:p>" + char("begin") + instr(" PAGE ") + char("end") + run("không kết quả") + "</w:p>"
    )
    assert [b.text for b in read_docx(make_docx(body), "t.docx", None).blocks] == ["Số 15/BC-SCT", "không kết quả"]


def test_docx_reader_includes_a_text_box_once_where_it_is_anchored():
    box = '<w:txbxContent><w:p><w:r><w:t>Số: 15/BC-SCT</w:t></w:r></w:p></w:txbxContent>'
    body = (
        para("trước")
        + '<w:p><w:r><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wrap>{box}</wrap></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><shape>{box}</shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r></w:p>'
        + para("sau")
    )
    body = body.replace("<wrap>", f'<wrap {W_NS}>').replace("<shape>", f'<shape {W_NS}>')
    assert [b.text for b in read_docx(make_docx(body), "t.docx", None).blocks] == ["trước", "Số: 15/BC-SCT", "sau"]


def test_docx_reader_reads_an_embedded_html_chunk_in_place():
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    word = docx.Document()
    word.add_paragraph("trước")
    html = "<html><body><p>Đoạn từ HTML</p></body></html>".encode()
    chunk = Part(PackURI("/word/afchunk.htm"), "text/html", html, word.part.package)
    rid = word.part.relate_to(chunk, RT.A_F_CHUNK)
    R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    word.element.body.insert(1, parse_xml(f'<w:altChunk {W_NS} {R_NS} r:id="{rid}"/>'))
    word.add_paragraph("sau")
    out = io.BytesIO()
    word.save(out)
    texts = [b.text for b in read_docx(out.getvalue(), "t.docx", None).blocks]
    assert texts == ["trước", "Đoạn từ HTML", "sau"]


def test_docx_reader_measures_bold_font_and_size_through_styles():
    styles = (
        '<w:style w:type="character" w:styleId="Dam"><w:name w:val="Dam"/><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="TieuDe"><w:name w:val="Tieu de"/>'
        '<w:pPr><w:jc w:val="center"/><w:ind w:left="720"/></w:pPr>'
        '<w:rPr><w:b/><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/><w:sz w:val="28"/></w:rPr></w:style>'
    )
    body = (
        para("I. KHÁI QUÁT", style="TieuDe")
        + para("không đậm", style="TieuDe", rpr='<w:b w:val="0"/>')
        + '<w:p><w:r><w:rPr><w:rStyle w:val="Dam"/></w:rPr><w:t>Đậm theo kiểu ký tự</w:t></w:r></w:p>'
        + '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Đậm </w:t></w:r>'
        '<w:r><w:t>rồi một đoạn dài không đậm để tỷ lệ thấp</w:t></w:r></w:p>'
    )
    blocks = read_docx(make_docx(body, styles=styles), "t.docx", None).blocks
    assert [(b.bold, b.font, b.font_size, b.align, b.indent) for b in blocks[:2]] == [
        (True, ".VnTime", 14.0, "center", 36.0),
        (False, ".VnTime", 14.0, "center", 36.0),
    ]
    assert [b.bold for b in blocks[2:]] == [True, False]


def test_docx_reader_survives_a_style_based_on_itself_in_a_loop():
    styles = (
        '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/>'
        "<w:rPr><w:b/></w:rPr></w:style>"
    )
    [block] = read_docx(make_docx(para("vòng", style="A"), styles=styles), "t.docx", None).blocks
    assert (block.style, block.bold) == ("A", True)


# --- the seed report and the real documents ------------------------------------------


@pytest.fixture(scope="module")
def seed_doc():
    path = corpus_path(SEED)
    return read_docx(path.read_bytes(), path.name, None)


def test_docx_reader_finds_the_nine_seed_headings_in_order(seed_doc):
    # The seed's headings are typed text (no Word numbering): they come out as written, bold.
    headings = [b for b in seed_doc.blocks if b.display_text in SEED_HEADINGS]
    assert [b.display_text for b in headings] == SEED_HEADINGS
    assert all(b.bold for b in headings)


def test_docx_reader_gives_seed_bullets_their_label(seed_doc):
    bullets = [b for b in seed_doc.blocks if b.kind == "list_item"]
    assert len(bullets) > 40
    assert {b.label for b in bullets} <= {"-", "•"}
    assert bullets[0].text.startswith("Quán triệt đến toàn thể đảng viên")


def test_docx_reader_keeps_line_breaks_in_the_seed_title(seed_doc):
    assert seed_doc.blocks[0].text == (
        "BÁO CÁO\nkết quả việc thực hiện Quy chế dân chủ ở cơ sở\n"
        "6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2021"
    )


def test_docx_reader_does_not_trust_a_stale_page_count(seed_doc):
    # The seed's docProps/app.xml comes from a template (1 page, 83 words); its PDF has 9 pages.
    assert seed_doc.pages is None
    assert seed_doc.measured["app_xml"] == {"Pages": 1, "Words": 83}


REAL_DOCX = sorted(p.name for p in (CORPUS / "real").glob("*.docx")) if (CORPUS / "real").is_dir() else []


@pytest.mark.parametrize("file", REAL_DOCX or ["(corpus absent)"])
def test_docx_reader_reads_every_real_docx(file):
    path = corpus_path(f"real/{file}")
    doc = read_docx(path.read_bytes(), file, None)
    assert len([b for b in doc.blocks if b.text.strip()]) > 20
    assert all(b.page is None for b in doc.blocks)


@pytest.mark.parametrize(
    ("file", "first_cells"),
    [
        ("vbai_bc-dean06-thang9-2025-lamdong.docx", [
            ("UBND TỈNH LÂM ĐỒNG", (0, 0, 0)),
            ("BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO,", (0, 0, 0)),
            ("CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06", (0, 0, 0)),
            ("Số:          /BC-BCĐ", (0, 0, 0)),
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (0, 0, 1)),
            ("Độc lập - Tự do - Hạnh phúc", (0, 0, 1)),
            ("Lâm Đồng, ngày        tháng      năm 2025", (0, 0, 1)),
            ("BÁO CÁO", None),
        ]),
        ("vbai_bc-cchc-quy1-2026-lamdong.docx", [
            ("ỦY BAN NHÂN DÂN", (0, 0, 0)),
            ("TỈNH LÂM ĐỒNG", (0, 0, 0)),
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (0, 0, 1)),
            ("Độc lập - Tự do - Hạnh phúc", (0, 0, 1)),
            ("Số:         /BC-UBND", (0, 1, 0)),
            ("Lâm Đồng, ngày     tháng 3 năm 2026", (0, 1, 1)),
            ("BÁO CÁO", None),
        ]),
        ("lit_bc-tongket-luat-qlthue-btc-2025.docx", [
            ("BỘ TÀI CHÍNH", (0, 0, 0)),
            ("Số:          /BC-BTC", (0, 0, 0)),
            ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", (0, 0, 1)),
            ("Độc lập - Tự do - Hạnh phúc", (0, 0, 1)),
            ("Hà Nội, ngày      tháng      năm 2025", (0, 0, 1)),
            ("BÁO CÁO", None),
        ]),
    ],
)
def test_docx_reader_reads_real_header_tables_cell_by_cell(file, first_cells):
    path = corpus_path(f"real/{file}")
    blocks = read_docx(path.read_bytes(), file, None).blocks
    assert [(b.text, b.cell) for b in blocks[: len(first_cells)]] == first_cells


def test_docx_reader_numbers_real_headings_as_libreoffice_shows_them():
    # LibreOffice's text export of this file shows "1. XÁC ĐỊNH VẤN ĐỀ BẤT CẬP" … "8. Kiến nghị:"
    # from one Word list running through the section.
    path = corpus_path("real/lit_bc-dgtd-luat-bhyt-byt-2024.docx")
    blocks = read_docx(path.read_bytes(), path.name, None).blocks
    numbered = [(b.label, b.text) for b in blocks if b.label and b.kind != "footnote"]
    assert [label for label, _ in numbered[:4]] == ["1.", "1.", "2.", "3."]
    assert numbered[1] == ("1.", "XÁC ĐỊNH VẤN ĐỀ BẤT CẬP")
    assert numbered[3] == ("3.", "Đánh giá đối với phương án 1")
    assert ("8.", "Kiến nghị:") in numbered


@pytest.mark.corpus
@pytest.mark.slow
def test_docx_reader_numbers_a_converted_doc_as_its_word_made_table_of_contents():
    # The .doc goes through LibreOffice to DOCX, then this reader. Its table of contents,
    # typed out by Word when the file was saved, shows the numbers Word gave the headings.
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    path = corpus_path("real/hp_decuong-dutoan-qlvb-phutho-2012.doc")
    blocks = read(path.read_bytes(), path.name).blocks
    shown = [b.display_text for b in blocks if b.label and b.kind != "table_cell"]
    for heading in ("IV.1.1. Mục tiêu chung", "IV.2. Phạm vi dự án", "IV.2.1. Các đơn vị tham gia vận hành hệ thống"):
        assert heading in shown
        assert any(b.style and b.style.startswith("TOC") and b.text.startswith(heading) for b in blocks)


# --- hostile and broken input --------------------------------------------------------


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, blob in parts.items():
            archive.writestr(part, blob)
    return out.getvalue()


def _seed_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(corpus_path(SEED)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_docx_reader_refuses_a_truncated_file():
    data = corpus_path(SEED).read_bytes()
    with pytest.raises(CorruptDocument, match="cut.docx: damaged ZIP archive"):
        read_docx(data[: len(data) // 2], "cut.docx", None)


def test_docx_reader_refuses_an_executable_named_docx():
    with pytest.raises(UnsupportedFormat, match="setup.docx: .*executable"):
        read(b"MZ\x90\x00\x03" + b"\x00" * 500, "setup.docx")


def test_docx_reader_refuses_a_zip_bomb():
    parts = _seed_parts()
    parts["word/media/image1.png"] = b"\x00" * (11 * 1024 * 1024)
    with pytest.raises(CorruptDocument, match="bomb.docx: zip bomb: part word/media/image1.png"):
        read_docx(_zip(parts), "bomb.docx", None)


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)


def test_docx_reader_refuses_xml_entity_declarations():
    parts = _seed_parts()
    body = parts["word/document.xml"].split(b"?>", 1)[1]
    parts["word/document.xml"] = LAUGHS + body.replace("BÁO CÁO".encode(), b"&lol2;")
    with pytest.raises(CorruptDocument, match="laughs.docx: part word/document.xml declares a DOCTYPE"):
        read_docx(_zip(parts), "laughs.docx", None)


def test_docx_reader_refuses_entities_in_an_xml_part_whatever_its_name():
    parts = _seed_parts()
    types = parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = types.replace(
        b"</Types>", b'<Override PartName="/word/extra.dat" ContentType="application/xml"/></Types>'
    )
    parts["word/extra.dat"] = LAUGHS + b"<x>&lol2;</x>"
    with pytest.raises(CorruptDocument, match="part word/extra.dat declares a DOCTYPE"):
        read_docx(_zip(parts), "hidden.docx", None)


def test_docx_reader_accepts_an_svg_image_with_a_doctype():
    parts = _seed_parts()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Default Extension="svg" ContentType="image/svg+xml"/></Types>'
    )
    parts["word/media/logo.svg"] = b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    assert read_docx(_zip(parts), "logo.docx", None).blocks


def test_docx_reader_refuses_malformed_xml_with_a_reason():
    parts = _seed_parts()
    parts["word/document.xml"] = parts["word/document.xml"][:5000]
    with pytest.raises(CorruptDocument, match="cut-xml.docx: damaged Word package .*XMLSyntaxError"):
        read_docx(_zip(parts), "cut-xml.docx", None)


def test_docx_reader_bounds_a_hostile_list_start():
    huge = abstract(3, level(0, "lowerLetter", "%1)", start=2**31 - 1))
    [(label, _, _)] = labels(make_docx(para("a", 6, 0), huge + num(6, 3)))
    assert label == "32767)"  # Word's own ceiling, too far for letters


def test_docx_reader_reads_a_document_whose_statistics_part_is_broken():
    parts = _seed_parts()
    parts["docProps/app.xml"] = b"<Properties><Pages>9"
    doc = read_docx(_zip(parts), "stats.docx", None)
    assert (doc.pages, len(doc.blocks)) == (None, 66)


def test_docx_reader_leaves_an_empty_document_to_the_caller():
    with pytest.raises(EmptyDocument, match="blank.docx: no text found"):
        read(make_docx(""), "blank.docx")


@settings(max_examples=80, derandomize=True, deadline=None)
@given(st.data())
def test_docx_reader_raises_only_typed_errors_on_damaged_bytes(data):
    seed = corpus_path(SEED).read_bytes()
    parts = _seed_parts()
    if data.draw(st.booleans(), label="damage the XML inside"):
        part = data.draw(st.sampled_from(["word/document.xml", "word/styles.xml", "word/numbering.xml"]))
        blob = bytearray(parts[part])
        for _ in range(data.draw(st.integers(1, 20))):
            blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.integers(0, 255))
        parts[part] = bytes(blob)
        damaged = _zip(parts)
    else:
        damaged = bytearray(seed)
        for _ in range(data.draw(st.integers(1, 20))):
            damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
        damaged = bytes(damaged)
    try:
        read_docx(damaged, "damaged.docx", None)
    except VnreportError as err:
        assert str(err).startswith("damaged.docx: ")


def test_docx_reader_refuses_a_zip_that_is_not_word():
    parts = {name: blob for name, blob in _seed_parts().items() if name != "word/document.xml"}
    with pytest.raises(UnsupportedFormat, match="album.docx: a ZIP archive but not a Word document"):
        read(_zip(parts), "album.docx")
    with pytest.raises(UnsupportedFormat, match="book.docx: .*Excel workbook"):
        read_docx(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}), "book.docx", None)


@pytest.mark.parametrize(
    "main_type",
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    ],
)
def test_docx_reader_reads_macro_enabled_documents_and_templates(main_type):
    parts = _seed_parts()
    plain = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert plain in parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(plain, main_type.encode())
    assert read(_zip(parts), "macro.docm").blocks[1].text == "I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH"


def test_docx_reader_names_strict_open_xml_instead_of_finding_no_text():
    parts = _seed_parts()
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    )
    with pytest.raises(UnsupportedFormat, match="strict.docx: a Strict Open XML document"):
        read_docx(_zip(parts), "strict.docx", None)


def test_docx_reader_refuses_a_password_protected_docx():
    msoffcrypto = pytest.importorskip("msoffcrypto.format.ooxml")
    encrypted = io.BytesIO()
    with corpus_path(SEED).open("rb") as plain:
        msoffcrypto.OOXMLFile(plain).encrypt("secret", encrypted)
    with pytest.raises(EncryptedDocument, match="locked.docx"):
        read_docx(encrypted.getvalue(), "locked.docx", None)
    with pytest.raises(EncryptedDocument, match="locked.docx"):  # sniffed as OLE, read by the legacy reader
        read(encrypted.getvalue(), "locked.docx")
