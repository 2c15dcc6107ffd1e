"""What every fault test asserts about a dataset folder, and how it runs real batches.

After a fault and ``--resume``: every input is accounted for exactly once (a report,
an error or a skipped row), no sha256 has two reports, no journal line is torn,
and the DuckDB database opens and agrees with the journals.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from conftest import ROOT

REPORT_MD = """**SỞ CÔNG THƯƠNG**

**BÁO CÁO**
**Kết quả công tác tháng {month} năm 2021 (bản {n})**

**I. KẾT QUẢ THỰC HIỆN**

Thực hiện Kế hoạch số {month}/KH-UBND ngày 04/3/2021 của UBND tỉnh, đã giải quyết {n} hồ sơ, đạt {pct}%.

Sở Công Thương kính báo cáo./.
"""


def write_reports(folder: Path, count: int, prefix: str = "r") -> list[Path]:
    """``count`` small reports with distinct contents (so distinct sha256)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{prefix}{i:03d}.md"
        path.write_text(REPORT_MD.format(month=i % 12 + 1, n=i, pct=i % 100), encoding="utf-8")
        paths.append(path)
    return paths


def journal(out: Path, name: str) -> list[dict]:
    path = out / f"{name}.jsonl"
    if not path.exists():
        return []
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), f"{name}.jsonl ends with a torn line: {data[-80:]!r}"
    return [json.loads(line) for line in data.splitlines()]


def rows_by_input(out: Path) -> dict[str, list[str]]:
    """Each input path → the kinds of row it has ("report", "error", "skipped")."""
    found: dict[str, list[str]] = {}
    for report in journal(out, "reports"):
        found.setdefault(report["source"]["path"], []).append("report")
    for error in journal(out, "errors"):
        found.setdefault(error["path"], []).append("error")
    for skipped in journal(out, "skipped"):
        found.setdefault(skipped["path"], []).append("skipped")
    read = {r["source"]["sha256"] for r in journal(out, "reports")} | {e["sha256"] for e in journal(out, "errors")}
    for copy in journal(out, "files"):  # a copy of a read content: its row is that content's
        if copy["path"] not in found and copy["sha256"] in read:
            found[copy["path"]] = ["copy"]
    return found


def assert_at_most_once(out: Path) -> None:
    """What holds at any moment, even right after a kill: no input twice, no torn line, no doubled sha256."""
    doubled = {path: kinds for path, kinds in rows_by_input(out).items() if len(kinds) > 1}
    assert not doubled, f"inputs with more than one row: {doubled}"
    shas = [r["source"]["sha256"] for r in journal(out, "reports")]
    assert len(shas) == len(set(shas)), "a sha256 has two reports"


def assert_complete(out: Path, inputs: set[str]) -> None:
    """Every input exactly once, nothing else, and DuckDB agreeing with the journals."""
    import duckdb

    assert_at_most_once(out)
    found = rows_by_input(out)
    assert set(found) == inputs, (f"missing: {sorted(inputs - set(found))[:5]}, "
                                  f"unexpected: {sorted(set(found) - inputs)[:5]}")
    con = duckdb.connect(str(out / "vnreport.duckdb"), read_only=True)
    try:
        for table in ("reports", "errors", "skipped", "files"):
            count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert count == len(journal(out, table)), table
    finally:
        con.close()


class Run:
    """A real ``vnreport batch`` process, tagged so that every process it starts can be found."""

    def __init__(self, *args: str, cwd: Path = ROOT, env: dict | None = None):
        self.marker = f"vnreport-test-{uuid.uuid4().hex}"
        environment = {**os.environ, "VNREPORT_TEST_RUN": self.marker, **(env or {})}
        self.proc = subprocess.Popen([sys.executable, "-m", "extract.cli", "batch", *args], cwd=cwd,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)

    def wait(self, timeout: float = 300) -> tuple[int, str]:
        _, stderr = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, stderr.decode("utf-8", "replace")

    def signal(self, signum: int) -> None:
        self.proc.send_signal(signum)

    def descendants(self) -> list[int]:
        return tagged_processes(self.marker)


def tagged_processes(marker: str) -> list[int]:
    """Live processes whose environment carries ``marker`` (children inherit it, orphans too)."""
    found = []
    needle = f"VNREPORT_TEST_RUN={marker}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                if needle in f.read():
                    with open(f"/proc/{entry}/stat", "rb") as s:
                        state = s.read().rsplit(b")", 1)[1].split()[0]
                    if state != b"Z":
                        found.append(int(entry))
        except OSError:
            continue
    return found


def wait_until(condition, timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def wait_for_lines(path: Path, at_least: int, timeout: float = 120) -> bool:
    return wait_until(lambda: path.exists() and path.read_bytes().count(b"\n") >= at_least, timeout)


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
