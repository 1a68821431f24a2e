"""Writing what a command produces: to stdout, or to ``--output FILE`` atomically.

Every command writes through :func:`write_output`, which chooses the format
when none is given (a table on a terminal, CSV otherwise), opens the right
stream (stdout in its own encoding for tables, UTF-8 without newline
translation for data; or a temporary file renamed over FILE once complete),
and ends quietly when the reader of stdout goes away (``| head``).
"""
from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import common
from .common import silence_stdout

if TYPE_CHECKING:
    from ..model import Indicator
    from .options import OutputFormat

log = logging.getLogger("luohu_cli.commands")


def choose_format(output_format: str | None, output: str | None,
                  allowed: Sequence[str] = ("table", "csv", "json", "jsonl"),
                  default: str | None = None) -> str:
    """The format to write: the extension of ``-o`` when it names one (an explicit
    --format that disagrees is a usage error), else --format, else `default`, else a
    table on a terminal (stdout only) and CSV otherwise.

    >>> choose_format(None, "t.json"), choose_format("csv", "t.txt")
    ('json', 'csv')
    """
    from ..output import choose_format as by_extension

    to_stdout = output in (None, "-")
    if default is None:
        default = "table" if to_stdout and stdout_is_terminal() else "csv"
    try:
        return by_extension(None if to_stdout else output, output_format, allowed, default)
    except ValueError as err:
        import typer

        raise typer.BadParameter(str(err), param_hint="'--output'") from None


def check_output(output: str | None, inputs: Sequence[str] = ()) -> None:
    """Refuse an --output that cannot be written (a directory, an input, a read-only file)
    before the work starts, rather than after it."""
    if output in (None, "-"):
        return
    from ..output import resolve_target

    resolve_target(output, list(inputs) or common.session().inputs)


TEXT_FORMATS = frozenset({"table", "text"})  # for people: trimmed lines, the terminal's encoding


def write_output(render: Callable[[Any, str], None], chosen: str, output: str | None, *,
                 encoding: str | None = "utf-8", inputs: Sequence[str] | None = None) -> None:
    """Call ``render(stream, chosen)`` on stdout or, atomically, on the --output file.

    The file is text in `encoding`, or binary when it is None (xlsx), written as
    :func:`luohu_cli.output.write_output` says (a device or FIFO in place, a symlink
    through, never over one of the `inputs`, by default the inputs the command read). On
    stdout a table is written in the terminal's encoding, data in UTF-8. A
    table's lines never end in spaces (:class:`TrimmedLines`).
    """
    started = time.perf_counter()
    if output not in (None, "-"):
        from ..output import write_output as write_file

        common.session().output = output
        with write_file(output, encoding,
                        inputs=common.session().inputs if inputs is None else inputs) as stream:
            _render(render, stream, chosen)
        log.debug("%s written as %s in %.0f ms", output, chosen,
                  1000 * (time.perf_counter() - started))
        return
    from ..output import stream_errors

    if encoding is None:
        import typer

        raise typer.BadParameter(f"{chosen} is written to a file: add -o FILE.{chosen}",
                                 param_hint="'--format'")
    stream = safe_stdout() if chosen in TEXT_FORMATS else utf8_stdout()
    try:
        with stream_errors():
            _render(render, stream, chosen)
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        silence_stdout()
    log.debug("written as %s in %.0f ms", chosen, 1000 * (time.perf_counter() - started))


def _render(render: Callable[[Any, str], None], stream: Any, chosen: str) -> None:
    if chosen in TEXT_FORMATS:
        trimmed = TrimmedLines(stream)
        render(trimmed, chosen)
        trimmed.close()
    else:
        render(stream, chosen)
    stream.flush()


class TrimmedLines:
    r"""A text stream writing to another with the spaces at the end of each line removed
    (a style code after them is kept). rich pads every table line to its width.

    >>> import io
    >>> out = io.StringIO()
    >>> t = TrimmedLines(out)
    >>> _ = t.write("a  \nb \x1b[0m\nc  ")
    >>> t.close()
    >>> out.getvalue()
    'a\nb\x1b[0m\nc'
    """

    TAIL = re.compile(r"(?:[ ]|\x1b\[[0-9;]*m)+$")
    CODE = re.compile(r"\x1b\[[0-9;]*m")

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        for line in lines:
            self.stream.write(self.trim(line) + "\n")
        return len(text)

    def trim(self, line: str) -> str:
        tail = self.TAIL.search(line)
        if tail is None:
            return line
        return line[:tail.start()] + "".join(self.CODE.findall(tail.group()))

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        if self.pending:
            self.stream.write(self.trim(self.pending))
            self.pending = ""

    def isatty(self) -> bool:
        return self.stream.isatty()

    def __getattr__(self, name: str) -> Any:  # encoding, fileno, errors ...
        return getattr(self.stream, name)


RECORD_FORMATS = ("table", "csv", "json", "jsonl", "xlsx")  # what extract and filter write


@dataclass(frozen=True)
class Shape:
    """How records are written, whatever the destination: the options that say it."""

    fields: tuple[str, ...] | None = None   # --fields; None: every field
    bom: bool = False                       # --bom (CSV)
    formula_guard: bool = True              # --formula-guard/--no-formula-guard (CSV)
    numbers_as_strings: bool = False        # --numbers-as-strings (JSON)


def emit(records: Sequence[Indicator], reports: Sequence[str],
         output_format: OutputFormat | None, output: str | None,
         shape: Shape = Shape()) -> None:
    """Write records to stdout or, atomically, to the --output file."""
    chosen = choose_format(output_format, output, RECORD_FORMATS)
    write_output(lambda stream, chosen: write_records(records, reports, chosen, stream, shape),
                 chosen, output, encoding=None if chosen == "xlsx" else "utf-8")


def write_records(records: Sequence[Indicator], reports: Sequence[str],
                  output_format: str, stream: TextIO, shape: Shape = Shape()) -> None:
    """Render records in one format to an open text stream."""
    from ..model import FIELDS

    if output_format == "xlsx":
        from ..export import write_xlsx

        write_xlsx(records, stream, name=common.input_label(common.session().output or ""),
                   fields=shape.fields or FIELDS)
        return
    if output_format == "table":
        from ..render import render_tables
        from .common import session
        from .inputs import empty_notes

        render_tables(records, reports, stream, fields=shape.fields, color=session().color,
                      notes=empty_notes())
    else:
        from ..formats import WRITERS

        options = ({"formula_guard": shape.formula_guard, "bom": shape.bom}
                   if output_format == "csv" else
                   {"numbers_as_strings": shape.numbers_as_strings})
        WRITERS[output_format](records, stream, shape.fields or FIELDS, **options)
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


def atomic_write(path: Path | str, encoding: str | None = "utf-8"):
    """The output contract of :func:`luohu_cli.output.write_output`, never over an input
    the command read."""
    from ..output import write_output as write_file

    return write_file(path, encoding, inputs=common.session().inputs)
