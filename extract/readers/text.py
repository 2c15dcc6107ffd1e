"""Plain text, Markdown and HTML → Document.

Markdown marks are hints, not structure: ``**bold**`` sets ``bold``, ``#`` sets a
``style`` of ``"md-h3"``; the numbering in the text decides the section tree.

    >>> doc = read_md("### **III. KẾT QUẢ**\\n\\nĐoạn văn.".encode(), "a.md", None)
    >>> [(b.text, b.bold, b.style) for b in doc.blocks]
    [('III. KẾT QUẢ', True, 'md-h3'), ('Đoạn văn.', None, None)]
"""

from __future__ import annotations

import codecs
import unicodedata
from html.parser import HTMLParser

import regex

from extract.document import Block, Document
from extract.errors import CorruptDocument

_HEADING = regex.compile(r"^(#{1,6})\s+(.*)$")
_WHOLE_BOLD = regex.compile(r"^\s*(\*\*|__)(.+?)\1\s*$", regex.S)
_EMPHASIS = regex.compile(r"(\*\*\*|\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", regex.S)
_WHOLE_ITALIC = regex.compile(r"^\s*(\*|_)(?!\1)(.+?)\1\s*$", regex.S)
_LIST_LINE = regex.compile(r"^\s*([-+*•])\s+")
_WHOLE_BOLD_ITALIC = regex.compile(r"^\s*\*\*\*.+\*\*\*\s*$")
_SPACES = regex.compile(r"\s+")


def decode_text(data: bytes, name: str) -> tuple[str, str | None]:
    """Bytes of a text file → its text, and a warning in plain words when it was not clean UTF-8.

    UTF-8 (with or without BOM) and UTF-16 (with BOM, or recognised by its zero
    bytes) are decoded as such; UTF-8 with a few damaged bytes keeps its text with
    U+FFFD where the bytes were. Anything else is an 8-bit file (see :func:`decode_8bit`).

        >>> decode_text("Báo cáo".encode("utf-16-le"), "a.txt")
        ('Báo cáo', 'no byte-order mark: read as UTF-16-LE text')
        >>> decode_text("Báo cáo".encode() + b"\\xff", "a.txt")
        ('Báo cáo\ufffd', '1 byte sequence(s) are not valid UTF-8: replaced by \ufffd')
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise CorruptDocument(name, f"UTF-16 text with invalid bytes ({exc.reason})") from None
    utf16 = utf16_without_bom(data)
    if utf16:
        # Without a BOM an odd trailing byte or a lone surrogate is damage, not a reason to refuse.
        return data.decode(utf16, errors="replace"), f"no byte-order mark: read as {utf16.upper()} text"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a few damaged bytes (a cut, a pasted 8-bit line) would turn
    # into mojibake as a whole if read as 8-bit: keep UTF-8 when its valid multi-byte
    # characters outnumber the damaged sequences (TCVN3/VNI text has almost none).
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    if sum(1 for ch in text if ord(ch) > 0x7F) - damaged > damaged:
        return text, f"{damaged} byte sequence(s) are not valid UTF-8: replaced by \ufffd"
    return decode_8bit(data)


def decode_8bit(data: bytes) -> tuple[str, str]:
    """An 8-bit file read as Windows-1258 (Vietnamese ANSI) or Windows-1252, whichever
    reads more like Vietnamese once ``extract.text`` has repaired it; the warning says which.

    Windows-1252 is the reading under which TCVN3/VNI bytes are repaired; Windows-1258
    writes Vietnamese itself, some tones as combining marks after the letter.

        >>> text, warning = decode_8bit(b"K\\xea\\xect qua\\xd2 th\\xf4\\xecng k\\xea")
        >>> text, warning
        ('Kết quả thống kê', 'not UTF-8: read as 8-bit Windows-1258 (Vietnamese) text (Vietnamese score 1.00, as Windows-1252 0.50)')
    """
    readings = {
        codec: unicodedata.normalize("NFC", data.decode(codec, errors="replace").translate(_UNDEFINED_BYTES))
        for codec in ("cp1252", "cp1258")
    }
    scores = {codec: _repaired_score(text[:_SAMPLE]) for codec, text in readings.items()}
    if scores["cp1258"] > scores["cp1252"]:
        return readings["cp1258"], (
            f"not UTF-8: read as 8-bit Windows-1258 (Vietnamese) text "
            f"(Vietnamese score {scores['cp1258']:.2f}, as Windows-1252 {scores['cp1252']:.2f})"
        )
    return readings["cp1252"], (
        f"not UTF-8: read as 8-bit Windows-1252 text (Vietnamese score {scores['cp1252']:.2f}, "
        f"as Windows-1258 {scores['cp1258']:.2f}); a legacy Vietnamese encoding is repaired next"
    )


def _repaired_score(sample: str) -> float:
    """How Vietnamese ``sample`` reads after the repair the pipeline applies next."""
    from extract.text import repair_blocks, vietnamese_score

    repaired, _, _ = repair_blocks(sample.splitlines(), [])
    return vietnamese_score("\n".join(repaired))


# Windows-1252 and -1258 leave a few bytes undefined; they carry no text, so they are dropped.
_UNDEFINED_BYTES = {0xFFFD: None}
# Enough words to tell the two readings apart without scoring a whole long file.
_SAMPLE = 20_000
# UTF-16 without BOM: share of zero bytes in the high-byte positions of a sample (Vietnamese
# text is half ASCII letters and spaces) and the most allowed in the low-byte positions.
_UTF16_HIGH_ZEROS, _UTF16_LOW_ZEROS = 0.3, 0.05


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when the zero bytes betray UTF-16 text with no BOM.

        >>> utf16_without_bom("Báo cáo".encode("utf-16-be")), utf16_without_bom(b"plain")
        ('utf-16-be', None)
    """
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) >= _UTF16_HIGH_ZEROS * len(high) and low.count(0) <= _UTF16_LOW_ZEROS * len(low):
            return codec
    return None


def _paragraphs(text: str) -> list[str]:
    return [p for p in regex.split(r"\n[ \t]*\n+", text.replace("\r\n", "\n").replace("\r", "\n")) if p.strip()]


def read_txt(data: bytes, name: str, options) -> Document:
    text, warning = decode_text(data, name)
    blocks = []
    for para in _paragraphs(text):
        # A plain-text paragraph may still hold one list item or heading per line.
        for line in para.split("\n"):
            if line.strip():
                blocks.append(Block(text=line.strip(), kind=_kind(line)))
    return Document(format="txt", blocks=blocks, warnings=[warning] if warning else [])


def read_md(data: bytes, name: str, options) -> Document:
    text, warning = decode_text(data, name)
    blocks: list[Block] = []
    for para in _paragraphs(text):
        lines = para.split("\n")
        # A paragraph made only of list lines is one block per item.
        if all(_LIST_LINE.match(line) or not line.strip() for line in lines) and len(lines) > 1:
            for line in lines:
                if line.strip():
                    blocks.append(_md_block(line))
            continue
        # Markdown: two trailing spaces (or a backslash) are a hard break; a bare
        # newline is a soft wrap.
        joined = ""
        for i, line in enumerate(lines):
            hard = line.endswith("  ") or line.endswith("\\")
            piece = line.rstrip(" \\") if hard else line.rstrip()
            joined += piece
            if i < len(lines) - 1:
                joined += "\n" if hard else " "
        blocks.append(_md_block(joined))
    return Document(format="md", blocks=blocks, warnings=[warning] if warning else [])


def _md_block(raw: str) -> Block:
    style = None
    heading = _HEADING.match(raw.strip())
    if heading:
        style = f"md-h{len(heading.group(1))}"
        raw = heading.group(2)
    lines = [ln.strip() for ln in raw.split("\n")]
    bold = all(_WHOLE_BOLD.match(ln) for ln in lines if ln) or None
    italic = (
        all(_WHOLE_ITALIC.match(ln) or _WHOLE_BOLD_ITALIC.match(ln) for ln in lines if ln) or None
    )
    text = "\n".join(_strip_emphasis(ln) for ln in lines)
    return Block(text=text.strip(), kind=_kind(text), bold=bold, italic=italic, style=style)


def _strip_emphasis(line: str) -> str:
    previous = None
    while previous != line:
        previous, line = line, _EMPHASIS.sub(r"\2", line)
    return line


def _kind(line: str):
    return "list_item" if _LIST_LINE.match(line) else "paragraph"


class _HtmlBlocks(HTMLParser):
    BLOCK_TAGS = {"p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "title"}
    SKIP_TAGS = {"script", "style", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._buf: list[str] = []
        self._bold = 0
        self._skip = 0
        self._tag_stack: list[str] = []
        self._bold_chars = 0
        self._chars = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP_TAGS:
            self._skip += 1
        elif tag in self.BLOCK_TAGS:
            self._flush()
        if tag in ("b", "strong"):
            self._bold += 1
        self._tag_stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCK_TAGS:
            self._flush(tag)
        if tag in ("b", "strong"):
            self._bold = max(0, self._bold - 1)

    def handle_data(self, data):
        if self._skip:
            return
        self._buf.append(data)
        n = len(data.strip())
        self._chars += n
        if self._bold:
            self._bold_chars += n

    def _flush(self, tag: str | None = None):
        text = _SPACES.sub(" ", "".join(self._buf)).strip()
        if text:
            kind = "list_item" if tag == "li" else "table_cell" if tag in ("td", "th") else "paragraph"
            style = f"html-{tag}" if tag and tag.startswith("h") and len(tag) == 2 else None
            bold = (self._chars > 0 and self._bold_chars >= 0.8 * self._chars) or None
            self.blocks.append(Block(text=text, kind=kind, bold=bold, style=style))
        self._buf, self._chars, self._bold_chars = [], 0, 0

    def close(self):
        super().close()
        self._flush()


def read_html(data: bytes, name: str, options) -> Document:
    text, warning = decode_text(data, name)
    parser = _HtmlBlocks()
    parser.feed(text)
    parser.close()
    return Document(format="html", blocks=parser.blocks, warnings=[warning] if warning else [])
