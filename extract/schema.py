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
    ký: …"): kept out of the text and the metadata, recorded here for archivists."""

    signer: str | None = None  # as printed after "Người ký:" / "Ký bởi:"
    email: str | None = None
    organisation: str | None = None  # as printed after "Cơ quan:"
    time: str | None = None  # ISO 8601, with the offset when printed
    page: int | None = None
    copy: str | None = None  # "SAO Y" / "SAO LỤC" / "SAO Y BẢN CHÍNH": the stamp of a certified copy


class Source(msgspec.Struct, kw_only=True):
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
    label: str
    start: str | None = None
    end: str | None = None


class Signer(msgspec.Struct, kw_only=True):
    name: str | None = None
    title: str | None = None
    authority: str | None = None  # "KT.", "TM.", "TL.", "TUQ.", "Q." (Party: "K/T", "T/M", "T/L")


class Metadata(msgspec.Struct, kw_only=True):
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
    id: str
    label: str
    number: str
    level: int
    title: str
    span: Span = (0, 0)
    page: int | None = None
    children: list[Section] = []


class Citation(msgspec.Struct, kw_only=True):
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
    begins on, its type and số ký hiệu, and where its text starts in ``Report.text``."""

    page: int | None = None
    doc_type: str | None = None
    symbol: str | None = None
    start: int = 0


class Report(msgspec.Struct, kw_only=True):
    schema_version: str = SCHEMA_VERSION
    source: Source
    metadata: Metadata = msgspec.field(default_factory=Metadata)
    text: str = ""
    sections: list[Section] = []
    citations: list[Citation] = []
    indicators: list[Indicator] = []
    # every document of a file that holds more than one, in order (the first is the one
    # ``metadata`` and ``sections`` describe); empty for a file of one document
    documents: list[DocumentPart] = []
    warnings: list[str] = []

    def to_json(self, *, pretty: bool = False) -> bytes:
        """Serialize to the contract's JSON (UTF-8 bytes, deterministic order)."""
        raw = msgspec.json.encode(self)
        return msgspec.json.format(raw, indent=2) if pretty else raw

    def to_dict(self) -> dict:
        return msgspec.to_builtins(self)

    @classmethod
    def from_json(cls, data: bytes | str) -> Report:
        return msgspec.json.decode(data, type=cls)

    def iter_sections(self):
        """Every section of the tree, depth first, parents before children."""
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))


def json_schema() -> dict:
    """JSON Schema of :class:`Report`, as printed by ``vnreport schema``."""
    schema = msgspec.json.schema(Report)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"vnreport report, schema {SCHEMA_VERSION}"
    return schema
