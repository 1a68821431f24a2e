"""Writing what a command produces: to stdout, or to ``--output FILE`` atomically.

Every command writes through :func:`write_output`, which chooses the format
when none is given (a table on a terminal, CSV otherwise), opens the right
stream (stdout in its own encoding for tables, UTF-8 without newline
translation for data; or a temporary file renamed over FILE once complete),
and ends quietly when the reader of stdout goes away (``| head``).
"""
from __future__ import annotations

import logging
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..errors import LuohuError
from .common import silence_stdout

if TYPE_CHECKING:
    from ..model import Indicator
    from .options import OutputFormat

log = logging.getLogger("luohu_cli.commands")


def choose_format(output_format: str | None, output: str | None) -> str:
    """--format, else a table on a terminal (stdout only) and CSV otherwise."""
    if output_format is not None:
        return output_format.lower()
    to_stdout = output in (None, "-")
    return "table" if to_stdout and stdout_is_terminal() else "csv"


TEXT_FORMATS = frozenset({"table", "text"})  # for people: trimmed lines, the terminal's encoding


def write_output(render: Callable[[Any, str], None], chosen: str, output: str | None, *,
                 encoding: str | None = "utf-8") -> None:
    """Call ``render(stream, chosen)`` on stdout or, atomically, on the --output file.

    The file is text in `encoding`, or binary when it is None (xlsx). On
    stdout a table is written in the terminal's encoding, data in UTF-8. A
    table's lines never end in spaces (:class:`TrimmedLines`).
    """
    started = time.perf_counter()
    if output not in (None, "-"):
        with atomic_write(Path(output), encoding=encoding) as stream:
            _render(render, stream, chosen)
        log.debug("%s written as %s in %.0f ms", output, chosen,
                  1000 * (time.perf_counter() - started))
        return
    stream = safe_stdout() if chosen in TEXT_FORMATS else utf8_stdout()
    try:
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
    chosen = choose_format(output_format, output)
    write_output(lambda stream, chosen: write_records(records, reports, chosen, stream, shape),
                 chosen, output)


def write_records(records: Sequence[Indicator], reports: Sequence[str],
                  output_format: str, stream: TextIO, shape: Shape = Shape()) -> None:
    """Render records in one format to an open text stream."""
    from ..model import FIELDS

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
