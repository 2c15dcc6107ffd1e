"""Append-only JSON-lines files that survive interruption.

Each record is written with one ``os.write`` on an ``O_APPEND`` descriptor and
flushed, so a killed run leaves whole lines only; a torn last line (a power cut
mid-write) is cut off when the journal is opened again.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import msgspec


class Journal:
    def __init__(self, path: Path):
        self.path = path
        _drop_torn_tail(path)
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def append_raw(self, line: bytes) -> None:
        if b"\n" in line:
            raise ValueError("a journal record must be one line")
        os.write(self._fd, line + b"\n")

    def append(self, record: dict) -> None:
        self.append_raw(msgspec.json.encode(record))

    def sync(self) -> None:
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
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
    """Replace a journal's content atomically (used by --resume to drop retried errors)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "wb") as f:
        for line in lines:
            f.write(line + b"\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
