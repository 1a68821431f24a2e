"""A panel: every indicator of a series of reports, year by year, results beside targets.

    >>> from luohu_cli.pipeline import read_report
    >>> panel = build_panel([read_report(p) for p in ("2023.txt", "2024.txt")])  # doctest: +SKIP
    >>> [(row.indicator, sorted(row.results)) for row in panel.rows][:1]          # doctest: +SKIP
    [('地区生产总值', ['2022', '2023'])]

**Order of the reports.** A panel reads its reports from the earliest to the
latest: by the year each was delivered (its dateline or title, when the text is
known, see :func:`describe_text`), else the year after its results (a
plan-execution report restates last year's targets, so its targets say less),
else the year of its targets; reports of one year in the order given. "Later"
below means later in this order.

**Rows** are indicators followed through the reports with the pairing of
:mod:`luohu_cli.compare` (``pair_score``, ``align``), extended from pairs to
chains. Every row keeps one unit family (``unit_key`` of the base unit: % never
with 个百分点 or 亿元) and is either a *level* (2750亿元, 94.5%) or a *change*
(增长5.1%, 下降3%); a result and a target of one indicator are one row. Each
report is read slot by slot — a slot is its figures of one kind (actual, target)
for one year or one plan period — and the figures of a slot are aligned, one to
one, with the rows found so far (each row speaking through its latest figure);
a figure left unpaired starts a row. So a figure joins a row at most once per
report and slot, names pair across scripts and wordings
(``data/name_equivalents.tsv``) and never across a qualifying word, and an
indicator that skips a year keeps its row. Within one slot of one report the
same figure stated twice under the same name is one statement (the first).
Figures without a name or without a year are left out (nothing to follow).

**Plan periods.** A figure about a plan period (``period`` ``2021-2025``) pairs
only with figures of the same period, as in ``diff``; its cell is in a column
of its own span (``2021-2025``), after the single years. A row of such figures
then joins the single-year row of the same indicator when their names pair
without doubt (similarity at least ``DOUBTFUL_BELOW``, same unit family, both
levels or both changes); otherwise it stays a row of its own.

**Cells.** A row has, per column, a result (``actual``) and a target, each from
whichever reports state them. When several reports state a figure for the same
cell, the latest report's is the cell's figure (``current``); the others stay
as ``same`` (an equal figure: base value, unit, qualifier, direction and range,
text aside) or ``superseded`` (a different one), and a cell with a superseded
statement is *revised*. Where a column has both, the target is judged against
the result with :func:`luohu_cli.verdicts.verdict` (``met``, ``missed``,
``unclear``); a target without a result is ``unreported`` once some report of
the panel gives results for its (last) year, and has no verdict before that.

**Values.** Every figure keeps its record; :meth:`PanelRow.value` gives it in
the row's unit (the unit most of its figures are written in), negative for a
fall — the number a wide table shows. Numbers are :class:`~decimal.Decimal`
throughout.
"""
from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Protocol

import regex

from .compare import (DOUBTFUL_BELOW, align, name_similarity, normalize_name, report_years,
                      same_figure, unit_key)
from .model import Indicator
from .places import describe_text  # noqa: F401  (part of the panel's interface)
from .verdicts import Verdict, base_high, magnitude, verdict

KINDS = ("actual", "target")
LEVEL, CHANGE = "level", "change"


class Status(str, enum.Enum):
    CURRENT = "current"        # the figure the cell shows: the latest report's
    SAME = "same"              # stated elsewhere too, as the same figure
    SUPERSEDED = "superseded"  # an earlier, different figure, replaced by the current one


class Source(Protocol):
    """What a panel is built from: a report's name and records (a pipeline.Report)."""
    name: str
    records: Sequence[Indicator]


@dataclass(frozen=True)
class ReportInfo:
    """One report of the panel, in panel order."""
    name: str
    year: int | None      # the year used to order it (delivered; else results + 1; else targets)
    results: int | None   # the year of most of its single-year results
    targets: int | None   # the year of most of its single-year targets
    place: str = ""       # the place it speaks for, when its text told ("" if unknown)
    records: int = 0


@dataclass(frozen=True, order=True)
class Column:
    """A column of the panel: one year, or a plan period (after all the years)."""
    is_period: bool
    year: int             # the year, or the period's last year
    first: int            # the period's first year (the year itself for one year)

    @property
    def key(self) -> str:
        return f"{self.first}-{self.year}" if self.is_period else str(self.year)

    @property
    def period(self) -> str:
        return self.key if self.is_period else ""

    @classmethod
    def of(cls, record: Indicator) -> Column:
        if record.period:
            first, last = (int(y) for y in record.period.split("-"))
            return cls(True, last, first)
        assert record.year is not None
        return cls(False, record.year, record.year)


@dataclass(frozen=True)
class Statement:
    """One report's figure for one cell."""
    record: Indicator
    report: int                    # index of its report in Panel.reports
    status: Status = Status.CURRENT
    score: Decimal | None = None   # how it paired into its row; None for the row's first figure


@dataclass(frozen=True)
class Cell:
    """A result or a target of one row in one column: every statement of it, in report order."""
    column: Column
    kind: str
    statements: tuple[Statement, ...]

    @property
    def current(self) -> Statement:
        return next(s for s in self.statements if s.status is Status.CURRENT)

    @property
    def record(self) -> Indicator:
        return self.current.record

    @property
    def revised(self) -> bool:
        return any(s.status is Status.SUPERSEDED for s in self.statements)


@dataclass(frozen=True)
class PanelRow:
    id: int                          # 1-based, in the panel before any filter
    indicator: str                   # the name in the latest report that states it
    names: tuple[str, ...]           # every name it is written under, first seen first
    unit: str                        # the unit values are shown in (Simplified)
    base_unit: str                   # its family: the base unit as compared (unit_key)
    measure: str                     # "level" or "change"
    factor: Decimal                  # base value of one `unit` (1e8 for 亿元)
    results: Mapping[str, Cell]      # column key -> cell
    targets: Mapping[str, Cell]
    verdicts: Mapping[str, Verdict]  # column key -> verdict, where there is one

    def value(self, record: Indicator) -> Decimal:
        """The figure in the row's unit, negative for a fall (what a wide table shows)."""
        return _signed(record, _in_unit(record.value, record, self.factor))

    def value_high(self, record: Indicator) -> Decimal | None:
        """The high end of a range in the row's unit (signed as :meth:`value`)."""
        if record.value_high is None:
            return None
        return _signed(record, _in_unit(record.value_high, record, self.factor))

    def cells(self) -> list[Cell]:
        """All cells, by column, the result before the target."""
        found = list(self.results.values()) + list(self.targets.values())
        return sorted(found, key=lambda c: (c.column, KINDS.index(c.kind)))

    def statements(self) -> list[Statement]:
        return [s for cell in self.cells() for s in cell.statements]

    @property
    def columns(self) -> list[Column]:
        return sorted({c.column for c in self.cells()})

    @property
    def years(self) -> int:
        """How many single years hold a result or a target."""
        return sum(1 for c in self.columns if not c.is_period)

    @property
    def doubtful(self) -> bool:
        """Whether a figure joined the row with a doubtful score (under DOUBTFUL_BELOW)."""
        return any(s.score is not None and s.score < DOUBTFUL_BELOW for s in self.statements())


@dataclass(frozen=True)
class Panel:
    reports: tuple[ReportInfo, ...]
    columns: tuple[Column, ...]      # the single years, then the plan periods, that hold a figure
    rows: tuple[PanelRow, ...]
    left_out: int = 0                # figures without a name or a year

    def verdict_counts(self) -> Counter[Verdict]:
        return Counter(v for row in self.rows for v in row.verdicts.values())

    def revised_count(self) -> int:
        return sum(1 for row in self.rows for cell in row.cells() if cell.revised)

    def places(self) -> dict[str, list[str]]:
        """Place -> the reports that speak for it (places that name the same one merged:
        深圳市罗湖区 and 罗湖区); reports of unknown place left out."""
        return group_places((r.place, r.name) for r in self.reports if r.place)


# --- Building ------------------------------------------------------------------


def build_panel(sources: Sequence[Source], *, years: Sequence[int | None] | None = None,
                places: Sequence[str] | None = None) -> Panel:
    """The panel of a series of reports (any order; see the module doc for the one used).

    `years` and `places`, one per source when given, are what :func:`describe_text`
    read from each report's text (None / "" where unknown).
    """
    infos = [_info(s, (years or [None] * len(sources))[k], (places or [""] * len(sources))[k])
             for k, s in enumerate(sources)]
    order = sorted(range(len(sources)),
                   key=lambda k: (infos[k].year is None, infos[k].year or 0, k))
    reports = tuple(infos[k] for k in order)
    chains: list[_Chain] = []
    left_out = 0
    for position, k in enumerate(order):
        usable = [r for r in bracketed_targets(sources[k].records)
                  if r.year is not None and normalize_name(r.indicator)]
        left_out += len(sources[k].records) - len(usable)
        for slot in _slots(usable):
            _attach(chains, slot, position)
    chains = _merge_periods(chains)
    covered = max((r.results for r in reports if r.results is not None), default=None)
    rows = [_row(chain, covered) for chain in sorted(chains, key=_Chain.order)]
    rows = [replace(row, id=n) for n, row in enumerate(rows, 1)]
    return Panel(reports, _columns(rows), tuple(rows), left_out)


def _info(source: Source, year: int | None, place: str) -> ReportInfo:
    found = report_years(source.records)
    if year is None:  # results are for the year before; a plan-execution report restates
        year = found.actual + 1 if found.actual is not None else found.target  # past targets
    return ReportInfo(source.name, year, found.actual, found.target, place, len(source.records))


def bracketed_targets(records: Sequence[Indicator]) -> list[Indicator]:
    """The records, a target in brackets right after a change read as that change.

    A plan-execution report writes ``增长4.1%（目标6.0%左右）``: the target has no
    direction of its own (the engine leaves it unset), but it is the growth
    target. A target without a direction whose sentence puts it in brackets
    after ``目标``, right after a result of the same name and unit family with
    a direction, takes that direction; everything else is left as it is.

    >>> from decimal import Decimal as D
    >>> def fig(v, kind, direction, text):
    ...     return Indicator("r", 8, 0, 0, "1", "", 2022, kind, "地区生产总值", D(v), "%", D(v),
    ...                      "%", "", direction, text, "地区生产总值增长4.2%（目标6.5%左右）。")
    >>> [r.direction for r in bracketed_targets([fig("4.2", "actual", "up", "4.2%"),
    ...                                          fig("6.5", "target", "", "6.5%左右")])]
    ['up', 'up']
    """
    out = list(records)
    for k, record in enumerate(out):
        if record.kind != "target" or record.direction or k == 0:
            continue
        before = out[k - 1]
        if (before.kind != "actual" or not before.direction or before.line != record.line
                or before.context != record.context
                or row_block(replace(record, direction=before.direction)) != row_block(before)
                or normalize_name(before.indicator) != normalize_name(record.indicator)):
            continue
        at = record.context.find(before.text)
        after = record.context.find(record.text, at + len(before.text)) if at >= 0 else -1
        if after >= 0 and BRACKETED_TARGET.fullmatch(record.context[at + len(before.text):after]):
            out[k] = replace(record, direction=before.direction)
    return out


BRACKETED_TARGET = regex.compile(r"\s*[（(]\s*(?:预期|年度|计划)?目标(?:为|是)?\s*")


def row_block(record: Indicator) -> Hashable:
    """Figures of one row share this: their unit family, and level or change."""
    return unit_key(record.base_unit), record.direction != ""


@dataclass
class _Chain:
    """A row while it is built: its statements and the figure it pairs through."""
    statements: list[Statement] = field(default_factory=list)

    @property
    def latest(self) -> Indicator:
        return self.statements[-1].record

    @property
    def period(self) -> str:
        return self.statements[0].record.period

    def order(self) -> tuple[int, int]:
        """First seen first: its first report, then its first line there."""
        first = min(s.report for s in self.statements)
        return first, min(s.record.line for s in self.statements if s.report == first)


def _slots(records: Sequence[Indicator]) -> list[list[Indicator]]:
    """A report's figures by kind and year or period: single years first, results
    before targets, earlier years first; each in reading order."""
    slots: dict[tuple, list[Indicator]] = {}
    for record in records:
        slots.setdefault((record.period != "", KINDS.index(record.kind) if record.kind in KINDS
                          else len(KINDS), record.year, record.period), []).append(record)
    return [slots[key] for key in sorted(slots)]


def _attach(chains: list[_Chain], slot: list[Indicator], report: int) -> None:
    """Pair one slot's figures with the chains, one to one; the unpaired start chains."""
    kept: list[Indicator] = []
    repeats: dict[int, list[Indicator]] = {}  # index in kept -> the same figure stated again
    seen: dict[tuple, list[int]] = {}
    for record in slot:
        key = (normalize_name(record.indicator), row_block(record))
        twin = next((k for k in seen.get(key, ()) if same_figure(kept[k], record)), None)
        if twin is None:
            seen.setdefault(key, []).append(len(kept))
            kept.append(record)
        else:
            repeats.setdefault(twin, []).append(record)
    index = {id(record): k for k, record in enumerate(kept)}
    latest = [chain.latest for chain in chains]
    by_latest = {id(record): chain for record, chain in zip(latest, chains)}
    for pair in align(latest, kept, block=row_block):
        if pair.new is None:
            continue
        if pair.old is None:
            chain = _Chain()
            chains.append(chain)
        else:
            chain = by_latest[id(pair.old)]
        chain.statements.append(Statement(pair.new, report, score=pair.score))
        for again in repeats.get(index[id(pair.new)], ()):
            chain.statements.append(Statement(again, report, Status.SAME, score=pair.score))


def _merge_periods(chains: list[_Chain]) -> list[_Chain]:
    """Join each plan-period chain to the single-year chain of the same indicator,
    where their names pair without doubt; greedy, best first, one per period."""
    yearly = [c for c in chains if not c.period]
    candidates = []
    for p, chain in enumerate(chains):
        if not chain.period:
            continue
        for y, other in enumerate(yearly):
            if row_block(chain.latest) != row_block(other.latest):
                continue
            score = name_similarity(chain.latest.indicator, other.latest.indicator)
            if score >= DOUBTFUL_BELOW:
                candidates.append((-score, p, y))
    taken: set[tuple[int, str]] = set()
    merged: set[int] = set()
    for _score, p, y in sorted(candidates):
        period = chains[p].period
        if p in merged or (y, period) in taken:
            continue
        yearly[y].statements.extend(chains[p].statements)
        taken.add((y, period))
        merged.add(p)
    return [c for p, c in enumerate(chains) if p not in merged]


def _row(chain: _Chain, covered: int | None) -> PanelRow:
    statements = chain.statements
    latest = max(statements, key=lambda s: (s.report, -s.record.line)).record
    names = tuple(dict.fromkeys(s.record.indicator for s in
                                sorted(statements, key=lambda s: (s.report, s.record.line))))
    units = Counter(_simple(s.record.unit) for s in statements)
    last_unit = {_simple(s.record.unit): (s.report, s.record.line) for s in statements}
    unit = max(units, key=lambda u: (units[u], last_unit[u]))
    factor = next(magnitude(s.record) for s in reversed(statements)
                  if _simple(s.record.unit) == unit)
    cells: dict[tuple[Column, str], list[Statement]] = {}
    for s in statements:
        cells.setdefault((Column.of(s.record), s.record.kind), []).append(s)
    results, targets = {}, {}
    for (column, kind), found in sorted(cells.items(), key=lambda item: item[0][0]):
        cell = _cell(column, kind, found)
        (results if kind == "actual" else targets)[column.key] = cell
    verdicts = {}
    for key, target in targets.items():
        if key in results:
            verdicts[key] = verdict(target.record, results[key].record)
        elif covered is not None and covered >= target.column.year:
            verdicts[key] = Verdict.UNREPORTED
    return PanelRow(0, latest.indicator, names, unit, unit_key(latest.base_unit),
                    CHANGE if latest.direction else LEVEL, factor, results, targets, verdicts)


def _cell(column: Column, kind: str, found: list[Statement]) -> Cell:
    """The latest report's figure is current (its first, if it states it twice)."""
    found = sorted(found, key=lambda s: s.report)
    last = found[-1].report
    current = next(s for s in found if s.report == last)
    out = []
    for s in found:
        if s is current:
            out.append(replace(s, status=Status.CURRENT))
        else:
            same = same_figure(s.record, current.record)
            out.append(replace(s, status=Status.SAME if same else Status.SUPERSEDED))
    return Cell(column, kind, tuple(out))


def _columns(rows: Iterable[PanelRow]) -> tuple[Column, ...]:
    return tuple(sorted({c for row in rows for c in row.columns}))


def _in_unit(number: Decimal, record: Indicator, factor: Decimal) -> Decimal:
    if magnitude(record) == factor:
        return number  # as written: 6.0 stays 6.0
    if number == record.value:
        return record.base_value / factor
    return base_high(record) / factor  # type: ignore[operator]


def _signed(record: Indicator, number: Decimal) -> Decimal:
    return -number if record.direction == "down" else number


def _simple(text: str) -> str:
    from .text import to_simplified

    return to_simplified(text)


# --- Choosing rows -------------------------------------------------------------


def select_rows(panel: Panel, *, name: str | None = None, section: str | None = None,
                base_unit: str | None = None, min_years: int | None = None,
                targets: bool = False) -> Panel:
    """The panel with only the rows that meet every criterion given; columns that
    hold nothing then are dropped. Rows keep their ids.

    - `name`: a substring of one of its names, in either script;
    - `section`: a section id (``2``, ``2.3``): some figure of the row stands in
      it or under it, in any report;
    - `base_unit`: its unit family (元, %, 个 …; either script);
    - `min_years`: results or targets in at least this many single years;
    - `targets`: it has a target somewhere.
    """
    def keep(row: PanelRow) -> bool:
        if name is not None and not any(_simple(name).casefold() in _simple(n).casefold()
                                        for n in row.names):
            return False
        if section is not None and not any(_in_section(s.record.section_id, section)
                                           for s in row.statements()):
            return False
        if base_unit is not None and unit_key(_simple(base_unit)) != row.base_unit:
            return False
        if min_years is not None and row.years < min_years:
            return False
        return not targets or bool(row.targets)
    rows = tuple(row for row in panel.rows if keep(row))
    return replace(panel, rows=rows, columns=_columns(rows))


def _in_section(section_id: str, wanted: str) -> bool:
    return section_id == wanted or section_id.startswith(wanted + ".")


# --- What a report's text says about it ----------------------------------------

def group_places(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """(place, report) pairs -> place -> reports, places that end with one another
    merged under the longest (深圳市罗湖区 and 罗湖区).

    >>> group_places([("深圳市罗湖区", "a"), ("罗湖区", "b"), ("福田区", "c")])
    {'深圳市罗湖区': ['a', 'b'], '福田区': ['c']}
    """
    groups: dict[str, list[str]] = {}
    for place, report in pairs:
        home = next((p for p in groups if p.endswith(place) or place.endswith(p)), None)
        if home is None:
            groups[place] = [report]
        elif len(place) > len(home):
            groups = {(place if p == home else p): v for p, v in groups.items()}
            groups[place].append(report)
        else:
            groups[home].append(report)
    return groups
