"""Shared fixtures: where the corpus is, and skipping cleanly where it is not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("VNREPORT_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()
SAMPLES = ROOT / "corpora" / "samples"


def corpus_path(relative: str) -> Path:
    """Path of a corpus file, skipping the test with a clear message when it is absent."""
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"corpus file {relative} not found under VNREPORT_CORPUS={CORPUS}")
    return path


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at VNREPORT_CORPUS={CORPUS}")
    return CORPUS


@pytest.fixture
def seed(corpus) -> Path:
    return corpus / "seed"
