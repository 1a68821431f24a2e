"""Phrase -> records, one case per id: the shapes of spec §1 and §3.

Each case lists the records expected in order, with only the fields that
matter to it.  Decided borderline rules are written down here as cases.
"""
from __future__ import annotations

import pytest

from luohu_cli import extract_text


def R(text, value, unit, base_value=None, base_unit=None, qualifier="", direction="", **more):
    record = {"text": text, "value": value, "unit": unit, "qualifier": qualifier,
              "direction": direction, **more}
    if base_value is not None:
        record["base_value"] = base_value
    if base_unit is not None:
        record["base_unit"] = base_unit
    return record


FIGURE_CASES = {
    "level-and-growth": ("全年地区生产总值2630.2亿元、增长3.4%。", [
        R("2630.2亿元", "2630.2", "亿元", "263020000000", "元", indicator="地区生产总值"),
        R("3.4%", "3.4", "%", "3.4", "%", direction="up", indicator="地区生产总值")]),
    "traditional-with-glosses": ("全年地區(qū)生產(chǎn)總值2630.2億元。", [
        R("2630.2億元", "2630.2", "億元", "263020000000", "元", indicator="地區生產總值")]),
    "near-thousand-yi": ("金融业增加值近千亿元。", [
        R("近千亿元", "1000", "亿元", "100000000000", "元", "~", indicator="金融业增加值")]),
    "near-ten-thousand": ("服务商事主体近万家。", [R("近万家", "1", "万家", "10000", "家", "~")]),
    "share-in-cheng": ("占财政支出比重近八成。", [R("近八成", "8", "成", "80", "%", "~")]),
    "share-cheng-above": ("覆盖率三成以上。", [R("三成以上", "3", "成", "30", "%", ">=")]),
    "percent-in-words": ("增长百分之七点八。", [R("百分之七点八", "7.8", "%", "7.8", "%", direction="up")]),
    "fraction": ("占全市四分之一。", [R("四分之一", "25", "%", "25", "%")]),
    "chinese-money": ("全年收入六千二百六十一亿元。", [R("六千二百六十一亿元", "6261", "亿元", "626100000000", "元")]),
    "percentage-points": ("增速提高1.2个百分点。", [R("1.2个百分点", "1.2", "个百分点", "1.2", "个百分点", direction="up")]),
    "multiple": ("是全市的2.2倍。", [R("2.2倍", "2.2", "倍", "2.2", "倍")]),
    "permille": ("出生率8.5‰。", [R("8.5‰", "8.5", "‰", "8.5", "‰")]),
    "wan-yi-yuan": ("经济总量突破1.2万亿元。", [R("突破1.2万亿元", "1.2", "万亿元", "1200000000000", "元", ">")]),
    "us-dollars": ("实际使用外资3.5亿美元。", [R("3.5亿美元", "3.5", "亿美元", "350000000", "美元")]),
    "wan-yuan-thousands": ("支出2,550,367万元。", [R("2,550,367万元", "2550367", "万元", "25503670000", "元")]),
    "taiwan-compound": ("總額4兆8,530億元。", [R("4兆8,530億元", "48530", "億元", "4853000000000", "元")]),
    "count-measure-word": ("新增养老床位240张。", [R("240张", "240", "张", "240", "张", indicator="新增养老床位")]),
    "count-traditional": ("建設籌集公共住房6111套。", [R("6111套", "6111", "套", "6111", "套", indicator="公共住房")]),
    "wan-hu": ("新登记商事主体3.7万户。", [R("3.7万户", "3.7", "万户", "37000", "户")]),
    "wan-ren-ci": ("服务群众超200万人次。", [R("超200万人次", "200", "万人次", "2000000", "人次", ">")]),
    "bare-wan": ("为20多万城中村居民。", [R("20多万", "20", "万", "200000", "", ">", indicator="城中村居民")]),
    "area": ("面积超8000平方米。", [R("超8000平方米", "8000", "平方米", "8000", "平方米", ">")]),
    "square-km": ("蓮塘片區2.3平方公里。", [R("2.3平方公里", "2.3", "平方公里", "2.3", "平方公里")]),
    "hectare": ("新增绿地12公顷。", [R("12公顷", "12", "公顷", "12", "公顷")]),
    "kilometres": ("新建碧道6.8公里。", [R("6.8公里", "6.8", "公里", "6.8", "公里")]),
    "kilowatt-not-thousand": ("光伏装机2700千瓦。", [R("2700千瓦", "2700", "千瓦", "2700", "千瓦")]),
    "concentration": ("PM2.5年均浓度降至15.8微克/立方米。", [
        R("15.8微克/立方米", "15.8", "微克/立方米", "15.8", "微克/立方米", indicator="PM2.5年均浓度")]),
    "days-taken": ("仅用7天时间完成改造。", [R("7天", "7", "天", "7", "天")]),
    "within-an-hour": ("处置时限提速到1小时内。", [R("1小时内", "1", "小时", "1", "小时", "<=")]),
    "rate-on-a-base": ("每万名常住人口全科医生数增至6.1名。", [
        R("6.1名", "6.1", "名", "6.1", "名", indicator="每万名常住人口全科医生数")]),
    "about-after": ("地区生产总值增长6.5%左右。", [R("6.5%左右", "6.5", "%", qualifier="~", direction="up")]),
    "at-least-before": ("引进持牌金融机构不少于6家。", [R("不少于6家", "6", "家", qualifier=">=")]),
    "at-least-after": ("空气质量优良率95%以上。", [R("95%以上", "95", "%", qualifier=">=")]),
    "at-most-within": ("失业率控制在5.5%以内。", [R("5.5%以内", "5.5", "%", qualifier="<=")]),
    "at-most-below": ("浓度控制在17微克/立方米以下。", [R("17微克/立方米以下", "17", "微克/立方米", qualifier="<=")]),
    "under": ("能耗不到3%。", [R("不到3%", "3", "%", qualifier="<")]),
    "more-than-yu": ("引进企业100余家。", [R("100余家", "100", "家", qualifier=">")]),
    "exceeds": ("固定资产投资超370亿元。", [R("超370亿元", "370", "亿元", qualifier=">")]),
    "down": ("万元GDP水耗下降14.9%。", [R("14.9%", "14.9", "%", direction="down")]),
    "negative-growth": ("工业增加值增长-12.2%。", [R("-12.2%", "-12.2", "%", "-12.2", direction="up")]),
    "negative-keeps-zero": ("增长-2.0%。", [R("-2.0%", "-2.0", "%", "-2.0", direction="up")]),
    "level-not-direction": ("中小学教育集团增至8个。", [R("8个", "8", "个", direction="")]),
    "new-is-a-level": ("新增5个试点项目。", [R("5个", "5", "个", direction="")]),
    "range-percent": ("增长5.5-6%。", [R("5.5-6%", "5.5", "%", value_high="6", direction="up")]),
    "range-zhi": ("引进2至3家。", [R("2至3家", "2", "家", value_high="3")]),
    "respectively": ("建设用地、水耗、电耗分别下降6.5%、3.9%和4.6%。", [
        R("6.5%", "6.5", "%", direction="down", indicator="建设用地"),
        R("3.9%", "3.9", "%", direction="down", indicator="水耗"),
        R("4.6%", "4.6", "%", direction="down", indicator="电耗")]),
    "respectively-two-lists": ("出口、进口分别为120亿元、80亿元，增长5%、3%。", [
        R("120亿元", "120", "亿元", indicator="出口"), R("80亿元", "80", "亿元", indicator="进口"),
        R("5%", "5", "%", direction="up", indicator="出口"), R("3%", "3", "%", direction="up", indicator="进口")]),
    "parallel-without-respectively": ("事故发生数及死亡人数同比下降50%、37.5%。", [
        R("50%", "50", "%", direction="down", indicator="事故发生数"),
        R("37.5%", "37.5", "%", direction="down", indicator="死亡人数")]),
    "from-to": ("由2015年的1708.4亿元增至2020年的2375.3亿元，年均增长6.2%。", [
        R("1708.4亿元", "1708.4", "亿元", year=2015), R("2375.3亿元", "2375.3", "亿元", year=2020),
        R("6.2%", "6.2", "%", direction="up")]),
    "count-before-noun": ("12家世界500强企业投资罗湖。", [R("12家", "12", "家", indicator="世界500强企业")]),
    "share-of": ("民生支出163亿元，占财政支出比重近八成。", [
        R("163亿元", "163", "亿元", indicator="民生支出"),
        R("近八成", "8", "成", qualifier="~", indicator="民生支出占财政支出比重")]),
    "plan-execution-target-in-brackets": ("增长4.1%(目标6.0%左右)。", [
        R("4.1%", "4.1", "%", direction="up"), R("6.0%左右", "6.0", "%", qualifier="~")]),
    "plan-share-of-plan": ("完成年度计划的44.3%。", [R("44.3%", "44.3", "%")]),
    "fullwidth": ("增长３．４％。", [R("3.4%", "3.4", "%", direction="up")]),
    "broken-number": ("收入377\n.4亿元。", [R("377.4亿元", "377.4", "亿元")]),
    "half": ("近半常住人口签约家庭医生。", [R("近半", "50", "%", "50", "%", "~")]),
    # A run of Chinese numerals is read to a bounded length and skipped: the en
    # dash after it is a minus, not a range from a 200-character numeral
    "numeral-run-then-en-dash": ("十四五" * 66 + "–3.4亿元", [R("-3.4亿元", "-3.4", "亿元", "-340000000", "元")]),
}

# Never a record (spec §1, exclusions), and the borderline rules decided once.
EXCLUSION_CASES = {
    "date": "2023年1月10日召开大会。",
    "year": "2022年是里程碑意义的一年。",
    "year-range": "实施方案(2023-2025年)。",
    "months": "1-11月累计。",
    "ordinal-session": "第八届人民代表大会第三次会议。",
    "party-congress": "学习贯彻党的二十大精神。",
    "five-year-plan": "实施“十四五”规划。",
    "metro-line": "地铁14号线建成通车。",
    "pm25-alone": "PM2.5监测。",
    "plot-code": "B1地块成功纳储。",
    "unit-code": "启动DY03单元土地整备。",
    "fortune-500-alone": "世界500强企业投资。",
    "building-name": "入驻京基100大厦。",
    "anniversary": "香港回归25周年。",
    "years-since": "成功防御20年来最强台风。",
    "policy-code": "制定“1+3+N”产业政策体系。",
    "policy-code-20-8": "“20+8”产业集群。",
    "slogan-count": "落实“六个一”工作机制。",
    "ten-articles-quoted": "出台“十条”措施。",
    "twenty-articles": "落实二十条、新十条优化措施。",
    "safety-15-articles": "落实“安全生产15条”。",
    "hotline": "12345热线。",
    "list-numbering": "一、加快发展\n（三）深化改革\n1.推进",
    "first-second": "一是加快发展，二是深化改革。",
    "words-with-yi": "一般公共预算，统一部署，进一步推进，一站式服务。",
    "one-batch": "建设一批重点项目。",
    "n-big-set": "十大专项整治成效明显。",
    "rank": "位居全市第一。",
    "round-the-clock": "推动口岸24小时通关。",
    "service-circle": "建成15分钟医疗卫生服务圈。",
    "class-threshold": "营收超10亿元企业。",
    "lost-digit-mojibake": "城镇燃?xì)獾?3个高风险领域。",
    "glossary": "有关名词解释\n1.“1+5+10+N”：1个统筹部门+5个产业部门+10个街道。",
    # Runs no figure is written as: read to a bounded length, then skipped.
    "digit-run-before-unit": "编号" + "1" * 40 + "亿元。",
    "decimals-run-before-unit": "圆周率3." + "1" * 30 + "%。",
    "chinese-numeral-run-before-unit": "十四五" * 20 + "亿元。",
}


@pytest.mark.parametrize("phrase, expected", FIGURE_CASES.values(), ids=FIGURE_CASES.keys())
def test_figures(phrase, expected):
    records = [r.as_strings() for r in extract_text(phrase)]
    got = [{k: r[k] for k in e} for r, e in zip(records, expected)]
    assert got == expected
    assert len(records) == len(expected)


@pytest.mark.parametrize("phrase", EXCLUSION_CASES.values(), ids=EXCLUSION_CASES.keys())
def test_not_an_indicator(phrase):
    assert [r.text for r in extract_text(phrase)] == []


def test_threshold_leaves_the_count():
    assert [r.text for r in extract_text("引进营收超10亿元企业2家。")] == ["2家"]


# A national-style report the tool had not seen while it was written.
NATIONAL = """一、2023年工作回顾
过去一年，国内生产总值超过126万亿元，增长5.2%。粮食产量13908亿斤，增产1.3%。
发行1万亿元国债。
二、2024年政府工作任务
粮食产量1.3万亿斤以上。赤字率拟按3%安排，赤字规模4.06万亿元，比上年年初预算增加1800亿元。
"""

NATIONAL_CASES = {
    "over-wan-yi": ("超过126万亿元", "国内生产总值", "126000000000000", ">", ""),
    "jin-unit": ("13908亿斤", "粮食产量", "1390800000000", "", ""),
    "more-output-is-up": ("1.3%", "粮食产量", "1.3", "", "up"),
    "money-then-noun": ("1万亿元", "国债", "1000000000000", "", ""),
    "plan-verb-dropped": ("3%", "赤字率", "3", "", ""),
    "change-against-last-year-inherits": ("1800亿元", "赤字规模", "180000000000", "", "up"),
}


@pytest.mark.parametrize("text, indicator, base_value, qualifier, direction",
                         NATIONAL_CASES.values(), ids=NATIONAL_CASES.keys())
def test_national_style_report(text, indicator, base_value, qualifier, direction):
    records = {r.text: r.as_strings() for r in extract_text(NATIONAL)}
    r = records[text]
    assert (r["indicator"], r["base_value"], r["qualifier"], r["direction"]) == (
        indicator, base_value, qualifier, direction)


# Codes, grades and time framing that sit next to figures.
TRICKY = """一、2023年工作回顾
建成5G基站1200个，新增3A级景区2家，110千伏变电站3座投运。前三季度规上工业增加值增长4.5%，1-9月固定资产投资增长8%。
打造千亿级产业集群，培育百亿级企业3家，新开工10亿元以上项目32个。尚创峰港医医疗城签约80名港医。
"""

TRICKY_CASES = {
    "code-word-in-name": ("1200个", "5G基站", ""),
    "grade-in-name": ("2家", "新增3A级景区", ""),
    "voltage-class-is-not-a-figure": ("3座", "千伏变电站", ""),
    "quarter-is-not-the-name": ("4.5%", "规上工业增加值", ""),
    "months-are-not-the-name": ("8%", "固定资产投资", ""),
    "threshold-stays-in-the-name": ("32个", "新开工10亿元以上项目", ""),
    "signing-is-not-about": ("80名", "港医", ""),
}


@pytest.mark.parametrize("text, indicator, qualifier", TRICKY_CASES.values(), ids=TRICKY_CASES.keys())
def test_codes_grades_and_time_words(text, indicator, qualifier):
    records = {r.text: r for r in extract_text(TRICKY)}
    assert (records[text].indicator, records[text].qualifier) == (indicator, qualifier)
    assert not any(r.text.startswith("110") for r in records.values())
    assert "千亿级" not in "".join(records)
