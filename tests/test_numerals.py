from decimal import Decimal

import pytest

from luohu_cli.numerals import parse_number

NUMERAL_CASES = {
    "arabic": ("2630.2", "2630.2"),
    "arabic-thousands": ("2,550,367", "2550367"),
    "arabic-trailing-zero-kept": ("6.0", "6.0"),
    "chinese-simple": ("八", "8"),
    "chinese-ten": ("十", "10"),
    "chinese-teen": ("十二", "12"),
    "chinese-compound": ("六千二百六十一", "6261"),
    "chinese-with-zero": ("一千零五", "1005"),
    "chinese-decimal": ("七点八", "7.8"),
    "chinese-decimal-traditional": ("七點八", "7.8"),
    "chinese-positional-year": ("二〇〇九", "2009"),
    "chinese-liang": ("两", "2"),
    "chinese-bare-thousand": ("千", "1000"),
    "chinese-bare-hundred": ("百", "100"),
    "chinese-big-unit": ("三万五千", "35000"),
    "chinese-wan-inside": ("十二万三千四百零五", "123405"),
    "chinese-yi-then-wan": ("三亿五千万", "350000000"),
    "chinese-yi-zero-then-wan": ("三亿零五百万", "305000000"),
    "chinese-wan-yi": ("两万亿", "2000000000000"),
    "chinese-wan-before-yi": ("一万二千亿", "1200000000000"),
    "chinese-bare-wan": ("万", "10000"),
}


@pytest.mark.parametrize("text, expected", NUMERAL_CASES.values(), ids=NUMERAL_CASES.keys())
def test_parse_number(text, expected):
    value = parse_number(text)
    assert isinstance(value, Decimal)
    assert str(value) == expected


def test_not_a_numeral():
    with pytest.raises(ValueError):
        parse_number("一般")


@pytest.mark.parametrize("text", ["十四五", "十四五十四五", "三千五六", "二十三四"])
def test_two_digits_without_a_unit_between_them_are_no_numeral(text):
    """十四五 is the 14th five-year plan, not 15 (the last digit used to win)."""
    with pytest.raises(ValueError):
        parse_number(text)
