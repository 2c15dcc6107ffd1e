"""vnreport: Vietnamese administrative reports → normalized JSON.

    >>> import extract
    >>> report = extract.parse("corpora/samples/bao-cao-6-thang-2021.docx")  # doctest: +SKIP
    >>> report.metadata.signer.name  # doctest: +SKIP
    'Nguyễn Văn An'
    >>> [c.symbol for c in extract.find_citations("theo Chỉ thị số 08-CT/TU ngày 25/5/2021")]  # doctest: +SKIP
    ['08-CT/TU']

Everything is imported on first use, so ``import extract`` stays light: no
pdfium, python-docx or underthesea until a call needs them.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "parse": "extract.pipeline",
    "find_citations": "extract.citations",
    "find_indicators": "extract.indicators",
    "batch": "extract.dataset",
    "compare": "extract.compare",
    "Report": "extract.schema",
    "Citation": "extract.schema",
    "Indicator": "extract.schema",
    "Section": "extract.schema",
    "json_schema": "extract.schema",
    "VnreportError": "extract.errors",
    "UnsupportedFormat": "extract.errors",
    "FormatMismatch": "extract.errors",
    "MissingFile": "extract.errors",
    "CorruptDocument": "extract.errors",
    "EncryptedDocument": "extract.errors",
    "EmptyDocument": "extract.errors",
    "TooLarge": "extract.errors",
    "ConverterUnavailable": "extract.errors",
    "OcrUnavailable": "extract.errors",
    "Timeout": "extract.errors",
    "MemoryLimit": "extract.errors",
    "WorkerCrashed": "extract.errors",
    "OutputError": "extract.errors",
    "DatasetLocked": "extract.errors",
    "SchedulerUnavailable": "extract.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'extract' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
