"""The pipeline's step: the indicators of one report's body and tables, with section, page and period."""

from __future__ import annotations

from extract.schema import Indicator

# Whether extract() refines labels with underthesea; set from the measurement in docs/accuracy.md.
NLP_DEFAULT = False


def extract(skeleton, metadata, *, nlp: bool | None = None, citations=None) -> list[Indicator]:
    """Indicators of a report's body and tables, with section, page and period.

    Numbers inside citations are left out: ``citations`` are those the citation extractor already
    found in ``skeleton.text`` (found again here when not given). The header (số, date, title) holds
    no results; footnotes sit in the back matter and do.
    """
    from extract.indicators.prose import Context, find_indicators
    from extract.indicators.roles import document_role
    from extract.indicators.tables import table_indicators

    if citations is None:
        from extract.citations import find_citations

        citations = find_citations(skeleton.text)
    exclude = [c.span for c in citations]
    exclude += [pb.span for pb in skeleton.blocks if pb.region == "front"]
    period = metadata.period.label if getattr(metadata, "period", None) else None
    context = Context(_headings(skeleton), document_role(getattr(metadata, "doc_type", None),
                                                         getattr(metadata, "title", None)))
    tables = table_indicators(skeleton, period, context)
    exclude += [t.span for t in tables]  # a table's figures are read once, as its cells, not again as prose
    found = find_indicators(skeleton.text, nlp=NLP_DEFAULT if nlp is None else nlp, period=period,
                            exclude=_merge(exclude), context=context)
    found = sorted(found + tables, key=lambda i: i.span)
    for n, ind in enumerate(found, 1):
        ind.id = f"i{n}"
        ind.section = skeleton.section_at(ind.span[0])
        ind.page = skeleton.page_at(ind.span[0])
    return found


extract.uses = ("citations",)  # the pipeline hands over the citations it found (extract.pipeline)


def _headings(skeleton):
    """Offset → the titles of its section and of the sections above it, nearest first."""
    chains: dict[str, tuple[str, ...]] = {}

    def walk(sections, above: tuple[str, ...]) -> None:
        for s in sections:
            chains[s.id] = (s.title, *above)
            walk(s.children, chains[s.id])

    walk(skeleton.sections, ())
    return lambda at: chains.get(skeleton.section_at(at) or "", ())


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged
