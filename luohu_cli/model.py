"""The record every command speaks: one quantified indicator. No logic here."""
from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

# The spec's fields, in the spec's order; fields added later come last, so that
# the columns of CSV written before them keep their places: `value_high` (the
# high end of a range), then `period` (the span of years of a plan-period
# figure, ``2021-2025``; "" for a single year, which `year` then is).
FIELDS: tuple[str, ...] = (
    "report", "line", "start", "end", "section_id", "section", "year", "kind",
    "indicator", "value", "unit", "base_value", "base_unit", "qualifier",
    "direction", "text", "context", "value_high", "period",
)
INT_FIELDS = frozenset({"line", "start", "end", "year"})
DECIMAL_FIELDS = frozenset({"value", "base_value", "value_high"})


@dataclass(frozen=True)
class Indicator:
    report: str
    line: int
    start: int
    end: int
    section_id: str
    section: str
    year: int | None
    kind: str
    indicator: str
    value: Decimal
    unit: str
    base_value: Decimal
    base_unit: str
    qualifier: str
    direction: str
    text: str
    context: str
    value_high: Decimal | None = None
    period: str = ""  # "2021-2025" for a plan period (year is then 2025); "" for one year

    def as_strings(self) -> dict[str, str | int | None]:
        """Field name -> JSON-ready value: decimals as plain strings, ints kept."""
        out: dict[str, str | int | None] = {}
        for name in FIELDS:
            v = getattr(self, name)
            if name in INT_FIELDS:
                out[name] = v
            elif isinstance(v, Decimal):
                out[name] = format_decimal(v)
            else:
                out[name] = "" if v is None else v
        return out


def format_decimal(d: Decimal) -> str:
    """Plain decimal text, never an exponent: Decimal('2.6302E+11') -> '263020000000'."""
    s = format(d, "f")
    return s


assert tuple(f.name for f in fields(Indicator)) == FIELDS
