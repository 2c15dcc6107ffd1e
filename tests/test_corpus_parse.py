"""Every DOCX, text-layer PDF and text file of the shared corpus parses end to end.

Old .doc files and scans have their own corpus-wide tests (test_legacy_reader.py,
test_ocr_reader.py). Documents without numbered headings are named here, so that a
tree that goes missing anywhere else fails the test.
"""

from __future__ import annotations

import csv
import functools

import pytest

import extract
from conftest import CORPUS, assert_value_times_scale_is_base_value

# Read by a person: these hold no numbered heading at all (one-page công văn and
# tờ trình, a table-only appendix).
NO_NUMBERED_HEADINGS = {
    "vbai_cv-8151-bnv-2025.pdf",
    "vbai_ttr-bc-cchc-2025-snv-lamdong.pdf",
    "vbai_ttr-bc-cchc-quy1-2026-snv-lamdong.pdf",
    "vbai_ttr-kh-cchc-2026-2030-lamdong.pdf",
    "vbai_phuluc-bc-cchc-2025-lamdong.docx",
}


def _text_files() -> list[str]:
    if not CORPUS.is_dir():
        return []
    scanned = set()
    with open(CORPUS / "real" / "MANIFEST.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["has_text_layer"].startswith("no"):
                scanned.add(row["file"])
    seed = [f"seed/{p.name}" for p in sorted((CORPUS / "seed").iterdir())]
    real = [
        f"real/{p.name}" for p in sorted((CORPUS / "real").iterdir())
        if p.suffix in (".docx", ".pdf", ".txt", ".md", ".html") and p.name not in scanned
    ]
    return seed + real


@functools.cache
def _parsed(relative: str) -> extract.Report:
    """Each file parsed once for the tests below."""
    return extract.parse(CORPUS / relative, ocr="never")


@pytest.mark.corpus
@pytest.mark.parametrize("relative", _text_files() or ["<no corpus>"])
def test_every_text_corpus_file_parses_with_a_section_tree_where_it_has_numbered_headings(relative):
    if relative == "<no corpus>":
        pytest.skip(f"shared corpus not found at VNREPORT_CORPUS={CORPUS}")
    report = _parsed(relative)
    assert report.text.strip()
    assert not report.source.ocr
    name = relative.split("/")[-1]
    if name in NO_NUMBERED_HEADINGS:
        assert report.sections == []
    else:
        assert report.sections, f"{relative}: no section found"
        ids = [s.id for s in report.iter_sections()]
        assert len(ids) == len(set(ids)), f"{relative}: section ids are not unique"


@pytest.mark.corpus
@pytest.mark.parametrize("relative", _text_files() or ["<no corpus>"])
def test_every_indicators_printed_value_times_its_units_scale_is_its_base_value(relative):
    if relative == "<no corpus>":
        pytest.skip(f"shared corpus not found at VNREPORT_CORPUS={CORPUS}")
    assert_value_times_scale_is_base_value(_parsed(relative))
