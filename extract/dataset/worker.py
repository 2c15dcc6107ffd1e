"""One file of a batch → one :class:`Outcome`: a report or an error row, never nothing.

    >>> outcome = process_file("corpora/samples/bao-cao-6-thang-2021.docx", Limits())  # doctest: +SKIP
    >>> outcome.ok, outcome.error_type  # doctest: +SKIP
    (True, None)

:func:`parse_outcome` parses in the calling process and turns every failure into
an error row; it runs inside a process that is already bounded (a batch's
per-file process, see :mod:`extract.dataset.pool`). :func:`process_file` bounds it
itself, in a forked child (:mod:`extract.bounded`): that is what a Dask worker runs.

Error rows carry the name of the error: the :class:`~extract.errors.VnreportError`
subclasses (``CorruptDocument``, ``Timeout``, ``MemoryLimit``, ``WorkerCrashed`` …),
or the name of another exception when the parser itself failed on the file.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from extract.errors import MemoryLimit, VnreportError
from extract.paths import NotRegularFile, open_regular, shown


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 300.0  # seconds per file
    memory: int = 2 * 1024**3  # bytes of resident memory a file's processes may add
    ocr: str = "auto"

    @property
    def memory_mb(self) -> int:
        return max(1, self.memory // 1024**2)


@dataclass(slots=True)
class Outcome:
    path: str  # as shown (extract.paths.shown): any file name, printable
    sha256: str
    ok: bool
    report_json: bytes | None = None
    pages: int = 0
    error_type: str | None = None
    message: str | None = None
    seconds: float = 0.0


def sha256_of(path: str) -> str:
    """The file's SHA-256; a FIFO or device raises :class:`~extract.paths.NotRegularFile` instead of blocking."""
    digest = hashlib.sha256()
    with open_regular(path) as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def unreadable(path: str, err: OSError | NotRegularFile) -> Outcome:
    """The error row of a file that cannot even be opened for hashing."""
    reason = getattr(err, "strerror", None) or str(err)
    return Outcome(shown(path), "", False, error_type="VnreportError", message=f"{shown(path)}: cannot read ({reason})")


def parse_outcome(path: str, ocr: str, sha256: str) -> Outcome:
    """Parse ``path`` here, unbounded; any failure becomes the file's error row."""
    from extract.pipeline import parse

    started = time.monotonic()
    name = shown(path)
    try:
        report = parse(path, name=name, ocr=ocr, timeout=None, memory_mb=None)
        report_json = report.to_json()
    except MemoryError:
        err: BaseException = MemoryLimit(name, "ran out of memory")
    except VnreportError as caught:
        err = caught
    except Exception as caught:  # noqa: BLE001 - a bug of ours on this file: still its row
        err = caught
    else:
        return Outcome(name, sha256 or report.source.sha256, True, report_json=report_json,
                       pages=report.source.pages or 0, seconds=time.monotonic() - started)
    return error_outcome(name, sha256, err, time.monotonic() - started)


def error_outcome(name: str, sha256: str, err: BaseException, seconds: float = 0.0) -> Outcome:
    message = str(err) if isinstance(err, VnreportError) else f"{name}: {err}"
    return Outcome(name, sha256, False, error_type=type(err).__name__, message=message, seconds=seconds)


def process_file(path: str, limits: Limits, sha256: str | None = None) -> Outcome:
    """Hash and parse ``path`` in a forked child under ``limits`` (what a Dask worker runs)."""
    from extract import warm
    from extract.bounded import run_bounded

    started = time.monotonic()
    try:
        digest = sha256 or sha256_of(path)
    except (OSError, NotRegularFile) as err:
        return unreadable(path, err)
    warm.warm_up(nlp=True)  # a batch: most reports need underthesea, load it once per worker
    try:
        return run_bounded(parse_outcome, (path, limits.ocr, digest), name=shown(path),
                           timeout=limits.timeout, memory_mb=limits.memory_mb)
    except VnreportError as err:  # Timeout, MemoryLimit, WorkerCrashed: the child was stopped
        return error_outcome(shown(path), digest, err, time.monotonic() - started)
