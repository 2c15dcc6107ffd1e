"""Property: any well-formed citation, however it is damaged in print, gives one key.

The expected key is built here from the parts that were generated, never from the
extractor: ``TYPE|NUMBER|ISSUER[|YEAR]``.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.citations import find_citations

# (type word, code): codes whose đ-less spelling is no other code, so "D for Đ" stays readable
STATE_TYPES = [("Quyết định", "QĐ"), ("Kế hoạch", "KH"), ("Chỉ thị", "CT"), ("Báo cáo", "BC"),
               ("Tờ trình", "TTr"), ("Chương trình", "CTr"), ("Công điện", "CĐ"), ("Thông báo", "TB"),
               ("Nghị quyết", "NQ")]
PARTY_TYPES = [("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Kết luận", "KL"), ("Kế hoạch", "KH"),
               ("Thông báo", "TB"), ("Hướng dẫn", "HD")]
NORMATIVE = [("Nghị định", "NĐ"), ("Thông tư", "TT")]
STATE_ISSUERS = ["UBND", "CP", "TTg", "BNV", "BYT", "SCT", "HĐND", "BCĐ", "BKHĐT", "BLĐTBXH"]
PARTY_ISSUERS = ["TU", "TW", "HU", "ĐU", "VPTU", "BCĐ", "BDVTU", "BTCTW", "BCSĐ"]


@st.composite
def citations(draw):
    """(printed parts, expected key) of one citation in any of the three numbering systems."""
    system = draw(st.sampled_from(["state", "party", "normative"]))
    number = draw(st.integers(1, 9999))
    printed_number = f"{number:02d}" if draw(st.booleans()) else str(number)
    day, month, year = draw(st.integers(1, 28)), draw(st.integers(1, 12)), draw(st.integers(1995, 2026))
    if system == "party":
        word, code = draw(st.sampled_from(PARTY_TYPES))
        issuer = "-".join(draw(st.lists(st.sampled_from(PARTY_ISSUERS), min_size=1, max_size=2, unique=True)))
        parts = [printed_number, "-", code, "/", issuer]
        key = f"{code}|{number}|{issuer.upper()}"
    elif system == "state":
        word, code = draw(st.sampled_from(STATE_TYPES))
        issuer = draw(st.sampled_from(STATE_ISSUERS))
        parts = [printed_number, "/", code, "-", issuer]
        key = f"{code}|{number}|{issuer.upper()}"
    else:
        word, code = draw(st.sampled_from(NORMATIVE))
        issuer = draw(st.sampled_from(["CP", "BNV", "BTC", "BYT"] if code == "TT" else ["CP"]))
        with_year = code == "TT" or draw(st.booleans())  # a decree may be cited without its year
        parts = [printed_number, "/", *([str(year), "/"] if with_year else []), code, "-", issuer]
        key = f"{code}|{number}|{issuer.upper()}|{year}"  # the year comes from the date when not printed
    date_style = draw(st.sampled_from(["{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}", "{d}-{m}-{y}", "{d} tháng {m} năm {y}"]))
    date = date_style.format(d=day, m=month, y=year)
    return word, parts, date, key, f"{year:04d}-{month:02d}-{day:02d}"


@st.composite
def noisy(draw, cite):
    word, parts, date, key, iso = cite
    symbol = ""
    for part in parts:
        if part == "-":
            symbol += draw(st.sampled_from(["-", "–", " - ", " – ", "—", "  –  ", "-\n"]))
        elif part == "/":
            symbol += draw(st.sampled_from(["/", " / ", "/\n"]))
        else:
            symbol += part
    if draw(st.booleans()):
        symbol = symbol.replace("Đ", "D")
    so = draw(st.sampled_from(["số ", "số: ", "số\n", "Số ", ""]))
    text = f"Thực hiện {word} {so}{symbol} ngày {date} về công tác năm nay."
    if draw(st.booleans()):
        text = text.lower()
    return text, key, iso


@settings(max_examples=300, deadline=None)
@given(citations().flatmap(noisy))
def test_damaged_citation_round_trips_to_its_key(case):
    text, key, iso = case
    found = find_citations(text)
    assert [(c.form, c.key, c.date) for c in found] == [("full", key, iso)], text
