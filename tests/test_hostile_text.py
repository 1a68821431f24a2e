"""Hostile input, the engine's side: linear time, bounded memory, capped context.

Each reproducer is a named case.  The small ones are kept in
fixtures/hostile/ under names starting `text-`; big ones are made here.  Before the fix they took
seconds to minutes (timings in the `was` column of HOSTILE_INPUTS), growing
with the square of the input or worse.  A test cannot hold them to a pace (a
slow or loaded machine would fail it; the pace is measured by bench/bench.py):
it times each pattern at a quarter of the reproducer's size and at its full
size, in one process, and holds the ratio of the two times far from the 16 of a
quadratic.
"""
from __future__ import annotations

import gc
import time
import tracemalloc
from pathlib import Path

import pytest

from luohu_cli import extract_text
from luohu_cli.pipeline import CONTEXT, ELLIPSIS, MAX_SENTENCE, SENTENCE
from luohu_cli.text import clean

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "fixtures" / "hostile"
SEED = (ROOT / "seeds" / "luohu-2023.txt").read_text(encoding="utf-8")
SEED_LINE = SEED.replace("\n", "").replace("。", "，")

# The pattern is timed at a quarter of the reproducer's size and at its size:
# about 4 times as long when linear, 16 when quadratic.  Timings that look
# super-linear are taken again (the least of each size kept) before failing, so
# that a pause of the machine is not read as growth.
GROWTH = 4
MAX_RATIO = 8
ATTEMPTS = 3


def fixture(name: str) -> str:
    return (HOSTILE / name).read_text(encoding="utf-8")


def first_units(name: str, width: int):
    """The first k units, `width` characters each, of a reproducer that repeats one."""
    return lambda k: fixture(name)[:k * width]


def repeated(unit: str, before: str = ""):
    return lambda k: before + unit * k


def table_rows(k: int) -> str:
    """The first k rows (name, level, growth) of the flat table on one line."""
    cells = fixture("text-flat-table-800.txt").rstrip("\n").split(" ")
    return " ".join(cells[:2 + 3 * k]) + "\n"  # after the title, 附表 主要经济指标


def seed_line(k: int) -> str:
    return SEED_LINE[:k]


# name: (the pattern at k units, k of the reproducer, its records or None, what it did before)
HOSTILE_INPUTS = {
    "timebomb-1wan-1000": (first_units("text-timebomb-1wan-1000.txt", 2), 1000, 1000, "4 KB: 8.8 s"),
    "timebomb-jinwanjia-1000": (first_units("text-timebomb-jinwanjia-1000.txt", 3), 1000, 1000, "9 KB: 10 s"),
    "timebomb-digits-16000": (first_units("text-timebomb-digits-16000.txt", 1), 16000, 0, "16 KB: 14 s"),
    "flat-table-800": (table_rows, 800, 1600, "38 KB: 25 s, 60 MB of CSV"),
    "growth-1-percent-16kb": (repeated("增长1%"), 1365, 1365, "16 KB: 54 s"),
    "growth-1-percent-8kb": (repeated("增长1%"), 682, 682, "8 KB: 9 s"),
    "digit-lines-1mb": (repeated("1234567890" * 5 + "\n"), 1_000_000 // 51, 0, "1 MB: over 60 s"),
    "one-line-2mb": (repeated("x"), 2_000_000, 0, "10 MB: MemoryError at 1 GB"),
    "stops-2mb": (repeated("."), 2_000_000, 0, "4 MB: 417 MB for the regex's backtracking"),
    "year-and-growth-one-line": (repeated("2022年增长1%"), 1000, 1000, "quadratic in the sentence"),
    "respectively-one-line": (repeated("甲、乙分别增长1%、2%"), 300, 600, "quadratic in the sentence"),
    "list-of-figures-one-line": (repeated("1万、"), 3000, 3000, "quadratic in the sentence"),
    "open-quote-then-figures": (repeated("增长1%", before="“"), 1000, 1000, "quadratic in the sentence"),
    "seed-as-one-line": (seed_line, len(SEED_LINE), None, "quadratic in the sentence"),
}

# the reproducers kept as files are their patterns at full size
REPRODUCER_FILES = {
    "timebomb-1wan-1000": "text-timebomb-1wan-1000.txt",
    "timebomb-jinwanjia-1000": "text-timebomb-jinwanjia-1000.txt",
    "timebomb-digits-16000": "text-timebomb-digits-16000.txt",
    "flat-table-800": "text-flat-table-800.txt",
}


def timed_extract(text: str):
    """Records and seconds taken, the garbage collector held off: a full
    collection of the tokenizer's dictionary is a pause of its own, not time
    the input takes."""
    gc.disable()
    try:
        started = time.perf_counter()
        records = extract_text(text)
        return records, time.perf_counter() - started
    finally:
        gc.enable()


@pytest.mark.parametrize("case, name", REPRODUCER_FILES.items(), ids=REPRODUCER_FILES.keys())
def test_a_reproducer_file_is_its_pattern_at_full_size(case, name):
    make, k, _, _ = HOSTILE_INPUTS[case]
    assert make(k) == fixture(name)


@pytest.mark.parametrize("make, k, expected, was", HOSTILE_INPUTS.values(), ids=HOSTILE_INPUTS.keys())
def test_hostile_input_time_grows_linearly(make, k, expected, was):
    small, large = make(k // GROWTH), make(k)
    extract_text("全年地区生产总值2630.2亿元。")  # the tokenizer is built once, not here
    least_small = least_large = float("inf")
    for _ in range(ATTEMPTS):
        least_small = min(least_small, timed_extract(small)[1])
        records, seconds = timed_extract(large)
        least_large = min(least_large, seconds)
        if least_large <= MAX_RATIO * least_small:
            break
    assert least_large <= MAX_RATIO * least_small, (
        f"{GROWTH} times the input took {least_large / least_small:.1f} times as long "
        f"({least_small * 1000:.0f} ms, then {least_large * 1000:.0f} ms; was {was})")
    if expected is not None:
        assert len(records) == expected
    for r in records:
        assert len(r.context) <= CONTEXT + 2 * len(ELLIPSIS)


def test_flat_table_output_stays_proportional_to_its_input():
    text = fixture("text-flat-table-800.txt")
    records = extract_text(text)
    # each record's context was the whole 20,000-character line: 1,600 times the input
    assert sum(len(r.context) for r in records) <= 20 * len(text)
    first = records[0]
    assert first.indicator == "社会消费品零售总额" and first.text == "9335.1亿元"
    assert first.context.startswith("附表 主要经济指标") and first.context.endswith(ELLIPSIS)
    assert text[first.start:first.end] == "9335.1亿元"


def test_figures_of_a_repeated_token_are_each_found_where_they_are():
    text = fixture("text-timebomb-1wan-1000.txt")
    records = extract_text(text)
    assert [(r.start, r.end) for r in records] == [(i, i + 2) for i in range(0, 2000, 2)]
    assert {(r.value, r.unit, str(r.base_value)) for r in records} == {(1, "万", "10000")}


# Invisible characters and look-alikes inside figures (nbsp-zwsp-in-numbers.txt):
# phrase -> (indicator, value, unit, direction, the figure as it reads in the input)
LOOKALIKE_CASES = {
    "nbsp-thousands": ("全年地区生产总值1\xa0258.7亿元。", ("地区生产总值", "1258.7", "亿元", "", "1\xa0258.7亿元")),
    "narrow-nbsp-thousands": ("全年地区生产总值1\u202f258.7亿元。",
                              ("地区生产总值", "1258.7", "亿元", "", "1\u202f258.7亿元")),
    "zero-width-space": ("金融业增加值263\u200b0.2亿元。", ("金融业增加值", "2630.2", "亿元", "", "263\u200b0.2亿元")),
    "zero-width-joiner": ("金融业增加值2630\u200d.2亿元。", ("金融业增加值", "2630.2", "亿元", "", "2630\u200d.2亿元")),
    "word-joiner": ("金融业增加值2630.2\u2060亿元。", ("金融业增加值", "2630.2", "亿元", "", "2630.2\u2060亿元")),
    "bom-inside-text": ("金融业增加值\ufeff2630.2亿元。", ("金融业增加值", "2630.2", "亿元", "", "2630.2亿元")),
    "en-dash-minus": ("工业投资增长–3.4%。", ("工业投资", "-3.4", "%", "up", "–3.4%")),
    "unicode-minus": ("工业投资增长−3.4%。", ("工业投资", "-3.4", "%", "up", "−3.4%")),
    "fullwidth-minus": ("工业投资增长－３．４％。", ("工业投资", "-3.4", "%", "up", "－３．４％")),
    "em-dash-minus": ("工业投资增长—3.4%。", ("工业投资", "-3.4", "%", "up", "—3.4%")),
    "en-dash-minus-decline": ("进口下降–2.1%。", ("进口", "-2.1", "%", "down", "–2.1%")),
    "en-dash-range": ("地区生产总值增长5.5–6%。", ("地区生产总值", "5.5", "%", "up", "5.5–6%")),
    "space-before-unit": ("社会消费品零售总额2630.2 亿元。", ("社会消费品零售总额", "2630.2", "亿元", "", "2630.2 亿元")),
    "nbsp-before-unit": ("社会消费品零售总额2630.2\xa0亿元。",
                         ("社会消费品零售总额", "2630.2", "亿元", "", "2630.2\xa0亿元")),
}


@pytest.mark.parametrize("phrase, expected", LOOKALIKE_CASES.values(), ids=LOOKALIKE_CASES.keys())
def test_lookalike_characters_in_figures(phrase, expected):
    [r] = extract_text(phrase)
    assert (r.indicator, str(r.value), r.unit, r.direction, phrase[r.start:r.end]) == expected


def test_nbsp_zwsp_reproducer():
    text = fixture("text-nbsp-zwsp-in-numbers.txt")
    got = [(r.indicator, str(r.value), r.unit, r.direction) for r in extract_text(text)]
    assert got == [("地区生产总值", "1258.7", "亿元", ""), ("金融业增加值", "2630.2", "亿元", ""),
                   ("工业投资", "-3.4", "%", "up"), ("社会消费品零售总额", "2630.2", "亿元", "")]


def test_context_is_the_sentence_trimmed_around_its_figure():
    before, after = "甲" * 500, "乙" * 500
    [r] = extract_text(before + "地区生产总值增长3.4%" + after + "。")
    assert r.context.startswith(ELLIPSIS) and r.context.endswith(ELLIPSIS)
    assert len(r.context) == CONTEXT + 2
    inner = r.context[1:-1]
    assert "地区生产总值增长3.4%" in inner
    assert abs(inner.index("3.4%") - (CONTEXT - 4) // 2) <= 1  # the figure in the middle


def test_context_near_a_sentence_end_is_cut_on_one_side_only():
    [r] = extract_text("地区生产总值增长3.4%" + "乙" * 500 + "。")
    assert not r.context.startswith(ELLIPSIS) and r.context.endswith(ELLIPSIS)
    assert r.context.startswith("地区生产总值增长3.4%")


def test_short_context_is_the_whole_sentence():
    [r] = extract_text("  全年地区生产总值2630.2亿元。  ")
    assert r.context == "全年地区生产总值2630.2亿元。"


def sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.end() > m.start()]


@pytest.mark.parametrize("text", [
    "x" * 5000, "1" * 5000, "增长1%" * 1000, "a，" * 3000, "“" * 4000, "。" * 3000, "1." * 3000,
    "地区生产总值增长3.4%，" * 300, "1 万 " * 1000,
], ids=["letters", "digits", "figures", "commas", "quotes", "stops", "dotted", "clauses", "spaced"])
def test_long_sentences_are_cut_into_bounded_pieces(text):
    spans = sentences(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(spans, spans[1:]))  # contiguous
    assert all(e - s <= 2 * MAX_SENTENCE + 1 for s, e in spans)


def test_a_long_sentence_is_cut_after_a_clause_mark_and_never_inside_a_figure():
    text = "地区生产总值增长3.4%，" * 300
    for s, e in sentences(text)[:-1]:
        assert text[e - 1] == "，"
    table = "指标 12345.6亿元 " * 400
    for s, e in sentences(table)[:-1]:
        assert table[e - 1] == " "


def test_sentence_pieces_find_every_figure_of_a_long_line():
    row = "地区生产总值 7307.4亿元 增长8.9% "
    records = extract_text(row * 500)
    assert len(records) == 1000
    assert {(str(r.value), r.unit) for r in records} == {("7307.4", "亿元"), ("8.9", "%")}


def test_cleaning_memory_is_a_small_multiple_of_the_input():
    raw = SEED * 4   # ~90 KB of noisy text: many changes, so many runs
    tracemalloc.start()
    try:
        cleaned = clean(raw)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # text and its Simplified shadow (2 bytes a character each), the pieces
    # joined and the map: 19 bytes a character at the peak; it was 63 with a
    # list, then a tuple, of one int a character
    assert peak / len(raw) < 28
    assert cleaned.origin.runs < len(raw) / 4
