"""One agency's reports lined up across periods: indicators, citations, sections.

    >>> from extract.compare import compare, load_reports                # doctest: +SKIP
    >>> comparison = compare(load_reports(Path("corpora/samples/series").glob("*.docx")))  # doctest: +SKIP
    >>> [p.label for p in comparison.periods]                            # doctest: +SKIP
    ['6 tháng đầu năm 2021', 'năm 2021', '6 tháng đầu năm 2022', 'năm 2022']
    >>> row = comparison.indicators[0]; row.label, [c.value for c in row.cells]   # doctest: +SKIP
    ('Chỉ số sản xuất công nghiệp (IIP)', [12.5, 10.8, 9.6, 8.9])

Reports are ordered by ``metadata.period.start`` (then its end, then the report's
date). Indicators are aligned only within one kind, base unit and role, and only
when the scope their sentences state agrees (:mod:`extract.scopes`: a figure of a
60-day campaign is not the running total of the month before), by label similarity
(rapidfuzz, token based, on the accented text and on an accent-folded copy, so an
OCR'd report that lost its tones still lines up), the section's title breaking
ties; every indicator ends in an aligned row or in :attr:`Comparison.unmatched`.
Each cell says how sure its match is (``score``, ``reason``); a match a reader
should check (one period states a scope the other does not, a running total that
fell, a figure ten times larger or smaller) is ``uncertain`` and shows no change.
Citations are grouped by canonical ``key``; sections are matched by title with
the period words taken out ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022" is the same section
as "… 6 THÁNG CUỐI NĂM 2021").
"""

from __future__ import annotations

import csv
import functools
import io
import unicodedata
from pathlib import Path
from typing import Iterable

import msgspec
import regex
from rapidfuzz import fuzz, process, utils

from extract.errors import VnreportError
from extract.schema import Citation, Indicator, Report, Section

# A label pair scoring below this (0–100) is two different indicators; sections likewise.
LABEL_THRESHOLD = 85.0  # "Kim ngạch xuất khẩu" / "… nhập khẩu" score 84.5
SECTION_THRESHOLD = 70.0
# A figure this many times larger or smaller than the period before (periods of one length; a year
# beside a quarter allows four times more) is more likely another measure.
JUMP = 10.0
# Kinds whose figure is a share, a status at the report's date: its sentence's window ("trong tháng",
# "đến nay") says how it was counted, not what it measures, so windows that differ make a match to
# check, not two measures.
SHARE_KINDS = frozenset({"percent"})


# ---------------------------------------------------------------- result


class PeriodColumn(msgspec.Struct, kw_only=True):
    label: str
    start: str | None = None
    end: str | None = None
    date: str | None = None
    symbol: str | None = None
    source: str = ""


class Cell(msgspec.Struct, kw_only=True):
    value: float | None  # the indicator's base_value: in the base unit (đồng for "1.250 tỷ đồng")
    amount: float | None = None  # in the row's unit, as a reader writes it (1250 for "1.250 tỷ đồng")
    numerator: float | None = None
    denominator: float | None = None
    text: str = ""
    label: str | None = None
    section: str | None = None
    score: float = 100.0  # label similarity to the row's previous cell
    change: float | None = None  # amount minus the previous stated period's amount, in the row's unit
    change_pct: float | None = None  # relative change, percent of the previous amount
    id: str | None = None  # the indicator's id in its report
    scope: str | None = None  # what it counts (extract.scopes): cumulative, month, campaign …; None: unsaid
    reason: str = ""  # why it joined the row, in the reader's words (Vietnamese)
    uncertain: bool = False  # a match to check, not a change to read: no change is computed

    @property
    def shown(self) -> str:
        """As a Vietnamese reader writes it: ``1.234,5``, ``37/42``."""
        return self._written(format_number)

    @property
    def plain(self) -> str:
        """As a spreadsheet reads it: ``1234.5``, ``37/42``."""
        return self._written(plain_number)

    def _written(self, number) -> str:
        if self.numerator is not None and self.denominator is not None:
            return f"{number(self.numerator)}/{number(self.denominator)}"
        return number(self.amount)


class IndicatorRow(msgspec.Struct, kw_only=True):
    label: str
    kind: str
    unit: str | None
    cells: list[Cell | None]  # one per period, None where the report does not state it
    score: float  # the lowest label similarity that joined this row
    # the targets set for the same indicator (chỉ tiêu, kế hoạch), one per period, beside the results
    targets: list[Cell | None] = []
    role: str = "result"  # "target": a row of targets no result row states
    scope: str | None = None  # the scope its cells state (extract.scopes), None where none says

    @property
    def uncertain(self) -> bool:
        return any(c is not None and c.uncertain for c in self.cells)


class Unmatched(msgspec.Struct, kw_only=True):
    period: str
    label: str | None
    kind: str
    unit: str | None
    value: float | None  # in the base unit, the report JSON's base_value
    amount: float | None  # in ``unit``
    text: str
    section: str | None
    reason: str


class CitationRow(msgspec.Struct, kw_only=True):
    key: str
    text: str
    doc_type: str | None
    present: list[bool]
    symbol: str | None = None  # as printed ("06/QĐ-TTg"), where the citation gives one


class CitationChange(msgspec.Struct, kw_only=True):
    before: str  # period label
    after: str
    new: list[str]
    carried: list[str]
    dropped: list[str]


class SectionChange(msgspec.Struct, kw_only=True):
    before: str
    after: str
    change: str  # "added" | "removed" | "renamed"
    id_before: str | None = None
    id_after: str | None = None
    title_before: str | None = None
    title_after: str | None = None
    score: float | None = None


class Comparison(msgspec.Struct, kw_only=True):
    periods: list[PeriodColumn]
    indicators: list[IndicatorRow]
    unmatched: list[Unmatched]
    citations: list[CitationRow]
    citation_changes: list[CitationChange]
    section_changes: list[SectionChange]
    warnings: list[str] = []

    def to_json(self, *, pretty: bool = False) -> bytes:
        raw = msgspec.json.encode(self)
        return msgspec.json.format(raw, indent=2) if pretty else raw

    def to_csv(self) -> str:
        """One sheet: indicators (values, then change), citations (x where cited), sections.

        Numbers are plain (``1234.5``) so that spreadsheets and pandas read them as numbers.
        """
        labels = [p.label for p in self.periods]
        out = io.StringIO()
        writer = _SpreadsheetSafeWriter(csv.writer(out, lineterminator="\n"))
        writer.writerow(["table", "item", "kind", "unit", "status", "score", *labels,
                         *(f"change {p}" for p in labels[1:]), *(f"change % {p}" for p in labels[1:])])
        blank = [""] * (len(labels) - 1)
        for row in self.indicators:
            cells = row.cells
            status = "aligned, uncertain" if row.uncertain else "aligned"  # a match to check, no change shown
            writer.writerow(["indicator", row.label, row.kind, row.unit or "", status, plain_number(row.score),
                             *(c.plain if c else "" for c in cells),
                             *(plain_number(c.change) if c else "" for c in cells[1:]),
                             *(plain_number(c.change_pct) if c else "" for c in cells[1:])])
            if any(row.targets):
                writer.writerow(["indicator", row.label, row.kind, row.unit or "", "target", "",
                                 *(c.plain if c else "" for c in row.targets), *blank, *blank])
        for item in self.unmatched:
            values = [plain_number(item.amount) if p == item.period else "" for p in labels]
            writer.writerow(["indicator", item.label or item.text, item.kind, item.unit or "",
                             f"unmatched: {item.reason}", "", *values, *blank, *blank])
        for cited in self.citations:
            writer.writerow(["citation", cited.text, cited.doc_type or "", "", cited.key, "",
                             *("x" if here else "" for here in cited.present), *blank, *blank])
        for change in self.section_changes:
            values = [change.id_before if p == change.before else change.id_after if p == change.after else ""
                      for p in labels]
            title = change.title_after if change.change == "added" else change.title_before
            if change.change == "renamed":
                title = f"{change.title_before} → {change.title_after}"
            writer.writerow(["section", title, "", "", change.change,
                             plain_number(change.score),
                             *(v or "" for v in values), *blank, *blank])
        return out.getvalue()

    def to_html(self) -> str:
        from extract.compare_html import render_html

        return render_html(self)


# A cell a spreadsheet would run as a formula (=HYPERLINK(…), +cmd|…, @SUM(…), a tab or
# return first): the OWASP rule. A number with its sign ("-12.5") stays a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = regex.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula: a leading ``'`` where it would.

        >>> spreadsheet_safe("=SUM(A1:A9)"), spreadsheet_safe("@cmd"), spreadsheet_safe("-12.5"), spreadsheet_safe("Sở Y tế")
        ("'=SUM(A1:A9)", "'@cmd", '-12.5', 'Sở Y tế')
    """
    if cell.startswith(_FORMULA_START) and not _SIGNED_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


class _SpreadsheetSafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row) -> None:
        self._writer.writerow([spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row])


def plain_number(value: float | None) -> str:
    """``1234.5`` → ``"1234.5"``, ``21345.0`` → ``"21345"``, None → ``""``."""
    return "" if value is None else f"{value:.10g}"


def format_number(value: float | None) -> str:
    """Vietnamese notation, as the reports print it: ``1234.5`` → ``1.234,5``."""
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


# ---------------------------------------------------------------- text similarity


_PERIOD_WORDS = regex.compile(
    r"(?:\b(?:\d+|sáu|chín) tháng(?: (?:đầu|cuối))?(?: năm)?|\bquý [ivx\d]+(?: năm)?|\btháng \d+(?: năm)?|\bnăm)"
    r"(?:\s*/?\s*\d{4})?",
)


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without tone and vowel marks: ``"Đặc điểm"`` → ``"dac diem"``."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def similarity(a: str, b: str) -> float:
    """Token-based similarity 0–100, the better of the accented and the accent-folded text.

        >>> similarity("Kim ngạch xuất khẩu", "kim ngach xuat khau")
        100.0
        >>> similarity("Thuận lợi", "Khó khăn") < 50
        True

    The mean of token sort and token set ratios: the set ratio forgives extra words
    ("Tỷ lệ hồ sơ giải quyết đúng hạn" within a longer label), the sort ratio keeps a
    rename from scoring a perfect 100.
    """
    def score(x: str, y: str) -> float:
        x, y = utils.default_process(x), utils.default_process(y)
        return (fuzz.token_sort_ratio(x, y) + fuzz.token_set_ratio(x, y)) / 2

    a, b = unicodedata.normalize("NFC", a), unicodedata.normalize("NFC", b)
    return round(max(score(a, b), score(fold(a), fold(b))), 1)


@functools.lru_cache(maxsize=65536)
def section_key(title: str) -> str:
    """A title or label without its period words, for matching across periods.

        >>> section_key("PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021")
        'phương hướng, nhiệm vụ'
    """
    return " ".join(_PERIOD_WORDS.sub(" ", unicodedata.normalize("NFC", title).casefold()).split())


# ---------------------------------------------------------------- ordering and loading


def period_order(report: Report) -> tuple[str, str, str]:
    period, date = report.metadata.period, report.metadata.date or ""
    start = (period.start if period else None) or date or "9999"
    return start, (period.end if period else None) or date, date


def column(report: Report) -> PeriodColumn:
    meta = report.metadata
    label = (meta.period.label if meta.period else None) or meta.date or Path(report.source.path).name
    return PeriodColumn(label=label, start=meta.period.start if meta.period else None,
                        end=meta.period.end if meta.period else None, date=meta.date,
                        symbol=meta.symbol, source=report.source.path)


def load_reports(paths: Iterable[str | Path]) -> list[Report]:
    """Report JSON files (``vnreport parse`` output) as they are; any other file is parsed."""
    from extract.pipeline import parse

    reports = []
    for path in map(Path, paths):
        if path.suffix.lower() == ".json":
            try:
                reports.append(Report.from_json(path.read_bytes()))
            except FileNotFoundError:
                raise VnreportError(str(path), "no such file") from None
            except (msgspec.DecodeError, msgspec.ValidationError) as err:
                raise VnreportError(str(path), f"not a vnreport report JSON ({err})") from None
        else:
            reports.append(parse(path))
    return reports


def load_dataset(dataset: str | Path, agency: str | None = None) -> list[Report]:
    """The reports of a ``vnreport batch`` dataset, those of ``agency`` only when given.

    The agency matches without regard to case and accents ("sở công thương" finds
    "Sở Công Thương"), and else the one closest name if it is near enough
    (:func:`match_agency`: a typo, a word left out); when none is, the error
    names the closest agencies in the dataset.

        >>> load_dataset("dataset/", "So Cong Thuong")  # doctest: +SKIP
        [Report(...), Report(...)]
    """
    path = Path(dataset) / "reports.jsonl"
    if not path.is_file():
        raise VnreportError(str(path), "no reports.jsonl here: is this a folder written by vnreport batch?")
    reports, seen = [], set()
    with path.open("rb") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                report = Report.from_json(line)
            except (msgspec.DecodeError, msgspec.ValidationError) as err:
                raise VnreportError(str(path), f"line {number} is not a report JSON ({err})") from None
            if report.source.sha256 in seen:
                continue  # a dataset written before copies were told apart: one report per content
            seen.add(report.source.sha256)
            reports.append(report)
    if not reports:
        raise VnreportError(str(path), "no reports")
    if agency is None:
        return reports
    names = sorted({" ".join(r.metadata.agency.split()) for r in reports if r.metadata.agency})
    found, closest = match_agency(agency, names)
    if found is None:
        hint = "; closest: " + ", ".join(repr(n) for n in closest) if closest else "; no report names its agency"
        raise VnreportError(str(path), f"no report of agency {agency!r}{hint}")
    return [r for r in reports if " ".join((r.metadata.agency or "").split()) == found]


AGENCY_MATCH = 90  # rapidfuzz token_sort_ratio on folded names at or above which a name is taken


def match_agency(wanted: str, names: list[str]) -> tuple[str | None, list[str]]:
    """The name of ``names`` that ``wanted`` means, and the three closest names (for a message).

    Exact after folding case and accents first, then the closest name scoring at
    least :data:`AGENCY_MATCH`.

        >>> match_agency("so cong thuong", ["Sở Công Thương", "Sở Nội vụ"])[0]
        'Sở Công Thương'
        >>> match_agency("Sở Công Thươn", ["Sở Công Thương", "Sở Nội vụ"])[0]
        'Sở Công Thương'
        >>> match_agency("Sở Tài chính", ["Sở Công Thương", "Sở Nội vụ"])
        (None, ['Sở Công Thương', 'Sở Nội vụ'])
    """
    from rapidfuzz import fuzz, process

    folded = {fold(n): n for n in names}
    key = fold(" ".join(wanted.split()))
    if key in folded:
        return folded[key], []
    ranked = process.extract(key, list(folded), scorer=fuzz.token_sort_ratio, limit=3)
    if ranked and ranked[0][1] >= AGENCY_MATCH:
        return folded[ranked[0][0]], []
    return None, [folded[choice] for choice, _score, _ in ranked]


# ---------------------------------------------------------------- comparing


def compare(reports: list[Report]) -> Comparison:
    """Line the reports up by period and compare what they state.

        >>> reports = [extract.parse(p) for p in sorted(Path("corpora/samples/series").glob("*.docx"))]  # doctest: +SKIP
        >>> [p.label for p in compare(reports).periods]  # doctest: +SKIP
        ['6 tháng đầu năm 2021', 'năm 2021', '6 tháng đầu năm 2022', 'năm 2022']
    """
    ordered = sorted(map(_upgraded, reports), key=period_order)
    periods = [column(r) for r in ordered]
    warnings = [f"{p.source}: không có kỳ báo cáo hay ngày, xếp cuối" for r, p in zip(ordered, periods)
                if period_order(r)[0] == "9999"]
    rows, unmatched = align_indicators(ordered, periods)
    citations, citation_changes = compare_citations(ordered, periods)
    return Comparison(
        periods=periods, indicators=rows, unmatched=unmatched, citations=citations,
        citation_changes=citation_changes, section_changes=compare_sections(ordered, periods),
        warnings=warnings,
    )


def _section_titles(report: Report) -> dict[str, str]:
    return {s.id: s.title for s in report.iter_sections()}


def _unit(indicator: Indicator) -> str:
    """The base unit an indicator is compared in ("đồng" for "tỷ đồng"): a report that moves from
    triệu đồng to tỷ đồng still lines up, since cells hold base values."""
    from extract.indicators.scale import base_unit

    return " ".join((base_unit(indicator.unit)[1] or "").casefold().split())


def _base_value(indicator: Indicator) -> float | None:
    if indicator.base_value is not None or indicator.value is None:
        return indicator.base_value
    from extract.indicators.scale import based

    return based(indicator)[0]  # a report whose JSON leaves base_value out


def _cell(indicator: Indicator, score: float = 100.0, scope: str | None = None, reason: str = "",
          uncertain: bool = False) -> Cell:
    return Cell(value=_base_value(indicator), numerator=indicator.numerator, denominator=indicator.denominator,
                text=indicator.text, label=indicator.label, section=indicator.section, score=score,
                id=indicator.id, scope=scope, reason=reason, uncertain=uncertain)


def _scope(report: Report, indicator: Indicator) -> str | None:
    from extract.scopes import scope_of

    found = scope_of(report.text, tuple(indicator.span) if indicator.span else None, indicator.label)
    return found.name if found else None


def _upgraded(report: Report) -> Report:
    """A schema 1.0 report's indicators in 1.1 terms: 1.0 stored the base value in ``value``."""
    if report.schema_version != "1.0":
        return report
    from extract.indicators.scale import based, in_unit

    for ind in report.indicators:
        ind.base_value = ind.value
        ind.base_unit = based(ind)[1]
        if ind.kind != "ratio":
            ind.value, ind.value_max = in_unit(ind.value, ind.unit), in_unit(ind.value_max, ind.unit)
    report.schema_version = "1.1"
    return report


class _Row:
    """A row being built: its cells so far and the last label, section and stated scope that joined it."""

    def __init__(self, number: int, indicator: Indicator, section_title: str, width: int, at: int,
                 scope: str | None):
        self.number = number
        self.kind, self.unit, self.role = indicator.kind, _unit(indicator), _role(indicator)
        self.label, self.section_title = indicator.label or "", section_title
        self.folded = _folded_key(self.label)
        self.scope = scope
        self.cells: list[Cell | None] = [None] * width
        self.cells[at] = _cell(indicator, scope=scope)
        self.unit_shown = indicator.unit
        self.last_value = self.cells[at].value
        self.last_months: int | None = None

    def add(self, indicator: Indicator, section_title: str, at: int, score: float, scope: str | None,
            context: float = 100.0, months: int | None = None) -> None:
        cell = _cell(indicator, score, scope)
        cell.uncertain, cell.reason = _judged(self, cell, score, context, months)
        self.last_months = months
        self.cells[at] = cell
        self.label, self.section_title = indicator.label or self.label, section_title
        self.folded = _folded_key(self.label)
        self.scope = scope or self.scope
        self.last_value = cell.value if cell.value is not None else self.last_value


def _judged(row: _Row, cell: Cell, score: float, context: float = 100.0,
            months: int | None = None) -> tuple[bool, str]:
    """(uncertain, reason) for ``cell`` joining ``row``: the reason in the page's words.

    ``context`` is the similarity of the two sections' titles: a label that says no more than
    its unit ("12 văn bản") is a measure only by where it stands. ``months``: the length of the
    cell's period, against the row's last one (a year's flow is some four quarters')."""
    from extract.scopes import SCOPE_WORDS

    said = SCOPE_WORDS.get(cell.scope or row.scope or "", "")
    reason = f"cùng loại, đơn vị, vai trò; nhãn giống {format_number(score)}%"
    doubts = []
    if cell.scope == row.scope:
        reason += f"; cùng phạm vi «{said}»" if said else ""
    elif cell.scope and row.scope:  # a share counted over two windows (SHARE_KINDS)
        doubts.append(f"phạm vi khác nhau: «{SCOPE_WORDS.get(row.scope, '')}» và «{SCOPE_WORDS.get(cell.scope, '')}»")
    else:
        doubts.append(f"chỉ một kỳ ghi phạm vi «{said}»")
    if _folded_key(cell.label or "") == _folded_key(row.unit_shown or "") and context < SECTION_THRESHOLD:
        doubts.append("nhãn chỉ là đơn vị, đề mục khác nhau")
    before, now = row.last_value, cell.value
    if before is not None and now is not None and row.kind in _AMOUNT_KINDS:
        longer = months / row.last_months if months and row.last_months else 1.0
        if "cumulative" in (cell.scope, row.scope) and now < before:
            doubts.append("số lũy kế lại giảm")
        elif before and now and not min(1.0, longer) / JUMP <= abs(now / before) <= JUMP * max(1.0, longer):
            doubts.append(f"giá trị chênh hơn {format_number(JUMP)} lần")
    if doubts:
        return True, reason + "; chưa chắc: " + ", ".join(doubts)
    return False, reason


# Kinds whose value is an amount that a jump or a fall of a running total makes doubtful
_AMOUNT_KINDS = frozenset({"count", "quantity", "money"})


def _agree(row_scope: str | None, scope: str | None, kind: str = "count") -> bool:
    """Two stated scopes must be the same; an unsaid one agrees (and the match is then uncertain),
    and so does any window of a share (:data:`SHARE_KINDS`, uncertain too)."""
    return row_scope is None or scope is None or row_scope == scope or kind in SHARE_KINDS


def _months(period: PeriodColumn) -> int | None:
    """How many months a period spans ("quý I/2026": 3), None when it has no dates."""
    if not period.start or not period.end:
        return None
    (y0, m0), (y1, m1) = (map(int, d.split("-")[:2]) for d in (period.start, period.end))
    return (y1 - y0) * 12 + m1 - m0 + 1


def align_indicators(reports: list[Report], periods: list[PeriodColumn]) -> tuple[list[IndicatorRow], list[Unmatched]]:
    """Rows of one indicator across periods, and the indicators no other period states.

    Within each report the pairs (open row, indicator) of the same kind, unit and
    role whose stated scopes agree are scored by label similarity, then by section
    title similarity, and taken best first, each row and each indicator at most
    once per report.
    """
    width = len(reports)
    rows: list[_Row] = []
    by_kind_unit: dict[tuple[str, str, str], list[_Row]] = {}
    unlabelled: list[Unmatched] = []
    other_scope: dict[tuple[int, int], tuple[str, str]] = {}  # (report, indicator) → (its scope, the row's)
    for at, report in enumerate(reports):
        titles = _section_titles(report)
        labelled = []
        for indicator in report.indicators:
            if indicator.role == "threshold":
                unlabelled.append(_unmatched(indicator, periods[at], "ngưỡng của một quy định, không phải số liệu báo cáo"))
            elif indicator.label:
                labelled.append(indicator)
            else:
                unlabelled.append(_unmatched(indicator, periods[at], "không có nhãn để đối chiếu"))
        scopes = [_scope(report, indicator) for indicator in labelled]
        # The k-th figure of one label in a report goes on beside the k-th of the report before
        # ("hồ sơ tiếp nhận từ các nguồn" province-wide, then at the provincial police): the tie-breaker.
        seen_labels: dict[str, int] = {}
        ordinals = []
        for indicator in labelled:
            key = _folded_key(indicator.label)
            ordinals.append(seen_labels.get(key, 0))
            seen_labels[key] = ordinals[-1] + 1
        pairs = []
        choices = {group: [row.folded for row in members] for group, members in by_kind_unit.items()}
        for i, indicator in enumerate(labelled):
            title = titles.get(indicator.section or "", "")
            for group in _groups(by_kind_unit, indicator):
                for row in _candidates(indicator.label, by_kind_unit[group], choices.get(group, ())):
                    score = _label_score(row.label, indicator.label)
                    if score < LABEL_THRESHOLD:
                        continue
                    if not _agree(row.scope, scopes[i], indicator.kind):
                        other_scope.setdefault((at, i), (scopes[i], row.scope))
                        continue
                    context = _label_score(row.section_title, title) if title else 0.0
                    differ = bool(row.scope and scopes[i] and row.scope != scopes[i])
                    pairs.append((differ, -score, -context, abs(row.ordinal - ordinals[i]), row.number, i, row))
        pairs.sort(key=lambda pair: pair[:6])
        placed_rows, placed = set(), set()
        months = _months(periods[at])
        for _, neg_score, neg_context, _, number, i, row in pairs:
            if number in placed_rows or i in placed:
                continue
            indicator = labelled[i]
            row.add(indicator, titles.get(indicator.section or "", ""), at, -neg_score, scopes[i], -neg_context,
                    months)
            row.ordinal = ordinals[i]
            placed_rows.add(number)
            placed.add(i)
        for i, indicator in enumerate(labelled):
            if i not in placed:
                row = _Row(len(rows), indicator, titles.get(indicator.section or "", ""), width, at, scopes[i])
                row.other_scope = other_scope.get((at, i))
                row.last_months = months
                row.ordinal = ordinals[i]
                rows.append(row)
                by_kind_unit.setdefault((row.kind, row.unit, row.role), []).append(row)
    aligned, alone = [], []
    targets_of = _targets_beside(rows)
    for row in rows:
        if row.number in targets_of.values():
            continue  # shown beside the results it sets the target for
        targets = rows[targets_of[row.number]].cells if row.number in targets_of else []
        present = [(at, c) for at, c in enumerate(row.cells) if c is not None]
        if len(present) == 1:
            at, cell = present[0]
            alone.append(Unmatched(
                period=periods[at].label, label=cell.label, kind=row.kind, unit=row.unit_shown, value=cell.value,
                amount=_amount(cell.value, row.unit_shown),
                text=cell.text, section=cell.section, reason=_alone_reason(getattr(row, "other_scope", None))))
            continue
        _fill_amounts(row.cells, row.unit_shown)
        _fill_amounts(targets, row.unit_shown, changes=False)
        aligned.append(IndicatorRow(label=present[0][1].label or "", kind=row.kind, unit=row.unit_shown,
                                    cells=row.cells, score=min(c.score for _, c in present), targets=targets,
                                    role=row.role, scope=row.scope))
    return aligned, alone + unlabelled


def _alone_reason(other: tuple[str | None, str | None] | None) -> str:
    """Why a figure stands alone, in the page's words."""
    from extract.scopes import SCOPE_WORDS

    if other:
        mine, theirs = (SCOPE_WORDS.get(s or "", "không rõ") for s in other)
        return f"có chỉ tiêu cùng tên ở kỳ khác nhưng khác phạm vi: «{mine}» so với «{theirs}»"
    return "không kỳ nào khác có chỉ tiêu cùng loại, đơn vị và nhãn tương tự"


def _groups(by_kind_unit: dict[tuple[str, str, str], list[_Row]], indicator: Indicator) -> list[tuple[str, str, str]]:
    """The open rows' groups an indicator may join: its kind and role, a unit naming the same thing
    (a count in "TTHC" beside one in "thủ tục": :func:`extract.compare_words.same_unit`)."""
    from extract.compare_words import same_unit

    kind, unit, role = indicator.kind, _unit(indicator), _role(indicator)
    if kind != "count":
        return [(kind, unit, role)] if (kind, unit, role) in by_kind_unit else []
    return [g for g in by_kind_unit if g[0] == kind and g[2] == role and same_unit(g[1], unit)]


def _role(indicator: Indicator) -> str:
    """Results line up with results, targets with targets (a figure of no stated role is a result)."""
    return "target" if indicator.role == "target" else "result"


def _targets_beside(rows: list[_Row]) -> dict[int, int]:
    """Result row → the target row of the same kind, unit and label (best label first, each once)."""
    pairs = []
    for target in (r for r in rows if r.role == "target"):
        for result in (r for r in rows if r.role == "result" and (r.kind, r.unit) == (target.kind, target.unit)
                       and sum(c is not None for c in r.cells) >= 2):  # a result row that will be aligned
            score = _label_score(result.label, target.label)
            if score >= LABEL_THRESHOLD:
                pairs.append((-score, result.number, target.number))
    beside: dict[int, int] = {}
    for _, result, target in sorted(pairs):
        if result not in beside and target not in beside.values():
            beside[result] = target
    return beside


def _folded_key(label: str) -> str:
    from extract.compare_words import spelled_out

    return utils.default_process(fold(section_key(spelled_out(label))))


def _candidates(label: str, rows: list[_Row], folded: list[str]) -> list[_Row]:
    """The rows that may reach :data:`LABEL_THRESHOLD`, found in one C call.

    A mean of two ratios reaches the threshold only if the token set ratio reaches
    ``2 * threshold - 100``, and folding accents never lowers the set ratio, so the
    folded set ratio filters out nothing the full score would keep.
    """
    if not rows:
        return []
    found = process.extract(_folded_key(label), folded, scorer=fuzz.token_set_ratio,
                            score_cutoff=2 * LABEL_THRESHOLD - 100, limit=None)
    return [rows[index] for _, _, index in found]


@functools.lru_cache(maxsize=65536)
def _label_score(a: str, b: str) -> float:
    """Similarity of two labels or section titles once their period words are out and their
    abbreviations spelled out ("TTHC" / "thủ tục hành chính"; a dataset repeats the same labels
    period after period: cached)."""
    from extract.compare_words import spelled_out

    return similarity(section_key(spelled_out(a)), section_key(spelled_out(b)))


def _fill_amounts(cells: list[Cell | None], unit: str | None, changes: bool = True) -> None:
    """Amounts in the row's unit, and (``changes``) each one's change from the previous stated period."""
    previous = None
    for cell in cells:
        if cell is None:
            continue
        cell.amount = _amount(cell.value, unit)
        if cell.uncertain:
            previous = cell  # a match to check: its change would be read as news
            continue
        if changes and previous is not None and previous.amount is not None and cell.amount is not None:
            cell.change = round(cell.amount - previous.amount, 6)
            if previous.amount:
                cell.change_pct = round((cell.amount - previous.amount) / abs(previous.amount) * 100, 2)
        previous = cell


def _unmatched(indicator: Indicator, period: PeriodColumn, reason: str) -> Unmatched:
    value = _base_value(indicator)
    return Unmatched(period=period.label, label=indicator.label, kind=indicator.kind, unit=indicator.unit,
                     value=value, amount=_amount(value, indicator.unit), text=indicator.text,
                     section=indicator.section, reason=reason)


def _amount(value: float | None, unit: str | None) -> float | None:
    """A base value in ``unit``, as a reader of the row writes it."""
    from extract.indicators.scale import in_unit

    return None if value is None else round(in_unit(value, unit), 9)


def citation_identity(citation: Citation, by_id: dict[str, Citation]) -> str:
    """The canonical key; a short form takes the key of the citation it refers to; a named
    document without a key ("Nghị quyết Đại hội XIII của Đảng") is known by its folded text."""
    if citation.key:
        return citation.key
    target = by_id.get(citation.refers_to or "")
    if target is not None and target.key:
        return target.key
    return "named:" + " ".join(fold(citation.text).split())


def compare_citations(reports: list[Report], periods: list[PeriodColumn]) -> tuple[list[CitationRow], list[CitationChange]]:
    seen: dict[str, CitationRow] = {}
    per_report: list[set[str]] = []
    for at, report in enumerate(reports):
        by_id = {c.id: c for c in report.citations}
        keys = set()
        for citation in report.citations:
            key = citation_identity(citation, by_id)
            keys.add(key)
            row = seen.setdefault(key, CitationRow(key=key, text=citation.text, doc_type=citation.doc_type,
                                                   present=[False] * len(reports)))
            row.symbol = row.symbol or citation.symbol
            if citation.form == "full" and len(citation.text) > len(row.text):
                row.text = citation.text  # the fullest spelling describes the document best
            row.present[at] = True
        per_report.append(keys)
    changes = [
        CitationChange(before=periods[i - 1].label, after=periods[i].label,
                       new=sorted(per_report[i] - per_report[i - 1]),
                       carried=sorted(per_report[i] & per_report[i - 1]),
                       dropped=sorted(per_report[i - 1] - per_report[i]))
        for i in range(1, len(reports))
    ]
    return list(seen.values()), changes


def _flat_sections(report: Report) -> list[tuple[Section, str]]:
    """Each section with its parent's title (the context that breaks ties)."""
    out = []

    def walk(sections: list[Section], parent: str) -> None:
        for section in sections:
            out.append((section, parent))
            walk(section.children, section.title)

    walk(report.sections, "")
    return out


def compare_sections(reports: list[Report], periods: list[PeriodColumn]) -> list[SectionChange]:
    """For each pair of consecutive reports: sections added, removed and renamed.

    Sections of the same level are paired best title first (parent title breaking
    ties); a pair whose titles differ once the period words are out is a rename.
    """
    changes = []
    for i in range(1, len(reports)):
        before, after = _flat_sections(reports[i - 1]), _flat_sections(reports[i])
        pairs = []
        for b, (old, old_parent) in enumerate(before):
            for a, (new, new_parent) in enumerate(after):
                if old.level != new.level:
                    continue
                old_key, new_key = section_key(old.title), section_key(new.title)
                score = 100.0 if old_key == new_key else similarity(old_key, new_key)
                if score >= SECTION_THRESHOLD:
                    pairs.append((-score, -similarity(section_key(old_parent), section_key(new_parent)), b, a))
        pairs.sort()
        used_before, used_after = set(), set()
        here = {"before": periods[i - 1].label, "after": periods[i].label}
        for neg_score, _, b, a in pairs:
            if b in used_before or a in used_after:
                continue
            used_before.add(b)
            used_after.add(a)
            old, new = before[b][0], after[a][0]
            if -neg_score < 100:
                changes.append(SectionChange(**here, change="renamed", id_before=old.id, id_after=new.id,
                                             title_before=old.title, title_after=new.title, score=-neg_score))
        changes += [SectionChange(**here, change="removed", id_before=s.id, title_before=s.title)
                    for b, (s, _) in enumerate(before) if b not in used_before]
        changes += [SectionChange(**here, change="added", id_after=s.id, title_after=s.title)
                    for a, (s, _) in enumerate(after) if a not in used_after]
    return changes


class AgencyComparison(msgspec.Struct, kw_only=True):
    agency: str | None
    comparison: Comparison | None  # None: the agency has one report, nothing to compare it with
    reports: int


class ByAgency(msgspec.Struct, kw_only=True):
    """A dataset's reports compared agency by agency (``vnreport compare --dataset`` without ``--agency``)."""

    agencies: list[AgencyComparison]

    def to_json(self, *, pretty: bool = False) -> bytes:
        raw = msgspec.json.encode(self)
        return msgspec.json.format(raw, indent=2) if pretty else raw

    def to_csv(self) -> str:
        """Each agency's sheet under its name: an ``agency`` column first, a header row per agency
        (each has its own periods)."""
        out = io.StringIO()
        writer = _SpreadsheetSafeWriter(csv.writer(out, lineterminator="\n"))
        for group in self.agencies:
            if group.comparison is None:
                continue
            for row in csv.reader(io.StringIO(group.comparison.to_csv())):
                writer.writerow([group.agency or "", *row])
        return out.getvalue()

    def to_html(self) -> str:
        from extract.compare_html import render_agencies

        return render_agencies(self)


def compare_by_agency(reports: list[Report]) -> ByAgency:
    """The reports grouped by agency (case and accents aside), each group compared on its own.

        >>> from extract.schema import Metadata, Source
        >>> def report(agency, day):
        ...     return Report(source=Source(path=f"{agency}-{day}.json", sha256="0" * 64, format="txt"),
        ...                   metadata=Metadata(agency=agency, date=f"2025-0{day}-01"))
        >>> grouped = compare_by_agency([report("Sở Nội vụ", 1), report("Sở Y tế", 2), report("sở nội vụ", 3)])
        >>> [(g.agency, g.reports, g.comparison is not None) for g in grouped.agencies]
        [('Sở Nội vụ', 2, True), ('Sở Y tế', 1, False)]
    """
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(fold(" ".join((report.metadata.agency or "").split())), []).append(report)
    agencies = []
    for members in groups.values():
        named = next((r.metadata.agency for r in members if r.metadata.agency), None)
        agencies.append(AgencyComparison(agency=" ".join(named.split()) if named else None, reports=len(members),
                                         comparison=compare(members) if len(members) > 1 else None))
    agencies.sort(key=lambda g: (g.comparison is None, -g.reports, fold(g.agency or "")))
    return ByAgency(agencies=agencies)


def write(comparison: Comparison | ByAgency, fmt: str) -> bytes:
    """The comparison in ``json``, ``csv`` or ``html``, as bytes to write."""
    renderers = {
        "json": lambda: comparison.to_json(pretty=True) + b"\n",
        "csv": lambda: comparison.to_csv().encode("utf-8"),
        "html": lambda: comparison.to_html().encode("utf-8"),
    }
    return renderers[fmt]()

