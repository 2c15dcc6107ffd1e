"""Measure vnreport's speed and memory on the shared corpus; write docs/benchmarks.md.

    python scripts/bench.py                 # everything, a few minutes on 2 cores
    python scripts/bench.py --copies 1 4    # batch sizes, in copies of the corpus
    python scripts/bench.py --no-ocr        # skip the OCR and .doc parts
    python scripts/bench.py --no-batch      # skip the batch runs
    python scripts/bench.py --peer docling=/tmp/peers-docling/bin/python \
                            --peer unstructured=/tmp/peers-unstructured/bin/python

The peers (docling, unstructured) are measured only where they are installed, each in a
virtual environment of its own outside the project (never in its dependencies):

    python3 -m venv /tmp/peers-docling
    /tmp/peers-docling/bin/pip install torch torchvision docling   # CPU wheels
    python3 -m venv /tmp/peers-unstructured
    /tmp/peers-unstructured/bin/pip install "unstructured[docx,pdf]"

Not a test: numbers depend on the machine. Each figure is a median of repeated
runs where a run is short. The floor is raw text extraction of the same files
(pypdfium2 for PDF, python-docx paragraph text for DOCX): what any tool must pay
just to get the characters out, so "× floor" says what structure costs on top.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
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


def median_seconds(func, repeat: int, clock=time.process_time) -> float:
    """Median of ``repeat`` runs after a warm-up (imports, models, regexes): CPU seconds of this
    process, or the wall clock's for a step whose work runs in other processes (OCR, LibreOffice)."""
    func()
    times = []
    for _ in range(repeat):
        forget_phrases()
        start = clock()
        func()
        times.append(clock() - start)
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


def floor_call(path: Path):
    """Raw text extraction of ``path``: what any tool pays just to get the characters out."""
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
    return run


def paired_cpu_seconds(ours, floor, rounds: int = 3) -> tuple[float, float]:
    """Median CPU seconds of ``ours`` and ``floor``, run in turn (ours, floor, ours, floor …)
    after a warm-up of each: a machine that slows down during the run slows both alike, and
    CPU time leaves out the time other processes held the processor."""
    ours(), floor()
    a, b = [], []
    for _ in range(rounds):
        forget_phrases()
        start = time.process_time()
        ours()
        a.append(time.process_time() - start)
        start = time.process_time()
        floor()
        b.append(time.process_time() - start)
    return statistics.median(a), statistics.median(b)


def parse_table(files: list[Path]) -> tuple[list[str], dict, dict]:
    """Our parse against the floor, file by file, in CPU seconds."""
    parse = parse_in_process

    rows, totals = [], {"pdf": [0, 0.0, 0.0], "docx": [0, 0.0, 0.0]}
    per_file: dict[str, float] = {}
    for path in files:
        pages = parse(path).source.pages or 1
        ours, floor = paired_cpu_seconds(lambda: parse(path), floor_call(path))
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


# The steps of one parse, in the order the pipeline runs them (see extract/pipeline.py)
STAGES = ("read", "repair", "structure", "metadata", "citations", "indicators")


def stage_seconds(path: Path) -> dict[str, float]:
    """CPU seconds of each step of one parse of ``path``."""
    from extract import citations, indicators
    from extract.metadata import extract_metadata
    from extract.pipeline import repair_text
    from extract.readers import read
    from extract.structure import build

    forget_phrases()
    data = path.read_bytes()
    clock, out = time.process_time(), {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.process_time()
        out[stage], clock = now - clock, now

    doc = read(data, str(path))
    lap("read")
    repair_text(doc)
    lap("repair")
    skeleton = build(doc)
    lap("structure")
    metadata = extract_metadata(skeleton)
    lap("metadata")
    citations.extract(skeleton, metadata)
    lap("citations")
    indicators.extract(skeleton, metadata)
    lap("indicators")
    return out


def stage_rows(files: list[Path], totals: dict) -> tuple[list[str], list[str]]:
    """Where a parse spends its time, per format, in multiples of the floor over the same files
    (the floor from :func:`parse_table`'s run): what each step would have to shed for the whole
    to come near the floor. Also one sentence per format on the largest step."""
    rows, said = [], []
    for fmt in ("docx", "pdf"):
        ours = [p for p in files if p.suffix == f".{fmt}"]
        if not ours or not totals[fmt][2]:
            continue
        for path in ours:  # warm-up: first-call costs (tables, models) are not a step's own
            stage_seconds(path)
        spent = dict.fromkeys(STAGES, 0.0)
        for path in ours:
            runs = [stage_seconds(path) for _ in range(3)]
            for stage in STAGES:
                spent[stage] += statistics.median(r[stage] for r in runs)
        whole = sum(spent.values())
        top = max(spent, key=spent.get)
        said.append(
            f"{fmt.upper()}: the steps add up to {whole / totals[fmt][2]:.1f}× the floor; {top} alone is "
            f"{spent[top] / totals[fmt][2]:.1f}× ({100 * spent[top] / whole:.0f}%), the other steps together "
            f"{(whole - spent[top]) / totals[fmt][2]:.1f}×."
        )
        rows += [
            f"| {fmt} | {stage} | {spent[stage]:.2f} | {100 * spent[stage] / whole:.0f}% | "
            f"{spent[stage] / totals[fmt][2]:.2f}× |"
            for stage in STAGES
        ]
    return rows, said


SAMPLE = ROOT / "corpora" / "samples" / "bao-cao-6-thang-2021.docx"


def _process_seconds(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process, from its start to its exit."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"{' '.join(command)} exited {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def start_rows(runs: int = 7) -> tuple[list[str], str]:
    """The first JSON of one small file, whole process: ``vnreport parse`` of the shipped sample
    against ``python -c "import docx"`` (what any DOCX tool pays before reading a byte), run in
    turn; and the bar, 2× that plus our warm parse."""
    parse = parse_in_process

    commands = {
        'python -c "import docx"': [sys.executable, "-c", "import docx"],
        "vnreport --help": [sys.executable, "-m", "extract.cli", "--help"],
        "vnreport parse (the sample)": [sys.executable, "-m", "extract.cli", "parse", str(SAMPLE)],
        "of which underthesea: import, POS models, one tag": [
            sys.executable, "-c", "from extract import nlp; nlp.pos_tag('Đã tiếp nhận 5 gian hàng')"],
    }
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for name, command in commands.items():
        _process_seconds(command)  # warm-up: the file cache
    for _ in range(runs):
        for name, command in commands.items():
            measured[name].append(_process_seconds(command))
    warm = median_seconds(lambda: parse(SAMPLE), 5)
    wall = {name: statistics.median(w for w, _ in m) for name, m in measured.items()}
    cpu = {name: statistics.median(c for _, c in m) for name, m in measured.items()}
    rows = [f"| {name} | {wall[name]:.2f} | {cpu[name]:.2f} |" for name in commands]
    rows.append(f"| warm parse of the sample, in process | {warm:.3f} | |")
    bar = {k: 2 * v['python -c "import docx"'] + warm for k, v in (("wall", wall), ("cpu", cpu))}
    ours = {"wall": wall["vnreport parse (the sample)"], "cpu": cpu["vnreport parse (the sample)"]}
    verdict = (
        f"Bar (2× `import docx` + the warm parse): {bar['cpu']:.2f} s CPU, {bar['wall']:.2f} s wall; "
        f"`vnreport parse` takes {ours['cpu'] / bar['cpu']:.1f}× it in CPU, {ours['wall'] / bar['wall']:.1f}× in wall time."
    )
    return rows, verdict


def growth_rows(lengths: tuple[int, ...] = (10_000, 100_000, 1_000_000), budget: float = 30.0) -> list[str]:
    """CPU seconds of each step on each hostile shape (``scripts/growth.py``) at growing lengths,
    and the exponents between them. A length whose run would take over ``budget`` seconds, going
    by the growth so far, is not run."""
    import growth

    rows = []
    for step in growth.STEPS:
        for shape in growth.SHAPES:
            times: list[float] = []
            for n in lengths:
                rate = times[-1] / times[-2] if len(times) > 1 else 10
                if times and times[-1] * rate > budget:
                    break
                times.append(growth.seconds(step, shape, n, repeat=1 if n >= 100_000 else 3))
            cells = [f"{t:.3f}" for t in times] + [f"not run (~{times[-1] * (times[-1] / times[-2] if len(times) > 1 else 10):.0f} s)"] * (len(lengths) - len(times))
            exponents = [f"{growth.exponent(a, b):.2f}" for a, b in zip(times, times[1:])]
            exponents += ["–"] * (len(lengths) - 1 - len(exponents))
            rows.append(f"| {step} | {shape} | {' | '.join(cells)} | {' | '.join(exponents)} |")
    return rows


def _per_page(seconds: float, floor: float) -> str:
    return f"{1000 * seconds:.1f} ({seconds / floor:.1f}×)"


def peer_table(files: list[Path], pythons: dict[str, str], per_file: dict[str, float], totals: dict) -> list[str]:
    """docling and unstructured on the same files, each in its own virtual environment (never the
    project's): ``scripts/peers.py`` run with that environment's Python prints what each file cost
    it. Our figures come from :func:`parse_table` in this run."""
    results: dict[tuple[str, str], dict] = {}
    for tool, python in pythons.items():
        out = subprocess.run(
            [python, str(ROOT / "scripts" / "peers.py"), tool, *map(str, files)],
            capture_output=True, text=True, cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"},
        )
        for line in out.stdout.splitlines():
            if line.startswith("{"):
                record = json.loads(line)
                results[(tool, record["file"])] = record
        if out.returncode:
            print(f"{tool}: {out.stderr.strip().splitlines()[-1:] or out.returncode}", file=sys.stderr)
    parse = parse_in_process

    rows = []
    for fmt in ("docx", "pdf"):
        ours = [p for p in files if p.suffix == f".{fmt}"]
        pages = {p.name: parse(p).source.pages or 1 for p in ours}
        total_pages = sum(pages.values())
        floor = totals[fmt][2] / total_pages
        cells = [f"{1000 * floor:.1f}", _per_page(sum(per_file[p.name] for p in ours) / total_pages, floor)]
        for tool in pythons:
            done = [results[(tool, p.name)] for p in ours if (tool, p.name) in results]
            ok = [r for r in done if r.get("seconds") is not None]
            ok_pages = sum(pages[r["file"]] for r in ok)
            if not ok:
                reason = done[0].get("error", "no result") if done else "no result"
                cells.append(f"failed: {reason}")
                continue
            note = f" ({len(done) - len(ok)} of {len(done)} failed)" if len(ok) < len(done) else ""
            cells.append(_per_page(sum(r["seconds"] for r in ok) / ok_pages, floor) + note)
        rows.append(f"| {fmt} | {len(ours)} | {total_pages} | {' | '.join(cells)} |")
    return rows


# What each peer gives on the seed report (9 numbered headings: I–IV, 1–2 under III, 1–3 under
# IV), from the study that first ran them offline here; the timings above are this run's own.
PEER_OUTPUT = [
    ("docling, MsWord backend", "docx", "7 of 9 headings (from Word's heading styles), 3 at the right level; no citations or figures"),
    ("docling, NativePdfPipeline (its only offline PDF path)", "pdf", "one item per line: no headings or reading order"),
    ("unstructured, `partition_docx`", "docx", "7 of 9 headings, levels from the styles; needs a spaCy model it downloads"),
    ("unstructured, `partition_pdf` `fast`", "pdf", "flat tree, 5 false titles; stock, without network: 0 elements and no error"),
]


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
        total = median_seconds(lambda: parse(path), 3, time.perf_counter)
        ocr = median_seconds(lambda: ocr_timing(path), 3, time.perf_counter)
        # two separate measurements: a share near 100% can come out a little over it
        share.append(f"| {path.name} | {pages} | {total:.1f} | {ocr:.1f} | {min(100, round(100 * ocr / total))}% |")
    return rows, share


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children (Tesseract runs)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def ocr_overhead_rows(files: int = 3, repeats: int = 3) -> list[str]:
    """Reading one scanned page through vnreport against Tesseract alone on the same
    page image (rendered at the reader's dpi, as a PGM): CPU seconds, median of runs.
    The bar (issue 16) is Tesseract's own time + 10 %."""
    import pypdfium2 as pdfium

    from extract.readers import ReadOptions
    from extract.readers.ocr import DPI, LANGUAGE, ocr_pdf_pages, require_tesseract

    rows = []
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    for path in scanned_files()[:files]:
        data = path.read_bytes()
        with tempfile.TemporaryDirectory() as work:
            image = Path(work) / "page.pgm"
            pdfium.PdfDocument(data)[0].render(scale=DPI / 72, grayscale=True).to_pil().save(image)
            command = [require_tesseract(), str(image), "stdout", "-l", LANGUAGE, "--psm", "3", "--dpi", str(DPI), "hocr"]

            def alone():
                subprocess.run(command, capture_output=True, check=True, env=env)

            floor = statistics.median(_cpu_of(alone) for _ in range(repeats))
        ours = statistics.median(_cpu_of(lambda: ocr_pdf_pages(data, path.name, [1], ReadOptions())) for _ in range(repeats))
        rows.append(f"| {path.name} | {floor:.2f} | {ours:.2f} | {ours / floor:.2f}× |")
    return rows


def _cpu_of(call) -> float:
    start = cpu_seconds()
    call()
    return cpu_seconds() - start


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
    parser.add_argument("--ocr-overhead", action="store_true",
                        help="only print the OCR overhead table (a page through vnreport vs Tesseract alone)")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch runs (minutes on 2 cores)")
    parser.add_argument(
        "--peer", action="append", default=[], metavar="TOOL=PYTHON",
        help="a peer's Python, in a virtual environment of its own: docling=/tmp/peers-docling/bin/python",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--batch-only", action="store_true",
                        help="only the batch part (sizes, workers, worker start), printed instead of written")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at VNREPORT_CORPUS={CORPUS}", file=sys.stderr)
        return 2
    pythons = dict(peer.split("=", 1) for peer in args.peer)
    if args.ocr_overhead:
        print("| file | Tesseract alone | vnreport | ratio |\n|---|---|---|---|")
        print("\n".join(ocr_overhead_rows()))
        return 0

    files = text_layer_files()
    if args.batch_only:
        rows, speedups = batch_table(files, args.copies, args.workers)
        print("\n".join([*rows, "", *speedups, "", *worker_start_rows()]))
        return 0
    print("start time …", file=sys.stderr)
    start, start_verdict = start_rows()
    print(f"parsing {len(files)} files one by one …", file=sys.stderr)
    parse_rows, totals, per_file = parse_table(files)
    stages, stages_said = stage_rows(files, totals)
    print(f"peers: {', '.join(pythons) or 'none given'} …", file=sys.stderr)
    peers = peer_table(files, pythons, per_file, totals)
    print("growth on hostile texts …", file=sys.stderr)
    growth = growth_rows()
    batch_rows, speedup_rows, worker_rows = [], [], []
    if not args.no_batch:
        print("batch runs …", file=sys.stderr)
        batch_rows, speedup_rows = batch_table(files, args.copies, args.workers)
        worker_rows = worker_start_rows()
    print("extractors …", file=sys.stderr)
    ext_rows = extractor_rows(corpus_texts(files))

    cpu = platform.processor() or platform.machine()
    bars = {"pdf": 3, "docx": 4}
    lines = [
        "# Benchmarks",
        "",
        f"Made by `python scripts/bench.py` on {time.strftime('%Y-%m-%d')}: {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 1024**3:.0f} GiB, {cpu}, Python {platform.python_version()}. "
        "Times are CPU seconds (the machine may be shared: CPU time leaves out what other processes "
        "took), medians of 3 runs after a warm-up unless said otherwise, with underthesea's per-phrase "
        "caches emptied before each run (a batch meets every phrase once). Not a test: rerun it on your machine.",
        "",
        "## Start: the first JSON of one small file",
        "",
        "Whole processes, from start to exit, each run 7 times in turn after a warm-up; medians.",
        "",
        "| command | wall s | CPU s |",
        "|---|---|---|",
        *start,
        "",
        start_verdict,
        "",
        "## One file at a time, in process",
        "",
        "The floor is raw text extraction of the same file: pypdfium2 `get_text_range` for PDF, "
        "python-docx paragraph text for DOCX. `× floor` is our full parse (reader, structure, "
        "metadata, citations, indicators) over that floor, the two run in turn.",
        "",
        "| file | pages | ms/doc | ms/page | pages/s | floor ms/page | × floor |",
        "|---|---|---|---|---|---|---|",
        *parse_rows,
        "",
        "| format | pages | our seconds | floor seconds | pages/s | × floor | bar |",
        "|---|---|---|---|---|---|---|",
    ]
    for fmt, (pages, ours, floor) in totals.items():
        if pages:
            lines.append(f"| {fmt} | {pages} | {ours:.2f} | {floor:.2f} | {pages / ours:.1f} | "
                         f"{ours / floor:.1f}× | ≤ {bars[fmt]}× |")
    lines += [
        "",
        "DOCX has no pages of its own: the page count is Word's last count from `docProps/app.xml` "
        "where present, else 1.",
        "",
        "### Where a parse spends its time",
        "",
        "Each step of the pipeline timed on its own over the same files; `× floor` is the step's "
        "seconds over the format's floor seconds above.",
        "",
        "| format | step | seconds | share | × floor |",
        "|---|---|---|---|---|",
        *stages,
        "",
        *[f"{line}  " for line in stages_said],
        "",
        "## Beside docling and unstructured, on the same files",
        "",
        "CPU milliseconds per page over the text-layer corpus, and in multiples of the floor; each peer runs in a virtual "
        "environment of its own with `HF_HUB_OFFLINE=1` (`scripts/peers.py` says how each is called). "
        "A peer that did not install here has no column.",
        "",
        f"| format | files | pages | floor | vnreport | {' | '.join(pythons)} |",
        f"|---|---|---|---|---|{'---|' * len(pythons)}",
        *peers,
        "",
        "What each gives on the seed report (its 9 numbered headings), from the study that first ran them offline:",
        "",
        "| tool | format | what it gives |",
        "|---|---|---|",
        "| **vnreport** | docx, pdf | the 9-heading tree right, metadata, citations, indicators |",
        *[f"| {tool} | {fmt} | {gives} |" for tool, fmt, gives in PEER_OUTPUT],
        "",
        "## Growth on hostile texts",
        "",
        "CPU seconds on texts of 10k, 100k and 1M characters of one shape each (`scripts/growth.py`); "
        "the exponent is log10 of the time ratio for 10× the text: 1 is linear, 2 quadratic, the "
        "bar is 1.2. A length the growth so far says would take over half a minute is not run. "
        "`parse .txt` includes `find_indicators`.",
        "",
        "| step | shape | 10k s | 100k s | 1M s | exponent 10k→100k | exponent 100k→1M |",
        "|---|---|---|---|---|---|---|",
        *growth,
    ]
    if batch_rows:
        lines += [
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
            *worker_rows,
        ]
    lines += [
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
        overhead = ocr_overhead_rows()
        lines += [
            "",
            "## OCR (Tesseract `vie`)",
            "",
            "One page of each scanned corpus PDF; `s/page` is one Tesseract process on one page (wall seconds).",
            "",
            "| file | pages | dpi | s/page | mean confidence |",
            "|---|---|---|---|---|",
            *ocr,
            "",
            "Share of OCR in parsing a whole scanned file (wall seconds):",
            "",
            "| file | pages | parse seconds | OCR seconds | OCR share |",
            "|---|---|---|---|---|",
            *share,
            "",
            "Page 1 through vnreport's OCR reader against Tesseract alone on the same page image "
            "(CPU seconds, the Tesseract child included; the bar is Tesseract + 10 %):",
            "",
            "| file | Tesseract alone | vnreport | ratio |",
            "|---|---|---|---|",
            *overhead,
            "",
            "## Old .doc through LibreOffice",
            "",
            "Wall seconds of one parse, LibreOffice's conversion included.",
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
