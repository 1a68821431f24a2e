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
import logging
import re
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
# What XML 1.0 (and so .xlsx) cannot hold -- C0 controls but tab and line ends,
# lone surrogates, U+FFFE and U+FFFF -- or advises against, which spreadsheet
# programs may refuse: C1 controls but NEL, the noncharacters U+FDD0-U+FDEF
# and the last two code points of every plane. Written as a visible \\uXXXX.
XML_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(1, 17))
    + "]")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_CELL = 32_767  # characters an Excel cell holds; longer text is cut, with a mark
CUT_MARK = "…[cut]"

log = logging.getLogger(__name__)
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
                 formula_guard: bool = True, name: str = "",
                 fields: Sequence[str] = FIELDS, numbers_as_strings: bool = False) -> None:
    """Write records in one export format, `fields` as columns (all by default).

    `stream` is binary for xlsx, text (``newline=""``) for the others. A
    character the CSV's encoding cannot hold is a LuohuError naming it and the
    record that holds it; a lone surrogate (which no encoding holds) is
    written as ``\\udXXX``. `name` (the file written) starts the warnings.
    """
    if export_format == "xlsx":
        write_xlsx(records, stream, name=name, fields=fields)
        return
    if export_format == "csv":
        write_spreadsheet_csv(records, stream, formula_guard=formula_guard, fields=fields)
    else:
        from .formats import WRITERS

        WRITERS[export_format](records, stream, fields, numbers_as_strings=numbers_as_strings)
    stream.flush()


def unwritable(err: UnicodeEncodeError, record: Indicator, number: int) -> LuohuError:
    """The error for a record whose text the chosen encoding cannot hold: the character,
    its code point, the record (its number, input, line, indicator) and what to do."""
    bad = err.object[err.start:err.end]
    return LuohuError(
        f"cannot write {bad[0]!r} (U+{ord(bad[0]):04X}) in {err.encoding}: record {number} "
        f"({record.report} line {record.line}, {record.indicator or record.text}); "
        "use --output-encoding utf-8 or gb18030")


# --- Formula guard -------------------------------------------------------------


def guard(cell: str) -> str:
    """The cell with a leading ``'`` when a spreadsheet would read it as a formula.

    Plain numbers (``-2.0``, ``+5``) are data, not formulas, and stay as they
    are. A cell already starting with ``'`` before a formula character gets
    one more, so that :func:`unguard` can undo exactly what was done.

    >>> guard("=1+1"), guard("-2.0"), guard("-2.0%"), guard("@SUM(A1)"), guard("地區")
    ("'=1+1", '-2.0', "'-2.0%", "'@SUM(A1)", '地區')
    >>> guard("'=x"), guard("-")
    ("''=x", '-')

    A lone ``-`` or ``+`` (standard input's name) is no formula either.
    """
    if PLAIN_NUMBER.fullmatch(cell) or cell in ("-", "+"):
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
                          formula_guard: bool = True, fields: Sequence[str] = FIELDS) -> None:
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
    # The header is quoted when there is no guard: reading the file back
    # (records_io) then knows that a leading ' is the data's own.
    header = (csv.writer(stream, lineterminator=CSV_LINE_END, quoting=csv.QUOTE_ALL)
              if not formula_guard else writer)
    try:
        header.writerow(fields)
    except UnicodeEncodeError as err:  # pragma: no cover - field names are ASCII
        raise LuohuError(f"cannot write the header in {err.encoding}") from None
    for number, record in enumerate(records, 1):
        try:
            writer.writerow(spreadsheet_row(record, formula_guard=formula_guard, fields=fields))
        except UnicodeEncodeError as err:
            raise unwritable(err, record, number) from None


def spreadsheet_row(record: Indicator, *, formula_guard: bool = True,
                    fields: Sequence[str] = FIELDS) -> list[str]:
    """The record's cells for a spreadsheet CSV, number columns never guarded."""
    from .formats import csv_row

    return csv_row(record, fields, formula_guard=formula_guard)


# --- XLSX ------------------------------------------------------------------------


def escape_surrogates(text: str) -> str:
    """Lone surrogates, which no encoding can write, as ``\\udXXX``.

    >>> escape_surrogates("a" + chr(0xD800) + "b")
    'a\\\\ud800b'
    """
    return LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _escape_char(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def xml_text(text: str) -> tuple[str, int, bool]:
    """Text an .xlsx cell can hold: forbidden characters as ``\\uXXXX``, cut to MAX_CELL.

    Returns the text, how many characters were replaced, and whether it was cut.

    >>> xml_text("a" + chr(0xFFFF) + "b" + chr(1))
    ('a\\\\uffffb\\\\u0001', 2, False)
    """
    safe, replaced = XML_ILLEGAL.subn(_escape_char, text)
    if len(safe) <= MAX_CELL:
        return safe, replaced, False
    return safe[:MAX_CELL - len(CUT_MARK)] + CUT_MARK, replaced, True


def write_xlsx(records: Iterable[Indicator], stream: BinaryIO, name: str = "",
               fields: Sequence[str] = FIELDS) -> None:
    """One sheet of records: header frozen and filterable, numbers as numbers.

    line/start/end/year are integers. value/base_value/value_high are numbers
    whose cell holds the exact decimal written out (``263020000000``, never
    ``2.6302E+11``), with a display format that shows the decimals as
    written (``2630.2`` -> ``0.0``). A spreadsheet program reads a number into
    a binary float, which keeps 15 significant digits: every figure a report
    writes fits, and the ``text`` column always has the figure as written.
    Text cells are always text, never formulas, so no guard is needed (and
    ``period``, ``2021-2025``, is text, never a date or a subtraction); empty
    values are empty cells. Characters XML cannot hold or advises against
    (controls, lone surrogates, noncharacters such as U+FFFF, see
    XML_ILLEGAL) are written as a visible ``\\uXXXX`` and text
    longer than an Excel cell holds (MAX_CELL) is cut with CUT_MARK, each
    counted in one warning, so that the workbook always opens.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from .formats import section_label

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append(list(fields))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [_display_width(field) for field in fields]
    rows = 1
    replaced, cut, where = 0, 0, []
    for rows, record in enumerate(records, 2):
        for column, field in enumerate(fields, 1):
            value = getattr(record, field)
            if field == "section_id":
                value = section_label(value)
            if isinstance(value, str) and value:
                value, count, was_cut = xml_text(value)
                replaced += count
                cut += was_cut
                if (count or was_cut) and (not where or where[-1] != rows - 1):
                    where.append(rows - 1)
            cell = sheet.cell(row=rows, column=column)
            _set_cell(cell, field, value)
            if value is not None:
                text = format_decimal(value) if isinstance(value, Decimal) else str(value)
                widths[column - 1] = max(widths[column - 1], _display_width(text[:200]))
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = \
            min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{rows}"
    book.save(stream)
    _warn_cells(name or "the workbook", replaced, cut, where)


def _warn_cells(name: str, replaced: int, cut: int, where: list[int]) -> None:
    """One warning for what the workbook could not hold as it was."""
    if not replaced and not cut:
        return
    what = []
    if replaced:
        what.append(f"{replaced} character{'s' * (replaced != 1)} XML cannot hold "
                    "(controls, lone surrogates, noncharacters such as U+FFFF) "
                    "written as \\uXXXX")
    if cut:
        what.append(f"{cut} cell{'s' * (cut != 1)} longer than {MAX_CELL} characters cut")
    shown = ", ".join(map(str, where[:10])) + (f" and {len(where) - 10} more"
                                               if len(where) > 10 else "")
    log.warning("%s: %s (record%s %s)", name, "; ".join(what),
                "s" * (len(where) != 1), shown)


def _set_cell(cell, name: str, value) -> None:
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
        cell.value = value  # made XML-safe by xml_text
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

    def simple(text: str) -> str:  # a lone surrogate is no text to convert: kept as it is
        if not LONE_SURROGATE.search(text):
            return to_simplified(text)
        return "".join(part if LONE_SURROGATE.fullmatch(part) else to_simplified(part)
                       for part in re.split("([\ud800-\udfff])", text) if part)

    return [replace(record, **{name: simple(getattr(record, name))
                               for name in SIMPLIFIED_FIELDS})
            for record in records]
