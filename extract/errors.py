"""Typed errors: every unreadable file raises one of these, with its name and a reason.

    >>> raise CorruptDocument("bao-cao.docx", "not a ZIP archive")
    Traceback (most recent call last):
    extract.errors.CorruptDocument: bao-cao.docx: not a ZIP archive

A batch records ``type(err).__name__`` and ``str(err)`` and goes on.
"""

from __future__ import annotations


class VnreportError(Exception):
    """Base class: a file that cannot be turned into a report."""

    def __init__(self, file: str | None, reason: str):
        self.file = file or "<bytes>"
        self.reason = reason
        super().__init__(f"{self.file}: {reason}")


class UnsupportedFormat(VnreportError):
    """The bytes are not a format we read (an executable renamed .docx, an image …)."""


class CorruptDocument(VnreportError):
    """The format is known but the file is damaged or hostile (truncated, zip bomb, XML entities)."""


class EncryptedDocument(VnreportError):
    """The file needs a password."""


class EmptyDocument(VnreportError):
    """The file holds no text at all (zero bytes, blank pages with OCR off)."""


class TooLarge(VnreportError):
    """The file is over the size or page limit set for one document."""


class ConverterUnavailable(VnreportError):
    """A program we need to read this format (LibreOffice) is not installed or failed."""


class OcrUnavailable(VnreportError):
    """The file needs OCR and Tesseract (with the ``vie`` model) is not installed."""


class Timeout(VnreportError):
    """Reading the file took longer than the limit."""
