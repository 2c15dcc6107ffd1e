"""Compiled patterns of a citation, built from the type table.

A full citation is a type word, an optional "số", then a số ký hiệu that may be
damaged (spaces, en dashes and line breaks inside it, "D" for "Đ", lower case):

    >>> m = FULL.search("theo Kế hoạch số 10 – KH/BDVTU-BCSĐUBND ngày 11/01/2021")
    >>> m["word"], m["number"], m["code"]
    ('Kế hoạch', '10', 'KH/BDVTU-BCSĐUBND')
"""

from __future__ import annotations

import re

import regex

from extract.citations.tables import doc_types, fold, issuer_words, law_names, organ_heads, task_bodies

FLAGS = regex.IGNORECASE | regex.VERSION1

DASH = r"[-–—‐‑−_]"
# Spaces and line breaks may surround the separators; a line break before a dash opens a
# bullet ("\n- Đẩy mạnh") unless the dash is glued to the next segment ("NĐ\n-CP")
SEP = rf"[ \t]*{DASH}\s*|\n[ \t]*{DASH}(?=\p{{L}})|\s*/\s*"


def _word_pattern(word: str) -> str:
    """A type word with any run of white space between its syllables, marked or bare."""
    spellings = {word, fold(word)}
    return "|".join(r"\s+".join(map(regex.escape, s.split())) for s in sorted(spellings, key=len, reverse=True))


def _words(types) -> str:
    return _alternation(t.word for t in types)


def _alternation(words) -> str:
    return "|".join(_word_pattern(w) for w in words)


def _trie(phrases) -> str:
    """One pattern for many lower-case phrases, their common beginnings said once, so that the
    engine reads a character once where a type word may start instead of once per phrase:

        >>> print(_trie(["nghị định", "nghị quyết", "nghị quyết liên tịch"]))
        nghị\\s+(?:quyết(?:\\s+liên\\s+tịch)?|định)
    """
    root: dict = {}
    for phrase in phrases:
        node = root
        for c in " ".join(phrase.split()):
            node = node.setdefault(c, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = [(r"\s+" if c == " " else re.escape(c)) + branch(node[c]) for c in sorted(node) if c]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body  # the longer phrase first, greedily

    return branch(root)


WORDS = _words(doc_types())
# The stdlib engine finds lower-cased type words several times faster than a case-blind
# ``regex`` alternation, and faster again from a trie; the full patterns then run only where a word starts.
WORD_SCAN = re.compile(_trie(s for t in doc_types() for s in {t.word.lower(), fold(t.word.lower())}))
SHORT_WORDS = _words(t for t in doc_types() if t.short_form)

# "số", "số:", "Số", OCR's bare "so", and "số" whose tone mark is a separate combining character
SO = r"(?:s[ốôo]\p{M}*)\s*:?"
# "66.7/2025/NQ-CP": a decimal number only right before the slash, never "1.234"
NUMBER = r"(?P<number>(?:[Oo](?=\d))?\d{1,5}(?:\.\d{1,2}(?=\s*/))?)(?!\d|[.,]\d)"
YEAR = r"(?P<year>(?:19|20)\d\d)"
# khóa digits after a code ("QH15"); OCR may slip an I in among them ("QH1I5", see issuers.khoa_misread)
SEGMENT = r"[\p{L}&][\p{L}&0]*(?:\d[\dIl]{0,2}(?<=\d))?(?![\p{L}\d])"
CODE = rf"(?P<code>{SEGMENT}(?:(?:{SEP}){SEGMENT})*)"
SYMBOL = rf"{NUMBER}(?P<sep>{SEP})(?:{YEAR}(?:{SEP}))?{CODE}"

_LEFT = r"(?<![\p{L}\d])"
# "Chương trình phối hợp số 26-CTr/…": a few lower-case words may qualify the type before "số"
QUALIFIER = rf"(?:[ \t]+(?-i:\p{{Ll}}+)(?:[ \t]+(?-i:\p{{Ll}}+)){{0,2}}(?=[ \t]*{SO}\s*\d))?"
# A line break may come between the type word and a lower-case "số" (a wrapped line), not
# before "Số": "KẾ HOẠCH\nSố 38/KH-UBND" is a header naming the document itself.
_TO_SO = r"(?:[ \t]*|\s*\n\s*(?=(?-i:s)))"
FULL = regex.compile(rf"{_LEFT}(?P<word>{WORDS}){QUALIFIER}(?:{_TO_SO}{SO}\s*|\s*){SYMBOL}", FLAGS)

# A further symbol after one citation: "… 183/QĐ-UBND và số 184/QĐ-UBND"
CONTINUATION = regex.compile(rf"\G\s*(?:,|;|và|, và)\s*(?P<so>{SO}\s*)?{SYMBOL}", FLAGS)

# "06 Nghị quyết: (1) số 24-NQ/TW ngày …; (2) số 36-NQ/TW …": the type is said once, before
# a numbered list whose items are "(n) số <symbol>". The head is read back from a first item,
# rare in a text, by a reverse match that ends where it starts; a forward search would try the
# type words at every character.
FIRST_ITEM = regex.compile(r"\(\s*1\s*\)")
LIST_HEAD = regex.compile(rf"(?r){_LEFT}(?P<word>{WORDS})\s*:\s*", FLAGS)
LIST_ITEM = regex.compile(rf"\(\s*(?P<item>\d{{1,2}})\s*\)\s*(?P<so>{SO})\s*{SYMBOL}", FLAGS)

SHORT = regex.compile(
    rf"{_LEFT}(?P<word>{SHORT_WORDS})[ \t]+(?P<so>{SO}[ \t]*)?{NUMBER}"
    rf"(?!{SEP}[\p{{L}}\d]|\s*(?:%|tháng|năm|lần|người|ngày)(?!\p{{L}}))",
    FLAGS,
)
# "ví dụ Quyết định số 01 của Hội đồng thi tuyển …": a number said as an illustration right
# after "ví dụ" refers to no document (a full citation with its symbol there still counts)
EXAMPLE_BEFORE = regex.compile(r"(?<!\p{L})ví\s+dụ\s*(?:như\s*)?[:,]?\s*$", FLAGS)
# "theo QĐ932", "NQ 18": a type code glued to a number, for the codes the table allows
SHORT_CODE = regex.compile(
    rf"{_LEFT}(?P<code>{'|'.join(sorted({t.type_code for t in doc_types() if t.short_code}, key=len, reverse=True))})"
    rf" ?{NUMBER}(?![\p{{L}}\d/-])",
    regex.VERSION1,
)

# "Chương trình số 16-CTrPH/BTGTU-SYT (2021-2025) giữa …": the years a programme runs, in brackets
# between the symbol and the rest of the citation
SPAN_OF_YEARS = regex.compile(r"\G\s*\(\s*(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d\s*\)")
ROMAN = r"[IVXLC]+"
TERM = regex.compile(rf"\G[\s,]*\(?\s*(?P<term>kh(?:óa|oá|oa|o\u0301a|oa\u0301)\s+{ROMAN})\s*\)?", FLAGS)

# PDF text splits digits with a kerning space ("ngày 1 1/01/2021")
# and sometimes loses the separator before the year ("ngày 24/11 2015")
_DMY = r"(?P<d>\d(?: ?\d)?)\s*[/.\-–]\s*(?P<m>\d(?: ?\d)?)(?:\s*[/.\-–]\s*| )(?P<y>(?:19|20)\d\d)"
_LONG = r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d\d)"
# "Luật Khoáng sản (được Quốc hội khóa XII thông qua ngày 17/11/2010, …)": the adoption
# date in a bracket right after the name is the document's date, and so is one said "vào ngày …"
_ADOPTED = r"\(\s*(?:được\s+)?[^()\n]{0,40}?(?:thông\s+qua|ban\s+hành)\s+"
# "vào ngày …"; "ngày ngày 22/9/2025": a word typed twice
DATE = regex.compile(rf"\G[\s,]*(?:ban\s+hành\s+|{_ADOPTED})?(?:vào\s+)?ngày\s*(?:ngày\s*)?(?:{_DMY}|{_LONG})", FLAGS)
# "Ngày 25/9/2025, UBND tỉnh đã ban hành <citation>": a date that opens the sentence, and
# the organ that acts in it
LEADING_DATE = regex.compile(
    rf"(?:^|[.;:\n]\s*|\s)ngày\s*(?:{_DMY}|{_LONG})\s*,?\s*(?P<who>[^.;:\n]{{0,60}}?)\s(?:ban\s+hành|có|ký)\s*$",
    FLAGS,
)

# Where another citation starts: a type word and "số" or, for a type that has short forms, a
# bare number; "Đề án 06" names a programme, not a document
NEXT_CITATION = rf"(?i:{WORDS})\s+{SO}\s*\d|(?i:{SHORT_WORDS})\s+\d"
NESTED_CITATION = regex.compile(NEXT_CITATION, regex.VERSION1)

# Capitalized verbs that open a document's title right after its issuer: "… của Bộ Tài chính
# Sửa đổi, bổ sung Thông tư …", "… của Bộ trưởng Bộ Thông tin và Truyền thông Công bố Định mức …"
SUBJECT_VERBS = r"Phê\s+duyệt|Ban\s+hành|Sửa\s+đổi|Bổ\s+sung|Bãi\s+bỏ|Công\s+bố|Thành\s+lập"

# "Sở Nội vụ đã tham mưu UBND tỉnh ban hành …": an organ advises or submits, another issues
ADVISED = regex.compile(r"\s(?:tham\s+mưu|trình|đề\s+xuất)(?:\s+cho)?\s+", regex.VERSION1)

_HEADS = "|".join(regex.escape(h) for h in organ_heads())
# The issuer phrase runs to a stop word, a date, punctuation, a bracket or a new type word.
_ISSUER_STOP = (
    r"\s+(?:về|v/v|ngày|nhằm|để|đã|đang|sẽ|được|thực\s+hiện|trong|tại|theo|với|cho|là|"
    r"quy\s+định|ban\s+hành|hướng\s+dẫn|triển\s+khai|(?i:khóa|khoá)|thông\s+qua|nhiệm\s+kỳ|giai\s+đoạn|"
    r"năm|đối\s+với|đến|từ)(?!\p{L})|\s+và\s+(?=\p{Ll})"
    r"|\s*[,;:.()“”\"]|\s*$|\s*\n(?![ \t]*\p{Ll})"
    rf"|\s+(?:{WORDS}|Về\s+việc|V/v)(?=\s)|\s+(?:{SUBJECT_VERBS})(?!\p{{L}})"
)
# "của sở Thông tin và Truyền thông tỉnh Phú Thọ": a one-word organ head typed in lower case
# still opens an organ's name where a capitalized name follows it
ONE_WORD_HEADS = tuple(h for h in organ_heads() if " " not in h)
_LOWER_HEAD = rf"(?i:{'|'.join(map(regex.escape, ONE_WORD_HEADS))})(?=\s+\p{{Lu}})"
ISSUER = regex.compile(
    rf"\G[\s,]*(?P<prep>của|giữa)\s+(?P<issuer>(?:{_HEADS}|\p{{Lu}}|{_LOWER_HEAD})(?:(?!{_ISSUER_STOP}).){{0,200}})",
    regex.VERSION1 | regex.DOTALL,
)
# A body named for its task carries its remit in its name: "Ban Chỉ đạo về phát triển khoa học,
# công nghệ, …, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng", "Tổ Công tác triển khai Đề án 06, cải
# cách thủ tục hành chính (TTHC), …". The remit opens with a word ``task_bodies.tsv`` gives for the
# head (so "Ban Chỉ đạo về việc …", "… về thúc đẩy …" stay subjects) and runs on through lower-case
# lists and a bracketed acronym to the subject's "về", a verb, a date or a punctuation stop.
_REMIT_STOP = (
    r"\s+(?:về|v/v|ngày(?=\s*\d)|nhằm|để|đã|đang|sẽ|được|ban\s+hành|quy\s+định|hướng\s+dẫn|tại|"
    r"năm(?=\s+\d)|khóa|khoá|nhiệm\s+kỳ)(?!\p{L})|\s+và\s+(?=\p{Ll})"
    r"|\s*[;:.“”\"\n)]|,\s*(?=\p{Lu})|\s*\((?!\p{Lu}{2,}\))|\s*$"
    rf"|\s+(?:{NEXT_CITATION})"
)
# "Chủ tịch", "Trung ương", "TW": a capitalized word and the syllable after it
_TITLE_WORD = r"\p{Lu}\p{L}*(?:\s+\p{Ll}+)?"
_TASK_HEADS = "|".join(
    rf"(?i:{_word_pattern(head)})(?:\s+{_TITLE_WORD}){{0,2}}?\s+(?i:{_alternation(openers)})(?!\p{{L}})"
    for head, openers in task_bodies().items()
)
TASK_BODY = regex.compile(
    rf"\G[\s,]*của\s+(?P<issuer>(?:{_TITLE_WORD}\s+){{0,2}}?(?:{_TASK_HEADS})"
    rf"(?:\s*\(\p{{Lu}}{{2,}}\)|(?!{_REMIT_STOP}).){{0,200}})",
    regex.VERSION1 | regex.DOTALL,
)
# "của liên Bộ: Thông tin và Truyền thông – Công an": the ministries of a joint document, said
# after "liên Bộ" without their head word and joined by dashes
JOINT_MINISTRIES = regex.compile(r"\G[\s,]*của\s+(?P<joint>liên\s+[Bb]ộ)\s*:?\s*(?=\p{Lu})", regex.VERSION1)
MINISTRY_DASH = regex.compile(rf"\s*{DASH}\s*")
# "của Bộ\nTài chính": a head word that cannot stand alone goes on across a wrapped line
ISSUER_REST = regex.compile(rf"\G(?P<issuer>\p{{Lu}}(?:(?!{_ISSUER_STOP}).){{0,200}})", regex.VERSION1 | regex.DOTALL)
HEAD_WRAPPED = regex.compile(r"\G(?P<head>Bộ|Ban|Sở|Ủy\s+ban|Uỷ\s+ban|Văn\s+phòng|Hội\s+đồng|Chủ\s+tịch)[ \t]*\n[ \t]*(?=\p{Lu})", regex.VERSION1)
# "… về <subject> của Ban Dân vận Tỉnh ủy và Ban cán sự đảng UBND tỉnh" — issuer after subject
LATE_ISSUER = regex.compile(rf"\s+của\s+(?P<issuer>(?:{_HEADS})(?:\s+\p{{Lu}}[\p{{L}}]*|\s+[\p{{L}}]+)*?)\s*$", regex.VERSION1)

# A subject goes on across a line break only into a lower-case word (a wrapped line), case
# told apart even though the rest of the pattern ignores it
SUBJECT = regex.compile(r"\G[\s,:]*(?P<intro>về\s+việc|về|v/v|nhằm)\s+(?P<subject>(?:[^;\n]|\n(?=[ \t]*(?-i:\p{Ll}))){0,600})", FLAGS)
# A numbered document's title (trích yếu) may open with the verb of what it does instead of "về":
# "Nghị định số 30/2020/NĐ-CP … quy định …", "Quyết định số … phê duyệt …"; not where the verb
# governs a clause ("quy định tại khoản 2", "sửa đổi đã được …") or the words start another
# citation ("Hướng dẫn số 36-HD/VPTW")
TITLE_VERBS = r"quy\s+định|hướng\s+dẫn|ban\s+hành|phê\s+duyệt|sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|công\s+bố|thành\s+lập|triển\s+khai"
_NOT_TITLE = r"tại|của|khi|rằng|là|đã|được|như|này|phải|vào|thì|trái"
TITLE = regex.compile(
    rf"\G[\s,:]*(?P<intro>{TITLE_VERBS})(?!\p{{L}})(?!\s+(?:{_NOT_TITLE})(?!\p{{L}})|\s*{SO}\s*\d)"
    rf"\s+(?P<subject>(?:[^;\n]|\n(?=[ \t]*(?-i:\p{{Ll}}))){{0,600}})",
    FLAGS,
)
QUOTED = regex.compile(r"\G[\s,:]*(?:về\s+)?[“\"](?P<subject>[^”\"]{1,400})[”\"]", FLAGS)
# A subject ends at a sentence end (an ellipsis before a capital too) or where the next item
# of a list of citations starts, after a comma or "và": a citation that a verb or a preposition
# governs is the subject's own matter ("về triển khai thực hiện Nghị quyết số 57-NQ/TW …"), and
# "triển khai Đề án 06" names no citation. A closed quotation inside the subject ("về việc
# triển khai “Ngày Pháp luật”") is part of it; a quotation mark alone ends it, and so does a
# colon: what it opens ("nêu rõ: “…”", "các nhiệm vụ: …") is quoted or listed content, and a
# bracket: what it opens is an aside ("(sau đây gọi tắt là …)", "(viết tắt là …)").
# ", theo đó …", ", trong đó …" open the report's comment on the document, not more of its title.
_COMMENT_OPENERS = r"theo\s+đó|trong\s+đó|đồng\s+thời|qua\s+đó|tuy\s+nhiên"
# "… điều hành của Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh": after "của" and an organ,
# a comma and another organ's name that runs to the end of the subject go on listing whose the
# matter is; the comma ends nothing. Where a verb follows the organ ("…, Văn phòng Trung ương
# Đảng hướng dẫn") a new clause starts there.
_NAME_WORD = rf"(?-i:\p{{Lu}})\p{{L}}*|(?-i:{'|'.join(sorted(issuer_words(), key=len, reverse=True))})(?!\p{{L}})"
_LISTED_ORGAN = rf"(?-i:{_HEADS})(?!\p{{L}})(?:\s+(?:{_NAME_WORD}))*(?:\s*[.;\n]|\s*$|,\s)"
_NOT_NEXT_ORGAN = rf"(?!(?<=\scủa\s+(?-i:{_HEADS})[^,;]{{0,80}},\s+){_LISTED_ORGAN})"
_QUOTATION = r"“[^“”\n]{1,300}”(*SKIP)(*FAIL)"
SUBJECT_END = regex.compile(
    rf"{_QUOTATION}|\.(?=\s|$)|…\s+(?=(?-i:\p{{Lu}}))|\s*:(?=\s|$)|,\s+(?=(?:{_COMMENT_OPENERS})(?!\p{{L}}))|,\s+(?=(?-i:\p{{Lu}})){_NOT_NEXT_ORGAN}|\s\((?=\p{{L}})|[“”]"
    rf"|(?:,|\s+(?:và|hoặc)|,\s*(?:và|hoặc))\s+(?:{NEXT_CITATION})",
    FLAGS,
)

NAMED_PARTY = regex.compile(
    rf"{_LEFT}(?P<word>Nghị\s+quyết|Kết\s+luận)\s+(?:(?:số\s+)?(?P<name>"
    rf"Đại\s+hội\s+(?:(?!(?:của|về|và)\s)[\p{{L}}]+\s+){{0,6}}?(?:lần\s+thứ\s+)?(?P<roman>{ROMAN})(?![\p{{L}}\d])"
    rf"|(?:Hội\s+nghị\s+)?(?:BCH\s+)?(?:TW|Trung\s+ương)\s+(?:Đảng\s+)?(?:lần\s+thứ\s+)?\d{{1,2}}))"
    rf"(?![\p{{L}}\d])",
    regex.VERSION1,
)
# Words that end (or, first, rule out) the name of a law: "Luật này", "Luật Đất đai năm 2013"
_NOT_NAME = (
    r"(?:số(?=\s*:?\s*\d)|ngày|năm(?=\s+\d)|của|đã|được|có|để|theo|tại|trong|với|thì|này|đó|hiện\s+hành|quy\s+định|ban\s+hành|sửa|"
    r"hướng|khi|như|do|từ|đến|nhưng|cũng|các|mới|vào|là|liên\s+quan|đối|nêu|trên|định|chuyên|và|hoặc|về|"
    r"thay|bổ|hết|còn|sẽ|đang|phải|cần|nhằm|không|gồm|áp\s+dụng|thể\s+chế|tham\s+khảo|cụ\s+thể|mà|tiếp\s+tục)"
)


def _bare_letters() -> dict[int, str]:
    """Each Vietnamese letter, in either case and with any marks, → its bare lower-case letter:
    "Ủ" → "u", "đ" → "d". One character for one, so offsets in a bare text are the text's own."""
    marked = "àáâãèéêìíòóôõùúýăđĩũơư" + "".join(map(chr, range(0x1EA0, 0x1F00)))
    table: dict[int, str] = {}
    for c in (*"abcdefghijklmnopqrstuvwxyz", *marked):
        if c.islower():
            table[ord(c)] = table[ord(c.upper())] = fold(c)
    return table


_BARE = _bare_letters()


def bare(text: str) -> str:
    """``text`` with its letters bare and in lower case, the same length:

        >>> bare("Luật Tổ chức chính quyền ĐỊA PHƯƠNG")
        'luat to chuc chinh quyen dia phuong'
    """
    return text.translate(_BARE)


def _known_name(name: str) -> str:
    """A name from a table as printed in damaged text, for a match on the :func:`bare` text: any
    case, its letters with any marks (old .doc text and OCR print "Ủy bân nhân dân"), a comma
    between words optional, and a comma between listed items also printed "và" ("của Hội đồng
    nhân dân và Ủy ban nhân dân")."""
    pattern = []
    for i, piece in enumerate(regex.split(r"(,?\s+)", name)):
        if i % 2:
            pattern.append(r"(?:,?\s+|\s+va\s+)" if "," in piece else r",?\s+")
        else:
            pattern.append(regex.escape(bare(piece)))
    return "".join(pattern)


# The names ``law_names.tsv`` knows, longest first, matched on the bare text where a law's name
# starts. Kept apart from the shapes below: one alternation of every name spelled with a class
# per letter took a second to compile at each start, and a plain one on the bare text takes ms.
KNOWN_LAW = regex.compile(rf"(?:{'|'.join(_known_name(name) for name in law_names())})(?!\p{{L}})", regex.VERSION1)
# The text a ``KNOWN_LAW`` match may read from where it starts: as many characters other than
# spaces as the longest name spends (a comma or "va" between two of its words, at most three
# for a one-character gap), spaces between them, and the one character its lookahead sees.
KNOWN_LAW_REACH = regex.compile(rf"(?:\s*\S){{0,{3 * max(map(len, law_names()))}}}.?", regex.DOTALL)
# "Luật Đất đai", "Bộ luật Lao động": the name as far as it runs (at most 8 words); where a name
# ``KNOWN_LAW`` knows starts there, the known name is the law's, longer or shorter.
NAMED_LAW = regex.compile(
    rf"{_LEFT}(?P<word>Bộ\s+luật|Luật|Pháp\s+lệnh)[ \t]+(?!{_NOT_NAME}(?!\p{{L}}))(?P<name>"
    rf"[\p{{L}}]+(?:(?:[ \t]+và(?=[ \t]+\p{{Lu}})|,(?=[ \t]+\p{{Ll}}))?[ \t]+(?!{_NOT_NAME}(?!\p{{L}}))[\p{{L}}]+){{0,7}})",
    regex.VERSION1,
)
# "Luật sửa đổi, bổ sung một số điều của Luật Thuế tiêu thụ đặc biệt" is one law, not two: the
# words up to the amended law's name, which ``KNOWN_LAW`` must know
NAMED_AMENDMENT = regex.compile(
    rf"{_LEFT}(?P<word>Luật|Pháp\s+lệnh)\s+(?P<name>sửa\s+đổi,?\s+bổ\s+sung\s+(?:một\s+số\s+điều\s+)?(?:của\s+)?"
    rf"(?:các\s+)?(?:Bộ\s+luật|Luật|Pháp\s+lệnh)\s+)",
    regex.VERSION1,
)
# "Luật Thuế TTĐB số 66/2025/QH15": a law named and numbered is a full citation
LAW_NUMBER = regex.compile(rf"\G[ \t]*{SO}\s*{SYMBOL}", FLAGS)
HIEN_PHAP = regex.compile(r"(?<![\p{L}])(?P<word>Hiến\s+pháp)\s+(?:năm\s+)?(?P<name>(?:19|20)\d\d)", regex.VERSION1)
