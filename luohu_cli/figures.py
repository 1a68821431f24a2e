"""Find figures (number + unit spans) in the Simplified shadow of a report.

The pattern is generated from the vocabularies in data/ (units, magnitudes,
qualifiers), longest alternative first, and compiled once.  A figure knows its
value, unit and qualifier; naming, direction, year and kind come later.

Rules decided once (each pinned by a case in tests/test_real_figures.py):

- The small-count line.  A Chinese numeral of ten or less with a measure word,
  no magnitude and no qualifier is a phrase (两个确立, 四个全面, 五个新城,
  八项规定) unless the measure word is concrete (建成污水处理厂五座, 两处:
  data/small_counts.tsv `concrete`) or a counting word opens its clause
  (新增三个, 新增国家级开发区三个: `verb`).  一 + measure word is the article
  (一批, 一张蓝图), 二 + measure word an ordinal (二期, 二轮: a count says 两),
  and 期 a phase (三期工程): these never count.  Arabic counts always count.
  A small Chinese duration is a measure only where a limit or a
  keeps-duration word follows it (三天内办结, 两个月内完成), as Arabic ones.
- 翻一番 is a doubling: value 1, unit 番, base_value 100 (%): the increase it
  means; 翻两番 is 300 %, 翻番 alone 100 %.
- A streak (连续5年, 连续16个季度), a rank (第9位, 排名提升6位, 提升5个位次),
  a grade (千亿级, 300万吨级), a session (十一次全会) and the report's outline
  (10个方面) are not figures.
- A figure right after a count's measure word names the class counted
  (4个过千亿产业, 2个1类创新药: the record is the count); a bare 十/百/千
  counts with 余/多 as with a qualifier (千余家: > 1000 家); 2倍多 is > 2 倍.
- A bare magnitude listed before a figure with the same magnitude and a unit
  takes its unit (1409万、1305万人次: both 万人次).
- A decimal with no unit is a ratio or a score only where a word naming one
  stands earlier in its clause (收入比缩小至2.12: 2.12 :1; 满意度从84.7提升至89.6;
  data/bare_figures.tsv).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

import regex

from . import vocab
from .numerals import DIGITS, parse_number

# Numbers are read to at most 18 digits before the point and 12 after it (a
# figure in the trillions of 元 needs 13): a longer run is a code or garbage,
# and the bound keeps every figure, and so every base value, short.
ARABIC = r"\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,12})?|\d{1,18}(?:\.\d{1,12})?"
CN_DIGITS = "零〇○一二两三四五六七八九"
_CN = "零〇○一二两三四五六七八九十百千"
# 十二万三千四百零五, 三亿五千万: a magnitude inside a numeral joins groups of
# digits, and then the numeral's own last magnitude belongs to it too.
CHINESE = rf"[{_CN}][{_CN}点]{{0,15}}(?:(?:[万亿][{_CN}]{{1,10}}){{1,4}}(?:万亿|亿|万)?)?"
HUNDRED = Decimal(100)
TEN = Decimal(10)
BARE_MAGNITUDES = ("万", "亿", "万亿", "兆")  # a magnitude that may stand without a unit
UNIT_GROUPS = ("bare_mag", "bare_unit", "tw_mag", "tw_unit", "mag", "munit", "unit", "per", "ratio_unit")
FRACTION_PLACES = 10
RUN_CHARS = frozenset(CN_DIGITS + "十百千万亿")
CLAUSE_MARKS = frozenset("，,。；;：:、！!？?（(“\r\n")
# what may stand before a count's measure word (3个, 两个, 多个, 1.2万个)
COUNTED = frozenset("0123456789多几" + CN_DIGITS + "十百千万亿")
LIST_JOINERS = frozenset(("、", "和", "及", "与"))
# Abbreviations glued to the figure they name (GDP31.4亿元, R&D3.2%) are read
# when at least this long; shorter runs are codes or damage (U13, B1, IL0%).
GLUED_NAME = regex.compile(r"[A-Za-z][A-Za-z&]{2,}$")
GLUED_FAMILIES = ("money", "percent", "permille", "points", "multiple")


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


def alternatives(items) -> str:
    """A pattern matching any of items, the longest first where two start together."""
    return "|".join(regex.escape(w) for w in sorted(items, key=len, reverse=True))


def _magnitudes(mags, mag_units) -> str:
    """Magnitude words, each barred where it only starts a unit: 千 but not 千瓦."""
    options = []
    for m in sorted(mags, key=len, reverse=True):
        rests = [u[len(m):] for u in mag_units if u.startswith(m)]
        guard = f"(?!{alternatives(rests)})" if rests else ""
        options.append(regex.escape(m) + guard)
    return "|".join(options)


@lru_cache(maxsize=1)
def pattern() -> "regex.Pattern[str]":
    units = vocab.units()
    mags = vocab.magnitudes()
    # Units that begin with a magnitude character (千瓦, 千米) must win over 千 + 瓦.
    mag_units = [u for u in units if any(u.startswith(m) for m in mags)]
    plain_units = [u for u in units if u not in mag_units]
    num = rf"(?:{ARABIC}|{CHINESE})"
    before = alternatives(vocab.qualifiers("before"))
    bare_before = alternatives(vocab.qualifiers("bare"))
    return regex.compile(
        rf"""
        (?:(?P<before>{before})|(?P<upper>{bare_before})(?=[百千万亿]))?
        (?:
            百分之(?P<pct>{CHINESE})
          | (?P<den>{CHINESE})分之(?P<numer>{CHINESE})
          | (?<![\d/.,])(?P<sl_num>\d{{1,3}})/(?P<sl_den>\d{{1,3}})(?![\d/]|\.\d)
          | (?P<fan>(?<=翻了?)[一两二三四五六七八九十]?番)
          | (?<![\d.:∶：])(?P<ratio>{ARABIC})(?P<ratio_unit>[:∶：]1)(?![\d.:∶：])
          | (?<={before}|{bare_before})(?P<bare_mag>万亿|亿|万)(?P<bare_unit>{alternatives(plain_units)})
          | (?<=近|超|过|逾)(?P<half>半)(?!\p{{Han}}{{0,1}}[年月天])
          | (?P<tw_hi>\d+)(?P<tw_big>兆|万亿|亿|万)
            (?:(?P<tw_lo>{ARABIC})(?P<tw_mag>亿|万)|(?P<tw_full>\d,\d{{3}}|\d{{4}})(?![\d.]))
            (?P<tw_unit>{alternatives(plain_units)})
          | (?P<sign>[-−])?(?P<num>{num})
            (?:(?:%|个百分点)?(?P<range>[-~—－至到])(?P<high>{num}))?
            (?P<inside>{alternatives(vocab.qualifiers('inside'))})?
            (?P<mag>{_magnitudes(mags, mag_units)})?
            (?P<inside2>{alternatives(vocab.qualifiers('inside'))})?
            (?:(?:(?P<munit>{alternatives(mag_units)})|(?P<unit>{alternatives(plain_units)}))
               (?P<per>/(?:{alternatives(vocab.words("per_units.txt"))}))?)?
        )
        (?:(?P<after>{alternatives(vocab.qualifiers('after'))})|(?<=[倍番])(?P<after_inside>{alternatives(vocab.qualifiers('inside'))}))?
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
        found_at = pat.search(simple, pos, end)
        if found_at is None:
            break
        m = _Read(found_at)
        if m.group("before") and _inside_a_word(simple, m):
            pos = m.start("before") + len(m.group("before"))  # 签约|80名: read again after it
            continue
        try:
            fig = _figure(m, simple)
        except (ValueError, ArithmeticError):  # a numeral-looking run that is not one: 七点八千
            fig = None
        if fig is not None and _followed_by(simple, fig.end, "grade"):
            fig = None  # 千亿级, 300万吨级: a grade, not an amount
        if fig is not None and _after_a_count(simple, fig.start):
            fig = None  # 4个过千亿产业, 2个1类创新药: the class of what is counted
        if fig is None:
            pos = _next_start(simple, m.start() + 1, end)
            continue
        found.append(fig)
        pos = m.end()
    return _share_units(simple, found)


def _after_a_count(simple: str, at: int) -> bool:
    """True where a count's measure word stands right before `at`: 4个|过千亿产业,
    4个过|五千亿 (过 not read as a qualifier before a digit)."""
    if at and simple[at - 1] in _bare_qualifier_chars():
        at -= 1
    return at >= 2 and simple[at - 1] in _exclusion_words("count-class") and simple[at - 2] in COUNTED


@lru_cache(maxsize=1)
def _bare_qualifier_chars() -> str:
    return "".join(vocab.qualifiers("bare"))


def _share_units(simple: str, found: list[Figure]) -> list[Figure]:
    """1409万、1305万人次: a bare magnitude listed before a figure with the same
    magnitude and a unit takes that unit (分别为A万、B万人次)."""
    for i in range(len(found) - 2, -1, -1):
        fig, nxt = found[i], found[i + 1]
        if (fig.family == "count" and not fig.base_unit and fig.unit in BARE_MAGNITUDES
                and nxt.base_unit and len(nxt.unit) > len(fig.unit) and nxt.unit.startswith(fig.unit)
                and simple[fig.end:nxt.start] in LIST_JOINERS):
            found[i] = replace(fig, unit=nxt.unit, base_unit=nxt.base_unit, family=nxt.family,
                               unit_spans=fig.unit_spans + nxt.unit_spans[1:])
    return found


class _Read:
    """A match with its groups read once: `regex` looks a group up by name
    slowly, and a figure asks for thirty of them."""
    __slots__ = ("_m", "_g")

    def __init__(self, m: "regex.Match[str]") -> None:
        self._m = m
        self._g = dict(zip(_group_names(), m.groups()))

    def group(self, name: str) -> str | None:
        return self._g[name]

    def start(self, name: str | int = 0) -> int:
        return self._m.start(name)

    def end(self, name: str | int = 0) -> int:
        return self._m.end(name)

    def span(self, name: str | int = 0) -> tuple[int, int]:
        return self._m.span(name)


@lru_cache(maxsize=1)
def _group_names() -> tuple[str, ...]:
    index = pattern().groupindex
    return tuple(sorted(index, key=index.__getitem__))


def _next_start(simple: str, pos: int, end: int) -> int:
    """Where to search again after a failed match: past the rest of its digit run.

    A figure cannot start inside a run of digits (1|2345, 十|二万): the number
    before it makes it a code or part of a larger numeral.  Skipping the run
    keeps a long run (a table row, a garbled line) from being read again and
    again from each of its characters.
    """
    while pos < end and _same_run(simple[pos - 1], simple[pos]):
        pos += 1
    return pos


def _same_run(a: str, b: str) -> bool:
    if a.isascii() and a.isdigit():
        return b.isascii() and b.isdigit()
    return a in RUN_CHARS and b in RUN_CHARS


def _inside_a_word(simple: str, m: "regex.Match[str]") -> bool:
    """True where the qualifier word ends another word: 签约, 附近."""
    before = m.group("before")
    return simple.endswith(_longer_not_qualifiers(len(before)), 0, m.start("before") + len(before))


@lru_cache(maxsize=None)
def _longer_not_qualifiers(length: int) -> tuple[str, ...]:
    return tuple(w for w in vocab.qualifiers("not") if len(w) > length)


def _followed_by(simple: str, at: int, rule: str) -> bool:
    return simple.startswith(_exclusion_words(rule), at)


def _preceded_by(simple: str, at: int, rule: str) -> bool:
    return simple.endswith(_exclusion_words(rule), 0, at)


@lru_cache(maxsize=None)
def _exclusion_words(rule: str) -> tuple[str, ...]:
    """The words of one exclusion rule, as a tuple str.startswith takes whole."""
    return tuple(sorted(vocab.exclusions(rule)))


def _figure(m: "regex.Match[str]", simple: str) -> Figure | None:
    """A Figure from a match, or None where the match is not a figure."""
    if m.group("pct"):
        value = parse_number(m.group("pct"))
        return _make(m, value, None, "%", "", "%", "percent", chinese=True)
    if m.group("den"):
        return _fraction(m, parse_number(m.group("numer")), parse_number(m.group("den")), True)
    if m.group("sl_num"):
        # 2/3, 近1/4: a proper fraction, read as percent like 三分之二
        numer, den = Decimal(m.group("sl_num")), Decimal(m.group("sl_den"))
        if not 0 < numer < den or _code_before(simple, m.start("sl_num")):
            return None
        return _fraction(m, numer, den, False)
    if m.group("fan"):
        # 翻一番: doubled, an increase of 100 %; 翻两番: quadrupled, 300 %
        written = m.group("fan")[:-1]
        times = parse_number(written) if written else Decimal(1)
        if not 0 < times <= TEN:
            return None
        base = (2 ** int(times) - 1) * HUNDRED
        return _make(m, times, None, "番", "", "%", "percent", chinese=True, base=base)
    if m.group("ratio"):
        # 城乡居民收入比缩小至2.27:1: a ratio to one, read as its first term
        if _code_before(simple, m.start("ratio")):
            return None
        value = parse_number(m.group("ratio"))
        if value <= 1:
            return None  # 按1:1配套 is a rule, not a level
        return _make(m, value, None, m.group("ratio_unit"), "", ":1", "ratio", chinese=False)
    if m.group("bare_mag"):
        # 近万家, 突破万亿元: a magnitude with no digits before it counts one of it
        unit = m.group("bare_unit")
        base_unit, family = vocab.units()[unit]
        if not _unit_is_a_word(simple, m.start("bare_unit"), unit):
            return None
        return _make(m, Decimal(1), None, m.group("bare_mag") + unit, m.group("bare_mag"),
                     base_unit, family, chinese=True)
    if m.group("half"):
        return _make(m, Decimal(50), None, "%", "", "%", "percent", chinese=True)
    if m.group("tw_hi"):
        return _compound(m)
    return _plain_figure(m, simple)


def _fraction(m, numer: Decimal, den: Decimal, chinese: bool) -> Figure | None:
    if not den or numer > den:
        return None
    # A third has no exact decimal: the one place a figure is cut, at ten places.
    value = (numer * HUNDRED / den).normalize()
    if value.as_tuple().exponent < -FRACTION_PLACES:
        value = value.quantize(Decimal(1).scaleb(-FRACTION_PLACES))
    return _make(m, value, None, "%", "", "%", "percent", chinese=chinese)


def _compound(m) -> Figure | None:
    """4兆8,530亿元 is written 48530 亿元; 1万2,000个 is 12000 个.

    Without a second magnitude the low part must be written in full (2,000,
    0530): 390万65岁以上老年人 is 390万 people aged 65.
    """
    mags = vocab.magnitudes()
    mag = m.group("tw_mag") or ""
    step = mags[m.group("tw_big")] / (mags[mag] if mag else 1)
    low = parse_number(m.group("tw_lo") or m.group("tw_full"))
    if low >= step:
        return None
    value = Decimal(m.group("tw_hi")) * step + low
    unit = m.group("tw_unit")
    base_unit, family = vocab.units()[unit]
    return _make(m, value, None, mag + unit, mag, base_unit, family, chinese=False)


def _plain_figure(m, simple: str) -> Figure | None:
    number = m.group("num")
    mag = m.group("mag") or ""
    unit = m.group("munit") or m.group("unit") or ""
    chinese = not number[0].isdigit()
    if not unit and not mag and not chinese:
        return _bare_figure(m, simple, number)  # 收入比缩小至2.12
    if not unit and mag not in BARE_MAGNITUDES:
        return None  # 20多万 counts; 110千(伏) does not
    unit_start = m.start("munit") if m.group("munit") else m.start("unit")
    per = m.group("per") or ""  # 42万元/人, 1459万吨/年: a rate per person, per year
    if unit and not per and not _unit_is_a_word(simple, unit_start, unit):
        return None  # 36起成功 counts; 1对1, 两位数 do not
    base_unit, family = vocab.units().get(unit, ("", "count"))
    if per:
        unit, base_unit = unit + per, base_unit + per
    glued = family in GLUED_FAMILIES or (not unit and bool(mag))
    if not _number_stands_alone(m, simple, chinese, glued):
        return None
    pair = _adjacent_pair(number)
    if pair:  # 七八成, 两三家: two neighbouring digits say "this or the next"
        value, high = pair
    else:
        value = parse_number(number)
        high = parse_number(m.group("high")) if m.group("high") else None
    if m.group("sign"):
        value = -value
    if chinese and not _chinese_is_quantity(m, simple, number, value, family, unit, mag):
        return None
    if family == "share" and value > TEN:
        return None  # 20成 is no share
    if family == "years" and "." not in number:
        return None  # 11.7年 is a length of time; 2025年, 5年 are dates and spans
    if family == "count" and _followed_by(simple, m.end(), "count-noun"):
        return None  # 10个方面: the report's own outline; 提升5个位次: a rank
    if unit in vocab.exclusions("rank-unit") and _preceded_by(simple, m.start(), "rank-verb"):
        return None  # 排名提升6位
    return _make(m, value, high, mag + unit, mag, base_unit, family, chinese)


def _bare_figure(m, simple: str, number: str) -> Figure | None:
    """A ratio or a score written without a unit: 城乡居民收入比缩小至2.12,
    收入倍差从1.96缩小至1.81, 公众满意度从84.7提升至89.6.

    Only a decimal, only where a word that names a ratio or a score stands
    earlier in its clause (data/bare_figures.tsv `name`), and only where the
    clause ends after it or a change word follows (`next`: 从1.96缩小至).
    """
    if "." not in number or m.group("sign") or m.group("high") or m.group("inside") or m.group("inside2"):
        return None
    end = m.end()
    if end < len(simple) and simple[end] not in CLAUSE_MARKS and simple[end] not in "）)" \
            and not simple.startswith(_bare_words("next"), end):
        return None
    if not _number_stands_alone(m, simple, False, False):
        return None
    clause = _clause_before(simple, m.start("num"), 16)
    for word, base_unit in _bare_names():
        if word in clause:
            value = parse_number(number)
            if base_unit == ":1" and value <= 1:
                return None
            return _make(m, value, None, "", "", base_unit, "ratio" if base_unit else "score", chinese=False)
    return None


@lru_cache(maxsize=None)
def _bare_words(role: str) -> tuple[str, ...]:
    return tuple(row[1] for row in vocab.rows("bare_figures.tsv") if row[0] == role)


@lru_cache(maxsize=1)
def _bare_names() -> tuple[tuple[str, str], ...]:
    """(word, base unit) of the words that name a bare ratio (:1) or score ('')."""
    return tuple((row[1], row[2] if len(row) > 2 else "") for row in vocab.rows("bare_figures.tsv")
                 if row[0] == "name")


def _adjacent_pair(number: str) -> tuple[Decimal, Decimal] | None:
    """(7, 8) for 七八, (2, 3) for 两三; None for anything else (一二三, 二〇)."""
    if len(number) == 2 and all(c in DIGITS for c in number):
        low, high = DIGITS[number[0]], DIGITS[number[1]]
        if low >= 1 and high == low + 1:
            return Decimal(low), Decimal(high)
    return None


def _clause_before(simple: str, at: int, reach: int = 12) -> str:
    """The text before `at` back to the nearest punctuation, at most `reach` characters."""
    start = max(0, at - reach)
    for i in range(at - 1, start - 1, -1):
        if simple[i] in CLAUSE_MARKS:
            return simple[i + 1:at]
    return simple[start:at]


def _unit_is_a_word(simple: str, at: int, unit: str) -> bool:
    """False where the unit's characters begin another word: 成功, 对接, 只有, 位数, PB."""
    end = at + len(unit)
    if unit[-1].isascii() and unit[-1].isalpha() and end < len(simple) and (
            simple[end].isascii() and simple[end].isalnum()):
        return False
    return not simple.startswith(_words_starting_with(unit), at)


@lru_cache(maxsize=None)
def _words_starting_with(unit: str) -> tuple[str, ...]:
    """The not-unit words that begin with `unit` (成 -> 成功, 成为 …)."""
    return tuple(w for w in vocab.exclusions("not-unit") if w.startswith(unit))


def _code_before(simple: str, at: int) -> bool:
    before = simple[at - 1] if at else ""
    return bool(before) and before.isascii() and (before.isalnum() or before in "+._")


def _number_stands_alone(m: "regex.Match[str]", simple: str, chinese: bool, glued: bool) -> bool:
    """False for numbers glued to codes and names: PM2.5, B1地块, 第八届, 1+3+N, 12345.

    An abbreviation that names the figure may be glued to it: GDP31.4亿元.
    """
    num_start = m.start("sign") if m.group("sign") else m.start("num")
    before = simple[num_start - 1] if num_start else ""
    after = simple[m.end("num")] if m.end("num") < len(simple) else ""
    if _code_before(simple, num_start) and not (
            glued and GLUED_NAME.search(simple, max(0, num_start - 12), num_start)):
        return False
    if after in "+" and after:
        return False
    if chinese and before in RUN_CHARS:
        return False
    for rule in ("ordinal", "streak"):
        if _preceded_by(simple, num_start, rule):
            return False
    return True


def _chinese_is_quantity(m, simple: str, number: str, value: Decimal, family: str,
                         unit: str, mag: str) -> bool:
    """Chinese numerals quantify only in some shapes.

    A bare magnitude (千亿元, 万家) needs a qualifier (近千亿元, 上千家); a
    positional run (二〇二五, 一二三) is a year or a list, but two neighbouring
    digits are a range (七八成: 7 to 8); a small count is a
    phrase unless it is concrete or counted (see the module's doc); 十条 and
    二十条 name policies.
    """
    qualified = bool(m.group("before") or m.group("upper"))
    if all(c in "十百千" for c in number) and not (qualified or m.group("inside")):
        return False
    if len(number) > 1 and all(c in CN_DIGITS for c in number) and not _adjacent_pair(number):
        return False
    if unit in vocab.exclusions("policy"):
        return False
    if mag or qualified or value > TEN:
        return True
    if family == "duration":  # 三天内办结; but 一小时交通圈 describes
        return bool(m.group("after")) or any(
            simple.startswith(w, m.end()) for w in vocab.sentence_words("keeps-duration"))
    if family in ("count", "measure"):
        small = vocab.mapping("small_counts.tsv")
        if value <= 1 or number == "二" or small.get(unit) == "phrase":
            return False  # 一批 (the article), 二期 (an ordinal: counts say 两), 三期 (a phase)
        clause = _clause_before(simple, m.start("num"))
        return small.get(unit) == "concrete" or any(
            (word in clause if len(word) > 1 else clause.endswith(word))  # 共三个, not 公共
            for word, role in small.items() if role == "verb")
    return True


def _make(m, value, high, unit, mag, base_unit, family, chinese, base=None) -> Figure:
    if base is None:
        if family == "share":
            base = _plain(value * TEN)
        elif mag:
            base = _plain(value * vocab.magnitudes()[mag])
        else:
            base = value  # no magnitude: exactly as written (6.0 stays 6.0)
    qualifier = ""
    if m.group("before"):
        qualifier = vocab.qualifiers("before")[m.group("before")]
    if m.group("upper"):
        qualifier = vocab.qualifiers("bare")[m.group("upper")]
    for group in ("inside", "inside2"):  # 20多万, 2万多户
        if m.group(group):
            qualifier = vocab.qualifiers("inside")[m.group(group)]
    if m.group("after"):
        qualifier = vocab.qualifiers("after")[m.group("after")]
    if m.group("after_inside"):  # 增长2倍多, 翻了一番多
        qualifier = vocab.qualifiers("inside")[m.group("after_inside")]
    num_start = m.start("sign") if m.group("sign") else (
        m.start("num") if m.group("num") else m.start("ratio") if m.group("ratio") else
        m.start() + len(m.group("before") or m.group("upper") or ""))
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
