"""A SQLite database for a shelf of reports: built up incrementally, read back exactly.

    >>> from luohu_cli.sources import read_input
    >>> sources = read_input("seeds/luohu-2023.txt")                       # doctest: +SKIP
    >>> export_database("indicators.sqlite", sources)                       # doctest: +SKIP
    Summary(added=1, replaced=0, unchanged=0)

Tables (schema version :data:`SCHEMA_VERSION`, see :data:`SCHEMA`):

- ``reports``: one row per report -- ``path`` (how records name it, unique),
  ``input`` (the file as named on the command line), ``sha256`` of its bytes
  (of its records, for reports read from a records file), ``encoding`` read,
  ``year`` (delivered; else the year after its results; else its targets'),
  ``title``, ``place``, ``kind`` (report | records), ``records`` (how many
  indicators) and ``extracted_at`` (UTC, ISO 8601).
- ``sections``: the outline of each report -- ``report_id``, ``ord`` (its
  place in the outline), ``id`` (``1.2``), ``path``, ``title``, ``role``,
  ``year``, ``kind``, ``period``, ``start``, ``line``.
- ``indicators``: one row per record, every field of ``model.FIELDS`` under
  its own name (``"end"`` quoted in SQL), in the report's order (``seq``);
  ``value``, ``base_value`` and ``value_high`` are exact decimal text, with
  ``value_num``, ``base_value_num`` and ``value_high_num`` as REAL for
  sorting and sums.
- indexes on indicator name, year, kind and base unit; the view
  ``indicator_view`` joins each indicator to its report (``report_year``,
  ``title``, ``place``, ``sha256``) and section (``section_title``,
  ``section_role``).
- ``meta``: ``format`` = ``luohu-indicators`` and ``schema`` — how a
  database the tool made is recognised (:func:`is_database`).

**Exporting again** into the same file (:func:`export_database`) adds the
reports it does not hold, replaces a report whose sha256 changed (its
sections and indicators with it) and leaves an unchanged one alone, all in
one transaction: an export that fails or is interrupted (an exception,
Ctrl-C, SIGTERM, SIGHUP; SIGKILL or a power cut through SQLite's journal)
leaves the database as it was, and a database that did not exist is not
left behind. A path a database cannot be (a directory, a device, an input,
a read-only file) or a file that is not a database the tool made is refused
with an :class:`~luohu_cli.output.OutputError`, before any work.

**Reading back** (:func:`read_database`) gives :class:`~luohu_cli.pipeline.Report`
objects whose records equal the records exported, field for field (decimals
as Decimal from their text, integers, None, NUL characters). Text with a
lone surrogate, which UTF-8 cannot hold, is stored as a BLOB of its
``surrogatepass`` bytes and read back as the same text.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .model import DECIMAL_FIELDS, FIELDS, INT_FIELDS, Indicator, format_decimal
from .output import OutputError, resolve_target, signals_as_exit

if TYPE_CHECKING:
    from .pipeline import Report
    from .sources import Source

FORMAT = "luohu-indicators"
SCHEMA_VERSION = "1"
SQLITE_HEADER = b"SQLite format 3\x00"
DATABASE_EXTENSIONS = (".sqlite", ".sqlite3", ".db")
BUSY_TIMEOUT = 30.0  # seconds to wait for another export into the same file
INT64 = 2 ** 63

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    input TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    encoding TEXT NOT NULL,
    year INTEGER,
    title TEXT NOT NULL,
    place TEXT NOT NULL,
    kind TEXT NOT NULL,
    records INTEGER NOT NULL,
    extracted_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sections (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    id TEXT NOT NULL,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    role TEXT NOT NULL,
    year INTEGER,
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    start INTEGER NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (report_id, ord)
);
CREATE TABLE IF NOT EXISTS indicators (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    report TEXT NOT NULL,
    line INTEGER,
    start INTEGER,
    "end" INTEGER,
    section_id TEXT NOT NULL,
    section TEXT NOT NULL,
    year INTEGER,
    kind TEXT NOT NULL,
    indicator TEXT NOT NULL,
    value TEXT NOT NULL,
    value_num REAL,
    unit TEXT NOT NULL,
    base_value TEXT NOT NULL,
    base_value_num REAL,
    base_unit TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    direction TEXT NOT NULL,
    text TEXT NOT NULL,
    context TEXT NOT NULL,
    value_high TEXT,
    value_high_num REAL,
    period TEXT NOT NULL,
    PRIMARY KEY (report_id, seq)
);
CREATE INDEX IF NOT EXISTS indicators_name ON indicators (indicator);
CREATE INDEX IF NOT EXISTS indicators_year ON indicators (year);
CREATE INDEX IF NOT EXISTS indicators_kind ON indicators (kind);
CREATE INDEX IF NOT EXISTS indicators_base_unit ON indicators (base_unit);
CREATE INDEX IF NOT EXISTS sections_id ON sections (report_id, id);
CREATE VIEW IF NOT EXISTS indicator_view AS
    SELECT i.*, r.year AS report_year, r.title AS title, r.place AS place,
           r.sha256 AS sha256, r.encoding AS encoding,
           s.title AS section_title, s.role AS section_role
    FROM indicators AS i
    JOIN reports AS r ON r.id = i.report_id
    LEFT JOIN sections AS s ON s.report_id = i.report_id AND s.id = i.section_id;
INSERT OR IGNORE INTO meta (key, value) VALUES ('format', '{FORMAT}'),
                                               ('schema', '{SCHEMA_VERSION}')
"""
NUMBER_COLUMNS = {name: f"{name}_num" for name in ("value", "base_value", "value_high")}
INDICATOR_COLUMNS = ("report_id", "seq", *FIELDS[:], *NUMBER_COLUMNS.values())
SECTION_COLUMNS = ("report_id", "ord", "id", "path", "title", "role", "year", "kind",
                   "period", "start", "line")


@dataclass(frozen=True)
class Summary:
    """What an export did: reports added, replaced (bytes changed) and left alone."""
    added: int = 0
    replaced: int = 0
    unchanged: int = 0


# --- Writing ------------------------------------------------------------------------


def export_database(path: str | os.PathLike[str], sources: Iterable[Source], *,
                    inputs: Iterable[str] = (), now: datetime | None = None,
                    force: bool = False) -> Summary:
    """Add or replace `sources` in the database at `path`, in one transaction.

    `sources` may be a generator doing the long work (a batch): nothing is
    committed until it is exhausted, and an exception from it rolls the
    database back. A report whose path the database holds with the same
    sha256 is left alone unless `force`. `inputs` are the command's inputs,
    which the database may not be. Errors of the file are
    :class:`~luohu_cli.output.OutputError`; others propagate unchanged.
    """
    given = os.fspath(path)
    target = resolve_target(given, inputs)
    if target.kind == "special":
        raise OutputError(given, "a database must be a regular file")
    existed = target.kind == "regular"
    if existed and not is_database(target.path, empty_ok=True):
        raise OutputError(given, "it is not a database luohu made (not replaced)")
    stamp = _timestamp(now)
    connection = _connect(target.path, given)
    done = False
    try:
        with signals_as_exit():
            try:
                connection.execute("BEGIN IMMEDIATE")
                for statement in SCHEMA.split(";\n"):  # executescript would commit
                    if statement.strip():
                        connection.execute(statement)
                _check_schema(connection, given)
                summary = _store(connection, sources, stamp, force)
                connection.execute("COMMIT")
                done = True
                return summary
            except sqlite3.Error as exc:
                raise OutputError(given, _sqlite_reason(exc)) from exc
            finally:
                if not done and connection.in_transaction:
                    with suppress(sqlite3.Error):
                        connection.execute("ROLLBACK")
    finally:
        connection.close()
        if not done and not existed:
            for suffix in ("", "-journal", "-wal", "-shm"):
                with suppress(OSError):
                    os.unlink(target.path + suffix)


def _store(connection: sqlite3.Connection, sources: Iterable[Source], stamp: str,
           force: bool) -> Summary:
    added = replaced = unchanged = 0
    for source in sources:
        row = connection.execute("SELECT id, sha256 FROM reports WHERE path = ?",
                                 (_text(source.name),)).fetchone()
        if row is not None and row[1] == source.sha256 and (not force or source.unchanged):
            unchanged += 1
            continue
        if source.unchanged:  # read_input(known=...) with a mapping from another database
            raise ValueError(f"{source.name} was not analysed (known to the database) "
                             "but the database does not hold it with that sha256")
        if row is not None:
            _delete(connection, row[0])
            replaced += 1
        else:
            added += 1
        _insert(connection, source, stamp, row[0] if row is not None else None)
    return Summary(added, replaced, unchanged)


def _delete(connection: sqlite3.Connection, report_id: int) -> None:
    for table in ("indicators", "sections"):
        connection.execute(f"DELETE FROM {table} WHERE report_id = ?", (report_id,))
    connection.execute("DELETE FROM reports WHERE id = ?", (report_id,))


def _insert(connection: sqlite3.Connection, source: Source, stamp: str,
            report_id: int | None) -> None:
    cursor = connection.execute(
        "INSERT INTO reports (id, path, input, sha256, encoding, year, title, place, kind, "
        "records, extracted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (report_id, _text(source.name), _text(source.path), source.sha256, source.encoding,
         source.year, _text(source.title), _text(source.place), source.kind,
         len(source.records), stamp))
    report_id = cursor.lastrowid
    connection.executemany(
        f"INSERT INTO sections ({', '.join(SECTION_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(SECTION_COLUMNS))})",
        ((report_id, k, _text(s.id), _text(s.path), _text(s.title), _text(s.role), s.year,
          _text(s.kind), _text(s.period), _int(s.start), _int(s.line))
         for k, s in enumerate(source.sections)))
    columns = ", ".join(f'"{c}"' for c in INDICATOR_COLUMNS)
    connection.executemany(
        f"INSERT INTO indicators ({columns}) VALUES ({', '.join('?' * len(INDICATOR_COLUMNS))})",
        (_indicator_row(report_id, seq, record) for seq, record in enumerate(source.records)))


def _indicator_row(report_id: int, seq: int, record: Indicator) -> tuple[Any, ...]:
    row: list[Any] = [report_id, seq]
    numbers = []
    for name in FIELDS:
        value = getattr(record, name)
        if name in INT_FIELDS:
            row.append(_int(value))
        elif name in DECIMAL_FIELDS:
            row.append(None if value is None else format_decimal(value))
            numbers.append(None if value is None else float(value))
        else:
            row.append(_text(value))
    return (*row, *numbers)


def _text(value: str) -> str | bytes:
    """Text as SQLite stores it; with a lone surrogate, its surrogatepass bytes as a BLOB."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass")
    return value


def _int(value: int | None) -> int | bytes | None:
    """An integer; beyond SQLite's 64 bits (records may hold 30 digits), its digits
    as a BLOB (text would be turned into an inexact REAL by the column's affinity)."""
    if value is None or -INT64 <= value < INT64:
        return value
    return str(value).encode("ascii")


def _timestamp(now: datetime | None) -> str:
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _connect(path: str, given: str, readonly: bool = False) -> sqlite3.Connection:
    try:
        if readonly:
            _recover(path)
            from urllib.request import pathname2url  # 11 ms to import: only here
            uri = "file:" + pathname2url(os.path.abspath(path)) + "?mode=ro"
            connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT,
                                         isolation_level=None)
        else:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        connection.execute("PRAGMA foreign_keys = ON")
        return connection
    except sqlite3.Error as exc:
        if readonly:
            raise InputError(f"cannot read {given}: {_sqlite_reason(exc)}", source=given) from None
        raise OutputError(given, _sqlite_reason(exc)) from None


def _recover(path: str) -> None:
    """Roll back, from its hot journal, what an export killed mid-transaction (SIGKILL,
    a power cut) left in the database file, as any connection that may write does on
    its first read: a read-only one cannot (SQLITE_READONLY_ROLLBACK), and would find
    the database unreadable, "not a database luohu made". A journal of an export still
    running is not hot and is left alone; a file that cannot be written stays as it is."""
    if not os.path.exists(path + "-journal"):
        return
    with suppress(sqlite3.Error), closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT)) as db:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()


def _check_schema(connection: sqlite3.Connection, given: str) -> None:
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("format") != FORMAT:
        raise OutputError(given, "it is not a database luohu made (not replaced)")
    if meta.get("schema") != SCHEMA_VERSION:
        raise OutputError(given, f"its schema is version {meta.get('schema')}, "
                                 f"this luohu writes version {SCHEMA_VERSION}")


def _sqlite_reason(exc: sqlite3.Error) -> str:
    text = str(exc) or type(exc).__name__
    if "locked" in text:
        return f"the database is in use by another program ({text})"
    return text


# --- Recognising and reading ---------------------------------------------------------


def holds_database(data: bytes) -> bool:
    """Whether bytes start like an SQLite database (told by content, not by name).

    >>> holds_database(b"SQLite format 3\\x00" + bytes(84)), holds_database(b"{")
    (True, False)
    """
    return data.startswith(SQLITE_HEADER)


def is_database(path: str | os.PathLike[str], *, empty_ok: bool = False) -> bool:
    """Whether `path` is a database the tool made (an empty file too, with `empty_ok`)."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(len(SQLITE_HEADER))
    except OSError:
        return False
    if not head:
        return empty_ok
    if not holds_database(head):
        return False
    try:
        with closing(_connect(os.fspath(path), os.fspath(path), readonly=True)) as connection:
            row = connection.execute(
                "SELECT value FROM meta WHERE key = 'format'").fetchone()
    except (sqlite3.Error, InputError):
        return False
    return row is not None and row[0] == FORMAT


def known_reports(path: str | os.PathLike[str]) -> dict[str, str]:
    """Report path -> sha256 of what the database holds ({} when there is no database),
    so that a caller can skip reading files whose bytes are unchanged."""
    if not os.path.exists(path) or not is_database(path):
        return {}
    with closing(_open_for_reading(os.fspath(path))) as connection:
        return {_str(p): s for p, s in connection.execute("SELECT path, sha256 FROM reports")}


def read_database(path: str | os.PathLike[str], *,
                  reports: Iterable[str] | None = None) -> list[Report]:
    """The reports of a database the tool made, in the order they were first added,
    each with its sections and records; only those named in `reports` if given."""
    from .pipeline import Report

    given = os.fspath(path)
    wanted = None if reports is None else set(reports)
    out = []
    with closing(_open_for_reading(given)) as connection:
        rows = connection.execute("SELECT id, path FROM reports ORDER BY id").fetchall()
        for report_id, name in rows:
            name = _str(name)
            if wanted is not None and name not in wanted:
                continue
            out.append(Report(name, tuple(_sections(connection, report_id)),
                              tuple(_records(connection, report_id, given))))
    return out


def read_records(path: str | os.PathLike[str]) -> list[Indicator]:
    """Every record of a database the tool made, report after report."""
    return [record for report in read_database(path) for record in report.records]


def iter_records(path: str | os.PathLike[str]) -> Iterator[Indicator]:
    """The records of a database one at a time (a corpus need not fit in memory)."""
    given = os.fspath(path)
    with closing(_open_for_reading(given)) as connection:
        columns = ", ".join(f'"{name}"' for name in FIELDS)
        cursor = connection.execute(f"SELECT {columns} FROM indicators "
                                    "ORDER BY report_id, seq")
        for row in cursor:
            yield _record(row, given)


def _open_for_reading(given: str) -> sqlite3.Connection:
    if os.path.isdir(given):
        raise InputError(f"{given} is a directory, not a database", source=given)
    if not os.path.exists(given):
        raise InputError(f"no such file: {given}", source=given)
    if not is_database(given):
        raise InputError(f"{given} is not a database luohu made", source=given)
    return _connect(given, given, readonly=True)


def _sections(connection: sqlite3.Connection, report_id: int):
    from .outline import Section

    for row in connection.execute(
            "SELECT id, path, year, kind, start, line, role, period FROM sections "
            "WHERE report_id = ? ORDER BY ord", (report_id,)):
        sid, path, year, kind, start, line, role, period = row
        yield Section(_str(sid), _str(path), year, _str(kind), _int_back(start),
                      _int_back(line), _str(role), _str(period))


def _records(connection: sqlite3.Connection, report_id: int, given: str) -> Iterator[Indicator]:
    columns = ", ".join(f'"{name}"' for name in FIELDS)
    for row in connection.execute(f"SELECT {columns} FROM indicators WHERE report_id = ? "
                                  "ORDER BY seq", (report_id,)):
        yield _record(row, given)


def _record(row: tuple[Any, ...], given: str) -> Indicator:
    values: dict[str, Any] = {}
    for name, value in zip(FIELDS, row):
        if name in INT_FIELDS:
            values[name] = _int_back(value)
        elif name in DECIMAL_FIELDS:
            values[name] = None if value is None else Decimal(_str(value))
        else:
            values[name] = _str(value)
    try:
        return Indicator(**values)
    except (TypeError, ValueError) as exc:  # pragma: no cover - a hand-edited database
        raise InputError(f"{given}: a bad indicator row ({exc})", source=given) from None


def _str(value: str | bytes | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogatepass")
    return str(value)


def _int_back(value: int | bytes | None) -> int | None:
    if isinstance(value, bytes):
        return int(value.decode("ascii"))
    return None if value is None else int(value)
