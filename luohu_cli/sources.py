"""A report read from a file, with where it came from: what a batch hands on.

:func:`read_input` reads one input named on the command line and returns one
:class:`Source` per report in it: one for a report text, one per report
named in a records file (JSON Lines, JSON, luohu CSV; told by content, see
:mod:`luohu_cli.records_io`). A Source carries the analysed
:class:`~luohu_cli.pipeline.Report` and its provenance, which the database
(:mod:`luohu_cli.database`) stores: the SHA-256 of the bytes, the encoding
read, the year it was delivered, its title and place.

Everything here pickles, so that :mod:`luohu_cli.batch` can run it in
worker processes.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .pipeline import Report

TITLE_LINES = 12       # a title is sought in the first lines
MAX_TITLE = 100
TITLE_WORDS = ("报告", "報告")


@dataclass(frozen=True)
class Source:
    """One report and its provenance."""

    path: str              # the input as named (a file name, "-")
    name: str              # how records name it (their `report` field)
    sha256: str            # of the input's bytes; of the records for a records file
    encoding: str          # the encoding read (decode.decode_named); "" for records
    year: int | None       # delivered (dateline, title), else results + 1, else targets
    title: str             # the title line, "" when none is found
    place: str             # the place it speaks for, "" when it does not say
    report: Report
    kind: Literal["report", "records"] = "report"
    unchanged: bool = False  # not analysed: a database holds these very bytes (`known`)

    @property
    def records(self):
        return self.report.records

    @property
    def sections(self):
        return self.report.sections


def read_input(path: str, *, encoding: str | None = None, data: bytes | None = None,
               records: bool = True, known: Mapping[str, str] | None = None) -> list[Source]:
    """The reports of one input: a report file, or records written before.

    `data` is the input's bytes when already read (standard input). With
    `records` False a records file is read as report text (what ``extract``
    and ``diff`` do today; the CLI may refuse it instead, see
    :func:`holds_records`). Raises :class:`~luohu_cli.errors.InputError` for
    what cannot be read.
    """
    from .decode import decode_named, display_name, read_bytes
    from .pipeline import analyse

    if data is None:
        raw = read_bytes(path)
        data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    name = display_name(path)
    if records and holds_records(data):  # records are UTF-8 whatever -e says of reports
        return records_sources(path, data)
    digest = hashlib.sha256(data).hexdigest()
    if known is not None and known.get(name) == digest:
        from .pipeline import Report

        return [Source(path, name, digest, "", None, "", "", Report(name, (), ()),
                       unchanged=True)]
    text, read_as = decode_named(data, encoding, source=path)
    report = analyse(text, name)
    year, place = delivered(text, report)
    return [Source(path, name, digest, read_as, year, report_title(text), place, report)]


def holds_records(data: bytes) -> bool:
    """Whether bytes start like records (JSON Lines, JSON, luohu CSV) rather than a report."""
    from .records_io import holds_records as starts_like_records

    return starts_like_records(data)


def records_sources(path: str, data: bytes) -> list[Source]:
    """One Source per report named in a records file, its sha256 that of its records."""
    from .decode import decode_records, display_name
    from .pipeline import Report
    from .records_io import group_by_report, outline_from_records, read_records

    label = display_name(path)
    records = read_records(decode_records(data, path), label)
    out = []
    for name, group in group_by_report(records).items():
        report = Report(name, outline_from_records(group), tuple(group))
        out.append(Source(path, name, records_digest(group), "", delivered("", report)[0],
                          "", "", report, "records"))
    return out


def records_digest(records) -> str:
    """SHA-256 of records as JSON Lines (exact text, lone surrogates included)."""
    digest = hashlib.sha256()
    for record in records:
        line = json.dumps(record.as_strings(), ensure_ascii=False) + "\n"
        digest.update(line.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def delivered(text: str, report: Report) -> tuple[int | None, str]:
    """(year the report was delivered, place) from its first lines; the year else
    from its figures: the year after most results, else the year of most targets."""
    year, place = None, ""
    if text:
        from .places import describe_text

        year, place = describe_text(text)
    if year is None:
        actual = _most_common(r.year for r in report.records
                              if r.kind == "actual" and r.year is not None and not r.period)
        target = _most_common(r.year for r in report.records
                              if r.kind == "target" and r.year is not None and not r.period)
        year = actual + 1 if actual is not None else target
    return year, place


def _most_common(years) -> int | None:
    found = Counter(years).most_common(1)
    return found[0][0] if found else None


def report_title(text: str) -> str:
    """The report's title: among its first non-blank lines, the first naming a
    report (报告), else the first; at most MAX_TITLE characters.

    >>> report_title("\\n  政府工作报告 \\n——2024年1月9日\\n")
    '政府工作报告'
    >>> report_title("")
    ''
    """
    lines = []
    for line in text.splitlines():
        line = line.strip().strip("\ufeff\u3000")
        if line:
            lines.append(line)
            if len(lines) >= TITLE_LINES:
                break
    title = next((line for line in lines if any(w in line for w in TITLE_WORDS)),
                 lines[0] if lines else "")
    return title[:MAX_TITLE]
