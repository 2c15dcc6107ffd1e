"""The pipeline extractor: where each citation sits, and the report's own number left out."""

from __future__ import annotations

from extract.citations import extract
from extract.document import Block
from extract.schema import Metadata
from extract.structure.skeleton import PlacedBlock, Skeleton


def _skeleton(lines: list[tuple[str, str, str | None, int]]) -> Skeleton:
    """Blocks (text, region, section, page) joined by line breaks."""
    placed, offset = [], 0
    for text, region, section, page in lines:
        placed.append(PlacedBlock(block=Block(text=text, page=page), span=(offset, offset + len(text)),
                                  region=region, section=section))
        offset += len(text) + 1
    return Skeleton(text="\n".join(t for t, *_ in lines), blocks=placed)


def test_extract_places_citations_and_skips_the_reports_own_number():
    sk = _skeleton([
        ("SỞ CÔNG THƯƠNG", "front", None, 1),
        ("Số: 123/BC-SCT", "front", None, 1),
        ("BÁO CÁO", "front", None, 1),
        ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;", "front", None, 1),
        ("I. CÔNG TÁC CHỈ ĐẠO", "body", "I", 1),
        ("Triển khai Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy.", "body", "I", 2),
        ("Thực hiện Nghị định 30 của Chính phủ.", "body", "I", 2),
    ])
    cites = extract(sk, Metadata(symbol="123/BC-SCT"))
    assert [(c.id, c.key, c.section, c.page) for c in cites] == [
        ("c1", "NĐ|30|CP|2020", None, 1),
        ("c2", "CT|8|TU", "I", 2),
        ("c3", "NĐ|30|CP|2020", "I", 2),
    ]
    assert cites[2].refers_to == "c1"
    for c in cites:
        assert sk.text[c.span[0] : c.span[1]] == c.text


def test_extract_drops_the_reports_own_symbol_in_an_appendix_line():
    sk = _skeleton([
        ("Điều 1. Ban hành kèm theo Quyết định này Quy định.", "body", "1", None),
        ("(Ban hành kèm theo Quyết định số 15/2010/QĐ-UBND ngày 26 tháng 4 năm 2010 của Ủy ban nhân dân)",
         "back", None, None),
    ])
    assert extract(sk, Metadata(symbol="15/2010/QĐ-UBND")) == []


def test_seed_report_citations_sit_in_their_sections(seed):
    from extract.pipeline import parse

    report = parse(seed / "bao-cao-qcdc-6t-2021.md")
    by_key = {c.key: c for c in reversed(report.citations)}
    assert by_key["CT|8|TU"].section == "II"
    assert by_key["NĐ|4|CP|2015"].section == "III.1"
    assert by_key["TB|8|VPTU"].section == "IV.3"
    assert len(report.citations) == 26
    short = next(c for c in report.citations if c.text == "Nghị định 04 của Chính phủ")
    assert short.refers_to == by_key["NĐ|4|CP|2015"].id
