"""A DOCX table and the same table in the DOCX's PDF export (LibreOffice) give the same cells:
row, column, spans and text, though the PDF cuts it over pages (and some rows in two)."""

from __future__ import annotations

import subprocess

from conftest import corpus_path
from extract.readers import read

# the plan's task table: 7 columns, rows merged down (vMerge) and across (gridSpan), over 20 pages
PLAN = "real/vbai_kh-cchc-2026-2030-lamdong.docx"


def _largest_table(doc) -> dict[tuple[int, int], tuple[int, int, str]]:
    """(row, column) → (row span, column span, text) of the document's largest table; a DOCX
    cell of several paragraphs is several blocks, read here as one text."""
    sizes: dict[int, int] = {}
    for b in doc.blocks:
        if b.kind == "table_cell":
            sizes[b.cell[0]] = sizes.get(b.cell[0], 0) + 1
    table = max(sizes, key=sizes.get)
    cells: dict[tuple[int, int], tuple[int, int, str]] = {}
    for b in doc.blocks:
        if b.kind == "table_cell" and b.cell[0] == table:
            before = cells.get(b.cell[1:])
            text = " ".join(((before[2] + " ") if before else "") .split() + b.text.split())
            cells[b.cell[1:]] = (b.row_span, b.col_span, text)
    return cells


def test_a_docx_table_and_its_pdf_export_give_the_same_cells(tmp_path):
    docx = corpus_path(PLAN)
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (docx.stem + ".pdf")
    from_docx = _largest_table(read(docx.read_bytes(), docx.name))
    from_pdf_doc = read(pdf.read_bytes(), pdf.name)
    from_pdf = _largest_table(from_pdf_doc)
    assert len({b.page for b in from_pdf_doc.blocks if b.kind == "table_cell"}) > 10
    assert any(span != (1, 1) for *span, _ in from_docx.values())  # merged cells are in it
    assert from_pdf == from_docx
