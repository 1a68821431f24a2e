"""The case tables of tests/cases.py against the engine, one case per test id.

FIGURE_CASES and EXCLUSION_CASES are phrases; FIXTURE_CASES and
FIXTURE_LINE_COUNTS are the small reports under fixtures/, read through the
same decoding a user's file goes through.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

import cases
from luohu_cli import extract, extract_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _subset(record: dict, expected: dict) -> dict:
    return {k: ("" if record[k] is None else record[k]) for k in expected}


@pytest.mark.parametrize("phrase, expected", [
    *[pytest.param(p, e, id=k) for k, (p, e) in cases.FIGURE_CASES.items()],
    *[pytest.param(p, e, id=k, marks=pytest.mark.xfail(strict=True))
      for k, (p, e) in cases.XFAIL_CASES.items()],
])
def test_figure_case(phrase, expected):
    records = [r.as_strings() for r in extract_text(phrase)]
    assert [_subset(r, e) for r, e in zip(records, expected)] == expected
    assert len(records) == len(expected)


@pytest.mark.parametrize("phrase", cases.EXCLUSION_CASES.values(), ids=cases.EXCLUSION_CASES.keys())
def test_exclusion_case(phrase):
    assert [r.text for r in extract_text(phrase)] == []


@pytest.mark.parametrize("group", cases.BORDERLINE_GROUPS.values(), ids=cases.BORDERLINE_GROUPS.keys())
def test_borderline_group_is_consistent(group):
    assert len({bool(extract_text(p)) for p in group}) == 1


@lru_cache(maxsize=None)
def fixture_records(name: str) -> tuple[dict, ...]:
    return tuple(r.as_strings() for r in extract(FIXTURES / name, report=name))


@pytest.mark.parametrize("name, expected", [
    pytest.param(name, e, id=f"{name}-L{e.get('line')}-{e.get('value')}")
    for name, records in cases.FIXTURE_CASES.items() for e in records
])
def test_fixture_record(name, expected):
    found = [_subset(r, expected) for r in fixture_records(name)]
    assert expected in found


@pytest.mark.parametrize("name, counts", [
    pytest.param(n, c, id=n) for n, c in cases.FIXTURE_LINE_COUNTS.items() if c is not None
])
def test_fixture_line_counts(name, counts):
    per_line = Counter(r["line"] for r in fixture_records(name))
    assert dict(per_line) == {int(k): v for k, v in counts.items() if v}
