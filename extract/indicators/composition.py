"""Counts of the parts a document is built of: "Dự thảo Luật … gồm 132 Điều và được bố cục thành 13
Chương", "- Chương II. Bảo vệ tài nguyên … gồm 05 Điều". Such a count is labelled by the part counted
and what holds it: the document ("Điều của Dự thảo Luật"), or a part of it, itself of the document
("Điều trong Chương II. Bảo vệ tài nguyên … của Dự thảo Luật"). The words before the verb of
composition (gồm, có, bố cục thành, chia thành) name the holder; a holder left out ("và được bố cục
thành 13 Chương") is the one named before.

    >>> reader = Composition()
    >>> text = "Dự thảo Luật được xây dựng gồm 132 Điều và được bố cục thành 13 Chương, cụ thể như sau:"
    >>> reader.label(text, 31, "Điều"), reader.label(text, 61, "Chương")
    ('Điều của Dự thảo Luật', 'Chương của Dự thảo Luật')
    >>> text = "- Chương II. Bảo vệ tài nguyên địa chất gồm 05 Điều (từ Điều 9 đến Điều 13)."
    >>> reader.label(text, 44, "Điều")
    'Điều trong Chương II. Bảo vệ tài nguyên địa chất của Dự thảo Luật'
"""

from __future__ import annotations

from functools import cache

import regex

from extract.indicators.labels import subject

# The holder, then the verb that says it is composed of what follows: "… gồm", "…, bao gồm", "được bố cục thành".
_COMPOSED = regex.compile(
    r"^(?P<holder>.*?)[\s,]*(?:(?<![\p{L}])và\s+)?(?:(?<![\p{L}])được\s+)?(?:(?<![\p{L}])(?:bao gồm|gồm có|gồm|có tổng cộng|có|"
    r"bố cục thành|chia thành|cấu trúc thành|kết cấu thành|kết cấu gồm))\s*(?:tổng cộng|tất cả|khoảng)?\s*$",
    regex.IGNORECASE)
# A list mark or a heading number before the holder ("- ", "4.2. ").
_MARK = regex.compile(r"^[\s\-–•+*]*(?:\d+(?:\.\d+)*\.?\s+)?")
_COUNTED = regex.compile(r"(?<![\p{L}\p{N}])\d+\s+\p{L}+")
_PREDICATE_END = regex.compile(r"\s+(?:được|đã|đang|sẽ)\s+\p{L}+(?:\s+\p{L}+)?\s*$", regex.IGNORECASE)


@cache
def _parts() -> regex.Pattern:
    from extract.indicators.reference import word_list

    words = sorted(word_list("structure_units.txt"), key=len, reverse=True)
    return regex.compile(rf"(?i)^(?:{'|'.join(map(regex.escape, words))})$")


@cache
def _part_named() -> regex.Pattern:
    """ "Chương II.", "Mục 3", "Phần thứ hai": a holder that is itself a numbered part."""
    from extract.indicators.reference import word_list

    words = sorted(word_list("structure_units.txt"), key=len, reverse=True)
    return regex.compile(rf"(?i)^(?:{'|'.join(map(regex.escape, words))})\s+(?:thứ\s+\p{{L}}+|[IVXLC]+|\d+)\b")


def is_part(noun: str | None) -> bool:
    """Whether ``noun`` is a part of a document's structure (``extract/data/structure_units.txt``)."""
    return bool(noun) and _parts().match(noun.strip()) is not None


class Composition:
    """The holders read so far in one text: the document whose parts are counted, and the last holder."""

    def __init__(self):
        self.document: str | None = None
        self.last: str | None = None

    def label(self, text: str, start: int, noun: str) -> str | None:
        """The label of the count of ``noun`` (a part) whose figure starts at ``start``, or None when its
        line does not say what is composed of it."""
        line = text[text.rfind("\n", 0, start) + 1 : start]
        counted = list(_COUNTED.finditer(line))
        if counted:  # "… gồm 132 Điều và được bố cục thành": what follows the count before is this one's clause
            line = line[counted[-1].end() :]
        m = _COMPOSED.match(line)
        if not m:
            return None
        marked = _MARK.match(m["holder"])[0].strip() != ""
        holder = _MARK.sub("", m["holder"]).strip(" ,;")
        if not holder:
            holder = self.last
        if not holder:
            return None
        self.last = holder
        # "4.13. Điều khoản thi hành, gồm 04 Điều": a numbered line under a document already named is a part of it
        if _part_named().match(holder) or (marked and self.document and holder != self.document):
            return f"{noun} trong {holder}" + (f" của {self.document}" if self.document else "")
        document = _PREDICATE_END.sub("", subject(f"{holder} ").strip()).strip() or holder
        self.document = document
        return f"{noun} của {document}"
