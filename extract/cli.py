"""The ``vnreport`` command: parse arguments, call the API, print. No logic lives here."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn Vietnamese administrative reports (DOCX, PDF, .doc, scans, text) into normalized JSON.",
)


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"vnreport: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def _one_line_errors(debug: bool):
    """A VnreportError, or a bug of ours, ends the command with one line, not a traceback
    (``--debug`` shows the traceback of a bug)."""
    from extract.errors import VnreportError

    try:
        yield
    except VnreportError as err:
        _fail(f"{type(err).__name__}: {err}")
    except Exception as err:
        if debug:
            raise
        _fail(f"internal error: {type(err).__name__}: {err} (rerun with --debug)")


def _version(value: bool) -> None:
    if value:
        from extract import __version__
        from extract.schema import SCHEMA_VERSION

        typer.echo(f"vnreport {__version__} (report schema {SCHEMA_VERSION})")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and the report schema's version, and exit."),
) -> None:
    """Turn Vietnamese administrative reports (DOCX, PDF, .doc, scans, text) into normalized JSON."""


def _target(output: str, file: Path, many: bool, suffix: str) -> Path:
    """Where one input's output goes: into a folder when ``-o`` names one (several inputs, an
    existing folder, or a name ending in ``/``), else the file ``-o`` names."""
    import os

    folder = Path(output)
    if many or output.endswith(("/", os.sep)) or folder.is_dir():
        return folder / f"{file.name}{suffix}"
    return folder


@app.command()
def parse(
    files: List[Path] = typer.Argument(..., help="Report files: .docx .pdf .doc .rtf .odt .txt .md .html"),
    output: Optional[str] = typer.Option(
        None, "-o", "--output",
        help="Write here: a file for one input, a folder (an existing one, or a name ending in /) "
             "for one or several (one FILE.json or FILE.md each). Default: stdout.",
    ),
    pretty: bool = typer.Option(False, "--pretty", help="Indent the JSON."),
    format: str = typer.Option("json", "--format", metavar="json|md",
                               help="json: the report JSON; md: the normalized text with # headings."),
    ocr: str = typer.Option(
        "auto", "--ocr", metavar="auto|always|never",
        help="auto: OCR pages without a usable text layer; always; never.",
    ),
    input_format: Optional[str] = typer.Option(
        None, "--from", help="Read as this format, not the detected one (docx, pdf, txt …)."),
    timeout: float = typer.Option(300.0, "--timeout", help="Seconds allowed per file."),
    memory_mb: int = typer.Option(2048, "--memory-mb", help="Memory a file's parse may own (its processes included), in MB."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an unexpected failure."),
) -> None:
    """Parse reports into the JSON contract (schema 1.1), or into Markdown."""
    from extract.errors import VnreportError
    from extract.outputs import atomic_write, output_error
    from extract.paths import shown
    from extract.pipeline import parse as parse_one

    if ocr not in ("auto", "always", "never"):
        _fail(f"--ocr must be auto, always or never, not {ocr!r}", 2)
    if format not in ("json", "md"):
        _fail(f"--format must be json or md, not {format!r}", 2)
    suffix = f".{format}"
    many = len(files) > 1
    if many and output and Path(output).suffix.lower() in (".json", ".md"):
        _fail(f"several inputs need -o to name a folder, not a {Path(output).suffix} file", 2)
    failures = 0
    for file in files:
        try:
            report = parse_one(file, input_format, ocr=ocr, timeout=timeout, memory_mb=memory_mb)
        except VnreportError as err:
            failures += 1
            typer.echo(f"vnreport: {type(err).__name__}: {err}", err=True)
            continue
        except Exception as err:  # a bug of ours: still one line per file, and go on
            if debug:
                raise
            failures += 1
            typer.echo(f"vnreport: internal error on {shown(file)}: {type(err).__name__}: {err} (rerun with --debug)",
                       err=True)
            continue
        if format == "md":
            from extract.markdown import to_markdown

            data = to_markdown(report).encode("utf-8")
        else:
            data = report.to_json(pretty=pretty) + b"\n"
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            continue
        target = _target(output, file, many, suffix)
        try:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise output_error(err, target.parent) from None
            atomic_write(target, data)
        except VnreportError as err:  # read-only folder, full disk, a name too long
            failures += 1
            typer.echo(f"vnreport: {type(err).__name__}: {err}", err=True)
    if failures:
        raise typer.Exit(1)


@app.command()
def review(
    file: Path = typer.Argument(..., help="A report file (.docx .pdf …) or its JSON (vnreport parse output)."),
    output: Path = typer.Option(Path("review.html"), "-o", "--output", help="The HTML page to write."),
    ocr: str = typer.Option("auto", "--ocr", metavar="auto|always|never", help="auto, always or never."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an unexpected failure."),
) -> None:
    """Write one self-contained HTML page showing what was found in the report's words."""
    from extract.outputs import atomic_write, output_error
    from extract.review import load_report, render_review

    if ocr not in ("auto", "always", "never"):
        _fail(f"--ocr must be auto, always or never, not {ocr!r}", 2)
    with _one_line_errors(debug):
        page = render_review(load_report(file, ocr=ocr)).encode("utf-8")
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise output_error(err, output.parent) from None
        atomic_write(output, page)
    typer.echo(f"{output}", err=True)


@app.command()
def batch(
    inputs: List[str] = typer.Argument(..., help="Folders, files or globs ('archive/**/*.pdf')."),
    output: Path = typer.Option(..., "-o", "--output", help="Dataset folder to write."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Processes on this machine (default: cores)."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler",
        help="Dask scheduler address: tls://host:8786 (with certificates) or tcp://host:8786 "
             "(no encryption, no authentication: a trusted network only).",
    ),
    tls_ca_file: Optional[str] = typer.Option(None, "--tls-ca-file", help="tls://: the cluster's CA certificate."),
    tls_cert: Optional[str] = typer.Option(None, "--tls-cert", help="tls://: this client's certificate."),
    tls_key: Optional[str] = typer.Option(None, "--tls-key", help="tls://: this client's private key."),
    resume: bool = typer.Option(False, "--resume", help="Skip files already in the dataset; retry errors."),
    follow_links: bool = typer.Option(False, "--follow-links", help="Follow symbolic links out of the given folders."),
    ocr: str = typer.Option("auto", "--ocr", metavar="auto|always|never", help="auto, always or never."),
    timeout: float = typer.Option(300.0, "--timeout", help="Seconds allowed per file."),
    memory_mb: int = typer.Option(2048, "--memory-mb", help="Memory a file's parse may own (its processes included), in MB."),
) -> None:
    """Parse many reports into a dataset: reports.jsonl, Parquet tables and vnreport.duckdb."""
    import time

    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from extract.dataset import Limits
    from extract.dataset import batch as run_batch
    from extract.errors import VnreportError
    from extract.paths import shown

    if ocr not in ("auto", "always", "never"):
        _fail(f"--ocr must be auto, always or never, not {ocr!r}", 2)
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TextColumn("[red]{task.fields[errors]} errors"),
        TimeRemainingColumn(), console=console, transient=False,
    )
    task = progress.add_task("batch", total=None, rate="", errors=0)
    started = time.monotonic()

    def on_start(total: int) -> None:
        progress.update(task, total=total)

    def on_result(outcome, summary) -> None:
        # The bar appears with the first file: a run refused at the start (locked folder,
        # no scheduler) prints its one line and nothing else.
        progress.start()
        elapsed = max(time.monotonic() - started, 1e-6)
        done = summary.reports + summary.errors
        progress.update(task, advance=1, errors=summary.errors,
                        rate=f"{done / elapsed:.1f} files/s {summary.pages / elapsed:.1f} pages/s")
        if not outcome.ok:
            progress.console.print(f"[red]{outcome.error_type}[/red]: {escape(outcome.message)}", highlight=False)

    try:
        security = None
        if tls_ca_file or tls_cert or tls_key:
            from extract.dataset.cluster import tls_security

            security = tls_security(tls_ca_file, tls_cert, tls_key)
        summary = run_batch(
            inputs, output, workers=workers, scheduler=scheduler, security=security, resume=resume,
            follow_links=follow_links, limits=Limits(timeout=timeout, memory=memory_mb * 1024**2, ocr=ocr),
            on_start=on_start, on_result=on_result,
        )
    except VnreportError as err:  # another run holds the folder, a full disk, no scheduler
        if progress.live.is_started:
            progress.stop()
        hint = "; fix that and rerun with --resume" if type(err).__name__ == "OutputError" else ""
        _fail(f"{type(err).__name__}: {err}{hint}")
    if progress.live.is_started:
        progress.stop()
    by_type = ", ".join(f"{k} {v}" for k, v in sorted(summary.errors_by_type.items())) or "none"
    console.print(
        f"{summary.files} files, {summary.pages} pages, {summary.reports} reports "
        f"({summary.resumed} from an earlier run), errors: {by_type}; "
        f"{len(summary.skipped)} skipped (listed in skipped.jsonl); {summary.seconds:.1f} s → {output}"
    )
    if summary.took_over_lock:
        console.print(f"[yellow]took over the lock of a run that ended without releasing it ({summary.took_over_lock})")
    for missing in summary.missing:
        console.print(f"[yellow]nothing matched {escape(shown(missing))}")
    if summary.interrupted:
        console.print("[yellow]interrupted: the dataset holds what was finished; rerun with --resume")
        raise typer.Exit(130)


@app.command()
def compare(
    files: Optional[List[Path]] = typer.Argument(
        None, help="Report JSON files (vnreport parse output), or report files to parse (.docx .pdf …)."),
    dataset: Optional[Path] = typer.Option(None, "--dataset", help="A folder written by vnreport batch."),
    agency: Optional[str] = typer.Option(
        None, "--agency", help='With --dataset: one agency, e.g. "Sở Công Thương". Without: each agency on its own.'),
    format: str = typer.Option("json", "--format", metavar="json|csv|html", help="json, csv or html (one self-contained page)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here. Default: stdout."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an unexpected failure."),
) -> None:
    """Line up one agency's reports across periods: indicators, citations, sections."""
    from extract.compare import compare as compare_reports
    from extract.compare import compare_by_agency, load_dataset, load_reports, write

    if format not in ("json", "csv", "html"):
        _fail(f"--format must be json, csv or html, not {format!r}", 2)
    if bool(files) == bool(dataset):
        _fail("give report files or --dataset DATASET, not both", 2)
    if agency and not dataset:
        _fail("--agency filters a --dataset", 2)
    with _one_line_errors(debug):
        reports = load_dataset(dataset, agency) if dataset else load_reports(files)
        if dataset and not agency:  # a dataset holds many agencies: each is compared on its own
            grouped = compare_by_agency(reports)
            data = write(grouped, format) if any(g.comparison for g in grouped.agencies) else None
        else:
            data = write(compare_reports(reports), format) if len(reports) > 1 else None
    if data is None:
        _fail(f"compare needs at least two reports, found {len(reports)}", 2)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report JSON."""
    import json

    from extract.schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
