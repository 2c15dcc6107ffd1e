"""vnreport as a spaCy pipeline component (the ``vnreport[spacy]`` extra).

    >>> import spacy  # doctest: +SKIP
    >>> nlp = spacy.blank("vi")  # doctest: +SKIP
    >>> nlp.add_pipe("vnreport")  # doctest: +SKIP
    >>> doc = nlp("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5% theo Chỉ thị số 08-CT/TU")  # doctest: +SKIP
    >>> [(s.text, s.label_) for s in doc.spans["indicators"]]  # doctest: +SKIP
    [('Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%', 'percent')]
    >>> doc.spans["citations"][0]._.vnreport.symbol  # doctest: +SKIP
    '08-CT/TU'

The component is registered under the name ``vnreport`` through the
``spacy_factories`` entry point, so ``add_pipe("vnreport")`` needs no import of
ours. It runs the whole vnreport pipeline on ``doc.text`` (read as a plain-text
report) and sets three span groups:

- ``doc.spans["citations"]``: label ``"citation"``, ``span.id_`` the citation's id;
- ``doc.spans["indicators"]``: label the indicator's ``kind`` (``percent``, ``money`` …);
- ``doc.spans["sections"]``: label ``"section"``, ``span.id_`` the section's id, the
  span covering the section's heading and body.

``span._.vnreport`` gives the finding itself (a :class:`~extract.schema.Citation`,
:class:`~extract.schema.Indicator` or :class:`~extract.schema.Section`, the latter
without its children, which are spans of their own), and ``doc._.vnreport`` the
:class:`~extract.schema.Report` without its text (its ``span`` fields count in
vnreport's normalized text; the Span objects in the Doc's). The
findings are kept in ``doc.user_data`` as plain JSON values, so a ``DocBin`` with
``store_user_data=True`` carries them.

This module imports spaCy: ``import extract`` never imports it.
"""

from __future__ import annotations

from typing import Literal

import msgspec
from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.schema import Citation, Indicator, Metadata, Report, Section, Source

USER_DATA_KEY = "vnreport"
_TYPES = {"citation": Citation, "indicator": Indicator, "section": Section}


def _span_finding(span: Span):
    store = span.doc.user_data.get(USER_DATA_KEY)
    if not store:
        return None
    group = span.label_ if span.label_ in ("citation", "section") else "indicator"
    data = store[group].get(span.id_)
    return None if data is None else msgspec.convert(data, _TYPES[group])


def _doc_report(doc: Doc) -> Report | None:
    store = doc.user_data.get(USER_DATA_KEY)
    if not store:
        return None
    report = store["report"]
    return Report(
        source=msgspec.convert(report["source"], Source),
        metadata=msgspec.convert(report["metadata"], Metadata),
        sections=msgspec.convert(report["sections"], list[Section]),
        citations=[msgspec.convert(c, Citation) for c in store["citation"].values()],
        indicators=[msgspec.convert(i, Indicator) for i in store["indicator"].values()],
        warnings=report["warnings"],
    )


if not Span.has_extension("vnreport"):
    Span.set_extension("vnreport", getter=_span_finding)
if not Doc.has_extension("vnreport"):
    Doc.set_extension("vnreport", getter=_doc_report)


Mode = Literal["auto", "report", "text"]


class VnreportComponent:
    """Finds citations, indicators and sections in a Doc's text and sets them as span groups.

    ``mode="report"`` reads the text as a whole report (its front matter, outline and
    signature block apart, as ``vnreport parse`` does); ``mode="text"`` reads it as
    running text: every citation and figure in it, no sections. ``"auto"`` (the
    default) reads a text of one paragraph (no line break) as running text and any
    other as a report.

        >>> import spacy
        >>> nlp = spacy.blank("vi"); _ = nlp.add_pipe("vnreport")
        >>> doc = nlp("Thu ngân sách đạt 21.345 tỷ đồng.")
        >>> [(s.text, s._.vnreport.base_unit) for s in doc.spans["indicators"]]
        [('Thu ngân sách đạt 21.345 tỷ đồng', 'đồng')]
    """

    def __init__(self, name: str = "vnreport", mode: Mode = "auto"):
        if mode not in ("auto", "report", "text"):
            raise ValueError(f"vnreport: mode must be auto, report or text, not {mode!r}")
        self.name = name
        self.mode = mode

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        mode = self.mode if self.mode != "auto" else ("report" if "\n" in text.strip() else "text")
        if not text.strip():
            return annotate(doc, Report(source=Source(path="<spacy>", sha256="", format="txt")), None)
        if mode == "text":
            return annotate(doc, _running_text(text), None)
        from extract.pipeline import parse

        # No fork-based bounds: a spaCy pipeline runs in the caller's process (and
        # nlp.pipe(n_process=…) isolates texts itself).
        report = parse(text.encode("utf-8"), "txt", name="<spacy>", ocr="never", timeout=None, memory_mb=None)
        offsets = None if report.text == text else align(report.text, text)
        return annotate(doc, report, offsets)


def _running_text(text: str) -> Report:
    import hashlib

    from extract.citations import find_citations
    from extract.indicators import find_indicators

    return Report(source=Source(path="<spacy>", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), format="txt"),
                  text=text, citations=find_citations(text), indicators=find_indicators(text))


@Language.factory("vnreport", default_config={"mode": "auto"})
def make_vnreport(nlp: Language, name: str, mode: Mode) -> VnreportComponent:
    """The ``vnreport`` factory: ``nlp.add_pipe("vnreport", config={"mode": "report"})``.

        >>> import spacy
        >>> spacy.blank("vi").add_pipe("vnreport").mode
        'auto'
    """
    return VnreportComponent(name, mode)


def annotate(doc: Doc, report: Report, offsets: list[int] | None) -> Doc:
    """Set the report's findings on ``doc`` as span groups.

    ``offsets`` maps each character of ``report.text`` to one of ``doc.text``
    (:func:`align`); ``None`` when the two texts are the same.

        >>> import spacy  # doctest: +SKIP
        >>> from extract.schema import Report, Source  # doctest: +SKIP
        >>> doc = annotate(spacy.blank("vi")("Văn bản"), Report(source=Source(path="x", sha256="", format="txt")), None)  # doctest: +SKIP
        >>> list(doc.spans)  # doctest: +SKIP
        ['citations', 'indicators', 'sections']
    """
    store = {
        "report": {"source": msgspec.to_builtins(report.source), "metadata": msgspec.to_builtins(report.metadata),
                   "sections": msgspec.to_builtins(report.sections), "warnings": list(report.warnings)},
        "citation": {}, "indicator": {}, "section": {},
    }

    def span_of(start: int, end: int, label: str, span_id: str) -> Span | None:
        if offsets is not None and end > start:
            start, end = offsets[start], offsets[end - 1] + 1
        if end <= start:
            return None
        return doc.char_span(start, end, label=label, span_id=span_id, alignment_mode="expand")

    citations, indicators, sections = [], [], []
    for c in report.citations:
        span = span_of(*c.span, "citation", c.id)
        if span is not None:
            citations.append(span)
            store["citation"][c.id] = msgspec.to_builtins(c)
    for i in report.indicators:
        span = span_of(*i.span, i.kind, i.id)
        if span is not None:
            indicators.append(span)
            store["indicator"][i.id] = msgspec.to_builtins(i)
    for s in report.iter_sections():
        span = span_of(*s.span, "section", s.id)
        if span is not None:
            sections.append(span)
            node = msgspec.to_builtins(s)
            node["children"] = []
            store["section"][s.id] = node
    doc.user_data[USER_DATA_KEY] = store
    doc.spans["citations"] = citations
    doc.spans["indicators"] = indicators
    doc.spans["sections"] = sections
    return doc


def to_spacy(report: Report, nlp: Language) -> Doc:
    """A Doc of ``report.text`` with the report's findings as span groups, without parsing again.

    The pipeline's other components run on it; its ``vnreport`` component, if any, does not.

        >>> import spacy, extract  # doctest: +SKIP
        >>> doc = extract.parse("corpora/samples/bao-cao-6-thang-2021.docx").to_spacy(spacy.blank("vi"))  # doctest: +SKIP
        >>> doc.spans["citations"][0]._.vnreport.key  # doctest: +SKIP
        'CT|8|TU'
    """
    doc = annotate(nlp.make_doc(report.text), report, None)
    for name, proc in nlp.pipeline:
        if not isinstance(proc, VnreportComponent):
            doc = proc(doc)
    return doc


def align(source: str, target: str) -> list[int]:
    r"""For each character of ``source``, the position of the matching one in ``target``.

    The two texts differ where vnreport normalized the words: whitespace runs, line
    breaks, Unicode composition. Characters are matched in order, whitespace on
    either side skipped, and a few characters looked ahead on a mismatch, so the
    walk is linear in the texts' length.

        >>> align("a b", "a  b")
        [0, 1, 3]
        >>> align("x\ny", " x \n\n y")
        [1, 3, 6]
    """
    out = [0] * len(source)
    i = j = 0
    n, m = len(source), len(target)
    while i < n:
        if j >= m:
            out[i] = m
            i += 1
            continue
        a, b = source[i], target[j]
        if a == b:
            out[i] = j
            i += 1
            j += 1
        elif b.isspace():
            j += 1
        elif a.isspace():
            out[i] = j
            i += 1
        else:
            ahead = target.find(a, j, j + 8)
            if ahead != -1:
                j = ahead
                continue
            out[i] = j  # a substituted character (a quote, a dash): both advance
            i += 1
            j += 1
    return out
