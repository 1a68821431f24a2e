"""Every option and argument more than one command takes, defined once.

A command declares its parameters with these aliases, so that one option
name means one thing, with one help text and one behaviour, everywhere:

    def extract(reports: ReportsArgument, output_format: FormatOption = None, ...):

Callbacks check values while the command line is parsed (a bad value is a
usage error, exit code 2) and record what the session needs (--verbose).
"""
from __future__ import annotations

import codecs
from typing import Annotated, Literal, Optional

import typer

from .common import Session, configure_logging

OutputFormat = Literal["table", "csv", "json", "jsonl"]


# --- Callbacks -------------------------------------------------------------------


def _remember_verbose(ctx: typer.Context, verbose: bool) -> bool:
    state = ctx.find_object(Session)
    if state is not None:
        state.verbose = verbose
    configure_logging(verbose)
    return verbose


def check_encoding(encoding: Optional[str]) -> Optional[str]:
    """A typer callback: the name of a codec Python knows, else a usage error."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise typer.BadParameter(f"unknown encoding {encoding!r}") from None
    return encoding


def _criterion(check):
    """A typer callback that turns a library CriteriaError into a usage error."""
    def callback(value):
        from ..select import CriteriaError

        if value is None:
            return None
        try:
            return check(value)
        except CriteriaError as err:
            raise typer.BadParameter(str(err)) from None
    return callback


def _section_id(value: str) -> str:
    from ..select import Criteria

    return Criteria(section=value).section


def _period(value: str) -> str:
    from ..select import Criteria

    return Criteria(period=value.strip().lower()).period


def _pattern(value: str) -> str:
    from ..select import compile_pattern

    compile_pattern(value)
    return value


def _decimal(value: str):
    from ..select import parse_decimal

    return parse_decimal(value)


# --- Inputs and outputs --------------------------------------------------------------

ReportsArgument = Annotated[list[str], typer.Argument(
    metavar="REPORT", show_default=False,
    help="Report files to read; - reads standard input.")]
InputsArgument = Annotated[list[str], typer.Argument(
    metavar="REPORT", show_default=False,
    help="Report files, or records written by extract/filter (JSON Lines, JSON "
         "or CSV); - reads standard input.")]
FormatOption = Annotated[Optional[OutputFormat], typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="Output format: table, csv, json or jsonl. "
         "Default: table on a terminal, csv otherwise.")]
EncodingOption = Annotated[Optional[str], typer.Option(
    "--encoding", "-e", callback=check_encoding, metavar="NAME",
    help="Decode the input with this encoding (e.g. gb18030, big5, utf-16) "
         "instead of detecting it.")]
OutputOption = Annotated[Optional[str], typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write to FILE instead of stdout; FILE is replaced only once "
         "everything is written.")]
VerboseOption = Annotated[bool, typer.Option(
    "--verbose", "-v", callback=_remember_verbose,
    help="Debug logging, and a traceback on errors.")]


# --- Criteria: which records (filter, export; some in panel) ------------------------

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
