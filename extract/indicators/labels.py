"""The label of a figure: the noun phrase, taken from its sentence, that the figure measures.

    >>> left_label("Tiếp tục đào tạo. Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ ")
    'Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ'
    >>> left_label("Giá trị sản xuất công nghiệp (giá so sánh 2010) ước đạt ")
    'Giá trị sản xuất công nghiệp'
    >>> left_label("Năm 2024, tổng doanh thu từ TMĐT bán lẻ đạt hơn ")
    'tổng doanh thu từ TMĐT bán lẻ'
    >>> right_label(" TTHC được giải quyết đúng thời gian quy định. 41,4% …")
    'TTHC được giải quyết đúng thời gian quy định'
    >>> complete("được đào tạo lý luận chính trị", "Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ")
    'Tỷ lệ công chức, viên chức được đào tạo lý luận chính trị'

A figure placed after its subject ("Tỷ lệ … đạt 36%") takes the words before it,
back to the start of the clause; a figure that opens its clause ("100% TTHC
được giải quyết …") takes the words after it. In a list sharing one subject
("Tỷ lệ … thạc sĩ 36%, được đào tạo lý luận chính trị 74 %") the second label
starts with a verb and is completed with the first label's subject.

The clause runs back to a sentence or clause mark, a "(" still open, or the "thì" that opens
the main clause after a condition; a closed aside ("(giá so sánh 2010)") is not the subject
unless it is an acronym ("(PCI)"), nor is a time or source phrase framing the clause ("Năm
2024, …"); cue, connector and adverb words before the number are trimmed until none is left
("lại giảm từ").

A rank names its subject's position in the set after it ("thứ hạng Việt Nam trong khu vực
Đông Nam Á"); a share keeps the whole it is a part of ("chiếm 19% dân số cả nước" → "… trong
dân số cả nước"); the two ends of a change ("giảm từ 1,17% năm 2003 xuống còn 0,84% năm
2023") share one label, each with its year.
"""

from __future__ import annotations

import regex

from extract.indicators.kinds import cue_at_end

# An open "(" not closed before the figure; a ")" left once closed asides are dropped closes an aside
# the clause started in ("(tăng 181 tỷ đồng so với …), bao gồm truy thu, xử phạt là 182 tỷ đồng").
# "nếu … thì Quỹ BHYT … có thể thu thêm": "thì" opens the main clause after a condition.
_BOUNDARY = regex.compile(r"[.;:!?…](?=\s|$)|\n|\((?![^()\n]*\))|(?<!\([^()\n]*)\)|(?<![\p{L}])thì(?=\s)")
# A closed aside before the figure: "(giá so sánh 2010)" qualifies the subject and is dropped,
# an acronym "(PCI)" names it and stays.
_CLOSED_ASIDE = regex.compile(r"\s?\(([^()\n]{0,120})\)")
_ACRONYM = regex.compile(r"^[\p{Lu}\d\-]{2,12}$")
# "Năm 2024, tổng doanh thu …", "Đến nay, tổng số lượt …": a time or source phrase framing the clause.
_FRAME = regex.compile(
    r"^(?:(?:năm|trong|đến|tính đến|theo|từ|sau|qua|tại|hiện nay|lũy kế|luỹ kế)\b[^,;:]{0,60},\s*)+", regex.IGNORECASE)
# Connectors and list marks before a subject; "/tháng, mức đóng …" is the per-period tail of the figure before.
_LEAD = regex.compile(
    r"^(?:[\s,\-–+•*()]|\(?\d{1,2}\)|[a-zđ]\)|/\s?\p{L}+(?=[\s,])|\b(?:và|hoặc|trong đó|cụ thể|theo đó|bao gồm|gồm|với|riêng|ngoài ra|đồng thời|bên cạnh đó|tuy nhiên|đặc biệt|qua đó|từ đó|tương ứng|như vậy|nếu|dự kiến|ước tính)\b)+",
    regex.IGNORECASE,
)
# "Đến nay tỉnh đã …": when the clause holds, dropped from a subject, kept before an action as its frame is.
_NOW = regex.compile(r"^(?:tính đến nay|đến nay|hiện nay)\b[\s,]*", regex.IGNORECASE)
# Words that end no subject; "đối với" ("- Đối với 11 dịch vụ công …") opens a topic, not an action.
_TRAIL = regex.compile(
    r"(?:[\s,:\-–(]|\b(?:là|chiếm|có|được|đối với|với|gồm|bằng|tương đương|tương ứng|ở mức|mức|còn|lên|xuống|đến|tới|từ|cho|của|trên tổng số|trên|thứ|xếp hạng|tổng số|tổng)\b)+$",
    regex.IGNORECASE,
)
_RIGHT_END = regex.compile(
    r"[.;:!?…](?=\s|$)|\n|[(),]|\svà\s+\d|\s(?:để|nhằm|do|theo|nhưng|tuy nhiên|trong đó|so với|đạt|tăng|giảm|bằng|tương đương|tương ứng)\s"
)
_RIGHT_END_COMMAS = regex.compile(
    r"[.;:!?…“\"](?=\s|$)|\n|[()“]|,\s*(?=\d|(?:trong đó|đạt|tăng|giảm|tỷ lệ|tỉ lệ|qua|như|cụ thể)\b)|\svà\s+\d|"
    r"(?:^|\s)(?:để|nhằm|do|theo|nhưng|tuy nhiên|trong đó|so với|tăng|giảm|bằng|tương đương|tương ứng|thì|nên)\s"
)
# "chiếm (khoảng) 19%": the verb of a share, whose whole may follow the figure
_SHARE_VERB = regex.compile(r"(?<![\p{L}])chiếm(?:\s+(?:khoảng|gần|hơn|trên|đến|tới|xấp xỉ))?\s*$", regex.IGNORECASE)
# "giảm từ 1,17% năm 2003 xuống còn 0,84% năm 2023": the two ends of a change and the year of each
_CHANGE_FROM = regex.compile(r"(?<![\p{L}])từ\s*$", regex.IGNORECASE)
_CHANGE_TO = regex.compile(r"(?<![\p{L}])(?:xuống|lên)(?:\s+(?:còn|mức|đến|tới))?\s*$", regex.IGNORECASE)
_WHEN_AFTER = regex.compile(r"\s*(?:vào\s+)?(năm \d{4})(?!\p{N})(?=\s*(?:xuống|lên|[.,;)]|$))", regex.IGNORECASE)
# "…, và đứng thứ 15": a rank that is a second predicate of the subject before it
_JOINED_RANK = regex.compile(r"(?:,|(?<![\p{L}])và)\s*(?:đứng|xếp)(?:\s+hạng)?(?:\s+thứ)?\s*$", regex.IGNORECASE)
# "thứ ba trong khu vực Đông Nam Á (sau …)": the set a rank is taken in
_RANK_SCOPE_AFTER = regex.compile(r"\s*((?:trong|trên)\s+[^,.;:()\n]{2,60}?)\s*(?=[,.;:()\n]|\svà\s|$)", regex.IGNORECASE)
_AGENT_START = {"N", "Np", "Ny", "Nc", "L"}  # an agent after "do" opens with a noun or "các", "những"
# "khi tăng lương cơ sở lên": a verb of change and its object, before the new level (_CHANGE_TO)
_CHANGE_VERB = regex.compile(r"^\s*(?:tăng|nâng|giảm|hạ|điều chỉnh)\s+", regex.IGNORECASE)
_SUBORDINATOR = regex.compile(r"^\s*(?:khi|sau khi|nếu)\s+", regex.IGNORECASE)
# "tỷ lệ bao phủ 92,04%": a share named right before its figure
_SHARE_NAMED = regex.compile(r"(?<![\p{L}])t[ỷỉ] lệ(?:\s+\p{L}+){1,4}\s*$", regex.IGNORECASE)
_PLAN = regex.compile(r"(?:kế hoạch|chỉ tiêu|mục tiêu|cùng kỳ|so với)\b", regex.IGNORECASE)  # a baseline, not a whole
_ADVERB_END = regex.compile(r"\s(?:lại|đã|sẽ|đều|chỉ|vẫn|cũng|đang|tiếp tục|có thể)$", regex.IGNORECASE)
_PERIOD_END = regex.compile(r"\s(?:năm|tháng|quý|ngày|giai đoạn)\s*$", regex.IGNORECASE)
_FIGURE_IN = regex.compile(r"(?<![\p{N}.,/])\d{1,3}((?:\.\d{3})+)?(?![\p{N}/]|[.,]\p{N})")
_NEW_PREDICATE = {"tăng", "giảm", "bằng"}  # verbs whose subject, after a comma, starts a new clause
_SHARE_HEAD = regex.compile(r"(?<![\p{L}])t[ỷỉ] lệ\b(?!.*(?<![\p{L}])t[ỷỉ] lệ\b)", regex.IGNORECASE)
_MAX_WORDS = 24  # longer phrases after a figure run into the next thought
_NEXT_FIGURE = regex.compile(r"(?<![\p{L}\p{N}])\d")
_ASIDE = regex.compile(r"\s?\([^()\n]{0,120}\)")
_FOOTNOTE_MARK = regex.compile(r"(?<=\p{Ll})\d{1,2}\b")  # "phiếu khảo sát2": a footnote reference
_PREDICATE = regex.compile(r"\s(?:có|được|đã|đang|chưa|bị|đạt|tham gia|thực hiện|phải)\s")
_VERB_START = regex.compile(r"^(?:có|được|đã|đang|chưa|bị|không|tham gia)\b", regex.IGNORECASE)


def _strip_cues(left: str) -> str:
    """Drop the cue words right before the number ("đạt tỷ lệ", "tăng hơn")."""
    for _ in range(3):
        m = cue_at_end(left)
        if not m:
            break
        left = _TRAIL.sub("", left[: m.start()])
    return left


def left_label(left: str, *, framed: bool = False) -> str:
    """Words before a figure, back to the start of its clause, without cue words or connectors.

    The time or source phrase that frames the clause ("Năm 2024, …") is not the subject and is
    dropped, unless ``framed=True`` (an action keeps it: "Trong tháng, toàn tỉnh phát sinh").
    """
    left = regex.sub(r"[\s:]+$", " ", left)  # "cơ quan tổ chức: 2.157/2.517": the colon ends the label
    left = _CLOSED_ASIDE.sub(lambda m: m[0] if _ACRONYM.match(m[1]) else "", left)
    starts = [m.end() for m in _BOUNDARY.finditer(left)]
    clause = left[starts[-1] :] if starts else left
    new_level = _CHANGE_TO.search(clause)
    while True:  # "tỷ lệ tăng dân số lại giảm từ": cue, connector and adverb words, in any order
        trimmed = _ADVERB_END.sub("", _TRAIL.sub("", _strip_cues(clause)))
        if trimmed == clause:
            break
        clause = trimmed
    clause = _LEAD.sub("", clause)
    if framed:
        return clause.strip()
    clause = _LEAD.sub("", _NOW.sub("", clause))
    if (share := _SHARE_HEAD.search(clause)) and share.start() > 0:
        clause = clause[share.start() :]  # "nâng tỷ lệ lấp đầy …": a share's noun phrase starts at "tỷ lệ"
    clause = _FRAME.sub("", clause)
    if new_level:  # "khi tăng lương cơ sở lên 1,8 triệu đồng": the figure is the new level of the verb's object
        clause = _CHANGE_VERB.sub("", _SUBORDINATOR.sub("", clause))
    return clause.strip()


def right_label(right: str, *, commas: bool = False, noun: str | None = None) -> str:
    """Words after a figure (its unit first), up to the clause's end or a connective.

    ``noun`` is a measure unit the words start with ("triệu người"): a comma right after it, then a
    subject and its verb (tăng, giảm, bằng), start a new clause.

    ``commas=True`` reads through commas ("100% TTHC được công bố, công khai kịp thời, đúng
    quy định") unless a comma starts the next figure of a list.
    """
    right = right.lstrip()
    if commas:
        right = _ASIDE.sub("", right)  # "đơn vị (gồm: Sở …) có văn bản góp ý"
    m = _phrase_end(right, _RIGHT_END_COMMAS if commas else _RIGHT_END)
    right = right[: m.start()] if m else right[:120]
    if noun and m and m[0].strip() in _NEW_PREDICATE and right.startswith(f"{noun},"):
        right = noun  # "19,4 triệu người, bình quân mỗi năm dân số Việt Nam tăng …": a new subject, a new clause
    figure = _NEXT_FIGURE.search(right)
    if commas and figure:  # "thủ tục, sửa đổi, bổ sung 628 thủ tục": stop before the next item
        right = right[: figure.start()]
        cut = regex.search(r",|\s(?:và|với)\s", right)  # "với tổng vốn đăng ký 1.250 tỷ đồng" is the next figure's
        right = right[: cut.start()] if cut else right
        right = _PERIOD_END.sub("", right)  # "07 đơn vị năm 2022": the year is when, not what
    return " ".join(_TRAIL.sub("", right).split()[:_MAX_WORDS])


def with_owner(label: str, whole: str) -> str:
    """A part of a measure has the whole's owner: "Mức độ hài lòng của tổ chức, công dân … đạt 100%, trong
    đó, mức độ rất hài lòng đạt 99%" → "mức độ rất hài lòng của tổ chức, công dân …"."""
    owner = regex.search(r"\scủa\s.+", subject(whole))
    same_head = label.split()[0].casefold() == whole.split()[0].casefold()  # "mức độ …" part of "Mức độ …"
    if not owner or regex.search(r"(?<!\p{L})của(?!\p{L})", label) or not same_head:
        return label
    return label + owner[0]


def of_whole(label: str, before: str, after: str) -> str:
    """A share "A chiếm X% B" is A's part of the whole B named after the figure: "(chiếm 19% dân số cả
    nước)" → "… trong dân số cả nước"; a share named right before its figure keeps its whole too ("tỷ lệ
    bao phủ 92,04% dân số" → "tỷ lệ bao phủ dân số"). A whole that has a verb of its own is the next
    clause; a plan or a period compared with is a baseline, not a whole."""
    named = _SHARE_NAMED.search(before)  # "tỷ lệ bao phủ 92,04% dân số": the share's name, then its whole
    if not _SHARE_VERB.search(before) and not named:
        return label
    whole = right_label(after, commas=True)
    if not whole or has_predicate(whole) or whole.casefold() in label.casefold() or _PLAN.match(whole):
        return label
    return f"{label} {whole}" if named else f"{label} trong {whole}"


def change_end(label: str | None, before: str, after: str, previous: str | None) -> str | None:
    """The two ends of a change "giảm từ A năm X xuống còn B năm Y" measure one thing at two times: B
    takes A's label, and each end the year printed after it ("tỷ lệ tăng dân số năm 2023")."""
    if _CHANGE_TO.search(before) and previous:
        label = previous.removesuffix(_when(previous))
    elif not _CHANGE_FROM.search(before):
        return label
    when = _WHEN_AFTER.match(after)
    return f"{label} {when[1]}" if label and when else label


def _when(label: str) -> str:
    """The year a change's end was given in its label, to be replaced by the other end's."""
    m = regex.search(r"\snăm \d{4}$", label)
    return m[0] if m else ""


def rank_label(label: str | None, before: str, after: str, previous: str | None) -> str | None:
    """A rank names the position of its subject within the scope that follows it: "Việt Nam là quốc gia
    đông dân thứ ba trong khu vực Đông Nam Á" → "thứ hạng Việt Nam trong khu vực Đông Nam Á". The subject
    is what stands before "là"; a rank joined by "và" or a comma ("…, và đứng thứ 15 trên thế giới")
    has the subject of the figure before it."""
    if _JOINED_RANK.search(before) and previous:
        ranked = _ranked(previous)
    else:
        ranked = regex.split(r"\slà\s", label or "", maxsplit=1)[0]
    scope = _RANK_SCOPE_AFTER.match(after)
    if not ranked and not scope:
        return label
    named = regex.match(r"(?i)(?:xếp|thứ) hạng\b", ranked)  # "Xếp hạng theo Chỉ số LPI" already says it
    if scope is not None and scope[1].startswith(ranked):
        ranked = ""  # "xếp thứ 3 trong khu vực Đông Nam Á …": the words after the figure are its scope, not its subject
    said = scope is not None and bool(ranked) and scope[1] in ranked
    return " ".join(w for w in ["" if named else "thứ hạng", ranked, scope[1] if scope and not said else ""] if w)


def _ranked(label: str) -> str:
    """Who a label ranks or measures: a rank's subject without its scope, else the label's subject."""
    if label.startswith("thứ hạng "):
        return regex.split(r"(?:^|\s)(?:trong|trên)\s", label.removeprefix("thứ hạng "), maxsplit=1)[0]
    return subject(label)


def _phrase_end(right: str, ends: regex.Pattern) -> regex.Match | None:
    """Where the words after a figure stop; "do" naming who did it ("phiếu khảo sát do người dân gửi
    về", "Quyết định QPPL do Ủy ban nhân dân tỉnh ban hành") is read through, "do" giving a cause is not."""
    m = ends.search(right)
    while m and m[0].strip() == "do" and (agent_end := _agent_end(right, m.end())):
        m = ends.search(right, agent_end)
    return m


def _agent_end(right: str, at: int) -> int | None:
    """The end of an agent phrase at ``at``: a noun phrase, then its verb, before the clause ends
    (underthesea's POS tags); None for a cause ("do ảnh hưởng của …", "do thiếu kinh phí")."""
    from extract.nlp import pos_tag

    phrase = regex.match(r"[^,.;:()\n]{1,80}", right[at:])
    tags = [tag for _, tag in pos_tag(phrase[0])] if phrase and words(phrase[0]) <= 10 else []
    if not tags or tags[0] not in _AGENT_START or "V" not in tags[1:]:
        return None
    return at + len(phrase[0])


def action(left: str) -> str:
    """The verb phrase right before a counted figure: "Toàn tỉnh đã triển khai cung cấp" → itself,
    "Theo Kế hoạch, Sở Nội vụ sẽ … tổ chức kiểm tra tại" → "… tổ chức kiểm tra" (a clause over 8 words
    keeps its last comma part, at most 12 words)."""
    part = left_label(left, framed=True)
    if words(part) > 8:  # a long clause: its last comma part holds the verb
        parts = part.split(", ")
        part = parts.pop()
        while parts and words(part) < 3:  # "đã phát hiện, xử lý": verbs listed with commas
            part = f"{parts.pop()}, {part}"
    part = _TRAIL.sub("", regex.sub(r"\s(?:tại|ở|về|trong|cho)$", "", part.strip()))
    if _crosses_figure(part):  # "gỡ bỏ 1.663 gian hàng với": the verb belongs to that other figure
        return ""
    return " ".join(part.split()[-12:])


def _crosses_figure(phrase: str) -> bool:
    """Whether a reported figure sits inside ``phrase``: a grouped number ("1.663 gian hàng") or a
    number with a known unit; a level "mức độ 3,4" or a date "12/2025" is not one."""
    from extract.indicators.units import unit_after

    return any(m[1] or unit_after(phrase, m.end()) for m in _FIGURE_IN.finditer(phrase))


def subject(label: str) -> str:
    """The subject part of a label: the words before its first predicate word."""
    m = _PREDICATE.search(label)
    return label[: m.start()] if m else label


def predicate(label: str) -> str:
    """What a label says was done, from its first predicate word: " đang chủ động triển khai …"."""
    return label[len(subject(label)) :]


def has_predicate(label: str) -> bool:
    """ "tỉnh, thành phố đạt mức sinh thay thế" says what was done; "tỉnh, thành phố" does not."""
    return bool(_PREDICATE.search(f" {label} "))


def starts_with_verb(label: str) -> bool:
    return bool(_VERB_START.match(label))


def complete(label: str, previous: str) -> str:
    """A label starting with a verb borrows the subject of the previous label in its list."""
    return f"{subject(previous)} {label}".strip()


_GENERIC = regex.compile(r"^(?:tỷ lệ|tỉ lệ)$", regex.IGNORECASE)
_COUNT_HEAD = regex.compile(r"^(?:tổng số|số lượng|số)\s+", regex.IGNORECASE)


def is_generic(label: str | None) -> bool:
    """ "tỷ lệ" alone says what kind of figure follows, not what it measures."""
    return bool(label and _GENERIC.match(label))


def share_of(generic: str, previous: str) -> str:
    """ "(tỷ lệ 95,53%)" after "Số hồ sơ giải quyết đúng hạn là …": tỷ lệ hồ sơ giải quyết đúng hạn."""
    return f"{generic} {_COUNT_HEAD.sub('', previous)}"


def clean(label: str | None) -> str | None:
    """A label without footnote marks glued to its words."""
    return _FOOTNOTE_MARK.sub("", label).strip() or None if label else label


def words(label: str | None) -> int:
    return len(label.split()) if label else 0
