"""Pick records by what they say: section, year, period, kind, unit, name, value...

:class:`Criteria` holds the conditions; every one that is set must hold (AND);
a condition named in ``negated`` must not hold (``--not name``).
Names, units and ``grep`` patterns match across scripts: both sides are
compared in Simplified characters, so ``--name 生产总值`` finds 地區生產總值; a
name also matches through the equivalents ``diff`` pairs names with (规上 finds
规模以上工业增加值, GDP finds 地区生产总值).

:func:`sort_records` orders records by fields (``--sort``);
:func:`signed_change` is the sign rule of ``--change``.

    >>> from decimal import Decimal as D
    >>> r = Indicator("a", 9, 0, 4, "1.2", "一、 > （二）", 2022, "actual", "地區生產總值",
    ...               D("3.4"), "%", D("3.4"), "%", "", "up", "3.4%", "增長3.4%")
    >>> matches(r, Criteria(section="1", name="生产总值", minimum=D(3)))
    True
    >>> matches(r, Criteria(kind="target"))
    False
"""
from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

from .errors import LuohuError
from .model import FIELDS, Indicator

KINDS = ("actual", "target")
CHANGES = ("up", "down")
# Option value -> record value: "exact" and "level" name the empty value.
QUALIFIERS = {"exact": "", "~": "~", ">": ">", ">=": ">=", "<=": "<=", "<": "<"}
DIRECTIONS = {"up": "up", "down": "down", "level": ""}
SECTION_ID = regex.compile(r"\d+(?:\.\d+)*")
PERIOD = regex.compile(r"([0-9]{4})-([0-9]{4})")
NO_PERIOD = "none"  # the --period value that asks for single-year figures
GREP_TIMEOUT = 2.0  # seconds a --grep pattern may spend on all records together
# What a --grep pattern may be, so that compiling it is quick and small too
# (the regex engine unrolls counted repeats: a{4294967294} would take minutes
# and gigabytes before the first match): at most MAX_PATTERN_LENGTH
# characters, groups nested at most MAX_PATTERN_DEPTH deep, counted repeats
# ({n}, {n,m}) that multiply to at most MAX_PATTERN_SIZE elements, and no
# recursion ((?R), (?1), (?&name)), which can only loop.
MAX_PATTERN_LENGTH = 1000
MAX_PATTERN_DEPTH = 50
MAX_PATTERN_SIZE = 10_000
_REPEAT = regex.compile(r"\{(\d*)(?:,(\d*))?\}")
_RECURSION = regex.compile(r"\(\?(?:R|[+-]?\d+|&\w+|P>\w+)\)")
_BRACED_ESCAPES = frozenset("pPNxuUgLk")
_GROUP_PREFIX = regex.compile(r"\?(?:P?<\w+>|P=\w+\)|<[=!]|[:=!>|]|[a-zA-Z^-]*[:)])")


class CriteriaError(LuohuError, ValueError):
    """A criterion that cannot be used (bad section id, invalid pattern...)."""


class PatternTimeout(LuohuError):
    """A --grep pattern took too long: it backtracks without end."""


@dataclass(frozen=True)
class Criteria:
    """Conditions on records; None means "any". All set conditions must hold.

    ``section`` takes the section and everything under it (``2`` holds
    ``2.3``); ``""`` means the text before the first heading. ``qualifier``
    and ``direction`` take the record's values, or "exact" / "level" for
    the empty one. ``minimum`` and ``maximum`` bound ``base_value``, inclusive.
    ``period`` is a span of years (``2021-2025``) or "none" for single-year
    figures (an empty period). ``change`` is "up" or "down": the sign of
    :func:`signed_change`. ``negated`` names conditions (``name``,
    ``kind``, ...; ``minimum`` and ``maximum`` as ``min`` and ``max``) that must
    *not* hold; each must be set.
    """

    section: str | None = None
    year: int | None = None
    period: str | None = None
    kind: str | None = None
    unit: str | None = None
    base_unit: str | None = None
    name: str | None = None
    grep: str | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    qualifier: str | None = None
    direction: str | None = None
    change: str | None = None
    negated: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.section is not None:  # as written in outputs (§2.3) or bare (2.3)
            object.__setattr__(self, "section", self.section.strip().removeprefix("§"))
        if self.section not in (None, "") and not SECTION_ID.fullmatch(self.section):
            raise CriteriaError(f"not a section id: {self.section!r} (like 2, 2.3 or §2.3)")
        if self.period is not None and not is_period(self.period):
            raise CriteriaError(f"period is a span of years like 2021-2025, or none; "
                                f"not {self.period!r}")
        if self.kind is not None and self.kind not in KINDS:
            raise CriteriaError(f"kind is actual or target, not {self.kind!r}")
        if self.qualifier is not None and self.qualifier not in QUALIFIERS:
            raise CriteriaError(f"unknown qualifier {self.qualifier!r}")
        if self.direction is not None and self.direction not in DIRECTIONS:
            raise CriteriaError(f"direction is up, down or level, not {self.direction!r}")
        for bound in (self.minimum, self.maximum):
            if bound is not None and not bound.is_finite():
                raise CriteriaError(f"not a finite number: {bound}")
        if self.change is not None and self.change not in CHANGES:
            raise CriteriaError(f"change is up or down, not {self.change!r}")
        if self.grep is not None:
            compile_pattern(self.grep)
        object.__setattr__(self, "negated", frozenset(self.negated))
        for name in sorted(self.negated):
            attribute = NEGATABLE.get(name)
            if attribute is None:
                raise CriteriaError(f"--not takes a criterion ({', '.join(NEGATABLE)}), "
                                    f"not {name!r}")
            if getattr(self, attribute) is None:
                raise CriteriaError(f"--not {name}: no --{name} given to invert")

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self) if f.name != "negated")


# --not NAME -> the Criteria field it inverts (option names, as the user writes them)
NEGATABLE = {"section": "section", "year": "year", "period": "period", "kind": "kind",
             "unit": "unit", "base-unit": "base_unit", "name": "name", "grep": "grep",
             "min": "minimum", "max": "maximum", "qualifier": "qualifier",
             "direction": "direction", "change": "change"}


def is_period(text: str) -> bool:
    """Whether `text` is a --period value: ``none``, or first year-last year, first < last.

    >>> is_period("2021-2025"), is_period("none"), is_period("2025-2021"), is_period("2025")
    (True, True, False, False)
    """
    if text == NO_PERIOD:
        return True
    span = PERIOD.fullmatch(text)
    return span is not None and int(span[1]) < int(span[2])


MAGNITUDE_WORDS = regex.compile(r"(?:万亿|萬億|千亿|千億|百亿|百億|千万|千萬|百万|百萬|[万萬亿億兆千])+$")
MAGNITUDE_FACTORS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12,
                     "千": 10**3, "百": 10**2}


def parse_decimal(text: str) -> Decimal:
    """A bound as written on the command line; CriteriaError if it is no number.

    A number may end in magnitude words as reports write them (万 萬 亿 億 万亿
    兆 千, 百万 ...), in either script; full-width digits are digits.

    >>> parse_decimal("2.6e11"), parse_decimal("-2.0")
    (Decimal('2.6E+11'), Decimal('-2.0'))
    >>> parse_decimal("100亿"), parse_decimal("1億"), parse_decimal("5万"), parse_decimal("1.5万亿")
    (Decimal('10000000000'), Decimal('100000000'), Decimal('50000'), Decimal('1500000000000.0'))
    """
    plain = unicodedata.normalize("NFKC", text).strip()
    factor = 1
    words = MAGNITUDE_WORDS.search(plain)
    if words is not None and words.start() > 0:
        for ch in words.group():
            factor *= MAGNITUDE_FACTORS[ch]
        plain = plain[:words.start()].strip()
    try:
        number = Decimal(plain)
    except InvalidOperation:
        raise CriteriaError(f"not a number: {text!r} (write 1e8, 100亿, 5万 ...)") from None
    if not number.is_finite():
        raise CriteriaError(f"not a finite number: {text!r}")
    return number * factor if factor != 1 else number


@lru_cache(maxsize=32)
def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """The --grep pattern, compiled on its Simplified form; CriteriaError if invalid.

    A pattern beyond the limits above is refused before it is compiled:

        >>> compile_pattern("a{4294967294}")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        luohu_cli.select.CriteriaError: pattern 'a{4294967294}' repeats too much: ...
    """
    check_pattern(pattern)
    try:
        return regex.compile(_simple(pattern))
    except regex.error as err:
        raise CriteriaError(f"invalid pattern {_shown(pattern)}: {err}") from None
    except (RecursionError, MemoryError, OverflowError, ValueError, IndexError) as err:
        raise CriteriaError(f"pattern {_shown(pattern)} cannot be compiled "
                            f"({type(err).__name__}); simplify it") from None


def check_pattern(pattern: str) -> None:
    """CriteriaError if `pattern` is longer, deeper, bigger or more recursive than allowed.

    The size counts one element per literal, class or escape, multiplied by
    the counted repeats around it -- what the engine will unroll.

        >>> check_pattern("固定資產|投資"), check_pattern("(?:a{100}){100}")
        (None, None)
    """
    def refuse(problem: str) -> CriteriaError:
        return CriteriaError(f"pattern {_shown(pattern)} {problem}")

    if len(pattern) > MAX_PATTERN_LENGTH:
        raise refuse(f"is longer than {MAX_PATTERN_LENGTH} characters")
    if _RECURSION.search(pattern):
        raise refuse("is recursive ((?R), (?1), (?&name)): not supported")
    stack = [[0, 0]]  # per open group: its size so far, the size of its last atom
    i, n = 0, len(pattern)
    while i < n:
        ch, top, size = pattern[i], stack[-1], 1
        if ch == "\\":
            i += 2
            if pattern[i - 1:i] in _BRACED_ESCAPES and pattern[i:i + 1] in "{<":
                close = pattern.find("}" if pattern[i] == "{" else ">", i)
                i = n if close < 0 else close + 1
        elif ch == "[":
            i += 1
            i += pattern[i:i + 1] == "^"
            i += pattern[i:i + 1] == "]"
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
        elif ch == "(":
            prefix = _GROUP_PREFIX.match(pattern, i + 1)
            i = prefix.end() if prefix else i + 1
            if prefix and prefix[0].endswith(")"):  # (?i), (?P=name): no group opens
                top[0] += 1
                top[1] = 1
                continue
            stack.append([0, 0])
            if len(stack) > MAX_PATTERN_DEPTH + 1:
                raise refuse(f"nests groups more than {MAX_PATTERN_DEPTH} deep")
            continue
        elif ch == ")" and len(stack) > 1:
            size = stack.pop()[0]
            top = stack[-1]
            i += 1
        elif ch == "{" and (repeat := _REPEAT.match(pattern, i)) and any(repeat.groups()):
            digits = [d for d in repeat.groups() if d]
            if any(len(d) > 6 for d in digits):
                raise refuse(f"repeats too much: its counted repeats make more than "
                             f"{MAX_PATTERN_SIZE} elements")
            count = max(int(d) for d in digits)
            top[0] += top[1] * (count - 1)
            top[1] *= count
            if top[0] > MAX_PATTERN_SIZE:
                raise refuse(f"repeats too much: its counted repeats make more than "
                             f"{MAX_PATTERN_SIZE} elements")
            i = repeat.end()
            continue
        elif ch == "|":
            top[1] = 0
            i += 1
            continue
        else:
            i += 1
        top[0] += size
        top[1] = size
    if sum(size for size, _ in stack) > MAX_PATTERN_SIZE:
        raise refuse(f"repeats too much: its counted repeats make more than "
                     f"{MAX_PATTERN_SIZE} elements")


def _shown(pattern: str, limit: int = 40) -> str:
    """repr(pattern), cut so that a message about it stays one short line."""
    text = repr(pattern)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(pattern)} characters)"


def matches(record: Indicator, criteria: Criteria, *, timeout: float | None = None) -> bool:
    """Whether `record` meets every condition of `criteria` (and none it negates).

    `timeout` (default GREP_TIMEOUT) bounds the seconds the grep pattern may
    take on this record; PatternTimeout when it runs out.
    """
    c = criteria
    negated = c.negated

    def holds(name: str, condition: bool) -> bool:
        return condition is not (name in negated)

    if c.section is not None and not holds("section", in_section(record.section_id, c.section)):
        return False
    if c.year is not None and not holds("year", record.year == c.year):
        return False
    if c.period is not None and not holds(
            "period", record.period == ("" if c.period == NO_PERIOD else c.period)):
        return False
    if c.kind is not None and not holds("kind", record.kind == c.kind):
        return False
    if c.qualifier is not None and not holds("qualifier",
                                             record.qualifier == QUALIFIERS[c.qualifier]):
        return False
    if c.direction is not None and not holds("direction",
                                             record.direction == DIRECTIONS[c.direction]):
        return False
    if c.change is not None and not holds("change", change_sign(record) == c.change):
        return False
    if c.minimum is not None and not holds("min", record.base_value >= c.minimum):
        return False
    if c.maximum is not None and not holds("max", record.base_value <= c.maximum):
        return False
    if c.unit is not None and not holds("unit", _simple(record.unit) == _simple(c.unit)):
        return False
    if c.base_unit is not None and not holds(
            "base-unit", _simple(record.base_unit) == _simple(c.base_unit)):
        return False
    if c.name is not None and not holds("name", name_matches(c.name, record.indicator)):
        return False
    if c.grep is not None and not holds("grep", _grep(record, c.grep, timeout)):
        return False
    return True


def name_matches(wanted: str, name: str) -> bool:
    """Whether an indicator `name` contains `wanted`: in either script, Latin letters in
    any case, or once both are normalized as ``diff`` normalizes names (abbreviations
    expanded: 规上 -> 规模以上, GDP -> 地区生产总值; glosses and filler words dropped).

    >>> name_matches("生产总值", "地區生產總值"), name_matches("规上", "規模以上工業增加值")
    (True, True)
    >>> name_matches("GDP", "地區生產總值(GDP)"), name_matches("gdp", "地区生产总值")
    (True, True)
    >>> name_matches("居民人均", "城鎮居民人均可支配收入"), name_matches("税收", "地区生产总值")
    (True, False)
    """
    if _simple(wanted).casefold() in _simple(name).casefold():
        return True
    normal = _normal(name)
    return any(query and query in normal for query in _normal_queries(wanted))


@lru_cache(maxsize=256)
def _normal_queries(wanted: str) -> tuple[str, ...]:
    from .compare import normalize_name

    forms = {wanted, wanted.upper()} if wanted.isascii() else {wanted}
    return tuple(normalize_name(_escaped(form)) for form in sorted(forms))


@lru_cache(maxsize=8192)
def _normal(name: str) -> str:
    from .compare import normalize_name

    return normalize_name(_escaped(name))


def _escaped(text: str) -> str:
    from .export import escape_surrogates

    return escape_surrogates(text)


def signed_change(record: Indicator) -> Decimal | None:
    """The change a record states, signed: its value for a change up (增长), minus its value
    for a change down (下降); None for a level (direction empty).

    So 增长3.4% is +3.4, 下降8.6% is -8.6, 增长-12.2% is -12.2 and 下降-1% is +1.

    >>> from decimal import Decimal as D
    >>> r = Indicator("a", 1, 0, 1, "1", "", 2022, "actual", "x", D("-12.2"), "%", D("-12.2"),
    ...               "%", "", "up", "", "")
    >>> signed_change(r)
    Decimal('-12.2')
    """
    if record.direction == "up":
        return record.value
    if record.direction == "down":
        return -record.value
    return None


def change_sign(record: Indicator) -> str | None:
    """"up" or "down" by the sign of :func:`signed_change`; None for a level or a zero."""
    change = signed_change(record)
    if change is None or change == 0:
        return None
    return "up" if change > 0 else "down"


# --- Sorting ---------------------------------------------------------------------


def parse_sort(spec: str) -> tuple[tuple[str, bool], ...]:
    """``--sort`` as (field, descending) pairs: fields by commas, ``-`` before one for
    descending order.

    >>> parse_sort("year,-base_value")
    (('year', False), ('base_value', True))
    """
    keys = []
    for part in spec.split(","):
        part = part.strip()
        descending = part.startswith("-")
        name = part.removeprefix("-").strip()
        if name not in FIELDS:
            raise CriteriaError(f"cannot sort by {name!r}: a field is one of {', '.join(FIELDS)}")
        keys.append((name, descending))
    return tuple(keys)


def sort_records(records: Iterable[Indicator],
                 keys: Sequence[tuple[str, bool]]) -> list[Indicator]:
    """Records ordered by `keys` (see :func:`parse_sort`); a stable sort, so records
    equal on every key keep their order. Numbers compare as numbers, section ids as
    the outline orders them (2.2 before 2.10), text in Simplified characters; an
    empty value comes last either way."""
    from .outline import id_order

    ordered = list(records)
    for name, descending in reversed(keys):
        def key(record: Indicator, name: str = name):
            value = getattr(record, name)
            if value is None or value == "":
                return ()
            if name == "section_id":
                return (id_order(value),)
            return (_simple(value),) if isinstance(value, str) else (value,)
        present = [r for r in ordered if key(r) != ()]
        empty = [r for r in ordered if key(r) == ()]
        ordered = sorted(present, key=key, reverse=descending) + empty
    return ordered


def select(records: Iterable[Indicator], criteria: Criteria, *,
           timeout: float | None = None) -> Iterator[Indicator]:
    """The records that match, in their order.

    The grep pattern gets `timeout` seconds (default GREP_TIMEOUT) for all
    records together, so that no pattern can hang the caller.
    """
    deadline = time.monotonic() + (GREP_TIMEOUT if timeout is None else timeout)
    for record in records:
        if matches(record, criteria, timeout=max(0.001, deadline - time.monotonic())):
            yield record


def in_section(section_id: str, wanted: str) -> bool:
    """Whether `section_id` is `wanted` or lies under it.

    >>> in_section("2.3", "2"), in_section("2", "2"), in_section("12", "1"), in_section("1", "")
    (True, True, False, False)
    """
    if wanted == "":
        return section_id == ""
    return section_id == wanted or section_id.startswith(wanted + ".")


def _grep(record: Indicator, pattern: str, timeout: float | None) -> bool:
    compiled = compile_pattern(pattern)
    timeout = GREP_TIMEOUT if timeout is None else timeout
    try:
        return any(compiled.search(_simple(text), timeout=timeout) is not None
                   for text in (record.indicator, record.context))
    except TimeoutError:
        raise PatternTimeout(f"--grep pattern {_shown(pattern)} takes too long "
                             "(it backtracks without end); simplify it") from None
    except (RecursionError, MemoryError) as err:
        raise PatternTimeout(f"--grep pattern {_shown(pattern)} cannot be matched "
                             f"({type(err).__name__}); simplify it") from None


@lru_cache(maxsize=4096)
def _simple(text: str) -> str:
    """`text` in Simplified characters; a lone surrogate (not text) as its \\uXXXX escape."""
    from .export import escape_surrogates
    from .text import to_simplified

    return to_simplified(escape_surrogates(text))
