"""Reading records back (luohu_cli.records_io): detection, exact round trips, errors."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luohu_cli import export, formats, records_io
from luohu_cli.errors import InputError
from luohu_cli.model import FIELDS, Indicator, format_decimal
from luohu_cli.outline import id_order
from luohu_cli.records_io import (
    CSV_HEADER, detect, load, outline_from_records, read_records,
)
from sample_records import ALL, SAMPLES, sample


def written(writer, records) -> str:
    out = io.StringIO(newline="")
    writer(records, out)
    return out.getvalue()


def spreadsheet_csv(records, formula_guard: bool = True) -> str:
    out = io.StringIO(newline="")
    export.write_spreadsheet_csv(records, out, formula_guard=formula_guard)
    return out.getvalue()


def as_written(records) -> list[dict]:
    """What a writer sees of each record: its strings, so 5.5E+0 and 5.5 differ."""
    return [r.as_strings() | {"types": [type(getattr(r, f)).__name__ for f in FIELDS]}
            for r in records]


# --- detection ---------------------------------------------------------------------

OLDER_HEADER = ",".join(name for name in FIELDS if name != "period")  # before period existed

DETECT_CASES = [
    pytest.param('{"report": "a"}\n', "jsonl", id="jsonl"),
    pytest.param('\n\n  {"report": "a"}\n', "jsonl", id="jsonl after blank lines"),
    pytest.param("[\n  {}\n]\n", "json", id="json array"),
    pytest.param("[]\n", "json", id="empty json array"),
    pytest.param(CSV_HEADER + "\n", "csv", id="csv header LF"),
    pytest.param(CSV_HEADER + "\r\nx", "csv", id="csv header CRLF"),
    pytest.param("\ufeff" + CSV_HEADER + "\r\n", "csv", id="csv header after BOM"),
    pytest.param(CSV_HEADER, "csv", id="csv header alone"),
    pytest.param(CSV_HEADER.upper() + "\n", "report", id="csv header in capitals"),
    pytest.param("report,line,start\n", "report", id="partial csv header"),
    pytest.param(CSV_HEADER + ",extra\n", "csv", id="csv header with extra column"),
    pytest.param(",".join(reversed(CSV_HEADER.split(","))) + "\n", "csv",
                 id="csv header reordered"),
    pytest.param(OLDER_HEADER + "\n", "csv", id="csv header from before period"),
    pytest.param("\ufeff" + OLDER_HEADER + "\r\n", "csv", id="export csv header from before period"),
    pytest.param(OLDER_HEADER + ",extra\n", "csv", id="older csv header with extra column"),
    pytest.param("一、2022年工作回顧\n全年地區生產總值2630.2億元。", "report", id="report text"),
    pytest.param("", "report", id="empty"),
    pytest.param("[2023]年报告\n", "report", id="report starting with a bracket"),
]


@pytest.mark.parametrize("text, kind", DETECT_CASES)
def test_detect(text, kind):
    assert detect(text) == kind


# --- round trips -------------------------------------------------------------------

WRITERS = [
    pytest.param(formats.write_jsonl, id="jsonl"),
    pytest.param(formats.write_json, id="json"),
    pytest.param(formats.write_csv, id="csv"),
    pytest.param(export.write_spreadsheet_csv, id="spreadsheet csv"),
]


@pytest.mark.parametrize("writer", WRITERS)
def test_round_trip_is_exact(writer):
    back = read_records(written(writer, ALL))
    assert back == ALL
    assert as_written(back) == as_written(ALL)


def test_round_trip_keeps_types():
    [back] = read_records(written(formats.write_csv, sample("huge")))
    assert back.year is None and back.value_high is None
    assert type(back.line) is int and type(back.start) is int
    assert back.base_value == Decimal("12345678123456789000000")
    assert format_decimal(back.value) == "12345678.123456789"


def test_range_keeps_its_high_end():
    [back] = read_records(written(formats.write_jsonl, sample("range")))
    assert back.value_high == Decimal("6") and back.value == Decimal("5.5")


def test_spreadsheet_csv_with_bom_and_gb18030_reads_back():
    from luohu_cli.decode import decode_bytes

    text = spreadsheet_csv(ALL)
    for data in (text.encode("utf-8-sig"), text.encode("gb18030")):
        assert read_records(decode_bytes(data)) == ALL


PERIOD_ROUND_TRIP_CASES = {
    "plan-period": "plan-done",
    "next-plan-period": "plan-next",
    "single-year": "gdp",
}


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("name", PERIOD_ROUND_TRIP_CASES.values(),
                         ids=PERIOD_ROUND_TRIP_CASES.keys())
def test_period_round_trips(writer, name):
    [back] = read_records(written(writer, sample(name)))
    assert back.period == SAMPLES[name].period and back.year == SAMPLES[name].year
    assert back == SAMPLES[name]


# --- records written before `period` existed ------------------------------------------


def older_jsonl(records) -> str:
    return "".join(json.dumps({k: v for k, v in r.as_strings().items() if k != "period"},
                              ensure_ascii=False) + "\n" for r in records)


def older_json(records) -> str:
    return json.dumps([{k: v for k, v in r.as_strings().items() if k != "period"}
                       for r in records], ensure_ascii=False, indent=2) + "\n"


def older_csv(records, line_end: str = "\n", guard=lambda cell: cell) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=line_end)
    writer.writerow(OLDER_HEADER.split(","))
    for r in records:
        values = r.as_strings()
        writer.writerow([guard("" if values[k] is None else str(values[k]))
                         for k in FIELDS if k != "period"])
    return out.getvalue()


def older_spreadsheet_csv(records) -> str:
    return "\ufeff" + older_csv(records, "\r\n", export.guard)


SINGLE_YEAR = [r for r in ALL if not r.period]
# id -> how records were written before `period` existed
OLDER_WRITERS = {
    "jsonl": older_jsonl,
    "json": older_json,
    "extract-csv": older_csv,
    "export-csv-with-bom-and-guard": older_spreadsheet_csv,
}


@pytest.mark.parametrize("writer", OLDER_WRITERS.values(), ids=OLDER_WRITERS.keys())
def test_records_from_before_period_read_with_an_empty_period(writer):
    text = writer(SINGLE_YEAR)
    assert "period" not in text
    back = read_records(text)
    assert back == SINGLE_YEAR
    assert {r.period for r in back} == {""}


@pytest.mark.parametrize("writer", OLDER_WRITERS.values(), ids=OLDER_WRITERS.keys())
def test_records_from_before_period_load_as_reports(tmp_path, writer):
    path = tmp_path / "old-records"
    path.write_text(writer(SINGLE_YEAR), encoding="utf-8", newline="")
    assert [r for report in load(str(path)) for r in report.records] == SINGLE_YEAR


def test_lf_csv_is_not_unguarded():
    """extract's CSV (LF) is read as written: a leading ' is the text's own."""
    record = SAMPLES["gdp"]
    quoted = Indicator(**{**record.__dict__, "context": "'=1"})
    assert read_records(written(formats.write_csv, [quoted])) == [quoted]


def test_unguarded_csv_written_with_crlf_but_no_guard_reads_back():
    assert read_records(spreadsheet_csv(ALL, formula_guard=False)) == ALL


text_values = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
text_without_cr = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r"),
                          max_size=30)


@st.composite
def records(draw, text_values=text_values) -> Indicator:
    decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
        records_io.number_in_range)
    return Indicator(
        report=draw(text_values), line=draw(st.integers(1, 10**6)),
        start=draw(st.integers(0, 10**7)), end=draw(st.integers(0, 10**7)),
        section_id=draw(st.sampled_from(["", "1", "2.10"])), section=draw(text_values),
        year=draw(st.none() | st.integers(1949, 2100)),
        kind=draw(st.sampled_from(["actual", "target"])), indicator=draw(text_values),
        value=draw(decimals), unit=draw(text_values), base_value=draw(decimals),
        base_unit=draw(text_values), qualifier=draw(st.sampled_from(["", "~", ">="])),
        direction=draw(st.sampled_from(["", "up", "down"])), text=draw(text_values),
        context=draw(text_values), value_high=draw(st.none() | decimals),
        period=draw(st.sampled_from(["", "2021-2025", "2026-2030"])),
    )


@pytest.mark.parametrize("writer", [p for p in WRITERS if p.id != "csv"])
@settings(max_examples=60, deadline=None)
@given(rows=st.lists(records(), max_size=4))
def test_any_records_round_trip(writer, rows):
    assert read_records(written(writer, rows)) == rows


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(records(text_without_cr), max_size=4))
def test_any_records_without_cr_round_trip_through_extract_csv(rows):
    assert read_records(written(formats.write_csv, rows)) == rows


def test_extract_csv_quotes_a_bare_cr():
    record = Indicator(**{**SAMPLES["gdp"].__dict__, "context": "a\rb"})
    assert read_records(written(formats.write_csv, [record])) == [record]


# --- errors ------------------------------------------------------------------------

GOOD = json.dumps(SAMPLES["gdp"].as_strings(), ensure_ascii=False)


def with_field(**changes) -> str:
    return json.dumps(SAMPLES["gdp"].as_strings() | changes, ensure_ascii=False)


def without_field(name: str) -> str:
    values = SAMPLES["gdp"].as_strings()
    del values[name]
    return json.dumps(values, ensure_ascii=False)


BAD_INPUT_CASES = [
    pytest.param(GOOD + "\n{oops\n", "x.jsonl: line 2: not JSON", id="jsonl bad json"),
    pytest.param(GOOD + "\n[1, 2]\n", "x.jsonl: line 2: not a JSON object", id="jsonl not an object"),
    pytest.param(without_field("base_value"), "line 1: missing field base_value",
                 id="missing field"),
    pytest.param(with_field(line="nine"), "line 1: bad line 'nine'", id="line not a number"),
    pytest.param(with_field(line=True), "line 1: bad line True", id="line a boolean"),
    pytest.param(with_field(value="2630,2"), "line 1: bad value '2630,2'", id="bad decimal"),
    pytest.param(with_field(value="NaN"), "line 1: bad value 'NaN'", id="NaN value"),
    pytest.param(with_field(value=""), "line 1: bad value ''", id="empty value"),
    pytest.param(with_field(indicator=3), "line 1: bad indicator 3", id="name not text"),
    pytest.param("[\n  {\"report\": 1}\n]\n", "x.jsonl: record 1: missing field",
                 id="json array record"),
    pytest.param("[\n  {\n", "x.jsonl: line 3: not JSON", id="json array cut short"),
    pytest.param(CSV_HEADER + "\na,1\n", "x.jsonl: line 2: 2 cells, expected 19",
                 id="csv short row"),
    pytest.param(OLDER_HEADER + "\n" + ",".join(["x"] * 19) + "\n",
                 "x.jsonl: line 2: 19 cells, expected 18", id="older csv row with a period cell"),
    pytest.param(with_field(period=2025), "line 1: bad period 2025", id="period not text"),
    pytest.param(with_field(period=[]), "line 1: bad period []", id="period a list"),
    pytest.param(CSV_HEADER + '\n"a,1\n', "x.jsonl: line 2: broken CSV", id="csv open quote"),
    pytest.param("地區生產總值", "x.jsonl holds no records", id="report text"),
]


@pytest.mark.parametrize("text, message", BAD_INPUT_CASES)
def test_bad_records_are_input_errors(text, message):
    with pytest.raises(InputError) as caught:
        read_records(text, "x.jsonl")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_keys_are_ignored():
    line = with_field(score="0.9")
    assert read_records(line) == sample("gdp")


def test_numbers_given_as_json_numbers_are_exact():
    line = with_field(value=2630.2, base_value=263020000000, line="9")
    assert read_records(line) == sample("gdp")


# --- outline from records ------------------------------------------------------------

def test_outline_from_records_adds_parents_in_order():
    outline = outline_from_records(sample("ten", "exports-down", "huge", "shops"))
    assert [(s.id, s.title) for s in outline] == [
        ("", ""),
        ("1", "一、2022年工作回顧"),
        ("1.2", "（二）持續推動經濟高質量發展"),
        ("2", "二、2023年工作安排"),
        ("2.3", "（三）堅持提振、拉動內需"),
        ("2.10", "（十）堅持履職責"),
    ]


def test_outline_from_no_records_is_empty():
    assert outline_from_records([]) == ()


SECTION_ORDER_CASES = [
    pytest.param(["2", "1"], ["1", "2"], id="parts"),
    pytest.param(["1.10", "1.2", "1"], ["1", "1.2", "1.10"], id="ten after two"),
    pytest.param(["1", ""], ["", "1"], id="before the first heading first"),
]


@pytest.mark.parametrize("ids, ordered", SECTION_ORDER_CASES)
def test_section_key(ids, ordered):
    assert sorted(ids, key=id_order) == ordered


# --- load: a file is a report or records ------------------------------------------------

def test_load_report_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("r.txt").write_text("一、2022年工作回顧\n全年地區生產總值2630.2億元。\n", encoding="utf-8")
    [report] = load("r.txt")
    assert report.name == "r.txt"
    assert [s.id for s in report.sections] == ["", "1"]
    assert any(r.indicator == "地區生產總值" for r in report.records)


@pytest.mark.parametrize("writer", WRITERS)
def test_load_records_groups_them_by_report(tmp_path, writer):
    path = tmp_path / "records"
    path.write_text(written(writer, ALL), encoding="utf-8", newline="")
    reports = load(str(path))
    assert [r.name for r in reports] == ["a.txt", "b.txt", "c.txt"]
    assert [r for report in reports for r in report.records] == ALL
    assert [s.id for s in reports[1].sections] == [""]


def test_load_reads_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(
        io.BytesIO(written(formats.write_jsonl, ALL).encode("utf-8")), encoding="utf-8"))
    assert [r for report in load("-") for r in report.records] == ALL


def test_records_io_module_documents_detection():
    assert "JSON Lines" in records_io.__doc__
