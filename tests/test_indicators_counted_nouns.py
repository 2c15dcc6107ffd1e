"""The counted-noun fallback on real sentences: a figure followed by a noun units.tsv does not know is
counted in that noun, unless the figure or the noun says it is no count. Sentences as printed in the
corpus files outside the indicator gold (corpora/gold/counted_nouns.tsv judges them)."""

from __future__ import annotations

import pytest

from extract.indicators import find_indicators

# sentence → [(kind, value, unit)] of every indicator it holds
SENTENCES = [
    # real counts the fallback keeps
    ("Về mức sinh: Có 55 chính phủ có chính sách tăng mức sinh, 19 Chính phủ tập trung vào việc duy trì mức sinh.",
     [("count", 55.0, "chính phủ"), ("count", 19.0, "Chính phủ")]),
    ("cán bộ sao y 03 bản; nộp bản gốc cho ban tổ chức cấp ủy cùng cấp; lưu 01 bản sao tại đơn vị mình",
     [("count", 3.0, "bản"), ("count", 1.0, "bản sao")]),
    ("đã yêu cầu gỡ bỏ/khóa 1.663 gian hàng với 6.437 sản phẩm vi phạm",
     [("count", 1663.0, "gian hàng"), ("count", 6437.0, "sản phẩm")]),
    # the figure is no count: a decimal, a year a table cell ran into, a code
    ("khoảng cách tối đa giữa các dòng là 1,5 dòng (1,5 lines).", []),
    ("Nội, Thành phô Hồ Chí |dự án đường sắt 2030 thẩm quyền cân đối, bố trí kế hoạch đầu tư công", []),
    ("| 2025 -2030 0615163 quốc te Đà Nẵng liên quan quy", []),
    # English text and OCR debris: two words in a row that are no Vietnamese syllable; one foreign noun counts
    ("Số thứ tự của điều được trình bày cách lề trái 1 default tab, số thứ tự của điều dùng chữ số Ả-rập", []),
    ("Người đại diện của tỔ chức: 5-6 cc 2t ct t2 2121211212112.", []),
    ("số lượng website/ứng dụng TMĐT tăng từ 106 website/ứng dụng năm 2013 đến 56.162 website/ứng dụng tính đến hết "
     "tháng 5/2025.", [("count", 106.0, "website"), ("count", 56162.0, "website")]),
    # a noun designated by what follows: a title and a number, a Roman numeral; a product's operand
    ("theo phương thức khai thác tài sản quy định tại khoản 2, 3 Điêu 37| của Nghị định này.", []),
    ("theo đúng yêu cầu tại các Nghị quyết của Hội nghị Trung ương 6 khóa XII (Nghị quyết số 18-NQ/TW)", []),
    ("Chi phí ở cho giảng viên (2 phòng x 05 ngày)", []),
    # counted, then numbered; a name glued to digits ("5G"); a year's noun left out of the unit
    ("- Tác động tiêu cực: Cả 2 phương án 1 và 2 đều không có tác động tiêu cực về giới.",
     [("count", 2.0, "phương án")]),
    ("Đến nay toàn tỉnh có 5.887 trạm BTS 4G và 1.099 trạm 5G, 100% khu dân cư thuộc các xã có sóng.",
     [("count", 5887.0, "trạm"), ("count", 1099.0, "trạm"), ("percent", 100.0, "%")]),
    ("Việt Nam có 53 dân tộc thiểu số năm 2019.", [("count", 53.0, "dân tộc thiểu số")]),
    # a small figure right after a noun numbers it: an option, a standard; after a hedge it counts
    ("- Về tác động tích cực thì phương án 2 vượt trội về các tác động tích cực trên cả ba khía cạnh.", []),
    ("Tối thiểu đạt trình độ tiếng Anh bậc C1 theo chuẩn 06 bậc của Bộ Giáo dục và Đào tạo.", []),
    ("3.239 giấy phép của UBND cấp tỉnh với trên 50 loại khoáng sản khác nhau.",
     [("count", 3239.0, "giấy phép"), ("count", 50.0, "loại khoáng sản")]),
    ("Hệ thống 479 kênh Hỏi - Đáp được nâng cấp.", [("count", 479.0, "kênh")]),
    # a formula's terms, on the lines that define it; a comparison in prose defines nothing
    ("5\nTFW = Tổng 13 loại xếp hạng điều chỉnh kỹ thuật công nghệ\n6\nEFW = Tổng của 8 xếp hạng môi trường", []),
    ("quy định nam nữ >= 20 tuổi có quyền hiến, hiện nay có hơn 300.000 chu kỳ IVF đã được thực hiện",
     [("count", 300000.0, "chu kỳ")]),
    # a scale word opens no counted noun: a footnote's number before "Tỷ lệ"
    ("của UNDP. 20 Tỷ lệ suy dinh dưỡng thể nhẹ cân là 8,4% ở khu vực miền Đông Nam bộ", [("percent", 8.4, "%")]),
    # what the reference tables know: money in đô la, volts, hours, an item number, a map scale
    ("Quy mô thị trường tăng trưởng nhanh chóng từ 2,97 tỷ đô la Mỹ năm 2014 đến 25 tỷ đô năm 2024",
     [("money", 2.97, "tỷ USD"), ("money", 25.0, "tỷ USD")]),
    ("Thực hiện công tác di dời công trình điện có điện áp từ 110 kV trở lên", [("quantity", 110.0, "kV")]),
    ("Thời gian khôi phục chỉ mất khoảng 01 tiếng.", []),
    ("Theo đó, tại STT 23 Phụ lục ban hành Kèm theo Quyết định này, giao Bộ Tài chính chủ trì", []),
    ("đã hoàn thành 14 đề án lập bản đồ địa chất tỷ lệ 1:50.000 phần đất liền trên diện tích 42.550 km²",
     [("count", 14.0, "đề án"), ("quantity", 42550.0, "km2")]),
]


@pytest.mark.parametrize("sentence,expected", SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_counted_nouns_of_real_sentences(sentence, expected):
    assert [(i.kind, i.value, i.unit) for i in find_indicators(sentence)] == expected
