"""Many files in, one queryable dataset out.

    >>> summary = batch(["archive/"], "dataset/", workers=2)  # doctest: +SKIP
    >>> summary.reports, summary.errors_by_type  # doctest: +SKIP
    (1873, {'CorruptDocument': 4, 'Timeout': 1})

Writes into ``out``: ``reports.jsonl`` (one report JSON a line) and
``errors.jsonl`` as the run goes, then the Parquet tables ``reports``,
``sections``, ``citations``, ``indicators``, ``errors`` and ``vnreport.duckdb``.
Every input file ends as exactly one report row or one error row. Files run on a
local process pool, or on a Dask cluster when ``client`` (or ``scheduler``) is given.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator

import msgspec

from extract.dataset.discover import discover
from extract.dataset.journal import Journal, read_lines, rewrite
from extract.dataset.tables import read_journal_keys, write_duckdb, write_parquet
from extract.dataset.worker import Limits, Outcome, process_file, sha256_of, warm_up


@dataclass
class Summary:
    files: int = 0
    pages: int = 0
    reports: int = 0
    errors: int = 0
    errors_by_type: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # not report files
    resumed: int = 0  # already done in an earlier run
    missing: list[str] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    out: str = ""

    def to_json(self) -> bytes:
        return msgspec.json.format(msgspec.json.encode(asdict(self)), indent=2)


Progress = Callable[[Outcome, Summary], None]


def batch(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    workers: int | None = None,
    client=None,
    scheduler: str | None = None,
    resume: bool = False,
    limits: Limits = Limits(),
    on_start: Callable[[int], None] | None = None,
    on_result: Progress | None = None,
) -> Summary:
    """Parse every report file under ``paths`` into the dataset folder ``out``."""
    started = time.monotonic()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    found = discover(list(paths))
    summary = Summary(skipped=[str(p) for p in found.skipped], missing=found.missing, out=str(out))

    reports_path, errors_path = out / "reports.jsonl", out / "errors.jsonl"
    if not resume:
        for stale in (reports_path, errors_path):
            stale.unlink(missing_ok=True)
    done = read_journal_keys(reports_path) if resume else set()
    if resume:  # errors are retried: forget them, they will be written again if they recur
        rewrite(errors_path, [])

    todo: list[tuple[str, str]] = []
    for path in found.files:
        try:
            digest = sha256_of(str(path))
        except OSError:
            digest = ""
        if digest and digest in done:
            summary.resumed += 1
        else:
            todo.append((str(path), digest))
    summary.files = len(found.files)
    if on_start:
        on_start(len(todo))

    reports, errors = Journal(reports_path), Journal(errors_path)
    try:
        run = _run_on_dask(client or scheduler) if (client or scheduler) else _run_on_pool(workers)
        for outcome in run(todo, limits):
            _record(outcome, reports, errors, summary)
            if on_result:
                on_result(outcome, summary)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        reports.close()
        errors.close()
        # Whatever happened, the tables describe exactly what the journals hold.
        write_parquet(out)
        write_duckdb(out)
        summary.reports = summary.resumed + summary.reports
        summary.seconds = round(time.monotonic() - started, 3)
        (out / "summary.json").write_bytes(summary.to_json())
    return summary


def _record(outcome: Outcome, reports: Journal, errors: Journal, summary: Summary) -> None:
    summary.pages += outcome.pages
    if outcome.ok:
        reports.append_raw(outcome.report_json)
        summary.reports += 1
    else:
        errors.append({"sha256": outcome.sha256, "path": outcome.path,
                       "error_type": outcome.error_type, "message": outcome.message})
        summary.errors += 1
        summary.errors_by_type[outcome.error_type] = summary.errors_by_type.get(outcome.error_type, 0) + 1


Runner = Callable[[list[tuple[str, str]], Limits], Iterator[Outcome]]


def _run_on_pool(workers: int | None) -> Runner:
    def run(todo: list[tuple[str, str]], limits: Limits) -> Iterator[Outcome]:
        if not todo:
            return
        n = max(1, min(workers or os.cpu_count() or 1, len(todo)))
        pool = ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn"), initializer=warm_up)
        pending = iter(todo)
        running = {}
        try:
            # Keep a bounded number of files in flight: memory stays flat on huge batches.
            for path, digest in _take(pending, 2 * n):
                running[pool.submit(process_file, path, limits, digest)] = (path, digest)
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield _outcome_of(future, *running.pop(future))
                    for nxt, digest in _take(pending, 1):
                        running[pool.submit(process_file, nxt, limits, digest)] = (nxt, digest)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    return run


def _run_on_dask(client_or_address) -> Runner:
    def run(todo: list[tuple[str, str]], limits: Limits) -> Iterator[Outcome]:
        from distributed import Client, as_completed

        client = client_or_address if not isinstance(client_or_address, str) else Client(client_or_address)
        try:
            client.run(warm_up)
            futures = [client.submit(process_file, path, limits, digest, pure=False) for path, digest in todo]
            inputs = {f.key: item for f, item in zip(futures, todo)}
            try:
                for future in as_completed(futures):
                    yield _outcome_of(future, *inputs[future.key])
            finally:
                client.cancel(futures)
        finally:
            if isinstance(client_or_address, str):
                client.close()

    return run


def _outcome_of(future, path: str, digest: str) -> Outcome:
    try:
        return future.result()
    except Exception as err:  # the worker process itself died: the file still gets its row
        return Outcome(path, digest, False, error_type="WorkerCrashed", message=f"{path}: {type(err).__name__}: {err}")


def _take(iterator, n: int) -> list:
    items = []
    for item in iterator:
        items.append(item)
        if len(items) == n:
            break
    return items


def load_reports(dataset: str | Path) -> Iterator[dict]:
    """Each report of a dataset folder, as a dict, in journal order."""
    for line in read_lines(Path(dataset) / "reports.jsonl"):
        yield msgspec.json.decode(line)


__all__ = ["batch", "Summary", "Limits", "load_reports"]
