"""Score indicators against the hand-made gold in ``corpora/gold/indicators/``.

    python scripts/evaluate.py indicators [--doc NAME] [--json OUT] [--nlp|--no-nlp] [--baseline]
    python scripts/evaluate.py indicators --write-docs   # rules, underthesea and baseline → docs/accuracy.md

Each gold file names a corpus document (``source``, relative to ``VNREPORT_CORPUS``)
and, for long documents, the parts that were annotated (``scope``: one part or a
list, each the words that open it and the words that follow it, as printed); only
predictions inside the scope are scored. The document goes through the whole ``extract.parse`` pipeline.

An indicator is right when (kind, unit, value) equal a gold one's (value within
0.05 %, unit ignoring case and spaces; schema 1.1: value and unit as printed, so
the base value agrees too); precision and recall count those matches.
Label quality is the token-overlap F1 between the predicted and gold label of each
matched pair, averaged; role accuracy is the share of matched pairs whose role
(result, target, threshold) equals the gold's. ``--baseline`` scores the naive extractor instead: every
number followed by "%" (a percent) or by a word (a count of that word).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpora" / "gold" / "indicators"
CORPUS = Path(os.environ.get("VNREPORT_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()

_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_NAIVE = regex.compile(r"(?<![\p{L}\p{N}/.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\p{N}]|[.,/]\p{N})[ ]?(%|\p{Ll}+|\p{Lu}+)")


def tokens(label: str | None) -> Counter:
    return Counter(t.casefold() for t in _TOKEN.findall(label or ""))


def label_f1(predicted: str | None, gold: str | None) -> float:
    p, g = tokens(predicted), tokens(gold)
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _unit(u: str | None) -> str:
    return regex.sub(r"\s+", "", (u or "").casefold())


def same_figure(p: dict, g: dict) -> bool:
    if p["kind"] != g["kind"] or _unit(p.get("unit")) != _unit(g.get("unit")):
        return False
    a, b = p.get("value"), g.get("value")
    if a is None or b is None:
        return a is b
    return abs(a - b) <= max(5e-4 * abs(b), 1e-4)


def match(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (predicted, gold) of equal figures, each used once, best label first."""
    pairs, used = [], set()
    for g in gold:
        options = [(label_f1(p.get("label"), g.get("label")), i) for i, p in enumerate(predicted)
                   if i not in used and same_figure(p, g)]
        if options:
            _, i = max(options)
            used.add(i)
            pairs.append((predicted[i], g))
    return pairs


def scope_spans(text: str, scope: dict | list | None) -> list[tuple[int, int]]:
    """Character ranges of the annotated parts: each from its ``from`` line to its ``to`` line."""
    if not scope:
        return [(0, len(text))]
    spans = []
    for part in [scope] if isinstance(scope, dict) else scope:
        start = text.find(part["from"])
        if start < 0:
            raise SystemExit(f"scope start {part['from']!r} not found")
        end = text.find(part["to"], start + 1) if part.get("to") else len(text)
        spans.append((start, end if end >= 0 else len(text)))
    return spans


def naive(text: str) -> list[dict]:
    from extract.text.numbers import parse_number

    out = []
    for m in _NAIVE.finditer(text):
        value = parse_number(m.group(1))
        if value is None:
            continue
        percent = m.group(2) == "%"
        words = text[max(0, m.start() - 80) : m.start()].split()[-8:]
        out.append({"kind": "percent" if percent else "count", "unit": m.group(2), "value": value,
                    "label": " ".join(words), "span": [m.start(), m.end()]})
    return out


_NLP = False


def extract_with_setting(skeleton, metadata):
    from extract.indicators import extract

    return extract(skeleton, metadata, nlp=_NLP)


def parse_with(path: Path, indicators: str):
    """The report of ``path`` with its indicators found by ``indicators`` ("module:function")."""
    from extract import parse, pipeline

    saved = dict(pipeline.EXTRACTORS)
    pipeline.EXTRACTORS["indicators"] = indicators
    try:
        return parse(path)
    finally:
        pipeline.EXTRACTORS.clear()
        pipeline.EXTRACTORS.update(saved)


def predictions(path: Path, baseline: bool) -> tuple[str, list[dict]]:
    report = parse_with(path, "eval_indicators:extract_with_setting")
    if baseline:
        return report.text, naive(report.text)
    return report.text, [report_indicator for report_indicator in report.to_dict()["indicators"]]


# A gold file's "round" (later rounds name it so) → the held_out group it is scored in.
_ROUNDS = {"1": True, "2": "second round", "3": "third round", "4": "fourth round", "5": "fifth round",
           "6": "sixth round", "7": "seventh round", "8": "eighth round"}


def score_doc(gold_file: Path, baseline: bool) -> dict:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    text, predicted = predictions(CORPUS / gold["source"], baseline)
    spans = scope_spans(text, gold.get("scope"))
    predicted = [p for p in predicted if any(a <= p["span"][0] < b for a, b in spans)]
    pairs = match(predicted, gold["indicators"])
    f1s = [label_f1(p.get("label"), g.get("label")) for p, g in pairs]
    held_out = _ROUNDS.get(gold.get("round"), gold.get("held_out") or False)
    return {
        "doc": gold_file.stem, "held_out": held_out, "gold": len(gold["indicators"]), "predicted": len(predicted),
        "matched": len(pairs), "label_f1_sum": sum(f1s), "chars": sum(b - a for a, b in spans),
        "role_right": sum(p.get("role") == g["role"] for p, g in pairs if g.get("role")),
        "role_gold": sum(1 for _, g in pairs if g.get("role")),
        "missed": [g for g in gold["indicators"] if all(g is not pg for _, pg in pairs)],
        "spurious": [p for p in predicted if all(p is not pp for pp, _ in pairs)],
        "pairs": [(p.get("label"), g.get("label"), round(f, 2)) for (p, g), f in zip(pairs, f1s)],
        "role_errors": [(p.get("role"), g) for p, g in pairs if g.get("role") and p.get("role") != g["role"]],
    }


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def _cell(x: float, width: int) -> str:
    return f"{'—':>{width}}" if x != x else f"{x:{width}.3f}"


DOCS = ROOT / "docs" / "accuracy.md"
_NOTES = """\
**Fifth held-out round, then label work across all rounds (issue 11, second pass).** The fifth round
(`"round": "5"`), annotated from the documents alone before any rule saw them: `lit_ttr-luat-diachat-khoangsan-btnmt-2023.pdf`
(a law's tờ trình: counts of what was issued and done, reserves, and the draft's structure, 59 figures) and
`vbai_17026-dean06-thang10-2025.pdf` (a scanned cover letter, no figure). **First run** (recorded before any
change): P 0.909, R 0.847, label F1 0.662, role 1.000 over the 59 figures; overall, all five rounds (652 gold
figures), P 0.963, R 0.946, label F1 0.797, role 0.961. Then the label errors of every round were grouped by
cause and each cause fixed by one mechanism; label F1 after each, in order (tuned on / first / second / third /
fourth / fifth round; overall): (1) a series item whose clause names only a time ("từ 72,8 tuổi (2009) lên
73,6 tuổi (2019)", "năm 2023 là …") takes the measure of the series head, or the words before the bracket it
sits in, plus the year printed after it (bracketed, or in a series; `times.py`): 0.866 / 0.804 / 0.802 /
0.768 / 0.554 / 0.662; 0.809; (2) a count of a document's parts ("Dự thảo Luật … gồm 132 Điều", "- Chương
II. … gồm 05 Điều") names the part and its holder, "Điều trong Chương II. … của Dự thảo Luật"
(`composition.py`, `structure_units.txt`): fifth 0.834, nothing else changed; 0.823; (3) a scale word before
a measure unit scales it ("1,8 tỷ tấn", "1 tỷ m³" were lost, "650 triệu m³" took the previous "triệu tấn"),
and the items after "…, gồm:" (also across ";") are parts of the whole like those after "trong đó" ("3.776
giấy phép … đang còn hiệu lực, gồm: 537 giấy phép của Bộ …" → the qualifying tail kept), a whole listing
several nouns leaving each part its own: overall P 0.963 → 0.967, R 0.946 → 0.956, fifth P 0.909 → 0.966,
R 0.847 → 0.949, label 0.829 (the new matches carry weak labels); 0.823; (4) a series' label is its measure
without the trend the sentence states ("Mức sinh trên toàn quốc đang có xu hướng giảm …" → "Mức sinh trên
toàn quốc năm 2021"): third 0.809, second 0.802; 0.826; (5) a rank's scope is said once, and a forecast
year before a share ("dự kiến đến năm 2027, 22,6% …") is no subject: first 0.812, second 0.804; 0.828; (6)
an amount that is part of another ("trong đó: …, giảm lỗ là …") takes the whole's "qua/tại/từ …" phrase:
first 0.826; 0.830; (7) items of a list opened after a measure word ("gia tăng trữ lượng … như: than hơn
1,2 tỷ tấn") are that measure of the item (`measure_words.txt`): fifth 0.860; 0.832; (8) a contributed share
"đóng góp X% B" is "đóng góp của <contributor> vào B", and a share listed after it contributes the same:
second 0.813; 0.835; (9) ", như" and ", cụ thể" end the phrase after a figure: fifth 0.861; 0.836. Tried and
dropped: letting a count's phrase run past the comma before a later figure when a predicate follows ("21
tỉnh, thành phố có mức sinh thấp … ở 2 vùng"): tuned-on 0.866 → 0.860. **After**: overall P 0.967, R 0.956,
label F1 0.836, role 0.961; tuned on 0.996/0.996/0.866 (unchanged); first round 1.000/1.000/0.826; second
0.929/0.933/0.813; third 0.981/0.841/0.809; fourth 0.833/1.000/0.554; fifth 0.966/0.949/0.861. Honest
accounting: every rule above was written after reading the errors — and the gold labels — of the rounds it
moved (causes 2, 3 and 7 from the fifth round, 1 and 4 from the third, 5 and 8 from the second, 6 from the
first), so none of these rounds is blind any more and their gains are fitted; only the tuned-on documents,
whose label F1 did not move (0.867 → 0.866), say whether the rules harm what they were not read from. The
fifth round's first run is the honest figure for a new kind of document: precision within 0.05 of the 0.95
target, recall and labels not (0.847, 0.662). Targets of issue 11 on the corpus gold: P ≥ 0.95 and R ≥ 0.95
met; label F1 0.836 is not ≥ 0.85. Of the 102 label-F1 points still lost (1 − F1 summed over 623 matched
figures), 33 are cv-15557's table cells ("Bộ Tài chính, Giải ngân đến hết ngày 30/9/2025 Tỷ lệ so với KH
TTCP giao" for "tỷ lệ giải ngân so với KH TTCP giao của Bộ Tài chính") and about 5 the cost table of the 2012
estimate: table labels are the table readers' (`table_columns.py`), outside this work. The property that
`value × scale(unit) == base_value` holds for every indicator is asserted over the whole text corpus
(`tests/test_corpus_parse.py`) and now over its Word 97 files too (`tests/test_legacy_reader.py`, from the
parse that test already makes). Gold corrections: none. The rules table above is this work's final run;
the underthesea and baseline tables were not re-run for it (they still count the 593 figures of rounds 1–4;
`--write-docs` re-runs all three).

**Schema 1.1, roles, false figures (issue 11), tuned on, never blind.** Figures before → after,
overall (all rounds, 593 gold figures): P 0.959 → 0.968, R 0.949 → 0.956, label F1 0.804 → 0.809,
role accuracy (new; over matched figures) 0.958; tuned-on P 0.996/R 0.996/label 0.867 unchanged, role
0.991; first round 1.000/1.000/0.804 (role 1.000); second 0.929/0.933/0.794 unchanged (role 1.000);
third 0.980/0.778/0.643 → 0.981/0.841/0.658 (role 0.585: a cost estimate whose type the metadata does
not read, so its planned amounts come out as results); fourth (the two gazette files, `cb_*`) re-scored
once the PDF reader landed: first run 0.455/1.000/0.037, exactly as before the reader, then 0.833/1.000/0.514
after the fixes below (so it is tuned on now), label F1 0.554 once main's ruled-table PDF reader was merged
(the rules table above; the other two tables were made before that merge). Step by step: (1) the extractor split into one module per
decision — no indicator of the 67 corpus files changed (a snapshot of every field compared); (2) value and
unit as printed, base_value and base_unit from the unit's scale words (`scale.py`), the gold converted by
script (148 scaled figures, each checked against its printed text): P, R and label F1 unchanged; (3) roles
from `role_cues.tsv` (the cue nearest the figure in its sentence, "trở lên" right after it, the section's
heading, the document's kind) and the false figures of the issue (a mark or list number before a cited
document, a denominator across another number, a scale word before a time word, "hai con số", "lần" as
times, "dân số 1,2 triệu", percentage points): overall P 0.966, R 0.948, label 0.808, role 0.957, fourth
round 0.714/1.000/0.514; (4) a bare year in a table row is a deadline, "phấn đấu" no label word, a cue in a
programme's name no role: fourth round P 0.714 → 0.833; (5) series that leave out their unit ("năm 2015 là
112,8", "tăng lên 2,5 triệu"), a quantity per a number of others ("109,8 bé trai/100 bé gái"), a bare
scale word after a money subject is đồng (`money_subjects.txt`): third round R 0.762 → 0.841, overall R
0.956. The gold's roles were added by this work's implementer after reading vnreport's output on these
documents (each gold file says so), and the role cues were read from the same sentences: role accuracy
here is a tuned-on figure. A role classifier was tried and dropped: logistic regression (scikit-learn)
on the words before and after each figure, its headings and its document's kind, trained leave one
document out on the 563 matched gold figures, scored 0.821 against the rules' 0.957 on the same figures
(it never saw a plan like the logistics strategy or the CCHC plan while scoring them); nothing was added to
`models/`. Targets of issue 11 met on the corpus gold: P ≥ 0.95, R ≥ 0.95; label F1 (0.809) is not.

Speed (issue 16), `find_indicators` on text without sentence ends, CPU seconds for 5,000 and 40,000
characters (best of 2), growth exponent: on main before this work 1.60 ("1 " repeated), 1.32 ("đạt 1% "),
1.35 ("5%⁸ "), 1.40 ("hai người "), 1.29 ("Tổng số hồ sơ là 5 "), 1.30 ("đạt 5 hồ sơ (1/2) "), rising with
the length; after 1.01, 1.02, 1.04, 1.06, 1.05, 1.12 (a figure's clause and sentence are read at most 600
characters back, a part's whole and a spelled number's neighbour are looked up locally;
`tests/test_indicators_linear.py` asserts the exponent below 1.2 as a ratio). Share of a DOCX parse spent
in indicators, the 13 corpus DOCX, warm, two runs on a shared machine: 50–58% on main, 32–38% now
(citations found once by the pipeline instead of twice; no POS call where the figure is a duration or the
next word opens no noun, `not_noun_words.txt`; same output).

Gold: `corpora/gold/indicators/*.json`, 24 documents written by reading each one (whole short
documents, named sections of long ones: each file says which part in `note` and `scope`). Three
tờ trình/công văn hold no indicator at all and measure false alarms only (their P and R show "—"
when nothing is found). `lit_bc-dgtd-luat-bhyt-byt-2024.docx` was annotated after the extractor
was written: before any tuning on it, it scored P 1.000, R 1.000, label F1 0.481.

**Held out** (`"held_out": true` in the gold file), three documents annotated by reading before the
work they measure: `vbai_bc-dean06-den-20-10-2025-cat-lamdong.doc` (§II.3, 21 figures) and
`lit_bc-tongket-tmdt-bct-2025.pdf` (§I.1 and the 2022–2024 violations paragraph, 28 figures), before
the label builder was changed (label F1 then 0.731 → 0.813 on these two, tuned-on 0.770 → 0.811;
four of those label rules — a colon opens the figure's clause, a year after the counted noun, verbs
listed with commas, a verb that belongs to another figure — were written after reading their errors and
kept only because they did not lower the tuned-on score, so that gain is partly fitted);
`lit_bc-tongket-luat-qlthue-btc-2025.docx` (§II.2 "(ii) Công tác thanh tra, kiểm tra thuế …", 28
money, count and percent figures), before the recall work below; it scored P 1.000, R 1.000, label
F1 0.733 then.

Recall work (issue 4), rules default, before → after: tuned-on P 0.995 → 0.996, R 0.982 → 0.996,
label F1 0.806 → 0.813; held out (three documents) P 0.986 → 1.000, R 0.922 → 1.000, label F1 0.781 →
0.787. What changed: (1) a figure followed by a noun `units.tsv` does not know is counted in that noun
when underthesea tags it a noun, or a foreign word ("5 website"), one or two words long
(`refine.counted_noun`, on by default as `NOUNS_DEFAULT`, apart from the label refinement); a figure
with a thousands dot is never a term or label number ("gỡ bỏ/khóa 1.663 gian hàng"); "phút", "giây",
"số" after a figure and the units mm, cm keep durations, numbered items and lengths from being counts;
(2) a bare scale word counts the noun the clause's subject names ("số lượng người … đạt 2,77 tỷ" → 2.77e9
`tỷ người`); with no such subject the figure is not emitted, since money is not implied; (3) "tăng
trưởng" anywhere in a percent's clause makes it a growth, unless the words name the measure ("Tốc độ
tăng trưởng … đạt 20%" stays a percent); (4) superscript digits (footnote marks a PDF prints after a
figure, "15%⁸", "QH15¹") are read past, spans still point into the text as printed, m²/km² stay units;
(5) an ordinal after a counted noun ("người thứ ba trong gia đình") is no rank; (6) a ")" that closes
the aside the previous figure sat in ends the next figure's clause. Without the POS fallback (1) the
same rules score tuned-on R 0.982, held out R 0.948. Honest accounting: causes (1)–(3) were listed from
the held-out errors of the dean06 and TMĐT documents, so their recall gain there (0.878 → 1.000 on those
two) is fitted; the noun fallback is general (no held-out noun was added to `units.tsv`) but was chosen
knowing those nouns; rule (6) was written after reading the tax review's label errors (its label F1
0.733 → 0.752). The tax review's P and R were already 1.000 before. Outside the gold, the noun fallback
added 398 counts over the 56 corpus files: 282 in the 19 gold documents (mostly outside their scopes) and
116 in the 37 files no gold annotates. Its precision there is measured (`python scripts/evaluate.py
counted-nouns`) on a seeded sample of 100 of those 116, each judged by reading its sentence before the
fallback's rules were tightened (`corpora/gold/counted_nouns.tsv`): real when the figure says how many of
the things the noun names there are, are required or were done (norms of normative texts included), wrong
when the figure is no count of that noun (a year, a name or article number, a measure, money, a rate, a
formula's term, OCR debris, English text). Before: 64 real, 36 wrong, precision 0.640 (not the 0.69–0.86
a first look at 35 suggested). After: 75 of the 100 still emitted, 64 real, precision 0.853, no judged real
count lost (later rules — densities "…/km2", measured ages, scanned tables read cell by cell — leave 70
emitted, 63 real, precision 0.900; the judged "05 khoa được chọn …" of a scanned plan now reads differently
from its table cell and is no longer matched); of all 116, the 26 no longer emitted are all wrong; in the gold documents 282 → 263 counts,
16 wrong ones gone ("phương án 2 vượt trội", "2018 Mar 26", "98 percent"), two fertility rates printed as
counts ("1,96 con/phụ nữ") gone, one real count lost to a mis-segmentation ("chia các tỉnh thành 3 nhóm").
The fallback now gives no noun to a decimal, a bare year or a zero-led code; to a noun opening with a scale
word ("25 tỷ đô", "20 Tỷ lệ …"); to English text or OCR debris (two words in a row that are no Vietnamese
syllable: "1 default tab"); to a noun that a Roman numeral, "x 05", or (title case) a number follow
("Trung ương 6 khóa XII", "2 phòng x 05 ngày", "khoản 2, 3 Điều 22"); to a term on a line that defines a
formula ("TFW = Tổng 13 loại xếp hạng …"); to a one- or two-digit figure right after a noun, which numbers
that noun ("phương án 2 vượt trội", "theo chuẩn 06 bậc"), unless a cue word stands between ("trên 50
loại"). `units.tsv` now knows đô la money and kV, `not_indicator_cues.tsv` "tiếng" (hours) and "STT"
(item numbers), and a figure after "1:" is a scale or a time. Still wrong among the 75: rates ("01 máy cho
04 học viên", "25 học viên/giảng viên", "01 lần/01 năm đối với 01 đại lý"; 5), OCR debris in scanned
tables (5) and a noun cut short by segmentation ("10 kí tự" counted in "kí").

How a label is built (`extract/indicators/labels.py`): the clause that holds the figure runs back to
the last ".", ";", ":", newline, bullet, the previous figure, a "(" still open, or the "thì" that opens
a main clause after a condition; closed asides are dropped ("(giá so sánh 2010)") unless they are an
acronym ("(PCI)"); a time or source phrase framing the clause ("Năm 2024, …", "Theo …, …") is not the
subject; cue, connector and adverb words before the number are trimmed to a fixed point ("lại giảm
từ"); "tương đương/tương ứng" end a label; after "(khi) tăng X lên" the figure is the new level of X. A
figure that opens its clause (after a colon, or "100% TTHC được …") takes the words after it. A count
takes its counted noun and what follows, up to the clause's end, "với"/"và" before the next figure, a
"do" giving a cause (a "do" naming an agent, "do người dân gửi về", stays: underthesea tags tell them
apart), or a year ("07 đơn vị năm 2022"), then the verb phrase before it when it has none of its own,
with its time frame ("Trong tháng", "Tính đến nay"); a count in a measure unit ("19,4 triệu người")
takes its clause's subject. Shares: a bare "tỷ lệ"/"đạt X%" is the share of the previous figure ("tỷ lệ
…"); "chiếm X% B" and "tỷ lệ … X% B" keep the whole B ("… trong dân số cả nước", "tỷ lệ bao phủ dân
số"); an aside splitting a share by the groups "và" joins ("tỷ lệ dân số nam và nữ … (nam giới chiếm
49,9%, nữ 50,1%)") labels each part "tỷ lệ dân số nam giới"; a growth keeps its subject as it is. A rank
is "thứ hạng" + its subject (before "là") + its scope (trong/trên …). List-shared subjects: a verb-initial
label, or a rank joined by "và", borrows the previous figure's subject; the first of "07 sở, ngành và 34
UBND cấp xã đang …" takes the second's predicate; a list item that is only a name ("; Phi-li-pin là …")
takes the head of the item before ("dân số của …"); a part after "trong đó" (also after a ";") takes its
whole's noun phrase or noun ("TTHC cấp tỉnh", "Số hồ sơ các sở, ngành giải quyết trễ hạn") or, for a
share, the whole's owner ("… của tổ chức, công dân …"); counts in a sentence opened by "Đối với X:"
carry X. Two ends of a change "giảm từ A năm X xuống còn B năm Y" share one label, each with its year;
a figure in brackets after a time ("từ năm 2003 (80,9 triệu người)") is the value then of what the
sentence's next figure in that unit measures; a figure named only by its unit takes the label of the
figure it is "tương đương" to.

Label work (issue 4, branch `labels`), rules default, before → after, P and R unchanged everywhere:
tuned-on label F1 0.813 → 0.867, held out 0.787 → 0.804, overall 0.806 → 0.850. Per document (tuned
on): population review 0.506 → 0.769, indices report 0.576 → 0.615, BHYT assessment 0.739 → 0.853,
Sở Công Thương 6 months 0.813 → 0.841, CCHC quý I/2026 0.837 → 0.873, Đề án 06 8/2025, 9/2025,
11/2025 0.940/0.938/0.956 → 0.970/0.966/0.964; held out: TMĐT 0.780 → 0.815, Đề án 06 to 20/10
0.843 → 0.858, tax review 0.752 → 0.752. Every rule was read from the errors of tuned-on documents and
kept only if the tuned-on label F1 did not drop (tuned-on after each, in order): a part after "trong
đó" keeps its whole's modifiers or noun, across ";" and for uncounted figures (CCHC quý I/2026; 0.819);
"đối với" is no action (Đề án 06 8 and 9/2025; 0.820); "chiếm X% B" keeps B (population, BHYT;
0.822); the two ends of a change (population; 0.830); ranks (population, indices; 0.837); the first of
two listed counts takes the predicate only (indices; 0.8367); agent "do" (indices, CCHC quý I, BHYT;
0.840); "thì", "ước tính" (BHYT; 0.841); the action keeps "Tính đến nay" (Đề án 06; 0.842); a part is
named from its whole, not again from the sentence's topic (Đề án 06 8 and 9/2025; 0.845); "/tháng"
after a figure (BHYT; 0.845); a bracketed figure after a time (population; 0.852); "tương đương"
(BHYT; 0.856); a share part keeps the whole's owner (Sở Công Thương; 0.858); gapped list heads
(population; 0.860); an aside splitting a share (population; 0.865); "tăng X lên" (BHYT; 0.866); a
share named before its figure keeps its whole (BHYT; 0.867). Most of these were read from one or two
sentences each (the last eight from one), so the tuned-on gain is fitted; the held-out gain (+0.017,
against +0.054 tuned on) is the fairer measure of how far they carry. The evaluation prints the
held-out row with every run; it was seen, but no rule was kept or dropped by it. Tests changed with
these rules: the PCI rank labels now start with "thứ hạng"; the population sentence runs to the
change's second end and expects "tỷ lệ tăng dân số năm 2003"; the Đề án 06 "Tính đến nay" count and
the "tỷ lệ bao phủ" share expect their new labels. Tried and dropped, as they lowered the tuned-on
score: trimming a dangling "và" left by the 24-word cut (0.8367 → 0.8367, −0.0001: the gold keeps
the cut-off words; a 28-word cut would gain 0.0003, but that is fitting a constant); a percent with no
cue before it quantifying the noun after it ("cho 100% công dân"; 0.840 → 0.832 by words alone, 0.845
→ 0.839 with POS tags); stopping the phrase after a count only at a reported figure, not at "14 tuổi" or "mức độ
4" (0.865 → 0.853). Speed with the agent "do" test (one POS call per "do" after a figure) was not
measured again.

**Second and third held-out rounds** (`"held_out": "second round"` / `"third round"`), annotated by a
second annotator from page images, pdftotext and python-docx/LibreOffice text before the extractor ran on
them, on kinds of documents no rule had seen. Second round: `lit_cv-15557-btc-ptht-2025.pdf` (a scanned
ministry letter whose appendix is a ruled table of 44 rows: plan, disbursed, two rates; 185 figures),
`lit_qd-2229-qd-ttg-logistics-2025.pdf` (a scanned strategy's targets, 19) and
`lit_ttr-luat-tmdt-bct-2025.pdf` (a tờ trình's market figures, 21). First run: P 0.843, R 0.524, label F1
0.40 (per document P/R/label 0.938/0.486/0.291, 0.583/0.737/0.970, 0.700/0.667/0.516): the scanned table came
out as jumbled lines, "5% - 7%" as two figures. Third round, annotated later: `lit_ttr-luat-danso-byt-2025.docx`
(§I.2 of a population tờ trình, 31) and `hp_decuong-dutoan-qlvb-phutho-2012.doc` (the cost tables of a 2012
estimate, 32). First run: P 0.783, R 0.286, label F1 0.47 (0.778/0.452/0.548 and 0.800/0.125/0.219): densities
"52 người/km2" read as counts of people, ages, index values and a second value column lost, thousands
grouped by commas ("197,128,000") unread. Fixed afterwards, from their errors (so these rounds are no longer
blind): ranges whose ends both carry "%", a scale word before a counted noun ("940 nghìn doanh nghiệp"), đô
la written out, "trong nhóm 40 quốc gia … hàng đầu" as a rank, "nhiều tỷ đồng" as no figure, densities
("…/km2", "…/năm", "/100 …" after a counted noun: quantities), a measured age ("tuổi thọ … 72,8 tuổi"), an
index's decimal value, comma-grouped thousands. Work that never saw these gold files: the label rules and
the noun fallback above, scanned ruled tables read cell by cell (`extract/readers/ocr_table.py`; its
author looked at the cv-15557 page, not its gold) and tables with several value columns
(`extract/indicators/table_columns.py`, one indicator a value cell, labelled "row, column header", unit
from the cell, the header, the row or the table's "Đơn vị: …" line; its author saw cv-15557's printed score
and its layout, and read "Triệu đông" as "triệu đồng" from it), then table cells read once. After all of
it: second round P 0.929, R 0.933, label F1 0.794 (cv-15557 0.946/0.951/0.809, logistics 0.889/0.842/0.931,
TMĐT tờ trình 0.818/0.857/0.528); third round P 0.980, R 0.778, label F1 0.643 (population 1.000/0.774/0.495, cost estimate
0.962/0.781/0.786).
Still lost there: a unit split by "/" that means "or" ("106 website/ứng dụng" counted as "website"), a
counted noun's extent ("05 trung tâm dịch vụ logistics": gold "trung tâm", we "trung tâm dịch vụ"), the net
zero target ("về 0"), "70 tỷ kiện hàng" (underthesea tags "kiện" a verb), "tỷ số giới tính khi sinh ở mức
109,8 bé trai/100 bé gái", "740 tỷ/năm" with its "đồng" left out, and labels of figures in brackets after a
year ("(2017) và là 0,726"). The first runs are the honest measure of what a new kind of document gets:
precision held (0.78–0.84), recall did not (0.29–0.52).

Gold corrections: none — no gold label was found plainly wrong against its source.

Targets (issue 4): precision ≥ 0.95, recall ≥ 0.90 and label F1 ≥ 0.80 are met on the tuned-on
documents and, since the label work above, on the first held-out round (label F1 0.804); overall, with
the later rounds, P and label F1 are met and recall is 0.949. The later rounds miss them even after their
fixes (second: P 0.929, label F1 0.794; third: R 0.778, label F1 0.643), and their first runs, far below,
are the fairest figure for a new kind of document. Labels still lose most
in the indices report (0.615), where what a figure measures is named by a heading before a colon ("Bộ
chỉ số 766 …: … tỉnh Lâm Đồng đạt 90,09/100 điểm"), a time phrase inside the clause is kept ("…, tính
đến ngày 27/11/2025, tỉnh Lâm Đồng"), and bracketed breakdowns ("(4/15 sở, ngành và 38/124 UBND cấp
xã …)", "(gồm: 04 cơ quan …)") do not carry the whole's predicate ("được kiểm tra"); in the population
review, a count's phrase stops at the comma of "21 tỉnh, thành phố" before the next figure and at the
"bằng" of "Đồng bằng", and a later "(chiếm 42%)" does not borrow the whole the first share named; a
percent that quantifies the noun after it ("cho 100% công dân") is still labelled by the words before
it; in the tax review, a short verb-led label ("giảm lỗ", "truy thu") does not carry the clause's
context ("qua thanh tra doanh nghiệp bảo hiểm"), and a "bằng X% …" share is labelled "tỷ lệ …" of the
previous figure without its baseline; after a causative ("yêu cầu các doanh nghiệp … gỡ bỏ/khóa 1.663
gian hàng") the agent stays in the label; phrases after a figure are cut at 24 words.

An indicator counts as found when kind, unit and value equal the gold's (value within 0.05 %).
Label F1 is the token-overlap F1 between the found and gold labels of matched indicators; role is the
share of matched indicators whose role equals the gold's.
Conventions (schema 1.1): `value` and `unit` as printed, `base_value` and `base_unit` in base units
(`12.500 tỷ đồng` → value 12500, unit `tỷ đồng`, base_value 1.25e13, base_unit `đồng`; a percentage keeps
`%`); `role` is `result` (achieved or observed), `target` (aimed at, planned or expected: chỉ tiêu, phấn
đấu, kế hoạch giao, dự kiến, dự báo, a scenario `nếu …`) or `threshold` (a rule's parameter: từ … trở lên,
tối thiểu, mức phạt tối đa, lương cơ sở, a norm rate); percentage points (`điểm phần trăm`, `điểm %`) are
their own unit, kind growth when they change or compare shares; `37/42 TTHC` is a ratio 0.881 with numerator 37 and
denominator 42; `(55/133)` after `41,4%` fills that percentage's numerator and denominator and is not
an indicator of its own; `xếp thứ 15/63` is a rank 15 of 63 with no unit; `90,09/100 điểm` is a
quantity 90.09 with denominator 100; `tăng 12,5%` is growth, `đạt 48,5% kế hoạch năm` a percent with
direction `đạt` and baseline `kế hoạch năm`; an absolute change (`tăng 2.592 cơ sở`) keeps its unit's
kind with direction `tăng`; table rows (label cell, unit cell, value cell) are indicators, yes/no
code-book rows are not; in a table with several value columns each value cell of a data row is an
indicator labelled `row label, column header` (header rows above the first data row joined top to
bottom), its unit from the column header (`(triệu đồng)`, `Tỷ lệ …` → percent; a price or amount,
`Đơn giá`, `Thành tiền`, is money in the table's currency or đồng), else the row, else the
table's `Đơn vị: …` line (`triệu đồng` and 9.019 → 9.019, base 9.019e9); a year header or a year row label
under `Năm` is the period (`năm 2021`); STT, Ghi chú and code-book cells and header rows give none.

**underthesea** (`extract/nlp.py`): POS tags give the counted noun a figure's unit when `units.tsv`
does not know it — on by default (see above). `find_indicators(text, nlp=True)` also uses word
segmentation and POS to tell whether the words after a counted noun hold a verb and to trim
conjunctions before and verbs after a label; that scores label F1 0.798 overall (tuned-on 0.852, first
held-out round 0.757, second 0.793, third 0.643) against 0.811 for the rules alone (0.867, 0.804, 0.794,
0.643) with the same P and R (tables above), so `extract()` runs without it (`NLP_DEFAULT = False`).
Speed of `find_indicators` over the text of the 56 corpus files (2.23 M characters, 2 cores, shared
machine, first pass with the model load, two runs): 365–500 k characters/s with `nouns=False`,
180–250 k characters/s with the default noun fallback (about 2,500 distinct POS calls): half the speed.
`scripts/bench.py` measures it over the whole corpus.
"""


def groups(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """Tuned-on documents, then each round of held-out ones: ``"held_out": true`` is the first round,
    a string names a later one ("second round")."""
    order = list(_ROUNDS.values())
    rounds = sorted({r["held_out"] for r in rows if r["held_out"]}, key=lambda v: order.index(v) if v in order else len(order))
    return [("tuned on (not held out)", [r for r in rows if not r["held_out"]]),
            *((f"held out{'' if v is True else ', ' + v}", [r for r in rows if r["held_out"] == v]) for v in rounds)]


def _table(rows: list[dict]) -> list[str]:
    lines = ["| document | gold | found | P | R | label F1 | role |", "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        cells = [_ratio(r["matched"], r["predicted"]), _ratio(r["matched"], r["gold"]), _ratio(r["label_f1_sum"], r["matched"]),
                 _ratio(r["role_right"], r["role_gold"])]
        lines.append(f"| {r['doc']} | {r['gold']} | {r['predicted']} | " + " | ".join(_cell(c, 5).strip() for c in cells) + " |")
    for title, part in (("**overall**", rows), *groups(rows)):
        if not part or (part is not rows and len(part) == len(rows)):
            continue
        t = _total(part)
        cells = [_ratio(t["matched"], t["predicted"]), _ratio(t["matched"], t["gold"]), _ratio(t["label_f1_sum"], t["matched"]),
                 _ratio(t["role_right"], t["role_gold"])]
        bold = "**" if part is rows else ""
        lines.append(f"| {title} | {t['gold']} | {t['predicted']} | " + " | ".join(f"{bold}{_cell(c, 5).strip()}{bold}" for c in cells) + " |")
    return lines


def _total(rows: list[dict]) -> dict:
    return {k: sum(r[k] for r in rows) for k in ("gold", "predicted", "matched", "label_f1_sum", "role_right", "role_gold")}


def write_docs(files: list[Path]) -> None:
    """Replace the indicators section of docs/accuracy.md with fresh tables."""
    global _NLP
    parts = ["<!-- indicators:start -->", "## Numeric indicators", "",
             "`python scripts/evaluate.py indicators --write-docs` — every gold file, through `extract.parse`.", ""]
    for title, nlp, baseline in (("vnreport (rules, the default)", False, False),
                                 ("vnreport with underthesea (`nlp=True`)", True, False),
                                 ("Baseline: every number followed by `%` (a percent) or a word (a count of that word)", False, True)):
        _NLP = nlp
        parts += [f"### {title}", "", *_table([score_doc(f, baseline) for f in files]), ""]
    parts += [_NOTES, "<!-- indicators:end -->"]
    text = DOCS.read_text(encoding="utf-8")
    start, end = text.index("<!-- indicators:start -->"), text.index("<!-- indicators:end -->") + len("<!-- indicators:end -->")
    DOCS.write_text(text[:start] + "\n".join(parts) + text[end:], encoding="utf-8")


def main(argv: list[str]) -> int:
    global _NLP
    ap = argparse.ArgumentParser(prog="evaluate.py indicators")
    ap.add_argument("--doc", help="score only gold files whose name contains this")
    ap.add_argument("--json", help="write per-document results here")
    ap.add_argument("--baseline", action="store_true", help="score the naive number+word extractor")
    ap.add_argument("--nlp", action=argparse.BooleanOptionalAction, default=None,
                    help="underthesea-refined labels (default: the extractor's default)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses, spurious finds and labels")
    ap.add_argument("--write-docs", action="store_true", help="write rules, underthesea and baseline tables to docs/accuracy.md")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from extract.indicators import NLP_DEFAULT

    _NLP = NLP_DEFAULT if args.nlp is None else args.nlp
    files = sorted(f for f in GOLD.glob("*.json") if not args.doc or args.doc in f.name)
    if not files:
        print("no gold files", file=sys.stderr)
        return 2
    if args.write_docs:
        write_docs(files)
        return 0
    rows, started = [], time.perf_counter()
    mode = "baseline" if args.baseline else f"vnreport (nlp={'on' if _NLP else 'off'})"
    print(f"{mode}\n{'document':58} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'labelF1':>8} {'role':>6}")
    for f in files:
        r = score_doc(f, args.baseline)
        rows.append(r)
        print(f"{r['doc'][:58]:58} {r['gold']:5d} {r['predicted']:5d} {_cell(_ratio(r['matched'], r['predicted']), 6)} "
              f"{_cell(_ratio(r['matched'], r['gold']), 6)} {_cell(_ratio(r['label_f1_sum'], r['matched']), 8)} "
              f"{_cell(_ratio(r['role_right'], r['role_gold']), 6)}")
        if args.verbose:
            for g in r["missed"]:
                print(f"    MISSED   {g['kind']:8} {g.get('value')} {g.get('unit')!r:16} {g.get('text')!r}")
            for p in r["spurious"]:
                print(f"    SPURIOUS {p['kind']:8} {p.get('value')} {p.get('unit')!r:16} {p.get('text')!r}")
            for p, g in r["role_errors"]:
                print(f"    ROLE {p!r} gold {g['role']!r}: {g.get('text')!r}")
            for pl, gl, f1 in r["pairs"]:
                if f1 < 0.8:
                    print(f"    LABEL {f1:.2f} {pl!r}\n               gold {gl!r}")
    for title, part in (("overall", rows), *(("  " + t, p) for t, p in groups(rows))):
        if not part:
            continue
        total = _total(part)
        print(f"{title:58} {total['gold']:5d} {total['predicted']:5d} {_cell(_ratio(total['matched'], total['predicted']), 6)} "
              f"{_cell(_ratio(total['matched'], total['gold']), 6)} {_cell(_ratio(total['label_f1_sum'], total['matched']), 8)} "
              f"{_cell(_ratio(total['role_right'], total['role_gold']), 6)}")
    print(f"({time.perf_counter() - started:.1f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0
