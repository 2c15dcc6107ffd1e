"""The monthly Đề án 06 reports of Lâm Đồng (real DOCX, corpus ``real/``) compared: a person's alignment.

The November report counts ``138.816 tài khoản định danh điện tử`` opened since a 60-day
campaign began; September's ``2.725.227`` is the running total. Lining them up showed a
fall of 94,91% that never happened.
"""

from __future__ import annotations

import pytest

from conftest import corpus_path
from extract.compare import compare
from extract.scopes import scope_of

MONTHS = ["thang8-2025", "thang9-2025", "thang11-2025", "thang3-2026"]


@pytest.fixture(scope="module")
def dean06():
    import extract

    return compare([extract.parse(corpus_path(f"real/vbai_bc-dean06-{m}-lamdong.docx")) for m in reversed(MONTHS)])


def cells_of(comparison, printed: str):
    return [(row, at, c) for row in comparison.indicators for at, c in enumerate(row.cells)
            if c is not None and c.text.startswith(printed)]


def test_dean06_months_are_ordered_by_period_with_october_a_gap(dean06):
    assert [p.start for p in dean06.periods] == ["2025-08-01", "2025-09-01", "2025-11-01", "2026-03-01"]


def test_a_campaigns_count_is_not_matched_with_the_running_total_of_the_month_before(dean06):
    assert cells_of(dean06, "138.816") == []  # alone: no other month counts that campaign
    alone = [u for u in dean06.unmatched if u.text.startswith("138.816")]
    assert len(alone) == 1 and "đợt cao điểm" in alone[0].reason and "lũy kế" in alone[0].reason
    (row, at, cell), = cells_of(dean06, "2.725.227")
    assert cell.scope == "cumulative" and row.cells[at + 1] is None  # November states no running total
    assert all(c is None or c.change_pct is None or c.change_pct > -50 for c in row.cells)


def test_every_match_carries_its_similarity_and_reason(dean06):
    for row in dean06.indicators:
        for cell in row.cells[1:]:
            if cell is not None and cell is not next(c for c in row.cells if c is not None):
                assert cell.reason.startswith("cùng loại, đơn vị, vai trò; nhãn giống") and cell.score >= 85


def test_an_uncertain_match_shows_no_change(dean06):
    uncertain = [c for row in dean06.indicators for c in row.cells if c is not None and c.uncertain]
    assert uncertain, "the series has matches to check (a running total that fell, …)"
    assert all(c.change is None and c.change_pct is None and "chưa chắc" in c.reason for c in uncertain)


@pytest.mark.parametrize("sentence, figure, scope", [
    ("Từ khi phát động đợt cao điểm đến nay, toàn tỉnh đã thu nhận được 138.816 tài khoản.", "138.816", "campaign"),
    ("Trong tháng, toàn tỉnh phát sinh 5.264 hồ sơ, lũy kế 69.971 hồ sơ.", "5.264", "month"),
    ("Trong tháng, toàn tỉnh phát sinh 5.264 hồ sơ, lũy kế 69.971 hồ sơ.", "69.971", "cumulative"),
    ("Lũy kế từ đầu năm giải ngân 1.250 tỷ đồng.", "1.250", "year_to_date"),
    ("Trong quý, toàn tỉnh phát sinh 12.467 hồ sơ.", "12.467", "quarter"),
    ("b) Đẩy mạnh đợt cao điểm 60 ngày đêm:\n- Đã thu nhận 500 hồ sơ.\n- Đã cấp 400 tài khoản.", "400", "campaign"),
    ("Thanh toán viện phí không dùng tiền mặt đạt 34,3% trên tổng số chi phí.", "34,3", None),
])
def test_a_figures_scope_is_the_nearest_scope_words_of_its_sentence(sentence, figure, scope):
    at = sentence.index(figure)
    found = scope_of(sentence, (at, at + len(figure)))
    assert (found.name if found else None) == scope
