"""The ``luohu`` command line: parse arguments, call the library, render, exit.

    $ luohu extract seeds/luohu-2023.txt --format csv -o indicators.csv
    $ luohu extract 2022.txt 2023.txt --format jsonl | head
    $ cat report.txt | luohu extract - --encoding gb18030

Conventions every command follows (defined once, below):

- data goes to stdout (or ``--output FILE``, replaced atomically), messages to
  stderr;
- a library error (:class:`~luohu_cli.errors.LuohuError`) is one line
  ``luohu: <message>`` and exit code 1; a usage error (unknown option, bad
  value) is one line and exit code 2; anything unexpected is one line
  ``luohu: internal error: ...`` and exit code 1. A traceback is printed only
  with ``--verbose``, which also turns on debug logging;
- except ``diff``, which exits 2 on every error, as git diff does (its 1
  means "the reports differ");
- a closed pipe (``| head``) ends the command quietly with exit code 0, or
  the status the command had decided on (``diff --exit-code``: 1 when the
  figures differ), never a traceback;
- every message and warning about an input names it (:func:`reading`), so a
  run over many files says which one; a name that is not valid text (bytes
  of another encoding) is shown with ``\\xNN`` escapes, never crashes a writer.

To add a command: write a function of a few lines decorated with
``@app.command(epilog=example(...))``, reuse the ``...Option`` aliases below,
call the library, and hand the records to :func:`emit`.

Only typer is imported here: the library's engine (and its tokenizer) load
when a command runs, so ``luohu --help`` stays fast.
"""
from __future__ import annotations

import codecs
import errno
import logging
import os
import stat
import sys
import tempfile
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, TextIO

import typer
from typer.core import TyperGroup

from . import pipeline
from .errors import LuohuError
from .model import Indicator

try:  # recent typer ships its own copy of click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
except ImportError:  # pragma: no cover - older typer on top of click
    from click.exceptions import ClickException, NoArgsIsHelpError

PROG = "luohu"
OutputFormat = Literal["table", "csv", "json", "jsonl"]


# --- The error boundary ------------------------------------------------------


@dataclass
class Session:
    """What the error boundary learns while a command line is parsed."""

    verbose: bool = False
    status: int = 0  # the exit code should the reader close the pipe (diff --exit-code)


class LuohuGroup(TyperGroup):
    """The root command: turns every failure into one line and an exit code."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             **extra: Any) -> Any:
        extra.pop("standalone_mode", None)
        session = Session()
        try:
            code = super().main(args, prog_name, standalone_mode=False,
                                obj=session, **extra)
        except SystemExit as exc:
            if not closed_pipe(exc):
                raise
            silence_stdout()
            code = session.status
        except BaseException as exc:  # typer turns Ctrl-C into exit code 130
            if closed_pipe(exc):
                silence_stdout()
                code = session.status
            else:
                code = report_failure(exc, verbose=session.verbose)
        sys.exit(code if isinstance(code, int) else 0)


def closed_pipe(exc: BaseException) -> bool:
    """Whether `exc` comes from the reader of stdout going away (``| head``).

    Typer, click and rich end the program with SystemExit(1) when that
    happens; the broken pipe is then the exception being handled.
    """
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, BrokenPipeError) or (
                isinstance(exc, OSError) and exc.errno == errno.EPIPE):
            return True
        exc = exc.__context__  # type: ignore[assignment]
        seen += 1
    return False


def report_failure(exc: BaseException, *, verbose: bool) -> int:
    """Tell the user what went wrong (one line on stderr); return the exit code.

    >>> report_failure(LuohuError("cannot read x.txt: no such file"), verbose=False)
    1
    """
    if isinstance(exc, NoArgsIsHelpError):  # bare `luohu`: the help is the message
        sys.stdout.write(exc.format_message())  # empty when rich printed it already
        return exc.exit_code
    if isinstance(exc, ClickException):
        say(usage_message(exc))
        return exc.exit_code
    if isinstance(exc, typer.Abort):
        say("aborted")
        return 1
    if verbose:
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    source = getattr(exc, "luohu_input", None)
    if isinstance(exc, LuohuError):
        message = str(exc)
        if source is not None and input_label(source) not in message:
            message = f"{input_label(source)}: {message}"
        say(message)
    else:
        hint = "" if verbose else " (run with --verbose for a traceback)"
        where = "" if source is None else f" while reading {input_label(source)}"
        say(f"internal error{where}: {type(exc).__name__}: {exc}{hint}")
    return 1


def usage_message(exc: ClickException) -> str:
    """Click's message plus where to find help, on one line."""
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message


def say(message: str) -> None:
    """Write ``luohu: message`` to stderr as exactly one line, whatever it holds."""
    from .decode import display_name

    one_line = " ".join(display_name(str(message)).splitlines())
    stream = sys.stderr
    try:
        stream.write(f"{PROG}: {one_line}\n")
        stream.flush()
    except UnicodeEncodeError:  # a stderr that is not UTF-8
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(f"{PROG}: {one_line}\n".encode(encoding, "backslashreplace")
                     .decode(encoding))
        stream.flush()


# The input being read, for messages that would not say which (see `reading`).
CURRENT_INPUT: ContextVar[str | None] = ContextVar("luohu_current_input", default=None)


def input_label(name: str) -> str:
    """How a message names an input: its name, escaped if need be, or standard input."""
    from .decode import source_label

    return source_label(name)


@contextmanager
def reading(name: str) -> Iterator[None]:
    """Name `name` in every message and warning given while it is read.

    An unexpected exception carries the name (``luohu_input``), so that
    :func:`report_failure` says which input broke, however many there are.
    """
    token = CURRENT_INPUT.set(name)
    try:
        yield
    except Exception as exc:
        if not closed_pipe(exc) and getattr(exc, "luohu_input", None) is None:
            with suppress(AttributeError, TypeError):
                exc.luohu_input = name  # type: ignore[attr-defined]
        raise
    finally:
        CURRENT_INPUT.reset(token)


class NameTheInput(logging.Filter):
    """Start a warning with the input being read when the warning does not name it."""

    def filter(self, record: logging.LogRecord) -> bool:
        name = CURRENT_INPUT.get()
        if name is not None:
            label = input_label(name)
            message = record.getMessage()
            if label not in message:
                record.msg, record.args = f"{label}: {message}", None
        return True


def silence_stdout() -> None:
    """Point stdout at /dev/null after the reader went away (``| head``).

    Otherwise Python's final flush of stdout fails again and prints a warning.
    """
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def configure_logging(verbose: bool) -> None:
    """Send the library's log records to stderr: debug with --verbose, else warnings."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(NameTheInput())
    detail = "%(name)s: " if verbose else ""
    handler.setFormatter(logging.Formatter(f"{PROG}: %(levelname)s: {detail}%(message)s"))
    logger = logging.getLogger(__package__ or "luohu_cli")
    logger.handlers[:] = [handler]  # replaced, not added: in-process runs repeat
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)


# --- Options shared by every command -----------------------------------------


def _remember_verbose(ctx: typer.Context, verbose: bool) -> bool:
    session = ctx.find_object(Session)
    if session is not None:
        session.verbose = verbose
    configure_logging(verbose)
    return verbose


def _check_encoding(encoding: Optional[str]) -> Optional[str]:
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise typer.BadParameter(f"unknown encoding {encoding!r}") from None
    return encoding


FormatOption = Annotated[Optional[OutputFormat], typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="Output format: table, csv, json or jsonl. "
         "Default: table on a terminal, csv otherwise.")]
EncodingOption = Annotated[Optional[str], typer.Option(
    "--encoding", "-e", callback=_check_encoding, metavar="NAME",
    help="Decode the input with this encoding (e.g. gb18030, big5, utf-16) "
         "instead of detecting it.")]
OutputOption = Annotated[Optional[str], typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write to FILE instead of stdout; FILE is replaced only once "
         "everything is written.")]
VerboseOption = Annotated[bool, typer.Option(
    "--verbose", "-v", callback=_remember_verbose,
    help="Debug logging, and a traceback on errors.")]
ReportsArgument = Annotated[list[str], typer.Argument(
    metavar="REPORT", show_default=False,
    help="Report files to read; - reads standard input.")]


def example(*command_lines: str) -> str:
    """An epilog of example command lines, one per line (every command has one).

    >>> print(example("luohu extract a.txt"))
    Examples:
    <BLANKLINE>
      $ luohu extract a.txt
    """
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in command_lines)


app = typer.Typer(
    name=PROG,
    cls=LuohuGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback(epilog=example(
    "luohu extract report.txt",
    "luohu list report.txt --sections",
    "luohu filter report.txt --kind target --name 生产总值",
    "luohu export report.txt -o indicators.xlsx",
    "luohu diff old.txt new.txt --exit-code",
    "luohu extract --help"))
def root() -> None:
    """Extract every quantified indicator from Chinese government work reports."""


# --- Commands ------------------------------------------------------------------


@app.command(epilog=example(
    "luohu extract seeds/luohu-2023.txt",
    "luohu extract 2022.txt 2023.txt -f csv -o indicators.csv",
    "cat report.txt | luohu extract - -e gb18030 -f jsonl"))
def extract(
    reports: ReportsArgument,
    output_format: FormatOption = None,
    encoding: EncodingOption = None,
    output: OutputOption = None,
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Extract the indicators of one or more reports, one record per figure."""
    from .decode import display_name

    records = []
    for report in reports:
        with reading(report):
            records.extend(pipeline.extract(report, report=display_name(report),
                                            encoding=encoding))
    emit(records, [display_name(report) for report in reports], output_format, output)


# --- Compare two reports: diff -------------------------------------------------
#
# Exit codes as git diff's: 0; with --exit-code, 1 when a figure changed,
# appeared or disappeared; 2 for any error (never 1, which CI reads as "changed").

DIFF_ERROR = 2
DiffModeOption = Annotated[Optional[Literal["version", "year"]], typer.Option(
    "--mode", "-m", case_sensitive=False, show_default=False,
    help="version (two drafts of one report) or year (a report and a later "
         "year's). Default: from the years the reports speak of.")]


@app.command("diff", epilog=example(
    "luohu diff old.txt new.txt --exit-code",
    "luohu diff luohu-2023.txt luohu-2024.txt",
    "luohu diff draft1.txt draft2.txt --all -f csv -o diff.csv"))
def diff_command(
    ctx: typer.Context,
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
    from . import compare
    from .decode import display_name

    if old == "-" and new == "-":
        raise typer.BadParameter("only one of OLD and NEW can be - (standard input)")
    session = ctx.find_object(Session) or Session()
    session.status = DIFF_ERROR  # until the comparison is made
    try:
        reports = []
        for name in (old, new):
            with reading(name):
                reports.append(pipeline.read_report(name, report=display_name(name),
                                                    encoding=encoding))
        result = compare.diff(*reports, mode=mode and mode.lower())
        status = 1 if (exit_code or quiet) and result.differences else 0
        session.status = status  # also when the reader closes the pipe early
        if not quiet:
            emit_diff(result, output_format, output, show_all)
    except Exception as exc:  # an error must not exit 1, which means "the reports differ"
        if closed_pipe(exc):
            silence_stdout()
            raise typer.Exit(session.status) from None
        report_failure(exc, verbose=session.verbose)
        raise typer.Exit(DIFF_ERROR) from None
    if status:
        raise typer.Exit(status)


def emit_diff(result: Any, output_format: OutputFormat | None, output: str | None,
              everything: bool) -> None:
    """Write a diff to stdout or, atomically, to the --output file (as :func:`emit`)."""
    from .diff_render import write_diff

    to_stdout = output in (None, "-")
    if output_format is None:
        output_format = "table" if to_stdout and stdout_is_terminal() else "csv"
    if not to_stdout:
        with atomic_write(Path(output)) as stream:
            write_diff(result, output_format, stream, everything=everything)
        return
    stream = safe_stdout() if output_format == "table" else utf8_stdout()
    try:
        write_diff(result, output_format, stream, everything=everything)
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        silence_stdout()


# --- Browse, filter and export: list, filter, export ----------------------------
#
# Each reads reports or the records an earlier command wrote (JSON Lines, JSON
# or CSV; see records_io), so that commands compose through pipes.


def _criterion(check):
    """A typer callback that turns a library CriteriaError into a usage error."""
    def callback(value):
        from .select import CriteriaError

        if value is None:
            return None
        try:
            return check(value)
        except CriteriaError as err:
            raise typer.BadParameter(str(err)) from None
    return callback


def _section_id(value: str) -> str:
    from .select import Criteria

    return Criteria(section=value).section


def _period(value: str) -> str:
    from .select import Criteria

    return Criteria(period=value.strip().lower()).period


def _pattern(value: str) -> str:
    from .select import compile_pattern

    compile_pattern(value)
    return value


def _decimal(value: str):
    from .select import parse_decimal

    return parse_decimal(value)


SectionOption = Annotated[Optional[str], typer.Option(
    "--section", "-s", metavar="ID", callback=_criterion(_section_id),
    help="Only this section and everything under it: 2 (part 二), 2.3 (its (三)).")]
YearOption = Annotated[Optional[int], typer.Option(
    "--year", "-y", help="Only figures about this year (a plan period's last year counts).")]
PeriodOption = Annotated[Optional[str], typer.Option(
    "--period", metavar="SPAN", callback=_criterion(_period),
    help="Only figures about this plan period (2021-2025), or none: only "
         "single-year figures.")]
KindOption = Annotated[Optional[Literal["actual", "target"]], typer.Option(
    "--kind", "-k", case_sensitive=False, help="Only actual or only target figures.")]
UnitOption = Annotated[Optional[str], typer.Option(
    "--unit", "-u", help="Only this unit as written (億元 and 亿元 are the same).")]
BaseUnitOption = Annotated[Optional[str], typer.Option(
    "--base-unit", help="Only this unit without magnitude (元, %, 户...).")]
NameOption = Annotated[Optional[str], typer.Option(
    "--name", "-n", metavar="TEXT",
    help="Only indicators whose name contains TEXT, in either script.")]
GrepOption = Annotated[Optional[str], typer.Option(
    "--grep", "-g", metavar="PATTERN", callback=_criterion(_pattern),
    help="Only records whose name or context matches this regular expression "
         "(either script; a pattern that runs too long is stopped).")]
MinOption = Annotated[Optional[str], typer.Option(
    "--min", metavar="NUMBER", callback=_criterion(_decimal),
    help="Only records whose base_value is at least NUMBER (e.g. 1e8).")]
MaxOption = Annotated[Optional[str], typer.Option(
    "--max", metavar="NUMBER", callback=_criterion(_decimal),
    help="Only records whose base_value is at most NUMBER.")]
QualifierOption = Annotated[Optional[Literal["exact", "~", ">", ">=", "<=", "<"]], typer.Option(
    "--qualifier", "-q", help="Only this qualifier; exact for none.")]
DirectionOption = Annotated[Optional[Literal["up", "down", "level"]], typer.Option(
    "--direction", "-d", case_sensitive=False,
    help="Only changes up, changes down, or levels.")]
InputsArgument = Annotated[list[str], typer.Argument(
    metavar="REPORT", show_default=False,
    help="Report files, or records written by extract/filter (JSON Lines, JSON "
         "or CSV); - reads standard input.")]
PROGRESS_MIN_INPUTS = 3


@app.command("list", epilog=example(
    "luohu list seeds/luohu-2023.txt",
    "luohu list seeds/luohu-2023.txt --sections",
    "luohu filter seeds/luohu-2023.txt --kind target -f jsonl | luohu list -"))
def list_command(
    reports: InputsArgument,
    sections_only: Annotated[bool, typer.Option(
        "--sections", help="Show the outline only, without the indicators.")] = False,
    encoding: EncodingOption = None,
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Show reports as an outline: sections, their counts, the indicators under each."""
    from .render import render_outline

    try:
        render_outline(load_inputs(reports, encoding), safe_stdout(), sections_only=sections_only)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()


@app.command("filter", epilog=example(
    "luohu filter seeds/luohu-2023.txt --section 2 --kind target",
    "luohu filter seeds/luohu-2023.txt --name 生产总值 --base-unit % -f csv",
    "luohu filter r.txt --grep '固定資產|投資' --min 1e8 -f jsonl -o big.jsonl",
    "luohu filter r.txt --period 2021-2025 -f table",
    "luohu extract r.txt -f jsonl | luohu filter - --year 2023 -f table"))
def filter_command(
    reports: InputsArgument,
    section: SectionOption = None,
    year: YearOption = None,
    period: PeriodOption = None,
    kind: KindOption = None,
    unit: UnitOption = None,
    base_unit: BaseUnitOption = None,
    name: NameOption = None,
    grep: GrepOption = None,
    minimum: MinOption = None,
    maximum: MaxOption = None,
    qualifier: QualifierOption = None,
    direction: DirectionOption = None,
    output_format: FormatOption = None,
    encoding: EncodingOption = None,
    output: OutputOption = None,
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Keep the records that meet every criterion given, in any format extract has."""
    from .select import Criteria, select

    if minimum is not None and maximum is not None and minimum > maximum:
        raise typer.BadParameter(f"--min {minimum} is greater than --max {maximum}",
                                 param_hint="'--min'")
    criteria = Criteria(section=section, year=year, period=period,
                        kind=kind and kind.lower(), unit=unit,
                        base_unit=base_unit, name=name, grep=grep, minimum=minimum,
                        maximum=maximum, qualifier=qualifier,
                        direction=direction and direction.lower())
    loaded = load_inputs(reports, encoding)
    records = list(select((r for report in loaded for r in report.records), criteria))
    emit(records, list(dict.fromkeys(report.name for report in loaded)), output_format, output)


ExportFormatOption = Annotated[Optional[Literal["csv", "json", "jsonl", "xlsx"]], typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="csv, json, jsonl or xlsx. Default: from the extension of FILE.")]


@app.command("export", epilog=example(
    "luohu export seeds/luohu-2023.txt -o indicators.xlsx",
    "luohu export 2022.txt 2023.txt -o indicators.csv --encoding gb18030",
    "luohu extract r.txt -f jsonl | luohu filter - --kind target | luohu export - -o t.xlsx"))
def export_command(
    reports: InputsArgument,
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE", show_default=False,
        help="The file to write (.csv, .json, .jsonl or .xlsx); replaced only "
             "once everything is written.")],
    export_format: ExportFormatOption = None,
    simplified: Annotated[bool, typer.Option(
        "--simplified", help="Write every text field but report in Simplified characters.")
    ] = False,
    csv_encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME", callback=_check_encoding,
        help="CSV only: encoding of the file written (default utf-8; gb18030 for "
             "old spreadsheet programs).")] = None,
    bom: Annotated[Optional[bool], typer.Option(
        "--bom/--no-bom", show_default=False,
        help="CSV only: start UTF-8 with a byte order mark (default: yes).")] = None,
    formula_guard: Annotated[Optional[bool], typer.Option(
        "--formula-guard/--no-formula-guard", show_default=False,
        help="CSV only: put ' before text cells a spreadsheet would run as a "
             "formula (default: yes).")] = None,
    input_encoding: Annotated[Optional[str], typer.Option(
        "--input-encoding", "-e", metavar="NAME", callback=_check_encoding,
        help="Decode the inputs with this encoding instead of detecting it.")] = None,
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Write the records of reports to a file for spreadsheets and programs."""
    from . import export as exporting

    if output == "-":
        raise typer.BadParameter("export writes a file; use extract or filter for "
                                 "standard output", param_hint="'--output'")
    try:
        chosen = exporting.export_format(output, export_format)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="'--output'") from None
    csv_only = {"--encoding": csv_encoding, "--bom/--no-bom": bom,
                "--formula-guard/--no-formula-guard": formula_guard}
    if chosen != "csv" and (given := [n for n, v in csv_only.items() if v is not None]):
        raise typer.BadParameter(f"{', '.join(given)}: for CSV only, not {chosen}")
    try:
        codec = (exporting.csv_encoding(csv_encoding or "utf-8", bom) if chosen == "csv"
                 else None if chosen == "xlsx" else "utf-8")
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="'--bom'") from None
    records = [r for report in load_inputs(reports, input_encoding) for r in report.records]
    if simplified:
        records = exporting.simplified(records)
    with atomic_write(Path(output), encoding=codec) as stream:
        exporting.write_export(records, stream, chosen, formula_guard=formula_guard is not False,
                               name=input_label(output))


def load_inputs(names: Sequence[str], encoding: str | None) -> list[pipeline.Report]:
    """Read every input: reports, or records written before (see records_io.load).

    With many inputs and stderr on a terminal, a progress bar shows on stderr.
    """
    from .records_io import load

    loaded: list[pipeline.Report] = []
    with progress(len(names), "reading") as advance:
        for name in names:
            with reading(name):
                loaded.extend(load(name, encoding))
            advance()
    return loaded


@contextmanager
def progress(total: int, description: str) -> Iterator[Any]:
    """A function to call once per step; a transient rich bar on stderr when it helps.

    Shown only for PROGRESS_MIN_INPUTS or more steps with stderr on a terminal.
    """
    if total < PROGRESS_MIN_INPUTS or not stderr_is_terminal():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(file=sys.stderr, force_terminal=True)
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda: bar.advance(task)


def stderr_is_terminal() -> bool:
    """Whether a person is probably watching stderr (progress bars depend on it)."""
    return sys.stderr.isatty()


# --- Output plumbing shared by every command -----------------------------------


def emit(records: Sequence[Indicator], reports: Sequence[str],
         output_format: OutputFormat | None, output: str | None) -> None:
    """Write records to stdout or, atomically, to the --output file."""
    to_stdout = output in (None, "-")
    if output_format is None:
        output_format = "table" if to_stdout and stdout_is_terminal() else "csv"
    if not to_stdout:
        with atomic_write(Path(output)) as stream:
            write_records(records, reports, output_format, stream)
        return
    stream = safe_stdout() if output_format == "table" else utf8_stdout()
    try:
        write_records(records, reports, output_format, stream)
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        silence_stdout()


def write_records(records: Sequence[Indicator], reports: Sequence[str],
                  output_format: OutputFormat, stream: TextIO) -> None:
    """Render records in one format to an open text stream."""
    if output_format == "table":
        from .render import render_tables

        render_tables(records, reports, stream)
    else:
        from .formats import WRITERS

        WRITERS[output_format](records, stream)
    stream.flush()


def stdout_is_terminal() -> bool:
    """Whether a person is probably reading stdout (the default format depends on it)."""
    return sys.stdout.isatty()


def utf8_stdout() -> TextIO:
    """stdout as UTF-8 without newline translation, whatever the locale says.

    What UTF-8 cannot hold (a lone surrogate) is written as a backslash escape
    rather than stopping the output half-way.
    """
    stdout = sys.stdout
    if hasattr(stdout, "reconfigure"):
        stdout.reconfigure(encoding="utf-8", newline="", errors="backslashreplace")
    return stdout


def safe_stdout() -> TextIO:
    """stdout in its own encoding, with backslash escapes for what it cannot hold."""
    stdout = sys.stdout
    if hasattr(stdout, "reconfigure"):
        stdout.reconfigure(errors="backslashreplace")
    return stdout


@contextmanager
def atomic_write(path: Path, encoding: str | None = "utf-8") -> Iterator[Any]:
    """A text stream whose content replaces ``path`` only when complete.

    The stream is text in `encoding` (UTF-8 by default), or binary when
    `encoding` is None.

    The data goes to a temporary file in the same directory, which is renamed
    over ``path`` (``os.replace``, atomic) once everything is written and
    synced. On any error the temporary file is removed and ``path`` keeps its
    old content, or stays absent. A new file gets the usual permissions, an
    existing one keeps its own.
    """
    mode = file_mode(path)
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise LuohuError(f"cannot write {path}: {exc.strerror}") from exc
    try:
        with (open(fd, "wb") if encoding is None
              else open(fd, "w", encoding=encoding, newline="")) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise LuohuError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise


def file_mode(path: Path) -> int:
    """Permission bits for the written file: the existing file's, else 0666 less umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def main() -> None:
    """Entry point of the ``luohu`` console script."""
    app(prog_name=PROG)


from . import panel_cli  # noqa: E402,F401  (registers `luohu panel`; it reuses the names above)
