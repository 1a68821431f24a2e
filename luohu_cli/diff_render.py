"""Write a :class:`~luohu_cli.compare.Diff`: a rich table, CSV, JSON or JSON Lines.

Every machine format carries ``DIFF_FIELDS``, in that order (documented in
docs/diff.md). ``old_*`` fields describe the record of the older report,
``new_*`` the newer; in a ``target`` row they are the target and the result.
Values follow the records' conventions (:mod:`luohu_cli.formats`): section ids
written ``§2.10``; in JSON, lines and years are integers, ``doubtful`` is a
boolean, numbers (values, changes, scores) are JSON numbers written exactly
(strings with ``numbers_as_strings``), every empty value is null; in CSV empty
is empty, booleans are ``true``/``false`` and text cells are guarded against
formulas. JSON is one object -- ``old``, ``new``, ``mode``, their years and
``rows`` -- so that a saved result says what it compared; CSV and JSON Lines
are plain rows. ``fields`` (``--fields``) chooses and orders the fields of
every format's rows, the table's included (then a plain table of those fields).

A pair whose score is under 0.85 is *doubtful*: unless ``doubtful_as_changed``,
a doubtful pair whose figures differ has the status ``doubtful`` rather than
``changed``, is listed apart in the table and does not make ``--exit-code``
fail.

    >>> import io
    >>> out = io.StringIO()
    >>> write_diff_csv([], out)
    >>> out.getvalue().split(",")[:3]
    ['status', 'indicator', 'unit']
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, TextIO

from .compare import Diff, Mode, Row, Status, Verdict, section_key
from .formats import cell_text, json_object, json_value, section_label
from .model import Indicator, format_decimal

if TYPE_CHECKING:
    from rich.table import Table

SIDE_FIELDS = ("indicator", "section_id", "section", "year", "kind", "value", "value_high",
               "unit", "base_value", "qualifier", "direction", "line", "text", "context",
               "period")
DIFF_FIELDS: tuple[str, ...] = (
    "status", "indicator", "unit", "base_unit",
    "old_section_id", "new_section_id",
    "old_value", "new_value", "old_unit", "new_unit", "old_base_value", "new_base_value",
    "old_qualifier", "new_qualifier", "old_direction", "new_direction",
    "change", "change_unit", "relative_change",
    "old_line", "new_line", "old_text", "new_text",
    "score", "doubtful", "verdict", "tolerance",
    "old_year", "new_year", "old_kind", "new_kind",
    "old_indicator", "new_indicator", "old_section", "new_section",
    "old_value_high", "new_value_high", "old_context", "new_context",
    "old_period", "new_period",
)
NUMBER_FIELDS = frozenset(
    {"change", "relative_change", "score", "tolerance", "doubtful"}
    | {f"{side}_{name}" for side in ("old", "new")
       for name in ("value", "value_high", "base_value", "line", "year")})
INT_FIELDS = frozenset({"line", "year"})
DOUBTFUL = "doubtful"
RELATIVE_PLACES = Decimal("0.1")
MAX_WIDTH = 120
QUALIFIER_SIGNS = {"~": "~", ">": ">", ">=": "≥", "<=": "≤", "<": "<"}
DIRECTION_SIGNS = {"up": "↑", "down": "↓"}
RIGHT = {"no_wrap": True, "justify": "right"}
NAME = {"no_wrap": True, "overflow": "ellipsis"}
MARKS = {Status.CHANGED: "~", Status.ADDED: "+", Status.REMOVED: "-", Status.SAME: "="}
MARKS_LEGEND = " (~ changed, + added, - removed, = same)"
SHORT_UNITS = {"个百分点": "pp"}  # percentage points, in a narrow column
GAP = 2  # columns between two columns of a table
MIN_NAME_WIDTH = 12  # the indicator column gives way down to this, names cut with …
COLUMN_OPTIONS = {"indicator": NAME, "old": RIGHT, "new": RIGHT, "target": RIGHT,
                  "result": RIGHT, "change": RIGHT, "rel": RIGHT, "score": RIGHT}
STATUS_STYLES = {Status.CHANGED: "yellow", Status.ADDED: "green", Status.REMOVED: "red",
                 Status.SAME: "dim"}
VERDICT_STYLES = {Verdict.MET: "green", Verdict.MISSED: "red", Verdict.UNCLEAR: "yellow",
                  Verdict.UNREPORTED: "dim"}


# --- What counts -----------------------------------------------------------------


def is_doubtful(row: Row, doubtful_as_changed: bool = False) -> bool:
    """Whether a row is a doubtful pair of different figures, listed apart (not a change)."""
    return row.doubtful and row.status is Status.CHANGED and not doubtful_as_changed


def differences(result: Diff, doubtful_as_changed: bool = False) -> tuple[Row, ...]:
    """The rows that make ``--exit-code`` fail: changed, added, removed; a doubtful pair
    only with `doubtful_as_changed`."""
    return tuple(row for row in result.differences
                 if not is_doubtful(row, doubtful_as_changed))


def status_of(row: Row, doubtful_as_changed: bool = False) -> str:
    return DOUBTFUL if is_doubtful(row, doubtful_as_changed) else row.status.value


# --- Machine formats -----------------------------------------------------------


def row_values(row: Row, *, doubtful_as_changed: bool = False,
               numbers_as_strings: bool = False,
               fields: Sequence[str] = DIFF_FIELDS) -> dict[str, Any]:
    """Field name -> JSON-ready value, in `fields` order (None for empty)."""
    def number(value: Decimal | None) -> Any:
        if value is None:
            return None
        return format_decimal(value) if numbers_as_strings else value

    values: dict[str, Any] = {
        "status": status_of(row, doubtful_as_changed),
        "indicator": row.record.indicator,
        "unit": row.record.unit,
        "base_unit": row.record.base_unit,
        "change": number(row.change),
        "change_unit": row.change_unit if row.change is not None else None,
        "relative_change": number(rounded(row.relative)),
        "score": number(row.score),
        "doubtful": row.doubtful,
        "verdict": row.verdict.value if row.verdict is not None else None,
        "tolerance": number(row.tolerance),
    }
    for side, record in (("old", row.old), ("new", row.new)):
        for name in SIDE_FIELDS:
            values[f"{side}_{name}"] = _side_value(record, name, numbers_as_strings)
    return {name: None if values[name] == "" else values[name] for name in fields}


def _side_value(record: Indicator | None, name: str, numbers_as_strings: bool) -> Any:
    if record is None:
        return None
    value = getattr(record, name)
    if name == "section_id":
        return section_label(value)
    if isinstance(value, Decimal) and numbers_as_strings:
        return format_decimal(value)
    return value


def rounded(relative: Decimal | None) -> Decimal | None:
    """A relative change as read: one decimal place, halves away from zero."""
    return None if relative is None else relative.quantize(RELATIVE_PLACES, ROUND_HALF_UP)


def write_diff_csv(rows: Iterable[Row], stream: TextIO, *, doubtful_as_changed: bool = False,
                   formula_guard: bool = True, bom: bool = False,
                   fields: Sequence[str] = DIFF_FIELDS) -> None:
    """A header row, then one row per diff row ('' for null, true/false for doubtful);
    text cells a spreadsheet would run are guarded (a quoted header says they are not)."""
    from .export import guard

    writer = csv.writer(stream, lineterminator="\n")
    quote_all = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
    if bom:
        stream.write("\ufeff")
    (writer if formula_guard else quote_all).writerow(fields)
    for row in rows:
        values = row_values(row, doubtful_as_changed=doubtful_as_changed, fields=fields)
        cells = [_cell(values[name]) for name in fields]
        if formula_guard:
            cells = [cell if name in NUMBER_FIELDS else guard(cell)
                     for name, cell in zip(fields, cells)]
        (quote_all if any("\r" in cell for cell in cells) else writer).writerow(cells)


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return cell_text(value)


def write_diff_json(result: Diff, rows: Iterable[Row], stream: TextIO, *,
                    doubtful_as_changed: bool = False, numbers_as_strings: bool = False,
                    fields: Sequence[str] = DIFF_FIELDS) -> None:
    """One object: what was compared (old, new, mode, their years, the target year), then
    the rows."""
    def years(y) -> str:
        return json_object({"actual": y.actual, "target": y.target})

    stream.write("{\n")
    stream.write(f'  "old": {json_value(result.old)},\n  "new": {json_value(result.new)},\n')
    stream.write(f'  "mode": {json_value(result.mode.value)},\n')
    stream.write(f'  "old_years": {years(result.old_years)},\n'
                 f'  "new_years": {years(result.new_years)},\n')
    stream.write(f'  "target_year": {json_value(result.target_year)},\n')
    stream.write('  "rows": [')
    first = True
    for row in rows:
        stream.write("\n    " if first else ",\n    ")
        stream.write(json_object(row_values(row, doubtful_as_changed=doubtful_as_changed,
                                            numbers_as_strings=numbers_as_strings,
                                            fields=fields), "      "))
        first = False
    stream.write("]\n}\n" if first else "\n  ]\n}\n")


def write_diff_jsonl(rows: Iterable[Row], stream: TextIO, *, doubtful_as_changed: bool = False,
                     numbers_as_strings: bool = False,
                     fields: Sequence[str] = DIFF_FIELDS) -> None:
    for row in rows:
        stream.write(json_object(row_values(row, doubtful_as_changed=doubtful_as_changed,
                                            numbers_as_strings=numbers_as_strings,
                                            fields=fields)))
        stream.write("\n")


@dataclass(frozen=True)
class DiffShape:
    """How a diff is shown: the options of ``luohu diff`` that say it."""

    everything: bool = False            # --all
    doubtful_as_changed: bool = False   # --doubtful-as-changed
    formula_guard: bool = True          # CSV
    bom: bool = False                   # CSV
    numbers_as_strings: bool = False    # JSON
    color: str = "auto"                 # table
    fields: tuple[str, ...] | None = None  # --fields; None: DIFF_FIELDS (the usual table)


def write_diff(result: Diff, output_format: str, stream: TextIO, *, everything: bool = False,
               width: int | None = None, shape: DiffShape | None = None,
               sections: Sequence[Any] = ()) -> None:
    """Render a diff in one format to an open text stream.

    `sections` are the newer report's, under which the table groups its rows.
    """
    shape = shape or DiffShape(everything=everything)
    rows = result.shown(shape.everything)
    fields = shape.fields or DIFF_FIELDS
    if output_format == "table" and shape.fields:
        render_fields_table(result, stream, shape=shape, width=width)
    elif output_format == "table":
        render_diff_table(result, stream, shape=shape, width=width, sections=sections)
    elif output_format == "csv":
        write_diff_csv(rows, stream, doubtful_as_changed=shape.doubtful_as_changed,
                       formula_guard=shape.formula_guard, bom=shape.bom, fields=fields)
    elif output_format == "json":
        write_diff_json(result, rows, stream, doubtful_as_changed=shape.doubtful_as_changed,
                        numbers_as_strings=shape.numbers_as_strings, fields=fields)
    else:
        write_diff_jsonl(rows, stream, doubtful_as_changed=shape.doubtful_as_changed,
                         numbers_as_strings=shape.numbers_as_strings, fields=fields)
    stream.flush()


# --- The table -----------------------------------------------------------------


def render_diff_table(result: Diff, stream: TextIO, *, everything: bool = False,
                      width: int | None = None, shape: DiffShape | None = None,
                      sections: Sequence[Any] = ()) -> None:
    """What moved, under the newer report's sections (each heading once, above its rows);
    then the doubtful pairs, apart; then the targets; colour only on a terminal.

    All blocks of one table share their column widths, so that they read as one.
    Names never wrap: they are cut with … to fit; a name worded differently in the
    older report shows on a second line (← old wording), one written only in the
    other script is the same name, shown once.
    """
    from rich.text import Text

    from .render import make_console

    shape = shape or DiffShape(everything=everything)
    console = make_console(stream, width, shape.color)
    console.print(headline(result), markup=False)
    shown = [r for r in result.shown(shape.everything) if r.status is not Status.TARGET]
    doubtful = [r for r in shown if is_doubtful(r, shape.doubtful_as_changed)
                or (r.doubtful and r.status is Status.SAME)]
    moved = [r for r in shown if r not in doubtful]
    headers = ("", "lines", "indicator", "old", "new", "change") + ("rel",) * (
        result.mode is Mode.YEAR)
    grouped = group_by_section(moved, sections)
    for compact in (False, True):  # compact: a change in the newer figure's unit without it
        groups = [(heading, old_only, [movement_cells(row, result.mode, compact)
                                       for row in rows])
                  for heading, old_only, rows in grouped]
        widths = column_widths(headers, [cells for *_, rows in groups for cells in rows],
                               console.width)
        if fits(widths, console.width):
            break
    said_old_only = False
    for k, (heading, old_only, rows) in enumerate(groups):
        if old_only and not said_old_only:
            console.print(Text(f"Under headings {result.new} does not have "
                               f"({result.old}'s):", style="bold"))
            said_old_only = True
        console.print(Text(fit(heading, console.width), style="bold"))
        console.print(_table(headers, rows, widths, show_header=k == 0))
    if compact and groups:
        console.print(Text("(a change without a unit is in the unit of the new figure)",
                           style="dim"))
    if doubtful:
        console.print(Text(f"Doubtful pairs (score under 0.85: maybe not the same indicator; "
                           f"{'counted' if shape.doubtful_as_changed else 'not counted'}"
                           f" as changed)", style="bold"))
        heads = ("", "lines", "indicator", "old", "new", "change", "score")
        rows = [doubtful_cells(row) for row in doubtful]
        console.print(_table(heads, rows, column_widths(heads, rows, console.width)))
    if result.target_year is not None:
        rows = [target_cells(row) for row in result.shown(shape.everything)
                if row.status is Status.TARGET]
        console.print(Text(f"Targets for {result.target_year} ({result.old}) against results "
                           f"({result.new})", style="bold"))
        heads = ("verdict", "lines", "indicator", "target", "result", "change")
        console.print(_table(heads, rows, column_widths(heads, rows, console.width)))
    console.print(summary(result, shape.everything, shape.doubtful_as_changed), markup=False)


FOLDING = {"indicator": 8, "old_indicator": 8, "new_indicator": 8, "old_text": 8,
           "new_text": 8, "old_context": 12, "new_context": 12, "old_section": 8,
           "new_section": 8}  # --fields in a table: these fold, at least this wide


def render_fields_table(result: Diff, stream: TextIO, *, width: int | None = None,
                        shape: DiffShape) -> None:
    """``--fields`` in a table: the headline, one line per row shown with those fields
    as columns (as ``filter --fields -f table``), the status and verdict coloured, then
    the summary."""
    from rich.text import Text

    from .render import fields_table, make_console

    fields = shape.fields or DIFF_FIELDS
    console = make_console(stream, width, shape.color)
    console.print(headline(result), markup=False)
    table = fields_table(fields, FOLDING, NUMBER_FIELDS)
    styles = {**{s.value: style for s, style in STATUS_STYLES.items()},
              **{v.value: style for v, style in VERDICT_STYLES.items()}}
    for row in result.shown(shape.everything):
        values = row_values(row, doubtful_as_changed=shape.doubtful_as_changed, fields=fields)
        table.add_row(*(Text(_cell(values[name]),
                             style=styles.get(values[name], "")
                             if name in ("status", "verdict") else "")
                        for name in fields))
    console.print(table)
    said = summary(result, shape.everything, shape.doubtful_as_changed)
    console.print(said.replace(MARKS_LEGEND, ""), markup=False)  # no marks in this table


def fits(widths: Sequence[int], total: int) -> bool:
    return sum(widths) + GAP * (len(widths) - 1) <= total


def fit(text: str, width: int) -> str:
    """`text` cut with … to `width` columns."""
    from rich.cells import cell_len, set_cell_size

    return text if cell_len(text) <= width else set_cell_size(text, width - 1) + "…"


def headline(result: Diff) -> str:
    def years(y) -> str:
        return "/".join(str(v) for v in (y.actual, y.target) if v is not None) or "no years"
    return (f"{result.old} → {result.new}: {result.mode.value} mode "
            f"(results/targets {years(result.old_years)} → {years(result.new_years)})")


def group_by_section(rows: Sequence[Row], sections: Sequence[Any] = ()
                     ) -> list[tuple[str, bool, list[Row]]]:
    """Rows under the newer report's sections, each heading once, in the outline's order:
    (heading, whether it is a heading of the older report only, rows).

    A row stands under its newer record's section; a removed row under the newer
    section of the same heading (years, ordinals and script aside), else under
    its own heading after the newer report's sections. Without `sections`, the
    headings come from the rows.
    """
    from .outline import id_order

    newer: dict[str, str] = {}   # section key -> id, the newer report's sections
    paths: dict[str, str] = {}   # id -> heading path
    for section in sections:
        if section.id:
            newer.setdefault(section_key(section.path), section.id)
            paths[section.id] = section.path
    for row in rows:
        if row.new is not None and row.status is not Status.TARGET:
            key = section_key(row.new.section)
            newer.setdefault(key, row.new.section_id)
            paths.setdefault(row.new.section_id, row.new.section)
    placed: dict[tuple[int, Any], tuple[str, bool, list[Row]]] = {}
    for row in rows:
        record = row.new if row.new is not None else row.old
        assert record is not None
        sid = newer.get(section_key(record.section)) if record.section_id else ""
        if row.new is not None:
            sid = row.new.section_id
        if sid is None:  # a heading the newer report does not have
            key = (1, (id_order(record.section_id), section_key(record.section)))
            heading = f"{section_label(record.section_id)}  {record.section}"
        else:
            key = (0, id_order(sid))
            heading = (f"{section_label(sid)}  {paths.get(sid, record.section)}" if sid
                       else "(before the first heading)")
        placed.setdefault(key, (heading, sid is None, []))[2].append(row)
    return [placed[key] for key in sorted(placed)]


def movement_cells(row: Row, mode: Mode, compact: bool = False) -> list[Any]:
    from rich.text import Text

    cells = [Text(MARKS[row.status], style=STATUS_STYLES[row.status]), lines(row),
             indicator_cell(row), figure_text(row.old), figure_text(row.new),
             change_text(row, compact)]
    return cells + [relative_text(row)] * (mode is Mode.YEAR)


def doubtful_cells(row: Row) -> list[Any]:
    from rich.text import Text

    mark = "?" if row.status is Status.CHANGED else "="
    return [Text(mark, style="yellow"), lines(row), indicator_cell(row, both=True),
            figure_text(row.old), figure_text(row.new), change_text(row),
            Text(str(row.score), style="yellow")]


def target_cells(row: Row) -> list[Any]:
    from rich.text import Text

    verdict = row.verdict or Verdict.UNCLEAR
    label = verdict.value + ("?" if row.doubtful else "")
    return [Text(label, style=VERDICT_STYLES[verdict]), lines(row), indicator_cell(row),
            figure_text(row.old), figure_text(row.new), change_text(row)]


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[Any]], total: int) -> list[int]:
    """Every column as wide as its widest cell line; if that is too wide, the indicator
    column gives way, down to MIN_NAME_WIDTH (its names are cut with …). Figures are
    never cut."""
    from rich.cells import cell_len

    def width_of(cell: Any) -> int:
        return max((cell_len(line) for line in str(cell).split("\n")), default=0)

    widths = [max([cell_len(header)] + [width_of(cells[k]) for cells in rows])
              for k, header in enumerate(headers)]
    if "indicator" in headers:
        k = headers.index("indicator")
        over = sum(widths) + GAP * (len(headers) - 1) - total
        if over > 0:
            widths[k] = max(MIN_NAME_WIDTH, widths[k] - over)
    return widths


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[int],
           show_header: bool = True) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_header=show_header, show_edge=False,
                  pad_edge=False, collapse_padding=True)
    for header, width in zip(headers, widths):
        table.add_column(header, width=width, **COLUMN_OPTIONS.get(header, {"no_wrap": True}))
    for cells in rows:
        table.add_row(*cells)
    return table


def lines(row: Row) -> str:
    """'9→8', '12→', '→40'."""
    old = "" if row.old is None else str(row.old.line)
    new = "" if row.new is None else str(row.new.line)
    return f"{old}→{new}"


def same_name(old: str, new: str) -> bool:
    """Whether two wordings are one name written in two scripts (地区生产总值 / 地區生產總值).

    >>> same_name("地区生产总值", "地區生產總值"), same_name("規上工業增加值", "規模以上工業增加值")
    (True, False)
    """
    from .text import to_simplified

    return old == new or to_simplified(old) == to_simplified(new)


def indicator_cell(row: Row, both: bool = False) -> str:
    """The name, then the plan period, if any, in brackets; the older wording on a second
    line (``← …``) when it differs more than by script. `both`: the older name even
    when it is the same (a doubtful pair shows what was paired)."""
    name = row.record.indicator or "(unnamed)"
    period = f" ({row.record.period})" if row.record.period else ""
    if row.old is None or row.new is None:
        return name + period
    if both or not same_name(row.old.indicator, row.new.indicator):
        return f"{row.new.indicator or '(unnamed)'}{period}\n← {row.old.indicator or '(unnamed)'}"
    return name + period


def figure_text(record: Indicator | None) -> str:
    """Direction, qualifier, value (range), unit: ``↑~6.5%``, ``≤17微克/立方米``."""
    if record is None:
        return ""
    text = format_decimal(record.value)
    if record.value_high is not None:
        text += "-" + format_decimal(record.value_high)
    return (DIRECTION_SIGNS.get(record.direction, "") + QUALIFIER_SIGNS.get(record.qualifier, "")
            + text + record.unit)


def change_text(row: Row, compact: bool = False) -> str:
    """The change with its unit in the report's own script (the newer figure's unit as
    written), ``pp`` for percentage points; `compact`: without a unit that is the newer
    figure's."""
    from .text import to_simplified

    if row.change is None:
        return ""
    unit = SHORT_UNITS.get(row.change_unit, row.change_unit)
    newer = row.new if row.status is not Status.TARGET else (row.new or row.old)
    if newer is not None and to_simplified(newer.unit) == row.change_unit:
        unit = "" if compact else newer.unit
    return _signed(row.change) + unit


def relative_text(row: Row) -> str:
    relative = rounded(row.relative)
    return "" if relative is None else _signed(relative) + "%"


def _signed(value: Decimal) -> str:
    text = format_decimal(value)
    return text if text.startswith("-") or value == 0 else "+" + text


def summary(result: Diff, everything: bool, doubtful_as_changed: bool = False) -> str:
    """Counts of each status, of doubtful pairs, then of each verdict; what is hidden."""
    movement = [r for r in result.rows if r.status is not Status.TARGET]
    counted = {status: sum(1 for r in movement if r.status is status
                           and not is_doubtful(r, doubtful_as_changed))
               for status in (Status.CHANGED, Status.ADDED, Status.REMOVED, Status.SAME)}
    parts = [f"{n} {status.value}" for status, n in counted.items() if n]
    text = ", ".join(parts) or "no figures"
    text += MARKS_LEGEND if parts else ""
    doubtful = sum(1 for r in movement if r.doubtful and (r.status is Status.CHANGED
                                                           or everything))
    if doubtful:
        text += (f"; {doubtful} doubtful pair{'s' if doubtful > 1 else ''} listed apart"
                 + ("" if doubtful_as_changed else ", not counted as changed"))
    if result.target_year is not None:
        targets = [r for r in result.rows if r.status is Status.TARGET]
        verdicts = [f"{n} {v.value}" for v in Verdict
                    if (n := sum(1 for r in targets if r.verdict is v))]
        text += f"\ntargets for {result.target_year}: " + (", ".join(verdicts) or "none")
        if any(r.doubtful for r in targets):
            text += " (? after a verdict: a doubtful pair)"
    hidden = [] if everything else [
        f"{n} {what}" for n, what in (
            (sum(1 for r in result.rows if r.status is Status.SAME), "same figures"),
            (sum(1 for r in result.rows if r.verdict is Verdict.UNREPORTED), "unreported targets"))
        if n]
    if hidden:
        text += f"\n({' and '.join(hidden)} hidden: --all shows them)"
    return text
