"""A file that holds more than one document: a cover tờ trình followed by the draft kế hoạch it
submits, built here from two corpus files (the tờ trình's PDF and the plan's DOCX exported by
LibreOffice), and gazette files whose annexes print a header of their own but are no other document."""

from __future__ import annotations

import subprocess

import pytest

import extract
from conftest import corpus_path
from extract.readers import ReadOptions, read
from extract.structure.bundled import later_documents

COVER = "real/vbai_ttr-kh-cchc-2026-2030-lamdong.pdf"  # Tờ trình 176/TTr-SNV, one page
PLAN = "real/vbai_kh-cchc-2026-2030-lamdong.docx"  # the Kế hoạch it submits


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    import pypdfium2 as pdfium

    work = tmp_path_factory.mktemp("bundle")
    plan = corpus_path(PLAN)
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(plan)],
                   check=True, capture_output=True, timeout=180)
    out = pdfium.PdfDocument.new()
    for part in (corpus_path(COVER), work / (plan.stem + ".pdf")):
        out.import_pages(pdfium.PdfDocument(str(part)))
    path = work / "totrinh-va-du-thao-ke-hoach.pdf"
    out.save(str(path))
    return extract.parse(path)


def test_a_second_document_is_said_in_warnings_with_the_page_it_begins_on(bundle):
    said = [w for w in bundle.warnings if "another document" in w]
    assert len(said) == 1 and said[0].startswith("page 2:") and "Kế hoạch" in said[0]


def test_a_bundles_documents_are_listed_in_order(bundle):
    assert [(d.page, d.doc_type, d.symbol) for d in bundle.documents] == [
        (1, "Tờ trình", "176/TTr-SNV"), (2, "Kế hoạch", "/KH-UBND")]
    assert bundle.text[bundle.documents[1].start:].startswith("ỦY BAN NHÂN DÂN")


def test_a_bundles_metadata_is_its_first_documents(bundle):
    m = bundle.metadata
    assert (m.doc_type, m.symbol, m.date) == ("Tờ trình", "176/TTr-SNV", "2026-03-17")
    assert m.signer is not None and m.signer.name == "Trần Hữu Tuấn"


def test_the_second_documents_headings_stay_out_of_the_first_documents_tree(bundle):
    titles = [s.title for s in bundle.iter_sections()]
    assert not any("QUAN ĐIỂM, MỤC TIÊU" in t for t in titles)


def test_the_second_documents_figures_are_still_read(bundle):
    # "… đạt tối thiểu 95%" is the plan's target, in the attachment
    start = bundle.documents[1].start
    assert any(i.value == 95 and i.unit == "%" and i.span[0] > start for i in bundle.indicators)


@pytest.mark.parametrize("relative", [
    "real/cb_nghi-dinh-so-118-2026-nd-cp-469379.pdf",  # Phụ lục I: a report form with its own header
    "real/cb_nghi-quyet-so-100-nq-cp-469357.pdf",  # a Chương trình hành động "kèm theo Nghị quyết"
    "real/cb_van-ban-hop-nhat-so-06-vbhn-byt-26324.pdf",  # Phụ lục 02: a list form with its own header
    "real/lit_ttr-luat-diachat-khoangsan-btnmt-2023.pdf",  # a tờ trình naming the Cộng hòa in its text
])
def test_an_annex_with_a_header_of_its_own_is_no_other_document(relative):
    doc = read(corpus_path(relative).read_bytes(), relative, options=ReadOptions(ocr="never"))
    assert later_documents(doc.blocks) == []


def test_a_letter_forwarding_another_letter_is_two_documents():
    # a scan: the Văn phòng Chính phủ's letter (pages 1-2) forwards the Bộ Xây dựng's (pages 3-4)
    report = extract.parse(corpus_path("real/lit_cv-9533-vpcp-cn-2025.pdf"))
    assert [(d.page, d.doc_type, d.symbol) for d in report.documents] == [
        (1, "Công văn", "9533/VPCP-CN"), (3, "Công văn", "10948/BXD-KHTC")]
    assert any(w.startswith("page 3: another document begins here") for w in report.warnings)
    assert report.metadata.symbol == "9533/VPCP-CN"
