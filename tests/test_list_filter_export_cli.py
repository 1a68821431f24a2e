"""`luohu list`, `luohu filter`, `luohu export` in-process (CliRunner), plus one real pipeline.

Most inputs are JSON Lines of the hand-made sample records (tests/sample_records.py),
so that these tests do not move when the extraction engine improves; the seed
is used where only its shape matters (sections, a known first figure).
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from luohu_cli import cli, export, formats
from luohu_cli.commands import common
from luohu_cli.model import FIELDS
from luohu_cli.records_io import read_records
from sample_records import ALL, SAMPLES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
NAMES = {id(record): name for name, record in SAMPLES.items()}

runner = CliRunner()


def run(*args: str, input: bytes | str | None = None):
    """``luohu ARGS...`` in-process; a workbook it writes is opened with openpyxl."""
    result = runner.invoke(cli.app, [str(a) for a in args], input=input, prog_name="luohu")
    written = [str(b) for a, b in zip(args, args[1:]) if a in ("-o", "--output")]
    if result.exit_code == 0 and written and written[0].lower().endswith(".xlsx"):
        openpyxl.load_workbook(written[0])
    return result


def jsonl(records) -> str:
    out = io.StringIO()
    formats.write_jsonl(records, out)
    return out.getvalue()


def names_in(jsonl_text: str) -> list[str]:
    by_value = {jsonl([r]).rstrip("\n"): n for n, r in SAMPLES.items()}
    return [by_value[line] for line in jsonl_text.splitlines()]


def assert_one_line_error(result, exit_code: int, starts: str) -> str:
    assert result.exit_code == exit_code, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(starts), lines[0]
    return lines[0]


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    """samples.jsonl (every sample), report.txt (a tiny report) in the current directory."""
    monkeypatch.chdir(tmp_path)
    Path("samples.jsonl").write_text(jsonl(ALL), encoding="utf-8")
    Path("report.txt").write_text(
        "一、2022年工作回顧\n全年地區生產總值2630.2億元、增長3.4%。\n"
        "二、2023年工作安排\n（一）擴大有效投資\n固定資產投資增長10%以上。\n", encoding="utf-8")
    return tmp_path


# --- list ----------------------------------------------------------------------------------


def test_list_the_seed(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("list", "seeds/luohu-2023.txt")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("seeds/luohu-2023.txt: ")
    assert lines[1].startswith("§1 一、2022年工作回顧")
    assert "地區生產總值" in lines[2] and "2630.2億元" in lines[2] and "2022  actual" in lines[2]
    assert any(line.startswith("  §2.3 （三）") for line in lines)
    assert any(line.startswith("  §2.10 （十）") for line in lines)


def test_list_piped_is_plain_text_within_80_columns(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("list", "seeds/luohu-2023.txt")
    assert "\x1b[" not in result.stdout
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80


def test_list_sections_only(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("list", "seeds/luohu-2023.txt", "--sections")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "2630.2億元" not in result.stdout
    ids = [line.split()[0] for line in lines[1:]]
    assert ids[:3] == ["§1", "§1.1", "§1.2"] and "§2.10" in ids
    counts = {line.split()[0]: int(line.split()[-1]) for line in lines[1:]}
    assert counts["§1"] >= sum(n for sid, n in counts.items() if sid.startswith("§1."))
    assert counts["§1"] + counts["§2"] <= int(lines[0].split(": ")[1].split()[0])


def test_list_counts_include_subsections(inputs):
    result = run("list", "samples.jsonl", "--sections")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "a.txt: 8 indicators in 5 sections"
    counts = [(line.split()[0], line.split()[-1]) for line in lines[1:6]]
    assert counts == [("§1", "4"), ("§1.2", "2"), ("§2", "4"), ("§2.3", "2"), ("§2.10", "1")]
    assert lines[6] == ""
    assert lines[7] == "b.txt: 1 indicator in 1 section"
    assert lines[8].startswith("(before the first heading)") and lines[8].endswith(" 1")


def test_list_of_records_derives_the_outline(inputs):
    result = run("list", "samples.jsonl")
    assert result.exit_code == 0
    text = result.stdout
    assert "  §1.2 （二）持續推動經濟高質量發展" in text
    assert "    20  进出口总额" in text  # indicators one level deeper than their heading
    assert "-2.0%" in text and "5.5-6%" in text


def test_list_reads_stdin(inputs):
    result = run("list", "-", input=jsonl(ALL))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "a.txt: 8 indicators in 5 sections"


def test_list_of_a_report_text(inputs):
    result = run("list", "report.txt")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("report.txt: ")
    assert lines[1].startswith("§1 一、2022年工作回顧")
    assert any(line.startswith("  §2.1 （一）擴大有效投資") for line in lines)


def test_list_shows_the_period_in_the_year_column(inputs):
    lines = run("list", "samples.jsonl").stdout.splitlines()
    c_txt = lines[lines.index("c.txt: 2 indicators in 2 sections"):]
    assert c_txt[2].split()[-2:] == ["2021-2025", "actual"]
    assert c_txt[4].split()[-2:] == ["2026-2030", "target"]
    assert max(cell_len(line) for line in lines) <= 80


def test_list_on_a_terminal_has_colour(inputs, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" in run("list", "samples.jsonl").stdout


# --- filter ------------------------------------------------------------------------------------

# (arguments after `filter samples.jsonl -f jsonl`, sample names kept)
FILTER_CASES = [
    pytest.param([], list(SAMPLES), id="no criteria"),
    pytest.param(["--section", "1"],
                 ["gdp", "gdp-rate", "exports-down", "water-down", "plan-done"],
                 id="section with its subsections"),
    pytest.param(["-s", "2.10"], ["ten"], id="section ten, short option"),
    pytest.param(["--year", "2022"], ["gdp", "gdp-rate", "exports-down", "water-down"], id="year"),
    pytest.param(["--kind", "target"], ["range", "shops", "ten", "hostile", "plan-next"],
                 id="kind"),
    pytest.param(["--kind", "TARGET"], ["range", "shops", "ten", "hostile", "plan-next"],
                 id="kind any case"),
    pytest.param(["--unit", "亿元"], ["gdp", "hostile"], id="unit across scripts"),
    pytest.param(["--base-unit", "%"],
                 ["gdp-rate", "exports-down", "water-down", "range", "plan-done", "plan-next"],
                 id="base unit"),
    pytest.param(["--name", "生产总值"], ["gdp", "gdp-rate", "water-down", "plan-done",
                                          "plan-next"], id="name across scripts"),
    pytest.param(["--name", "GDP", "--kind", "target", "--not", "name"],
                 ["range", "shops", "ten", "hostile"], id="not name"),
    pytest.param(["--change", "down"], ["exports-down", "water-down"], id="change down"),
    pytest.param(["--change", "up", "--kind", "actual"], ["gdp-rate", "plan-done"],
                 id="change up"),
    pytest.param(["--min", "1億"], ["gdp", "hostile", "huge"], id="min with a magnitude"),
    pytest.param(["--max", "10万", "--min", "10"], ["water-down", "shops", "ten"],
                 id="max with a magnitude"),
    pytest.param(["--sort=-base_value", "--limit", "2"], ["huge", "gdp"], id="sort and limit"),
    pytest.param(["--kind", "target", "--sort", "section_id,line"],
                 ["plan-next", "range", "shops", "hostile", "ten"], id="sort by section"),
    pytest.param(["--limit", "0"], [], id="limit 0"),
    pytest.param(["--grep", "增[长長]-|債務"], ["exports-down", "huge"], id="grep"),
    pytest.param(["--min", "1e8"], ["gdp", "hostile", "huge"], id="min"),
    pytest.param(["--max", "-2"], ["exports-down"], id="max negative"),
    pytest.param(["--min=-2.0", "--max", "0"], ["exports-down"], id="min negative with ="),
    pytest.param(["--qualifier", ">="], ["shops"], id="qualifier"),
    pytest.param(["--qualifier", "exact", "--kind", "actual"],
                 ["gdp", "gdp-rate", "exports-down", "water-down", "plan-done"],
                 id="qualifier exact"),
    pytest.param(["--direction", "down"], ["water-down"], id="direction"),
    pytest.param(["--direction", "level", "--section", "2.3"], ["shops", "hostile"],
                 id="direction level"),
    pytest.param(["-k", "target", "-y", "2023", "-s", "2", "-u", "家"], ["shops"],
                 id="several criteria AND"),
    pytest.param(["--period", "2021-2025"], ["plan-done"], id="period"),
    pytest.param(["--period", "2026-2030"], ["plan-next"], id="period of the next plan"),
    pytest.param(["--period", "2016-2020"], [], id="period without records"),
    pytest.param(["--period", "none"], [n for n in SAMPLES if not n.startswith("plan-")],
                 id="period none keeps single-year figures"),
    pytest.param(["--period", "None"], [n for n in SAMPLES if not n.startswith("plan-")],
                 id="period none any case"),
    pytest.param(["--period", "none", "--name", "生产总值"], ["gdp", "gdp-rate", "water-down"],
                 id="period none with a name"),
    pytest.param(["--year", "2025"], ["plan-done"], id="year finds a period by its last year"),
    pytest.param(["--period", "2021-2025", "--kind", "target"], [], id="period and kind AND"),
]


@pytest.mark.parametrize("args, names", FILTER_CASES)
def test_filter(inputs, args, names):
    result = run("filter", "samples.jsonl", "-f", "jsonl", *args)
    assert result.exit_code == 0, result.output
    assert names_in(result.stdout) == names


@pytest.mark.parametrize("output_format", ["csv", "json", "jsonl", "table"])
def test_filter_writes_every_format_extract_has(inputs, output_format):
    result = run("filter", "samples.jsonl", "--kind", "target", "-f", output_format)
    assert result.exit_code == 0
    if output_format == "table":
        assert "a.txt: 4 indicators" in result.stdout and "b.txt: 0 indicators" in result.stdout
        assert "c.txt: 1 indicator" in result.stdout
    else:
        assert read_records(result.stdout) == [SAMPLES[n] for n in
                                               ("range", "shops", "ten", "hostile", "plan-next")]


# (output format, how the period figure shows)
PERIOD_OUTPUT_CASES = [
    pytest.param("csv", ",2021-2025\n", id="csv last column"),
    pytest.param("jsonl", '"period": "2021-2025"}', id="jsonl last key"),
    pytest.param("json", '"period": "2021-2025"\n', id="json last key"),
    pytest.param("table", "2021-2025  actual", id="table year column"),
]


@pytest.mark.parametrize("output_format, shown", PERIOD_OUTPUT_CASES)
def test_filter_period_in_every_format(inputs, output_format, shown):
    result = run("filter", "samples.jsonl", "--period", "2021-2025", "-f", output_format)
    assert result.exit_code == 0, result.output
    assert shown in result.stdout
    if output_format != "table":
        assert read_records(result.stdout) == [SAMPLES["plan-done"]]


def test_table_shows_the_period_or_the_year(inputs):
    lines = run("filter", "samples.jsonl", "--base-unit", "%", "-f", "table").stdout.splitlines()
    rows = {line.split()[0]: line.split()[2] for line in lines
            if line.strip() and line.split()[0].isdigit()}
    assert rows == {"9": "2022", "20": "2022", "21": "2022", "58": "2023",
                    "5": "2021-2025", "30": "2026-2030"}


def test_filter_defaults_to_csv_when_piped(inputs):
    result = run("filter", "samples.jsonl", "--year", "2022")
    assert result.stdout.startswith(",".join(FIELDS) + "\n")


def test_filter_a_report_text(inputs):
    result = run("filter", "report.txt", "--name", "固定資產投資", "-f", "jsonl")
    assert result.exit_code == 0
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["report"], record["section_id"], record["kind"]) == ("report.txt", "§2.1",
                                                                        "target")
    assert record["qualifier"] == ">="


def test_filter_reads_csv_and_json_too(inputs):
    for writer in (formats.write_csv, formats.write_json):
        out = io.StringIO(newline="")
        writer(ALL, out)
        result = run("filter", "-", "--direction", "down", "-f", "jsonl", input=out.getvalue())
        assert names_in(result.stdout) == ["water-down"]


def test_filter_reads_a_bom_csv_export(inputs):
    assert run("export", "samples.jsonl", "-o", "all.csv").exit_code == 0
    result = run("filter", "all.csv", "-f", "jsonl")
    assert result.exit_code == 0
    assert read_records(result.stdout) == ALL  # the formula guard is undone


@pytest.mark.parametrize("command", ["filter", "list"])
def test_records_are_records_whatever_encoding_the_reports_are_in(inputs, command):
    """-e names the reports' encoding; records are UTF-8 and read as records."""
    plain = run(command, "samples.jsonl", "report.txt", "-f", "csv")
    given = run(command, "samples.jsonl", "report.txt", "-f", "csv", "-e", "utf-8")
    assert given.exit_code == 0, given.output
    assert given.stdout == plain.stdout
    assert "samples.jsonl" not in given.stdout  # its records name their own reports


def test_filter_output_file(inputs):
    result = run("filter", "samples.jsonl", "-s", "2.3", "-f", "jsonl", "-o", "out.jsonl")
    assert result.exit_code == 0 and result.stdout == ""
    assert names_in(Path("out.jsonl").read_text(encoding="utf-8")) == ["shops", "hostile"]
    assert leftovers(inputs) == []


def test_filter_of_nothing_gives_nothing(inputs):
    result = run("filter", "-", "-f", "jsonl", input="")
    assert result.exit_code == 0 and result.stdout == ""


def test_a_runaway_grep_is_stopped(inputs, monkeypatch):
    from luohu_cli import select

    monkeypatch.setattr(select, "GREP_TIMEOUT", 0.2)
    Path("long.jsonl").write_text(jsonl([SAMPLES["gdp"].__class__(
        **{**SAMPLES["gdp"].__dict__, "context": "a" * 40 + "!"})]), encoding="utf-8")
    line = assert_one_line_error(run("filter", "long.jsonl", "--grep", "(a|aa)+$"), 1,
                                 "luohu: --grep pattern")
    assert "takes too long" in line


# --- composition ------------------------------------------------------------------------------


def test_extract_filter_export_compose_in_process(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    extracted = run("extract", "seeds/luohu-2023.txt", "-f", "jsonl")
    assert extracted.exit_code == 0
    filtered = run("filter", "-", "--kind", "target", "-f", "jsonl", input=extracted.stdout)
    assert filtered.exit_code == 0
    out = tmp_path / "t.xlsx"
    exported = run("export", "-", "-o", out, input=filtered.stdout)
    assert exported.exit_code == 0, exported.output
    expected = read_records(filtered.stdout)
    assert expected and all(r.kind == "target" for r in expected)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == len(expected) + 1
    assert [row[0] for row in rows[1:]] == ["seeds/luohu-2023.txt"] * len(expected)


def test_default_csv_between_commands_composes(inputs):
    first = run("filter", "samples.jsonl", "--kind", "target")  # csv when piped
    second = run("filter", "-", "--section", "2.3", "-f", "jsonl", input=first.stdout)
    assert names_in(second.stdout) == ["shops", "hostile"]


def test_real_pipeline_on_the_seed(tmp_path):
    command = [sys.executable, "-m", "luohu_cli"]
    out = tmp_path / "t.xlsx"
    env = os.environ | {"PYTHONIOENCODING": "utf-8"}
    extract = subprocess.Popen([*command, "extract", str(SEED), "--format", "jsonl"],
                               stdout=subprocess.PIPE, cwd=ROOT, env=env)
    select = subprocess.Popen([*command, "filter", "-", "--kind", "target"], stdin=extract.stdout,
                              stdout=subprocess.PIPE, cwd=ROOT, env=env)
    extract.stdout.close()
    done = subprocess.run([*command, "export", "-", "-o", str(out)], stdin=select.stdout,
                          capture_output=True, cwd=ROOT, timeout=300, env=env)
    select.stdout.close()
    assert select.wait(timeout=300) == 0 and extract.wait(timeout=300) == 0
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout == b"" and done.stderr == b""
    direct = subprocess.run([*command, "filter", str(SEED), "--kind", "target", "-f", "jsonl"],
                            capture_output=True, cwd=ROOT, timeout=300, env=env)
    expected = read_records(direct.stdout.decode("utf-8"))
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == len(expected) + 1 and len(expected) > 10
    assert [row[FIELDS.index("indicator")] for row in rows[1:]] == [r.indicator for r in expected]
    assert all(row[FIELDS.index("kind")] == "target" for row in rows[1:])


# --- export ----------------------------------------------------------------------------------------


EXPORT_FORMAT_CASES = [
    pytest.param(["-o", "t.csv"], "t.csv", "csv", id="csv from extension"),
    pytest.param(["-o", "t.json"], "t.json", "json", id="json from extension"),
    pytest.param(["-o", "t.jsonl"], "t.jsonl", "jsonl", id="jsonl from extension"),
    pytest.param(["-o", "t.xlsx"], "t.xlsx", "xlsx", id="xlsx from extension"),
    pytest.param(["-o", "t.dat", "--format", "csv"], "t.dat", "csv", id="format option"),
    pytest.param(["-o", "t.dat", "-f", "XLSX"], "t.dat", "xlsx", id="format without extension"),
]


def read_back(path: str, kind: str) -> list:
    data = Path(path).read_bytes()
    if kind == "xlsx":
        rows = list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
        return [row[FIELDS.index("indicator")] for row in rows[1:]]
    if kind == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
    return [r.indicator for r in read_records(data.decode("utf-8-sig"))]


@pytest.mark.parametrize("args, path, kind", EXPORT_FORMAT_CASES)
def test_export_formats(inputs, args, path, kind):
    result = run("export", "samples.jsonl", *args)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == ""
    assert read_back(path, kind) == [r.indicator for r in ALL]
    assert leftovers(inputs) == []


# id -> the export file
EXPORT_PERIOD_CASES = {
    "csv": "t.csv",
    "json": "t.json",
    "jsonl": "t.jsonl",
    "xlsx": "t.xlsx",
}


@pytest.mark.parametrize("path", EXPORT_PERIOD_CASES.values(), ids=EXPORT_PERIOD_CASES.keys())
def test_export_keeps_the_period(inputs, path):
    assert run("export", "samples.jsonl", "-o", path).exit_code == 0
    if path.endswith(".xlsx"):
        rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
        assert rows[0][-1] == "period"
        periods = [row[FIELDS.index("period")] or "" for row in rows[1:]]
    else:
        back = run("filter", path, "-f", "jsonl")
        assert back.exit_code == 0 and read_records(back.stdout) == ALL
        periods = [r.period for r in read_records(back.stdout)]
    assert periods == [r.period for r in ALL]
    assert periods[-2:] == ["2021-2025", "2026-2030"]


def test_filter_reads_records_written_before_period(inputs):
    older = [{k: v for k, v in r.as_strings().items() if k != "period"}
             for r in ALL if not r.period]
    Path("older.jsonl").write_text("".join(json.dumps(o, ensure_ascii=False) + "\n"
                                           for o in older), encoding="utf-8")
    result = run("filter", "older.jsonl", "--period", "none", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert read_records(result.stdout) == [r for r in ALL if not r.period]


def test_export_csv_bytes(inputs):
    assert run("export", "samples.jsonl", "-o", "t.csv").exit_code == 0
    data = Path("t.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfreport,line,start")
    assert data.count(b"\r\n") == len(ALL) + 1
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    hostile = dict(zip(FIELDS, rows[1 + list(SAMPLES).index("hostile")]))
    down = dict(zip(FIELDS, rows[1 + list(SAMPLES).index("exports-down")]))
    assert hostile["indicator"].startswith("'=") and hostile["text"] == "'+1億元"
    assert down["value"] == "-2.0" and down["base_value"] == "-2.0"


EXPORT_OPTION_CASES = [
    pytest.param(["--no-bom"], lambda d: d.startswith(b"report,") and b"\r\n" in d, id="no BOM"),
    pytest.param(["--bom"], lambda d: d.startswith(b"\xef\xbb\xbf"), id="BOM"),
    pytest.param(["--output-encoding", "gb18030"],
                 lambda d: d.startswith(b"report,") and "地區生產總值".encode("gb18030") in d,
                 id="gb18030"),
    pytest.param(["--kind", "target", "--base-unit", "%", "--fields", "indicator,value,year"],
                 lambda d: d.decode("utf-8-sig") == "indicator,value,year\r\n增速,5.5,2023\r\n"
                 "地區生產總值,5,2030\r\n", id="criteria and fields"),
    pytest.param(["--no-formula-guard"], lambda d: b',"=HYPERLINK(""x"")",' in d,
                 id="no formula guard"),
    pytest.param(["--formula-guard"], lambda d: b',"\'=HYPERLINK(""x"")",' in d,
                 id="formula guard"),
    pytest.param(["--simplified"],
                 lambda d: "地区生产总值".encode() in d and "地區".encode() not in d
                 and b"a.txt" in d, id="simplified"),
]


@pytest.mark.parametrize("args, check", EXPORT_OPTION_CASES)
def test_export_options(inputs, args, check):
    result = run("export", "samples.jsonl", "-o", "t.csv", *args)
    assert result.exit_code == 0, result.output
    assert check(Path("t.csv").read_bytes())


def test_export_simplified_xlsx(inputs):
    assert run("export", "samples.jsonl", "-o", "t.xlsx", "--simplified").exit_code == 0
    rows = list(openpyxl.load_workbook("t.xlsx").active.iter_rows(values_only=True))
    assert rows[1][FIELDS.index("indicator")] == "地区生产总值"
    assert rows[1][FIELDS.index("base_value")] == 263020000000


@pytest.mark.parametrize("option", ["--encoding", "-e"])
def test_export_encoding_is_the_inputs(inputs, option):
    Path("big5.txt").write_bytes("一、2022年工作回顧\n全年地區生產總值2630.2億元。\n".encode("big5"))
    result = run("export", "big5.txt", "-o", "t.jsonl", option, "big5")
    assert result.exit_code == 0, result.output
    assert "地區生產總值" in Path("t.jsonl").read_text(encoding="utf-8")


def test_export_encoding_in_its_old_meaning_points_to_the_new_name(inputs):
    """--encoding used to name the CSV's encoding: given to a UTF-8 input, it says so."""
    line = assert_one_line_error(
        run("export", "samples.jsonl", "-o", "t.csv", "--encoding", "gb18030"), 2,
        "luohu: Invalid value for '--encoding': samples.jsonl is UTF-8, not gb18030")
    assert "--output-encoding gb18030" in line
    line = assert_one_line_error(
        run("export", "samples.jsonl", "-o", "t.csv", "--input-encoding", "big5"), 2,
        "luohu: Invalid value for '--input-encoding': renamed: --encoding (-e)")
    assert not Path("t.csv").exists()


def test_export_of_report_texts(inputs):
    assert run("export", "report.txt", "-o", "t.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook("t.xlsx").active
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row >= 3 and sheet["A2"].value == "report.txt"


def half_written(records, stream, export_format, **options):
    stream.write("report,line\r\n" if export_format != "xlsx" else b"PK\x03\x04")
    raise RuntimeError("disk on fire")


@pytest.mark.parametrize("target", ["t.csv", "t.xlsx"])
def test_failed_export_leaves_no_file(inputs, monkeypatch, target):
    monkeypatch.setattr(export, "write_export", half_written)
    line = assert_one_line_error(run("export", "samples.jsonl", "-o", target), 1, "luohu: ")
    assert "disk on fire" in line
    assert not Path(target).exists() and leftovers(inputs) == []


@pytest.mark.parametrize("target", ["t.csv", "t.xlsx"])
def test_failed_export_keeps_the_existing_file(inputs, monkeypatch, target):
    Path(target).write_bytes(b"old content")
    monkeypatch.setattr(export, "write_export", half_written)
    assert_one_line_error(run("export", "samples.jsonl", "-o", target), 1, "luohu: ")
    assert Path(target).read_bytes() == b"old content" and leftovers(inputs) == []


def test_unencodable_export_keeps_the_existing_file(inputs):
    Path("t.csv").write_bytes(b"old content")
    line = assert_one_line_error(
        run("export", "samples.jsonl", "-o", "t.csv", "--output-encoding", "big5"), 1,
        "luohu: cannot write")
    # the character, the record holding it, and what to do
    assert "'进' (U+8FDB) in big5: record 3 (a.txt line 20, 进出口总额)" in line
    assert line.endswith("use --output-encoding utf-8 or gb18030")
    assert Path("t.csv").read_bytes() == b"old content" and leftovers(inputs) == []


def test_failed_read_keeps_the_existing_file(inputs):
    Path("t.xlsx").write_bytes(b"old content")
    assert_one_line_error(run("export", "samples.jsonl", "nope.txt", "-o", "t.xlsx",
                              "--fail-fast"), 1,
                          "luohu: no such file: nope.txt")
    assert Path("t.xlsx").read_bytes() == b"old content"


# --- progress ------------------------------------------------------------------------------------


def copies(count: int) -> list[str]:
    names = []
    for i in range(count):
        Path(f"r{i}.jsonl").write_text(jsonl([SAMPLES["gdp"]]), encoding="utf-8")
        names.append(f"r{i}.jsonl")
    return names


PROGRESS_CASES = [
    pytest.param(3, True, True, id="three inputs on a terminal"),
    pytest.param(2, True, False, id="two inputs on a terminal"),
    pytest.param(5, False, False, id="many inputs piped"),
]


@pytest.mark.parametrize("count, terminal, shown", PROGRESS_CASES)
def test_progress_bar_on_stderr(inputs, monkeypatch, count, terminal, shown):
    monkeypatch.setattr(common, "stderr_is_terminal", lambda: terminal)
    result = run("export", *copies(count), "-o", "t.xlsx")
    assert result.exit_code == 0
    assert ("reading" in result.stderr) is shown
    assert (result.stderr != "") is shown


# --- errors -------------------------------------------------------------------------------------

# (id, arguments, exit code, start of the one stderr line)
BAD_INVOCATIONS = [
    ("grep invalid", ["filter", "samples.jsonl", "--grep", "(unclosed"], 2,
     "luohu: Invalid value for '--grep' / '-g': invalid pattern '(unclosed'"),
    ("section invalid", ["filter", "samples.jsonl", "--section", "二"], 2,
     "luohu: Invalid value for '--section' / '-s': not a section id"),
    ("min not a number", ["filter", "samples.jsonl", "--min", "lots"], 2,
     "luohu: Invalid value for '--min': not a number: 'lots'"),
    ("max infinite", ["filter", "samples.jsonl", "--max", "inf"], 2,
     "luohu: Invalid value for '--max'"),
    ("min above max", ["filter", "samples.jsonl", "--min", "5", "--max", "1"], 2,
     "luohu: Invalid value for '--min': --min 5 is greater than --max 1"),
    ("year not a number", ["filter", "samples.jsonl", "--year", "next"], 2,
     "luohu: Invalid value for '--year'"),
    ("period a single year", ["filter", "samples.jsonl", "--period", "2025"], 2,
     "luohu: Invalid value for '--period': period is a span of years like 2021-2025, or none"),
    ("period backwards", ["filter", "samples.jsonl", "--period", "2025-2021"], 2,
     "luohu: Invalid value for '--period': period is a span of years"),
    ("period by plan name", ["filter", "samples.jsonl", "--period", "十四五"], 2,
     "luohu: Invalid value for '--period': period is a span of years"),
    ("period without value", ["filter", "samples.jsonl", "--period"], 2,
     "luohu: Option '--period' requires an argument"),
    ("kind unknown", ["filter", "samples.jsonl", "--kind", "plan"], 2,
     "luohu: Invalid value for '--kind'"),
    ("qualifier unknown", ["filter", "samples.jsonl", "--qualifier", "about"], 2,
     "luohu: Invalid value for '--qualifier'"),
    ("direction unknown", ["filter", "samples.jsonl", "--direction", "sideways"], 2,
     "luohu: Invalid value for '--direction'"),
    ("filter missing file", ["filter", "nope.jsonl"], 1, "luohu: no such file: nope.jsonl"),
    ("filter broken records", ["filter", "broken.jsonl"], 1,
     "luohu: broken.jsonl: line 2: not JSON"),
    ("list missing file", ["list", "nope.txt"], 1, "luohu: no such file: nope.txt"),
    ("list broken csv", ["list", "broken.csv"], 1, "luohu: broken.csv: line 2: 2 cells"),
    ("list no report", ["list"], 2, "luohu: Missing argument 'REPORT"),
    ("list unknown option", ["list", "samples.jsonl", "--bogus"], 2,
     "luohu: No such option: --bogus"),
    ("export without output", ["export", "samples.jsonl"], 2, "luohu: Missing option '--output'"),
    ("export to stdout", ["export", "samples.jsonl", "-o", "-"], 2,
     "luohu: Invalid value for '--output': export writes a file"),
    ("export unknown extension", ["export", "samples.jsonl", "-o", "t.txt"], 2,
     "luohu: Invalid value for '--output': cannot tell the format of 't.txt'"),
    ("export unknown format", ["export", "samples.jsonl", "-o", "t.csv", "-f", "ods"], 2,
     "luohu: Invalid value for '--format'"),
    ("export encoding with xlsx", ["export", "samples.jsonl", "-o", "t.xlsx",
                                   "--output-encoding", "gbk"],
     2, "luohu: Invalid value: --output-encoding: for CSV only, not xlsx"),
    ("export no-bom with json", ["export", "samples.jsonl", "-o", "t.json", "--no-bom"], 2,
     "luohu: Invalid value: --bom/--no-bom: for CSV only, not json"),
    ("export guard with xlsx", ["export", "samples.jsonl", "-o", "t.xlsx", "--no-formula-guard"],
     2, "luohu: Invalid value: --formula-guard/--no-formula-guard: for CSV only"),
    ("export bom in gb18030", ["export", "samples.jsonl", "-o", "t.csv", "--output-encoding",
                               "gb18030",
                               "--bom"], 2, "luohu: Invalid value for '--bom': a byte order mark"),
    ("export unknown encoding", ["export", "samples.jsonl", "-o", "t.csv", "--encoding", "klingon"],
     2, "luohu: Invalid value for '--encoding'"),
    ("export missing directory", ["export", "samples.jsonl", "-o", "no/such/t.csv"], 1,
     "luohu: cannot write no/such/t.csv"),
    ("export binary input", ["export", "image.png", "-o", "t.csv"], 1, "luohu: image.png"),
]


@pytest.mark.parametrize("args, exit_code, starts", [case[1:] for case in BAD_INVOCATIONS],
                         ids=[case[0] for case in BAD_INVOCATIONS])
def test_bad_invocation_is_one_line_on_stderr(inputs, args, exit_code, starts):
    Path("broken.jsonl").write_text(jsonl(ALL[:1]) + "{oops\n", encoding="utf-8")
    Path("broken.csv").write_text(",".join(FIELDS) + "\na,1\n", encoding="utf-8")
    Path("image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert_one_line_error(run(*args), exit_code, starts)
    assert not Path("t.csv").exists() and not Path("t.xlsx").exists()


def test_verbose_shows_a_traceback_for_an_internal_error(inputs, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(export, "write_export", broken)
    quiet = run("export", "samples.jsonl", "-o", "t.csv")
    assert "Traceback" not in quiet.stderr
    loud = run("export", "samples.jsonl", "-o", "t.csv", "--verbose")
    assert loud.exit_code == 1 and "Traceback" in loud.stderr
    assert loud.stderr.splitlines()[-1] == "luohu: internal error: ValueError: boom"


def test_decimal_of_the_option_is_exact(inputs):
    """--min compares Decimals: one above a 23-digit value keeps it out."""
    assert names_in(run("filter", "samples.jsonl", "--min", "12345678123456789000000",
                        "-f", "jsonl").stdout) == ["huge"]
    assert run("filter", "samples.jsonl", "--min", "12345678123456789000001",
               "-f", "jsonl").stdout == ""
    assert Decimal("12345678123456789000001") > SAMPLES["huge"].base_value
