"""luohu export REPORTS -o indicators.sqlite (or .db): the database through the command line,
incremental (an unchanged report is not read again), its summary on stderr; filter and list
read it as they read JSON Lines."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from luohu_cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(cli.app, [str(a) for a in args], prog_name="luohu")


@pytest.fixture
def shelf(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("shelf").mkdir()
    shutil.copy(SEED, "shelf/a.txt")
    shutil.copy(SEED, "shelf/b.txt")
    return tmp_path


@pytest.mark.parametrize("name", ["indicators.sqlite", "indicators.db"])
def test_export_writes_a_database_and_says_what_it_did(shelf, name):
    result = run("export", "shelf", "-o", name)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"luohu: {name}: 2 reports added, 0 replaced, 0 unchanged\n"
    with sqlite3.connect(name) as db:
        assert db.execute("SELECT count(*) FROM reports").fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM indicators").fetchone() == (2 * 172,)


def test_export_again_adds_replaces_and_leaves_alone(shelf):
    run("export", "shelf", "-o", "i.sqlite")
    Path("shelf/b.txt").write_text(SEED.read_text(encoding="utf-8").replace("2630.2", "2631.0"),
                                   encoding="utf-8")
    shutil.copy(SEED, "shelf/c.txt")
    result = run("export", "shelf", "-o", "i.sqlite")
    assert result.stderr == "luohu: i.sqlite: 1 report added, 1 replaced, 1 unchanged\n"
    values = run("filter", "i.sqlite", "--name", "地區生產總值", "--unit", "億元",
                 "-f", "jsonl").stdout
    assert '"value": 2631.0' in values and '"value": 2630.2' in values


def test_filter_and_list_read_the_database_as_they_read_json_lines(shelf):
    run("export", "shelf/a.txt", "-o", "i.sqlite")
    run("extract", "shelf/a.txt", "-f", "jsonl", "-o", "a.jsonl")
    from_db = run("filter", "i.sqlite", "--kind", "target", "-f", "jsonl")
    assert from_db.exit_code == 0, from_db.output
    assert from_db.stdout == run("filter", "a.jsonl", "--kind", "target", "-f", "jsonl").stdout
    # the database keeps the report's whole outline, sections without figures included
    assert run("list", "i.sqlite").stdout == run("list", "shelf/a.txt").stdout


def test_a_database_is_not_a_report(shelf):
    run("export", "shelf/a.txt", "-o", "i.sqlite")
    result = run("extract", "i.sqlite")
    assert result.exit_code == 1
    assert "i.sqlite holds records, not a report" in result.stderr


def test_a_bad_report_leaves_the_others_in_the_database(shelf):
    Path("shelf/scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(100))
    result = run("export", "shelf", "-o", "i.sqlite")
    assert result.exit_code == 1
    assert "scan.txt" in result.stderr and "2 reports added" in result.stderr


def test_criteria_are_refused_for_a_database(shelf):
    result = run("export", "shelf", "-o", "i.sqlite", "--kind", "target")
    assert result.exit_code == 2 and "--kind: a database holds every record" in result.stderr
    assert not Path("i.sqlite").exists()


def test_a_file_that_is_not_a_database_is_not_replaced(shelf):
    Path("i.db").write_text("my notes\n", encoding="utf-8")
    result = run("export", "shelf", "-o", "i.db")
    assert result.exit_code == 1 and "not a database luohu made" in result.stderr
    assert Path("i.db").read_text(encoding="utf-8") == "my notes\n"
