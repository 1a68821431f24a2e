"""Diff at scale (luohu_cli.compare): blocking finds exactly the pairs all-against-all
would, large groups pair copy with copy, and the pairs scored and the peak memory grow
linearly with the records. How fast 17,200 records against 17,200 pair is measured by
`bench/bench_diff.py --large 100`, not here."""
from __future__ import annotations

import random
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


@pytest.fixture(scope="module")
def growth(pair) -> dict[int, tuple[int, int]]:
    """copies -> (record pairs scored, peak bytes traced) of one diff at 10 and 40 copies."""
    old, new = pair
    out = {}
    for count in (10, 40):
        scored = 0
        score = compare._scored

        def counted(*args):
            nonlocal scored
            scored += 1
            return score(*args)

        a, b = copies(old, count), copies(new, count)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(compare, "_scored", counted)
            tracemalloc.start()
            try:
                compare.diff(a, b)
                _, top = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
        out[count] = scored, top
    return out


def test_pairs_scored_grow_linearly_with_the_records(growth):
    # every pair of records that is scored goes through compare._scored; all
    # against all inside a group of copies would be 16 times the pairs
    (small, _), (large, _) = growth[10], growth[40]
    assert large <= 6 * small, f"{small} pairs scored at 10 copies, {large} at 40"


def test_peak_memory_grows_linearly_with_the_records(growth):
    (_, small), (_, large) = growth[10], growth[40]
    assert large < 6 * small  # 4 times the records: linear, not 16 times
