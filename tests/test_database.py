"""The SQLite database (luohu_cli.database): schema, incremental export, replaced and
interrupted exports, and records read back exactly."""
from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from luohu_cli import database
from luohu_cli.database import (Summary, export_database, holds_database, is_database,
                                known_reports, read_database, read_records)
from luohu_cli.errors import InputError
from luohu_cli.model import FIELDS
from luohu_cli.output import OutputError
from luohu_cli.pipeline import Report
from luohu_cli.sources import Source, read_input, records_digest
from sample_records import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
NOW = datetime(2026, 1, 5, 10, 30, tzinfo=timezone.utc)

REPORT_A = "政府工作报告\n一、2022年工作回顾\n全年地区生产总值2630.2亿元、增长3.4%。\n"
REPORT_B = "政府工作报告\n一、2022年工作回顾\n社会消费品零售总额1200亿元，增长5.0%。\n"


@pytest.fixture(scope="module")
def seed() -> Source:
    return read_input(str(SEED))[0]


def write(path: Path, text: str, encoding: str = "utf-8") -> str:
    path.write_bytes(text.encode(encoding))
    return str(path)


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


def sample_source(name: str = "samples", records=None) -> Source:
    records = tuple(replace(r, report=name) for r in (records or SAMPLES.values()))
    from luohu_cli.records_io import outline_from_records
    report = Report(name, outline_from_records(records), records)
    return Source(name, name, records_digest(records), "", 2023, "", "", report, "records")


# --- Schema ---------------------------------------------------------------------------


def test_schema_tables_indexes_and_view(tmp_path, seed):
    db = tmp_path / "i.sqlite"
    assert export_database(db, [seed], now=NOW) == Summary(added=1)
    with sqlite3.connect(db) as connection:
        names = {(kind, name) for kind, name in connection.execute(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}
        columns = {table: [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
                   for table in ("reports", "sections", "indicators")}
        meta = dict(connection.execute("SELECT key, value FROM meta"))
    assert {("table", t) for t in ("meta", "reports", "sections", "indicators")} <= names
    assert {("index", i) for i in ("indicators_name", "indicators_year", "indicators_kind",
                                   "indicators_base_unit")} <= names
    assert ("view", "indicator_view") in names
    assert columns["reports"] == ["id", "path", "input", "sha256", "encoding", "year", "title",
                                  "place", "kind", "records", "extracted_at"]
    assert columns["sections"] == ["report_id", "ord", "id", "path", "title", "role", "year",
                                   "kind", "period", "start", "line"]
    assert columns["indicators"][:2] == ["report_id", "seq"]
    assert set(FIELDS) <= set(columns["indicators"])
    assert {"value_num", "base_value_num", "value_high_num"} <= set(columns["indicators"])
    assert meta == {"format": "luohu-indicators", "schema": database.SCHEMA_VERSION}


def test_reports_row_describes_the_file(tmp_path, seed):
    db = tmp_path / "i.sqlite"
    export_database(db, [seed], now=NOW)
    with sqlite3.connect(db) as connection:
        row = connection.execute("SELECT path, input, sha256, encoding, year, title, place, kind, "
                                 "records, extracted_at FROM reports").fetchone()
        sections = connection.execute("SELECT COUNT(*) FROM sections").fetchone()[0]
        roles = connection.execute("SELECT id, title, role, year, kind FROM sections "
                                   "WHERE id = '2'").fetchone()
    assert row == (str(SEED), str(SEED), hashlib.sha256(SEED.read_bytes()).hexdigest(), "UTF-8",
                   2023, "政府工作報告", "深圳市罗湖区", "report", len(seed.records),
                   "2026-01-05T10:30:00Z")
    assert sections == len(seed.sections)
    assert roles == ("2", "二、2023年工作安排", "plan", 2023, "target")


def test_encodings_are_recorded(tmp_path):
    sources = [read_input(write(tmp_path / "gb.txt", REPORT_A, "gb18030"))[0],
               read_input(write(tmp_path / "big5.txt", "政府工作報告\n全年地區生產總值2630.2億元。\n",
                                "big5"))[0]]
    db = tmp_path / "i.db"
    export_database(db, sources)
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT encoding FROM reports ORDER BY id").fetchall() == [
            ("GB18030",), ("Big5",)]


def test_numbers_are_exact_text_and_real(tmp_path, seed):
    db = tmp_path / "i.sqlite"
    export_database(db, [seed, sample_source()])
    with sqlite3.connect(db) as connection:
        gdp = connection.execute(
            "SELECT value, value_num, base_value, base_value_num, typeof(base_value) "
            "FROM indicators WHERE indicator = '地區生產總值' AND unit = '億元'").fetchone()
        huge = connection.execute("SELECT base_value, base_value_num FROM indicators "
                                  "WHERE indicator = '國家總債務'").fetchone()
        view = connection.execute(
            "SELECT report_year, title, section_title, section_role FROM indicator_view "
            "WHERE indicator = '地區生產總值' AND unit = '億元'").fetchone()
        total = connection.execute("SELECT SUM(base_value_num) FROM indicators "
                                   "WHERE base_unit = '元' AND kind = 'actual'").fetchone()[0]
    assert gdp == ("2630.2", 2630.2, "263020000000", 263020000000.0, "text")
    assert huge == ("12345678123456789000000", 1.2345678123456789e22)
    assert view == (2023, "政府工作報告", "一、2022年工作回顧", "review")
    assert total > 263020000000.0


# --- Reading back -------------------------------------------------------------------------


def test_round_trip_of_a_report_is_exact(tmp_path, seed):
    db = tmp_path / "i.sqlite"
    export_database(db, [seed])
    [back] = read_database(db)
    assert back.name == seed.name
    assert back.sections == seed.sections
    assert back.records == seed.records
    assert [r.as_strings() for r in back.records] == [r.as_strings() for r in seed.records]
    assert read_records(db) == list(seed.records)
    assert list(database.iter_records(db)) == list(seed.records)


def test_round_trip_of_every_field_exactly(tmp_path):
    odd = replace(SAMPLES["gdp"], indicator="零\x00字", context="孤\ud800字",
                  text="\u2028", section="", year=None, value_high=Decimal("0.000000000000000000000000000001"),
                  line=10 ** 25)
    records = [*SAMPLES.values(), odd]
    source = sample_source("odd\udcb1.txt", records)
    db = tmp_path / "i.sqlite"
    export_database(db, [source])
    [back] = read_database(db)
    assert back.name == "odd\udcb1.txt"
    assert back.records == source.records
    for a, b in zip(back.records, source.records):
        for name in FIELDS:
            assert type(getattr(a, name)) is type(getattr(b, name)), name
        assert a.as_strings() == b.as_strings()
    assert back.sections == source.sections


def test_read_back_only_named_reports(tmp_path, seed):
    db = tmp_path / "i.sqlite"
    export_database(db, [seed, sample_source()])
    assert [r.name for r in read_database(db)] == [seed.name, "samples"]
    assert [r.name for r in read_database(db, reports=["samples"])] == ["samples"]


def test_recognised_by_content(tmp_path, seed):
    db = tmp_path / "made-by-luohu.bin"
    export_database(db, [seed])
    assert is_database(db) and holds_database(db.read_bytes()[:100])
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    assert not is_database(other)
    text = tmp_path / "t.txt"
    text.write_text("not a database")
    for path, message in ((other, "not a database luohu made"), (text, "not a database luohu"),
                          (tmp_path / "missing.db", "no such file"), (tmp_path, "directory")):
        with pytest.raises(InputError, match=message):
            read_database(path)


# --- Incremental export ------------------------------------------------------------------------


def test_exporting_again_adds_new_reports_and_keeps_unchanged_ones(tmp_path):
    a = read_input(write(tmp_path / "a.txt", REPORT_A))[0]
    b = read_input(write(tmp_path / "b.txt", REPORT_B))[0]
    db = tmp_path / "i.sqlite"
    assert export_database(db, [a], now=NOW) == Summary(added=1)
    later = datetime(2026, 2, 1, tzinfo=timezone.utc)
    assert export_database(db, [a, b], now=later) == Summary(added=1, unchanged=1)
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT id, path, extracted_at, records FROM reports "
                                  "ORDER BY id").fetchall()
        count = connection.execute("SELECT COUNT(*) FROM indicators").fetchone()[0]
    assert rows == [(1, a.name, "2026-01-05T10:30:00Z", len(a.records)),
                    (2, b.name, "2026-02-01T00:00:00Z", len(b.records))]
    assert count == len(a.records) + len(b.records)
    assert known_reports(db) == {a.name: a.sha256, b.name: b.sha256}
    assert export_database(db, [a, b], force=True) == Summary(replaced=2)


def test_a_report_whose_bytes_changed_is_replaced(tmp_path):
    path = tmp_path / "a.txt"
    a = read_input(write(path, REPORT_A))[0]
    db = tmp_path / "i.sqlite"
    export_database(db, [a, sample_source()])
    changed = read_input(write(path, REPORT_A.replace("2630.2", "2750.3") + "新增企业12家。\n"))[0]
    assert changed.sha256 != a.sha256
    assert export_database(db, [changed]) == Summary(replaced=1)
    back = {r.name: r for r in read_database(db)}
    assert back[a.name].records == changed.records
    assert [r.value for r in back[a.name].records][:1] == [Decimal("2750.3")]
    assert back["samples"].records == sample_source().records
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT sha256, id FROM reports WHERE path = ?",
                                  (a.name,)).fetchone() == (changed.sha256, 1)
        assert connection.execute("SELECT COUNT(*) FROM indicators WHERE report_id = 1"
                                  ).fetchone()[0] == len(changed.records)
        assert connection.execute("SELECT COUNT(*) FROM indicators WHERE value = '2630.2' "
                                  "AND report_id = 1"
                                  ).fetchone()[0] == 0


# --- Interrupted exports --------------------------------------------------------------------------


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt()])
def test_interrupted_export_leaves_the_database_as_it_was(tmp_path, error):
    a_path = tmp_path / "a.txt"
    a = read_input(write(a_path, REPORT_A))[0]
    db = tmp_path / "i.sqlite"
    export_database(db, [a])
    before = dump(db)
    changed = read_input(write(a_path, REPORT_A + "新增企业12家。\n"))[0]
    b = read_input(write(tmp_path / "b.txt", REPORT_B))[0]

    def sources():
        yield changed     # replaces a
        yield b           # adds b
        raise error

    with pytest.raises(type(error)):
        export_database(db, sources())
    assert dump(db) == before
    assert not Path(str(db) + "-journal").exists()
    assert [r.records for r in read_database(db)] == [a.records]


def test_interrupted_first_export_leaves_no_file(tmp_path):
    a = read_input(write(tmp_path / "a.txt", REPORT_A))[0]
    db = tmp_path / "new.sqlite"

    def sources():
        yield a
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        export_database(db, sources())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.skipif(os.name != "posix", reason="signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_signal_during_export_leaves_the_database_as_it_was(tmp_path, signum):
    a = read_input(write(tmp_path / "a.txt", REPORT_A))[0]
    db = tmp_path / "i.sqlite"
    export_database(db, [a])
    before = dump(db)
    write(tmp_path / "b.txt", REPORT_B)
    code = textwrap.dedent(f"""
        import sys, time
        from luohu_cli.database import export_database
        from luohu_cli.sources import read_input
        def sources():
            yield read_input({str(tmp_path / 'b.txt')!r})[0]
            print("exporting", flush=True)
            time.sleep(30)
        export_database({str(db)!r}, sources())
    """)
    process = subprocess.Popen([sys.executable, "-c", code], cwd=str(ROOT), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline().strip() == "exporting"
    process.send_signal(signum)
    _, err = process.communicate(timeout=30)
    if signum == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 128 + signum and err == ""
    assert dump(db) == before  # SQLite's journal undoes what SIGKILL left
    assert [r.name for r in read_database(db)] == [a.name]


# --- Paths a database cannot be ---------------------------------------------------------------------


def test_a_file_that_is_not_a_luohu_database_is_not_replaced(tmp_path, seed):
    csv = tmp_path / "i.db"
    csv.write_text("report,line\n")
    with pytest.raises(OutputError, match="not a database luohu made"):
        export_database(csv, [seed])
    assert csv.read_text() == "report,line\n"
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    before = dump(other)
    with pytest.raises(OutputError, match="not a database luohu made"):
        export_database(other, [seed])
    assert dump(other) == before


def test_paths_refused(tmp_path, seed):
    with pytest.raises(OutputError, match="directory"):
        export_database(tmp_path, [seed])
    with pytest.raises(OutputError, match="one of the inputs"):
        export_database(SEED, [seed], inputs=[str(SEED)])
    read_only = tmp_path / "ro.sqlite"
    export_database(read_only, [seed])
    read_only.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        export_database(read_only, [sample_source()])
    if Path("/dev/null").exists():
        with pytest.raises(OutputError, match="regular file"):
            export_database("/dev/null", [seed])
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert export_database(empty, [seed]) == Summary(added=1)


def test_symlinked_database_stays_a_link(tmp_path, seed):
    real = tmp_path / "real.sqlite"
    link = tmp_path / "link.sqlite"
    link.symlink_to(real)
    export_database(link, [seed])
    assert link.is_symlink() and is_database(real)
    assert [r.name for r in read_database(link)] == [seed.name]


def test_analyst_queries(tmp_path, seed):
    """The kind of query the README shows."""
    db = tmp_path / "i.sqlite"
    export_database(db, [seed])
    with sqlite3.connect(db) as connection:
        targets = connection.execute(
            "SELECT indicator, value || unit FROM indicator_view "
            "WHERE kind = 'target' AND base_unit = '%' ORDER BY base_value_num DESC LIMIT 2"
        ).fetchall()
        by_section = connection.execute(
            "SELECT section_role, COUNT(*) FROM indicator_view GROUP BY section_role "
            "ORDER BY 2 DESC").fetchall()
    assert targets[0][1] == "100%"
    assert by_section[0] == ("review", sum(r.kind == "actual" and r.section_id.startswith("1")
                                           for r in seed.records))
