"""Run one function in a child process with a time limit and a memory limit.

A parse can hang in a C library, allocate without end or crash the interpreter;
none of that can be stopped from inside the process doing it. So the work runs in
a child, forked from a process that already imported the pipeline, and the parent
watches it:

    >>> run_bounded(sum, ([1, 2, 3],), name="x", timeout=5, memory_mb=100)
    6

- over ``timeout`` seconds, the child and every process it started are killed and
  :class:`~extract.errors.Timeout` is raised;
- over ``memory_mb`` of memory of its own (its private pages, not those it shares
  with the process it was forked from, plus all of every process it started:
  LibreOffice, Tesseract), :class:`~extract.errors.MemoryLimit`;
- a child that dies without an answer raises :class:`~extract.errors.WorkerCrashed`;
- an exception in the child is raised again in the parent (a bug's traceback kept as a note).

The child leads its own process group, ignores Ctrl-C (the parent decides) and dies
with its parent, so a killed caller leaves no process behind. :class:`Child` is the
watch over one child; the batch's pool uses it for children a forkserver starts.
"""

from __future__ import annotations

import ctypes
import gc
import os
import pickle
import select
import signal
import time
import traceback
from typing import Callable, NoReturn

import psutil

from extract.errors import MemoryLimit, Timeout, VnreportError, WorkerCrashed

TICK = 0.1  # seconds between looks at a running child
MEMORY_TICK = 0.25  # seconds between memory samples (psutil walks /proc)
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (``prctl(PR_SET_PDEATHSIG)``)."""
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's own cleanup still kills its children
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def child_main(write_fd: int, func: Callable, args: tuple) -> NoReturn:
    """The whole life of a child: run ``func(*args)``, send the outcome down ``write_fd``, exit."""
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        os.setpgid(0, 0)
        die_with_parent()
        try:
            message = ("ok", func(*args))
        except BaseException as err:  # noqa: BLE001 - every failure goes back to the parent
            message = ("raised", err, traceback.format_exc())
        try:
            payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an unpicklable exception still reaches the parent
            err = message[1]
            payload = pickle.dumps(("raised", RuntimeError(f"{type(err).__name__}: {err}"), message[-1]))
        view = memoryview(payload)
        while view:
            view = view[os.write(write_fd, view):]
    except BaseException:  # noqa: BLE001
        status = 1
    finally:
        os._exit(status)


def owned_memory(pid: int) -> int:
    """Bytes a child owns: its private pages (USS — not what it shares copy-on-write with
    the process it was forked from) plus the resident memory of every process it started."""
    try:
        root = psutil.Process(pid)
        total = root.memory_full_info().uss
        descendants = root.children(recursive=True)
    except psutil.Error:
        return 0
    for proc in descendants:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total


def kill_tree(pid: int) -> None:
    """SIGKILL a child, its process group and every descendant (LibreOffice and Tesseract
    run in sessions of their own, so the group alone would miss them)."""
    try:
        descendants = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        descendants = []
    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
        except (ProcessLookupError, PermissionError):
            pass
    for proc in descendants:
        try:
            proc.kill()
        except psutil.Error:
            pass


class Child:
    """One running child: the read end of its answer pipe, its limits, and how to reap it.

    ``reap()`` waits for the process and says how it ended ("exit code 0", "signal 9").
    """

    def __init__(self, pid: int, fd: int, name: str, reap: Callable[[], str], *,
                 timeout: float | None, memory_mb: int | None):
        self.pid, self.fd, self.name, self._reap = pid, fd, name, reap
        self.timeout, self.memory_mb = timeout, memory_mb
        self.started = time.monotonic()
        self._chunks: list[bytes] = []
        self._next_sample = self.started + MEMORY_TICK  # a parse that ends sooner is never sampled

    def fileno(self) -> int:
        return self.fd

    def read(self) -> bool:
        """Take what the pipe holds; True once the child closed it (its answer is complete)."""
        chunk = os.read(self.fd, 1 << 20)
        if chunk:
            self._chunks.append(chunk)
        return not chunk

    def over_limit(self) -> Timeout | MemoryLimit | None:
        now = time.monotonic()
        if self.timeout is not None and now - self.started > self.timeout:
            return Timeout(self.name, f"stopped after {self.timeout:g} s (per-file time limit)")
        if self.memory_mb is not None and now >= self._next_sample:
            self._next_sample = now + MEMORY_TICK
            if owned_memory(self.pid) > self.memory_mb * 1024**2:
                return MemoryLimit(self.name, f"stopped above {self.memory_mb} MB (per-file memory limit)")
        return None

    def kill(self) -> None:
        kill_tree(self.pid)

    def finish(self):
        """Close the pipe, reap the process and return its message: ("ok", value) or
        ("raised", exception, traceback text)."""
        os.close(self.fd)
        self.fd = -1
        how = self._reap()
        try:
            return pickle.loads(b"".join(self._chunks))
        except Exception:  # noqa: BLE001 - nothing, or half an answer: the process died
            return ("raised", WorkerCrashed(self.name, f"the parser process died ({how})"), "")


def how_it_ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit code {os.WEXITSTATUS(status)}"


def fork_child(func: Callable, args: tuple, name: str, *, timeout: float | None, memory_mb: int | None) -> Child:
    """Fork this process; the child runs ``func(*args)`` (see :func:`child_main`)."""
    read_end, write_end = os.pipe()
    # Frozen objects are left alone by the child's collector: it would otherwise walk, and
    # so copy page by page, the whole heap it shares with this process.
    gc.freeze()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        child_main(write_end, func, args)
    gc.unfreeze()
    os.close(write_end)
    return Child(pid, read_end, name, lambda: how_it_ended(os.waitpid(pid, 0)[1]),
                 timeout=timeout, memory_mb=memory_mb)


def run_bounded(func: Callable, args: tuple, *, name: str, timeout: float | None, memory_mb: int | None):
    """``func(*args)`` computed in a forked child under the limits; its value, or its exception raised here."""
    child = fork_child(func, args, name, timeout=timeout, memory_mb=memory_mb)
    try:
        while True:
            verdict = child.over_limit()
            if verdict:
                child.kill()
                child.finish()
                raise verdict
            ready, _, _ = select.select([child], [], [], TICK)
            if ready and child.read():
                break
    except BaseException:  # Ctrl-C or an error here: the child must not outlive the call
        if child.fd >= 0:
            child.kill()
            child.finish()
        raise
    try:
        return answer(child.finish())
    except MemoryError:  # an allocation the child's machine refused
        raise MemoryLimit(name, "ran out of memory") from None


def answer(message):
    """The value of a child's message, or its exception raised with the child's traceback."""
    if message[0] == "ok":
        return message[1]
    _, err, child_traceback = message
    if child_traceback and not isinstance(err, VnreportError):  # a bug: where it happened matters
        err.add_note(f"in the child process:\n{child_traceback}")
    raise err
