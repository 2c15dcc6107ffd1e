"""Shared fixtures: where the corpus is, and skipping cleanly where it is not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("VNREPORT_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()
SAMPLES = ROOT / "corpora" / "samples"

# The seed report's nine numbered headings as printed, in document order (every reader
# must give each one as a whole block; structure nests them I, II, III, III.1 …).
SEED_HEADINGS = [
    "I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH",
    "II. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
    "III. KẾT QUẢ THỰC HIỆN",
    "1. Dân chủ trong quản lý, điều hành",
    "2. Dân chủ trong quan hệ và giải quyết công việc với tổ chức, công dân",
    "IV. Đánh giá kết quả lãnh đạo, chỉ đạo thực hiện QCDC",
    "1. Ưu điểm",
    "2. Hạn chế:",
    "3. Nhiệm vụ, giải pháp trong thời gian đến",
]


def assert_value_times_scale_is_base_value(report) -> None:
    """Every indicator of ``report`` says one amount twice: ``value`` in its printed unit and ``base_value``
    in the unit's base (21.345 tỷ đồng → 2.1345e13 đồng); a ratio of two counts takes no scale."""
    from extract.indicators.scale import base_unit

    for ind in report.indicators:
        factor, base = base_unit(ind.unit)
        assert ind.base_unit == base, (ind.text, ind.unit, ind.base_unit)
        if ind.kind == "ratio":
            assert ind.base_value == ind.value, ind.text
        else:
            assert ind.base_value == pytest.approx(ind.value * factor, rel=1e-12), (ind.text, ind.value, ind.unit)


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
