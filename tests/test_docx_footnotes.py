"""Word footnotes and endnotes: read, placed after their mark, kept apart by the structure.

The hand-made documents are python-docx packages edited with lxml the way Word stores
notes: a ``word/footnotes.xml`` / ``word/endnotes.xml`` part (with the separator notes
Word always writes), its relationship from the main part and its content type.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import corpus_path
from lxml import etree
from test_reader_docx import make_docx as body_docx

from extract.citations import find_citations
from extract.document import Block, Document
from extract.readers.docx import read_docx
from extract.structure import build

W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_NS = f'xmlns:w="{W_URI}"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_SEPARATORS = (
    '<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    '<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
)


def para(*runs: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def ref(note_id: int, kind: str = "footnote", custom: str | None = None) -> str:
    """A reference run as Word writes it; a custom mark follows the reference in the same run."""
    if custom is None:
        return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{note_id}"/></w:r>'
    return (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:{kind}Reference w:customMarkFollows="1" w:id="{note_id}"/><w:t>{custom}</w:t></w:r>')


def note(note_id: int, *texts: str, kind: str = "footnote") -> str:
    """A note whose first paragraph opens with Word's own mark run (w:footnoteRef)."""
    first, *rest = texts
    mark = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
    return f'<w:{kind} w:id="{note_id}">' + para(mark, run(" " + first)) + "".join(para(run(t)) for t in rest) + f"</w:{kind}>"


def make_docx(body: str, footnotes: str = "", endnotes: str = "") -> bytes:
    """A .docx of the given body with footnotes and endnotes parts added."""
    notes = {kind: xml for kind, xml in (("footnote", footnotes), ("endnote", endnotes)) if xml}
    return _add_notes(body_docx(body), notes)


def _add_notes(data: bytes, notes: dict[str, str]) -> bytes:
    """The package with a notes part per kind, related from word/document.xml and typed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: src.read(name) for name in src.namelist()}
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    types = etree.fromstring(parts["[Content_Types].xml"])
    for n, (kind, xml) in enumerate(notes.items()):
        parts[f"word/{kind}s.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:{kind}s {W_NS}>{_SEPARATORS.format(kind=kind)}{xml}</w:{kind}s>"
        ).encode()
        etree.SubElement(rels, f"{{{rels.nsmap[None]}}}Relationship",
                         Id=f"rIdNotes{n}", Type=_REL + f"{kind}s", Target=f"{kind}s.xml")
        etree.SubElement(types, f"{{{types.nsmap[None]}}}Override",
                         PartName=f"/word/{kind}s.xml", ContentType=_TYPE + f"{kind}s+xml")
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    return out.getvalue()


REPORT = make_docx(
    body=(
        para(run("BÁO CÁO"))
        + para(run("Kết quả thực hiện Đề án 06 tháng 11 năm 2025"), ref(1))
        + para(run("I. KẾT QUẢ"))
        + para(run("Triển khai Luật số 09/2022/QH15"), ref(2), run(" ngày 21/6/2022 và các văn bản hướng dẫn."))
        + para(run("Ban hành 02 Kế hoạch"), ref(3), run(", 04 văn bản"), ref(4, "endnote"), run(" chỉ đạo."))
        + '<w:tbl><w:tr><w:tc>' + para(run("Tổng số hồ sơ"), ref(5)) + '</w:tc><w:tc>'
        + para(run("120")) + "</w:tc></w:tr></w:tbl>"
        + para(run("II. NHIỆM VỤ"))
        + para(run("Tiếp tục thực hiện"), ref(6, custom="*"), run(" theo kế hoạch."))
        + para(run("Sở Nội vụ kính báo cáo./."))
    ),
    footnotes=(
        note(1, "Theo Công văn số 2136/TGV ngày 20/10/2025.")
        + note(2, "Luật Căn cước số 26/2023/QH15 ngày 27/11/2023 của Quốc hội.")
        + note(3, "Kế hoạch số 208/KH-CAT-PC06 ngày 29/10/2025;", "1. Kế hoạch số 211/KH-CAT-PC06 ngày 30/10/2025")
        + note(5, "Số liệu đến ngày 20/11/2025.")
        + note(6, "Kế hoạch số 6983/KH-UBND ngày 13/11/2025.")
    ),
    endnotes=note(4, "Công văn số 6272/UBND-NNMT ngày 30/10/2025.", kind="endnote"),
)


@pytest.fixture(scope="module")
def report():
    return read_docx(REPORT, "bao-cao-chu-thich.docx", None)


def test_docx_reader_places_each_note_after_the_paragraph_that_marks_it(report):
    assert [(b.kind, b.label, b.text) for b in report.blocks] == [
        ("paragraph", None, "BÁO CÁO"),
        ("paragraph", None, "Kết quả thực hiện Đề án 06 tháng 11 năm 2025"),
        ("footnote", "1", "Theo Công văn số 2136/TGV ngày 20/10/2025."),
        ("paragraph", None, "I. KẾT QUẢ"),
        ("paragraph", None, "Triển khai Luật số 09/2022/QH15 ngày 21/6/2022 và các văn bản hướng dẫn."),
        ("footnote", "2", "Luật Căn cước số 26/2023/QH15 ngày 27/11/2023 của Quốc hội."),
        # footnote 3 then the endnote, in the order of their marks; endnotes count i, ii …
        ("paragraph", None, "Ban hành 02 Kế hoạch, 04 văn bản chỉ đạo."),
        ("footnote", "3", "Kế hoạch số 208/KH-CAT-PC06 ngày 29/10/2025;"),
        ("footnote", "3", "1. Kế hoạch số 211/KH-CAT-PC06 ngày 30/10/2025"),
        ("footnote", "i", "Công văn số 6272/UBND-NNMT ngày 30/10/2025."),
        ("table_cell", None, "Tổng số hồ sơ"),
        ("footnote", "4", "Số liệu đến ngày 20/11/2025."),
        ("table_cell", None, "120"),
        ("paragraph", None, "II. NHIỆM VỤ"),
        # a custom mark is typed text and takes no number
        ("paragraph", None, "Tiếp tục thực hiện* theo kế hoạch."),
        ("footnote", "*", "Kế hoạch số 6983/KH-UBND ngày 13/11/2025."),
        ("paragraph", None, "Sở Nội vụ kính báo cáo./."),
    ]


def test_docx_reader_skips_separator_notes_and_notes_nobody_marks():
    data = make_docx(para(run("Nội dung.")), footnotes=note(7, "Chú thích không được đánh dấu."))
    assert [b.text for b in read_docx(data, "x.docx", None).blocks] == ["Nội dung."]


def test_footnote_mark_never_glues_onto_a_document_number(report):
    # Word's mark is left out of the body text: the symbol keeps its date, the note follows.
    text = build(report).text
    assert "QH152" not in text and "QH15²" not in text
    cited = [(c.symbol, c.date) for c in find_citations(text)]
    assert ("09/2022/QH15", "2022-06-21") in cited
    assert ("26/2023/QH15", "2023-11-27") in cited


def test_structure_puts_footnotes_in_the_section_of_their_paragraph_and_joins_none(report):
    sk = build(report)
    placed = {pb.block.text: pb for pb in sk.blocks}
    assert [(s.id, s.title) for s in sk.sections] == [("I", "KẾT QUẢ"), ("II", "NHIỆM VỤ")]
    assert placed["Theo Công văn số 2136/TGV ngày 20/10/2025."].region == "front"
    # "1. Kế hoạch …" inside a note opens no section and stays a note of section I
    assert placed["1. Kế hoạch số 211/KH-CAT-PC06 ngày 30/10/2025"].section == "I"
    assert not placed["1. Kế hoạch số 211/KH-CAT-PC06 ngày 30/10/2025"].is_heading
    assert placed["Số liệu đến ngày 20/11/2025."].section == "I"
    assert placed["Kế hoạch số 6983/KH-UBND ngày 13/11/2025."].section == "II"
    for pb in sk.blocks:
        if pb.block.kind == "footnote":
            start, end = pb.span
            assert sk.text[start - 1] == "\n" and sk.text[end] == "\n", pb.block.text
    assert "\n² Luật Căn cước số 26/2023/QH15" in sk.text


def test_structure_never_joins_a_footnote_to_an_open_sentence():
    # Without the footnote kind, "… theo Nghị định số" + "69/2024/NĐ-CP …" would be joined.
    sk = build(Document(format="docx", blocks=[
        Block(text="I. KẾT QUẢ"),
        Block(text="Thực hiện theo Nghị định số"),
        Block(text="69/2024/NĐ-CP ngày 25/6/2024.", kind="footnote", label="1"),
        Block(text="ngày 25/6/2024 của Chính phủ."),
    ]))
    assert sk.text.split("\n") == [
        "I. KẾT QUẢ", "Thực hiện theo Nghị định số", "¹ 69/2024/NĐ-CP ngày 25/6/2024.", "ngày 25/6/2024 của Chính phủ.",
    ]


def test_structure_keeps_a_footnote_of_the_back_matter_in_the_back_matter():
    sk = build(Document(format="docx", blocks=[
        Block(text="I. KẾT QUẢ"), Block(text="Nội dung báo cáo đầy đủ."),
        Block(text="Sở Nội vụ kính báo cáo./."), Block(text="Theo Công văn số 12/SNV.", kind="footnote", label="1"),
        Block(text="GIÁM ĐỐC"),
    ]))
    assert [pb.region for pb in sk.blocks] == ["body", "body", "back", "back", "back"]


def test_parse_gives_the_citations_of_a_real_reports_footnotes():
    """Footnote 1 of this report lists what the province issued; the body cites none of these
    (read from word/footnotes.xml)."""
    from extract import parse

    path = corpus_path("real/vbai_bc-dean06-thang11-2025-lamdong.docx")
    cites = {c.key: c for c in parse(path).citations}
    assert {"CV|2136|TGV", "QĐ|1835|UBND", "BC|174|UBND", "KH|6983|UBND", "KH|208|CAT-PC06",
            "KH|211|CAT-PC06", "NĐ|69|CP|2024"} <= set(cites)
    assert cites["KH|6983|UBND"].date == "2025-11-13"
    assert cites["KH|208|CAT-PC06"].date == "2025-10-29"
