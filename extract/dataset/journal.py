"""Append-only JSON-lines files that survive interruption, a full disk and a killed run.

Each record is one line, written with ``os.write`` on an ``O_APPEND`` descriptor
until every byte is out (a write may take only part of the line when the disk
fills). A write that fails half-way is cut back to the last whole line, and the
failure is an :class:`~extract.errors.OutputError` naming the file; a line torn by
a power cut is cut off when the journal is opened again. The journal is synced
to the disk every :data:`SYNC_EVERY` records, every :data:`SYNC_SECONDS` and on
close, so a crash of the machine loses at most that much.

The dataset folder's lock (:mod:`extract.dataset.lock`) makes the run the only
writer, which is what lets a journal know its own length.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterator

import msgspec

from extract.outputs import output_error, replacing

SYNC_EVERY = 64  # records
SYNC_SECONDS = 2.0


class Journal:
    def __init__(self, path: Path):
        self.path = path
        try:
            _drop_torn_tail(path)
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            self._size = os.fstat(self._fd).st_size
        except OSError as err:
            raise output_error(err, path) from None
        self._unsynced = 0
        self._synced_at = time.monotonic()

    def append_raw(self, line: bytes) -> None:
        if b"\n" in line:
            raise ValueError("a journal record must be one line")
        view = memoryview(line + b"\n")
        try:
            while view:
                view = view[os.write(self._fd, view):]
        except OSError as err:
            self._cut_back()
            raise output_error(err, self.path) from None
        self._size += len(line) + 1
        self._unsynced += 1
        if self._unsynced >= SYNC_EVERY or time.monotonic() - self._synced_at >= SYNC_SECONDS:
            self.sync()

    def append(self, record: dict) -> None:
        self.append_raw(msgspec.json.encode(record))

    def _cut_back(self) -> None:
        """Drop the part of a line a failed write left (best effort: reopening drops it too)."""
        try:
            os.ftruncate(self._fd, self._size)
        except OSError:
            pass

    def sync(self) -> None:
        try:
            os.fsync(self._fd)
        except OSError as err:
            raise output_error(err, self.path) from None
        self._unsynced, self._synced_at = 0, time.monotonic()

    def close(self) -> None:
        if self._fd < 0:
            return
        try:
            self.sync()
        finally:
            os.close(self._fd)
            self._fd = -1


def _drop_torn_tail(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as f:
        f.seek(-1, os.SEEK_END)
        if f.read(1) == b"\n":
            return
        data = f.seek(0) or f.read()
        f.truncate(data.rfind(b"\n") + 1)


def read_lines(path: Path) -> Iterator[bytes]:
    if not path.exists():
        return
    with open(path, "rb") as f:
        for line in f:
            if line.endswith(b"\n") and line.strip():
                yield line.rstrip(b"\n")


def rewrite(path: Path, lines: list[bytes]) -> None:
    """Replace a journal's content atomically (--resume drops retried errors; skipped rows are rewritten)."""
    with replacing(path) as tmp:
        with open(tmp, "wb") as f:
            for line in lines:
                f.write(line + b"\n")
