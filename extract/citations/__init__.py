"""Cited documents: find, parse, normalize and resolve every directive a report cites.

    >>> [(c.form, c.key) for c in find_citations(
    ...     "Thực hiện Nghị định số 04/2015/NĐ-CP của Chính phủ; theo Nghị định 04, …")]
    [('full', 'NĐ|4|CP|2015'), ('short', 'NĐ|4|CP|2015')]

``find_citations(text)`` works on any string (section and page stay None);
``extract(skeleton, metadata)`` is the pipeline's extractor: it also says where each
citation sits and leaves out the report's own số ký hiệu from its header.

Keys (``TYPE|NUMBER|ISSUER[|YEAR]``, OUTPUT.md) where the contract leaves a choice:

- the type part is the symbol's own code (``QĐ|306|TU`` for "Quy định 306-QĐ/TU"); a
  symbol without one takes the code of its type word from ``citation_types.tsv``:
  ``CV|327|SCT-VP`` (công văn, issuer and unit kept), ``L|64|QH15|2025`` (luật),
  ``NQ|77|UBTVQH15|2025``;
- the year is the symbol's; only types marked ``normative`` in that table (Nghị định,
  Thông tư, Luật, Pháp lệnh …) take it from the date when the symbol lacks it, since a
  Quyết định or Nghị quyết may or may not be a legal normative document;
- a short form has the key of the full citation it resolves to, else ``TYPE|NUMBER``;
- a named reference has ``TYPE|NAME`` (``L|Thực hiện dân chủ ở cơ sở``,
  ``NQ|Đại hội XIII``, ``NQ|TW 4|khóa XII``), law names spelled as ``law_names.tsv`` has them.
"""

from __future__ import annotations

from extract.citations.parse import find_all
from extract.citations.resolve import number, resolve
from extract.schema import Citation

__all__ = ["find_citations", "extract"]


def find_citations(text: str) -> list[Citation]:
    """Every citation in ``text``, in text order, short forms resolved.

        >>> [(c.id, c.form, c.key, c.refers_to) for c in find_citations(
        ...     "Thực hiện Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ; Nghị định 04 quy định …")]
        [('c1', 'full', 'NĐ|4|CP|2015', None), ('c2', 'short', 'NĐ|4|CP|2015', 'c1')]
    """
    return resolve(number(find_all(text)))


def _own_symbol(skeleton, cite: Citation, own: str | None) -> bool:
    """The report itself: its header's "Số: 123/BC-SCT", or its own symbol anywhere
    ("Ban hành kèm theo Quyết định số 15/2010/QĐ-UBND" above an attached regulation)."""
    if cite.form != "full":
        return False
    if own and cite.symbol and cite.key == _key_of(own):
        return True
    block = skeleton.block_at(cite.span[0])
    if block is None or block.region != "front":
        return False
    line = skeleton.text[block.span[0] : block.span[1]]
    return line.lstrip().casefold().startswith("số")


def _key_of(symbol: str) -> str | None:
    """The key of a bare số ký hiệu, read as if "Văn bản số" preceded it."""
    found = find_all(f"Văn bản số {symbol}")
    return found[0].key if found and found[0].form == "full" else None


def extract(skeleton, metadata) -> list[Citation]:
    """Citations of a report with section, page and ids; the report's own symbol is not one."""
    own = getattr(metadata, "symbol", None)
    cites = [c for c in find_all(skeleton.text) if not _own_symbol(skeleton, c, own)]
    for c in cites:
        c.section = skeleton.section_at(c.span[0])
        c.page = skeleton.page_at(c.span[0])
    return resolve(number(cites))
