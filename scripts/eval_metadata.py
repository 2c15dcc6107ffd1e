"""Score report metadata against the hand-made gold in ``corpora/gold/metadata/``.

    python scripts/evaluate.py metadata [--doc NAME] [--gold DIR] [--json OUT] [-v] [--write-docs]

Each gold file (``corpora/gold/CONVENTIONS.md``) gives one document's metadata as a reader
finds it. The document goes through ``extract.parse``; the seed's gold also scores its
.docx and .pdf renderings. Every field is scored on every document: a field is right when
the prediction equals the gold, both null included, so a field the document does not have
must stay empty. Per field the table gives that accuracy over the documents of a kind
(DOCX, old Word, text PDF, gazette PDF, scan, plain text) and over all of them.

How values are compared: ``date`` and ``signer.authority`` exactly (authority without
spaces); ``symbol`` without spaces, ignoring case (the codes of a số ký hiệu are printed
in capitals and mixed case alike: "QĐ-TTg", "QĐ-TTG"); names, places, types and titles
of a signer ignoring case, spacing, punctuation and tone-mark placement; ``title`` when
its letters agree to 90 % (rapidfuzz ratio), since a title wraps, loses a hyphen or a
quotation mark; ``signature.time`` to the second, offset included when both give one.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

import regex

from eval_common import ROOT, cell, file_kind, gold_files, load_gold, norm, parse, scored_documents

GOLD = ROOT / "corpora" / "gold" / "metadata"
DOCS = ROOT / "docs" / "accuracy.md"
KINDS = ("docx", "doc", "text", "text pdf", "gazette pdf", "scan")


def _symbol(value: str | None) -> str | None:
    if value is None:
        return None
    return regex.sub(r"\s+", "", value).replace("–", "-").replace("—", "-").replace("Ð", "Đ").casefold()


def _authority(value: str | None) -> str | None:
    return None if value is None else regex.sub(r"\s+", "", value)


def _title_equal(predicted: str | None, gold: str | None) -> bool:
    from rapidfuzz import fuzz

    if predicted is None or gold is None:
        return predicted is gold
    return fuzz.ratio(norm(predicted), norm(gold)) >= 90


def _instant(value: str | None):
    if value is None:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    return moment if moment.tzinfo else moment.replace(tzinfo=None)


def _time_equal(predicted: str | None, gold: str | None) -> bool:
    a, b = _instant(predicted), _instant(gold)
    if isinstance(a, datetime.datetime) and isinstance(b, datetime.datetime) and (a.tzinfo is None) != (b.tzinfo is None):
        return a.replace(tzinfo=None) == b.replace(tzinfo=None)
    return a == b


def _equal_by(key):
    return lambda predicted, gold: key(predicted) == key(gold)


# field → how a prediction is compared with the gold
FIELDS = {
    "doc_type": _equal_by(norm),
    "symbol": _equal_by(_symbol),
    "date": _equal_by(lambda v: v),
    "place": _equal_by(norm),
    "agency": _equal_by(norm),
    "parent_agency": _equal_by(norm),
    "title": _title_equal,
    "signer.name": _equal_by(norm),
    "signer.title": _equal_by(norm),
    "signer.authority": _equal_by(_authority),
    "signature.organisation": _equal_by(norm),
    "signature.time": _time_equal,
}


def _get(record: dict | None, dotted: str):
    value = record
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def predicted_fields(report) -> dict:
    """The scored fields of a report, as the gold writes them."""
    import msgspec

    data = msgspec.to_builtins(report)
    values = {"signer": data["metadata"].get("signer"), "signature": data["source"].get("signature")}
    values.update({k: v for k, v in data["metadata"].items() if k not in values})
    return {field: _get(values, field) for field in FIELDS}


def score_doc(gold_file: Path) -> list[dict]:
    gold = load_gold(gold_file)
    expected = {"signature": gold.get("signature"), **gold["metadata"]}
    rows = []
    for path in scored_documents(gold):
        started = time.perf_counter()
        try:
            report, error = parse(path), None
        except Exception as exc:  # a document that cannot be parsed scores nothing
            report, error = None, f"{type(exc).__name__}: {exc}"
        got = predicted_fields(report) if report is not None else dict.fromkeys(FIELDS)
        fields = {}
        for field, equal in FIELDS.items():
            want = _get(expected, field)
            fields[field] = {"gold": want, "predicted": got[field], "right": equal(got[field], want)}
        rows.append({
            "doc": path.name, "kind": file_kind(path, report, gold), "held_out": gold.get("held_out") or False,
            "error": error, "seconds": round(time.perf_counter() - started, 2), "fields": fields,
        })
    return rows


def table(rows: list[dict]) -> list[str]:
    kinds = [k for k in KINDS if any(r["kind"] == k for r in rows)]
    groups = [(k, [r for r in rows if r["kind"] == k]) for k in kinds] + [("all", rows)]
    head = "| field | " + " | ".join(f"{name} ({len(members)})" for name, members in groups) + " |"
    out = [head, "|---|" + "---:|" * len(groups)]
    for field in FIELDS:
        cells = []
        for _, members in groups:
            right = sum(r["fields"][field]["right"] for r in members)
            cells.append(f"{cell(right / len(members))} ({right}/{len(members)})")
        out.append(f"| {field} | " + " | ".join(cells) + " |")
    return out


def precision_recall(rows: list[dict]) -> list[str]:
    """Per field: precision over the values predicted, recall over the values the gold has."""
    out = ["| field | gold has | predicted | right | P | R |", "|---|---:|---:|---:|---:|---:|"]
    for field in FIELDS:
        has = [r["fields"][field] for r in rows]
        gold_n = sum(f["gold"] is not None for f in has)
        pred_n = sum(f["predicted"] is not None for f in has)
        right = sum(f["right"] and f["gold"] is not None for f in has)
        out.append(f"| {field} | {gold_n} | {pred_n} | {right} | {cell(right / pred_n if pred_n else None)} | "
                   f"{cell(right / gold_n if gold_n else None)} |")
    return out


def report_lines(rows: list[dict], verbose: bool) -> list[str]:
    out = ["Accuracy per field (right, both null included / documents):", "", *table(rows), "",
           *precision_recall(rows)]
    errors = [r for r in rows if r["error"]]
    if errors:
        out += ["", "Not parsed:", *(f"- {r['doc']}: {r['error']}" for r in errors)]
    if verbose:
        out.append("")
        for r in rows:
            wrong = {f: v for f, v in r["fields"].items() if not v["right"]}
            for field, v in wrong.items():
                out.append(f"{r['doc']} [{r['kind']}] {field}: gold {v['gold']!r} predicted {v['predicted']!r}")
    return out


def write_docs(rows: list[dict], header: str) -> None:
    """Replace the text between the metadata markers of docs/accuracy.md."""
    start_mark, end_mark = "<!-- metadata:generated:start -->", "<!-- metadata:generated:end -->"
    body = "\n".join([start_mark, header, "", *table(rows), "", *precision_recall(rows), end_mark])
    text = DOCS.read_text(encoding="utf-8")
    if start_mark in text:
        start, end = text.index(start_mark), text.index(end_mark) + len(end_mark)
        text = text[:start] + body + text[end:]
    else:
        text = text.rstrip("\n") + "\n\n## Metadata\n\n" + body + "\n"
    DOCS.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="evaluate.py metadata")
    ap.add_argument("--doc", help="score only gold files whose name contains this")
    ap.add_argument("--gold", type=Path, default=GOLD, help="folder of gold files (default corpora/gold/metadata)")
    ap.add_argument("--json", help="write per-document results here")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every wrong field")
    ap.add_argument("--write-docs", action="store_true", help="write the tables into docs/accuracy.md")
    args = ap.parse_args(argv)
    files = gold_files(args.gold, args.doc)
    if not files:
        print("no gold files", file=sys.stderr)
        return 2
    started = time.perf_counter()
    rows = [row for f in files for row in score_doc(f)]
    print("\n".join(report_lines(rows, args.verbose)))
    print(f"\n{len(rows)} documents, {time.perf_counter() - started:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write_docs:
        write_docs(rows, f"`python scripts/evaluate.py metadata --write-docs` — {len(files)} gold files, "
                         f"{len(rows)} documents scored through `extract.parse`.")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
