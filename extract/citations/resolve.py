"""Link each short form ("Nghị định 04", "Chỉ thị 05 của Bộ Chính trị") to the full citation it means.

    >>> from extract.citations.parse import find_all
    >>> cites = number(find_all("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị … theo Chỉ thị 05"))
    >>> resolve(cites)[1].refers_to, cites[1].key
    ('c1', 'CT|5|TW')
"""

from __future__ import annotations

from collections import defaultdict

from extract.citations.parse import key_number
from extract.schema import Citation


def number(cites: list[Citation]) -> list[Citation]:
    """Stable ids c1, c2 … in text order."""
    for i, c in enumerate(cites, 1):
        c.id = f"c{i}"
    return cites


def _same_issuer(short: Citation, full: Citation) -> bool:
    """Whether the organ a short form names ("của Bộ Chính trị") fits the full citation."""
    if not short.issuer:
        return True
    said, theirs = short.issuer.casefold(), (full.issuer or "").casefold()
    return (bool(theirs) and (said in theirs or theirs in said)) or (
        full.issuer_code is not None and full.issuer_code.casefold() in said
    )


def resolve(cites: list[Citation]) -> list[Citation]:
    """Set ``refers_to``, ``key`` and the missing facts of every short form that has a full citation."""
    full = [c for c in cites if c.form == "full"]
    by_number: dict[tuple[str | None, str], list[Citation]] = defaultdict(list)
    for f in full:
        if f.number:
            by_number[f.doc_type, key_number(f.number)].append(f)
    first_of: dict[str | None, Citation] = {}
    for f in full:
        first_of.setdefault(f.key, f)
    for short in (c for c in cites if c.form == "short"):
        candidates = by_number.get((short.doc_type, key_number(short.number)), [])
        matching = [f for f in candidates if _same_issuer(short, f)] or candidates
        if not matching:
            continue
        before = [f for f in matching if f.span[0] < short.span[0]]
        target = before[-1] if before else matching[0]
        first = first_of[target.key]
        short.refers_to = first.id
        short.key = target.key
        short.year = target.year
        short.issuer_code = target.issuer_code
        short.type_code = target.type_code
        short.date = short.date or target.date
        short.issuer = short.issuer or target.issuer
    return cites
