"""Score ``vnreport compare``'s alignment against the hand-made gold in ``corpora/gold/alignment/``.

    python scripts/evaluate.py alignment [--doc NAME] [--gold DIR] [--json OUT] [-v]

Each gold file is one series of one agency's reports: ``files`` in period order, and
``pairs`` of figures from two periods, each figure given as printed with a little of its
sentence (``context``), and whether a person takes them for the same measure (``same``)::

    {"files": ["real/a.docx", "real/b.docx"],
     "pairs": [{"a": {"file": "real/a.docx", "figure": "2.725.227", "context": "…"},
                "b": {"file": "real/b.docx", "figure": "138.816", "context": "…"},
                "same": false, "why": "a 60-day campaign, not the running total"}]}

The series goes through ``extract.parse`` and :func:`extract.compare.compare`. A
predicted pair is two cells of one aligned row from consecutive files of the gold's
list. A gold figure is located by its context in the report's text, then the figure in
it, then the indicator whose span holds it. Precision is over the predicted pairs the
gold judges (same or not); recall over the gold's same pairs; a predicted pair the gold
does not judge is counted as unjudged, neither right nor wrong. Two readings: the
matches shown as a change (``certain``), and every match, the uncertain ones included
(``all``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import regex

from eval_common import CORPUS, ROOT, cell, document_path, gold_files, load_gold, ratio

GOLD = ROOT / "corpora" / "gold" / "alignment"


def _file(name: str) -> Path:
    """A gold file's document: ``real/x.docx`` under the corpus, a bare name in ``real/``, or a full path."""
    if Path(name).is_absolute():
        return Path(name)
    return document_path(name) if "/" in name else CORPUS / "real" / name


def _squash(text: str) -> tuple[str, list[int]]:
    """Text with runs of whitespace as one space, and each kept character's offset in the original."""
    out, offsets, space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space and out:
                out.append(" ")
                offsets.append(i)
            space = True
            continue
        space = False
        out.append(ch)
        offsets.append(i)
    return "".join(out), offsets


def locate(report, figure: str, context: str):
    """The indicator of ``report`` the gold's figure (as printed, within ``context``) is, or None."""
    from rapidfuzz import fuzz

    text, offsets = _squash(report.text)
    context, _ = _squash(context or "")
    figure = " ".join(figure.split())
    where = []
    if context:
        found = text.find(context)
        if found < 0:
            match = fuzz.partial_ratio_alignment(context, text)
            if match is not None and match.score >= 85:
                found = match.dest_start
        if found >= 0:
            inner = context.find(figure)
            start = found + inner if inner >= 0 else text.find(figure, found, found + len(context) + 40)
            if start >= 0:
                where.append(offsets[start])
    if not where:
        where = [offsets[m.start()] for m in regex.finditer(regex.escape(figure), text)]
        if len(where) != 1:
            where = []
    for at in where:
        for indicator in report.indicators:
            if indicator.span and indicator.span[0] <= at < indicator.span[1] and figure in indicator.text:
                return indicator
        for indicator in report.indicators:
            if indicator.span and indicator.span[0] - 2 <= at < indicator.span[1] + 2:
                return indicator
    candidates = [i for i in report.indicators if i.text.startswith(figure)]
    return candidates[0] if len(candidates) == 1 else None


def predicted_pairs(comparison, files: list[str]) -> dict[str, set]:
    """(file a, id a, file b, id b) of cells in one row from consecutive files: certain ones and all."""
    index = {Path(f).name: k for k, f in enumerate(files)}
    at_file = [Path(p.source).name for p in comparison.periods]
    certain, every = set(), set()
    for row in comparison.indicators:
        present = [(index.get(at_file[at]), at_file[at], c) for at, c in enumerate(row.cells) if c is not None]
        for (ka, fa, a), (kb, fb, b) in zip(present, present[1:]):
            if ka is None or kb is None or kb != ka + 1:
                continue
            pair = (fa, a.id, fb, b.id)
            every.add(pair)
            if not b.uncertain:
                certain.add(pair)
    return {"certain": certain, "all": every}


def score_series(gold: dict, verbose: bool = False) -> dict:
    import extract
    from extract.compare import compare

    files = gold["files"]
    reports = {Path(f).name: extract.parse(_file(f)) for f in files}
    comparison = compare(list(reports.values()))
    predicted = predicted_pairs(comparison, files)
    judged: dict[tuple, bool] = {}
    unlocated = []
    for pair in gold["pairs"]:
        a, b = pair["a"], pair["b"]
        ia = locate(reports[Path(a["file"]).name], a["figure"], a.get("context", ""))
        ib = locate(reports[Path(b["file"]).name], b["figure"], b.get("context", ""))
        if ia is None or ib is None:
            unlocated.append(pair)
            if pair["same"]:
                judged[("missing", a["figure"], b["figure"], len(unlocated))] = True  # a recall miss
            continue
        judged[(Path(a["file"]).name, ia.id, Path(b["file"]).name, ib.id)] = bool(pair["same"])
    out = {"pairs": len(gold["pairs"]), "same": sum(judged.values()), "unlocated": len(unlocated)}
    for reading, pairs in predicted.items():
        seen = [p for p in pairs if p in judged]
        right = sum(judged[p] for p in seen)
        out[reading] = {"predicted": len(pairs), "judged": len(seen), "right": right,
                        "unjudged": len(pairs) - len(seen),
                        "precision": ratio(right, len(seen)), "recall": ratio(right, out["same"])}
        if verbose:
            for p in sorted(seen):
                if not judged[p]:
                    print(f"  [{reading}] wrong match: {p}")
    if verbose:
        missed = [p for p, same in judged.items() if same and p not in predicted["all"]]
        for p in sorted(missed, key=str):
            print(f"  missed: {p}")
        for pair in unlocated:
            print(f"  not located: {pair['a']['figure']} / {pair['b']['figure']} ({pair['a']['file']})")
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="evaluate.py alignment", description=__doc__.split("\n")[0])
    parser.add_argument("--doc", help="only the gold files whose name contains this")
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold files")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("-v", "--verbose", action="store_true", help="list wrong, missed and unlocated pairs")
    args = parser.parse_args(argv)
    started = time.monotonic()
    results = {}
    for path in gold_files(args.gold, args.doc):
        if args.verbose:
            print(path.stem)
        results[path.stem] = score_series(load_gold(path), args.verbose)
    if not results:
        print(f"no gold files under {args.gold}", file=sys.stderr)
        return 1
    total = {"pairs": 0, "same": 0, "unlocated": 0}
    for reading in ("certain", "all"):
        total[reading] = {k: sum(r[reading][k] for r in results.values())
                          for k in ("predicted", "judged", "right", "unjudged")}
        total[reading]["precision"] = ratio(total[reading]["right"], total[reading]["judged"])
    for key in ("pairs", "same", "unlocated"):
        total[key] = sum(r[key] for r in results.values())
    for reading in ("certain", "all"):
        total[reading]["recall"] = ratio(total[reading]["right"], total["same"])
    results["all series"] = total
    print(f"{'series':22} {'reading':8} {'gold':>5} {'same':>5} {'unloc':>5} {'pred':>5} {'judged':>6} "
          f"{'unjudg':>6} {'P':>6} {'R':>6}")
    for name, r in results.items():
        for reading in ("certain", "all"):
            x = r[reading]
            print(f"{name:22} {reading:8} {r['pairs']:5} {r['same']:5} {r['unlocated']:5} {x['predicted']:5} "
                  f"{x['judged']:6} {x['unjudged']:6} {cell(x['precision']):>6} {cell(x['recall']):>6}")
    print(f"({time.monotonic() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0
