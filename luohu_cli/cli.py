"""The ``luohu`` command line: the app, its commands, and the entry point.

    $ luohu extract seeds/luohu-2023.txt --format csv -o indicators.csv
    $ luohu extract 2022.txt 2023.txt --format jsonl | head
    $ cat report.txt | luohu extract - --encoding gb18030

Each command lives in its own module under :mod:`luohu_cli.commands`; the
options they share, the error boundary, and the reading of inputs and writing
of outputs are defined once there (see that package's doc). Only typer is
imported here: the library's engine (and its tokenizer) load when a command
runs, so ``luohu --help`` stays fast.
"""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from .commands import diff, export, extract, panel
from .commands import filter as filter_module
from .commands import list as list_module
from .commands.common import PROG, LuohuCommand, LuohuGroup, example

# (module, the function typer calls), in the order of `luohu --help`
COMMANDS = (
    (extract, extract.extract),
    (list_module, list_module.list_command),
    (filter_module, filter_module.filter_command),
    (export, export.export),
    (diff, diff.diff),
    (panel, panel.panel),
)

app = typer.Typer(
    name=PROG,
    cls=LuohuGroup,
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion: bash, zsh, fish
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback(epilog=example(
    "luohu extract report.txt",
    "luohu list report.txt --sections",
    "luohu filter report.txt --kind target --name 生产总值",
    "luohu export report.txt -o indicators.xlsx",
    "luohu diff old.txt new.txt --exit-code",
    "luohu extract --help"))
def root(
    version: Annotated[Optional[bool], typer.Option(
        "--version", "-V", is_eager=True, callback=show_version,
        help="Show the version and exit.")] = None,
) -> None:
    """Extract every quantified indicator from Chinese government work reports."""


def show_version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"{PROG} {__version__}")
        raise typer.Exit()


for _module, _function in COMMANDS:
    app.command(_module.NAME, epilog=_module.EPILOG, short_help=_module.SHORT,
                cls=LuohuCommand)(_function)


def main() -> None:
    """Entry point of the ``luohu`` console script."""
    app(prog_name=PROG)
