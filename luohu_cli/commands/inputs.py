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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from . import common
from .common import reading, say

if TYPE_CHECKING:
    from ..pipeline import Report

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
        raise InputError(f"{name} is a URL; luohu reads files: download it first, "
                         f"e.g. curl -L -o report.html '{name}', then read report.html",
                         source=name)
    if name == "-" and _stdin_is_terminal():
        say("reading the report from standard input (paste it, then Ctrl-D; "
            "Ctrl-C to stop)")
    return read_bytes(name)


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


def _describe(name: str, report: Report, text: str | None, data: bytes | str,
              started: float, read: float | None) -> None:
    """With --verbose: headings repaired from mojibake, the parts, the time taken."""
    if not log.isEnabledFor(logging.DEBUG):
        return
    from ..formats import section_label

    label = common.input_label(name)
    size = len(data)
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
    now = time.perf_counter()
    timing = (f"read in {1000 * (now - started):.0f} ms" if read is None else
              f"read and decoded in {1000 * (read - started):.0f} ms, analysed in "
              f"{1000 * (now - read):.0f} ms")
    log.debug("%s: %s bytes %s: %d indicators in %d sections", label, f"{size:,}", timing,
              len(report.records), len(report.sections))


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
