"""Score section trees against the hand-made gold in ``corpora/gold/sections/``.

    python scripts/evaluate.py sections [--doc NAME] [--gold DIR] [--json OUT] [-v] [--write-docs]

Each gold file (``corpora/gold/CONVENTIONS.md``) lists every node of a document's outline
(headings and numbered items) with its id, parent, kind and title. The document goes
through ``extract.parse``; the seed's gold also scores its .docx and .pdf renderings.

A predicted node is right when a gold node has its ``id`` and its title agrees: equal
ignoring case, spacing, punctuation and tone-mark placement, or one a prefix of the
other of at least 30 characters (an item's lead clause may be cut a word apart), or
letters 90 % alike (rapidfuzz ratio). Recall is over the gold nodes, precision over
the predicted ones; "headings" repeats both over gold headings alone (predicted nodes
matching a gold item are left out of its precision). Annex nodes (``appendix``) are
left out of both. ``kind`` is scored over the matched nodes that give one. The tree
figure is 1 − TED / (|gold| + |predicted|), TED the tree edit distance (APTED) between
the two trees with each node labelled by its own number and title.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from eval_common import ROOT, cell, file_kind, gold_files, load_gold, norm, parse, ratio, scored_documents

GOLD = ROOT / "corpora" / "gold" / "sections"
DOCS = ROOT / "docs" / "accuracy.md"
# APTED is cubic in the worst case: beyond this many nodes a side the tree figure is not computed.
TREE_LIMIT = 1500


def title_equal(predicted: str | None, gold: str | None) -> bool:
    from rapidfuzz import fuzz

    a, b = norm(predicted) or "", norm(gold) or ""
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 30 and longer.startswith(shorter):
        return True
    return fuzz.ratio(a, b) >= 90


@dataclass
class Node:
    """A node for the tree edit distance: its own number and title."""

    name: str
    children: list = field(default_factory=list)


def _own_number(section_id: str, parent_id: str | None) -> str:
    return section_id[len(parent_id) + 1:] if parent_id and section_id.startswith(parent_id + ".") else section_id


def _name(section_id: str, parent_id: str | None, title: str | None) -> str:
    return f"{_own_number(section_id, parent_id)}|{(norm(title) or '')[:40]}"


def predicted_nodes(report) -> list[dict]:
    """Every section of the report, depth first, with its parent's id."""
    out = []
    stack = [(s, None) for s in reversed(report.sections)]
    while stack:
        section, parent = stack.pop()
        out.append({"id": section.id, "parent": parent, "title": section.title,
                    "kind": getattr(section, "kind", None), "label": section.label})
        stack.extend((child, section.id) for child in reversed(section.children))
    return out


def _tree(nodes: list[dict]) -> Node:
    root = Node("root")
    by_id: dict[str, Node] = {}
    for n in nodes:
        node = Node(_name(n["id"], n.get("parent"), n.get("title")))
        by_id[n["id"]] = node
        (by_id.get(n.get("parent")) or root).children.append(node)
    return root


def tree_similarity(gold: list[dict], predicted: list[dict]) -> float | None:
    if not gold and not predicted:
        return 1.0
    if max(len(gold), len(predicted)) > TREE_LIMIT:
        return None
    from apted import APTED, Config

    class _Costs(Config):
        def rename(self, a, b):
            return 0 if a.name == b.name else 1

        def children(self, node):
            return node.children

    distance = APTED(_tree(gold), _tree(predicted), _Costs()).compute_edit_distance()
    return 1 - distance / (len(gold) + len(predicted))


def score(gold_nodes: list[dict], predicted: list[dict]) -> dict:
    body = [g for g in gold_nodes if not g.get("appendix")]
    annex_ids = {g["id"] for g in gold_nodes if g.get("appendix")}
    scored = [p for p in predicted if p["id"] not in annex_ids]
    by_id = {p["id"]: p for p in scored}
    matched, missed = [], []
    for g in body:
        p = by_id.get(g["id"])
        (matched if p is not None and title_equal(p["title"], g["title"]) else missed).append((g, p))
    matched_ids = {g["id"] for g, _ in matched}
    gold_ids = {g["id"] for g in body}
    item_ids = {g["id"] for g in body if g.get("kind") == "item"}
    headings = [g for g in body if g.get("kind") != "item"]
    heading_hits = sum(g["id"] in matched_ids for g in headings)
    heading_predicted = [p for p in scored if p["id"] not in item_ids]
    kinds = [(p.get("kind"), g.get("kind")) for g, p in matched if p.get("kind")]
    return {
        "gold": len(body), "predicted": len(scored), "matched": len(matched),
        "ids_matched": sum(p["id"] in gold_ids for p in scored),
        "gold_headings": len(headings), "headings_matched": heading_hits, "predicted_headings": len(heading_predicted),
        "kind_scored": len(kinds), "kind_right": sum(a == b for a, b in kinds),
        "tree": tree_similarity(body, scored),
        "missed": [(g["id"], g["title"], p["title"] if p else None) for g, p in missed],
        "spurious": [(p["id"], p["title"]) for p in scored if p["id"] not in matched_ids],
    }


def score_doc(gold_file: Path) -> list[dict]:
    gold = load_gold(gold_file)
    rows = []
    for path in scored_documents(gold):
        started = time.perf_counter()
        try:
            report, error = parse(path), None
            predicted = predicted_nodes(report)
        except Exception as exc:  # a document that cannot be parsed scores nothing
            report, error, predicted = None, f"{type(exc).__name__}: {exc}", []
        row = score(gold["sections"], predicted)
        row.update(doc=path.name, kind=file_kind(path, report, gold), held_out=gold.get("held_out") or False,
                   error=error, seconds=round(time.perf_counter() - started, 2))
        rows.append(row)
    return rows


_SUMS = ("gold", "predicted", "matched", "gold_headings", "headings_matched", "predicted_headings",
         "kind_scored", "kind_right")


def _line(name: str, r: dict) -> str:
    p, rec = ratio(r["matched"], r["predicted"]), ratio(r["matched"], r["gold"])
    f1 = 2 * p * rec / (p + rec) if p and rec else (0.0 if p is not None and rec is not None else None)
    hp, hr = ratio(r["headings_matched"], r["predicted_headings"]), ratio(r["headings_matched"], r["gold_headings"])
    return (f"| {name} | {r['gold']} | {r['predicted']} | {r['matched']} | {cell(p)} | {cell(rec)} | {cell(f1)} | "
            f"{cell(hp)} | {cell(hr)} | {cell(ratio(r['kind_right'], r['kind_scored']))} | {cell(r.get('tree'))} |")


def table(rows: list[dict]) -> list[str]:
    out = ["| document | gold | predicted | right | P | R | F1 | P headings | R headings | kind | tree |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    out += [_line(r["doc"], r) for r in rows]
    kinds = sorted({r["kind"] for r in rows})
    for kind in [*kinds, "all"]:
        members = [r for r in rows if kind in ("all", r["kind"])]
        total = {k: sum(r[k] for r in members) for k in _SUMS}
        trees = [r["tree"] for r in members if r["tree"] is not None]
        total["tree"] = sum(trees) / len(trees) if trees else None
        out.append(_line(f"**{kind}** ({len(members)})", total))
    return out


def write_docs(rows: list[dict], header: str) -> None:
    start_mark, end_mark = "<!-- sections:generated:start -->", "<!-- sections:generated:end -->"
    body = "\n".join([start_mark, header, "", *table(rows), end_mark])
    text = DOCS.read_text(encoding="utf-8")
    if start_mark in text:
        start, end = text.index(start_mark), text.index(end_mark) + len(end_mark)
        text = text[:start] + body + text[end:]
    else:
        text = text.rstrip("\n") + "\n\n## Sections\n\n" + body + "\n"
    DOCS.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="evaluate.py sections")
    ap.add_argument("--doc", help="score only gold files whose name contains this")
    ap.add_argument("--gold", type=Path, default=GOLD, help="folder of gold files (default corpora/gold/sections)")
    ap.add_argument("--json", help="write per-document results here")
    ap.add_argument("--verbose", "-v", action="store_true", help="list missed and spurious nodes")
    ap.add_argument("--write-docs", action="store_true", help="write the table into docs/accuracy.md")
    args = ap.parse_args(argv)
    files = gold_files(args.gold, args.doc)
    if not files:
        print("no gold files", file=sys.stderr)
        return 2
    started = time.perf_counter()
    rows = [row for f in files for row in score_doc(f)]
    print("\n".join(table(rows)))
    for r in rows:
        if r["error"]:
            print(f"not parsed: {r['doc']}: {r['error']}")
        if args.verbose:
            for gid, gtitle, ptitle in r["missed"]:
                print(f"{r['doc']} missed {gid} {gtitle[:70]!r}" + (f" (predicted title {ptitle[:70]!r})" if ptitle else ""))
            for pid, ptitle in r["spurious"]:
                print(f"{r['doc']} spurious {pid} {ptitle[:70]!r}")
    print(f"\n{len(rows)} documents, {time.perf_counter() - started:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write_docs:
        write_docs(rows, f"`python scripts/evaluate.py sections --write-docs` — {len(files)} gold files, "
                         f"{len(rows)} documents scored through `extract.parse`.")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
