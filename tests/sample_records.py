"""Hand-made records shared by the list/filter/export tests (no engine involved).

Each one exercises something: both scripts, a range, a negative change, a
target, text a spreadsheet would run as a formula, figures too long for a
float, a record before the first heading, a second report, and a third
report with figures about plan periods (period 2021-2025, 2026-2030; year the
period's last year).
"""
from __future__ import annotations

from decimal import Decimal as D

from luohu_cli.model import Indicator

CONTEXT = "全年地區生產總值2630.2億元、增長3.4%,增速高于全市平均水平。"

SAMPLES: dict[str, Indicator] = {
    "gdp": Indicator(
        "a.txt", 9, 509, 517, "1", "一、2022年工作回顧", 2022, "actual", "地區生產總值",
        D("2630.2"), "億元", D("263020000000"), "元", "", "", "2630.2億元", CONTEXT),
    "gdp-rate": Indicator(
        "a.txt", 9, 520, 524, "1", "一、2022年工作回顧", 2022, "actual", "地區生產總值",
        D("3.4"), "%", D("3.4"), "%", "", "up", "3.4%", CONTEXT),
    "exports-down": Indicator(
        "a.txt", 20, 900, 905, "1.2", "一、2022年工作回顧 > （二）持續推動經濟高質量發展",
        2022, "actual", "进出口总额", D("-2.0"), "%", D("-2.0"), "%", "", "up", "-2.0%",
        "进出口总额增长-2.0%。"),
    "water-down": Indicator(
        "a.txt", 21, 950, 955, "1.2", "一、2022年工作回顧 > （二）持續推動經濟高質量發展",
        2022, "actual", "萬元GDP水耗", D("14.9"), "%", D("14.9"), "%", "", "down", "14.9%",
        "萬元GDP水耗下降14.9%。"),
    "range": Indicator(
        "a.txt", 58, 12074, 12082, "2", "二、2023年工作安排", 2023, "target", "增速",
        D("5.5"), "%", D("5.5E+0"), "%", "~", "up", "5.5-6%左右",
        '目標"增長5.5-6%左右",\n另起一行', D("6")),
    "shops": Indicator(
        "a.txt", 74, 20000, 20003, "2.3",
        "二、2023年工作安排 > （三）堅持提振、拉動內需", 2023, "target", "品牌首店",
        D("10"), "家", D("10"), "家", ">=", "", "10家以上", "引進品牌首店10家以上。"),
    "ten": Indicator(
        "a.txt", 80, 21000, 21004, "2.10",
        "二、2023年工作安排 > （十）堅持履職責", 2023, "target", "政務服務事項",
        D("40"), "項", D("40"), "项", "", "", "40項", "新增政務服務事項40項。"),
    "hostile": Indicator(
        "a.txt", 90, 22000, 22008, "2.3",
        "二、2023年工作安排 > （三）堅持提振、拉動內需", 2023, "target", "=HYPERLINK(\"x\")",
        D("1"), "億元", D("100000000"), "元", "", "", "+1億元", "-1億元;@SUM(A1)\t完"),
    "huge": Indicator(
        "b.txt", 3, 40, 60, "", "", None, "actual", "國家總債務",
        D("12345678.123456789"), "萬億元", D("12345678123456789000000"), "元", "~", "",
        "約12345678.123456789萬億元", "國家總債務約12345678.123456789萬億元。"),
    "plan-done": Indicator(
        "c.txt", 5, 300, 304, "1", "一、“十四五”時期回顧", 2025, "actual", "地區生產總值",
        D("5.5"), "%", D("5.5"), "%", "", "up", "5.5%", "“十四五”時期地區生產總值年均增長5.5%。",
        None, "2021-2025"),
    "plan-next": Indicator(
        "c.txt", 30, 2000, 2007, "2", "二、“十五五”時期目標", 2030, "target", "地區生產總值",
        D("5"), "%", D("5"), "%", "~", "up", "5%左右", "“十五五”時期地區生產總值年均增長5%左右。",
        None, "2026-2030"),
}


def sample(*names: str) -> list[Indicator]:
    return [SAMPLES[name] for name in names]


ALL = list(SAMPLES.values())
