"""vietnamese_score(): high for real Vietnamese, low for mojibake and junk."""

from __future__ import annotations

import pytest

from conftest import corpus_path
from extract.text.legacy import from_unicode
from extract.text.quality import is_syllable, vietnamese_score

SENTENCE = (
    "Trong 6 tháng đầu năm 2021, Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở của tỉnh đã "
    "tập trung lãnh đạo, chỉ đạo triển khai thực hiện nghiêm túc các văn bản của cấp trên."
)


@pytest.mark.parametrize(
    "word, valid",
    [
        ("nghiêng", True), ("Quyết", True), ("khuỷu", True), ("thuở", True), ("giếng", True),
        ("Đắk", True), ("thủy", True), ("thuỷ", True), ("ĐẢNG", True),
        ("kÕt", False), ("B¸o", False), ("Bá»™", False), ("càc", False),  # stop finals take sắc/nặng only
        ("website", False), ("xyz", False), ("hoàá", False),
    ],
)
def test_is_syllable_follows_onset_rhyme_tone_rules(word, valid):
    assert is_syllable(word) is valid


def test_score_is_high_for_real_vietnamese():
    assert vietnamese_score(SENTENCE) == 1.0


def test_score_ignores_numbers_and_capital_abbreviations():
    assert vietnamese_score("UBND tỉnh, HĐND, CCHC năm 2021: 41,4%") == 1.0


@pytest.mark.parametrize(
    "broken, ceiling",
    [
        (from_unicode(SENTENCE, "tcvn3"), 0.4),  # TCVN3 read as Windows-1252
        (from_unicode(SENTENCE, "vni"), 0.4),  # VNI read as Windows-1252
        (SENTENCE.encode("utf-8").decode("cp1252", errors="replace"), 0.4),  # UTF-8 read as Windows-1252
        ("Ch-¬ng tr×nh c«ng t¸c n¨m", 0.4),  # TCVN3 from a PDF, ư drawn as a hyphen
        ("lrn ~ì! tlìl'lg tl'm rlhl q,.u4 vv th:ư lđl]l", 0.4),  # OCR junk
        ("#$%&' ()*+ ,-./ 0123 4567 89:; <=>?", 0.4),  # glyph ids from a PDF without ToUnicode
    ],
)
def test_score_is_low_for_mojibake_and_junk(broken, ceiling):
    assert vietnamese_score(broken) < ceiling


def test_score_is_zero_when_there_is_no_word_to_judge():
    assert vietnamese_score("") == vietnamese_score("2021 - 2025") == 0.0


@pytest.mark.corpus
def test_seed_report_scores_high():
    text = corpus_path("seed/bao-cao-qcdc-6t-2021.md").read_text(encoding="utf-8")
    assert vietnamese_score(text) > 0.95
