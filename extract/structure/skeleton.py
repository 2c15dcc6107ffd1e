"""The report skeleton: what structure/ hands to every extractor.

``text`` is the whole normalized report text (the ``text`` of the JSON). Each block
of the Document has a :class:`PlacedBlock` with its span in ``text``, the region it
belongs to and the id of the section it sits in, so an extractor that finds
something at a character offset can say where it is:

    >>> sk = Skeleton(text="I. A\\nB", blocks=[
    ...     PlacedBlock(block=Block(text="I. A"), span=(0, 4), region="body", section="I"),
    ...     PlacedBlock(block=Block(text="B"), span=(5, 6), region="body", section="I")])
    >>> sk.section_at(5), sk.page_at(5)
    ('I', None)
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

from extract.document import Block, Document
from extract.schema import Section

# "attachment": a later document the file holds (extract/structure/bundled.py), outside the tree
Region = Literal["front", "body", "back", "attachment"]


@dataclass(slots=True)
class PlacedBlock:
    block: Block
    span: tuple[int, int]  # [start, end) of this block's text in Skeleton.text
    region: Region
    section: str | None = None  # id of the innermost section holding the block
    is_heading: bool = False  # True when this block opens a section


@dataclass(slots=True)
class Skeleton:
    text: str
    blocks: list[PlacedBlock]
    sections: list[Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    document: Document | None = None
    # where each later document of a bundled file begins (extract.structure.bundled.DocumentStart)
    later_documents: list = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def _index(self, offset: int) -> int | None:
        if len(self._starts) != len(self.blocks):
            self._starts = [pb.span[0] for pb in self.blocks]
        i = bisect.bisect_right(self._starts, offset) - 1
        return i if i >= 0 else None

    def block_at(self, offset: int) -> PlacedBlock | None:
        i = self._index(offset)
        return self.blocks[i] if i is not None else None

    def section_at(self, offset: int) -> str | None:
        pb = self.block_at(offset)
        return pb.section if pb else None

    def page_at(self, offset: int) -> int | None:
        pb = self.block_at(offset)
        return pb.block.page if pb else None

    def region_text(self, region: Region) -> str:
        return "\n".join(self.text[pb.span[0]:pb.span[1]] for pb in self.blocks if pb.region == region)
