"""Measure vnreport's speed and memory on the shared corpus; write docs/benchmarks.md.

    python scripts/bench.py                 # everything, a few minutes on 2 cores
    python scripts/bench.py --copies 1 4    # batch sizes, in copies of the corpus
    python scripts/bench.py --no-ocr        # skip the OCR and .doc parts

Not a test: numbers depend on the machine. Each figure is a median of repeated
runs where a run is short. The floor is raw text extraction of the same files
(pypdfium2 for PDF, python-docx paragraph text for DOCX): what any tool must pay
just to get the characters out, so "× floor" says what structure costs on top.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("VNREPORT_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()


def forget_phrases() -> None:
    """Empty extract.nlp's per-phrase caches (underthesea tags), keeping the model loaded.

    A batch meets every phrase once; timing a second run of the same text would
    measure cache hits instead of tagging.
    """
    from extract import nlp

    for cached in (nlp.word_tokenize, nlp.pos_tag, nlp.chunk):
        cached.cache_clear()


def median_seconds(func, repeat: int) -> float:
    func()  # warm-up: imports, models, regexes
    times = []
    for _ in range(repeat):
        forget_phrases()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def text_layer_files() -> list[Path]:
    """DOCX and PDFs with a text layer (the MANIFEST says which PDFs are scans)."""
    scanned = set()
    manifest = CORPUS / "real" / "MANIFEST.tsv"
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 8 and cols[8].startswith("no"):
            scanned.add(cols[0])
    files = sorted((CORPUS / "seed").glob("*.docx")) + sorted((CORPUS / "seed").glob("*.pdf"))
    files += [p for p in sorted((CORPUS / "real").iterdir()) if p.suffix in (".docx", ".pdf") and p.name not in scanned]
    return files


def scanned_files() -> list[Path]:
    return [p for p in sorted((CORPUS / "real").glob("*.pdf")) if p not in text_layer_files()]


def floor_seconds(path: Path) -> float:
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        def run():
            pdf = pdfium.PdfDocument(path.read_bytes())
            for page in pdf:
                page.get_textpage().get_text_range()
            pdf.close()
    else:
        import docx

        def run():
            "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return median_seconds(run, 3)


def parse_table(files: list[Path]) -> tuple[list[str], dict]:
    from extract.pipeline import parse

    rows, totals = [], {"pdf": [0, 0.0, 0.0], "docx": [0, 0.0, 0.0]}
    per_file: dict[str, float] = {}
    for path in files:
        report = parse(path)
        pages = report.source.pages or 1
        ours = median_seconds(lambda: parse(path), 3)
        floor = floor_seconds(path)
        fmt = path.suffix[1:]
        per_file[path.name] = ours
        totals[fmt][0] += pages
        totals[fmt][1] += ours
        totals[fmt][2] += floor
        rows.append(
            f"| {path.name} | {pages} | {ours * 1000:.0f} | {ours * 1000 / pages:.1f} | "
            f"{pages / ours:.1f} | {floor * 1000 / pages:.1f} | {ours / floor:.1f}× |"
        )
    return rows, totals, per_file


# General converters on the seed report, from ../shared/design/peers-measured.md (median of 9
# runs in process, import excluded): (tool, format, ms per seed document, what it gives).
PEERS_ON_SEED = [
    ("docling 2.143.0, MsWord backend", "docx", 45, "7 of 9 headings, 3 at the right level; no citations or figures"),
    ("docling, NativePdfPipeline (its only offline PDF path)", "pdf", 208, "one item per line: no headings or reading order"),
    ("unstructured 0.27.35, `fast`, patched to run offline", "pdf", 416,
     "flat tree, 5 false titles (stock: 0 elements, no error)"),
    ("pdfplumber 0.11.10 `extract_text`", "pdf", 665, "text only"),
    ("pypdfium2 `get_text_range`", "pdf", 12.4, "text only"),
    ("python-docx paragraph text", "docx", 4.6, "text only"),
]


def peer_rows(per_file: dict[str, float]) -> list[str]:
    rows = []
    for fmt in ("docx", "pdf"):
        ours = per_file.get(f"bao-cao-qcdc-6t-2021.{fmt}")
        if ours is not None:
            rows.append(f"| **vnreport** (this run) | {fmt} | {ours * 1000:.0f} | the 9-heading tree right, "
                        "metadata, citations, indicators |")
        rows += [f"| {tool} | {f} | {ms:g} | {gives} |" for tool, f, ms, gives in PEERS_ON_SEED if f == fmt]
    return rows


class PeakMemory:
    """Samples the RSS of this process and every descendant while a batch runs."""

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.main_peak = 0
        self.worker_peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                self.main_peak = max(self.main_peak, me.memory_info().rss)
                for child in me.children(recursive=False):
                    tree = [child, *child.children(recursive=True)]
                    rss = sum(p.memory_info().rss for p in tree if p.is_running())
                    self.worker_peaks[child.pid] = max(self.worker_peaks.get(child.pid, 0), rss)
            except psutil.Error:
                pass
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def batch_table(files: list[Path], copies_list: list[int], workers_list: list[int]) -> list[str]:
    from extract.dataset import Limits, batch

    rows = []
    for copies in copies_list:
        with tempfile.TemporaryDirectory(prefix="vnreport-bench-") as tmp:
            archive = Path(tmp) / "archive"
            for n in range(copies):
                folder = archive / f"copy{n}"
                folder.mkdir(parents=True)
                for path in files:
                    os.link(path, folder / path.name) if _same_fs(path, folder) else shutil.copy(path, folder)
            for workers in workers_list:
                out = Path(tmp) / f"ds-{workers}"
                with PeakMemory() as memory:
                    start = time.perf_counter()
                    summary = batch([archive], out, workers=workers, limits=Limits(ocr="never"))
                    seconds = time.perf_counter() - start
                shutil.rmtree(out)
                worker_peak = max(memory.worker_peaks.values(), default=0) / 1024**2
                rows.append(
                    f"| {copies} | {summary.files} | {summary.pages} | {workers} | {seconds:.1f} | "
                    f"{summary.files / seconds:.1f} | {summary.pages / seconds:.1f} | "
                    f"{worker_peak:.0f} | {memory.main_peak / 1024**2:.0f} | {summary.errors} |"
                )
    return rows


def _same_fs(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev


def corpus_texts(files: list[Path]) -> list[str]:
    from extract.pipeline import parse

    return [parse(p).text for p in files]


def extractor_rows(texts: list[str]) -> list[str]:
    from extract.citations import find_citations
    from extract.indicators import find_indicators

    chars = sum(len(t) for t in texts)
    rows = []
    for name, func in [
        ("find_citations", lambda: [find_citations(t) for t in texts]),
        ("find_indicators (default: rules, underthesea POS for counted nouns not in units.tsv)",
         lambda: [find_indicators(t) for t in texts]),
        ("find_indicators (nlp=True: also underthesea label refinement)",
         lambda: [find_indicators(t, nlp=True) for t in texts]),
    ]:
        seconds = median_seconds(func, 3)
        rows.append(f"| {name} | {chars:,} | {seconds:.2f} | {chars / seconds:,.0f} |")
    return rows


def ocr_rows() -> tuple[list[str], list[str]]:
    from extract.pipeline import parse
    from extract.readers.ocr import ocr_timing

    rows = []
    for path in scanned_files()[:3]:
        t = ocr_timing(path, [1])
        rows.append(
            f"| {path.name} | {t['pages']} | {t['dpi']} | {t['page_seconds']:.2f} | {t['mean_confidence']:.0f} |"
        )
    share = []
    for path in scanned_files()[:2]:
        pages = parse(path).source.pages
        total = median_seconds(lambda: parse(path), 3)
        ocr = median_seconds(lambda: ocr_timing(path), 3)
        # two separate measurements: a share near 100% can come out a little over it
        share.append(f"| {path.name} | {pages} | {total:.1f} | {ocr:.1f} | {min(100, round(100 * ocr / total))}% |")
    return rows, share


def legacy_rows() -> list[str]:
    from extract.pipeline import parse

    rows = []
    for path in sorted((CORPUS / "real").glob("*.doc"))[:4]:
        start = time.perf_counter()
        try:
            parse(path)
            status = "ok"
        except Exception as err:  # noqa: BLE001 - the benchmark reports, it does not judge
            status = type(err).__name__
        rows.append(f"| {path.name} | {time.perf_counter() - start:.2f} | {status} |")
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-ocr", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at VNREPORT_CORPUS={CORPUS}", file=sys.stderr)
        return 2

    files = text_layer_files()
    print(f"parsing {len(files)} files one by one …", file=sys.stderr)
    parse_rows, totals, per_file = parse_table(files)
    print("batch runs …", file=sys.stderr)
    batch_rows = batch_table(files, args.copies, args.workers)
    print("extractors …", file=sys.stderr)
    ext_rows = extractor_rows(corpus_texts(files))

    cpu = platform.processor() or platform.machine()
    lines = [
        "# Benchmarks",
        "",
        f"Made by `python scripts/bench.py` on {time.strftime('%Y-%m-%d')}: {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 1024**3:.0f} GiB, {cpu}, Python {platform.python_version()}. "
        "Medians of 3 runs after a warm-up, with underthesea's per-phrase caches emptied before "
        "each run (a batch meets every phrase once). Not a test: rerun it on your machine.",
        "",
        "## One file at a time, in process",
        "",
        "The floor is raw text extraction of the same file: pypdfium2 `get_text_range` for PDF, "
        "python-docx paragraph text for DOCX. `× floor` is our full parse (reader, structure, "
        "metadata, citations, indicators) over that floor.",
        "",
        "| file | pages | ms/doc | ms/page | pages/s | floor ms/page | × floor |",
        "|---|---|---|---|---|---|---|",
        *parse_rows,
        "",
        "| format | pages | our seconds | floor seconds | pages/s | × floor |",
        "|---|---|---|---|---|---|",
    ]
    for fmt, (pages, ours, floor) in totals.items():
        if pages:
            lines.append(f"| {fmt} | {pages} | {ours:.2f} | {floor:.2f} | {pages / ours:.1f} | {ours / floor:.1f}× |")
    lines += [
        "",
        "DOCX has no pages of its own: the page count is Word's last count from `docProps/app.xml` "
        "where present, else 1.",
        "",
        "## Against general converters, on the seed report (9 pages)",
        "",
        "Peers' figures come from `../shared/design/peers-measured.md` (same seed files, median of 9 "
        "runs in process, import excluded), ours from the table above; measured in different runs, "
        "so read them as orders of magnitude.",
        "",
        "| tool | format | ms per document | what it gives |",
        "|---|---|---|---|",
        *peer_rows(per_file),
        "",
        "## Batches (`extract.batch`, OCR off)",
        "",
        "The text-layer corpus copied N times. Each file runs in a forked child with time and memory "
        "limits; peak RSS per worker is the worker process plus its children, sampled every 50 ms.",
        "",
        "| copies | files | pages | workers | seconds | files/s | pages/s | peak RSS per worker MB | main process MB | errors |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *batch_rows,
        "",
        "## Extractors over the whole text-layer corpus",
        "",
        "| extractor | characters | seconds | characters/s |",
        "|---|---|---|---|",
        *ext_rows,
    ]
    if not args.no_ocr:
        print("OCR and .doc …", file=sys.stderr)
        ocr, share = ocr_rows()
        lines += [
            "",
            "## OCR (Tesseract `vie`)",
            "",
            "One page of each scanned corpus PDF; `s/page` is one Tesseract process on one page.",
            "",
            "| file | pages | dpi | s/page | mean confidence |",
            "|---|---|---|---|---|",
            *ocr,
            "",
            "Share of OCR in parsing a whole scanned file:",
            "",
            "| file | pages | parse seconds | OCR seconds | OCR share |",
            "|---|---|---|---|---|",
            *share,
            "",
            "## Old .doc through LibreOffice",
            "",
            "| file | seconds | result |",
            "|---|---|---|",
            *legacy_rows(),
        ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
