"""Invariants of the section tree, on every document of the shared corpus.

Every character of the body from its first node on lies in exactly one node's *own*
span (its span minus its children's); the body before the first node (the opening
"Thực hiện …, báo cáo như sau:") and the front and back matter lie in none. Spans
nest: a child inside its parent, siblings in order and apart. Ids are unique. And one
document rendered several ways — the seed as Markdown, DOCX and PDF, the seed DOCX
saved as .doc by LibreOffice, the TCVN3 .doc and the PDF LibreOffice prints from it —
gets the same ids.

Documents are read by the real readers (LibreOffice for .doc, Tesseract for the scans,
which are marked slow) and go through the real skeleton builder.
"""

from __future__ import annotations

import csv
import functools

import pytest

from conftest import CORPUS, corpus_path
from extract.readers import ReadOptions, read
from extract.structure import build

SEED = "seed/bao-cao-qcdc-6t-2021"


def _scanned() -> set[str]:
    with open(CORPUS / "real" / "MANIFEST.tsv", encoding="utf-8") as f:
        return {row["file"] for row in csv.DictReader(f, delimiter="\t") if row["has_text_layer"].startswith("no")}


def _corpus_files() -> list:
    """Every corpus document; a scan is read by OCR, so its case is marked slow."""
    if not CORPUS.is_dir():
        return []
    scanned = _scanned()
    files = [f"seed/{p.name}" for p in sorted((CORPUS / "seed").iterdir())]
    for p in sorted((CORPUS / "real").iterdir()):
        if p.suffix != ".tsv":
            relative = f"real/{p.name}"
            files.append(pytest.param(relative, marks=pytest.mark.slow) if p.name in scanned else relative)
    return files


def _flat(sections, parent=None):
    for s in sections:
        yield s, parent
        yield from _flat(s.children, s)


def _skeleton_of_file(path):
    from extract.pipeline import repair_text

    ocr = "auto" if path.name in _scanned() else "never"
    doc = read(path.read_bytes(), path.name, None, ReadOptions(ocr=ocr))
    repair_text(doc)
    return build(doc)


@functools.cache
def _skeleton(relative: str):
    return _skeleton_of_file(corpus_path(relative))


def ids(sk) -> list[str]:
    return [s.id for s, _ in _flat(sk.sections)]


def assert_tree_invariants(sk, name: str) -> None:
    nodes = list(_flat(sk.sections))
    section_ids = [s.id for s, _ in nodes]
    assert len(section_ids) == len(set(section_ids)), f"{name}: ids are not unique"
    for s, parent in nodes:
        start, end = s.span
        assert start < end, f"{name}: {s.id} has an empty span"
        assert sk.text[start:].startswith(s.label), f"{name}: {s.id} does not start at its label"
        if parent is not None:
            assert parent.span[0] <= start and end <= parent.span[1], f"{name}: {s.id} lies outside {parent.id}"
        for a, b in zip(s.children, s.children[1:]):
            assert a.span[1] <= b.span[0], f"{name}: {a.id} and {b.id} overlap or are out of order"
    tops = sk.sections
    for a, b in zip(tops, tops[1:]):
        assert a.span[1] <= b.span[0], f"{name}: {a.id} and {b.id} overlap or are out of order"

    # owner of every character: the innermost node whose span holds it
    owners = [0] * len(sk.text)
    for s, _ in nodes:
        own = [(s.span[0], s.span[1])]
        for child in s.children:
            cs, ce = child.span
            own = [piece for a, b in own for piece in ((a, min(b, cs)), (max(a, ce), b)) if piece[0] < piece[1]]
        for a, b in own:
            for k in range(a, b):
                owners[k] += 1
    first = tops[0].span[0] if tops else len(sk.text)
    for pb in sk.blocks:
        a, b = pb.span
        inside = pb.region == "body" and a >= first
        for k in range(a, b):
            if inside:
                assert owners[k] == 1, f"{name}: character {k} of {pb.block.display_text[:40]!r} lies in {owners[k]} nodes"
            else:
                assert owners[k] == 0, f"{name}: {pb.region} character {k} of {pb.block.display_text[:40]!r} in a node"


@pytest.mark.corpus
@pytest.mark.parametrize("relative", _corpus_files() or ["<no corpus>"])
def test_every_body_character_lies_in_exactly_one_nodes_own_span_and_spans_nest(relative):
    if relative == "<no corpus>":
        pytest.skip(f"shared corpus not found at VNREPORT_CORPUS={CORPUS}")
    assert_tree_invariants(_skeleton(relative), relative)


@pytest.mark.corpus
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_the_seed_rendered_as_docx_and_pdf_has_the_markdowns_ids(suffix):
    assert ids(_skeleton(SEED + suffix)) == ids(_skeleton(SEED + ".md"))


@pytest.mark.slow
def test_the_seed_saved_as_doc_has_the_docxs_ids(tmp_path):
    from office import libreoffice_convert

    as_doc = libreoffice_convert(corpus_path(SEED + ".docx"), "doc:MS Word 97", tmp_path)
    sk = _skeleton_of_file(as_doc)
    assert_tree_invariants(sk, as_doc.name)
    assert ids(sk) == ids(_skeleton(SEED + ".docx"))


@pytest.mark.slow
def test_the_tcvn3_doc_and_the_pdf_printed_from_it_have_the_same_ids(tmp_path):
    from office import libreoffice_convert

    relative = "real/hp_kiemdiem-dangvien-lethuy-2011-tcvn3.doc"
    pdf = libreoffice_convert(corpus_path(relative), "pdf", tmp_path)
    sk = _skeleton_of_file(pdf)
    assert_tree_invariants(sk, pdf.name)
    assert ids(_skeleton(relative)) == ["1", "2", "3", "4", "5"]
    assert ids(sk) == ids(_skeleton(relative))
