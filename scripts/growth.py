"""How the cost of reading a text grows with its length, on texts made to be hard.

    >>> text("%%%%", 10)
    '%%%%%%%%%%'
    >>> text("Nghị định số 1/", 20)
    'Nghị định số 1/Nghị '

Each shape repeats one piece up to the length asked for: prose that never ends a
sentence, a citation's opening with no symbol after it, a run of numbered digits,
percent signs, one heading line printed over and over, and bullets after bullets. A step that rescans the
text per match, or a pattern that backtracks over what it has already read, shows
up here as an exponent near 2 where a linear one stays near 1:

    exponent = log10(seconds(10 n) / seconds(n))

``scripts/bench.py`` prints the exponents for 10k → 100k → 1M characters;
``tests/test_growth.py`` asserts the 10k → 100k ratio with a generous bound.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

SHAPES: dict[str, str] = {
    "no full stops": "tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5% với 1.234 hồ sơ tiếp nhận trong quý I năm 2021 và ",
    "Nghị định số 1/": "Nghị định số 1/",
    "digit runs 1.1.1": "1.",
    "%%%%": "%",
    "a heading line 10⁵ times": "I. KẾT QUẢ\n",
    "bullets - - -": "- ",
}


def text(shape: str, length: int) -> str:
    """``length`` characters of ``shape``: its piece repeated, the last copy cut."""
    piece = SHAPES[shape]
    return (piece * (length // len(piece) + 1))[:length]


def _find_citations(s: str) -> None:
    from extract.citations import find_citations

    find_citations(s)


def _structure(s: str) -> Callable[[], None]:
    """The skeleton of the text read as a .txt file (reading it is not timed)."""
    from extract.readers.text import read_txt
    from extract.structure import build

    doc = read_txt(s.encode(), "growth.txt", None)
    return lambda: build(doc)


def _parse_txt(s: str) -> None:
    from extract.pipeline import parse

    parse(s.encode(), "txt", name="growth.txt")


def _find_indicators(s: str) -> None:
    from extract.indicators import find_indicators

    find_indicators(s)


# step → a function of the text that returns what to time (a call, prepared outside the clock)
STEPS: dict[str, Callable[[str], Callable[[], None]]] = {
    "find_citations": lambda s: lambda: _find_citations(s),
    "structure": _structure,
    "parse .txt": lambda s: lambda: _parse_txt(s),
    "find_indicators": lambda s: lambda: _find_indicators(s),
}


def seconds(step: str, shape: str, length: int, repeat: int = 3) -> float:
    """CPU seconds one run of ``step`` takes on ``length`` characters of ``shape``: the best of
    ``repeat`` measurements, each of as many runs as fill a tenth of a second, so that a short
    step is not timed at the clock's grain. CPU time, not the wall clock: on a busy machine the
    wall clock also counts the time other processes had the processor."""
    call = STEPS[step](text(shape, length))
    start = time.process_time()
    call()
    first = time.process_time() - start
    runs = max(1, int(0.1 / first)) if first > 0 else 1000
    best = first
    for _ in range(repeat - 1 if runs == 1 else repeat):
        start = time.process_time()
        for _ in range(runs):
            call()
        best = min(best, (time.process_time() - start) / runs)
    return best


def exponent(small: float, large: float, factor: float = 10) -> float:
    """The growth exponent between two lengths ``factor`` apart: 1 linear, 2 quadratic."""
    return math.log(large / small) / math.log(factor)
