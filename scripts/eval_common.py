"""What the metadata and section scorers share: where gold and documents live, how a
document is parsed once, what kind of file it is, and how printed text is compared.

Gold files name their document by ``source``: ``real/…`` and ``seed/…`` are under the
shared corpus (``VNREPORT_CORPUS``); ``heldout/…`` under the held-out folder
(``VNREPORT_HELDOUT``, default ``../heldout``), which holds documents fetched from public
repositories for blind rounds and is never part of this repository.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import unicodedata
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("VNREPORT_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()
HELDOUT = Path(os.environ.get("VNREPORT_HELDOUT", ROOT.parent / "heldout")).resolve()
# The seed's gold is written against its Markdown text and scored on its renderings too.
SEED_RENDERINGS = (".docx", ".pdf")

sys.path.insert(0, str(ROOT))


def document_path(source: str) -> Path:
    """``real/x.pdf`` → the corpus file; ``heldout/docs/x.pdf`` → the held-out file."""
    first, _, rest = source.partition("/")
    if first.startswith("heldout"):  # heldout/…, heldout2/…: rounds kept side by side
        return (HELDOUT if first == "heldout" else HELDOUT.parent / first) / rest
    return CORPUS / source


def gold_files(folder: Path, doc: str | None = None) -> list[Path]:
    return sorted(f for f in folder.glob("*.json") if not doc or doc in f.name)


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def scored_documents(gold: dict) -> list[Path]:
    """The files one gold file scores: its source, and for the seed its renderings."""
    path = document_path(gold["source"])
    if gold["source"].startswith("seed/") and path.suffix == ".md":
        return [path, *(path.with_suffix(s) for s in SEED_RENDERINGS)]
    return [path]


@functools.lru_cache(maxsize=4)
def parse(path: Path):
    """The :class:`~extract.schema.Report` of one document (cached: scorers share a run)."""
    from extract.pipeline import parse as parse_file

    return parse_file(path)


def file_kind(path: Path, report, gold: dict) -> str:
    """The group a document is reported in: docx, doc, text, text pdf, gazette pdf, scan."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "pdf":
        if gold.get("gazette"):
            return "gazette pdf"
        return "scan" if report is not None and report.source.ocr else "text pdf"
    if suffix in ("doc", "rtf", "odt"):
        return "doc"
    if suffix in ("md", "txt", "html"):
        return "text"
    return suffix


def norm(text: str | None) -> str | None:
    """Printed text for comparison: NFC, case and spacing ignored, one tone-mark style
    (``uỷ``/``ủy``, ``hoà``/``hòa``), dashes and punctuation reduced to spaces."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text).casefold()
    for old, new in (("uỷ", "ủy"), ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oạ", "ọa"), ("uý", "úy")):
        text = text.replace(old, new)
    return " ".join(regex.sub(r"[^\p{L}\p{N}/]+", " ", text).split())


def ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def cell(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"
