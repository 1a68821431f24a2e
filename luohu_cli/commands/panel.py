"""``luohu panel``: one table of every indicator over a series of reports.

The library is :mod:`luohu_cli.panel`, the writers :mod:`luohu_cli.panel_render`;
both load only when the command runs.
"""
from __future__ import annotations

import logging
from typing import Annotated, Literal, Optional

import typer

from . import outputs
from .common import example, session
from .inputs import read_batch
from .options import (BaseUnitOption, BomOption, ColorOption, EncodingOption, FailFastOption,
                      FormulaGuardOption, InputsArgument, JobsOption, NameOption,
                      NumbersAsStringsOption, OutputOption, QuietOption, RecursiveOption,
                      SectionOption, VerboseOption, fields_among)

log = logging.getLogger("luohu_cli.panel")

PanelFormat = Literal["table", "csv", "json", "jsonl", "xlsx", "html"]
EXTENSIONS = {"csv": "csv", "json": "json", "jsonl": "jsonl", "xlsx": "xlsx", "html": "html",
              "htm": "html"}
NAME = "panel"
SHORT = "Every indicator over a series of reports, year by year."
EPILOG = example(
    "luohu panel 2021.txt 2022.txt 2023.txt 2024.txt 2025.txt",
    "luohu panel reports/ --targets --min-years 3",
    "luohu panel reports/ -r -j 4 -f html -o panel.html",
    "luohu panel reports/*.txt -o panel.xlsx",
    "luohu panel indicators.sqlite --long -f csv -o panel-long.csv",
    "luohu panel r/ --long -f table --fields indicator,year,kind,verdict")


def _long_fields():
    from ..panel_render import LONG_FIELDS

    return LONG_FIELDS


PanelFieldsOption = Annotated[Optional[str], typer.Option(
    "--fields", metavar="LIST", callback=fields_among(_long_fields, "the long form's fields"),
    help="With --long: the fields to write, in this order, separated by commas "
         "(e.g. indicator,year,kind,row_value,verdict); in csv, json, jsonl and the "
         "table.")]


def panel(
    reports: InputsArgument,
    output_format: Annotated[Optional[PanelFormat], typer.Option(
        "--format", "-f", case_sensitive=False, show_default=False,
        help="table, csv, json, jsonl, xlsx or html. Default: from the extension of "
             "--output; else table on a terminal, csv otherwise.")] = None,
    long: Annotated[bool, typer.Option(
        "--long", help="The tidy form (csv, json, jsonl, table): one line per figure and "
                       "report, instead of one row per indicator.")] = False,
    fields: PanelFieldsOption = None,
    name: NameOption = None,
    section: SectionOption = None,
    base_unit: BaseUnitOption = None,
    min_years: Annotated[Optional[int], typer.Option(
        "--min-years", metavar="N", min=1,
        help="Only indicators with a result or a target in at least N years.")] = None,
    targets: Annotated[bool, typer.Option(
        "--targets", help="Only indicators that had a target in some year.")] = False,
    allow_mixed: Annotated[bool, typer.Option(
        "--allow-mixed", help="No warning when the reports speak for different places.")
    ] = False,
    encoding: EncodingOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    formula_guard: FormulaGuardOption = True,
    numbers_as_strings: NumbersAsStringsOption = False,
    recursive: RecursiveOption = False,
    jobs: JobsOption = None,
    fail_fast: FailFastOption = False,
    quiet: QuietOption = False,
    color: ColorOption = "auto",  # acted on by its callback
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Follow every indicator over a series of reports, results beside targets, year by year.

    Rows are indicators paired across reports as diff pairs them; per year the
    result, the target and the verdict; where reports disagree the later wins.
    The reports are read as list reads them: files, directories (-r: with their
    subdirectories), records written before (a file or a database).
    """
    from ..panel import build_panel, select_rows
    from ..panel_render import LONG_FORMATS, check_fields, write_panel

    to_stdout = output in (None, "-")
    chosen = choose_format(output_format, None if to_stdout else output)
    if long and chosen not in LONG_FORMATS:
        raise typer.BadParameter(f"--long is for csv, json, jsonl and table, not {chosen} "
                                 "(xlsx always has a long sheet)", param_hint="'--long'")
    try:
        check_fields(fields, chosen, long)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="'--fields'") from None
    if chosen == "xlsx" and to_stdout:
        raise typer.BadParameter("xlsx is written to a file: add -o FILE.xlsx",
                                 param_hint="'--format'")
    if reports.count("-") > 1:
        raise typer.BadParameter("- (standard input) can be given only once")
    read = read_batch(reports, encoding, recursive=recursive, jobs=jobs, fail_fast=fail_fast,
                      quiet=quiet, output=output)  # -o over an input is refused before the work
    whole = build_panel(read.reports, years=[source.year for source in read.sources],
                        places=[source.place for source in read.sources])
    warn_mixed(whole.places(), allow_mixed)
    shown = select_rows(whole, name=name, section=section, base_unit=base_unit,
                        min_years=min_years, targets=targets)
    total = len(whole.rows)
    color_choice = session().color
    outputs.write_output(
        lambda stream, chosen: write_panel(shown, chosen, stream, long=long, total=total,
                                           fields=fields, numbers_as_strings=numbers_as_strings,
                                           color=color_choice, formula_guard=formula_guard,
                                           bom=bom),
        chosen, output, encoding=None if chosen == "xlsx" else "utf-8")
    read.finish()


def choose_format(given: str | None, output: str | None) -> str:
    """--format, else the output file's extension, else table on a terminal and csv otherwise.

    >>> choose_format(None, "out/panel.XLSX"), choose_format("json", "p.txt")
    ('xlsx', 'json')
    """
    if given is not None:
        return given.lower()
    if output is None:
        return "table" if outputs.stdout_is_terminal() else "csv"
    leaf = output.rsplit("/", 1)[-1]
    suffix = leaf.rsplit(".", 1)[-1].lower() if "." in leaf else ""
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    raise typer.BadParameter(f"cannot tell the format of {output!r} from its extension; use "
                             ".csv, .json, .jsonl, .xlsx or .html, or --format",
                             param_hint="'--output'")


def warn_mixed(places: dict[str, list[str]], allow_mixed: bool) -> None:
    """A warning naming the places and their reports when there is more than one."""
    if len(places) < 2 or allow_mixed:
        return
    listed = "; ".join(f"{place} ({', '.join(reports)})" for place, reports in places.items())
    log.warning("reports of different places in one panel: %s. A panel follows one place; "
                "--allow-mixed builds it without this warning", listed)
