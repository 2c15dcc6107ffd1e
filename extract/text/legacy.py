"""Legacy 8-bit Vietnamese font encodings (TCVN3/ABC, VNI-Windows) back to Unicode.

Before Unicode, Vietnamese documents were typed in fonts that drew Vietnamese letters
in the places of Latin-1 characters. A DOCX or PDF made from them holds the Latin-1
(Windows-1252) *reading* of those bytes, which is mojibake until converted:

    >>> to_unicode("B¸o c¸o t×nh h×nh", "tcvn3")
    'Báo cáo tình hình'
    >>> to_unicode("Vieät Nam", "vni")
    'Việt Nam'
    >>> detect_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    'tcvn3'
    >>> detect_legacy("Cộng hòa xã hội chủ nghĩa Việt Nam", fonts=[".VnTime"]) is None
    True

TCVN3 comes with separate capital fonts (".VnTimeH"): there the very same bytes are
drawn as capitals, so text in such a font is converted and then upper-cased
(:func:`is_caps_font`). The tables live in ``extract/data/tcvn3.tsv`` (TCVN 5712:1993
as glibc's ``TCVN5712-1`` converter decodes it, code points 0xA1–0xFF) and
``extract/data/vni.tsv`` (VNI-Windows: a base letter followed by a mark byte).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Literal

import regex

from extract.text.quality import vietnamese_score

Encoding = Literal["tcvn3", "vni"]
ENCODINGS: tuple[Encoding, ...] = ("tcvn3", "vni")

DATA = Path(__file__).resolve().parent.parent / "data"

# Font families that betray an encoding: ABC/TCVN3 fonts are named ".VnTime", ".VnArial",
# ".VnCentury Schoolbook" …; VNI fonts "VNI-Times", "VNI-Helve" ….
FONT_PATTERNS: dict[Encoding, regex.Pattern] = {
    "tcvn3": regex.compile(r"^\s*\.?vn(?!i)[a-z]", regex.IGNORECASE),
    "vni": regex.compile(r"^\s*vni[-\s_]", regex.IGNORECASE),
}
# PDF subset fonts carry a six-letter tag: "ABCDEF+.VnTime"
_PDF_SUBSET_TAG = regex.compile(r"^[A-Z]{6}\+")
# ".VnTimeH", ".VnArialH", ".VnCentury SchoolbookH": the capital-letter variant of a TCVN3 font
# PDFs name a bold or italic face after the family: ".VnTimeH,Bold", "VnTimeH-Italic".
_CAPS_FONT = regex.compile(r"^\s*\.?vn(?!i).*h\s*(?:[,-](?:bold|italic|bolditalic|regular))?$", regex.IGNORECASE)

# Letters that only real Unicode Vietnamese text has (outside Latin-1), and the combining
# marks of decomposed (NFD) text: their presence proves a text is not the Latin-1
# reading of a legacy encoding.
_ONLY_UNICODE = r"ĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323"
_UNICODE_VIETNAMESE = regex.compile(rf"[{_ONLY_UNICODE}]")
# Counted by what is left once everything else is cut out: one string, not one per character.
_NOT_UNICODE_VIETNAMESE = re.compile(rf"[^{_ONLY_UNICODE}]+")
_NOT_LETTERS = regex.compile(r"\P{L}+")


@cache
def _tcvn3_table() -> dict[str, str]:
    """Legacy character (as Windows-1252/Latin-1 shows it) → Unicode character."""
    table = {}
    with open(DATA / "tcvn3.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            table[bytes([int(row["byte"], 16)]).decode("latin-1")] = chr(int(row["codepoint"], 16))
    return table


@cache
def _vni_table() -> dict[str, str]:
    """VNI sequence (one or two characters as Windows-1252 shows them) → Unicode letter."""
    table = {}
    with open(DATA / "vni.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            table[bytes.fromhex(row["vni_bytes"]).decode("cp1252")] = chr(int(row["codepoint"], 16))
    return table


def _table(encoding: Encoding) -> dict[str, str]:
    try:
        return {"tcvn3": _tcvn3_table, "vni": _vni_table}[encoding]()
    except KeyError:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}") from None


@cache
def _decoder(encoding: Encoding) -> regex.Pattern:
    # Longest sequence first, so that VNI "oá" (ố) wins over "o" + "á".
    keys = sorted(_table(encoding), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(k) for k in keys))


@cache
def _encoder(encoding: Encoding) -> dict[str, str]:
    return {u: legacy for legacy, u in _table(encoding).items()}


def to_unicode(text: str, encoding: Encoding) -> str:
    """The Unicode (NFC) text a legacy-encoded string shows in its font.

    >>> to_unicode("§¶ng céng s¶n", "tcvn3")
    'Đảng cộng sản'
    >>> to_unicode("Ñaûng coäng saûn", "vni")
    'Đảng cộng sản'
    """
    table = _table(encoding)
    converted = _decoder(encoding).sub(lambda m: table[m.group()], text)
    return unicodedata.normalize("NFC", converted)


def from_unicode(text: str, encoding: Encoding) -> str:
    """The legacy-encoded reading of Unicode text; the inverse of :func:`to_unicode`.

    >>> from_unicode("Báo cáo", "tcvn3"), from_unicode("Việt Nam", "vni")
    ('B¸o c¸o', 'Vieät Nam')

    TCVN3 has no codes for most capitals with tone marks (its fonts drew them with a
    separate capital font); such letters raise ``ValueError``.
    """
    encoder = _encoder(encoding)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in encoder:
            out.append(encoder[ch])
        elif "\u00a1" <= ch <= "\u00ff" or _UNICODE_VIETNAMESE.match(ch) or unicodedata.combining(ch):
            # it has no code, or its Latin-1 form would be read back as another letter
            raise ValueError(f"{ch!r} (U+{ord(ch):04X}) has no code in {encoding.upper()}")
        else:
            out.append(ch)
    return "".join(out)


def font_encoding(font: str | None) -> Encoding | None:
    """The legacy encoding a font name implies.

    >>> font_encoding(".VnTimeH"), font_encoding("VNI-Times"), font_encoding("Times New Roman")
    ('tcvn3', 'vni', None)
    """
    if not font:
        return None
    font = _PDF_SUBSET_TAG.sub("", font)
    for encoding, pattern in FONT_PATTERNS.items():
        if pattern.match(font):
            return encoding
    return None


def is_caps_font(font: str | None) -> bool:
    """True for TCVN3 capital fonts, whose lower-case codes are drawn as capitals.

    >>> is_caps_font(".VnTimeH"), is_caps_font(".VnTime"), is_caps_font("VNI-Helve"), is_caps_font("VnTimeH,Bold")
    (True, False, False, True)
    """
    return bool(font) and bool(_CAPS_FONT.match(_PDF_SUBSET_TAG.sub("", font)))


def legacy_marks(text: str, encoding: Encoding) -> int:
    """How many characters (or VNI sequences) of ``text`` only that encoding produces."""
    return sum(1 for m in _decoder(encoding).finditer(text) if m.group() != _table(encoding)[m.group()])


def detect_legacy(text: str, fonts: Iterable[str | None] = ()) -> Encoding | None:
    """The legacy encoding ``text`` is written in, or None for Unicode (or plain ASCII).

    A font name is strong evidence, but fonts outlive their encoding (Unicode text is
    often typed in ".VnTime" after a document was converted), so the text decides:
    it must contain (almost) no letter that only Unicode has, carry the encoding's
    marks, and look much more like Vietnamese once converted than before.

    >>> detect_legacy("Vieät Nam ñoäc laäp", fonts=["VNI-Times"])
    'vni'
    >>> detect_legacy("Société Générale") is None
    True
    """
    font_says = {e for e in (font_encoding(f) for f in fonts) if e}
    letters = len(_NOT_LETTERS.sub("", text))
    if not letters or len(_NOT_UNICODE_VIETNAMESE.sub("", text)) > 0.01 * letters:
        return None
    before = vietnamese_score(text)
    best: tuple[float, Encoding | None] = (before, None)
    for encoding in ENCODINGS:
        if not legacy_marks(text, encoding):
            continue
        after = vietnamese_score(repair(text, encoding))
        # Without a font to vouch for it, ask for a clear majority of the text to be
        # repaired, so that a stray "©" or "®" in real text never flips a document.
        needed = 0.15 if encoding in font_says else 0.3
        if after - before >= needed and after >= 0.5 and after > best[0]:
            best = (after, encoding)
    return best[1]


def has_unicode_vietnamese(text: str) -> bool:
    """True if ``text`` holds a Vietnamese letter that only Unicode can write ("ơ", "ạ")."""
    return _UNICODE_VIETNAMESE.search(text) is not None


# TCVN3 writes "ư" as 0xAD, the soft hyphen, which PDF and some DOCX tools drop or
# draw as a hyphen at a line break. Two places it can be put back without guessing:
# a hyphen inside a word before an ơ-letter ("c-¬ng"), and an ơ after a consonant
# followed by -ng, -c or -u, rhymes that only exist as ương, ươc, ươu ("®îc" → "được").
_HYPHEN_FOR_U = regex.compile(r"(?<=\p{L})-(?=[¬êíëìî])")
_O_WITHOUT_U = regex.compile(r"(?<=[bcdđghklmnpqrstvx])(?=[ơờớởỡợ](?:ng|c|u)(?!\p{L}))", regex.IGNORECASE)


def restore_tcvn3_u(legacy: str) -> str:
    """TCVN3 text converted to Unicode with the "ư" its soft hyphens lost put back.

    >>> restore_tcvn3_u("®îc nh©n d©n tin t\u00adëng, ch-¬ng tr×nh")
    'được nhân dân tin tưởng, chương trình'
    """
    converted = to_unicode(_HYPHEN_FOR_U.sub("\u00ad", legacy), "tcvn3")
    return _O_WITHOUT_U.sub(lambda m: "Ư" if converted[m.start()].isupper() else "ư", converted)


def repair(text: str, encoding: Encoding) -> str:
    """:func:`to_unicode` plus what a document's tools typically broke in that encoding.

    >>> repair("®îc", "tcvn3"), to_unicode("®îc", "tcvn3")
    ('được', 'đợc')
    """
    return restore_tcvn3_u(text) if encoding == "tcvn3" else to_unicode(text, encoding)
