"""Rich tables for reading records in a terminal.

One table per report, titled with the report's name and its count of records.
The columns are chosen to fit 80 columns and to use up to about 120: the
indicator name takes the room that is left and wraps; every other column is
short and never wraps. The figure column shows value (and the high end of a
range) glued to its unit, as an analyst would write it: ``2630.2億元``,
``5.5-6%``. rich is imported only when a table is drawn.

    >>> import io
    >>> out = io.StringIO()
    >>> render_tables([], ["report.txt"], out, width=80)
    >>> "report.txt: 0 indicators" in out.getvalue()
    True
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from .model import Indicator, format_decimal

if TYPE_CHECKING:
    from rich.table import Table

# (header, rich column options); the order is the order on screen.
COLUMNS: tuple[tuple[str, dict], ...] = (
    ("line", {"justify": "right", "no_wrap": True}),
    ("sec", {"no_wrap": True}),
    ("year", {"no_wrap": True}),
    ("kind", {"no_wrap": True}),
    ("indicator", {"min_width": 8, "overflow": "fold"}),
    ("figure", {"no_wrap": True}),
    ("qual", {"no_wrap": True}),
    ("dir", {"no_wrap": True}),
)
MAX_WIDTH = 120


def render_tables(records: Iterable[Indicator], reports: Sequence[str],
                  stream: TextIO, *, width: int | None = None) -> None:
    """Print one table per report name, records grouped under their report.

    Reports without records still get a (empty) table, so that the reader sees
    that they were read.
    """
    from rich.console import Console

    console = Console(file=stream, width=width, highlight=False)
    if width is None and console.width > MAX_WIDTH:
        console.width = MAX_WIDTH
    by_report = group_by_report(records, reports)
    for report, rows in by_report.items():
        console.print(build_table(rows, report))


def build_table(records: Sequence[Indicator], report: str) -> Table:
    """A rich Table of one report's records."""
    from rich import box
    from rich.table import Table

    noun = "indicator" if len(records) == 1 else "indicators"
    table = Table(title=f"{report}: {len(records)} {noun}", box=box.SIMPLE_HEAD,
                  title_justify="left", pad_edge=False, collapse_padding=True)
    for header, options in COLUMNS:
        table.add_column(header, **options)
    for record in records:
        table.add_row(*table_cells(record))
    return table


def table_cells(record: Indicator) -> list[str]:
    """The cells of one row, in ``COLUMNS`` order.

    >>> from decimal import Decimal
    >>> r = Indicator("r", 9, 0, 9, "1", "一、", 2022, "actual", "地區生產總值",
    ...               Decimal("2630.2"), "億元", Decimal("263020000000"), "元",
    ...               "", "", "2630.2億元", "")
    >>> table_cells(r)
    ['9', '1', '2022', 'actual', '地區生產總值', '2630.2億元', '', '']
    """
    year = "" if record.year is None else str(record.year)
    return [str(record.line), record.section_id, year, record.kind,
            record.indicator, figure(record), record.qualifier, record.direction]


def figure(record: Indicator) -> str:
    """Value, high end of a range if any, and unit: ``5.5-6%``."""
    text = format_decimal(record.value)
    if record.value_high is not None:
        text += "-" + format_decimal(record.value_high)
    return text + record.unit


def group_by_report(records: Iterable[Indicator],
                    reports: Sequence[str]) -> dict[str, list[Indicator]]:
    """Records grouped by report, in the order the reports were given.

    A record whose report was not named (a library caller's choice) gets its
    own group after the named ones.
    """
    groups: dict[str, list[Indicator]] = {name: [] for name in reports}
    for record in records:
        groups.setdefault(record.report, []).append(record)
    return groups
