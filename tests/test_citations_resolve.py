"""Short forms point at the full citation they mean."""

from __future__ import annotations

from extract.citations import find_citations


def test_short_form_refers_to_the_earlier_full_citation():
    text = (  # seed
        "theo Nghị định số 04/NĐ-CP ngày 09/01/2015 của Chính phủ. … các nội dung về quy chế dân chủ "
        "theo Nghị định 04 của Chính phủ."
    )
    full, short = find_citations(text)
    assert (short.form, short.refers_to, short.key) == ("short", full.id, "NĐ|4|CP|2015")
    assert (short.date, short.issuer) == ("2015-01-09", "Chính phủ")


def test_short_form_with_number_sign_resolves_too():
    full, short = find_citations("Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 … (trọng tâm là Kế hoạch số 02);")
    assert (short.refers_to, short.key) == (full.id, "KH|2|BCĐTW")


def test_issuer_of_the_short_form_chooses_between_two_documents_of_one_number():
    cites = find_citations(
        "Chỉ thị số 05/CT-UBND ngày 02/3/2021 của UBND tỉnh; Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị; "
        "… thực hiện Chỉ thị 05 của Bộ Chính trị về đẩy mạnh học tập"
    )
    short = cites[-1]
    assert short.refers_to == cites[1].id and short.key == "CT|5|TW"


def test_short_form_points_at_the_first_mention_of_its_document():
    cites = find_citations(
        "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ … Quyết định số 06/QĐ-TTg … "
        "theo lộ trình của Quyết định 06 và chỉ đạo"
    )
    assert cites[-1].refers_to == "c1"


def test_short_form_without_its_full_citation_stays_unresolved():
    (short,) = find_citations("Các Thành viên TCT CCHC theo QĐ932;")
    assert (short.refers_to, short.key) == (None, "QĐ|932")


def test_ids_follow_text_order():
    cites = find_citations("Chỉ thị 05 của Bộ Chính trị … Chỉ thị số 05-CT/TW của Bộ Chính trị")
    assert [c.id for c in cites] == ["c1", "c2"]
    assert cites[0].refers_to == "c2"
