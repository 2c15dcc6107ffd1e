"""Batch → dataset: nothing lost, resumable, interrupt-safe, same result on a pool and on Dask."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import ROOT, corpus_path
from extract.dataset import Limits, batch
from extract.dataset.journal import Journal, read_lines
from extract.bounded import run_bounded
from extract.dataset.worker import process_file
from extract.errors import WorkerCrashed

REPORT_MD = """**SỞ CÔNG THƯƠNG**

**BÁO CÁO**
**Kết quả công tác tháng {month} năm 2021**

**I. KẾT QUẢ THỰC HIỆN**

Thực hiện Kế hoạch số {month}/KH-UBND ngày 04/3/2021 của UBND tỉnh, đã giải quyết {n} hồ sơ, đạt {pct}%; giải ngân {money} tỷ đồng.

**II. NHIỆM VỤ THỜI GIAN TỚI**

Tiếp tục thực hiện Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy.

Sở Công Thương kính báo cáo./.
"""


def make_archive(folder: Path, count: int = 4) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        path = folder / f"bao-cao-thang-{i + 1:02d}.md"
        path.write_text(REPORT_MD.format(month=i + 1, n=100 + i, pct=90 + i, money=f"{12 + i},5"), encoding="utf-8")
        files.append(path)
    (folder / "notes.xyz").write_text("not a report")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "fake.docx").write_bytes(b"MZ" + b"\x00" * 64)
    return files


def rows(dataset: Path, table: str) -> list[dict]:
    return pq.read_table(dataset / f"{table}.parquet").to_pylist()


def test_every_input_file_ends_as_exactly_one_report_or_error_row(tmp_path):
    reports = make_archive(tmp_path / "archive")
    summary = batch([tmp_path / "archive"], tmp_path / "ds", workers=2)

    assert summary.files == len(reports) + 2
    assert summary.reports == len(reports)
    assert summary.errors_by_type == {"EmptyDocument": 1, "UnsupportedFormat": 1}
    assert [(Path(s.path).name, s.reason) for s in summary.skipped] == [("notes.xyz", "not a report file (.xyz)")]
    report_paths = sorted(Path(r["path"]).name for r in rows(tmp_path / "ds", "reports"))
    error_paths = sorted(Path(r["path"]).name for r in rows(tmp_path / "ds", "errors"))
    assert report_paths == sorted(p.name for p in reports)
    assert error_paths == ["empty.pdf", "fake.docx"]
    assert len(list(read_lines(tmp_path / "ds" / "reports.jsonl"))) == len(reports)
    error = rows(tmp_path / "ds", "errors")[0]
    assert error["message"].startswith(error["path"]) and error["sha256"]


def test_dataset_tables_join_on_sha256_and_duckdb_views_answer_first_questions(tmp_path):
    import duckdb

    make_archive(tmp_path / "archive")
    batch([tmp_path / "archive"], tmp_path / "ds", workers=1)
    con = duckdb.connect(str(tmp_path / "ds" / "vnreport.duckdb"), read_only=True)
    try:
        cited = con.execute("SELECT reports, mentions FROM citations_by_key WHERE key = 'CT|8|TU'").fetchall()
        assert cited == [(4, 4)]
        n_sections = con.execute("SELECT count(*) FROM sections JOIN reports USING (sha256)").fetchone()[0]
        assert n_sections == 8
        percents = con.execute(
            "SELECT value FROM agency_indicators WHERE unit = '%' ORDER BY value"
        ).fetchall()
        assert [v for (v,) in percents] == [90.0, 91.0, 92.0, 93.0]
        money = con.execute(
            "SELECT value, unit, base_value, base_unit FROM agency_indicators WHERE kind = 'money' ORDER BY value"
        ).fetchall()
        assert money[0] == (12.5, "tỷ đồng", 1.25e10, "đồng")  # as printed, and in đồng to compare by
    finally:
        con.close()


def test_resume_skips_done_files_and_retries_errors(tmp_path):
    make_archive(tmp_path / "archive", count=2)
    first = batch([tmp_path / "archive"], tmp_path / "ds", workers=1)
    assert (first.reports, first.errors) == (2, 2)
    (tmp_path / "archive" / "empty.pdf").unlink()  # the user fixed one error
    extra = tmp_path / "archive" / "bao-cao-thang-09.md"
    extra.write_text(REPORT_MD.format(month=9, n=1, pct=50, money="9,5"), encoding="utf-8")

    second = batch([tmp_path / "archive"], tmp_path / "ds", workers=1, resume=True)

    assert second.resumed == 2
    assert second.reports == 3  # two from the first run, one new
    assert second.errors_by_type == {"UnsupportedFormat": 1}  # retried, failed again, recorded once
    assert len(rows(tmp_path / "ds", "reports")) == 3
    assert [r["error_type"] for r in rows(tmp_path / "ds", "errors")] == ["UnsupportedFormat"]


def test_a_torn_last_journal_line_is_dropped_on_reopen(tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_bytes(b'{"a": 1}\n{"b": 2')
    Journal(path).close()
    assert path.read_bytes() == b'{"a": 1}\n'


def test_a_file_over_the_time_limit_is_stopped_and_recorded():
    pdf = corpus_path("real/lit_vbhn-03-bkhcn-2025.pdf")
    outcome = process_file(str(pdf), Limits(timeout=0.05))
    assert not outcome.ok
    assert outcome.error_type == "Timeout"
    assert str(pdf) in outcome.message and "time limit" in outcome.message


def test_a_file_over_the_memory_limit_is_stopped_and_recorded():
    pdf = corpus_path("real/lit_vbhn-03-bkhcn-2025.pdf")
    outcome = process_file(str(pdf), Limits(memory=1024 * 1024))
    assert not outcome.ok
    assert outcome.error_type == "MemoryLimit"
    assert "memory limit" in outcome.message


def _die(path):
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_parser_process_that_dies_raises_worker_crashed_naming_the_file_and_signal():
    with pytest.raises(WorkerCrashed, match=r"^x\.pdf: .*signal 9"):
        run_bounded(_die, ("x.pdf",), name="x.pdf", timeout=10, memory_mb=100)


def _sorted_jsonl(dataset: Path) -> list[bytes]:
    return sorted(read_lines(dataset / "reports.jsonl"))


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_dataset_as_the_process_pool(tmp_path, corpus):
    from distributed import Client, LocalCluster

    archive = tmp_path / "archive"
    make_archive(archive, count=3)
    shutil.copy(corpus / "seed" / "bao-cao-qcdc-6t-2021.docx", archive)
    shutil.copy(corpus / "seed" / "bao-cao-qcdc-6t-2021.pdf", archive)
    (archive / "ban-sao").mkdir()
    shutil.copy(corpus / "seed" / "bao-cao-qcdc-6t-2021.docx", archive / "ban-sao")  # a copy: one report

    batch([archive], tmp_path / "pool", workers=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            summary = batch([archive], tmp_path / "dask", client=client)

    assert summary.reports == 5 and summary.errors == 2 and summary.copies == 1
    assert _sorted_jsonl(tmp_path / "pool") == _sorted_jsonl(tmp_path / "dask")
    for table in ("reports", "sections", "citations", "indicators", "errors", "files"):
        pool_bytes = (tmp_path / "pool" / f"{table}.parquet").read_bytes()
        assert pool_bytes == (tmp_path / "dask" / f"{table}.parquet").read_bytes(), table


@pytest.mark.slow
def test_ctrl_c_leaves_a_consistent_dataset_that_resume_completes(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    total = 150
    for i in range(total):
        (archive / f"r{i:03d}.md").write_text(REPORT_MD.format(month=i % 12 + 1, n=i, pct=i % 100, money=f"{i},5"), encoding="utf-8")
    out = tmp_path / "ds"
    cmd = [sys.executable, "-m", "extract.cli", "batch", str(archive), "-o", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    journal = out / "reports.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (journal.exists() and journal.stat().st_size > 0):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)

    assert proc.returncode == 130, stderr.decode()[-2000:]
    lines = journal.read_bytes().split(b"\n")
    assert lines[-1] == b""  # whole lines only
    done = [json.loads(line) for line in lines[:-1]]
    assert 0 < len(done) < total
    assert len(rows(out, "reports")) == len(done)

    resumed = subprocess.run([*cmd, "--resume"], cwd=ROOT, capture_output=True)
    assert resumed.returncode == 0, resumed.stderr.decode()[-2000:]
    assert len(rows(out, "reports")) == total
    assert len({r["sha256"] for r in rows(out, "reports")}) == total


@pytest.mark.slow
def test_cli_batch_runs_on_a_dask_scheduler_given_by_address(tmp_path):
    from distributed import LocalCluster

    make_archive(tmp_path / "archive", count=2)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = subprocess.run(
            [sys.executable, "-m", "extract.cli", "batch", str(tmp_path / "archive"), "-o", str(tmp_path / "ds"),
             "--scheduler", cluster.scheduler_address],
            cwd=ROOT, capture_output=True, timeout=300,
        )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert "2 reports" in result.stderr.decode()
    assert len(rows(tmp_path / "ds", "reports")) == 2 and len(rows(tmp_path / "ds", "errors")) == 2


def test_copies_in_two_folders_are_one_report_and_every_view_counts_reports_not_files(tmp_path):
    import duckdb

    originals = make_archive(tmp_path / "archive" / "gui-di", count=3)
    copies = tmp_path / "archive" / "ban-sao"
    copies.mkdir()
    for path in originals:
        shutil.copy(path, copies / path.name)
    shutil.copy(originals[0], tmp_path / "archive" / "du-thao.md")  # a third copy, under another name

    summary = batch([tmp_path / "archive"], tmp_path / "ds", workers=2)

    assert (summary.reports, summary.copies) == (3, 4)
    con = duckdb.connect(str(tmp_path / "ds" / "vnreport.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT sha256) FROM reports").fetchone() == (3, 3)
        files = con.execute("SELECT count(*), count(DISTINCT sha256) FROM files WHERE path LIKE '%.md'").fetchone()
        assert files == (7, 3)
        assert con.execute("SELECT reports, mentions FROM citations_by_key WHERE key = 'CT|8|TU'").fetchall() == [(3, 3)]
        assert con.execute("SELECT count(*) FROM citation_mentions WHERE key = 'CT|8|TU'").fetchone() == (3,)
        assert con.execute("SELECT count(*) FROM agency_indicators WHERE unit = '%'").fetchone() == (3,)
        assert con.execute("SELECT count(*) FROM sections").fetchone() == (6,)
        assert con.execute("SELECT count(*) FROM errors").fetchone() == (2,)  # empty.pdf, fake.docx: once each
        most = con.execute("SELECT copies FROM report_copies ORDER BY copies DESC").fetchall()
        assert [n for (n,) in most] == [3, 2, 2]
    finally:
        con.close()

    again = batch([tmp_path / "archive"], tmp_path / "ds", workers=1, resume=True)
    assert (again.reports, again.resumed, again.copies) == (3, 3, 4)
    assert len(rows(tmp_path / "ds", "reports")) == 3 and len(rows(tmp_path / "ds", "files")) == 9
