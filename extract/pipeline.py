"""One file in, one :class:`~extract.schema.Report` out.

    file ─▶ readers ─▶ Document ─▶ text (encoding, NFC) ─▶ structure ─▶ Skeleton
         ─▶ metadata ─▶ extractors (citations, indicators) ─▶ Report

Extractors are a registry (:data:`EXTRACTORS`): each entry names a function
``extract(skeleton, metadata) -> list`` whose results fill the Report field of
the same name; a function with a ``uses`` tuple also gets the findings of the
extractors before it by those names (``citations=[…]``), so nothing is found twice.
Adding a kind of finding is one line here plus its package.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import os
import sys
from pathlib import Path

import msgspec

from extract.document import Document
from extract.errors import TooLarge, UnsupportedFormat, VnreportError
from extract.paths import NotRegularFile, open_regular, shown
from extract.readers import ReadOptions, read
from extract.schema import DocumentPart, Report, Signature, Source

EXTRACTORS: dict[str, str] = {
    "citations": "extract.citations:extract",
    "indicators": "extract.indicators:extract",
}


def load_source(source: str | Path | bytes, name: str | None = None,
                max_bytes: int | None = None) -> tuple[bytes, str]:
    """Bytes and display name of a path or of raw bytes.

    A path is read only if it is a regular file (a FIFO or a device would block or
    never end) of at most ``max_bytes``; its name is shown with :func:`extract.paths.shown`
    escapes when it is not UTF-8.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "<bytes>"
    path = Path(source)
    display = name or shown(path)
    try:
        with open_regular(path) as f:
            size = os.fstat(f.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise TooLarge(display, f"{size:,} bytes is over the limit of {max_bytes:,}")
            return f.read(), display
    except FileNotFoundError:
        raise VnreportError(display, "no such file") from None
    except NotRegularFile as err:
        if err.kind == "a folder":
            raise VnreportError(display, "is a directory, not a file") from None
        raise UnsupportedFormat(display, str(err)) from None
    except PermissionError:
        raise VnreportError(display, "permission denied") from None
    except OSError as err:
        raise VnreportError(display, f"cannot read ({err.strerror or err})") from None


def repair_text(doc: Document) -> tuple[str | None, list[str]]:
    """Convert legacy encodings and normalize every block's text and Word label, in place.

    Returns the legacy encoding repaired (or None) and warnings in plain words.
    """
    from extract.text import repair_blocks

    fonts = [b.font for b in doc.blocks]
    texts, encoding, warnings = repair_blocks([b.text for b in doc.blocks], fonts)
    labels, _, _ = repair_blocks([b.label or "" for b in doc.blocks], fonts)
    for block, text, label in zip(doc.blocks, texts, labels):
        block.text, block.label = text, label or None
    return encoding, warnings


def parse(
    source: str | Path | bytes,
    format: str | None = None,
    *,
    name: str | None = None,
    ocr: str = "auto",
    options: ReadOptions | None = None,
    timeout: float | None = 300.0,
    memory_mb: int | None = 2048,
) -> Report:
    """Parse one report.

        >>> report = parse("corpora/samples/bao-cao-6-thang-2021.docx")  # doctest: +SKIP
        >>> [s.id for s in report.sections]  # doctest: +SKIP
        ['I', 'II', 'III', 'IV']

    ``source`` is a path or the file's bytes; ``format`` (docx, pdf, doc, txt, md,
    html …) overrides what the content says. Raises a subclass of
    :class:`~extract.errors.VnreportError` for a file that cannot be read.

    The parse runs in a child process bounded by ``timeout`` seconds and
    ``memory_mb`` MB of memory of its own (:mod:`extract.bounded`): over them it
    raises :class:`~extract.errors.Timeout` or :class:`~extract.errors.MemoryLimit`
    (a :class:`~extract.errors.TooLarge`). ``timeout=None, memory_mb=None`` parses
    in this process, unbounded — for callers that isolate parses themselves.
    """
    if timeout is None and memory_mb is None:
        return _parse_here(source, format, name, ocr, options)
    from extract import warm
    from extract.bounded import run_bounded

    display = name or ("<bytes>" if isinstance(source, (bytes, bytearray, memoryview)) else shown(source))
    warm.before_fork()
    report, loaded_nlp = run_bounded(_parse_in_child, (source, format, name, ocr, options),
                                     name=display, timeout=timeout, memory_mb=memory_mb)
    warm.note_child(loaded_nlp)
    return report


def _parse_in_child(source, format, name, ocr, options) -> tuple[Report, bool]:
    # Whether this parse needed underthesea: the parent then loads it once for the next children.
    return _parse_here(source, format, name, ocr, options), "underthesea" in sys.modules


def _documents(skeleton, metadata) -> list[DocumentPart]:
    """Every document of a file that holds several: the first as ``metadata`` reads it."""
    if not skeleton.later_documents:
        return []
    first_page = next((pb.block.page for pb in skeleton.blocks), None)
    return [DocumentPart(page=first_page, doc_type=metadata.doc_type, symbol=metadata.symbol, start=0)] + [
        DocumentPart(page=d.page, doc_type=d.doc_type, symbol=d.symbol, start=skeleton.blocks[d.block].span[0])
        for d in skeleton.later_documents
    ]


def _parse_here(
    source: str | Path | bytes,
    format: str | None,
    name: str | None,
    ocr: str,
    options: ReadOptions | None,
) -> Report:
    opts = options or ReadOptions(ocr=ocr)
    data, display = load_source(source, name, opts.max_bytes)
    doc = read(data, display, format, opts)
    encoding, text_warnings = repair_text(doc)

    from extract.structure import build
    from extract.metadata import extract_metadata

    skeleton = build(doc)
    metadata = extract_metadata(skeleton)
    report = Report(
        source=Source(
            path=display,
            sha256=hashlib.sha256(data).hexdigest(),
            format=doc.format,
            pages=doc.pages,
            ocr=doc.ocr,
            encoding_repaired=encoding,
            ocr_confidence=doc.ocr_confidence,
            pages_read=doc.pages_read,
            signature=msgspec.convert(dataclasses.asdict(doc.signature), Signature) if doc.signature else None,
        ),
        metadata=metadata,
        text=skeleton.text,
        sections=skeleton.sections,
        warnings=[*doc.warnings, *text_warnings, *skeleton.warnings],
        documents=_documents(skeleton, metadata),
    )
    for field_name, target in EXTRACTORS.items():
        module, func = target.split(":")
        extractor = getattr(importlib.import_module(module), func)
        # what earlier extractors found, for one that names it in ``uses`` (indicators skip citations' numbers)
        earlier = {name: getattr(report, name) for name in getattr(extractor, "uses", ())}
        setattr(report, field_name, extractor(skeleton, metadata, **earlier))
    return report
