"""The section tree, driven by the numbering each document uses.

Every body paragraph that opens with a label of the outline is a node (schema 1.1):
a ``"heading"`` that titles what follows, or an ``"item"`` whose text runs on, titled
by its lead clause. Nesting is learned per document: the first numbering style seen
is level 1, a new style seen under it is its child, and a number continues the open
series whose next number it is, like a stack; a first number that continues none
starts a list under the current node. Layout (bold, length, final punctuation)
decides only the kind:

    >>> from extract.document import Block
    >>> blocks = [Block(text=t) for t in
    ...     ["I. KHÁI QUÁT", "Nội dung.", "II. KẾT QUẢ", "1. Dân chủ", "a) Họp", "2. Quan hệ", "III. NHIỆM VỤ"]]
    >>> tree = build_tree(blocks, range(len(blocks)))
    >>> [(s.id, s.level, s.title) for s in tree.ordered]
    [('I', 1, 'KHÁI QUÁT'), ('II', 1, 'KẾT QUẢ'), ('II.1', 2, 'Dân chủ'), ('II.1.a', 3, 'Họp'), ('II.2', 2, 'Quan hệ'), ('III', 1, 'NHIỆM VỤ')]
    >>> [s.kind for s in build_tree([Block(text="1. Sở Nội vụ chủ trì, phối hợp với các sở.")], [0]).ordered]
    ['item']
    >>> tree.block_sections
    ['I', 'I', 'II', 'II.1', 'II.1.a', 'II.2', 'III']

Numbers that restart, skip or repeat keep their section and their text; a
repeated id gets a suffix ``-2``, ``-3`` … (``III.2`` then another ``2.`` under
III is ``III.2-2``) and the repair is reported in ``warnings``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from extract.document import Block
from extract.schema import Section
from extract.structure.headings import CONVENTIONAL_RANK, DIVISIONS, LEGAL_RANK, Label, letter_follows, parse_label

# A heading is a short line; longer numbered paragraphs are list items.
HEADING_MAX = 200
_RUN_IN_MAX = 120  # "5. Về tổng hợp: Tổng số nhiệm vụ …" — the part before the colon
# "… các nhiệm vụ, như: (1) …" introduces a list: the words before its colon are no title.
_LIST_LEAD = regex.compile(r"(?:như|sau|sau\s+đây|gồm|là|cụ\s+thể|bao\s+gồm|các\s+nhiệm\s+vụ)\s*$", regex.I)
_SENTENCE_BREAK = regex.compile(r"[.;!?]\s+\p{Lu}")
_CLAUSE_END = regex.compile(r"(?<=[.;])\s")
_LETTER_STYLES = {"letter", "paren_letter", "upper"}
# Single letters that read as Roman numerals unless the document is counting A, B, C …
_ROMAN_OR_LETTER = {"I": "H", "V": "U", "X": "W", "L": "K"}


@dataclass(slots=True)
class _Open:
    style: str
    section: Section
    block: int
    label: Label | None = None
    kind: str = "heading"
    bold: bool = False
    indent: float | None = None


@dataclass(slots=True)
class Tree:
    roots: list[Section] = field(default_factory=list)
    ordered: list[Section] = field(default_factory=list)  # depth first, document order
    heading_blocks: list[int] = field(default_factory=list)  # block index of each ``ordered`` section
    block_sections: list[str | None] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def heading_kind(block: Block, label: Label | None) -> str | None:
    """``"heading"``, ``"run-in"`` (a heading followed by its text after a colon), or None.

        >>> heading_kind(Block(text="1. Ưu điểm"), parse_label("1. Ưu điểm"))
        'heading'
        >>> text = "b) Phát động 01 đợt cao điểm 60 ngày đêm cấp tài khoản định danh điện tử cho tổ chức, cá nhân trên địa bàn tỉnh."
        >>> heading_kind(Block(text=text), parse_label(text)) is None
        True
    """
    if label is None or label.style == "bullet" or block.kind == "table_cell":
        return None
    rest = " ".join(label.rest.split())
    if label.style == "article":
        return "heading"
    if label.style in DIVISIONS:
        # "Chương VI Nghị định 52 đưa ra …" opens a sentence, not a chapter.
        plain = not rest or rest.upper() == rest or bool(block.bold)
        return "heading" if plain or (len(rest) <= 120 and not _SENTENCE_BREAK.search(rest)) else None
    if label.style == "roman":
        return "heading" if len(rest) <= 300 else None
    if not rest:
        return None
    n = len(rest)
    last = rest[-1]
    short = n <= HEADING_MAX and last not in ";,"
    if short and last == ".":
        # A full stop ends a sentence ("b) Khiếu nại quyết định xử lý."), unless the line is set in bold.
        short = bool(block.bold) and n <= 150
    elif short and _SENTENCE_BREAK.search(rest) and not block.bold:
        short = False
    if short:
        return "heading"
    if label.style == "upper":
        return None
    return "run-in" if _run_in_title(rest) else None


def _run_in_title(rest: str) -> str | None:
    head, colon, _ = rest.partition(":")
    if colon and 0 < len(head) <= _RUN_IN_MAX and not _SENTENCE_BREAK.search(head) and not _LIST_LEAD.search(head):
        return head.strip()
    return None


def heading_title(label: Label, kind: str) -> str:
    """The title as printed, without the label and without a trailing colon."""
    rest = " ".join(label.rest.split())
    if kind == "run-in" or len(rest) > HEADING_MAX:
        rest = _run_in_title(rest) or _CLAUSE_END.split(rest, maxsplit=1)[0]
    return rest.rstrip(" :")


def _title_below(blocks: list[Block], i: int, body: set[int], candidates: dict) -> str:
    """A bare "Chương I" / "Mục 2" / "I." line takes its title from the line under it.

    Legal texts and many reports print the number centred on one line and the title,
    in capitals, on the next; that next line is the title only when it is short and
    carries no numbering of its own.
    """
    j = i + 1
    if j not in body or candidates.get(j) is not None:
        return ""
    below = " ".join(blocks[j].display_text.split())
    if not (0 < len(below) <= HEADING_MAX and "\n" not in blocks[j].text):
        return ""
    # A title in capitals broken over two lines ("XỬ LÝ VI PHẠM CÁC QUY ĐỊNH" / "VỀ MINH BẠCH TÀI SẢN, THU NHẬP").
    k = j + 1
    while (below.isupper() and k in body and k < j + 3 and candidates.get(k) is None
           and (more := " ".join(blocks[k].display_text.split())) and more.isupper()
           and len(below) + len(more) < HEADING_MAX and bool(blocks[k].bold) == bool(blocks[j].bold)):
        below, k = f"{below} {more}", k + 1
    return below.rstrip(" :")


def _follows(previous: Label, current: Label) -> bool:
    if current.style in _LETTER_STYLES and len(previous.number) == 1:
        return letter_follows(previous.number, current.number)
    return current.value == previous.value + 1


def build_tree(blocks: list[Block], body: Iterable[int]) -> Tree:
    """Sections of ``blocks``, opened only by blocks whose index is in ``body``.

    Every paragraph that opens with a label of the outline is a node: a heading, or an
    item (a numbered paragraph whose text runs on). Items nest like headings, so a
    khoản's điểm sit under it, but a list never re-parents what follows it (see
    :func:`_place`).
    """
    body = set(body)
    tree = Tree(block_sections=[None] * len(blocks))
    stack: list[_Open] = []
    order: list[str] = []  # styles from outermost to innermost, as this document nests them
    last_child: dict[int, dict[str, Label]] = {}  # id(parent section) → style → last label
    ids = _Ids()

    # A footnote never opens a section: it stays in the section of the paragraph marking it.
    candidates = {
        i: parse_label(blocks[i].display_text) if blocks[i].kind != "footnote" else None for i in sorted(body)
    }
    quoted = _quoted_blocks(blocks, body) | _table_of_contents(blocks, body)
    quoting = False  # inside another text's outline listed in this one
    by_number: dict[str, list[_Open]] = {}  # "2.1" → the open path down to the last node numbered so
    for i, block in enumerate(blocks):
        if i in body:
            label = _contextual(candidates[i], stack, last_child)
            kind = node_kind(block, label) if i not in quoted else None
            if kind and _lowercase_roman(label, stack):
                kind = None
            if kind and _quotes_an_outline(label, stack):
                kind, quoting = None, True
            elif kind and quoting:
                # The quoted Điều's khoản and điểm are the other text's too, up to the next
                # number of this document's own outline.
                if _continues_open_series(label, stack):
                    quoting = False
                else:
                    kind = None
            if kind:
                if not _reopen_decimal_parent(label, stack, by_number):
                    _place(label, kind, block, stack, order)
                elif label.style not in order:
                    order.insert(order.index(stack[-1].style) + 1 if stack and stack[-1].style in order
                                 else len(order), label.style)
                parent = stack[-1] if stack else None
                siblings = last_child.setdefault(id(parent.section) if parent else 0, {})
                previous = siblings.get(label.style)
                warning = _sequence_warning(previous, label, parent)
                if warning:
                    tree.warnings.append(warning)
                siblings[label.style] = label
                if kind == "heading":
                    title = heading_title(label, "heading") or _title_below(blocks, i, body, candidates)
                else:
                    title = item_title(label.rest)
                section = _new_section(label, title, kind, parent, len(stack) + 1, ids)
                if section.id != _plain_id(label, parent):
                    tree.warnings.append(
                        f"Section {_plain_id(label, parent)} appears more than once; "
                        f"this one is kept as section {section.id}."
                    )
                (parent.section.children if parent else tree.roots).append(section)
                stack.append(_Open(label.style, section, i, label, kind, bool(block.bold), block.indent))
                if label.style in _NUMBERED:
                    by_number[label.number] = list(stack)
                tree.ordered.append(section)
                tree.heading_blocks.append(i)
        tree.block_sections[i] = stack[-1].section.id if stack and i in body else None
    return tree


_NAMED_NUMBER = regex.compile(r"\s(?:\d{1,2}|[IVX]{1,4})$")  # "Chính sách 1", "Nhóm II"
_SIGNATURE_LINE = regex.compile(r"^[\p{Lu}\s,]+(?:\n|$)")  # a title in capitals on its own line


_NUMBERED = frozenset({"arabic", "arabic)", "decimal2", "decimal3"})
_QUOTE_SPAN_MAX = 30  # paragraphs a quotation may run over before an unbalanced mark is taken for a slip


def _quoted_blocks(blocks: list[Block], body: set[int]) -> set[int]:
    """Paragraphs inside a quotation that runs over several paragraphs: a law's khoản
    quoted from "“1. Bảo đảm quyền …" to "4. … thực hiện.”" are the law's, not this
    document's, so its "2.", "3.", "4." open no node. (A paragraph that itself opens with
    the mark never parses as a label.)"""
    quoted: set[int] = set()
    ordered = sorted(body)
    k = 0
    while k < len(ordered):
        text = blocks[ordered[k]].display_text
        if text.lstrip().startswith("“") and text.count("“") > text.count("”"):
            inside = []
            for j in ordered[k + 1:k + 1 + _QUOTE_SPAN_MAX]:
                inside.append(j)
                if "”" in blocks[j].display_text:
                    quoted.update(inside)
                    k = ordered.index(j)
                    break
        k += 1
    return quoted


# A contents line ends with its page number: "II. Phân tích và đánh giá thực trạng 8",
# "1.2. Mục tiêu ........ 12", "Chương I<tab>5".
_CONTENTS_LINE = regex.compile(r"[^\s:=%\d](?:\s*(?:\.{2,}|…+|_{2,})\s*|\t+|\s+)(?P<page>\d{1,3})$")
_CONTENTS_RUN = 3  # consecutive contents lines that make a table of contents


def _table_of_contents(blocks: list[Block], body: set[int]) -> set[int]:
    """The paragraphs of a table of contents: runs of at least three lines that each end
    with a page number, the numbers never going down. Its entries repeat the outline;
    they are not the outline."""
    ordered = sorted(body)
    found: set[int] = set()
    run: list[int] = []
    pages: list[int] = []
    for i in [*ordered, None]:
        m = _CONTENTS_LINE.search(blocks[i].display_text.strip()) if i is not None else None
        # page numbers never go down in a table of contents; "1. Số hộ 120", "2. Số người 34" do
        if m and (not pages or int(m["page"]) >= pages[-1]):
            run.append(i)
            pages.append(int(m["page"]))
            continue
        if len(run) >= _CONTENTS_RUN:
            found.update(run)
        run, pages = ([i], [int(m["page"])]) if m else ([], [])
    return found


def _reopen_decimal_parent(label: Label, stack: list[_Open], by_number: dict[str, list[_Open]]) -> bool:
    """A decimal label names its parent: "2.1.3." goes under the open node numbered "2.1";
    after a "2.2." came between, beside it under their parent (when that is still open).
    True when ``stack`` now ends where the label goes."""
    if label.style not in ("decimal2", "decimal3"):
        return False
    prefix = label.number.rsplit(".", 1)[0]
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].style in _NUMBERED and stack[depth].section.number == prefix:
            del stack[depth + 1:]
            return True
    path = by_number.get(prefix)
    if path and len(path) - 1 <= len(stack) and all(a.section is b.section for a, b in zip(path[:-1], stack)):
        # Beside it, not inside it: its span ended where "2.2." began, and spans nest in
        # document order. The id still reads II.2.1.3, the label's own number under II.2.
        stack[:] = path[:-1]
        return True
    return False


def _lowercase_roman(label: Label, stack: list[_Open]) -> bool:
    """"(i) Nghị định …", "(ii) Thông tư …": a lowercase Roman enumeration, running text
    like its "(ii)", "(iii)" that no label grammar reads; "i)" is the letter only after "h)"."""
    return (label.style in ("letter", "paren_letter") and label.number == "i"
            and not any(o.style == label.style and o.label and o.label.number == "h" for o in stack))


def _continues_open_series(label: Label, stack: list[_Open]) -> bool:
    """The next number of a series open on ``stack`` ("3." after an open "2."), a decimal
    under an open number ("2.4." under "2."), or a Roman numeral or capital letter."""
    if label.style in ("roman", "upper"):
        return True
    if any(o.style == label.style and o.label and _follows(o.label, label) for o in stack):
        return True
    prefix = label.number.rsplit(".", 1)[0] if label.style in ("decimal2", "decimal3") else None
    return prefix is not None and any(o.style in _NUMBERED and o.section.number == prefix for o in stack)


def _quotes_an_outline(label: Label, stack: list[_Open]) -> bool:
    """A "Chương", "Mục" or "Điều" met inside a report's own numbering ("2. Bố cục của dự
    thảo Luật" › "- Chương I: Những quy định chung, gồm 7 Điều" › "Điều 1. Phạm vi điều
    chỉnh") lists the outline of another text, the draft it submits: no node of this one."""
    return (label.style in LEGAL_RANK and label.style != "part" and bool(stack)
            and not any(o.style in LEGAL_RANK for o in stack))


def node_kind(block: Block, label: Label | None) -> str | None:
    """``"heading"``, ``"item"``, or None when the paragraph is no node of the outline.

        >>> node_kind(Block(text="1. Ưu điểm"), parse_label("1. Ưu điểm"))
        'heading'
        >>> text = "b) Phát động 01 đợt cao điểm 60 ngày đêm cấp tài khoản định danh điện tử cho tổ chức."
        >>> node_kind(Block(text=text), parse_label(text))
        'item'
        >>> node_kind(Block(text="- Quán triệt"), parse_label("- Quán triệt")) is None
        True
    """
    if label is None or label.style == "bullet" or block.kind == "table_cell":
        return None
    if label.style == "upper" and label.number == "Q" and _SIGNATURE_LINE.match(label.rest):
        return None  # "Q. CHÁNH VĂN PHÒNG": the signature of an acting head, not part Q of an outline
    shape = heading_kind(block, label)
    if label.style in LEGAL_RANK:
        # "Chương VI Nghị định 52 đưa ra …" opens a sentence, not a chapter.
        return "heading" if shape else None
    if shape == "heading" and label.rest.rstrip().endswith(":") and _LIST_LEAD.search(label.rest.rstrip(" :")):
        return "item"  # "1. Người kê khai có các quyền sau đây:" is a sentence leading into a list
    if shape == "heading":
        # "3. Thời gian thực hiện: Từ năm 2026 đến năm 2031." is a run-in title and its text.
        # A named, numbered title keeps its colon ("a. Chính sách 1: Duy trì mức sinh thay thế").
        head, colon, after = " ".join(label.rest.split()).partition(":")
        return "item" if colon and after.strip(" .") and head and not _NAMED_NUMBER.search(head) else "heading"
    if not " ".join(label.rest.split()):
        return None
    return "item"


# An item's lead clause ends at its first colon or semicolon, or its first sentence's end.
_LEAD_END = regex.compile(r"[:;]|[.!?…](?=\s+[\p{Lu}\d(“\"])")
ITEM_TITLE_MAX = 150


def item_title(rest: str) -> str:
    """An item's lead clause: up to its first ``:``, ``;`` or sentence end, at most 150 characters.

        >>> item_title("Về tổng hợp: Tổng số nhiệm vụ là 20.")
        'Về tổng hợp'
        >>> item_title("Sở Nội vụ chủ trì. Các sở phối hợp.")
        'Sở Nội vụ chủ trì'
    """
    rest = " ".join(rest.split())
    m = _LEAD_END.search(rest)
    head = (rest[:m.start()] if m else rest).rstrip(" .!?…;:,")
    if len(head) > ITEM_TITLE_MAX:
        cut = head[:ITEM_TITLE_MAX + 1]
        head = cut[:cut.rfind(" ")] if " " in cut else cut[:ITEM_TITLE_MAX]
        head = head.rstrip(" ,;:")
    return head


def _contextual(label: Label | None, stack: list[_Open], last_child: dict) -> Label | None:
    """Read "I." as the letter I when the document is counting A, B, … H at that level."""
    if label is None or label.style != "roman" or label.number not in _ROMAN_OR_LETTER:
        return label
    for opened in reversed(stack):
        if opened.style == "upper":
            parent_key = id(stack[stack.index(opened) - 1].section) if stack.index(opened) else 0
            previous = last_child.get(parent_key, {}).get("upper")
            if previous and previous.number == _ROMAN_OR_LETTER[label.number]:
                return Label("upper", label.number, label.label, label.rest, ord(label.number) - ord("A") + 1)
    return label


def _place(label: Label, kind: str, block: Block, stack: list[_Open], order: list[str]) -> _Open | None:
    """Pop ``stack`` to where a node labelled ``label`` belongs; return its parent.

    A legal division meeting an open one nests by its legal rank (a "Mục" closes an
    open "Điều" and goes under the open "Chương"). A style already open continues the
    open series whose next number it is ("2. Hạn chế" after "1. Ưu điểm" and the
    "1.", "2." listed in its text goes back to "1. Ưu điểm"'s level); a first number
    ("1.", "a)") that continues no open series starts a list under the current node,
    so an enumeration in a node's prose never becomes a sibling of its own parent.
    A style seen before sits where the document first nested it. A new style goes
    right under the open section, unless it is a Roman numeral or a capital letter that
    would land under a style every report ranks below it ("II." under "6.": the "I." was
    lost): then it climbs to the first open section ranked above it.
    """
    style = label.style
    styles = [o.style for o in stack]
    if style in LEGAL_RANK and any(s in LEGAL_RANK for s in styles):
        _place_division(style, stack)
        if style not in order:
            order.insert(order.index(stack[-1].style) + 1 if stack else 0, style)
    elif style in styles:
        continued = [d for d, o in enumerate(stack) if o.style == style and o.label and _follows(o.label, label)]
        if continued:
            del stack[_best_series(continued, kind, block, stack):]
        else:
            innermost = len(styles) - 1 - styles[::-1].index(style)
            if not (label.value == 1 and style not in ("roman", "upper")
                    and not _restarts_series(stack[innermost], kind, block)):
                del stack[innermost:]
    elif style in order:
        while stack and order.index(stack[-1].style) > order.index(style):
            stack.pop()
    else:
        # Only Roman numerals and capital letters climb: a "Mục 1" or "Điều 1." met inside
        # a report quotes a law's outline and belongs under the section quoting it.
        # They stop at a legal division: the "I.", "II." of a Đề án approved in "Điều 1." are its content.
        rank = CONVENTIONAL_RANK[style] if style in ("roman", "upper") else len(CONVENTIONAL_RANK)
        while (stack and stack[-1].style not in LEGAL_RANK
               and CONVENTIONAL_RANK.get(stack[-1].style, len(CONVENTIONAL_RANK)) > rank):
            stack.pop()
        order.insert(order.index(stack[-1].style) + 1 if stack else 0, style)
    return stack[-1] if stack else None


def _restarts_series(opened: _Open, kind: str, block: Block) -> bool:
    """A first number that looks like the open series' last node (same kind, weight and
    indentation) restarts that series ("1. Lại một" after "2. Hai": ``I.1-2``); one that
    does not (an item "1. …" under the heading "1. Ưu điểm") starts a list inside it."""
    return opened.kind == kind and opened.bold == bool(block.bold) and opened.indent == block.indent


def _best_series(depths: list[int], kind: str, block: Block, stack: list[_Open]) -> int:
    """Of the open series a number continues, the one whose last node looks like it
    (same kind, same weight), else the innermost: "2. Hạn chế" in bold after a bold
    "1. Ưu điểm" whose text listed "1. …", "2. …" goes back to the bold series."""
    alike = [d for d in depths if stack[d].kind == kind and stack[d].bold == bool(block.bold)]
    return (alike or depths)[-1]


def _place_division(style: str, stack: list[_Open]) -> None:
    """Close the open divisions ranked at or below ``style``, else what is open inside
    the innermost division above it: a "Điều" after "Mục 1" › "1." goes under the Mục."""
    rank = LEGAL_RANK[style]
    for depth, opened in enumerate(stack):
        if LEGAL_RANK.get(opened.style, -1) >= rank:
            del stack[depth:]
            return
    while stack[-1].style not in LEGAL_RANK:
        stack.pop()


def _sequence_warning(previous: Label | None, label: Label, parent: _Open | None) -> str | None:
    where = f"under section {parent.section.id}" if parent else "at the top level"
    if previous is None:
        if label.value > 1 and label.style not in ("article", "part", "chapter"):
            return f"Numbering {where} starts at {label.label} instead of the first number."
        return None
    if _follows(previous, label):
        return None
    if label.number == previous.number:
        return f"Section number {label.label} is repeated {where}."
    if label.value < previous.value:
        return f"Numbering restarts {where}: {label.label} comes after {previous.label}."
    return f"Numbering skips {where}: {label.label} comes after {previous.label}."


def _id_part(label: Label, parent: _Open | None) -> str:
    # "1.1" under "1." is the first child of 1, not a second copy of the whole path.
    if parent and label.number.startswith(parent.section.number + "."):
        return label.number[len(parent.section.number) + 1:]
    return label.number


def _plain_id(label: Label, parent: _Open | None) -> str:
    part = _id_part(label, parent)
    return f"{parent.section.id}.{part}" if parent else part


class _Ids:
    """The section ids given so far. A repeated id takes the first free suffix: "I", "I-2", "I-3" …;
    the search for it goes on from the last suffix given, since every smaller one is taken (counting
    from 2 each time, "I." printed 10⁵ times would cost 10¹⁰ steps)."""

    def __init__(self):
        self._used: set[str] = set()
        self._last: dict[str, int] = {}  # plain id → the last suffix given to it

    def new(self, plain: str) -> str:
        n = self._last.get(plain, 1)
        section_id = f"{plain}-{n}" if n > 1 else plain
        while section_id in self._used:
            n += 1
            section_id = f"{plain}-{n}"
        self._used.add(section_id)
        self._last[plain] = n
        return section_id


def _new_section(label: Label, title: str, kind: str, parent: _Open | None, level: int, ids: _Ids) -> Section:
    section_id = ids.new(_plain_id(label, parent))
    return Section(id=section_id, label=label.label, number=label.number, level=level, title=title, children=[],
                   kind=kind)
