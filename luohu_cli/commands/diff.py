"""``luohu diff``: compare two reports.

Exit codes as git diff's: 0; with --exit-code, 1 when a figure changed,
appeared or disappeared (a doubtful pair only with --doubtful-as-changed); 2
for any error (never 1, which CI reads as "changed").
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Optional

import typer

from .common import closed_pipe, example, report_failure, session, silence_stdout
from .inputs import read_reports
from .options import (BomOption, ColorOption, EncodingOption, FormatOption, FormulaGuardOption,
                      NumbersAsStringsOption, OutputOption, VerboseOption, fields_among)
from .outputs import check_output, choose_format, write_output

NAME = "diff"
SHORT = "Compare two reports; targets against results."
EPILOG = example(
    "luohu diff old.txt new.txt --exit-code",
    "luohu diff luohu-2023.txt luohu-2024.txt",
    "luohu diff draft1.txt draft2.txt --all -f csv -o diff.csv",
    "luohu diff 2023.txt 2024.txt -f json -o diff.json",
    "luohu diff 2023.txt 2024.txt --fields status,indicator,old_value,new_value")
DIFF_ERROR = 2
log = logging.getLogger("luohu_cli.commands")


def _diff_fields():
    from ..diff_render import DIFF_FIELDS

    return DIFF_FIELDS


DiffFieldsOption = Annotated[Optional[str], typer.Option(
    "--fields", metavar="LIST", callback=fields_among(_diff_fields, "the diff's fields"),
    help="The fields to write, in this order, separated by commas (e.g. "
         "status,indicator,old_value,new_value,change); in every format, the table "
         "included.")]
DiffModeOption = Annotated[Optional[Literal["version", "year"]], typer.Option(
    "--mode", "-m", case_sensitive=False, show_default=False,
    help="version (two drafts of one report) or year (a report and a later "
         "year's). Default: from the years the reports speak of.")]


def diff(
    old: Annotated[str, typer.Argument(
        metavar="OLD", show_default=False, help="The older report; - reads standard input.")],
    new: Annotated[str, typer.Argument(
        metavar="NEW", show_default=False, help="The newer report; - reads standard input.")],
    mode: DiffModeOption = None,
    show_all: Annotated[bool, typer.Option(
        "--all", "-a", help="Also show unchanged figures, and targets without a result.")
    ] = False,
    exit_code: Annotated[bool, typer.Option(
        "--exit-code", help="Exit with 1 when a figure changed, appeared or disappeared.")
    ] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", help="Print nothing; implies --exit-code.")] = False,
    doubtful_as_changed: Annotated[bool, typer.Option(
        "--doubtful-as-changed",
        help="Count a doubtful pair (score under 0.85) of different figures as changed; "
             "by default it is listed apart and does not count.")] = False,
    output_format: FormatOption = None,
    output: OutputOption = None,
    fields: DiffFieldsOption = None,
    encoding: EncodingOption = None,
    bom: BomOption = False,
    formula_guard: FormulaGuardOption = True,
    numbers_as_strings: NumbersAsStringsOption = False,
    color: ColorOption = "auto",  # acted on by its callback
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Compare two reports: figures changed, added or removed; targets against results.

    Exit status: 0; with --exit-code or --quiet, 1 when the figures differ; 2 on error.
    """
    from .. import compare
    from ..diff_render import DiffShape, differences

    if old == "-" and new == "-":
        raise typer.BadParameter("only one of OLD and NEW can be - (standard input)")
    state = session()
    state.status = DIFF_ERROR  # until the comparison is made
    inputs = [name for name in (old, new) if name != "-"]
    try:
        check_output(output, inputs)  # never over OLD or NEW, refused before the work
        reports = read_reports([old, new], encoding)
        result = compare.diff(*reports, mode=mode and mode.lower())
        warn_if_reversed(result)
        status = 1 if (exit_code or quiet) and differences(result, doubtful_as_changed) else 0
        state.status = status  # also when the reader closes the pipe early
        if not quiet:
            shape = DiffShape(show_all, doubtful_as_changed, formula_guard, bom,
                              numbers_as_strings, state.color, fields)
            emit_diff(result, output_format, output, shape, reports[1].sections,
                      inputs=inputs)
    except Exception as exc:  # an error must not exit 1, which means "the reports differ"
        if closed_pipe(exc):
            silence_stdout()
            raise typer.Exit(state.status) from None
        report_failure(exc, verbose=state.verbose)
        raise typer.Exit(DIFF_ERROR) from None
    if status:
        raise typer.Exit(status)


def warn_if_reversed(result: Any) -> None:
    """A warning when OLD speaks of later years than NEW: the arguments may be swapped."""
    for what, old, new in (("results", result.old_years.actual, result.new_years.actual),
                           ("targets", result.old_years.target, result.new_years.target)):
        if old is not None and new is not None and old > new:
            log.warning("OLD (%s) has %s for %d, NEW (%s) for %d: OLD looks newer than NEW; "
                        "the order is luohu diff OLD NEW", result.old, what, old, result.new, new)
            return


def emit_diff(result: Any, output_format: str | None, output: str | None, shape: Any,
              sections: Any = (), inputs: Sequence[str] | None = None) -> None:
    """Write a diff to stdout or, atomically, to the --output file (never over one of
    the `inputs`)."""
    from ..diff_render import write_diff

    write_output(lambda stream, chosen: write_diff(result, chosen, stream, shape=shape,
                                                   sections=sections),
                 choose_format(output_format, output), output, inputs=inputs)
