"""Vietnamese number writing: digits with a decimal comma and a thousands dot, and
numbers spelled out in words.

    >>> parse_number("41,4"), parse_number("1.234.567"), parse_number("12.345,6")
    (41.4, 1234567.0, 12345.6)
    >>> parse_vietnamese_number_words("một trăm linh năm")
    105.0
    >>> format_number(1234567.5)
    '1.234.567,5'

How :func:`parse_number` reads separators (the ``vi`` locale: "," decimal, "." group):

- digits only, leading zeros allowed: "04" → 4;
- dots between groups of exactly three digits are thousands: "1.234" → 1234,
  "1.234.567" → 1234567; a comma after them starts the decimals: "12.345,6";
- one comma is the decimal mark, whatever follows: "41,4" → 41.4, "1,234" → 1.234;
- several commas between groups of three (and optionally a dot then decimals) are
  the English style: "1,234,567" → 1234567, "1,234,567.5" → 1234567.5;
- one dot followed by anything but three digits is an English decimal point:
  "3.5" → 3.5 (mixed English data);
- no-break or thin spaces between groups of three are thousands: "1 234 567";
- anything else is inconsistent and gives None: "1.23.4", "1,2,3", "1.234,5.6".

A leading "+", "-" or "−" sign is kept. The string must be the number alone
(surrounding spaces allowed).
"""

from __future__ import annotations

import math
import unicodedata
from decimal import Decimal

import regex

# Each form: its pattern (``int`` and ``frac`` groups) and the group separators to drop
# from ``int``. Forms are tried in order; the first that matches the whole string wins.
_FORMS: tuple[tuple[regex.Pattern, str], ...] = tuple(
    (regex.compile(pattern), group)
    for pattern, group in (
        (r"(?P<int>\d+)(?:,(?P<frac>\d+))?", ""),  # 04, 41,4 and 1,234 (one comma: decimals)
        (r"(?P<int>\d{1,3}(?:\.\d{3})+)(?:,(?P<frac>\d+))?", "."),  # 1.234.567 and 12.345,6
        (r"(?P<int>\d{1,3}(?:,\d{3}){2,})(?:\.(?P<frac>\d+))?", ","),  # English 1,234,567(.5)
        (r"(?P<int>\d{1,3},\d{3})\.(?P<frac>\d+)", ","),  # English 1,234.5
        (r"(?P<int>\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+)(?:,(?P<frac>\d+))?", "\u00a0\u2009\u202f"),
        (r"(?P<int>\d+)\.(?!\d{3}$)(?P<frac>\d+)", ""),  # English decimal point: 3.5
    )
)


def parse_number(s: str) -> float | None:
    """The value of a number written the Vietnamese way, or None if it is not one.

    >>> [parse_number(x) for x in ("04", "1.234", "1,234", "1,234,567", "1.23.4", "5%")]
    [4.0, 1234.0, 1.234, 1234567.0, None, None]
    """
    s = s.strip()
    sign = ""
    if s[:1] in ("-", "+", "\u2212"):
        sign, s = ("" if s[0] == "+" else "-"), s[1:]
    for pattern, group in _FORMS:
        m = pattern.fullmatch(s)
        if m:
            digits = _ascii_digits(m["int"].translate(str.maketrans("", "", group)))
            frac = _ascii_digits(m["frac"] or "0")
            return None if digits is None or frac is None else float(f"{sign}{digits}.{frac}")
    return None


def _ascii_digits(digits: str) -> str | None:
    r"""Any script's decimal digits as ASCII ones, or None for a digit this Python does not know.

    ``regex``'s ``\d`` follows a newer Unicode than ``unicodedata`` (and ``float``): a
    Kawi digit "\U00011f51" matches ``\d`` but has no value here.

        >>> _ascii_digits("٤١"), _ascii_digits("\U00011f51")
        ('41', None)
    """
    if digits.isascii():
        return digits
    values = [unicodedata.decimal(ch, None) for ch in digits]
    return None if None in values else "".join(map(str, values))


def format_number(x: float, decimals: int | None = None) -> str:
    """``x`` written the Vietnamese way: thousands dot, decimal comma.

    With ``decimals=None`` the shortest digits that read back as ``x`` are written.

    >>> format_number(41.4), format_number(1234.0), format_number(0.5, 2), format_number(-1e7)
    ('41,4', '1.234', '0,50', '-10.000.000')
    """
    if not math.isfinite(x):
        raise ValueError(f"cannot write {x!r} as a Vietnamese number")
    value = Decimal(repr(float(x))) if decimals is None else round(Decimal(repr(float(x))), decimals)
    sign = "-" if value.is_signed() and value != 0 else ""
    text = format(abs(value), "f")
    int_part, _, frac = text.partition(".")
    if decimals is None:
        frac = frac.rstrip("0")
    grouped = f"{int(int_part):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


# Spelled-out numbers --------------------------------------------------------------

_DIGITS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
# Digit words that only stand after a tens word ("hai mươi mốt", "mười lăm", "ba mươi tư")
_AFTER_TENS_ONLY = {"mốt", "lăm", "nhăm", "tư"}
_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_ZERO_TENS = {"linh", "lẻ"}  # "một trăm linh năm" = 105


def parse_vietnamese_number_words(s: str) -> float | None:
    """The value of a number written in Vietnamese words, or None.

    >>> [parse_vietnamese_number_words(x) for x in ("hai", "ba mươi", "mười lăm", "hai mươi mốt")]
    [2.0, 30.0, 15.0, 21.0]
    >>> [parse_vietnamese_number_words(x) for x in ("một nửa", "hai nghìn tỷ", "ba phẩy năm", "hai hai")]
    [0.5, 2000000000000.0, 3.5, None]
    """
    words = unicodedata.normalize("NFC", s).lower().replace(",", " ").split()
    if "phẩy" in words:  # decimal point: "ba phẩy năm" = 3.5, "không phẩy không năm" = 0.05
        i = words.index("phẩy")
        whole, frac_words = _words_value(words[:i]), words[i + 1:]
        if whole is None or not frac_words:
            return None
        if all(w in _DIGITS and w not in _AFTER_TENS_ONLY for w in frac_words):
            frac = "".join(str(_DIGITS[w]) for w in frac_words)
        else:
            value = _words_value(frac_words)
            if value is None or value != int(value):
                return None
            frac = str(int(value))
        return float(f"{int(whole)}.{frac}") if whole == int(whole) else None
    return _words_value(words)


def _words_value(words: list[str]) -> float | None:
    if not words:
        return None
    if words == ["nửa"] or words == ["một", "nửa"]:
        return 0.5
    stack: list[tuple[float, float]] = []  # (value, scale) of finished big groups
    group = 0.0  # the part below a thousand being built
    digit: int | None = None  # a digit word waiting for what it multiplies
    last_word, last_unit = "", 1.0
    for word in words:
        if word in _DIGITS:
            if digit is not None:
                return None
            if word in _AFTER_TENS_ONLY and last_word not in ("mươi", "mười", "chục") and not (
                word == "tư" and last_word in _ZERO_TENS
            ):
                return None
            digit = _DIGITS[word]
        elif word == "mười":
            if digit is not None or group % 100:
                return None
            group += 10
            last_unit = 10
        elif word in ("mươi", "chục"):
            if digit is None or digit < (2 if word == "mươi" else 1) or group % 100:
                return None
            group += digit * 10
            digit, last_unit = None, 10
        elif word == "trăm":
            if group:  # hundreds come first in a group
                return None
            group += (1 if digit is None else digit) * 100
            digit, last_unit = None, 100
        elif word in _ZERO_TENS:
            if last_word != "trăm" and last_word not in _SCALES:
                return None
        elif word in _SCALES:
            scale = _SCALES[word]
            amount = group + (digit or 0)
            while stack and stack[-1][1] < scale:
                amount += stack.pop()[0]
            stack.append(((amount or 1) * scale, scale))
            group, digit, last_unit = 0.0, None, scale
        elif word == "rưỡi":  # half of the last unit: "một trăm rưỡi" = 150
            if digit is not None or last_word not in (*_SCALES, "trăm", "mươi", "mười"):
                return None
            group += last_unit / 2 if last_unit < 1000 else 0
            if last_unit >= 1000:
                value, scale = stack.pop()
                stack.append((value + last_unit / 2, scale))
        else:
            return None
        last_word = word
    return sum(v for v, _ in stack) + group + (digit or 0)
