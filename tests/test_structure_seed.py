"""The seed report as Markdown, DOCX and PDF gives one section tree; real reports' trees."""

from __future__ import annotations

import pytest

from conftest import corpus_path
from extract.pipeline import repair_text
from extract.readers import ReadOptions, read
from extract.structure import build

SEED = "seed/bao-cao-qcdc-6t-2021"

SEED_TREE = [
    ("I", "I.", "KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH"),
    ("II", "II.", "CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI"),
    ("III", "III.", "KẾT QUẢ THỰC HIỆN"),
    ("III.1", "1.", "Dân chủ trong quản lý, điều hành"),
    ("III.2", "2.", "Dân chủ trong quan hệ và giải quyết công việc với tổ chức, công dân"),
    ("IV", "IV.", "Đánh giá kết quả lãnh đạo, chỉ đạo thực hiện QCDC"),
    ("IV.1", "1.", "Ưu điểm"),
    ("IV.2", "2.", "Hạn chế"),
    ("IV.3", "3.", "Nhiệm vụ, giải pháp trong thời gian đến"),
]


def skeleton_of(relative: str):
    """The skeleton the pipeline builds: reader, text repair, structure."""
    path = corpus_path(relative)
    doc = read(path.read_bytes(), path.name, None, ReadOptions())
    repair_text(doc)
    return build(doc)


def flat(sections):
    for s in sections:
        yield s
        yield from flat(s.children)


@pytest.fixture(scope="module", params=["md", "docx", "pdf"])
def seed_skeleton(request):
    return skeleton_of(f"{SEED}.{request.param}")


def test_seed_section_tree_is_the_same_in_every_format(seed_skeleton):
    assert [(s.id, s.label, s.title) for s in flat(seed_skeleton.sections)] == SEED_TREE
    assert [s.level for s in flat(seed_skeleton.sections)] == [1, 1, 1, 2, 2, 1, 2, 2, 2]
    assert seed_skeleton.warnings == []


def test_seed_front_matter_is_the_title_and_back_matter_starts_at_the_closing_formula(seed_skeleton):
    front = seed_skeleton.region_text("front")
    assert front.startswith("BÁO CÁO") and front.endswith("6 tháng cuối năm 2021")
    back = seed_skeleton.region_text("back")
    assert back.startswith("Sở Công Thương kính báo cáo./.")
    assert back.endswith("Võ Văn Rân")


def test_seed_paragraphs_broken_mid_sentence_are_joined(seed_skeleton):
    text = seed_skeleton.text
    assert "giai đoạn 2021 – 2021, Kế hoạch số 10" in text
    assert "theo Nghị định số 04/NĐ-CP ngày 09/01/2015" in text
    assert "công tác phối hợp thực hiện nhiệm vụ giữa các phòng" in text


def test_seed_findings_can_be_placed_in_their_section(seed_skeleton):
    sk = seed_skeleton
    assert sk.section_at(sk.text.index("41,4% TTHC")) == "III.2"
    assert sk.section_at(sk.text.index("Tổ chức Hội nghị Công chức")) == "III.1"
    assert sk.section_at(sk.text.index("Tham gia đóng góp ý kiến về xây dựng dự án Luật")) == "IV.3"
    for section in flat(sk.sections):
        assert sk.text[section.span[0]:].startswith(section.label)


def test_seed_pdf_sections_carry_the_page_of_their_heading():
    sk = skeleton_of(f"{SEED}.pdf")
    assert {s.id: s.page for s in flat(sk.sections)} == {
        "I": 1, "II": 1, "III": 3, "III.1": 3, "III.2": 5, "IV": 7, "IV.1": 7, "IV.2": 7, "IV.3": 7}


REAL_TREES = {
    "real/vbai_bc-dean06-thang9-2025-lamdong.docx": (
        ["I", "II", "III"],
        {"II.1.a": "Về dịch vụ công trực tuyến", "II.7.b": "Công tác làm sạch dữ liệu của các ngành",
         "III.12": "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu"},
        87,
    ),
    "real/vbai_bc-cchc-quy1-2026-lamdong.docx": (
        ["I", "II", "III", "IV"],
        {"I.5": "Về tổng hợp, cập nhật tiến độ, kết quả thực hiện các nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao",
         "II.6.đ": "Kết quả xây dựng, phát triển các ứng dụng dịch vụ nội bộ", "III.2": "Những tồn tại, hạn chế, nguyên nhân"},
        51,
    ),
    "real/vbai_kh-cchc-2026-2030-lamdong.docx": (
        ["I", "II", "III"],
        {"II.6.b": "Nhiệm vụ", "III.2": "Kinh phí thực hiện"},
        37,
    ),
    "real/vbai_bc-cac-chi-so-cchc-lamdong-2025.pdf": (
        ["I", "II", "III", "IV"],
        {"II.1.d": "Chỉ số Năng lực cạnh tranh cấp tỉnh (PCI)", "IV.2": "Nhiệm vụ, giải pháp cụ thể"},
        48,
    ),
}


@pytest.mark.parametrize("relative", sorted(REAL_TREES))
def test_real_report_section_trees(relative):
    top, some, count = REAL_TREES[relative]
    sk = skeleton_of(relative)
    sections = {s.id: s.title for s in flat(sk.sections)}
    assert [s.id for s in sk.sections] == top
    assert {k: sections.get(k) for k in some} == some
    assert len(sections) == count


def test_a_law_outline_listed_in_a_report_is_not_its_outline():
    # The tờ trình lists the draft law's chapters as bullets, its Mục and Điều as lines: the
    # draft's outline, not the tờ trình's (the gold leaves them out too).
    sk = skeleton_of("real/lit_ttr-luat-tmdt-bct-2025.pdf")
    sections = {s.id: (s.label, s.title) for s in flat(sk.sections)}
    assert not [label for label, _ in sections.values() if label.startswith(("Điều", "Mục", "Chương"))]
    assert sk.section_at(sk.text.index("Quy định chuyển tiếp")) == "IV.2"
    assert [s.id for s in sk.sections] == ["I", "II", "III", "IV", "V"]


# --- the shapes of issue 10's wrong trees, on corpus documents ------------------------------


def test_a_reports_lettered_points_and_numbered_tasks_are_all_nodes():
    # vbai_bc-cchc-quy1-2026-lamdong.docx: II.4 with a)–d), and IV's seven numbered tasks.
    sk = skeleton_of("real/vbai_bc-cchc-quy1-2026-lamdong.docx")
    sections = {s.id: s for s in flat(sk.sections)}
    assert [c.id for c in sections["II.4"].children] == ["II.4.a", "II.4.b", "II.4.c", "II.4.d"]
    assert [c.id for c in sections["IV"].children] == [f"IV.{n}" for n in range(1, 8)]
    assert {c.kind for c in sections["IV"].children} == {"item"}


def test_a_thamtra_reports_enumeration_after_prose_nests_under_its_section():
    # lit_bc-tomtat-thamtra-luat-gddh-2025.docx: "(1)"–"(3)" follow I's prose "… như sau:";
    # II and III then return to the top, their points numbered again from 1.
    sk = skeleton_of("real/lit_bc-tomtat-thamtra-luat-gddh-2025.docx")
    assert [s.id for s in flat(sk.sections)] == [
        "I", "I.1", "I.2", "I.3", "II", "II.1", "II.2", "II.3", "II.4", "III", "III.1", "III.2", "III.3", "III.4",
        "III.5"]


@pytest.mark.slow
def test_a_cong_dien_keeps_every_numbered_instruction_and_its_points():
    # lit_cd-186-cd-ttg-2025.pdf (a scan, read by OCR): nine instructions, the fourth with a)–d).
    sk = skeleton_of("real/lit_cd-186-cd-ttg-2025.pdf")
    assert [s.id for s in flat(sk.sections)] == ["1", "2", "3", "4", "4.a", "4.b", "4.c", "4.d", "5", "6", "7", "8", "9"]
