"""Files for spreadsheets (luohu_cli.export): formula guard, CSV bytes, xlsx, Simplified."""
from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from luohu_cli.errors import LuohuError
from luohu_cli.export import (
    SHEET_TITLE, csv_encoding, export_format, guard, number_format, simplified,
    spreadsheet_row, unguard, write_export, write_spreadsheet_csv, write_xlsx,
)
from luohu_cli.model import FIELDS, Indicator
from sample_records import ALL, SAMPLES, sample

HEADER = ",".join(FIELDS)

# --- formula guard -------------------------------------------------------------------

GUARD_CASES = [
    pytest.param("=1+1", "'=1+1", id="equals"),
    pytest.param('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")', id="hyperlink"),
    pytest.param("+1億元", "'+1億元", id="plus before text"),
    pytest.param("-1億元;@SUM(A1)", "'-1億元;@SUM(A1)", id="minus before text"),
    pytest.param("@SUM(A1)", "'@SUM(A1)", id="at"),
    pytest.param("\t完", "'\t完", id="tab"),
    pytest.param("\r完", "'\r完", id="carriage return"),
    pytest.param("-2.0%", "'-2.0%", id="a percentage is text, guarded"),
    pytest.param("-1e5", "'-1e5", id="an exponent is not a plain number"),
    pytest.param("'=x", "''=x", id="an apostrophe before a formula gets another"),
    pytest.param("-2.0", "-2.0", id="negative decimal untouched"),
    pytest.param("-2", "-2", id="negative integer untouched"),
    pytest.param("+5", "+5", id="signed integer untouched"),
    pytest.param("-.5", "-.5", id="negative fraction untouched"),
    pytest.param("263020000000", "263020000000", id="big integer untouched"),
    pytest.param("地區生產總值", "地區生產總值", id="Chinese untouched"),
    pytest.param("", "", id="empty untouched"),
    pytest.param("'quoted", "'quoted", id="an apostrophe alone untouched"),
    pytest.param("1+1", "1+1", id="formula character later untouched"),
    pytest.param(" =1", " =1", id="space first untouched"),
]


@pytest.mark.parametrize("cell, guarded", GUARD_CASES)
def test_guard(cell, guarded):
    assert guard(cell) == guarded


@pytest.mark.parametrize("cell, guarded", GUARD_CASES)
def test_unguard_undoes_guard(cell, guarded):
    assert unguard(guarded) == cell


@given(st.text(st.sampled_from("'=+-@\t\r1.a地 ")))
def test_unguard_guard_is_identity(cell):
    assert unguard(guard(cell)) == cell


def test_number_columns_are_never_guarded():
    row = dict(zip(FIELDS, spreadsheet_row(SAMPLES["exports-down"])))
    assert row["value"] == "-2.0" and row["base_value"] == "-2.0"
    assert row["text"] == "'-2.0%"


def test_hostile_text_cells_are_guarded():
    row = dict(zip(FIELDS, spreadsheet_row(SAMPLES["hostile"])))
    assert row["indicator"] == "'=HYPERLINK(\"x\")"
    assert row["text"] == "'+1億元"
    assert row["context"] == "'-1億元;@SUM(A1)\t完"
    assert row["base_value"] == "100000000"


def test_guard_can_be_turned_off():
    row = dict(zip(FIELDS, spreadsheet_row(SAMPLES["hostile"], formula_guard=False)))
    assert row["indicator"] == "=HYPERLINK(\"x\")"


# --- CSV bytes -------------------------------------------------------------------------

def csv_bytes(records, encoding="utf-8", bom=None, formula_guard=True) -> bytes:
    out = io.BytesIO()
    stream = io.TextIOWrapper(out, encoding=csv_encoding(encoding, bom), newline="")
    write_spreadsheet_csv(records, stream, formula_guard=formula_guard)
    stream.flush()
    return out.getvalue()


CSV_BYTES_CASES = [
    pytest.param({}, b"\xef\xbb\xbfreport,line,", "utf-8-sig", id="UTF-8 with BOM by default"),
    pytest.param({"bom": True}, b"\xef\xbb\xbfreport,", "utf-8-sig", id="BOM asked for"),
    pytest.param({"bom": False}, b"report,line,", "utf-8", id="no BOM"),
    pytest.param({"encoding": "gb18030"}, b"report,line,", "gb18030", id="gb18030 has no BOM"),
    pytest.param({"encoding": "UTF8"}, b"\xef\xbb\xbfreport,", "utf-8-sig", id="utf-8 alias"),
]


@pytest.mark.parametrize("options, starts, codec", CSV_BYTES_CASES)
def test_csv_bytes(options, starts, codec):
    data = csv_bytes(sample("gdp"), **options)
    assert data.startswith(starts)
    assert data.count(b"\xef\xbb\xbf") == (1 if codec == "utf-8-sig" else 0)
    assert "地區生產總值".encode(codec.replace("-sig", "")) in data
    assert data.decode(codec).startswith(HEADER + "\r\n")


def test_gb18030_bytes_are_gb18030():
    data = csv_bytes(sample("gdp"), encoding="gb18030")
    assert "億元".encode("gb18030") in data
    assert "億元".encode("utf-8") not in data


def test_every_row_ends_in_crlf_and_a_break_inside_a_cell_stays_lf():
    text = csv_bytes(ALL).decode("utf-8-sig")
    assert text.count("\r\n") == len(ALL) + 1
    assert text.endswith("\r\n")
    assert '"目標""增長5.5-6%左右"",\n另起一行"' in text  # quoted, a bare LF inside
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == len(ALL) + 1 and rows[0] == list(FIELDS)


CSV_ENCODING_CASES = [
    pytest.param("utf-8", None, "utf-8-sig", id="utf-8 default BOM"),
    pytest.param("utf-8", False, "utf-8", id="utf-8 no BOM"),
    pytest.param("utf_8_sig", None, "utf-8-sig", id="utf-8-sig"),
    pytest.param("gb18030", None, "gb18030", id="gb18030"),
    pytest.param("GBK", False, "gbk", id="gbk no BOM"),
]


@pytest.mark.parametrize("encoding, bom, codec", CSV_ENCODING_CASES)
def test_csv_encoding(encoding, bom, codec):
    assert csv_encoding(encoding, bom) == codec


def test_a_bom_in_gb18030_is_refused():
    with pytest.raises(ValueError, match="only in UTF-8"):
        csv_encoding("gb18030", True)


def test_a_character_the_encoding_lacks_is_one_error():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="big5", newline="")
    with pytest.raises(LuohuError, match=r"cannot write '进' \(U\+8FDB\) in big5"):
        write_export(sample("exports-down"), stream, "csv")


# --- xlsx --------------------------------------------------------------------------------

def xlsx_bytes(records) -> bytes:
    """A workbook written by the tool, opened once with openpyxl: it must always open."""
    out = io.BytesIO()
    write_xlsx(records, out)
    openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    return out.getvalue()


def read_sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))[SHEET_TITLE]


def sheet_rows(data: bytes) -> list[dict]:
    rows = list(read_sheet(data).iter_rows(values_only=True))
    assert rows[0] == tuple(FIELDS)
    return [dict(zip(FIELDS, row)) for row in rows[1:]]


def test_xlsx_has_one_sheet_with_a_frozen_filterable_header():
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(ALL)))
    assert book.sheetnames == [SHEET_TITLE]
    sheet = book[SHEET_TITLE]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:S{len(ALL) + 1}"
    assert all(cell.font.bold for cell in sheet[1])


def test_xlsx_numbers_are_numbers():
    gdp = sheet_rows(xlsx_bytes(sample("gdp")))[0]
    assert gdp["line"] == 9 and type(gdp["line"]) is int
    assert gdp["year"] == 2022 and type(gdp["year"]) is int
    assert gdp["base_value"] == 263020000000 and type(gdp["base_value"]) is int
    assert gdp["value"] == pytest.approx(2630.2) and type(gdp["value"]) is float


@pytest.mark.parametrize("name", [name for name in SAMPLES if name != "huge"])
def test_xlsx_values_come_back_exact(name):
    """Up to 15 significant digits (every figure a report writes) a float is exact."""
    record = SAMPLES[name]
    row = sheet_rows(xlsx_bytes([record]))[0]
    for field in ("value", "base_value", "value_high"):
        expected = getattr(record, field)
        if expected is None:
            assert row[field] is None
        else:
            assert Decimal(repr(row[field])) == expected


def test_xlsx_keeps_every_digit_of_a_huge_figure_in_the_file():
    data = xlsx_bytes(sample("huge"))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<v>12345678123456789000000</v>" in xml
    assert "<v>12345678.123456789</v>" in xml
    assert "E+" not in xml and "e+" not in xml
    row = sheet_rows(data)[0]
    assert row["base_value"] == 12345678123456789000000  # an integer reads back exact
    assert row["value"] == pytest.approx(12345678.123456789)  # a reader's float: 15-17 digits


def test_xlsx_number_formats_show_decimals_as_written():
    sheet = read_sheet(xlsx_bytes(sample("gdp", "exports-down")))
    columns = {name: i for i, name in enumerate(FIELDS, 1)}
    assert sheet.cell(2, columns["value"]).number_format == "0.0"
    assert sheet.cell(2, columns["base_value"]).number_format == "0"
    assert sheet.cell(3, columns["value"]).number_format == "0.0"


def test_xlsx_text_is_text_never_a_formula():
    sheet = read_sheet(xlsx_bytes(sample("hostile")))
    row = dict(zip(FIELDS, sheet[2]))
    assert row["indicator"].value == '=HYPERLINK("x")'
    assert row["indicator"].data_type == "s"
    assert row["text"].value == "+1億元" and row["text"].data_type == "s"


def test_xlsx_empty_values_are_empty_cells():
    row = sheet_rows(xlsx_bytes(sample("huge")))[0]
    assert row["year"] is None and row["value_high"] is None and row["section_id"] is None
    assert row["qualifier"] == "~"


# id -> (sample, the period cell as read back)
XLSX_PERIOD_CASES = {
    "plan-period": ("plan-done", "2021-2025"),
    "next-plan-period": ("plan-next", "2026-2030"),
    "single-year-empty-cell": ("gdp", None),
}


@pytest.mark.parametrize("name, period", XLSX_PERIOD_CASES.values(), ids=XLSX_PERIOD_CASES.keys())
def test_xlsx_period_is_the_last_column_as_text(name, period):
    sheet = read_sheet(xlsx_bytes(sample(name)))
    assert sheet.cell(1, sheet.max_column).value == "period"
    cell = sheet.cell(2, len(FIELDS))
    assert cell.value == period
    if period is not None:
        assert cell.data_type == "s" and cell.number_format == "General"
    assert sheet.cell(2, FIELDS.index("year") + 1).value == SAMPLES[name].year


# id -> (sample, period cell of the spreadsheet CSV row)
CSV_PERIOD_CASES = {
    "plan-period-not-guarded": ("plan-done", "2021-2025"),
    "single-year-empty": ("gdp", ""),
}


@pytest.mark.parametrize("name, period", CSV_PERIOD_CASES.values(), ids=CSV_PERIOD_CASES.keys())
def test_spreadsheet_csv_period_is_the_last_cell(name, period):
    row = spreadsheet_row(SAMPLES[name])
    assert len(row) == len(FIELDS) and row[-1] == period


def test_simplified_keeps_the_period():
    assert [r.period for r in simplified(sample("plan-done", "gdp"))] == ["2021-2025", ""]


def test_xlsx_section_ids_stay_text():
    row = sheet_rows(xlsx_bytes(sample("ten")))[0]
    assert row["section_id"] == "§2.10"


def test_xlsx_shows_characters_xml_cannot_hold_as_escapes(caplog):
    record = Indicator(**{**SAMPLES["gdp"].__dict__, "context": "a\x00b\x07c\td\uffff"})
    assert sheet_rows(xlsx_bytes([record]))[0]["context"] == "a\\u0000b\\u0007c\td\\uffff"
    [warning] = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert "3 characters XML cannot hold" in warning and "(record 1)" in warning


def test_xlsx_column_widths_are_sensible():
    sheet = read_sheet(xlsx_bytes(ALL))
    widths = {name: sheet.column_dimensions[chr(ord("A") + i)].width
              for i, name in enumerate(FIELDS)}
    assert all(6 <= width <= 60 for width in widths.values())
    assert widths["context"] == 60
    assert widths["indicator"] > widths["kind"]


def test_xlsx_of_nothing_is_the_header():
    assert sheet_rows(xlsx_bytes([])) == []


NUMBER_FORMAT_CASES = [
    pytest.param("263020000000", "0", id="integer"),
    pytest.param("2630.2", "0.0", id="one decimal"),
    pytest.param("5.50", "0.00", id="written precision kept"),
    pytest.param("2.6302E+11", "0", id="exponent form"),
    pytest.param("-2.0", "0.0", id="negative"),
]


@pytest.mark.parametrize("value, expected", NUMBER_FORMAT_CASES)
def test_number_format(value, expected):
    assert number_format(Decimal(value)) == expected


# --- choosing a format, Simplified ----------------------------------------------------------

FORMAT_CASES = [
    pytest.param("t.csv", None, "csv", id="csv"),
    pytest.param("t.json", None, "json", id="json"),
    pytest.param("t.jsonl", None, "jsonl", id="jsonl"),
    pytest.param("out/T.XLSX", None, "xlsx", id="xlsx in capitals"),
    pytest.param("t.txt", "csv", "csv", id="format given"),
    pytest.param("t.csv", "xlsx", "xlsx", id="format beats extension"),
]


@pytest.mark.parametrize("path, given_format, expected", FORMAT_CASES)
def test_export_format(path, given_format, expected):
    assert export_format(path, given_format) == expected


@pytest.mark.parametrize("path", [
    pytest.param("t.txt", id="unknown extension"), pytest.param("t", id="no extension"),
    pytest.param("dir.csv/t", id="dot in the directory"),
])
def test_export_format_unknown(path):
    with pytest.raises(ValueError, match="--format"):
        export_format(path)


def test_simplified_converts_text_fields_but_not_the_report():
    [record] = simplified(sample("gdp"))
    assert (record.indicator, record.unit, record.section) == ("地区生产总值", "亿元", "一、2022年工作回顾")
    assert record.context == "全年地区生产总值2630.2亿元、增长3.4%,增速高于全市平均水平。"
    assert record.report == "a.txt"
    assert (record.start, record.end, record.value) == (509, 517, Decimal("2630.2"))


def test_simplified_keeps_lengths():
    for before, after in zip(ALL, simplified(ALL)):
        assert len(before.context) == len(after.context)
        assert len(before.section) == len(after.section)
