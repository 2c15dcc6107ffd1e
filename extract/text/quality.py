"""How much a text looks like real Vietnamese: the share of its words that are valid
Vietnamese syllables.

    >>> vietnamese_score("Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở")
    1.0
    >>> vietnamese_score("B¸o c¸o kÕt qu¶ thùc hiÖn quy chÕ d©n chñ")
    0.2

A syllable is an onset, a rhyme and at most one tone mark, with the rule that rhymes
ending in -c, -ch, -p, -t take only the sắc or nặng tone; onsets and rhymes come from
``extract/data/vi_syllable_parts.tsv``. Words with digits, abbreviations in capitals
("UBND", "HĐND") and single letters say nothing either way and are not counted.
Mojibake ("B¸o", "Ch-¬ng", "Bá»™"), OCR junk and the output of a PDF font with a wrong
ToUnicode map fail the syllable test, so a low score is a reason to convert or OCR.
"""

from __future__ import annotations

import csv
import unicodedata
from functools import cache
from pathlib import Path

import regex

DATA = Path(__file__).resolve().parent.parent / "data"

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_STOP_TONES = {"", "\u0301", "\u0323"}  # the only tones a rhyme ending in a stop consonant takes
_STOP_FINALS = ("c", "ch", "p", "t")

# Words are cut at spaces, hyphens and slashes; punctuation around a word is not part of it.
# The Latin-1 symbols of legacy encodings ("¸", "¶", "µ", "«" …) are deliberately kept.
_WORD_SPLIT = regex.compile(r"[\s\-/\u2010-\u2015\u2212]+")
_EDGE_PUNCT = "\"'.,;:!?()[]{}<>“”‘’…*•+=%&|_~`^"
_ABBREVIATION = regex.compile(r"[A-ZĐ][A-Za-zĐđ]*[A-ZĐ][A-Za-zĐđ]*")


@cache
def _parts() -> tuple[tuple[str, ...], frozenset[str]]:
    onsets, rhymes = [""], set()
    with open(DATA / "vi_syllable_parts.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            (onsets.append if row["part"] == "onset" else rhymes.add)(row["value"])
    return tuple(sorted(onsets, key=len, reverse=True)), frozenset(rhymes)


def split_tone(syllable: str) -> tuple[str, str] | None:
    """The syllable without its tone mark, and the mark ("" for none); None for two marks.

    >>> split_tone("Việt")
    ('viêt', '̣')
    """
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return None
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return bare, (tones[0] if tones else "")


@cache
def is_syllable(word: str) -> bool:
    """True if ``word`` is a well-formed Vietnamese syllable.

    >>> is_syllable("nghiêng"), is_syllable("Quyết"), is_syllable("thuỷ"), is_syllable("kÕt")
    (True, True, True, False)
    >>> is_syllable("các"), is_syllable("càc")
    (True, False)
    """
    split = split_tone(word)
    if split is None:
        return False
    bare, tone = split
    onsets, rhymes = _parts()
    for onset in onsets:
        if bare.startswith(onset):
            rhyme = bare[len(onset):]
            if rhyme in rhymes and (tone in _STOP_TONES or not rhyme.endswith(_STOP_FINALS)):
                return True
    return False


def words(text: str) -> list[str]:
    """The words of ``text`` that count for the score (see the module docstring)."""
    counted = []
    for raw in _WORD_SPLIT.split(unicodedata.normalize("NFC", text)):
        word = raw.strip(_EDGE_PUNCT)
        if len(word) < 2 or any(c.isdigit() for c in word) or not any(c.isalpha() for c in word):
            continue
        if _ABBREVIATION.fullmatch(word) and not is_syllable(word):
            continue
        counted.append(word)
    return counted


def vietnamese_score(text: str) -> float:
    """Share of counted words that are valid Vietnamese syllables, in [0, 1]; 0.0 when
    the text has no word to judge."""
    counted = words(text)
    if not counted:
        return 0.0
    return sum(1 for w in counted if is_syllable(w)) / len(counted)
