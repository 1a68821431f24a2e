"""Hostile input, the input/output side: any bytes give records or one clear line.

Named case tables, one case per reproducer: decoding that degrades gracefully,
limits on what a user passes (--grep, numbers in records, names that are not
text), workbooks that always open, the tool's own CSV read back faithfully,
closed pipes, and messages that name their file. Small reproducers are kept in
fixtures/hostile/; large ones are made here from the seed.
"""
from __future__ import annotations

import codecs
import io
import json
import logging
import os
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from luohu_cli import cli, pipeline
from luohu_cli.decode import decode_bytes, decode_records
from luohu_cli.errors import InputError
from luohu_cli.export import MAX_CELL, write_xlsx
from luohu_cli.model import FIELDS, Indicator
from luohu_cli.records_io import MAX_DIGITS, read_records
from luohu_cli.select import (MAX_PATTERN_DEPTH, MAX_PATTERN_LENGTH, MAX_PATTERN_SIZE,
                              CriteriaError, compile_pattern)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
SEED_BYTES = SEED.read_bytes()
SEED_TEXT = SEED_BYTES.decode("utf-8")
SEED_LINES = SEED_TEXT.split("\n")
HOSTILE = ROOT / "fixtures" / "hostile"

runner = CliRunner()


def run(*args: str | Path, input: bytes | str | None = None):
    """``luohu ARGS...`` in-process; a workbook it writes is opened with openpyxl."""
    result = runner.invoke(cli.app, [str(a) for a in args], input=input, prog_name="luohu")
    written = [str(b) for a, b in zip(args, args[1:]) if a in ("-o", "--output")]
    if result.exit_code == 0 and written and written[0].lower().endswith(".xlsx"):
        openpyxl.load_workbook(written[0])
    return result


def assert_one_line_error(result, exit_code: int, *fragments: str) -> str:
    """The failure contract: the exit code, nothing on stdout, one line on stderr."""
    assert result.exit_code == exit_code, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output and "internal error" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def warnings_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("luohu: WARNING:")]


def decoded_with_warnings(data: bytes, caplog, source: str = "r.txt") -> tuple[str, list[str]]:
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="luohu_cli.decode"):
        text = decode_bytes(data, source=source)
    return text, [r.getMessage() for r in caplog.records if r.name == "luohu_cli.decode"]


def damaged(data: bytes, positions: list[int], byte: int = 0xFF) -> bytes:
    out = bytearray(data)
    for at in positions:
        out[at] = byte
    return bytes(out)


def line_of(data: bytes, at: int) -> int:
    return data.count(b"\n", 0, at) + 1


def mixed(first: str, second: str, cut_line: int = 68) -> bytes:
    """The seed's first lines in one encoding, the rest in another (as people paste files)."""
    head = "\n".join(SEED_LINES[:cut_line]) + "\n"
    tail = "\n".join(SEED_LINES[cut_line:])
    return head.encode(first, "ignore") + tail.encode(second, "ignore")


def record(**changes) -> Indicator:
    base = dict(report="r.txt", line=9, start=509, end=517, section_id="1",
                section="一、2022年工作回顧", year=2022, kind="actual",
                indicator="地區生產總值",
                value=Decimal("2630.2"), unit="億元", base_value=Decimal("263020000000"),
                base_unit="元", qualifier="", direction="", text="2630.2億元",
                context="全年地區生產總值2630.2億元", value_high=None, period="")
    return Indicator(**{**base, **changes})


def jsonl_of(*records: Indicator) -> str:
    """JSON Lines with numbers as strings, so that cases can replace them as text."""
    from luohu_cli.formats import write_jsonl

    out = io.StringIO()
    write_jsonl(records, out, numbers_as_strings=True)
    return out.getvalue()


def sheet_of(path: Path) -> list[dict]:
    """Every data row of a workbook the tool wrote, opened with openpyxl."""
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(FIELDS)
    return [dict(zip(FIELDS, row)) for row in rows[1:]]


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- Encoding detection that degrades gracefully ------------------------------------------

BAD_AT = [5_000, 30_001, 60_000]  # byte offsets in the middle of CJK characters
SEED_GB18030 = SEED_TEXT.encode("gb18030")
GB_BAD_AT = [4_001, 20_001, 40_001]

DECODE_CASES = {
    # id: (bytes, what the one warning says, or None for none)
    "utf8-three-bad-bytes": (
        damaged(SEED_BYTES, BAD_AT),
        # each broken character leaves two invalid sequences: its lead and its rest
        "6 byte sequences not valid in UTF-8 replaced by U+FFFD (lines "
        + ", ".join(str(line_of(SEED_BYTES, at)) for at in BAD_AT) + ")"),
    "gb18030-three-bad-bytes": (
        damaged(SEED_GB18030, GB_BAD_AT, 0xFF),
        "6 byte sequences not valid in GB18030 replaced by U+FFFD (lines "
        + ", ".join(str(line_of(SEED_GB18030, at)) for at in GB_BAD_AT) + ")"),
    "utf8-one-nul": (damaged(SEED_BYTES, [SEED_BYTES.index(b"2630.2")], 0x00),
                     "1 byte sequence not valid in UTF-8 replaced by U+FFFD (line 9)"),
    "utf8-cyrillic-report": ((HOSTILE / "utf8-cyrillic-report.txt").read_bytes(), None),
    "utf8-latin-and-greek": (
        "一、2022年工作回顾\nΔGDP = 3.4%, Ελλάδα, café, naïve\n".encode(), None),
    "mixed-gb18030-big5": (
        mixed("gb18030", "cp950"),
        "the encoding changes part-way; read lines 1-68 as GB18030, lines 69-134 as Big5"),
    "mixed-utf16le-utf8": (
        mixed("utf-16-le", "utf-8"),
        "the encoding changes part-way; read lines 1-68 as UTF-16LE, lines 69-134 as UTF-8"),
    "mixed-utf8-gb18030": (
        mixed("utf-8", "gb18030"),
        "the encoding changes part-way; read lines 1-68 as UTF-8, lines 69-134 as GB18030"),
    "utf8-bom-one-bad-byte": (codecs.BOM_UTF8 + damaged(SEED_BYTES, [5_000]),
                              "1 byte sequence not valid in UTF-8"),
}


@pytest.mark.parametrize("case", list(DECODE_CASES))
def test_decoding_degrades_gracefully(case, caplog):
    data, warning = DECODE_CASES[case]
    text, warnings = decoded_with_warnings(data, caplog)
    if warning is None:
        assert warnings == []
        assert "\ufffd" not in text
    else:
        assert len(warnings) == 1, warnings
        assert warnings[0].startswith("r.txt: ") and warning in warnings[0], warnings[0]


def test_bad_bytes_keep_the_figures_elsewhere():
    records = pipeline.extract(damaged(SEED_BYTES, BAD_AT), report="r.txt")
    clean = pipeline.extract(SEED_BYTES, report="r.txt")
    assert len(records) >= len(clean) - 3
    assert {r.text for r in clean} - {r.text for r in records} <= {"3.4%", "2630.2億元"} | {
        r.text for r in clean if r.line in {line_of(SEED_BYTES, at) for at in BAD_AT}}


@pytest.mark.parametrize("case", ["mixed-gb18030-big5", "mixed-utf16le-utf8"])
def test_a_file_that_changes_encoding_keeps_both_halves(case):
    text = decode_bytes(DECODE_CASES[case][0])
    lines = text.split("\n")
    assert lines[:60] == SEED_LINES[:60]
    assert "堅持人民城市人民建" in text  # from the second half (line 87 of the seed)
    assert "\ufffd" not in text


def test_the_cyrillic_report_is_utf8_and_gives_its_figure():
    records = pipeline.extract(HOSTILE / "utf8-cyrillic-report.txt")
    assert [r.text for r in records] == ["3.4%"]
    assert "Москва" in records[0].context


REFUSED_CASES = {
    # id: (bytes, the one-line message's fragment)
    "random-binary": (random.Random(8).randbytes(4096),
                      "looks like binary data, not a text report"),
    "every-tenth-byte-bad": (damaged(SEED_BYTES, list(range(3, len(SEED_BYTES), 10))),
                             "cannot decode r.txt"),
    "utf8-bom-then-garbage": (codecs.BOM_UTF8 + bytes(range(0x80, 0x100)) * 4,
                              "byte order mark"),
    "png": (b"\x89PNG\r\n\x1a\n" + bytes(100), "(PNG image) looks like binary data"),
}


@pytest.mark.parametrize("case", list(REFUSED_CASES))
def test_binary_or_ruined_data_is_still_refused_in_one_line(case):
    data, fragment = REFUSED_CASES[case]
    with pytest.raises(InputError) as caught:
        decode_bytes(data, source="r.txt")
    assert fragment in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith("r.txt") or "r.txt" in str(caught.value)


BYTES_TO_TRY = (0x00, 0x80, 0xFF, 0xC3, 0x0A, 0xE6, 0x20, 0xBF, 0xFE)


def test_one_replaced_byte_never_makes_the_seed_unreadable():
    """Every 251st position of the seed, each with another byte value: always decoded."""
    for n, at in enumerate(range(0, len(SEED_BYTES), 251)):
        byte = BYTES_TO_TRY[n % len(BYTES_TO_TRY)]
        text = decode_bytes(damaged(SEED_BYTES, [at], byte), source="seed")
        assert abs(len(text) - len(SEED_TEXT)) <= 3, (at, byte)
        assert text.count("\ufffd") <= 3, (at, byte)


@settings(max_examples=40, deadline=None)
@given(at=st.integers(0, len(SEED_TEXT.encode("gb18030")) - 1), byte=st.integers(0, 255),
       encoding=st.sampled_from(["gb18030", "utf-8", "utf-16-le"]))
def test_one_replaced_byte_in_any_encoding_of_the_seed_is_survived(at, byte, encoding):
    data = SEED_TEXT.encode(encoding)
    text = decode_bytes(damaged(data, [at % len(data)], byte))
    assert text.count("\ufffd") <= 3
    assert abs(len(text) - len(SEED_TEXT)) <= 3


# --- Records files: UTF-8, bounded numbers -----------------------------------------------

RECORDS_CASES = {
    # id: (file content or fixture name, exit code, fragments of the error line)
    "utf8-records-read-as-gb18030": ("utf8-records-read-as-gb18030.jsonl", 0, ()),
    "huge-exponent-1e999999999": (
        "huge-exponent-1e999999999.jsonl", 1,
        ("huge-exponent-1e999999999.jsonl: line 1: base_value: number '1E+999999999' "
         f"is out of range (at most {MAX_DIGITS} digits",)),
    "json-int-5000-digits": ("json-int-5000-digits.jsonl", 1,
                             ("json-int-5000-digits.jsonl: line 1: number '9999", "(5000 ",
                              "is out of range")),
    "decimal-too-precise": (jsonl_of(record()).replace('"2630.2"', '"1E-31"', 1), 1,
                            ("line 1: value: number '1E-31' is out of range",)),
    "json-number-nan": (jsonl_of(record()).replace('"2630.2"', "NaN", 1), 1,
                        ("line 1: NaN is not a number records hold",)),
    "json-nested-without-end": ('{"a":' + "[" * 100_000 + "]" * 100_000 + "}\n", 1,
                                ("line 1: not records (JSON nested too deeply)",)),
    "second-line-out-of-range": (jsonl_of(record()) + jsonl_of(record()).replace(
        '"263020000000"', '"1' + "0" * 40 + '"'), 1, ("line 2: base_value: number",)),
    "csv-5000-digit-line": (",".join(FIELDS) + "\n" + "a," + "9" * 5000 + ",0,1,1,s,2022,"
                            "actual,x,1,,1,,,,1,,,\n", 1,
                            ("line 2: line: number '9999", "is out of range")),
}


@pytest.mark.parametrize("case", list(RECORDS_CASES))
def test_records_files_are_utf8_and_their_numbers_bounded(here, case):
    content, exit_code, fragments = RECORDS_CASES[case]
    name = f"{case}.jsonl"
    if content.endswith((".jsonl", ".csv")) and (HOSTILE / content).exists():
        name = content
        Path(name).write_bytes((HOSTILE / content).read_bytes())
    else:
        Path(name).write_text(content, encoding="utf-8")
    result = run("filter", name, "-f", "jsonl")
    if exit_code:
        assert_one_line_error(result, exit_code, *fragments)
    else:
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout.splitlines()[0])["indicator"] == "â"
        assert warnings_of(result) == []


def test_records_are_decoded_as_utf8_unless_a_bom_says_else():
    line = jsonl_of(record(indicator="â"))
    assert decode_records(line.encode("utf-8")) == line
    assert decode_records(codecs.BOM_UTF16_LE + line.encode("utf-16-le")) == line
    assert read_records(decode_records(line.encode("utf-8")))[0].indicator == "â"


# --- --grep under limits --------------------------------------------------------------------

GREP_REFUSED = {
    # id: (pattern, fragment of the message)
    "repeat-4294967294": ("a{4294967294}", "repeats too much"),
    "repeat-huge-digits": ("a{" + "9" * 5000 + "}", "is longer than"),
    "nested-repeats": ("(a{100}){101}", f"more than {MAX_PATTERN_SIZE} elements"),
    "recursion-R": ("(?R)", "is recursive"),
    "recursion-group-number": ("(a)(?1)", "is recursive"),
    "recursion-named": ("(?P<x>a)(?&x)", "is recursive"),
    "5000-nested-brackets": ("(" * 5000 + ")" * 5000, f"longer than {MAX_PATTERN_LENGTH}"),
    "5000-open-classes": ("[" * 5000, f"longer than {MAX_PATTERN_LENGTH}"),
    "deep-groups": ("(" * (MAX_PATTERN_DEPTH + 1) + ")" * (MAX_PATTERN_DEPTH + 1),
                    f"more than {MAX_PATTERN_DEPTH} deep"),
    "invalid": ("[", "unterminated character set"),
}
GREP_ACCEPTED = {
    "alternation": "固定資產|投資",
    "counted-digits": r"\d{1,3}億元",
    "repeats-at-the-limit": "(?:a{100}){100}",
    "escaped-brace": r"\{99999}",
    "brace-in-class": "[{99999}]",
    "flags": "(?i)gdp",
    "deep-at-the-limit": "(" * MAX_PATTERN_DEPTH + "a" + ")" * MAX_PATTERN_DEPTH,
}


@pytest.mark.parametrize("case", list(GREP_REFUSED))
def test_a_grep_pattern_beyond_the_limits_is_refused_before_compiling(case, monkeypatch):
    pattern, fragment = GREP_REFUSED[case]
    compile_pattern.cache_clear()
    compiled = []
    real_compile = regex.compile

    def spy(source, *args, **kwargs):
        compiled.append(source)
        return real_compile(source, *args, **kwargs)

    monkeypatch.setattr(regex, "compile", spy)
    with pytest.raises(CriteriaError) as caught:
        compile_pattern(pattern)
    assert fragment in str(caught.value) and len(str(caught.value)) < 200
    if case != "invalid":  # only a pattern within the limits reaches the regex engine
        assert compiled == []


@pytest.mark.parametrize("case", list(GREP_ACCEPTED))
def test_a_grep_pattern_within_the_limits_compiles(case):
    compile_pattern(GREP_ACCEPTED[case])


@pytest.mark.parametrize("case", ["repeat-4294967294", "recursion-R", "5000-nested-brackets"])
def test_grep_limits_on_the_command_line(here, case):
    Path("r.jsonl").write_text(jsonl_of(record()), encoding="utf-8")
    pattern, fragment = GREP_REFUSED[case]
    assert_one_line_error(run("filter", "r.jsonl", "--grep", pattern), 2,
                          "Invalid value for '--grep'", fragment)


# --- Workbooks that always open ---------------------------------------------------------------

XLSX_CASES = {
    # id: (input file name, its content (None: the fixture), text expected in the indicator)
    "xlsx-uffff-report": ("xlsx-uffff-report.txt", None, "\\uffff"),
    "xlsx-char": ("xlsx-char.txt", None, "\\ufdd0"),
    "surrogate-in-record": ("surrogate-in-record.jsonl", None, "\\ud800abc"),
    "controls": ("controls.jsonl", jsonl_of(record(indicator="a\x01b\x1fc\x7fd")),
                 "a\\u0001b\\u001fc\\u007fd"),
    "ufffe": ("ufffe.jsonl", jsonl_of(record(indicator="x\ufffe")), "x\\ufffe"),
    "plane-noncharacter": ("nonchar.jsonl", jsonl_of(record(indicator="x\U0010ffff")),
                           "x\\U0010ffff"),
}


@pytest.mark.parametrize("case", list(XLSX_CASES))
def test_every_workbook_opens_and_says_what_it_replaced(here, case):
    name, content, expected = XLSX_CASES[case]
    if content is None:
        Path(name).write_bytes((HOSTILE / name).read_bytes())
    else:
        Path(name).write_text(content, encoding="utf-8")
    result = run("export", name, "-o", "out.xlsx")
    assert result.exit_code == 0, result.output
    [warning] = warnings_of(result)
    assert warning.startswith("luohu: WARNING: out.xlsx: ") and "written as \\uXXXX" in warning
    rows = sheet_of(here / "out.xlsx")
    assert rows and expected in rows[0]["indicator"]


def test_a_cell_longer_than_excel_holds_is_cut_visibly(tmp_path):
    path = tmp_path / "long.xlsx"
    with open(path, "wb") as stream:
        write_xlsx([record(context="長" * (MAX_CELL + 10))], stream)
    [row] = sheet_of(path)
    assert len(row["context"]) == MAX_CELL and row["context"].endswith("…[cut]")


def test_the_workbook_of_the_seed_opens(here):
    result = run("export", SEED, "-o", "seed.xlsx")
    assert result.exit_code == 0 and warnings_of(result) == []
    assert len(sheet_of(here / "seed.xlsx")) == len(pipeline.extract(SEED))


# --- The tool's own CSV read back faithfully --------------------------------------------------

def test_a_nul_in_a_field_survives_every_csv(here):
    Path("nul.jsonl").write_bytes((HOSTILE / "nul-context.jsonl").read_bytes())
    [original] = read_records((HOSTILE / "nul-context.jsonl").read_text(encoding="utf-8"))
    assert "\x00" in original.context
    extracted = run("filter", "nul.jsonl", "-f", "csv")
    assert extracted.exit_code == 0
    Path("extract.csv").write_text(extracted.stdout, encoding="utf-8", newline="")
    assert run("export", "nul.jsonl", "-o", "export.csv").exit_code == 0
    for name in ("extract.csv", "export.csv"):
        result = run("filter", name, "-f", "jsonl")
        assert result.exit_code == 0, result.output
        assert read_records(result.stdout) == [original], name


def test_a_field_longer_than_the_csv_module_default_reads_back(here):
    long = record(context="增長" * 100_000)  # 200,000 characters > 131,072
    Path("long.jsonl").write_text(jsonl_of(long), encoding="utf-8")
    for args in (("filter", "long.jsonl", "-f", "csv", "-o", "long.csv"),
                 ("export", "long.jsonl", "-o", "long-export.csv")):
        assert run(*args).exit_code == 0
    for name in ("long.csv", "long-export.csv"):
        result = run("filter", name, "-f", "jsonl")
        assert result.exit_code == 0, result.output
        assert read_records(result.stdout) == [long]


@pytest.mark.parametrize("guard", ["--formula-guard", "--no-formula-guard"])
def test_leading_quotes_survive_an_export_with_or_without_the_guard(here, guard):
    Path("noguard.jsonl").write_bytes((HOSTILE / "noguard.jsonl").read_bytes())
    [original] = read_records((HOSTILE / "noguard.jsonl").read_text(encoding="utf-8"))
    assert original.indicator == "'=不是公式" and original.context == "'+86 电话"
    assert run("export", "noguard.jsonl", "-o", "out.csv", guard).exit_code == 0
    result = run("filter", "out.csv", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert read_records(result.stdout) == [original]


def test_a_lone_surrogate_round_trips_through_json(here):
    Path("s.jsonl").write_bytes((HOSTILE / "surrogate-in-record.jsonl").read_bytes())
    [original] = read_records((HOSTILE / "surrogate-in-record.jsonl").read_text(encoding="utf-8"))
    for output_format in ("jsonl", "json"):
        result = run("filter", "s.jsonl", "-f", output_format)
        assert result.exit_code == 0, result.output
        assert "\\ud800abc" in result.stdout
        assert read_records(result.stdout) == [original]
    for output_format in ("csv", "table"):
        result = run("filter", "s.jsonl", "-f", output_format)
        assert result.exit_code == 0 and "\\ud800abc" in result.stdout


# --- Names and option values that are not valid text -------------------------------------------

GBK_NAME = "报告".encode("gbk") + b".txt"  # as zips made on Windows leave them
GBK_SHOWN = "\\xb1\\xa8\\xb8\\xe6.txt"


def luohu(*args: str | bytes, cwd: Path, stdin=None, **kwargs) -> subprocess.CompletedProcess:
    """A real `luohu` process: argv bytes reach it as the OS gives them."""
    return subprocess.run([sys.executable, "-m", "luohu_cli", *args], cwd=cwd,
                          capture_output=True, stdin=stdin, timeout=120, **kwargs)


@pytest.fixture
def gbk_named(tmp_path):
    (tmp_path / os.fsdecode(GBK_NAME)).write_bytes(SEED_BYTES)
    return tmp_path


@pytest.mark.parametrize("output_format", ["csv", "json", "jsonl", "table"])
def test_a_file_name_in_gbk_bytes_is_written_with_escapes(gbk_named, output_format):
    result = luohu(b"extract", GBK_NAME, b"-f", output_format.encode(), cwd=gbk_named)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
    text = result.stdout.decode("utf-8")  # valid UTF-8 throughout
    if output_format == "json":
        assert json.loads(text)[0]["report"] == GBK_SHOWN
    elif output_format == "jsonl":
        assert json.loads(text.splitlines()[0])["report"] == GBK_SHOWN
    else:
        assert GBK_SHOWN in text


@pytest.mark.parametrize("target", [b"out.xlsx", "输出".encode("gbk") + b".csv"])
def test_exporting_a_gbk_named_file_works(gbk_named, target):
    result = luohu(b"export", GBK_NAME, b"-o", target, cwd=gbk_named)
    assert result.returncode == 0, result.stderr
    written = gbk_named / os.fsdecode(target)
    if target.endswith(b".xlsx"):
        assert sheet_of(written)[0]["report"] == GBK_SHOWN
    else:
        assert GBK_SHOWN in written.read_text(encoding="utf-8-sig")


NOT_TEXT_CASES = {
    # id: (argv after `luohu`, exit code, fragment of stderr)
    "missing-gbk-file": ([b"extract", "报告2".encode("gbk") + b".txt"], 1,
                         b"no such file: \\xb1\\xa8\\xb8\\xe62.txt"),
    "format-not-text": ([b"extract", b"seed.txt", b"-f", b"\xff"], 2, b"Invalid value"),
    "section-not-text": ([b"filter", b"seed.txt", b"--section", b"\xff"], 2,
                         b"not a section id"),
    "name-not-text": ([b"filter", b"seed.txt", b"--name", b"\xb1\xa8", b"-f", b"csv"], 0, b""),
    "grep-not-text": ([b"filter", b"seed.txt", b"--grep", b"\xb1\xa8|x", b"-f", b"jsonl"], 0,
                      b""),
    "output-gbk-dir-missing": ([b"extract", b"seed.txt", b"-o", b"\xb1\xa8/out.csv"], 1,
                               b"cannot write \\xb1\\xa8/"),
}


@pytest.mark.parametrize("case", list(NOT_TEXT_CASES))
def test_option_values_and_names_that_are_not_text(tmp_path, case):
    (tmp_path / "seed.txt").write_bytes(SEED_BYTES)
    argv, exit_code, fragment = NOT_TEXT_CASES[case]
    result = luohu(*argv, cwd=tmp_path)
    assert result.returncode == exit_code, result.stderr
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
    if exit_code:
        assert len(result.stderr.splitlines()) == 1 and fragment in result.stderr, result.stderr
        result.stderr.decode("utf-8")


# --- Closed pipes -----------------------------------------------------------------------------

def piped(args: list[str], read_lines: int) -> tuple[int, bytes]:
    """Run luohu with stdout to a pipe that is closed after `read_lines` lines (0: at once)."""
    process = subprocess.Popen([sys.executable, "-m", "luohu_cli", *args], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for _ in range(read_lines):
        process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    return process.wait(timeout=120), stderr


MANY_SEEDS = [str(SEED)] * 12  # more output than a pipe buffers
REVISED = str(ROOT / "fixtures" / "diff" / "luohu-2023-rev-figures.txt")
SIMPLIFIED = str(ROOT / "fixtures" / "diff" / "luohu-2023-simplified.txt")

PIPE_CASES = {
    # id: (arguments, lines read before closing, expected exit code)
    "list-head": (["list", *MANY_SEEDS], 1, 0),
    "list-closed-at-once": (["list", str(SEED)], 0, 0),
    "help-head": (["--help"], 1, 0),
    "help-closed-at-once": (["--help"], 0, 0),
    "extract-csv-head": (["extract", *MANY_SEEDS, "-f", "csv"], 1, 0),
    "extract-table-closed-at-once": (["extract", str(SEED), "-f", "table"], 0, 0),
    "diff-exit-code-changed": (["diff", str(SEED), REVISED, "--exit-code", "--all", "-f", "csv"],
                               1, 1),
    "diff-exit-code-changed-closed-at-once": (
        ["diff", str(SEED), REVISED, "--exit-code", "--all", "-f", "table"], 0, 1),
    "diff-exit-code-same": (["diff", str(SEED), SIMPLIFIED, "--exit-code", "--all", "-f", "csv"],
                            0, 0),
}


@pytest.mark.parametrize("case", list(PIPE_CASES))
def test_a_closed_pipe_keeps_the_commands_own_status(case):
    args, read_lines, expected = PIPE_CASES[case]
    code, stderr = piped(args, read_lines)
    assert code == expected, stderr
    assert b"Traceback" not in stderr and b"Error" not in stderr and b"error" not in stderr


# --- Many files: every message names its file ---------------------------------------------------

def test_a_run_over_many_files_names_the_file_in_every_warning(here):
    Path("a.txt").write_bytes(damaged(SEED_BYTES, [5_000]))
    Path("b.txt").write_bytes(SEED_BYTES)
    Path("c.txt").write_bytes(damaged(SEED_BYTES, [6_000, 7_000]))
    result = run("extract", "a.txt", "b.txt", "c.txt", "-f", "csv")
    assert result.exit_code == 0
    warnings = [w for w in warnings_of(result) if "U+FFFD" in w]
    assert [w.split(": ")[2] for w in warnings] == ["a.txt", "c.txt"]
    assert all(w.split(": ")[2].endswith(".txt") for w in warnings_of(result))


@pytest.mark.parametrize("command", ["extract", "list", "filter"])
def test_a_run_over_many_files_names_the_file_that_fails(here, command):
    """The bad file is one line naming it; the good one is written all the same, exit 1."""
    Path("good.txt").write_bytes(SEED_BYTES)
    Path("scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(200))
    result = run(command, "good.txt", "scan.txt")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [line for line in result.stderr.splitlines()
                                          if line.startswith("luohu: scan.txt")]
    assert len(result.stderr.splitlines()) == 1 and "good.txt" in result.stdout
    assert_one_line_error(run(command, "good.txt", "scan.txt", "--fail-fast"), 1, "scan.txt")


def test_an_internal_error_names_the_file_being_read(here, monkeypatch):
    Path("good.txt").write_bytes(SEED_BYTES)
    Path("bad.txt").write_bytes(SEED_BYTES)
    real = pipeline.analyse

    def fragile(text, report=""):
        if report == "bad.txt":
            raise ValueError("substring not found")
        return real(text, report)

    monkeypatch.setattr(pipeline, "analyse", fragile)
    result = run("extract", "good.txt", "bad.txt")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(
        "luohu: internal error while reading bad.txt: ValueError: substring not found")


def test_warnings_from_the_engine_name_the_file(here):
    """A library warning that forgets the file gets it from the command line."""
    Path("a.txt").write_bytes(SEED_BYTES)
    logger = logging.getLogger("luohu_cli.pipeline")
    real = pipeline.analyse

    def chatty(text, report=""):
        logger.warning("something odd")
        return real(text, report)

    pipeline.analyse, saved = chatty, pipeline.analyse
    try:
        result = run("extract", "a.txt", "-f", "csv")
    finally:
        pipeline.analyse = saved
    assert "luohu: WARNING: a.txt: something odd" in result.stderr


# --- Properties: any text survives every writer ------------------------------------------------

ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)  # surrogates included


@settings(max_examples=60, deadline=None)
@given(indicator=ANY_TEXT, context=ANY_TEXT)
def test_any_text_makes_a_workbook_that_opens(indicator, context):
    from luohu_cli.export import xml_text

    out = io.BytesIO()
    write_xlsx([record(indicator=indicator, context=context)], out)
    [row] = list(openpyxl.load_workbook(io.BytesIO(out.getvalue())).active.iter_rows(
        min_row=2, values_only=True))
    got = dict(zip(FIELDS, row))

    def as_read(text: str) -> str:  # XML reads every line end as \n
        return xml_text(text)[0].replace("\r\n", "\n").replace("\r", "\n")

    assert (got["indicator"] or "") == as_read(indicator)
    assert (got["context"] or "") == as_read(context)


@settings(max_examples=60, deadline=None)
@given(indicator=ANY_TEXT, context=ANY_TEXT)
def test_any_text_round_trips_through_json_lines_as_utf8(indicator, context):
    original = record(indicator=indicator, context=context)
    data = jsonl_of(original).encode("utf-8")  # no UnicodeEncodeError, surrogates included
    assert read_records(decode_records(data)) == [original]
