"""Diff at scale (luohu_cli.compare): blocking finds exactly the pairs all-against-all
would, large groups pair copy with copy, and 17,000 records against 17,000 stay fast
and linear in memory."""
from __future__ import annotations

import random
import time
import tracemalloc
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from luohu_cli import compare
from luohu_cli.pipeline import Report, read_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
REVISED = ROOT / "fixtures" / "diff" / "luohu-2023-rev-figures.txt"


@pytest.fixture(scope="module")
def pair() -> tuple[Report, Report]:
    return read_report(str(SEED)), read_report(str(REVISED))


def copies(report: Report, count: int) -> Report:
    """The report's records `count` times over, each copy further down the text."""
    span = max(r.end for r in report.records) + 1
    lines = max(r.line for r in report.records) + 1
    records = tuple(replace(r, line=r.line + k * lines, start=r.start + k * span,
                            end=r.end + k * span)
                    for k in range(count) for r in report.records)
    return Report(report.name, report.sections, records)


def brute_alike(old, new):
    return {(a, b, compare.normalized_similarity(a, b)) for a in old for b in new
            if compare.normalized_similarity(a, b) >= compare.NAME_MIN}


def test_name_search_finds_exactly_what_all_against_all_finds(monkeypatch):
    rng = random.Random(9)
    pool = "地区生产总值增加工业规模以上收入人均可支配居民城镇农村率额量5G"
    def name():
        return "".join(rng.choice(pool) for _ in range(rng.randint(1, 9)))
    old = sorted({name() for _ in range(400)} | {"", "增加值", "地区生产总值"})
    new = sorted({name() for _ in range(400)} | {"", "工业增加值", "生产总值"})
    expected = brute_alike(old, new)
    monkeypatch.setattr(compare, "EXACT_NAMES", 0)  # the search path, not the double loop
    assert set(compare._alike_names(old, new)) == expected
    assert ("", "", compare.EMPTY_NAMES) in expected
    assert any(b in a and a != b for a, b, _ in expected)  # containment, both ways
    assert any(a in b and a != b for a, b, _ in expected)


def test_blocking_gives_the_pairs_all_against_all_gives(pair, monkeypatch):
    old, new = pair
    blocked = compare.align(old.records, new.records)

    def everything(old_records, new_records, block):
        out = []
        for i, a in enumerate(old_records):
            for j, b in enumerate(new_records):
                if block(a) != block(b):
                    continue
                gap = abs(compare._position(i, len(old_records)) - compare._position(j, len(new_records)))
                score = compare.pair_score(a, b, gap)
                if score is not None:
                    out.append((score, gap, i, j))
        return out, []

    monkeypatch.setattr(compare, "_candidates", everything)
    assert compare.align(old.records, new.records) == blocked


def test_large_groups_pair_each_copy_with_its_own(pair):
    old, new = pair
    one = Counter(row.status for row in compare.diff(old, new).rows)
    count = 40
    result = compare.diff(copies(old, count), copies(new, count))
    assert Counter(row.status for row in result.rows) == {s: n * count for s, n in one.items()}
    old_lines = max(r.line for r in old.records) + 1
    new_lines = max(r.line for r in new.records) + 1
    for row in result.rows:
        if row.old is not None and row.new is not None:
            assert (row.old.line - 1) // old_lines == (row.new.line - 1) // new_lines


def test_seventeen_thousand_records_each_in_seconds_and_linear_memory(pair):
    old, new = pair
    big_old, big_new = copies(old, 100), copies(new, 100)
    assert len(big_old.records) == len(big_new.records) == 17_200
    start = time.perf_counter()
    result = compare.diff(big_old, big_new)
    elapsed = time.perf_counter() - start
    assert len(result.rows) == 17_200
    assert elapsed < 15  # about 1.5 s on two cores; generous for slow CI machines

    def peak(count: int) -> int:
        a, b = copies(old, count), copies(new, count)
        tracemalloc.start()
        compare.diff(a, b)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(10), peak(40)
    assert large < 6 * small  # 4 times the records: linear, not 16 times
