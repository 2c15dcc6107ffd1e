"""Footnote marks printed as superscript digits after a figure or a word ("15%⁸", "QH15¹"): the text is
read without them, and offsets found in that bare text are given back in the text as printed.

    >>> marks = FootnoteMarks("khoảng 15%⁸ dân số")
    >>> marks.bare
    'khoảng 15% dân số'
    >>> marks.to_text((7, 17)), marks.to_bare(12)
    ((7, 18), 11)

"m²", "km³" are units, not marks.
"""

from __future__ import annotations

import bisect

import regex

_FOOTNOTE_MARK = regex.compile(r"(?<!\bk?m)[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


class FootnoteMarks:
    """A text and the same text without its superscript footnote marks."""

    def __init__(self, text: str):
        self.text = text
        pieces: list[str] = []
        self._bare_starts: list[int] = []  # each kept run: where it starts in the bare text …
        self._text_starts: list[int] = []  # … and in the text
        bare_length = at = 0
        for m in [*_FOOTNOTE_MARK.finditer(text), None]:
            piece = text[at : m.start() if m else len(text)]
            self._bare_starts.append(bare_length)
            self._text_starts.append(at)
            pieces.append(piece)
            bare_length += len(piece)
            at = m.end() if m else at
        self.bare = "".join(pieces)

    def __bool__(self) -> bool:
        """Whether the text has any mark."""
        return len(self._text_starts) > 1

    def to_bare(self, i: int) -> int:
        """The bare offset of text offset ``i``: how many kept characters stand before it."""
        k = bisect.bisect_right(self._text_starts, i) - 1
        run_end = self._bare_starts[k + 1] if k + 1 < len(self._bare_starts) else len(self.bare)
        return min(self._bare_starts[k] + i - self._text_starts[k], run_end)

    def offset(self, b: int) -> int:
        """The text offset of the bare character ``b`` (the text's end for the bare text's end)."""
        if b >= len(self.bare):
            return len(self.text)
        k = bisect.bisect_right(self._bare_starts, b) - 1
        while k + 1 < len(self._bare_starts) and self._bare_starts[k + 1] == b:
            k += 1  # an empty run (two marks side by side) holds no character
        return self._text_starts[k] + b - self._bare_starts[k]

    def to_text(self, span: tuple[int, int]) -> tuple[int, int]:
        """A bare span in the text's own offsets: from its first character to just after its last."""
        a, b = span
        return self.offset(a), self.offset(b - 1) + 1 if b > a else self.offset(a)
