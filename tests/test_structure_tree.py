"""The section tree from hand-made Documents: nesting, repairs, bullets, spans, joins."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.document import Block, Document
from extract.structure import build


def skeleton(*texts: str | Block):
    return build(Document(format="txt", blocks=[t if isinstance(t, Block) else Block(text=t) for t in texts]))


def tree(sk) -> list[tuple[str, str]]:
    out = []

    def walk(sections):
        for s in sections:
            out.append((s.id, s.title))
            walk(s.children)

    walk(sk.sections)
    return out


def flat(sections):
    for s in sections:
        yield s
        yield from flat(s.children)


def ids(sk) -> list[str]:
    return [i for i, _ in tree(sk)]


def test_seed_numbering_keeps_a_third_item_under_its_parent():
    sk = skeleton(
        "I. KHÁI QUÁT", "Nội dung.", "II. CHỈ ĐẠO", "III. KẾT QUẢ", "1. Dân chủ trong quản lý", "2. Quan hệ",
        "IV. Đánh giá", "1. Ưu điểm", "2. Hạn chế:", "3. Nhiệm vụ, giải pháp trong thời gian đến",
    )
    assert ids(sk) == ["I", "II", "III", "III.1", "III.2", "IV", "IV.1", "IV.2", "IV.3"]
    assert dict(tree(sk))["IV.2"] == "Hạn chế"  # trailing colon dropped
    assert sk.warnings == []


def test_numbers_restarting_under_a_new_parent_are_not_a_problem():
    sk = skeleton("I. A", "1. a1", "2. a2", "II. B", "1. b1", "a) b1a", "b) b1b", "2. b2")
    assert ids(sk) == ["I", "I.1", "I.2", "II", "II.1", "II.1.a", "II.1.b", "II.2"]
    assert sk.warnings == []


def test_restart_under_the_same_parent_keeps_the_section_with_a_unique_id():
    sk = skeleton("I. A", "1. Một", "2. Hai", "1. Lại một", "Nội dung của mục lặp.")
    assert ids(sk) == ["I", "I.1", "I.2", "I.1-2"]
    assert sk.blocks[-1].section == "I.1-2"
    assert any("restarts" in w for w in sk.warnings)
    assert any("I.1-2" in w for w in sk.warnings)


def test_skipped_number_is_kept_and_reported():
    sk = skeleton("I. A", "1. Một", "3. Ba")
    assert ids(sk) == ["I", "I.1", "I.3"]
    assert sk.warnings == ["Numbering skips under section I: 3. comes after 1.."]


def test_repeated_number_gets_a_suffix():
    sk = skeleton("III. KẾT QUẢ", "1. Một", "2. Hai", "2. Hai nữa")
    assert ids(sk) == ["III", "III.1", "III.2", "III.2-2"]
    assert any("repeated" in w for w in sk.warnings)


def test_vietnamese_letter_sequence_with_dd_runs_without_warnings():
    letters = ["a", "b", "c", "d", "đ", "e", "g"]
    sk = skeleton("1. Chung", *[f"{c}) Mục {c}" for c in letters])
    assert ids(sk) == ["1", *[f"1.{c}" for c in letters]]
    assert sk.warnings == []


def test_bullets_are_paragraphs_of_the_enclosing_section():
    sk = skeleton("I. A", "1. Ưu điểm", "- Tập trung CCHC.", "+ 100% TTHC đúng hạn.", "• Khác.", "2. Hạn chế")
    assert ids(sk) == ["I", "I.1", "I.2"]
    assert [pb.section for pb in sk.blocks[2:5]] == ["I.1"] * 3


def test_decimal_numbers_nest_under_their_arabic_parent():
    sk = skeleton("1. Mục tiêu", "1.1. Tổng quát", "1.2. Cụ thể", "2. Quan điểm", "2.1. Thứ nhất", "2.1.1. Chi tiết")
    assert ids(sk) == ["1", "1.1", "1.2", "2", "2.1", "2.1.1"]


def test_chapters_and_articles_of_legal_texts_are_sections():
    sk = skeleton("Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Nội dung.", "Điều 2. Đối tượng áp dụng",
                  "Chương II", "Điều 3. Tổ chức thực hiện")
    assert ids(sk) == ["I", "I.1", "I.2", "II", "II.3"]
    assert dict(tree(sk))["I.1"] == "Phạm vi điều chỉnh"


def test_parts_written_in_words_number_their_sections():
    sk = skeleton("Phần thứ nhất", "I. Kết quả", "1. Chi tiết", "Phần thứ hai", "I. Nhiệm vụ")
    assert ids(sk) == ["1", "1.I", "1.I.1", "2", "2.I"]


def test_long_numbered_sentences_are_items_titled_by_their_lead_clause():
    item = ("1. Tổ chức Hội nghị Công chức, viên chức năm 2020, theo đó Giám đốc Sở báo cáo, kiểm điểm trách nhiệm "
            "người đứng đầu trong thực hiện quy định về phát huy dân chủ ở cơ sở năm 2020.")
    sk = skeleton("II. CÔNG TÁC CHỈ ĐẠO", item, "2. Xây dựng chương trình hành động của Sở, Đảng ủy Sở, Công đoàn, "
                  "Chi đoàn thực hiện chỉ tiêu kế hoạch và nhiệm vụ chính trị trọng tâm năm 2021.")
    assert [(s.id, s.kind) for s in flat(sk.sections)] == [("II", "heading"), ("II.1", "item"), ("II.2", "item")]
    # the lead clause runs past 150 characters: cut back to a word boundary
    assert dict(tree(sk))["II.1"] == "Tổ chức Hội nghị Công chức, viên chức năm 2020, theo đó Giám đốc Sở báo cáo, " \
        "kiểm điểm trách nhiệm người đứng đầu trong thực hiện quy định về phát huy"
    assert [pb.section for pb in sk.blocks] == ["II", "II.1", "II.2"]


def test_a_numbering_used_as_a_list_stays_a_list_of_items():
    sk = skeleton("1. Công an tỉnh",
                  "a) Phát huy vai trò thường trực tham mưu cho Ban chỉ đạo tỉnh triển khai kịp thời, hiệu quả các "
                  "nhiệm vụ của Đề án, trong đó tập trung đôn đốc các địa phương thực hiện Chiến dịch làm sạch dữ liệu.",
                  "b) Theo dõi, đôn đốc, phối hợp với các sở tham mưu, đề xuất và tổ chức thực hiện các nhiệm vụ:")
    assert [(s.id, s.kind) for s in flat(sk.sections)] == [("1", "heading"), ("1.a", "item"), ("1.b", "item")]


def test_run_in_headings_open_sections_titled_by_the_words_before_the_colon():
    sk = skeleton("1. Nhóm tiện ích",
                  "a) Về dịch vụ công trực tuyến: Toàn tỉnh đã triển khai cung cấp 2.028 dịch vụ công trực tuyến, "
                  "tỷ lệ tiếp nhận hồ sơ hình thức trực tuyến đạt 82,04%. Các sở đã hoàn thành.",
                  "b) Về dịch vụ công thiết yếu:")
    assert tree(sk) == [("1", "Nhóm tiện ích"), ("1.a", "Về dịch vụ công trực tuyến"), ("1.b", "Về dịch vụ công thiết yếu")]


def test_a_lost_roman_heading_does_not_push_the_next_roman_under_an_arabic_item():
    sk = skeleton("PHẦN 1", "1. Kết quả", "6. Lý do", "II. MỤC TIÊU", "1. Mục tiêu", "III. GIẢI PHÁP")
    assert ids(sk) == ["1", "1.1", "1.6", "1.II", "1.II.1", "1.III"]


def test_upper_letters_as_top_level_hold_roman_sections():
    sk = skeleton("A. TÌNH HÌNH", "I. Kinh tế", "II. Xã hội", "B. NHIỆM VỤ", "I. Trọng tâm")
    assert ids(sk) == ["A", "A.I", "A.II", "B", "B.I"]


def test_headings_in_front_and_back_matter_open_no_section():
    sk = skeleton("BÁO CÁO", "Kết quả công tác", "I. KẾT QUẢ", "Nội dung.", "Sở Nội vụ kính báo cáo./.",
                  "Nơi nhận:", "- Như trên;", "GIÁM ĐỐC", "Nguyễn Văn A", "PHỤ LỤC", "1. Danh mục văn bản")
    assert ids(sk) == ["I"]
    assert [pb.region for pb in sk.blocks].count("back") == 7
    assert sk.blocks[-1].section is None


def test_word_labels_are_part_of_the_text_and_the_heading():
    sk = skeleton(Block(text="KHÁI QUÁT", label="I."), Block(text="Dân chủ", label="1."), "Nội dung.")
    assert tree(sk) == [("I", "KHÁI QUÁT"), ("I.1", "Dân chủ")]
    assert sk.text == "I. KHÁI QUÁT\n1. Dân chủ\nNội dung."
    assert sk.sections[0].label == "I."


def test_section_span_runs_from_heading_to_end_of_its_last_block():
    sk = skeleton("I. A", "Đoạn một.", "1. Con", "Đoạn hai.", "II. B", "Đoạn ba.")
    first, second = sk.sections
    assert sk.text[slice(*first.span)] == "I. A\nĐoạn một.\n1. Con\nĐoạn hai."
    assert sk.text[slice(*first.children[0].span)] == "1. Con\nĐoạn hai."
    assert sk.text[slice(*second.span)] == "II. B\nĐoạn ba."
    assert sk.section_at(sk.text.index("Đoạn hai")) == "I.1"


def test_paragraph_broken_mid_sentence_is_joined_with_a_space():
    sk = skeleton("I. A", "Sở thực hiện quy định theo Nghị định số", "04/NĐ-CP ngày 09/01/2015 của Chính phủ.",
                  "Kế hoạch về công tác dân vận giai đoạn", "2021 – 2021, Kế hoạch số 10.", "nhưng một dòng.")
    assert "theo Nghị định số 04/NĐ-CP ngày" in sk.text
    assert "giai đoạn 2021 – 2021, Kế hoạch" in sk.text
    assert "số 10.\nnhưng" in sk.text  # the sentence had ended
    assert len(sk.blocks) == 6  # every block keeps its own span
    assert sk.text[slice(*sk.blocks[2].span)] == "04/NĐ-CP ngày 09/01/2015 của Chính phủ."


def test_no_join_into_a_heading_a_list_item_or_a_table_cell():
    sk = skeleton("I. A", "Nội dung chưa hết", "1. Mục con", "câu tiếp", Block(text="bảng", kind="table_cell"),
                  "Nội dung chưa hết", "a) mục a")
    assert sk.text.count("\n") == 6


_LABELS = st.sampled_from(["I.", "II.", "III.", "1.", "2.", "3.", "a)", "b)", "đ)", "1.1.", "2.1.", "-", "+", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(_LABELS, min_size=1, max_size=30))
def test_any_numbering_keeps_all_text_and_gives_unique_ids(labels):
    texts = [f"{label} Tiêu đề {k}".strip() for k, label in enumerate(labels)]
    sk = skeleton(*texts)
    all_ids = ids(sk)
    assert len(all_ids) == len(set(all_ids))
    assert sk.text.split("\n") == texts
    opened = set(all_ids)
    assert all(pb.section is None or pb.section in opened for pb in sk.blocks)


def test_a_sentence_opening_with_a_chapter_reference_is_no_chapter():
    sk = skeleton("I. KẾT QUẢ", "Chương VI Nghị định 52 đưa ra những quy định mang tính nguyên tắc về xử phạt vi phạm "
                  "hành chính trong thương mại điện tử (Điều 78). Nghị định 98 quy định chi tiết hơn.")
    assert ids(sk) == ["I"]


def test_a_law_outline_listed_in_a_report_opens_no_nodes_and_stays_in_the_quoting_section():
    # The convention: a table of contents / the outline of another text is not this document's outline.
    sk = skeleton("IV. BỐ CỤC CỦA DỰ THẢO LUẬT", "2. Bố cục", "Điều 1. Phạm vi điều chỉnh", "Mục 1: Nền tảng",
                  "Điều 19. Điều kiện thiết lập", "V. NHỮNG VẤN ĐỀ XIN Ý KIẾN")
    assert ids(sk) == ["IV", "IV.2", "V"]
    assert [pb.section for pb in sk.blocks] == ["IV", "IV.2", "IV.2", "IV.2", "IV.2", "V"]


def test_a_numbered_list_inside_a_section_does_not_swallow_the_next_heading():
    sk = skeleton("IV. ĐÁNH GIÁ", "1. Ưu điểm",
                  "1. Tiếp tục thực hiện việc đổi mới phương thức lãnh đạo, huy động sự tham gia đồng bộ trong hệ "
                  "thống chính trị, phát huy dân chủ, nâng cao trách nhiệm người đứng đầu.",
                  "2. Hạn chế", "3. Nhiệm vụ, giải pháp")
    assert ids(sk) == ["IV", "IV.1", "IV.1.1", "IV.2", "IV.3"]


def test_a_bare_chapter_line_takes_its_title_from_the_line_below():
    sk = skeleton("Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Nội dung.",
                  "Chương II", "TỔ CHỨC THỰC HIỆN", "Điều 2. Hiệu lực thi hành", "Nội dung.")
    assert tree(sk) == [("I", "QUY ĐỊNH CHUNG"), ("I.1", "Phạm vi điều chỉnh"),
                        ("II", "TỔ CHỨC THỰC HIỆN"), ("II.2", "Hiệu lực thi hành")]


def test_a_bare_heading_does_not_borrow_a_numbered_or_long_line_as_title():
    sk = skeleton("I.", "1. Kết quả", "Nội dung.", "II.", "Đoạn văn dài " * 30)
    assert dict(tree(sk))["I"] == "" and dict(tree(sk))["II"] == ""


def test_a_division_met_inside_an_article_nests_by_its_legal_rank():
    # Nghị định 30/2020: Chương › Mục › Điều › khoản, whatever order the text shows them in.
    sk = skeleton("Chương III", "HOẠT ĐỘNG", "Điều 30. Xuất nhập khẩu", "1. Khoản một của điều ba mươi",
                  "Mục 2: Nền tảng trung gian", "Điều 31. Điều kiện", "1. Khoản một", "Mục 3: Mạng xã hội",
                  "Điều 32. Điều kiện", "Chương IV", "Điều 35. Chiến lược")
    assert ids(sk) == ["III", "III.30", "III.30.1", "III.2", "III.2.31", "III.2.31.1", "III.3", "III.3.32", "IV", "IV.35"]


def test_an_article_closes_the_clause_before_it_and_goes_under_the_chapter():
    # lit_vbhn-03-bkhcn-2025.pdf: Chương VIII's first article lost its label, its clause "1." did not.
    sk = skeleton("Chương VIII", "ĐIỀU KHOẢN THI HÀNH", "1. Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành.",
                  "Điều 3. Điều khoản chuyển tiếp")
    assert ids(sk) == ["VIII", "VIII.1", "VIII.3"]


def test_a_law_outline_listing_its_chapters_as_bullets_is_no_part_of_the_tree():
    # lit_ttr-luat-tmdt-bct-2025.pdf, section IV.2 "Bố cục của dự thảo Luật TMĐT".
    sk = skeleton("IV. NỘI DUNG CƠ BẢN", "2. Bố cục của dự thảo Luật TMĐT",
                  "- Chương I: Những quy định chung, gồm 7 Điều:", "Điều 1. Phạm vi điều chỉnh",
                  "- Chương III: Hoạt động TMĐT, gồm 5 Mục, 16 Điều:", "Mục 1: Nền tảng TMĐT kinh doanh trực tiếp",
                  "Điều 19. Điều kiện thiết lập", "Mục 2: Nền tảng TMĐT trung gian", "Điều 21. Điều kiện thiết lập",
                  "- Chương II quy định về giao kết hợp đồng.", "3. Nội dung cơ bản", "V. NGUỒN LỰC")
    assert tree(sk) == [
        ("IV", "NỘI DUNG CƠ BẢN"), ("IV.2", "Bố cục của dự thảo Luật TMĐT"), ("IV.3", "Nội dung cơ bản"),
        ("V", "NGUỒN LỰC"),
    ]


def test_tieu_muc_sits_between_muc_and_dieu():
    sk = skeleton("Chương II", "Mục 1", "Tiểu mục 1. Thủ tục chung", "Điều 10. Hồ sơ", "Tiểu mục 2. Thủ tục riêng",
                  "Điều 11. Hồ sơ", "Mục 2", "Điều 12. Thẩm quyền")
    assert ids(sk) == ["II", "II.1", "II.1.1", "II.1.1.10", "II.1.2", "II.1.2.11", "II.2", "II.2.12"]


# --- the three wrong trees of issue 10, and the legal outline down to điểm ----------------


def test_every_instruction_of_a_numbered_directive_is_a_node_and_letters_stay_with_their_number():
    # The shape of a chỉ thị / công điện (lit_cd-186-cd-ttg-2025.pdf): numbered instructions that
    # run on as sentences, one of them with lettered points. Once, 3.–6. vanished (they were
    # "list items", not headings) and 6's letters were hung under 2 as if they continued its list.
    sk = skeleton(
        "1. Các Bộ, các ngành, các địa phương và Nhân dân cần nhận thức rõ tính chất hết sức nguy hiểm của bão số 11.",
        "2. Bộ Nông nghiệp và Môi trường:",
        "a) Chỉ đạo cơ quan dự báo khí tượng thủy văn theo dõi chặt chẽ diễn biến của bão.",
        "b) Chủ trì, phối hợp với Bộ Công Thương vận hành an toàn các hồ chứa.",
        "3. Các Bộ: Xây dựng, Công Thương theo chức năng, nhiệm vụ chủ động chỉ đạo các biện pháp ứng phó.",
        "4. Các Bộ: Quốc phòng, Công an chỉ đạo các đơn vị đóng trên địa bàn phối hợp với địa phương.",
        "5. Bộ Ngoại giao chủ trì, phối hợp với các cơ quan, địa phương biên giới tăng cường trao đổi thông tin.",
        "6. Văn phòng Chính phủ:",
        "a) Tổng hợp tình hình ứng phó của các địa phương hằng ngày.",
        "b) Báo cáo Thủ tướng Chính phủ những vấn đề phát sinh.",
        "c) Đề xuất xử lý kịp thời các kiến nghị của địa phương.",
    )
    assert [(s.id, s.kind) for s in flat(sk.sections)] == [
        ("1", "item"), ("2", "heading"), ("2.a", "item"), ("2.b", "item"), ("3", "item"), ("4", "item"),
        ("5", "item"), ("6", "heading"), ("6.a", "item"), ("6.b", "item"), ("6.c", "item")]
    assert dict(tree(sk))["3"] == "Các Bộ"  # the lead clause ends at the first colon
    assert sk.section_at(sk.text.index("Đề xuất xử lý")) == "6.c"


def test_an_enumeration_in_a_nodes_prose_nests_under_it_and_the_next_heading_returns_to_its_parent():
    # A thẩm tra report: a "1.", "2." list inside II.7's text was read as a new sibling
    # II.1-2 and the real heading 7.6 that followed was put under it as II.1-2.7.6.
    sk = skeleton(
        "II. VỀ MỘT SỐ NỘI DUNG CỤ THỂ", "7. Về tài chính, tài sản",
        "Thường trực Ủy ban đề nghị quy định rõ hai trường hợp sau đây:",
        "1. Cơ sở giáo dục đại học công lập được tự chủ toàn diện về tài chính theo quy định của pháp luật.",
        "2. Nhà nước hỗ trợ kinh phí cho cơ sở chưa bảo đảm chi thường xuyên.",
        "7.6. Về quản lý tài sản công", "Nội dung.", "8. Về điều khoản thi hành",
    )
    assert [(s.id, s.kind) for s in flat(sk.sections)] == [
        ("II", "heading"), ("II.7", "heading"), ("II.7.1", "item"), ("II.7.2", "item"), ("II.7.6", "heading"),
        ("II.8", "heading")]


def test_an_enumeration_under_a_decimal_heading_does_not_capture_the_next_decimal():
    sk = skeleton(
        "II. NỘI DUNG", "7. Về tài chính", "7.5. Về học phí", "Dự thảo quy định như sau:",
        "1. Học phí được xác định theo lộ trình tính đúng, tính đủ chi phí đào tạo.",
        "2. Người học thuộc diện chính sách được miễn, giảm học phí.", "7.6. Về tài sản",
    )
    assert ids(sk) == ["II", "II.7", "II.7.5", "II.7.5.1", "II.7.5.2", "II.7.6"]


def test_lettered_points_and_numbered_tasks_of_a_report_are_all_nodes():
    # A yearly CCHC report (vbai_bc-cchc-quy1-2026-lamdong.docx): II.4 has points a)–d), some
    # short titles and some sentences, and IV lists seven numbered tasks as sentences. Once,
    # II.4.a was found, b)–d) were not, and the seven tasks were missing.
    sk = skeleton(
        "II. KẾT QUẢ THỰC HIỆN", "4. Cải cách chế độ công vụ",
        "a) Kết quả xây dựng, ban hành các quy định về vị trí việc làm của công chức, viên chức",
        "Nội dung.",
        "b) Kết quả thực hiện tuyển dụng công chức, viên chức (thi tuyển, xét tuyển); bổ nhiệm, đề bạt cán bộ.",
        "c) Tình hình chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức tại địa phương.",
        "d) Kết quả thực hiện đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II",
        *[f"{n}. Tiếp tục triển khai nhiệm vụ thứ {n} của kế hoạch cải cách hành chính, bảo đảm đúng tiến độ." for n in
          range(1, 8)],
    )
    assert ids(sk) == ["II", "II.4", "II.4.a", "II.4.b", "II.4.c", "II.4.d", "IV",
                       *[f"IV.{n}" for n in range(1, 8)]]
    assert dict(tree(sk))["II.4.b"] == "Kết quả thực hiện tuyển dụng công chức, viên chức (thi tuyển, xét tuyển)"


def test_a_law_nests_chuong_dieu_khoan_diem_and_text_sits_in_the_deepest_node():
    sk = skeleton(
        "Chương II", "QUYỀN VÀ NGHĨA VỤ", "Điều 5. Quyền của người kê khai",
        "1. Người có nghĩa vụ kê khai có các quyền sau đây:",
        "a) Được giải trình về nội dung đã kê khai;", "b) Khiếu nại quyết định xử lý.",
        "2. Thông tin kê khai được bảo mật và chỉ được cung cấp trong các trường hợp sau:",
        "a) Theo yêu cầu của cơ quan có thẩm quyền quy định tại Điều 9;",
        "Điều 6. Nghĩa vụ", "Người kê khai phải kê khai trung thực.",
    )
    assert [(s.id, s.kind) for s in flat(sk.sections)] == [
        ("II", "heading"), ("II.5", "heading"), ("II.5.1", "item"), ("II.5.1.a", "item"), ("II.5.1.b", "item"),
        ("II.5.2", "item"), ("II.5.2.a", "item"), ("II.6", "heading")]
    assert dict(tree(sk))["II.5.1"] == "Người có nghĩa vụ kê khai có các quyền sau đây"
    assert sk.section_at(sk.text.index("quy định tại Điều 9")) == "II.5.2.a"
    assert sk.section_at(sk.text.index("phải kê khai trung thực")) == "II.6"


def test_a_table_of_contents_opens_no_nodes():
    # hp_decuong-dutoan-qlvb-phutho-2012.doc opens with its contents, each line ending in a page number.
    sk = skeleton("MỤC LỤC", "I. Thông tin chung 8", "II. Phân tích và đánh giá thực trạng 8",
                  "III. Sự cần thiết phải đầu tư 17", "I. Thông tin chung", "Nội dung.", "II. Phân tích")
    assert ids(sk) == ["I", "II"]


def test_numbered_figures_are_no_table_of_contents():
    sk = skeleton("I. KẾT QUẢ", "1. Số hộ được hỗ trợ 120", "2. Số người được đào tạo 34", "3. Số xã đạt chuẩn 12")
    assert ids(sk) == ["I", "I.1", "I.2", "I.3"]


def test_the_khoan_of_an_article_quoted_in_a_report_open_no_nodes_until_the_reports_next_number():
    # lit_bc-tongket-tmdt-bct-2025.pdf proposes the draft's articles inside its own point 2.
    sk = skeleton("III. ĐỀ XUẤT, KIẾN NGHỊ", "2. Đề xuất sửa đổi", "Điều 32. Điều kiện của pháp nhân được ủy quyền",
                  "1. Pháp nhân được ủy quyền phải đáp ứng các điều kiện sau:", "a) Là pháp nhân được thành lập hợp pháp;",
                  "2. Pháp nhân được ủy quyền thực hiện các nghĩa vụ sau:", "3. Kiến nghị khác")
    assert ids(sk) == ["III", "III.2", "III.3"]
    assert sk.section_at(sk.text.index("thành lập hợp pháp")) == "III.2"


# --- where the body ends: the document's own signature, not one shown as an example -------


def test_a_signature_shown_as_an_example_does_not_end_the_body():
    # hp_tt-01-2011-tt-bnv.doc / vbai_hd-36-hd-vptw-dang.doc teach how to sign, with examples.
    sk = skeleton(
        "I. HƯỚNG DẪN", "1. Quyền hạn của người ký", "a) Việc ghi quyền hạn của người ký như sau:",
        "- Trường hợp ký thay người đứng đầu cơ quan thì ghi chữ viết tắt “KT.” vào trước chức vụ.",
        Block(text="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", kind="table_cell"),
        "- Trường hợp ký thừa lệnh thì phải ghi chữ viết tắt “TL.” vào trước chức vụ của người đứng đầu cơ quan.",
        "Ví dụ 1:", "T/M ĐOÀN CHỦ TỊCH\n(chữ ký)\nHọ và tên",
        "b) Chức vụ của người ký", "Nơi nhận văn bản xác định những cơ quan nhận văn bản để thực hiện.",
        "2. Hiệu lực", "Hướng dẫn này có hiệu lực từ ngày ký.",
        Block(text="BỘ TRƯỞNG\n(Đã ký)\nTrần Văn Tuấn", kind="table_cell"),
    )
    assert ids(sk) == ["I", "I.1", "I.1.a", "I.1.b", "I.2"]
    assert [pb.region for pb in sk.blocks][-1] == "back"
    assert sk.blocks[-2].region == "body"


def test_the_documents_own_signature_before_its_annex_still_ends_the_body():
    sk = skeleton("I. NỘI DUNG", "Nội dung.", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "PHỤ LỤC",
                  "Danh sách các đơn vị được giao thực hiện nhiệm vụ trong năm, kèm theo thời hạn hoàn thành từng nhiệm "
                  "vụ và cơ quan chủ trì theo dõi, đôn đốc, tổng hợp kết quả báo cáo Ủy ban nhân dân tỉnh.")
    assert [pb.region for pb in sk.blocks] == ["body", "body", "back", "back", "back"]


def test_a_lowercase_roman_enumeration_is_running_text_but_i_after_h_is_a_letter():
    # lit_thuyetminh-duthao-tt-btc-2025.pdf: "(i) Nghị định …", "(ii) Thông tư …" under "1. Cơ sở pháp lý".
    sk = skeleton("I. SỰ CẦN THIẾT", "1. Cơ sở pháp lý", "(i) Nghị định quy định chi tiết thi hành Luật.",
                  "(ii) Thông tư hướng dẫn thi hành Luật.", "2. Thành viên", "h) Ông Nguyễn Văn A.",
                  "i) Ông Võ Văn Tú - Phó Trưởng phòng.")
    assert ids(sk) == ["I", "I.1", "I.2", "I.2.h", "I.2.i"]
