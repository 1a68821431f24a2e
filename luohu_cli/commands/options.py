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
ColorChoice = Literal["auto", "always", "never"]


# --- Callbacks -------------------------------------------------------------------


def _remember_verbose(ctx: typer.Context, verbose: bool) -> bool:
    state = ctx.find_object(Session)
    if state is not None:
        state.verbose = verbose
    configure_logging(verbose)
    return verbose


def _remember_color(ctx: typer.Context, color: str) -> str:
    state = ctx.find_object(Session)
    if state is not None:
        state.color = (color or "auto").lower()
    return color


def _fields(value: Optional[str]):
    from ..formats import parse_fields

    if value is None:
        return None
    try:
        return parse_fields(value)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None


def _sort(value: Optional[str]):
    from ..select import CriteriaError, parse_sort

    if value is None:
        return None
    try:
        return parse_sort(value)
    except CriteriaError as err:
        raise typer.BadParameter(str(err)) from None


def _negated(values: Optional[list[str]]):
    from ..select import NEGATABLE

    for value in values or ():
        if value not in NEGATABLE:
            raise typer.BadParameter(f"--not takes the name of a criterion ("
                                     f"{', '.join(NEGATABLE)}), not {value!r}")
    return values


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
    help="Report files, or directories of them (.txt .text .htm .html); - reads "
         "standard input.")]
InputsArgument = Annotated[list[str], typer.Argument(
    metavar="REPORT", show_default=False,
    help="Report files or directories of them (.txt .text .htm .html), or records "
         "written by extract/filter/export (JSON Lines, JSON, CSV or a .sqlite "
         "database); - reads standard input.")]
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
    help="Say on stderr what was found: each input's encoding and why, repaired "
         "headings, the outline's parts, timings; a traceback on errors.")]
ColorOption = Annotated[ColorChoice, typer.Option(
    "--color", case_sensitive=False, callback=_remember_color, metavar="WHEN",
    help="Colour in tables: auto (on a terminal, unless NO_COLOR is set), always "
         "or never.")]
FieldsOption = Annotated[Optional[str], typer.Option(
    "--fields", metavar="LIST", callback=_fields,
    help="The fields to write, in this order, separated by commas "
         "(e.g. indicator,value,unit,year); in every format, the table included.")]
BomOption = Annotated[bool, typer.Option(
    "--bom", help="CSV: start with a UTF-8 byte order mark, for Excel on Windows.")]
FormulaGuardOption = Annotated[bool, typer.Option(
    "--formula-guard/--no-formula-guard",
    help="CSV: put ' before a text cell a spreadsheet would run as a formula "
         "(=, +, -, @); read back, the ' is removed again.")]
NumbersAsStringsOption = Annotated[bool, typer.Option(
    "--numbers-as-strings",
    help="JSON: write value, base_value and value_high as strings, for tools that "
         "would read JSON numbers as binary floats.")]


# --- Batches: many reports at once ----------------------------------------------------------

RecursiveOption = Annotated[bool, typer.Option(
    "--recursive", "-r",
    help="In a directory given, read the reports in its subdirectories too.")]
JobsOption = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", metavar="N", min=1, show_default=False,
    help="Read N reports at once in worker processes (default: the number of cores; "
         "1 for one input or a small batch). The output is the same whatever N.")]
FailFastOption = Annotated[bool, typer.Option(
    "--fail-fast",
    help="Stop at the first input that cannot be read (by default each bad input is "
         "one line on stderr, the others are written, and the exit code is 1).")]
QuietOption = Annotated[bool, typer.Option(
    "--quiet", "-q",
    help="No progress bar on stderr (shown only when stderr is a terminal).")]


# --- Criteria: which records (filter, export; some in panel) ------------------------

SectionOption = Annotated[Optional[str], typer.Option(
    "--section", "-s", metavar="ID", callback=_criterion(_section_id),
    help="Only this section and everything under it: 2 (part 二), 2.3 or §2.3 "
         "(its (三)).")]
YearOption = Annotated[Optional[int], typer.Option(
    "--year", "-y", metavar="YEAR",
    help="Only figures about this year (a plan period's last year counts).")]
PeriodOption = Annotated[Optional[str], typer.Option(
    "--period", metavar="SPAN", callback=_criterion(_period),
    help="Only figures about this plan period (2021-2025), or none: only "
         "single-year figures.")]
KindOption = Annotated[Optional[Literal["actual", "target"]], typer.Option(
    "--kind", "-k", case_sensitive=False, help="Only actual or only target figures.")]
UnitOption = Annotated[Optional[str], typer.Option(
    "--unit", "-u", metavar="UNIT",
    help="Only this unit as written (億元 and 亿元 are the same).")]
BaseUnitOption = Annotated[Optional[str], typer.Option(
    "--base-unit", metavar="UNIT", help="Only this unit without magnitude (元, %, 户...).")]
NameOption = Annotated[Optional[str], typer.Option(
    "--name", "-n", metavar="TEXT",
    help="Only indicators whose name contains TEXT, in either script, or once "
         "abbreviations are expanded as diff does (规上, GDP).")]
GrepOption = Annotated[Optional[str], typer.Option(
    "--grep", "-g", metavar="PATTERN", callback=_criterion(_pattern),
    help="Only records whose name or context matches this regular expression "
         "(either script; a pattern that runs too long is stopped).")]
MinOption = Annotated[Optional[str], typer.Option(
    "--min", metavar="NUMBER", callback=_criterion(_decimal),
    help="Only records whose base_value is at least NUMBER: 1e8, 100亿, 1億, 5万.")]
MaxOption = Annotated[Optional[str], typer.Option(
    "--max", metavar="NUMBER", callback=_criterion(_decimal),
    help="Only records whose base_value is at most NUMBER.")]
QualifierOption = Annotated[Optional[Literal["exact", "~", ">", ">=", "<=", "<"]], typer.Option(
    "--qualifier", metavar="QUALIFIER",
    help="Only this qualifier: ~, >, >=, <=, < (quote them for the shell), or exact "
         "for none.")]
DirectionOption = Annotated[Optional[Literal["up", "down", "level"]], typer.Option(
    "--direction", "-d", case_sensitive=False,
    help="Only changes worded up (增长), worded down (下降), or levels.")]
ChangeOption = Annotated[Optional[Literal["up", "down"]], typer.Option(
    "--change", "-c", case_sensitive=False,
    help="Only changes up or down by their sign: 增长3.4% is up, 下降8.6% and "
         "增长-12.2% are down (a level is neither).")]
NotOption = Annotated[Optional[list[str]], typer.Option(
    "--not", metavar="CRITERION", callback=_negated,
    help="Invert a criterion given: --name GDP --not name keeps the records whose "
         "name is not GDP's. Repeatable.")]
SortOption = Annotated[Optional[str], typer.Option(
    "--sort", metavar="FIELDS", callback=_sort,
    help="Order by these fields, separated by commas; - before one for "
         "descending (--sort=-base_value).")]
LimitOption = Annotated[Optional[int], typer.Option(
    "--limit", metavar="N", min=0, help="At most N records (after --sort).")]


def criteria(*, section=None, year=None, period=None, kind=None, unit=None, base_unit=None,
             name=None, grep=None, minimum=None, maximum=None, qualifier=None,
             direction=None, change=None, negated=None):
    """The Criteria of the options given; a usage error if they contradict."""
    from ..select import Criteria, CriteriaError

    if minimum is not None and maximum is not None and minimum > maximum:
        raise typer.BadParameter(f"--min {minimum} is greater than --max {maximum}",
                                 param_hint="'--min'")
    try:
        return Criteria(section=section, year=year, period=period, kind=kind and kind.lower(),
                        unit=unit, base_unit=base_unit, name=name, grep=grep, minimum=minimum,
                        maximum=maximum, qualifier=qualifier,
                        direction=direction and direction.lower(),
                        change=change and change.lower(), negated=frozenset(negated or ()))
    except CriteriaError as err:
        raise typer.BadParameter(str(err), param_hint="'--not'") from None


def select_records(records, chosen, sort=None, limit=None):
    """The records that meet `chosen` (Criteria), ordered by `sort`, at most `limit`."""
    from ..select import select, sort_records

    kept = select(records, chosen)
    if sort:
        kept = sort_records(kept, sort)
    kept = list(kept)
    return kept if limit is None else kept[:limit]


# --- --fields of rows that are not records (diff, panel) --------------------------------


def fields_among(known, what: str = "the fields"):
    """A --fields callback for rows with a field list of their own: ``known()`` gives
    the names (called only when --fields is given, so that the library loads when
    the command runs). The names in the order given; else a usage error naming the
    unknown ones and listing the fields.
    """
    def callback(value: Optional[str]):
        if value is None:
            return None
        chosen = tuple(part.strip() for part in value.split(",") if part.strip())
        names = tuple(known())
        unknown = [name for name in chosen if name not in names]
        twice = sorted({name for name in chosen if chosen.count(name) > 1})
        if unknown or not chosen:
            raise typer.BadParameter(
                f"unknown field {', '.join(map(repr, unknown)) or '(none given)'}; "
                f"{what} are {', '.join(names)}")
        if twice:
            raise typer.BadParameter(f"field {', '.join(map(repr, twice))} given twice")
        return chosen
    return callback
