"""The .doc/.rtf/.odt reader: LibreOffice headless in a private profile, typed errors.

Every test runs the real LibreOffice; fixtures are made from corpus files in tmp_path.
"""

from __future__ import annotations

import struct
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import CORPUS, assert_value_times_scale_is_base_value, corpus_path
from office import libreoffice_convert

import extract
from extract.errors import (
    ConverterUnavailable,
    CorruptDocument,
    EncryptedDocument,
    Timeout,
    VnreportError,
)
from extract.readers import ReadOptions, read
from extract.readers.legacy import convert_to_docx, is_encrypted_ole, read_legacy

pytestmark = pytest.mark.slow

SEED_DOCX = "seed/bao-cao-qcdc-6t-2021.docx"
TCVN3_DOC = "real/hp_kiemdiem-dangvien-lethuy-2011-tcvn3.doc"
CORPUS_DOCS = sorted(p.name for p in (CORPUS / "real").glob("*.doc")) if (CORPUS / "real").is_dir() else []


def section_ids(sections) -> list[str]:
    return [i for s in sections for i in (s.id, *section_ids(s.children))]


@pytest.fixture(scope="session")
def seed_as_doc(tmp_path_factory) -> Path:
    """The seed DOCX saved as Word 97-2003 by LibreOffice."""
    return libreoffice_convert(corpus_path(SEED_DOCX), "doc:MS Word 97", tmp_path_factory.mktemp("seed-doc"))


def test_legacy_reader_reads_a_doc_made_from_the_seed_docx_with_the_same_sections_and_citations(seed_as_doc):
    clean = extract.parse(corpus_path(SEED_DOCX))
    old = extract.parse(seed_as_doc)
    assert old.source.format == "doc"
    assert section_ids(old.sections) == section_ids(clean.sections)
    clean_keys = {c.key for c in clean.citations}
    assert clean_keys, "the seed cites documents"
    assert len(clean_keys & {c.key for c in old.citations}) >= 0.9 * len(clean_keys)


@pytest.mark.parametrize("target", ["rtf", "odt"])
def test_legacy_reader_reads_rtf_and_odt_with_the_format_named_and_the_same_sections(seed_as_doc, tmp_path, target):
    converted = libreoffice_convert(seed_as_doc, target, tmp_path)
    doc = read(converted.read_bytes(), converted.name)
    assert doc.format == target
    assert doc.measured["converted_by"].startswith("LibreOffice")
    clean = extract.parse(corpus_path(SEED_DOCX))
    assert section_ids(extract.parse(converted).sections) == section_ids(clean.sections)


def test_legacy_reader_converts_the_tcvn3_doc_to_unicode_letters_including_u_horn():
    # "ư" is byte 0xAD in TCVN3, a soft hyphen to Word: it must survive as a letter.
    report = extract.parse(corpus_path(TCVN3_DOC))
    assert report.source.format == "doc"
    assert report.source.encoding_repaired == "tcvn3"
    assert "BẢN TỰ KIỂM ĐIỂM" in report.text
    assert "ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN" in report.text
    assert "Về tư tưởng chính trị" in report.text
    assert "được quan tâm hàng đầu" in report.text


def test_legacy_reader_conversions_running_at_once_do_not_collide():
    data = corpus_path(TCVN3_DOC).read_bytes()
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda i: read_legacy(data, f"copy-{i}.doc", ReadOptions()), range(3)))
    texts = ["\n".join(b.text for b in doc.blocks) for doc in results]
    assert texts[0] and texts[0] == texts[1] == texts[2]


def test_legacy_reader_raises_timeout_and_leaves_no_libreoffice_running(monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # this call's LibreOffice runs in here
    data = corpus_path("real/hp_decuong-dutoan-qlvb-phutho-2012.doc").read_bytes()
    with pytest.raises(Timeout, match="LibreOffice took longer than 0.05 s"):
        read_legacy(data, "de-cuong.doc", ReadOptions(timeout=0.05))
    for _ in range(50):  # killed processes may take a moment to leave the process table
        running = subprocess.run(["pgrep", "-f", str(tmp_path)], capture_output=True, text=True).stdout
        if not running:
            break
        time.sleep(0.1)
    assert running == ""


def test_legacy_reader_names_libreoffice_and_its_debian_package_when_it_is_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no soffice on the path
    with pytest.raises(ConverterUnavailable, match="soffice.*libreoffice-writer-nogui") as err:
        read_legacy(corpus_path(TCVN3_DOC).read_bytes(), "kiem-diem.doc", ReadOptions())
    assert err.value.file == "kiem-diem.doc"


def test_legacy_reader_reports_a_truncated_doc_as_corrupt():
    data = corpus_path(TCVN3_DOC).read_bytes()[:5000]
    with pytest.raises(CorruptDocument) as err:
        read_legacy(data, "cut.doc", ReadOptions())
    assert err.value.file == "cut.doc" and err.value.reason


def _with_encrypted_flag(data: bytes) -> bytes:
    out = bytearray(data)
    fib = next(o for o in range(512, len(out), 512) if out[o:o + 2] == b"\xec\xa5")
    flags = struct.unpack_from("<H", out, fib + 0x0A)[0]
    struct.pack_into("<H", out, fib + 0x0A, flags | 0x0100)
    return bytes(out)


def test_legacy_reader_refuses_a_doc_whose_header_says_it_is_encrypted():
    data = corpus_path(TCVN3_DOC).read_bytes()
    assert not is_encrypted_ole(data)
    with pytest.raises(EncryptedDocument, match="password"):
        read_legacy(_with_encrypted_flag(data), "mat-khau.doc", ReadOptions())


def test_legacy_reader_refuses_a_password_protected_docx_container():
    # Office saves a password-protected .docx as an OLE file with these two streams.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    ole += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedDocument):
        read(ole + b"\x00" * 1024, "bao-cao.docx")


def test_convert_to_docx_returns_a_word_package():
    docx_bytes = convert_to_docx(corpus_path(TCVN3_DOC).read_bytes(), "k.doc", "doc", 120)
    assert docx_bytes.startswith(b"PK\x03\x04")


@pytest.mark.parametrize("name", CORPUS_DOCS)
def test_every_corpus_doc_parses_or_fails_with_a_typed_error(name):
    try:
        report = extract.parse(corpus_path(f"real/{name}"))
    except VnreportError as err:  # a clear, typed refusal is acceptable; a traceback is not
        assert err.file and err.reason
        return
    assert report.source.format == "doc"
    assert report.text.strip()
    assert_value_times_scale_is_base_value(report)  # the corpus-wide property, for the files parsed here once
