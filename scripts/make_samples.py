"""Write the shipped sample reports: fictional, true to form, byte-for-byte reproducible.

    python scripts/make_samples.py [--out DIR]        # default: corpora/samples

writes ``DIR/bao-cao-6-thang-2021.docx`` (the sample README parses) and
``DIR/series/*.docx``: the same Sở Công Thương's report for four periods, whose
figures change, indicators and citations come and go, one section is renamed and
others are added or removed, so that ``vnreport compare`` has a demo and tests
have an exact expected comparison.

Everything a report says is in one content model (:data:`PERIODS`, :data:`FIGURES`,
:data:`CITATIONS`, :data:`BODY`); :func:`render` lays it out for one period and tells a
test exactly what that period's report contains:

    >>> [f.key for f in render("2021").figures][:3]
    ['iip', 'gtsx', 'gtsx_plan']
    >>> "CT|8|TU" in render("2021").citations, "CT|8|TU" in render("2022").citations
    (True, False)

The agency, the province (Hòa Giang), the people and the local documents are
invented; national documents cited (Nghị định 04/2015/NĐ-CP) are real.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import string
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAIN_SAMPLE = "bao-cao-6-thang-2021.docx"

PROVINCE = "Hòa Giang"
PARENT_AGENCY = "UBND TỈNH HÒA GIANG"
AGENCY = "SỞ CÔNG THƯƠNG"
SIGNER = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Thu Hằng")


# ---------------------------------------------------------------- content model


@dataclass(frozen=True)
class ReportPeriod:
    """One report of the series: its reporting period and its own header facts."""

    id: str
    label: str  # as the title writes it: "6 tháng đầu năm 2021", "năm 2021"
    start: str
    end: str
    next_label: str  # the planning period in the title's second half
    symbol: str
    date: dt.date
    file: str


PERIODS: tuple[ReportPeriod, ...] = (
    ReportPeriod("2021-6t", "6 tháng đầu năm 2021", "2021-01-01", "2021-06-30",
                 "6 tháng cuối năm 2021", "125/BC-SCT", dt.date(2021, 6, 20), "bao-cao-6-thang-2021.docx"),
    ReportPeriod("2021", "năm 2021", "2021-01-01", "2021-12-31",
                 "năm 2022", "418/BC-SCT", dt.date(2021, 12, 15), "bao-cao-nam-2021.docx"),
    ReportPeriod("2022-6t", "6 tháng đầu năm 2022", "2022-01-01", "2022-06-30",
                 "6 tháng cuối năm 2022", "139/BC-SCT", dt.date(2022, 6, 17), "bao-cao-6-thang-2022.docx"),
    ReportPeriod("2022", "năm 2022", "2022-01-01", "2022-12-31",
                 "năm 2023", "407/BC-SCT", dt.date(2022, 12, 14), "bao-cao-nam-2022.docx"),
)
PERIOD_IDS = tuple(p.id for p in PERIODS)


@dataclass(frozen=True)
class Figure:
    """An indicator the report states, with its value in each period (None: not stated).

    ``values`` follow :data:`PERIODS`; a pair is a fraction or rank ``(37, 42)`` printed
    "37/42". ``label`` is what a reader would call the figure; the sentence around it
    is in :data:`BODY`.
    """

    key: str
    label: str
    kind: str
    unit: str
    values: tuple
    decimals: int = 0


FIGURES: dict[str, Figure] = {f.key: f for f in (
    Figure("iip", "Chỉ số sản xuất công nghiệp (IIP)", "growth", "%", (12.5, 10.8, 9.6, 8.9), 1),
    Figure("gtsx", "Giá trị sản xuất công nghiệp", "money", "tỷ đồng", (21345, 45210, 23870, 49650)),
    Figure("gtsx_plan", "Giá trị sản xuất công nghiệp", "percent", "%", (48.5, 102.3, 47.9, 101.4), 1),
    Figure("dien", "Sản lượng điện sản xuất", "quantity", "triệu kWh", (1234.5, 2587.3, 1302.8, 2710.6), 1),
    Figure("dien_growth", "Sản lượng điện sản xuất", "growth", "%", (8.2, 7.1, 5.5, 4.8), 1),
    Figure("xi_mang", "Xi măng", "quantity", "nghìn tấn", (612.3, 1250.4, None, None), 1),
    Figure("duong", "Đường kính", "quantity", "nghìn tấn", (None, 96.4, 41.7, 102.9), 1),
    Figure("ccn_duan", "Số dự án đầu tư mới vào các cụm công nghiệp", "count", "dự án", (5, 11, 4, 9)),
    Figure("ccn_von", "Tổng vốn đăng ký của các dự án", "money", "tỷ đồng", (1250, 2730, 980, 2215)),
    Figure("lap_day", "Tỷ lệ lấp đầy bình quân các cụm công nghiệp", "percent", "%", (60, 62, 63, 65)),
    Figure("banle", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "money", "tỷ đồng",
           (18750, 39120, 21430, 44860)),
    Figure("banle_growth", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "growth", "%",
           (9.1, 7.4, 11.2, 13.5), 1),
    Figure("xuat_khau", "Kim ngạch xuất khẩu", "money", "triệu USD", (612.4, 1315.8, 701.2, 1452.6), 1),
    Figure("nhap_khau", "Kim ngạch nhập khẩu", "money", "triệu USD", (408.9, 865.1, 455.3, 930.7), 1),
    Figure("covid_dn", "Số doanh nghiệp được hỗ trợ duy trì sản xuất an toàn", "count", "doanh nghiệp",
           (86, 214, None, None)),
    Figure("hoi_nghi", "Hội nghị đối thoại với doanh nghiệp", "count", "hội nghị", (2, None, None, None)),
    Figure("tthc_dung_han", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "percent", "%",
           (98.7, 99.1, 99.4, 99.6), 1),
    Figure("tthc_online", "Thủ tục hành chính cung cấp dịch vụ công trực tuyến mức độ 3, 4", "ratio", "TTHC",
           ((37, 42), (40, 42), (42, 44), (44, 44))),
    Figure("pci", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "rank", "",
           ((15, 63), None, (12, 63), None)),
    Figure("kiem_tra", "Số cơ sở được thanh tra, kiểm tra", "count", "cơ sở", (None, 254, 131, 276)),
    Figure("vi_pham", "Số vụ vi phạm bị xử lý", "count", "vụ", (None, 67, 29, 58)),
    Figure("phat", "Số tiền xử phạt nộp ngân sách nhà nước", "money", "triệu đồng", (None, 812.5, 365, 790), 1),
    Figure("kt_tap_the", "Tập thể được đề nghị khen thưởng", "count", "tập thể", (5, 12, 4, 14)),
    Figure("kt_ca_nhan", "Cá nhân được đề nghị khen thưởng", "count", "cá nhân", (18, 35, 15, 41)),
    Figure("tmdt", "Tỷ lệ doanh nghiệp có website thương mại điện tử", "percent", "%", (None, None, 41.5, 44.2), 1),
)}


@dataclass(frozen=True)
class Cited:
    """A document the report cites, with the canonical key OUTPUT.md gives it."""

    key: str
    text: str


CITATIONS: dict[str, Cited] = {c.key: c for c in (
    Cited("NQ|Đại hội XIII", "Nghị quyết Đại hội XIII của Đảng"),
    Cited("NQ|Đại hội XVIII", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII"),
    Cited("CT|8|TU", "Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy về tăng cường "
                     "sự lãnh đạo của Đảng đối với công tác phát triển công nghiệp"),
    Cited("KH|38|UBND", "Kế hoạch số 38/KH-UBND ngày 04/3/2021 của UBND tỉnh về thực hiện các "
                        "nhiệm vụ, giải pháp phát triển công thương năm 2021"),
    Cited("NĐ|4|CP|2015", "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ "
                          "trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập"),
    Cited("QĐ|1208|UBND", "Quyết định 1208/QĐ-UBND ngày 15/4/2021 của UBND tỉnh phê duyệt Đề án phát "
                          "triển cụm công nghiệp giai đoạn 2021 - 2025"),
    Cited("CV|327|SCT-VP", "Văn bản số 327/SCT-VP ngày 12/3/2021 của Sở Công Thương"),
    Cited("QĐ|56|UBND|2021", "Quyết định số 56/2021/QĐ-UBND ngày 20/12/2021 của UBND tỉnh ban hành Quy chế "
                             "quản lý cụm công nghiệp trên địa bàn tỉnh"),
    Cited("KH|25|UBND", "Kế hoạch số 25/KH-UBND ngày 18/02/2022 của UBND tỉnh về phát triển thương mại "
                        "điện tử năm 2022"),
    Cited("CT|12|TU", "Chỉ thị số 12-CT/TU ngày 10/01/2022 của Ban Thường vụ Tỉnh ủy về đẩy mạnh "
                      "chuyển đổi số trong các cơ quan đảng, chính quyền"),
)}
# Reference names used in BODY templates: {c_ct08} → CITATIONS["CT|8|TU"].text
CITE_NAMES = {
    "c_nq13": "NQ|Đại hội XIII", "c_nq18": "NQ|Đại hội XVIII", "c_ct08": "CT|8|TU", "c_kh38": "KH|38|UBND", "c_nd04": "NĐ|4|CP|2015",
    "c_qd1208": "QĐ|1208|UBND", "c_cv327": "CV|327|SCT-VP", "c_qd56": "QĐ|56|UBND|2021",
    "c_kh25": "KH|25|UBND", "c_ct12": "CT|12|TU",
}


@dataclass(frozen=True)
class H:
    """A heading numbered by Word (I. / 1. / a) by depth) with what it contains.

    ``title`` is one string (``{next}`` → the planning period, upper-cased in Roman
    headings) or a dict period id → title for a heading the agency renamed.
    ``only`` limits the heading, with its content, to some periods.
    """

    title: str | dict
    body: tuple = ()
    only: tuple = PERIOD_IDS


@dataclass(frozen=True)
class P:
    """A body paragraph; ``{key}`` inserts a figure's value, ``{c_…}`` a citation."""

    text: str
    only: tuple = PERIOD_IDS


@dataclass(frozen=True)
class B(P):
    """A Word bullet: level 0 prints "-", level 1 prints "+"."""

    level: int = 0


H1 = ("2021-6t", "2021")
H2 = ("2022-6t", "2022")
FROM_2021 = ("2021", "2022-6t", "2022")

BODY: tuple[H, ...] = (
    H("ĐẶC ĐIỂM TÌNH HÌNH", (
        P("{period_cap}, ngành công thương tỉnh triển khai nhiệm vụ trong bối cảnh cả nước tiếp tục thực hiện "
          "{c_nq13} và {c_nq18}, nhiệm kỳ 2020 - 2025."),
        H("Thuận lợi", (
            P("Được sự quan tâm lãnh đạo, chỉ đạo sát sao của Tỉnh ủy, UBND tỉnh và sự hướng dẫn chuyên môn của "
              "Bộ Công Thương; cơ chế, chính sách hỗ trợ doanh nghiệp tiếp tục được hoàn thiện; hạ tầng các cụm "
              "công nghiệp từng bước được đầu tư đồng bộ."),
        )),
        H("Khó khăn", (
            P("Dịch bệnh Covid-19 diễn biến phức tạp làm gián đoạn chuỗi cung ứng nguyên liệu, nhiều doanh nghiệp "
              "phải thu hẹp sản xuất; giá xăng dầu, vật liệu xây dựng tăng cao ảnh hưởng đến chi phí đầu vào.",
              only=H1),
            P("Giá nguyên liệu, xăng dầu và chi phí vận chuyển tăng cao; thị trường xuất khẩu truyền thống có nhu "
              "cầu giảm, đơn hàng của các doanh nghiệp dệt may, chế biến gỗ không ổn định.", only=H2),
        )),
    )),
    H({"2021-6t": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "2021": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
       "2022-6t": "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH", "2022": "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH"}, (
        P("Ngay từ đầu năm, Sở đã ban hành kế hoạch hành động, giao chỉ tiêu cụ thể cho từng phòng, đơn vị "
          "trực thuộc và tổ chức quán triệt, triển khai các văn bản chỉ đạo của cấp trên, trong đó:"),
        B("{c_ct08};", only=("2021-6t", "2021", "2022-6t")),
        B("{c_ct12};", only=H2),
        B("{c_kh38};", only=H1),
        B("{c_kh25};", only=H2),
        B("{c_qd1208};", only=H1),
        B("{c_qd56}.", only=FROM_2021),
        B("Tiếp tục thực hiện {c_nd04}; định kỳ rà soát, công khai các thủ tục hành chính thuộc thẩm quyền "
          "giải quyết của Sở theo đúng quy định."),
        P("Thực hiện {c_cv327} về việc tổ chức hội nghị đối thoại với doanh nghiệp, Sở đã chủ trì {hoi_nghi} hội nghị "
          "tiếp nhận và trả lời kiến nghị của doanh nghiệp; việc công khai, minh bạch theo Nghị định 04 được "
          "duy trì thường xuyên.", only=("2021-6t",)),
    )),
    H("KẾT QUẢ THỰC HIỆN NHIỆM VỤ", (
        H("Sản xuất công nghiệp", (
            H("Chỉ số và giá trị sản xuất công nghiệp", (
                P("Chỉ số sản xuất công nghiệp (IIP) {period} ước tăng {iip}% so với cùng kỳ năm trước. "
                  "Giá trị sản xuất công nghiệp (giá so sánh 2010) ước đạt {gtsx} tỷ đồng, đạt {gtsx_plan}% "
                  "kế hoạch năm."),
            )),
            H("Một số sản phẩm chủ yếu", (
                P("Phần lớn các sản phẩm công nghiệp chủ yếu duy trì mức tăng trưởng khá, cụ thể:"),
                B("Sản lượng điện sản xuất ước đạt {dien} triệu kWh, tăng {dien_growth}% so với cùng kỳ;"),
                B("Vật liệu xây dựng:"),
                B("Xi măng ước đạt {xi_mang} nghìn tấn;", level=1),
                B("Đá xây dựng các loại tiêu thụ ổn định, đáp ứng nhu cầu các công trình trọng điểm;", level=1),
                B("Đường kính ước đạt {duong} nghìn tấn, cơ bản hoàn thành kế hoạch niên vụ."),
            )),
            H("Phát triển cụm công nghiệp và thu hút đầu tư", (
                P("Thu hút {ccn_duan} dự án đầu tư mới vào các cụm công nghiệp với tổng vốn đăng ký "
                  "{ccn_von} tỷ đồng, nâng tỷ lệ lấp đầy bình quân các cụm công nghiệp đang hoạt động lên "
                  "{lap_day}%."),
            )),
        )),
        H("Thương mại, dịch vụ và xuất nhập khẩu", (
            H("Thương mại nội địa", (
                P("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng {period} ước đạt {banle} tỷ đồng, "
                  "tăng {banle_growth}% so với cùng kỳ. Hàng hóa thiết yếu được cung ứng đầy đủ, không để "
                  "xảy ra tình trạng khan hiếm, tăng giá đột biến."),
            )),
            H("Xuất nhập khẩu", (
                P("Kim ngạch xuất khẩu ước đạt {xuat_khau} triệu USD; kim ngạch nhập khẩu ước đạt "
                  "{nhap_khau} triệu USD. Các mặt hàng xuất khẩu chủ lực gồm dăm gỗ, thủy sản chế biến, "
                  "hàng dệt may."),
            )),
        )),
        H("Công tác phòng, chống dịch Covid-19 tại các cơ sở sản xuất", (
            P("Phối hợp hướng dẫn, hỗ trợ {covid_dn} doanh nghiệp xây dựng phương án sản xuất an toàn, "
              "bảo đảm mục tiêu vừa phòng, chống dịch vừa duy trì hoạt động sản xuất, kinh doanh."),
        ), only=H1),
        H("Quản lý nhà nước về công thương", (
            H("Cải cách hành chính", (
                P("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt {tthc_dung_han}%; "
                  "{tthc_online} TTHC được cung cấp dịch vụ công trực tuyến mức độ 3, 4."),
                P("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm {prev_year} của tỉnh xếp thứ {pci}, "
                  "trong đó chỉ số thành phần về tính minh bạch được cải thiện rõ rệt."),
            )),
            H("Thanh tra, kiểm tra", (
                P("Tổ chức thanh tra, kiểm tra {kiem_tra} cơ sở kinh doanh; phát hiện và xử lý {vi_pham} vụ "
                  "vi phạm, số tiền xử phạt nộp ngân sách nhà nước {phat} triệu đồng."),
            ), only=FROM_2021),
            H("Thi đua, khen thưởng", (
                P("Đề nghị UBND tỉnh tặng Bằng khen cho {kt_tap_the} tập thể, {kt_ca_nhan} cá nhân có thành "
                  "tích xuất sắc trong thực hiện nhiệm vụ."),
            )),
        )),
        H("Chuyển đổi số và thương mại điện tử", (
            P("Tỷ lệ doanh nghiệp có website thương mại điện tử đạt {tmdt}%; Sở phối hợp tổ chức các lớp "
              "tập huấn kỹ năng bán hàng trực tuyến cho doanh nghiệp nhỏ và vừa."),
        ), only=H2),
    )),
    H("PHƯƠNG HƯỚNG, NHIỆM VỤ {next}", (
        H("Nhiệm vụ trọng tâm", (
            B("Tập trung tháo gỡ khó khăn, vướng mắc cho doanh nghiệp, phấn đấu hoàn thành các chỉ tiêu "
              "kế hoạch đã đề ra;"),
            B("Đẩy nhanh tiến độ đầu tư hạ tầng các cụm công nghiệp; tăng cường xúc tiến thương mại, "
              "mở rộng thị trường xuất khẩu;"),
            B("Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng cung cấp dịch vụ công trực tuyến."),
        )),
        H("Kiến nghị, đề xuất", (
            P("Đề nghị Bộ Công Thương tiếp tục quan tâm hỗ trợ kinh phí khuyến công quốc gia; đề nghị UBND tỉnh "
              "bố trí vốn đầu tư hạ tầng kỹ thuật các cụm công nghiệp đã được phê duyệt."),
        )),
    )),
)

RECIPIENTS = (
    "Bộ Công Thương (b/c);",
    "TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
    "UBND tỉnh (b/c);",
    "Cục Thống kê tỉnh;",
    "Giám đốc, các PGĐ Sở;",
    "Lưu: VT, VP.",
)


# ---------------------------------------------------------------- rendering


def vn_number(value: float, decimals: int = 0) -> str:
    """Vietnamese number: dot for thousands, comma for decimals, counts below 10 padded.

        >>> vn_number(1234.5, 1), vn_number(21345), vn_number(5)
        ('1.234,5', '21.345', '05')
    """
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"0{text}" if decimals == 0 and 0 <= value < 10 else text


def figure_text(figure: Figure, value) -> str:
    if isinstance(value, tuple):
        return f"{value[0]}/{value[1]}"
    return vn_number(value, figure.decimals)


@dataclass
class Line:
    """One paragraph of a rendered report: heading (depth 0–2), body, or bullet (level 0–1)."""

    kind: str  # "heading" | "body" | "bullet"
    text: str
    depth: int = 0
    section: str = ""  # id of the enclosing section, "III.1.a"


@dataclass
class Expected:
    """What the report of one period contains, for tests."""

    period: ReportPeriod
    lines: list[Line]
    sections: list[tuple[str, str]]  # (id, title) depth first
    figures: list[Figure]
    figure_sections: dict[str, str]  # figure key → section id
    citations: set[str] = field(default_factory=set)


def _period(period_id: str) -> ReportPeriod:
    return next(p for p in PERIODS if p.id == period_id)


def _fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _number(depth: int, n: int) -> str:
    if depth == 0:
        return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")[n - 1]
    return str(n) if depth == 1 else "abcdefgh"[n - 1]  # Word's lowerLetter has no đ


def render(period_id: str) -> Expected:
    """Lay out the content model for one period: paragraphs in order and what they hold."""
    period = _period(period_id)
    idx = PERIOD_IDS.index(period_id)
    values = {
        "period": period.label, "period_cap": period.label[0].upper() + period.label[1:],
        "prev_year": str(period.date.year - 1),
    }
    values |= {name: CITATIONS[key].text for name, key in CITE_NAMES.items()}
    out = Expected(period, [], [], [], {})

    def present(template: str, only: tuple) -> bool:
        figs = [n for n in _fields(template) if n in FIGURES]
        return period_id in only and all(FIGURES[n].values[idx] is not None for n in figs)

    def fill(template: str, section: str) -> str:
        names = _fields(template)
        for name in names:
            if name in FIGURES:
                out.figures.append(FIGURES[name])
                out.figure_sections[name] = section
            elif name in CITE_NAMES:
                out.citations.add(CITE_NAMES[name])
        figs = {n: figure_text(FIGURES[n], FIGURES[n].values[idx]) for n in names if n in FIGURES}
        return template.format(**values, **figs)

    def walk(nodes: tuple, depth: int, parent: str) -> None:
        count = 0
        for node in nodes:
            if isinstance(node, H):
                if period_id not in node.only:
                    continue
                count += 1
                sid = ".".join(filter(None, (parent, _number(depth, count))))
                title = node.title[period_id] if isinstance(node.title, dict) else node.title
                nxt = period.next_label.upper() if depth == 0 else period.next_label
                title = title.format(next=nxt)
                out.lines.append(Line("heading", title, depth, sid))
                out.sections.append((sid, title))
                walk(node.body, depth + 1, sid)
            elif present(node.text, node.only):
                kind = "bullet" if isinstance(node, B) else "body"
                level = node.level if isinstance(node, B) else 0
                out.lines.append(Line(kind, fill(node.text, parent), level, parent))

    walk(BODY, 0, "")
    return out


def title_lines(period: ReportPeriod) -> tuple[str, str]:
    return (f"Kết quả thực hiện nhiệm vụ công thương {period.label}",
            f"và phương hướng, nhiệm vụ {period.next_label}")


def date_line(day: dt.date) -> str:
    """``Hòa Giang, ngày 05 tháng 01 năm 2022``: day below 10 and months 1–2 padded (ND 30)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{PROVINCE}, ngày {day.day:02d} tháng {month} năm {day.year}"


# ---------------------------------------------------------------- DOCX writing

HEADING_NUM_ID = 90  # our own numbering definitions, far from the template's ids
BULLET_NUM_ID = 91


def _numbering_xml() -> tuple[str, str]:
    """abstractNum/num of the heading list (I. / 1. / a)) and the bullet list (- / +)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def level(ilvl, fmt, text, first_line, bold, italic=False):
        rpr = "<w:b/>" * bold + "<w:i/>" * italic
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="0" w:firstLine="{first_line}"/></w:pPr>'
                f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>{rpr}</w:rPr></w:lvl>')

    headings = (f'<w:abstractNum {w} w:abstractNumId="{HEADING_NUM_ID}"><w:multiLevelType w:val="multilevel"/>'
                + level(0, "upperRoman", "%1.", 567, True)
                + level(1, "decimal", "%2.", 567, True)
                + level(2, "lowerLetter", "%3)", 567, True, True)
                + "</w:abstractNum>")
    bullets = (f'<w:abstractNum {w} w:abstractNumId="{BULLET_NUM_ID}"><w:multiLevelType w:val="multilevel"/>'
               + level(0, "bullet", "-", 567, False)
               + level(1, "bullet", "+", 850, False)
               + "</w:abstractNum>")
    return headings, bullets


def _add_numbering(document) -> None:
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    for xml in _numbering_xml():
        first_num.addprevious(parse_xml(xml))  # every abstractNum must precede every num
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for num_id in (HEADING_NUM_ID, BULLET_NUM_ID):
        numbering.append(parse_xml(f'<w:num {w} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def _set_number(paragraph, num_id: int, ilvl: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def _run(paragraph, text, *, bold=False, italic=False, size=None):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if size:
        run.font.size = Pt(size)
    return run


def _cell_line(cell, text, *, first=False, bold=False, italic=False, size=13, align="center"):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.first_line_indent = Pt(0)
    _run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def _borderless_table(document, widths_cm):
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=2)  # the template's plain table: no borders
    table.autofit = False
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths_cm):
        column.width = cell.width = Cm(width)  # LibreOffice reads the grid, Word the cells
    return table.rows[0].cells


def build_docx(period: ReportPeriod) -> bytes:
    """The DOCX of one period's report, with fixed metadata (bytes vary only with the content)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)

    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _add_numbering(document)

    left, right = _borderless_table(document, (6.5, 9.5))
    _cell_line(left, PARENT_AGENCY, first=True)
    _cell_line(left, AGENCY, bold=True)
    _cell_line(left, f"Số: {period.symbol}")
    _cell_line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first=True, bold=True, size=12)
    _cell_line(right, "Độc lập - Tự do - Hạnh phúc", bold=True)
    _cell_line(right, date_line(period.date), italic=True)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(18)
    _run(title, "BÁO CÁO", bold=True)
    for line in title_lines(period):
        _run(title, "", bold=True).add_break()  # manual line break, as real title blocks have
        _run(title, line, bold=True)

    for line in render(period.id).lines:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if line.kind == "heading":
            _set_number(paragraph, HEADING_NUM_ID, line.depth)
            _run(paragraph, line.text, bold=True, italic=line.depth == 2)
        elif line.kind == "bullet":
            _set_number(paragraph, BULLET_NUM_ID, line.depth)
            _run(paragraph, line.text)
        else:
            paragraph.paragraph_format.first_line_indent = Cm(1)
            _run(paragraph, line.text)

    closing = document.add_paragraph()
    closing.paragraph_format.first_line_indent = Cm(1)
    _run(closing, "Sở Công Thương kính báo cáo./.")

    left, right = _borderless_table(document, (7.5, 8.5))
    _cell_line(left, "Nơi nhận:", first=True, bold=True, italic=True, size=12, align="left")
    for recipient in RECIPIENTS:
        _cell_line(left, f"- {recipient}", size=11, align="left")  # typed dashes, as clerks do here
    authority, title_text, name = SIGNER
    _cell_line(right, authority, first=True, bold=True)
    _cell_line(right, title_text, bold=True)
    for _ in range(3):
        _cell_line(right, "")
    _cell_line(right, name, bold=True)

    stamp = dt.datetime.combine(period.date, dt.time(8, 0), tzinfo=dt.timezone.utc)
    core = document.core_properties
    core.author = core.last_modified_by = "Văn phòng Sở Công Thương"
    core.title = f"Báo cáo {title_lines(period)[0][0].lower()}{title_lines(period)[0][1:]}"
    core.created = core.modified = core.last_printed = stamp
    core.revision = 1

    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


APP_STATISTICS = ("Pages", "Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs")


def _honest_app_properties(app_xml: bytes) -> bytes:
    """docProps/app.xml without the template's page and word counts (1 page, 0 words) and
    naming the program that wrote it: Word recomputes counts on save, python-docx does not,
    and stale counts mislead readers."""
    from lxml import etree

    root = etree.fromstring(app_xml)
    for element in list(root):
        if etree.QName(element).localname in APP_STATISTICS:
            root.remove(element)
        elif etree.QName(element).localname == "Application":
            element.text = "vnreport scripts/make_samples.py (python-docx)"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed member timestamps (zipfile stamps them with now())
    and without stale statistics."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2021, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            member = source.read(info.filename)
            if info.filename == "docProps/app.xml":
                member = _honest_app_properties(member)
            target.writestr(fixed, member)
    return out.getvalue()


README = """# Sample reports

Fictional reports, written by `scripts/make_samples.py` (run it again and the bytes are
identical). The agency (Sở Công Thương of UBND tỉnh Hòa Giang), its people, its figures and
its local documents are invented; national documents it cites (Nghị định 04/2015/NĐ-CP) are
real. They follow the form of real provincial reports (Nghị định 30/2020/NĐ-CP): header block
as a borderless two-column table, title with a manual line break, Roman / Arabic / letter
headings and "-" / "+" bullets made with Word's automatic numbering (the labels are not in
the paragraph text), citations in many spellings, figures of every indicator kind, closing
formula, "Nơi nhận" and a KT. signature block.

| file | what |
|---|---|
| `bao-cao-6-thang-2021.docx` | Báo cáo 125/BC-SCT, 6 tháng đầu năm 2021: the sample the README parses |
{series}

`series/` is one agency's report over four periods, for `vnreport compare series/*.docx`:
figures change; the cement output and the Covid-19 section disappear in 2022; inspections
(from năm 2021), sugar output, e-commerce (2022) appear; section II is renamed in 2022
("Công tác lãnh đạo, chỉ đạo, điều hành"); citations come and go (08-CT/TU dropped in năm
2022, 25/KH-UBND and 12-CT/TU new in 2022). The content model in the script says exactly what
each report contains; `tests/test_compare*.py` rely on it.
"""


def write_samples(out: Path) -> list[Path]:
    """Write the sample and the series under ``out``; return the files written."""
    written = []
    (out / "series").mkdir(parents=True, exist_ok=True)
    for period in PERIODS:
        data = build_docx(period)
        targets = [out / "series" / period.file] + ([out / MAIN_SAMPLE] if period.file == MAIN_SAMPLE else [])
        for target in targets:
            target.write_bytes(data)
            written.append(target)
    rows = "\n".join(f"| `series/{p.file}` | Báo cáo {p.symbol}, {p.label} |" for p in PERIODS)
    (out / "README.md").write_text(README.format(series=rows), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "corpora" / "samples", help="output folder")
    args = parser.parse_args(argv)
    for path in write_samples(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
