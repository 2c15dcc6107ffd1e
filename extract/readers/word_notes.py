"""Word footnotes and endnotes: the notes of a document and the marks Word shows for them.

A note lives in ``word/footnotes.xml`` or ``word/endnotes.xml`` as ``<w:footnote w:id>``;
the body holds ``<w:footnoteReference w:id>`` where its mark is printed. Word numbers
the marks itself, in reference order, footnotes and endnotes apart (endnotes in lower
Roman unless ``w:endnotePr`` says otherwise); a reference with ``w:customMarkFollows``
prints the text after it instead and takes no number:

    >>> marks = NoteMarks({"endnote": "lowerRoman"})
    >>> [marks.next("footnote"), marks.next("endnote"), marks.next("footnote"), marks.next("endnote")]
    ['1', 'i', '2', 'ii']

The separator and continuation notes (those with a ``w:type``) are layout, not text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.readers.word_numbering import NUMBER_FORMATS
from extract.readers.wordml import W, attr

REL_NOTES = {
    "footnote": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
    "endnote": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
}
# body element → the kind of note it refers to
REFERENCES = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote"}
_DEFAULT_FORMATS = {"footnote": "decimal", "endnote": "lowerRoman"}
_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"


@dataclass(slots=True)
class NoteMarks:
    """The next automatic mark of each kind of note, in the number format the document sets."""

    formats: dict[str, str] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def next(self, kind: str) -> str:
        n = self.counters[kind] = self.counters.get(kind, 0) + 1
        fmt = self.formats.get(kind, _DEFAULT_FORMATS[kind])
        return NUMBER_FORMATS.get(fmt, str)(n)


@dataclass(frozen=True, slots=True)
class Note:
    element: object  # <w:footnote> or <w:endnote>: paragraphs and tables, like a table cell
    part: object  # the notes part, whose relationships the note's content uses


def load_notes(part, parse) -> dict[tuple[str, str], Note]:
    """{(kind, id): note} of the main part's footnotes and endnotes.

    ``parse`` turns a part's bytes into an lxml root (the caller's hardened parser).
    """
    notes: dict[tuple[str, str], Note] = {}
    for kind, reltype in REL_NOTES.items():
        try:
            notes_part = part.part_related_by(reltype)
        except KeyError:
            continue
        for element in parse(notes_part.blob).iterchildren(W + kind):
            if attr(element, "type") in (None, "normal"):
                notes[(kind, attr(element, "id") or "")] = Note(element, notes_part)
    return notes


def note_formats(part, body, parse) -> dict[str, str]:
    """{"footnote": numFmt, "endnote": numFmt} from the last section's properties, else settings."""
    formats: dict[str, str] = {}
    places = [body.find(W + "sectPr")]
    try:
        places.append(parse(part.part_related_by(_SETTINGS).blob))
    except KeyError:
        pass
    for place in places:
        if place is None:
            continue
        for kind in REL_NOTES:
            fmt = place.find(f"{W}{kind}Pr/{W}numFmt")
            if fmt is not None and kind not in formats and attr(fmt, "val"):
                formats[kind] = attr(fmt, "val")
    return formats
