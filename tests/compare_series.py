"""The sample series as Report objects built straight from the content model of
``scripts/make_samples.py`` (no parsing), so compare is tested on exact input."""

from __future__ import annotations

import hashlib
import importlib.util
import sys

from conftest import ROOT

from extract.indicators.scale import based
from extract.schema import Citation, Indicator, Metadata, Period, Report, Section, Source


def load_make_samples():
    if "make_samples" not in sys.modules:
        spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts" / "make_samples.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["make_samples"] = module  # dataclasses look their module up while the class is made
        spec.loader.exec_module(module)
    return sys.modules["make_samples"]


def _tree(pairs: list[tuple[str, str]]) -> list[Section]:
    roots: list[Section] = []
    by_id: dict[str, Section] = {}
    for sid, title in pairs:
        parts = sid.split(".")
        section = Section(id=sid, label=parts[-1] + ("." if len(parts) < 3 else ")"), number=parts[-1],
                          level=len(parts), title=title, children=[])
        by_id[sid] = section
        (by_id[".".join(parts[:-1])].children if len(parts) > 1 else roots).append(section)
    return roots


def model_report(period_id: str) -> Report:
    samples = load_make_samples()
    rendered = samples.render(period_id)
    period = rendered.period
    at = samples.PERIOD_IDS.index(period_id)
    indicators = []
    for n, figure in enumerate(rendered.figures, 1):
        value = figure.values[at]
        pair = value if isinstance(value, tuple) else (None, None)
        if figure.kind == "ratio":
            value = pair[0] / pair[1]
        elif figure.kind == "rank":
            value = pair[0]
        indicator = Indicator(
            id=f"i{n}", text=figure.label, label=figure.label, kind=figure.kind, unit=figure.unit or None,
            value=value, numerator=pair[0], denominator=pair[1], section=rendered.figure_sections[figure.key],
        )
        # as the extractor writes it: value as printed ("1.250 tỷ đồng" → 1250), base_value in đồng
        indicator.base_value, indicator.base_unit = based(indicator)
        indicators.append(indicator)
    citations = [Citation(id=f"c{n}", text=samples.CITATIONS[key].text, form="full", key=key)
                 for n, key in enumerate(sorted(rendered.citations), 1)]
    return Report(
        source=Source(path=f"series/{period.file}", sha256=hashlib.sha256(period_id.encode()).hexdigest(),
                      format="docx"),
        metadata=Metadata(doc_type="Báo cáo", symbol=period.symbol, agency="Sở Công Thương",
                          date=period.date.isoformat(),
                          period=Period(label=period.label, start=period.start, end=period.end)),
        sections=_tree(rendered.sections), citations=citations, indicators=indicators,
    )


def model_series() -> list[Report]:
    return [model_report(p) for p in load_make_samples().PERIOD_IDS]


def write_two_agency_dataset(folder) -> None:
    """A dataset folder holding the model series and one report of another agency, as
    ``vnreport batch`` writes ``reports.jsonl``."""
    other = model_series()[0]
    other.metadata.agency = "Sở Nội vụ"
    other.source.sha256 = "f" * 64  # another content: a dataset holds one report per sha256
    lines = [r.to_json() for r in model_series()] + [other.to_json()]
    (folder / "reports.jsonl").write_bytes(b"\n".join(lines) + b"\n")
