"""``luohu export``: the records of reports written to a file for spreadsheets and programs.

``--encoding`` is the inputs' encoding, as in every command; the CSV written
takes ``--output-encoding``. Before, ``--encoding`` named the CSV's encoding:
an input that is plainly UTF-8 given ``--encoding`` of another codec is how
such a command line shows itself, and it is refused with a message naming
``--output-encoding``, never read as garbage.
"""
from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import Annotated, Literal, Optional

import typer

from .common import example, input_label
from .inputs import read_batch, writing_bar
from .options import (BaseUnitOption, ChangeOption, DirectionOption, EncodingOption,
                      FailFastOption, FieldsOption, GrepOption, InputsArgument, JobsOption,
                      KindOption, LimitOption, MaxOption, MinOption, NameOption, NotOption,
                      NumbersAsStringsOption, PeriodOption, QualifierOption, QuietOption,
                      RecursiveOption, SectionOption, SortOption, UnitOption, VerboseOption,
                      YearOption, check_encoding, criteria, select_records)
from .outputs import atomic_write

NAME = "export"
SHORT = "Records to a file for spreadsheets and programs."
EPILOG = example(
    "luohu export seeds/luohu-2023.txt -o indicators.xlsx",
    "luohu export 2022.txt 2023.txt -o t.csv --output-encoding gb18030",
    "luohu export r.txt --kind target --year 2023 --base-unit % -o targets.xlsx",
    "luohu export r.txt -o t.csv --fields report,indicator,value,unit,year",
    "luohu extract r.txt -f jsonl | luohu export - --kind target -o t.xlsx",
    "luohu export reports/ -r -j 4 -o indicators.sqlite")
EXPORT_FORMATS = ("csv", "json", "jsonl", "xlsx", "sqlite")
ExportFormatOption = Annotated[Optional[Literal["csv", "json", "jsonl", "xlsx", "sqlite"]],
                               typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="csv, json, jsonl, xlsx or sqlite. Default: from the extension of FILE "
         "(.sqlite, .sqlite3 and .db: a database, added to when it exists).")]
UTF8 = frozenset({"utf-8", "utf-8-sig"})


def export(
    reports: InputsArgument,
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE", show_default=False,
        help="The file to write (.csv, .json, .jsonl, .xlsx, or .sqlite/.db: a "
             "database); replaced (a database: updated) only once everything is "
             "written.")],
    export_format: ExportFormatOption = None,
    section: SectionOption = None,
    year: YearOption = None,
    period: PeriodOption = None,
    kind: KindOption = None,
    unit: UnitOption = None,
    base_unit: BaseUnitOption = None,
    name: NameOption = None,
    grep: GrepOption = None,
    minimum: MinOption = None,
    maximum: MaxOption = None,
    qualifier: QualifierOption = None,
    direction: DirectionOption = None,
    change: ChangeOption = None,
    negated: NotOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    fields: FieldsOption = None,
    simplified: Annotated[bool, typer.Option(
        "--simplified", help="Write every text field but report in Simplified characters.")
    ] = False,
    encoding: EncodingOption = None,
    output_encoding: Annotated[Optional[str], typer.Option(
        "--output-encoding", metavar="NAME", callback=check_encoding,
        help="CSV only: the encoding of the file written (default utf-8; gb18030 "
             "for old spreadsheet programs).")] = None,
    bom: Annotated[Optional[bool], typer.Option(
        "--bom/--no-bom", show_default=False,
        help="CSV only: start UTF-8 with a byte order mark (default: yes).")] = None,
    formula_guard: Annotated[Optional[bool], typer.Option(
        "--formula-guard/--no-formula-guard", show_default=False,
        help="CSV only: put ' before text cells a spreadsheet would run as a "
             "formula (default: yes).")] = None,
    numbers_as_strings: NumbersAsStringsOption = False,
    recursive: RecursiveOption = False,
    jobs: JobsOption = None,
    fail_fast: FailFastOption = False,
    quiet: QuietOption = False,
    input_encoding: Annotated[Optional[str], typer.Option(
        "--input-encoding", hidden=True, metavar="NAME",
        help="Renamed: --encoding (-e).")] = None,
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Write the records of reports to a file for spreadsheets and programs.

    Takes the criteria of filter, so one command writes the records wanted.
    """
    from .. import export as exporting

    if input_encoding is not None:
        raise typer.BadParameter("renamed: --encoding (-e) names the encoding of the inputs "
                                 "in every command; the CSV written takes --output-encoding",
                                 param_hint="'--input-encoding'")
    if output == "-":
        raise typer.BadParameter("export writes a file; use extract or filter for "
                                 "standard output", param_hint="'--output'")
    chosen = _format(output, export_format)
    csv_only = {"--output-encoding": output_encoding, "--bom/--no-bom": bom,
                "--formula-guard/--no-formula-guard": formula_guard}
    if chosen != "csv" and (given := [n for n, v in csv_only.items() if v is not None]):
        raise typer.BadParameter(f"{', '.join(given)}: for CSV only, not {chosen}")
    if numbers_as_strings and chosen not in ("json", "jsonl"):
        raise typer.BadParameter(f"--numbers-as-strings: for JSON only, not {chosen}")
    try:
        codec = (exporting.csv_encoding(output_encoding or "utf-8", bom) if chosen == "csv"
                 else None if chosen == "xlsx" else "utf-8")
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="'--bom'") from None
    wanted = criteria(section=section, year=year, period=period, kind=kind, unit=unit,
                      base_unit=base_unit, name=name, grep=grep, minimum=minimum,
                      maximum=maximum, qualifier=qualifier, direction=direction,
                      change=change, negated=negated)
    check = None if encoding is None else old_encoding_check(encoding)
    if chosen == "sqlite":
        refuse_for_database(section=section, year=year, period=period, kind=kind, unit=unit,
                            base_unit=base_unit, name=name, grep=grep, minimum=minimum,
                            maximum=maximum, qualifier=qualifier, direction=direction,
                            change=change, negated=negated, sort=sort, limit=limit,
                            fields=fields, simplified=simplified or None)
        to_database(reports, output, encoding, check=check, recursive=recursive, jobs=jobs,
                    fail_fast=fail_fast, quiet=quiet)
        return
    read = read_batch(reports, encoding, check=check, recursive=recursive, jobs=jobs,
                      fail_fast=fail_fast, quiet=quiet, output=output)
    records = select_records((r for report in read.reports for r in report.records), wanted,
                             sort, limit)
    if simplified:
        records = exporting.simplified(records)
    from ..model import FIELDS

    with writing_bar(len(records), input_label(output),
                     quiet or chosen != "xlsx") as tracked, \
            atomic_write(Path(output), encoding=codec) as stream:
        exporting.write_export(tracked(records), stream, chosen,
                               formula_guard=formula_guard is not False,
                               name=input_label(output), fields=fields or FIELDS,
                               numbers_as_strings=numbers_as_strings)
    read.finish()


def _format(output: str, given: str | None) -> str:
    """The format of the file written: its extension's; --format where it has none."""
    from ..output import choose_format as by_extension

    try:
        return by_extension(output, given, EXPORT_FORMATS)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="'--output'") from None


def refuse_for_database(**given) -> None:
    """A database holds every record of each report: no criteria, order or fields."""
    named = [f"--{name.replace('_', '-')}" for name, value in given.items()
             if value is not None and value != []]
    if named:
        names = ", ".join(n.replace("--minimum", "--min").replace("--maximum", "--max")
                          .replace("--negated", "--not") for n in named)
        raise typer.BadParameter(f"{names}: a database holds every record of each report; "
                                 "choose records when reading it (luohu filter DB ...)",
                                 param_hint="'--output'")


def to_database(reports, output: str, encoding, *, check, recursive: bool, jobs,
                fail_fast: bool, quiet: bool) -> None:
    """Add the reports to the database at `output` (created if need be), in one
    transaction; a report it holds with the same bytes is not read again."""
    from ..database import export_database, known_reports
    from .common import say

    known = known_reports(output) if os.path.exists(output) else {}
    read = read_batch(reports, encoding, check=check, recursive=recursive, jobs=jobs,
                      fail_fast=fail_fast, quiet=quiet, output=output, known=known)
    summary = export_database(output, read.sources, inputs=[s.path for s in read.sources
                                                            if s.path != "-"])
    say(f"{input_label(output)}: {summary.added} report{'' if summary.added == 1 else 's'} "
        f"added, {summary.replaced} replaced, {summary.unchanged} unchanged")
    read.finish()


def old_encoding_check(encoding: str):
    """A check of each input's bytes: --encoding of a codec other than UTF-8, given to an
    input that is plainly UTF-8, is the old meaning of export's --encoding."""
    if codecs.lookup(encoding).name in UTF8:
        return None

    def check(name: str, data: bytes) -> None:
        if plainly_utf8(data):
            raise typer.BadParameter(
                f"{input_label(name)} is UTF-8, not {encoding}: --encoding names the encoding "
                f"of the inputs (in every command); for the CSV written use "
                f"--output-encoding {encoding}", param_hint="'--encoding'")
    return check


def plainly_utf8(data: bytes) -> bool:
    """Valid UTF-8 with Chinese in it (three-byte sequences), which no GB18030 or Big5
    text of any length is by chance.

    >>> plainly_utf8("地区".encode("utf-8")), plainly_utf8("地区".encode("gb18030"))
    (True, False)
    >>> plainly_utf8(b"ascii only")
    False
    """
    head = data[:65536]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 3:  # not a character cut at the end of the sample
            return False
        text = head[:err.start].decode("utf-8")
    return any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)
