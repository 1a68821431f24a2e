"""Rich tables for reading records in a terminal.

One table per report, titled with the report's name and its count of records.
The columns are chosen to fit 80 columns and to use up to about 120: the
indicator name takes the room that is left and wraps; every other column is
short and never wraps. The figure column shows value (and the high end of a
range) glued to its unit, as an analyst would write it: ``2630.2億元``,
``5.5-6%``; the year column shows the period of a plan-period figure
(``2021-2025``) instead of its last year. rich is imported only when a table
is drawn.

    >>> import io
    >>> out = io.StringIO()
    >>> render_tables([], ["report.txt"], out, width=80)
    >>> "report.txt: 0 indicators" in out.getvalue()
    True
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from .formats import cell_text, record_values, section_label
from .model import Indicator, format_decimal

if TYPE_CHECKING:
    from rich.console import Console
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
# --fields in a table: these columns take the room left and wrap; the others never wrap
WRAPPING_FIELDS = frozenset({"report", "section", "indicator", "text", "context"})
EMPTY_FILE = "(empty file)"


def make_console(stream: TextIO, width: int | None = None, color: str = "auto") -> Console:
    """A rich Console on `stream`, at most MAX_WIDTH wide unless `width` is given.

    `color` is ``--color``: ``auto`` colours on a terminal unless NO_COLOR is
    set (rich's rule; TERM=dumb has none), ``always`` colours whatever the
    stream, ``never`` writes no style at all.
    """
    from rich.console import Console

    options: dict[str, Any] = {}
    if color == "always":
        options = {"force_terminal": True, "no_color": False, "color_system": "standard"}
    elif color == "never":
        options = {"color_system": None}
    console = Console(file=stream, width=width, highlight=False, **options)
    if width is None and console.width > MAX_WIDTH:
        console.width = MAX_WIDTH
    return console


def render_tables(records: Iterable[Indicator], reports: Sequence[str],
                  stream: TextIO, *, width: int | None = None,
                  fields: Sequence[str] | None = None, color: str = "auto",
                  notes: Mapping[str, str] | None = None) -> None:
    """Print one table per report name, records grouped under their report.

    Reports without records still get a (empty) table, so that the reader sees
    that they were read; `notes` adds a word to a report's title
    (``(empty file)``). `fields` (``--fields``) replaces the usual columns by
    those fields, in that order.
    """
    console = make_console(stream, width, color)
    by_report = group_by_report(records, reports)
    for report, rows in by_report.items():
        console.print(build_table(rows, report, fields, (notes or {}).get(report, "")))


def build_table(records: Sequence[Indicator], report: str,
                fields: Sequence[str] | None = None, note: str = "") -> Table:
    """A rich Table of one report's records."""
    from rich import box
    from rich.table import Table

    noun = "indicator" if len(records) == 1 else "indicators"
    title = f"{report}: {len(records)} {noun}" + (f" {note}" if note else "")
    table = Table(title=title, box=box.SIMPLE_HEAD,
                  title_justify="left", pad_edge=False, collapse_padding=True)
    if fields:
        for name in fields:
            table.add_column(name, **({"min_width": 8, "overflow": "fold"}
                                      if name in WRAPPING_FIELDS else {"no_wrap": True}))
        for record in records:
            values = record_values(record, fields)
            table.add_row(*(cell_text(values[name]) for name in fields))
        return table
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
    ['9', '§1', '2022', 'actual', '地區生產總值', '2630.2億元', '', '']
    >>> from dataclasses import replace
    >>> table_cells(replace(r, year=2025, period="2021-2025"))[2]
    '2021-2025'
    """
    return [str(record.line), section_label(record.section_id), year_cell(record), record.kind,
            record.indicator, figure(record), record.qualifier, record.direction]


def year_cell(record: Indicator) -> str:
    """The period of a plan-period figure (``2021-2025``), else its year, else ""."""
    if record.period:
        return record.period
    return "" if record.year is None else str(record.year)


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


# --- The outline view (`luohu list`) -------------------------------------------
#
# One block per report: a title line, then each section of the outline as a
# heading (id, title cut to the width, how many indicators it holds with its
# subsections), and under it the indicators found directly in it. Subsections
# are indented under their part. Piped, the same text comes out without colour.

OUTLINE_COLUMNS: tuple[tuple[str, dict], ...] = (
    ("line", {"justify": "right", "no_wrap": True, "style": "dim"}),
    ("indicator", {"min_width": 8, "overflow": "fold", "ratio": 1}),
    ("figure", {"no_wrap": True}),
    ("qual", {"no_wrap": True}),
    ("dir", {"no_wrap": True}),
    ("year", {"no_wrap": True}),
    ("kind", {"no_wrap": True}),
)
INDENT = 2
BEFORE_FIRST_HEADING = "(before the first heading)"


def render_outline(reports: Iterable, stream: TextIO, *, width: int | None = None,
                   sections_only: bool = False, color: str = "auto",
                   notes: Mapping[str, str] | None = None,
                   sort: Sequence[tuple[str, bool]] | None = None,
                   limit: int | None = None) -> None:
    """Print each report's outline with its indicators under their sections.

    `reports` are :class:`~luohu_cli.pipeline.Report` (name, sections,
    records). With `sections_only`, only the headings and their counts. `sort`
    (see :func:`luohu_cli.select.parse_sort`) orders the indicators under each
    section, `limit` keeps that many of them (a line says how many more).

        >>> import io
        >>> from luohu_cli.pipeline import Report
        >>> out = io.StringIO()
        >>> render_outline([Report("r.txt", (), ())], out, width=80)
        >>> out.getvalue()
        'r.txt: 0 indicators in 0 sections\\n'
    """
    console = make_console(stream, width, color)
    for number, report in enumerate(reports):
        if number:
            console.print()
        for renderable in outline_renderables(report, sections_only=sections_only,
                                              note=(notes or {}).get(report.name, ""),
                                              sort=sort, limit=limit):
            console.print(renderable)


def shown_sections(report) -> list:
    """The sections an outline shows: every heading, and the text before the first
    one when it holds indicators."""
    sections = outline_sections(report.sections, report.records)
    return [s for s in sections if s.id or count_in(report.records, s.id)]


def outline_renderables(report, *, sections_only: bool = False, note: str = "",
                        sort: Sequence[tuple[str, bool]] | None = None,
                        limit: int | None = None) -> list:
    """The title, section headings and indicator tables of one report, in order."""
    from rich.padding import Padding
    from rich.text import Text

    widths = column_widths(report.records)
    shown = shown_sections(report)
    noun = "indicator" if len(report.records) == 1 else "indicators"
    out: list = [Text(f"{report.name}: {len(report.records)} {noun} in "
                      f"{len(shown)} section{'' if len(shown) == 1 else 's'}"
                      + (f" {note}" if note else ""), style="bold")]
    for section in shown:
        depth = section.id.count(".") if section.id else 0
        out.append(Padding(section_heading(section, count_in(report.records, section.id)),
                           (0, 0, 0, depth * INDENT)))
        own = [r for r in report.records if r.section_id == section.id]
        if own and not sections_only:
            if sort:
                from .select import sort_records

                own = sort_records(own, sort)
            hidden = 0 if limit is None else max(0, len(own) - limit)
            own = own[:len(own) - hidden]
            if own:
                out.append(Padding(outline_table(own, widths), (0, 0, 0, (depth + 1) * INDENT)))
            if hidden:
                out.append(Padding(Text(f"… {hidden} more", style="dim"),
                                   (0, 0, 0, (depth + 1) * INDENT)))
    return out


def section_heading(section, count: int):
    """One line: id, title (cut with … to fit), and the count at the right."""
    from rich.table import Table

    label, title = ((section_label(section.id), section.title) if section.id
                    else (BEFORE_FIRST_HEADING, ""))
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis", style="bold")
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(justify="right", no_wrap=True, style="cyan")
    grid.add_row(label, title, section_time(section), str(count))
    return grid


def section_time(section) -> str:
    """A part's role, and the time and kind its text starts in: `review 2025 actual`;
    for a subsection only the time and kind; nothing before the first heading."""
    if not section.id or section.year is None and not getattr(section, "period", ""):
        return ""
    when = f"{getattr(section, 'period', '') or section.year} {section.kind}"
    role = getattr(section, "role", "")
    return f"{role} {when}" if role and "." not in section.id else when


def outline_table(records: Sequence[Indicator], widths: dict[str, int] | None = None):
    """The indicators of one section, without borders.

    `widths` fixes the width of short columns, so that they line up from one
    section to the next (see :func:`column_widths`).
    """
    from rich.table import Table

    widths = widths or {}
    table = Table(box=None, show_header=False, pad_edge=False, expand=True,
                  padding=(0, 1))
    for header, options in OUTLINE_COLUMNS:
        table.add_column(**options, **({"width": widths[header]} if header in widths else {}))
    for record in records:
        table.add_row(*outline_cells(record))
    return table


def outline_cells(record: Indicator) -> list[str]:
    """One indicator's cells, in ``OUTLINE_COLUMNS`` order."""
    return [str(record.line), record.indicator or "?", figure(record),
            record.qualifier, record.direction, year_cell(record), record.kind]


def column_widths(records: Sequence[Indicator]) -> dict[str, int]:
    """The width every column but the indicator name needs for all of a report's records."""
    from rich.cells import cell_len

    widths: dict[str, int] = {}
    for record in records:
        for (header, _options), cell in zip(OUTLINE_COLUMNS, outline_cells(record)):
            if header != "indicator":
                widths[header] = max(widths.get(header, 0), cell_len(cell))
    return widths


def outline_sections(sections: Sequence, records: Sequence[Indicator]) -> list:
    """The report's sections, plus any that only the records name."""
    from .outline import id_order
    from .records_io import outline_from_records

    known = {s.id for s in sections}
    extra = [r for r in records if r.section_id not in known]
    if not extra:
        return list(sections)
    return sorted([*sections, *(s for s in outline_from_records(extra) if s.id not in known)],
                  key=lambda s: id_order(s.id))


def count_in(records: Sequence[Indicator], section_id: str) -> int:
    """How many records a section holds, its subsections' included."""
    from .select import in_section

    return sum(1 for r in records if in_section(r.section_id, section_id))


def fields_table(fields: Sequence[str], folding: Mapping[str, int], numeric) -> Any:
    """A plain table of the chosen fields (diff and panel --fields): long text folded
    to at least its width in `folding`, numbers right-aligned."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 0),
                  collapse_padding=True)
    for name in fields:
        if name in folding:
            table.add_column(name, overflow="fold", min_width=folding[name])
        else:
            table.add_column(name, no_wrap=True, justify="right" if name in numeric else "left")
    return table
