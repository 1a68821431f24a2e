"""Targets against results: met, missed or unclear.

A target is a floor unless it says otherwise, and a result's own qualifier
widens what it can mean; the verdict compares the two as sets of values (see
:func:`verdict`). The tolerance of `~` (about) is ±0.5 percentage point on a
percentage and ±10 % of the figure otherwise.

    >>> from luohu_cli.model import Indicator
    >>> from decimal import Decimal as D
    >>> def fig(v, q="", kind="actual"):
    ...     return Indicator("r", 1, 0, 0, "", "", 2023, kind, "增速", D(v), "%", D(v), "%",
    ...                      q, "up", "", "")
    >>> verdict(fig("6.5", "~", "target"), fig("6.2")).value, verdict(fig("6.5", "~", "target"), fig("5.1")).value
    ('met', 'missed')
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from .model import Indicator

ONE = Decimal(1)
POS_INF, NEG_INF = Decimal("Infinity"), Decimal("-Infinity")
PERCENT_TOLERANCE = Decimal("0.5")   # `~` on a percentage: ± 0.5 percentage point
RELATIVE_TOLERANCE = Decimal("0.1")  # `~` on anything else: ± 10 % of the figure


class Verdict(str, enum.Enum):
    MET = "met"
    MISSED = "missed"
    UNCLEAR = "unclear"
    UNREPORTED = "unreported"  # no result for the target in the newer report


def magnitude(record: Indicator) -> Decimal:
    """base_value / value: 1e8 for 亿元; 1 when it cannot be told."""
    if record.value == 0 or record.base_value == 0:
        return ONE
    return record.base_value / record.value


def base_high(record: Indicator) -> Decimal | None:
    """The high end of a range with magnitudes applied; None for a single figure."""
    if record.value_high is None:
        return None
    return record.value_high * magnitude(record)


@dataclass(frozen=True)
class Interval:
    """A set of values; an open end excludes its bound. Infinite ends count as closed."""
    low: Decimal
    high: Decimal
    low_open: bool = False
    high_open: bool = False

    def flipped(self) -> Interval:
        return Interval(-self.high, -self.low, self.high_open, self.low_open)

    def within(self, other: Interval) -> bool:
        low_ok = self.low > other.low or (self.low == other.low and (self.low_open or not other.low_open))
        high_ok = self.high < other.high or (
            self.high == other.high and (self.high_open or not other.high_open))
        return low_ok and high_ok

    def overlaps(self, other: Interval) -> bool:
        low, low_open = max((self.low, self.low_open), (other.low, other.low_open))
        high, high_closed = min((self.high, not self.high_open), (other.high, not other.high_open))
        return low < high or (low == high and not low_open and high_closed)


def tolerance_for(record: Indicator) -> Decimal:
    """The ± read into `~` (about): 0.5 percentage point on a percentage, else 10 %."""
    if record.base_unit == "%":
        return PERCENT_TOLERANCE
    return abs(record.base_value) * RELATIVE_TOLERANCE


def verdict(target: Indicator, result: Indicator) -> Verdict:
    """met when every value the result can mean satisfies the target, missed when
    none does, unclear otherwise (or when a level meets a change).

    A target is a floor unless it says otherwise: exact (完成380亿元) and `>=`
    must be reached, `>` passed, `~` reached within the tolerance (exceeding
    it is met), `<=`/`<` are ceilings; a range is read from its low end. For
    a fall (下降3%) the floor is on the size of the fall. The result's own
    qualifier widens it: `~` by the same tolerance, `>`/`<` to infinity.
    """
    if (target.direction == "") != (result.direction == ""):
        return Verdict.UNCLEAR
    reading = _reading(result)
    if (target.direction == "down") != (result.direction == "down"):
        reading = reading.flipped()  # 增长-2% against a fall: a fall of 2
    wanted = _acceptable(target)
    if reading.within(wanted):
        return Verdict.MET
    return Verdict.UNCLEAR if reading.overlaps(wanted) else Verdict.MISSED


def _acceptable(target: Indicator) -> Interval:
    bound, qualifier = target.base_value, target.qualifier
    if qualifier in ("<=", "<"):
        return Interval(NEG_INF, bound, high_open=qualifier == "<")
    if qualifier == "~":
        bound -= tolerance_for(target)
    return Interval(bound, POS_INF, low_open=qualifier == ">")


def _reading(result: Indicator) -> Interval:
    low, qualifier = result.base_value, result.qualifier
    high = base_high(result)
    high = low if high is None else high
    if qualifier == "~":
        return Interval(low - tolerance_for(result), high + tolerance_for(result))
    if qualifier in (">", ">="):
        return Interval(low, POS_INF, low_open=qualifier == ">")
    if qualifier in ("<", "<="):
        return Interval(NEG_INF, low, high_open=qualifier == "<")
    return Interval(low, high)
