"""One spelling for the same printed text: Unicode NFC, one tone-mark placement,
tidy whitespace, invisible and control characters dropped.

    >>> normalize("Ke\u0302\u0301 hoa\u0323ch\u00a0 số\u200b 12 \\n  Hoà bình ")
    'Kế hoạch số 12\\nHòa bình'

Only encoding-level variants are touched. Dashes and quotes stay as printed ("2020 –
2025", "Covid -19", curly quotes); matchers that want one form call
:func:`fold_dashes` and :func:`fold_quotes`. Exotic hyphens (U+2010, U+2011, the
minus sign U+2212) become "-" and soft hyphens disappear.

Tone placement: in open syllables ending in -oa, -oe, -uy the old style puts the mark
on the last vowel ("hoà", "khoẻ", "thuỷ"), the modern style on the first ("hòa",
"khỏe", "thủy"). The real documents mostly use the modern style (ủy 793 times vs uỷ
241, hóa 651 vs hoá 174, khỏe 343 vs khoẻ 74), so that is the one kept. After "q" the
"u" belongs to the onset and nothing moves ("quý", "quỹ").
"""

from __future__ import annotations

import re
import unicodedata

import regex

# The stdlib engine scans these plain character classes several times faster than ``regex``.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\u0085\u2028\u2029]")
# Spaces to change: a run of two or more, or one that is not the plain space (rare, so a block
# with neither is not rebuilt)
_SPACE = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_SPACES = re.compile(rf"{_SPACE}{{2,}}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Control characters (but the newline and the tab), zero-width characters, bidi marks, soft hyphen
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2060-\u2064\u202a-\u202e\ufeff]")
_HYPHENS = re.compile("[\u2010\u2011\u2212\ufe63\uff0d]")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"})
_QUOTES = str.maketrans(
    {**{c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02"}, **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\uff07"}}
)

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# The two vowels ending a whole syllable: o+a, o+e or u+y with the tone on the last, after
# nothing but a consonant onset ("quý" cannot match: its u is preceded by a letter). The
# match starts at the vowels, which the engine finds fast, and looks back for the onset.
_OLD_TONE_PLACEMENT = regex.compile(
    r"(?<=(?<!\p{L})[bcdđghklmnprstvx]*)(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})",
    flags=regex.IGNORECASE,
)


def _move_tone(match: regex.Match) -> str:
    first, last = match.group()
    decomposed = unicodedata.normalize("NFD", last)
    tone = "".join(c for c in decomposed if c in _TONES)
    bare = "".join(c for c in decomposed if c not in _TONES)
    return unicodedata.normalize("NFC", first + tone) + unicodedata.normalize("NFC", bare)


def modern_tone_placement(text: str) -> str:
    """Old-style tone placement moved to the modern style.

    >>> modern_tone_placement("Uỷ ban hoà giải, THUỶ LỢI, khoẻ mạnh, quý, hoàng")
    'Ủy ban hòa giải, THỦY LỢI, khỏe mạnh, quý, hoàng'
    """
    return _OLD_TONE_PLACEMENT.sub(_move_tone, text)


def normalize(text: str) -> str:
    """The normalized form of one block's text (see the module docstring).

    NFD input gives exactly the result of NFC input:

    >>> normalize("Ho\u0300a") == normalize("Hòa") == "Hòa"
    True
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    text = modern_tone_placement(_HYPHENS.sub("-", text))
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip(" ") for line in text.split("\n")).strip("\n")


def fold_dashes(text: str) -> str:
    """Every dash and hyphen as ASCII "-", for matching.

    >>> fold_dashes("10 – KH/BDVTU—x")
    '10 - KH/BDVTU-x'
    """
    return text.translate(_DASHES)


def fold_quotes(text: str) -> str:
    """Curly and angled quotes as ASCII quotes, for matching.

    >>> fold_quotes("“Dân biết” ‘x’")
    '"Dân biết" \\'x\\''
    """
    return text.translate(_QUOTES)
