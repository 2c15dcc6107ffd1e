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
    # a scale word is no noun: "tỷ đô" is money
    ("Quy mô thị trường bán lẻ TMĐT B2C tăng trưởng từ 2 tỷ đô năm 2014 đến 25 tỷ đô năm 2024.", []),
]


@pytest.mark.parametrize("sentence,expected", SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_counted_nouns_of_real_sentences(sentence, expected):
    assert [(i.kind, i.value, i.unit) for i in find_indicators(sentence)] == expected
