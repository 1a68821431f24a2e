"""Batches through the command line: directories and many files, -r, bad files among good
ones, --fail-fast, -j N identical to -j 1 byte for byte, the progress bar and --quiet,
records refused where a report is expected."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from luohu_cli import cli
from luohu_cli.commands import common

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(cli.app, [str(a) for a in args], input=input, prog_name="luohu")


@pytest.fixture
def shelf(tmp_path, monkeypatch):
    """shelf/ with two reports, a records file and notes; shelf/sub/ with one more."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shelf" / "sub").mkdir(parents=True)
    for name in ("shelf/a.txt", "shelf/b.TXT", "shelf/sub/c.html"):
        shutil.copy(SEED, name)
    Path("shelf/notes.md").write_text("not a report\n", encoding="utf-8")
    Path("shelf/.hidden.txt").write_text("hidden\n", encoding="utf-8")
    return tmp_path


def reports_in(csv_text: str) -> list[str]:
    return list(dict.fromkeys(line.split(",", 1)[0] for line in csv_text.splitlines()[1:]))


@pytest.mark.parametrize("command", ["extract", "filter"])
def test_a_directory_stands_for_the_reports_in_it(shelf, command):
    result = run(command, "shelf", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert reports_in(result.stdout) == ["shelf/a.txt", "shelf/b.TXT"]
    deep = run(command, "shelf", "-r", "-f", "csv")
    assert reports_in(deep.stdout) == ["shelf/a.txt", "shelf/b.TXT", "shelf/sub/c.html"]


def test_list_and_export_take_directories(shelf):
    assert "shelf/sub/c.html" in run("list", "shelf", "--recursive", "--sections").stdout
    assert run("export", "shelf", "-r", "-o", "all.jsonl").exit_code == 0
    assert len(Path("all.jsonl").read_text(encoding="utf-8").splitlines()) == 3 * 172


def test_a_directory_without_reports_is_an_error(shelf):
    Path("empty").mkdir()
    result = run("extract", "empty")
    assert result.exit_code == 1
    assert result.stderr.startswith("luohu: empty is a directory with no report files")


BAD_FILES = {
    "missing": None,
    "scan.txt": b"%PDF-1.7\n" + bytes(200),
    "records.jsonl": b'{"report": "x.txt", "line": 1}\n',
}


@pytest.mark.parametrize("bad", list(BAD_FILES))
def test_a_bad_input_never_loses_the_others(shelf, bad):
    if BAD_FILES[bad] is not None:
        Path(bad).write_bytes(BAD_FILES[bad])
    result = run("extract", "shelf/a.txt", bad, "shelf/b.TXT", "-f", "csv")
    assert result.exit_code == 1
    assert reports_in(result.stdout) == ["shelf/a.txt", "shelf/b.TXT"]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and bad in lines[0] and "Traceback" not in result.output


def test_bad_inputs_one_line_each_and_the_output_file_written(shelf):
    Path("scan.txt").write_bytes(BAD_FILES["scan.txt"])
    result = run("extract", "nope.txt", "shelf/a.txt", "scan.txt", "-o", "out.csv")
    assert result.exit_code == 1
    assert [line.split(":")[1].strip() for line in result.stderr.splitlines()] == [
        "no such file", "scan.txt (PDF document) looks like binary data, not a text report; "
        "convert it to text first"]
    assert reports_in(Path("out.csv").read_text(encoding="utf-8")) == ["shelf/a.txt"]


def test_fail_fast_stops_at_the_first_bad_input_and_writes_nothing(shelf):
    Path("out.csv").write_text("old\n", encoding="utf-8")
    result = run("extract", "shelf/a.txt", "nope.txt", "-o", "out.csv", "--fail-fast")
    assert result.exit_code == 1 and result.stderr == "luohu: no such file: nope.txt\n"
    assert Path("out.csv").read_text(encoding="utf-8") == "old\n"


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_jobs_give_the_output_of_one_job_byte_for_byte(tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    Path("many").mkdir()
    text = SEED.read_text(encoding="utf-8")
    for n in range(12):  # different reports, so that an order mixed up would show
        Path(f"many/r{n:02d}.txt").write_text(text.replace("2630.2", f"{2600 + n}.5"),
                                              encoding="utf-8")
    Path("many/r05.txt").write_bytes(b"%PDF-1.7\n" + bytes(100))
    one = run("extract", "many", "-j", "1", "-f", fmt)
    two = run("extract", "many", "-j", "2", "-f", fmt)
    default = run("extract", "many", "-f", fmt)
    assert one.exit_code == two.exit_code == default.exit_code == 1
    assert one.stdout.encode() == two.stdout.encode() == default.stdout.encode()
    assert one.stderr == two.stderr and len(one.stdout.splitlines()) > 11 * 170


def test_jobs_must_be_positive(shelf):
    assert run("extract", "shelf", "-j", "0").exit_code == 2


@pytest.mark.parametrize("terminal, quiet, shown", [(True, False, True), (True, True, False),
                                                    (False, False, False)])
def test_progress_bar_on_a_terminal_only_and_not_with_quiet(shelf, monkeypatch, terminal,
                                                            quiet, shown):
    monkeypatch.setattr(common, "stderr_is_terminal", lambda: terminal)
    Path("shelf/d.txt").write_bytes(SEED.read_bytes())
    args = ["extract", "shelf", "-f", "csv"] + (["--quiet"] if quiet else [])
    result = run(*args)
    assert result.exit_code == 0
    assert ("3/3" in result.stderr and "reading" in result.stderr) is shown
    assert (result.stderr == "") is not shown


def test_export_shows_its_xlsx_writing_on_a_terminal(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(common, "stderr_is_terminal", lambda: True)
    from luohu_cli.commands import inputs

    monkeypatch.setattr(inputs, "WRITING_BAR_MIN", 10)
    result = run("export", SEED, "-o", "t.xlsx")
    assert result.exit_code == 0 and "writing t.xlsx" in result.stderr
    assert "172/172" in result.stderr


# --- Records where a report is expected ---------------------------------------------------


def test_extract_refuses_records_it_is_given(shelf):
    run("extract", "shelf/a.txt", "-f", "jsonl", "-o", "r.jsonl")
    result = run("extract", "r.jsonl")
    assert result.exit_code == 1
    assert result.stderr == ("luohu: r.jsonl holds records, not a report: use luohu "
                             "filter/list/export to read records\n")
    assert result.stdout == ""


def test_extract_refuses_records_on_standard_input(shelf):
    records = run("extract", "shelf/a.txt", "-f", "jsonl").stdout
    result = run("extract", "-", input=records)
    assert result.exit_code == 1 and "standard input holds records, not a report" in \
        result.stderr


def test_extract_refuses_a_records_csv_with_columns_reordered_or_added(shelf):
    csv_text = run("extract", "shelf/a.txt", "-f", "csv").stdout
    lines = csv_text.splitlines()
    Path("extra.csv").write_text("\n".join(f"{line},{'note' if n == 0 else 'x'}"
                                           for n, line in enumerate(lines)) + "\n",
                                 encoding="utf-8")
    result = run("extract", "extra.csv")
    assert result.exit_code == 1 and "extra.csv holds records, not a report" in result.stderr


@pytest.mark.parametrize("command", ["filter", "list"])
def test_a_records_csv_with_columns_reordered_or_added_is_read_right(shelf, command):
    import csv
    import io

    plain = run("extract", "shelf/a.txt", "-f", "csv").stdout
    rows = list(csv.reader(io.StringIO(plain, newline="")))
    order = list(reversed(range(len(rows[0]))))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for n, row in enumerate(rows):
        writer.writerow([row[i] for i in order] + ["note" if n == 0 else "mine"])
    Path("plain.csv").write_text(plain, encoding="utf-8")
    Path("mine.csv").write_text(out.getvalue(), encoding="utf-8")
    fmt = ["-f", "jsonl"] if command == "filter" else ["--sections"]
    expected = run(command, "plain.csv", *fmt)
    got = run(command, "mine.csv", *fmt)
    assert got.exit_code == 0 and got.stdout.replace("mine.csv", "plain.csv") == expected.stdout


def test_diff_refuses_records_it_is_given(shelf):
    run("extract", "shelf/a.txt", "-f", "jsonl", "-o", "r.jsonl")
    result = run("diff", "r.jsonl", "shelf/a.txt")
    assert result.exit_code == 2
    assert "r.jsonl holds records, not a report" in result.stderr and result.stdout == ""
