"""Fuzzing the extractors and the parser: any exception other than a VnreportError fails.

Time-boxed here (a few hundred examples in all); ``python scripts/fuzz.py`` runs the
same strategies for as long as it is given and counts what it tried.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from conftest import corpus_path
from extract.errors import VnreportError
from extract.schema import Report

# Pieces that steer random text into the extractors' own paths: citation and figure shapes,
# Vietnamese number words, digits of every script (newer Unicode blocks included).
PIECES = ["Nghị định số ", "Quyết định số ", "Chỉ thị ", "Thông tư ", "/", "-", "NĐ-CP", "QĐ-UBND", "CT/TU",
          " ngày ", "tháng ", "năm ", "của ", "UBND tỉnh", "đạt ", "tăng ", "giảm ", "%", "‰", "⁸", " tỷ đồng",
          " người", " hồ sơ", ",", ".", "; ", "\n", "I. ", "1.1. ", "a) ", "- ", "(1) ", "một trăm", " nghìn",
          " phẩy ", "x", "…", "\u00a0", "\u200b", "Điều ", "khoản ", "so với cùng kỳ", "Luật "]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.integers(0, 10**7).map(str),
                          st.characters(categories=["Nd"]).map(lambda d: d * 3),
                          st.text(max_size=8)), max_size=60).map("".join)
EXTENSIONS = [".txt", ".md", ".html", ".docx", ".pdf", ".doc", ".rtf", ".png", ".tif", ".bin"]
MUTABLE = ["seed/bao-cao-qcdc-6t-2021.docx", "seed/bao-cao-qcdc-6t-2021.pdf", "seed/bao-cao-qcdc-6t-2021.md"]


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


def parse_or_typed_error(data: bytes, name: str) -> None:
    try:
        report = extract.parse(data, name=name, ocr="never", timeout=60)
    except VnreportError as err:
        assert err.file == name and str(err).startswith(f"{name}: ")
    else:
        assert isinstance(report, Report) and report.source.path == name


def mutate(blob: bytes, data: st.DataObject) -> bytes:
    blob = bytearray(blob)
    for _ in range(data.draw(st.integers(1, 6), label="mutations")):
        at = data.draw(st.integers(0, max(0, len(blob) - 1)), label="at")
        how = data.draw(st.sampled_from(["flip", "cut", "insert", "repeat"]), label="how")
        if how == "flip" and blob:
            blob[at] = data.draw(st.integers(0, 255), label="byte")
        elif how == "cut":
            del blob[at:at + data.draw(st.integers(1, 4096), label="length")]
        elif how == "insert":
            blob[at:at] = data.draw(st.binary(min_size=1, max_size=64), label="bytes")
        else:
            blob[at:at] = blob[at:at + 64] * data.draw(st.integers(2, 50), label="times")
    return bytes(blob)


@fuzz(300)
@given(TEXT)
def test_find_citations_on_any_text_returns_citations_inside_the_text(text):
    for citation in extract.find_citations(text):
        start, end = citation.span
        assert 0 <= start < end <= len(text)


@fuzz(200)
@given(TEXT)
def test_find_indicators_on_any_text_returns_indicators_without_error(text):
    assert isinstance(extract.find_indicators(text), list)


@fuzz(40)
@given(st.binary(max_size=4096), st.sampled_from(EXTENSIONS))
def test_parse_of_random_bytes_gives_a_report_or_a_typed_error(blob, extension):
    parse_or_typed_error(blob, f"ngau-nhien{extension}")


@fuzz(25)
@given(st.sampled_from(MUTABLE), st.data())
def test_parse_of_a_mutated_corpus_file_gives_a_report_or_a_typed_error(source, data):
    path = corpus_path(source)
    parse_or_typed_error(mutate(path.read_bytes(), data), path.name)
