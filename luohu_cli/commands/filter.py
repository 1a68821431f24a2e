"""``luohu filter``: the records that meet every criterion given."""
from __future__ import annotations

from .common import example
from .inputs import read_batch
from .options import (BaseUnitOption, BomOption, ChangeOption, ColorOption, DirectionOption,
                      EncodingOption, FailFastOption, FieldsOption, FormatOption,
                      FormulaGuardOption, GrepOption, InputsArgument, JobsOption, KindOption,
                      LimitOption, MaxOption, MinOption, NameOption, NotOption,
                      NumbersAsStringsOption, OutputOption, PeriodOption, QualifierOption,
                      QuietOption, RecursiveOption, SectionOption, SortOption, UnitOption,
                      VerboseOption, YearOption, criteria, select_records)
from .outputs import RECORD_FORMATS, Shape, choose_format, emit

NAME = "filter"
SHORT = "The records that meet every criterion given."
EPILOG = example(
    "luohu filter seeds/luohu-2023.txt --section 2 --kind target",
    "luohu filter r.txt --name 规上 --change down -f table",
    "luohu filter r.txt --kind target --year 2023 --base-unit % -f csv",
    "luohu filter r.txt --grep '固定資產|投資' --min 100亿 -o big.csv",
    "luohu filter r.txt --kind target --name GDP --not name",
    "luohu filter reports/ -r --kind target -o targets.xlsx",
    "luohu filter indicators.sqlite --year 2024 --base-unit % -f table",
    "luohu filter r.txt --sort=-base_value --limit 5 --fields indicator,value",
    "luohu extract r.txt -f jsonl | luohu filter - --year 2023 -f table")


def filter_command(
    reports: InputsArgument,
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
    output_format: FormatOption = None,
    output: OutputOption = None,
    fields: FieldsOption = None,
    encoding: EncodingOption = None,
    bom: BomOption = False,
    formula_guard: FormulaGuardOption = True,
    numbers_as_strings: NumbersAsStringsOption = False,
    recursive: RecursiveOption = False,
    jobs: JobsOption = None,
    fail_fast: FailFastOption = False,
    quiet: QuietOption = False,
    color: ColorOption = "auto",  # acted on by its callback
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Keep the records that meet every criterion given, in any format extract has."""
    chosen = criteria(section=section, year=year, period=period, kind=kind, unit=unit,
                      base_unit=base_unit, name=name, grep=grep, minimum=minimum,
                      maximum=maximum, qualifier=qualifier, direction=direction,
                      change=change, negated=negated)
    choose_format(output_format, output, RECORD_FORMATS)  # a disagreement stops it now
    read = read_batch(reports, encoding, recursive=recursive, jobs=jobs, fail_fast=fail_fast,
                      quiet=quiet, output=output)
    loaded = read.reports
    records = select_records((r for report in loaded for r in report.records), chosen,
                             sort, limit)
    emit(records, list(dict.fromkeys(report.name for report in loaded)), output_format, output,
         Shape(fields, bom, formula_guard, numbers_as_strings))
    read.finish()
