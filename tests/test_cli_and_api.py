"""The public surface: lazy imports, the CLI's behaviour on good and bad files, the schema."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

HEAVY = ("spacy", "underthesea", "pdfplumber", "docx", "pypdfium2", "duckdb", "dask", "pyarrow")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def _heavy_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_import_extract_loads_no_heavy_library():
    assert _heavy_in(_modules_after("import extract")) == []


def test_cli_help_loads_no_heavy_library():
    code = (
        "import sys; from extract import cli; sys.argv=['vnreport','--help']\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass"
    )
    assert _heavy_in(_modules_after(code)) == []


def test_cli_schema_loads_no_heavy_library():
    code = (
        "import sys; from extract import cli; sys.argv=['vnreport','schema']\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass"
    )
    assert _heavy_in(_modules_after(code)) == []


def test_a_report_whose_figures_need_no_tagging_never_loads_underthesea():
    text = "BÁO CÁO\nI. KẾT QUẢ\nThực hiện Nghị định số 15/2020/NĐ-CP ngày 06/02/2020 của Chính phủ, Sở đã triển khai."
    code = f"import extract; report = extract.parse({text.encode()!r}, 'txt'); assert report.citations"
    assert "underthesea" not in _modules_after(code)


def vnreport(*args: str, input_bytes: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract.cli", *args], capture_output=True, cwd=ROOT, input=input_bytes
    )


def test_cli_schema_prints_a_json_schema_of_the_report():
    result = vnreport("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    report = schema["$defs"]["Report"]
    assert {"schema_version", "source", "metadata", "text", "sections", "citations", "indicators", "warnings"} <= set(
        report["properties"]
    )


@pytest.mark.parametrize(
    "name, content, error",
    [
        ("empty.pdf", b"", "EmptyDocument"),
        ("setup.docx", b"MZ\x90\x00" + b"\x00" * 200, "UnsupportedFormat"),
        ("program.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "UnsupportedFormat"),
        ("broken-scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "CorruptDocument"),
    ],
)
def test_cli_bad_file_prints_one_line_with_the_file_name_and_exits_nonzero(tmp_path, name, content, error):
    path = tmp_path / name
    path.write_bytes(content)
    result = vnreport("parse", str(path))
    assert result.returncode != 0
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, result.stderr.decode()
    assert error in lines[0] and name in lines[0]
    assert "Traceback" not in result.stderr.decode()


def test_cli_missing_file_is_a_clear_error(tmp_path):
    result = vnreport("parse", str(tmp_path / "nope.docx"))
    assert result.returncode != 0
    assert "nope.docx" in result.stderr.decode() and "no such file" in result.stderr.decode()


def test_cli_batch_of_files_keeps_going_after_a_bad_one(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("**BÁO CÁO**\n\n**I. TÌNH HÌNH**\n\nNội dung báo cáo.\n", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    result = vnreport("parse", str(bad), str(good), "-o", str(out))
    assert result.returncode == 1
    report = json.loads((out / "good.md.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in report["sections"]] == ["I"]


def test_parse_accepts_bytes_and_gives_the_same_report_as_the_path():
    import extract

    sample = SAMPLES / "bao-cao-6-thang-2021.docx"
    if not sample.exists():
        pytest.skip("sample not generated")
    from_path = extract.parse(sample)
    from_bytes = extract.parse(sample.read_bytes(), name=str(sample))
    assert from_path.to_json() == from_bytes.to_json()


def test_same_input_gives_byte_identical_json():
    import extract

    sample = SAMPLES / "bao-cao-6-thang-2021.docx"
    if not sample.exists():
        pytest.skip("sample not generated")
    assert extract.parse(sample).to_json() == extract.parse(sample).to_json()


@pytest.mark.slow
def test_a_scanned_page_saved_as_png_is_read_by_ocr(tmp_path, seed):
    import pypdfium2 as pdfium

    import extract

    pdf = pdfium.PdfDocument(str(seed / "bao-cao-qcdc-6t-2021.pdf"))
    image = tmp_path / "trang-1.png"
    pdf[0].render(scale=200 / 72).to_pil().convert("L").save(image)
    pdf.close()

    report = extract.parse(image)
    assert report.source.format == "png" and report.source.ocr
    assert [s.id for s in report.sections][:2] == ["I", "II"]
    assert any(c.key == "CT|8|TU" for c in report.citations)
    with pytest.raises(extract.EmptyDocument, match="OCR is off"):
        extract.parse(image, ocr="never")
