"""Read records back from what the commands write, so that commands compose.

    $ luohu extract r.txt -f jsonl | luohu filter - --kind target | luohu export - -o t.xlsx

An input is one of four things, told apart by its first line (:func:`detect`):

- JSON Lines (``extract -f jsonl``): the first non-blank line starts with ``{``;
- a JSON array (``extract -f json``): the first non-blank line is ``[`` or ``[]``;
- CSV (``extract -f csv``, ``export`` to .csv): the first line is exactly the
  header of ``model.FIELDS``, or the header of a version before ``period``
  existed, either bare or with every name quoted (a UTF-8 byte order mark
  before it is ignored);
- anything else is the text of a report.

Records read back are exactly the records written: decimals from their JSON
numbers or strings, integers for line/start/end/year, ``""`` or null -> None for
year and value_high and ``""`` for text. ``section_id`` is read in its written
form (``§2.10``) or in the form written before it (``2.10``). Records written
before ``period`` existed (no such key or column) read with period ``""``. A
bad row is an :class:`~luohu_cli.errors.InputError` naming the input and the
line.

A CSV's formula guard is undone: ``'=x`` reads back as ``=x`` (see
:func:`luohu_cli.export.unguard`) -- unless its header is quoted, which is how
``--no-formula-guard`` says that a leading ``'`` is the data's own. (CSV that
``extract`` wrote before it guarded its cells reads the same, but for a cell
that itself started with ``'`` and a formula character, which loses that ``'``.)

Records files are UTF-8 (unless a byte order mark says else), their fields of
any length, NUL included. Their numbers are bounded (:data:`MAX_DIGITS`): a
number beyond the range, or JSON nested without end, is an InputError naming
the line.

    >>> detect('{"report": "a.txt"}\\n')
    'jsonl'
    >>> detect("一、2022年工作回顧\\n")
    'report'
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from .errors import InputError
from .model import DECIMAL_FIELDS, FIELDS, INT_FIELDS, Indicator
from .outline import Section, id_order

InputKind = Literal["jsonl", "json", "csv", "report"]
CSV_HEADER = ",".join(FIELDS)
# Fields added after records were first written, and what they read as when absent.
LATER_FIELDS = {"period": ""}
OLDER_FIELDS = tuple(name for name in FIELDS if name not in LATER_FIELDS)
CSV_HEADERS = {CSV_HEADER: FIELDS, ",".join(OLDER_FIELDS): OLDER_FIELDS}
# `export --no-formula-guard` quotes every name of its header (see records_from_csv)
CSV_HEADERS.update({",".join(f'"{name}"' for name in fields): fields
                    for fields in list(CSV_HEADERS.values())})
NULLABLE = frozenset({"year", "value_high"})
# The numbers records may hold: at most MAX_DIGITS digits before the point and
# MAX_DIGITS after it (any figure a report writes, in yuan, fits many times
# over); beyond that a record is refused with its line number, as a number of
# 1E+999999999 would otherwise be written out as a gigabyte of zeros.
MAX_DIGITS = 30
MAX_NUMBER_LENGTH = 2 * MAX_DIGITS + 10  # the longest text of such a number
TEXT_FIELDS = tuple(name for name in FIELDS if name not in INT_FIELDS | DECIMAL_FIELDS)


def detect(text: str) -> InputKind:
    """What `text` holds: records in one of the writers' formats, or a report.

    >>> detect(CSV_HEADER + "\\r\\n"), detect("\\ufeff" + CSV_HEADER), detect("[]\\n")
    ('csv', 'csv', 'json')
    >>> detect(CSV_HEADER.removesuffix(",period") + "\\n")  # written before `period`
    'csv'
    >>> detect(""), detect("report,line\\n")
    ('report', 'report')
    """
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0].rstrip("\r")
    if first in CSV_HEADERS or csv_columns(first) is not None:
        return "csv"
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "jsonl"
    if stripped.split("\n", 1)[0].strip() in ("[", "[]"):
        return "json"
    return "report"


def csv_columns(first: str) -> tuple[str, ...] | None:
    """The column names of a records CSV header in any order, with columns of its own
    added (a user's note), as long as it names every field records had from the
    start; None for any other line.

    >>> csv_columns(",".join(reversed(OLDER_FIELDS)) + ",note")[-3:]
    ('line', 'report', 'note')
    >>> csv_columns("report,line") is None
    True
    """
    if "," not in first or len(first) > 4096:
        return None
    try:
        names = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return None
    names = [name.strip() for name in names]
    if len(set(names)) != len(names) or not set(OLDER_FIELDS) <= set(names):
        return None
    return tuple(names)


def read_records(text: str, source: str = "") -> list[Indicator]:
    """The records in JSON Lines, JSON or CSV `text` (see :func:`detect`); none in "".

    >>> line = ('{"report": "a.txt", "line": 9, "start": 0, "end": 4, "section_id": "1", '
    ...         '"section": "一、", "year": 2022, "kind": "actual", "indicator": "增速", '
    ...         '"value": "3.4", "unit": "%", "base_value": "3.4", "base_unit": "%", '
    ...         '"qualifier": "", "direction": "up", "text": "3.4%", "context": "", '
    ...         '"value_high": ""}')
    >>> [(r.value, r.year, r.value_high) for r in read_records(line)]
    [(Decimal('3.4'), 2022, None)]
    """
    kind = detect(text)
    label = source or "input"
    if not text.strip("\ufeff \t\r\n"):
        return []  # what a filter that kept nothing writes in JSON Lines
    if kind == "jsonl":
        return list(records_from_jsonl(text, label))
    if kind == "json":
        return records_from_json(text, label)
    if kind == "csv":
        return list(records_from_csv(text, label))
    raise InputError(f"{label} holds no records (not JSON Lines, JSON or luohu CSV)",
                     source=source)


def records_from_jsonl(text: str, label: str = "input") -> Iterator[Indicator]:
    """One record per non-blank line of JSON Lines."""
    # split on \n only: json.dumps leaves U+2028 and U+0085 raw, splitlines() breaks there
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), 1):
        if not line.strip():
            continue
        yield record_from_mapping(_json(line, label, number), label, number)


def records_from_json(text: str, label: str = "input") -> list[Indicator]:
    """The records of one JSON array of objects (``extract -f json``)."""
    array = _json(text.removeprefix("\ufeff"), label, None)
    if not isinstance(array, list):
        raise InputError(f"{label}: expected a JSON array of records", source=label)
    return [record_from_mapping(obj, label, None, index) for index, obj in enumerate(array, 1)]


def _json(text: str, label: str, line: int | None) -> Any:
    """Parsed JSON with numbers as Decimal (integers of at most MAX_DIGITS digits)."""
    try:
        return json.loads(text, parse_float=_json_decimal, parse_int=_json_int,
                          parse_constant=_json_constant)
    except json.JSONDecodeError as err:
        raise _bad(label, line if line is not None else err.lineno,
                   f"not JSON ({err.msg})") from None
    except _OutOfRange as err:
        where = line if line is not None else _line_of(text, err.args[1])
        raise _bad(label, where, str(err.args[0])) from None
    except RecursionError:
        raise _bad(label, line, "not records (JSON nested too deeply)") from None


class _OutOfRange(ValueError):
    """A number in records beyond the documented range: (message, the number's text)."""


def _json_decimal(text: str) -> Decimal:
    if len(text) > MAX_NUMBER_LENGTH:
        raise _OutOfRange(f"number {_short(text)} is out of range "
                          f"(at most {MAX_DIGITS} digits before and after the point)", text)
    return _in_range(Decimal(text), text)


def _json_int(text: str) -> int | Decimal:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _OutOfRange(f"number {_short(text)} is out of range "
                          f"(at most {MAX_DIGITS} digits before and after the point)", text)
    return int(text)


def _json_constant(text: str) -> Any:
    raise _OutOfRange(f"{text} is not a number records hold", text)


def number_in_range(number: Decimal) -> bool:
    """Whether records may hold `number`: finite, MAX_DIGITS digits before and after the point.

    >>> number_in_range(Decimal("263020000000")), number_in_range(Decimal("1E+999999999"))
    (True, False)
    """
    return (number.is_finite() and number.adjusted() < MAX_DIGITS
            and int(number.as_tuple().exponent) >= -MAX_DIGITS)


def _in_range(number: Decimal, text: str) -> Decimal:
    """`number` if finite and within MAX_DIGITS digits before and after the point."""
    if not number.is_finite():
        raise _OutOfRange(f"{_short(text)} is not a finite number", text)
    if not number_in_range(number):
        raise _OutOfRange(f"number {_short(text)} is out of range "
                          f"(at most {MAX_DIGITS} digits before and after the point)", text)
    return number


def _line_of(text: str, needle: str) -> int | None:
    at = text.find(needle)
    return None if at < 0 else text.count("\n", 0, at) + 1


def _short(value: Any, limit: int = 40) -> str:
    """repr(value), cut to `limit` characters with its length, so a message stays short."""
    text = repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(str(value))} characters)"


def records_from_csv(text: str, label: str = "input") -> Iterator[Indicator]:
    """One record per row after the header, the formula guard undone.

    The header is today's or one written before ``period`` existed.
    """
    from .export import unguard

    text = text.removeprefix("\ufeff")
    first = text.partition("\n")[0]
    # `--no-formula-guard` quotes its header: no guard to undo then
    guarded = not first.startswith('"')
    # no cell is longer than the text it comes from
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        columns = next((f for f in CSV_HEADERS.values() if header == list(f)), None)
        if columns is not None and first.rstrip("\r") not in CSV_HEADERS:
            columns = None  # a header with other quoting is not one luohu wrote
        if columns is None:  # reordered, or with columns of a user's: read by name
            columns = csv_columns(first.rstrip("\r"))
        if columns is None:
            raise _bad(label, 1, "the first line is not the luohu CSV header")
        known = [n for n, name in enumerate(columns) if name in FIELDS]
        extra = len(known) < len(columns)
        for row in reader:
            number = reader.line_num
            if not row:
                continue
            if len(row) != len(columns):
                raise _bad(label, number, f"{len(row)} cells, expected {len(columns)}")
            if guarded:
                row = [unguard(cell) for cell in row]
            if extra:
                yield record_from_mapping({columns[n]: row[n] for n in known}, label, number)
            else:
                yield record_from_mapping(dict(zip(columns, row)), label, number)
    except csv.Error as err:
        raise _bad(label, reader.line_num, f"broken CSV ({err})") from None


def record_from_mapping(obj: Any, label: str = "input", line: int | None = None,
                        index: int | None = None) -> Indicator:
    """An Indicator from one JSON object or CSV row (a mapping of field -> value).

    Keys beyond ``FIELDS`` are ignored; a missing field (but one of
    ``LATER_FIELDS``, which takes its default) or a value of the wrong type is
    an InputError.
    """
    where = f"line {line}" if line is not None else f"record {index}"
    if not isinstance(obj, Mapping):
        raise _bad(label, where, "not a JSON object")
    missing = [name for name in FIELDS if name not in obj and name not in LATER_FIELDS]
    if missing:
        raise _bad(label, where, "missing field " + ", ".join(missing))
    values: dict[str, Any] = {}
    for name in FIELDS:
        value = obj[name] if name in obj else LATER_FIELDS[name]
        try:
            values[name] = _field(name, value)
        except _OutOfRange as err:
            raise _bad(label, where, f"{name}: {err.args[0]}") from None
        except (TypeError, ValueError, InvalidOperation):
            raise _bad(label, where, f"bad {name} {_short(value)}") from None
    return Indicator(**values)


def _field(name: str, value: Any) -> Any:
    """One field's value in the record's own type; raises ValueError/TypeError if wrong."""
    if name in NULLABLE and value in (None, ""):
        return None
    if value is None and name in TEXT_FIELDS:
        return ""
    if name == "section_id" and isinstance(value, str):
        from .formats import section_id_of

        return section_id_of(value)
    if name in INT_FIELDS:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise TypeError(name)
        if isinstance(value, str):
            digits = value.strip().removeprefix("-")
            if not (digits.isascii() and digits.isdigit()):
                raise ValueError(name)
            if len(digits) > MAX_DIGITS:
                raise _OutOfRange(f"number {_short(value)} is out of range "
                                  f"(at most {MAX_DIGITS} digits)", value)
        return int(value)
    if name in DECIMAL_FIELDS:
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            raise TypeError(name)
        text = value.strip() if isinstance(value, str) else value
        if isinstance(text, str) and len(text) > MAX_NUMBER_LENGTH:
            raise _OutOfRange(f"number {_short(text)} is out of range "
                              f"(at most {MAX_DIGITS} digits before and after the point)", text)
        number = Decimal(text)
        if not number.is_finite():
            raise ValueError(name)
        return _in_range(number, str(text))
    if not isinstance(value, str):
        raise TypeError(name)
    return value


def _bad(label: str, where: int | str | None, problem: str) -> InputError:
    place = f"line {where}" if isinstance(where, int) else (where or "")
    return InputError(f"{label}: {place}: {problem}" if place else f"{label}: {problem}",
                      source=label)


# --- Reports or records ---------------------------------------------------------


def load(name: str, encoding: str | None = None, data: bytes | str | None = None):
    """Read one input named on the command line: a report, or records written before.

    Returns a list of :class:`~luohu_cli.pipeline.Report`: one for a report
    text, one per report named in the records for records (their outline
    derived from the records, see :func:`outline_from_records`). `data` is
    the input's content when it was read already.
    """
    from . import pipeline
    from .decode import decode_bytes, decode_records, display_name, read_bytes

    if data is None:
        data = read_bytes(name)
    if isinstance(data, str):  # a text stdin
        text = data.removeprefix("\ufeff")
    elif encoding is None and holds_records(data):
        text = decode_records(data, name)
    else:
        text = decode_bytes(data, encoding, source=name)
    report = display_name(name)
    if detect(text) == "report":
        return [pipeline.analyse(text, report)]
    records = read_records(text, report)
    return [pipeline.Report(report, outline_from_records(group), tuple(group))
            for report, group in group_by_report(records).items()]


def holds_records(data: bytes) -> bool:
    """Whether bytes start like records (see :func:`detect`), before any decoding.

    Records are UTF-8, so they are never guessed to be GB18030 for one Latin letter.

        >>> holds_records(b'{"report": "a.txt"}'), holds_records("一、".encode("gb18030"))
        (True, False)
    """
    head = data[:4096].removeprefix(b"\xef\xbb\xbf")
    return detect(head.decode("latin-1")) != "report"


def group_by_report(records: Iterable[Indicator]) -> dict[str, list[Indicator]]:
    """Records by their report field, reports in order of first appearance."""
    groups: dict[str, list[Indicator]] = {}
    for record in records:
        groups.setdefault(record.report, []).append(record)
    return groups


def outline_from_records(records: Sequence[Indicator]) -> tuple[Section, ...]:
    """The outline that records imply: their sections and those sections' parents.

    Sections that hold no record are not known, so they do not appear. Each
    section takes the year, kind and first line of its first record.

    >>> from decimal import Decimal as D
    >>> r = Indicator("a", 20, 0, 1, "1.2", "一、回顧 > （二）發展", 2022, "actual",
    ...               "x", D(1), "", D(1), "", "", "", "1", "")
    >>> [(s.id, s.path) for s in outline_from_records([r])]
    [('1', '一、回顧'), ('1.2', '一、回顧 > （二）發展')]
    """
    found: dict[str, Section] = {}
    for record in records:
        ids = record.section_id.split(".") if record.section_id else [""]
        titles = record.section.split(" > ")
        for depth in range(1, len(ids) + 1):
            sid = ".".join(ids[:depth])
            if sid in found:
                continue
            path = " > ".join(titles[:depth]) if len(titles) == len(ids) else record.section
            found[sid] = Section(sid, path, record.year, record.kind, record.start, record.line)
    return tuple(sorted(found.values(), key=lambda s: id_order(s.id)))


