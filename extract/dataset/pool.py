"""The batch's local pool: each file in a process of its own, forked from a warm forkserver.

    >>> pool = Pool(workers=2, limits=Limits())  # doctest: +SKIP
    >>> [o.ok for o in pool.run([("a.docx", ""), ("b.pdf", "")], stopping=lambda: False)]  # doctest: +SKIP
    [True, True]

multiprocessing's forkserver is a single-threaded interpreter that imports the
pipeline once (:mod:`extract.dataset.preload`); each file then runs in a process
forked from it, so a file's process starts in milliseconds, warm, and holds only
what that one file needed. At most ``workers`` run at a time. The batch watches
each one (:class:`extract.bounded.Child`): over the time or memory limit it is
killed with everything it started; if it dies, its file gets a ``WorkerCrashed``
row and the next file starts. Nothing is shared between two files' processes, so no
death can take the pool down with it — the failure of pools of long-lived workers
(``ProcessPoolExecutor`` marks itself broken when one worker dies; pebble's
``ProcessPool``, tried with 5,000 tasks and random ``kill -9`` of its workers,
failed every pending task with "All workers expired").

When ``stopping()`` turns true (Ctrl-C), answers already being written are read
for :data:`GRACE` seconds and yielded; every process still running is then killed.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import sys
import time
import types
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, NoReturn

from extract.bounded import TICK, Child, child_main
from extract.dataset.worker import Limits, Outcome, error_outcome, parse_outcome
from extract.paths import shown

PRELOAD = ["extract.dataset.preload"]
GRACE = 1.0  # seconds to finish reading answers after a stop


def _file_process(writer, path: str, ocr: str, sha256: str) -> NoReturn:
    child_main(writer.fileno(), parse_outcome, (path, ocr, sha256))


@contextmanager
def _without_main_module():
    """Start a process without multiprocessing's re-run of the program's main module in it.

    multiprocessing runs ``__main__`` again in every child it starts this way (as
    ``__mp_main__``): for ``python -m extract.cli`` that is typer and the whole CLI,
    120 ms per file, for a user's script whatever it imports. A file's process needs
    nothing from it, so the main module is hidden for the moment of the start.
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_server() -> None:
    """Start the forkserver now: it warms up (seconds) while the batch lists and hashes its files."""
    from multiprocessing import forkserver

    _context()
    forkserver.ensure_running()


class Pool:
    def __init__(self, workers: int | None, limits: Limits):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.limits = limits
        self._context = _context()

    def _start(self, path: str, sha256: str) -> Child:
        reader, writer = self._context.Pipe(duplex=False)
        process = self._context.Process(target=_file_process, args=(writer, path, self.limits.ocr, sha256),
                                        daemon=True, name="vnreport-file")
        with _without_main_module():
            process.start()
        writer.close()
        fd = os.dup(reader.fileno())
        reader.close()

        def reap() -> str:
            process.join()
            code = process.exitcode
            process.close()
            return f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"

        return Child(process.pid, fd, shown(path), reap, timeout=self.limits.timeout,
                     memory_mb=self.limits.memory_mb)

    def run(self, todo: Iterable[tuple[str, str]], stopping: Callable[[], bool]) -> Iterator[Outcome]:
        pending = iter(todo)
        running: dict[Child, str] = {}  # child → the file's sha256
        try:
            while not stopping():
                while len(running) < self.workers:
                    item = next(pending, None)
                    if item is None:
                        break
                    running[self._start(*item)] = item[1]
                if not running:
                    return
                yield from self._answers(running, TICK)
                for child in list(running):
                    verdict = child.over_limit()
                    if verdict:
                        child.kill()
                        child.finish()
                        yield error_outcome(child.name, running.pop(child), verdict, time.monotonic() - child.started)
            deadline = time.monotonic() + GRACE
            while running and time.monotonic() < deadline:
                yield from self._answers(running, TICK)
        finally:  # stopped, done, or the consumer went away: no file's process outlives the run
            for child in running:
                child.kill()
                child.finish()

    def _answers(self, running: dict[Child, str], wait: float) -> Iterator[Outcome]:
        ready, _, _ = select.select(list(running), [], [], wait)
        for child in ready:
            if child.read():
                sha256 = running.pop(child)
                message = child.finish()
                if message[0] == "ok":
                    yield message[1]
                else:
                    yield error_outcome(child.name, sha256, message[1], time.monotonic() - child.started)
