"""The command line, run in-process with CliRunner (plus a few real processes).

Record content comes from a fake engine (``pipeline.analyse`` patched):
these tests are about arguments, formats, streams and exit codes, not about
extraction.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from luohu_cli import cli, formats, pipeline
from luohu_cli.commands import outputs
from luohu_cli.model import FIELDS, Indicator

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
HEADER = ",".join(FIELDS) + "\n"

runner = CliRunner()


def run(*args: str, input: bytes | str | None = None):
    """Invoke ``luohu ARGS...`` in-process."""
    return runner.invoke(cli.app, list(args), input=input, prog_name="luohu")


def make_record(report: str, line: int = 1, context: str = "") -> Indicator:
    return Indicator(
        report=report, line=line, start=0, end=9, section_id="1",
        section="一、2022年工作回顧", year=2022, kind="actual", indicator="地區生產總值",
        value=Decimal("2630.2"), unit="億元", base_value=Decimal("263020000000"),
        base_unit="元", qualifier="", direction="", text="2630.2億元", context=context,
    )


def fake_extract_text(text: str, report: str = "") -> list[Indicator]:
    """One record per non-blank line, carrying the line as its context."""
    return [make_record(report, number, line.strip())
            for number, line in enumerate(text.splitlines(), 1) if line.strip()]


def patch_engine(monkeypatch, extract_text) -> None:
    """Make the library's analysis return what `extract_text` gives."""
    monkeypatch.setattr(pipeline, "analyse", lambda text, report="": pipeline.Report(
        report, (), tuple(extract_text(text, report))))


@pytest.fixture
def engine(monkeypatch):
    patch_engine(monkeypatch, fake_extract_text)


@pytest.fixture
def reports(tmp_path, monkeypatch):
    """Two small UTF-8 reports in the current directory: a.txt and b.txt."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("地區生產總值2630.2億元\n", encoding="utf-8")
    Path("b.txt").write_text("第一行\n\n第三行\n", encoding="utf-8")
    return tmp_path


def assert_one_line_error(result, exit_code: int, starts: str = "luohu: ") -> str:
    """The failure contract: exit code, one line on stderr, nothing on stdout."""
    assert result.exit_code == exit_code, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(starts)
    return lines[0]


# --- help ------------------------------------------------------------------------


def command_paths() -> list[list[str]]:
    """The root plus every command of the app: a new command is tested automatically."""
    group = typer.main.get_command(cli.app)
    return [[]] + [[name] for name in sorted(group.commands)]


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(["luohu", *p]))
def test_every_command_has_help_with_an_example(path):
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Usage: luohu" in result.stdout
    assert "Examples:" in result.stdout
    assert "$ luohu " in result.stdout


@pytest.mark.parametrize("name", sorted(typer.main.get_command(cli.app).commands))
def test_every_command_has_help_text(name):
    command = typer.main.get_command(cli.app).commands[name]
    assert command.help and command.help.strip()
    assert command.epilog and "$ luohu " in command.epilog


def test_no_arguments_shows_help():
    result = run()
    assert result.exit_code == 2
    assert "Usage: luohu" in result.stdout
    assert "Traceback" not in result.output


def test_help_does_not_import_the_tokenizer():
    code = ("import sys\n"
            "from luohu_cli.cli import main\n"
            "sys.argv = ['luohu', 'extract', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "assert 'jieba' not in sys.modules, 'jieba imported'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr


# --- formats ---------------------------------------------------------------------


def test_csv_is_the_default_when_stdout_is_not_a_terminal(engine, reports):
    result = run("extract", "a.txt")
    assert result.exit_code == 0
    assert result.stdout == HEADER + (
        "a.txt,1,0,9,§1,一、2022年工作回顧,2022,actual,地區生產總值,2630.2,億元,"
        "263020000000,元,,,2630.2億元,地區生產總值2630.2億元,,\n")
    assert result.stderr == ""


def test_table_is_the_default_on_a_terminal(engine, reports, monkeypatch):
    monkeypatch.setattr(outputs, "stdout_is_terminal", lambda: True)
    result = run("extract", "a.txt")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].strip() == "a.txt: 1 indicator"
    assert "2630.2億元" in result.stdout and "地區生產總值" in result.stdout


def test_csv_header_is_exact_for_a_report_without_records(reports):
    result = run("extract", "a.txt", "--format", "csv")  # the real engine may find nothing
    assert result.exit_code == 0
    assert result.stdout.startswith(HEADER)


def test_format_names_ignore_case(engine, reports):
    assert run("extract", "a.txt", "-f", "CSV").stdout == run("extract", "a.txt").stdout


def test_jsonl_field_order(engine, reports):
    result = run("extract", "b.txt", "--format", "jsonl")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        assert list(json.loads(line)) == list(FIELDS)
    assert json.loads(lines[1])["context"] == "第三行"


def test_json_types(engine, reports):
    result = run("extract", "a.txt", "--format", "json")
    assert result.exit_code == 0
    [record] = json.loads(result.stdout, parse_float=Decimal)
    assert record["line"] == 1 and record["year"] == 2022
    assert record["value"] == Decimal("2630.2") and record["base_value"] == 263020000000
    assert record["value_high"] is None and record["qualifier"] is None
    assert record["section_id"] == "§1"
    assert "地區生產總值" in result.stdout  # not \\u-escaped


def test_json_numbers_as_strings(engine, reports):
    result = run("extract", "a.txt", "-f", "jsonl", "--numbers-as-strings")
    record = json.loads(result.stdout)
    assert (record["value"], record["base_value"], record["value_high"]) == (
        "2630.2", "263020000000", None)


def test_table_lists_each_report_with_its_count(engine, reports):
    result = run("extract", "a.txt", "b.txt", "-f", "table")
    assert result.exit_code == 0
    titles = [line.strip() for line in result.stdout.splitlines() if ": " in line]
    assert titles == ["a.txt: 1 indicator", "b.txt: 2 indicators"]


# --- inputs ----------------------------------------------------------------------


def test_several_reports_keep_their_names_and_order(engine, reports):
    result = run("extract", "b.txt", "./a.txt", "-f", "jsonl")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["report"], r["line"]) for r in records] == [
        ("b.txt", 1), ("b.txt", 3), ("./a.txt", 1)]


def test_stdin_is_read_for_dash(engine):
    result = run("extract", "-", "-f", "jsonl", input="增長3.4%\n".encode("utf-8"))
    assert result.exit_code == 0
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["report"], record["context"]) == ("-", "增長3.4%")


def test_encoding_option_decodes_stdin(engine):
    data = "地區生產總值增長3.4%\n".encode("big5")
    result = run("extract", "-", "--encoding", "big5", "-f", "jsonl", input=data)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["context"] == "地區生產總值增長3.4%"


def test_empty_file_gives_no_records(engine, reports):
    Path("empty.txt").write_bytes(b"")
    result = run("extract", "empty.txt")
    assert result.exit_code == 0
    assert result.stdout == HEADER
    assert run("extract", "empty.txt", "-f", "json").stdout == "[]\n"
    assert run("extract", "empty.txt", "-f", "jsonl").stdout == ""


# --- errors ----------------------------------------------------------------------

# (id, arguments, exit code, start of the one stderr line)
BAD_INVOCATIONS = [
    ("missing file", ["extract", "nope.txt"], 1, "luohu: no such file: nope.txt"),
    ("directory without reports", ["extract", "nothing"], 1,
     "luohu: nothing is a directory with no report files"),
    ("binary", ["extract", "image.png"], 1, "luohu: image.png"),
    ("undecodable", ["extract", "gbk.txt", "--encoding", "utf-8"], 1,
     "luohu: cannot decode gbk.txt as utf-8"),
    ("unknown encoding", ["extract", "a.txt", "--encoding", "klingon"], 2,
     "luohu: Invalid value for '--encoding'"),
    ("unknown option", ["extract", "a.txt", "--bogus"], 2, "luohu: No such option: --bogus"),
    ("unknown format", ["extract", "a.txt", "-f", "xml"], 2, "luohu: Invalid value for '--format'"),
    ("no report", ["extract"], 2, "luohu: Missing argument 'REPORT'"),
    ("unknown command", ["frobnicate"], 2, "luohu: No such command 'frobnicate'"),
    ("second report missing, fail fast", ["extract", "a.txt", "nope.txt", "--fail-fast"], 1,
     "luohu: no such file"),
]


@pytest.mark.parametrize("args, exit_code, starts",
                         [case[1:] for case in BAD_INVOCATIONS],
                         ids=[case[0] for case in BAD_INVOCATIONS])
def test_bad_invocation_is_one_line_on_stderr(engine, reports, args, exit_code, starts):
    Path("image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    Path("gbk.txt").write_bytes("地區生產總值增長3.4%".encode("gbk"))
    Path("nothing").mkdir(exist_ok=True)
    assert_one_line_error(run(*args), exit_code, starts)


def test_internal_error_is_one_line_without_traceback(reports, monkeypatch):
    def broken(text, report=""):
        raise ValueError("boom")

    patch_engine(monkeypatch, broken)
    line = assert_one_line_error(run("extract", "a.txt"), 1)
    assert line.startswith("luohu: internal error while reading a.txt: ValueError: boom")


def test_verbose_shows_the_traceback(reports, monkeypatch):
    def broken(text, report=""):
        raise ValueError("boom")

    patch_engine(monkeypatch, broken)
    result = run("extract", "a.txt", "--verbose")
    assert result.exit_code == 1
    assert "Traceback" in result.stderr
    assert result.stderr.splitlines()[-1] == ("luohu: internal error while reading a.txt: "
                                              "ValueError: boom")


def test_verbose_turns_on_debug_logging(reports, monkeypatch):
    def chatty(text, report=""):
        pipeline_logger = __import__("logging").getLogger("luohu_cli.pipeline")
        pipeline_logger.debug("looking at %s", report)
        return []

    patch_engine(monkeypatch, chatty)
    assert "looking at a.txt" not in run("extract", "a.txt").stderr
    assert "luohu: DEBUG: luohu_cli.pipeline: looking at a.txt" in run(
        "extract", "a.txt", "-v").stderr


def test_broken_pipe_ends_quietly(reports, monkeypatch):
    def closed_pipe(records, stream, *args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setitem(formats.WRITERS, "csv", closed_pipe)
    result = run("extract", "a.txt")
    assert result.exit_code == 0
    assert result.stderr == ""


# --- --output ----------------------------------------------------------------------


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_output_writes_the_file_and_nothing_to_stdout(engine, reports):
    result = run("extract", "a.txt", "-o", "out.csv")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert Path("out.csv").read_bytes().decode("utf-8").startswith(HEADER)
    assert leftovers(reports) == []


def test_output_format_is_honoured(engine, reports):
    assert run("extract", "a.txt", "-o", "out.json", "-f", "json").exit_code == 0
    assert json.loads(Path("out.json").read_text(encoding="utf-8"))[0]["report"] == "a.txt"


def test_output_dash_is_stdout(engine, reports):
    assert run("extract", "a.txt", "-o", "-").stdout == run("extract", "a.txt").stdout


def half_written(records, stream, *args, **kwargs):
    stream.write(HEADER)
    stream.write("a.txt,1,")
    raise RuntimeError("disk on fire")


def test_failed_write_leaves_no_file(engine, reports, monkeypatch):
    monkeypatch.setitem(formats.WRITERS, "csv", half_written)
    line = assert_one_line_error(run("extract", "a.txt", "-o", "out.csv"), 1)
    assert "disk on fire" in line
    assert not Path("out.csv").exists()
    assert leftovers(reports) == []


def test_failed_write_keeps_the_existing_file(engine, reports, monkeypatch):
    Path("out.csv").write_text("old content\n", encoding="utf-8")
    monkeypatch.setitem(formats.WRITERS, "csv", half_written)
    assert_one_line_error(run("extract", "a.txt", "-o", "out.csv"), 1)
    assert Path("out.csv").read_text(encoding="utf-8") == "old content\n"
    assert leftovers(reports) == []


def test_failed_read_keeps_the_existing_file(engine, reports):
    Path("out.csv").write_text("old content\n", encoding="utf-8")
    assert_one_line_error(run("extract", "a.txt", "nope.txt", "-o", "out.csv", "--fail-fast"), 1)
    assert Path("out.csv").read_text(encoding="utf-8") == "old content\n"
    assert leftovers(reports) == []


def test_existing_file_keeps_its_permissions(engine, reports):
    Path("out.csv").write_text("old\n", encoding="utf-8")
    os.chmod("out.csv", 0o640)
    assert run("extract", "a.txt", "-o", "out.csv").exit_code == 0
    assert Path("out.csv").stat().st_mode & 0o777 == 0o640


def test_output_into_a_missing_directory_is_one_line(engine, reports):
    line = assert_one_line_error(run("extract", "a.txt", "-o", "no/such/dir/out.csv"), 1)
    assert line.startswith("luohu: cannot write no/such/dir/out.csv")


# --- the real console script -------------------------------------------------------


def console_script() -> Path:
    return Path(sys.executable).parent / ("luohu.exe" if os.name == "nt" else "luohu")


@pytest.mark.parametrize("command", [
    pytest.param([sys.executable, "-m", "luohu_cli"], id="python -m luohu_cli"),
    pytest.param([str(console_script())], id="luohu script"),
])
def test_real_process_extracts_the_seed(command):
    done = subprocess.run([*command, "extract", str(SEED), "--format", "csv"],
                          capture_output=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout.decode("utf-8").startswith(HEADER)
    assert b"Traceback" not in done.stderr


def test_real_process_error_is_one_line():
    done = subprocess.run([str(console_script()), "extract", "no-such-report.txt"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == "luohu: no such file: no-such-report.txt\n"


def test_real_process_ends_quietly_when_the_reader_goes_away():
    code = ("from decimal import Decimal as D\n"
            "from luohu_cli import pipeline\n"
            "from luohu_cli.model import Indicator\n"
            "record = Indicator('-', 1, 0, 1, '', '', None, 'actual', 'x', D(1), '', D(1),"
            " '', '', '', '1', 'x' * 200)\n"
            "pipeline.analyse = lambda text, report='': pipeline.Report(report, (), (record,) * 200_000)\n"
            "from luohu_cli.cli import main\n"
            "main()\n")
    process = subprocess.Popen([sys.executable, "-c", code, "extract", "-", "-f", "csv"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout.readline() == HEADER.encode("utf-8")
    process.stdout.close()  # like `| head -1`
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0
    assert stderr == b""


# --- conventions every command shares -------------------------------------------


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    import luohu_cli

    result = run(flag)
    assert result.exit_code == 0
    assert result.stdout == f"luohu {luohu_cli.__version__}\n"
    assert luohu_cli.__version__ and luohu_cli.__version__[0].isdigit()


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o"), ("zsh", "compdef"),
                                           ("fish", "complete --command luohu")])
def test_shell_completion_scripts(monkeypatch, shell, marker):
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = run("--show-completion", shell)
    assert result.exit_code == 0, result.output
    assert "_LUOHU_COMPLETE" in result.stdout and marker in result.stdout


def test_completion_completes_commands_and_options(monkeypatch):
    monkeypatch.setenv("_LUOHU_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "luohu filter --ki")
    monkeypatch.setenv("COMP_CWORD", "2")
    result = runner.invoke(cli.app, [], prog_name="luohu")
    assert result.stdout.split() == ["--kind"]


def help_of(*path: str) -> str:
    result = runner.invoke(cli.app, [*path, "--help"], prog_name="luohu",
                           env={"COLUMNS": "80", "TERM": "dumb"})
    assert result.exit_code == 0
    return result.stdout


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(["luohu", *p]))
def test_help_at_80_columns_keeps_option_names_and_examples_whole(path):
    from rich.cells import cell_len

    text = help_of(*path)
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    command = typer.main.get_command(cli.app)
    if path:
        command = command.commands[path[0]]
    for param in command.params:
        for name in param.opts + param.secondary_opts:
            if name.startswith("-") and not getattr(param, "hidden", False):
                assert name in text, name
    for line in command.epilog.splitlines():
        if line.strip().startswith("$ "):
            assert line.strip() in text  # each example on one line, Chinese intact


@pytest.mark.parametrize("name", ["extract", "list", "filter", "export", "panel"])
def test_usage_reads_report_dots(name):
    assert f"Usage: luohu {name} [OPTIONS] REPORT..." in help_of(name)


def test_diff_usage_names_old_and_new():
    assert "Usage: luohu diff [OPTIONS] OLD NEW" in help_of("diff")


# the options with one meaning everywhere, and the commands that have them
SHARED_OPTIONS = {
    "--encoding": ["extract", "list", "filter", "export", "diff", "panel"],
    "--output": ["extract", "list", "filter", "export", "diff", "panel"],
    "--verbose": ["extract", "list", "filter", "export", "diff", "panel"],
    "--color": ["extract", "list", "filter", "diff"],
    "--format": ["extract", "list", "filter", "export", "diff", "panel"],
    "--fields": ["extract", "filter", "export"],
    "--sort": ["list", "filter", "export"],
    "--limit": ["list", "filter", "export"],
    "--not": ["filter", "export"],
    "--change": ["filter", "export"],
}


@pytest.mark.parametrize("option", SHARED_OPTIONS)
def test_shared_options_are_shared(option):
    group = typer.main.get_command(cli.app)
    for name in SHARED_OPTIONS[option]:
        opts = {o for p in group.commands[name].params for o in p.opts}
        assert option in opts, f"luohu {name} lacks {option}"
    helps = {p.help for name in SHARED_OPTIONS[option] for p in group.commands[name].params
             if option in p.opts}
    if option not in ("--format", "--output", "--limit"):  # these say what each command writes
        assert len(helps) == 1, helps


def test_verbose_says_the_encoding_the_parts_and_the_time(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.txt").write_bytes("一、2022年工作回顾\n全年地区生产总值2630.2亿元。\n"
                              "二、2023年工作安排\n地区生产总值增长6%左右。\n".encode("gb18030"))
    err = run("extract", "g.txt", "-f", "csv", "-v").stderr
    assert "g.txt: read as GB18030: its text reads most like Chinese prose" in err
    assert "g.txt: §1 一、2022年工作回顾 (line 1): review, 2022 actual, 1 indicator" in err
    assert "g.txt: §2 二、2023年工作安排 (line 3): plan, 2023 target, 1 indicator" in err
    assert "analysed in" in err and "written as csv in" in err
    assert run("extract", "g.txt", "-f", "csv").stderr == ""


def test_verbose_says_which_headings_were_repaired(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("m.txt").write_text("一、2022年工作回顧\n?。ㄒ唬?/strong>因時因勢\n增長3.4%。\n",
                             encoding="utf-8")
    err = run("extract", "m.txt", "-f", "csv", "-v").stderr
    assert "m.txt: line 2: heading repaired from mojibake: ?。ㄒ唬? -> （一）" in err


def test_standard_input_on_a_terminal_is_awaited(engine, monkeypatch):
    from luohu_cli.commands import inputs

    monkeypatch.setattr(inputs, "_stdin_is_terminal", lambda: True)
    result = run("extract", "-", "-f", "jsonl", input="增長3.4%\n")
    assert result.stderr.startswith("luohu: reading the report from standard input")
    assert result.exit_code == 0 and result.stdout


@pytest.mark.parametrize("color, escapes", [("always", True), ("never", False), ("auto", False)])
def test_color_option(engine, reports, color, escapes):
    result = run("extract", "a.txt", "-f", "table", "--color", color)
    assert result.exit_code == 0
    assert ("\x1b[" in result.stdout) is escapes


def test_color_always_wins_over_no_color(engine, reports, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" in run("extract", "a.txt", "-f", "table", "--color", "always").stdout
    assert "\x1b[" not in run("extract", "a.txt", "-f", "table").stdout


def test_piped_table_has_no_trailing_spaces(engine, reports):
    out = run("extract", "a.txt", "b.txt", "-f", "table").stdout
    assert out and all(line == line.rstrip() for line in out.splitlines())


def test_fields_choose_and_order_columns_in_every_format(engine, reports):
    fields = ["indicator", "value", "section_id", "year"]
    csv_out = run("extract", "a.txt", "--fields", ",".join(fields), "-f", "csv").stdout
    assert csv_out == "indicator,value,section_id,year\n地區生產總值,2630.2,§1,2022\n"
    record = json.loads(run("extract", "a.txt", "--fields", "indicator,value",
                            "-f", "jsonl").stdout)
    assert list(record) == ["indicator", "value"]
    table = run("extract", "a.txt", "--fields", "indicator,base_value", "-f", "table").stdout
    assert "base_value" in table and "263020000000" in table and "figure" not in table


def test_unknown_field_is_a_usage_error(engine, reports):
    result = run("extract", "a.txt", "--fields", "indicator,colour")
    assert result.exit_code == 2
    assert "unknown field 'colour'; the fields are report, line" in result.stderr


def test_csv_bom_on_request_only(engine, reports):
    assert not run("extract", "a.txt", "-f", "csv").stdout.startswith("\ufeff")
    assert run("extract", "a.txt", "-f", "csv", "--bom").stdout.startswith("\ufeffreport,")


def test_stdout_csv_guards_formulas_and_reads_back(reports, monkeypatch):
    def hostile(text, report=""):
        return [make_record(report, 1, "=SUM(A1)")]

    patch_engine(monkeypatch, hostile)
    out = run("extract", "a.txt", "-f", "csv").stdout
    assert ",'=SUM(A1)," in out and ",263020000000," in out
    back = run("filter", "-", "-f", "jsonl", input=out).stdout
    assert json.loads(back)["context"] == "=SUM(A1)"
    plain = run("extract", "a.txt", "-f", "csv", "--no-formula-guard").stdout
    assert plain.startswith('"report","line",') and ",=SUM(A1)," in plain
    assert json.loads(run("filter", "-", "-f", "jsonl", input=plain).stdout)["context"] == \
        "=SUM(A1)"


def test_empty_file_says_so(engine, reports):
    Path("empty.txt").write_bytes(b"")
    assert "empty.txt: 0 indicators (empty file)" in run("extract", "empty.txt", "a.txt",
                                                         "-f", "table").stdout
    assert "a.txt: 1 indicator\n" in run("extract", "empty.txt", "a.txt", "-f", "table").stdout
    assert "(empty file)" in run("list", "empty.txt").stdout


# (file name, first bytes, what the message advises)
BINARY_CASES = [
    pytest.param("report.pdf", b"%PDF-1.7\n" + bytes(range(256)), "pdftotext -layout", id="pdf"),
    pytest.param("report.docx", b"PK\x03\x04" + bytes(range(256)), "pandoc report.docx",
                 id="docx"),
    pytest.param("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)),
                 "soffice --headless --convert-to txt:Text", id="doc"),
    pytest.param("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "tesseract", id="png"),
]


@pytest.mark.parametrize("name, data, advice", BINARY_CASES)
def test_binary_input_names_its_format_and_how_to_convert(reports, name, data, advice):
    Path(name).write_bytes(data)
    for command in ("extract", "filter"):
        line = assert_one_line_error(run(command, name), 1)
        assert line.startswith(f"luohu: {name}") and "binary data" in line and advice in line


def test_a_url_suggests_curl(reports):
    line = assert_one_line_error(run("extract", "https://example.org/report.html"), 1)
    assert "is a URL" in line and "curl -L -o report.html 'https://example.org/report.html'" in line


def test_list_outline_as_data(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    import csv

    rows = list(csv.DictReader(io.StringIO(run("list", str(SEED), "-f", "csv").stdout)))
    assert list(rows[0]) == ["report", "section_id", "section", "title", "level", "role", "year",
                             "period", "kind", "line", "indicators", "own_indicators"]
    first = rows[0]
    assert (first["section_id"], first["role"], first["year"], first["indicators"]) == (
        "§1", "review", "2022", "117")
    assert [r["section_id"] for r in rows].count("§2.10") == 1
    data = json.loads(run("list", str(SEED), "-f", "json").stdout)
    assert data[0]["level"] == 1 and data[0]["year"] == 2022 and data[0]["period"] is None
    lines = run("list", str(SEED), "-f", "jsonl").stdout.splitlines()
    assert len(lines) == len(rows) == len(data)
    out = tmp_path / "outline.csv"
    assert run("list", str(SEED), "-f", "csv", "-o", str(out)).stdout == ""
    assert out.read_text(encoding="utf-8").startswith("report,section_id,")


def test_list_sort_and_limit_per_section(monkeypatch):
    monkeypatch.chdir(ROOT)
    lines = run("list", str(SEED), "--sort=-base_value", "--limit", "1").stdout.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("§1 ")))
    assert "3000億元" in lines[at + 1] or "億元" in lines[at + 1]
    assert lines[at + 2].strip().startswith("… ") and lines[at + 2].strip().endswith(" more")


def test_a_heading_repaired_with_a_gap_shows_the_gap(monkeypatch):
    """（七）堅持以文化人、文明育城 lost 化人 to mojibake: the gap shows, the text is not shortened."""
    monkeypatch.chdir(ROOT)
    out = run("list", str(SEED), "--sections").stdout
    assert "（七）堅持以文…、文明育城" in out
    assert "（七）…政府自身建設" in out


def test_root_help_lists_every_command_whole():
    text = help_of()
    commands = text.split("Commands:")[1].split("Examples:")[0]
    assert "..." not in commands and "…" not in commands
    assert "-V, --version" in text and "--install-completion" in text
