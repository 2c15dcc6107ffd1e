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
def reports():
    import extract

    return [extract.parse(corpus_path(f"real/vbai_bc-dean06-{m}-lamdong.docx")) for m in reversed(MONTHS)]


@pytest.fixture(scope="module")
def dean06(reports):
    return compare(reports)


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
    ("Từ đầu năm 2026 đến nay, toàn tỉnh đã phát sinh 6.317 hồ sơ.", "6.317", "year_to_date"),
    ("Trong quý, toàn tỉnh phát sinh 12.467 hồ sơ.", "12.467", "quarter"),
    ("b) Đẩy mạnh đợt cao điểm 60 ngày đêm:\n- Đã thu nhận 500 hồ sơ.\n- Đã cấp 400 tài khoản.", "400", "campaign"),
    ("Thanh toán viện phí không dùng tiền mặt đạt 34,3% trên tổng số chi phí.", "34,3", None),
])
def test_a_figures_scope_is_the_nearest_scope_words_of_its_sentence(sentence, figure, scope):
    at = sentence.index(figure)
    found = scope_of(sentence, (at, at + len(figure)))
    assert (found.name if found else None) == scope


@pytest.fixture(scope="module")
def dean06_page(dean06, tmp_path_factory):
    from lxml import html

    from test_compare_html import chromium

    path = tmp_path_factory.mktemp("dean06") / "so-sanh.html"
    path.write_text(dean06.to_html(), encoding="utf-8")
    return html.fromstring(chromium("--dump-dom", path.as_uri()))


def test_dean06_page_opens_with_a_summary_of_periods_gaps_movers_and_citations(dean06_page):
    headings = [h.text_content() for h in dean06_page.xpath("//h2")]
    assert headings[0] == "Tóm tắt" and headings[1].startswith("Chỉ tiêu qua các kỳ")
    summary = dean06_page.xpath("string(//h2[1]/following-sibling::p[1])")
    assert summary == "Kỳ báo cáo: 4 kỳ, tháng 8/2025, tháng 9/2025, tháng 11/2025, tháng 3/2026."
    gaps = dean06_page.xpath("string(//h2[1]/following-sibling::p[2])")
    assert gaps == "Không có báo cáo: tháng 10/2025; tháng 12/2025 – tháng 2/2026."
    assert dean06_page.xpath('//h3[.="Tăng nhiều nhất"]') and dean06_page.xpath('//h3[.="Giảm nhiều nhất"]')
    cited = dean06_page.xpath('string(//table[@class="cited-changes"])')
    assert "Chỉ thị số 24/CT-TTg ngày 13/9/2025 của Thủ tướng Chính phủ" in cited and "|" not in cited


def test_dean06_table_has_a_gap_column_for_october_and_folds_the_unmatched(dean06_page, dean06):
    headers = [th.text_content() for th in dean06_page.xpath('//table[@class="indicators"]//th')]
    assert headers[2:7] == ["tháng 8/2025", "tháng 9/2025", "Không có báo cáo tháng 10/2025", "tháng 11/2025",
                            "Không có báo cáo tháng 12/2025 – tháng 2/2026"]
    folded = dean06_page.xpath('//details[.//table[@class="unmatched"]]')
    assert len(folded) == 1 and folded[0].get("open") is None
    assert len(folded[0].xpath('.//table[@class="unmatched"]//tr')) == len(dean06.unmatched) + 1


ENGLISH = {"the", "of", "and", "no", "not", "with", "count", "percent", "ratio", "money", "result", "target",
           "unmatched", "change", "label", "period", "save", "view", "source", "open", "editor", "undefined", "nan"}


def test_every_word_our_page_writes_is_vietnamese(dean06_page):
    import regex

    from extract.compare_html import KIND_WORDS

    words = {w.casefold() for t in dean06_page.xpath("//body//text()[not(ancestor::script)]")
             for w in regex.findall(r"\p{L}+", t)}
    assert words & ENGLISH == set()
    assert not words & set(KIND_WORDS)  # kinds are named in Vietnamese


def test_the_alignment_scorer_locates_gold_figures_by_their_context_and_pairs_consecutive_cells(reports, dean06):
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_alignment import locate, predicted_pairs

    september, november = reports[2], reports[1]  # given newest first
    running = locate(september, "2.725.227", "2.725.227 tài khoản định danh điện tử, kích hoạt")
    campaign = locate(november, "138.816", "toàn tỉnh đã thu nhận được 138.816 tài khoản định danh điện tử mức 2")
    assert running.value == 2725227 and campaign.value == 138816
    assert locate(november, "99.999", "không có trong báo cáo") is None
    files = [f"real/vbai_bc-dean06-{m}-lamdong.docx" for m in MONTHS]
    pairs = predicted_pairs(dean06, files)
    names = [f.split("/")[1] for f in files]
    assert pairs["certain"] <= pairs["all"] and len(pairs["all"]) > 100
    assert all((names.index(b) == names.index(a) + 1) for a, _, b, _ in pairs["all"])
    assert not any(a_id == running.id and b_id == campaign.id for _, a_id, _, b_id in pairs["all"])
