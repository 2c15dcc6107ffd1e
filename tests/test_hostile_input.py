"""Bad input at every entry point: a typed error naming the file and the reason, never a traceback.

The standard: corrupt, encrypted, empty, enormous, wrongly encoded or hostile files
(zip bombs, XML entities) raise a subclass of :class:`extract.errors.VnreportError`
whose message holds the file name; ``vnreport parse`` prints one line for it; a batch
records one error row for it and goes on. Files here are real corpus documents,
damaged or wrapped around an attack, run through the real readers and programs.
"""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import ROOT, corpus_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vietnamese_bytes import windows_1258

import extract
from extract.dataset import Limits, batch
from extract.dataset.worker import process_file
from extract.errors import CorruptDocument, EmptyDocument, TooLarge, VnreportError
from extract.readers import ReadOptions
from extract.schema import Report

SEED_DOCX = "seed/bao-cao-qcdc-6t-2021.docx"
SEED_PDF = "seed/bao-cao-qcdc-6t-2021.pdf"
SEED_MD = "seed/bao-cao-qcdc-6t-2021.md"
FUZZ_SOURCES = [
    SEED_DOCX,
    SEED_PDF,
    SEED_MD,
    "real/lit_bc-tomtat-thamtra-luat-gddh-2025.docx",
    "real/vbai_phuluc-bc-cchc-2025-lamdong.docx",
    "real/vbai_ttr-bc-cchc-quy1-2026-snv-lamdong.pdf",
]
PASSWD_LINE = "root:x:0:0"
TYPED = {cls.__name__ for cls in (VnreportError, *VnreportError.__subclasses__())}
ODD_NAME = "báo cáo \"quý I\" tỉnh's (bản cuối).docx"


# --- hostile files, built from the seed ---------------------------------------------


def docx_with(parts: dict[str, bytes | None] | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """The seed DOCX with some parts rewritten (a function of the old bytes) or added."""
    source = zipfile.ZipFile(io.BytesIO(corpus_path(SEED_DOCX).read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            blob = source.read(info)
            if parts and info.filename in parts:
                blob = parts[info.filename](blob)
            package.writestr(info.filename, blob)
        for part, blob in (extra or {}).items():
            package.writestr(part, blob)
    return out.getvalue()


def with_doctype(declaration: bytes, use: bytes = b""):
    """A part rewriter: put a DOCTYPE before the root element and an entity use in the first text."""

    def rewrite(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        body = body.replace(b"<w:t>", b"<w:t>" + use, 1) if use else body
        return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + declaration + body

    return rewrite


BILLION_LAUGHS = (
    b'<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    )
    + b"]>"
)
XXE = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF whose objects 1..n are ``objects`` (1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def one_page_pdf(text: bytes, catalog: bytes = b"", page: bytes = b"", resources: bytes = b"") -> bytes:
    stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    return pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> " + resources + b">> " + page + b">>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def excel_named_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def password_protected_docx() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    with corpus_path(SEED_DOCX).open("rb") as plain:
        OOXMLFile(plain).encrypt("mat-khau", encrypted)
    return encrypted.getvalue()




# name → (bytes, the error every entry point must give). Built lazily: they need the corpus.
HOSTILE = {
    "billion-laughs.docx": (lambda: docx_with({"word/document.xml": with_doctype(BILLION_LAUGHS, b"&lol9;")}),
                            "CorruptDocument"),
    "xxe-passwd.docx": (lambda: docx_with({"word/document.xml": with_doctype(XXE, b"&xxe;")}), "CorruptDocument"),
    "zip-bomb.docx": (lambda: docx_with(extra={"word/media/image9.bin": b"\0" * (11 << 20)}), "CorruptDocument"),
    "truncated.docx": (lambda: corpus_path(SEED_DOCX).read_bytes()[:9000], "CorruptDocument"),
    ODD_NAME: (lambda: corpus_path(SEED_DOCX).read_bytes()[:5000], "CorruptDocument"),
    "excel-workbook.docx": (excel_named_docx, "UnsupportedFormat"),
    "program.docx": (lambda: b"MZ\x90\x00" + b"\x00" * 200, "UnsupportedFormat"),
    "empty.docx": (lambda: b"", "EmptyDocument"),
    "truncated.pdf": (lambda: corpus_path(SEED_PDF).read_bytes()[:40000], "CorruptDocument"),
    "page-tree-loop.pdf": (lambda: pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1000000 >>",
    ]), "CorruptDocument"),
    "damaged.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 40, "CorruptDocument"),
    "binary.txt": (lambda: bytes(range(256)) * 8, "UnsupportedFormat"),
    "utf16-cut-short.txt": (lambda: b"\xff\xfe" + "Báo cáo".encode("utf-16-le") + b"\x00", "CorruptDocument"),
}
if importlib.util.find_spec("msoffcrypto"):  # a test extra: Office's own encryption, made for real
    HOSTILE["password.docx"] = (password_protected_docx, "EncryptedDocument")


def hostile_bytes(name: str) -> bytes:
    return HOSTILE[name][0]()


# --- extract.parse -------------------------------------------------------------------


@pytest.mark.parametrize("name", list(HOSTILE))
def test_parse_refuses_each_hostile_file_with_its_typed_error_and_name(name):
    expected = HOSTILE[name][1]
    with pytest.raises(VnreportError) as caught:
        extract.parse(hostile_bytes(name), name=name, ocr="never")
    assert type(caught.value).__name__ == expected
    assert caught.value.file == name and str(caught.value).startswith(f"{name}: ")
    assert caught.value.reason.strip()


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_parse_of_damaged_corpus_bytes_gives_a_report_or_a_typed_error_naming_the_file(data):
    sources = [corpus_path(rel) for rel in FUZZ_SOURCES]
    path = data.draw(st.sampled_from(sources), label="source")
    blob = bytearray(path.read_bytes())
    how = data.draw(st.sampled_from(["truncate", "flip", "splice", "nul"]), label="damage")
    if how == "truncate":
        blob = blob[: data.draw(st.integers(0, len(blob) - 1), label="cut")]
    elif how == "flip":
        for at, byte in data.draw(st.lists(st.tuples(st.integers(0, len(blob) - 1), st.integers(0, 255)),
                                           min_size=1, max_size=32), label="flips"):
            blob[at] = byte
    elif how == "splice":
        other = data.draw(st.sampled_from(sources), label="other").read_bytes()
        blob = blob[: data.draw(st.integers(0, len(blob)), label="cut")]
        blob += other[data.draw(st.integers(0, len(other)), label="from"):]
    else:
        for at, run in data.draw(st.lists(st.tuples(st.integers(0, len(blob)), st.integers(1, 64)),
                                          min_size=1, max_size=8), label="nuls"):
            blob[at:at] = b"\x00" * run
    try:
        report = extract.parse(bytes(blob), name=path.name, ocr="never")
    except VnreportError as err:
        assert err.file == path.name and path.name in str(err)
    else:
        assert isinstance(report, Report) and report.source.path == path.name


def test_parse_refuses_a_file_over_max_bytes_as_too_large():
    data = corpus_path(SEED_MD).read_bytes()
    with pytest.raises(TooLarge, match=r"^bao-cao\.md: .*over the limit of 1,000"):
        extract.parse(data, name="bao-cao.md", options=ReadOptions(ocr="never", max_bytes=1000))


def test_parse_refuses_a_pdf_with_more_pages_than_max_pages_as_too_large():
    data = corpus_path(SEED_PDF).read_bytes()
    with pytest.raises(TooLarge, match=r"^bao-cao\.pdf: 9 pages is over the limit of 3"):
        extract.parse(data, name="bao-cao.pdf", options=ReadOptions(ocr="never", max_pages=3))


def test_docx_entity_attack_never_shows_the_entity_target():
    with pytest.raises(CorruptDocument, match="DOCTYPE or XML entities") as caught:
        extract.parse(hostile_bytes("xxe-passwd.docx"), name="xxe.docx", ocr="never")
    assert PASSWD_LINE not in str(caught.value)


@pytest.mark.parametrize("part", ["[Content_Types].xml", "word/styles.xml", "word/_rels/document.xml.rels"])
def test_docx_refuses_entity_declarations_in_any_package_part(part):
    data = docx_with({part: with_doctype(BILLION_LAUGHS)})
    with pytest.raises(CorruptDocument, match="entit"):
        extract.parse(data, name="laughs.docx", ocr="never")


def test_docx_refuses_entity_declarations_in_a_utf16_part():
    def utf16(xml: bytes) -> bytes:
        text = with_doctype(XXE, b"&xxe;")(xml).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return b"\xff\xfe" + text.encode("utf-16-le")

    with pytest.raises(CorruptDocument, match="entit"):
        extract.parse(docx_with({"word/document.xml": utf16}), name="xxe16.docx", ocr="never")


def test_html_entity_declarations_are_never_expanded_or_fetched():
    html = (
        b'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<html><body><p>B\xc3\x81O C\xc3\x81O &xxe; &lol2;</p><p>K\xe1\xba\xbft qu\xe1\xba\xa3 n\xc4\x83m 2021</p></body></html>"
    )
    report = extract.parse(html, name="laughs.html", ocr="never")
    assert PASSWD_LINE not in report.text
    assert "lollollol" not in report.text
    assert "Kết quả năm 2021" in report.text


def test_html_nested_a_hundred_thousand_levels_deep_is_read():
    html = b"<html><body>" + b"<div><b>" * 100_000 + "BÁO CÁO kết quả".encode() + b"</b></div>" * 100_000
    report = extract.parse(html, name="deep.html", ocr="never")
    assert "BÁO CÁO kết quả" in report.text


def test_pdf_with_javascript_and_launch_actions_is_only_read_as_text(tmp_path):
    marker = tmp_path / "launched"
    data = one_page_pdf(
        b"BAO CAO ket qua cong tac nam 2021",
        catalog=b"/OpenAction << /S /JavaScript /JS (app.launchURL\\('http://example.com'\\)) >> ",
        page=b"/AA << /O << /S /Launch /F (/usr/bin/touch) /P (%s) >> >> " % str(marker).encode(),
    )
    report = extract.parse(data, name="actions.pdf", ocr="never")
    assert report.text == "BAO CAO ket qua cong tac nam 2021"
    assert not marker.exists()


@pytest.mark.parametrize(
    "what, data",
    [
        ("nested arrays", b"[" * 100_000 + b"]" * 100_000),
        ("nested dictionaries", b"<< /A " * 50_000 + b"1" + b" >>" * 50_000),
    ],
)
def test_pdf_with_deeply_nested_objects_reads_its_text_or_says_it_is_corrupt(what, data):
    pdf = one_page_pdf(b"BAO CAO ket qua", resources=b"/X " + data)
    try:
        report = extract.parse(pdf, name="deep.pdf", ocr="never")
    except (CorruptDocument, EmptyDocument) as err:
        assert err.file == "deep.pdf"
    else:
        assert report.text == "BAO CAO ket qua"


def test_pdf_with_a_wrong_xref_table_is_repaired_or_refused_as_corrupt():
    good = one_page_pdf(b"BAO CAO ket qua")
    xref = good.rindex(b"xref")
    broken = good[:xref] + good[xref:].replace(b" 00000 n", b" 00000 x").replace(b"startxref\n", b"startxref\n9")
    try:
        report = extract.parse(broken, name="xref.pdf", ocr="never")
    except CorruptDocument as err:
        assert err.file == "xref.pdf"
    else:
        assert report.text == "BAO CAO ket qua"  # PDFium rebuilds the table from the objects


def test_odd_file_name_appears_verbatim_from_a_path(tmp_path):
    path = tmp_path / ODD_NAME
    path.write_bytes(hostile_bytes(ODD_NAME))
    with pytest.raises(CorruptDocument) as caught:
        extract.parse(path, ocr="never")
    assert str(caught.value).startswith(f"{path}: ")


# --- wrongly encoded text --------------------------------------------------------------

REPORT_LINES = "BÁO CÁO\n\nI. KẾT QUẢ THỰC HIỆN\n\nĐã giải quyết 120 hồ sơ, đạt 98,5%.\n"
REPORT_TEXT = "BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN\nĐã giải quyết 120 hồ sơ, đạt 98,5%."


@pytest.mark.parametrize(
    "name, data, text, warning",
    [
        ("utf16le.txt", REPORT_LINES.encode("utf-16-le"), REPORT_TEXT, "UTF-16-LE"),
        ("utf16be.txt", REPORT_LINES.encode("utf-16-be"), REPORT_TEXT, "UTF-16-BE"),
        ("utf16le.md", REPORT_LINES.encode("utf-16-le"), REPORT_TEXT, "UTF-16-LE"),
        ("bom.txt", b"\xff\xfe" + REPORT_LINES.encode("utf-16-le"), REPORT_TEXT, None),
        ("damaged-utf8.txt", REPORT_LINES.encode() + b"\xff\xc3(\n", REPORT_TEXT + "\n\ufffd\ufffd(", "not valid UTF-8"),
        ("latin1.txt", "Rapport annuel : résultats\n".encode("latin-1"), "Rapport annuel : résultats", "not UTF-8"),
    ],
)
def test_text_in_another_encoding_is_read_with_a_plain_warning(name, data, text, warning):
    report = extract.parse(data, name=name, ocr="never")
    assert report.text == text
    if warning:
        assert any(warning in w for w in report.warnings)
    else:
        assert not any("UTF" in w for w in report.warnings)


def test_mixed_utf8_and_windows_1258_keeps_the_utf8_majority_readable():
    data = REPORT_LINES.encode() + windows_1258("Kết quả năm 2021\n")
    report = extract.parse(data, name="mixed.txt", ocr="never")
    assert report.text.startswith(REPORT_TEXT)
    assert any("not valid UTF-8" in w for w in report.warnings)


def test_windows_1258_text_is_read_without_error_and_warned_about():
    report = extract.parse(windows_1258(REPORT_LINES), name="cp1258.txt", ocr="never")
    assert report.text.startswith("BÁO CÁO")
    assert any("not UTF-8" in w for w in report.warnings)


# --- enormous input, with the batch time limit as the safety net -------------------


def _outcome_is_one_row(outcome, path: Path) -> None:
    assert outcome.ok or outcome.error_type in TYPED | {"Timeout", "MemoryLimit"}, outcome
    if not outcome.ok:
        assert outcome.message.startswith(f"{path}: "), outcome.message


def test_fifty_megabytes_on_one_line_ends_as_one_row_within_the_time_limit(tmp_path):
    line = "Báo cáo kết quả thực hiện đạt 98,5% theo Quyết định số 12/QĐ-UBND ngày 1/2/2021 "
    path = tmp_path / "one-line.txt"
    path.write_bytes(line.encode() * (50_000_000 // len(line.encode())))
    _outcome_is_one_row(process_file(str(path), Limits(timeout=10, ocr="never")), path)


def test_docx_with_one_gigantic_paragraph_ends_as_one_row_within_the_time_limit(tmp_path):
    words = corpus_path(SEED_MD).read_text().split()
    # Words in a shifting order, so that the part does not compress like a zip bomb.
    text = " ".join(words[(i * 7919) % len(words)] for i in range(300_000)).replace("&", "&amp;").replace("<", "")
    paragraph = b'<w:p><w:r><w:t xml:space="preserve">' + text.encode() + b"</w:t></w:r></w:p>"
    path = tmp_path / "giant.docx"
    path.write_bytes(docx_with({"word/document.xml": lambda xml: xml.replace(b"<w:body>", b"<w:body>" + paragraph, 1)}))
    _outcome_is_one_row(process_file(str(path), Limits(timeout=15, ocr="never")), path)


# --- the command line ------------------------------------------------------------------


@pytest.mark.parametrize("name", list(HOSTILE))
def test_cli_parse_prints_one_line_naming_the_file_and_error_type(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(hostile_bytes(name))
    run = subprocess.run(
        [sys.executable, "-m", "extract.cli", "parse", str(path)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert run.returncode != 0
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert lines == [lines[0]] and "Traceback" not in run.stderr
    assert lines[0].startswith(f"vnreport: {HOSTILE[name][1]}: {path}: ")


# --- the batch -------------------------------------------------------------------------


def test_batch_gives_every_good_and_bad_file_exactly_one_row_and_goes_on(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    good = {
        "bao-cao.md": corpus_path(SEED_MD).read_bytes(),
        "bao-cao.docx": corpus_path(SEED_DOCX).read_bytes(),
        "utf16-no-bom.txt": REPORT_LINES.encode("utf-16-le"),
    }
    for name, data in good.items():
        (archive / name).write_bytes(data)
    for name in HOSTILE:
        (archive / name).write_bytes(hostile_bytes(name))

    summary = batch([archive], tmp_path / "ds", workers=2, limits=Limits(timeout=120, ocr="never"))

    expected_errors = {str(archive / name): kind for name, (_, kind) in HOSTILE.items()}
    assert summary.files == len(good) + len(HOSTILE)
    assert summary.reports == len(good)
    assert summary.errors == len(HOSTILE)
    counts: dict[str, int] = {}
    for kind in expected_errors.values():
        counts[kind] = counts.get(kind, 0) + 1
    assert summary.errors_by_type == counts
    reports = pq.read_table(tmp_path / "ds" / "reports.parquet").to_pylist()
    errors = pq.read_table(tmp_path / "ds" / "errors.parquet").to_pylist()
    assert sorted(Path(r["path"]).name for r in reports) == sorted(good)
    assert {e["path"]: e["error_type"] for e in errors} == expected_errors
    assert len(errors) == len(expected_errors)
    for row in errors:
        assert row["message"].startswith(f"{row['path']}: ") and len(row["message"]) > len(row["path"]) + 2
        assert PASSWD_LINE not in row["message"]
