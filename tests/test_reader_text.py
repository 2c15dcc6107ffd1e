"""Text files in the 8-bit encodings Vietnamese offices still save: Windows-1258, TCVN3, VNI."""

from __future__ import annotations

import pytest
from vietnamese_bytes import windows_1258

import extract
from extract.text.legacy import from_unicode

REPORT = (
    "BÁO CÁO\nKết quả thực hiện quy chế dân chủ ở cơ sở\n"
    "I. KẾT QUẢ THỰC HIỆN\nBáo cáo kết quả thực hiện nhiệm vụ được giao, đã giải quyết 120 hồ sơ.\n"
    "II. NHIỆM VỤ TRONG THỜI GIAN ĐẾN\nTiếp tục tổ chức quán triệt đến toàn thể cán bộ, công chức."
)

# TCVN3 has no accented capitals (documents set them in a capitals font such as .VnTimeH).
LEGACY_REPORT = (
    "Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở\n"
    "I. Kết quả thực hiện\nĐã giải quyết 120 hồ sơ, đạt tỷ lệ cao.\n"
    "II. Nhiệm vụ trong thời gian đến\nTiếp tục tổ chức quán triệt đến toàn thể cán bộ, công chức."
)
@pytest.mark.parametrize("name", ["x.txt", "x.md"])
def test_windows_1258_text_reads_as_vietnamese_in_nfc(name):
    report = extract.parse(windows_1258(REPORT.replace("\n", "\n\n")), name=name, ocr="never")
    assert report.text == REPORT
    assert [s.id for s in report.iter_sections()] == ["I", "II"]
    assert report.source.encoding_repaired is None
    assert any("read as 8-bit Windows-1258" in w for w in report.warnings)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_font_bytes_are_still_read_as_windows_1252_and_repaired(encoding):
    data = from_unicode(LEGACY_REPORT, encoding).encode("cp1252")
    report = extract.parse(data, name="x.txt", ocr="never")
    assert report.text == LEGACY_REPORT
    assert report.source.encoding_repaired == encoding
    assert any("read as 8-bit Windows-1252" in w for w in report.warnings)
