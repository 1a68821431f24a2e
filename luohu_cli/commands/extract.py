"""``luohu extract``: every indicator of one or more reports, one record per figure."""
from __future__ import annotations

from .common import example
from .inputs import read_reports
from .options import EncodingOption, FormatOption, OutputOption, ReportsArgument, VerboseOption
from .outputs import emit

NAME = "extract"
EPILOG = example(
    "luohu extract seeds/luohu-2023.txt",
    "luohu extract 2022.txt 2023.txt -f csv -o indicators.csv",
    "cat report.txt | luohu extract - -e gb18030 -f jsonl")


def extract(
    reports: ReportsArgument,
    output_format: FormatOption = None,
    encoding: EncodingOption = None,
    output: OutputOption = None,
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Extract the indicators of one or more reports, one record per figure."""
    read = read_reports(reports, encoding)
    emit([record for report in read for record in report.records],
         [report.name for report in read], output_format, output)
