"""Word 97–2003 ``.doc``, ``.rtf`` and ``.odt`` → Document, through LibreOffice.

LibreOffice headless converts the file to DOCX, which the DOCX reader then reads, so
these formats get the same blocks (Word list labels, bold, sizes, fonts) as DOCX.
Fonts survive the conversion: a ``.VnTime`` run in a 2005 ``.doc`` is a ``.VnTime``
run in the DOCX, and ``extract.text`` repairs its TCVN3 text downstream.

    >>> doc = read_legacy(Path("bao-cao.doc").read_bytes(), "bao-cao.doc", ReadOptions())  # doctest: +SKIP
    >>> doc.format, doc.measured["converted_by"]  # doctest: +SKIP
    ('doc', 'LibreOffice 7.4.7.2')

Each call runs its own LibreOffice with a private, throw-away user profile: two
conversions sharing a profile lock each other out (the second silently does nothing),
which a batch over many files would hit at once.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import struct
import subprocess
import tempfile
from pathlib import Path

from extract.document import Document
from extract.errors import ConverterUnavailable, CorruptDocument, EncryptedDocument, Timeout
from extract.readers import ReadOptions, sniff_format

_PROGRAMS = ("soffice", "libreoffice")
_DEBIAN_PACKAGE = "libreoffice-writer-nogui"
_SUFFIX = {"doc": ".doc", "rtf": ".rtf", "odt": ".odt"}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FIB_IDENT = b"\xec\xa5"  # wIdent of a Word 97+ File Information Block
_FIB_ENCRYPTED = 0x0100  # fEncrypted bit of the FIB flags word at offset 0x0A
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # named in the OLE directory of every .doc
# An OOXML file saved with a password is an OLE container holding these streams.
_OOXML_ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))


def read_legacy(data: bytes, name: str, options: ReadOptions | None) -> Document:
    """Convert with LibreOffice, read the DOCX, keep the original format's name."""
    options = options or ReadOptions()
    fmt = sniff_format(data, name)
    if fmt not in _SUFFIX:
        raise CorruptDocument(name, f"expected a .doc, .rtf or .odt file, the content is {fmt}")
    if fmt == "doc":
        _refuse_encrypted(data, name)
        _refuse_not_word(data, name)
    docx_bytes = convert_to_docx(data, name, fmt, options.timeout)

    from extract.readers.docx import read_docx

    doc = read_docx(docx_bytes, name, options)
    doc.format = fmt
    doc.measured["converted_by"] = libreoffice_version()
    return doc


def convert_to_docx(data: bytes, name: str, fmt: str, timeout: float) -> bytes:
    """The DOCX LibreOffice makes of ``data``; typed errors for every way it fails."""
    program = find_libreoffice(name)
    with tempfile.TemporaryDirectory(prefix="vnreport-lo-") as work:
        work_dir = Path(work)
        source = work_dir / f"input{_SUFFIX[fmt]}"
        source.write_bytes(data)
        out_dir = work_dir / "out"
        profile = work_dir / "profile"
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nofirststartwizard",
            "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", str(out_dir),
            str(source),
        ]
        output = _run(command, name, timeout, work_dir)
        result = out_dir / "input.docx"
        if not result.exists() or result.stat().st_size == 0:
            raise CorruptDocument(name, f"LibreOffice could not convert the {fmt} file ({_why(output)})")
        return result.read_bytes()


def _run(command: list[str], name: str, timeout: float, cwd: Path) -> str:
    # A session of its own, so that a timeout kills soffice.bin and every helper it
    # started, not only the shell script that launched them.
    env = {**os.environ, "HOME": str(cwd), "SAL_USE_VCLPLUGIN": "svp"}
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise Timeout(name, f"LibreOffice took longer than {timeout:g} s to convert the file") from None
    finally:
        if proc.poll() is None:
            _kill_group(proc)
    return out.decode("utf-8", errors="replace")


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()


def _why(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip() and "javaldx" not in line]
    errors = [line for line in lines if "rror" in line]
    return (errors or lines or ["it produced no output file"])[-1]


def find_libreoffice(name: str | None = None) -> str:
    """Path of the LibreOffice program, or ConverterUnavailable saying what to install.

        >>> find_libreoffice()  # doctest: +SKIP
        '/usr/bin/soffice'
    """
    for program in _PROGRAMS:
        path = shutil.which(program)
        if path:
            return path
    raise ConverterUnavailable(
        name,
        f"reading this format needs LibreOffice (program 'soffice'), which is not installed; "
        f"on Debian/Ubuntu: apt-get install {_DEBIAN_PACKAGE}",
    )


@functools.cache
def libreoffice_version() -> str:
    """'LibreOffice 7.4.7.2', or 'LibreOffice' when it does not say."""
    try:
        out = subprocess.run([find_libreoffice(), "--version"], capture_output=True, text=True, timeout=60).stdout
    except (subprocess.TimeoutExpired, OSError):
        return "LibreOffice"
    words = out.split()
    return " ".join(words[:2]) if len(words) >= 2 else "LibreOffice"


def _refuse_encrypted(data: bytes, name: str) -> None:
    if is_encrypted_ole(data):
        raise EncryptedDocument(name, "the Word file is protected by a password")


def _refuse_not_word(data: bytes, name: str) -> None:
    # LibreOffice imports an OLE file it cannot recognise as plain text, so a damaged
    # .doc became a "report" of random CJK characters: a Word file always names its
    # WordDocument stream in the OLE directory, and without it there is nothing to read.
    if _WORD_STREAM not in data:
        raise CorruptDocument(name, "an OLE file without a WordDocument stream: damaged, or not a Word .doc")


def is_encrypted_ole(data: bytes) -> bool:
    """True for an OLE file that says it is encrypted.

    Two cases: an OOXML document saved with a password (an OLE container with
    ``EncryptionInfo``/``EncryptedPackage`` streams), and a Word 97–2003 file whose
    File Information Block has the ``fEncrypted`` flag. The FIB starts the
    ``WordDocument`` stream, which starts on a 512-byte sector, so it is looked for at
    sector starts rather than by parsing the whole compound file.

        >>> is_encrypted_ole(b"plain text")
        False
    """
    if not data.startswith(_OLE_MAGIC):
        return False
    if all(stream in data for stream in _OOXML_ENCRYPTION_STREAMS):
        return True
    sector = _sector_size(data)
    for offset in range(sector, len(data) - 12, sector):
        if data[offset:offset + 2] == _FIB_IDENT:
            n_fib = struct.unpack_from("<H", data, offset + 2)[0]
            if n_fib < 0x65:  # not a plausible Word 97+ FIB: keep looking
                continue
            flags = struct.unpack_from("<H", data, offset + 0x0A)[0]
            return bool(flags & _FIB_ENCRYPTED)
    return False


def _sector_size(data: bytes) -> int:
    shift = struct.unpack_from("<H", data, 0x1E)[0] if len(data) >= 0x20 else 9
    return 1 << shift if shift in (9, 12) else 512
