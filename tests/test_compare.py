"""Comparing two reports (luohu_cli.compare, luohu_cli.verdicts): pairing, statuses,
changes, target verdicts.

Almost every case is built by hand (`rec`), so that the cases say exactly what
they test whatever the extraction engine names things; a last group runs the
diff fixtures (fixtures/diff/, see its README) through the real engine and
checks only what does not hinge on naming details.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luohu_cli import compare
from luohu_cli.compare import (Mode, Status, Verdict, Years, align, choose_mode, diff,
                               name_similarity, pair_score, verdict)
from luohu_cli.model import Indicator, format_decimal
from luohu_cli.pipeline import Report, read_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
FIXTURES = ROOT / "fixtures" / "diff"

# unit as written -> (magnitude, base_unit)
UNITS = {
    "亿元": (Decimal("1e8"), "元"), "億元": (Decimal("1e8"), "元"), "万元": (Decimal("1e4"), "元"),
    "元": (Decimal(1), "元"), "%": (Decimal(1), "%"), "个百分点": (Decimal(1), "个百分点"),
    "百分点": (Decimal(1), "百分点"), "个": (Decimal(1), "个"), "個": (Decimal(1), "个"),
    "家": (Decimal(1), "家"), "套": (Decimal(1), "套"), "万户": (Decimal("1e4"), "户"),
    "微克/立方米": (Decimal(1), "微克/立方米"),
}
REVIEW = "一、2023年工作回顾"
PLAN = "二、2024年工作安排"


def rec(name: str, value: str, unit: str = "个", *, qualifier: str = "", direction: str = "",
        kind: str = "actual", year: int | None = 2023, section_id: str = "1",
        section: str = REVIEW, line: int = 1, text: str = "", context: str = "",
        high: str | None = None, period: str = "") -> Indicator:
    """A hand-built record; base value and unit follow from `unit`."""
    magnitude, base_unit = UNITS[unit]
    return Indicator(
        report="r", line=line, start=0, end=0, section_id=section_id, section=section,
        year=year, kind=kind, indicator=name, value=Decimal(value), unit=unit,
        base_value=Decimal(value) * magnitude, base_unit=base_unit, qualifier=qualifier,
        direction=direction, text=text or value + unit, context=context,
        value_high=None if high is None else Decimal(high), period=period)


def report(*records: Indicator, name: str = "r") -> Report:
    return Report(name, (), records)


def target(name: str, value: str, unit: str = "个", **kw) -> Indicator:
    kw.setdefault("section_id", "2")
    kw.setdefault("section", PLAN.replace("2024", "2023"))
    kw.setdefault("year", 2023)
    return rec(name, value, unit, kind="target", **kw)


# --- Names -----------------------------------------------------------------------

# id -> (old name, new name, paired?)
NAME_CASES = {
    "abbreviation-规上-is-规模以上": ("規模以上工業增加值", "規上工業增加值", True),
    "bracketed-gloss-GDP": ("地區生產總值(GDP)", "地區生產總值", True),
    "traditional-vs-simplified": ("社會消費品零售總額", "社会消费品零售总额", True),
    "local-budget-revenue": ("地方一般公共預算收入", "一般公共預算收入", True),
    "filler-新增-dropped": ("新增持牌金融機構", "持牌金融機構", True),
    "quotes-dropped": ("“專精特新”企業", "专精特新企业", True),
    "urban-qualifier-not-paired": ("居民人均可支配收入", "城鎮居民人均可支配收入", False),
    "urban-vs-rural-not-paired": ("城镇居民人均可支配收入", "农村居民人均可支配收入", False),
    "per-capita-not-paired": ("地区生产总值", "人均地区生产总值", False),
    "above-scale-vs-all-industry": ("工业增加值", "规上工业增加值", False),
    "trade-vs-exports": ("进出口总额", "出口总额", False),
    "little-giants-vs-all": ("专精特新小巨人企业", "专精特新企业", False),
    "other-numbers": ("地铁14号线", "地铁17号线", False),
    "unrelated": ("公共住房", "养老床位", False),
    "one-unnamed": ("", "公共住房", False),
}


@pytest.mark.parametrize("old, new, paired", NAME_CASES.values(), ids=NAME_CASES.keys())
def test_names_pair_only_when_they_measure_the_same(old, new, paired):
    pairs = align([rec(old, "1")], [rec(new, "2")])
    assert (len(pairs) == 1) is paired, pairs


def test_a_contained_name_pairs_but_is_doubtful():
    [pair] = align([rec("公共住房", "8400", "套")], [rec("保障性公共住房", "8012", "套")])
    assert pair.old is not None and pair.new is not None
    assert pair.doubtful


def test_the_same_name_in_the_same_place_is_sure():
    [pair] = align([rec("公共住房", "8400", "套")], [rec("公共住房", "8012", "套")])
    assert pair.score >= compare.DOUBTFUL_BELOW and not pair.doubtful


def test_name_similarity_is_an_exact_decimal():
    assert name_similarity("社会消费品零售总额", "社会消费品零售额") == Decimal(1)
    assert isinstance(name_similarity("公共住房", "公共服务"), Decimal)


# --- Units -------------------------------------------------------------------------

# id -> (old (value, unit), new (value, unit), paired?)
UNIT_CASES = {
    "yi-and-wan-yuan-pair": (("127", "亿元"), ("1270000", "万元"), True),
    "percent-never-with-points": (("3.4", "%"), ("3.4", "个百分点"), False),
    "points-with-bare-points": (("1.2", "个百分点"), ("1.2", "百分点"), True),
    "money-never-with-counts": (("5", "亿元"), ("5", "个"), False),
}


@pytest.mark.parametrize("old, new, paired", UNIT_CASES.values(), ids=UNIT_CASES.keys())
def test_records_pair_only_with_a_compatible_unit(old, new, paired):
    pairs = align([rec("一般公共预算收入", *old)], [rec("一般公共预算收入", *new)])
    assert (len(pairs) == 1) is paired


def test_yi_and_wan_yuan_of_the_same_amount_are_the_same_figure():
    result = diff(report(rec("一般公共预算收入", "127", "亿元")),
                  report(rec("一般公共预算收入", "1270000", "万元")))
    assert [row.status for row in result.rows] == [Status.SAME]
    assert result.differences == ()


def test_pair_score_refuses_other_units():
    assert pair_score(rec("增速", "3.4", "%"), rec("增速", "3.4", "个百分点")) is None


# --- Plan periods ------------------------------------------------------------------


def growth(value: str, period: str = "", year: int = 2025, **kw) -> Indicator:
    """地区生产总值 growth; with a period, the plan period's yearly average."""
    return rec("地区生产总值", value, "%", direction="up", year=year, period=period, **kw)


# id -> (old record, new record, paired?)
PERIOD_CASES = {
    "same-plan-period-pairs": (growth("5.5", "2021-2025"), growth("5.6", "2021-2025"), True),
    "period-never-with-single-year-of-its-last-year": (growth("5.5", "2021-2025"), growth("5.5"),
                                                       False),
    "single-year-never-with-period": (growth("5.5"), growth("5.5", "2021-2025"), False),
    "period-never-with-next-period": (growth("5.5", "2021-2025"),
                                      growth("5.5", "2026-2030", year=2030), False),
    "single-years-pair-as-before": (growth("5.2"), growth("5.3"), True),
    "period-targets-pair": (growth("5", "2026-2030", year=2030, kind="target"),
                            growth("5", "2026-2030", year=2030, kind="target"), True),
}


@pytest.mark.parametrize("old, new, paired", PERIOD_CASES.values(), ids=PERIOD_CASES.keys())
def test_records_pair_only_within_one_period(old, new, paired):
    pairs = align([old], [new])
    assert (len(pairs) == 1) is paired, pairs
    assert (pair_score(old, new) is not None) is paired


def test_a_period_figure_and_a_single_year_figure_of_one_name_pair_with_their_own():
    old = [growth("5.5", "2021-2025", line=1), growth("5.2", line=2)]
    new = [growth("5.2", line=1), growth("5.5", "2021-2025", line=2)]  # order swapped
    result = diff(report(*old), report(*new), mode="version")
    assert [(r.status, r.old.period, r.new.period) for r in result.rows] == [
        (Status.SAME, "", ""), (Status.SAME, "2021-2025", "2021-2025")]


def test_a_changed_period_figure_is_a_change_of_that_period():
    old = [growth("5.5", "2021-2025"), growth("5.2", line=2)]
    new = [growth("5.6", "2021-2025"), growth("5.2", line=2)]
    [row] = diff(report(*old), report(*new), mode="version").differences
    assert row.status is Status.CHANGED and row.record.period == "2021-2025"
    assert row.change == Decimal("0.1")


def test_report_years_leave_plan_periods_out():
    records = [growth("5.2", kind="actual"), growth("5", "2026-2030", year=2030, kind="target"),
               growth("5.5", "2026-2030", year=2030, kind="target"), target("学位", "10", year=2026)]
    assert compare.report_years(records) == Years(2025, 2026)


def test_a_period_target_is_judged_against_the_result_of_its_period():
    old = report(growth("5.3", year=2024), target("地区生产总值", "5", "%", direction="up", year=2025),
                 target("地区生产总值", "5.5", "%", direction="up", year=2025, period="2021-2025"))
    new = report(growth("5.2"), growth("5.6", "2021-2025"),
                 target("地区生产总值", "5", "%", direction="up", year=2026))
    result = diff(old, new)
    assert result.target_year == 2025
    rows = [(r.old.period, r.new and r.new.value, r.verdict)
            for r in result.rows if r.status is Status.TARGET]
    assert rows == [("", Decimal("5.2"), Verdict.MET), ("2021-2025", Decimal("5.6"), Verdict.MET)]


# --- Pairing one-to-one ----------------------------------------------------------------


def test_namesakes_pair_by_figure_and_position():
    old = [rec("居民", "6.2", "万户", line=1), rec("居民", "2.6", "万户", line=2)]
    new = [rec("居民", "6.2", "万户", line=1), rec("居民", "2.8", "万户", line=2)]
    pairs = align(old, new)
    assert [(p.old.value, p.new.value) for p in pairs] == [
        (Decimal("6.2"), Decimal("6.2")), (Decimal("2.6"), Decimal("2.8"))]


def test_unpaired_records_keep_their_place():
    old = [rec("甲", "1", line=1), rec("乙", "2", line=2), rec("丙", "3", line=3)]
    new = [rec("甲", "1", line=1), rec("丙", "3", line=2), rec("丁", "4", line=3)]
    shape = [(p.old and p.old.indicator, p.new and p.new.indicator) for p in align(old, new)]
    assert shape == [("甲", "甲"), ("乙", None), ("丙", "丙"), (None, "丁")]


def test_targets_pair_with_targets_and_results_with_results():
    old = [rec("公共住房", "6111", "套"), target("公共住房", "8400", "套")]
    new = [rec("公共住房", "6111", "套"), target("公共住房", "8400", "套")]
    assert all(p.old.kind == p.new.kind for p in align(old, new))


def test_a_level_and_a_change_of_one_name_pair_with_their_own():
    old = [rec("地区生产总值", "2630.2", "亿元"), rec("地区生产总值", "3.4", "%", direction="up")]
    new = [rec("地区生产总值", "2750.3", "亿元"), rec("地区生产总值", "5.1", "%", direction="up")]
    pairs = align(old, new)
    assert [(p.old.unit, p.new.unit) for p in pairs] == [("亿元", "亿元"), ("%", "%")]
    assert not any(p.doubtful for p in pairs)


NAMES = st.sampled_from(["地区生产总值", "公共住房", "居民", "学位", "城镇居民人均可支配收入", ""])
RECORDS = st.builds(lambda name, value, unit, kind: rec(name, str(value), unit, kind=kind),
                    NAMES, st.integers(0, 50), st.sampled_from(["个", "亿元", "%", "套"]),
                    st.sampled_from(["actual", "target"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(RECORDS, max_size=8), st.lists(RECORDS, max_size=8))
def test_every_record_is_used_exactly_once(old, new):
    pairs = align(old, new)
    assert sorted(id(p.old) for p in pairs if p.old) == sorted(map(id, old))
    assert sorted(id(p.new) for p in pairs if p.new) == sorted(map(id, new))


@settings(max_examples=60, deadline=None)
@given(st.lists(RECORDS, max_size=8))
def test_a_report_has_no_difference_with_itself(records):
    numbered = [rec(r.indicator, str(r.value), r.unit, kind=r.kind, line=k)
                for k, r in enumerate(records, 1)]
    assert diff(report(*numbered), report(*numbered)).differences == ()


# --- Version mode: statuses ---------------------------------------------------------------

BASE = rec("固定资产投资", "380", "亿元", context="固定资产投资完成380亿元。")

# id -> (new record, expected status)
STATUS_CASES = {
    "identical": (BASE, Status.SAME),
    "other-text-and-context-only": (
        rec("固定資產投資", "380", "億元", text="380億元", context="固定資產投資(tóu)完成380億元。",
            line=7), Status.SAME),
    "other-section-only": (rec("固定资产投资", "380", "亿元", section_id="1.2",
                               section=REVIEW + " > （二）经济"), Status.SAME),
    "value": (rec("固定资产投资", "400", "亿元"), Status.CHANGED),
    "qualifier": (rec("固定资产投资", "380", "亿元", qualifier=">"), Status.CHANGED),
    "direction": (rec("固定资产投资", "380", "亿元", direction="up"), Status.CHANGED),
    "range-high-end": (rec("固定资产投资", "380", "亿元", high="400"), Status.CHANGED),
}


@pytest.mark.parametrize("new, status", STATUS_CASES.values(), ids=STATUS_CASES.keys())
def test_version_status(new, status):
    [row] = diff(report(BASE), report(new), mode="version").rows
    assert row.status is status


def test_added_and_removed():
    result = diff(report(rec("甲", "1"), rec("乙", "2")), report(rec("甲", "1"), rec("丙", "3")))
    assert [(r.status, r.record.indicator) for r in result.rows] == [
        (Status.SAME, "甲"), (Status.REMOVED, "乙"), (Status.ADDED, "丙")]
    assert [r.status for r in result.differences] == [Status.REMOVED, Status.ADDED]
    assert [r.status for r in result.shown()] == [Status.REMOVED, Status.ADDED]
    assert len(result.shown(everything=True)) == 3


def test_a_direction_change_is_doubtful():
    [row] = diff(report(BASE), report(STATUS_CASES["direction"][0])).rows
    assert row.doubtful


def test_rows_are_grouped_by_section_in_order():
    old = [rec("甲", "1", section_id="1.10"), rec("乙", "2", section_id="1.9"), rec("丙", "3", section_id="")]
    result = diff(report(*old), report())
    assert [r.old.section_id for r in result.rows] == ["", "1.9", "1.10"]


# --- Mode -----------------------------------------------------------------------------------

# id -> (old years, new years, mode)
MODE_CASES = {
    "same-years": (Years(2022, 2023), Years(2022, 2023), Mode.VERSION),
    "next-year": (Years(2022, 2023), Years(2023, 2024), Mode.YEAR),
    "earlier-year": (Years(2023, 2024), Years(2022, 2023), Mode.YEAR),
    "plan-dropped-same-review": (Years(2022, 2023), Years(2022, None), Mode.VERSION),
    "review-only-next-year": (Years(2022, None), Years(2023, None), Mode.YEAR),
    "no-years": (Years(None, None), Years(None, None), Mode.VERSION),
    "years-against-none": (Years(2022, 2023), Years(None, None), Mode.VERSION),
}


@pytest.mark.parametrize("old, new, mode", MODE_CASES.values(), ids=MODE_CASES.keys())
def test_mode_from_years(old, new, mode):
    assert choose_mode(old, new) is mode


def test_mode_is_chosen_from_the_records_and_can_be_forced():
    old = report(rec("甲", "1", year=2022), target("甲", "2"))
    new = report(rec("甲", "2", year=2023), target("甲", "3", year=2024))
    assert diff(old, new).mode is Mode.YEAR
    assert diff(old, new, mode="version").mode is Mode.VERSION
    assert diff(old, new, mode=Mode.VERSION).target_year is None


# --- Year mode: changes -------------------------------------------------------------------

# id -> (old record, new record, change, change unit, relative change or None)
CHANGE_CASES = {
    "money-in-the-newer-unit": (rec("地区生产总值", "2630.2", "亿元"), rec("地区生产总值", "2750.3", "亿元"),
                                "120.1", "亿元", "4.6"),
    "yi-to-wan": (rec("收入", "1", "亿元"), rec("收入", "12000", "万元"), "2000", "万元", "20.0"),
    "traditional-unit-in-simplified": (rec("收入", "1", "億元"), rec("收入", "2", "億元"),
                                       "1", "亿元", "100.0"),
    "percent-in-points": (rec("增速", "3.4", "%", direction="up"), rec("增速", "5.1", "%", direction="up"),
                          "1.7", "个百分点", None),
    "points-no-relative": (rec("比重", "1.2", "个百分点"), rec("比重", "1.5", "个百分点"),
                           "0.3", "个百分点", None),
    "from-zero-no-relative": (rec("学校", "0", "个"), rec("学校", "5", "个"), "5", "个", None),
    "a-fall": (rec("公共住房", "8400", "套"), rec("公共住房", "8012", "套"), "-388", "套", "-4.6"),
}


@pytest.mark.parametrize("old, new, change, unit, relative", CHANGE_CASES.values(),
                         ids=CHANGE_CASES.keys())
def test_change_and_relative_change(old, new, change, unit, relative):
    from luohu_cli.diff_render import rounded

    found, found_unit, found_relative = compare.measure_change(old, new)
    assert found == Decimal(change) and found_unit == unit
    assert (None if found_relative is None else str(rounded(found_relative))) == relative


def test_relative_change_is_exact_until_displayed():
    _, _, relative = compare.measure_change(rec("甲", "3", "个"), rec("甲", "4", "个"))
    assert isinstance(relative, Decimal) and str(relative).startswith("33.3333333")


def test_no_change_between_a_level_and_a_change():
    assert compare.measure_change(rec("甲", "3", "%"), rec("甲", "4", "%", direction="up")) == (
        None, "", None)


# --- Year mode: targets against results ---------------------------------------------------

# id -> (target record, result record, verdict). Tolerance of `~`: ±0.5 percentage
# point on a percentage, ±10 % of the figure otherwise.
VERDICT_CASES = {
    "exact-reached": (target("学位", "4500"), rec("学位", "4620"), Verdict.MET),
    "exact-equal": (target("学位", "4500"), rec("学位", "4500"), Verdict.MET),
    "exact-short": (target("学位", "4500"), rec("学位", "4400"), Verdict.MISSED),
    "exact-against-about-result": (target("学位", "4500"), rec("学位", "4500", qualifier="~"),
                                   Verdict.UNCLEAR),
    "exact-against-more-than-result": (target("学位", "4500"), rec("学位", "4500", qualifier=">"),
                                       Verdict.MET),
    "about-within-tolerance": (target("增速", "6.5", "%", qualifier="~", direction="up"),
                               rec("增速", "6.2", "%", direction="up"), Verdict.MET),
    "about-at-the-edge": (target("增速", "6.5", "%", qualifier="~", direction="up"),
                          rec("增速", "6.0", "%", direction="up"), Verdict.MET),
    "about-below-tolerance": (target("增速", "6.5", "%", qualifier="~", direction="up"),
                              rec("增速", "5.1", "%", direction="up"), Verdict.MISSED),
    "about-exceeded": (target("增速", "6.5", "%", qualifier="~", direction="up"),
                       rec("增速", "7.4", "%", direction="up"), Verdict.MET),
    "about-against-about-result": (target("增速", "6.5", "%", qualifier="~", direction="up"),
                                   rec("增速", "6.0", "%", qualifier="~", direction="up"),
                                   Verdict.UNCLEAR),
    "about-amount-within-10-percent": (target("金融业增加值", "1000", "亿元", qualifier="~"),
                                       rec("金融业增加值", "901", "亿元"), Verdict.MET),
    "about-amount-beyond-10-percent": (target("金融业增加值", "1000", "亿元", qualifier="~"),
                                       rec("金融业增加值", "899", "亿元"), Verdict.MISSED),
    "at-least-passed": (target("机构", "6", "家", qualifier=">="), rec("机构", "8", "家"), Verdict.MET),
    "at-least-equal": (target("优良率", "95", "%", qualifier=">="), rec("优良率", "95", "%"), Verdict.MET),
    "at-least-short": (target("优良率", "95", "%", qualifier=">="), rec("优良率", "94.5", "%"),
                       Verdict.MISSED),
    "at-least-against-more-than-result": (target("机构", "6", "家", qualifier=">="),
                                          rec("机构", "6", "家", qualifier=">"), Verdict.MET),
    "at-least-against-about-result": (target("机构", "6", "家", qualifier=">="),
                                      rec("机构", "6", "家", qualifier="~"), Verdict.UNCLEAR),
    "at-least-against-under-result": (target("机构", "6", "家", qualifier=">="),
                                      rec("机构", "6", "家", qualifier="<"), Verdict.MISSED),
    "more-than-equal": (target("机构", "6", "家", qualifier=">"), rec("机构", "6", "家"), Verdict.MISSED),
    "more-than-passed": (target("机构", "6", "家", qualifier=">"), rec("机构", "7", "家"), Verdict.MET),
    "at-most-below": (target("浓度", "17", "微克/立方米", qualifier="<="),
                      rec("浓度", "16.3", "微克/立方米"), Verdict.MET),
    "at-most-equal": (target("浓度", "17", "微克/立方米", qualifier="<="),
                      rec("浓度", "17", "微克/立方米"), Verdict.MET),
    "at-most-above": (target("浓度", "17", "微克/立方米", qualifier="<="),
                      rec("浓度", "17.5", "微克/立方米"), Verdict.MISSED),
    "at-most-against-a-lower-ceiling": (target("失业率", "5.5", "%", qualifier="<="),
                                        rec("失业率", "5", "%", qualifier="<="), Verdict.MET),
    "at-most-against-a-higher-ceiling": (target("失业率", "5.5", "%", qualifier="<="),
                                         rec("失业率", "6", "%", qualifier="<="), Verdict.UNCLEAR),
    "under-equal": (target("失业率", "5", "%", qualifier="<"), rec("失业率", "5", "%"), Verdict.MISSED),
    "under-below": (target("失业率", "5", "%", qualifier="<"), rec("失业率", "4.9", "%"), Verdict.MET),
    "fall-bigger": (target("能耗", "3", "%", direction="down"), rec("能耗", "3.5", "%", direction="down"),
                    Verdict.MET),
    "fall-smaller": (target("能耗", "3", "%", direction="down"), rec("能耗", "2", "%", direction="down"),
                     Verdict.MISSED),
    "fall-against-negative-growth": (target("能耗", "3", "%", direction="down"),
                                     rec("能耗", "-4", "%", direction="up"), Verdict.MET),
    "fall-against-growth": (target("能耗", "3", "%", direction="down"),
                            rec("能耗", "1", "%", direction="up"), Verdict.MISSED),
    "growth-against-fall": (target("增速", "3", "%", direction="up"),
                            rec("增速", "1.2", "%", direction="down"), Verdict.MISSED),
    "growth-against-a-level": (target("增速", "3", "%", direction="up"), rec("增速", "3", "%"),
                               Verdict.UNCLEAR),
    "range-low-end-reached": (target("增速", "5.5", "%", direction="up", high="6"),
                              rec("增速", "5.7", "%", direction="up"), Verdict.MET),
    "range-low-end-short": (target("增速", "5.5", "%", direction="up", high="6"),
                            rec("增速", "5.0", "%", direction="up"), Verdict.MISSED),
    "yi-target-wan-result": (target("收入", "127", "亿元"), rec("收入", "1286000", "万元"), Verdict.MET),
}


@pytest.mark.parametrize("goal, result, expected", VERDICT_CASES.values(), ids=VERDICT_CASES.keys())
def test_verdict(goal, result, expected):
    assert verdict(goal, result) is expected


def year_reports() -> tuple[Report, Report]:
    old = report(rec("公共住房", "6111", "套", year=2022), target("公共住房", "8400", "套"),
                 target("学位", "4500"), target("养老床位", "240", "个"), name="old")
    new = report(rec("公共住房", "8012", "套", line=2), rec("学位", "4620", line=3),
                 target("公共住房", "6000", "套", year=2024, line=9), name="new")
    return old, new


def test_target_rows_when_the_new_results_are_for_the_old_target_year():
    result = diff(*year_reports())
    assert result.mode is Mode.YEAR and result.target_year == 2023
    targets = [(r.old.indicator, r.verdict) for r in result.rows if r.status is Status.TARGET]
    assert targets == [("公共住房", Verdict.MISSED), ("学位", Verdict.MET),
                       ("养老床位", Verdict.UNREPORTED)]


def test_unreported_targets_are_hidden_unless_everything_is_shown():
    result = diff(*year_reports())
    assert Verdict.UNREPORTED not in {r.verdict for r in result.shown()}
    assert Verdict.UNREPORTED in {r.verdict for r in result.shown(everything=True)}


def test_target_rows_do_not_count_as_differences():
    result = diff(*year_reports())
    assert all(r.status is not Status.TARGET for r in result.differences)


def test_a_target_row_carries_the_tolerance_of_about():
    old = report(target("增速", "6.5", "%", qualifier="~", direction="up"))
    new = report(rec("增速", "5.1", "%", direction="up"), target("增速", "5.5", "%", year=2024))
    [row] = [r for r in diff(old, new).rows if r.status is Status.TARGET]
    assert row.tolerance == Decimal("0.5") and row.change == Decimal("-1.4")


def test_no_target_rows_when_the_years_do_not_meet():
    old = report(rec("甲", "1", year=2021), target("甲", "2", year=2022))
    new = report(rec("甲", "2", year=2023), target("甲", "3", year=2024))
    result = diff(old, new)
    assert result.mode is Mode.YEAR and result.target_year is None
    assert all(r.status is not Status.TARGET for r in result.rows)


# --- The diff fixtures through the real engine ------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Report:
    return read_report(SEED)


def fixture_diff(seed: Report, name: str):
    return diff(seed, read_report(FIXTURES / name))


def figure(record: Indicator | None) -> tuple[str, str, str] | None:
    return None if record is None else (format_decimal(record.base_value.normalize()), record.base_unit,
                                        record.qualifier)


def test_noisy_traditional_and_clean_simplified_copies_show_no_difference(seed):
    result = fixture_diff(seed, "luohu-2023-simplified.txt")
    assert result.mode is Mode.VERSION
    assert result.differences == ()


def test_a_moved_paragraph_is_no_difference(seed):
    assert fixture_diff(seed, "luohu-2023-rev-moved.txt").differences == ()


def test_a_deleted_sentence_shows_its_figure_removed(seed):
    result = fixture_diff(seed, "luohu-2023-rev-deleted.txt")
    assert [(r.status, figure(r.old)) for r in result.differences] == [
        (Status.REMOVED, ("800", "项", ""))]


def test_changed_figures_are_listed_and_a_unit_change_alone_is_not(seed):
    result = fixture_diff(seed, "luohu-2023-rev-figures.txt")
    changed = {(figure(r.old), figure(r.new)) for r in result.differences}
    assert changed == {
        (("263020000000", "元", ""), ("263050000000", "元", "")),
        (("6.5", "%", "~"), ("6", "%", "~")),
        (("38000000000", "元", ""), ("40000000000", "元", "")),
        (("4500", "个", ""), ("5000", "个", "")),
        (("95", "%", ">="), ("95", "%", "~")),
    }
    assert all(r.status is Status.CHANGED for r in result.differences)


# target (base value, base unit) -> verdict, for the seed's 2023 targets in the 2024 review
REVIEW_VERDICTS = {
    ("6.5", "%"): Verdict.MISSED,         # 地區生產總值 ~6.5% -> 5.1%
    ("12700000000", "元"): Verdict.MET,    # 地方一般公共預算收入 127億元 -> 128.6億元
    ("38000000000", "元"): Verdict.MISSED,  # 固定資產投資 380億元 -> 362億元
    ("5", "%"): Verdict.MET,              # 社會消費品零售總額 5.0% -> 6.2%
    ("3", "%"): Verdict.MET,              # 規模以上 3.0% -> 規上 3.3%
    ("17", "微克/立方米"): Verdict.MET,     # PM2.5 <=17 -> 16.3
    ("95", "%"): Verdict.MISSED,          # 空氣質量優良率 >=95% -> 94.5%
    ("4500", "个"): Verdict.MET,           # 公辦學位 4500 -> 4620
    ("8400", "套"): Verdict.MISSED,        # 公共住房 8400 -> 8012
    ("150", "家"): Verdict.UNCLEAR,        # 國高企業 150 -> 近150
    ("5.5", "%"): Verdict.MET,            # 城鎮調查失業率 <=5.5% -> <=5%
}


@pytest.fixture(scope="module")
def review(seed):
    return fixture_diff(seed, "luohu-2024-review.txt")


def test_next_year_review_is_compared_by_year(review):
    assert review.mode is Mode.YEAR and review.target_year == 2023


@pytest.mark.parametrize("key", REVIEW_VERDICTS, ids=lambda k: "".join(k))
def test_next_year_review_meets_and_misses_the_seed_targets(review, key):
    found = {figure(r.old)[:2]: r.verdict for r in review.rows
             if r.status is Status.TARGET and r.new is not None}
    assert found.get(key) is REVIEW_VERDICTS[key]
