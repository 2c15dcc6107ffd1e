"""DOCX → :class:`~extract.document.Document`, in the order Word shows the body.

Paragraphs and tables come interleaved as in the file (python-docx's
``doc.paragraphs`` would lose where tables sit); each paragraph of a table cell is a
``table_cell`` block with its (table, row, column), a merged cell once. Word's
automatic numbering, which is not in the paragraph text, becomes ``Block.label``:

    >>> doc = read_docx(open("seed/bao-cao-qcdc-6t-2021.docx", "rb").read(), "seed.docx", None)  # doctest: +SKIP
    >>> doc.blocks[0].text  # doctest: +SKIP
    'BÁO CÁO\\nkết quả việc thực hiện Quy chế dân chủ ở cơ sở\\n6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2021'
    >>> [(b.label, b.kind) for b in doc.blocks if b.label][:1]  # doctest: +SKIP
    [('•', 'list_item')]

Headers and footers stay out of the body (their text is kept in
``measured["headers"]`` for debugging). What the text holds: manual line breaks as
"\\n", tabs as "\\t", tracked insertions but not deletions, the shown result of fields
(not their instructions), text boxes where they are anchored. Footnotes and endnotes
follow the paragraph (or cell) that holds their mark, as ``footnote`` blocks whose
label is the mark. Word's automatic mark is left out of the paragraph: printed as text it
would glue onto what it follows ("09/2022/QH15" + note 1 → "QH151"), and even raised
("QH15¹", "15%¹") it parts a figure or a symbol from the words that qualify it.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field

from extract.document import Block, Document
from extract.errors import CorruptDocument, UnsupportedFormat, VnreportError
from extract.readers.ooxml import check_package
from extract.readers.word_notes import REFERENCES, Note, NoteMarks, load_notes, note_formats
from extract.readers.word_numbering import SYMBOL_FONTS, ListNumbering
from extract.readers.wordml import W, RunFormat, WordStyles, attr, int_attr, on, theme_fonts

BOLD_SHARE = 0.8  # a block is bold when this share of its visible characters is bold
MAX_WORDS_PER_PAGE = 1500  # a dense A4 page of 11 pt text holds about 800 words

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_REL_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
# Main parts that hold the same body as a .docx: templates and macro-enabled files
_WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
# w:altChunk embeds a whole file in the body; content type → our format of it
_ALT_CHUNK_FORMATS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "txt"}
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_REL_HEADER_FOOTER = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
)
# Elements whose children are more of the same level: walk through them.
_BLOCK_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"}
_INLINE_WRAPPERS = {
    W + "hyperlink", W + "smartTag", W + "ins", W + "moveTo", W + "customXml", W + "fldSimple",
    W + "dir", W + "bdo", W + "sdt", W + "sdtContent",
}
# Characters a run element stands for
_W_R, _W_T, _W_RPR, _W_RSTYLE, _W_FLDCHAR, _W_SYM = (W + "r", W + "t", W + "rPr", W + "rStyle", W + "fldChar", W + "sym")
_DRAWN = (W + "drawing", W + "pict", W + "object", _MC + "AlternateContent")
_RUN_CHARS = {
    W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n",
    # A soft hyphen is kept as U+00AD: in a TCVN3 (.VnTime) run it is the letter "ư",
    # which extract.text converts; in Unicode text the normaliser drops it.
    W + "noBreakHyphen": "-", W + "softHyphen": "\u00ad",
}
# w:sym in the Symbol font: the glyphs reports use; other symbol-font glyphs read as bullets
_SYMBOL_GLYPHS = {0x2D: "-", 0xB7: "•", 0xAE: "→", 0xDE: "⇒", 0xA3: "≤", 0xB3: "≥", 0xB4: "×", 0xB1: "±"}


def read_docx(data: bytes, name: str, options) -> Document:
    """Read the bytes of a .docx file called ``name``."""
    check_package(data, name)
    word = _open(data, name)
    try:
        styles = _styles(word)
        body_reader = _BodyReader(word.part, styles, ListNumbering.from_xml(_numbering(word)), name, options)
        body_reader.notes = load_notes(word.part, _parse)
        body_reader.marks = NoteMarks(note_formats(word.part, word.element.body, _parse))
        body_reader.container(word.element.body)
        headers = _header_texts(word, styles, name, options)
        app = _app_properties(word)
    except VnreportError:
        raise
    except Exception as exc:  # python-docx/lxml on a part Word would refuse: report, don't crash
        raise CorruptDocument(name, f"damaged Word document ({type(exc).__name__}: {exc})") from None
    doc = Document(format="docx", blocks=body_reader.blocks, path=name, warnings=body_reader.warnings)
    doc.measured["headers"] = headers
    doc.pages = _page_count(app, doc)
    return doc


def _open(data: bytes, name: str):
    from docx.opc.part import PartFactory
    from docx.package import Package
    from docx.parts.document import DocumentPart

    for content_type in _WORD_MAIN_TYPES:  # python-docx knows only the .docx main part
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    try:
        main = Package.open(io.BytesIO(data)).main_document_part
    except Exception as exc:  # the library boundary: any failure here is a damaged package
        raise CorruptDocument(name, f"damaged Word package ({type(exc).__name__}: {exc})") from None
    if not isinstance(main, DocumentPart):
        raise UnsupportedFormat(name, f"the main part is {main.content_type}, not a Word document")
    return main.document


def _styles(word) -> WordStyles:
    try:
        theme = _parse(word.part.part_related_by(_REL_THEME).blob)
    except KeyError:
        theme = None
    return WordStyles(word.styles.element, theme_fonts(theme))


def _numbering(word):
    try:  # python-docx's numbering_part would try to create a part when there is none
        return word.part.part_related_by(_REL_NUMBERING).element
    except KeyError:
        return None


def _parse(blob: bytes):
    from lxml import etree

    # ooxml.check_package already refused DOCTYPEs; this parser would not expand them either
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(blob, parser)


@dataclass(slots=True)
class _Piece:
    text: str
    look: RunFormat


@dataclass(slots=True)
class _Paragraph:
    pieces: list[_Piece] = field(default_factory=list)
    text_boxes: list = field(default_factory=list)


class _BodyReader:
    """Walks body XML in document order, keeping list counters and open fields."""

    def __init__(self, part, styles: WordStyles, numbering: ListNumbering, name: str, options):
        self.part = part  # the story's part, for its relationships (embedded chunks)
        self.styles = styles
        self.numbering = numbering
        self.name, self.options = name, options
        self.blocks: list[Block] = []
        self.warnings: list[str] = []
        self.tables = 0
        # Open complex fields, True once past "separate": only results are shown.
        # Fields span paragraphs (a table of contents), so this lives here; the count
        # of fields still in their instruction keeps the "shown?" test O(1).
        self.fields: list[bool] = []
        self.in_instruction = 0
        self.notes: dict[tuple[str, str], Note] = {}  # empty for headers and for the notes themselves
        self.marks = NoteMarks()
        self.referenced: list[tuple[Note, str]] = []  # notes whose mark the current paragraph printed

    def container(self, el, cell: tuple[int, int, int] | None = None) -> None:
        """Body, table cell, text box or content control: paragraphs and tables in order."""
        for child in el.iterchildren():
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, cell)
            elif tag == W + "tbl":
                self.table(child)
            elif tag in _BLOCK_WRAPPERS:
                self.container(child, cell)
            elif tag == W + "altChunk":
                self.alt_chunk(child, cell)

    def alt_chunk(self, el, cell: tuple[int, int, int] | None) -> None:
        """A file embedded in the body (HTML pasted by a generator): read with its own reader."""
        from extract.readers import reader_for

        chunk = self.part.related_parts.get(el.get(_R + "id"))
        if chunk is None:
            return
        content_type = chunk.content_type.split(";")[0].strip()
        fmt = _ALT_CHUNK_FORMATS.get(content_type)
        if fmt is None:
            self.warnings.append(f"embedded chunk {chunk.partname} ({content_type}) not read")
            return
        for block in reader_for(fmt)(chunk.blob, f"{self.name}:{chunk.partname}", self.options).blocks:
            if cell:
                block.kind, block.cell = "table_cell", cell
            self.blocks.append(block)

    def table(self, tbl) -> None:
        """Each cell's paragraphs once, at its grid place, with the rows and columns it spans:
        a vertically merged cell's continuations (``vMerge``) add to the first cell's rows."""
        index = self.tables
        self.tables += 1
        grid: list[list[tuple]] = []  # per row: (column, span, tc, continues a merge, header row)
        for tr in _children(tbl, W + "tr"):
            trpr = tr.find(W + "trPr")
            before = trpr.find(W + "gridBefore") if trpr is not None else None
            column = int_attr(before, "val", 0) if before is not None else 0
            header = trpr is not None and bool(on(trpr.find(W + "tblHeader")))
            cells = []
            for tc in _children(tr, W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span, continues = 1, False
                if tcpr is not None:
                    grid_span = tcpr.find(W + "gridSpan")
                    span = max(int_attr(grid_span, "val", 1), 1) if grid_span is not None else 1
                    continues = _continues_merge(tcpr)
                cells.append((column, span, tc, continues, header))
                column += span
            grid.append(cells)
        for row, cells in enumerate(grid):
            for column, span, tc, continues, header in cells:
                if continues:
                    continue
                rows = 1
                while row + rows < len(grid) and any(
                        c[0] == column and c[3] for c in grid[row + rows]):
                    rows += 1
                start = len(self.blocks)
                self.container(tc, (index, row, column))
                for block in self.blocks[start:]:
                    if block.cell == (index, row, column):
                        block.row_span, block.col_span, block.header = rows, span, header

    def paragraph(self, p, cell: tuple[int, int, int] | None) -> None:
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = self.styles.paragraph_style(attr(style_el, "val"))
        own = self.styles.paragraph_props(ppr)
        inherited = self.styles.paragraph_style_format(style_id)
        label = self._list_label(own, inherited, style_id)

        content = _Paragraph()
        self._inline(p, style_id, content)
        text = "".join(piece.text for piece in content.pieces).strip()
        if text:
            indent = own.indent
            if indent is None:
                indent = label.indent if label and label.indent is not None else inherited.indent
            bold, italic, size, font = _measure(content.pieces)
            shown = label.text if label else None
            kind = "table_cell" if cell else "list_item" if shown else "paragraph"
            self.blocks.append(Block(
                text=text, kind=kind, label=shown, list_level=label.level if label else None,
                bold=bold, italic=italic, font_size=size, font=font,
                style=self.styles.name(style_id), align=own.align or inherited.align,
                indent=indent, cell=cell,
            ))
        for box in content.text_boxes:
            self.container(box, cell)
        self._place_notes()

    def _place_notes(self) -> None:
        """The notes marked in the paragraph just read, as footnote blocks after it."""
        referenced, self.referenced = self.referenced, []
        for note, mark in referenced:
            reader = _BodyReader(note.part, self.styles, self.numbering, self.name, self.options)
            reader.container(note.element)
            for block in reader.blocks:
                if block.label:  # a list inside the note: its label is text of the note
                    block.text = f"{block.label} {block.text}"
                block.kind, block.label, block.list_level, block.cell = "footnote", mark, None, None
                self.blocks.append(block)
            self.warnings.extend(reader.warnings)

    def _list_label(self, own, inherited, style_id):
        num_id = own.num_id if own.num_id is not None else inherited.num_id
        if num_id is None or num_id == "0":
            return None
        ilvl = own.ilvl if own.ilvl is not None else inherited.ilvl
        if ilvl is None:
            linked = self.numbering.style_level(style_id)
            ilvl = linked[1] if linked else 0
        return self.numbering.next_label(num_id, ilvl)

    def _inline(self, el, style_id: str | None, out: _Paragraph) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == _W_R:
                self._run(child, style_id, out)
            elif tag in _INLINE_WRAPPERS:
                self._inline(child, style_id, out)
            elif tag == _MC + "AlternateContent":
                self._inline(_chosen(child), style_id, out)
            elif tag in (_M + "oMath", _M + "oMathPara") and self._showing():
                look = self.styles.run_format(None, None, style_id)
                out.pieces.append(_Piece("".join(t.text or "" for t in child.iter(_M + "t")), look))

    def _showing(self) -> bool:
        return self.in_instruction == 0

    def _run(self, r, style_id: str | None, out: _Paragraph) -> None:
        rpr = r.find(_W_RPR)
        char_style = rpr.find(_W_RSTYLE) if rpr is not None else None
        look = self.styles.run_format(rpr, attr(char_style, "val"), style_id)
        pieces = out.pieces
        for child in r.iterchildren():
            tag = child.tag
            if tag == _W_T:  # the usual child, first
                if self.in_instruction == 0 and not look.hidden:
                    pieces.append(_Piece(child.text or "", look))
                continue
            if tag == _W_FLDCHAR:
                self._field_char(attr(child, "fldCharType"))
                continue
            if not self._showing() or look.hidden:
                continue
            if tag in _RUN_CHARS:
                pieces.append(_Piece(_RUN_CHARS[tag], look))
            elif tag == _W_SYM:
                pieces.append(_Piece(_symbol(child), look))
            elif tag in REFERENCES:
                self._note_reference(child, REFERENCES[tag])
            elif tag in _DRAWN:
                out.text_boxes.extend(_text_boxes(child))

    def _note_reference(self, ref, kind: str) -> None:
        """Queue the note for after this paragraph, with the mark Word shows for it.

        A custom mark (w:customMarkFollows) is the run text after the reference, which
        the paragraph keeps as typed; it takes no automatic number.
        """
        note = self.notes.get((kind, attr(ref, "id") or ""))
        if note is None:
            return
        if attr(ref, "customMarkFollows") in ("1", "true", "on"):
            mark = "".join(t.text or "" for t in ref.itersiblings(W + "t")).strip() or "*"
        else:
            mark = self.marks.next(kind)
        self.referenced.append((note, mark))

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(False)
            self.in_instruction += 1
        elif kind == "separate" and self.fields and not self.fields[-1]:
            self.fields[-1] = True
            self.in_instruction -= 1
        elif kind == "end" and self.fields:
            if not self.fields.pop():
                self.in_instruction -= 1


def _children(el, tag: str):
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in el.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tag)


def _continues_merge(tcpr) -> bool:
    """A cell that continues a vertical (or legacy horizontal) merge: its text is the first cell's."""
    for local in ("vMerge", "hMerge"):
        merge = tcpr.find(W + local)
        if merge is not None and attr(merge, "val") != "restart":
            return True
    return False


def _chosen(alternate):
    """The branch of mc:AlternateContent Word shows: the first Choice, else the Fallback."""
    for branch in alternate.iterchildren(_MC + "Choice", _MC + "Fallback"):
        return branch
    return alternate


def _text_boxes(el):
    """Outermost w:txbxContent under a drawing, one per text box (not Choice and Fallback both)."""
    if el.tag == _MC + "AlternateContent":
        boxes = list(_text_boxes(_chosen(el)))
        fallback = el.find(_MC + "Fallback")
        if not boxes and fallback is not None:
            boxes = list(_text_boxes(fallback))
        yield from boxes
        return
    for child in el.iterchildren():
        if child.tag == W + "txbxContent":
            yield child
        else:
            yield from _text_boxes(child)


def _symbol(sym) -> str:
    """The character a w:sym shows; symbol-font glyphs as the plain characters reports mean."""
    code = _hex(attr(sym, "char"))
    if code is None or code > 0x10FFFF:
        return ""
    if 0xF000 <= code <= 0xF0FF:  # the private-use page symbol fonts are stored in
        return _SYMBOL_GLYPHS.get(code - 0xF000, "•")
    if (attr(sym, "font") or "").lower().startswith(SYMBOL_FONTS):
        return _SYMBOL_GLYPHS.get(code, "•")
    return chr(code)


def _hex(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None


def _measure(pieces: list[_Piece]) -> tuple[bool | None, bool | None, float | None, str | None]:
    """(bold, italic, dominant size, dominant font) over the visible characters."""
    visible = bold = italic = 0
    sizes: Counter = Counter()
    fonts: Counter = Counter()
    for piece in pieces:
        count = len("".join(piece.text.split()))
        if not count:
            continue
        visible += count
        bold += count if piece.look.bold else 0
        italic += count if piece.look.italic else 0
        if piece.look.size:
            sizes[piece.look.size] += count
        if piece.look.font:
            fonts[piece.look.font] += count
    if not visible:
        return None, None, None, None
    return (
        bold >= BOLD_SHARE * visible,
        italic >= BOLD_SHARE * visible,
        sizes.most_common(1)[0][0] if sizes else None,
        fonts.most_common(1)[0][0] if fonts else None,
    )


def _header_texts(word, styles: WordStyles, name: str, options) -> list[str]:
    texts = []
    for rel in word.part.rels.values():
        if rel.reltype in _REL_HEADER_FOOTER and not rel.is_external:
            reader = _BodyReader(rel.target_part, styles, ListNumbering.from_xml(None), name, options)
            reader.container(rel.target_part.element)
            text = "\n".join(block.text for block in reader.blocks)
            if text:
                texts.append(text)
    return texts


def _app_properties(word) -> dict[str, int]:
    """<Pages>, <Words> from docProps/app.xml: Word's counts when the file was last saved."""
    for part in word.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            from lxml import etree

            try:
                root = _parse(part.blob)
            except etree.XMLSyntaxError:  # statistics only: a broken one costs nothing
                return {}
            out = {}
            for local in ("Pages", "Words"):
                value = (root.findtext(_EXTENDED + local) or "").strip()
                if value.isdigit() and len(value) < 10:
                    out[local] = int(value)
            return out
    return {}


def _page_count(app: dict[str, int], doc: Document) -> int | None:
    """Word's page count from its last save; None when absent or plainly stale.

    A DOCX has no pages of its own: <Pages> is what Word counted when it last laid the
    file out. Generators (pandoc, templates) copy an app.xml from elsewhere, and some
    writers never update it; a count that cannot hold the body's words is not used.
    """
    pages = app.get("Pages")
    doc.measured["app_xml"] = app
    if not pages:
        return None
    words = sum(len(block.text.split()) for block in doc.blocks)
    claimed = max(words, app.get("Words", 0))
    if app.get("Words", words) * 3 < words or claimed > MAX_WORDS_PER_PAGE * pages:
        doc.warnings.append(
            f"docProps/app.xml says {pages} page(s) and {app.get('Words', '?')} words but the body has"
            f" {words} words: stale statistics, page count not used"
        )
        return None
    return pages
