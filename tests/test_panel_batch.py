"""`luohu panel` reads its inputs as every other command does (commands/inputs.read_batch):
directories and -r, -j N identical to -j 1 byte for byte, a bad file among good ones
(one line on stderr, the panel of the others written, exit 1), --fail-fast, the
progress bar and --quiet, records and databases read back, -o never half-written."""
from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from luohu_cli import cli
from luohu_cli.commands import common

ROOT = Path(__file__).resolve().parent.parent
SERIES = sorted((ROOT / "fixtures" / "panel").glob("liuan-*.txt"))
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(cli.app, ["panel", *map(str, args)], input=input, prog_name="luohu")


@pytest.fixture
def shelf(tmp_path, monkeypatch):
    """shelf/ with the series' first four reports, notes, a hidden file and records;
    shelf/later/ with the last three."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shelf" / "later").mkdir(parents=True)
    for path in SERIES[:4]:
        shutil.copy(path, Path("shelf") / path.name)
    for path in SERIES[4:]:
        shutil.copy(path, Path("shelf/later") / path.name)
    Path("shelf/notes.md").write_text("not a report\n", encoding="utf-8")
    Path("shelf/.hidden.txt").write_text("2030年地区生产总值9999亿元。\n", encoding="utf-8")
    return tmp_path


def top() -> list[str]:
    return [f"shelf/{p.name}" for p in SERIES[:4]]


def every() -> list[str]:
    return top() + [f"shelf/later/{p.name}" for p in SERIES[4:]]


def reports_of(long_csv: str) -> list[str]:
    """The reports a --long CSV cites, in the order first cited."""
    import csv
    import io

    return list(dict.fromkeys(row["report"] for row in csv.DictReader(io.StringIO(long_csv))))


# --- Directories -----------------------------------------------------------------------------


def test_a_directory_is_the_panel_of_the_reports_in_it(shelf):
    result = run("shelf", "-f", "csv")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == run(*top(), "-f", "csv").stdout
    assert sorted(reports_of(run("shelf", "--long", "-f", "csv").stdout)) == top()
    headline = run("shelf", "-f", "table").stdout.splitlines()[0]
    assert headline.startswith("柳岸区: 4 reports (2021–2023)")


def test_recursive_adds_the_subdirectories(shelf):
    deep = run("shelf", "-r", "-f", "csv")
    assert deep.exit_code == 0 and deep.stderr == ""
    assert deep.stdout == run(*every(), "-f", "csv").stdout
    assert deep.stdout == run("shelf", "--recursive", "-f", "csv").stdout
    assert sorted(reports_of(run("shelf", "-r", "--long", "-f", "csv").stdout)) == sorted(every())
    assert run("shelf", "-r", "-f", "table").stdout.startswith("柳岸区: 7 reports (2021–2026)")


def test_files_and_directories_mixed(shelf):
    result = run("shelf/later", *top(), "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout == run(*every(), "-f", "csv").stdout  # ordered by year, not by name


def test_a_directory_without_reports_is_the_error(shelf):
    Path("empty").mkdir()
    result = run("empty")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("luohu: empty is a directory with no report files")


# --- Jobs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "table"])
def test_two_jobs_write_what_one_job_writes(shelf, fmt):
    Path("shelf/later/scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(100))  # warnings too
    one = run("shelf", "-r", "-j", "1", "-f", fmt, "--long" if fmt == "jsonl" else "--targets")
    two = run("shelf", "-r", "-j", "2", "-f", fmt, "--long" if fmt == "jsonl" else "--targets")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout.encode() == two.stdout.encode() and one.stdout
    assert one.stderr == two.stderr and "scan.txt" in one.stderr


def test_two_jobs_write_the_same_file(shelf):
    assert run("shelf", "-r", "-j", "1", "-o", "one.html").exit_code == 0
    assert run("shelf", "-r", "-j", "2", "-o", "two.html").exit_code == 0
    assert Path("one.html").read_bytes() == Path("two.html").read_bytes()


def test_jobs_must_be_positive(shelf):
    result = run("shelf", "-j", "0")
    assert result.exit_code == 2 and "--jobs" in result.stderr


# --- Bad inputs ------------------------------------------------------------------------------

BAD_FILES = {
    "missing.txt": None,
    "scan.txt": b"%PDF-1.7\n" + bytes(200),
    "broken.jsonl": b'{"report": "x.txt", "line": 1\n',
    "nothing": "directory",
    "locked.txt": "permission",
}


@pytest.mark.parametrize("bad", list(BAD_FILES),
                         ids=["missing", "binary", "broken-records", "empty-dir", "unreadable"])
def test_a_bad_file_is_one_line_and_the_panel_of_the_others_is_written(shelf, bad):
    import os

    if bad == "locked.txt":
        if os.geteuid() == 0:
            pytest.skip("root reads every file")
        shutil.copy(SERIES[0], bad)
        os.chmod(bad, 0)
    elif bad == "nothing":
        Path(bad).mkdir()
    elif BAD_FILES[bad] is not None:
        Path(bad).write_bytes(BAD_FILES[bad])
    result = run(top()[0], bad, *top()[1:], "-o", "panel.csv")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("luohu: ") and bad in lines[0]
    assert "Traceback" not in result.output
    assert Path("panel.csv").read_text(encoding="utf-8") == run(*top(), "-f", "csv").stdout


def test_a_bad_file_in_a_directory(shelf):
    Path("shelf/later/scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(100))
    result = run("shelf", "-r", "-f", "csv")
    assert result.exit_code == 1
    assert result.stderr == ("luohu: shelf/later/scan.txt (PDF document) looks like binary "
                             "data, not a text report; convert it to text first: pdftotext "
                             "-layout report.pdf report.txt\n")
    assert result.stdout == run(*every(), "-f", "csv").stdout


def test_every_input_bad_is_a_line_each_and_exit_1(shelf):
    result = run("nope.txt", "gone.txt", "-f", "csv")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["luohu: no such file: nope.txt",
                                          "luohu: no such file: gone.txt"]


def test_one_bad_input_alone_is_the_error(shelf):
    result = run("nope.txt", "-o", "panel.csv")
    assert result.exit_code == 1 and result.stderr == "luohu: no such file: nope.txt\n"
    assert not Path("panel.csv").exists()


# --- --fail-fast and -o ----------------------------------------------------------------------


def test_fail_fast_stops_at_the_first_bad_input_and_writes_nothing(shelf):
    Path("panel.csv").write_text("old\n", encoding="utf-8")
    result = run(*top()[:2], "nope.txt", *top()[2:], "-o", "panel.csv", "--fail-fast")
    assert result.exit_code == 1 and result.stderr == "luohu: no such file: nope.txt\n"
    assert Path("panel.csv").read_text(encoding="utf-8") == "old\n"
    piped = run("shelf", "-r", "nope.txt", "--fail-fast", "-j", "2")
    assert piped.exit_code == 1 and piped.stdout == ""


def test_fail_fast_on_a_bad_file_found_while_reading(shelf):
    Path("shelf/later/scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(100))
    for jobs in ("1", "2"):
        result = run("shelf", "-r", "--fail-fast", "-j", jobs, "-o", "panel.xlsx")
        assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
        assert "shelf/later/scan.txt" in result.stderr
        assert not Path("panel.xlsx").exists()


def test_an_output_that_fails_while_written_is_not_half_written(shelf, monkeypatch):
    from luohu_cli import panel_render

    def failing(panel, output_format, stream, **options):
        stream.write("row,indicator\n1,地区生产总值\n")
        raise OSError(errno.ENOSPC, "No space left on device")

    Path("panel.csv").write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(panel_render, "write_panel", failing)
    result = run("shelf", "-o", "panel.csv")
    assert result.exit_code == 1
    assert result.stderr == "luohu: cannot write panel.csv: no space left on the device\n"
    assert Path("panel.csv").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in Path(".").iterdir()) == ["panel.csv", "shelf"]


def test_an_output_among_the_directory_s_reports_is_refused_before_the_work(shelf):
    before = Path(top()[0]).read_bytes()
    result = run("shelf", "-o", top()[0], "-f", "csv")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"luohu: cannot write {top()[0]}: it is one of the inputs")
    assert Path(top()[0]).read_bytes() == before


# --- Progress and --quiet --------------------------------------------------------------------


@pytest.mark.parametrize("terminal, quiet, shown", [
    (True, [], True), (True, ["--quiet"], False), (True, ["-q"], False), (False, [], False)],
    ids=["terminal", "quiet", "q", "piped"])
def test_progress_bar_on_a_terminal_only_and_not_with_quiet(shelf, monkeypatch, terminal,
                                                            quiet, shown):
    monkeypatch.setattr(common, "stderr_is_terminal", lambda: terminal)
    result = run("shelf", "-f", "csv", *quiet)
    assert result.exit_code == 0
    assert ("4/4" in result.stderr and "reading" in result.stderr) is shown
    assert (result.stderr == "") is not shown
    assert result.stdout == run(*top(), "-f", "csv").stdout


# --- Records and databases -------------------------------------------------------------------


def test_a_directory_leaves_records_files_out_and_a_named_one_is_read(shelf):
    records = runner.invoke(cli.app, ["extract", *every(), "-f", "jsonl"]).stdout
    Path("shelf/series.jsonl").write_text(records, encoding="utf-8")
    Path("shelf/series.csv").write_text(
        runner.invoke(cli.app, ["extract", *every(), "-f", "csv"]).stdout, encoding="utf-8")
    assert run("shelf", "-f", "csv").stdout == run(*top(), "-f", "csv").stdout
    for name in ("shelf/series.jsonl", "shelf/series.csv"):
        back = run(name, "-f", "csv")
        assert back.exit_code == 0 and back.stdout == run(*every(), "-f", "csv").stdout, name


def test_a_database_is_read_as_its_reports(shelf):
    made = runner.invoke(cli.app, ["export", "shelf", "-r", "-o", "shelf.sqlite"])
    assert made.exit_code == 0, made.output
    from_database = run("shelf.sqlite", "-f", "csv", "-j", "2")
    assert from_database.exit_code == 0 and from_database.stderr == ""
    assert from_database.stdout == run("shelf", "-r", "-f", "csv").stdout
    long = run("shelf.sqlite", "--long", "-f", "csv").stdout
    assert sorted(reports_of(long)) == sorted(every())


def test_records_on_standard_input_among_a_directory(shelf):
    later = [f"shelf/later/{p.name}" for p in SERIES[4:]]
    records = runner.invoke(cli.app, ["extract", *later, "-f", "jsonl"]).stdout
    result = run("shelf", "-", "-f", "csv", input=records)
    assert result.exit_code == 0
    assert result.stdout == run(*every(), "-f", "csv").stdout


# --- Help ------------------------------------------------------------------------------------


def test_help_lists_the_batch_options():
    text = runner.invoke(cli.app, ["panel", "--help"], prog_name="luohu",
                         env={"COLUMNS": "100"}).stdout
    for option in ("--recursive", "-r", "--jobs", "-j", "--fail-fast", "--quiet", "-q"):
        assert option in text, option
