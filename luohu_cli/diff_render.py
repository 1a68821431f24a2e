"""Write a :class:`~luohu_cli.compare.Diff`: a rich table, CSV, JSON or JSON Lines.

Every machine format carries ``DIFF_FIELDS``, in that order (documented in
docs/diff.md). ``old_*`` fields describe the record of the older report,
``new_*`` the newer; in a ``target`` row they are the target and the result.
In JSON, lines and years are integers, ``doubtful`` is a boolean, a field with
nothing to say (no old record, no change) is null, and every other value is a
string: decimals exact, the relative change and the score rounded for reading.

    >>> import io
    >>> out = io.StringIO()
    >>> write_diff_csv([], out)
    >>> out.getvalue().split(",")[:3]
    ['status', 'indicator', 'unit']
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, TextIO

from .compare import Diff, Mode, Row, Status, Verdict, section_key
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
INT_FIELDS = frozenset({"line", "year"})
RELATIVE_PLACES = Decimal("0.1")
MAX_WIDTH = 120
QUALIFIER_SIGNS = {"~": "~", ">": ">", ">=": "≥", "<=": "≤", "<": "<"}
DIRECTION_SIGNS = {"up": "↑", "down": "↓"}
RIGHT = {"overflow": "fold", "justify": "right"}
MOVEMENT_HEADERS = ("", "lines", "indicator", "old", "new", "change")
TARGET_HEADERS = ("verdict", "lines", "indicator", "target", "result", "change", "score")
MARKS = {Status.CHANGED: "~", Status.ADDED: "+", Status.REMOVED: "-", Status.SAME: "="}
SHORT_UNITS = {"个百分点": "pp"}  # percentage points, in a narrow column
GAP = 2  # columns between two columns of a table
MIN_FOLDED_WIDTH = 8
FOLDING = frozenset({"indicator", "old", "new", "change", "target", "result"})
COLUMN_OPTIONS = {"indicator": {"overflow": "fold"}, "old": RIGHT, "new": RIGHT,
                  "target": RIGHT, "result": RIGHT, "change": RIGHT,
                  "rel": {"no_wrap": True, "justify": "right"},
                  "score": {"no_wrap": True, "justify": "right"}}
STATUS_STYLES = {Status.CHANGED: "yellow", Status.ADDED: "green", Status.REMOVED: "red",
                 Status.SAME: "dim"}
VERDICT_STYLES = {Verdict.MET: "green", Verdict.MISSED: "red", Verdict.UNCLEAR: "yellow",
                  Verdict.UNREPORTED: "dim"}


# --- Machine formats -----------------------------------------------------------


def row_values(row: Row) -> dict[str, Any]:
    """Field name -> JSON-ready value, in ``DIFF_FIELDS`` order."""
    values: dict[str, Any] = {
        "status": row.status.value,
        "indicator": row.record.indicator,
        "unit": row.record.unit,
        "base_unit": row.record.base_unit,
        "change": _decimal(row.change),
        "change_unit": row.change_unit if row.change is not None else None,
        "relative_change": _decimal(rounded(row.relative)),
        "score": _decimal(row.score),
        "doubtful": row.doubtful,
        "verdict": row.verdict.value if row.verdict is not None else None,
        "tolerance": _decimal(row.tolerance),
    }
    for side, record in (("old", row.old), ("new", row.new)):
        for name in SIDE_FIELDS:
            values[f"{side}_{name}"] = _side_value(record, name)
    return {name: values[name] for name in DIFF_FIELDS}


def _side_value(record: Indicator | None, name: str) -> Any:
    if record is None:
        return None
    value = getattr(record, name)
    if name in INT_FIELDS or value is None:
        return value
    return format_decimal(value) if isinstance(value, Decimal) else value


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format_decimal(value)


def rounded(relative: Decimal | None) -> Decimal | None:
    """A relative change as read: one decimal place, halves away from zero."""
    return None if relative is None else relative.quantize(RELATIVE_PLACES, ROUND_HALF_UP)


def write_diff_csv(rows: Iterable[Row], stream: TextIO) -> None:
    """A header row, then one row per diff row ('' for null, true/false for doubtful)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(DIFF_FIELDS)
    for row in rows:
        writer.writerow([_cell(v) for v in row_values(row).values()])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_diff_json(rows: Iterable[Row], stream: TextIO) -> None:
    json.dump([row_values(row) for row in rows], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_diff_jsonl(rows: Iterable[Row], stream: TextIO) -> None:
    for row in rows:
        stream.write(json.dumps(row_values(row), ensure_ascii=False))
        stream.write("\n")


DIFF_WRITERS: dict[str, Callable[[Iterable[Row], TextIO], None]] = {
    "csv": write_diff_csv,
    "json": write_diff_json,
    "jsonl": write_diff_jsonl,
}


def write_diff(result: Diff, output_format: str, stream: TextIO, *, everything: bool = False,
               width: int | None = None) -> None:
    """Render a diff in one format to an open text stream."""
    if output_format == "table":
        render_diff_table(result, stream, everything=everything, width=width)
    else:
        DIFF_WRITERS[output_format](result.shown(everything), stream)
    stream.flush()


# --- The table -----------------------------------------------------------------


def render_diff_table(result: Diff, stream: TextIO, *, everything: bool = False,
                      width: int | None = None) -> None:
    """What moved, a block per section; then the targets; colour only on a terminal.

    All blocks share their column widths, so that they read as one table.
    """
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, width=width, highlight=False)
    if width is None and console.width > MAX_WIDTH:
        console.width = MAX_WIDTH
    console.print(headline(result), markup=False)
    shown = result.shown(everything)
    headers = MOVEMENT_HEADERS + ("rel",) * (result.mode is Mode.YEAR) + ("score",)
    groups = [(section_heading(record), [movement_cells(row, result.mode) for row in rows])
              for record, rows in group_by_section([r for r in shown if r.status is not Status.TARGET])]
    widths = column_widths(headers, [cells for _, rows in groups for cells in rows], console.width)
    for k, (heading, rows) in enumerate(groups):
        console.print(Text(heading, style="bold"))
        console.print(_table(headers, rows, widths, show_header=k == 0))
    if result.target_year is not None:
        rows = [target_cells(row) for row in shown if row.status is Status.TARGET]
        console.print(Text(f"Targets for {result.target_year} ({result.old}) against results "
                           f"({result.new})", style="bold"))
        console.print(_table(TARGET_HEADERS, rows,
                             column_widths(TARGET_HEADERS, rows, console.width)))
    console.print(summary(result, everything), markup=False)


def headline(result: Diff) -> str:
    def years(y) -> str:
        return "/".join(str(v) for v in (y.actual, y.target) if v is not None) or "no years"
    return (f"{result.old} → {result.new}: {result.mode.value} mode "
            f"(results/targets {years(result.old_years)} → {years(result.new_years)})")


def group_by_section(rows: Sequence[Row]) -> list[tuple[Indicator, list[Row]]]:
    """Rows by section (id and heading, script and years aside), in order of appearance;
    each group with the record that names its section."""
    groups: dict[tuple[str, str], tuple[Indicator, list[Row]]] = {}
    for row in rows:
        key = (row.record.section_id, section_key(row.record.section))
        groups.setdefault(key, (row.record, []))[1].append(row)
    return list(groups.values())


def section_heading(record: Indicator) -> str:
    if not record.section_id:
        return "(before the first heading)"
    return f"{record.section_id}  {record.section}"


def movement_cells(row: Row, mode: Mode) -> list[Any]:
    from rich.text import Text

    cells = [Text(MARKS[row.status], style=STATUS_STYLES[row.status]), lines(row),
             indicator_cell(row), figure_text(row.old), figure_text(row.new), change_text(row)]
    return cells + [relative_text(row)] * (mode is Mode.YEAR) + [score_text(row)]


def target_cells(row: Row) -> list[Any]:
    from rich.text import Text

    verdict = row.verdict or Verdict.UNCLEAR
    return [Text(verdict.value, style=VERDICT_STYLES[verdict]), lines(row), indicator_cell(row),
            figure_text(row.old), figure_text(row.new), change_text(row), score_text(row)]


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[Any]], total: int) -> list[int]:
    """Every column as wide as its widest cell; if that is too wide, the widest of
    the name and figure columns give way, one cell at a time (their text folds)."""
    from rich.cells import cell_len

    widths = [max([cell_len(header)] + [cell_len(str(cells[k])) for cells in rows])
              for k, header in enumerate(headers)]
    flexible = [k for k, header in enumerate(headers) if header in FOLDING]
    while sum(widths) + GAP * (len(headers) - 1) > total:
        k = max(flexible, key=lambda k: widths[k])
        if widths[k] <= MIN_FOLDED_WIDTH:
            break
        widths[k] -= 1
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


def indicator_cell(row: Row) -> str:
    """The name; the older one after ← when the wording differs; then the plan
    period, if any, in brackets (both sides of a pair have the same)."""
    if row.old is not None and row.new is not None and row.old.indicator != row.new.indicator:
        name = f"{row.new.indicator} ← {row.old.indicator}"
    else:
        name = row.record.indicator or "(unnamed)"
    return f"{name} ({row.record.period})" if row.record.period else name


def figure_text(record: Indicator | None) -> str:
    """Direction, qualifier, value (range), unit: ``↑~6.5%``, ``≤17微克/立方米``."""
    if record is None:
        return ""
    text = format_decimal(record.value)
    if record.value_high is not None:
        text += "-" + format_decimal(record.value_high)
    return (DIRECTION_SIGNS.get(record.direction, "") + QUALIFIER_SIGNS.get(record.qualifier, "")
            + text + record.unit)


def change_text(row: Row) -> str:
    if row.change is None:
        return ""
    return _signed(row.change) + SHORT_UNITS.get(row.change_unit, row.change_unit)


def relative_text(row: Row) -> str:
    relative = rounded(row.relative)
    return "" if relative is None else _signed(relative) + "%"


def _signed(value: Decimal) -> str:
    text = format_decimal(value)
    return text if text.startswith("-") or value == 0 else "+" + text


def score_text(row: Row):
    from rich.text import Text

    if row.score is None:
        return ""
    if row.doubtful:
        return Text(f"{row.score}?", style="yellow")
    return str(row.score)


def summary(result: Diff, everything: bool) -> str:
    """Counts of each status, of doubtful pairs, then of each verdict; what is hidden."""
    def count(rows: Iterable[Row], attr: str, values) -> list[str]:
        return [f"{n} {v.value}" for v in values
                if (n := sum(1 for r in rows if getattr(r, attr) is v))]
    movement = [r for r in result.rows if r.status is not Status.TARGET]
    parts = count(movement, "status", (Status.CHANGED, Status.ADDED, Status.REMOVED, Status.SAME))
    text = ", ".join(parts) or "no figures"
    text += " (~ changed, + added, - removed, = same)" if parts else ""
    doubtful = sum(1 for r in result.shown(everything) if r.doubtful)
    if doubtful:
        text += f"; {doubtful} doubtful pair{'s' if doubtful > 1 else ''} (score?)"
    if result.target_year is not None:
        targets = [r for r in result.rows if r.status is Status.TARGET]
        verdicts = count(targets, "verdict", tuple(Verdict))
        text += f"\ntargets for {result.target_year}: " + (", ".join(verdicts) or "none")
    hidden = [] if everything else [
        f"{n} {what}" for n, what in (
            (sum(1 for r in result.rows if r.status is Status.SAME), "same figures"),
            (sum(1 for r in result.rows if r.verdict is Verdict.UNREPORTED), "unreported targets"))
        if n]
    if hidden:
        text += f"\n({' and '.join(hidden)} hidden: --all shows them)"
    return text
