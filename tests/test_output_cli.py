"""The output contract through the commands: -o into a FIFO, through a symlink, to a
directory, over a read-only file or an input, /dev/null kept a device; the format follows
the extension of -o and a --format that disagrees is an error."""
from __future__ import annotations

import os
import shutil
import stat
import threading
from contextlib import suppress
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from luohu_cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
runner = CliRunner()
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX files")


def run(*args: str):
    return runner.invoke(cli.app, [str(a) for a in args], prog_name="luohu")


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, "r.txt")
    return tmp_path


COMMANDS = [["extract", "r.txt"], ["filter", "r.txt", "--kind", "target"],
            ["list", "r.txt", "-f", "csv"], ["export", "r.txt"]]


def one_error(result, starts: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(starts) and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_an_input_is_never_the_output(here, command):
    before = Path("r.txt").read_bytes()
    fmt = ["-f", "csv"] if command[0] == "export" else []
    one_error(run(*command, *fmt, "-o", "r.txt"), "luohu: cannot write r.txt: it is one of the inputs")
    assert Path("r.txt").read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_directory_is_refused(here, command):
    Path("out.csv").mkdir()
    one_error(run(*command, "-o", "out.csv"), "luohu: cannot write out.csv: it is a directory")


@posix
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_read_only_file_is_not_replaced(here, command):
    Path("out.csv").write_text("keep\n", encoding="utf-8")
    os.chmod("out.csv", 0o444)
    one_error(run(*command, "-o", "out.csv"), "luohu: cannot write out.csv: the file is read-only")
    assert Path("out.csv").read_text(encoding="utf-8") == "keep\n"


@posix
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_symlink_is_written_through_and_stays_a_link(here, command):
    Path("real.csv").write_text("old\n", encoding="utf-8")
    os.symlink("real.csv", "link.csv")
    result = run(*command, "-o", "link.csv")
    assert result.exit_code == 0, result.output
    assert os.path.islink("link.csv")
    assert Path("real.csv").read_text(encoding="utf-8").startswith(("report,", "\ufeffreport,"))


@posix
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_fifo_is_written_into(here, command):
    os.mkfifo("pipe.csv")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(Path("pipe.csv").read_bytes()), daemon=True)
    reader.start()
    result = run(*command, "-o", "pipe.csv")
    if result.exit_code != 0:  # it never opened the pipe: let the reader go, then say why
        with suppress(OSError):
            os.close(os.open("pipe.csv", os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat("pipe.csv").st_mode)
    assert got and b"report," in got[0]


@posix
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_dev_null_stays_a_device(here, command):
    args = [*command, "-o", "/dev/null"] + (["-f", "csv"] if command[0] == "export" else [])
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("command", ["extract", "filter"])
def test_the_extension_chooses_the_format(here, command):
    for name in ("t.json", "t.jsonl", "t.csv", "t.xlsx"):
        assert run(command, "r.txt", "-o", name).exit_code == 0
    assert Path("t.json").read_text(encoding="utf-8").startswith("[")
    assert Path("t.jsonl").read_text(encoding="utf-8").startswith("{")
    assert Path("t.csv").read_text(encoding="utf-8").startswith("report,")
    assert openpyxl.load_workbook("t.xlsx").active.cell(1, 1).value == "report"


@pytest.mark.parametrize("args", [["extract", "r.txt", "-o", "t.xlsx", "-f", "csv"],
                                  ["filter", "r.txt", "-o", "t.json", "-f", "jsonl"],
                                  ["list", "r.txt", "-o", "t.csv", "-f", "json"],
                                  ["export", "r.txt", "-o", "t.csv", "-f", "xlsx"]],
                         ids=lambda a: a[0])
def test_a_format_that_disagrees_with_the_extension_is_an_error(here, args):
    result = run(*args)
    assert result.exit_code == 2 and "disagrees with the extension" in result.stderr
    assert not any(Path(".").glob("t.*"))


def test_list_writes_the_format_of_its_extension(here):
    assert run("list", "r.txt", "-o", "outline.json").exit_code == 0
    assert Path("outline.json").read_text(encoding="utf-8").startswith("[")


@pytest.mark.parametrize("through", ["r2.txt", "link.csv"], ids=["itself", "a symlink"])
def test_diff_never_writes_over_its_inputs(here, through):
    shutil.copy(SEED, "r2.txt")
    if through == "link.csv":
        os.symlink("r2.txt", "link.csv")
    before = Path("r2.txt").read_bytes()
    result = run("diff", "r.txt", "r2.txt", "-f", "csv", "-o", through)
    assert result.exit_code == 2, result.output          # any error of diff is 2
    assert result.stderr.startswith(f"luohu: cannot write {through}: it is one of the inputs")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
    assert Path("r2.txt").read_bytes() == before


@pytest.mark.parametrize("through", ["r2.txt", "link.csv"], ids=["itself", "a symlink"])
def test_panel_never_writes_over_its_inputs(here, through):
    shutil.copy(SEED, "r2.txt")
    if through == "link.csv":
        os.symlink("r2.txt", "link.csv")
    before = Path("r2.txt").read_bytes()
    one_error(run("panel", "r.txt", "r2.txt", "-f", "csv", "-o", through),
              f"luohu: cannot write {through}: it is one of the inputs")
    assert Path("r2.txt").read_bytes() == before


def test_diff_and_panel_still_write_other_files(here):
    shutil.copy(SEED, "r2.txt")
    assert run("diff", "r.txt", "r2.txt", "-o", "d.csv").exit_code == 0
    assert Path("d.csv").read_text(encoding="utf-8").startswith("status,indicator,")
    assert run("panel", "r.txt", "r2.txt", "-o", "p.csv").exit_code == 0
    assert Path("p.csv").read_text(encoding="utf-8").startswith("row,indicator,")
