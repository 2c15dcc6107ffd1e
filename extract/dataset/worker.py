"""Parse one file in a forked child with a time and memory limit.

Whatever happens inside the parse — an exception, a hang in a C library, a
runaway allocation, a crash of LibreOffice or Tesseract — the caller gets back
one :class:`Outcome`: a report or an error row, never nothing.

    >>> outcome = process_file("corpora/samples/bao-cao-6-thang-2021.docx", Limits())  # doctest: +SKIP
    >>> outcome.ok, outcome.error_type  # doctest: +SKIP
    (True, None)

The child is forked from an already-warm worker (modules imported), so isolation
costs a few milliseconds, not an interpreter start. Memory is watched from the
parent with psutil over the child's whole process tree (an rlimit would also cap
LibreOffice, which reserves far more address space than it uses).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import select
import signal
import time
from dataclasses import dataclass

import psutil


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 300.0  # seconds per file
    memory: int = 2 * 1024**3  # bytes of resident memory for the file's process tree
    ocr: str = "auto"


@dataclass(slots=True)
class Outcome:
    path: str
    sha256: str
    ok: bool
    report_json: bytes | None = None
    pages: int = 0
    error_type: str | None = None
    message: str | None = None
    seconds: float = 0.0


def sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


_WARM_UP_REPORT = """**BÁO CÁO**
**Kết quả công tác 6 tháng đầu năm 2021**

**I. KẾT QUẢ**

Theo Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy, tỷ lệ hồ sơ đúng hạn đạt 98,5%, 37/42 TTHC.

Sở Công Thương kính báo cáo./.
""".encode()


def warm_up() -> None:
    """Import the pipeline and fill its caches once per worker, before any child is forked.

    Regexes and reference tables load on first use; done in the worker they are
    inherited by every forked child instead of being rebuilt (and thrown away) per file.
    """
    import extract.readers.docx  # noqa: F401
    import extract.readers.pdf  # noqa: F401
    from extract import nlp
    from extract.pipeline import parse

    parse(_WARM_UP_REPORT, "md", name="warm-up.md")
    # underthesea loads its tagger models on the first call: 0.6 s that every forked
    # child would otherwise pay again for its first unknown counted noun.
    nlp.pos_tag("Đã tiếp nhận 5 gian hàng")


def _parse_to_json(path: str, ocr: str) -> tuple[bytes, int]:
    from extract.pipeline import parse

    report = parse(path, ocr=ocr)
    return report.to_json(), report.source.pages or 0


def process_file(path: str, limits: Limits, sha256: str | None = None) -> Outcome:
    started = time.monotonic()
    try:
        digest = sha256 or sha256_of(path)
    except OSError as err:
        return Outcome(path, "", False, error_type="VnreportError", message=f"{path}: cannot read ({err.strerror})")
    kind, payload = _run_isolated(_parse_to_json, (path, limits.ocr), limits)
    seconds = time.monotonic() - started
    if kind == "ok":
        report_json, pages = payload
        return Outcome(path, digest, True, report_json=report_json, pages=pages, seconds=seconds)
    error_type, message = payload
    return Outcome(path, digest, False, error_type=error_type, message=message, seconds=seconds)


def _run_isolated(func, args, limits: Limits):
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its own process group, so a kill takes its helpers too
        status = 0
        try:
            os.close(read_end)
            os.setpgid(0, 0)
            try:
                result = ("ok", func(*args))
            except MemoryError:
                result = ("err", ("MemoryLimit", f"{args[0]}: ran out of memory"))
            except BaseException as err:  # noqa: BLE001 - every failure becomes an error row
                message = str(err) if getattr(err, "file", None) else f"{args[0]}: {err}"
                result = ("err", (type(err).__name__, message))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(pickle.dumps(result))
        except BaseException:  # noqa: BLE001
            status = 1
        finally:
            os._exit(status)

    os.close(write_end)
    path = args[0]
    chunks: list[bytes] = []
    deadline = time.monotonic() + limits.timeout
    verdict = None
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                verdict = ("Timeout", f"{path}: stopped after {limits.timeout:g} s (per-file time limit)")
                break
            ready, _, _ = select.select([read_end], [], [], min(remaining, 0.25))
            if ready:
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            elif _tree_rss(pid) > limits.memory:
                verdict = ("MemoryLimit", f"{path}: stopped above {limits.memory / 1024**2:.0f} MB (per-file memory limit)")
                break
    finally:
        os.close(read_end)
        if verdict:
            _kill_group(pid)
        _, status = os.waitpid(pid, 0)
    if verdict:
        return "err", verdict
    if not chunks:
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit code {os.WEXITSTATUS(status)}"
        return "err", ("WorkerCrashed", f"{path}: the parser process died ({how})")
    return pickle.loads(b"".join(chunks))


def _tree_rss(pid: int) -> int:
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total


def _kill_group(pid: int) -> None:
    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
        except (ProcessLookupError, PermissionError):
            pass
