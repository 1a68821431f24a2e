"""``luohu list``: reports as an outline, the indicators under their sections."""
from __future__ import annotations

import sys
from typing import Annotated

import typer

from .common import example, silence_stdout
from .inputs import load_inputs
from .options import EncodingOption, InputsArgument, VerboseOption
from .outputs import safe_stdout

NAME = "list"
EPILOG = example(
    "luohu list seeds/luohu-2023.txt",
    "luohu list seeds/luohu-2023.txt --sections",
    "luohu filter seeds/luohu-2023.txt --kind target -f jsonl | luohu list -")


def list_command(
    reports: InputsArgument,
    sections_only: Annotated[bool, typer.Option(
        "--sections", help="Show the outline only, without the indicators.")] = False,
    encoding: EncodingOption = None,
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Show reports as an outline: sections, their counts, the indicators under each."""
    from ..render import render_outline

    try:
        render_outline(load_inputs(reports, encoding), safe_stdout(), sections_only=sections_only)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
