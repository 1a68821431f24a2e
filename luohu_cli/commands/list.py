"""``luohu list``: reports as an outline, the indicators under their sections."""
from __future__ import annotations

from typing import Annotated, Literal, Optional

import typer

from .common import example, session
from .inputs import empty_notes, read_batch
from .options import (BomOption, ColorOption, EncodingOption, FailFastOption, FormulaGuardOption,
                      InputsArgument, JobsOption, OutputOption, QuietOption, RecursiveOption,
                      SortOption, VerboseOption)
from .outputs import choose_format, write_output

NAME = "list"
SHORT = "Reports as an outline: sections, counts, indicators."
EPILOG = example(
    "luohu list seeds/luohu-2023.txt",
    "luohu list seeds/luohu-2023.txt --sections",
    "luohu list r.txt --sort=-base_value --limit 3",
    "luohu list r.txt -f csv -o outline.csv",
    "luohu list reports/ -r --sections",
    "luohu list indicators.sqlite --sections",
    "luohu filter r.txt --kind target -f jsonl | luohu list -")
LIST_FORMATS = ("table", "csv", "json", "jsonl")
ListFormatOption = Annotated[Optional[Literal["table", "csv", "json", "jsonl"]], typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="table: the outline to read (the default, piped too); csv, json or jsonl: "
         "the outline as data, one row per section.")]


def list_command(
    reports: InputsArgument,
    sections_only: Annotated[bool, typer.Option(
        "--sections", help="Show the outline only, without the indicators.")] = False,
    sort: SortOption = None,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", metavar="N", min=0,
        help="At most N indicators under each section (after --sort).")] = None,
    output_format: ListFormatOption = None,
    output: OutputOption = None,
    encoding: EncodingOption = None,
    bom: BomOption = False,
    formula_guard: FormulaGuardOption = True,
    recursive: RecursiveOption = False,
    jobs: JobsOption = None,
    fail_fast: FailFastOption = False,
    quiet: QuietOption = False,
    color: ColorOption = "auto",  # acted on by its callback
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Show reports as an outline: sections, their counts, the indicators under each.

    Each section's count includes its subsections; --sort and --limit order and
    cut the indicators listed under each section.
    """
    chosen = choose_format(output_format, output, LIST_FORMATS, default="table")
    read = read_batch(reports, encoding, recursive=recursive, jobs=jobs, fail_fast=fail_fast,
                      quiet=quiet, output=output)
    loaded = read.reports

    def render(stream, chosen: str) -> None:
        if chosen == "table":
            from ..render import render_outline

            render_outline(loaded, stream, sections_only=sections_only, sort=sort, limit=limit,
                           color=session().color, notes=empty_notes())
            return
        from ..formats import OUTLINE_FIELDS, OUTLINE_NUMBERS, outline_rows, write_rows
        from ..render import shown_sections

        rows = [row for report in loaded
                for row in outline_rows(report, shown_sections(report))]
        write_rows(rows, OUTLINE_FIELDS, chosen, stream, formula_guard=formula_guard, bom=bom,
                   numbers=OUTLINE_NUMBERS)

    write_output(render, chosen, output)
    read.finish()
