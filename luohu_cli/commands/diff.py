"""``luohu diff``: compare two reports.

Exit codes as git diff's: 0; with --exit-code, 1 when a figure changed,
appeared or disappeared; 2 for any error (never 1, which CI reads as "changed").
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

import typer

from .common import closed_pipe, example, report_failure, session, silence_stdout
from .inputs import read_reports
from .options import EncodingOption, FormatOption, OutputOption, VerboseOption
from .outputs import choose_format, write_output

NAME = "diff"
EPILOG = example(
    "luohu diff old.txt new.txt --exit-code",
    "luohu diff luohu-2023.txt luohu-2024.txt",
    "luohu diff draft1.txt draft2.txt --all -f csv -o diff.csv")
DIFF_ERROR = 2
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
    output_format: FormatOption = None,
    encoding: EncodingOption = None,
    output: OutputOption = None,
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Compare two reports: figures changed, added or removed; targets against results.

    Exit status: 0; with --exit-code or --quiet, 1 when the figures differ; 2 on error.
    """
    from .. import compare

    if old == "-" and new == "-":
        raise typer.BadParameter("only one of OLD and NEW can be - (standard input)")
    state = session()
    state.status = DIFF_ERROR  # until the comparison is made
    try:
        result = compare.diff(*read_reports([old, new], encoding), mode=mode and mode.lower())
        status = 1 if (exit_code or quiet) and result.differences else 0
        state.status = status  # also when the reader closes the pipe early
        if not quiet:
            emit_diff(result, output_format, output, show_all)
    except Exception as exc:  # an error must not exit 1, which means "the reports differ"
        if closed_pipe(exc):
            silence_stdout()
            raise typer.Exit(state.status) from None
        report_failure(exc, verbose=state.verbose)
        raise typer.Exit(DIFF_ERROR) from None
    if status:
        raise typer.Exit(status)


def emit_diff(result: Any, output_format: str | None, output: str | None,
              everything: bool) -> None:
    """Write a diff to stdout or, atomically, to the --output file."""
    from ..diff_render import write_diff

    write_output(lambda stream, chosen: write_diff(result, chosen, stream, everything=everything),
                 choose_format(output_format, output), output)
