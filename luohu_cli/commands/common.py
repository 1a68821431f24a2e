"""What every command shares: the session, the error boundary, messages and logging.

Conventions every command follows:

- data goes to stdout (or ``--output FILE``, replaced atomically; see
  :mod:`.outputs`), messages to stderr;
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

Only typer is imported here: the library loads when a command runs.
"""
from __future__ import annotations

import errno
import logging
import os
import sys
import textwrap
import traceback
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from ..errors import LuohuError

try:  # recent typer ships its own copy of click
    from typer._click.core import Context
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer._click.formatting import HelpFormatter, measure_table
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - older typer on top of click
    from click.core import Context
    from click.exceptions import ClickException, NoArgsIsHelpError
    from click.formatting import HelpFormatter, measure_table
    from click.globals import get_current_context

PROG = "luohu"


# --- The session and the error boundary -----------------------------------------


@dataclass
class Session:
    """What the error boundary and the writers learn while a command line is parsed."""

    verbose: bool = False
    status: int = 0  # the exit code should the reader close the pipe (diff --exit-code)
    color: str = "auto"  # --color: auto, always or never
    empty: set[str] = field(default_factory=set)  # report names of inputs that were empty
    inputs: list[str] = field(default_factory=list)  # the input files read (-o may not be one)
    output: str | None = None  # the --output file being written


def session() -> Session:
    """The Session of the command running (a fresh one outside a command line)."""
    ctx = get_current_context(silent=True)
    found = ctx.find_object(Session) if ctx is not None else None
    return found if found is not None else Session()


# --- Help that reads at 80 columns ---------------------------------------------------


def cells(text: str) -> int:
    """Columns `text` takes on a terminal: wide (CJK) characters take two.

    >>> cells("地区 GDP")
    8
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _Wrapper(textwrap.TextWrapper):
    """textwrap measuring columns, not characters, and never breaking a word or an option.

    A word longer than the line (a long path) stands alone on its line.
    """

    def __init__(self, width: int, indent: str = "") -> None:
        super().__init__(width, initial_indent=indent, subsequent_indent=indent,
                         break_on_hyphens=False, break_long_words=False,
                         replace_whitespace=False)

    def _wrap_chunks(self, chunks: list[str]) -> list[str]:
        lines: list[str] = []
        chunks.reverse()
        room = self.width - cells(self.initial_indent)
        while chunks:
            line: list[str] = []
            used = 0
            if chunks[-1].strip() == "" and lines:
                chunks.pop()
            while chunks and (used + cells(chunks[-1]) <= room or not line):
                used += cells(chunks[-1])
                line.append(chunks.pop())
            while line and line[-1].strip() == "":
                line.pop()
            if line:
                lines.append(self.initial_indent + "".join(line))
        return lines


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Paragraphs of `text` wrapped to `width` columns; a paragraph that starts with a
    line holding only ``\\b`` is kept as written (click's convention: examples).

    >>> wrap("a b c", 3)
    ['a b', 'c']
    >>> wrap("\\b\\n  $ luohu extract a.txt", 10)
    ['  $ luohu extract a.txt']
    """
    out: list[str] = []
    for number, paragraph in enumerate(text.split("\n\n")):
        if number:
            out.append("")
        lines = paragraph.split("\n")
        if lines[0].strip() == "\b":
            out.extend(indent + line for line in lines[1:])
        else:
            out.extend(_Wrapper(width, indent).wrap(" ".join(line.strip() for line in lines)))
    return out


class LuohuHelpFormatter(HelpFormatter):
    """Click's help, wrapped in columns: CJK characters count two, option names and
    examples are never cut, no line is wider than the terminal (80 at most)."""

    def write_text(self, text: str) -> None:
        for line in wrap(text, self.width, " " * self.current_indent):
            self.write(f"{line}\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(measure_table(rows)[0], col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            lines = wrap(second, max(self.width - first_col - self.current_indent, 20))
            if cells(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cells(first)) + lines[0] + "\n")
                lines = lines[1:]
            else:
                self.write("\n")
            for line in lines:
                self.write(f"{indent}{' ' * first_col}{line}\n" if line else "\n")


class LuohuContext(Context):
    formatter_class = LuohuHelpFormatter


class LuohuCommand(TyperCommand):
    """A command whose help is :class:`LuohuHelpFormatter`'s, and whose usage line names
    its arguments as a user types them: ``REPORT...``, ``OLD NEW``."""

    context_class = LuohuContext

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = (param.metavar or param.name or "").upper()
                name += "..." if param.nargs != 1 else ""
                pieces.append(name if param.required else f"[{name}]")
        return pieces


# --- The error boundary ------------------------------------------------------------


class LuohuGroup(TyperGroup):
    """The root command: turns every failure into one line and an exit code."""

    context_class = LuohuContext

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             **extra: Any) -> Any:
        extra.pop("standalone_mode", None)
        state = Session()
        try:
            code = super().main(args, prog_name, standalone_mode=False, obj=state, **extra)
        except SystemExit as exc:
            if not closed_pipe(exc):
                raise
            silence_stdout()
            code = state.status
        except BaseException as exc:  # typer turns Ctrl-C into exit code 130
            if closed_pipe(exc):
                silence_stdout()
                code = state.status
            else:
                code = report_failure(exc, verbose=state.verbose)
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
    from ..decode import display_name

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


def silence_stdout() -> None:
    """Point stdout at /dev/null after the reader went away (``| head``).

    Otherwise Python's final flush of stdout fails again and prints a warning.
    """
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# --- Naming the input in every message ----------------------------------------------

# The input being read, for messages that would not say which (see `reading`).
CURRENT_INPUT: ContextVar[str | None] = ContextVar("luohu_current_input", default=None)


def input_label(name: str) -> str:
    """How a message names an input: its name, escaped if need be, or standard input."""
    from ..decode import source_label

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


def configure_logging(verbose: bool) -> None:
    """Send the library's log records to stderr: debug with --verbose, else warnings."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(NameTheInput())
    detail = "%(name)s: " if verbose else ""
    handler.setFormatter(logging.Formatter(f"{PROG}: %(levelname)s: {detail}%(message)s"))
    logger = logging.getLogger("luohu_cli")
    logger.handlers[:] = [handler]  # replaced, not added: in-process runs repeat
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)


def stderr_is_terminal() -> bool:
    """Whether a person is probably watching stderr (progress bars depend on it)."""
    return sys.stderr.isatty()


def example(*command_lines: str) -> str:
    """An epilog of example command lines, kept as written (every command has one).

    A line should fit 80 columns with its indent (tests/test_cli.py checks).

    >>> example("luohu extract a.txt", "luohu list a.txt").split("\\n")
    ['Examples:', '', '\\x08', '  $ luohu extract a.txt', '  $ luohu list a.txt']
    """
    return "Examples:\n\n\b\n" + "\n".join(f"  $ {line}" for line in command_lines)
