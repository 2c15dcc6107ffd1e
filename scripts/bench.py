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


def parse_in_process(source, **kwargs):
    """The pipeline's own cost: ``extract.parse`` without its child process (see the batch
    section for what the default bounded parse adds)."""
    from extract.pipeline import parse

    return parse(source, timeout=None, memory_mb=None, **kwargs)


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
    parse = parse_in_process

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
    """Samples, every 50 ms, the processes a batch parses its files in.

    A batch forks each file's process from a warm forkserver (``extract.dataset.pool``).
    Per file process: peak RSS (which counts the pages it shares copy-on-write with the
    forkserver, once per process) and peak PSS (shared pages divided among the processes
    sharing them: what the machine pays per worker). The forkserver's own RSS is the
    warm base every worker starts from.
    """

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.main_peak = 0
        self.server_peak = 0
        self.rss: dict[int, int] = {}
        self.pss: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                self.main_peak = max(self.main_peak, me.memory_info().rss)
                servers = [p for p in me.children() if "forkserver" in " ".join(p.cmdline())]
            except psutil.Error:
                servers = []
            for server in servers:
                try:
                    self.server_peak = max(self.server_peak, server.memory_info().rss)
                    workers = server.children()
                except psutil.Error:
                    continue
                for worker in workers:
                    try:
                        tree = [worker, *worker.children(recursive=True)]
                        rss = sum(p.memory_info().rss for p in tree)
                        pss = worker.memory_full_info().pss + sum(p.memory_info().rss for p in tree[1:])
                    except psutil.Error:
                        continue
                    self.rss[worker.pid] = max(self.rss.get(worker.pid, 0), rss)
                    self.pss[worker.pid] = max(self.pss.get(worker.pid, 0), pss)
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def batch_table(files: list[Path], copies_list: list[int], workers_list: list[int]) -> tuple[list[str], list[str]]:
    """One row per (batch size, workers); then the speed-up of the most workers over one, per size."""
    from extract.dataset import Limits, batch

    rows, speedups = [], []
    for copies in copies_list:
        with tempfile.TemporaryDirectory(prefix="vnreport-bench-") as tmp:
            archive = Path(tmp) / "archive"
            for n in range(copies):
                folder = archive / f"copy{n}"
                folder.mkdir(parents=True)
                for path in files:  # copies, not hard links: a batch reads two links to one file once
                    shutil.copy(path, folder)
            rates = {}
            for workers in workers_list:
                out = Path(tmp) / f"ds-{workers}"
                with PeakMemory() as memory:
                    start = time.perf_counter()
                    summary = batch([archive], out, workers=workers, limits=Limits(ocr="never"))
                    seconds = time.perf_counter() - start
                shutil.rmtree(out)
                rates[workers] = summary.files / seconds
                mb = 1024**2
                rows.append(
                    f"| {copies} | {summary.files} | {summary.pages} | {workers} | {seconds:.1f} | "
                    f"{summary.files / seconds:.1f} | {summary.pages / seconds:.1f} | "
                    f"{statistics.median(memory.rss.values()) / mb:.0f} / {max(memory.rss.values()) / mb:.0f} | "
                    f"{statistics.median(memory.pss.values()) / mb:.0f} / {max(memory.pss.values()) / mb:.0f} | "
                    f"{memory.server_peak / mb:.0f} | {memory.main_peak / mb:.0f} | {summary.errors} |"
                )
            if len(rates) > 1:
                most = max(rates)
                speedups.append(f"| {copies} | {summary.files} | {most} | {rates[most] / rates[min(rates)]:.2f}× |")
    return rows, speedups


def worker_start_rows(samples: int = 20) -> list[str]:
    """How long a file's process takes to start: an empty one started and ended (an upper
    bound), forked from the batch's warm forkserver; and the forkserver's own start, once per
    batch (a fresh interpreter that imports and warms the pipeline), measured in a new process."""
    import subprocess

    from extract.dataset import pool

    context = pool._context()
    seconds = []
    for _ in range(samples + 1):
        process = context.Process(target=os.getpid, daemon=True)
        start = time.perf_counter()
        with pool._without_main_module():
            process.start()
        process.join()
        seconds.append(time.perf_counter() - start)
    rest = seconds[1:]  # the first request also starts the forkserver
    from extract.pipeline import parse

    seed = CORPUS / "seed" / "bao-cao-qcdc-6t-2021.docx"
    bounded = median_seconds(lambda: parse(seed), 9) - median_seconds(lambda: parse_in_process(seed), 9)
    code = ("import time, os; from extract.dataset import pool; c = pool._context(); t = time.perf_counter(); "
            "p = c.Process(target=os.getpid, daemon=True)\nwith pool._without_main_module(): p.start()\n"
            "p.join(); print(time.perf_counter() - t)")
    fresh = float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                 check=True).stdout.strip())
    return [
        f"| a file's process forked from the warm forkserver, started and ended (median of {samples}) | "
        f"{statistics.median(rest) * 1000:.1f} ms (max {max(rest) * 1000:.1f} ms) |",
        f"| the forkserver: interpreter, imports, warm-up parse, underthesea (once per batch) | {fresh:.2f} s |",
        f"| `extract.parse` bounded (the default) over in process, seed DOCX: fork and answer | "
        f"{bounded * 1000:.0f} ms |",
    ]


def corpus_texts(files: list[Path]) -> list[str]:
    parse = parse_in_process

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
    parse = parse_in_process
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
    parse = parse_in_process

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
    parser.add_argument("--batch-only", action="store_true",
                        help="only the batch part (sizes, workers, worker start), printed instead of written")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at VNREPORT_CORPUS={CORPUS}", file=sys.stderr)
        return 2

    files = text_layer_files()
    if args.batch_only:
        rows, speedups = batch_table(files, args.copies, args.workers)
        print("\n".join([*rows, "", *speedups, "", *worker_start_rows()]))
        return 0
    print(f"parsing {len(files)} files one by one …", file=sys.stderr)
    parse_rows, totals, per_file = parse_table(files)
    print("batch runs …", file=sys.stderr)
    batch_rows, speedup_rows = batch_table(files, args.copies, args.workers)
    start_rows = worker_start_rows()
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
        "The text-layer corpus copied N times. Each file runs in a process of its own, forked from a "
        "forkserver that imported and warmed the pipeline once (`extract.dataset.pool`), under the "
        "batch's time and memory limits. Sampled every 50 ms, per file process (median / max over "
        "the files): RSS counts the pages it shares copy-on-write with the forkserver, once in every "
        "process; PSS divides shared pages among the processes sharing them — what the machine "
        "pays per worker.",
        "",
        "| copies | files | pages | workers | seconds | files/s | pages/s | RSS per worker MB | PSS per worker MB | forkserver MB | main process MB | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *batch_rows,
        "",
        "| copies | files | workers | files/s over 1 worker |",
        "|---|---|---|---|",
        *speedup_rows,
        "",
        "Starting a worker:",
        "",
        "| what | time |",
        "|---|---|",
        *start_rows,
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
