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
- a closed pipe (``| head``) ends the command quietly with exit code 0.

To add a command: write a function of a few lines decorated with
``@app.command(epilog=example(...))``, reuse the ``...Option`` aliases below,
call the library, and hand the records to :func:`emit`.

Only typer is imported here: the library's engine (and its tokenizer) load
when a command runs, so ``luohu --help`` stays fast.
"""
from __future__ import annotations

import codecs
import logging
import os
import stat
import sys
import tempfile
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
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


class LuohuGroup(TyperGroup):
    """The root command: turns every failure into one line and an exit code."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             **extra: Any) -> Any:
        extra.pop("standalone_mode", None)
        session = Session()
        try:
            code = super().main(args, prog_name, standalone_mode=False,
                                obj=session, **extra)
        except SystemExit:
            raise
        except BaseException as exc:  # typer turns Ctrl-C into exit code 130
            code = report_failure(exc, verbose=session.verbose)
        sys.exit(code if isinstance(code, int) else 0)


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
    if isinstance(exc, LuohuError):
        say(str(exc))
    else:
        hint = "" if verbose else " (run with --verbose for a traceback)"
        say(f"internal error: {type(exc).__name__}: {exc}{hint}")
    return 1


def usage_message(exc: ClickException) -> str:
    """Click's message plus where to find help, on one line."""
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message


def say(message: str) -> None:
    """Write ``luohu: message`` to stderr as exactly one line."""
    one_line = " ".join(str(message).split("\n"))
    sys.stderr.write(f"{PROG}: {one_line}\n")
    sys.stderr.flush()


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


@app.callback(epilog=example("luohu extract report.txt", "luohu extract --help"))
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
    records = [record for report in reports
               for record in pipeline.extract(report, encoding=encoding)]
    emit(records, reports, output_format, output)


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
    stream = sys.stdout if output_format == "table" else utf8_stdout()
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
    """stdout as UTF-8 without newline translation, whatever the locale says."""
    stdout = sys.stdout
    if hasattr(stdout, "reconfigure"):
        stdout.reconfigure(encoding="utf-8", newline="")
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
