"""The shipped samples: reproducible from the script, numbered by Word, true to the model."""

from __future__ import annotations

import zipfile

import pytest

from compare_series import load_make_samples
from conftest import SAMPLES

@pytest.fixture(scope="module")
def make_samples():
    return load_make_samples()


def test_make_samples_rewrites_the_committed_samples_byte_for_byte(make_samples, tmp_path):
    written = make_samples.write_samples(tmp_path)
    assert len(written) == len(make_samples.PERIODS) + 1
    for path in written:
        committed = SAMPLES / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), f"{committed} is stale: rerun scripts/make_samples.py"


def test_sample_headings_and_bullets_are_word_numbering_not_text(make_samples):
    import docx

    document = docx.Document(str(SAMPLES / make_samples.MAIN_SAMPLE))
    numbered = [(p._p.pPr.numPr.numId.val, p._p.pPr.numPr.ilvl.val, p.text)
                for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    headings = [(level, text) for num, level, text in numbered if num == make_samples.HEADING_NUM_ID]
    bullets = [(level, text) for num, level, text in numbered if num == make_samples.BULLET_NUM_ID]
    assert headings[0] == (0, "ĐẶC ĐIỂM TÌNH HÌNH")
    assert (2, "Cải cách hành chính") in headings
    assert {level for level, _ in bullets} == {0, 1}
    assert not any(text.startswith(("I.", "1.", "a)", "-", "+")) for _, _, text in numbered)
    with zipfile.ZipFile(SAMPLES / make_samples.MAIN_SAMPLE) as package:
        numbering = package.read("word/numbering.xml").decode()
    for fmt in ("upperRoman", "decimal", "lowerLetter", "bullet"):
        assert f'w:val="{fmt}"' in numbering


def test_sample_header_block_is_a_two_column_table_with_symbol_and_date(make_samples):
    import docx

    document = docx.Document(str(SAMPLES / make_samples.MAIN_SAMPLE))
    left, right = (cell.text.splitlines() for cell in document.tables[0].rows[0].cells)
    assert left == ["UBND TỈNH HÒA GIANG", "SỞ CÔNG THƯƠNG", "Số: 125/BC-SCT"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Hòa Giang, ngày 20 tháng 6 năm 2021"]


@pytest.mark.parametrize("period_id, present, absent", [
    ("2021-6t", {"xi_mang", "covid_dn", "pci"}, {"kiem_tra", "tmdt", "duong"}),
    ("2021", {"kiem_tra", "duong", "covid_dn"}, {"pci", "tmdt"}),
    ("2022-6t", {"tmdt", "pci", "kiem_tra"}, {"xi_mang", "covid_dn"}),
    ("2022", {"tmdt", "kiem_tra"}, {"pci", "xi_mang", "covid_dn"}),
])
def test_series_model_states_each_figure_only_in_its_periods(make_samples, period_id, present, absent):
    keys = {f.key for f in make_samples.render(period_id).figures}
    assert present <= keys and not absent & keys
