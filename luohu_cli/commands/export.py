"""``luohu export``: the records of reports written to a file for spreadsheets and programs."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Optional

import typer

from .common import example, input_label
from .inputs import load_inputs
from .options import InputsArgument, VerboseOption, check_encoding
from .outputs import atomic_write

NAME = "export"
EPILOG = example(
    "luohu export seeds/luohu-2023.txt -o indicators.xlsx",
    "luohu export 2022.txt 2023.txt -o indicators.csv --encoding gb18030",
    "luohu extract r.txt -f jsonl | luohu filter - --kind target | luohu export - -o t.xlsx")
ExportFormatOption = Annotated[Optional[Literal["csv", "json", "jsonl", "xlsx"]], typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="csv, json, jsonl or xlsx. Default: from the extension of FILE.")]


def export(
    reports: InputsArgument,
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE", show_default=False,
        help="The file to write (.csv, .json, .jsonl or .xlsx); replaced only "
             "once everything is written.")],
    export_format: ExportFormatOption = None,
    simplified: Annotated[bool, typer.Option(
        "--simplified", help="Write every text field but report in Simplified characters.")
    ] = False,
    csv_encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME", callback=check_encoding,
        help="CSV only: encoding of the file written (default utf-8; gb18030 for "
             "old spreadsheet programs).")] = None,
    bom: Annotated[Optional[bool], typer.Option(
        "--bom/--no-bom", show_default=False,
        help="CSV only: start UTF-8 with a byte order mark (default: yes).")] = None,
    formula_guard: Annotated[Optional[bool], typer.Option(
        "--formula-guard/--no-formula-guard", show_default=False,
        help="CSV only: put ' before text cells a spreadsheet would run as a "
             "formula (default: yes).")] = None,
    input_encoding: Annotated[Optional[str], typer.Option(
        "--input-encoding", "-e", metavar="NAME", callback=check_encoding,
        help="Decode the inputs with this encoding instead of detecting it.")] = None,
    verbose: VerboseOption = False,  # acted on by its callback
) -> None:
    """Write the records of reports to a file for spreadsheets and programs."""
    from .. import export as exporting

    if output == "-":
        raise typer.BadParameter("export writes a file; use extract or filter for "
                                 "standard output", param_hint="'--output'")
    try:
        chosen = exporting.export_format(output, export_format)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="'--output'") from None
    csv_only = {"--encoding": csv_encoding, "--bom/--no-bom": bom,
                "--formula-guard/--no-formula-guard": formula_guard}
    if chosen != "csv" and (given := [n for n, v in csv_only.items() if v is not None]):
        raise typer.BadParameter(f"{', '.join(given)}: for CSV only, not {chosen}")
    try:
        codec = (exporting.csv_encoding(csv_encoding or "utf-8", bom) if chosen == "csv"
                 else None if chosen == "xlsx" else "utf-8")
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="'--bom'") from None
    records = [r for report in load_inputs(reports, input_encoding) for r in report.records]
    if simplified:
        records = exporting.simplified(records)
    with atomic_write(Path(output), encoding=codec) as stream:
        exporting.write_export(records, stream, chosen, formula_guard=formula_guard is not False,
                               name=input_label(output))
