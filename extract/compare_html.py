"""A :class:`~extract.compare.Comparison` as one self-contained HTML page.

No script, no font, no request: inline CSS and one inline SVG line chart per
aligned indicator, so the page opens the same from an archive's disk years later.

    >>> from extract.compare import Comparison
    >>> page = render_html(Comparison(periods=[], indicators=[], unmatched=[], citations=[],
    ...                                citation_changes=[], section_changes=[]))
    >>> page.startswith("<!DOCTYPE html>"), "http" in page.split("<body>")[1]
    (True, False)
"""

from __future__ import annotations

from html import escape

from extract.compare import format_number

CSS = """
body{font-family:"Times New Roman",serif;margin:2em;color:#222;max-width:80em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #999}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top}
th{background:#eee;text-align:left}
td.num{text-align:right;white-space:nowrap}
.change{display:block;font-size:.8em;color:#555}
.target{display:block;font-size:.8em;color:#705000}
.up{color:#1a7f37}.down{color:#b42318}
.score{color:#777;font-size:.85em}
svg.chart{display:block}
.muted{color:#777}
ul{margin:.2em 0}
"""

CHART_WIDTH, CHART_HEIGHT, PAD = 160, 48, 6


def render_html(comparison) -> str:
    periods = [p.label for p in comparison.periods]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        "<title>So sánh báo cáo qua các kỳ</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>So sánh báo cáo qua các kỳ</h1>",
        _periods_table(comparison.periods),
        "<h2>Chỉ tiêu</h2>",
        _indicator_table(comparison.indicators, periods),
        "<h2>Chỉ tiêu không đối chiếu được</h2>",
        _unmatched_table(comparison.unmatched),
        "<h2>Văn bản được dẫn</h2>",
        _citation_table(comparison.citations, periods),
        _citation_changes(comparison.citation_changes),
        "<h2>Đề mục</h2>",
        _section_changes(comparison.section_changes),
    ]
    if comparison.warnings:
        parts.append("<h2>Cảnh báo</h2><ul>" + "".join(f"<li>{escape(w)}</li>" for w in comparison.warnings) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _periods_table(columns) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.label)}</td><td>{escape(c.symbol or '')}</td><td>{escape(c.date or '')}</td>"
        f"<td>{escape(c.source)}</td></tr>"
        for c in columns
    )
    return f'<table class="periods"><tr><th>Kỳ báo cáo</th><th>Số</th><th>Ngày</th><th>Tệp</th></tr>{rows}</table>'


def _indicator_table(rows, periods) -> str:
    if not rows:
        return '<p class="muted">Không có chỉ tiêu nào xuất hiện ở hai kỳ trở lên.</p>'
    head = "".join(f"<th>{escape(p)}</th>" for p in periods)
    body = []
    for row in rows:
        targets = row.targets or [None] * len(row.cells)
        cells = "".join(_value_cell(cell, rising_is_good=row.kind != "rank", target=target)
                        for cell, target in zip(row.cells, targets))
        unit = escape(row.unit or "")
        body.append(
            f'<tr class="indicator"><td class="label">{escape(row.label)}'
            f'<span class="score"> · {escape(row.kind)} · độ khớp {format_number(row.score)}</span></td>'
            f"<td>{unit}</td>{cells}<td>{chart(row, periods)}</td></tr>"
        )
    return f'<table class="indicators"><tr><th>Chỉ tiêu</th><th>Đơn vị</th>{head}<th>Biểu đồ</th></tr>{"".join(body)}</table>'


def _value_cell(cell, rising_is_good: bool, target=None) -> str:
    """A result, its change from the period before and, beside it, the target set for that period."""
    aim = f'<span class="target" title="{escape(target.text)}">chỉ tiêu {escape(target.shown)}</span>' if target else ""
    if cell is None:
        return f'<td class="num muted">–{aim}</td>'
    change = ""
    if cell.change is not None:
        better = cell.change > 0 if rising_is_good else cell.change < 0  # rank 12/63 beats 15/63
        sign = "" if cell.change == 0 else "up" if better else "down"
        pct = f" ({'+' if cell.change_pct > 0 else ''}{format_number(cell.change_pct)}%)" if cell.change_pct is not None else ""
        change = f'<span class="change {sign}">{"+" if cell.change > 0 else ""}{format_number(cell.change)}{pct}</span>'
    return f'<td class="num" title="{escape(cell.text)}">{escape(cell.shown)}{change}{aim}</td>'


def chart(row, periods: list[str]) -> str:
    """A small line chart of the row's values, each point titled with its period and value."""
    points = [(i, c.amount) for i, c in enumerate(row.cells) if c is not None and c.amount is not None]
    n = max(len(row.cells) - 1, 1)
    values = [v for _, v in points]
    low, high = min(values, default=0), max(values, default=0)
    span = (high - low) or 1.0

    def xy(i, v):
        x = PAD + i * (CHART_WIDTH - 2 * PAD) / n
        y = CHART_HEIGHT - PAD - (v - low) * (CHART_HEIGHT - 2 * PAD) / span
        return f"{x:.1f},{y:.1f}"

    line = " ".join(xy(i, v) for i, v in points)
    dots = "".join(
        '<circle cx="{}" cy="{}" r="2.5"><title>{}</title></circle>'.format(
            *xy(i, v).split(","), escape(f"{periods[i]}: {row.cells[i].shown}"))
        for i, v in points
    )
    return (f'<svg class="chart" width="{CHART_WIDTH}" height="{CHART_HEIGHT}" '
            f'viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" aria-label="{escape(row.label)}">'
            f'<polyline fill="none" stroke="#1f5fa8" stroke-width="1.5" points="{line}"/>'
            f'<g fill="#1f5fa8">{dots}</g></svg>')


def _unmatched_table(items) -> str:
    if not items:
        return '<p class="muted">Không có.</p>'
    rows = "".join(
        f"<tr><td>{escape(u.period)}</td><td>{escape(u.label or '')}</td><td>{escape(u.kind)}</td>"
        f'<td class="num">{escape(format_number(u.amount))} {escape(u.unit or "")}</td><td>{escape(u.text)}</td>'
        f'<td class="muted">{escape(u.reason)}</td></tr>'
        for u in items
    )
    return ('<table class="unmatched"><tr><th>Kỳ</th><th>Chỉ tiêu</th><th>Loại</th><th>Giá trị</th>'
            f"<th>Câu gốc</th><th>Lý do</th></tr>{rows}</table>")


def _citation_table(rows, periods) -> str:
    if not rows:
        return '<p class="muted">Không có văn bản nào được dẫn.</p>'
    head = "".join(f"<th>{escape(p)}</th>" for p in periods)
    body = "".join(
        f"<tr><td>{escape(r.text)}<span class=\"score\"> · {escape(r.key)}</span></td>"
        + "".join(f'<td class="num">{"✓" if here else ""}</td>' for here in r.present)
        + "</tr>"
        for r in rows
    )
    return f'<table class="citations"><tr><th>Văn bản</th>{head}</tr>{body}</table>'


def _citation_changes(changes) -> str:
    items = []
    for c in changes:
        new = ", ".join(map(escape, c.new)) or "–"
        dropped = ", ".join(map(escape, c.dropped)) or "–"
        items.append(f"<li>{escape(c.before)} → {escape(c.after)}: mới {new}; không còn dẫn {dropped}; "
                     f"tiếp tục dẫn {len(c.carried)}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


SECTION_WORDS = {"added": "thêm", "removed": "bỏ", "renamed": "đổi tên"}


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
