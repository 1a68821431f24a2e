"""Reading what the command line names: report files, records written before, ``-``.

Every command reads through here, so that what an input may be, how it is
named in messages and what is said about it is the same everywhere:

- :func:`read_reports` -- report texts only (``extract``, ``diff``);
- :func:`load_inputs` -- report texts or records (``list``, ``filter``,
  ``export``; see :mod:`luohu_cli.records_io`);
- :func:`read_input_bytes` -- the bytes of one input, with the checks and the
  messages every command gives: a URL is not a file (use curl), standard input
  on a terminal is waited for (said on stderr), binary data names how to
  convert it;
- :func:`progress` -- a transient bar on stderr for many inputs.

Both readers return :class:`~luohu_cli.pipeline.Report`; an input that was
empty is remembered in the session (its report name), so that displays can
say ``(empty file)`` (:func:`empty_notes`). With ``--verbose`` each input's encoding and why,
repaired headings, the outline's parts and the time taken are logged.
"""
from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import common
from .common import reading, say

if TYPE_CHECKING:
    from ..pipeline import Report
    from ..sources import Source

log = logging.getLogger("luohu_cli.commands")

PROGRESS_MIN_INPUTS = 3
URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
EMPTY_NOTE = "(empty file)"
# How to turn what people hand over by mistake into text: (signature, extensions, advice)
CONVERSIONS = (
    (b"%PDF-", (".pdf",), "convert it to text first: pdftotext -layout report.pdf report.txt"),
    (b"PK\x03\x04", (".docx", ".xlsx", ".zip", ".odt"),
     "if it is a Word document, save it as plain text, or convert it: "
     "pandoc report.docx -t plain -o report.txt (or soffice --headless --convert-to "
     "txt:Text report.docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", (".doc", ".xls"),
     "convert it to text first: soffice --headless --convert-to txt:Text report.doc"),
    (b"\x89PNG", (".png",), "it is an image: run OCR on it first (tesseract report.png "
                            "report -l chi_sim makes report.txt)"),
    (b"\xff\xd8\xff", (".jpg", ".jpeg"), "it is an image: run OCR on it first (tesseract "
                                         "report.jpg report -l chi_sim makes report.txt)"),
    (b"\x1f\x8b", (".gz",), "decompress it first: gunzip report.txt.gz"),
)
# Checks of an input's bytes a command adds (export: --encoding given to an UTF-8 input)
Check = Callable[[str, bytes], None]


def read_input_bytes(name: str) -> bytes | str:
    """The bytes of one input (text for a stdin that is already text).

    A name that is a URL and no file is an InputError suggesting curl;
    standard input on a terminal gets a line on stderr saying it is awaited.
    """
    from pathlib import Path

    from ..decode import read_bytes
    from ..errors import InputError

    if URL.match(name) and not Path(name).exists():
        raise InputError(url_advice(name), source=name)
    if name == "-" and _stdin_is_terminal():
        say("reading the report from standard input (paste it, then Ctrl-D; "
            "Ctrl-C to stop)")
    return read_bytes(name)


def url_advice(name: str) -> str:
    return (f"{name} is a URL; luohu reads files: download it first, "
            f"e.g. curl -L -o report.html '{name}', then read report.html")


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def read_reports(names: Sequence[str], encoding: str | None) -> list[Report]:
    """Read and analyse each report text, in order; each named in its messages."""
    from .. import pipeline
    from ..decode import decode_bytes, display_name

    reports = []
    for name in names:
        with reading(name):
            started = time.perf_counter()
            data = read_input_bytes(name)
            if isinstance(data, bytes) and _holds_records(data[:65536]):
                from ..errors import InputError

                raise InputError(REFUSE_RECORDS.format(label=common.input_label(name)),
                                 source=name)
            text = (data.removeprefix("\ufeff") if isinstance(data, str)
                    else _decoded(name, data, lambda: decode_bytes(data, encoding, source=name)))
            read = time.perf_counter()
            report = pipeline.analyse(text, display_name(name))
            _describe(name, report, text, data, started, read)
            if not data:
                _mark_empty(report.name)
            reports.append(report)
    return reports


def load_inputs(names: Sequence[str], encoding: str | None,
                check: Check | None = None) -> list[Report]:
    """Read every input: reports, or records written before (see records_io.load).

    `check` sees each input's bytes first (and may raise). With many inputs
    and stderr on a terminal, a progress bar shows on stderr.
    """
    from ..records_io import load

    loaded: list[Report] = []
    with progress(len(names), "reading") as advance:
        for name in names:
            with reading(name):
                started = time.perf_counter()
                data = read_input_bytes(name)
                if check is not None and isinstance(data, bytes):
                    check(name, data)
                reports = _decoded(name, data, lambda: load(name, encoding, data=data))
                for report in reports:
                    _describe(name, report, None, data, started, None)
                if not data:
                    _mark_empty(reports[0].name if reports else name)
                loaded.extend(reports)
            advance()
    return loaded


def _decoded(name: str, data: bytes | str, decode: Callable[[], Any]) -> Any:
    """decode(), with advice added to the error for binary data (how to convert it)."""
    from ..errors import InputError

    try:
        return decode()
    except InputError as err:
        advice = conversion_advice(name, data) if "binary" in str(err) else None
        if advice is None:
            raise
        raise InputError(f"{err}; {advice}", source=getattr(err, "source", name)) from None


def conversion_advice(name: str, data: bytes | str) -> str | None:
    """How to make text of a binary input, told by its first bytes or its extension.

    >>> conversion_advice("r.pdf", b"%PDF-1.7")
    'convert it to text first: pdftotext -layout report.pdf report.txt'
    """
    head = data[:8] if isinstance(data, bytes) else b""
    lower = name.lower()
    for signature, extensions, advice in CONVERSIONS:
        if head.startswith(signature) or lower.endswith(extensions):
            return advice
    return None


def _mark_empty(report: str) -> None:
    common.session().empty.add(report)


def empty_notes() -> dict[str, str]:
    """Report name -> ``(empty file)`` for the inputs read so far that were empty."""
    return {name: EMPTY_NOTE for name in common.session().empty}


def _describe(name: str, report: Report, text: str | None, data: bytes | str | int,
              started: float, read: float | None, now: float | None = None) -> None:
    """With --verbose: headings repaired from mojibake, the parts, the time taken."""
    if not log.isEnabledFor(logging.DEBUG):
        return
    from ..formats import section_label

    label = common.input_label(name)
    size = data if isinstance(data, int) else len(data)
    if not size:
        log.debug("%s: empty file", label)
    if text is not None:
        from ..mojibake import PATTERN, repair

        for match in PATTERN.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            log.debug("%s: line %d: heading repaired from mojibake: %s -> %s", label, line,
                      match.group(), repair(match))
    parts = [s for s in report.sections if s.id and "." not in s.id]
    for section in parts:
        count = sum(1 for r in report.records
                    if r.section_id == section.id or r.section_id.startswith(section.id + "."))
        when = getattr(section, "period", "") or section.year or "no year"
        role = getattr(section, "role", "") or "part"
        log.debug("%s: %s %s (line %d): %s, %s %s, %d indicator%s", label,
                  section_label(section.id), section.title, section.line, role, when,
                  section.kind, count, "" if count == 1 else "s")
    now = time.perf_counter() if now is None else now
    timing = (f"read and analysed in {1000 * (now - started):.0f} ms" if read is None
              and text is not None else f"read in {1000 * (now - started):.0f} ms" if read is None else
              f"read and decoded in {1000 * (read - started):.0f} ms, analysed in "
              f"{1000 * (now - read):.0f} ms")
    log.debug("%s: %s bytes %s: %d indicators in %d sections", label, f"{size:,}", timing,
              len(report.records), len(report.sections))


# --- Batches: directories, many files, bad ones told apart, in parallel ----------------------

REFUSE_RECORDS = ("{label} holds records, not a report: use luohu filter/list/export "
                  "to read records")


@dataclass
class Batch:
    """What a command read: every good input's Sources, in input order, and how many failed."""

    sources: list[Source] = field(default_factory=list)
    failed: int = 0

    @property
    def reports(self) -> list[Report]:
        return [source.report for source in self.sources]

    def finish(self) -> None:
        """After the output is written: exit 1 when an input could not be read."""
        if self.failed:
            import typer

            raise typer.Exit(1)


def read_batch(names: Sequence[str], encoding: str | None, *, recursive: bool = False,
               jobs: int | None = None, fail_fast: bool = False, quiet: bool = False,
               records: bool = True, known: Mapping[str, str] | None = None,
               check: Check | None = None, output: str | None = None) -> Batch:
    """Read every input that `names` stand for (directories expanded, see
    :mod:`luohu_cli.batch`), in `jobs` processes, in order.

    Every input is checked before the work starts. A bad input is one line on
    stderr and the others are read (:meth:`Batch.finish` exits 1 at the end);
    with `fail_fast` the first bad input stops the command. With `records` False
    the command takes reports only: an input holding records is a bad input.
    A progress bar shows on stderr when it is a terminal, unless `quiet`.
    An `output` that cannot be written (an input, a directory, a read-only file)
    is refused before the work.
    """
    from ..batch import expand_inputs, problems
    from ..errors import InputError

    from pathlib import Path

    inputs = [type(entry)(entry.path, url_advice(entry.path)) if entry.problem
              and URL.match(entry.path) and not Path(entry.path).exists() else entry
              for entry in expand_inputs(names, recursive=recursive)]
    if any(entry.path == "-" for entry in inputs) and _stdin_is_terminal():
        say("reading the report from standard input (paste it, then Ctrl-D; "
            "Ctrl-C to stop)")
    common.session().inputs = [i.path for i in inputs if i.path != "-"]
    if output is not None:
        from .outputs import check_output

        check_output(output)
    bad = problems(inputs)
    if bad and fail_fast:
        raise InputError(bad[0].problem or "", source=bad[0].path)
    if len(inputs) > 1 and not fail_fast:
        for entry in bad:  # said at once, before the long work; the others are read
            say(entry.problem or "")
    early = {id(entry) for entry in bad if len(inputs) > 1 and not fail_fast}
    refused: dict[int, str] = {}
    databases: set[int] = set()
    for number, entry in enumerate(inputs):
        if entry.problem or entry.path == "-":
            continue
        head = _head(entry.path)
        if head is not None and _holds_database(head) and records:
            databases.add(number)  # read here, in its turn (see below)
            continue
        if check is not None and head is not None:
            check(entry.path, head)
        if not records and head is not None and _holds_records(head):
            refused[number] = REFUSE_RECORDS.format(label=common.input_label(entry.path))
            if fail_fast:
                raise InputError(refused[number], source=entry.path)
    runnable = [type(entry)(entry.path, refused[number]) if number in refused else entry
                for number, entry in enumerate(inputs)]
    batch = Batch()
    verbose = common.session().verbose
    started = time.perf_counter()
    with bar(inputs, quiet) as advance:
        items = _run(runnable, databases, advance, jobs=jobs, encoding=encoding,
                     fail_fast=fail_fast, known=known)
        while True:
            with _silenced():  # what reading says is captured with the item, said below
                item = next(items, None)
            if item is None:
                break
            with reading(item.path):
                item.replay()
            if item.index in databases and item.error is None:
                try:
                    with reading(item.path):
                        batch.sources.extend(database_sources(item.path))
                    continue
                except InputError as err:
                    item = type(item)(item.index, item.path, error=str(err))
            if item.error is None:
                kept = [s for s in item.sources if records or s.kind != "records"]
                if len(kept) < len(item.sources):
                    item = type(item)(item.index, item.path, error=REFUSE_RECORDS.format(
                        label=common.input_label(item.path)))
                else:
                    now = time.perf_counter()
                    for source in kept:
                        _noted(source, started, now)
                    started = now
                    batch.sources.extend(kept)
                    continue
            batch.failed += 1
            if id(inputs[item.index]) in early:
                continue
            if item.internal:
                if verbose and item.details:
                    sys.stderr.write(item.details)
                prefix = f"{common.input_label(item.path)}: internal error: "
                text = item.error.removeprefix(prefix)
                hint = "" if verbose else " (run with --verbose for a traceback)"
                message = f"internal error while reading {common.input_label(item.path)}: " \
                          f"{text}{hint}"
            else:
                message = item.error
                advice = (conversion_advice(item.path, _head(item.path, 8) or b"")
                          if "binary" in message else None)
                if advice is not None:
                    message = f"{message}; {advice}"
            if fail_fast:
                raise InputError(message, source=item.path)
            if len(inputs) == 1:  # one input: its error is the command's
                raise InputError(message, source=item.path)
            say(message)
    return batch


@contextmanager
def _silenced() -> Iterator[None]:
    """The library's log handlers (stderr) taken off while the block runs."""
    logger = logging.getLogger("luohu_cli")
    handlers = logger.handlers[:]
    logger.handlers[:] = []
    try:
        yield
    finally:
        logger.handlers[:] = handlers


def _run(inputs: Sequence[Any], databases: set[int], advance: Any, **options: Any
         ) -> Iterator[Any]:
    """run_batch over the inputs, in order, the databases among them left to the caller
    (an Item without sources in their place): runs of other inputs go to run_batch."""
    from ..batch import Item, run_batch

    total = len(inputs)
    start = 0
    while start < total:
        if start in databases:
            if advance is not None:
                advance(start + 1, total, inputs[start].path)
            yield Item(start, inputs[start].path)
            start += 1
            continue
        end = start
        while end < total and end not in databases:
            end += 1

        def shifted(done: int, _total: int, path: str, offset: int = start) -> None:
            if advance is not None:
                advance(offset + done, total, path)
        for item in run_batch(inputs[start:end], progress=shifted, **options):
            item = Item(item.index + start, item.path, item.sources, item.error, item.internal,
                        item.details, item.messages)
            yield item
            if options.get("fail_fast") and item.error:
                return
        start = end


def _head(path: str, size: int = 65536) -> bytes | None:
    """The first bytes of a regular file (None for a pipe or device, or on error)."""
    import os
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as stream:
            return stream.read(size)
    except OSError:
        return None


def _holds_records(head: bytes) -> bool:
    from ..records_io import holds_records

    return holds_records(head) or _holds_database(head)


def _holds_database(head: bytes) -> bool:
    from ..database import holds_database

    return holds_database(head)


DATABASE = "(a database, read in this process)"  # the Input.problem that says so


def database_sources(path: str) -> list[Source]:
    """The reports of a database the tool made, as Sources of records."""
    from ..database import read_database
    from ..sources import Source, records_digest

    return [Source(path, report.name, records_digest(report.records), "", None, "", "",
                   report, "records") for report in read_database(path)]


def _noted(source: Source, started: float, now: float) -> None:
    """An empty input remembered (for ``(empty file)``); with --verbose, what was found."""
    import os

    size = None
    if source.path != "-":
        try:
            size = os.stat(source.path).st_size
        except OSError:
            size = None
    if size == 0 or (source.path == "-" and source.sha256 == EMPTY_SHA256):
        _mark_empty(source.name)
    if log.isEnabledFor(logging.DEBUG):
        text = _text_again(source) if source.kind == "report" else None
        _describe(source.path, source.report, text, size or 0, started, None, now)


EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def _text_again(source: Source) -> str | None:
    """The text of a report file, read again for --verbose (headings repaired)."""
    import codecs

    if source.path == "-" or not source.encoding:
        return None
    try:
        with open(source.path, "rb") as stream:
            return stream.read().decode(codecs.lookup(source.encoding).name, "replace")
    except (OSError, LookupError):
        return None


@contextmanager
def bar(inputs: Sequence[Any], quiet: bool = False) -> Iterator[Any]:
    """A ``progress(done, total, path)`` callback for run_batch; a transient rich bar on
    stderr (the file count and the current file) when stderr is a terminal and the work
    is long enough to want one (PROGRESS_MIN_INPUTS inputs, or BIG_INPUT bytes)."""
    if quiet or not common.stderr_is_terminal() or not _long_work(inputs):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, \
        TimeElapsedColumn

    console = Console(file=sys.stderr, force_terminal=True)
    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TextColumn("{task.fields[current]}"),
                  console=console, transient=True) as shown:
        task = shown.add_task("reading", total=len(inputs), current="")

        def advance(done: int, total: int, path: str) -> None:
            shown.update(task, completed=done, total=total,
                         current=common.input_label(path)[-50:])
        yield advance


BIG_INPUT = 256 * 1024  # bytes: a report this big takes about a second


def _long_work(inputs: Sequence[Any]) -> bool:
    import os

    if len(inputs) >= PROGRESS_MIN_INPUTS:
        return True
    total = 0
    for entry in inputs:
        path = getattr(entry, "path", entry)
        try:
            total += os.stat(path).st_size if path != "-" else 0
        except OSError:
            pass
    return total >= BIG_INPUT


@contextmanager
def writing_bar(total: int, what: str, quiet: bool = False) -> Iterator[Any]:
    """A function that wraps records, advancing a bar on stderr as each is written
    (export's XLSX phase), when stderr is a terminal and there are enough of them."""
    if quiet or not common.stderr_is_terminal() or total < WRITING_BAR_MIN:
        yield lambda records: records
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, \
        TimeElapsedColumn

    console = Console(file=sys.stderr, force_terminal=True)
    with Progress(TextColumn(f"writing {what}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as shown:
        task = shown.add_task("writing", total=total)

        def tracked(records: Iterable[Any]) -> Iterator[Any]:
            for number, record in enumerate(records, 1):
                yield record
                if number % 200 == 0 or number == total:
                    shown.update(task, completed=number)
        yield tracked


WRITING_BAR_MIN = 2000  # records: fewer are written in well under a second


@contextmanager
def progress(total: int, description: str) -> Iterator[Any]:
    """A function to call once per step; a transient rich bar on stderr when it helps.

    Shown only for PROGRESS_MIN_INPUTS or more steps with stderr on a terminal.
    """
    if total < PROGRESS_MIN_INPUTS or not common.stderr_is_terminal():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(file=sys.stderr, force_terminal=True)
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda: bar.advance(task)
