"""A :class:`~extract.compare.Comparison` as one self-contained HTML page, in Vietnamese.

A summary first (the periods covered and those missing, the figures that rose and
fell most, the documents newly cited and no longer cited), then the indicators
aligned on a real time axis (a missing period is a gap, in the table and in the
charts), the figures no other period states folded away, the citations and the
section changes. Each chart is a Vega-Lite spec drawn by vega-embed, whose builds
(``extract/vendor/vega``, BSD-3-Clause) are inlined: the page makes no request and
opens the same from an archive's disk years later.

    >>> from extract.compare import Comparison
    >>> page = render_html(Comparison(periods=[], indicators=[], unmatched=[], citations=[],
    ...                                citation_changes=[], section_changes=[]))
    >>> page.startswith("<!DOCTYPE html>"), "<script src" in page, "Tóm tắt" in page
    (True, False, True)
"""

from __future__ import annotations

import functools
import json
from html import escape
from pathlib import Path

from extract.compare import format_number
from extract.compare_timeline import Slot, gaps, timeline
from extract.scopes import SCOPE_WORDS

VENDOR = Path(__file__).resolve().parent / "vendor" / "vega"
SCRIPTS = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")

CSS = """
body{font-family:"Times New Roman",serif;margin:2em;color:#222;max-width:90em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #999}
h3{font-size:1.05em;margin:1em 0 .3em}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top}
th{background:#eee;text-align:left}
td.num{text-align:right;white-space:nowrap}
th.gap,td.gap{background:repeating-linear-gradient(45deg,#f4f4f4,#f4f4f4 4px,#e4e4e4 4px,#e4e4e4 8px);
 color:#777;font-weight:normal;font-size:.8em;max-width:7em}
.change{display:block;font-size:.8em;color:#555}
.target{display:block;font-size:.8em;color:#705000}
.unsure{display:block;font-size:.8em;color:#a05a00}
td.uncertain{background:#fff6e5}
.up{color:#1a7f37}.down{color:#b42318}
.score{color:#777;font-size:.85em}
.muted{color:#777}
ul{margin:.2em 0}
.summary{display:flex;flex-wrap:wrap;gap:1em 3em}
.summary>div{min-width:24em;flex:1}
details{margin:.5em 0}summary{cursor:pointer;font-weight:bold}
nav a{margin-right:1em}
"""

KIND_WORDS = {"percent": "tỷ lệ %", "ratio": "tỷ số", "count": "số lượng", "money": "số tiền",
              "quantity": "khối lượng", "growth": "tăng trưởng", "rank": "xếp hạng"}
ROLE_WORDS = {"result": "kết quả", "target": "chỉ tiêu"}
SECTION_WORDS = {"added": "thêm", "removed": "bỏ", "renamed": "đổi tên"}
LINE, UNSURE = "#1f5fa8", "#c77700"
TOP = 5  # figures listed as rising and falling most
SHOWN_CITATIONS = 5  # documents listed before the rest is folded away


@functools.lru_cache(maxsize=1)
def _scripts() -> str:
    return "".join(f"<script>{(VENDOR / name).read_text(encoding='utf-8')}</script>\n" for name in SCRIPTS)


# ---------------------------------------------------------------- pages


def render_html(comparison) -> str:
    """One agency's comparison as a page."""
    charts: dict[str, dict] = {}
    title = "So sánh báo cáo qua các kỳ"
    return _page(title, [f"<h1>{title}</h1>", _comparison(comparison, "c", charts)], charts)


def render_agencies(grouped) -> str:
    """A dataset compared agency by agency: one part per agency, a table of contents first."""
    charts: dict[str, dict] = {}
    title = "So sánh báo cáo qua các kỳ, theo cơ quan"
    links, parts = [], []
    for n, group in enumerate(grouped.agencies):
        name = escape(group.agency or "Không rõ cơ quan")
        links.append(f'<a href="#co-quan-{n}">{name}</a>')
        if group.comparison is None:
            body = f'<p class="muted">Cơ quan này chỉ có 1 báo cáo: không có gì để so sánh.</p>'
        else:
            body = _comparison(group.comparison, f"a{n}", charts)
        parts.append(f'<section class="agency" id="co-quan-{n}"><h2>{name}</h2>{body}</section>')
    return _page(title, [f"<h1>{title}</h1>", f"<nav>{''.join(links)}</nav>", *parts], charts)


def _page(title: str, parts: list[str], charts: dict[str, dict]) -> str:
    specs = json.dumps(charts, ensure_ascii=False).replace("</", "<\\/")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style></head><body>",
        *parts,
        f'<script type="application/json" id="bieu-do">{specs}</script>',
        _scripts(),
        "<script>" + _DRAW + "</script>",
        "</body></html>",
    ])


# Draw every chart from its spec; Vietnamese number and month names on the axes and tooltips.
_DRAW = """
(function(){
  var specs = JSON.parse(document.getElementById('bieu-do').textContent);
  var locale = {decimal: ',', thousands: '.', grouping: [3], currency: ['', ' đồng']};
  var months = ['tháng 1','tháng 2','tháng 3','tháng 4','tháng 5','tháng 6','tháng 7','tháng 8',
                'tháng 9','tháng 10','tháng 11','tháng 12'];
  var shortMonths = ['T1','T2','T3','T4','T5','T6','T7','T8','T9','T10','T11','T12'];
  var time = {dateTime: '%A, %e %B %Y', date: '%d/%m/%Y', time: '%H:%M:%S', periods: ['SA', 'CH'],
              days: ['Chủ nhật','Thứ hai','Thứ ba','Thứ tư','Thứ năm','Thứ sáu','Thứ bảy'],
              shortDays: ['CN','T2','T3','T4','T5','T6','T7'], months: months, shortMonths: shortMonths};
  Object.keys(specs).forEach(function(id){
    vegaEmbed('#' + id, specs[id], {renderer: 'svg', actions: false, formatLocale: locale,
                                    timeFormatLocale: time, tooltip: false})
      .catch(function(err){ document.getElementById(id).textContent = 'Không vẽ được biểu đồ: ' + err; });
  });
})();
"""


# ---------------------------------------------------------------- one comparison


def _comparison(comparison, prefix: str, charts: dict[str, dict]) -> str:
    slots = timeline(comparison.periods)
    parts = [
        f'<h2 id="{prefix}-tom-tat">Tóm tắt</h2>',
        _summary(comparison, slots),
        f'<h2 id="{prefix}-chi-tieu">Chỉ tiêu qua các kỳ ({len(comparison.indicators)})</h2>',
        '<p class="muted">Mỗi hàng là một chỉ tiêu mà người đọc coi là một: cùng loại, cùng đơn vị, cùng vai trò, '
        "cùng phạm vi (lũy kế, trong tháng, đợt cao điểm …) và nhãn giống nhau. Ô tô màu cam là đối chiếu chưa "
        "chắc chắn: không tính mức thay đổi. Cột gạch chéo là kỳ không có báo cáo.</p>",
        _indicator_table(comparison.indicators, slots, prefix, charts),
        f"<details><summary>Chỉ tiêu chỉ có ở một kỳ ({len(comparison.unmatched)})</summary>",
        _unmatched_table(comparison.unmatched),
        "</details>",
        f"<h2>Văn bản được dẫn ({len(comparison.citations)})</h2>",
        _citation_table(comparison.citations, slots),
        f"<details><summary>Đề mục thay đổi ({len(comparison.section_changes)})</summary>",
        _section_changes(comparison.section_changes),
        "</details>",
        "<h2>Các báo cáo</h2>",
        _periods_table(comparison.periods),
    ]
    if comparison.warnings:
        parts.append("<h2>Cảnh báo</h2><ul>" + "".join(f"<li>{escape(w)}</li>" for w in comparison.warnings) + "</ul>")
    return "\n".join(parts)


def _summary(comparison, slots: list[Slot]) -> str:
    labels = [p.label for p in comparison.periods]
    covered = f"<p><b>Kỳ báo cáo:</b> {len(labels)} kỳ, " + ", ".join(map(escape, labels)) + ".</p>" if labels else ""
    missing = gaps(slots)
    if missing:
        covered += ("<p><b>Không có báo cáo:</b> "
                    + "; ".join(escape(_run_label(run)) for run in missing) + ".</p>")
    risen, fallen = _movers(comparison)
    citations = _citation_summary(comparison)
    return (f"{covered}<div class=\"summary\">"
            f"<div><h3>Tăng nhiều nhất</h3>{risen}</div><div><h3>Giảm nhiều nhất</h3>{fallen}</div>"
            f"{citations}</div>")


def _run_label(run: list[Slot]) -> str:
    return run[0].label if len(run) == 1 else f"{run[0].label} – {run[-1].label}"


def _movers(comparison) -> tuple[str, str]:
    """The certain changes of largest relative size, up and down, from each row's last two stated periods."""
    moves = []
    for row in comparison.indicators:
        if row.kind == "rank":
            continue
        stated = [(at, c) for at, c in enumerate(row.cells) if c is not None]
        if len(stated) < 2:
            continue
        (at0, before), (at1, after) = stated[-2], stated[-1]
        if after.change_pct is None or after.uncertain:
            continue
        moves.append((after.change_pct, row, before, after, comparison.periods[at0].label,
                      comparison.periods[at1].label))

    def listed(items) -> str:
        if not items:
            return '<p class="muted">Không có.</p>'
        return "<ul>" + "".join(
            f"<li>{escape(row.label)} ({escape(row.unit or '')}): {escape(before.shown)} ({escape(p0)}) → "
            f"{escape(after.shown)} ({escape(p1)}), <span class=\"{'up' if pct > 0 else 'down'}\">"
            f"{'+' if pct > 0 else ''}{format_number(pct)}%</span></li>"
            for pct, row, before, after, p0, p1 in items) + "</ul>"

    ups = sorted((m for m in moves if m[0] > 0), key=lambda m: -m[0])[:TOP]
    downs = sorted((m for m in moves if m[0] < 0), key=lambda m: m[0])[:TOP]
    return listed(ups), listed(downs)


def _cited(row) -> str:
    symbol = f" <b>{escape(row.symbol)}</b>" if row.symbol and row.symbol not in row.text else ""
    return f"{escape(row.text)}{symbol}"


def _citation_summary(comparison) -> str:
    """Documents newly cited and no longer cited, between each two consecutive reports, by name
    and symbol; a long list shows its first few, the rest folded."""
    by_key = {c.key: c for c in comparison.citations}

    def listed(keys: list[str]) -> str:
        names = [f"<li>{_cited(by_key[k])}</li>" for k in keys if k in by_key]
        if not names:
            return '<span class="muted">–</span>'
        shown, rest = names[:SHOWN_CITATIONS], names[SHOWN_CITATIONS:]
        more = (f"<details><summary>và {len(rest)} văn bản khác</summary><ul>{''.join(rest)}</ul></details>"
                if rest else "")
        return f"<ul>{''.join(shown)}</ul>{more}"

    rows = "".join(
        f"<tr><td>{escape(c.before)} → {escape(c.after)}<span class=\"change\">tiếp tục dẫn {len(c.carried)}</span></td>"
        f"<td>{len(c.new)}{listed(c.new)}</td><td>{len(c.dropped)}{listed(c.dropped)}</td></tr>"
        for c in comparison.citation_changes)
    if not rows:
        return ""
    return ('<div style="flex-basis:100%"><h3>Văn bản được dẫn</h3><table class="cited-changes">'
            f"<tr><th>Giữa hai kỳ</th><th>Mới được dẫn</th><th>Không còn được dẫn</th></tr>{rows}</table></div>")


# ---------------------------------------------------------------- the aligned table


def _columns(slots: list[Slot]) -> list[Slot | list[Slot]]:
    """Present periods one column each; each run of missing periods one narrow column."""
    out: list[Slot | list[Slot]] = []
    for slot in slots:
        if slot.present:
            out.append(slot)
        elif out and isinstance(out[-1], list):
            out[-1].append(slot)
        else:
            out.append([slot])
    return out


def _head(slots: list[Slot]) -> str:
    return "".join(
        f"<th>{escape(c.label)}</th>" if isinstance(c, Slot)
        else f'<th class="gap">Không có báo cáo {escape(_run_label(c))}</th>'
        for c in _columns(slots))


def _indicator_table(rows, slots: list[Slot], prefix: str, charts: dict[str, dict]) -> str:
    if not rows:
        return '<p class="muted">Không có chỉ tiêu nào xuất hiện ở hai kỳ trở lên.</p>'
    columns = _columns(slots)
    body = []
    for n, row in enumerate(rows):
        targets = row.targets or [None] * len(row.cells)
        cells = "".join(
            _value_cell(row.cells[c.column], rising_is_good=row.kind != "rank", target=targets[c.column])
            if isinstance(c, Slot) else '<td class="gap"></td>'
            for c in columns)
        chart_id = f"bd-{prefix}-{n}"
        charts[chart_id] = chart_spec(row, slots)
        scope = f" · {escape(SCOPE_WORDS[row.scope])}" if row.scope in SCOPE_WORDS else ""
        body.append(
            f'<tr class="indicator"><td class="label">{escape(row.label)}'
            f'<span class="score"> · {escape(KIND_WORDS.get(row.kind, row.kind))}{scope}'
            f" · độ khớp thấp nhất {format_number(row.score)}%</span></td>"
            f"<td>{escape(row.unit or '')}</td>{cells}"
            f'<td><div class="chart" id="{chart_id}" role="img" aria-label="{escape(row.label)}"></div></td></tr>')
    return (f'<table class="indicators"><tr><th>Chỉ tiêu</th><th>Đơn vị</th>{_head(slots)}<th>Biểu đồ</th></tr>'
            f'{"".join(body)}</table>')


def _value_cell(cell, rising_is_good: bool, target=None) -> str:
    """A result, its change from the period before and, beside it, the target set for that period."""
    aim = f'<span class="target" title="{escape(target.text)}">chỉ tiêu {escape(target.shown)}</span>' if target else ""
    if cell is None:
        return f'<td class="num muted">–{aim}</td>'
    why = escape(f"{cell.text} — {cell.reason}" if cell.reason else cell.text)
    if cell.uncertain:
        return (f'<td class="num uncertain" title="{why}">{escape(cell.shown)}'
                f'<span class="unsure">chưa chắc cùng chỉ tiêu</span>{aim}</td>')
    change = ""
    if cell.change is not None:
        better = cell.change > 0 if rising_is_good else cell.change < 0  # rank 12/63 beats 15/63
        sign = "" if cell.change == 0 else "up" if better else "down"
        pct = f" ({'+' if cell.change_pct > 0 else ''}{format_number(cell.change_pct)}%)" if cell.change_pct is not None else ""
        change = f'<span class="change {sign}">{"+" if cell.change > 0 else ""}{format_number(cell.change)}{pct}</span>'
    return f'<td class="num" title="{why}">{escape(cell.shown)}{change}{aim}</td>'


def chart_spec(row, slots: list[Slot]) -> dict:
    """A Vega-Lite line chart of the row's values on a time axis: a missing period breaks the line.

        >>> from extract.compare import Cell, IndicatorRow
        >>> from extract.compare_timeline import Slot
        >>> row = IndicatorRow(label="hồ sơ", kind="count", unit="hồ sơ", score=100,
        ...                    cells=[Cell(value=5, amount=5), Cell(value=7, amount=7)])
        >>> slots = [Slot(label="tháng 8/2025", start="2025-08-01", present=True, column=0),
        ...          Slot(label="tháng 9/2025", start="2025-09-01", present=False),
        ...          Slot(label="tháng 10/2025", start="2025-10-01", present=True, column=1)]
        >>> [v["giá trị"] for v in chart_spec(row, slots)["data"]["values"]]
        [5, None, 7]
    """
    values = []
    for slot in slots:
        cell = row.cells[slot.column] if slot.present else None
        amount = cell.amount if cell is not None else None
        values.append({
            "kỳ": slot.label, "ngày": slot.start, "giá trị": amount,
            "hiển thị": cell.shown if cell is not None else "không có báo cáo" if not slot.present else "không nêu",
            "đối chiếu": "chưa chắc" if cell is not None and cell.uncertain else "chắc chắn",
        })
    x = {"field": "ngày", "type": "temporal", "title": None,
         "axis": {"format": "%m/%Y", "labelAngle": 0, "tickCount": {"interval": "month", "step": 1},
                  "labelOverlap": True, "grid": False, "labelFontSize": 9}}
    # Numbers as the reports print them (locale set in _DRAW: 2.028, 82,5); a ratio as a percentage.
    number = ".1~%" if row.kind == "ratio" else ",.4~r"
    y = {"field": "giá trị", "type": "quantitative", "title": None,
         "scale": {"zero": False}, "axis": {"tickCount": 3, "labelFontSize": 9, "format": number}}
    tooltip = [{"field": "kỳ", "title": "Kỳ"}, {"field": "hiển thị", "title": "Giá trị"},
               {"field": "đối chiếu", "title": "Đối chiếu"}]
    return {
        "width": 220, "height": 60, "background": None,
        "data": {"values": values},
        "encoding": {"x": x, "y": y, "tooltip": tooltip},
        "layer": [
            {"mark": {"type": "line", "color": LINE, "strokeWidth": 1.5, "invalid": "break-paths-show-domains"}},
            {"mark": {"type": "point", "filled": True, "size": 30},
             "encoding": {"color": {"field": "đối chiếu", "type": "nominal", "legend": None,
                                    "scale": {"domain": ["chắc chắn", "chưa chắc"], "range": [LINE, UNSURE]}}}},
        ],
        "config": {"view": {"stroke": None}, "axis": {"labelFont": "Times New Roman"}},
    }


# ---------------------------------------------------------------- the other tables


def _unmatched_table(items) -> str:
    if not items:
        return '<p class="muted">Không có.</p>'
    rows = "".join(
        f"<tr><td>{escape(u.period)}</td><td>{escape(u.label or '')}</td><td>{escape(KIND_WORDS.get(u.kind, u.kind))}</td>"
        f'<td class="num">{escape(format_number(u.amount))} {escape(u.unit or "")}</td><td>{escape(u.text)}</td>'
        f'<td class="muted">{escape(u.reason)}</td></tr>'
        for u in items
    )
    return ('<table class="unmatched"><tr><th>Kỳ</th><th>Chỉ tiêu</th><th>Loại</th><th>Giá trị</th>'
            f"<th>Câu gốc</th><th>Lý do</th></tr>{rows}</table>")


def _citation_table(rows, slots: list[Slot]) -> str:
    if not rows:
        return '<p class="muted">Không có văn bản nào được dẫn.</p>'
    columns = _columns(slots)
    body = "".join(
        f"<tr><td>{_cited(r)}</td>"
        + "".join((f'<td class="num">{"✓" if r.present[c.column] else ""}</td>' if isinstance(c, Slot)
                   else '<td class="gap"></td>') for c in columns)
        + "</tr>"
        for r in rows
    )
    return f'<table class="citations"><tr><th>Văn bản</th>{_head(slots)}</tr>{body}</table>'


def _section_changes(changes) -> str:
    if not changes:
        return '<p class="muted">Không thay đổi.</p>'
    rows = "".join(
        f"<tr><td>{escape(c.before)} → {escape(c.after)}</td><td>{SECTION_WORDS[c.change]}</td>"
        f"<td>{escape(c.id_before or '')} {escape(c.title_before or '')}</td>"
        f"<td>{escape(c.id_after or '')} {escape(c.title_after or '')}</td>"
        f'<td class="num">{format_number(c.score)}</td></tr>'
        for c in changes
    )
    return ('<table class="sections"><tr><th>Kỳ</th><th>Thay đổi</th><th>Trước</th><th>Sau</th>'
            f"<th>Độ khớp</th></tr>{rows}</table>")


def _periods_table(columns) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.label)}</td><td>{escape(c.symbol or '')}</td><td>{escape(c.date or '')}</td>"
        f"<td>{escape(c.source)}</td></tr>"
        for c in columns
    )
    return f'<table class="periods"><tr><th>Kỳ báo cáo</th><th>Số</th><th>Ngày</th><th>Tệp</th></tr>{rows}</table>'
