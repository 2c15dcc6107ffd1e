"""TCVN3/VNI legacy encodings: tables, conversion both ways, detection, and no false
alarm on any real Unicode document of the corpus."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS, corpus_path
from hypothesis import given
from hypothesis import strategies as st
from office import libreoffice_convert

from extract.text import repair_blocks
from extract.text.legacy import (
    _table,
    detect_legacy,
    font_encoding,
    from_unicode,
    is_caps_font,
    restore_tcvn3_u,
    to_unicode,
)
from extract.text.quality import vietnamese_score

TCVN3_DOC = "real/hp_kiemdiem-dangvien-lethuy-2011-tcvn3.doc"

# Every Vietnamese letter with a diacritic, lower and upper case (134), built from marks
_BASES = {"a": "", "ă": "", "â": "", "e": "", "ê": "", "i": "", "o": "", "ô": "", "ơ": "", "u": "", "ư": "", "y": ""}
VIETNAMESE_LETTERS = sorted(
    {unicodedata.normalize("NFC", b + t) for b in _BASES for t in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")}
    - set("aeiouy")
    | {"đ"}
)
VIETNAMESE_LETTERS += [c.upper() for c in VIETNAMESE_LETTERS]
ASCII = [chr(c) for c in range(0x20, 0x7F)]


# -- tables ------------------------------------------------------------------------


def test_vni_table_writes_every_vietnamese_letter_as_in_the_vni_windows_scheme():
    # Independent derivation: base letter + one mark byte; ơ ư đ and the i-letters are single bytes.
    tone_marks = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
    with_circumflex = dict(zip(["", *tone_marks], "âáàåãä"))
    with_breve = dict(zip(["", *tone_marks], "êéèúüë"))
    encoder = {u: seq for seq, u in _table("vni").items()}
    assert len(encoder) == len(VIETNAMESE_LETTERS) == 134
    for letter in VIETNAMESE_LETTERS:
        d = unicodedata.normalize("NFD", letter.lower())
        base, marks = d[0], d[1:]
        tone = next((m for m in marks if m in tone_marks), "")
        if letter.lower() == "đ":
            expected = "ñ"
        elif base == "i":
            expected = dict(zip(tone_marks, "íìæóò"))[tone]
        elif letter.lower() == "ỵ":
            expected = "î"
        elif "\u031b" in marks:
            expected = {"o": "ô", "u": "ö"}[base] + tone_marks.get(tone, "")
        elif "\u0302" in marks:
            expected = base + with_circumflex[tone]
        elif "\u0306" in marks:
            expected = base + with_breve[tone]
        else:
            expected = base + tone_marks[tone]
        if letter.isupper():
            expected = expected.upper()
        assert encoder[letter] == expected, letter


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv (glibc) not installed")
def test_tcvn3_table_agrees_with_glibc_tcvn5712_converter():
    table = _table("tcvn3")
    for byte in range(0xA1, 0x100):
        decoded = subprocess.run(
            ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([byte]), capture_output=True, check=True
        ).stdout.decode()
        assert table[bytes([byte]).decode("latin-1")] == decoded, hex(byte)


def test_tcvn3_table_writes_every_lowercase_vietnamese_letter():
    written = set(_table("tcvn3").values())
    assert {c for c in VIETNAMESE_LETTERS if c.islower()} <= written
    assert set("ĂÂÊÔƠƯĐ") <= written


# -- conversion ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "legacy, encoding, unicode",
    [
        ("B¸o c¸o", "tcvn3", "Báo cáo"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
        ("Ch\u00ad¬ng tr×nh", "tcvn3", "Chương trình"),
        ("t\u00ad t\u00adëng chÝnh trÞ", "tcvn3", "tư tưởng chính trị"),  # the real document's words
        ("Vieät Nam", "vni", "Việt Nam"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "vni", "Độc lập - Tự do - Hạnh phúc"),
        ("BAÙO CAÙO TÌNH HÌNH", "vni", "BÁO CÁO TÌNH HÌNH"),
        ("ngöôøi", "vni", "người"),
    ],
)
def test_to_unicode_reads_legacy_text_as_its_font_shows_it(legacy, encoding, unicode):
    assert to_unicode(legacy, encoding) == unicode


def _text_over(alphabet: list[str]):
    return st.lists(st.sampled_from(alphabet), max_size=60).map("".join)


TCVN3_WRITABLE = sorted(c for c in _table("tcvn3").values() if not unicodedata.combining(c)) + ASCII


@given(_text_over(TCVN3_WRITABLE))
def test_tcvn3_round_trip_restores_the_unicode_text(text):
    assert to_unicode(from_unicode(text, "tcvn3"), "tcvn3") == text


@given(_text_over(VIETNAMESE_LETTERS + ASCII))
def test_vni_round_trip_restores_the_unicode_text(text):
    assert to_unicode(from_unicode(text, "vni"), "vni") == text


@pytest.mark.parametrize(
    "lost, restored",
    [
        ("®îc giao", "được giao"),  # the soft-hyphen byte dropped: "ơc" only exists as "ươc"
        ("nhµ níc, ®êng lèi, thêng xuyªn", "nhà nước, đường lối, thường xuyên"),
        ("c-¬ng lÜnh", "cương lĩnh"),  # drawn as a hyphen at a line break
        ("c¬m, n¬i, thêi gian, kinh tÕ-x· héi", "cơm, nơi, thời gian, kinh tế-xã hội"),  # nothing lost here
    ],
)
def test_tcvn3_u_lost_with_its_soft_hyphen_is_put_back_where_unambiguous(lost, restored):
    assert restore_tcvn3_u(lost) == restored


def test_tcvn3_has_no_code_for_a_capital_with_a_tone_mark():
    with pytest.raises(ValueError, match="no code in TCVN3"):
        from_unicode("BÁO CÁO", "tcvn3")


# -- detection -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "font, encoding, caps",
    [
        (".VnTime", "tcvn3", False),
        (".VnTimeH", "tcvn3", True),
        (".VnArial", "tcvn3", False),
        (".VnCentury SchoolbookH", "tcvn3", True),
        ("ABCDEF+.VnTime", "tcvn3", False),
        ("VNI-Times", "vni", False),
        ("VNI-Helve", "vni", False),
        ("Times New Roman", None, False),
        ("Verdana", None, False),
        (None, None, False),
    ],
)
def test_font_names_betray_their_encoding(font, encoding, caps):
    assert (font_encoding(font), is_caps_font(font)) == (encoding, caps)


@pytest.mark.parametrize(
    "text, fonts, expected",
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", (), "tcvn3"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", (), "vni"),
        ("Cộng hòa xã hội chủ nghĩa Việt Nam", (".VnTime",), None),  # Unicode typed in an old font
        ("Ho\u0300a bi\u0300nh", (".VnTime",), None),  # decomposed Unicode
        ("UBND tỉnh, Sở Nội vụ © 2025", (), None),
        ("Société Générale, Müller & Söhne", (), None),
        ("Report 2025 (draft)", (".VnTime",), None),
        ("", (".VnTime",), None),
    ],
)
def test_detect_legacy_decides_from_the_text_with_fonts_as_evidence(text, fonts, expected):
    assert detect_legacy(text, fonts) == expected


def test_repair_blocks_upper_cases_text_in_a_tcvn3_capital_font():
    texts, encoding, warnings = repair_blocks(["®¶ng céng s¶n viÖt nam", "B¸o c¸o"], [".VnTimeH", ".VnTime"])
    assert texts == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Báo cáo"]
    assert encoding == "tcvn3"
    assert warnings == ["legacy TCVN3 encoding detected from font .VnTimeH, .VnTime and converted to Unicode in 2 of 2 blocks"]


def test_repair_blocks_leaves_unicode_blocks_of_a_legacy_document_alone():
    texts, encoding, _ = repair_blocks(
        ["B¸o c¸o kÕt qu¶ thùc hiÖn", "Kết quả thực hiện", "2021"], [".VnTime", "Times New Roman", ".VnTime"]
    )
    assert texts == ["Báo cáo kết quả thực hiện", "Kết quả thực hiện", "2021"]
    assert encoding == "tcvn3"


def test_repair_blocks_reports_nothing_for_unicode_text():
    assert repair_blocks(["Báo cáo", "Lệ Thủy"], [".VnTime", None]) == (["Báo cáo", "Lệ Thủy"], None, [])


# -- the real corpus -----------------------------------------------------------------


@pytest.fixture(scope="module")
def tcvn3_blocks() -> tuple[list[str], list[str | None]]:
    """The real TCVN3 document read the way the pipeline reads it (LibreOffice, DOCX reader)."""
    path = corpus_path(TCVN3_DOC)
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    from extract.readers import ReadOptions, read

    doc = read(path.read_bytes(), path.name, None, ReadOptions())
    return [b.text for b in doc.blocks], [b.font for b in doc.blocks]


@pytest.mark.corpus
@pytest.mark.slow
def test_real_tcvn3_document_is_detected_by_its_vntime_fonts(tcvn3_blocks):
    texts, fonts = tcvn3_blocks
    assert {".VnTime", ".VnTimeH"} <= set(fonts)
    assert detect_legacy("\n".join(texts), fonts) == "tcvn3"
    assert detect_legacy("\n".join(texts)) == "tcvn3"  # the characters alone are enough


@pytest.mark.corpus
@pytest.mark.slow
def test_real_tcvn3_document_converts_to_readable_vietnamese(tcvn3_blocks):
    texts, fonts = tcvn3_blocks
    repaired, encoding, warnings = repair_blocks(texts, fonts)
    whole = "\n".join(repaired)
    assert encoding == "tcvn3"
    assert warnings and warnings[0].startswith("legacy TCVN3 encoding detected from font .VnTime")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in whole  # written in .VnTimeH, drawn in capitals
    assert "Lệ Thủy, ngày 29 tháng 11 năm 2011" in whole
    assert "Về tư tưởng chính trị." in whole  # the ư is a soft-hyphen byte in TCVN3
    assert vietnamese_score("\n".join(texts)) < 0.4
    assert vietnamese_score(whole) > 0.95


@pytest.mark.corpus
@pytest.mark.slow
def test_real_tcvn3_document_printed_to_pdf_converts_without_losing_u(tmp_path):
    # A PDF printed from a TCVN3 document keeps the Latin-1 bytes but drops the soft
    # hyphens that stand for "ư"; the text layer is all the PDF reader gets.
    path = corpus_path(TCVN3_DOC)
    lines = _pdf_text(libreoffice_convert(path, "pdf", tmp_path)).splitlines()
    repaired, encoding, warnings = repair_blocks(lines, [None] * len(lines))
    whole = "\n".join(repaired)
    assert encoding == "tcvn3"
    assert "from character statistics" in warnings[0]
    assert "được quan tâm hàng" in whole and "thường xuyên" in whole
    assert vietnamese_score(whole) > 0.95


def _docx_text(path: Path) -> str:
    import docx

    body = docx.Document(str(path)).element.body
    return "\n".join(
        "".join(t.text or "" for t in p.iter() if t.tag.endswith("}t")) for p in body.iter() if p.tag.endswith("}p")
    )


def _pdf_text(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def real_unicode_texts(tmp_path_factory) -> dict[str, str]:
    """Text of every real corpus document with text, but the TCVN3 one: DOCX by python-docx,
    PDF text layers by pypdfium2, .doc through LibreOffice then python-docx."""
    if not (CORPUS / "real").is_dir():
        pytest.skip(f"shared corpus not found at VNREPORT_CORPUS={CORPUS}")
    real = CORPUS / "real"
    texts = {p.name: _docx_text(p) for p in sorted(real.glob("*.docx"))}
    texts |= {p.name: _pdf_text(p) for p in sorted(real.glob("*.pdf"))}
    docs = [p for p in sorted(real.glob("*.doc")) if p.name != Path(TCVN3_DOC).name]
    if shutil.which("soffice") and docs:
        out = tmp_path_factory.mktemp("doc")
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation=file://{out}/profile", "--convert-to", "docx",
             "--outdir", str(out), *map(str, docs)],
            capture_output=True, timeout=300, check=True,
        )
        texts |= {p.name: _docx_text(out / (p.stem + ".docx")) for p in docs}
    texts["seed.md"] = (CORPUS / "seed" / "bao-cao-qcdc-6t-2021.md").read_text(encoding="utf-8")
    return {name: text for name, text in texts.items() if len(text.split()) >= 50}  # scans have no text


@pytest.mark.corpus
@pytest.mark.slow
def test_no_real_unicode_document_is_mistaken_for_a_legacy_encoding(real_unicode_texts):
    assert len(real_unicode_texts) >= 35
    mistaken = {name: detect_legacy(text) for name, text in real_unicode_texts.items() if detect_legacy(text)}
    assert mistaken == {}
    per_line = {}
    for name, text in real_unicode_texts.items():
        lines = text.split("\n")
        _, encoding, warnings = repair_blocks(lines, [None] * len(lines))
        if encoding:
            per_line[name] = warnings
    assert per_line == {}


@pytest.mark.corpus
@pytest.mark.slow
def test_every_real_document_scores_as_vietnamese(real_unicode_texts):
    scores = Counter({name: round(vietnamese_score(text), 3) for name, text in real_unicode_texts.items()})
    assert {name: s for name, s in scores.items() if s <= 0.9} == {}
