"""File names as the file system gives them, shown so that any byte string prints.

A Linux file name is bytes, not text: ``b"bao-cao-\\xff.md"`` is a valid name that
is not UTF-8. Python hands it over as a ``str`` holding a lone surrogate
(``os.fsdecode``), which no UTF-8 encoder — JSON, Parquet, a terminal — accepts.
vnreport keeps the path as given for opening the file and shows it with the
surrogate written as an escape, the way Python's own ``backslashreplace`` does:

    >>> shown(b"bao-cao-\\xff.md")
    'bao-cao-\\\\udcff.md'
    >>> shown("báo cáo quý I.docx")
    'báo cáo quý I.docx'

Each escape ``\\udcXX`` stands for the one byte ``XX`` of the name.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO


def shown(path: str | bytes | Path) -> str:
    """``path`` as printable text: valid UTF-8 as is, other bytes as ``\\udcXX`` escapes."""
    text = os.fsdecode(path)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(mode: int) -> str | None:
    """What a file that is neither a regular file nor a folder is, in words; else None.

        >>> special_kind(os.stat("/dev/null").st_mode)
        'a character device'
    """
    return next((words for test, words in _SPECIAL if test(mode)), None)


def open_regular(path: str | bytes | Path) -> BinaryIO:
    """Open a regular file for reading, never blocking: a FIFO, a device or a folder
    (even one swapped in after it was listed) raises :class:`NotRegularFile`."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        mode = os.fstat(fd).st_mode
        kind = special_kind(mode) or ("a folder" if stat.S_ISDIR(mode) else None)
        if kind:
            raise NotRegularFile(kind)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class NotRegularFile(Exception):
    """The path names a FIFO, a device, a socket or a folder; ``kind`` says which."""

    def __init__(self, kind: str):
        self.kind = kind
        super().__init__(f"not a regular file but {kind}")
