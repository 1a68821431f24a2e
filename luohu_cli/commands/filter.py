"""``luohu filter``: the records that meet every criterion given."""
from __future__ import annotations

import typer

from .common import example
from .inputs import load_inputs
from .options import (BaseUnitOption, DirectionOption, EncodingOption, FormatOption, GrepOption,
                      InputsArgument, KindOption, MaxOption, MinOption, NameOption, OutputOption,
                      PeriodOption, QualifierOption, SectionOption, UnitOption, VerboseOption,
                      YearOption)
from .outputs import emit

NAME = "filter"
EPILOG = example(
    "luohu filter seeds/luohu-2023.txt --section 2 --kind target",
    "luohu filter seeds/luohu-2023.txt --name 生产总值 --base-unit % -f csv",
    "luohu filter r.txt --grep '固定資產|投資' --min 1e8 -f jsonl -o big.jsonl",
    "luohu filter r.txt --period 2021-2025 -f table",
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
    output_format: FormatOption = None,
    encoding: EncodingOption = None,
    output: OutputOption = None,
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Keep the records that meet every criterion given, in any format extract has."""
    from ..select import Criteria, select

    if minimum is not None and maximum is not None and minimum > maximum:
        raise typer.BadParameter(f"--min {minimum} is greater than --max {maximum}",
                                 param_hint="'--min'")
    criteria = Criteria(section=section, year=year, period=period,
                        kind=kind and kind.lower(), unit=unit,
                        base_unit=base_unit, name=name, grep=grep, minimum=minimum,
                        maximum=maximum, qualifier=qualifier,
                        direction=direction and direction.lower())
    loaded = load_inputs(reports, encoding)
    records = list(select((r for report in loaded for r in report.records), criteria))
    emit(records, list(dict.fromkeys(report.name for report in loaded)), output_format, output)
