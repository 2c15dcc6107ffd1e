"""Vietnamese text written the way old Windows software wrote it, for reader tests."""

from __future__ import annotations

import unicodedata

TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """As Windows-1258 writes Vietnamese: a letter it has whole, else its base letter then the tone mark.

        >>> windows_1258("Kết")
        b'K\\xea\\xect'
    """
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
            out += base.encode("cp1258") + "".join(c for c in decomposed if c in TONES).encode("cp1258")
    return bytes(out)
