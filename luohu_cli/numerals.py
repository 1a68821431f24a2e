"""Parse matched numerals, Arabic or Chinese, to exact Decimals.

Only spans that figures.py has already matched are parsed here, so a parser
never sees running text (一般 stays a word).
"""
from __future__ import annotations

from decimal import Decimal

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
POINT = ("点", "點")


def parse_arabic(text: str) -> Decimal:
    """'2,550,367' -> Decimal('2550367'); '2630.2' -> Decimal('2630.2').

    >>> parse_arabic("1,258.7")
    Decimal('1258.7')
    """
    return Decimal(text.replace(",", ""))


def parse_chinese(text: str) -> Decimal:
    """A Chinese numeral to a Decimal.

    >>> parse_chinese("六千二百六十一")
    Decimal('6261')
    >>> parse_chinese("七点八")
    Decimal('7.8')
    >>> parse_chinese("二〇〇九")
    Decimal('2009')
    >>> parse_chinese("十二")
    Decimal('12')
    >>> parse_chinese("千")
    Decimal('1000')
    >>> parse_chinese("十二万三千四百零五")
    Decimal('123405')
    >>> parse_chinese("一千零五")
    Decimal('1005')
    >>> parse_chinese("十四五")
    Traceback (most recent call last):
    ValueError: not a Chinese numeral: '十四五'
    """
    for point in POINT:
        if point in text:
            whole, frac = text.split(point, 1)
            if not frac or any(c not in DIGITS for c in frac):
                raise ValueError(f"not a Chinese numeral: {text!r}")
            decimals = "".join(str(DIGITS[c]) for c in frac)
            return Decimal(f"{parse_chinese(whole) if whole else 0}.{decimals}")
    if text and all(c in DIGITS for c in text) and len(text) > 1:
        return Decimal("".join(str(DIGITS[c]) for c in text))  # positional: 二〇〇九
    return Decimal(_integer(text))


def _integer(text: str) -> int:
    """Split at the largest magnitude: 三亿五千万 = 三 x 亿 + 五千万; 两万亿 = 两万 x 亿."""
    big = [c for c in text if c in BIG_UNITS]
    if big:
        unit = max(big, key=BIG_UNITS.__getitem__)
        at = text.rindex(unit)
        left, right = text[:at], text[at + 1:]
        return (_integer(left) if left else 1) * BIG_UNITS[unit] + (_integer(right) if right else 0)
    section = 0
    digit = None
    for c in text:
        if c in DIGITS:
            if digit:  # 十四五: two digits with no unit between them are no numeral
                raise ValueError(f"not a Chinese numeral: {text!r}")
            digit = DIGITS[c]
        elif c in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[c]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return section + (digit or 0)


def parse_number(text: str) -> Decimal:
    """Arabic or Chinese, whichever `text` is.

    >>> parse_number("3.4")
    Decimal('3.4')
    >>> parse_number("百")
    Decimal('100')
    """
    if text[:1].isdigit() and text[:1].isascii():
        return parse_arabic(text)
    return parse_chinese(text)
