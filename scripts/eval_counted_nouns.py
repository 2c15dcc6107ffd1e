"""Precision of the counted-noun fallback outside the indicator gold.

    python scripts/evaluate.py counted-nouns                 # score against corpora/gold/counted_nouns.tsv
    python scripts/evaluate.py counted-nouns --list          # every count the fallback adds, with its sentence
    python scripts/evaluate.py counted-nouns --sample 100    # a seeded sample to judge, as TSV rows

The fallback (``refine.counted_noun``) counts a figure in a noun ``units.tsv`` does not
know, when underthesea tags it a noun. Its counts are the ones ``extract()`` emits with
``NOUNS_DEFAULT`` on and not with it off. The corpus files it is measured on are those
of ``$VNREPORT_CORPUS/real`` that no indicator gold file annotates, so the gold never
saw them.

``corpora/gold/counted_nouns.tsv`` holds a sample judged by reading each figure's
sentence before the fallback's rules were tightened: ``real`` when the figure counts
what the noun names, ``wrong`` otherwise. An item is matched by file and figure text
(the figure and the words after it on its line, so a change of the noun's extent still
matches); precision is the share of judged items still emitted that are real.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter
import sys
from dataclasses import dataclass
from pathlib import Path

from eval_indicators import CORPUS, GOLD, ROOT, parse_with

JUDGED = ROOT / "corpora" / "gold" / "counted_nouns.tsv"
FIELDS = ["file", "figure", "noun", "verdict", "reason"]
_FIGURE_CHARS = 40  # the figure and what follows it: enough to tell two figures of a file apart
_SENTENCE_CHARS = 160


@dataclass(frozen=True)
class Count:
    file: str
    figure: str
    noun: str
    sentence: str


def unseen_files() -> list[Path]:
    """Corpus files that no indicator gold file named when the sample was judged: later held-out rounds
    (``"held_out": "second round"`` …) were annotated after it, so their files stay in the population."""
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in GOLD.glob("*.json")]
    annotated = {Path(g["source"]).name for g in golds if not isinstance(g.get("held_out"), str)}
    return sorted(p for p in (CORPUS / "real").iterdir() if p.suffix != ".tsv" and p.name not in annotated)


def fallback_counts(skeleton, metadata) -> list:
    """The counts ``extract()`` finds with the noun fallback and not without it."""
    import extract.indicators as indicators
    from extract.indicators import prose  # where the default is read

    with_nouns = indicators.extract(skeleton, metadata)
    saved, prose.NOUNS_DEFAULT = prose.NOUNS_DEFAULT, False
    try:
        without = {(i.span[0], i.unit) for i in indicators.extract(skeleton, metadata)}
    finally:
        prose.NOUNS_DEFAULT = saved
    return [i for i in with_nouns if i.kind == "count" and (i.span[0], i.unit) not in without]


def counts_of(path: Path) -> list[Count]:
    """The fallback's counts in one corpus file, each with its figure text and sentence."""
    report = parse_with(path, "eval_counted_nouns:fallback_counts")
    return [Count(path.name, figure_text(report.text, i.span[0]), i.unit, sentence_of(report.text, i.span[0]))
            for i in report.indicators]


def figure_text(text: str, start: int) -> str:
    return " ".join(text[start : start + _FIGURE_CHARS].split("\n", 1)[0].split())


def sentence_of(text: str, start: int) -> str:
    return " ".join(text[max(0, start - _SENTENCE_CHARS) : start + _SENTENCE_CHARS // 2].split())


def all_counts() -> list[Count]:
    out = []
    for path in unseen_files():
        found = counts_of(path)
        print(f"{path.name}: {len(found)}", file=sys.stderr)
        out += found
    return out


def read_judged() -> list[dict]:
    with open(JUDGED, encoding="utf-8", newline="") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))


def score(counts: list[Count], judged: list[dict]) -> dict:
    """Precision of the judged items still emitted, and the real ones no longer emitted.

    A figure text can stand more than once in a file (a form repeated per section): each
    emitted occurrence answers one judged row of the same key."""
    emitted = Counter((c.file, c.figure) for c in counts)
    nouns = {(c.file, c.figure): c.noun for c in counts}
    kept, lost = [], []
    for j in judged:
        key = (j["file"], j["figure"])
        if emitted[key]:
            emitted[key] -= 1
            kept.append(j)
        elif j["verdict"] == "real":
            lost.append(j)
    real = [j for j in kept if j["verdict"] == "real"]
    return {"judged": len(judged), "emitted": len(kept), "real": len(real), "lost": lost,
            "precision": len(real) / len(kept) if kept else float("nan"),
            "wrong_kept": [j for j in kept if j["verdict"] != "real"],
            "renamed": [(j, nouns[j["file"], j["figure"]]) for j in kept if nouns[j["file"], j["figure"]] != j["noun"]]}


def print_score(s: dict, total: int) -> None:
    # Counts a rule change adds (or moves to other figure texts) are not judged: say how many, so a
    # precision that rose by emitting new unjudged counts is seen.
    print(f"fallback counts outside the gold: {total}, not in the judged sample: {total - s['emitted']}")
    print(f"judged {s['judged']}, still emitted {s['emitted']}, of them real {s['real']}: "
          f"precision {s['precision']:.3f}; judged-real no longer emitted: {len(s['lost'])}")
    for j in s["lost"]:
        print(f"  LOST  {j['file']}: {j['figure']!r} ({j['noun']})")
    for j in s["wrong_kept"]:
        print(f"  WRONG {j['file']}: {j['figure']!r} ({j['noun']}: {j['reason']})")
    for j, noun in s["renamed"]:
        print(f"  NOUN  {j['file']}: {j['figure']!r} judged as {j['noun']!r}, now {noun!r}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="evaluate.py counted-nouns")
    ap.add_argument("--list", action="store_true", help="print every count the fallback adds")
    ap.add_argument("--sample", type=int, metavar="N", help="print a seeded sample of N counts as TSV rows to judge")
    ap.add_argument("--seed", type=int, default=20261126)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    counts = all_counts()
    if args.list:
        for c in counts:
            print(f"{c.file}\t{c.noun}\t{c.figure}\t{c.sentence}")
        return 0
    if args.sample:
        writer = csv.writer(sys.stdout, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        for c in sorted(random.Random(args.seed).sample(counts, min(args.sample, len(counts))),
                        key=lambda c: (c.file, c.figure)):
            writer.writerow([c.file, c.figure, c.noun, "", c.sentence])
        return 0
    print_score(score(counts, read_judged()), len(counts))
    return 0
