"""A report as Markdown: its normalized text, each section's heading line a ``#`` heading.

    >>> from extract.schema import Report, Section, Source
    >>> text = "BÁO CÁO\\nI. KẾT QUẢ\\n1. Thu ngân sách\\nĐạt 98%."
    >>> tree = [Section(id="I", label="I.", number="I", level=1, title="KẾT QUẢ", span=(8, 43),
    ...                 children=[Section(id="I.1", label="1.", number="1", level=2, title="Thu ngân sách",
    ...                                   span=(19, 43))])]
    >>> print(to_markdown(Report(source=Source(path="a", sha256="", format="txt"), text=text, sections=tree)))
    BÁO CÁO
    <BLANKLINE>
    # I. KẾT QUẢ
    <BLANKLINE>
    ## 1. Thu ngân sách
    <BLANKLINE>
    Đạt 98%.
    <BLANKLINE>

The heading level is the section's depth in the tree (``#`` for the top, at most
six). Other lines are paragraphs; a line that Markdown would read as a heading,
quote or rule of its own (``#``, ``>``, ``---``) has its first mark escaped.
"""

from __future__ import annotations

import regex

from extract.schema import Report

_MARKUP_START = regex.compile(r"^(#|>|[-*_]{3,}\s*$|=+\s*$)")


def to_markdown(report: Report) -> str:
    """The report's text in Markdown, headings from its section tree (see the module's example)."""
    text = report.text
    levels: dict[int, int] = {}  # offset of a heading line's start → level
    for section in report.iter_sections():
        levels.setdefault(section.span[0], section.level)
    out: list[str] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            level = levels.get(offset)
            if level is not None:
                out.append("#" * min(level, 6) + " " + stripped)
            else:
                out.append(_MARKUP_START.sub(r"\\\1", stripped))
        offset += len(line) + 1
    return "\n\n".join(out) + "\n"
