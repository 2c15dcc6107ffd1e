"""Paragraphs broken in two by a stray blank line or a page end.

Authors and converters leave "… theo Nghị định số" / "04/NĐ-CP ngày 09/01/2015 …"
as two paragraphs. A body block that ends without terminal punctuation goes on
in the next block when that one starts with a lower-case letter or a digit and
carries no list label; the skeleton then joins the two with a space instead of
a line break (both blocks keep their own span):

    >>> from extract.document import Block
    >>> continues(Block(text="theo Nghị định số"), Block(text="04/NĐ-CP ngày 09/01/2015 của Chính phủ."))
    True
    >>> continues(Block(text="2. Hạn chế"), Block(text="- Do ảnh hưởng"))
    False
"""

from __future__ import annotations

import regex

from extract.document import Block
from extract.structure.headings import parse_label

_TERMINAL = regex.compile(r"[.!?;:…]['\"”’)\]]*$")
_CONTINUATION = regex.compile(r"^[\p{Ll}\d]")
_APART = ("table_cell", "footnote")


def continues(previous: Block, block: Block) -> bool:
    """True when ``block`` is the rest of the sentence ``previous`` left open."""
    # A footnote is its own text: never the rest of the paragraph that marks it, nor of another.
    if previous.kind in _APART or block.kind in _APART or block.label:
        return False
    before, after = previous.display_text.strip(), block.text.strip()
    if not before or not after or _TERMINAL.search(before) or not _CONTINUATION.match(after):
        return False
    return parse_label(after) is None
