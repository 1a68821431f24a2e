"""Years, kinds and periods on real layouts: the report's own date, headings in
every form, part roles, and the time each figure's sentence gives it.

Each table maps a case id to a small report (or part of one) and what the
engine must make of it; one test id per case.
"""
from __future__ import annotations

import pytest

from luohu_cli import extract_text
from luohu_cli.outline import parse_outline
from luohu_cli.pipeline import analyse
from luohu_cli.text import clean
from luohu_cli.timeframe import delivery_year, plan_years

HEAD = "2026年某市政府工作报告\n——2026年1月20日在某市第十届人民代表大会第四次会议上\n各位代表：\n"


def records(body: str, head: str = HEAD) -> dict[str, tuple]:
    """figure text -> (year, period, kind) for a report of HEAD + body."""
    return {r.text: (r.year, r.period, r.kind) for r in extract_text(head + body)}


def outline(text: str):
    c = clean(text)
    return parse_outline(c.text, c.simple)


def parts(text: str) -> list[tuple]:
    """(id, role, period or year, kind) of each section, as `luohu list` shows them."""
    return [(s.id, s.role, s.period or s.year, s.kind) for s in analyse(text).sections if s.id]


# --- the report's own date ---------------------------------------------------------

DELIVERY_CASES = {
    "dateline": ("政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第四次会议上\n", 2026),
    "dateline-without-dash": ("2026年1月27日在陕西省第十四届人民代表大会第四次会议上 省长 某某\n", 2026),
    "dateline-chinese-numerals": ("——二〇二三年一月十日在某区第八届人民代表大会第三次会议上\n", 2023),
    "title-line": ("下载\n打印\n2026年某市政府工作报告\n", 2026),
    "title-with-place-first": ("陕西省2026年政府工作报告\n", 2026),
    "title-with-a-note": ("2026年某市政府工作报告（全文）\n", 2026),
    "page-date-line": ("某市政府工作报告\n时间：2026-02-02\n", 2026),
    "page-date-split": ("某市政府工作报告\n发表时间：\n2026-02-09 09:45:30\n", 2026),
    "dateline-beats-page-date": ("时间：2026-01-02\n——2025年12月28日在某区人民代表大会上\n", 2025),
    "none": ("各位代表：\n全年地区生产总值增长5%。\n", None),
}


@pytest.mark.parametrize("text, year", DELIVERY_CASES.values(), ids=DELIVERY_CASES.keys())
def test_delivery_year(text, year):
    simple = clean(text).simple
    assert delivery_year(simple, simple.splitlines()) == year


def test_year_from_headings_without_a_date():
    assert outline("一、2023年工作回顾\n甲。\n二、2024年工作安排\n乙。\n").delivered == 2024


@pytest.mark.parametrize("number, years", [(13, (2016, 2020)), (14, (2021, 2025)), (15, (2026, 2030)),
                                           (11, (2006, 2010))], ids=["13", "14", "15", "11"])
def test_plan_years(number, years):
    assert plan_years(number) == years


# --- headings and part roles ------------------------------------------------------------

HEADING_CASES = {
    "ordinals-with-years": (
        "一、2025年工作回顾\n全年增长5%。\n（一）稳增长\n甲。\n二、2026年工作安排\n乙。\n",
        [("1", "review", 2025, "actual"), ("1.1", "review", 2025, "actual"),
         ("2", "plan", 2026, "target")]),
    "combined-review": (
        "一、2025年和“十四五”时期工作回顾\n甲。\n",
        [("1", "review+period-review", 2025, "actual")]),
    "period-first-review": (
        "一、“十四五”时期和2025年工作回顾\n甲。\n",
        [("1", "period-review+review", "2021-2025", "actual")]),
    "period-targets": (
        "二、“十五五”时期主要目标任务\n甲。\n",
        [("2", "period-targets", "2026-2030", "target")]),
    "combined-plan": (
        "二、“十五五”时期目标任务和2026年工作安排\n甲。\n",
        [("2", "period-targets+plan", "2026-2030", "target")]),
    "plan-period-by-its-number": (
        "二、关于《某市国民经济和社会发展第十五个五年规划纲要（草案）》的说明\n甲。\n",
        [("2", "period-targets", "2026-2030", "target")]),
    "main-tasks-is-a-plan": ("三、2026年主要任务\n甲。\n", [("3", "plan", 2026, "target")]),
    "yearless-review": ("一、工作回顾\n甲。\n", [("1", "review", 2025, "actual")]),
    "yearless-government": ("四、全面提升政府治理效能\n甲。\n", [("4", "government", 2026, "target")]),
    "yearless-government-own-work": ("四、深入推进政府治理创新\n甲。\n", [("4", "government", 2026, "target")]),
    "yearless-by-content": (
        "一、砥砺奋进谱新篇\n我们完成了各项任务，实现了稳定增长，建成了一批项目。\n"
        "二、乘势而上开新局\n今年要加快发展，将着力扩大内需，力争实现更好结果。\n",
        [("1", "review", 2025, "actual"), ("2", "plan", 2026, "target")]),
    "no-ordinal-parts": (
        "“十四五”时期发展成就和2025年工作回顾\n这五年经济总量达到2.6万亿元。\n"
        "“十五五”时期主要目标和2026年重点工作\n今年增长5%左右。\n"
        "一、加快发展现代产业\n（一）壮大实体经济\n甲。\n",
        [("1", "period-review+review", "2021-2025", "actual"),
         ("2", "period-targets+plan", "2026-2030", "target"),
         ("2.1", "period-targets+plan", 2026, "target"),
         ("2.1.1", "period-targets+plan", 2026, "target")]),
    "bare-heading-this-year": ("今年重点工作\n甲。\n", [("1", "plan", 2026, "target")]),
    "appendix-with-title": (
        "一、2026年工作安排\n甲。\n附件1\n2026年十件民生实事\n1.新增学位1万个。\n附件2\n名词解释\n1.“四上”企业：规上企业。\n",
        [("1", "plan", 2026, "target"), ("2", "plan", 2026, "target"), ("3", "glossary", 2026, "actual")]),
    "glossary": ("一、2025年工作回顾\n甲。\n有关名词解释\n1.“1+3+N”：说明。\n",
                 [("1", "review", 2025, "actual"), ("2", "glossary", 2026, "actual")]),
}


@pytest.mark.parametrize("body, expected", HEADING_CASES.values(), ids=HEADING_CASES.keys())
def test_headings_and_roles(body, expected):
    assert parts(HEAD + body) == expected


NOT_A_HEADING = {
    "a-sentence": "这是经济实力持续提升的五年。",
    "a-broken-sentence": "“十五五”时期经济社会发展的\n主要目标\n是：地区生产总值年均增长5%左右。",
    "a-byline": "某某省人民政府省长 某某",
    "a-title": "政府工作报告",
    "a-salutation": "各位代表！",
    "a-lead-in": "一年来，主要做了以下工作：",
}


@pytest.mark.parametrize("body", NOT_A_HEADING.values(), ids=NOT_A_HEADING.keys())
def test_not_a_heading(body):
    text = HEAD + "一、2025年工作回顾\n全年增长5%。\n" + body + "\n"
    assert [s.id for s in outline(text).sections] == ["", "1"]


# --- page furniture -----------------------------------------------------------------

FURNITURE = ("下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某市政府工作报告\n"
             "——2026年1月20日在某市第十届人民代表大会第四次会议上\n来源：某某日报\n时间：2026-01-28\n"
             "某市市长 某某\n市长某某作政府工作报告。本报记者 某某 摄\n各位代表：\n"
             "一、2025年工作回顾\n全年地区生产总值增长5.2%。\n"
             "来源：某某日报\n"
             "相关报道：\n某市12个项目集中开工\n2026年某市新增就业10万人\n")


def test_page_furniture_gives_no_records_and_no_headings():
    assert [r.text for r in extract_text(FURNITURE)] == ["5.2%"]
    assert [s.id for s in outline(FURNITURE).sections] == ["", "1"]


# --- the time of each figure ------------------------------------------------------------

REVIEW = "一、2025年和“十四五”时期工作回顾\n"
PLAN = "三、2026年工作安排\n"

FRAME_CASES = {
    "review-year": (REVIEW + "过去一年，地区生产总值增长5.2%。\n", "5.2%", (2025, "", "actual")),
    "five-years-since": (REVIEW + "五年来，累计新增就业106万人。\n", "106万人", (2025, "2021-2025", "actual")),
    "these-five-years": (REVIEW + "——这五年综合实力大幅提升。经济总量达到2.67万亿元。\n",
                         "2.67万亿元", (2025, "2021-2025", "actual")),
    "period-carries-to-next-paragraph": (
        REVIEW + "“十四五”时期是极不平凡的五年。\n固定资产投资年均增长12.8%。\n", "12.8%",
        (2025, "2021-2025", "actual")),
    "topic-sentence-of-five-years": (
        REVIEW + "这是经济实力持续提升的五年。\n地区生产总值提高到14.58万亿元。\n", "14.58万亿元",
        (2025, "2021-2025", "actual")),
    "a-named-year-inside-a-period": (
        REVIEW + "五年来，发展成效显著。2025年居民人均可支配收入3.2万元。\n", "3.2万元", (2025, "", "actual")),
    "back-to-the-year": (
        REVIEW + "五年来，累计完成投资3.8万亿元。\n刚刚过去的2025年，地区生产总值增长4.7%。\n", "4.7%",
        (2025, "", "actual")),
    "from-written-year": (
        REVIEW + "五年来，经济总量从2020年的2.1万亿元增加到2.9万亿元。\n", "2.1万亿元", (2020, "", "actual")),
    "to-after-from-written-year": (
        REVIEW + "五年来，经济总量从2020年的2.1万亿元增加到2.9万亿元。\n", "2.9万亿元",
        (2025, "2021-2025", "actual")),
    "from-in-a-period": (
        REVIEW + "五年来，城镇化率从61.2%提高到65.1%。\n", "61.2%", (2020, "", "actual")),
    "from-in-a-year": (REVIEW + "过去一年，城镇化率从61.2%提升至63.0%。\n", "61.2%", (2024, "", "actual")),
    "base-end-of-plan": (
        REVIEW + "五年来，PM2.5年均浓度较“十三五”末下降16.5%。\n", "16.5%", (2025, "2021-2025", "actual")),
    "base-year-is-not-the-year": (REVIEW + "过去一年，工业投资比2020年增长30%。\n", "30%", (2025, "", "actual")),
    "estimate-in-review": (REVIEW + "过去一年，预计全社会研发投入5350亿元。\n", "5350亿元", (2025, "", "actual")),
    "since-a-year-is-a-comparison": (
        REVIEW + "过去一年，粮食总产量创2006年以来新高，达到1200万吨。\n", "1200万吨", (2025, "", "actual")),
    "average-between-written-years": (
        REVIEW + "由2015年的1708.4亿元增至2020年的2375.3亿元，年均增长6.2%。\n", "6.2%",
        (2020, "2016-2020", "actual")),
    "five-year-targets": (
        "二、“十五五”时期主要目标任务\n“十五五”时期的主要目标是：地区生产总值年均增长5%左右。\n",
        "5%左右", (2030, "2026-2030", "target")),
    "by-2030-is-the-period-target": (
        PLAN + "到2030年，城市轨道交通运营里程达到160公里。\n", "160公里", (2030, "2026-2030", "target")),
    "by-2027": (PLAN + "力争到2027年，数字经济核心产业增加值占比达到12%。\n", "12%", (2027, "", "target")),
    "this-year": (PLAN + "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n", "5%左右", (2026, "", "target")),
    "this-year-is-the-subject": (
        "二、“十五五”时期目标任务和2026年工作安排\n今年是实现“十五五”规划目标任务的关键一年。\n"
        "主要预期目标是：城镇新增就业18万人。\n", "18万人", (2026, "", "target")),
    "last-year-in-a-plan-part-ends-with-its-paragraph": (
        "四、全面提升政府治理效能\n过去一年，平均办理时间减少58%。\n市级一般性支出压减5%以上。\n", "5%以上",
        (2026, "", "target")),
    "last-year-in-a-plan-part": (
        "四、全面提升政府治理效能\n过去一年，平均办理时间减少58%。\n", "58%", (2025, "", "actual")),
    "since-the-plan-began-in-a-mid-plan-report": (
        "一、2022年工作回顾\n“十四五”以来，累计新增就业20万人。\n", "20万人", (2022, "2021-2022", "actual")),
    "bracketed-target-in-review": (REVIEW + "过去一年，地区生产总值增长4.1%（目标6.0%左右）。\n", "6.0%左右",
                                   (2025, "", "target")),
    "life-expectancy-is-not-a-target": (
        REVIEW + "五年来，人均预期寿命提高到80.5岁。\n", "80.5岁", (2025, "2021-2025", "actual")),
}


@pytest.mark.parametrize("body, text, expected", FRAME_CASES.values(), ids=FRAME_CASES.keys())
def test_frame(body, text, expected):
    head = HEAD.replace("2026", "2023") if "2022年工作回顾" in body else HEAD
    assert records(body, head)[text] == expected


# Patterns found by reading the corpus output: each a row, the rule in timeframe.py.
FRAME_CASES_FROM_READING = {
    "plan-name-as-a-label": (
        "三、2026年重点工作\n今年要加快建设“十四五”批复的6个大基地。\n", "6个", (2026, "", "target")),
    "outlook-to-2035": (
        "二、“十五五”时期主要目标任务\n纲要还展望了到2035年的奋斗目标，在“十五五”基础上再奋斗五年，人均地区生产总值比2020年增长80%。\n",
        "80%", (2035, "", "target")),
    "deadline-before-the-end-year": (
        "二、“十五五”时期主要目标任务\n“十五五”时期，2030年前碳达峰目标如期实现，粮食综合生产能力迈上1000亿斤新台阶。\n",
        "1000亿斤", (2030, "2026-2030", "target")),
    "higher-than-the-last-plan": (
        REVIEW + "五年来，地区生产总值年均增长4.5%，高于“十三五”时期1.2个百分点。\n", "1.2个百分点",
        (2025, "2021-2025", "actual")),
    "kind-of-indicator-is-no-target": (
        REVIEW + "“十四五”时期，5项预期性指标未能完成。\n", "5项", (2025, "2021-2025", "actual")),
    "to-a-named-year-in-a-period": (
        REVIEW + "五年来，人均地区生产总值从2020年的10.5万元提高到2025年的14万元左右。\n", "14万元左右",
        (2025, "", "actual")),
}


@pytest.mark.parametrize("body, text, expected", FRAME_CASES_FROM_READING.values(),
                         ids=FRAME_CASES_FROM_READING.keys())
def test_frame_from_reading(body, text, expected):
    assert records(body)[text] == expected


# Headings that broke the outline (hostile-input reproducers), kept as rows here.
OUTLINE_ROBUSTNESS = {
    "ordinal-typo-is-no-heading": (
        "一、2025年工作回顾\n（一一）坚持民生优先\n全年地区生产总值增长3.4%。\n", ["", "1"], 1),
    "part-typo-is-no-heading": ("一、2025年工作回顾\n九九、坚持民生优先\n全年增长3.4%。\n", ["", "1"], 1),
    "bare-note-word-midway": (
        "一、2025年工作回顾\n注释\n全年地区生产总值增长3.4%。\n二、2026年工作安排\n增长5%左右。\n",
        ["", "1", "2"], 2),
    "numbering-starts-again": (
        "一、2025年工作回顾\n全年增长3.4%。\n二、2026年工作安排\n增长6%左右。\n一、2024年工作回顾\n全年增长5.1%。\n",
        ["", "1", "2", "3"], 3),
}


@pytest.mark.parametrize("body, ids, count", OUTLINE_ROBUSTNESS.values(), ids=OUTLINE_ROBUSTNESS.keys())
def test_outline_robustness(body, ids, count):
    report = analyse(HEAD + body)
    assert [s.id for s in report.sections] == ids
    assert len(report.records) == count


def test_broken_numbering_is_a_warning_naming_the_report(caplog):
    body = "一、2025年工作回顾\n（一）甲\n（三）乙\n增长5%。\n三、2026年工作安排\n增长6%。\n"
    with caplog.at_level("WARNING", logger="luohu_cli"):
        report = analyse(HEAD + body, "r.txt")
    assert [s.id for s in report.sections] == ["", "1", "1.1", "1.3", "3"]
    assert [m for m in caplog.messages if "r.txt" in m] == [
        "r.txt: line 6: heading （三）乙 where 二 was expected",
        "r.txt: line 8: heading 三、2026年工作安排 where 二 was expected",
    ]


def test_a_second_report_after_a_glossary_is_read():
    body = ("一、2025年工作回顾\n增长5%。\n名词解释\n1.“四上”企业：规模以上企业。\n"
            "2025年某区政府工作报告\n一、2024年工作回顾\n全年增长4.8%。\n")
    report = analyse(HEAD + body)
    assert [r.text for r in report.records] == ["5%", "4.8%"]
    assert [s.id for s in report.sections] == ["", "1", "2", "3"]


# Found by annotating more layouts blind (fixtures/layouts/*.txt): each a row here too.
FRAME_CASES_MORE_LAYOUTS = {
    "last-year-then-this-year-in-one-sentence": (
        "去年区重点项目完成投资172亿元，今年力争增长8%。\n新增规上企业45家。\n", "45家", (2026, "", "target")),
    "that-year": (
        REVIEW + "五年来，经济总量年均增长6%。\n2025年，地区生产总值增长5.2%。\n这一年，我们发放消费券2.8亿元。\n",
        "2.8亿元", (2025, "", "actual")),
    "budget-figure-is-the-years-target": (
        REVIEW + "一般公共预算收入预算数为286.5亿元，决算数为291.3亿元，完成预算的101.7%。\n", "286.5亿元",
        (2025, "", "target")),
    "final-figure-beside-the-budget-is-a-result": (
        REVIEW + "一般公共预算收入预算数为286.5亿元，决算数为291.3亿元，完成预算的101.7%。\n", "291.3亿元",
        (2025, "", "actual")),
    "last-years-plan-quoted-in-a-review": (
        REVIEW + "一般公共预算收入年初计划增长5%，实际完成218.6亿元，增长5.8%，超过计划0.8个百分点。\n", "5%",
        (2025, "", "target")),
    "above-the-plan-is-a-result": (
        REVIEW + "一般公共预算收入年初计划增长5%，实际完成218.6亿元，增长5.8%，超过计划0.8个百分点。\n",
        "0.8个百分点", (2025, "", "actual")),
    "next-step-is-the-report-years-target": (
        REVIEW + "过去一年，民间投资下降6.3%。\n下一步，我们将确保规上工业增加值增长6%。\n", "6%",
        (2026, "", "target")),
    "times-a-base-year": (
        REVIEW + "五年来，一般公共预算收入年均增长13.6%，是2020年的1.9倍。\n", "1.9倍",
        (2025, "2021-2025", "actual")),
}


@pytest.mark.parametrize("body, text, expected", FRAME_CASES_MORE_LAYOUTS.values(),
                         ids=FRAME_CASES_MORE_LAYOUTS.keys())
def test_frame_more_layouts(body, text, expected):
    assert records(body)[text] == expected


WRAPPED = ("2019年某市政府工作报告\n各位代表：\n一、2018年工作回顾\n"
           + "　　全市地区生产总值完成1865.4亿元，增长7.2%，一般公共预算收入\n142.6亿元，增长8.5%。\n" * 6
           + "二、2019年工作安排\n"
           + "　　今年主要预期目标是：地区生产总值增长7%左右，力争到2020年高\n新技术产业增加值占比达到42%。\n" * 6)


def test_hard_wrapped_lines_are_read_as_sentences():
    records = {(r.line, r.text): (r.year, r.period, r.kind) for r in extract_text(WRAPPED)}
    assert records[(5, "142.6亿元")] == (2018, "", "actual")
    assert records[(18, "42%")] == (2020, "2016-2020", "target")


def test_a_heading_whose_bracket_was_lost_to_mojibake():
    body = "一、2025年工作回顾\n（三）甲\n增长5%。\n?。?四)坚持高位推动\n增长6%。\n"
    report = analyse(HEAD + body)
    assert [s.id for s in report.sections] == ["", "1", "1.3", "1.4"]


ROC_REPORT = ("雲嵐縣政府施政報告\n中華民國113年5月14日於雲嵐縣議會第20屆第3次定期大會\n"
              "議長、副議長、各位議員女士、先生：\n壹、前言\n感謝各位議員。\n貳、過去一年施政成果\n一、財政健全\n"
              "112年度本縣歲入決算新臺幣428.6億元，較111年度成長6.2%。\n參、今年施政重點\n一、產業升級\n"
              "預計於116年完成快速道路15.2公里。\n")


def test_a_report_dated_in_roc_years():
    assert delivery_year(clean(ROC_REPORT).simple, []) == 2024
    got = {r.text: (r.year, r.kind, r.section_id) for r in extract_text(ROC_REPORT)}
    assert got["428.6億元"] == (2023, "actual", "2.1")
    assert got["6.2%"] == (2023, "actual", "2.1")
    assert got["15.2公里"] == (2027, "target", "3.1")


MIDYEAR = ("关于某市2025年上半年国民经济和社会发展计划执行情况的报告\n"
           "——2025年7月28日在某市第十七届人民代表大会常务委员会第十九次会议上\n"
           "主任、各位副主任、各位委员：\n一、上半年计划执行情况\n"
           "上半年，规上工业增加值增长7.2%。去年同期增长5.1%。\n"
           "二、当前经济运行中需要关注的问题\n1-6月，工业企业亏损面达到18.6%。\n"
           "三、下半年主要工作\n新开工重点项目120个。\n")


def test_a_mid_year_report_reviews_its_own_year():
    got = {r.text: (r.year, r.kind) for r in extract_text(MIDYEAR)}
    assert got["7.2%"] == (2025, "actual")
    assert got["5.1%"] == (2024, "actual")
    assert got["18.6%"] == (2025, "actual")
    assert got["120个"] == (2025, "target")


def test_a_target_stated_in_a_review():
    body = REVIEW + "过去一年，全年目标为固定资产投资增长6%左右，实际增长4.6%。\n"
    got = records(body)
    assert got["6%左右"] == (2025, "", "target")
    assert got["4.6%"] == (2025, "", "actual")


def test_by_the_end_of_a_plan_the_sentence_names():
    head = HEAD.replace("2026", "2025")
    body = "二、2025年工作安排\n启动“十五五”规划编制，研究提出到2030年地区生产总值突破1800亿元的发展目标。\n"
    assert records(body, head)["突破1800亿元"] == (2030, "2026-2030", "target")


def test_by_the_end_of_the_report_year_is_that_year():
    head = HEAD.replace("2026", "2025")
    body = "二、2025年工作安排\n规上工业增加值增长6%，到2025年底高新技术企业达到1400家。\n"
    assert records(body, head)["1400家"] == (2025, "", "target")
    body = "二、2025年工作安排\n到2025年底，全面完成“十四五”规划目标，累计新增就业38万人。\n"
    assert records(body, head)["38万人"] == (2025, "2021-2025", "target")


def test_next_step_in_a_mid_year_report_is_a_target():
    report = ("关于某市2023年市级财政决算的报告\n——2024年6月25日在某市第十五届人民代表大会常务委员会第十二次会议上\n"
              "主任、各位副主任、各位委员：\n一、2023年市级决算情况\n市级一般公共预算收入决算数为291.3亿元。\n"
              "二、2024年1-5月预算执行情况\n今年1-5月，全市一般公共预算收入增长3.6%。\n"
              "下一步，确保完成全年一般公共预算收入增长3%的预期目标，全年压减一般性支出5%以上。\n")
    got = {r.text: (r.year, r.kind) for r in extract_text(report)}
    assert got["291.3亿元"] == (2023, "actual")
    assert got["3.6%"] == (2024, "actual")
    assert got["3%"] == (2024, "target")
    assert got["5%以上"] == (2024, "target")


def test_a_part_heading_whose_ordinal_was_left_out():
    head = "2019年某县政府工作报告\n——2019年1月10日在某县第十七届人民代表大会第四次会议上\n各位代表：\n"
    body = ("一、2018年工作回顾\n（一）产业发展\n新增规上工业企业21家。\n二、2019年主要任务\n（一）民生\n"
            "新建农村公路120公里。\n加强政府自身建设\n过去一年，“三公”经费下降8.2%。今年，一般性支出再压减5%以上。\n")
    got = {r.text: (r.year, r.kind, r.section_id) for r in extract_text(head + body)}
    assert got["120公里"] == (2019, "target", "2.1")
    assert got["8.2%"] == (2018, "actual", "3")
    assert got["5%以上"] == (2019, "target", "3")


EVALUATION = ("关于某市“十四五”规划纲要实施中期评估情况的报告\n"
              "——2023年8月29日在某市第十七届人民代表大会常务委员会第十一次会议上\n"
              "主任、各位副主任、各位委员：\n一、主要指标完成情况\n"
              "常住人口城镇化率达到67.5%，距离规划目标还有2.5个百分点。\n"
              "二、推进规划后半期实施的对策建议\n今年上半年，全市地区生产总值增长5.6%。\n"
              "对照规划目标，后半期要确保地区生产总值年均增长5.5%以上。\n今年，力争地区生产总值增长6%左右。\n")


def test_a_plans_mid_term_evaluation_reviews_the_year_before():
    """Delivered in August, it is no mid-year report: its results are the plan's years up to
    the year before; 今年上半年 is the report's own year so far; 后半期 is the plan's rest."""
    assert not delivery_year(clean(EVALUATION).simple, EVALUATION.split("\n")[:3]).midyear
    got = {r.text: (r.year, r.period, r.kind) for r in extract_text(EVALUATION)}
    assert got["67.5%"] == (2022, "", "actual")
    assert got["2.5个百分点"] == (2022, "", "actual")     # 目标还有: the gap left, not a target
    assert got["5.6%"] == (2023, "", "actual")
    assert got["5.5%以上"] == (2025, "2023-2025", "target")
    assert got["6%左右"] == (2023, "", "target")


def test_since_the_start_of_this_year_in_an_early_report():
    got = records("一、2025年工作回顾\n今年以来，全市新签约项目32个。\n")
    assert got["32个"] == (2026, "", "actual")
