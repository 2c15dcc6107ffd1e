"""The report JSON contract (``docs/output.md``) as msgspec Structs.

This module imports nothing of ours: every other layer imports it.

    >>> r = Report(source=Source(path="a.docx", sha256="0" * 64, format="docx"))
    >>> r.to_json()[:26]
    b'{"schema_version":"1.1","s'

Field order follows OUTPUT.md so that the JSON reads like the contract.
Fields may be added at the end of a Struct; none may be renamed.
"""

from __future__ import annotations

from typing import Literal

import msgspec

SCHEMA_VERSION = "1.1"

Span = tuple[int, int]


class Signature(msgspec.Struct, kw_only=True):
    """The e-signing portal's block printed on a page ("Người ký: … Cơ quan: … Thời gian
    ký: …"): kept out of the text and the metadata, recorded here for archivists.

        >>> Signature(organisation="Sở Nội vụ", time="2025-01-10T09:15:00+07:00", page=1).organisation
        'Sở Nội vụ'

    Attributes:
        signer: The signer as printed after "Người ký:" or "Ký bởi:".
        email: The signer's e-mail address, when printed.
        organisation: The signing body as printed after "Cơ quan:".
        time: When it was signed, ISO 8601, with the offset when printed.
        page: The 1-based page the block is printed on.
        copy: For a certified copy's stamp, its kind: "SAO Y", "SAO LỤC", "SAO Y BẢN CHÍNH"
            (organisation and time are then the copying body's); null for a signing portal's block.
    """

    signer: str | None = None  # as printed after "Người ký:" / "Ký bởi:"
    email: str | None = None
    organisation: str | None = None  # as printed after "Cơ quan:"
    time: str | None = None  # ISO 8601, with the offset when printed
    page: int | None = None
    copy: str | None = None


class Source(msgspec.Struct, kw_only=True):
    """The file a report was read from, and how it was read.

        >>> Source(path="bc.pdf", sha256="0" * 64, format="pdf", pages=3, pages_read=["text", "ocr", "text"]).ocr
        False

    Attributes:
        path: The file's name as given to the parser ("<bytes>" for raw bytes).
        sha256: SHA-256 of the file's bytes, hex: the report's identity in a dataset.
        format: The format the file was read as (from its content, or forced).
        pages: Number of pages (PDF, scans, converted .doc); null where a format has none.
        ocr: True when Tesseract read at least one page.
        encoding_repaired: The legacy Vietnamese font encoding converted to Unicode ("tcvn3" or "vni"), or null.
        ocr_confidence: Mean Tesseract word confidence (0-100) per page, when OCR ran.
        pages_read: Per page, "text" (its text layer) or "ocr" (Tesseract); null for formats without pages.
        signature: The e-signing portal's block printed on a page, when there is one.
    """

    path: str
    sha256: str
    format: Literal["docx", "pdf", "doc", "txt", "md", "html", "rtf", "odt", "png", "jpeg", "tiff"]
    pages: int | None = None
    ocr: bool = False
    encoding_repaired: Literal["tcvn3", "vni"] | None = None
    ocr_confidence: list[float] | None = None  # mean Tesseract confidence per page, when OCR ran
    # per page: its text layer, OCR, or both (OCR for the print, the text layer for a stamp over it)
    pages_read: list[Literal["text", "ocr", "both"]] | None = None
    signature: Signature | None = None


class Period(msgspec.Struct, kw_only=True):
    """The period a report covers, as printed and as dates.

        >>> Period(label="6 tháng đầu năm 2021", start="2021-01-01", end="2021-06-30").end
        '2021-06-30'

    Attributes:
        label: The period as printed: "6 tháng đầu năm 2021", "quý I năm 2024", "năm 2023".
        start: First day of the period, YYYY-MM-DD.
        end: Last day of the period, YYYY-MM-DD.
    """

    label: str
    start: str | None = None
    end: str | None = None


class Signer(msgspec.Struct, kw_only=True):
    """Who signed the report, from the signature block.

        >>> Signer(name="Võ Văn Rân", title="Giám đốc", authority=None).title
        'Giám đốc'

    Attributes:
        name: The signer's name as printed.
        title: The signer's position: "Giám đốc", "Phó Chủ tịch".
        authority: The signing authority: "KT.", "TM.", "TL.", "TUQ.", "Q." (Party documents: "K/T", "T/M", "T/L").
    """

    name: str | None = None
    title: str | None = None
    authority: str | None = None  # "KT.", "TM.", "TL.", "TUQ.", "Q." (Party: "K/T", "T/M", "T/L")


class Metadata(msgspec.Struct, kw_only=True):
    """What the report says about itself: its type, number, issuer, date, title, period, signer.

        >>> Metadata(doc_type="Báo cáo", symbol="123/BC-SCT", date="2021-06-20").symbol
        '123/BC-SCT'

    Attributes:
        doc_type: The report's own document type, full Vietnamese name: "Báo cáo", "Kế hoạch".
        symbol: Its own số ký hiệu ("123/BC-SCT"), null when it has none.
        agency: The issuing body as printed, spacing normalized: "Sở Công Thương".
        parent_agency: The body above the issuer in the header: "UBND tỉnh Quảng Ngãi".
        place: The place in the date line: "Quảng Ngãi".
        date: The date in the date line, YYYY-MM-DD.
        title: The report's title (its trích yếu), on one line.
        period: The period the report covers, when it names one.
        signer: Who signed it.
        recipients: The bodies under "Nơi nhận", in order.
    """

    doc_type: str | None = None
    symbol: str | None = None
    agency: str | None = None
    parent_agency: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    period: Period | None = None
    signer: Signer | None = None
    recipients: list[str] = []


class Section(msgspec.Struct, kw_only=True):
    """One numbered part of the report's outline, with its subsections.

        >>> s = Section(id="III.1", label="1.", number="1", level=2, title="Dân chủ trong quản lý, điều hành")
        >>> (s.id, s.level, s.children)
        ('III.1', 2, [])

    Attributes:
        id: Path of numbers from the root, unique in the report: "III", "III.1", "III.1.a".
        label: The label as printed: "III.", "1.", "a)", "Điều 5.".
        number: The label's number alone: "III", "1", "a", "5".
        level: Depth in the tree, 1 for the top.
        title: The heading's words after the label.
        span: [start, end) in characters of the report's text: the heading and everything under it.
        page: The 1-based page the heading is on, where the format has pages.
        children: Subsections, in document order.
        kind: "heading" (a line that titles what follows) or "item" (a numbered paragraph whose
            text runs on, titled by its lead clause).
    """

    id: str
    label: str
    number: str
    level: int
    title: str
    span: Span = (0, 0)
    page: int | None = None
    children: list[Section] = []
    kind: Literal["heading", "item"] = "heading"


class Citation(msgspec.Struct, kw_only=True):
    """A document the report cites: a Nghị định, Chỉ thị, Kế hoạch, Luật …

        >>> c = Citation(id="c1", text="Chỉ thị số 08-CT/TU", form="full", symbol="08-CT/TU", key="CT|8|TU")
        >>> (c.form, c.key)
        ('full', 'CT|8|TU')

    Attributes:
        id: The citation's id in the report: "c1", "c2" …
        text: The citation as printed, spacing normalized.
        form: "full" (type and số ký hiệu), "short" (type and number only: "Nghị định 04") or "named" (a law by name).
        doc_type: The cited document's type, full name from the reference table: "Chỉ thị".
        type_code: The type's code in the số ký hiệu: "CT", "NĐ", "KH".
        number: The document's number as printed, leading zeros kept: "08".
        year: The year inside the số ký hiệu ("04/2015/NĐ-CP" → 2015), if any.
        symbol: The normalized số ký hiệu: no spaces, ASCII hyphen: "08-CT/TU".
        issuer_code: The issuer part of the số ký hiệu: "TU", "CP", "UBND".
        issuer: The issuing body when the text names it: "Ban Thường vụ Tỉnh ủy".
        date: The cited document's date, YYYY-MM-DD.
        subject: What the cited document is about, as printed after its date ("về …").
        term: The Party or assembly term when printed: "khóa XI".
        key: Canonical identity, equal across spellings: TYPE_CODE|NUMBER|ISSUER[|YEAR], e.g. "NĐ|4|CP|2015".
        refers_to: For a short form, the id of the full citation in this report it means.
        section: The id of the section the citation is in.
        span: [start, end) in characters of the report's text.
        page: The 1-based page it is printed on, where the format has pages.
    """

    id: str
    text: str
    form: Literal["full", "short", "named"]
    doc_type: str | None = None
    type_code: str | None = None
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    issuer_code: str | None = None
    issuer: str | None = None
    date: str | None = None
    subject: str | None = None
    term: str | None = None
    key: str | None = None
    refers_to: str | None = None
    section: str | None = None
    span: Span = (0, 0)
    page: int | None = None


class Indicator(msgspec.Struct, kw_only=True):
    """A figure the report gives as a result, target or threshold: a share, a count, an amount …

        >>> i = Indicator(id="i1", text="Thu ngân sách đạt 21.345 tỷ đồng", label="Thu ngân sách", kind="money",
        ...               value=21345.0, unit="tỷ đồng", base_value=2.1345e13, base_unit="đồng", role="result")
        >>> (i.value, i.unit, i.base_value, i.base_unit)
        (21345.0, 'tỷ đồng', 21345000000000.0, 'đồng')

    Attributes:
        id: The indicator's id in the report: "i1", "i2" …
        text: The words of the figure as printed, label included.
        label: What is measured: "Tỷ lệ hồ sơ giải quyết đúng hạn"; null when the words do not say.
        kind: percent, ratio, count, money, quantity, growth (a change: "tăng 5%", percentage points) or rank.
        value: The figure in the printed scale: 21345 for "21.345 tỷ đồng" (schema 1.1).
        unit: The unit as printed, scale words included: "tỷ đồng", "%", "điểm phần trăm".
        numerator: For a ratio "12/15", the first number.
        denominator: For a ratio "12/15", the second number.
        direction: The verb before the figure: "tăng", "giảm", "đạt", "vượt".
        baseline: What a change or share is measured against: "cùng kỳ năm trước", "kế hoạch năm".
        period: The period the figure is for, when printed near it.
        section: The id of the section the figure is in.
        span: [start, end) in characters of the report's text.
        page: The 1-based page it is printed on, where the format has pages.
        approx: The hedge before the figure: "gần", "hơn", "khoảng", "ước đạt".
        value_max: The upper end of a range "5-7%" (value is the lower end), in the printed scale.
        base_value: The value in base_unit, for comparing reports: value × scale(unit), 2.1345e13 (schema 1.1).
        base_unit: The unit without its scale words: "đồng" for "tỷ đồng", "người" for "triệu người".
        role: "result" (achieved or estimated), "target" (planned, aimed at) or "threshold" (a rule's parameter).
    """

    id: str
    text: str
    label: str | None
    kind: Literal["percent", "ratio", "count", "money", "quantity", "growth", "rank"]
    value: float | None = None  # as printed: 21345 for "21.345 tỷ đồng" (schema 1.1)
    unit: str | None = None  # as printed, scale word included: "tỷ đồng"
    numerator: float | None = None
    denominator: float | None = None
    direction: Literal["tăng", "giảm", "đạt", "vượt"] | None = None
    baseline: str | None = None
    period: str | None = None
    section: str | None = None
    span: Span = (0, 0)
    page: int | None = None
    approx: str | None = None  # hedge before the figure: "gần", "hơn", "khoảng", "ước đạt" …
    value_max: float | None = None  # upper end of a range "5-7%" (value is the lower end), as printed
    base_value: float | None = None  # value in base_unit, for comparing reports: 2.1345e13 (schema 1.1)
    base_unit: str | None = None  # unit without its scale words: "đồng" for "tỷ đồng", "người" for "triệu người"
    # result: what was achieved (đạt, thực hiện); target: what is aimed at (chỉ tiêu, phấn đấu, kế hoạch
    # giao, đến năm 2030); threshold: a rule's parameter (từ … trở lên, tối thiểu, không quá)
    role: Literal["result", "target", "threshold"] | None = None


class DocumentPart(msgspec.Struct, kw_only=True):
    """One of several documents a file holds (a tờ trình and the draft it submits): the page it
    begins on, its type and số ký hiệu, and where its text starts in ``Report.text``.

        >>> DocumentPart(page=3, doc_type="Công văn", symbol="10948/BXD-KHTC", start=2777).symbol
        '10948/BXD-KHTC'

    Attributes:
        page: The 1-based page the document begins on.
        doc_type: Its type, from its type line or its number's type code ("Công văn" for a letter).
        symbol: Its số ký hiệu as printed, spaces removed.
        start: Where its text begins in the report's text.
    """

    page: int | None = None
    doc_type: str | None = None
    symbol: str | None = None
    start: int = 0


class Report(msgspec.Struct, kw_only=True):
    """One parsed report: where it came from, what it says about itself, its text and findings.

        >>> r = Report(source=Source(path="bc.txt", sha256="0" * 64, format="txt"), text="I. KẾT QUẢ")
        >>> Report.from_json(r.to_json()).text
        'I. KẾT QUẢ'

    Attributes:
        schema_version: The version of this contract the report follows: "1.1".
        source: The file it was read from, and how.
        metadata: What the report says about itself.
        text: The whole normalized text (Unicode NFC, one line per paragraph); every span counts in it.
        sections: The outline: a tree of numbered sections, in document order.
        citations: Every document the report cites, in text order.
        indicators: Every figure the report gives as a result, target or threshold, in text order.
        documents: Every document of a file that holds more than one, in order (the first is the
            one metadata and sections describe); empty for a file of one document.
        warnings: What the parser repaired or doubted, in plain words.
    """

    schema_version: str = SCHEMA_VERSION
    source: Source
    metadata: Metadata = msgspec.field(default_factory=Metadata)
    text: str = ""
    sections: list[Section] = []
    citations: list[Citation] = []
    indicators: list[Indicator] = []
    documents: list[DocumentPart] = []
    warnings: list[str] = []

    def to_json(self, *, pretty: bool = False) -> bytes:
        """Serialize to the contract's JSON (UTF-8 bytes, deterministic order).

            >>> Report(source=Source(path="a.txt", sha256="", format="txt")).to_json()[:40]
            b'{"schema_version":"1.1","source":{"path"'
        """
        raw = msgspec.json.encode(self)
        return msgspec.json.format(raw, indent=2) if pretty else raw

    def to_dict(self) -> dict:
        """The report as plain dicts and lists, as in its JSON.

            >>> Report(source=Source(path="a.txt", sha256="", format="txt")).to_dict()["source"]["format"]
            'txt'
        """
        return msgspec.to_builtins(self)

    @classmethod
    def from_json(cls, data: bytes | str) -> Report:
        """Read a report back from its JSON (``vnreport parse`` output).

            >>> Report.from_json(b'{"source": {"path": "a.txt", "sha256": "", "format": "txt"}}').schema_version
            '1.1'
        """
        return msgspec.json.decode(data, type=cls)

    def to_spacy(self, nlp):
        """A spaCy Doc of the report's text with its findings as span groups (needs ``vnreport[spacy]``).

        ``doc.spans["citations"]``, ``["indicators"]`` and ``["sections"]`` hold the
        findings, each on ``span._.vnreport``; nothing is parsed again
        (:func:`extract.spacy_component.to_spacy`).

            >>> import spacy  # doctest: +SKIP
            >>> doc = report.to_spacy(spacy.blank("vi"))  # doctest: +SKIP
            >>> [s._.vnreport.symbol for s in doc.spans["citations"]][:1]  # doctest: +SKIP
            ['08-CT/TU']
        """
        from extract.spacy_component import to_spacy

        return to_spacy(self, nlp)

    def iter_sections(self):
        """Every section of the tree, depth first, parents before children.

            >>> tree = [Section(id="I", label="I.", number="I", level=1, title="A",
            ...                 children=[Section(id="I.1", label="1.", number="1", level=2, title="B")])]
            >>> [s.id for s in Report(source=Source(path="a", sha256="", format="txt"), sections=tree).iter_sections()]
            ['I', 'I.1']
        """
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))


SCHEMA_ID = f"urn:vnreport:schema:{SCHEMA_VERSION}"

# Fields whose strings are calendar dates, YYYY-MM-DD.
DATE_FIELDS = {("Metadata", "date"), ("Period", "start"), ("Period", "end"), ("Citation", "date")}


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of :class:`Report`, as printed by ``vnreport schema``.

    Each type and field is described by its docstring (the ``Attributes:`` list);
    every field is required, since a report's JSON always writes them all (null
    where unknown); dates carry ``format: date``.

        >>> s = json_schema()
        >>> s["$id"], s["$defs"]["Period"]["properties"]["start"]["format"]
        ('urn:vnreport:schema:1.1', 'date')
        >>> s["$defs"]["Indicator"]["properties"]["base_unit"]["description"]
        'The unit without its scale words: "đồng" for "tỷ đồng", "người" for "triệu người".'
    """
    schema = msgspec.json.schema(Report)
    for name, definition in schema["$defs"].items():
        summary, fields = _described(globals()[name].__doc__ or "")
        definition["description"] = summary
        properties = definition.get("properties", {})
        for field, prop in properties.items():
            if field in fields:
                prop["description"] = fields[field]
            if (name, field) in DATE_FIELDS:
                prop["format"] = "date"
        definition["required"] = list(properties)
    schema["$defs"]["Report"]["properties"]["schema_version"]["pattern"] = r"^1\.[0-9]+$"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"vnreport report, schema {SCHEMA_VERSION}",
        "description": "A Vietnamese administrative report parsed by vnreport: docs/output.md is the contract.",
        **schema,
    }


def _described(doc: str) -> tuple[str, dict[str, str]]:
    r"""A docstring's first paragraph on one line, and its ``Attributes:`` as {field: description}.

        >>> _described("Who signed.\n\n    Attributes:\n        name: As printed,\n            in full.\n")
        ('Who signed.', {'name': 'As printed, in full.'})
    """
    import inspect

    text = inspect.cleandoc(doc)
    summary = " ".join(text.split("\n\n", 1)[0].split())
    fields: dict[str, str] = {}
    if "Attributes:" in text:
        current = None
        for line in text.split("Attributes:", 1)[1].splitlines():
            stripped = line.strip()
            if not stripped:
                continue
            head, sep, rest = stripped.partition(": ")
            if sep and head.isidentifier() and len(line) - len(line.lstrip()) <= 4:
                current = head
                fields[current] = rest
            elif current:
                fields[current] += " " + stripped
    return summary, fields
