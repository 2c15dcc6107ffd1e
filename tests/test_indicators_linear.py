"""The indicator extractor's cost grows linearly with the text, whatever its shape: text without sentence
ends once made every figure re-read everything before it (growth exponent about 1.8). Only the ratio of
two run times is asserted, never a time (the full measurement is in scripts/bench.py)."""

from __future__ import annotations

import math
import time

import pytest

from extract.indicators import find_indicators

SMALL, LARGE = 2_000, 16_000


def _best_time(text: str, runs: int = 3) -> float:
    """CPU seconds of the fastest of ``runs`` calls: other processes on the machine do not count."""
    best = math.inf
    for _ in range(runs):
        started = time.process_time()
        find_indicators(text)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("piece", [
    "1 ",  # numbers with no unit and no sentence end
    "đạt 1% ",  # a figure every few characters, one endless sentence
    "5%⁸ ",  # footnote marks after every figure
    "hai người ",  # spelled-out numbers
    "Tổng số hồ sơ là 5 ",  # a unit named by the subject, far back
    "đạt 5 hồ sơ (1/2) ",  # parts and fractions explaining a figure
])
def test_extraction_time_grows_linearly_on_text_without_sentence_ends(piece):
    find_indicators(piece * 3)  # tables and patterns loaded before timing
    small = _best_time((piece * (SMALL // len(piece) + 1))[:SMALL])
    large = _best_time((piece * (LARGE // len(piece) + 1))[:LARGE])
    exponent = math.log(large / small) / math.log(LARGE / SMALL)
    assert exponent < 1.2, f"{piece!r}: {small:.3f} s for {SMALL} characters, {large:.3f} s for {LARGE}"
