"""Many files in, one queryable dataset out.

    >>> summary = batch(["archive/"], "dataset/", workers=2)  # doctest: +SKIP
    >>> summary.reports, summary.errors_by_type  # doctest: +SKIP
    (1873, {'CorruptDocument': 4, 'Timeout': 1})

Writes into ``out``: ``reports.jsonl`` (one report JSON a line) and
``errors.jsonl`` as the run goes, then the Parquet tables ``reports``,
``sections``, ``citations``, ``indicators``, ``errors``, ``skipped`` and
``vnreport.duckdb``, each under a temporary name renamed when complete.
Every input ends as exactly one report row, one error row or one skipped row
(``skipped.jsonl``, the ``skipped`` table: not a report file, a FIFO, a link out
of the given folders …). One report per content: every input path is a row of
``files`` (path, size, mtime, sha256; ``files.jsonl``), and a file whose bytes
another input already has (the same report in two folders) is parsed once, its
report row the first path's; the views count reports, not files. One run at a time writes a folder (``.vnreport.lock``).
Files run each in its own process on this machine (:mod:`extract.dataset.pool`),
or on a Dask cluster when ``client`` (or ``scheduler``) is given
(:mod:`extract.dataset.cluster`, which also says whom a cluster must trust).
See ``docs/reliability.md`` for the faults this survives.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import msgspec

from extract.dataset.discover import Skipped, discover
from extract.dataset.journal import Journal, read_lines, rewrite
from extract.dataset.lock import DatasetLock
from extract.dataset.tables import read_journal_keys, write_duckdb, write_parquet
from extract.dataset.worker import Limits, Outcome, sha256_of, unreadable
from extract.outputs import atomic_write, output_error, remove_temporaries
from extract.paths import NotRegularFile, shown


@dataclass
class Summary:
    files: int = 0
    pages: int = 0
    reports: int = 0
    errors: int = 0
    errors_by_type: dict[str, int] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)  # inputs not read, each with its reason
    resumed: int = 0  # already done in an earlier run
    copies: int = 0  # inputs whose content another input already has: one report for them all
    missing: list[str] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    took_over_lock: str | None = None  # the run, killed earlier, whose lock this one took over
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
    security=None,
    resume: bool = False,
    follow_links: bool = False,
    limits: Limits = Limits(),
    on_start: Callable[[int], None] | None = None,
    on_result: Progress | None = None,
) -> Summary:
    """Parse every report file under ``paths`` into the dataset folder ``out``.

    Raises :class:`~extract.errors.DatasetLocked` if another run writes ``out``,
    :class:`~extract.errors.OutputError` if ``out`` cannot be written (the journals
    then hold every file finished so far: ``resume=True`` completes the dataset),
    :class:`~extract.errors.SchedulerUnavailable` for a Dask scheduler that cannot
    be reached. Ctrl-C (or SIGTERM) stops the run within seconds, keeping every
    finished file; ``summary.interrupted`` says so.

        >>> summary = batch(["archive/"], "dataset/", workers=2)  # doctest: +SKIP
        >>> summary.reports, summary.errors_by_type  # doctest: +SKIP
        (412, {'CorruptDocument': 2, 'EncryptedDocument': 1})
    """
    started = time.monotonic()
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise output_error(err, out) from None
    with DatasetLock(out) as lock, _StopOnSignal() as stop:
        if client is None and scheduler is None:
            from extract.dataset.pool import start_server

            start_server()
        remove_temporaries(out)
        found = discover(list(paths), follow_links=follow_links)
        summary = Summary(skipped=found.skipped, missing=found.missing, out=str(out))
        if lock.took_over:
            summary.took_over_lock = str(lock.took_over)
        reports_path, errors_path = out / "reports.jsonl", out / "errors.jsonl"
        if not resume:
            for stale in (reports_path, errors_path):
                stale.unlink(missing_ok=True)
        done = read_journal_keys(reports_path) if resume else set()
        if resume:  # errors are retried: forget them, they will be written again if they recur
            rewrite(errors_path, [])
        rewrite(out / "skipped.jsonl", [msgspec.json.encode(asdict(s)) for s in found.skipped])

        reports, errors = Journal(reports_path), Journal(errors_path)
        summary.files = len(found.files)
        failure: BaseException | None = None
        try:
            todo: list[tuple[str, str]] = []
            inputs: dict[str, dict] = _earlier_files(out / "files.jsonl") if resume else {}
            this_run: set[str] = set()
            for path in found.files:
                try:
                    digest = sha256_of(path)
                    inputs[shown(path)] = _file_row(path, digest)
                except (OSError, NotRegularFile) as err:
                    _record(unreadable(path, err), reports, errors, summary)
                    continue
                if digest in this_run:
                    summary.copies += 1  # parsed (or resumed) once, under its first path
                    continue
                this_run.add(digest)
                if digest in done:
                    summary.resumed += 1
                else:
                    todo.append((path, digest))
            rewrite(out / "files.jsonl", [msgspec.json.encode(row) for row in inputs.values()])
            if on_start:
                on_start(len(todo))
            for outcome in _runner(workers, client, scheduler, security, limits)(todo, stop.requested):
                _record(outcome, reports, errors, summary)
                if on_result:
                    on_result(outcome, summary)
        except BaseException as err:
            failure = err
            raise
        finally:
            summary.interrupted = stop.requested()
            closing = _close_all(reports, errors)
            summary.reports = summary.resumed + summary.reports
            summary.seconds = round(time.monotonic() - started, 3)
            # Whatever happened, the tables describe exactly what the journals hold.
            _finish(out, summary, failure or closing)
            if closing and not failure:
                raise closing
    return summary


def _file_row(path: str, digest: str) -> dict:
    """One input path as the ``files`` table holds it; mtime in UTC seconds."""
    stat = os.stat(path)
    return {"path": shown(path), "size": stat.st_size, "mtime": round(stat.st_mtime, 6), "sha256": digest}


def _earlier_files(path: Path) -> dict[str, dict]:
    """The inputs an earlier run recorded (a resumed run keeps the paths it does not see again)."""
    rows = (msgspec.json.decode(line) for line in read_lines(path)) if path.exists() else ()
    return {row["path"]: row for row in rows}


def _close_all(*journals: Journal) -> Exception | None:
    """Close every journal; the first failure (a disk that filled up) is returned, not raised."""
    first = None
    for journal in journals:
        try:
            journal.close()
        except Exception as err:  # noqa: BLE001
            first = first or err
    return first


def _finish(out: Path, summary: Summary, failure: BaseException | None) -> None:
    """Rebuild the tables and write summary.json; after an output failure, only try (the disk
    may be full still: the journals are the record, and --resume rebuilds the tables)."""
    try:
        write_parquet(out)
        write_duckdb(out)
        atomic_write(out / "summary.json", summary.to_json())
    except Exception:
        if failure is None:
            raise


def _record(outcome: Outcome, reports: Journal, errors: Journal, summary: Summary) -> None:
    # The one place an input becomes a row. Each outcome names its input (path as shown,
    # sha256), so a journal of inputs — one line per path, pointing at one report per
    # sha256 — is one more Journal appended here.
    if outcome.ok:
        reports.append_raw(outcome.report_json)
        summary.reports += 1
    else:
        errors.append({"sha256": outcome.sha256, "path": outcome.path,
                       "error_type": outcome.error_type, "message": outcome.message})
        summary.errors += 1
        summary.errors_by_type[outcome.error_type] = summary.errors_by_type.get(outcome.error_type, 0) + 1
    summary.pages += outcome.pages


Runner = Callable[[list[tuple[str, str]], Callable[[], bool]], Iterator[Outcome]]


def _runner(workers, client, scheduler, security, limits: Limits) -> Runner:
    if client is None and scheduler is None:
        from extract.dataset.pool import Pool

        def on_pool(todo, stopping):
            if todo:
                yield from Pool(min(workers or os.cpu_count() or 1, len(todo)), limits).run(todo, stopping)

        return on_pool
    from extract.dataset.cluster import Cluster

    def on_cluster(todo, stopping):
        cluster = Cluster(client or scheduler, security=security)
        cluster.connect()
        try:
            yield from cluster.run(todo, limits, stopping)
        finally:
            cluster.close()

    return on_cluster


class _StopOnSignal:
    """Ctrl-C and SIGTERM ask the run to stop (checked every tick) instead of raising mid-write;
    a second Ctrl-C raises KeyboardInterrupt at once."""

    def __init__(self):
        self._event = threading.Event()
        self._previous: dict[int, object] = {}

    def requested(self) -> bool:
        return self._event.is_set()

    def _handle(self, signum, frame) -> None:
        if self._event.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self._event.set()

    def __enter__(self) -> _StopOnSignal:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)


def load_reports(dataset: str | Path) -> Iterator[dict]:
    """Each report of a dataset folder, as a dict, in journal order."""
    for line in read_lines(Path(dataset) / "reports.jsonl"):
        yield msgspec.json.decode(line)


__all__ = ["batch", "Summary", "Limits", "load_reports"]
