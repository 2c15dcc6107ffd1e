"""The CLI and API refuse or accept what a new user tries, with one clear line: output folders,
OCR modes, forced formats, missing files, agency names, Dask absent, --version, Markdown."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import extract
from compare_series import write_two_agency_dataset
from conftest import ROOT, SAMPLES

SAMPLE = SAMPLES / "bao-cao-6-thang-2021.docx"


def vnreport(*args: str, cwd=ROOT, code: str = "") -> subprocess.CompletedProcess:
    # ``code`` runs before the CLI in the same process (to take a library away, as an install without it)
    program = f"{code}\nimport sys; from extract.cli import main; sys.argv = ['vnreport', *sys.argv[1:]]; main()"
    return subprocess.run([sys.executable, "-c", program, *args], capture_output=True, text=True, cwd=cwd)


def test_version_prints_the_package_and_schema_versions():
    done = vnreport("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"vnreport {extract.__version__} (report schema 1.1)"


@pytest.mark.parametrize("make_first", [False, True], ids=["trailing-slash", "existing-folder"])
def test_parse_one_file_into_a_folder_writes_the_folder_slash_name_json(tmp_path, make_first):
    folder = tmp_path / "newdir"
    if make_first:
        folder.mkdir()
    target = str(folder) if make_first else f"{folder}/"
    done = vnreport("parse", str(SAMPLE), "-o", target)
    assert done.returncode == 0, done.stderr
    assert folder.is_dir()
    written = folder / "bao-cao-6-thang-2021.docx.json"
    assert json.loads(written.read_text(encoding="utf-8"))["metadata"]["symbol"] == "125/BC-SCT"


def test_parse_one_file_to_a_new_name_still_writes_that_file(tmp_path):
    target = tmp_path / "bc"
    assert vnreport("parse", str(SAMPLE), "-o", str(target)).returncode == 0
    assert target.is_file()


def test_an_unknown_ocr_mode_is_refused_by_the_api_and_the_cli():
    with pytest.raises(ValueError, match="ocr must be 'auto', 'always' or 'never', not 'sometimes'"):
        extract.parse(SAMPLE, ocr="sometimes")
    done = vnreport("parse", str(SAMPLE), "--ocr", "sometimes")
    assert done.returncode == 2 and "--ocr must be auto, always or never, not 'sometimes'" in done.stderr


def test_a_forced_format_that_the_content_contradicts_says_so_not_that_the_file_is_damaged():
    with pytest.raises(extract.FormatMismatch) as caught:
        extract.parse(SAMPLE, "pdf")
    assert isinstance(caught.value, extract.UnsupportedFormat)
    assert "format 'pdf' was asked, but the content is a DOCX or ODT (ZIP) file" in str(caught.value)
    done = vnreport("parse", str(SAMPLE), "--from", "pdf")
    assert done.returncode == 1 and "FormatMismatch" in done.stderr and "damaged" not in done.stderr


def test_a_forced_format_that_fits_the_content_reads_it(tmp_path):
    note = tmp_path / "note.bin"
    note.write_text("BÁO CÁO\nI. KẾT QUẢ\nThu ngân sách đạt 21.345 tỷ đồng.\n", encoding="utf-8")
    assert extract.parse(note, "txt").sections[0].id == "I"
    with pytest.raises(extract.FormatMismatch, match="content is plain text"):
        extract.parse(note, "docx")


def test_a_missing_file_is_both_a_vnreport_error_and_a_file_not_found_error(tmp_path):
    with pytest.raises(FileNotFoundError) as caught:
        extract.parse(tmp_path / "nope.docx")
    assert isinstance(caught.value, extract.VnreportError)
    assert str(caught.value) == f"{tmp_path / 'nope.docx'}: no such file"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dataset")
    write_two_agency_dataset(folder)
    return folder


def test_compare_agency_with_a_typo_finds_the_agency(dataset):
    done = vnreport("compare", "--dataset", str(dataset), "--agency", "So Cong Thuong")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["periods"]) == 4
    done = vnreport("compare", "--dataset", str(dataset), "--agency", "Sở Công Thươn")
    assert done.returncode == 0, done.stderr


def test_compare_agency_that_matches_nothing_suggests_the_closest_names(dataset):
    done = vnreport("compare", "--dataset", str(dataset), "--agency", "Sở Tài chính")
    assert done.returncode == 1
    assert "no report of agency 'Sở Tài chính'; closest: 'Sở Công Thương', 'Sở Nội vụ'" in done.stderr


def test_batch_on_a_scheduler_without_dask_names_the_extra_to_install(tmp_path):
    # An install without the vnreport[dask] extra: the modules cannot be imported.
    without_dask = "import sys; sys.modules['distributed'] = None; sys.modules['dask'] = None"
    done = vnreport("batch", str(SAMPLE), "-o", str(tmp_path / "ds"), "--scheduler", "tcp://127.0.0.1:8786",
                    code=without_dask)
    assert done.returncode == 1, done.stderr
    assert "SchedulerUnavailable" in done.stderr and "pip install 'vnreport[dask]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_parse_format_md_writes_the_text_with_headings_from_the_tree(tmp_path):
    done = vnreport("parse", str(SAMPLE), "--format", "md", "-o", f"{tmp_path}/")
    assert done.returncode == 0, done.stderr
    markdown = (tmp_path / "bao-cao-6-thang-2021.docx.md").read_text(encoding="utf-8")
    report = extract.parse(SAMPLE)
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [f"{'#' * s.level} {report.text[s.span[0]:].splitlines()[0].strip()}"
                        for s in report.iter_sections()]
    assert headings[0] == "# I. ĐẶC ĐIỂM TÌNH HÌNH" and "## 1. Thuận lợi" in headings
    assert "Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy" in markdown


def test_parse_format_other_than_json_or_md_is_refused():
    done = vnreport("parse", str(SAMPLE), "--format", "xml")
    assert done.returncode == 2 and "--format must be json or md" in done.stderr
