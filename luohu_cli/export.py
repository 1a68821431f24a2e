"""Files for people with spreadsheets: CSV that opens cleanly, and .xlsx.

CSV for spreadsheets (:func:`write_spreadsheet_csv`) differs from the plain
CSV of :mod:`luohu_cli.formats` in three ways:

- rows end in CRLF, every row, the header included (RFC 4180, and what Excel
  writes itself); a line break inside a cell stays a bare LF, in quotes;
- the caller chooses the encoding; UTF-8 gets a byte order mark by default,
  which is how Excel recognises UTF-8 (see :func:`csv_encoding`);
- a text cell that a spreadsheet would run as a formula is defused with a
  leading ``'`` (:func:`guard`); numbers are never touched, negative ones included.

The .xlsx workbook (:func:`write_xlsx`) has one sheet, ``indicators``, with
``model.FIELDS`` as columns (the ``report`` column tells reports apart), the
header row frozen and filterable, and numbers stored as numbers (see
:func:`write_xlsx` for how exact they stay).

:func:`simplified` turns a record's text into Simplified characters.
"""
from __future__ import annotations

import codecs
import csv
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import BinaryIO, TextIO

import regex

from .errors import LuohuError
from .model import DECIMAL_FIELDS, FIELDS, INT_FIELDS, Indicator, format_decimal

CSV_LINE_END = "\r\n"
# What makes a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = regex.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
NUMBER_FIELDS = INT_FIELDS | DECIMAL_FIELDS
# Converted by --simplified: every text field but `report`, a file name that
# must keep pointing at the file.
SIMPLIFIED_FIELDS = ("section_id", "section", "kind", "indicator", "unit", "base_unit",
                     "qualifier", "direction", "text", "context")
SHEET_TITLE = "indicators"
EXPORT_FORMATS = ("csv", "json", "jsonl", "xlsx")
MIN_WIDTH, MAX_WIDTH = 6, 60


# --- Choosing and writing a format -----------------------------------------------


def export_format(path: str, given: str | None = None) -> str:
    """The format to write: `given`, else the file's extension; ValueError if neither.

    >>> export_format("out/t.XLSX"), export_format("t.txt", "csv")
    ('xlsx', 'csv')
    """
    if given is not None:
        return given.lower()
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    if suffix in EXPORT_FORMATS:
        return suffix
    raise ValueError(f"cannot tell the format of {path!r} from its extension; "
                     f"use .csv, .json, .jsonl or .xlsx, or --format")


def write_export(records: Sequence[Indicator], stream, export_format: str, *,
                 formula_guard: bool = True) -> None:
    """Write records in one export format.

    `stream` is binary for xlsx, text (``newline=""``) for the others. A
    character the CSV's encoding cannot hold is a LuohuError naming it.
    """
    if export_format == "xlsx":
        write_xlsx(records, stream)
        return
    try:
        if export_format == "csv":
            write_spreadsheet_csv(records, stream, formula_guard=formula_guard)
        else:
            from .formats import WRITERS

            WRITERS[export_format](records, stream)
        stream.flush()
    except UnicodeEncodeError as err:
        bad = err.object[err.start:err.end]
        raise LuohuError(f"cannot write {bad!r} (U+{ord(bad[0]):04X}) in {err.encoding}; "
                         "use --encoding utf-8 or gb18030") from None


# --- Formula guard -------------------------------------------------------------


def guard(cell: str) -> str:
    """The cell with a leading ``'`` when a spreadsheet would read it as a formula.

    Plain numbers (``-2.0``, ``+5``) are data, not formulas, and stay as they
    are. A cell already starting with ``'`` before a formula character gets
    one more, so that :func:`unguard` can undo exactly what was done.

    >>> guard("=1+1"), guard("-2.0"), guard("-2.0%"), guard("@SUM(A1)"), guard("地區")
    ("'=1+1", '-2.0', "'-2.0%", "'@SUM(A1)", '地區')
    >>> guard("'=x")
    "''=x"
    """
    if PLAIN_NUMBER.fullmatch(cell):
        return cell
    if cell.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def unguard(cell: str) -> str:
    """Undo :func:`guard`: ``unguard(guard(s)) == s`` for every string.

    >>> unguard("'=1+1"), unguard("''=x"), unguard("'quoted"), unguard("-2.0")
    ('=1+1', "'=x", "'quoted", '-2.0')
    """
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


# --- CSV -------------------------------------------------------------------------


def csv_encoding(encoding: str = "utf-8", bom: bool | None = None) -> str:
    """The codec to open the file with: ``utf-8-sig`` writes the byte order mark.

    A mark is written for UTF-8 unless ``bom`` is False; other encodings have
    none (a GB18030 "mark" is four bytes no spreadsheet expects), and asking
    for one is a ValueError.

    >>> csv_encoding(), csv_encoding(bom=False), csv_encoding("GB18030")
    ('utf-8-sig', 'utf-8', 'gb18030')
    """
    name = codecs.lookup(encoding).name
    if name in ("utf-8", "utf-8-sig"):
        return "utf-8" if bom is False else "utf-8-sig"
    if bom:
        raise ValueError(f"a byte order mark is written only in UTF-8, not in {encoding}")
    return name


def write_spreadsheet_csv(records: Iterable[Indicator], stream: TextIO, *,
                          formula_guard: bool = True) -> None:
    """Header and rows, CRLF line ends, text cells guarded against formulas.

    The stream decides encoding and byte order mark; open it with
    ``newline=""`` so that nothing is translated.

    >>> import io
    >>> out = io.StringIO(newline="")
    >>> write_spreadsheet_csv([], out)
    >>> out.getvalue().endswith(",value_high,period\\r\\n")
    True
    """
    writer = csv.writer(stream, lineterminator=CSV_LINE_END)
    writer.writerow(FIELDS)
    for record in records:
        writer.writerow(spreadsheet_row(record, formula_guard=formula_guard))


def spreadsheet_row(record: Indicator, *, formula_guard: bool = True) -> list[str]:
    """The record's cells for a spreadsheet CSV, number columns never guarded."""
    values = record.as_strings()
    row = []
    for name in FIELDS:
        cell = "" if values[name] is None else str(values[name])
        if formula_guard and name not in NUMBER_FIELDS:
            cell = guard(cell)
        row.append(cell)
    return row


# --- XLSX ------------------------------------------------------------------------


def write_xlsx(records: Iterable[Indicator], stream: BinaryIO) -> None:
    """One sheet of records: header frozen and filterable, numbers as numbers.

    line/start/end/year are integers. value/base_value/value_high are numbers
    whose cell holds the exact decimal written out (``263020000000``, never
    ``2.6302E+11``), with a display format that shows the decimals as
    written (``2630.2`` -> ``0.0``). A spreadsheet program reads a number into
    a binary float, which keeps 15 significant digits: every figure a report
    writes fits, and the ``text`` column always has the figure as written.
    Text cells are always text, never formulas, so no guard is needed (and
    ``period``, ``2021-2025``, is text, never a date or a subtraction); empty
    values are empty cells; characters XML cannot hold are dropped.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append(list(FIELDS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [_display_width(name) for name in FIELDS]
    rows = 1
    for rows, record in enumerate(records, 2):
        for column, name in enumerate(FIELDS, 1):
            value = getattr(record, name)
            cell = sheet.cell(row=rows, column=column)
            _set_cell(cell, name, value)
            if value is not None:
                text = format_decimal(value) if isinstance(value, Decimal) else str(value)
                widths[column - 1] = max(widths[column - 1], _display_width(text))
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = \
            min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(FIELDS))}{rows}"
    book.save(stream)


def _set_cell(cell, name: str, value) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or value == "":
        return
    if name in INT_FIELDS:
        cell.value = value
    elif name in DECIMAL_FIELDS:
        # openpyxl would write a Decimal through "%.16g"; the exact text goes in instead.
        cell.value = format_decimal(value)
        cell.data_type = "n"
        cell.number_format = number_format(value)
    else:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # `=…` is text here, not a formula


def number_format(value: Decimal) -> str:
    """A display format with as many decimals as the value was written with.

    >>> number_format(Decimal("263020000000")), number_format(Decimal("2630.2"))
    ('0', '0.0')
    >>> number_format(Decimal("5.50")), number_format(Decimal("2.6302E+11"))
    ('0.00', '0')
    """
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * decimals if decimals else "0"


def _display_width(text: str) -> int:
    """Columns the longest line of `text` takes: wide (CJK) characters count two."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.splitlines() or [""]), default=0)


# --- Script ----------------------------------------------------------------------


def simplified(records: Sequence[Indicator]) -> list[Indicator]:
    """The records with every text field but ``report`` in Simplified characters.

    Conversion is one character for one, so start/end still point into the input.

    >>> from decimal import Decimal as D
    >>> r = Indicator("報告.txt", 1, 0, 4, "1", "一、回顧", 2022, "actual", "地區生產總值",
    ...               D(1), "億元", D(1), "元", "", "", "1億元", "")
    >>> s = simplified([r])[0]
    >>> s.indicator, s.unit, s.report
    ('地区生产总值', '亿元', '報告.txt')
    """
    from .text import to_simplified

    return [replace(record, **{name: to_simplified(getattr(record, name))
                               for name in SIMPLIFIED_FIELDS})
            for record in records]
