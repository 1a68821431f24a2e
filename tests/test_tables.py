"""Text tables -> records, one case per id (luohu_cli/tables.py).

A line with 2+ `|` or 2+ tabs is a table row; 2+ consecutive rows are a table, the
first its header.  A bare number in a data cell takes its unit from the column
header, else the row label, else a `单位` column, else a `单位：…` line before the
table (or its first row); its name is the row label; a column header naming a year
and/or 完成/执行/决算/实际 (actual) or 预算/计划/目标/预期 (target) gives its time.
Each case lists the records expected in order, with the fields that matter to it.
"""
from __future__ import annotations

import gc
import time

import pytest

from luohu_cli import extract_text
from luohu_cli.text import clean

FIELDS = ("text", "value", "unit", "base_value", "base_unit", "indicator", "year", "kind", "direction",
          "qualifier")


ANY = object()  # a field the case does not check


def R(text, value, unit, base_value, base_unit, indicator, year, kind, direction="", qualifier=""):
    return dict(zip(FIELDS, (text, value, unit, base_value, base_unit, indicator, year, kind, direction,
                             qualifier)))


def T(*rows: str) -> str:
    """The text of a table, one row a line."""
    return "".join(row + "\n" for row in rows)


TABLE_CASES = {
    "unit-in-row-label-time-in-header": (
        T("指标 | 2025年完成 | 2026年目标", "地区生产总值增长（%） | 5.2 | 5左右", "城镇新增就业（万人） | 5.2 | 5"), [
            R("5.2", "5.2", "%", "5.2", "%", "地区生产总值", 2025, "actual", "up"),
            R("5左右", "5", "%", "5", "%", "地区生产总值", 2026, "target", "up", "~"),
            R("5.2", "5.2", "万人", "52000", "人", "城镇新增就业", 2025, "actual"),
            R("5", "5", "万人", "50000", "人", "城镇新增就业", 2026, "target")]),
    "unit-in-column-header-tabs-thousands": (
        T("项目\t2024年执行数(万元)\t2025年预算数(万元)", "一般公共预算收入\t2,550,367\t2,600,000"), [
            R("2,550,367", "2550367", "万元", "25503670000", "元", "一般公共预算收入", 2024, "actual"),
            R("2,600,000", "2600000", "万元", "26000000000", "元", "一般公共预算收入", 2025, "target")]),
    "unit-line-before-the-table-year-from-the-part": (
        T("一、2024年预算执行情况", "单位：亿元", "项目 | 预算数 | 执行数", "一般公共预算收入 | 386.4 | 390.1"), [
            R("386.4", "386.4", "亿元", "38640000000", "元", "一般公共预算收入", 2024, "target"),
            R("390.1", "390.1", "亿元", "39010000000", "元", "一般公共预算收入", 2024, "actual")]),
    "unit-line-in-the-first-row": (
        T("单位：万元 | | ", "项目 | 决算数 |", "税收收入 | 1,180.5 |"), [
            R("1,180.5", "1180.5", "万元", "11805000", "元", "税收收入", None, "actual")]),
    "column-header-beats-row-label": (
        T("指标 | 总量（亿元） | 增长（%）", "一般公共预算收入（万元） | 386.4 | 4.3"), [
            R("386.4", "386.4", "亿元", "38640000000", "元", "一般公共预算收入", None, "actual"),
            R("4.3", "4.3", "%", "4.3", "%", "一般公共预算收入", None, "actual", "up")]),
    "percent-header-growth-keeps-a-negative-sign": (
        T("| 指标 | 增幅(%) |", "| 社会消费品零售总额 | -2.0 |"), [
            R("-2.0", "-2.0", "%", "-2.0", "%", "社会消费品零售总额", None, "actual", "up")]),
    "markdown-separator-ordinals-and-unit-column": (
        T("| 序号 | 指标 | 单位 | 2025年 |", "|:---|:---:|---|---|", "| 1 | 地区生产总值 | 亿元 | 386.4 |", "| 2 | （二）规上工业增加值增长 | % | 6.1 |"), [
            R("386.4", "386.4", "亿元", "38640000000", "元", "地区生产总值", 2025, "actual"),
            R("6.1", "6.1", "%", "6.1", "%", "规上工业增加值", 2025, "actual", "up")]),
    "leading-ordinal-and-down-word-in-the-label": (
        T("指标\t2026年目标\t备注", "1.单位地区生产总值能耗下降（%）\t2.5\t"), [
            R("2.5", "2.5", "%", "2.5", "%", "单位地区生产总值能耗", 2026, "target", "down")]),
    "a-row-per-year-the-column-header-names-the-figure": (
        T("年份\t地区生产总值（亿元）\t增长（%）", "2024年\t386.4\t5.2", "2025年\t405.1\t4.8"), [
            R("386.4", "386.4", "亿元", "38640000000", "元", "地区生产总值", 2024, "actual"),
            R("5.2", "5.2", "%", "5.2", "%", "地区生产总值", 2024, "actual", "up"),
            R("405.1", "405.1", "亿元", "40510000000", "元", "地区生产总值", 2025, "actual"),
            R("4.8", "4.8", "%", "4.8", "%", "地区生产总值", 2025, "actual", "up")]),
    "a-cell-with-its-own-unit-is-named-and-timed-by-the-table": (
        T("指标 | 2025年完成（亿元） | 增长", "地区生产总值 | 386.4 | 5.2%"), [
            R("386.4", "386.4", "亿元", "38640000000", "元", "地区生产总值", 2025, "actual"),
            R("5.2%", "5.2", "%", "5.2", "%", "地区生产总值", None, "actual", "up")]),
    "cells-with-units-and-change-words": (
        T("| 指标 | 2024年完成 | 2025年目标 |", "|---|---|---|",
          "| 地区生产总值 | 386.4亿元 | 增长5%左右 |", "| 城镇调查失业率 | 5.1% | 5.5%以内 |"), [
            R("386.4亿元", "386.4", "亿元", "38640000000", "元", "地区生产总值", 2024, "actual"),
            R("5%左右", "5", "%", "5", "%", "地区生产总值", 2025, "target", "up", "~"),
            R("5.1%", "5.1", "%", "5.1", "%", "城镇调查失业率", 2024, "actual"),
            R("5.5%以内", "5.5", "%", "5.5", "%", "城镇调查失业率", 2025, "target", "", "<=")]),
    "a-cell-that-names-its-own-figure": (
        T("| 领域 | 2025年目标 |", "| 民生 | 新建学校12所 |"), [
            R("12所", "12", "所", "12", "所", "学校", 2025, "target")]),
}

NO_FIGURE_CASES = {
    "header-and-separator-only": "指标 | 2025年完成（亿元） | 2026年目标（亿元）\n|---|---|---|\n",
    "year-cells": "年份（亿元） | 2024 | 2025\n统计年度（亿元） | 2024 | 2025\n",
    "labels-only": "指标 | 说明 | 备注\n地区生产总值 | 稳定增长 | 无\n",
    "no-unit-anywhere": "指标 | 2024年 | 2025年\n项目数 | 12 | 15\n",
    "one-row-is-no-table": "地区生产总值（亿元） | 386.4 | 400\n",
    "pipes-in-prose": "全年地区生产总值|||||||||||||||||||||增长。\n" + "|" * 500 + "\n",
    "number-cell-with-more-words": "指标 | 2025年（亿元）\n地区生产总值 | 约386.4，同比持平\n",
}


def _fields(r) -> dict:
    return {"text": r.text, "value": str(r.value), "unit": r.unit, "base_value": str(r.base_value),
            "base_unit": r.base_unit, "indicator": r.indicator, "year": r.year, "kind": r.kind,
            "direction": r.direction, "qualifier": r.qualifier}


@pytest.mark.parametrize("text, expected", TABLE_CASES.values(), ids=TABLE_CASES.keys())
def test_table_cells(text, expected):
    records = extract_text(text)
    got = [{k: v for k, v in _fields(r).items() if i >= len(expected) or expected[i][k] is not ANY}
           for i, r in enumerate(records)]
    assert got == [{k: v for k, v in e.items() if v is not ANY} for e in expected]
    for r in records:  # each record points back at its number in the input
        assert clean(text[r.start:r.end]).text == r.text
        assert text.count("\n", 0, r.start) + 1 == r.line


@pytest.mark.parametrize("text", NO_FIGURE_CASES.values(), ids=NO_FIGURE_CASES.keys())
def test_table_non_figures(text):
    assert [(r.text, r.unit) for r in extract_text(text)] == []


def test_table_rows_ending_and_starting_with_digits_stay_apart():
    # cleaning joins a number broken across lines (377 / .4亿元), never two table rows
    text = "序号\t指标\t2025年完成\n1\t地区生产总值（亿元）\t386.4\n2\t一般公共预算收入（亿元）\t30\n"
    assert [(r.line, r.text, str(r.value)) for r in extract_text(text)] == [(2, "386.4", "386.4"), (3, "30", "30")]


def test_a_table_row_that_opens_with_an_ordinal_is_no_heading():
    text = ("一、2025年主要指标\n指标\t2024年完成\t2025年目标\n（一）地区生产总值增长（%）\t5.2\t5左右\n"
            "（二）城镇新增就业（万人）\t5.2\t5\n二、2025年工作安排\n新建学校12所。\n")
    assert [(r.section_id, r.indicator, r.year, r.kind) for r in extract_text(text)] == [
        ("1", "地区生产总值", 2024, "actual"), ("1", "地区生产总值", 2025, "target"),
        ("1", "城镇新增就业", 2024, "actual"), ("1", "城镇新增就业", 2025, "target"),
        ("2", "学校", 2025, "target")]


def test_tabs_that_only_indent_make_no_table():
    text = "\t\t一、稳增长\n\t\t地区生产总值增长5.2%。\n\t\t城镇新增就业5.2万人。\n"
    assert [(r.section_id, r.indicator, r.text) for r in extract_text(text)] == [
        ("1", "地区生产总值", "5.2%"), ("1", "城镇新增就业", "5.2万人")]


def test_a_report_of_table_rows_is_not_read_as_hard_wrapped():
    rows = "".join(f"第{i}项指标名称较长的一行（亿元） | {i}.5 | {i + 1}\n" for i in range(1, 30))
    text = "指标 | 2025年完成 | 2026年目标\n" + rows
    records = extract_text(text)
    assert len(records) == 2 * 29
    assert {r.line for r in records} == set(range(2, 31))


def _timed(text: str) -> float:
    gc.disable()
    try:
        started = time.perf_counter()
        extract_text(text)
        return time.perf_counter() - started
    finally:
        gc.enable()


def _table(k: int) -> str:
    return "指标 | 2025年完成 | 2026年目标\n" + "".join(
        f"指标{i}增长（%） | {i % 9}.{i % 7} | {i % 5}左右\n" for i in range(k))


@pytest.mark.parametrize("make, k, expected", [
    (_table, 2000, 4000),
    (lambda k: "全年|增长" * k + "\n", 20000, 0),
    (lambda k: "|1" * k + "\n" + "|2" * k + "\n", 20000, 0),   # two rows, no unit anywhere
], ids=["2000-row-table", "pipes-in-one-line", "two-huge-rows"])
def test_tables_stay_linear(make, k, expected):
    """4 times the input within 8 times the time (linear is 4, quadratic 16)."""
    extract_text("全年地区生产总值2630.2亿元。")
    small, large = make(k // 4), make(k)
    least_small = least_large = float("inf")
    for _ in range(3):
        least_small = min(least_small, _timed(small))
        least_large = min(least_large, _timed(large))
        if least_large <= 8 * least_small:
            break
    assert least_large <= 8 * least_small, (least_small, least_large)
    assert len(extract_text(large)) == expected
