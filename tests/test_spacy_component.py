"""The spaCy component (vnreport[spacy]) with a real spaCy and pyvi: findings as span groups."""

from __future__ import annotations

import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy", reason="the vnreport[spacy] extra (spacy, pyvi) is not installed")

import extract  # noqa: E402
from conftest import ROOT, SAMPLES  # noqa: E402

SAMPLE = SAMPLES / "bao-cao-6-thang-2021.docx"
REPORT_TEXT = (
    "BÁO CÁO\nKết quả công tác 6 tháng đầu năm 2021\n"
    "I. KẾT QUẢ THỰC HIỆN\n"
    "1. Cải cách hành chính\n"
    "Thực hiện Chỉ thị số 08-CT/TU  ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy, "
    "tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%.\n\n"
    "2. Tài chính\n"
    "Thu ngân sách đạt 21.345 tỷ đồng, tăng 12% so với cùng kỳ.\n"
)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("vi")
    nlp.add_pipe("vnreport")
    return nlp


def test_add_pipe_by_name_works_without_importing_vnreport_first():
    # The factory comes from the spacy_factories entry point, not from an import of ours.
    code = ("import spacy, sys\nnlp = spacy.blank('vi'); nlp.add_pipe('vnreport')\n"
            "doc = nlp('Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%.')\n"
            "print(nlp.pipe_names, [s.label_ for s in doc.spans['indicators']])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['vnreport'] ['percent']"


def test_a_report_text_gets_citations_indicators_and_sections_as_spans_with_their_findings(nlp):
    doc = nlp(REPORT_TEXT)
    citations, indicators, sections = doc.spans["citations"], doc.spans["indicators"], doc.spans["sections"]
    # the text keeps its double space: spans sit on the Doc's own characters
    assert [s.text for s in citations] == ["Chỉ thị số 08-CT/TU  ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy"]
    assert citations[0]._.vnreport.key == "CT|8|TU" and citations[0].label_ == "citation"
    assert [(s.text, s.label_, s._.vnreport.base_unit) for s in indicators] == [
        ("tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%", "percent", "%"),
        ("Thu ngân sách đạt 21.345 tỷ đồng", "money", "đồng"),
        ("12%", "growth", "%"),
    ]
    assert [s._.vnreport.id for s in sections] == ["I", "I.1", "I.2"]
    assert sections[1].text.startswith("1. Cải cách hành chính") and sections[1]._.vnreport.children == []
    assert doc._.vnreport.metadata.period.label == "6 tháng đầu năm 2021"
    assert [s.id for s in doc._.vnreport.iter_sections()] == ["I", "I.1", "I.2"]


def test_one_paragraph_is_read_as_running_text(nlp):
    doc = nlp("Thu ngân sách đạt 21.345 tỷ đồng theo Nghị định số 04/2015/NĐ-CP.")
    assert [s._.vnreport.symbol for s in doc.spans["citations"]] == ["04/2015/NĐ-CP"]
    assert [s.text for s in doc.spans["indicators"]] == ["Thu ngân sách đạt 21.345 tỷ đồng"]
    assert list(doc.spans["sections"]) == []


def test_report_mode_reads_even_one_paragraph_as_a_whole_report(nlp):
    as_report = spacy.blank("vi")
    as_report.add_pipe("vnreport", config={"mode": "report"})
    line = "BÁO CÁO"
    assert as_report(line)._.vnreport.metadata.doc_type == "Báo cáo"
    assert nlp(line)._.vnreport.metadata.doc_type is None  # auto: one paragraph is running text
    with pytest.raises(Exception, match="sometimes"):
        spacy.blank("vi").add_pipe("vnreport", config={"mode": "sometimes"})


def test_nlp_pipe_over_many_texts_gives_each_its_own_findings(nlp):
    texts = [f"Đã tiếp nhận {n} hồ sơ, giải quyết đúng hạn đạt {90 + n % 10}%." for n in range(1, 41)]
    texts += ["", "Không có số liệu."]
    docs = list(nlp.pipe(texts, batch_size=8))
    assert len(docs) == len(texts)
    for n, doc in enumerate(docs[:40], 1):
        values = sorted(s._.vnreport.value for s in doc.spans["indicators"])
        assert values == sorted([float(n), float(90 + n % 10)]), doc.text
    assert [len(d.spans["indicators"]) for d in docs[40:]] == [0, 0]


def test_docbin_round_trip_keeps_the_spans_and_their_findings(nlp):
    from spacy.tokens import DocBin

    doc = nlp(REPORT_TEXT)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(spacy.blank("vi").vocab))[0]
    for group in ("citations", "indicators", "sections"):
        assert [(s.start_char, s.end_char, s.label_) for s in back.spans[group]] == \
               [(s.start_char, s.end_char, s.label_) for s in doc.spans[group]]
        assert [s._.vnreport for s in back.spans[group]] == [s._.vnreport for s in doc.spans[group]]
    assert back.spans["citations"][0]._.vnreport.symbol == "08-CT/TU"


def test_report_to_spacy_builds_the_doc_from_a_parsed_report_without_parsing_again():
    report = extract.parse(SAMPLE)
    doc = report.to_spacy(spacy.blank("vi"))
    assert doc.text == report.text
    assert [s._.vnreport for s in doc.spans["citations"]] == report.citations
    assert [s._.vnreport for s in doc.spans["indicators"]] == report.indicators
    for span, finding in zip(doc.spans["indicators"], report.indicators):
        # the span is the tokens over the finding's characters: the same, or widened to whole tokens
        a, b = finding.span
        assert span.start_char <= a < b <= span.end_char
        assert doc[span.start].idx + len(doc[span.start]) > a and doc[span.end - 1].idx < b
    assert [s._.vnreport.id for s in doc.spans["sections"]] == [s.id for s in report.iter_sections()]
    assert doc._.vnreport.sections == report.sections


def test_to_spacy_runs_the_pipelines_other_components_but_not_vnreport_again():
    nlp = spacy.blank("vi")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("vnreport")
    report = extract.parse(SAMPLE)
    doc = report.to_spacy(nlp)
    assert doc.has_annotation("SENT_START")
    assert len(doc.spans["citations"]) == len(report.citations)
