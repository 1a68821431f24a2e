"""``luohu diff`` on the command line: exit codes, --quiet, --all, --mode, formats.

Most tests run in-process with a fake engine (``pipeline.analyse`` patched): each
line of an input file is one record written ``kind year name value unit
[qualifier] [direction]`` (a year written ``2021-2025`` is a plan period, the
record's year its last), so that the tests say exactly which figures differ.
Two tests run the real program on the diff fixtures in a subprocess.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from luohu_cli import cli, compare, pipeline
from luohu_cli.commands import outputs
from luohu_cli.diff_render import DIFF_FIELDS
from luohu_cli.model import Indicator

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
FIXTURES = ROOT / "fixtures" / "diff"
MAGNITUDES = {"亿元": (Decimal("1e8"), "元"), "億元": (Decimal("1e8"), "元"),
              "万元": (Decimal("1e4"), "元"), "%": (Decimal(1), "%"),
              "个": (Decimal(1), "个"), "套": (Decimal(1), "套")}

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(cli.app, ["diff", *args], input=input, prog_name="luohu")


def fake_record(report: str, number: int, line: str) -> Indicator:
    kind, year, name, value, unit, *rest = line.split()
    qualifier, direction = (rest + ["", ""])[:2]
    period = year if "-" in year else ""
    magnitude, base_unit = MAGNITUDES[unit]
    section_id = "1" if kind == "actual" else "2"
    return Indicator(
        report=report, line=number, start=0, end=0, section_id=section_id,
        section=f"{section_id}、{year}年", year=int(year.split("-")[-1]), kind=kind, indicator=name,
        value=Decimal(value), unit=unit, base_value=Decimal(value) * magnitude,
        base_unit=base_unit, qualifier=qualifier, direction=direction, text=value + unit,
        context=line, period=period)


@pytest.fixture(autouse=True)
def engine(monkeypatch):
    def analyse(text: str, report: str = "") -> pipeline.Report:
        records = [fake_record(report, n, line) for n, line in enumerate(text.splitlines(), 1)
                   if line.strip()]
        return pipeline.Report(report, (), tuple(records))
    monkeypatch.setattr(pipeline, "analyse", analyse)


OLD = "actual 2022 地区生产总值 2630.2 亿元\nactual 2022 公共住房 6111 套\n"
SAME = "actual 2022 地区生产总值 26302000 万元\nactual 2022 公共住房 6111 套\n"
CHANGED = "actual 2022 地区生产总值 2630.5 亿元\nactual 2022 公共住房 6111 套\n"
NEXT_YEAR_OLD = "actual 2022 公共住房 6111 套\ntarget 2023 公共住房 8400 套\ntarget 2023 学位 4500 个\n"
NEXT_YEAR_NEW = "actual 2023 公共住房 8012 套\nactual 2023 学位 4620 个\ntarget 2024 公共住房 6000 套\n"
# one name, single-year figures and plan-period figures
PLANS_OLD = ("actual 2025 地区生产总值 5.2 %\nactual 2021-2025 地区生产总值 5.5 %\n"
             "target 2026-2030 地区生产总值 5 % ~ up\n")
PLANS_NEW = ("actual 2021-2025 地区生产总值 5.6 %\nactual 2025 地区生产总值 5.2 %\n"
             "target 2026-2030 地区生产总值 5 % ~ up\n")


@pytest.fixture
def files(tmp_path, monkeypatch):
    """old.txt, same.txt (the same figures, other units), changed.txt, y2023.txt, y2024.txt,
    plans-old.txt, plans-new.txt (plan-period figures beside single-year ones)."""
    monkeypatch.chdir(tmp_path)
    for name, text in {"old.txt": OLD, "same.txt": SAME, "changed.txt": CHANGED,
                       "y2023.txt": NEXT_YEAR_OLD, "y2024.txt": NEXT_YEAR_NEW,
                       "plans-old.txt": PLANS_OLD, "plans-new.txt": PLANS_NEW}.items():
        Path(name).write_text(text, encoding="utf-8")
    return tmp_path


def assert_one_line_error(result, code: int) -> str:
    assert result.exit_code == code, result.output
    assert result.stdout == "" and "Traceback" not in result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("luohu: ")
    return line


# --- exit codes ---------------------------------------------------------------------

# id -> (arguments, exit code)
EXIT_CASES = {
    "differences-without-exit-code": (["old.txt", "changed.txt"], 0),
    "no-difference-with-exit-code": (["old.txt", "same.txt", "--exit-code"], 0),
    "differences-with-exit-code": (["old.txt", "changed.txt", "--exit-code"], 1),
    "quiet-implies-exit-code": (["old.txt", "changed.txt", "--quiet"], 1),
    "quiet-no-difference": (["old.txt", "same.txt", "--quiet"], 0),
    "target-rows-alone-are-no-difference": (["y2023.txt", "y2023.txt", "--mode", "year",
                                             "--exit-code"], 0),
}


@pytest.mark.parametrize("args, code", EXIT_CASES.values(), ids=EXIT_CASES.keys())
def test_exit_code(files, args, code):
    result = run(*args)
    assert result.exit_code == code, result.output
    assert result.stderr == ""


def test_exit_code_still_prints_the_differences(files):
    result = run("old.txt", "changed.txt", "--exit-code", "-f", "csv")
    assert result.exit_code == 1
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 1


@pytest.mark.parametrize("args", [["old.txt", "changed.txt"], ["old.txt", "same.txt"]],
                         ids=["differences", "none"])
def test_quiet_prints_nothing(files, args):
    result = run(*args, "--quiet", "-f", "table")
    assert result.stdout == "" and result.stderr == ""


# id -> arguments; every error exits 2, as git diff's do, whatever --exit-code says
ERROR_CASES = {
    "missing-old": ["nope.txt", "old.txt"],
    "missing-new-with-exit-code": ["old.txt", "nope.txt", "--exit-code"],
    "missing-with-quiet": ["old.txt", "nope.txt", "--quiet"],
    "a-directory": [".", "old.txt"],
    "both-standard-input": ["-", "-"],
    "unknown-mode": ["old.txt", "changed.txt", "--mode", "month"],
    "unknown-format": ["old.txt", "changed.txt", "-f", "xml"],
    "unknown-encoding": ["old.txt", "changed.txt", "-e", "klingon"],
    "one-report-only": ["old.txt"],
}


@pytest.mark.parametrize("args", ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_errors_exit_2_with_one_line(files, args):
    assert_one_line_error(run(*args), 2)


def test_an_undecodable_report_exits_2(files):
    Path("binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    assert_one_line_error(run("old.txt", "binary.txt", "--exit-code"), 2)


def test_an_internal_error_exits_2(files, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")
    monkeypatch.setattr(compare, "diff", broken)
    line = assert_one_line_error(run("old.txt", "changed.txt"), 2)
    assert "internal error" in line and "boom" in line


def test_verbose_errors_show_a_traceback_and_still_exit_2(files):
    result = run("old.txt", "nope.txt", "--verbose")
    assert result.exit_code == 2
    assert "Traceback" in result.stderr


def test_other_commands_keep_exit_1_for_input_errors(files):
    result = runner.invoke(cli.app, ["extract", "nope.txt"], prog_name="luohu")
    assert result.exit_code == 1


def test_standard_input_as_one_side(files):
    result = run("-", "changed.txt", "--exit-code", input=OLD)
    assert result.exit_code == 1


# --- what is shown ------------------------------------------------------------------


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_same_figures_are_hidden_unless_all(files):
    hidden = csv_rows(run("old.txt", "changed.txt", "-f", "csv").stdout)
    shown = csv_rows(run("old.txt", "changed.txt", "-f", "csv", "--all").stdout)
    assert [r["status"] for r in hidden] == ["changed"]
    assert [r["status"] for r in shown] == ["changed", "same"]


def test_mode_can_be_forced(files, monkeypatch):
    monkeypatch.setattr(outputs, "stdout_is_terminal", lambda: True)
    assert "year mode" in run("y2023.txt", "y2024.txt").stdout
    assert "version mode" in run("y2023.txt", "y2024.txt", "--mode", "version").stdout


def test_year_mode_target_rows(files):
    rows = csv_rows(run("y2023.txt", "y2024.txt", "-f", "csv").stdout)
    targets = {r["old_indicator"]: (r["old_value"], r["new_value"], r["verdict"])
               for r in rows if r["status"] == "target"}
    assert targets == {"公共住房": ("8400", "8012", "missed"), "学位": ("4500", "4620", "met")}


# --- formats --------------------------------------------------------------------------


def test_csv_header_is_the_documented_field_list(files):
    result = run("old.txt", "same.txt", "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout == ",".join(DIFF_FIELDS) + "\n"


def test_csv_is_the_default_when_piped(files):
    assert run("old.txt", "changed.txt").stdout.startswith("status,indicator,unit,")


def test_csv_changed_row(files):
    [row] = csv_rows(run("old.txt", "changed.txt", "-f", "csv").stdout)
    assert {k: row[k] for k in ("status", "indicator", "old_value", "new_value", "change",
                                "change_unit", "relative_change", "old_line", "new_line",
                                "doubtful", "verdict")} == {
        "status": "changed", "indicator": "地区生产总值", "old_value": "2630.2",
        "new_value": "2630.5", "change": "0.3", "change_unit": "亿元",
        "relative_change": "0.0", "old_line": "1", "new_line": "1", "doubtful": "false",
        "verdict": ""}


def test_json_is_one_object_saying_what_it_compared(files):
    result = json.loads(run("y2023.txt", "y2024.txt", "-f", "json").stdout, parse_float=Decimal)
    assert list(result) == ["old", "new", "mode", "old_years", "new_years", "target_year",
                            "rows"]
    assert (result["old"], result["new"], result["mode"]) == ("y2023.txt", "y2024.txt", "year")
    assert result["old_years"] == {"actual": 2022, "target": 2023}
    assert result["target_year"] == 2023
    assert [row["status"] for row in result["rows"]][-2:] == ["target", "target"]


def test_json_types_and_field_order(files):
    result = run("old.txt", "changed.txt", "-f", "json", "--all")
    rows = json.loads(result.stdout, parse_float=Decimal)["rows"]
    assert [list(row) for row in rows] == [list(DIFF_FIELDS)] * 2
    changed = rows[0]
    assert changed["old_line"] == 1 and changed["old_year"] == 2022
    assert changed["doubtful"] is False and changed["verdict"] is None
    assert changed["old_base_value"] == 263020000000 and changed["score"] == Decimal("0.95")
    assert changed["old_value"] == Decimal("2630.2") and changed["change"] == Decimal("0.3")
    assert changed["old_section_id"] == "§1" and changed["old_qualifier"] is None


def test_json_numbers_are_exact_and_strings_on_request(files):
    text = run("old.txt", "changed.txt", "-f", "jsonl").stdout
    assert '"old_base_value": 263020000000,' in text and '"change": 0.3,' in text
    row = json.loads(run("old.txt", "changed.txt", "-f", "jsonl", "--numbers-as-strings").stdout)
    assert (row["old_value"], row["change"], row["score"]) == ("2630.2", "0.3", "0.95")


def test_json_nulls_for_the_missing_side(files):
    Path("more.txt").write_text(OLD + "actual 2022 学位 4620 个\n", encoding="utf-8")
    [row] = json.loads(run("old.txt", "more.txt", "-f", "json").stdout)["rows"]
    assert row["status"] == "added"
    assert row["old_value"] is None and row["old_line"] is None and row["score"] is None
    assert row["new_value"] == 4620


def test_jsonl_one_object_per_line(files):
    lines = run("old.txt", "changed.txt", "-f", "jsonl", "--all").stdout.splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["changed", "same"]


def test_table_on_a_terminal(files, monkeypatch):
    monkeypatch.setattr(outputs, "stdout_is_terminal", lambda: True)
    out = run("old.txt", "changed.txt").stdout
    assert "version mode" in out and "地区生产总值" in out
    assert "2630.2亿元" in out and "2630.5亿元" in out and "+0.3亿元" in out
    assert "1 changed" in out


def test_table_piped_is_plain(files):
    out = run("y2023.txt", "y2024.txt", "-f", "table").stdout
    assert "\x1b[" not in out
    assert "Targets for 2023" in out and "missed" in out and "met" in out


def test_output_file(files):
    result = run("old.txt", "changed.txt", "-o", "diff.csv", "--exit-code")
    assert result.exit_code == 1 and result.stdout == ""
    assert Path("diff.csv").read_text(encoding="utf-8").startswith("status,")


# --- --fields ---------------------------------------------------------------------------


def test_fields_choose_and_order_csv_columns(files):
    result = run("y2023.txt", "y2024.txt", "-f", "csv",
                 "--fields", "verdict,old_indicator, old_value,new_value,old_section_id")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "verdict,old_indicator,old_value,new_value,old_section_id"
    assert lines[-2:] == ["missed,公共住房,8400,8012,§2", "met,学位,4500,4620,§2"]


def test_fields_in_json_and_jsonl_keep_the_order_and_the_types(files):
    fields = ["change", "status", "old_base_value", "doubtful"]
    data = json.loads(run("old.txt", "changed.txt", "-f", "json", "--all",
                          "--fields", ",".join(fields)).stdout, parse_float=Decimal)
    assert list(data)[:3] == ["old", "new", "mode"]  # still says what it compared
    assert [list(row) for row in data["rows"]] == [fields] * 2
    assert data["rows"][0] == {"change": Decimal("0.3"), "status": "changed",
                               "old_base_value": 263020000000, "doubtful": False}
    line = run("old.txt", "changed.txt", "-f", "jsonl", "--fields", "change,indicator",
               "--numbers-as-strings").stdout
    assert line == '{"change": "0.3", "indicator": "地区生产总值"}\n'


def test_fields_in_a_table_are_its_columns(files):
    result = run("y2023.txt", "y2024.txt", "-f", "table",
                 "--fields", "verdict,old_indicator,old_value,new_value")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("y2023.txt → y2024.txt: year mode")
    assert lines[1].split() == ["verdict", "old_indicator", "old_value", "new_value"]
    assert ["missed", "公共住房", "8400", "8012"] in [line.split() for line in lines]
    assert ["met", "学位", "4500", "4620"] in [line.split() for line in lines]
    assert "Targets for" not in result.stdout and "targets for 2023: 1 met, 1 missed" in lines
    assert "~ changed" not in result.stdout  # no marks in this table, so no legend of them
    assert all(line == line.rstrip() for line in lines) and "\x1b[" not in result.stdout
    coloured = run("y2023.txt", "y2024.txt", "-f", "table", "--color", "always",
                   "--fields", "verdict,old_indicator").stdout
    assert "\x1b[31m" in coloured  # missed, in red


def test_fields_with_the_formula_guard_off_quote_the_header(files):
    out = run("old.txt", "changed.txt", "-f", "csv", "--fields", "indicator,change",
              "--no-formula-guard").stdout
    assert out.splitlines()[0] == '"indicator","change"'


@pytest.mark.parametrize("spec, message", [
    ("status,colour", "unknown field 'colour'; the diff's fields are status, indicator, unit"),
    (" , ", "unknown field (none given)"),
    ("status,status", "field 'status' given twice"),
])
def test_bad_fields_are_a_usage_error(files, spec, message):
    line = assert_one_line_error(run("old.txt", "changed.txt", "--fields", spec), 2)
    assert message in line and "--fields" in line


# --- plan periods ----------------------------------------------------------------------


def test_period_fields_come_last():
    assert DIFF_FIELDS[-2:] == ("old_period", "new_period")


# id -> (status, old_period, new_period, old_value, new_value) of each csv row, --all
PERIOD_ROW_CASES = {
    "changed-period-figure": ("changed", "2021-2025", "2021-2025", "5.5", "5.6"),
    "same-single-year-figure": ("same", "", "", "5.2", "5.2"),
    "same-next-period-target": ("same", "2026-2030", "2026-2030", "5", "5"),
}


@pytest.mark.parametrize("expected", PERIOD_ROW_CASES.values(), ids=PERIOD_ROW_CASES.keys())
def test_csv_rows_pair_by_period_and_carry_it(files, expected):
    rows = csv_rows(run("plans-old.txt", "plans-new.txt", "-f", "csv", "--all").stdout)
    found = [tuple(r[k] for k in ("status", "old_period", "new_period", "old_value", "new_value"))
             for r in rows]
    assert expected in found and len(found) == len(PERIOD_ROW_CASES)


def test_json_period_is_a_string_and_null_on_the_missing_side(files):
    Path("more.txt").write_text(PLANS_NEW + "actual 2016-2020 地区生产总值 7 %\n",
                                encoding="utf-8")
    rows = json.loads(run("plans-new.txt", "more.txt", "-f", "json").stdout)["rows"]
    assert [(r["status"], r["old_period"], r["new_period"]) for r in rows] == [
        ("added", None, "2016-2020")]


def test_table_shows_the_period_beside_the_name(files):
    out = run("plans-old.txt", "plans-new.txt", "-f", "table", "--all").stdout
    [changed] = [line for line in out.splitlines() if line.startswith("~")]
    assert "地区生产总值 (2021-2025)" in changed and "5.5%" in changed and "5.6%" in changed
    assert "地区生产总值 (2026-2030)" in out and "↑~5%" in out
    assert "1 changed, 2 same" in out


def test_help_has_the_ci_example():
    result = runner.invoke(cli.app, ["diff", "--help"], prog_name="luohu")
    assert result.exit_code == 0
    assert "$ luohu diff old.txt new.txt --exit-code" in result.stdout
    assert "--quiet" in result.stdout and "--mode" in result.stdout


# --- the real program ------------------------------------------------------------------


def luohu(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "luohu_cli", "diff", *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def test_real_run_noisy_and_clean_copies_pass_ci():
    done = luohu(str(SEED), str(FIXTURES / "luohu-2023-simplified.txt"), "--exit-code")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ",".join(DIFF_FIELDS) + "\n"


def test_real_run_changed_figures_fail_ci():
    done = luohu(str(SEED), str(FIXTURES / "luohu-2023-rev-figures.txt"), "--exit-code", "-f", "jsonl")
    assert done.returncode == 1, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {row["status"] for row in rows} == {"changed"} and len(rows) == 5


# --- honest displays ---------------------------------------------------------------------

# 公共住房 inside 保障性公共住房: a pair with a score under 0.85, a doubtful pair
DOUBTFUL_OLD = "actual 2022 地区生产总值 2630.2 亿元\nactual 2022 公共住房 6111 套\n"
DOUBTFUL_NEW = "actual 2022 地区生产总值 2630.2 亿元\nactual 2022 保障性公共住房 6500 套\n"


@pytest.fixture
def doubtful(files):
    Path("d-old.txt").write_text(DOUBTFUL_OLD, encoding="utf-8")
    Path("d-new.txt").write_text(DOUBTFUL_NEW, encoding="utf-8")
    [row] = csv_rows(run("d-old.txt", "d-new.txt", "-f", "csv").stdout)
    assert row["doubtful"] == "true"  # the premise
    return row


def test_a_doubtful_pair_is_not_a_change(doubtful):
    assert doubtful["status"] == "doubtful"
    assert run("d-old.txt", "d-new.txt", "--exit-code").exit_code == 0


def test_a_doubtful_pair_counts_when_asked(doubtful):
    [row] = csv_rows(run("d-old.txt", "d-new.txt", "-f", "csv", "--doubtful-as-changed").stdout)
    assert row["status"] == "changed"
    assert run("d-old.txt", "d-new.txt", "--exit-code", "--doubtful-as-changed").exit_code == 1


def test_doubtful_pairs_are_listed_apart_in_the_table(doubtful):
    out = run("d-old.txt", "d-new.txt", "-f", "table").stdout
    main, apart = out.split("Doubtful pairs")
    assert "公共住房" not in main
    assert "保障性公共住房" in apart and "← 公共住房" in apart and "0." in apart
    assert "1 doubtful pair listed apart, not counted as changed" in " ".join(out.split())


def test_a_name_in_the_other_script_is_shown_once(files):
    Path("trad.txt").write_text("actual 2022 地區生產總值 2630.5 亿元\nactual 2022 公共住房 6111 套\n",
                                encoding="utf-8")
    out = run("old.txt", "trad.txt", "-f", "table").stdout
    [row] = [line for line in out.splitlines() if line.startswith("~")]
    assert "地區生產總值" in row and "←" not in out


def test_a_rewording_shows_the_old_name_on_its_own_line(files):
    Path("a.txt").write_text("actual 2022 规上工业增加值 5 %\n", encoding="utf-8")
    Path("b.txt").write_text("actual 2022 规模以上工业增加值 6 %\n", encoding="utf-8")
    lines = run("a.txt", "b.txt", "-f", "table").stdout.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("~"))
    assert "规模以上工业增加值" in lines[at] and lines[at + 1].strip() == "← 规上工业增加值"


def test_the_change_is_in_the_reports_script(files):
    Path("t-old.txt").write_text("actual 2022 地區生產總值 2630.2 億元\n", encoding="utf-8")
    Path("t-new.txt").write_text("actual 2022 地區生產總值 2630.5 億元\n", encoding="utf-8")
    out = run("t-old.txt", "t-new.txt", "-f", "table").stdout
    assert "+0.3億元" in out and "亿元" not in out
    [row] = csv_rows(run("t-old.txt", "t-new.txt", "-f", "csv").stdout)
    assert row["change_unit"] == "亿元"  # the machine formats keep the documented Simplified


def test_old_newer_than_new_is_warned(files):
    result = run("y2024.txt", "y2023.txt", "--mode", "year", "-f", "csv")
    assert result.exit_code == 0
    assert "OLD looks newer than NEW" in result.stderr and "y2024.txt" in result.stderr
    assert run("y2023.txt", "y2024.txt", "-f", "csv").stderr == ""


def test_year_mode_groups_rows_under_the_new_sections_each_heading_once(files):
    Path("s-old.txt").write_text(NEXT_YEAR_OLD + "actual 2022 学位 100 个\n", encoding="utf-8")
    out = run("s-old.txt", "y2024.txt", "-f", "table", "--all").stdout
    headings = [line for line in out.splitlines() if line.startswith("§")]
    assert len(headings) == len(set(headings))
    assert headings[0].startswith("§1  1、2023年")  # the newer report's heading
    assert not any("2022年" in heading for heading in headings)  # old headings map onto it


def test_year_mode_fits_80_columns_without_wrapping_names(files):
    long_name = "城镇居民人均可支配收入增长幅度与经济增长基本同步的比率"
    Path("w-old.txt").write_text(NEXT_YEAR_OLD + f"actual 2022 {long_name} 12345678.9 万元\n",
                                 encoding="utf-8")
    Path("w-new.txt").write_text(NEXT_YEAR_NEW + f"actual 2023 {long_name} 22345678.9 万元\n",
                                 encoding="utf-8")
    result = runner.invoke(cli.app, ["diff", "w-old.txt", "w-new.txt", "-f", "table"],
                           prog_name="luohu", env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    [row] = [line for line in lines if "12345678.9" in line]
    assert "…" in row and "22345678.9" in row  # the name is cut, the figures are whole
    assert not any(line.startswith("   ") and "率" in line for line in lines)  # never wrapped


def test_piped_table_lines_have_no_trailing_spaces(files):
    out = run("y2023.txt", "y2024.txt", "-f", "table").stdout
    assert all(line == line.rstrip() for line in out.splitlines())


def test_csv_on_stdout_is_guarded(files):
    Path("f-old.txt").write_text("actual 2022 =HYPERLINK 1 个\n", encoding="utf-8")
    Path("f-new.txt").write_text("actual 2022 =HYPERLINK 2 个\n", encoding="utf-8")
    [row] = csv_rows(run("f-old.txt", "f-new.txt", "-f", "csv").stdout)
    assert row["indicator"] == "'=HYPERLINK" and row["change"] == "1"
