"""``luohu extract``: every indicator of one or more reports, one record per figure."""
from __future__ import annotations

from .common import example
from .inputs import read_batch
from .options import (BomOption, ColorOption, EncodingOption, FailFastOption, FieldsOption,
                      FormatOption, FormulaGuardOption, JobsOption, NumbersAsStringsOption,
                      OutputOption, QuietOption, RecursiveOption, ReportsArgument,
                      VerboseOption)
from .outputs import RECORD_FORMATS, Shape, choose_format, emit

NAME = "extract"
SHORT = "Every indicator of reports, one record per figure."
EPILOG = example(
    "luohu extract seeds/luohu-2023.txt",
    "luohu extract 2022.txt 2023.txt -f csv -o indicators.csv",
    "luohu extract reports/ -r -j 4 -o indicators.jsonl",
    "luohu extract r.txt -f csv --bom > for-excel.csv",
    "luohu extract r.txt --fields indicator,value,unit,year -f table",
    "cat report.txt | luohu extract - -e gb18030 -f jsonl")


def extract(
    reports: ReportsArgument,
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
    """Extract the indicators of reports, one record per figure."""
    choose_format(output_format, output, RECORD_FORMATS)  # a disagreement stops it now
    read = read_batch(reports, encoding, recursive=recursive, jobs=jobs, fail_fast=fail_fast,
                      quiet=quiet, records=False, output=output)
    emit([record for report in read.reports for record in report.records],
         [report.name for report in read.reports], output_format, output,
         Shape(fields, bom, formula_guard, numbers_as_strings))
    read.finish()
