"""Writers for the machine-readable formats: CSV, JSON and JSON Lines.

Every writer takes an iterable of :class:`~luohu_cli.model.Indicator` and a
text stream, and writes ``model.FIELDS`` (or the `fields` chosen, in their
order) as columns or keys. The caller opens the stream (UTF-8, ``newline=""``
so that nothing is translated); these functions know nothing about files or
the command line.

How values are written, the same in every format:

- ``section_id`` is written ``§2.10`` (:func:`section_label`): no spreadsheet,
  pandas or R reads it as a number, so ``2.10`` and ``2.1`` never collide;
  records written before, with ``2.10``, are still read (records_io);
- decimals are exact plain text (``263020000000``, never ``2.6302E+11``);
- JSON: ``line``, ``start``, ``end``, ``year`` are integers; ``value``,
  ``base_value``, ``value_high`` are JSON numbers written digit for digit
  from the Decimal (``numbers_as_strings`` writes them as strings instead);
  every empty value is ``null``; everything else is a string;
- CSV: an empty value is an empty cell; rows end in ``"\\n"``; no byte order
  mark unless asked (``bom``); a text cell a spreadsheet would run as a formula
  (``=``, ``+``, ``-``, ``@``, tab, CR) gets a leading ``'``
  (:func:`luohu_cli.export.guard`), unless ``formula_guard`` is False, in which
  case the header is quoted, so that reading back knows there is no guard.

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
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TextIO

from .model import DECIMAL_FIELDS, FIELDS, INT_FIELDS, Indicator, format_decimal

CSV_LINE_END = "\n"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
SECTION_MARK = "§"
NUMBER_FIELDS = INT_FIELDS | DECIMAL_FIELDS
TEXT_FIELDS = tuple(name for name in FIELDS if name not in NUMBER_FIELDS)


def section_label(section_id: str) -> str:
    """How a section id is written in every output: ``§`` before it; "" stays "".

    >>> section_label("2.10"), section_label("1"), section_label("")
    ('§2.10', '§1', '')
    """
    return SECTION_MARK + section_id if section_id else ""


def section_id_of(label: str) -> str:
    """The section id a written label stands for: ``§2.10`` and ``2.10`` are ``2.10``.

    >>> section_id_of("§2.10"), section_id_of("2.10"), section_id_of("")
    ('2.10', '2.10', '')
    """
    return label.strip().removeprefix(SECTION_MARK).strip()


def parse_fields(spec: str) -> tuple[str, ...]:
    """``--fields``: names from ``FIELDS`` separated by commas, in the order wanted.

    >>> parse_fields("indicator, value,unit")
    ('indicator', 'value', 'unit')
    """
    chosen = tuple(part.strip() for part in spec.split(",") if part.strip())
    unknown = [name for name in chosen if name not in FIELDS]
    if unknown or not chosen:
        raise ValueError(f"unknown field {', '.join(map(repr, unknown)) or '(none given)'}; "
                         f"the fields are {', '.join(FIELDS)}")
    return chosen


def record_values(record: Indicator, fields: Sequence[str] = FIELDS, *,
                  numbers_as_strings: bool = False) -> dict[str, Any]:
    """Field name -> JSON-ready value: ints; Decimals (or their strings); text; None
    for every empty value. ``section_id`` in its written form.

    >>> from decimal import Decimal as D
    >>> r = Indicator("a", 9, 0, 4, "2.10", "二、", None, "target", "x", D("6.0"), "%",
    ...               D("6.0"), "%", "", "up", "6.0%", "")
    >>> v = record_values(r)
    >>> v["section_id"], v["year"], v["value"], v["qualifier"], v["value_high"]
    ('§2.10', None, Decimal('6.0'), None, None)
    """
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(record, name)
        if name == "section_id":
            value = section_label(value)
        if isinstance(value, Decimal) and numbers_as_strings:
            value = format_decimal(value)
        out[name] = None if value == "" else value
    return out


def cell_text(value: Any) -> str:
    """A value as CSV and tables show it: decimals exact, None as ''."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value)
    return str(value)


# --- CSV -------------------------------------------------------------------------


def write_csv(records: Iterable[Indicator], stream: TextIO, fields: Sequence[str] = FIELDS, *,
              formula_guard: bool = True, bom: bool = False) -> None:
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
    if bom:
        stream.write("\ufeff")
    (writer if formula_guard else quote_all).writerow(fields)
    for record in records:
        row = csv_row(record, fields, formula_guard=formula_guard)
        (quote_all if any("\r" in cell for cell in row) else writer).writerow(row)


def csv_row(record: Indicator, fields: Sequence[str] = FIELDS, *,
            formula_guard: bool = False) -> list[str]:
    """The record's values as CSV cells ('' for empty), in `fields` order.

    A lone surrogate, which no encoding can write, is written as ``\\udXXX``;
    with `formula_guard`, text cells that a spreadsheet would run get a ``'``.
    """
    from .export import guard

    values = record_values(record, fields)
    cells = []
    for name in fields:
        cell = cell_text(values[name])
        if LONE_SURROGATE.search(cell):
            cell = _escape(cell)
        if formula_guard and name not in NUMBER_FIELDS:
            cell = guard(cell)
        cells.append(cell)
    return cells


# --- JSON ------------------------------------------------------------------------


def json_value(value: Any) -> str:
    """One value as JSON text: a Decimal as a JSON number, digit for digit.

    >>> from decimal import Decimal as D
    >>> json_value(D("2.6302E+11")), json_value(D("6.0")), json_value(None), json_value("億")
    ('263020000000', '6.0', 'null', '"億"')
    """
    if isinstance(value, Decimal):
        return format_decimal(value)
    return _json_text(json.dumps(value, ensure_ascii=False))


def json_object(values: dict[str, Any], indent: str | None = None) -> str:
    """A JSON object of ``values`` in their order: one line, or one key per line
    (`indent` before each key, as ``json.dumps(indent=...)`` lays them out)."""
    items = [f"{json_value(key)}: {json_value(value)}" for key, value in values.items()]
    if indent is None:
        return "{" + ", ".join(items) + "}"
    if not items:
        return "{}"
    outer = indent[:-2] if len(indent) >= 2 else ""
    return "{\n" + ",\n".join(indent + item for item in items) + "\n" + outer + "}"


def write_json(records: Iterable[Indicator], stream: TextIO, fields: Sequence[str] = FIELDS, *,
               numbers_as_strings: bool = False) -> None:
    """Write one pretty-printed JSON array of objects, Chinese kept as is.

    >>> import io
    >>> out = io.StringIO()
    >>> write_json([], out)
    >>> out.getvalue()
    '[]\\n'
    """
    first = True
    for record in records:
        stream.write("[\n  " if first else ",\n  ")
        stream.write(json_object(record_values(record, fields,
                                               numbers_as_strings=numbers_as_strings), "    "))
        first = False
    stream.write("[]\n" if first else "\n]\n")


def write_jsonl(records: Iterable[Indicator], stream: TextIO, fields: Sequence[str] = FIELDS, *,
                numbers_as_strings: bool = False) -> None:
    """Write one compact JSON object per line (JSON Lines).

    >>> import io
    >>> out = io.StringIO()
    >>> write_jsonl([], out)
    >>> out.getvalue()
    ''
    """
    for record in records:
        stream.write(json_object(record_values(record, fields,
                                               numbers_as_strings=numbers_as_strings)))
        stream.write("\n")


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


# --- Rows of other kinds (the outline of `luohu list`) ------------------------------


def write_rows(rows: Iterable[dict[str, Any]], fields: Sequence[str], output_format: str,
               stream: TextIO, *, formula_guard: bool = True, bom: bool = False,
               numbers: frozenset[str] = frozenset()) -> None:
    """Write dict rows as csv, json or jsonl with the record writers' conventions:
    `fields` in order, empty values null in JSON and empty in CSV, text cells
    guarded in CSV (but the `numbers` fields)."""
    from .export import guard

    if output_format == "csv":
        writer = csv.writer(stream, lineterminator=CSV_LINE_END)
        quote_all = csv.writer(stream, lineterminator=CSV_LINE_END, quoting=csv.QUOTE_ALL)
        if bom:
            stream.write("\ufeff")
        (writer if formula_guard else quote_all).writerow(fields)
        for row in rows:
            cells = [_escape(cell_text(row.get(name))) for name in fields]
            if formula_guard:
                cells = [cell if name in numbers else guard(cell)
                         for name, cell in zip(fields, cells)]
            (quote_all if any("\r" in cell for cell in cells) else writer).writerow(cells)
        return
    objects = ({name: None if row.get(name) == "" else row.get(name) for name in fields}
               for row in rows)
    if output_format == "jsonl":
        for values in objects:
            stream.write(json_object(values) + "\n")
        return
    first = True
    for values in objects:
        stream.write("[\n  " if first else ",\n  ")
        stream.write(json_object(values, "    "))
        first = False
    stream.write("[]\n" if first else "\n]\n")


OUTLINE_FIELDS: tuple[str, ...] = (
    "report", "section_id", "section", "title", "level", "role", "year", "period", "kind",
    "line", "indicators", "own_indicators",
)
OUTLINE_NUMBERS = frozenset({"level", "year", "line", "indicators", "own_indicators"})


def outline_rows(report: Any, sections: Sequence[Any]) -> list[dict[str, Any]]:
    """One row per section of a report: its place, heading, role, time, and how many
    records it holds with its subsections (``indicators``) and directly (``own_indicators``).

    `report` is a :class:`~luohu_cli.pipeline.Report`; `sections` the sections to
    show (see :func:`luohu_cli.render.outline_sections`).
    """
    from .select import in_section

    rows = []
    for section in sections:
        sid = section.id
        rows.append({
            "report": report.name, "section_id": section_label(sid), "section": section.path,
            "title": section.title, "level": sid.count(".") + 1 if sid else 0,
            "role": getattr(section, "role", ""), "year": section.year,
            "period": getattr(section, "period", ""), "kind": section.kind,
            "line": section.line,
            "indicators": sum(1 for r in report.records if in_section(r.section_id, sid)),
            "own_indicators": sum(1 for r in report.records if r.section_id == sid),
        })
    return rows


Writer = Callable[..., None]

WRITERS: dict[str, Writer] = {
    "csv": write_csv,
    "json": write_json,
    "jsonl": write_jsonl,
}
