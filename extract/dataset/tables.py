"""The dataset's tables: JSON lines → Parquet (pyarrow) → one DuckDB database.

One row per item, the report's ``sha256`` as the join key everywhere: ``reports``
and the finding tables hold one row per distinct content, ``files`` one row per
input path (two copies of a report are two ``files`` rows, one report). Rows are
written in (sha256, path) order, so the same inputs give byte-identical Parquet
files whichever scheduler produced the journal. Reading is streamed in batches:
memory stays flat however large the dataset grows.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import msgspec
import pyarrow as pa
import pyarrow.parquet as pq

from extract.dataset.journal import read_lines
from extract.outputs import replacing

BATCH = 256  # reports per Parquet row group

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

SCHEMAS: dict[str, pa.Schema] = {
    "reports": pa.schema([
        ("sha256", S), ("path", S), ("format", S), ("pages", I), ("ocr", B), ("encoding_repaired", S),
        ("doc_type", S), ("symbol", S), ("agency", S), ("parent_agency", S), ("place", S), ("date", S),
        ("title", S), ("period_label", S), ("period_start", S), ("period_end", S),
        ("signer_name", S), ("signer_title", S), ("signer_authority", S), ("recipients", pa.list_(S)),
        ("n_sections", I), ("n_citations", I), ("n_indicators", I), ("warnings", pa.list_(S)),
    ]),
    "sections": pa.schema([
        ("sha256", S), ("id", S), ("parent_id", S), ("label", S), ("number", S), ("level", I),
        ("title", S), ("span_start", I), ("span_end", I), ("page", I),
    ]),
    "citations": pa.schema([
        ("sha256", S), ("id", S), ("text", S), ("form", S), ("doc_type", S), ("type_code", S),
        ("number", S), ("year", I), ("symbol", S), ("issuer_code", S), ("issuer", S), ("date", S),
        ("subject", S), ("term", S), ("key", S), ("refers_to", S), ("section", S),
        ("span_start", I), ("span_end", I), ("page", I),
    ]),
    "indicators": pa.schema([
        ("sha256", S), ("id", S), ("text", S), ("label", S), ("kind", S), ("value", F), ("unit", S),
        ("numerator", F), ("denominator", F), ("direction", S), ("baseline", S), ("period", S),
        ("section", S), ("span_start", I), ("span_end", I), ("page", I),
        # schema 1.1: value and unit as printed ("tỷ đồng"), base_value in base_unit ("đồng") to compare by
        ("base_value", F), ("base_unit", S), ("role", S),
    ]),
    "errors": pa.schema([("sha256", S), ("path", S), ("error_type", S), ("message", S)]),
    # every input path read, copies included: which report (by sha256) each one is
    "files": pa.schema([("path", S), ("size", I), ("mtime", pa.timestamp("us", tz="UTC")), ("sha256", S)]),
    # inputs that are not read: not report files, FIFOs, devices, links out of the roots …
    "skipped": pa.schema([("path", S), ("reason", S)]),
}


def report_rows(report: dict) -> dict[str, list[dict]]:
    """Flatten one report JSON (as a dict) into rows of the four report tables."""
    sha = report["source"]["sha256"]
    meta = report.get("metadata") or {}
    period = meta.get("period") or {}
    signer = meta.get("signer") or {}
    sections: list[dict] = []

    def walk(nodes: list[dict], parent: str | None) -> None:
        for node in nodes:
            span = node.get("span") or (None, None)
            sections.append({
                "sha256": sha, "id": node["id"], "parent_id": parent, "label": node.get("label"),
                "number": node.get("number"), "level": node.get("level"), "title": node.get("title"),
                "span_start": span[0], "span_end": span[1], "page": node.get("page"),
            })
            walk(node.get("children") or [], node["id"])

    walk(report.get("sections") or [], None)
    source = report["source"]
    return {
        "reports": [{
            "sha256": sha, "path": source.get("path"), "format": source.get("format"),
            "pages": source.get("pages"), "ocr": source.get("ocr"),
            "encoding_repaired": source.get("encoding_repaired"),
            **{k: meta.get(k) for k in ("doc_type", "symbol", "agency", "parent_agency", "place", "date", "title")},
            "period_label": period.get("label"), "period_start": period.get("start"),
            "period_end": period.get("end"), "signer_name": signer.get("name"),
            "signer_title": signer.get("title"), "signer_authority": signer.get("authority"),
            "recipients": meta.get("recipients") or [], "n_sections": len(sections),
            "n_citations": len(report.get("citations") or []),
            "n_indicators": len(report.get("indicators") or []), "warnings": report.get("warnings") or [],
        }],
        "sections": sections,
        "citations": [_with_span(sha, c, SCHEMAS["citations"]) for c in report.get("citations") or []],
        "indicators": [_with_span(sha, i, SCHEMAS["indicators"]) for i in report.get("indicators") or []],
    }


def _with_span(sha: str, item: dict, schema: pa.Schema) -> dict:
    span = item.get("span") or (None, None)
    row = {name: item.get(name) for name in schema.names}
    row.update(sha256=sha, span_start=span[0], span_end=span[1])
    return row


def _sorted_records(path: Path, *, one_per_sha256: bool = False) -> Iterator[bytes]:
    """Journal lines in (sha256, path) order, holding only keys and offsets in memory;
    ``one_per_sha256``: only the first line of each content (a journal written before
    copies were told apart may hold one report per copy)."""
    if not path.exists():
        return
    keys: list[tuple[str, str, int, int]] = []
    with open(path, "rb") as f:
        offset = 0
        for line in f:
            if line.endswith(b"\n") and line.strip():
                head = msgspec.json.decode(line, type=_KeyOnly)
                keys.append((head.source.sha256 if head.source else head.sha256 or "",
                             head.source.path if head.source else head.path or "", offset, len(line)))
            offset += len(line)
        keys.sort()
        previous = None
        for sha, _, start, length in keys:
            if one_per_sha256 and sha == previous:
                continue
            previous = sha
            f.seek(start)
            yield f.read(length).rstrip(b"\n")


class _SourceKey(msgspec.Struct):
    sha256: str = ""
    path: str = ""


class _KeyOnly(msgspec.Struct):
    source: _SourceKey | None = None
    sha256: str | None = None
    path: str | None = None


class _TableWriters:
    """Parquet writers that write under temporary names and rename on close: a table is
    the old one or the new one, never half written (a full disk, a killed run)."""

    def __init__(self, out: Path, names: list[str]):
        self.out = out
        self.buffers: dict[str, list[dict]] = {name: [] for name in names}
        self.writers: dict[str, tuple[pq.ParquetWriter, object]] = {}

    def add(self, name: str, rows: list[dict]) -> None:
        self.buffers[name].extend(rows)

    def flush(self) -> None:
        for name, rows in self.buffers.items():
            if rows:
                self._writer(name).write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[name]))
                rows.clear()

    def _writer(self, name: str) -> pq.ParquetWriter:
        if name not in self.writers:
            target = replacing(self.out / f"{name}.parquet")
            tmp = target.__enter__()
            try:
                writer = pq.ParquetWriter(tmp, SCHEMAS[name], compression="zstd")
            except BaseException as err:
                target.__exit__(type(err), err, err.__traceback__)
                raise
            self.writers[name] = (writer, target)
        return self.writers[name][0]

    def close(self) -> None:
        try:
            self.flush()
            for name in self.buffers:
                self._writer(name)  # an empty table still gets its file, with its schema
            for writer, _ in self.writers.values():
                writer.close()
        except BaseException as err:
            for writer, target in self.writers.values():
                try:
                    writer.close()
                except Exception:  # noqa: BLE001 - the first failure is the one reported
                    pass
                target.__exit__(type(err), err, err.__traceback__)
            raise
        for _, target in self.writers.values():
            target.__exit__(None, None, None)


def write_parquet(out: Path) -> None:
    """(Re)build the Parquet tables from ``reports.jsonl``, ``errors.jsonl`` and ``skipped.jsonl``."""
    writers = _TableWriters(out, ["reports", "sections", "citations", "indicators"])
    for n, line in enumerate(_sorted_records(out / "reports.jsonl", one_per_sha256=True), 1):
        for name, rows in report_rows(msgspec.json.decode(line)).items():
            writers.add(name, rows)
        if n % BATCH == 0:
            writers.flush()
    writers.close()
    for name in ("errors", "skipped", "files"):
        table = _TableWriters(out, [name])
        for line in _sorted_records(out / f"{name}.jsonl", one_per_sha256=name == "errors"):
            row = msgspec.json.decode(line)
            if name == "files":
                row["mtime"] = datetime.fromtimestamp(row["mtime"], timezone.utc)
            table.add(name, [row])
        table.close()


VIEWS = {
    # Every mention of one cited document, across all reports: WHERE key = 'CT|8|TU'
    "citation_mentions": """
        SELECT c.key, c.symbol, c.doc_type, c.form, c.date AS cited_date, c.issuer, c.text,
               r.agency, r.date AS report_date, r.period_label, r.period_start, r.period_end, r.path,
               c.section, c.sha256
        FROM citations c JOIN reports r USING (sha256)""",
    # One row per cited document: how many reports cite it, first and last report date (a draft's
    # blank date line gives way to the end of its period), first and last period citing it
    "citations_by_key": """
        SELECT key, any_value(doc_type) AS doc_type, any_value(symbol) AS symbol,
               count(DISTINCT sha256) AS reports, count(*) AS mentions,
               min(coalesce(report_date, period_end)) AS first_report,
               max(coalesce(report_date, period_end)) AS last_report,
               min(period_start) AS first_period, max(period_end) AS last_period
        FROM citation_mentions WHERE key IS NOT NULL GROUP BY key""",
    # Each report with the input paths that hold it (a draft and its sent copy, one file in two folders)
    "report_copies": """
        SELECT r.sha256, r.path, count(f.path) AS copies, list(f.path ORDER BY f.path) AS paths
        FROM reports r LEFT JOIN files f USING (sha256) GROUP BY r.sha256, r.path""",
    # One agency's indicators by period: WHERE agency = 'Sở Công Thương' ORDER BY label, period_start.
    # value and unit as printed (21345, 'tỷ đồng'); compare across reports by base_value, base_unit
    # (2.1345e13, 'đồng'); role tells results from targets and a rule's thresholds.
    "agency_indicators": """
        SELECT r.agency, r.period_label, r.period_start, r.period_end, i.label, i.kind, i.value, i.unit,
               i.base_value, i.base_unit, i.role,
               i.numerator, i.denominator, i.direction, i.baseline, i.section, i.text, r.path, i.sha256
        FROM indicators i JOIN reports r USING (sha256)""",
}


def write_duckdb(out: Path) -> Path:
    """A DuckDB database holding the tables and the archivist's first views."""
    import duckdb

    target = out / "vnreport.duckdb"
    with replacing(target) as tmp:
        con = duckdb.connect(str(tmp))
        try:
            for name in SCHEMAS:
                parquet = (out / f"{name}.parquet").as_posix().replace("'", "''")
                con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet('{parquet}')")
            for name, sql in VIEWS.items():
                con.execute(f"CREATE VIEW {name} AS {sql}")
        finally:
            con.close()
    return target


def read_journal_keys(path: Path) -> set[str]:
    return {msgspec.json.decode(line, type=_KeyOnly).source.sha256 for line in read_lines(path)}
