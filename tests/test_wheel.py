"""The built wheel works on its own: installed in a fresh virtual environment, away from the repository."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SAMPLES

LEFT_OUT = shutil.ignore_patterns(".venv", ".git", ".hypothesis", "__pycache__", "build", "dist", "*.egg-info",
                                  ".pytest_cache")


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=900, **kwargs)
    assert done.returncode == 0, f"{args}: {done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    # Built from a copy, so that the checkout gets no build/ or egg-info folder.
    source = tmp_path_factory.mktemp("source") / "vnreport"
    shutil.copytree(ROOT, source, ignore=LEFT_OUT, symlinks=True)
    dist = source / "dist"
    run(sys.executable, "-m", "build", "--wheel", "--outdir", dist, source)
    (built,) = dist.glob("vnreport-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    env = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", env)
    run(env / "bin" / "pip", "install", "-q", wheel)
    return env


def test_the_wheel_carries_its_data_template_type_marker_licence_and_extras(wheel):
    with zipfile.ZipFile(wheel) as whl:
        names = set(whl.namelist())
        metadata = whl.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        entry_points = whl.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert {"extract/py.typed", "extract/templates/review.html", "extract/data/units.tsv"} <= names
    assert not any(n.startswith(("tests/", "corpora/", "scripts/")) for n in names)
    assert "License-Expression: MIT" in metadata
    assert "Provides-Extra: spacy" in metadata and "Provides-Extra: dask" in metadata
    assert not any(line.startswith("Requires-Dist: dask") and "extra ==" not in line for line in metadata.splitlines())
    assert "[spacy_factories]\nvnreport = extract.spacy_component:make_vnreport" in entry_points


@pytest.mark.slow
def test_the_installed_wheel_parses_reviews_and_prints_its_schema_with_no_repository_around(venv, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    sample = shutil.copy(SAMPLES / "bao-cao-6-thang-2021.docx", work / "bc.docx")
    vnreport = venv / "bin" / "vnreport"
    assert run(vnreport, "--version", cwd=work).stdout.startswith("vnreport 0.1.0 (report schema 1.1)")
    where = run(venv / "bin" / "python", "-c", "import extract; print(extract.__file__)", cwd=work).stdout
    assert where.startswith(str(venv)), where  # the installed package, not the checkout

    run(vnreport, "parse", sample, "-o", "out/", cwd=work)
    report = json.loads((work / "out" / "bc.docx.json").read_text(encoding="utf-8"))
    assert report["metadata"]["symbol"] == "125/BC-SCT" and report["indicators"] and report["citations"]

    run(vnreport, "review", work / "out" / "bc.docx.json", "-o", "review.html", cwd=work)
    run(vnreport, "review", sample, "-o", "review2.html", cwd=work)
    page = (work / "review.html").read_text(encoding="utf-8")
    assert page == (work / "review2.html").read_text(encoding="utf-8") and '<mark class="f citation"' in page

    schema = json.loads(run(vnreport, "schema", cwd=work).stdout)
    assert schema["$id"] == "urn:vnreport:schema:1.1"
    assert run(vnreport, "parse", sample, "--format", "md", cwd=work).stdout.count("\n# ") >= 3
