"""Writing outputs whole or not at all, and saying in one typed line why one failed.

A file is written under a temporary name in its folder, flushed to the disk and
renamed over the target: a reader (or a run killed half-way) sees the old file or
the new one, never half of one. A failure of the file system becomes an
:class:`~extract.errors.OutputError` naming the path:

    >>> atomic_write(Path("/proc/version.json"), b"{}")  # doctest: +SKIP
    Traceback (most recent call last):
    extract.errors.OutputError: /proc/version.json: permission denied
"""

from __future__ import annotations

import errno
import itertools
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import regex

from extract.errors import OutputError
from extract.paths import shown

REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file too large (the file system's or the process's size limit)",
    errno.EROFS: "read-only file system",
    errno.ENAMETOOLONG: "file name too long",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOENT: "no such folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "is a folder, not a file",
    errno.EIO: "input/output error",
}
# pyarrow and DuckDB report file system failures as text: "[Errno 28] No space left on device"
_ERRNO_IN_TEXT = regex.compile(r"errno\s*(\d+)", regex.IGNORECASE)
_STRERROR_IN_TEXT = {os.strerror(code).lower(): code for code in REASONS}
TEMPORARY_PREFIX = ".vnreport-"
_counter = itertools.count()


def output_error(err: BaseException, path: str | os.PathLike) -> OutputError:
    """The OutputError for a failure ``err`` while writing ``path``."""
    code = getattr(err, "errno", None)
    if code not in REASONS:
        text = str(err)
        found = _ERRNO_IN_TEXT.search(text)
        code = int(found[1]) if found else next((c for s, c in _STRERROR_IN_TEXT.items() if s in text.lower()), None)
    reason = REASONS.get(code) or (getattr(err, "strerror", None) or str(err) or type(err).__name__)
    return OutputError(shown(path), reason)


def is_output_failure(err: BaseException) -> bool:
    """An OSError, or the I/O error of a library that does not derive one (DuckDB's IOException)."""
    return isinstance(err, OSError) or type(err).__name__ == "IOException"


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path to write; on success it is synced and renamed to ``path``.

    The temporary name is short whatever ``path`` is called, so a name at the file
    system's length limit still fits.
    """
    tmp = path.parent / f"{TEMPORARY_PREFIX}{os.getpid()}-{next(_counter)}.tmp"
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        sync_folder(path.parent)
    except BaseException as err:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        if isinstance(err, Exception) and is_output_failure(err):
            raise output_error(err, path) from None
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    with replacing(path) as tmp:
        tmp.write_bytes(data)


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (its directory entry is on disk)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_temporaries(folder: Path) -> None:
    """Delete temporary files a killed run left in ``folder`` (call it holding the folder's lock)."""
    for leftover in folder.glob(f"{TEMPORARY_PREFIX}*.tmp*"):
        leftover.unlink(missing_ok=True)
