"""Faults injected into real ``vnreport batch`` processes: nothing lost, nothing doubled,
nothing left running.

Each test runs the real command line, injects a real fault — a second run, ``kill -9``
of the main process or of a file's process, Ctrl-C, a file system that fills up —
and checks the dataset (``dataset_checks``): after ``--resume`` every input has
exactly one row, no sha256 two reports, no journal line is torn, DuckDB opens.
"""

from __future__ import annotations

import os
import random
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from dataset_checks import (Run, assert_at_most_once, assert_complete, journal, kill_all, wait_for_lines, wait_until,
                            write_reports)

from conftest import ROOT
from extract.dataset import batch
from extract.dataset.lock import LOCK_NAME, DatasetLock
from extract.errors import DatasetLocked

pytestmark = pytest.mark.slow


def inputs_of(paths: list[Path]) -> set[str]:
    return {str(p) for p in paths}


def file_processes(main_pid: int) -> list[psutil.Process]:
    """The processes parsing one file each: children of the run's forkserver."""
    try:
        servers = [p for p in psutil.Process(main_pid).children() if "forkserver" in " ".join(p.cmdline())]
        return [child for server in servers for child in server.children()]
    except psutil.Error:
        return []


def no_process_left(run: Run, timeout: float = 10) -> bool:
    return wait_until(lambda: not run.descendants(), timeout)


# --- one writer per dataset ----------------------------------------------------------------


def test_the_lock_refuses_a_second_writer_and_names_the_first(tmp_path):
    with DatasetLock(tmp_path) as first:
        with pytest.raises(DatasetLocked, match=rf"another run is writing this dataset \(pid {os.getpid()} on "):
            DatasetLock(tmp_path).acquire()
        assert first.took_over is None
    assert not (tmp_path / LOCK_NAME).exists()


def test_a_second_run_is_refused_in_one_line_also_with_a_scheduler_and_the_first_finishes(tmp_path):
    files = write_reports(tmp_path / "archive", 40)
    out = tmp_path / "ds"
    first = Run(str(tmp_path / "archive"), "-o", str(out), "--workers", "1")
    assert wait_for_lines(out / "reports.jsonl", 1)

    for extra in ([], ["--scheduler", "tcp://127.0.0.1:9"]):
        code, stderr = Run(str(tmp_path / "archive"), "-o", str(out), *extra).wait()
        assert code == 1
        [line] = stderr.strip().splitlines()
        assert re.fullmatch(rf"vnreport: DatasetLocked: {re.escape(str(out))}: another run is writing this dataset "
                            rf"\(pid {first.proc.pid} on {re.escape(os.uname().nodename)}, started [-0-9T:+]+\); "
                            r"wait for it to end or stop it", line), line

    code, stderr = first.wait()
    assert code == 0, stderr[-2000:]
    assert_complete(out, inputs_of(files))


def test_runs_started_together_leave_one_whole_dataset(tmp_path):
    files = write_reports(tmp_path / "archive", 20)
    out = tmp_path / "ds"
    runs = [Run(str(tmp_path / "archive"), "-o", str(out), "--workers", "1") for _ in range(3)]
    results = [run.wait() for run in runs]
    assert any(code == 0 for code, _ in results)
    for code, stderr in results:
        assert code == 0 or "DatasetLocked" in stderr, stderr[-2000:]
    assert_complete(out, inputs_of(files))


# --- kill -9 ---------------------------------------------------------------------------------


def test_kill_9_of_the_main_process_leaves_no_process_and_resume_takes_over_its_lock(tmp_path):
    files = write_reports(tmp_path / "archive", 60)
    out = tmp_path / "ds"
    run = Run(str(tmp_path / "archive"), "-o", str(out), "--workers", "2")
    assert wait_for_lines(out / "reports.jsonl", 3)
    assert wait_until(lambda: file_processes(run.proc.pid), 30, step=0.005)
    run.signal(signal.SIGKILL)
    run.wait()

    assert no_process_left(run), f"left running: {run.descendants()}"
    assert_at_most_once(out)
    code, stderr = Run(str(tmp_path / "archive"), "-o", str(out), "--resume").wait()
    assert code == 0, stderr[-2000:]
    assert f"took over the lock of a run that ended without releasing it (pid {run.proc.pid} " in stderr
    assert_complete(out, inputs_of(files))
    assert journal(out, "errors") == []


def test_a_killed_file_process_costs_only_its_own_file_and_the_batch_goes_on(tmp_path):
    files = write_reports(tmp_path / "archive", 30)
    out = tmp_path / "ds"
    run = Run(str(tmp_path / "archive"), "-o", str(out), "--workers", "2")
    assert wait_until(lambda: file_processes(run.proc.pid), 60, step=0.002)
    victim = file_processes(run.proc.pid)[0]
    victim.kill()
    code, stderr = run.wait()

    assert code == 0, stderr[-2000:]
    errors = journal(out, "errors")
    assert [e["error_type"] for e in errors] == ["WorkerCrashed"]
    assert errors[0]["message"] == f"{errors[0]['path']}: the parser process died (signal 9)"
    assert len(journal(out, "reports")) == len(files) - 1
    assert_complete(out, inputs_of(files))
    code, stderr = Run(str(tmp_path / "archive"), "-o", str(out), "--resume").wait()
    assert code == 0 and journal(out, "errors") == []
    assert_complete(out, inputs_of(files))


# --- Ctrl-C ------------------------------------------------------------------------------------


def test_ctrl_c_stops_within_5_seconds_keeps_every_finished_file_and_leaves_no_process(tmp_path):
    files = write_reports(tmp_path / "archive", 150)
    out = tmp_path / "ds"
    run = Run(str(tmp_path / "archive"), "-o", str(out), "--workers", "2")
    assert wait_for_lines(out / "reports.jsonl", 5)
    stopped_at = time.monotonic()
    run.signal(signal.SIGINT)
    code, stderr = run.wait()
    took = time.monotonic() - stopped_at

    assert code == 130, stderr[-2000:]
    assert took < 5, f"took {took:.1f} s to stop"
    assert no_process_left(run, timeout=2), f"left running: {run.descendants()}"
    done = journal(out, "reports")
    assert 0 < len(done) < len(files)
    import pyarrow.parquet as pq

    assert pq.read_table(out / "reports.parquet").num_rows == len(done)
    assert_at_most_once(out)
    code, _ = Run(str(tmp_path / "archive"), "-o", str(out), "--resume").wait()
    assert code == 0
    assert_complete(out, inputs_of(files))


# --- a full file system ---------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A real small file system: a 4 MB tmpfs (needs root; skipped where mounting is not allowed)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` up to ``leave`` free bytes with one file (deleted to free the space again)."""
    filler = disk / "filler"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with open(filler, "wb") as f:
        f.write(b"\0" * max(0, free - leave))
    return filler


@pytest.mark.parametrize("leave_kb", [30, 100, 700])  # full in the journal (70 kB), the Parquet tables, DuckDB (1.3 MB)
def test_a_full_disk_stops_the_run_in_one_line_and_resume_after_freeing_space_completes_it(tmp_path, small_disk,
                                                                                            leave_kb):
    files = write_reports(tmp_path / "archive", 40)
    out = small_disk / "ds"
    filler = fill(small_disk, leave_kb * 1024)

    code, stderr = Run(str(tmp_path / "archive"), "-o", str(out), "--workers", "2").wait()

    assert code == 1
    last = stderr.strip().splitlines()[-1]
    assert last.startswith(f"vnreport: OutputError: {out}/") and last.endswith(
        ": no space left on the device; fix that and rerun with --resume"), stderr[-2000:]
    assert "Traceback" not in stderr
    assert_at_most_once(out)
    filler.unlink()
    code, stderr = Run(str(tmp_path / "archive"), "-o", str(out), "--resume").wait()
    assert code == 0, stderr[-2000:]
    assert_complete(out, inputs_of(files))


def test_a_file_size_limit_on_the_process_is_an_output_error_too(tmp_path):
    """The other real way to fill a disk, where mounting is not allowed: RLIMIT_FSIZE (EFBIG)."""
    files = write_reports(tmp_path / "archive", 20)
    out = tmp_path / "ds"
    limit = 8_000  # a few reports: the journal is the first file over it
    proc = subprocess.run(
        [sys.executable, "-m", "extract.cli", "batch", str(tmp_path / "archive"), "-o", str(out)],
        cwd=ROOT, capture_output=True, timeout=300,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)),
    )
    last = proc.stderr.decode().strip().splitlines()[-1]
    assert proc.returncode == 1
    assert last == (f"vnreport: OutputError: {out}/reports.jsonl: file too large (the file system's or the "
                    "process's size limit); fix that and rerun with --resume")
    assert (out / "reports.jsonl").stat().st_size <= limit
    assert_at_most_once(out)
    code, _ = Run(str(tmp_path / "archive"), "-o", str(out), "--resume").wait()
    assert code == 0
    assert_complete(out, inputs_of(files))


# --- repeated random faults -------------------------------------------------------------------------


def test_random_kills_and_interrupts_over_repeated_runs_lose_and_double_nothing(tmp_path):
    rng = random.Random(12)
    files = write_reports(tmp_path / "archive", 40)
    out = tmp_path / "ds"
    faults = []
    for round_ in range(3):  # scripts/fuzz.py runs many more
        run = Run(str(tmp_path / "archive"), "-o", str(out), "--workers", "2", *(["--resume"] if round_ else []))
        wait_until(lambda: file_processes(run.proc.pid), 60, step=0.005)
        time.sleep(rng.uniform(0.0, 1.5))
        fault = rng.choice(["kill main", "kill file", "kill file", "ctrl-c"])
        if fault == "kill main":
            run.signal(signal.SIGKILL)
        elif fault == "ctrl-c":
            run.signal(signal.SIGINT)
        else:
            kill_all([p.pid for p in file_processes(run.proc.pid)])
        faults.append(fault)
        run.wait()
        assert no_process_left(run), (fault, run.descendants())
        assert_at_most_once(out)
    code, stderr = Run(str(tmp_path / "archive"), "-o", str(out), "--resume").wait()
    assert code == 0, stderr[-2000:]
    assert_complete(out, inputs_of(files))
    assert journal(out, "errors") == [], faults


def test_the_api_batch_refuses_a_folder_another_run_holds(tmp_path):
    write_reports(tmp_path / "archive", 1)
    (tmp_path / "ds").mkdir()
    with DatasetLock(tmp_path / "ds"):
        with pytest.raises(DatasetLocked):
            batch([tmp_path / "archive"], tmp_path / "ds")
