"""Blocks → report skeleton: regions, normalized text, section tree.

    >>> from extract.document import Block, Document
    >>> doc = Document(format="md", blocks=[Block(text=t) for t in [
    ...     "BÁO CÁO", "Kết quả công tác", "I. KHÁI QUÁT", "Nội dung theo Nghị định số",
    ...     "04/NĐ-CP của Chính phủ.", "1. Ưu điểm", "Sở Công Thương kính báo cáo./."]])
    >>> sk = build(doc)
    >>> [(s.id, s.title, s.span) for s in sk.sections[0].children]
    [('I.1', 'Ưu điểm', (89, 99))]
    >>> sk.text.splitlines()[3]
    'Nội dung theo Nghị định số 04/NĐ-CP của Chính phủ.'
    >>> [pb.region for pb in sk.blocks]
    ['front', 'front', 'body', 'body', 'body', 'body', 'back']

The text is the blocks' displayed text (Word label, a space, the paragraph) joined
by line breaks, except that a paragraph broken mid-sentence (see
:mod:`extract.structure.joining`) is joined by a space. Every block with text keeps
its own :class:`PlacedBlock` with its span (empty blocks are left out). Headings in
the front and back matter do not open sections. ``doc.measured["structure"]``
records how many broken paragraphs were joined.
"""

from __future__ import annotations

from extract.document import Block, Document
from extract.schema import Section
from extract.structure.bundled import later_documents, mark_attachments
from extract.structure.joining import continues
from extract.structure.regions import assign_regions
from extract.structure.skeleton import PlacedBlock, Skeleton
from extract.structure.tree import build_tree

__all__ = ["build", "PlacedBlock", "Skeleton"]


def build(doc: Document) -> Skeleton:
    """The skeleton of ``doc``: text, placed blocks, section tree and warnings."""
    blocks: list[Block] = [b for b in doc.blocks if b.display_text.strip()]
    regions = assign_regions(blocks)
    later = later_documents(blocks)
    regions = mark_attachments(regions, later)  # a later document's headings stay out of this tree
    body = [i for i, region in enumerate(regions) if region == "body"]
    tree = build_tree(blocks, body)
    headings = set(tree.heading_blocks)

    pieces: list[str] = []
    placed: list[PlacedBlock] = []
    offset = 0
    joined = 0
    for i, block in enumerate(blocks):
        shown = block.display_text.strip()
        if i:
            glue = (
                " "
                if regions[i] == regions[i - 1] == "body" and i - 1 not in headings and i not in headings
                and continues(blocks[i - 1], block)
                else "\n"
            )
            joined += glue == " "
            pieces.append(glue)
            offset += 1
        pieces.append(shown)
        placed.append(
            PlacedBlock(
                block=block,
                span=(offset, offset + len(shown)),
                region=regions[i],
                section=tree.block_sections[i],
                is_heading=i in headings,
            )
        )
        offset += len(shown)

    _set_spans(tree.ordered, tree.heading_blocks, placed, body)
    doc.measured.setdefault("structure", {})["joined_paragraphs"] = joined
    return Skeleton(
        text="".join(pieces),
        blocks=placed,
        sections=tree.roots,
        warnings=list(tree.warnings) + [d.warning for d in later],
        document=doc,
        later_documents=later,
    )


def _set_spans(ordered: list[Section], heading_blocks: list[int], placed: list[PlacedBlock], body: list[int]) -> None:
    """A section runs from its heading to the end of the block before the next heading
    at its own level or above (or to the end of the body)."""
    last_body = body[-1] if body else -1
    for k, section in enumerate(ordered):
        start_block = heading_blocks[k]
        end_block = last_body
        for later in range(k + 1, len(ordered)):
            if ordered[later].level <= section.level:
                end_block = heading_blocks[later] - 1
                break
        section.span = (placed[start_block].span[0], placed[end_block].span[1])
        section.page = placed[start_block].block.page
