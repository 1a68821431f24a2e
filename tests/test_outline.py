"""Headings -> sections with year and kind; the glossary; lost ordinals."""
from __future__ import annotations

from pathlib import Path

import pytest

from luohu_cli import extract_text
from luohu_cli.outline import ordinal_text, ordinal_value, parse_outline
from luohu_cli.text import clean

REPORT = """政府工作报告
——2024年1月8日在某区第七届人民代表大会第四次会议上
一、2023年工作回顾
全年地区生产总值1200亿元。
（一）经济运行稳中有进
规上工业增加值增长5.1%。
（二）民生保障有力
新增学位3000个。
2025年力争新增学位5000个。
二、2024年工作安排
主要预期目标是:
——地区生产总值增长6%左右;
(一)加快产业发展
引进企业10家。
2023年已引进企业8家。
有关名词解释
1.“1+3+N”:1个总部,3个中心。
"""


def sections():
    c = clean(REPORT)
    return parse_outline(c.text, c.simple).sections


def test_sections_and_ids():
    assert [(s.id, s.title, s.year, s.kind) for s in sections()] == [
        ("", "", 2023, "actual"),
        ("1", "一、2023年工作回顾", 2023, "actual"),
        ("1.1", "（一）经济运行稳中有进", 2023, "actual"),
        ("1.2", "（二）民生保障有力", 2023, "actual"),
        ("2", "二、2024年工作安排", 2024, "target"),
        ("2.1", "（一）加快产业发展", 2024, "target"),
        ("3", "有关名词解释", 2024, "actual"),
    ]
    assert sections()[-1].glossary


RECORD_CASES = {
    "part-one-actual": ("1200亿元", "1", 2023, "actual"),
    "subsection": ("5.1%", "1.1", 2023, "actual"),
    "explicit-later-year-is-a-target": ("5000个", "1.2", 2025, "target"),
    "dash-bullet-target": ("6%左右", "2", 2024, "target"),
    "plan-subsection": ("10家", "2.1", 2024, "target"),
    "explicit-earlier-year-is-actual": ("8家", "2.1", 2023, "actual"),
}


@pytest.mark.parametrize("text, section_id, year, kind", RECORD_CASES.values(), ids=RECORD_CASES.keys())
def test_year_and_kind(text, section_id, year, kind):
    records = {r.text: r for r in extract_text(REPORT)}
    r = records[text]
    assert (r.section_id, r.year, r.kind) == (section_id, year, kind)


def test_glossary_numbers_are_not_indicators():
    assert all(r.section_id != "3" for r in extract_text(REPORT))


def test_section_path():
    r = {r.text: r for r in extract_text(REPORT)}["10家"]
    assert r.section == "二、2024年工作安排 > （一）加快产业发展"


def test_lost_ordinal_follows_the_sequence():
    text = "一、2022年工作回顾\n（一）甲\n（二）乙\n?。ㄈ﹫猿痔嵴裣M(fèi)、拉動內(nèi)需\n（四）丁\n"
    c = clean(text)
    ids = [(s.id, s.title) for s in parse_outline(c.text, c.simple).sections][1:]
    assert ids == [("1", "一、2022年工作回顾"), ("1.1", "（一）甲"), ("1.2", "（二）乙"),
                   ("1.3", "（三）堅持提振…、拉動內需"), ("1.4", "（四）丁")]


def test_year_implied_by_the_dateline():
    text = "——2023年1月10日\n一、过去一年工作回顾\n增长3%。\n二、今年工作安排\n增长5%。\n"
    r = extract_text(text)
    assert [(x.year, x.kind) for x in r] == [(2022, "actual"), (2023, "target")]


def test_plan_execution_headings():
    text = "一、2023年国民经济和社会发展计划执行情况\n增长4.1%。\n二、2024年国民经济和社会发展计划草案\n增长5%左右。\n"
    assert [(x.year, x.kind) for x in extract_text(text)] == [(2023, "actual"), (2024, "target")]


@pytest.mark.parametrize("n", range(1, 40))
def test_ordinals_round_trip(n):
    assert ordinal_value(ordinal_text(n)) == n


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_ends_do_not_change_the_records(newline):
    seed = (Path(__file__).resolve().parents[1] / "seeds" / "luohu-2023.txt").read_text(encoding="utf-8")
    fields = ("indicator", "text", "value", "line", "section_id", "section", "year", "kind", "context")
    base = [tuple(getattr(r, f) for f in fields) for r in extract_text(seed)]
    other = [tuple(getattr(r, f) for f in fields) for r in extract_text(seed.replace("\n", newline))]
    assert other == base
