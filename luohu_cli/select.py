"""Pick records by what they say: section, year, period, kind, unit, name, value...

:class:`Criteria` holds the conditions; every one that is set must hold (AND).
Names, units and ``grep`` patterns match across scripts: both sides are
compared in Simplified characters, so ``--name 生产总值`` finds 地區生產總值.

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

from .errors import LuohuError
from .model import Indicator

KINDS = ("actual", "target")
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
    figures (an empty period).
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

    def __post_init__(self) -> None:
        if self.section not in (None, "") and not SECTION_ID.fullmatch(self.section):
            raise CriteriaError(f"not a section id: {self.section!r} (like 2 or 2.3)")
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
        if self.grep is not None:
            compile_pattern(self.grep)

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


def is_period(text: str) -> bool:
    """Whether `text` is a --period value: ``none``, or first year-last year, first < last.

    >>> is_period("2021-2025"), is_period("none"), is_period("2025-2021"), is_period("2025")
    (True, True, False, False)
    """
    if text == NO_PERIOD:
        return True
    span = PERIOD.fullmatch(text)
    return span is not None and int(span[1]) < int(span[2])


def parse_decimal(text: str) -> Decimal:
    """A bound as written on the command line; CriteriaError if it is no number.

    >>> parse_decimal("2.6e11"), parse_decimal("-2.0")
    (Decimal('2.6E+11'), Decimal('-2.0'))
    """
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        raise CriteriaError(f"not a number: {text!r}") from None
    if not number.is_finite():
        raise CriteriaError(f"not a finite number: {text!r}")
    return number


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
    """Whether `record` meets every condition of `criteria`.

    `timeout` (default GREP_TIMEOUT) bounds the seconds the grep pattern may
    take on this record; PatternTimeout when it runs out.
    """
    c = criteria
    if c.section is not None and not in_section(record.section_id, c.section):
        return False
    if c.year is not None and record.year != c.year:
        return False
    if c.period is not None and record.period != ("" if c.period == NO_PERIOD else c.period):
        return False
    if c.kind is not None and record.kind != c.kind:
        return False
    if c.qualifier is not None and record.qualifier != QUALIFIERS[c.qualifier]:
        return False
    if c.direction is not None and record.direction != DIRECTIONS[c.direction]:
        return False
    if c.minimum is not None and record.base_value < c.minimum:
        return False
    if c.maximum is not None and record.base_value > c.maximum:
        return False
    if c.unit is not None and _simple(record.unit) != _simple(c.unit):
        return False
    if c.base_unit is not None and _simple(record.base_unit) != _simple(c.base_unit):
        return False
    if c.name is not None and _simple(c.name).casefold() not in _simple(record.indicator).casefold():
        return False
    if c.grep is not None and not _grep(record, c.grep, timeout):
        return False
    return True


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
