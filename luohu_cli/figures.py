"""Find figures (number + unit spans) in the Simplified shadow of a report.

The pattern is generated from the vocabularies in data/ (units, magnitudes,
qualifiers), longest alternative first, and compiled once.  A figure knows its
value, unit and qualifier; naming, direction, year and kind come later.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from . import vocab
from .numerals import parse_number

ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE = r"[零〇○一二两三四五六七八九十百千][零〇○一二两三四五六七八九十百千点]*"
CN_DIGITS = "零〇○一二两三四五六七八九"
HUNDRED = Decimal(100)
TEN = Decimal(10)
BARE_MAGNITUDES = ("万", "亿", "万亿", "兆")  # a magnitude that may stand without a unit
UNIT_GROUPS = ("bare_mag", "bare_unit", "tw_mag", "tw_unit", "mag", "munit", "unit")
FRACTION_PLACES = 10


@dataclass(frozen=True)
class Figure:
    start: int          # span of the figure with its glued qualifier words
    end: int
    num_start: int      # where the number itself starts
    value: Decimal
    value_high: Decimal | None
    unit: str           # as written in the Simplified shadow (magnitude kept)
    base_value: Decimal
    base_unit: str
    family: str
    qualifier: str
    chinese: bool       # written in Chinese numerals
    unit_spans: tuple[tuple[int, int], ...] = ()  # where the unit's pieces are written


def _alternatives(items) -> str:
    return "|".join(regex.escape(w) for w in sorted(items, key=len, reverse=True))


def _magnitudes(mags, mag_units) -> str:
    """Magnitude words, each barred where it only starts a unit: 千 but not 千瓦."""
    alternatives = []
    for m in sorted(mags, key=len, reverse=True):
        rests = [u[len(m):] for u in mag_units if u.startswith(m)]
        guard = f"(?!{_alternatives(rests)})" if rests else ""
        alternatives.append(regex.escape(m) + guard)
    return "|".join(alternatives)


@lru_cache(maxsize=1)
def pattern() -> "regex.Pattern[str]":
    units = vocab.units()
    mags = vocab.magnitudes()
    # Units that begin with a magnitude character (千瓦, 千米) must win over 千 + 瓦.
    mag_units = [u for u in units if any(u.startswith(m) for m in mags)]
    plain_units = [u for u in units if u not in mag_units]
    num = rf"(?:{ARABIC}|{CHINESE})"
    return regex.compile(
        rf"""
        (?P<before>{_alternatives(vocab.qualifiers('before'))})?
        (?:
            百分之(?P<pct>{CHINESE})
          | (?P<den>{CHINESE})分之(?P<numer>{CHINESE})
          | (?<=近|超|逾|约|过|超过|将近|接近)(?P<bare_mag>万亿|亿|万|千)(?P<bare_unit>{_alternatives(plain_units)})
          | (?<=近|超|过|逾)(?P<half>半)(?!\p{{Han}}{{0,1}}[年月天])
          | (?P<tw_hi>\d+)(?P<tw_big>兆|万亿|亿|万)(?P<tw_lo>{ARABIC})(?P<tw_mag>亿|万)?(?P<tw_unit>{_alternatives(plain_units)})
          | (?P<sign>[-−])?(?P<num>{num})
            (?:(?:%|个百分点)?(?P<range>[-~—－至到])(?P<high>{num}))?
            (?P<inside>{_alternatives(vocab.qualifiers('inside'))})?
            (?P<mag>{_magnitudes(mags, mag_units)})?
            (?P<inside2>{_alternatives(vocab.qualifiers('inside'))})?
            (?:(?P<munit>{_alternatives(mag_units)})|(?P<unit>{_alternatives(plain_units)}))?
        )
        (?P<after>{_alternatives(vocab.qualifiers('after'))})?
        """,
        regex.VERBOSE,
    )


def find_figures(simple: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Figures in simple[start:end], in order.

    >>> [(f.value, f.unit, f.qualifier) for f in find_figures("金融业增加值近千亿元、增长9.2%")]
    [(Decimal('1000'), '亿元', '~'), (Decimal('9.2'), '%', '')]
    """
    end = len(simple) if end is None else end
    found: list[Figure] = []
    pos = start
    pat = pattern()
    while pos < end:
        m = pat.search(simple, pos, end)
        if m is None:
            break
        if m.group("before") and _inside_a_word(simple, m):
            pos = m.start("before") + len(m.group("before"))  # 签约|80名: read again after it
            continue
        try:
            fig = _figure(m, simple)
        except (ValueError, ArithmeticError):  # a numeral-looking run that is not one: 七点八千
            fig = None
        if fig is None:
            pos = m.start() + 1
            continue
        found.append(fig)
        pos = m.end()
    return found


def _inside_a_word(simple: str, m: "regex.Match[str]") -> bool:
    """True where the qualifier word ends another word: 签约, 附近."""
    at = m.start("before")
    return any(simple.endswith(word, 0, at + len(m.group("before")))
               for word in vocab.qualifiers("not") if len(word) > len(m.group("before")))


def _figure(m: "regex.Match[str]", simple: str) -> Figure | None:
    """A Figure from a match, or None where the match is not a figure."""
    if m.group("pct"):
        value = parse_number(m.group("pct"))
        return _make(m, value, None, "%", "", "%", "percent", chinese=True)
    if m.group("den"):
        den, numer = parse_number(m.group("den")), parse_number(m.group("numer"))
        if not den or numer > den:
            return None
        # A third has no exact decimal: the one place a figure is cut, at ten places.
        value = (numer * HUNDRED / den).normalize()
        if value.as_tuple().exponent < -FRACTION_PLACES:
            value = value.quantize(Decimal(1).scaleb(-FRACTION_PLACES))
        return _make(m, value, None, "%", "", "%", "percent", chinese=True)
    if m.group("bare_mag"):
        # 近万家: a magnitude with no digits before it counts one of it
        unit = m.group("bare_unit")
        base_unit, family = vocab.units()[unit]
        return _make(m, Decimal(1), None, m.group("bare_mag") + unit, m.group("bare_mag"),
                     base_unit, family, chinese=True)
    if m.group("half"):
        return _make(m, Decimal(50), None, "%", "", "%", "percent", chinese=True)
    if m.group("tw_hi"):
        # 4兆8,530亿元 is written 48530 亿元; 1万2,000个 is 12000 个
        mags = vocab.magnitudes()
        mag = m.group("tw_mag") or ""
        step = mags[m.group("tw_big")] / (mags[mag] if mag else 1)
        low = parse_number(m.group("tw_lo"))
        if low >= step:
            return None
        value = Decimal(m.group("tw_hi")) * step + low
        unit = m.group("tw_unit")
        base_unit, family = vocab.units()[unit]
        return _make(m, value, None, mag + unit, mag, base_unit, family, chinese=False)
    number = m.group("num")
    mag = m.group("mag") or ""
    unit = m.group("munit") or m.group("unit") or ""
    chinese = not number[0].isdigit()
    if not unit and mag not in BARE_MAGNITUDES:
        return None  # 20多万 counts; 110千(伏) does not
    if not _number_stands_alone(m, simple, chinese):
        return None
    value = parse_number(number)
    high = parse_number(m.group("high")) if m.group("high") else None
    if m.group("sign"):
        value = -value
    base_unit, family = vocab.units().get(unit, ("", "count"))
    if chinese and not _chinese_is_quantity(m, number, value, family, unit, mag):
        return None
    if family == "share" and not (chinese and value <= TEN):
        return None
    return _make(m, value, high, mag + unit, mag, base_unit, family, chinese)


def _number_stands_alone(m: "regex.Match[str]", simple: str, chinese: bool) -> bool:
    """False for numbers glued to codes and names: PM2.5, B1地块, 第八届, 1+3+N, 12345."""
    num_start = m.start("sign") if m.group("sign") else m.start("num")
    before = simple[num_start - 1] if num_start else ""
    after = simple[m.end("num")] if m.end("num") < len(simple) else ""
    if before.isascii() and (before.isalnum() or before in "+.") and before:
        return False
    if after in "+" and after:
        return False
    if chinese and before and before in CN_DIGITS + "十百千万亿":
        return False
    for word in vocab.exclusions("ordinal"):
        if simple.endswith(word, 0, num_start):
            return False
    return True


def _chinese_is_quantity(m, number: str, value: Decimal, family: str, unit: str, mag: str) -> bool:
    """Chinese numerals quantify only in some shapes.

    A bare magnitude (千亿元, 万家) needs a qualifier (近千亿元); a small count
    (一批, 两个确立, 十条) is a phrase, not a figure; 十条 and 二十条 name policies.
    """
    if all(c in "十百千" for c in number) and not m.group("before"):
        return False
    if family in ("count", "duration") and not mag and not m.group("before") and value <= TEN:
        return False
    if unit in vocab.exclusions("policy"):
        return False
    return True


def _make(m, value, high, unit, mag, base_unit, family, chinese) -> Figure:
    if family == "share":
        base = _plain(value * TEN)
    elif mag:
        base = _plain(value * vocab.magnitudes()[mag])
    else:
        base = value  # no magnitude: exactly as written (6.0 stays 6.0)
    qualifier = ""
    if m.group("before"):
        qualifier = vocab.qualifiers("before")[m.group("before")]
    for group in ("inside", "inside2"):  # 20多万, 2万多户
        if m.group(group):
            qualifier = vocab.qualifiers("inside")[m.group(group)]
    if m.group("after"):
        qualifier = vocab.qualifiers("after")[m.group("after")]
    num_start = m.start("sign") if m.group("sign") else (
        m.start("num") if m.group("num") else m.start() + len(m.group("before") or ""))
    spans = tuple(m.span(g) for g in UNIT_GROUPS if m.group(g))
    return Figure(
        unit_spans=spans,
        start=m.start(), end=m.end(), num_start=num_start,
        value=value, value_high=high, unit=unit,
        base_value=base, base_unit=base_unit, family=family,
        qualifier=qualifier, chinese=chinese,
    )


def _plain(d: Decimal) -> Decimal:
    """Drop trailing zeros a magnitude brought in, without rounding.

    2630.2 x 1e8 = 263020000000.0 -> 263020000000; 1.35 x 1e8 -> 135000000.
    """
    n = d.normalize()
    if n == n.to_integral_value():
        return n.quantize(Decimal(1))
    return n
