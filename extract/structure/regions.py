"""Front matter, body, back matter: where each block of a report sits.

The front matter is the header (agency, quốc hiệu, số, place and date, the type
line, the title, "Kính gửi", "V/v"): short lines up to the first body paragraph
or the first numbered heading. The back matter starts at the closing formula
("… kính báo cáo./.", a short line ending "./.", "Trên đây là báo cáo …"),
"Nơi nhận:" or the signature block, whichever comes first after the body:

    >>> from extract.document import Block
    >>> blocks = [Block(text="BÁO CÁO"), Block(text="Kết quả công tác"),
    ...           Block(text="I. KHÁI QUÁT"), Block(text="Nội dung."),
    ...           Block(text="Sở Công Thương kính báo cáo./."), Block(text="GIÁM ĐỐC")]
    >>> assign_regions(blocks)
    ['front', 'front', 'body', 'body', 'back', 'back']
"""

from __future__ import annotations

import regex

from extract.document import Block
from extract.structure.headings import letter_follows, parse_label
from extract.structure.skeleton import Region

# Header lines that are front matter however long the header grows.
_FRONT_LINE = regex.compile(
    r"^(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+H[ỘO]I|Độc\s+lập\s*[-–]|ĐẢNG\s+CỘNG\s+SẢN|Số\s*:|Số\s+\S*[/-]|"
    r"V/v\b|Về\s+việc\b|Kính\s+gửi\b|\*|[-_=–—.…*\s]+$|"
    r".{0,60},\s*ngày\s+[\d.…\s]*tháng)",
    regex.I,
)
_CLOSING = regex.compile(
    r"(?:kính\s+(?:báo\s+cáo|trình|gửi|đề\s+nghị|đề\s+xuất)|xin\s+(?:báo\s+cáo|trân\s+trọng))[^.]{0,80}\.?\s*/\s*\.?\s*$",
    regex.I,
)
# "Nơi nhận:" (or the words alone on their line); "Nơi nhận văn bản xác định …" is a sentence about it.
_RECIPIENTS = regex.compile(r"^\W*Nơi\s+nhận\s*(?::|$)", regex.I | regex.M)
# A signature shown as an example in a guide ("Ví dụ 1:" then "T/M ĐOÀN CHỦ TỊCH" / "(chữ ký)" / "Họ và tên").
_EXAMPLE_INTRO = regex.compile(r"\bVí\s+dụ\b[^\n]{0,120}:\s*$", regex.I)
_PLACEHOLDER = regex.compile(r"^\(?\s*(?:chữ\s+ký|ký,?\s+ghi\s+rõ\s+họ\s+tên[^)]*|Họ\s+và\s+tên)\s*\)?$", regex.I | regex.M)
_SUMMING_UP = regex.compile(r"^Trên\s+đây\s+là\b", regex.I)
_SIGNATURE_PREFIX = regex.compile(r"^(?:KT|TM|TL|TUQ|Q)\s*\.\s*\p{Lu}|^(?:K/T|T/M|T/L)\s+\p{Lu}")
# "BỘ TRƯỞNG" / "(Đã ký)" / "Trần Văn Tuấn": a signed copy's signature block, with or without a prefix.
_SIGNED = regex.compile(r"^\(\s*(?:Đã\s+ký|đã\s+ký)\s*\)$", regex.M)
_PREAMBLE = regex.compile(r"^(?:Căn\s+cứ|Xét\s+đề\s+nghị)\b", regex.I)
_BODY_OPENING = regex.compile(r"^(?:Căn\s+cứ|Thực\s+hiện|Theo|Triển\s+khai|Ngày\s+\d)\b", regex.I)
_CLOSING_MARK = regex.compile(r"\./\.?\s*$")  # "./." ends a report's last paragraph
_FINAL_PUNCT = regex.compile(r"[.:;]$")
_WORD_OF_2, _WORD_OF_3 = regex.compile(r"\p{L}{2}"), regex.compile(r"\p{L}{3}")

# Front matter never runs longer than this many blocks (a header, a title, Kính gửi).
_FRONT_LIMIT = 40


def lines(block: Block) -> list[str]:
    """The non-empty lines of a block's displayed text, stripped."""
    return [ln.strip() for ln in block.display_text.split("\n") if ln.strip()]


def _is_numbered_heading(text: str) -> bool:
    label = parse_label(text)
    return label is not None and label.style != "bullet" and len(label.rest) < 300


def _is_body_paragraph(text: str) -> bool:
    if _PREAMBLE.match(text) or (_BODY_OPENING.match(text) and len(text) > 60):
        return True
    return len(text) > 160 or (len(text) > 80 and text.rstrip().endswith((".", ";", ":")))


def front_end(blocks: list[Block]) -> int:
    """Index of the first block after the front matter (0 when there is none)."""
    end = 0
    for i, block in enumerate(blocks[:_FRONT_LIMIT]):
        text = block.display_text.strip()
        if not text or block.kind == "footnote":  # a note on the title stays in the front matter
            end = i + 1 if end == i else end
            continue
        if block.kind == "table_cell" and i == end and _is_header_cell(block):
            end = i + 1  # header tables: agency | quốc hiệu, số | place and date
            continue
        if all(_FRONT_LINE.match(ln) for ln in lines(block)):
            end = i + 1
            continue
        if i and end == i and _is_title_under_type_line(blocks[i - 1], text):
            end = i + 1
            continue
        if _is_numbered_heading(text) or _is_body_paragraph(text) or _is_closing(text):
            break
        end = i + 1  # a short unlabelled line: type line, title, agency
    return end


def _is_title_under_type_line(previous: Block, text: str) -> bool:
    """A long title right under "BÁO CÁO" is still the title: it ends without a full stop."""
    above = previous.display_text.strip()
    return (
        len(above) <= 40 and above.upper() == above and _WORD_OF_3.search(above) is not None
        and len(text) < 700 and not _FINAL_PUNCT.search(text) and not _PREAMBLE.match(text)
        and not _is_numbered_heading(text)
    )


def _is_header_cell(block: Block) -> bool:
    """A header table cell holds capitals (agency, quốc hiệu) or header lines, not data."""
    return all(_FRONT_LINE.match(ln) or (ln.upper() == ln and _WORD_OF_2.search(ln)) for ln in lines(block))


def _is_closing(text: str) -> bool:
    text = text.strip()
    return bool(
        _RECIPIENTS.match(text)
        or _CLOSING.search(text)
        or (len(text) < 100 and _CLOSING_MARK.search(text))
        or _SIGNATURE_PREFIX.match(text)
        or _SIGNED.search(text)
    )


def back_start(blocks: list[Block], start: int) -> int:
    """Index of the first back-matter block at or after ``start`` (len when none)."""
    for i in range(start, len(blocks)):
        text = blocks[i].display_text
        if (blocks[i].kind != "footnote" and _is_closing(text) and not _is_numbered_heading(text)
                and not _is_example_signature(blocks, i, start)):
            first = i
            # "Trên đây là báo cáo …" just before the closing formula belongs to it.
            for j in range(i - 1, max(start, i - 3) - 1, -1):
                if _SUMMING_UP.match(blocks[j].display_text.strip()):
                    first = j
            return first
    for i in range(len(blocks) - 1, start - 1, -1):
        if _SUMMING_UP.match(blocks[i].display_text.strip()):
            return i
    return len(blocks)


def _is_example_signature(blocks: list[Block], i: int, start: int) -> bool:
    """A signature block a guide shows as an example: placeholders where the signature and
    name go, or right after a "Ví dụ …:" line. The document's own signature comes later."""
    text = blocks[i].display_text
    if not _SIGNATURE_PREFIX.match(text.strip()):
        return False
    if _PLACEHOLDER.search(text):
        return True
    if i > start and _EXAMPLE_INTRO.search(blocks[i - 1].display_text.strip()):
        return True
    return _body_resumes(blocks, i, start)


_ANNEX_TITLE = regex.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục|\(?Kèm\s+theo|\(?Ban\s+hành\s+kèm)", regex.I)
_LOOKAHEAD = 3  # blocks after a signature block where the text it illustrates may resume


def _body_resumes(blocks: list[Block], i: int, start: int) -> bool:
    """The text goes on after a signature block as the body did before it: the next
    point of an open numbering ("b) Chức vụ của người ký" after "a) Việc ghi quyền hạn …"),
    a bulleted sentence or a paragraph of prose. Then the block was an example, not the
    document's own (whose next lines are the recipients, an annex's title or nothing)."""
    last: dict[str, object] = {}
    for j in range(start, i):
        label = parse_label(blocks[j].display_text)
        if label is not None and label.style != "bullet" and blocks[j].kind != "table_cell":
            last[label.style] = label
    seen = 0
    for j in range(i + 1, len(blocks)):
        text = blocks[j].display_text.strip()
        if not text or blocks[j].kind == "footnote":
            continue
        if blocks[j].kind == "table_cell":
            continue  # the rest of a signature table
        if _is_closing(text) or seen == _LOOKAHEAD:
            return False
        seen += 1
        if _ANNEX_TITLE.match(text) or (text.isupper() and len(text) <= 120 and " " in text):
            return False  # "PHỤ LỤC", "QUY CHẾ …": the document's own signature, then its annex
        label = parse_label(text)
        if label is None or label.style == "bullet":
            # Prose after the signature: the guide explaining its example.
            rest = label.rest if label else text
            if len(rest) > (80 if label else 160) and text.endswith((".", ":", ";")):
                return True
            continue
        previous = last.get(label.style)
        if previous is not None and _next_number(previous, label):
            return True
    return False


def _next_number(previous, label) -> bool:
    if label.style in ("letter", "paren_letter", "upper"):
        return letter_follows(previous.number, label.number)
    return label.value == previous.value + 1


def assign_regions(blocks: list[Block]) -> list[Region]:
    """The region of every block, in order."""
    front = front_end(blocks)
    back = back_start(blocks, front)
    return ["front" if i < front else "back" if i >= back else "body" for i in range(len(blocks))]
