"""Every text-layer PDF of the corpus is read in the order pdftotext reads it.

poppler's ``pdftotext -bbox-layout`` gives the words of its layout mode with their
boxes, in its reading order. Against it, for every page:

- each run of words printed together on a line (two or more words, up to a gap wider
  than the line is tall) comes out of vnreport whole and in order: at least 98 % of
  them (what differs is a line that joins a footnote mark or a hyphenated word apart);
- the whole text outside tables and page 1's header block (whose two columns may be
  read in either order) comes in the same order: 97 % of its letters in one common
  subsequence (a footnote read after the paragraph it ends, which the page break cut,
  and a formula's subscripts account for the rest);
- no page reads one word per line where its lines hold many (the gazette's PDFs once
  did).

Table cells are read cell by cell, where pdftotext reads a row's lines across the
table; words in ruled tables are compared by their runs only. Furniture vnreport drops
(running headers, page numbers, the portal's signature block) is dropped from
pdftotext's words too.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET

import pytest
import regex
from conftest import CORPUS, corpus_path
from rapidfuzz.distance import LCSseq

from extract.readers import ReadOptions, read
from extract.readers import furniture
from extract.readers.pdf import _Frame

NEVER = ReadOptions(ocr="never")


def _text_layer_pdfs() -> list[str]:
    manifest = CORPUS / "real" / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    # A scan whose only text layer is the e-signing stamp is read by OCR, not compared.
    return ["seed/bao-cao-qcdc-6t-2021.pdf"] + [
        f"real/{r['file']}" for r in rows if r["format"] == "pdf" and r["has_text_layer"].startswith("yes")
        and not r["file"].startswith(("vbai_cv-4214", "vbai_cv-5240", "vbai_qd-932", "lit_tt-19"))
    ]


def _letters(text: str) -> str:
    """Letters and digits only, without diacritics: pdftotext drops some marks ("sô")."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return "".join(regex.findall(r"[\p{L}\p{N}]+", bare.replace("đ", "d")))


def _poppler_lines(path, doc) -> dict[int, list[list[tuple[str, float, float, float, float]]]]:
    """pdftotext's lines per page, each a list of (word, x0, top, x1, bottom) in the frame
    vnreport reads the page in, outside ruled tables and furniture."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    out = regex.sub(r"<!DOCTYPE[^>]*>", "", out).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    turns = doc.measured.get("page_turns", {})
    tables = doc.measured.get("ruled_tables", [])
    dropped = {(p, _letters(t)) for p, _, t in doc.measured.get("furniture_lines", [])}
    pages = {}
    for n, page in enumerate(ET.fromstring(out).iter("page"), 1):
        frame = _Frame(turns.get(n, 0), float(page.get("width")), float(page.get("height")))
        boxes = [b for p, b in tables if p == n]
        lines = []
        for line in page.iter("line"):
            words = []
            for w in line.iter("word"):
                (ax, ay), (bx, by) = (frame.point(float(w.get("xMin")), float(w.get("yMin"))),
                                      frame.point(float(w.get("xMax")), float(w.get("yMax"))))
                x0, top, x1, bottom = min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
                cx, cy = (x0 + x1) / 2, (top + bottom) / 2
                if not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes):
                    words.append((w.text or "", x0, top, x1, bottom))
            text = " ".join(w[0] for w in words)
            # The gazette header and page numbers by their pattern: poppler may print the
            # number apart from the header line vnreport dropped whole.
            if words and (n, _letters(text)) not in dropped and not (
                    furniture._GAZETTE_HEADER.match(text) or furniture._PAGE_NUMBER.match(text)):
                lines.append(words)
        pages[n] = lines
    return pages


def _read_whole(run: str, ours: str) -> bool:
    """The run is in vnreport's text as printed, or as two pieces where vnreport cut a
    header line pdftotext joins ("BỘ CÔNG THƯƠNG" | "CỘNG HÒA XÃ HỘI …")."""
    if _letters(run) in ours:
        return True
    words = run.split()
    return any(_letters(" ".join(words[:k])) in ours and _letters(" ".join(words[k:])) in ours
               for k in range(1, len(words)))


def _below_header(lines, doc):
    """Page 1's lines from its first full-width line on: above it stands the header block,
    whose two columns may be read in either order."""
    width = max((w[3] for line in lines for w in line), default=0) - min((w[1] for line in lines for w in line), default=0)
    for k, line in enumerate(lines):
        if line[-1][3] - line[0][1] > 0.6 * width:
            return lines[k:]
    return lines


def _runs(line: list[tuple[str, float, float, float, float]]) -> list[str]:
    """A line cut where the gap between two words is wider than the line is tall."""
    height = max(w[4] - w[2] for w in line)
    runs, current = [], [line[0]]
    for a, b in zip(line, line[1:]):
        if b[1] - a[3] > height:
            runs.append(current)
            current = []
        current.append(b)
    runs.append(current)
    return [" ".join(w[0] for w in run) for run in runs if len(run) >= 2]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("relative", _text_layer_pdfs() or ["(corpus absent)"])
def test_pdf_words_come_in_pdftotext_order_page_by_page(relative):
    path = corpus_path(relative)
    doc = read(path.read_bytes(), path.name, None, NEVER)
    ours = _letters(" ".join(b.display_text for b in doc.blocks))
    flow = _letters(" ".join(b.display_text for b in doc.blocks if b.kind != "table_cell"))
    theirs = []
    for page, lines in _poppler_lines(path, doc).items():
        runs = [run for line in lines for run in _runs(line) if len(_letters(run)) >= 6]
        whole = [run for run in runs if _read_whole(run, ours)]
        assert len(whole) >= 0.98 * len(runs), (
            f"page {page}: {len(runs) - len(whole)} of {len(runs)} printed runs not read whole, e.g. "
            f"{[r for r in runs if not _read_whole(r, ours)][:3]}")
        body = lines if page > 1 else _below_header(lines, doc)
        for line in lines[:len(lines) - len(body)]:
            for word in line:
                flow = flow.replace(_letters(word[0]), "", 1)
        theirs.extend(w[0] for line in body for w in line)
        blocks = [b for b in doc.blocks if b.page == page and b.kind == "paragraph"]
        one_word = [b for b in blocks if len(b.text.split()) == 1 and regex.search(r"\p{L}{2}", b.text)]
        # A formula's subscripts stand alone ("N_TB"), not a whole page of words.
        assert len(one_word) <= max(3, 0.25 * len(blocks)), f"page {page} reads word by word: {[b.text for b in one_word[:8]]}"
    reference = _letters(" ".join(theirs))
    common = LCSseq.similarity(flow, reference)
    assert common >= 0.97 * max(len(flow), len(reference)), f"{common / max(len(flow), len(reference)):.3f} in order"
