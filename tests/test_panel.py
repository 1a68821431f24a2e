"""`luohu panel`: the library (rows, cells, conflicts, verdicts, filters), every writer,
and the command line.

The fixture series `fixtures/panel/liuan-*.txt` (seven reports of one invented
district, 2021-2026, a plan-execution report among them) has its panel worked
out by hand in `fixtures/panel/expected.tsv`; `test_every_cell_is_the_expected_one`
holds every cell of the real panel to it, and no other cell may exist.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from luohu_cli import cli, pipeline
from luohu_cli.formats import write_jsonl
from luohu_cli.model import Indicator, format_decimal
from luohu_cli.panel import (Panel, Status, bracketed_targets, build_panel, describe_text,
                             group_places, select_rows)
from luohu_cli.panel_render import (COLUMN_FIELDS, LONG_FIELDS, WIDE_HEAD, WIDE_TAIL,
                                    figure_text, long_lines, split_columns, write_panel)
from luohu_cli.verdicts import Verdict

ROOT = Path(__file__).resolve().parent.parent
SERIES = sorted((ROOT / "fixtures" / "panel").glob("liuan-*.txt"))
EXPECTED = ROOT / "fixtures" / "panel" / "expected.tsv"
SEED = ROOT / "seeds" / "luohu-2023.txt"
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(cli.app, ["panel", *args], input=input, prog_name="luohu")


def series_args() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in SERIES]


@pytest.fixture(scope="module")
def reports() -> list[pipeline.Report]:
    return [pipeline.read_report(str(p.relative_to(ROOT))) for p in SERIES]


@pytest.fixture(scope="module")
def panel(reports) -> Panel:
    described = [describe_text(p.read_text(encoding="utf-8")) for p in SERIES]
    return build_panel(reports, years=[d[0] for d in described], places=[d[1] for d in described])


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def source(cell) -> str:
    return "" if cell is None else f"{Path(cell.record.report).name}:{cell.record.line}"


def shown(row, cell) -> str:
    if cell is None:
        return ""
    return figure_text(row, cell.record) + ("*" if cell.revised else "")


def panel_lines(panel: Panel) -> list[dict[str, str]]:
    """The panel as the lines of expected.tsv."""
    out = []
    for row in panel.rows:
        for column in row.columns:
            result, target = row.results.get(column.key), row.targets.get(column.key)
            found = row.verdicts.get(column.key)
            superseded = [f"{'result' if cell.kind == 'actual' else 'target'} "
                          f"{figure_text(row, s.record)} {Path(s.record.report).name}:{s.record.line}"
                          for cell in (result, target) if cell is not None
                          for s in cell.statements if s.status is Status.SUPERSEDED]
            out.append({"row": str(row.id), "indicator": row.indicator,
                        "names": "|".join(row.names), "unit": row.unit, "measure": row.measure,
                        "column": column.key, "result": shown(row, result),
                        "result_source": source(result), "target": shown(row, target),
                        "target_source": source(target),
                        "verdict": found.value if found is not None else "",
                        "superseded": "; ".join(superseded)})
    return out


def expected_lines() -> list[dict[str, str]]:
    lines = [line for line in EXPECTED.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


# --- The panel of the fixture series -----------------------------------------------------


def test_every_cell_is_the_expected_one(panel):
    expected = expected_lines()
    assert len(expected) == 78 - 10  # the file's lines less its header
    real = panel_lines(panel)
    by_key = {(line["row"], line["column"]): line for line in real}
    for line in expected:
        key = (line["row"], line["column"])
        assert by_key.get(key) == line, key
    assert len(real) == len(expected)  # and no cell beyond them


def test_the_reports_in_order_with_years_and_place(panel):
    assert [Path(r.name).name for r in panel.reports] == [p.name for p in SERIES]
    assert [r.year for r in panel.reports] == [2021, 2022, 2023, 2023, 2024, 2025, 2026]
    assert {r.place for r in panel.reports} == {"柳岸区"}
    assert [c.key for c in panel.columns] == [
        "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2021-2025"]
    assert panel.left_out == 0


def test_a_revised_figure_keeps_every_statement(panel):
    gdp = panel.rows[0].results["2022"]
    assert [(Path(s.record.report).name, s.status, s.record.value) for s in gdp.statements] == [
        ("liuan-2023-plan.txt", Status.SUPERSEDED, Decimal("1120")),
        ("liuan-2023.txt", Status.SUPERSEDED, Decimal("1120")),
        ("liuan-2024.txt", Status.CURRENT, Decimal("1128"))]
    assert gdp.revised
    growth = panel.rows[1].results["2022"]  # stated alike by both 2023 reports
    assert [s.status for s in growth.statements] == [Status.SAME, Status.CURRENT]
    assert not growth.revised


def test_the_later_of_two_reports_of_one_year_wins(reports):
    """The plan-execution report and the work report of 2023 disagree on a target:
    the one given later wins, whichever it is."""
    work, plan = reports[3], reports[2]
    assert Path(work.name).name == "liuan-2023.txt"
    as_listed = build_panel(reports)
    swapped = build_panel(reports[:2] + [work, plan] + reports[4:])
    row = next(r for r in as_listed.rows if r.indicator == "固定资产投资")
    other = next(r for r in swapped.rows if r.indicator == "固定资产投资")
    assert (row.targets["2023"].record.value, row.verdicts["2023"]) == (Decimal(7), Verdict.MET)
    assert (other.targets["2023"].record.value, other.verdicts["2023"]) == (
        Decimal("7.5"), Verdict.MISSED)


def test_the_order_given_does_not_matter_across_years(reports):
    """Reports are read earliest first, whatever the order on the command line."""
    one_per_year = [r for r in reports if not r.name.endswith("-plan.txt")]
    forward = build_panel(one_per_year)
    backward = build_panel(list(reversed(one_per_year)))
    assert panel_lines(forward) == panel_lines(backward)


def test_an_indicator_renamed_between_years_is_one_row(panel):
    row = next(r for r in panel.rows if "规上工业增加值" in r.names)
    assert row.names == ("规模以上工业增加值", "规上工业增加值")
    assert row.indicator == "规上工业增加值"  # the latest report's wording
    assert sorted(row.results) == ["2020", "2021", "2022", "2023", "2024", "2025"]


def test_one_that_disappears_and_comes_back_keeps_its_row(panel):
    rows = [r for r in panel.rows if r.indicator == "新增国家高新技术企业"]
    assert len(rows) == 1
    assert sorted(rows[0].results) == ["2020", "2021", "2023", "2024", "2025"]
    assert rows[0].verdicts["2022"] is Verdict.UNREPORTED


def test_a_row_never_mixes_units_or_levels_and_changes(panel):
    gdp = [r for r in panel.rows if r.indicator == "地区生产总值"]
    assert [(r.base_unit, r.measure) for r in gdp] == [("元", "level"), ("%", "change")]
    for row in panel.rows:
        records = [s.record for s in row.statements()]
        assert len({(r.direction != "") for r in records}) == 1
        assert len({r.base_unit for r in records}) == 1


def test_plan_periods_have_columns_of_their_own(panel):
    for row in panel.rows:
        for cell in row.cells():
            assert (cell.record.period != "") == cell.column.is_period
            if cell.record.period:
                assert cell.column.key == cell.record.period
    jobs = next(r for r in panel.rows if r.indicator == "城镇新增就业")
    assert jobs.verdicts["2021-2025"] is Verdict.MET  # ≥9万人 against 9.4万人
    assert jobs.years == 7  # the period column is no year


def test_a_target_not_yet_due_has_no_verdict(panel):
    for row in panel.rows:
        assert "2026" not in row.verdicts
    assert panel.verdict_counts() == {Verdict.MET: 35, Verdict.MISSED: 8, Verdict.UNREPORTED: 1}


def test_values_are_decimals_in_the_row_unit():
    def fig(report, value, unit, base, year, kind="actual", line=1):
        return Indicator(report, line, 0, 0, "1", "一、", year, kind, "一般公共预算收入",
                         Decimal(value), unit, Decimal(base), "元", "", "", value + unit, "")
    a = pipeline.Report("a", (), (fig("a", "106.9", "亿元", "10690000000", 2022),
                                  fig("a", "127", "亿元", "12700000000", 2023, "target", 2)))
    b = pipeline.Report("b", (), (fig("b", "1286000", "万元", "12860000000", 2023),))
    c = pipeline.Report("c", (), (fig("c", "128.6", "亿元", "12860000000", 2023),))
    row, = build_panel([a, b, c]).rows
    assert row.unit == "亿元" and row.factor == Decimal("1e8")
    values = {k: row.value(cell.record) for k, cell in row.results.items()}
    assert values == {"2022": Decimal("106.9"), "2023": Decimal("128.6")}
    assert all(isinstance(v, Decimal) for v in values.values())
    assert [s.status for s in row.results["2023"].statements] == [Status.SAME, Status.CURRENT]
    assert row.value(b.records[0]) == Decimal("128.6")  # 万元 in the row's 亿元, exactly
    assert row.verdicts == {"2023": Verdict.MET}


def test_bracketed_targets_of_a_plan_execution_report_are_read_as_changes(reports):
    plan = next(r for r in reports if r.name.endswith("-plan.txt"))
    before = [r for r in plan.records if r.kind == "target" and r.year == 2022]
    after = [r for r in bracketed_targets(plan.records) if r.kind == "target" and r.year == 2022]
    assert [(r.indicator, r.direction) for r in before] == [
        ("地区生产总值", ""), ("一般公共预算收入", ""), ("固定资产投资", ""), ("城镇调查失业率", "")]
    assert [(r.indicator, r.direction) for r in after] == [
        ("地区生产总值", "up"), ("一般公共预算收入", ""), ("固定资产投资", "up"),
        ("城镇调查失业率", "")]


def test_figures_without_a_name_or_year_are_left_out():
    r = Indicator("a", 1, 0, 0, "", "", None, "actual", "地区生产总值", Decimal(1), "%",
                  Decimal(1), "%", "", "", "1%", "")
    panel = build_panel([pipeline.Report("a", (), (r, replace(r, year=2022, indicator="")))])
    assert (panel.rows, panel.left_out) == ((), 2)


def test_the_seed_and_the_next_years_review_agree_with_diff():
    """The panel of two reports judges the targets as `luohu diff` does."""
    from luohu_cli import compare

    old = pipeline.read_report(str(SEED.relative_to(ROOT)))
    new = pipeline.read_report("fixtures/diff/luohu-2024-review.txt")
    result = compare.diff(old, new)
    judged = {(compare.normalize_name(r.old.indicator), r.old.base_value): r.verdict
              for r in result.rows if r.status is compare.Status.TARGET and r.new is not None}
    panel = build_panel([old, new])
    found = {(compare.normalize_name(row.targets["2023"].record.indicator),
              row.targets["2023"].record.base_value): row.verdicts["2023"]
             for row in panel.rows if "2023" in row.targets and "2023" in row.results}
    shared = set(judged) & set(found)
    assert len(shared) >= 15
    assert {k: found[k] for k in shared} == {k: judged[k] for k in shared}


# --- Choosing rows -------------------------------------------------------------------------


@pytest.mark.parametrize("criteria, ids", [
    ({"name": "生產總值"}, [1, 2, 7]),                     # Traditional finds Simplified
    ({"name": "规模以上"}, [5]),                            # any of its names
    ({"base_unit": "元"}, [1, 3]),
    ({"base_unit": "%"}, [2, 4, 5, 7, 9, 10]),
    ({"min_years": 7}, [2, 3, 4, 5, 6, 8, 9, 10]),
    ({"min_years": 2, "targets": True}, [2, 3, 4, 5, 6, 7, 8, 9, 10]),
    ({"targets": True, "name": "专精"}, [11]),
    ({"section": "2.1"}, [6, 11]),                         # in some report's 2.1
    ({"section": "3"}, [2, 3, 4, 5, 6, 7, 8, 9, 10]),      # part 三 of the 2021 report
])
def test_select_rows(panel, criteria, ids):
    chosen = select_rows(panel, **criteria)
    assert [row.id for row in chosen.rows] == ids
    assert set(chosen.columns) == {c for row in chosen.rows for c in row.columns}


# --- Places --------------------------------------------------------------------------------


@pytest.mark.parametrize("path, year, place", [
    ("seeds/luohu-2023.txt", 2023, "深圳市罗湖区"),
    ("fixtures/panel/liuan-2023-plan.txt", 2023, "柳岸区"),
    ("fixtures/layouts/combined-plan-2026.txt", 2026, "澄州市"),
    ("fixtures/layouts/no-ordinal-parts-2026.txt", 2026, "东陵省"),
    ("fixtures/layouts/traditional-ascii-2026.txt", 2026, "松岚区"),
    ("fixtures/chinese-numerals.txt", None, ""),
])
def test_describe_text(path, year, place):
    text = (ROOT / path).read_text(encoding="utf-8-sig")
    assert describe_text(text) == (year, place)


def test_places_that_name_one_another_are_one():
    assert group_places([("罗湖区", "a"), ("深圳市罗湖区", "b"), ("柳岸区", "c")]) == {
        "深圳市罗湖区": ["a", "b"], "柳岸区": ["c"]}


# --- Writers -------------------------------------------------------------------------------


def rendered(panel: Panel, output_format: str, **options) -> str:
    out = io.StringIO(newline="")
    write_panel(panel, output_format, out, **options)
    return out.getvalue()


def test_wide_csv(panel):
    rows = list(csv.reader(io.StringIO(rendered(panel, "csv"))))
    header = rows[0]
    keys = [c.key for c in panel.columns]
    assert header == [*WIDE_HEAD, *(f"{k} {f}" for k in keys for f in COLUMN_FIELDS), *WIDE_TAIL]
    assert len(rows) == 1 + len(panel.rows)
    gdp = dict(zip(header, rows[1]))
    assert (gdp["2022 result"], gdp["2022 notes"]) == ("1128", "result revised from 1120")
    growth = dict(zip(header, rows[2]))
    assert (growth["2022 result"], growth["2022 target"], growth["2022 verdict"],
            growth["2022 notes"]) == ("4.2", "6.5", "missed", "target ~")
    energy = dict(zip(header, rows[7]))
    assert (energy["2021 result"], energy["2021 target"]) == ("-3.4", "-3")  # falls: negative
    jobs = dict(zip(header, rows[8]))
    assert (jobs["2021-2025 result"], jobs["2021-2025 target"], jobs["2021-2025 verdict"]) == (
        "9.4", "9", "met")
    industry = dict(zip(header, rows[5]))
    assert industry["names"] == "规模以上工业增加值 | 规上工业增加值"


def test_long_csv_has_every_statement(panel):
    rows = list(csv.DictReader(io.StringIO(rendered(panel, "csv", long=True))))
    assert list(rows[0]) == list(LONG_FIELDS)
    assert len(rows) == sum(len(row.statements()) for row in panel.rows)
    gdp_2022 = [r for r in rows if r["row"] == "1" and r["year"] == "2022"]
    assert [(r["value"], r["status"], r["revised"], Path(r["report"]).name, r["line"])
            for r in gdp_2022] == [
        ("1120", "superseded", "false", "liuan-2023-plan.txt", "8"),
        ("1120", "superseded", "false", "liuan-2023.txt", "7"),
        ("1128", "current", "true", "liuan-2024.txt", "7")]
    assert gdp_2022[-1]["base_value"] == "112800000000"
    target = next(r for r in rows if r["row"] == "9" and r["year"] == "2022"
                  and r["kind"] == "target" and r["status"] == "current")
    assert (target["qualifier"], target["verdict"], target["row_value"]) == ("<=", "missed", "5.5")
    period = [r for r in rows if r["period"] == "2021-2025"]
    assert {(r["row"], r["kind"], r["year"]) for r in period} == {
        ("2", "actual", "2025"), ("2", "target", "2025"), ("8", "actual", "2025"),
        ("8", "target", "2025")}


def test_json_and_jsonl_carry_the_sources(panel):
    wide = json.loads(rendered(panel, "json"))
    assert [row["row"] for row in wide] == [row.id for row in panel.rows]
    assert wide == [json.loads(line) for line in rendered(panel, "jsonl").splitlines()]
    gdp = wide[0]
    cell = next(c for c in gdp["cells"] if c["column"] == "2022")
    assert cell["result"]["report"].endswith("liuan-2024.txt") and cell["result"]["line"] == 7
    assert cell["result"]["revised"] is True
    assert [(e["status"], e["value"]) for e in cell["result"]["earlier"]] == [
        ("superseded", 1120), ("superseded", 1120)]
    assert cell["target"] is None and cell["verdict"] is None
    long = json.loads(rendered(panel, "json", long=True), parse_float=Decimal)
    assert long == [json.loads(line, parse_float=Decimal)
                    for line in rendered(panel, "jsonl", long=True).splitlines()]
    assert long == long_lines(panel)  # the exact decimals
    assert all(isinstance(line["line"], int) and isinstance(line["revised"], bool) for line in long)


def test_table_fits_80_columns_and_shows_marks(panel):
    text = rendered(panel, "table", width=80)
    lines = text.splitlines()
    assert lines[0] == "柳岸区: 7 reports (2021–2026), 11 indicators, 2020–2026 and 2021-2025"
    assert max(len(line) for line in lines) <= 80
    assert any("1128*" in line for line in lines)
    assert any("~6.5✗" in line for line in lines)
    assert any("45○" in line for line in lines)
    assert "verdicts: 35 met, 8 missed, 1 unreported; 2 revised cells (*)" in lines


def test_a_narrow_table_comes_in_parts(panel):
    text = rendered(panel, "table", width=50)
    assert "(2020 to " in text and "part 1 of " in text
    assert max(len(line) for line in text.splitlines()) <= 50
    for key in ("2020", "2026", "2021-2025"):
        assert key in text


def test_split_columns_keeps_one_column_even_if_too_wide():
    assert split_columns([30, 5], 10) == [[0], [1]]
    assert split_columns([], 10) == []


def test_empty_panel_in_every_format():
    empty = Panel((), (), ())
    assert rendered(empty, "csv").startswith("row,indicator,unit,measure,base_unit")
    assert rendered(empty, "json") == "[]\n"
    assert rendered(empty, "jsonl", long=True) == ""
    assert "0 indicators" in rendered(empty, "table", width=80)
    assert "</html>" in rendered(empty, "html")


class PageParser(HTMLParser):
    """The charts' points, the table cells' hover texts, and every external reference."""

    def __init__(self):
        super().__init__()
        self.charts: dict[int, list[dict[str, str]]] = {}
        self.chart: int | None = None
        self.titles: list[str] = []
        self.external: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("src", "href"):
            if name in a:
                self.external.append(a[name])
        if tag == "script":
            self.scripts += 1
        if tag == "link":
            self.external.append(str(a))
        if tag == "svg" and "data-row" in a:
            self.chart = int(a["data-row"])
            self.charts[self.chart] = []
        elif tag == "circle" and self.chart is not None:
            self.charts[self.chart].append(a)
        if tag == "div" and "title" in a:
            self.titles.append(a["title"])

    def handle_endtag(self, tag):
        if tag == "svg":
            self.chart = None


def test_html_is_self_contained_and_its_charts_show_the_panel(panel):
    page = rendered(panel, "html")
    parser = PageParser()
    parser.feed(page)
    assert parser.external == [] and parser.scripts == 0
    assert "http" not in page.replace('content="width=device-width', "")
    assert set(parser.charts) == {row.id for row in panel.rows}
    for row in panel.rows:
        points = parser.charts[row.id]
        expected = {(cell.column.year, cell.kind, format_decimal(row.value(cell.record)))
                    for cell in row.cells() if not cell.column.is_period}
        assert {(int(p["data-year"]), p["data-kind"], p["data-value"]) for p in points} == expected
        for p in points:  # targets are rings coloured by their verdict
            if p["data-kind"] == "target" and p["data-year"] in row.verdicts:
                assert row.verdicts[p["data-year"]].value in p["class"]
        check_geometry(points)


def check_geometry(points: list[dict[str, str]]) -> None:
    """x grows with the year at one rate, y falls as the value grows at one rate."""
    xs = {int(p["data-year"]): Decimal(p["cx"]) for p in points}
    ys = {Decimal(p["data-value"]): Decimal(p["cy"]) for p in points}
    for pairs, sign in ((sorted(xs.items()), 1), (sorted(ys.items()), -1)):
        if len(pairs) < 2:
            continue
        (a, pa), (b, pb) = pairs[0], pairs[-1]
        rate = (pb - pa) / (b - a)
        assert rate * sign > 0
        for value, pixel in pairs:
            assert abs(pa + rate * (value - a) - pixel) <= Decimal("0.1")


def test_html_hover_texts_name_report_line_and_sentence(panel):
    parser = PageParser()
    parser.feed(rendered(panel, "html"))
    revised = next(t for t in parser.titles if t.startswith("2022 result: 1128亿元"))
    assert "(revised)" in revised and "liuan-2024.txt, line 7: " in revised
    assert "superseded: 1120亿元 (fixtures/panel/liuan-2023-plan.txt, line 8)" in revised


def test_xlsx_sheets_numbers_comments_colours(panel):
    from openpyxl import load_workbook

    out = io.BytesIO()
    write_panel(panel, "xlsx", out)
    book = load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == ["panel", "long", "reports"]
    sheet = book["panel"]
    assert sheet.freeze_panes == "E2"
    header = [c.value for c in sheet[1]]
    assert header[:7] == ["row", "indicator", "unit", "measure", "2020 result", "2020 target",
                          "2020 verdict"]
    at = {name: k + 1 for k, name in enumerate(header)}
    gdp = sheet.cell(row=2, column=at["2022 result"])
    assert gdp.value == 1128 and gdp.data_type == "n" and gdp.number_format == '0"*"'
    assert "liuan-2024.txt, line 7" in gdp.comment.text
    target = sheet.cell(row=3, column=at["2022 target"])
    assert (target.value, target.number_format) == (6.5, '"~"0.0')
    verdict = sheet.cell(row=3, column=at["2022 verdict"])
    assert verdict.value == "missed" and verdict.fill.start_color.rgb.endswith("FFD7D5")
    assert sheet.cell(row=3, column=at["2021 verdict"]).fill.start_color.rgb.endswith("D6F5DD")
    long = book["long"]
    assert [c.value for c in long[1]] == list(LONG_FIELDS)
    assert long.max_row == 1 + sum(len(row.statements()) for row in panel.rows)
    assert book["reports"].max_row == 1 + len(panel.reports)


# --- The command line ----------------------------------------------------------------------


def test_cli_writes_every_format(tmp_path):
    for name in ("p.csv", "p.json", "p.jsonl", "p.xlsx", "p.html"):
        result = run(*series_args(), "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))[0]["row"] == 1
    assert (tmp_path / "p.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_piped_is_wide_csv_and_long_on_request():
    wide = run(*series_args(), "--targets", "--min-years", "7")
    assert wide.exit_code == 0
    assert wide.stdout.startswith("row,indicator,unit,measure,2020 result")
    assert len(wide.stdout.splitlines()) == 1 + 8
    long = run(*series_args(), "--long", "--name", "失业率")
    assert long.stdout.splitlines()[0] == ",".join(LONG_FIELDS)
    assert {line.split(",")[1] for line in long.stdout.splitlines()[1:]} == {"城镇调查失业率"}


def test_cli_table_says_how_many_were_chosen():
    result = run(*series_args(), "--base-unit", "元", "-f", "table")
    assert result.stdout.splitlines()[0].endswith("2 of 11 indicators, 2020–2026")
    one = run(*series_args(), "--name", "专精特新", "-f", "table")
    assert one.stdout.splitlines()[0].endswith("1 of 11 indicators, 2023")


def test_cli_reads_stdin_among_files():
    text = (ROOT / "fixtures" / "panel" / "liuan-2021.txt").read_text(encoding="utf-8")
    result = run("-", "fixtures/panel/liuan-2022.txt", "--name", "失业率", "-f", "json",
                 input=text)
    row, = json.loads(result.stdout)
    assert [(c["column"], c["verdict"]) for c in row["cells"]] == [
        ("2020", None), ("2021", "met"), ("2022", None)]
    assert row["cells"][1]["target"]["report"] == "-"


def test_cli_reads_records_written_by_extract(reports, tmp_path):
    out = io.StringIO()
    write_jsonl([r for report in reports for r in report.records], out)
    path = tmp_path / "series.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    from_records = run(str(path))
    from_texts = run(*series_args())
    assert from_records.exit_code == 0
    assert from_records.stdout == from_texts.stdout


def test_cli_warns_about_mixed_places():
    mixed = run(*series_args()[:2], str(SEED.relative_to(ROOT)))
    assert mixed.exit_code == 0
    assert "reports of different places in one panel" in mixed.stderr
    assert "深圳市罗湖区 (seeds/luohu-2023.txt)" in mixed.stderr
    assert "柳岸区 (fixtures/panel/liuan-2021.txt, fixtures/panel/liuan-2022.txt)" in mixed.stderr
    allowed = run(*series_args()[:2], str(SEED.relative_to(ROOT)), "--allow-mixed")
    assert allowed.exit_code == 0 and allowed.stderr == ""
    one = run(*series_args())
    assert one.stderr == ""


@pytest.mark.parametrize("args, code, message", [
    (["missing.txt"], 1, "luohu: "),
    (["fixtures/panel/liuan-2021.txt", "--long", "-f", "html", "-o", "p.html"], 2,
     "--long is for csv, json, jsonl and table"),
    (["fixtures/panel/liuan-2021.txt", "--fields", "row"], 2, "add --long"),
    (["fixtures/panel/liuan-2021.txt", "--long", "--fields", "row,colour"], 2,
     "unknown field 'colour'; the long form's fields are row, indicator"),
    (["fixtures/panel/liuan-2021.txt", "--long", "--fields", "row,year,row"], 2,
     "field 'row' given twice"),
    (["fixtures/panel/liuan-2021.txt", "--fields", "row", "-o", "p.xlsx"], 2,
     "--fields is for csv, json, jsonl and table with --long, not xlsx"),
    (["fixtures/panel/liuan-2021.txt", "-f", "xlsx"], 2, "xlsx is written to a file"),
    (["fixtures/panel/liuan-2021.txt", "-o", "panel.txt"], 2, "cannot tell the format"),
    (["-", "-"], 2, "only once"),
    (["fixtures/panel/liuan-2021.txt", "--min-years", "0"], 2, "--min-years"),
    (["fixtures/panel/liuan-2021.txt", "--section", "x"], 2, "not a section id"),
])
def test_cli_errors_are_one_line(args, code, message, tmp_path):
    result = run(*args)
    assert result.exit_code == code
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_json_numbers_are_exact_json_numbers_and_strings_on_request(panel):
    text = rendered(panel, "json", long=True)
    exact = json.loads(text, parse_float=Decimal)
    gdp = next(line for line in exact if line["row"] == 1 and line["year"] == 2022
               and line["status"] == "current")
    assert gdp["base_value"] == 112800000000 and gdp["value"] == 1128
    assert '"score": 0.95' in text and '"score": "0.95"' not in text
    rate = next(line for line in exact if line["row"] == 9 and line["year"] == 2021)
    assert isinstance(rate["value"], Decimal) and str(rate["value"]) == "5.0"  # as written
    for line in exact:  # every number parses back to the statement's exact decimal
        assert all(isinstance(line[name], (Decimal, int)) or line[name] is None
                   for name in ("value", "value_high", "base_value", "row_value", "score"))
    strings = json.loads(rendered(panel, "json", long=True, numbers_as_strings=True))
    assert [(s["value"], s["score"]) for s in strings][:2] == [("980", None), ("1065", "0.95")]
    wide = json.loads(rendered(panel, "json"), parse_float=Decimal)
    result = wide[8]["cells"][1]["result"]
    assert (result["row_value"], result["base_value"], result["score"]) == (
        Decimal("5.0"), Decimal("5.0"), Decimal("0.90"))
    wide_strings = json.loads(rendered(panel, "jsonl", numbers_as_strings=True).splitlines()[8])
    assert wide_strings["cells"][1]["result"]["row_value"] == "5.0"


def test_json_empty_values_are_null_and_sections_are_marked(panel):
    for line in json.loads(rendered(panel, "json", long=True)):
        assert "" not in line.values()
        assert line["section_id"] is None or line["section_id"].startswith("§")
    first = json.loads(rendered(panel, "jsonl", long=True).splitlines()[0])
    assert (first["period"], first["qualifier"], first["direction"], first["value_high"],
            first["score"]) == (None, None, None, None, None)
    wide = json.loads(rendered(panel, "json"))
    cell = wide[0]["cells"][0]
    assert cell["period"] is None and cell["result"]["section_id"] == "§1"
    assert "" not in cell["result"].values()
    assert {c["period"] for row in wide for c in row["cells"]} == {None, "2021-2025"}
    rows = list(csv.DictReader(io.StringIO(rendered(panel, "csv", long=True))))
    assert {r["section_id"][:1] for r in rows} == {"§"}


def test_fields_choose_and_order_the_long_form_in_every_format(panel):
    fields = ("indicator", "year", "kind", "row_value", "section_id")
    csv_text = rendered(panel, "csv", long=True, fields=fields)
    lines = csv_text.splitlines()
    assert lines[0] == "indicator,year,kind,row_value,section_id"
    assert lines[1] == "地区生产总值,2020,actual,980,§1"
    assert len(lines) == 1 + len(long_lines(panel))
    for output_format in ("json", "jsonl"):
        text = rendered(panel, output_format, long=True, fields=fields)
        objects = (json.loads(text) if output_format == "json"
                   else [json.loads(line) for line in text.splitlines()])
        assert all(list(o) == list(fields) for o in objects)
        assert objects[0] == {"indicator": "地区生产总值", "year": 2020, "kind": "actual",
                              "row_value": 980, "section_id": "§1"}
    table = rendered(panel, "table", long=True, fields=("indicator", "year", "verdict"),
                     width=80)
    head = table.splitlines()[1].split()
    assert head == ["indicator", "year", "verdict"]
    assert "城镇调查失业率 2022 missed" in " ".join(" ".join(table.split()).split("\n"))
    with pytest.raises(ValueError, match="add --long"):
        rendered(panel, "csv", fields=fields)


def test_the_long_table_by_default_fits_80_columns(panel):
    from rich.cells import cell_len

    text = rendered(panel, "table", long=True, width=80)
    lines = text.splitlines()
    assert lines[1].split() == ["row", "indicator", "year", "kind", "row_value", "verdict",
                                "status", "report", "line"]
    assert max(cell_len(line) for line in lines) <= 80
    assert lines[-1].startswith("verdicts: ")


def test_cli_fields_and_long_table():
    result = run(*series_args(), "--long", "--name", "失业率", "-f", "jsonl",
                 "--fields", "year,kind,value,verdict", "--numbers-as-strings")
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[1])
    assert first == {"year": 2021, "kind": "actual", "value": "5.0", "verdict": "met"}
    table = run(*series_args(), "--long", "--name", "失业率", "-f", "table",
                "--fields", "year,kind,row_value,verdict")
    assert table.exit_code == 0 and table.stdout.splitlines()[1].split() == [
        "year", "kind", "row_value", "verdict"]


@pytest.mark.parametrize("args, escapes", [
    (["--color", "always"], True), (["--color", "never"], False), ([], False),
    (["--long", "--color", "always"], True), (["--long", "--color", "never"], False)])
def test_cli_color_option(args, escapes):
    result = run(*series_args(), "-f", "table", *args)
    assert result.exit_code == 0
    assert ("\x1b[" in result.stdout) is escapes


def test_cli_color_auto_on_a_terminal_honours_no_color(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[32m" in run(*series_args(), "-f", "table").stdout  # met, in green
    monkeypatch.setenv("NO_COLOR", "1")
    coloured = run(*series_args(), "-f", "table").stdout
    assert "\x1b[32m" not in coloured and "\x1b[31m" not in coloured
    assert "\x1b[32m" in run(*series_args(), "-f", "table", "--color", "always").stdout


def test_cli_section_takes_either_form_and_writes_the_mark():
    bare = run(*series_args(), "--section", "1.2", "--long", "-f", "jsonl")
    marked = run(*series_args(), "--section", "§1.2", "--long", "-f", "jsonl")
    assert bare.exit_code == 0 and bare.stdout == marked.stdout and bare.stdout
    assert any(json.loads(line)["section_id"] == "§1.2" for line in bare.stdout.splitlines())


def test_cli_csv_bom_and_formula_guard_as_extract(tmp_path):
    plain = run(*series_args(), "--long", "--name", "失业率").stdout
    bom = run(*series_args(), "--long", "--name", "失业率", "--bom").stdout
    assert bom == "\ufeff" + plain
    unguarded = run(*series_args(), "--name", "失业率", "--no-formula-guard").stdout
    assert unguarded.startswith('"row","indicator","unit","measure","2020 result"')
    row = {"row": 1, "indicator": "=HYPERLINK(1)", "year": 2020}
    from luohu_cli import panel_render
    out = io.StringIO()
    writer = panel_render._csv_writer(out, list(row), True, False)
    writer.writerow([panel_render._csv_cell(v) for v in row.values()])
    assert out.getvalue().splitlines()[1] == "1,'=HYPERLINK(1),2020"
    out = io.StringIO()
    writer = panel_render._csv_writer(out, list(row), False, False)
    writer.writerow([panel_render._csv_cell(v, formula_guard=False) for v in row.values()])
    assert out.getvalue().splitlines() == ['"row","indicator","year"', "1,=HYPERLINK(1),2020"]


def test_cli_failed_output_leaves_nothing(tmp_path):
    target = tmp_path / "p.xlsx"
    result = run("fixtures/panel/liuan-2021.txt", "missing.txt", "-o", str(target), "--fail-fast")
    assert result.exit_code == 1 and not target.exists() and not list(tmp_path.iterdir())
    alone = run("missing.txt", "-o", str(target))  # one input: its error is the command's
    assert alone.exit_code == 1 and not list(tmp_path.iterdir())
    # without --fail-fast a bad input is one line, and the panel of the others is written
    # (tests/test_panel_batch.py)


def test_help_lists_panel():
    result = runner.invoke(cli.app, ["--help"], prog_name="luohu")
    assert "panel" in result.stdout
