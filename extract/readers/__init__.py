"""File formats → :class:`~extract.document.Document`.

One module per format; this package only sniffs the format and dispatches through
:data:`READERS`, a registry of ``"module:function"`` names imported on first use so
that ``import extract`` never pays for pdfium, python-docx or LibreOffice.

    >>> sniff_format(b"%PDF-1.7 ...", "x.bin")
    'pdf'
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal

from extract.document import Document
from extract.errors import EmptyDocument, TooLarge, UnsupportedFormat
from extract.readers.tables import join_continued_tables, mark_header_rows

OcrMode = Literal["auto", "always", "never"]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    ocr: OcrMode = "auto"
    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000
    timeout: float = 300.0  # seconds, for external programs (LibreOffice, Tesseract)


# format → "module:function"; each function is ``read(data: bytes, name: str, options) -> Document``
READERS: dict[str, str] = {
    "docx": "extract.readers.docx:read_docx",
    "pdf": "extract.readers.pdf:read_pdf",
    "txt": "extract.readers.text:read_txt",
    "md": "extract.readers.text:read_md",
    "html": "extract.readers.text:read_html",
    "doc": "extract.readers.legacy:read_legacy",
    "rtf": "extract.readers.legacy:read_legacy",
    "odt": "extract.readers.legacy:read_legacy",
    "image": "extract.readers.ocr:ocr_image",  # a scanned page saved as PNG, JPEG or TIFF
}

EXTENSIONS: dict[str, str] = {
    ".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".doc": "doc", ".rtf": "rtf", ".odt": "odt",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SCAN_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")  # PNG, JPEG, TIFF


def sniff_format(data: bytes, name: str) -> str:
    """Decide the format from the bytes first, the file name second.

    A file's extension lies more often than its magic number (a ``.doc`` that is
    really RTF, an ``.exe`` renamed ``.docx``), so content wins.
    """
    ext = Path(name).suffix.lower()
    head = data[:2048]
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head:
            return "odt"
        if ext in (".docx", ".odt"):
            return EXTENSIONS[ext]
        return "docx"  # the DOCX reader checks the parts and says so if it is not Word
    if head.startswith(_OLE_MAGIC):
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_SCAN_MAGIC):
        return "image"
    if head.startswith((b"MZ", b"\x7fELF", b"GIF8")):
        raise UnsupportedFormat(name, f"binary content that is not a document ({_describe(head)})")
    if ext in (".html", ".htm") or head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if ext in (".md", ".markdown"):
        return "md"
    if b"\x00" in head:
        # UTF-16 text (with a byte-order mark or without) is full of zero bytes too, and readable.
        from extract.readers.text import utf16_without_bom

        if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and utf16_without_bom(data) is None:
            raise UnsupportedFormat(name, "binary content that is not a known document format")
    if ext in EXTENSIONS and EXTENSIONS[ext] not in ("txt", "md", "html"):
        raise UnsupportedFormat(name, f"the name says {ext} but the content is plain text or unknown")
    return "txt"


def _describe(head: bytes) -> str:
    if head.startswith(b"MZ"):
        return "a Windows executable"
    if head.startswith(b"\x7fELF"):
        return "a Linux executable"
    return "a GIF image; scans are read as PNG, JPEG or TIFF"


def reader_for(fmt: str) -> Callable[[bytes, str, ReadOptions], Document]:
    try:
        target = READERS[fmt]
    except KeyError:
        raise UnsupportedFormat(None, f"no reader for format {fmt!r}") from None
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


def read(data: bytes, name: str, fmt: str | None = None, options: ReadOptions = ReadOptions()) -> Document:
    """Read bytes of a file called ``name`` into a Document."""
    if len(data) == 0:
        raise EmptyDocument(name, "the file is empty (0 bytes)")
    if len(data) > options.max_bytes:
        raise TooLarge(name, f"{len(data):,} bytes is over the limit of {options.max_bytes:,}")
    fmt = fmt or sniff_format(data, name)
    doc = reader_for(fmt)(data, name, options)
    doc.path = doc.path or name
    # a table over two pages is read as two by the page readers: one table before its header is judged
    doc.blocks = join_continued_tables(doc.blocks)
    mark_header_rows(doc.blocks)
    if not any(b.text.strip() for b in doc.blocks):
        raise EmptyDocument(name, "no text found in the document")
    return doc
