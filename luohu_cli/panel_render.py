"""Write a :class:`~luohu_cli.panel.Panel`: a terminal table, CSV, JSON, JSON Lines,
XLSX or one self-contained HTML page.

Two shapes (README, "Across many years"):

- **wide** — one row per indicator, and per column (a year, or a plan period
  after the years) its result, its target and the verdict (``WIDE_HEAD``, then
  per column ``COLUMN_FIELDS``, then ``WIDE_TAIL``). Values are in the row's
  unit, negative for a fall: the numbers to chart.
- **long** (tidy) — one line per statement of a figure, ``LONG_FIELDS`` in that
  order: every report's figure for every cell, the one the cell shows with
  status ``current``, the others ``same`` or ``superseded``.

In JSON, ``row``, ``year`` and ``line`` are integers, ``revised`` and
``doubtful`` booleans, the numbers (``NUMBER_FIELDS``: values, base values,
values in the row's unit, scores) JSON numbers written digit for digit from
their decimals (strings with ``numbers_as_strings``, as ``extract`` and
``diff``), a field with nothing to say null, every other value a string.
``section_id`` is written ``§2.10``, as everywhere. CSV rows end in ``\\n``
(as ``extract`` and ``diff``), null is empty, booleans are ``true``/``false``,
and a text cell a spreadsheet would run as a formula gets a leading ``'``
(:func:`luohu_cli.export.guard`).

``fields`` (``--fields``) chooses and orders the long form's fields, in CSV,
JSON, JSON Lines and the long table (``-f table --long``); the wide form's
columns are the panel's years, which no field list names.

    >>> import io
    >>> from luohu_cli.panel import Panel
    >>> out = io.StringIO()
    >>> write_panel(Panel((), (), ()), "csv", out, long=True)
    >>> out.getvalue().split(",")[:4]
    ['row', 'indicator', 'year', 'period']
"""
from __future__ import annotations

import csv
import html
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import IO, Any, TextIO

from .diff_render import QUALIFIER_SIGNS
from .export import guard, number_format
from .formats import json_value, section_label
from .model import Indicator, format_decimal
from .panel import Cell, Column, Panel, PanelRow, Statement, Status
from .verdicts import Verdict

WIDE_HEAD = ("row", "indicator", "unit", "measure")
COLUMN_FIELDS = ("result", "target", "verdict", "notes")
WIDE_TAIL = ("base_unit", "years", "names", "doubtful")
LONG_FIELDS = ("row", "indicator", "year", "period", "kind", "value", "value_high", "unit",
               "base_value", "base_unit", "qualifier", "direction", "row_value", "row_unit",
               "verdict", "status", "revised", "report", "line", "section_id", "name", "text",
               "score")
FIGURE_FIELDS = ("row_value", "value", "value_high", "unit", "base_value", "base_unit",
                 "qualifier", "direction", "revised", "report", "line", "section_id", "name",
                 "text", "context", "score")
INT_FIELDS = frozenset({"row", "year", "line", "years"})
NUMBER_FIELDS = frozenset({"value", "value_high", "base_value", "row_value", "score"})
LONG_TABLE_FIELDS = ("row", "indicator", "year", "kind", "row_value", "verdict", "status",
                     "report", "line")  # -f table --long without --fields
FOLDING = {"indicator": 8, "name": 8, "text": 8, "context": 12, "report": 12}  # their least width
MARKS = {Verdict.MET: "✓", Verdict.MISSED: "✗", Verdict.UNCLEAR: "?", Verdict.UNREPORTED: "○"}
VERDICT_STYLES = {Verdict.MET: "green", Verdict.MISSED: "red", Verdict.UNCLEAR: "yellow",
                  Verdict.UNREPORTED: "dim"}
REVISED_MARK = "*"
CHANGE_MARK = "±"  # before the unit of a row of changes: ±% is a change in percent
MAX_WIDTH = 120
NAME_WIDTH = (8, 16)   # the indicator column: at least, at most (its text folds)
GAP = 1                # columns between two table columns
LEGEND = (f"result, then target and verdict: {MARKS[Verdict.MET]} met, "
          f"{MARKS[Verdict.MISSED]} missed, {MARKS[Verdict.UNCLEAR]} unclear, "
          f"{MARKS[Verdict.UNREPORTED]} unreported",
          f"{REVISED_MARK} revised by a later report; {CHANGE_MARK} a change "
          "(negative: a fall)")


# --- What every format shares ----------------------------------------------------


def figure_text(row: PanelRow, record: Indicator) -> str:
    """A figure in the row's unit, with its qualifier: ``~6.5``, ``≥95``, ``-3.2``, ``5.5-6``.

    >>> from luohu_cli.panel import PanelRow
    >>> from decimal import Decimal as D
    >>> row = PanelRow(1, "x", ("x",), "%", "%", "level", D(1), {}, {}, {})
    >>> r = Indicator("r", 1, 0, 0, "", "", 2023, "target", "x", D("95"), "%", D("95"), "%",
    ...               ">=", "", "95%以上", "")
    >>> figure_text(row, r)
    '≥95'
    """
    text = format_decimal(row.value(record))
    high = row.value_high(record)
    if high is not None:
        text += "-" + format_decimal(high) if high >= 0 else "–" + format_decimal(high)
    return QUALIFIER_SIGNS.get(record.qualifier, "") + text


def unit_label(row: PanelRow) -> str:
    """The row's unit, after ± for a row of changes."""
    return (CHANGE_MARK if row.measure == "change" else "") + (row.unit or "—")


def headline(panel: Panel, total: int | None = None) -> str:
    """``柳岸区: 7 reports (2021–2026), 11 indicators, 2020–2026 and 2021-2025``."""
    places = list(panel.places())
    years = sorted(r.year for r in panel.reports if r.year is not None)
    span = f" ({_span(years[0], years[-1])})" if years else ""
    count = len(panel.rows)
    of = total if total is not None and total != count else None
    noun = "indicator" if (count if of is None else of) == 1 else "indicators"
    shown = f"{count} {noun}" if of is None else f"{count} of {of} {noun}"
    singles = [c.year for c in panel.columns if not c.is_period]
    periods = [c.key for c in panel.columns if c.is_period]
    when = ([_span(singles[0], singles[-1])] if singles else []) + periods
    text = (", ".join(places) + ": " if places else "")
    text += f"{len(panel.reports)} report{'s' if len(panel.reports) != 1 else ''}{span}, {shown}"
    return text + (", " + " and ".join(when) if when else "")


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def summary(panel: Panel) -> str:
    """Verdict counts, revised cells and figures left out, on one line."""
    counts = panel.verdict_counts()
    parts = [f"{counts[v]} {v.value}" for v in Verdict if counts[v]]
    text = "verdicts: " + (", ".join(parts) if parts else "none")
    revised = panel.revised_count()
    if revised:
        text += f"; {revised} revised cell{'s' if revised != 1 else ''} ({REVISED_MARK})"
    if panel.left_out:
        text += f"; {panel.left_out} figure{'s' if panel.left_out != 1 else ''} without a name " \
                "or year left out"
    return text


def _exact(value: Decimal | None, as_string: bool) -> Decimal | str | None:
    if value is None:
        return None
    return format_decimal(value) if as_string else value


def _nulled(value: Any) -> Any:
    return None if value == "" else value


def statement_values(row: PanelRow, cell: Cell, statement: Statement, *,
                     fields: Sequence[str] = LONG_FIELDS,
                     numbers_as_strings: bool = False) -> dict[str, Any]:
    """One statement as a long-form line: field -> JSON-ready value, in `fields` order.

    Numbers are Decimals (their exact text with `numbers_as_strings`); every empty
    value is None.
    """
    record = statement.record
    current = statement.status is Status.CURRENT
    found = row.verdicts.get(cell.column.key) if current else None
    strings = numbers_as_strings
    values = {
        "row": row.id, "indicator": row.indicator, "year": record.year,
        "period": record.period, "kind": record.kind,
        "value": _exact(record.value, strings),
        "value_high": _exact(record.value_high, strings), "unit": record.unit,
        "base_value": _exact(record.base_value, strings), "base_unit": record.base_unit,
        "qualifier": record.qualifier, "direction": record.direction,
        "row_value": _exact(row.value(record), strings), "row_unit": row.unit,
        "verdict": found.value if found is not None else None,
        "status": statement.status.value, "revised": current and cell.revised,
        "report": record.report, "line": record.line,
        "section_id": section_label(record.section_id), "name": record.indicator,
        "text": record.text, "score": _exact(statement.score, strings),
    }
    return {name: _nulled(values[name]) for name in fields}


def long_lines(panel: Panel, fields: Sequence[str] = LONG_FIELDS, *,
               numbers_as_strings: bool = False) -> list[dict[str, Any]]:
    """Every statement of every cell: rows in order, columns in order, the result
    before the target, statements in report order."""
    return [statement_values(row, cell, s, fields=fields, numbers_as_strings=numbers_as_strings)
            for row in panel.rows for cell in row.cells() for s in cell.statements]


def check_fields(fields: Sequence[str] | None, output_format: str, long: bool) -> None:
    """A ValueError saying why `fields` cannot be used here: they name the long
    form's fields, in csv, json, jsonl or the long table.

    >>> check_fields(("row", "value"), "csv", True)
    >>> check_fields(("row",), "csv", False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: --fields chooses among the fields of the long form: add --long ...
    """
    if not fields:
        return
    if output_format in ("xlsx", "html"):
        raise ValueError(f"--fields is for csv, json, jsonl and table with --long, not "
                         f"{output_format} (which has every field)")
    if not long:
        raise ValueError("--fields chooses among the fields of the long form: add --long "
                         "(the wide form's columns are the panel's years and columns)")


def figure_values(row: PanelRow, cell: Cell | None, *,
                  numbers_as_strings: bool = False) -> dict[str, Any] | None:
    """A cell's figure for the wide JSON: the current statement, and the others
    under ``earlier``."""
    if cell is None:
        return None
    strings = numbers_as_strings

    def one(statement: Statement) -> dict[str, Any]:
        record = statement.record
        values = {
            "row_value": _exact(row.value(record), strings),
            "value": _exact(record.value, strings),
            "value_high": _exact(record.value_high, strings),
            "unit": record.unit, "base_value": _exact(record.base_value, strings),
            "base_unit": record.base_unit, "qualifier": record.qualifier,
            "direction": record.direction, "report": record.report, "line": record.line,
            "section_id": section_label(record.section_id), "name": record.indicator,
            "text": record.text, "context": record.context,
            "score": _exact(statement.score, strings)}
        return {name: _nulled(value) for name, value in values.items()}
    current = cell.current
    out = one(current)
    out["revised"] = cell.revised
    out = {name: out[name] for name in FIGURE_FIELDS}
    out["earlier"] = [{"status": s.status.value, **one(s)} for s in cell.statements
                      if s is not current]
    return out


def wide_object(row: PanelRow, columns: Sequence[Column], *,
                numbers_as_strings: bool = False) -> dict[str, Any]:
    """One row of the wide JSON."""
    cells = []
    for column in columns:
        result, target = row.results.get(column.key), row.targets.get(column.key)
        if result is None and target is None:
            continue
        found = row.verdicts.get(column.key)
        cells.append({"column": column.key, "year": column.year,
                      "period": _nulled(column.period),
                      "result": figure_values(row, result, numbers_as_strings=numbers_as_strings),
                      "target": figure_values(row, target, numbers_as_strings=numbers_as_strings),
                      "verdict": found.value if found is not None else None})
    return {"row": row.id, "indicator": row.indicator, "unit": _nulled(row.unit),
            "measure": row.measure, "base_unit": _nulled(row.base_unit), "years": row.years,
            "names": list(row.names), "doubtful": row.doubtful, "cells": cells}


def json_text(value: Any, indent: int | None = None, level: int = 0) -> str:
    """JSON of dicts, lists and values, a Decimal as a JSON number digit for digit
    (:func:`luohu_cli.formats.json_value`); laid out as ``json.dumps(indent=...)``.

    >>> json_text({"a": [Decimal("2.6302E+11"), None], "b": {}})
    '{"a": [263020000000, null], "b": {}}'
    """
    if isinstance(value, dict):
        items = [(json_value(k) + ": " + json_text(v, indent, level + 1)) for k, v in value.items()]
        return _joined(items, "{", "}", indent, level)
    if isinstance(value, (list, tuple)):
        items = [json_text(v, indent, level + 1) for v in value]
        return _joined(items, "[", "]", indent, level)
    return json_value(value)


def _joined(items: list[str], start: str, end: str, indent: int | None, level: int) -> str:
    if not items:
        return start + end
    if indent is None:
        return start + ", ".join(items) + end
    inner, outer = " " * (indent * (level + 1)), " " * (indent * level)
    return start + "\n" + ",\n".join(inner + item for item in items) + "\n" + outer + end


def wide_header(columns: Sequence[Column]) -> list[str]:
    return [*WIDE_HEAD, *(f"{c.key} {name}" for c in columns for name in COLUMN_FIELDS),
            *WIDE_TAIL]


def wide_cells(row: PanelRow, columns: Sequence[Column]) -> list[Any]:
    """One row of the wide CSV, values as in WIDE_HEAD + COLUMN_FIELDS + WIDE_TAIL."""
    out: list[Any] = [row.id, row.indicator, row.unit, row.measure]
    for column in columns:
        result, target = row.results.get(column.key), row.targets.get(column.key)
        found = row.verdicts.get(column.key)
        out += [_plain(row, result), _plain(row, target),
                found.value if found is not None else None, notes(row, result, target)]
    return out + [row.base_unit, row.years, " | ".join(row.names), row.doubtful]


def _plain(row: PanelRow, cell: Cell | None) -> str | None:
    return None if cell is None else format_decimal(row.value(cell.record))


def notes(row: PanelRow, result: Cell | None, target: Cell | None) -> str:
    """What the numbers of a wide cell leave out: qualifiers, ranges, revisions.

    ``target ≤``, ``result ~``, ``target 5.5-6``, ``result revised from 1120``.
    """
    parts = []
    for word, cell in (("result", result), ("target", target)):
        if cell is None:
            continue
        record = cell.record
        if record.qualifier:
            parts.append(f"{word} {QUALIFIER_SIGNS[record.qualifier]}")
        if record.value_high is not None:
            parts.append(f"{word} {figure_text(row, record).lstrip('~<>≤≥')}")
        if cell.revised:
            earlier = dict.fromkeys(figure_text(row, s.record) for s in cell.statements
                                    if s.status is Status.SUPERSEDED)
            parts.append(f"{word} revised from {', '.join(earlier)}")
    return "; ".join(parts)


def _csv_cell(value: Any, number: bool = False, formula_guard: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format_decimal(value)
    text = str(value)
    return text if number or isinstance(value, int) or not formula_guard else guard(text)


def _csv_writer(stream: TextIO, header: Sequence[str], formula_guard: bool, bom: bool):
    """A csv writer after the header: a byte order mark first with `bom`; the header
    quoted when the cells are not guarded (as ``extract`` says there is no guard)."""
    if bom:
        stream.write("\ufeff")
    quoting = csv.QUOTE_MINIMAL if formula_guard else csv.QUOTE_ALL
    csv.writer(stream, lineterminator="\n", quoting=quoting).writerow(header)
    return csv.writer(stream, lineterminator="\n")


# --- CSV, JSON, JSON Lines -----------------------------------------------------------


def write_wide_csv(panel: Panel, stream: TextIO, fields: Sequence[str] = (), *,
                   formula_guard: bool = True, bom: bool = False) -> None:
    header = wide_header(panel.columns)
    writer = _csv_writer(stream, header, formula_guard, bom)
    numbers = {k for k, name in enumerate(header) if name.endswith((" result", " target"))}
    for row in panel.rows:
        writer.writerow([_csv_cell(v, k in numbers, formula_guard) for k, v in
                         enumerate(wide_cells(row, panel.columns))])


def write_long_csv(panel: Panel, stream: TextIO, fields: Sequence[str] = LONG_FIELDS, *,
                   formula_guard: bool = True, bom: bool = False) -> None:
    writer = _csv_writer(stream, fields, formula_guard, bom)
    for line in long_lines(panel, fields):
        writer.writerow([_csv_cell(v, k in NUMBER_FIELDS, formula_guard)
                         for k, v in line.items()])


def write_wide_json(panel: Panel, stream: TextIO, fields: Sequence[str] = (), *,
                    numbers_as_strings: bool = False) -> None:
    stream.write(json_text([wide_object(row, panel.columns, numbers_as_strings=numbers_as_strings)
                            for row in panel.rows], indent=2) + "\n")


def write_long_json(panel: Panel, stream: TextIO, fields: Sequence[str] = LONG_FIELDS, *,
                    numbers_as_strings: bool = False) -> None:
    stream.write(json_text(long_lines(panel, fields, numbers_as_strings=numbers_as_strings),
                           indent=2) + "\n")


def write_wide_jsonl(panel: Panel, stream: TextIO, fields: Sequence[str] = (), *,
                     numbers_as_strings: bool = False) -> None:
    for row in panel.rows:
        stream.write(json_text(wide_object(row, panel.columns,
                                           numbers_as_strings=numbers_as_strings)) + "\n")


def write_long_jsonl(panel: Panel, stream: TextIO, fields: Sequence[str] = LONG_FIELDS, *,
                     numbers_as_strings: bool = False) -> None:
    for line in long_lines(panel, fields, numbers_as_strings=numbers_as_strings):
        stream.write(json_text(line) + "\n")


WRITERS: dict[tuple[str, bool], Callable[..., None]] = {
    ("csv", False): write_wide_csv, ("csv", True): write_long_csv,
    ("json", False): write_wide_json, ("json", True): write_long_json,
    ("jsonl", False): write_wide_jsonl, ("jsonl", True): write_long_jsonl,
}
LONG_FORMATS = ("csv", "json", "jsonl", "table")


def write_panel(panel: Panel, output_format: str, stream: IO, *, long: bool = False,
                total: int | None = None, width: int | None = None,
                fields: Sequence[str] | None = None, numbers_as_strings: bool = False,
                color: str = "auto", formula_guard: bool = True, bom: bool = False) -> None:
    """Render a panel in one format; `stream` is binary for xlsx, text otherwise.

    `total` is the number of rows before a filter (the headline says "3 of 11");
    `fields` the long form's fields to write (:func:`check_fields`); `color`
    is ``--color`` for the table; `numbers_as_strings` is for JSON, `formula_guard`
    and `bom` for CSV, as in ``extract``.
    """
    check_fields(fields, output_format, long)
    if output_format == "table" and long:
        render_long_table(panel, stream, fields or LONG_TABLE_FIELDS, total=total, width=width,
                          color=color)
    elif output_format == "table":
        render_panel_table(panel, stream, total=total, width=width, color=color)
    elif output_format == "html":
        stream.write(panel_html(panel, total=total))
    elif output_format == "xlsx":
        write_panel_xlsx(panel, stream)
    else:
        options = ({"formula_guard": formula_guard, "bom": bom} if output_format == "csv"
                   else {"numbers_as_strings": numbers_as_strings})
        WRITERS[output_format, long](panel, stream, fields or LONG_FIELDS, **options)
    stream.flush()


# --- The terminal table --------------------------------------------------------------


def table_lines(row: PanelRow, columns: Sequence[Column]) -> list[list[Any]]:
    """A row's table lines: its results, and its targets when it has any."""
    from rich.text import Text

    result = [str(row.id), row.indicator + (" ?" if row.doubtful else ""), unit_label(row)]
    target = ["", "", "target"]
    for column in columns:
        cell = row.results.get(column.key)
        result.append("" if cell is None else
                      figure_text(row, cell.record) + (REVISED_MARK if cell.revised else ""))
        cell = row.targets.get(column.key)
        if cell is None:
            target.append("")
            continue
        text = Text(figure_text(row, cell.record) + (REVISED_MARK if cell.revised else ""))
        found = row.verdicts.get(column.key)
        if found is not None:
            text.append(MARKS[found], style=VERDICT_STYLES[found])
        target.append(text)
    return [result, target] if row.targets else [result]


def render_panel_table(panel: Panel, stream: TextIO, *, total: int | None = None,
                       width: int | None = None, color: str = "auto") -> None:
    """Indicators down, columns across; the columns split into parts that fit the width.

    `color` is ``--color``: auto (on a terminal, unless NO_COLOR is set), always, never.
    """
    from rich.cells import cell_len

    from .render import make_console

    console = make_console(stream, width, color)
    console.print(headline(panel, total), markup=False)
    if not panel.rows:
        console.print(summary(panel), markup=False)
        return
    columns = panel.columns
    lines = [line for row in panel.rows for line in table_lines(row, columns)]
    widths = [max([cell_len(h)] + [cell_len(str(line[k])) for line in lines])
              for k, h in enumerate(["#", "indicator", "unit", *(c.key for c in columns)])]
    widths[1] = max(NAME_WIDTH[0], min(NAME_WIDTH[1], widths[1]))
    parts = split_columns(widths[3:], console.width - sum(widths[:3]) - 3 * GAP)
    for n, part in enumerate(parts, 1):
        if len(parts) > 1:
            console.print(f"({columns[part[0]].key} to {columns[part[-1]].key}, "
                          f"part {n} of {len(parts)})", markup=False)
        keep = [0, 1, 2, *(3 + k for k in part)]
        console.print(_table(["#", "indicator", "unit", *(columns[k].key for k in part)],
                             [[line[k] for k in keep] for line in lines],
                             [widths[k] for k in keep]))
    console.print(summary(panel), markup=False)
    for line in LEGEND:
        console.print(line, markup=False)


def render_long_table(panel: Panel, stream: TextIO, fields: Sequence[str], *,
                      total: int | None = None, width: int | None = None,
                      color: str = "auto") -> None:
    """The long form as a table (``-f table --long``): one line per statement, the
    `fields` as columns; the verdict coloured, the name and text folding."""
    from rich.text import Text

    from .render import fields_table, make_console

    console = make_console(stream, width, color)
    console.print(headline(panel, total), markup=False)
    table = fields_table(fields, FOLDING, NUMBER_FIELDS | INT_FIELDS)
    verdicts = {v.value: v for v in Verdict}
    for line in long_lines(panel, fields):
        cells = []
        for name, value in line.items():
            text = _csv_cell(value, True)
            if name == "verdict" and value in verdicts:
                cells.append(Text(text, style=VERDICT_STYLES[verdicts[value]]))
            else:
                cells.append(Text(text))
        table.add_row(*cells)
    console.print(table)
    console.print(summary(panel), markup=False)


def split_columns(widths: Sequence[int], room: int) -> list[list[int]]:
    """Column indices in parts, each as many as fit in `room` (at least one).

    >>> split_columns([5, 5, 5], 12), split_columns([5, 5], 100)
    ([[0, 1], [2]], [[0, 1]])
    """
    parts: list[list[int]] = [[]]
    used = 0
    for k, width in enumerate(widths):
        if parts[-1] and used + GAP + width > room:
            parts.append([])
            used = 0
        used += width + GAP
        parts[-1].append(k)
    return parts if parts[0] else []


def _table(headers: Sequence[str], lines: Sequence[Sequence[Any]], widths: Sequence[int]):
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 0),
                  collapse_padding=True)
    for k, (header, width) in enumerate(zip(headers, widths)):
        if k == 1:
            table.add_column(header, width=width, overflow="fold")
        else:
            table.add_column(header, width=width, no_wrap=True,
                             justify="left" if k == 2 else "right")
    for line in lines:
        table.add_row(*line)
    return table


# --- HTML ----------------------------------------------------------------------------

CHART_WIDTH, CHART_HEIGHT = 220, 72
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 40, 8, 8, 16
PIXEL = Decimal("0.1")
STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;
margin:1.5rem;color:#1f2328;background:#fff}
h1{font-size:1.25rem;margin:0 0 .4rem}
p{margin:.3rem 0}
.note{color:#59636e;font-size:.9rem}
.wrap{overflow-x:auto}
table.panel{border-collapse:collapse;margin-top:1rem}
table.panel th,table.panel td{border-bottom:1px solid #d1d9e0;padding:.3rem .5rem;vertical-align:middle}
table.panel thead th{position:sticky;top:0;background:#f6f8fa;text-align:right;white-space:nowrap}
table.panel thead th.left{text-align:left}
td.name{min-width:8rem;max-width:16rem}
td.name .aka{color:#59636e;font-size:.8rem}
td.unit{white-space:nowrap;color:#59636e}
td.cell{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.cell div{cursor:help}
.target{color:#59636e;font-size:.85rem}
.met{color:#1a7f37}.missed{color:#cf222e}.unclear{color:#9a6700}.unreported{color:#818b98}
tr:hover td,tr:hover th{background:#f6f8fa}
svg.chart{display:block}
svg.chart .frame{stroke:#d1d9e0;stroke-width:1}
svg.chart text{font-size:9px;fill:#59636e}
svg.chart .line{fill:none;stroke:#0969da;stroke-width:1.5}
svg.chart circle.result{fill:#0969da}
svg.chart circle.target{fill:#fff;stroke:#818b98;stroke-width:1.5}
svg.chart circle.target.met{stroke:#1a7f37}
svg.chart circle.target.missed{stroke:#cf222e}
svg.chart circle.target.unclear{stroke:#9a6700}
svg.chart circle:hover{stroke:#1f2328;stroke-width:2.5}
.legend svg{vertical-align:middle}
""".strip()


def panel_html(panel: Panel, *, total: int | None = None) -> str:
    """One self-contained page: a headline, the reports, and a table with a chart
    per indicator (inline SVG; no script, no network). Every figure's source —
    report, line and sentence — shows on hover (``title``)."""
    title = headline(panel, total)
    head = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_esc(title)} — luohu panel</title>", f"<style>\n{STYLE}\n</style>",
            "</head>", "<body>", f"<h1>{_esc(title)}</h1>",
            f'<p class="note">{_esc(summary(panel))}</p>', _legend_html(),
            _reports_html(panel)]
    if not panel.rows:
        return "\n".join(head + ["</body>", "</html>"]) + "\n"
    years = [c.year for c in panel.columns if not c.is_period]
    span = (years[0], years[-1]) if years else None
    header = ('<tr><th>#</th><th class="left">indicator</th><th class="left">unit</th>'
              '<th class="left">results ● and targets ○</th>'
              + "".join(f"<th>{_esc(c.key)}</th>" for c in panel.columns) + "</tr>")
    body = [_row_html(row, panel.columns, span) for row in panel.rows]
    return "\n".join(head + ['<div class="wrap">', '<table class="panel">', "<thead>", header,
                             "</thead>", "<tbody>", *body, "</tbody>", "</table>", "</div>",
                             "</body>", "</html>"]) + "\n"


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _legend_html() -> str:
    dot = ('<svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="3" '
           'fill="#0969da"/></svg>')
    ring = ('<svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="3.5" '
            'fill="#fff" stroke="{}" stroke-width="1.5"/></svg>')
    return ('<p class="note legend">' + dot + " result &nbsp; "
            + ring.format("#1a7f37") + " target met &nbsp; " + ring.format("#cf222e")
            + " missed &nbsp; " + ring.format("#9a6700") + " unclear &nbsp; "
            + ring.format("#818b98") + " unreported or not yet due. In the table: "
            + _esc("; ".join(LEGEND)) + ". Hover over a figure for its source; "
            "plan-period columns are in the table only.</p>")


def _reports_html(panel: Panel) -> str:
    items = []
    for r in panel.reports:
        facts = [f"year {r.year}" if r.year is not None else "year unknown"]
        if r.results is not None:
            facts.append(f"results {r.results}")
        if r.targets is not None:
            facts.append(f"targets {r.targets}")
        if r.place:
            facts.append(r.place)
        facts.append(f"{r.records} figures")
        items.append(f"<li><code>{_esc(r.name)}</code> — {_esc(', '.join(facts))}</li>")
    noun = "report" if len(panel.reports) == 1 else "reports"
    return (f"<details><summary>{len(panel.reports)} {noun}, earliest first (a later "
            f"report's figure wins)</summary><ol>{''.join(items)}</ol></details>")


def source_text(row: PanelRow, cell: Cell) -> str:
    """What hovering over a figure shows: the figure, its report, line and sentence,
    and what other reports said."""
    record = cell.record
    word = "result" if cell.kind == "actual" else "target"
    lines = [f"{cell.column.key} {word}: {record.text or figure_text(row, record)}"
             + (" (revised)" if cell.revised else ""),
             f"{record.report}, line {record.line}: {record.context or record.text}"]
    for s in cell.statements:
        if s is not cell.current:
            lines.append(f"{s.status.value}: {s.record.text} ({s.record.report}, "
                         f"line {s.record.line})")
    return "\n".join(lines)


def _row_html(row: PanelRow, columns: Sequence[Column], span: tuple[int, int] | None) -> str:
    aka = [n for n in row.names if n != row.indicator]
    name = _esc(row.indicator) + (" ?" if row.doubtful else "")
    if aka:
        name += f'<div class="aka">also: {_esc("、".join(aka))}</div>'
    cells = []
    for column in columns:
        parts = []
        result, target = row.results.get(column.key), row.targets.get(column.key)
        if result is not None:
            parts.append(f'<div class="result" title="{_esc(source_text(row, result))}">'
                         f"{_esc(figure_text(row, result.record))}"
                         f"{REVISED_MARK if result.revised else ''}</div>")
        if target is not None:
            found = row.verdicts.get(column.key)
            mark = f" {MARKS[found]}" if found is not None else ""
            css = f"target {found.value}" if found is not None else "target"
            parts.append(f'<div class="{css}" title="{_esc(source_text(row, target))}">'
                         f"{_esc(figure_text(row, target.record))}"
                         f"{REVISED_MARK if target.revised else ''}{mark}</div>")
        cells.append(f'<td class="cell">{"".join(parts)}</td>')
    return (f'<tr id="row-{row.id}"><th>{row.id}</th><td class="name">{name}</td>'
            f'<td class="unit">{_esc(unit_label(row))}</td>'
            f'<td class="chart">{chart_svg(row, span)}</td>{"".join(cells)}</tr>')


def chart_points(row: PanelRow) -> list[tuple[int, str, Decimal, Cell]]:
    """(year, kind, value in the row's unit, cell) of every single-year figure a chart shows."""
    points = []
    for cells in (row.results, row.targets):
        for cell in cells.values():
            if not cell.column.is_period:
                points.append((cell.column.year, cell.kind, row.value(cell.record), cell))
    return sorted(points, key=lambda p: (p[0], p[1]))


def chart_svg(row: PanelRow, span: tuple[int, int] | None) -> str:
    """A small chart of a row's results (dots on a line) and targets (rings coloured
    by verdict) over the panel's years; each point carries data-year, data-kind and
    data-value (the figure in the row's unit) and a title with its source."""
    points = chart_points(row)
    if not points or span is None:
        return ""
    first, last = span
    values = [p[2] for p in points]
    low, high = min(values), max(values)
    plot_w = Decimal(CHART_WIDTH - CHART_LEFT - CHART_RIGHT)
    plot_h = Decimal(CHART_HEIGHT - CHART_TOP - CHART_BOTTOM)

    def x(year: int) -> Decimal:
        if first == last:
            return (CHART_LEFT + plot_w / 2).quantize(PIXEL)
        return (CHART_LEFT + plot_w * (year - first) / (last - first)).quantize(PIXEL)

    def y(value: Decimal) -> Decimal:
        if low == high:
            return (CHART_TOP + plot_h / 2).quantize(PIXEL)
        return (CHART_TOP + plot_h * (high - value) / (high - low)).quantize(PIXEL)

    bottom = CHART_HEIGHT - CHART_BOTTOM
    out = [f'<svg class="chart" data-row="{row.id}" width="{CHART_WIDTH}" height="{CHART_HEIGHT}" '
           f'viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" '
           f'aria-label="{_esc(row.indicator)} {_esc(unit_label(row))}, {first}–{last}">',
           f'<line class="frame" x1="{CHART_LEFT}" y1="{CHART_TOP}" x2="{CHART_LEFT}" '
           f'y2="{bottom}"/>',
           f'<line class="frame" x1="{CHART_LEFT}" y1="{bottom}" x2="{CHART_WIDTH - CHART_RIGHT}" '
           f'y2="{bottom}"/>',
           f'<text x="{CHART_LEFT - 3}" y="{CHART_TOP + 3}" text-anchor="end">'
           f'{_esc(_short(high))}</text>']
    if low != high:
        out.append(f'<text x="{CHART_LEFT - 3}" y="{bottom}" text-anchor="end">'
                   f'{_esc(_short(low))}</text>')
    out.append(f'<text x="{CHART_LEFT}" y="{CHART_HEIGHT - 3}">{first}</text>')
    if last != first:
        out.append(f'<text x="{CHART_WIDTH - CHART_RIGHT}" y="{CHART_HEIGHT - 3}" '
                   f'text-anchor="end">{last}</text>')
    results = [(year, value) for year, kind, value, _ in points if kind == "actual"]
    for run in _runs(results):
        if len(run) > 1:
            coords = " ".join(f"{x(year)},{y(value)}" for year, value in run)
            out.append(f'<polyline class="line" points="{coords}"/>')
    for year, kind, value, cell in points:
        css = "result" if kind == "actual" else "target"
        found = row.verdicts.get(cell.column.key) if kind == "target" else None
        if found is not None:
            css += f" {found.value}"
        radius = "2.5" if kind == "actual" else "3.5"
        out.append(f'<circle class="{css}" cx="{x(year)}" cy="{y(value)}" r="{radius}" '
                   f'data-year="{year}" data-kind="{kind}" data-value="{format_decimal(value)}">'
                   f"<title>{_esc(source_text(row, cell))}</title></circle>")
    out.append("</svg>")
    return "".join(out)


def _runs(points: list[tuple[int, Decimal]]) -> list[list[tuple[int, Decimal]]]:
    """Results of consecutive years, joined by a line; a gap breaks it."""
    runs: list[list[tuple[int, Decimal]]] = []
    for point in points:
        if runs and runs[-1][-1][0] == point[0] - 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    return runs


def _short(value: Decimal) -> str:
    """An axis label: at most 4 significant digits, never an exponent."""
    if value == 0:
        return "0"
    digits = value.adjusted()
    places = max(0, 3 - digits)
    return format_decimal(value.quantize(Decimal(1).scaleb(-places)).normalize()) \
        if digits < 15 else format_decimal(value)


# --- XLSX ----------------------------------------------------------------------------

FILLS = {Verdict.MET: "D6F5DD", Verdict.MISSED: "FFD7D5", Verdict.UNCLEAR: "FFF1C2",
         Verdict.UNREPORTED: "EAEEF2"}
XLSX_WIDTHS = (6, 60)
XLSX_COLUMN_FIELDS = ("result", "target", "verdict")
XLSX_TAIL = ("base_unit", "years", "names")
QUALIFIER_FORMATS = {"~": "~", ">": ">", ">=": "≥", "<=": "≤", "<": "<"}


def write_panel_xlsx(panel: Panel, stream: IO[bytes]) -> None:
    """Three sheets: ``panel`` (wide: header and names frozen, numbers as numbers
    showing their qualifier and a * when revised, the source of every figure in a
    comment, verdicts coloured), ``long`` (LONG_FIELDS) and ``reports``."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "panel"
    header = [*WIDE_HEAD, *(f"{c.key} {n}" for c in panel.columns for n in XLSX_COLUMN_FIELDS),
              *XLSX_TAIL]
    sheet.append(header)
    widths = [_width(h) for h in header]
    fills = {v: PatternFill("solid", start_color=color) for v, color in FILLS.items()}
    for r, row in enumerate(panel.rows, 2):
        values: list[Any] = [row.id, row.indicator, row.unit, row.measure]
        for column in panel.columns:
            values += [row.results.get(column.key), row.targets.get(column.key),
                       row.verdicts.get(column.key)]
        values += [row.base_unit, row.years, " | ".join(row.names)]
        for c, value in enumerate(values, 1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, Cell):
                number = row.value(value.record)
                _number(cell, number)
                cell.number_format = _figure_format(value, number)
                cell.comment = Comment(source_text(row, value), "luohu", width=320, height=120)
                shown = figure_text(row, value.record)
            elif isinstance(value, Verdict):
                cell.value = value.value
                cell.fill = fills[value]
                shown = value.value
            elif value is None:
                continue
            else:
                _text_or_int(cell, value)
                shown = str(value)
            widths[c - 1] = max(widths[c - 1], _width(shown))
    _finish(sheet, widths, "E2", Font)
    long_sheet = book.create_sheet("long")
    long_sheet.append(list(LONG_FIELDS))
    widths = [_width(h) for h in LONG_FIELDS]
    for r, line in enumerate(long_lines(panel), 2):
        for c, (name, value) in enumerate(line.items(), 1):
            if value is None or value == "":
                continue
            cell = long_sheet.cell(row=r, column=c)
            if name in NUMBER_FIELDS:
                number = Decimal(value)
                _number(cell, number)
                cell.number_format = number_format(number)
            elif isinstance(value, bool):
                cell.value = value
            else:
                _text_or_int(cell, value)
            widths[c - 1] = max(widths[c - 1], _width(str(value)))
    _finish(long_sheet, widths, "A2", Font)
    reports = book.create_sheet("reports")
    fields = ("report", "year", "results", "targets", "place", "figures")
    reports.append(list(fields))
    widths = [_width(h) for h in fields]
    for r, info in enumerate(panel.reports, 2):
        for c, value in enumerate((info.name, info.year, info.results, info.targets,
                                   info.place, info.records), 1):
            if value is None or value == "":
                continue
            _text_or_int(reports.cell(row=r, column=c), value)
            widths[c - 1] = max(widths[c - 1], _width(str(value)))
    _finish(reports, widths, "A2", Font)
    book.save(stream)


def _number(cell, number: Decimal) -> None:
    # openpyxl would write a Decimal through "%.16g"; the exact text goes in (as export does)
    cell.value = format_decimal(number)
    cell.data_type = "n"


def _text_or_int(cell, value: Any) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, int) and not isinstance(value, bool):
        cell.value = value
    else:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
        cell.data_type = "s"  # text, never a formula


def _figure_format(cell: Cell, number: Decimal) -> str:
    """The number's display: its decimals as written, its qualifier before it, * after
    it when revised (``"≥"0.0``, ``0"*"``)."""
    shown = number_format(number)
    sign = QUALIFIER_FORMATS.get(cell.record.qualifier, "")
    if sign:
        shown = f'"{sign}"{shown}'
    if cell.revised:
        shown += f'"{REVISED_MARK}"'
    return shown


def _finish(sheet, widths: Sequence[int], freeze: str, font) -> None:
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = font(bold=True)
    for c, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(c)].width = \
            min(XLSX_WIDTHS[1], max(XLSX_WIDTHS[0], width + 2))
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(1, len(widths)))}{max(1, sheet.max_row)}"


def _width(text: str) -> int:
    """Columns a text takes in a spreadsheet: wide (CJK) characters count two."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.splitlines() or [""]), default=0)
