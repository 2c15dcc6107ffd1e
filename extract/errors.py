"""Typed errors: every unreadable file raises one of these, with its name and a reason.

    >>> raise CorruptDocument("bao-cao.docx", "not a ZIP archive")
    Traceback (most recent call last):
    extract.errors.CorruptDocument: bao-cao.docx: not a ZIP archive

A batch records ``type(err).__name__`` and ``str(err)`` and goes on. The same
classes name what went wrong around a file: a parse stopped at its limits
(:class:`Timeout`, :class:`MemoryLimit`), a parser process that died
(:class:`WorkerCrashed`), an output that cannot be written (:class:`OutputError`,
:class:`DatasetLocked`), a Dask scheduler that cannot be reached
(:class:`SchedulerUnavailable`).
"""

from __future__ import annotations


class VnreportError(Exception):
    """Base class: a file that cannot be turned into a report, or an output that cannot be written.

        >>> err = VnreportError("bc.docx", "cannot read")
        >>> err.file, err.reason, str(err)
        ('bc.docx', 'cannot read', 'bc.docx: cannot read')
    """

    def __init__(self, file: str | None, reason: str):
        self.file = file or "<bytes>"
        self.reason = reason
        super().__init__(f"{self.file}: {reason}")

    def __reduce__(self):
        # Raised in a parse's child process and re-raised in the caller: rebuilt from
        # (file, reason), not from the formatted message.
        return type(self), (self.file, self.reason)


class MissingFile(VnreportError, FileNotFoundError):
    """The path names no file. Also a :class:`FileNotFoundError`, for callers that catch that.

        >>> isinstance(MissingFile("bc.docx", "no such file"), FileNotFoundError)
        True
    """

    def __init__(self, file: str | None, reason: str):
        super().__init__(file, reason)
        import errno

        self.errno = errno.ENOENT  # left without filename/strerror, so str() stays "file: reason"


class UnsupportedFormat(VnreportError):
    """The bytes are not a format we read (an executable renamed .docx, an image …).

        >>> from extract.readers import sniff_format
        >>> sniff_format(b"MZ" + bytes(60), "setup.docx")
        Traceback (most recent call last):
        extract.errors.UnsupportedFormat: setup.docx: binary content that is not a document (a Windows executable)
    """


class FormatMismatch(UnsupportedFormat):
    """The format asked for (``format="pdf"``, ``--from pdf``) is not what the file's content is.

        >>> raise FormatMismatch("bc.docx", "format 'pdf' was asked, but the content is a DOCX (ZIP) file")
        Traceback (most recent call last):
        extract.errors.FormatMismatch: bc.docx: format 'pdf' was asked, but the content is a DOCX (ZIP) file
    """


class CorruptDocument(VnreportError):
    """The format is known but the file is damaged or hostile (truncated, zip bomb, XML entities).

        >>> issubclass(CorruptDocument, VnreportError)
        True
    """


class EncryptedDocument(VnreportError):
    """The file needs a password.

        >>> str(EncryptedDocument("bc.pdf", "the PDF is encrypted (needs a password)"))
        'bc.pdf: the PDF is encrypted (needs a password)'
    """


class EmptyDocument(VnreportError):
    """The file holds no text at all (zero bytes, blank pages with OCR off).

        >>> from extract.readers import read
        >>> read(b"", "empty.docx")
        Traceback (most recent call last):
        extract.errors.EmptyDocument: empty.docx: the file is empty (0 bytes)
    """


class TooLarge(VnreportError):
    """The file is over the size or page limit set for one document.

        >>> from extract.readers import ReadOptions, read
        >>> read(b"x" * 2000, "big.txt", options=ReadOptions(max_bytes=1000))
        Traceback (most recent call last):
        extract.errors.TooLarge: big.txt: 2,000 bytes is over the limit of 1,000
    """


class ConverterUnavailable(VnreportError):
    """A program we need to read this format (LibreOffice) is not installed or failed.

        >>> str(ConverterUnavailable("old.doc", "LibreOffice (soffice) is not installed"))
        'old.doc: LibreOffice (soffice) is not installed'
    """


class OcrUnavailable(VnreportError):
    """The file needs OCR and Tesseract (with the ``vie`` model) is not installed.

        >>> str(OcrUnavailable("scan.pdf", "Tesseract is not installed"))
        'scan.pdf: Tesseract is not installed'
    """


class Timeout(VnreportError):
    """Reading the file took longer than the limit.

        >>> import extract
        >>> extract.parse("huge.pdf", timeout=60)  # doctest: +SKIP
        Traceback (most recent call last):
        extract.errors.Timeout: huge.pdf: parsing took longer than 60 s
    """


class MemoryLimit(TooLarge):
    """Parsing the file needed more resident memory than the limit (``memory_mb``).

        >>> issubclass(MemoryLimit, TooLarge)
        True
    """


class WorkerCrashed(VnreportError):
    """The process parsing the file died (killed, or a crash inside a C library).

        >>> str(WorkerCrashed("bc.pdf", "the parser process died (signal 11)"))
        'bc.pdf: the parser process died (signal 11)'
    """


class OutputError(VnreportError):
    """An output cannot be written: disk full, read-only file system, name too long, no permission.

    ``file`` is the path that could not be written.

        >>> OutputError("dataset/reports.jsonl", "no space left on device").file
        'dataset/reports.jsonl'
    """


class DatasetLocked(OutputError):
    """Another run is writing the same dataset folder (its lock file names it).

        >>> issubclass(DatasetLocked, OutputError)
        True
    """


class SchedulerUnavailable(VnreportError):
    """The Dask scheduler given to a batch cannot be reached (``file`` is its address).

        >>> SchedulerUnavailable("tls://archive-01:8786", "cannot connect within 5 s").file
        'tls://archive-01:8786'
    """
