"""Indicators through the whole pipeline: tables, provenance, laziness, the gold scorer."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, corpus_path

from extract.indicators.table_rows import read_row


def test_statistics_table_rows_are_indicators_and_flags_are_not():
    assert read_row(["2.1.", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", "45", ""]).value == 45.0
    assert read_row(["3.3.1.", "Tổng số PAKN đã tiếp nhận", "PAKN", "726", ""]).unit == "PAKN"
    assert read_row(["5.", "Khảo sát sự hài lòng", "Có = 1; Không = 0", "1", ""]) is None
    assert read_row(["5.1.", "Số lượng phiếu khảo sát", "Số lượng", "25.898", ""]).unit is None
    assert read_row(["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"]) is None


def test_seed_indicators_carry_section_period_and_span():
    from extract import parse

    report = parse(corpus_path("seed/bao-cao-qcdc-6t-2021.docx"))
    by_value = {(i.value, i.unit): i for i in report.indicators}
    thac_si = by_value[(36.0, "%")]
    assert thac_si.section == "III.1" and thac_si.period == "6 tháng đầu năm 2021"
    assert report.text[thac_si.span[0] : thac_si.span[1]].endswith("36%")
    assert [i.id for i in report.indicators] == [f"i{n}" for n in range(1, len(report.indicators) + 1)]
    assert (41.4, "%") in by_value and by_value[(41.4, "%")].denominator == 133.0


def test_phu_luc_table_rows_become_indicators():
    from extract import parse

    report = parse(corpus_path("real/vbai_phuluc-bc-cchc-2025-lamdong.docx"))
    labels = {i.label: (i.value, i.unit) for i in report.indicators}
    assert labels["Số nhiệm vụ đã hoàn thành"] == (45.0, "nhiệm vụ")
    assert labels["Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương"] == (2372.0, "thủ tục")


def test_importing_indicators_does_not_import_underthesea():
    code = "import extract.indicators, extract.nlp, sys; print('underthesea' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_gold_scorer_finds_the_seed_fully():
    corpus_path("seed/bao-cao-qcdc-6t-2021.docx")
    sys.path.insert(0, str(ROOT / "scripts"))
    import eval_indicators

    r = eval_indicators.score_doc(ROOT / "corpora/gold/indicators/bao-cao-qcdc-6t-2021.docx.json", baseline=False)
    assert r["matched"] == r["gold"] == r["predicted"] == 16
    assert r["label_f1_sum"] / r["matched"] >= 0.75
