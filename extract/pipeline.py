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
from pathlib import Path

import msgspec

from extract.document import Document
from extract.errors import VnreportError
from extract.readers import ReadOptions, read
from extract.schema import Report, Signature, Source

EXTRACTORS: dict[str, str] = {
    "citations": "extract.citations:extract",
    "indicators": "extract.indicators:extract",
}


def load_source(source: str | Path | bytes, name: str | None = None) -> tuple[bytes, str]:
    """Bytes and display name of a path or of raw bytes."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "<bytes>"
    path = Path(source)
    try:
        return path.read_bytes(), name or str(path)
    except FileNotFoundError:
        raise VnreportError(str(path), "no such file") from None
    except IsADirectoryError:
        raise VnreportError(str(path), "is a directory, not a file") from None
    except PermissionError:
        raise VnreportError(str(path), "permission denied") from None


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
) -> Report:
    """Parse one report.

        >>> report = parse("corpora/samples/bao-cao-6-thang-2021.docx")  # doctest: +SKIP
        >>> [s.id for s in report.sections]  # doctest: +SKIP
        ['I', 'II', 'III', 'IV']

    ``source`` is a path or the file's bytes; ``format`` (docx, pdf, doc, txt, md,
    html …) overrides what the content says. Raises a subclass of
    :class:`~extract.errors.VnreportError` for a file that cannot be read.
    """
    data, display = load_source(source, name)
    opts = options or ReadOptions(ocr=ocr)
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
    )
    for field_name, target in EXTRACTORS.items():
        module, func = target.split(":")
        extractor = getattr(importlib.import_module(module), func)
        # what earlier extractors found, for one that names it in ``uses`` (indicators skip citations' numbers)
        earlier = {name: getattr(report, name) for name in getattr(extractor, "uses", ())}
        setattr(report, field_name, extractor(skeleton, metadata, **earlier))
    return report
