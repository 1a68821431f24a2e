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
    pytest.param(Criteria(name="生產總值"), ["gdp", "gdp-rate", "plan-done", "plan-next"],
                 id="name as written"),
    pytest.param(Criteria(name="生产总值"), ["gdp", "gdp-rate", "plan-done", "plan-next"],
                 id="name Simplified finds Traditional"),
    pytest.param(Criteria(name="進出口"), ["exports-down"], id="name Traditional finds Simplified"),
    pytest.param(Criteria(name="gdp"), ["water-down"], id="name ignores Latin case"),
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
    pytest.param(Criteria(period="none", name="生产总值"), ["gdp", "gdp-rate"],
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
]


@pytest.mark.parametrize("values, message", BAD_CRITERIA)
def test_bad_criteria_raise(values, message):
    with pytest.raises(CriteriaError, match=message):
        Criteria(**values)


DECIMAL_CASES = [
    pytest.param("100", Decimal("100"), id="integer"),
    pytest.param("-2.0", Decimal("-2.0"), id="negative"),
    pytest.param(" 1e8 ", Decimal("1E+8"), id="exponent and spaces"),
]


@pytest.mark.parametrize("text, number", DECIMAL_CASES)
def test_parse_decimal(text, number):
    assert parse_decimal(text) == number


@pytest.mark.parametrize("text", [
    pytest.param("abc", id="letters"), pytest.param("", id="empty"),
    pytest.param("inf", id="infinity"), pytest.param("1,000", id="thousands separator"),
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
