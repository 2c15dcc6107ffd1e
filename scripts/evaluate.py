"""Score vnreport against the hand-made gold in corpora/gold/.

    python scripts/evaluate.py citations [--doc NAME] [--json OUT]
    python scripts/evaluate.py indicators [--doc NAME] [--json OUT]
    python scripts/evaluate.py counted-nouns [--list | --sample N]
    python scripts/evaluate.py metadata [--doc NAME] [--gold DIR] [-v]
    python scripts/evaluate.py sections [--doc NAME] [--gold DIR] [-v]
    python scripts/evaluate.py alignment [--doc NAME] [--gold DIR] [-v]

Each extractor's scoring lives in its own module beside this one
(``eval_citations.py``, ``eval_indicators.py``, ``eval_counted_nouns.py``, ``eval_metadata.py``,
``eval_sections.py``, ``eval_alignment.py``) exposing ``main(argv) -> int``.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

SCORERS = {
    "citations": "eval_citations",
    "indicators": "eval_indicators",
    "counted-nouns": "eval_counted_nouns",
    "metadata": "eval_metadata",
    "sections": "eval_sections",
    "alignment": "eval_alignment",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in SCORERS:
        print(f"usage: evaluate.py {{{','.join(SCORERS)}}} [options]", file=sys.stderr)
        return 2
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    return importlib.import_module(SCORERS[argv[0]]).main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
