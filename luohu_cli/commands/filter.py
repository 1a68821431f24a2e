"""``luohu filter``: the records that meet every criterion given."""
from __future__ import annotations

from .common import example
from .inputs import load_inputs
from .options import (BaseUnitOption, BomOption, ChangeOption, ColorOption, DirectionOption,
                      EncodingOption, FieldsOption, FormatOption, FormulaGuardOption, GrepOption,
                      InputsArgument, KindOption, LimitOption, MaxOption, MinOption, NameOption,
                      NotOption, NumbersAsStringsOption, OutputOption, PeriodOption,
                      QualifierOption, SectionOption, SortOption, UnitOption, VerboseOption,
                      YearOption, criteria, select_records)
from .outputs import Shape, emit

NAME = "filter"
SHORT = "The records that meet every criterion given."
EPILOG = example(
    "luohu filter seeds/luohu-2023.txt --section 2 --kind target",
    "luohu filter r.txt --name 规上 --change down -f table",
    "luohu filter r.txt --kind target --year 2023 --base-unit % -f csv",
    "luohu filter r.txt --grep '固定資產|投資' --min 100亿 -o big.csv",
    "luohu filter r.txt --kind target --name GDP --not name",
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
    color: ColorOption = "auto",  # acted on by its callback
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Keep the records that meet every criterion given, in any format extract has."""
    chosen = criteria(section=section, year=year, period=period, kind=kind, unit=unit,
                      base_unit=base_unit, name=name, grep=grep, minimum=minimum,
                      maximum=maximum, qualifier=qualifier, direction=direction,
                      change=change, negated=negated)
    loaded = load_inputs(reports, encoding)
    records = select_records((r for report in loaded for r in report.records), chosen,
                             sort, limit)
    emit(records, list(dict.fromkeys(report.name for report in loaded)), output_format, output,
         Shape(fields, bom, formula_guard, numbers_as_strings))
