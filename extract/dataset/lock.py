"""One writer per dataset folder: the lock file ``.vnreport.lock``.

    >>> with DatasetLock(Path("dataset")) as lock:  # doctest: +SKIP
    ...     lock.holder
    Holder(pid=4121, host='archive-01', started='2026-12-01T09:30:12+07:00')

The file holds who writes (pid, host, start time) and is locked with ``flock``:
the kernel releases that lock the moment its process ends, however it ends, so
a run killed with ``kill -9`` leaves a file that the next run takes over — its
content then says whose run that was (:attr:`DatasetLock.took_over`). A second run
while the first is alive gets :class:`~extract.errors.DatasetLocked` naming the
first. The same lock covers every scheduler: it guards the folder, not the workers.
"""

from __future__ import annotations

import fcntl
import os
import socket
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import msgspec

from extract.errors import DatasetLocked, OutputError
from extract.outputs import output_error
from extract.paths import shown

LOCK_NAME = ".vnreport.lock"


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    started: str

    def __str__(self) -> str:
        return f"pid {self.pid} on {self.host}, started {self.started}"


def _this_run() -> Holder:
    return Holder(os.getpid(), socket.gethostname(), datetime.now().astimezone().isoformat(timespec="seconds"))


class DatasetLock:
    def __init__(self, folder: Path):
        self.path = folder / LOCK_NAME
        self.folder = folder
        self.holder: Holder | None = None
        self.took_over: Holder | None = None  # a run that ended without releasing the lock
        self._fd = -1

    def acquire(self) -> DatasetLock:
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as err:
                raise output_error(err, self.path) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read(fd)
                os.close(fd)
                raise DatasetLocked(shown(self.folder), f"another run is writing this dataset ({holder or 'unknown'}); "
                                    f"wait for it to end or stop it") from None
            except OSError as err:
                os.close(fd)
                raise OutputError(shown(self.path), f"cannot be locked ({err.strerror})") from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if not same:  # a run that just ended removed the file we locked: lock the one there now
                os.close(fd)
                continue
            break
        self.took_over = _read(fd)
        self.holder = _this_run()
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, msgspec.json.encode(asdict(self.holder)) + b"\n", 0)
            os.fsync(fd)
        except OSError as err:
            os.close(fd)
            raise output_error(err, self.path) from None
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd < 0:
            return
        try:
            os.unlink(self.path)  # before unlocking: a waiting run then sees the file is gone and retries
        except OSError:
            pass
        os.close(self._fd)
        self._fd = -1

    def __enter__(self) -> DatasetLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _read(fd: int) -> Holder | None:
    try:
        data = os.pread(fd, 4096, 0)
        return msgspec.json.decode(data, type=Holder) if data.strip() else None
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
