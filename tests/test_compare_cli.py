"""``vnreport compare``: report JSON files or a batch dataset in; JSON, CSV or HTML out."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from compare_series import model_series, write_two_agency_dataset
from conftest import ROOT


def vnreport(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract.cli", *args], capture_output=True, cwd=ROOT)


@pytest.fixture(scope="module")
def series_json(tmp_path_factory):
    folder = tmp_path_factory.mktemp("series")
    paths = []
    for report in model_series():
        path = folder / f"{report.metadata.symbol.replace('/', '-')}.json"
        path.write_bytes(report.to_json())
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dataset")
    write_two_agency_dataset(folder)
    return folder


def test_vnreport_compare_reads_report_json_files_in_any_order(series_json):
    done = vnreport("compare", *reversed(series_json))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [p["label"] for p in data["periods"]] == ["6 tháng đầu năm 2021", "năm 2021",
                                                      "6 tháng đầu năm 2022", "năm 2022"]
    assert [c["change"] for c in data["section_changes"]] == ["added", "renamed", "removed", "added"]


def test_vnreport_compare_dataset_keeps_only_the_agency_asked_for(dataset, tmp_path):
    out = tmp_path / "so-sanh.csv"
    done = vnreport("compare", "--dataset", str(dataset), "--agency", "sở công thương", "--format", "csv", "-o", str(out))
    assert done.returncode == 0, done.stderr
    header = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert header[6:10] == ["6 tháng đầu năm 2021", "năm 2021", "6 tháng đầu năm 2022", "năm 2022"]


def test_vnreport_compare_dataset_without_agency_compares_each_agency_on_its_own(dataset, tmp_path):
    every = json.loads(vnreport("compare", "--dataset", str(dataset)).stdout)
    assert [(g["agency"], g["reports"]) for g in every["agencies"]] == [("Sở Công Thương", 4), ("Sở Nội vụ", 1)]
    assert len(every["agencies"][0]["comparison"]["periods"]) == 4 and every["agencies"][1]["comparison"] is None
    sheet = list(csv.reader(io.StringIO(vnreport("compare", "--dataset", str(dataset), "--format", "csv").stdout.decode())))
    assert {row[0] for row in sheet} == {"Sở Công Thương"}
    page = tmp_path / "so-sanh.html"
    assert vnreport("compare", "--dataset", str(dataset), "--format", "html", "-o", str(page)).returncode == 0
    text = page.read_text(encoding="utf-8")
    assert text.count('<section class="agency"') == 2 and "Sở Nội vụ" in text and "chỉ có 1 báo cáo" in text


def test_vnreport_compare_writes_a_self_contained_html_page(series_json, tmp_path):
    out = tmp_path / "page.html"
    assert vnreport("compare", *series_json, "--format", "html", "-o", str(out)).returncode == 0
    page = out.read_text(encoding="utf-8")
    charts = page.count('<div class="chart" id="bd-')
    assert charts == len(json.loads(vnreport("compare", *series_json).stdout)["indicators"]) > 0
    assert "<script src" not in page and "vegaEmbed" in page  # the chart library inlined, not fetched


@pytest.mark.parametrize("args, code, message", [
    (["compare", "missing-a.json", "missing-b.json"], 1, "missing-a.json: no such file"),
    (["compare", "--dataset", "nowhere"], 1, "no reports.jsonl here"),
    (["compare", "--format", "xml", "a.json", "b.json"], 2, "--format must be json, csv or html"),
    (["compare"], 2, "give report files or --dataset"),
])
def test_vnreport_compare_fails_with_one_clear_line(args, code, message):
    done = vnreport(*args)
    assert done.returncode == code
    err = done.stderr.decode()
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_vnreport_compare_refuses_a_single_report(series_json):
    done = vnreport("compare", series_json[0])
    assert done.returncode == 2 and b"at least two reports" in done.stderr


def test_vnreport_compare_names_the_file_that_is_not_a_report(series_json, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    done = vnreport("compare", series_json[0], str(bad))
    assert done.returncode == 1 and b"bad.json: not a vnreport report JSON" in done.stderr


def test_vnreport_compare_dataset_counts_a_report_journalled_twice_once(tmp_path):
    lines = [r.to_json() for r in model_series()]
    (tmp_path / "reports.jsonl").write_bytes(b"\n".join(lines + lines[:1]) + b"\n")  # an old journal's copy
    data = json.loads(vnreport("compare", "--dataset", str(tmp_path), "--agency", "Sở Công Thương").stdout)
    assert len(data["periods"]) == 4
