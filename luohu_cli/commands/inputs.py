"""Reading what the command line names: report files, records written before, ``-``.

Every command reads through here, so that what an input may be, how it is
named in messages and what is shown while many are read is the same
everywhere:

- :func:`read_reports` -- report texts only (``extract``, ``diff``);
- :func:`load_inputs` -- report texts or records (``list``, ``filter``,
  ``export``; see :mod:`luohu_cli.records_io`);
- :func:`progress` -- a transient bar on stderr for many inputs.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from . import common
from .common import reading

if TYPE_CHECKING:
    from ..pipeline import Report

PROGRESS_MIN_INPUTS = 3


def read_reports(names: Sequence[str], encoding: str | None) -> list[Report]:
    """Read and analyse each report text, in order; each named in its messages."""
    from .. import pipeline
    from ..decode import display_name

    reports = []
    for name in names:
        with reading(name):
            reports.append(pipeline.read_report(name, report=display_name(name),
                                                encoding=encoding))
    return reports


def load_inputs(names: Sequence[str], encoding: str | None) -> list[Report]:
    """Read every input: reports, or records written before (see records_io.load).

    With many inputs and stderr on a terminal, a progress bar shows on stderr.
    """
    from ..records_io import load

    loaded: list[Report] = []
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
    if total < PROGRESS_MIN_INPUTS or not common.stderr_is_terminal():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(file=sys.stderr, force_terminal=True)
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda: bar.advance(task)
