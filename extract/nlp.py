"""Vietnamese word segmentation, part-of-speech tags and chunks from underthesea, loaded lazily.

    >>> pos_tag("Tỷ lệ công chức có trình độ thạc sĩ")  # doctest: +SKIP
    [('Tỷ lệ', 'N'), ('công chức', 'N'), ('có', 'V'), ('trình độ', 'N'), ('thạc sĩ', 'N')]

``import extract.nlp`` costs nothing: underthesea (0.3 s to import, a CRF model to
load on the first call) is imported by the first function called. Results are
cached per string, since extractors ask about the same short phrases again.
"""

from __future__ import annotations

from functools import cache


@cache
def _underthesea():
    import underthesea

    return underthesea


@cache
def word_tokenize(text: str) -> tuple[str, ...]:
    """Words (multi-syllable ones joined by a space): "thủ tục hành chính" → ('thủ tục', 'hành chính')."""
    return tuple(_underthesea().word_tokenize(text))


@cache
def pos_tag(text: str) -> tuple[tuple[str, str], ...]:
    """(word, tag) pairs; tags as in VLSP: N noun, Np proper noun, V verb, A adjective, R adverb,
    C conjunction, E preposition, P pronoun, M number, CH punctuation."""
    return tuple(tuple(pair) for pair in _underthesea().pos_tag(text))


@cache
def chunk(text: str) -> tuple[tuple[str, str, str], ...]:
    """(word, tag, chunk) triples, chunk in IOB form: B-NP, I-NP, B-VP …"""
    return tuple(tuple(t) for t in _underthesea().chunk(text))
