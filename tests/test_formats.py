"""The writers' exact output for hand-built records (luohu_cli.formats)."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from luohu_cli.formats import WRITERS, write_csv, write_json, write_jsonl
from luohu_cli.model import FIELDS, Indicator

GDP = Indicator(
    report="seeds/luohu-2023.txt", line=9, start=402, end=410, section_id="1",
    section="一、2022年工作回顧", year=2022, kind="actual", indicator="地區生產總值",
    value=Decimal("2630.2"), unit="億元", base_value=Decimal("263020000000"),
    base_unit="元", qualifier="", direction="", text="2630.2億元",
    context="全年地區生產總值2630.2億元、增長3.4%,增速高于全市平均水平。",
    value_high=None,
)
# A range with no year, a qualifier, an exponent-form Decimal and CSV-hostile text.
RANGE = Indicator(
    report="-", line=1, start=0, end=9, section_id="", section="", year=None,
    kind="target", indicator="增速", value=Decimal("5.5"), unit="%",
    base_value=Decimal("5.5E+0"), base_unit="%", qualifier="~", direction="up",
    text="增長5.5-6%左右", context='目標"增長5.5-6%左右",\n另起一行', value_high=Decimal("6"),
)
# A figure about a plan period: year is the period's last year.
PLAN = Indicator(
    report="r.txt", line=3, start=40, end=44, section_id="1", section="一、“十四五”時期回顧",
    year=2025, kind="actual", indicator="地區生產總值", value=Decimal("5.5"), unit="%",
    base_value=Decimal("5.5"), base_unit="%", qualifier="", direction="up", text="5.5%",
    context="“十四五”時期地區生產總值年均增長5.5%。", period="2021-2025",
)

HEADER = ",".join(FIELDS) + "\n"
GDP_CSV = ("seeds/luohu-2023.txt,9,402,410,§1,一、2022年工作回顧,2022,actual,地區生產總值,"
           "2630.2,億元,263020000000,元,,,2630.2億元,"
           '"全年地區生產總值2630.2億元、增長3.4%,增速高于全市平均水平。",,\n')
RANGE_CSV = ('-,1,0,9,,,,target,增速,5.5,%,5.5,%,~,up,增長5.5-6%左右,'
             '"目標""增長5.5-6%左右"",\n另起一行",6,\n')
PLAN_CSV = ("r.txt,3,40,44,§1,一、“十四五”時期回顧,2025,actual,地區生產總值,5.5,%,5.5,%,,up,"
            "5.5%,“十四五”時期地區生產總值年均增長5.5%。,,2021-2025\n")
GDP_JSON = {
    "report": "seeds/luohu-2023.txt", "line": 9, "start": 402, "end": 410,
    "section_id": "§1", "section": "一、2022年工作回顧", "year": 2022, "kind": "actual",
    "indicator": "地區生產總值", "value": Decimal("2630.2"), "unit": "億元",
    "base_value": 263020000000, "base_unit": "元", "qualifier": None, "direction": None,
    "text": "2630.2億元",
    "context": "全年地區生產總值2630.2億元、增長3.4%,增速高于全市平均水平。",
    "value_high": None, "period": None,
}


def dumps(obj, **options) -> str:
    """json.dumps writing Decimals as the exact JSON numbers luohu writes."""
    text = json.dumps(obj, ensure_ascii=False, default=lambda d: f"@{d}@", **options)
    return text.replace('"@', "").replace('@"', "")


def render(writer, records) -> str:
    out = io.StringIO(newline="")
    writer(records, out)
    return out.getvalue()


def test_csv_exact():
    assert render(write_csv, [GDP, RANGE]) == HEADER + GDP_CSV + RANGE_CSV


def test_csv_header_ends_with_the_later_fields():
    assert HEADER.endswith(",context,value_high,period\n")


def test_csv_period_is_the_last_column():
    assert render(write_csv, [PLAN]) == HEADER + PLAN_CSV


def test_csv_of_nothing_is_the_header():
    assert render(write_csv, []) == HEADER


def test_csv_reads_back_to_the_same_strings():
    rows = list(csv.DictReader(io.StringIO(render(write_csv, [RANGE]), newline="")))
    expected = {k: "" if v is None else str(v) for k, v in RANGE.as_strings().items()}
    assert rows == [{**expected, "section_id": ""}]


def test_jsonl_exact():
    expected = dumps(GDP_JSON) + "\n"
    assert render(write_jsonl, [GDP]) == expected


def test_jsonl_keeps_field_order_and_chinese():
    line = render(write_jsonl, [GDP]).splitlines()[0]
    assert list(json.loads(line)) == list(FIELDS)
    assert "地區生產總值" in line and "\\u" not in line


def test_json_exact():
    expected = "[\n" + "\n".join(
        "  " + row for row in dumps(GDP_JSON, indent=2).splitlines()) + "\n]\n"
    assert render(write_json, [GDP]) == expected


# writer -> how to read its one record back as a dict
PERIOD_WRITERS = {
    "csv": (write_csv, lambda text: next(csv.DictReader(io.StringIO(text, newline="")))),
    "json": (write_json, lambda text: json.loads(text)[0]),
    "jsonl": (write_jsonl, lambda text: json.loads(text.splitlines()[0])),
}
# id -> (record, the period as written)
PERIOD_CASES = {
    "plan-period": (PLAN, "2021-2025"),
    "single-year-is-empty": (GDP, ""),
    "no-year-is-empty": (RANGE, ""),
}


@pytest.mark.parametrize("name", PERIOD_WRITERS)
@pytest.mark.parametrize("record, period", PERIOD_CASES.values(), ids=PERIOD_CASES.keys())
def test_period_is_written_as_a_string_last(name, record, period):
    writer, read = PERIOD_WRITERS[name]
    row = read(render(writer, [record]))
    assert list(row)[-2:] == ["value_high", "period"]
    assert row["period"] == (period or (None if name != "csv" else ""))


def test_json_of_nothing_is_an_empty_array():
    assert render(write_json, []) == "[]\n"


def test_json_types():
    [gdp, rng] = json.loads(render(write_json, [GDP, RANGE]), parse_float=Decimal)
    assert (gdp["line"], gdp["start"], gdp["end"], gdp["year"]) == (9, 402, 410, 2022)
    assert rng["year"] is None
    assert (gdp["value"], gdp["base_value"], gdp["value_high"]) == (
        Decimal("2630.2"), 263020000000, None)
    assert (rng["base_value"], rng["value_high"]) == (Decimal("5.5"), 6)
    for record in (gdp, rng):
        for name, value in record.items():
            if name in {"line", "start", "end", "year", "value", "base_value", "value_high"}:
                assert value is None or isinstance(value, (int, Decimal)), name
            else:
                assert value is None or isinstance(value, str) and value, name


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_no_bom_and_no_carriage_return(name):
    text = render(WRITERS[name], [GDP])
    assert not text.startswith("\ufeff")
    assert "\r" not in text


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_writers_accept_a_generator(name):
    assert render(WRITERS[name], (r for r in [GDP])) == render(WRITERS[name], [GDP])


# --- JSON numbers are exact ---------------------------------------------------------

from dataclasses import replace  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

exact_decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None,
                             min_value=Decimal("-1e30"), max_value=Decimal("1e30")).filter(
    lambda d: d.as_tuple().exponent >= -30)


@given(value=exact_decimals, base=exact_decimals, high=st.none() | exact_decimals)
def test_json_numbers_parse_back_exactly_with_decimal(value, base, high):
    record = replace(GDP, value=value, base_value=base, value_high=high)
    for writer in (write_json, write_jsonl):
        text = render(writer, [record])
        parsed = json.loads(text.strip().strip("[]"), parse_float=Decimal, parse_int=Decimal)
        assert parsed["value"] == value and parsed["base_value"] == base
        assert parsed["value_high"] == high
        if "." in format(value, "f"):  # digit for digit: 6.0 stays 6.0
            assert format(parsed["value"], "f") == format(value, "f")


def test_json_numbers_read_back_as_records():
    from luohu_cli.records_io import read_records

    record = replace(RANGE, value=Decimal("6.0"), base_value=Decimal("12345678123456789000000"),
                     value_high=Decimal("0.000001"))
    for writer in (write_json, write_jsonl):
        [back] = read_records(render(writer, [record]))
        assert back == record and str(back.value) == "6.0"


def test_fields_choose_the_columns_and_keys():
    assert render(lambda r, s: write_csv(r, s, ("indicator", "value")), [GDP]) == \
        "indicator,value\n地區生產總值,2630.2\n"
    assert render(lambda r, s: write_jsonl(r, s, ("value", "indicator")), [GDP]) == \
        '{"value": 2630.2, "indicator": "地區生產總值"}\n'


def test_csv_guards_text_cells_but_never_numbers():
    hostile = replace(GDP, indicator="=HYPERLINK(1)", text="-2.0%", value=Decimal("-2.0"),
                      context="@SUM", report="-")
    row = next(csv.DictReader(io.StringIO(render(write_csv, [hostile]), newline="")))
    assert (row["indicator"], row["text"], row["context"]) == ("'=HYPERLINK(1)", "'-2.0%", "'@SUM")
    assert (row["value"], row["report"]) == ("-2.0", "-")
    plain = render(lambda r, s: write_csv(r, s, formula_guard=False), [hostile])
    assert plain.startswith('"report","line",') and ",=HYPERLINK(1)," in plain


def test_section_label_is_never_a_number():
    from luohu_cli.formats import section_id_of, section_label

    for sid in ("1", "2.1", "2.10", "10.1.2"):
        label = section_label(sid)
        with pytest.raises(ValueError):
            float(label)
        assert section_id_of(label) == sid
