"""Filter criteria (luohu_cli.select) on the hand-made sample records."""
from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luohu_cli.select import (
    Criteria, CriteriaError, PatternTimeout, compile_pattern, in_section, matches,
    parse_decimal, select,
)
from sample_records import ALL, SAMPLES

NAMES = {id(record): name for name, record in SAMPLES.items()}


def chosen(criteria: Criteria) -> list[str]:
    return [NAMES[id(r)] for r in select(ALL, criteria)]


# (criteria, the sample names that match, in order)
SELECT_CASES = [
    pytest.param(Criteria(), list(SAMPLES), id="no criteria keeps everything"),
    pytest.param(Criteria(section="1"),
                 ["gdp", "gdp-rate", "exports-down", "water-down", "plan-done"],
                 id="section takes its subsections"),
    pytest.param(Criteria(section="1.2"), ["exports-down", "water-down"], id="subsection"),
    pytest.param(Criteria(section="2.1"), [], id="2.1 is not 2.10"),
    pytest.param(Criteria(section="2.10"), ["ten"], id="section ten"),
    pytest.param(Criteria(section=""), ["huge"], id="before the first heading"),
    pytest.param(Criteria(year=2023), ["range", "shops", "ten", "hostile"], id="year"),
    pytest.param(Criteria(year=1999), [], id="year without records"),
    pytest.param(Criteria(kind="target"), ["range", "shops", "ten", "hostile", "plan-next"],
                 id="kind target"),
    pytest.param(Criteria(kind="actual", section="2"), [], id="criteria combine with AND"),
    pytest.param(Criteria(unit="億元"), ["gdp", "hostile"], id="unit as written"),
    pytest.param(Criteria(unit="亿元"), ["gdp", "hostile"], id="unit in the other script"),
    pytest.param(Criteria(unit="元"), [], id="unit is exact, not a substring"),
    pytest.param(Criteria(base_unit="元"), ["gdp", "hostile", "huge"], id="base unit"),
    pytest.param(Criteria(base_unit="項"), ["ten"], id="base unit in Traditional"),
    # 萬元GDP水耗 names GDP, which is 地区生产总值 (data/name_equivalents.tsv)
    pytest.param(Criteria(name="生產總值"),
                 ["gdp", "gdp-rate", "water-down", "plan-done", "plan-next"],
                 id="name as written"),
    pytest.param(Criteria(name="生产总值"),
                 ["gdp", "gdp-rate", "water-down", "plan-done", "plan-next"],
                 id="name Simplified finds Traditional"),
    pytest.param(Criteria(name="地區生產總值"), ["gdp", "gdp-rate", "water-down", "plan-done",
                                                   "plan-next"], id="name whole"),
    pytest.param(Criteria(name="進出口"), ["exports-down"], id="name Traditional finds Simplified"),
    pytest.param(Criteria(name="gdp"),
                 ["gdp", "gdp-rate", "water-down", "plan-done", "plan-next"],
                 id="name ignores Latin case, GDP is 地区生产总值"),
    pytest.param(Criteria(name="GDP", negated={"name"}), ["exports-down", "range", "shops",
                                                          "ten", "hostile", "huge"],
                 id="not name"),
    pytest.param(Criteria(kind="target", negated={"kind"}),
                 ["gdp", "gdp-rate", "exports-down", "water-down", "huge", "plan-done"],
                 id="not kind"),
    pytest.param(Criteria(kind="target", name="生产总值", negated={"name"}),
                 ["range", "shops", "ten", "hostile"], id="not one of two criteria"),
    pytest.param(Criteria(section="2", negated={"section"}),
                 ["gdp", "gdp-rate", "exports-down", "water-down", "huge", "plan-done"],
                 id="not section"),
    pytest.param(Criteria(minimum=Decimal("1e8"), negated={"min"}),
                 ["gdp-rate", "exports-down", "water-down", "range", "shops", "ten",
                  "plan-done", "plan-next"], id="not min"),
    # the sign rule: 增长3.4% up, 增长-2.0% down, 下降14.9% down; a level neither
    pytest.param(Criteria(change="up"), ["gdp-rate", "range", "plan-done", "plan-next"],
                 id="change up"),
    pytest.param(Criteria(change="down"), ["exports-down", "water-down"], id="change down"),
    pytest.param(Criteria(change="down", negated={"change"}),
                 [n for n in SAMPLES if n not in ("exports-down", "water-down")],
                 id="not change down keeps levels too"),
    pytest.param(Criteria(section="§2.10"), ["ten"], id="section as written, with §"),
    pytest.param(Criteria(grep=r"^地区"), ["gdp", "gdp-rate", "plan-done", "plan-next"],
                 id="grep on the name"),
    pytest.param(Criteria(grep=r"高于全市"), ["gdp", "gdp-rate"], id="grep on the context"),
    pytest.param(Criteria(grep=r"增[长長]-\d"), ["exports-down"], id="grep with a class"),
    pytest.param(Criteria(grep=r"\p{Han}{2}债务"), ["huge"], id="grep Simplified on Traditional"),
    pytest.param(Criteria(grep=r"HYPERLINK"), ["hostile"], id="grep ASCII"),
    pytest.param(Criteria(minimum=Decimal("1e8")), ["gdp", "hostile", "huge"], id="min inclusive"),
    pytest.param(Criteria(maximum=Decimal("-2.0")), ["exports-down"], id="max negative inclusive"),
    pytest.param(Criteria(minimum=Decimal("5.5"), maximum=Decimal("10")),
                 ["range", "shops", "plan-done"], id="min and max"),
    pytest.param(Criteria(minimum=Decimal("12345678123456789000000")), ["huge"],
                 id="min beyond a float's precision"),
    pytest.param(Criteria(minimum=Decimal("12345678123456789000001")), [],
                 id="min one above a huge value"),
    pytest.param(Criteria(qualifier="~"), ["range", "huge", "plan-next"], id="qualifier about"),
    pytest.param(Criteria(qualifier=">="), ["shops"], id="qualifier at least"),
    pytest.param(Criteria(qualifier="exact", section="1"),
                 ["gdp", "gdp-rate", "exports-down", "water-down", "plan-done"],
                 id="qualifier exact"),
    pytest.param(Criteria(direction="up"),
                 ["gdp-rate", "exports-down", "range", "plan-done", "plan-next"], id="direction up"),
    pytest.param(Criteria(direction="down"), ["water-down"], id="direction down"),
    pytest.param(Criteria(direction="level", kind="target"), ["shops", "ten", "hostile"],
                 id="direction level"),
    pytest.param(Criteria(period="2021-2025"), ["plan-done"], id="period"),
    pytest.param(Criteria(period="2026-2030"), ["plan-next"], id="period of the next plan"),
    pytest.param(Criteria(period="2016-2020"), [], id="period without records"),
    pytest.param(Criteria(period="none"),
                 [n for n in SAMPLES if not n.startswith("plan-")], id="period none"),
    pytest.param(Criteria(period="none", name="生产总值"), ["gdp", "gdp-rate", "water-down"],
                 id="period none with a name"),
    pytest.param(Criteria(year=2025), ["plan-done"], id="year finds a period by its last year"),
    pytest.param(Criteria(year=2030, period="2026-2030"), ["plan-next"], id="year and period"),
    pytest.param(Criteria(year=2025, period="2026-2030"), [], id="year outside the period"),
]


@pytest.mark.parametrize("criteria, names", SELECT_CASES)
def test_select(criteria, names):
    assert chosen(criteria) == names


BAD_CRITERIA = [
    pytest.param({"section": "2."}, "not a section id", id="section with a trailing dot"),
    pytest.param({"section": "二"}, "not a section id", id="section in Chinese"),
    pytest.param({"kind": "plan"}, "kind is actual or target", id="kind"),
    pytest.param({"qualifier": "about"}, "unknown qualifier", id="qualifier"),
    pytest.param({"direction": "sideways"}, "direction is up, down or level", id="direction"),
    pytest.param({"grep": "(unclosed"}, "invalid pattern", id="invalid pattern"),
    pytest.param({"minimum": Decimal("NaN")}, "not a finite number", id="NaN bound"),
    pytest.param({"period": "2025"}, "period is a span of years", id="period a single year"),
    pytest.param({"period": "2025-2021"}, "period is a span of years", id="period backwards"),
    pytest.param({"period": "2025-2025"}, "period is a span of years", id="period of one year"),
    pytest.param({"period": "2021-25"}, "period is a span of years", id="period short last year"),
    pytest.param({"period": "2021–2025"}, "period is a span of years", id="period with an en dash"),
    pytest.param({"period": "２０２１-２０２５"}, "period is a span of years",
                 id="period in full-width digits"),
    pytest.param({"period": "十四五"}, "period is a span of years", id="period by its plan name"),
    pytest.param({"period": ""}, "period is a span of years", id="period empty"),
    pytest.param({"change": "sideways"}, "change is up or down", id="change"),
    pytest.param({"negated": {"name"}}, "no --name given to invert", id="not without criterion"),
    pytest.param({"negated": {"colour"}, "name": "x"}, "--not takes a criterion",
                 id="not an unknown criterion"),
]


@pytest.mark.parametrize("values, message", BAD_CRITERIA)
def test_bad_criteria_raise(values, message):
    with pytest.raises(CriteriaError, match=message):
        Criteria(**values)


DECIMAL_CASES = [
    pytest.param("100", Decimal("100"), id="integer"),
    pytest.param("-2.0", Decimal("-2.0"), id="negative"),
    pytest.param(" 1e8 ", Decimal("1E+8"), id="exponent and spaces"),
    pytest.param("100亿", Decimal("1e10"), id="亿"),
    pytest.param("1億", Decimal("1e8"), id="億 in Traditional"),
    pytest.param("5万", Decimal("5e4"), id="万"),
    pytest.param("5萬", Decimal("5e4"), id="萬 in Traditional"),
    pytest.param("1.5万亿", Decimal("1.5e12"), id="万亿"),
    pytest.param("2兆", Decimal("2e12"), id="兆"),
    pytest.param("３千万", Decimal("3e7"), id="full-width digits and 千万"),
    pytest.param("-3.5亿", Decimal("-3.5e8"), id="negative with a magnitude"),
]


@pytest.mark.parametrize("text, number", DECIMAL_CASES)
def test_parse_decimal(text, number):
    assert parse_decimal(text) == number


@pytest.mark.parametrize("text", [
    pytest.param("abc", id="letters"), pytest.param("", id="empty"),
    pytest.param("inf", id="infinity"), pytest.param("1,000", id="thousands separator"),
    pytest.param("亿", id="a magnitude alone"), pytest.param("100亿元", id="a unit"),
    pytest.param("一百亿", id="Chinese numerals"),
])
def test_parse_decimal_refuses(text):
    with pytest.raises(CriteriaError):
        parse_decimal(text)


IN_SECTION_CASES = [
    pytest.param("2.3", "2", True, id="subsection in part"),
    pytest.param("2", "2", True, id="the part itself"),
    pytest.param("12", "1", False, id="12 is not under 1"),
    pytest.param("1.10", "1.1", False, id="1.10 is not under 1.1"),
    pytest.param("", "1", False, id="before the first heading is in no part"),
    pytest.param("", "", True, id="empty asks for before the first heading"),
    pytest.param("1", "", False, id="empty is not everything"),
]


@pytest.mark.parametrize("section_id, wanted, expected", IN_SECTION_CASES)
def test_in_section(section_id, wanted, expected):
    assert in_section(section_id, wanted) is expected


def test_a_runaway_pattern_is_stopped():
    record = SAMPLES["gdp"].__class__(**{**SAMPLES["gdp"].__dict__, "context": "a" * 40 + "!"})
    started = time.monotonic()
    with pytest.raises(PatternTimeout, match="takes too long"):
        list(select([record] * 50, Criteria(grep=r"(a|aa)+$"), timeout=0.2))
    assert time.monotonic() - started < 5


def test_the_grep_budget_is_for_all_records_together():
    record = SAMPLES["gdp"].__class__(**{**SAMPLES["gdp"].__dict__, "context": "a" * 22 + "!"})
    with pytest.raises(PatternTimeout):  # each search is quick, ten thousand are not
        list(select([record] * 10_000, Criteria(grep=r"(a|aa)+$"), timeout=0.05))


def test_compile_pattern_is_cached():
    assert compile_pattern("地區") is compile_pattern("地區")


def test_matches_one_record():
    assert matches(SAMPLES["shops"], Criteria(section="2", qualifier=">="))
    assert not matches(SAMPLES["shops"], Criteria(section="2", qualifier="~"))


def test_criteria_is_empty():
    assert Criteria().is_empty() and not Criteria(year=2022).is_empty()


NAME_CASES = [
    pytest.param("规上", "規模以上工業增加值", True, id="规上 finds 规模以上"),
    pytest.param("規上", "规上工业增加值", True, id="abbreviation in both"),
    pytest.param("GDP", "地區生產總值", True, id="GDP finds 地区生产总值"),
    pytest.param("gdp", "地区生产总值(GDP)", True, id="lower case"),
    pytest.param("规模以上工业增加值", "規上工業增加值", True, id="the long form finds the short"),
    pytest.param("居民人均可支配收入", "城鎮居民人均可支配收入", True, id="substring"),
    pytest.param("城镇居民", "居民人均可支配收入", False, id="a qualifier is not dropped"),
    pytest.param("新增", "新增上市企業", True, id="a filler word alone is a substring"),
    pytest.param("税收", "地区生产总值", False, id="unrelated"),
]


@pytest.mark.parametrize("wanted, name, expected", NAME_CASES)
def test_name_matches_with_the_equivalents_of_diff(wanted, name, expected):
    from luohu_cli.select import name_matches

    assert name_matches(wanted, name) is expected


SORT_CASES = [
    pytest.param("base_value", ["exports-down", "gdp-rate", "plan-next", "range", "plan-done",
                                "shops", "water-down", "ten", "hostile", "gdp", "huge"],
                 id="numbers as numbers"),
    pytest.param("-year,line", ["plan-next", "plan-done", "range", "shops", "ten", "hostile",
                                "gdp", "gdp-rate", "exports-down", "water-down", "huge"],
                 id="descending then ascending, empty last"),
    pytest.param("section_id", ["gdp", "gdp-rate", "plan-done", "exports-down", "water-down",
                                "range", "plan-next", "shops", "hostile", "ten", "huge"],
                 id="section ids in outline order, 2.3 before 2.10"),
]


@pytest.mark.parametrize("spec, names", SORT_CASES)
def test_sort_records(spec, names):
    from luohu_cli.select import parse_sort, sort_records

    assert [NAMES[id(r)] for r in sort_records(ALL, parse_sort(spec))] == names


def test_sort_refuses_an_unknown_field():
    from luohu_cli.select import parse_sort

    with pytest.raises(CriteriaError, match="cannot sort by 'colour'"):
        parse_sort("year,colour")


criteria_strategy = st.builds(
    Criteria,
    section=st.sampled_from([None, "", "1", "1.2", "2", "2.3"]),
    year=st.sampled_from([None, 2022, 2023, 2025]),
    period=st.sampled_from([None, "none", "2021-2025"]),
    kind=st.sampled_from([None, "actual", "target"]),
    base_unit=st.sampled_from([None, "%", "元"]),
    name=st.sampled_from([None, "生产", "GDP"]),
    minimum=st.sampled_from([None, Decimal(0), Decimal("1e8")]),
    qualifier=st.sampled_from([None, "exact", "~"]),
    direction=st.sampled_from([None, "up", "level"]),
)


@given(first=criteria_strategy, second=criteria_strategy)
def test_criteria_combine_as_and(first, second):
    both = {k: v for k, v in first.__dict__.items() if v is not None}
    both.update({k: v for k, v in second.__dict__.items() if v is not None})
    if any(first.__dict__[k] is not None and second.__dict__[k] is not None
           and first.__dict__[k] != second.__dict__[k] for k in both):
        return  # contradictory values for one criterion: not an AND of the two
    together = list(select(ALL, Criteria(**both)))
    assert together == [r for r in select(ALL, first) if matches(r, second)]
