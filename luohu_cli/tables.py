"""Figures in the cells of a text table whose unit is written in a header.

Budget and plan-execution reports carry tables; as web text a table comes as rows
of cells separated by `|` (Markdown-like) or by tabs.  A line with 2+ `|` or 2+
tabs is a table row; a run of 2+ consecutive rows is a table, its first row the
header (a first row that only gives `单位：亿元` is the table's unit, and the
row after it the header).  Separator rows (`|---|---|`) and the header row are
never figures.

In a data row, the first cell that is not a row number (`1`, `1.`, `（一）`, or a
`序号` column) is the row label.  A later cell holding a bare Arabic number
(optional minus sign, thousands commas, a qualifier such as 左右) is a figure
whose unit is, in this order: the column header's bracketed unit (`预算数（亿元）`,
`增长%`), the row label's (`一般公共预算收入（亿元）`), the row's cell in a
`单位` column, a `单位：…` line just before the table or in its first row.  A
cell that has a unit of its own (`386.4亿元`, `增长5%左右`) is read by figures.py
and named and timed here as a bare cell is (a Slot), unless the cell names it
itself; a bare year (2024) and a number with no unit found are never figures.

Its name is the row label cleaned of its row number, its bracketed unit and a
change word at its end (`地区生产总值增长（%）` -> 地区生产总值, direction up);
what the column header says beyond its unit and year is not added to the name.
Where the row label is a year (`2024 | 386.4`), the row gives the year and the
column header, cleaned the same way, the name.
A column header that names a year and/or a kind word (data/table_words.tsv:
2025年完成 -> 2025 actual, 2026年目标 -> 2026 target) gives the cell its time;
otherwise the time of the line's context does (pipeline.py).  A percent column
whose header says 增长/增幅 is a change up (a negative value keeps its sign).

`table_cells(simple)` reads a whole text once, in linear time, and costs one
count of `|` and of tabs on a text with no table.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from . import vocab
from .figures import ARABIC, Figure, find_figures
from .text import table_separator
from .timeframe import years_in

# a cell that may be a bare figure: an Arabic number with a qualifier word at most
_BARE = regex.compile(rf"(?P<before>\p{{Han}}{{0,2}}?)(?P<num>[-−]?(?:{ARABIC}))(?P<after>\p{{Han}}{{0,2}})")
_YEAR_NUMBER = regex.compile(r"(?:19|20)\d\d")
_BARE_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_ROW_YEAR = regex.compile(r"((?:19|20)\d\d)年?度?")
_SEPARATOR = regex.compile(r"[\s:：\-—–=+]*")
_ORDINAL = regex.compile(
    r"\d{1,3}[.、．]?|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[）)]|[一二三四五六七八九十]{1,3}[、.．]?")
_LEADING_ORDINAL = regex.compile(
    r"(?:\d{1,3}[.、．](?!\d)|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[）)]|[一二三四五六七八九十]{1,3}[、.．])\s*")
# a unit in brackets at the end of a cell (or anywhere in it), or a bare % at its end
_BRACKET = regex.compile(r"[（(]\s*(?:(?:计量)?单位\s*[：:]\s*)?([^（()）]{1,10}?)\s*[）)]")
_TRAILING_PERCENT = regex.compile(r"[%‰]\s*$")
_UNIT_LINE = regex.compile(r"(?:计量)?单位\s*[：:]\s*([^\s，,；;、|（()）]{1,10})")
NO_CELLS: tuple = ()


@dataclass(frozen=True)
class Cell:
    """A bare number in a table cell, read as a figure."""
    figure: Figure
    name_spans: tuple[tuple[int, int], ...]   # where its name is written
    direction: str
    year: int | None      # from the column header, or None
    kind: str             # actual / target from the column header, or ""


@dataclass(frozen=True)
class Slot:
    """A data cell that holds its own figure (`386.4亿元`, `增长5%左右`): the row label
    and the column header name and time what figures.py finds in it."""
    start: int
    end: int
    name_spans: tuple[tuple[int, int], ...]
    direction: str
    year: int | None
    kind: str
    growth: bool = False  # its column says 增长/增幅: a percent in it is a change up


@dataclass(frozen=True)
class Cells:
    """The table cells of a text, in order, with their starts for lookup by span."""
    cells: tuple[Cell, ...]
    starts: tuple[int, ...]
    slots: tuple[Slot, ...] = ()
    slot_ends: tuple[int, ...] = ()

    def slot_at(self, pos: int) -> Slot | None:
        """The data cell holding position pos, if any."""
        i = bisect_left(self.slot_ends, pos + 1)
        if i < len(self.slots) and self.slots[i].start <= pos < self.slots[i].end:
            return self.slots[i]
        return None

    def between(self, s: int, e: int) -> list[Cell]:
        i = bisect_left(self.starts, s)
        j = bisect_left(self.starts, e, i)
        return list(self.cells[i:j])


def table_cells(simple: str) -> Cells | tuple:
    """Every figure in a bare table cell of `simple` (() when no line can be a table row)."""
    if simple.count("|") < 2 and simple.count("\t") < 2:
        return NO_CELLS
    found: list[Cell] = []
    slots: list[Slot] = []
    table: list[tuple[int, int, str]] = []   # (start, end, separator) of the rows in a run
    before = (0, 0)   # the line before the run
    prev_line = (0, 0)
    pos = 0
    n = len(simple)
    while pos <= n:
        nl = simple.find("\n", pos)
        end = n if nl < 0 else nl
        stop = end - 1 if end > pos and simple[end - 1] == "\r" else end
        sep = table_separator(simple, pos, stop)
        if sep and (not table or table[-1][2] == sep):
            if not table:
                before = prev_line
            table.append((pos, stop, sep))
        else:
            if len(table) >= 2:
                _read_table(simple, table, before, found, slots)
            table = [(pos, stop, sep)] if sep else []
            before = prev_line
        if simple[pos:stop].strip():
            prev_line = (pos, stop)
        if nl < 0:
            break
        pos = nl + 1
    if len(table) >= 2:
        _read_table(simple, table, before, found, slots)
    if not found and not slots:
        return NO_CELLS
    return Cells(tuple(found), tuple(c.figure.start for c in found), tuple(slots),
                 tuple(slot.end for slot in slots))


def _split(simple: str, a: int, b: int, sep: str) -> list[tuple[int, int]]:
    """The cells of a row, each span stripped of spaces; a `|` opening or closing the row makes no cell."""
    spans, start = [], a
    while True:
        at = simple.find(sep, start, b)
        spans.append((start, b if at < 0 else at))
        if at < 0:
            break
        start = at + 1
    if sep == "|":
        if spans and not simple[spans[0][0]:spans[0][1]].strip():
            spans = spans[1:]
        if spans and not simple[spans[-1][0]:spans[-1][1]].strip():
            spans = spans[:-1]
    return [_strip(simple, x, y) for x, y in spans]


def _strip(simple: str, a: int, b: int) -> tuple[int, int]:
    while a < b and simple[a].isspace():
        a += 1
    while b > a and simple[b - 1].isspace():
        b -= 1
    return a, b


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for role, word in vocab.pairs("table_words.tsv"):
        out.setdefault(role, []).append(word)
    return {role: tuple(words) for role, words in out.items()}


@lru_cache(maxsize=4096)
def _is_unit(word: str) -> bool:
    """True where `word` is a unit the figure pattern reads (亿元, %, 万人, 元/人)."""
    if not word or any(c.isdigit() for c in word):
        return False
    figs = find_figures("1" + word)
    return len(figs) == 1 and figs[0].start == 0 and figs[0].end == len(word) + 1 and bool(figs[0].unit)


def _unit_in(simple: str, a: int, b: int) -> tuple[int, int] | None:
    """The span of the unit a header or label cell gives: the last bracketed unit, or a trailing %."""
    last = None
    for m in _BRACKET.finditer(simple, a, b):
        if _is_unit(m.group(1)):
            last = m.span(1)
    if last:
        return last
    m = _TRAILING_PERCENT.search(simple, a, b)
    return (m.start(), m.start() + 1) if m else None


def _unit_line(simple: str, a: int, b: int) -> tuple[int, int] | None:
    for m in _UNIT_LINE.finditer(simple, a, b):
        word = m.group(1)
        for k in range(len(word), 0, -1):  # 亿元、% -> 亿元
            if _is_unit(word[:k]):
                return m.start(1), m.start(1) + k
    return None


def _is_separator_row(simple: str, cells: list[tuple[int, int]]) -> bool:
    return all(_SEPARATOR.fullmatch(simple, a, b) for a, b in cells) and any(
        simple.count(c, a, b) for a, b in cells for c in "-—–=")


@dataclass(frozen=True)
class _Column:
    unit: tuple[int, int] | None
    year: int | None
    kind: str
    growth: bool      # the header says 增长/增幅…
    role: str         # "", "ordinal", "unit"


def _column(simple: str, a: int, b: int) -> _Column:
    words = _words()
    text = simple[a:b]
    if text in words.get("ordinal-column", ()):
        return _Column(None, None, "", False, "ordinal")
    if text in words.get("unit-column", ()):
        return _Column(None, None, "", False, "unit")
    unit = _unit_in(simple, a, b)
    years = years_in(simple, a, b)
    year = years[0][2] if years else None
    if year is None and (m := _BARE_YEAR.search(simple, a, b)):
        year = int(m.group(1))
    kind = ""
    for role in ("actual", "target"):
        if any(w in text for w in words.get(role, ())):
            kind = role
            break
    growth = any(w in text for w in words.get("growth", ()))
    return _Column(unit, year, kind, growth, "")


def _read_table(simple: str, rows: list[tuple[int, int, str]], before: tuple[int, int],
                found: list[Cell], slots: list[Slot]) -> None:
    """The bare-number cells of one table into found, its other data cells into slots."""
    table_unit = _unit_line(simple, *before) if before[1] > before[0] else None
    split = [_split(simple, a, b, sep) for a, b, sep in rows]
    split = [cells for cells in split if cells and not _is_separator_row(simple, cells)]
    if split:
        first = [c for c in split[0] if c[1] > c[0]]
        units = [u for c in first if (u := _unit_line(simple, *c))]
        if units:
            table_unit = units[0]
            if all(_unit_line(simple, *c) for c in first):
                split = split[1:]   # a row that only gives the unit: the header follows
    if len(split) < 2:
        return
    header = [_column(simple, a, b) for a, b in split[0]]
    for cells in split[1:]:
        _read_row(simple, cells, header, split[0], table_unit, found, slots)


def _read_row(simple: str, cells: list[tuple[int, int]], header: list[_Column],
              header_cells: list[tuple[int, int]], table_unit: tuple[int, int] | None,
              found: list[Cell], slots: list[Slot]) -> None:
    label_at = None
    row_unit = None
    for i, (a, b) in enumerate(cells):
        role = header[i].role if i < len(header) else ""
        if role == "unit" and _is_unit(simple[a:b]):
            row_unit = (a, b)
        if label_at is None and role != "ordinal" and b > a and not _ORDINAL.fullmatch(simple, a, b):
            label_at = i
    if label_at is None:
        return
    la, lb = cells[label_at]
    label_unit = _unit_in(simple, la, lb)
    name_spans, direction = _label_name(simple, la, lb)
    row_year = _ROW_YEAR.fullmatch(simple, la, lb)  # a row per year: the column names the figure
    for i in range(label_at + 1, len(cells)):
        a, b = cells[i]
        column = header[i] if i < len(header) else _Column(None, None, "", False, "")
        if column.role or b <= a:
            continue
        names, d, year = name_spans, direction, column.year
        if row_year:
            names, d = _column_name(simple, header_cells, i)
            year = year or int(row_year.group(1))
        m = _BARE.fullmatch(simple, a, b)
        if m is None:  # words or a unit of its own: figures.py reads it, the table names it
            slots.append(Slot(a, b, names, d, year, column.kind, column.growth))
            continue
        if _YEAR_NUMBER.fullmatch(m.group("num")):
            continue
        unit = column.unit or label_unit or row_unit or table_unit
        fig = _cell_figure(simple, m, unit) if unit is not None else None
        if fig is None:  # 386.4亿元: a unit of its own, if any, for figures.py to read
            slots.append(Slot(a, b, names, d, year, column.kind, column.growth))
            continue
        if not d and column.growth and fig.family == "percent":
            d = "up"
        found.append(Cell(fig, names, d, year, column.kind))


def _column_name(simple: str, header_cells: list[tuple[int, int]], i: int):
    """The name a column header gives (a row per year); a header that is only a change
    word (增长（%）) is the change of the column before it (地区生产总值（亿元）)."""
    names, direction = _label_name(simple, *header_cells[i])
    words = set(vocab.directions()) | set(_words().get("growth", ()))
    if i > 1 and (not names or "".join(simple[a:b] for a, b in names) in words):
        change = "".join(simple[a:b] for a, b in names)
        names = _label_name(simple, *header_cells[i - 1])[0]
        direction = direction or vocab.directions().get(change, "up")
    return names, direction


def _label_name(simple: str, a: int, b: int) -> tuple[tuple[tuple[int, int], ...], str]:
    """The row label without its row number, bracketed unit or trailing %, and change word."""
    m = _LEADING_ORDINAL.match(simple, a, b)
    if m:
        a = m.end()
    spans = []
    start = a
    for br in _BRACKET.finditer(simple, a, b):
        if _is_unit(br.group(1)):
            spans.append((start, br.start()))
            start = br.end()
    spans.append((start, b))
    spans = [_strip(simple, x, y) for x, y in spans]
    spans = [(x, y) for x, y in spans if y > x]
    if spans and (p := _TRAILING_PERCENT.search(simple, *spans[-1])):
        spans[-1] = _strip(simple, spans[-1][0], p.start())
    direction = ""
    if spans:
        x, y = spans[-1]
        best = ""
        for word, d in vocab.directions().items():
            if d in ("up", "down") and len(word) > len(best) and simple.endswith(word, x, y) and y - x > len(word) + 1:
                best = word
        if best:
            direction = vocab.directions()[best]
            spans[-1] = (x, y - len(best))
    return tuple((x, y) for x, y in spans if y > x), direction


def _cell_figure(simple: str, m: "regex.Match[str]", unit: tuple[int, int]) -> Figure | None:
    """The figure a bare cell makes with its unit: read as if the unit followed the number."""
    word = simple[unit[0]:unit[1]]
    at = m.end("num") - m.start()
    cell = simple[m.start():m.end()]
    figs = find_figures(cell[:at] + word + cell[at:])
    if len(figs) != 1 or figs[0].start != 0 or figs[0].end != len(cell) + len(word):
        return None  # the cell holds more than a number and its qualifier
    f = figs[0]
    base = m.start()

    def back(pos: int) -> int:
        return base + (pos if pos <= at else max(at, pos - len(word)))

    spans = tuple((unit[0] + x - at, unit[0] + y - at) if at <= x and y <= at + len(word)
                  else (back(x), back(y)) for x, y in f.unit_spans)
    return replace(f, start=back(f.start), end=back(f.end), num_start=back(f.num_start), unit_spans=spans)
