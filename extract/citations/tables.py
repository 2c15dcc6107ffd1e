"""Reference tables the citation patterns are built from, loaded once.

    >>> doc_type_for_word("nghị định").type_code, doc_type_for_word("Nghị định").normative
    ('NĐ', True)
    >>> canonical_type_code("QD"), canonical_type_code("ctr"), canonical_type_code("XYZ")
    ('QĐ', 'CTr', None)
    >>> code_name("QĐ")
    'Quyết định'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class DocType:
    word: str  # as written before the number: "Nghị định"
    doc_type: str  # full name reported in the citation
    type_code: str  # the code this type carries in a số ký hiệu
    key_code: str  # the key's first part when the symbol has no type code (Luật, công văn)
    short_form: bool  # "<word> <number>" alone refers to a document of this type
    normative: bool  # always a legal normative document: its key carries the year
    short_code: bool  # "QĐ932", "NQ 18": the bare code with a number is a short form


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def fold(s: str) -> str:
    """Vietnamese letters without their marks, đ → d: ``fold("Nghị định") == "Nghi dinh"``."""
    import unicodedata

    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


@cache
def doc_types() -> tuple[DocType, ...]:
    """Every type word, longest first so that "Nghị quyết liên tịch" wins over "Nghị quyết"."""
    rows = [
        DocType(r["word"], r["doc_type"], r["code"], r["key_code"], r["short_form"] == "yes", r["normative"] == "yes",
                r["short_code"] == "yes")
        for r in _rows("citation_types.tsv")
    ]
    return tuple(sorted(rows, key=lambda t: -len(t.word)))


@cache
def _by_word() -> dict[str, DocType]:
    table: dict[str, DocType] = {}
    for t in doc_types():
        table.setdefault(fold(t.word).casefold(), t)
    return table


def doc_type_for_word(word: str) -> DocType:
    return _by_word()[fold(" ".join(word.split())).casefold()]


@cache
def _code_names() -> dict[str, str]:
    """Type code → full name; the ND 30 table's "(cá biệt)"-style notes are dropped."""
    names: dict[str, str] = {}
    for r in _rows("doc_types.tsv"):
        code = r["abbreviation"]
        if code != "(none)":
            names.setdefault(code, regex.sub(r"\s*\(.*?\)\s*", "", r["full_name"]).strip())
    for t in doc_types():
        names.setdefault(t.type_code, t.doc_type)
    return names


def code_name(code: str) -> str | None:
    return _code_names().get(code)


@cache
def _canonical_codes() -> dict[str, str]:
    """Upper-case spelling → code, then the đ-less OCR spelling where it clashes with no real code."""
    exact = {code.upper(): code for code in _code_names()}
    folded = {}
    for upper, code in exact.items():
        f = fold(upper)
        if f not in exact:
            folded.setdefault(f, code)
    return {**folded, **exact}


def canonical_type_code(segment: str) -> str | None:
    return _canonical_codes().get(segment.upper().replace("0", "O"))


@cache
def _word_list(name: str) -> tuple[str, ...]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(l.strip() for l in lines if l.strip() and not l.startswith("#"))


@cache
def issuer_words() -> frozenset[str]:
    return frozenset(_word_list("issuer_words.txt"))


@cache
def law_names() -> tuple[str, ...]:
    """Names of laws, codes and ordinances, longest first: "Luật Hôn nhân và gia đình" ends
    where its name ends, not at the first lower-case word."""
    return tuple(sorted({r["name"] for r in _rows("law_names.tsv")}, key=len, reverse=True))


@cache
def organ_heads() -> tuple[str, ...]:
    return tuple(sorted(_word_list("organ_heads.txt"), key=len, reverse=True))


@cache
def task_bodies() -> dict[str, tuple[str, ...]]:
    """Head of a body named for its task ("Ban Chỉ đạo") → the words that open its remit."""
    bodies: dict[str, list[str]] = {}
    for r in _rows("task_bodies.tsv"):
        bodies.setdefault(r["head"], []).append(r["opener"])
    return {head: tuple(sorted(openers, key=len, reverse=True)) for head, openers in bodies.items()}
