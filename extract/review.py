"""A report as one self-contained HTML page to review what vnreport found in its words.

    >>> from extract.schema import Citation, Report, Source
    >>> r = Report(source=Source(path="bc.txt", sha256="", format="txt"), text="Theo Chỉ thị số 08-CT/TU <b>.",
    ...            citations=[Citation(id="c1", text="Chỉ thị số 08-CT/TU", form="full", span=(5, 24))])
    >>> page = render_review(r)
    >>> '<mark class="f citation" data-id="c1">Chỉ thị số 08-CT/TU</mark>' in page, "<b>" in page
    (True, False)

The page shows the metadata and the warnings at the top, the outline on the left
(a click jumps to the section), the text with every citation and indicator
highlighted in place, coloured by kind; a click on one shows its JSON and its
page. Nothing is fetched: CSS, script and data are inline, so the file opens
alike from a disk or a mail. The page is a Jinja2 template
(``extract/templates/review.html``), every text escaped.
"""

from __future__ import annotations

import json
from pathlib import Path

import msgspec

from extract.schema import Report

KIND_NAMES = {  # legend, in Vietnamese like the page
    "citation": "văn bản được dẫn",
    "percent": "tỷ lệ %", "ratio": "tỷ số", "count": "số lượng", "money": "tiền",
    "quantity": "khối lượng", "growth": "tăng, giảm", "rank": "xếp hạng",
}


def segments(report: Report) -> list[dict]:
    """The text cut where a finding or a section starts or ends, each piece with the findings over it.

    A piece lists its findings outermost first, so that marks nest; a finding that
    crosses another is cut in pieces that share its id.

        >>> from extract.schema import Indicator, Source
        >>> r = Report(source=Source(path="a", sha256="", format="txt"), text="đạt 98% kế hoạch",
        ...            indicators=[Indicator(id="i1", text="đạt 98%", label=None, kind="percent", span=(0, 7))])
        >>> [(s["text"], s["marks"]) for s in segments(r)]
        [('đạt 98%', ['i1']), (' kế hoạch', [])]
    """
    text = report.text
    findings = [(c.span[0], c.span[1], c.id) for c in report.citations]
    findings += [(i.span[0], i.span[1], i.id) for i in report.indicators]
    findings = [(max(0, a), min(len(text), b), fid) for a, b, fid in findings if b > a]
    anchors = {}
    for section in report.iter_sections():
        anchors.setdefault(section.span[0], section.id)
    cuts = sorted({0, len(text), *anchors, *(a for a, _, _ in findings), *(b for _, b, _ in findings)})
    findings.sort(key=lambda f: (f[0], -f[1]))
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        marks = [fid for a, b, fid in findings if a <= start and end <= b]
        pieces.append({"text": text[start:end], "marks": marks, "anchor": anchors.get(start)})
    return pieces


def render_review(report: Report) -> str:
    """The review page of ``report``, as HTML text (see the module's example)."""
    import jinja2
    import markupsafe

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("extract", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True, lstrip_blocks=True,
    )
    findings = {c.id: {"group": "citation", "kind": "citation", "finding": msgspec.to_builtins(c)}
                for c in report.citations}
    findings.update({i.id: {"group": "indicator", "kind": i.kind, "finding": msgspec.to_builtins(i)}
                     for i in report.indicators})
    kinds = {fid: f["kind"] for fid, f in findings.items()}
    # JSON in a <script> element, in the contract's field order (Jinja's tojson sorts keys):
    # the three characters that could end the element or start markup are escaped.
    data = json.dumps(findings, ensure_ascii=False)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    used = sorted({f["kind"] for f in findings.values()}, key=list(KIND_NAMES).index)
    return env.get_template("review.html").render(
        report=report, segments=segments(report), kinds=kinds, findings_json=markupsafe.Markup(data),
        legend=[(k, KIND_NAMES[k]) for k in used],
        counts={"citation": len(report.citations), "indicator": len(report.indicators)},
    )


def load_report(path: str | Path, **parse_options) -> Report:
    """A report from a ``vnreport parse`` JSON file, or parsed from a report file.

        >>> load_report("report.json").metadata.title  # doctest: +SKIP
        'Kết quả thực hiện nhiệm vụ …'
    """
    from extract.errors import MissingFile, VnreportError
    from extract.paths import shown

    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            return Report.from_json(path.read_bytes())
        except FileNotFoundError:
            raise MissingFile(shown(path), "no such file") from None
        except (msgspec.DecodeError, msgspec.ValidationError) as err:
            raise VnreportError(shown(path), f"not a report JSON ({err})") from None
    from extract.pipeline import parse

    return parse(path, **parse_options)
