"""Time a general document converter on files, for scripts/bench.py: one JSON line per file.

    /tmp/peers-docling/bin/python scripts/peers.py docling a.docx b.pdf
    {"tool": "docling", "file": "a.docx", "seconds": 0.041, "wall": 0.043, "items": 66}

Runs inside the peer's own virtual environment (never the project's), offline
(``HF_HUB_OFFLINE=1``), each tool the way that works without a network:

- docling: DOCX through its MsWord backend; PDF through ``NativePdfPipeline``, its
  model-free path (the standard PDF pipeline loads a layout model from the hub).
- unstructured: ``partition_docx`` and ``partition_pdf(strategy="fast")``, Vietnamese.
  Both call a spaCy English model that unstructured downloads on first use; without a
  network the PDF path returns no elements and raises nothing, so the model is
  replaced by a blank English pipeline with a sentencizer, as the offline study did.

``seconds`` is the median CPU time of 3 conversions after a warm-up (all threads of
the process and the processes it waited for: docling's MsWord backend renders a
DOCX's drawings through LibreOffice; import excluded); ``items`` what the tool
returned, so that a silent failure (0 elements) shows.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path


def docling_converter():
    from docling.datamodel.base_models import InputFormat
    from docling.document_converter import DocumentConverter, PdfFormatOption
    from docling.datamodel.pipeline_options import NativePdfPipelineOptions
    from docling.pipeline.native_pdf_pipeline import NativePdfPipeline

    pdf = PdfFormatOption(pipeline_cls=NativePdfPipeline, pipeline_options=NativePdfPipelineOptions(generate_page_images=False))
    converter = DocumentConverter(format_options={InputFormat.PDF: pdf})

    def convert(path: Path) -> int:
        return sum(1 for _ in converter.convert(path).document.iterate_items())

    return convert


def unstructured_converter():
    import spacy

    def blank_english(*args, **kwargs):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp

    spacy.load = blank_english  # the model it would download; a sentencizer splits sentences offline
    from unstructured.partition.docx import partition_docx
    from unstructured.partition.pdf import partition_pdf

    def convert(path: Path) -> int:
        if path.suffix == ".docx":
            return len(partition_docx(filename=str(path), languages=["vie"]))
        return len(partition_pdf(filename=str(path), strategy="fast", languages=["vie"]))

    return convert


CONVERTERS = {"docling": docling_converter, "unstructured": unstructured_converter}


def _cpu() -> float:
    """CPU seconds of this process and of the children it has waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measure(tool: str, convert, path: Path, repeat: int = 3) -> dict:
    record: dict = {"tool": tool, "file": path.name}
    try:
        items = convert(path)  # warm-up: the first call builds models and caches
        cpu, wall = [], []
        for _ in range(repeat):
            start_cpu, start_wall = _cpu(), time.perf_counter()
            convert(path)
            cpu.append(_cpu() - start_cpu)
            wall.append(time.perf_counter() - start_wall)
        record.update(seconds=statistics.median(cpu), wall=statistics.median(wall), items=items)
    except Exception as err:  # noqa: BLE001 - a peer's failure is a result, reported as such
        record.update(seconds=None, error=f"{type(err).__name__}: {str(err)[:200]}")
    return record


def main(argv: list[str]) -> int:
    tool, files = argv[0], [Path(f) for f in argv[1:]]
    convert = CONVERTERS[tool]()
    for path in files:
        print(json.dumps(measure(tool, convert, path), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
