"""luohu export -o DB interrupted, through the real console script: Ctrl-C, SIGTERM and
SIGHUP in the middle of an export that adds and replaces reports leave the database as it
was, byte for byte; after SIGKILL it holds the old state or the new one, never a mix, and
the next export works; a .sqlite path holding something else is refused, untouched.

How the signal is made to land mid-work, however loaded the machine: another process holds
a read transaction on the database (as an analyst's sqlite3 may). The export writes its
reports into SQLite's page cache until the cache (2 MB) is full, some 25 reports in, and
must then spill pages into the file, which needs the EXCLUSIVE lock: it waits for the
reader, its journal on disk, holding the PENDING lock, which the test sees as a fresh
connection refused. Only then is the signal sent and the read transaction ended: the export
spills, and its next Python instruction (the rows of the report it is inserting) raises,
long before its COMMIT. An export that ends before waiting fails the test; no sleep decides.
"""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from test_cli import console_script

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
KEPT = ROOT / "fixtures" / "layouts" / "county-2013.txt"
COPIES = 40  # about 3 MB of rows: more than SQLite's page cache holds
DEADLINE = 120.0  # seconds; a bound for a stuck process, not a pace: the tests take a few
TABLES = {"meta": "key", "reports": "id", "sections": "report_id, ord",
          "indicators": "report_id, seq"}
ADDED_REPLACED = f"{COPIES} reports added, 1 replaced, 1 unchanged"


@dataclass(frozen=True)
class Shelf:
    home: Path          # the exports run here, on shelf/
    old: bytes          # the database after the first export
    old_rows: dict      # its rows
    new_rows: dict      # the rows after the second export, extracted_at left out


def contents(db: Path, *, stamps: bool = True) -> dict[str, list[tuple]]:
    """The rows of every table (without reports.extracted_at unless `stamps`), after
    PRAGMA integrity_check says ok. A read-write connection: it rolls back a hot journal."""
    assert db.is_file()
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = {}
        for table, key in TABLES.items():
            cursor = connection.execute(f"SELECT * FROM {table} ORDER BY {key}")
            keep = [k for k, column in enumerate(cursor.description)
                    if stamps or column[0] != "extracted_at"]
            rows[table] = [tuple(row[k] for k in keep) for row in cursor]
    return rows


def export(home: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([str(console_script()), "export", "shelf", "-o", str(db)],
                            cwd=home, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=DEADLINE)
    return process.returncode, stderr


@pytest.fixture(scope="module")
def shelf(tmp_path_factory) -> Shelf:
    """A database of two reports; then the shelf changed: one report changed, one not,
    COPIES new ones (the seed, each with a line of its own: its own sha256)."""
    home = tmp_path_factory.mktemp("interrupt")
    (home / "shelf").mkdir()
    shutil.copy(SEED, home / "shelf" / "seed.txt")
    shutil.copy(KEPT, home / "shelf" / "kept.txt")
    first = home / "old.sqlite"
    assert finished(export(home, first)) == (
        0, f"luohu: {first}: 2 reports added, 0 replaced, 0 unchanged\n")
    text = SEED.read_text(encoding="utf-8")
    (home / "shelf" / "seed.txt").write_text(text.replace("2630.2", "2631.0"), encoding="utf-8")
    for n in range(1, COPIES + 1):
        (home / "shelf" / f"copy-{n:02}.txt").write_text(f"{text}\n附：第{n}份。\n",
                                                          encoding="utf-8")
    new = home / "new.sqlite"
    new.write_bytes(first.read_bytes())
    assert finished(export(home, new)) == (0, f"luohu: {new}: {ADDED_REPLACED}\n")
    return Shelf(home, first.read_bytes(), contents(first), contents(new, stamps=False))


@pytest.fixture
def db(shelf, tmp_path) -> Path:
    path = tmp_path / "i.sqlite"
    path.write_bytes(shelf.old)
    return path


@contextmanager
def read_transaction(db: Path):
    """Another process in a read transaction on `db` (it holds SHARED) until the
    function yielded is called."""
    code = ("import sqlite3, sys\n"
            f"db = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            "db.execute('BEGIN'); db.execute('SELECT count(*) FROM reports').fetchone()\n"
            "print('reading', flush=True); sys.stdin.readline()\n"
            "db.execute('COMMIT'); print('done', flush=True)\n")
    reader = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline() == "reading\n"

    def end() -> None:
        if not reader.stdin.closed:
            reader.stdin.close()
            assert reader.stdout.readline() == "done\n"
    try:
        yield end
    finally:
        end()
        reader.stdout.close()
        reader.wait(timeout=DEADLINE)


def waits_for_the_reader(db: Path) -> bool:
    """Whether a writer holds the PENDING lock: it has written and waits to spill or
    commit. A fresh reader is then refused (timeout 0)."""
    with closing(sqlite3.connect(db.as_uri() + "?mode=ro", uri=True, timeout=0)) as probe:
        try:
            probe.execute("SELECT count(*) FROM meta").fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc):
                return True
            raise
    return False


def wait_mid_transaction(process: subprocess.Popen, db: Path) -> None:
    """Until the export, having written part of its transaction, waits for the reader."""
    journal = Path(f"{db}-journal")
    deadline = time.monotonic() + DEADLINE
    while not (journal.exists() and waits_for_the_reader(db)):
        if process.poll() is not None:
            pytest.fail(f"the export ended before it waited mid-transaction: "
                        f"{process.returncode} {process.stderr.read()!r}")
        assert time.monotonic() < deadline, "the export never waited for the reader"
        time.sleep(0.01)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP],
                         ids=lambda s: signal.Signals(s).name)
def test_a_signal_mid_export_leaves_the_database_as_it_was(shelf, db, signum):
    with read_transaction(db) as end_reading:
        process = export(shelf.home, db)
        wait_mid_transaction(process, db)
        process.send_signal(signum)
        end_reading()  # the export spills pages into the file, then sees the signal
        code, stderr = finished(process)
    assert code == 128 + signum
    assert "Traceback" not in stderr and len(stderr.splitlines()) <= 1, stderr
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]  # no journal, no temp
    assert db.read_bytes() == shelf.old
    assert contents(db) == shelf.old_rows


@pytest.mark.parametrize("when", ["waiting", "spilling"])
def test_after_sigkill_the_database_is_old_or_new_and_the_next_export_works(shelf, db, when):
    """Killed while it waits (the file untouched, a journal beside it) or once it has
    written pages into the file: stopped first (SIGSTOP), so that the journal seen is the
    one SIGKILL leaves. With a journal the database must read as before (SQLite rolls the
    journal back); without one the export had committed. Then the next export works."""
    journal = Path(f"{db}-journal")
    untouched = (db.stat().st_size, db.stat().st_mtime_ns)
    with read_transaction(db) as end_reading:
        process = export(shelf.home, db)
        wait_mid_transaction(process, db)
        if when == "spilling":
            end_reading()
            deadline = time.monotonic() + DEADLINE
            while process.poll() is None and (db.stat().st_size,
                                              db.stat().st_mtime_ns) == untouched:
                assert time.monotonic() < deadline, "the export never wrote into the file"
                time.sleep(0.0005)
            process.send_signal(signal.SIGSTOP)
        left_a_journal = journal.exists()
        process.send_signal(signal.SIGKILL)
        code, _ = finished(process)
    assert left_a_journal or code == 0, "a journal is left until the export commits"
    snapshot = db.parent / "snapshot"
    snapshot.mkdir()
    for path in (db, journal):
        if path.exists():
            shutil.copy(path, snapshot / path.name)
    if left_a_journal:
        assert code == -signal.SIGKILL
        assert contents(snapshot / db.name) == shelf.old_rows
    else:
        assert contents(snapshot / db.name, stamps=False) == shelf.new_rows
    again = export(shelf.home, db)  # with the journal SIGKILL left, if any
    code, stderr = finished(again)
    assert code == 0, stderr
    assert stderr == f"luohu: {db}: " + (ADDED_REPLACED if left_a_journal
                                          else f"0 reports added, 0 replaced, {COPIES + 2} "
                                               "unchanged") + "\n"
    assert sorted(p.name for p in db.parent.iterdir()) == sorted([db.name, "snapshot"])
    assert contents(db, stamps=False) == shelf.new_rows


@pytest.mark.parametrize("other", ["text", "another program's database"])
def test_a_sqlite_path_holding_something_else_is_refused_untouched(shelf, tmp_path, other):
    path = tmp_path / "notes.sqlite"
    if other == "text":
        path.write_text("my notes\n", encoding="utf-8")
    else:
        with closing(sqlite3.connect(path)) as connection:
            connection.executescript("CREATE TABLE notes (text TEXT); "
                                     "INSERT INTO notes VALUES ('my notes');")
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    done = subprocess.run([str(console_script()), "export", "shelf/kept.txt", "-o", str(path)],
                          cwd=shelf.home, capture_output=True, text=True, timeout=DEADLINE)
    assert done.returncode == 1
    assert done.stderr == (f"luohu: cannot write {path}: it is not a database luohu made "
                           "(not replaced)\n")
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]
