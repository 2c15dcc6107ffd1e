"""normalize(): one spelling for the same printed text, nothing more."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.text import fold_dashes, fold_quotes, normalize
from extract.text.normalize import modern_tone_placement

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
VIETNAMESE_LETTERS = sorted({unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES} | {"đ"})
VIETNAMESE_LETTERS += [c.upper() for c in VIETNAMESE_LETTERS]
CONSONANTS = list("bcdghklmnpqrstvxBCDGHKLMNPQRSTVX")
SPACING = [" ", " ", "\n", "\t", "\u00a0", "\u200b", "\u202f", "\r\n", "\ufeff"]
PUNCTUATION = list(".,;:-–()“”0123456789%/")

vietnamese_text = st.lists(
    st.one_of(
        st.sampled_from(VIETNAMESE_LETTERS),
        st.sampled_from(CONSONANTS),
        st.sampled_from(SPACING),
        st.sampled_from(PUNCTUATION),
    ),
    max_size=80,
).map("".join)


@given(vietnamese_text)
def test_decomposed_text_normalizes_exactly_like_composed_text(text):
    assert normalize(unicodedata.normalize("NFD", text)) == normalize(unicodedata.normalize("NFC", text))


@given(vietnamese_text)
def test_normalize_is_idempotent_and_gives_nfc(text):
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(vietnamese_text)
def test_normalized_text_has_no_invisible_characters_or_loose_spaces(text):
    once = normalize(text)
    assert not any(c in once for c in "\t\r\u00a0\u200b\u202f\ufeff")
    assert "  " not in once
    assert all(line == line.strip(" ") for line in once.split("\n"))


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Ba\u0301o ca\u0301o", "Báo cáo"),  # NFD from macOS or a PDF
        ("Sở\u00a0Nội\u00a0vụ", "Sở Nội vụ"),  # no-break spaces
        ("Kế  hoạch\tsố  12", "Kế hoạch số 12"),
        ("tỉnh\u200b Lâm\ufeff Đồng", "tỉnh Lâm Đồng"),  # zero-width characters
        ("  dòng một  \n   dòng hai ", "dòng một\ndòng hai"),  # line ends, newline kept
        ("a\r\nb\rc\u2028d\x0be", "a\nb\nc\nd\ne"),
        ("giai\x07 đoạn\x00", "giai đoạn"),  # control characters
        ("ti\u00adếp tục", "tiếp tục"),  # soft hyphen
        ("tăng \u22125,2%", "tăng -5,2%"),  # minus sign
        ("kinh tế\u2011xã hội", "kinh tế-xã hội"),  # no-break hyphen
        ("nhiệm kỳ 2020 – 2025", "nhiệm kỳ 2020 – 2025"),  # an authorial en dash stays
        ("Covid -19", "Covid -19"),  # authorial spacing stays
        ("“Dân biết, dân bàn”", "“Dân biết, dân bàn”"),  # curly quotes stay
        ("Ủy ban", "Ủy ban"),
    ],
)
def test_normalize_table(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "old, modern",
    [
        ("hoà", "hòa"),
        ("Hoà bình", "Hòa bình"),
        ("HOÀ", "HÒA"),
        ("thuỷ lợi", "thủy lợi"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("văn hoá, xã hội", "văn hóa, xã hội"),
        ("tuỳ theo", "tùy theo"),
        ("Lệ Thuỷ", "Lệ Thủy"),
    ],
)
def test_old_tone_placement_becomes_modern(old, modern):
    assert normalize(old) == modern


@pytest.mark.parametrize(
    "word",
    ["quý", "quỹ", "Quỳnh", "hoàng", "khoảng", "thuyết", "huỳnh", "hòa", "ngoài", "khuya", "hoa", "thủy"],
)
def test_tone_placement_leaves_syllables_that_have_one_placement_alone(word):
    assert modern_tone_placement(word) == word


def test_fold_dashes_maps_every_dash_to_a_hyphen_for_matchers():
    assert fold_dashes("10 – KH/BDVTU‑BCSĐUBND — 2020‒2025 −3") == "10 - KH/BDVTU-BCSĐUBND - 2020-2025 -3"


def test_fold_quotes_maps_curly_quotes_to_ascii_for_matchers():
    assert fold_quotes("“Dân biết” và ‘dân làm’") == "\"Dân biết\" và 'dân làm'"
