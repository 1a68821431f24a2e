"""Writers for the machine-readable formats: CSV, JSON and JSON Lines.

Every writer takes an iterable of :class:`~luohu_cli.model.Indicator` and a
text stream, and writes exactly ``model.FIELDS`` as columns or keys, in that
order. Decimals are written as exact plain strings (``263020000000``, never
``2.6302E+11``); in JSON, ``line``, ``start``, ``end`` and ``year`` are integers
(``year`` may be null) and every other value is a string.

CSV rows end in ``"\\n"``, not the RFC's ``"\\r\\n"``: the output is meant for
pipes and Unix tools first, and every CSV reader (Excel included) accepts
it. No byte-order mark is ever written. The caller opens the stream (UTF-8,
``newline=""`` so that nothing is translated); these functions know nothing
about files or the command line.

    >>> import io
    >>> out = io.StringIO()
    >>> write_csv([], out)
    >>> out.getvalue().split(",")[:3]
    ['report', 'line', 'start']
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable
from typing import TextIO

from .model import FIELDS, Indicator

CSV_LINE_END = "\n"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def write_csv(records: Iterable[Indicator], stream: TextIO) -> None:
    """Write a header row, then one row per record.

    >>> import io
    >>> out = io.StringIO()
    >>> write_csv([], out)
    >>> out.getvalue() == ",".join(FIELDS) + "\\n"
    True
    """
    writer = csv.writer(stream, lineterminator=CSV_LINE_END)
    # The csv module quotes only the characters of its own line end: a cell
    # holding a bare CR must be quoted by hand, or a reader splits the row.
    quote_all = csv.writer(stream, lineterminator=CSV_LINE_END, quoting=csv.QUOTE_ALL)
    writer.writerow(FIELDS)
    for record in records:
        row = csv_row(record)
        (quote_all if any("\r" in str(cell) for cell in row) else writer).writerow(row)


def write_json(records: Iterable[Indicator], stream: TextIO) -> None:
    """Write one pretty-printed JSON array of objects, Chinese kept as is.

    >>> import io
    >>> out = io.StringIO()
    >>> write_json([], out)
    >>> out.getvalue()
    '[]\\n'
    """
    stream.write(_json_text(json.dumps([record.as_strings() for record in records],
                                       ensure_ascii=False, indent=2)))
    stream.write("\n")


def write_jsonl(records: Iterable[Indicator], stream: TextIO) -> None:
    """Write one compact JSON object per line (JSON Lines).

    >>> import io
    >>> out = io.StringIO()
    >>> write_jsonl([], out)
    >>> out.getvalue()
    ''
    """
    for record in records:
        stream.write(_json_text(json.dumps(record.as_strings(), ensure_ascii=False)))
        stream.write("\n")


def csv_row(record: Indicator) -> list[str]:
    """The record's values in ``FIELDS`` order, as CSV cells ('' for null).

    A lone surrogate, which no encoding can write, is written as ``\\udXXX``.
    """
    values = record.as_strings()
    cells = ["" if values[name] is None else str(values[name]) for name in FIELDS]
    return [_escape(cell) if LONE_SURROGATE.search(cell) else cell for cell in cells]


def _json_text(text: str) -> str:
    """JSON text with lone surrogates as \\uXXXX escapes, so that UTF-8 can write it.

    A lone surrogate can only stand inside a JSON string, where its escape is
    exactly the same string: the record reads back unchanged.

        >>> _json_text('"a' + chr(0xD800) + '"')
        '"a\\\\ud800"'
    """
    return _escape(text) if LONE_SURROGATE.search(text) else text


def _escape(text: str) -> str:
    return LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


Writer = Callable[[Iterable[Indicator], TextIO], None]

WRITERS: dict[str, Writer] = {
    "csv": write_csv,
    "json": write_json,
    "jsonl": write_jsonl,
}
