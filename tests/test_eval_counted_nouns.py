"""The counted-noun scorer: judged items matched by file and figure text, repeats one by one."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import eval_counted_nouns as scorer  # noqa: E402


def judged(figure: str, noun: str, verdict: str) -> dict:
    return {"file": "a.pdf", "figure": figure, "noun": noun, "verdict": verdict, "reason": ""}


def emitted(figure: str, noun: str) -> scorer.Count:
    return scorer.Count("a.pdf", figure, noun, "")


def test_precision_counts_judged_items_still_emitted_and_lists_the_real_ones_lost():
    gold = [judged("01 bản sao;", "bản sao", "real"), judged("01 bản sao;", "bản sao", "real"),
            judged("2030 thẩm quyền", "thẩm quyền", "wrong"), judged("1 default tab", "default tab", "wrong")]
    s = scorer.score([emitted("01 bản sao;", "bản sao"), emitted("1 default tab", "default")], gold)
    assert (s["emitted"], s["real"], s["precision"]) == (2, 1, 0.5)
    assert [j["figure"] for j in s["lost"]] == ["01 bản sao;"]  # the repeat no longer emitted
    assert [j["figure"] for j, noun in s["renamed"]] == ["1 default tab"]


def test_the_judged_sample_reads_as_real_or_wrong_with_a_reason_for_each_wrong():
    rows = scorer.read_judged()
    assert len(rows) == 100
    assert {r["verdict"] for r in rows} == {"real", "wrong"}
    assert all(r["reason"] for r in rows if r["verdict"] == "wrong")
