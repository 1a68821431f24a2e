"""Compare two reports: pair their records, then say what moved.

    >>> from luohu_cli.pipeline import read_report
    >>> result = diff(read_report("old.txt"), read_report("new.txt"))   # doctest: +SKIP
    >>> [row.status.value for row in result.differences]                # doctest: +SKIP
    ['changed', 'added']

**Pairing** (:func:`align`). Two records can pair only when their base units
agree (亿元 and 万元 both measure 元; % never pairs with 个百分点), their kinds
agree (actual with actual, target with target), their periods agree (a
2021-2025 figure only with a 2021-2025 one; single-year figures with each
other) and their names are alike: :func:`name_similarity` at least
``NAME_MIN``. The score of a pair is::

    name similarity × (0.85 + 0.15 × context) × (0.8 if the directions differ)

where *context* is the mean of three agreements in 0..1: section titles (years
and ordinals left out), relative position in the report, and equal figures.
Pairs are chosen greedily, best score first (ties: the nearer in position),
each record at most once. A pair scoring under ``DOUBTFUL_BELOW`` is
*doubtful*: it is kept, and flagged, never silently asserted.

**Modes** (:class:`Mode`), chosen from the reports' years (:func:`choose_mode`)
unless the caller forces one:

- ``version``: two drafts of one report. A pair is ``same`` or ``changed``,
  judged on the figure only (base value, base unit, qualifier, direction, high
  end of a range): script, glosses, punctuation, text and context never make a
  change. Unpaired records are ``removed`` or ``added``.
- ``year``: a report and a later one. The same rows, with absolute and relative
  change; and when the newer report's results are for the year the older one set
  targets for, one ``target`` row per target of that year, with the result
  beside it and a :func:`~luohu_cli.verdicts.verdict`: met, missed or unclear.

Numbers stay :class:`~decimal.Decimal` throughout; rounding is the renderer's.
"""
from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

import regex
from rapidfuzz.distance import Indel

from . import vocab
from .model import Indicator
from .outline import id_order
from .text import to_simplified
from .verdicts import Verdict, base_high, magnitude, tolerance_for, verdict

if TYPE_CHECKING:
    from .pipeline import Report

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
NAME_MIN = Decimal("0.7")         # less alike than this: different indicators
CONTAINED = Decimal("0.8")        # one name inside the other (公共住房/保障性公共住房)
EMPTY_NAMES = Decimal("0.8")      # two unnamed figures: only the context can pair them
CONTEXT_WEIGHT = Decimal("0.15")
OTHER_DIRECTION = Decimal("0.8")  # a level against a change, a rise against a fall
DOUBTFUL_BELOW = Decimal("0.85")
SCORE_PLACES = Decimal("0.01")
POINTS = "个百分点"
RATES = frozenset({"%", "‰", "个百分点", "百分点", "倍"})  # a relative change of a rate misleads

# Bracketed glosses (GDP), then punctuation, symbols and spaces.
NAME_NOISE = regex.compile(r"[(（][^()（）]{0,8}[)）]|[\s\p{P}\p{S}]")
SECTION_NOISE = regex.compile(
    r"\d+年?|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|[\s\p{P}\p{S}]")
DIGITS = regex.compile(r"\d+(?:\.\d+)?")


class Mode(str, enum.Enum):
    VERSION = "version"  # two drafts of one report
    YEAR = "year"        # a report and a later year's


class Status(str, enum.Enum):
    SAME = "same"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    TARGET = "target"    # year mode: a target of the older report beside its result


DIFFERENCES = frozenset({Status.CHANGED, Status.ADDED, Status.REMOVED})


@dataclass(frozen=True)
class Pair:
    """Two records that measure the same thing, or one left over (the other None)."""
    old: Indicator | None
    new: Indicator | None
    score: Decimal | None = None  # 0.00..1.00 when both are there

    @property
    def doubtful(self) -> bool:
        return self.score is not None and self.score < DOUBTFUL_BELOW


@dataclass(frozen=True)
class Years:
    """The year a report's results are for, and the year its targets are for."""
    actual: int | None
    target: int | None


@dataclass(frozen=True)
class Row:
    """One line of a diff. In a TARGET row, `old` is the target and `new` the result."""
    status: Status
    old: Indicator | None
    new: Indicator | None
    score: Decimal | None = None
    change: Decimal | None = None    # new - old, in `change_unit`
    change_unit: str = ""            # the newer unit, Simplified; 个百分点 for percentages
    relative: Decimal | None = None  # percent of the old figure, unrounded
    verdict: Verdict | None = None
    tolerance: Decimal | None = None  # the ± read into a `~` target, in base units

    @property
    def doubtful(self) -> bool:
        return self.score is not None and self.score < DOUBTFUL_BELOW

    @property
    def record(self) -> Indicator:
        """The record that speaks for the row: the newer one if any; a target row's target."""
        if self.status is Status.TARGET or self.new is None:
            return self.old  # type: ignore[return-value]
        return self.new


@dataclass(frozen=True)
class Diff:
    mode: Mode
    old: str  # report names
    new: str
    old_years: Years
    new_years: Years
    target_year: int | None  # the year of the target rows; None when there are none
    rows: tuple[Row, ...]

    @property
    def differences(self) -> tuple[Row, ...]:
        """The rows that make `luohu diff --exit-code` fail: changed, added, removed."""
        return tuple(row for row in self.rows if row.status in DIFFERENCES)

    def shown(self, everything: bool = False) -> tuple[Row, ...]:
        """The rows to show: all, or without `same` rows and unreported targets."""
        if everything:
            return self.rows
        return tuple(row for row in self.rows if row.status is not Status.SAME
                     and row.verdict is not Verdict.UNREPORTED)


# --- Names, sections, units ----------------------------------------------------


@lru_cache(maxsize=1)
def _equivalents() -> tuple[regex.Pattern[str], dict[str, str]]:
    table = vocab.mapping("name_equivalents.tsv")
    return regex.compile(r"\L<variants>", variants=list(table)), table


@lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    """What a name says, without script, noise or abbreviations.

    >>> normalize_name("規上工業增加值"), normalize_name("地區生產總值(GDP)")
    ('规模以上工业增加值', '地区生产总值')
    """
    pattern, table = _equivalents()
    simple = NAME_NOISE.sub("", to_simplified(name))
    for filler in vocab.words("name_fillers.txt"):
        simple = simple.replace(filler, "")
    return pattern.sub(lambda m: table[m.group()], simple)


def distinct(a: str, b: str) -> bool:
    """Whether two normalized names measure different things however alike they look:
    a qualifying word (data/name_qualifiers.txt) only one of them has, or other numbers.

    >>> distinct("居民人均可支配收入", "城镇居民人均可支配收入")
    True
    """
    if DIGITS.findall(a) != DIGITS.findall(b):
        return True
    return any((word in a) != (word in b) for word in vocab.words("name_qualifiers.txt"))


def name_similarity(old: str, new: str) -> Decimal:
    """0..1: how alike two indicator names are, once normalized.

    >>> name_similarity("規模以上工業增加值", "規上工業增加值")
    Decimal('1')
    >>> name_similarity("居民人均可支配收入", "城鎮居民人均可支配收入")
    Decimal('0')
    """
    return normalized_similarity(normalize_name(old), normalize_name(new))


def normalized_similarity(a: str, b: str) -> Decimal:
    """:func:`name_similarity` of two names already normalized."""
    if not a or not b:
        return EMPTY_NAMES if a == b else ZERO
    if a == b:
        return ONE
    if distinct(a, b):
        return ZERO
    ratio = _ratio(a, b)
    return max(ratio, CONTAINED) if a in b or b in a else ratio


@lru_cache(maxsize=4096)
def section_similarity(old: str, new: str) -> Decimal:
    """0..1: how alike two section paths are, years and ordinals left out."""
    a, b = section_key(old), section_key(new)
    if not a or not b:
        return ONE if a == b else ZERO
    return _ratio(a, b)


@lru_cache(maxsize=1024)
def section_key(path: str) -> str:
    """A section path without script, years, ordinals or punctuation.

    >>> section_key("一、2022年工作回顧 > （二）持續推動")
    '工作回顾持续推动'
    """
    return SECTION_NOISE.sub("", to_simplified(path))


def _ratio(a: str, b: str) -> Decimal:
    """Indel similarity as an exact Decimal (rapidfuzz's ratio, without the float)."""
    total = len(a) + len(b)
    return Decimal(total - Indel.distance(a, b)) / Decimal(total)


def unit_key(base_unit: str) -> str:
    """The unit a base unit is compared as (百分点 as 个百分点)."""
    return vocab.mapping("unit_equivalents.tsv").get(base_unit, base_unit)


# --- Pairing -------------------------------------------------------------------


Block = Callable[[Indicator], Hashable]


def movement_block(record: Indicator) -> Hashable:
    """Records pair only inside a block: same kind, same unit."""
    return record.kind, unit_key(record.base_unit)


def target_block(record: Indicator) -> Hashable:
    """A target pairs with a result of the same unit, a change with a change."""
    return unit_key(record.base_unit), record.direction != ""


def same_figure(old: Indicator, new: Indicator) -> bool:
    """Equal as figures (base value and unit, qualifier, direction, range); text aside."""
    return (old.base_value == new.base_value and unit_key(old.base_unit) == unit_key(new.base_unit)
            and old.qualifier == new.qualifier and old.direction == new.direction
            and base_high(old) == base_high(new))


def pair_score(old: Indicator, new: Indicator, gap: Decimal = ZERO) -> Decimal | None:
    """0..1: how sure it is that two records measure the same thing; None if they cannot.

    `gap` is how far apart they sit, each as a share of its report's length.
    """
    if unit_key(old.base_unit) != unit_key(new.base_unit) or old.period != new.period:
        return None
    return _scored(old, new, name_similarity(old.indicator, new.indicator), gap)


def _scored(old: Indicator, new: Indicator, name: Decimal, gap: Decimal) -> Decimal | None:
    """The score of two records of one unit and period whose names are `name` alike."""
    if name < NAME_MIN:
        return None
    figure = ONE if same_figure(old, new) else ZERO
    context = (section_similarity(old.section, new.section) + (ONE - gap) + figure) / 3
    score = name * (ONE - CONTEXT_WEIGHT + CONTEXT_WEIGHT * context)
    return score * OTHER_DIRECTION if old.direction != new.direction else score


def align(old: Sequence[Indicator], new: Sequence[Indicator],
          block: Block = movement_block) -> tuple[Pair, ...]:
    """Pair records one-to-one; the unpaired come back alone.

    Order: the newer report's, each unpaired old record before the first pair
    whose old record comes after it.

    Only records that can pair are ever scored (see :func:`_candidates`), so
    two inputs of 17,000 records each pair in seconds and linear memory.
    """
    candidates, crowded = _candidates(old, new, block)
    chosen: dict[int, tuple[int, Decimal]] = {}
    taken: set[int] = set()
    _assign(candidates, chosen, taken)
    for _ in range(LEFTOVER_ROUNDS):
        extra = [c for group in crowded for c in _nearest(old, new, group, chosen, taken)]
        if not extra:
            break
        _assign(extra, chosen, taken)
    return _merge(old, new, chosen)


# Pairing scales by blocking. Records are grouped by block, unit and period
# (pair_score refuses anything else) and, inside, by normalized name; only
# groups whose names are alike (NAME_MIN) are compared, names found alike
# with rapidfuzz's C search and by substring (CONTAINED), then scored exactly.
# A pair of groups with at most EXACT_GROUP record pairs is scored whole, so
# reports of ordinary size (a name at most 6 times in any report of the
# fixtures) pair exactly as all against all would. Larger
# groups (one name hundreds of times: a corpus, a budget's tables) score each
# record against the NEAREST records of the other group by position, and the
# records still unpaired then against the nearest unpaired ones, for up to
# LEFTOVER_ROUNDS more rounds.
EXACT_GROUP = 256
EXACT_NAMES = 4096  # name pairs compared one by one; more are searched
NEAREST = 8
LEFTOVER_ROUNDS = 3
Candidate = tuple[Decimal, Decimal, int, int]  # score, gap, old index, new index


@dataclass
class _Group:
    """Two groups of records whose names are alike: old indexes, new indexes, similarity."""
    old: list[int]
    new: list[int]
    name: Decimal


def _candidates(old: Sequence[Indicator], new: Sequence[Indicator],
                block: Block) -> tuple[list[Candidate], list[_Group]]:
    """The scored pairs worth considering, and the groups too large to score whole."""
    old_groups = _grouped(old, block)
    new_groups = _grouped(new, block)
    out: list[Candidate] = []
    crowded: list[_Group] = []
    for key, old_names in old_groups.items():
        new_names = new_groups.get(key)
        if not new_names:
            continue
        for a, b, name in _alike_names(list(old_names), list(new_names)):
            group = _Group(old_names[a], new_names[b], name)
            if len(group.old) * len(group.new) <= EXACT_GROUP:
                pairs: Iterable[tuple[int, int]] = (
                    (i, j) for i in group.old for j in group.new)
            else:
                crowded.append(group)
                pairs = _near_pairs(len(old), len(new), group.old, group.new)
            for i, j in pairs:
                gap = abs(_position(i, len(old)) - _position(j, len(new)))
                score = _scored(old[i], new[j], name, gap)
                if score is not None:
                    out.append((score, gap, i, j))
    return out, crowded


def _grouped(records: Sequence[Indicator], block: Block) -> dict[Hashable, dict[str, list[int]]]:
    """(block, unit, period) -> normalized name -> indexes, in reading order."""
    groups: dict[Hashable, dict[str, list[int]]] = {}
    for i, record in enumerate(records):
        key = (block(record), unit_key(record.base_unit), record.period)
        groups.setdefault(key, {}).setdefault(normalize_name(record.indicator), []).append(i)
    return groups


def _alike_names(old: list[str], new: list[str]) -> Iterator[tuple[str, str, Decimal]]:
    """Every (old name, new name, similarity) at least NAME_MIN alike, of normalized names."""
    if len(old) * len(new) <= EXACT_NAMES:
        for a in old:
            for b in new:
                name = normalized_similarity(a, b)
                if name >= NAME_MIN:
                    yield a, b, name
        return
    from rapidfuzz import process

    cutoff = float(NAME_MIN) - 0.01  # a float's margin; the exact test follows
    texts = [b for b in new if b]
    joined, starts = _joined(texts)
    longer_in_old = [a for a in old if a]
    for a in old:
        if not a:
            if "" in new:
                yield a, "", EMPTY_NAMES
            continue
        found = {b for b, _score, _k in process.extract(
            a, texts, scorer=Indel.normalized_similarity, score_cutoff=cutoff, limit=None)}
        at = joined.find(a)
        while at >= 0:  # new names that contain `a`
            found.add(texts[bisect_right(starts, at) - 1])
            at = joined.find(a, at + 1)
        for b in found:
            name = normalized_similarity(a, b)
            if name >= NAME_MIN:
                yield a, b, name
    # new names contained in a longer old name, not found from the old side
    old_joined, old_starts = _joined(longer_in_old)
    for b in texts:
        at = old_joined.find(b)
        seen = set()
        while at >= 0:
            a = longer_in_old[bisect_right(old_starts, at) - 1]
            if a not in seen and len(a) > len(b):
                seen.add(a)
                if Indel.normalized_similarity(a, b) < cutoff:  # else yielded above
                    name = normalized_similarity(a, b)
                    if name >= NAME_MIN:
                        yield a, b, name
            at = old_joined.find(b, at + 1)


def _joined(texts: list[str]) -> tuple[str, list[int]]:
    """The texts joined by NULs, and where each starts: one find() looks in them all."""
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return "\x00".join(texts), starts


def _near_pairs(old_count: int, new_count: int, old: list[int],
                new: list[int]) -> set[tuple[int, int]]:
    """Each record of a large group with the NEAREST of the other group, by position."""
    pairs: set[tuple[int, int]] = set()
    for mine, theirs, mine_count, their_count, flip in (
            (old, new, old_count, new_count, False), (new, old, new_count, old_count, True)):
        scale = max(their_count - 1, 1) / max(mine_count - 1, 1)
        for i in mine:
            at = bisect_left(theirs, i * scale)
            for j in theirs[max(0, at - NEAREST // 2):at + NEAREST // 2]:
                pairs.add((j, i) if flip else (i, j))
    return pairs


def _nearest(old: Sequence[Indicator], new: Sequence[Indicator], group: _Group,
             chosen: dict[int, tuple[int, Decimal]], taken: set[int]) -> list[Candidate]:
    """Candidates between the records of a large group that are still unpaired."""
    free_old = [i for i in group.old if i not in chosen]
    free_new = [j for j in group.new if j not in taken]
    if not free_old or not free_new:
        return []
    out = []
    for i, j in _near_pairs(len(old), len(new), free_old, free_new):
        gap = abs(_position(i, len(old)) - _position(j, len(new)))
        score = _scored(old[i], new[j], group.name, gap)
        if score is not None:
            out.append((score, gap, i, j))
    return out


def _position(index: int, count: int) -> Decimal:
    return Decimal(index) / Decimal(max(count - 1, 1))


def _assign(candidates: list[Candidate], chosen: dict[int, tuple[int, Decimal]] | None = None,
            taken: set[int] | None = None) -> dict[int, tuple[int, Decimal]]:
    """Greedy one-to-one: best score first, then the nearer, then reading order.

    `chosen` (old -> new, score) and `taken` (new indexes) carry on from an
    earlier round."""
    chosen = {} if chosen is None else chosen
    taken = set() if taken is None else taken
    for score, _gap, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2], c[3])):
        if i not in chosen and j not in taken:
            chosen[i] = (j, score)
            taken.add(j)
    return chosen


def _merge(old: Sequence[Indicator], new: Sequence[Indicator],
           chosen: dict[int, tuple[int, Decimal]]) -> tuple[Pair, ...]:
    by_new = {j: (i, score) for i, (j, score) in chosen.items()}
    alone = [i for i in range(len(old)) if i not in chosen]
    following = _next_paired(len(new), by_new, end=len(old))
    out: list[Pair] = []
    k = 0
    for j, record in enumerate(new):
        while k < len(alone) and alone[k] < following[j]:  # removed before added, as in diff
            out.append(Pair(old[alone[k]], None))
            k += 1
        if j in by_new:
            i, score = by_new[j]
            out.append(Pair(old[i], record, score.quantize(SCORE_PLACES)))
        else:
            out.append(Pair(None, record))
    out.extend(Pair(old[i], None) for i in alone[k:])
    return tuple(out)


def _next_paired(count: int, by_new: dict[int, tuple[int, Decimal]], end: int) -> list[int]:
    """For each new position, the old index of the first pair at or after it (`end` if none)."""
    following = [end] * (count + 1)
    for j in range(count - 1, -1, -1):
        following[j] = by_new[j][0] if j in by_new else following[j + 1]
    return following


# --- The diff ------------------------------------------------------------------


def report_years(records: Sequence[Indicator]) -> Years:
    """The most common year of the single-year results, and of the single-year targets
    (a plan period's last year is not the year a report reviews or plans)."""
    def most_common(kind: str) -> int | None:
        years = Counter(r.year for r in records
                        if r.kind == kind and r.year is not None and not r.period)
        return years.most_common(1)[0][0] if years else None
    return Years(most_common("actual"), most_common("target"))


def choose_mode(old: Years, new: Years) -> Mode:
    """year when a year both reports state differs; version otherwise.

    >>> choose_mode(Years(2022, 2023), Years(2023, 2024)).value
    'year'
    >>> choose_mode(Years(2022, 2023), Years(2022, None)).value
    'version'
    """
    shared = [(a, b) for a, b in ((old.actual, new.actual), (old.target, new.target))
              if a is not None and b is not None]
    return Mode.YEAR if any(a != b for a, b in shared) else Mode.VERSION


def diff(old: Report, new: Report, mode: Mode | str | None = None) -> Diff:
    """Compare two reports read by :func:`luohu_cli.pipeline.read_report`."""
    old_years, new_years = report_years(old.records), report_years(new.records)
    mode = Mode(mode) if mode is not None else choose_mode(old_years, new_years)
    rows = sorted((movement_row(p) for p in align(old.records, new.records)),
                  key=lambda row: id_order(row.record.section_id))
    target_year = old_years.target if mode is Mode.YEAR else None
    if target_year is not None and target_year == new_years.actual:
        rows.extend(target_rows(old.records, new.records, target_year))
    else:
        target_year = None
    return Diff(mode, old.name, new.name, old_years, new_years, target_year, tuple(rows))


def movement_row(pair: Pair) -> Row:
    if pair.new is None:
        return Row(Status.REMOVED, pair.old, None)
    if pair.old is None:
        return Row(Status.ADDED, None, pair.new)
    status = Status.SAME if same_figure(pair.old, pair.new) else Status.CHANGED
    return Row(status, pair.old, pair.new, pair.score, *measure_change(pair.old, pair.new))


def target_rows(old: Sequence[Indicator], new: Sequence[Indicator], year: int) -> list[Row]:
    """One row per target the older report set for `year`, in the older report's order."""
    targets = [r for r in old if r.kind == "target" and r.year == year]
    results = [r for r in new if r.kind == "actual" and r.year == year]
    order = {record: k for k, record in enumerate(targets)}
    pairs = [p for p in align(targets, results, target_block) if p.old is not None]
    return [target_row(p) for p in sorted(pairs, key=lambda p: order[p.old])]


def target_row(pair: Pair) -> Row:
    target, result = pair.old, pair.new
    assert target is not None
    tolerance = tolerance_for(target) if target.qualifier == "~" else None
    if result is None:
        return Row(Status.TARGET, target, None, verdict=Verdict.UNREPORTED, tolerance=tolerance)
    return Row(Status.TARGET, target, result, pair.score, *measure_change(target, result),
               verdict=verdict(target, result), tolerance=tolerance)


def measure_change(old: Indicator, new: Indicator) -> tuple[Decimal | None, str, Decimal | None]:
    """(change, its unit, relative change in percent) of two comparable records.

    The change is in the newer record's unit (2630.2亿元 -> 2750.3亿元: 120.1 亿元),
    in percentage points between percentages; nothing between a level and a
    change. The relative change is left out for rates and from a zero.
    """
    if old.direction != new.direction:
        return None, "", None
    delta = new.base_value - old.base_value
    if new.base_unit == "%":
        return delta, POINTS, None
    unit = to_simplified(new.unit)
    change = delta / magnitude(new)
    if new.base_unit in RATES or old.base_value == 0:
        return change, unit, None
    return change, unit, delta / abs(old.base_value) * HUNDRED
