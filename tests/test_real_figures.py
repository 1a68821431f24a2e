"""Figures as real provincial reports write them, one case per test id.

The phrases are our own, written in the style of 2026 provincial government
work reports (web text with spaces, abbreviations glued to figures, long
Chinese numerals, figures made of a magnitude alone, slash fractions, small
Chinese counts, ratios, units such as 头 只 颗 对 起 批次 ℃).  Each case lists
the records expected in order, with only the fields that matter to it; names
are not checked here (naming has its own tables).

Rules decided here (see also the docstring of luohu_cli/figures.py):

- Spaces inside a figure (`1.25 万亿元`, `增长 5.2 %`, `超过 3000 亿元`) are
  dropped in the cleaned text; the record's start/end still cover the figure
  as written in the input, spaces included.
- An abbreviation of three or more letters glued before a money, %, ‰,
  percentage-point or multiple figure names it (GDP31.4亿元, R&D3.2%); shorter
  runs and other units stay codes (PM2.5, B1地块, U13, IL0%).
- A Chinese numeral is read whole: 十二万三千四百零五个 is 123405 个,
  三亿五千万元 is 350000000 元; positional runs (二〇二五, 一二三) are years or
  lists, never figures, except two neighbouring digits, a range (七八成: 7 to 8).
- A magnitude alone after a qualifier counts one of it (突破万亿元: 1 万亿元, >);
  上千/上万 is "at least" (>=), 过万亿元 "more than" (>); 千 and 百 are digits
  (上千亿元: 1000 亿元, 超千场: 1000 场).
- 成 in Arabic digits is a share like 八成 (占全国9成: 90 %).
- 翻一番 is a doubling: value 1, unit 番, base_value 100 %, direction up
  (the increase an analyst reads); 翻两番 300 %, 翻三番 700 %, 翻番 alone 100 %.
  The figure's text is 一番 / 番: 翻 is the change word, like 增长.
- A slash fraction is a percent like 三分之一, cut at ten places (2/3:
  66.6666666667).
- A ratio to one (2.27:1) is read as its first term, unit :1.
- The small-count line: a Chinese numeral of ten or less with a measure word
  and no qualifier is a phrase (一批, 两个确立, 三期, 八项规定, 五个新城) unless
  the measure word is concrete (座 处 家 台 辆 …: 建成污水处理厂五座, 两处) or
  a counting word comes right before it (新增三个, 增至四家);
  一 + measure word is the article and never counts (一张蓝图, 一处变化).
  Small Chinese durations follow the Arabic rule (三天内办结 is a measure,
  一小时通勤圈 a description).
- 千余家 / 百余项 / 十多个 count (> 1000 家); 千余年 stays a span; 2倍多 is > 2 倍,
  翻了一番多 > 100 %.
- Latin units carry their Chinese base unit (5GW: 吉瓦, 200MW: 兆瓦, 1200万TEU: 标准箱).
- A bare ratio or score is read where a word names it earlier in the clause:
  收入比缩小至2.12 (2.12, base unit :1), 倍差从1.96缩小至1.81, 满意度从85.2提升至90.3,
  基尼系数0.46 (base unit empty); 收入比上年 is a comparison, and a version (3.0, 2.0) stays a name.
- A figure right after a count's measure word names the class counted
  (3个过千亿元产业集群, 2个1类新药: only the count is a record).
- A unit counted per something after a slash keeps it (38万元/人以上: unit
  万元/人, base unit 元/人, the qualifier after it read); 吨标准煤 (吨标煤) is a unit.
- In a list of bare magnitudes the last unit is shared back (820万、615万人次),
  never across a noun (45万群众、12万户).
- A streak (连续5年, 连续16个季度), a rank (全国第一, 排名提升6位, 居全国第9位),
  a grade (两万亿级城市, 300万吨级), a session (十一次全会), an age that defines a group (3岁以下婴幼儿,
  65岁及以上老年人) and the report's own outline (重点做好10个方面工作) are not
  indicators.
"""
from __future__ import annotations

import pytest

from luohu_cli import extract_text


def R(text, value, unit, base_value=None, base_unit=None, qualifier="", direction=None, **more):
    record = {"text": text, "value": value, "unit": unit, "qualifier": qualifier, **more}
    if direction is not None:
        record["direction"] = direction
    if base_value is not None:
        record["base_value"] = base_value
    if base_unit is not None:
        record["base_unit"] = base_unit
    return record


REAL_FIGURE_CASES = {
    # --- spaces that web text leaves inside a figure
    "spaced-magnitude-and-unit": ("全年地区生产总值 1.25 万亿元、增长 5.2%。", [
        R("1.25万亿元", "1.25", "万亿元", "1250000000000", "元", direction=""),
        R("5.2%", "5.2", "%", "5.2", "%", direction="up")]),
    "spaced-wan-dun": ("粮食产量 4210 万吨。", [R("4210万吨", "4210", "万吨", "42100000", "吨")]),
    "spaced-percent": ("规上工业增加值增长 5.2 %。", [R("5.2%", "5.2", "%", "5.2", "%", direction="up")]),
    "spaced-qualifier": ("固定资产投资超过 3000 亿元。", [
        R("超过3000亿元", "3000", "亿元", "300000000000", "元", ">")]),
    "spaced-magnitude-then-unit": ("总投资 12.5 亿 元。", [R("12.5亿元", "12.5", "亿元", "1250000000", "元")]),
    "spaced-traditional": ("地區生產總值 1.25 萬億元。", [R("1.25萬億元", "1.25", "萬億元", "1250000000000", "元")]),
    "spaced-ideographic": ("新增城镇就业\u300012.3\u3000万人。", [R("12.3万人", "12.3", "万人", "123000", "人")]),
    # --- abbreviations glued to the figure they name
    "glued-gdp-per-area": ("每平方公里产出GDP31.4亿元。", [R("31.4亿元", "31.4", "亿元", "3140000000", "元")]),
    "glued-gdp-per-head": ("人均GDP2.3万美元。", [R("2.3万美元", "2.3", "万美元", "23000", "美元")]),
    "glued-gep": ("生态产品总值GEP2860亿元。", [R("2860亿元", "2860", "亿元", "286000000000", "元")]),
    "glued-rd-percent": ("全社会R&D3.2%。", [R("3.2%", "3.2", "%", "3.2", "%")]),
    "cpi-rise": ("居民消费价格CPI上涨0.2%。", [R("0.2%", "0.2", "%", "0.2", "%", direction="up")]),
    "rd-intensity": ("R&D投入强度3.2%。", [R("3.2%", "3.2", "%", "3.2", "%")]),
    "pm25-code-then-figure": ("PM2.5年均浓度28微克/立方米。", [R("28微克/立方米", "28", "微克/立方米")]),
    "pm25-underscore-then-figure": ("PM_2.5年均浓度降至29.1微克/立方米。", [
        R("29.1微克/立方米", "29.1", "微克/立方米")]),
    "code-5g-then-count": ("建成5G基站18.8万个。", [R("18.8万个", "18.8", "万个", "188000", "个")]),
    # --- long Chinese numerals
    "chinese-with-wan-inside": ("培训农民十二万三千四百零五个。", [R("十二万三千四百零五个", "123405", "个", "123405", "个")]),
    "chinese-with-zero-and-yi": ("财政收入三千二百零六亿元。", [
        R("三千二百零六亿元", "3206", "亿元", "320600000000", "元")]),
    "chinese-yi-then-wan": ("安排资金三亿五千万元。", [R("三亿五千万元", "350000000", "元", "350000000", "元")]),
    "neighbouring-digits-share": ("企业上云率达七八成。", [R("七八成", "7", "成", "70", "%", value_high="8")]),
    "neighbouring-digits-count": ("新增两三家。", [R("两三家", "2", "家", "2", "家", value_high="3")]),
    "chinese-wan-yi": ("经济总量两万亿元。", [R("两万亿元", "2", "万亿元", "2000000000000", "元")]),
    # --- a magnitude alone
    "magnitude-alone-break-through": ("进出口总额突破万亿元。", [
        R("突破万亿元", "1", "万亿元", "1000000000000", "元", ">")]),
    "magnitude-alone-over": ("进出口总额连续两年过万亿元。", [
        R("过万亿元", "1", "万亿元", "1000000000000", "元", ">")]),
    "shang-qian-yi": ("带动社会投资上千亿元。", [R("上千亿元", "1000", "亿元", "100000000000", "元", ">=")]),
    "shang-wan-ren": ("吸纳就业上万人。", [R("上万人", "1", "万人", "10000", "人", ">=")]),
    "shang-qian-jia": ("累计赋能上千家创业团队。", [R("上千家", "1000", "家", "1000", "家", ">=")]),
    "qian-is-a-digit": ("举办超千场体育赛事、近百场演出。", [
        R("超千场", "1000", "场", "1000", "场", ">"), R("近百场", "100", "场", "100", "场", "~")]),
    "arabic-then-qian-yi": ("出口额近3千亿美元。", [R("近3千亿美元", "3", "千亿美元", "300000000000", "美元", "~")]),
    "more-than-half-in-cheng": ("新能源汽车渗透率超五成。", [R("超五成", "5", "成", "50", "%", ">")]),
    "arabic-cheng": ("无人机产量占全国9成。", [R("9成", "9", "成", "90", "%")]),
    "arabic-cheng-at-least": ("民生支出占一般公共预算支出7成以上。", [R("7成以上", "7", "成", "70", "%", ">=")]),
    "arabic-cheng-down": ("对美贸易下降超3成。", [R("超3成", "3", "成", "30", "%", ">", "down")]),
    "doubled": ("人均地区生产总值比2020年翻一番。", [R("一番", "1", "番", "100", "%", direction="up")]),
    "doubled-with-le": ("高中学位比年度计划翻了一番。", [R("一番", "1", "番", "100", "%", direction="up")]),
    "tripled-doubling": ("营业收入翻一番、利润翻三番。", [
        R("一番", "1", "番", "100", "%", direction="up"), R("三番", "3", "番", "700", "%", direction="up")]),
    "doubled-twice": ("每千人口托位数较2020年翻两番。", [R("两番", "2", "番", "300", "%", direction="up")]),
    "doubled-unnumbered": ("力争储能规模实现翻番。", [R("番", "1", "番", "100", "%", direction="up")]),
    # --- fractions with a slash: percent, as 三分之一
    "slash-two-thirds": ("覆盖全省2/3的县区。", [R("2/3", "66.6666666667", "%", "66.6666666667", "%")]),
    "slash-near-quarter": ("占全国近1/4。", [R("近1/4", "25", "%", "25", "%", "~")]),
    "slash-third-at-least": ("出口规模占全国1/3以上。", [R("1/3以上", "33.3333333333", "%", "33.3333333333", "%", ">=")]),
    "slash-about-tenth": ("新增就业占全国约1/10。", [R("约1/10", "10", "%", "10", "%", "~")]),
    "chinese-third-same-precision": ("占全国三分之一。", [R("三分之一", "33.3333333333", "%", "33.3333333333", "%")]),
    # --- ratios to one
    "ratio-to-one": ("城乡居民收入比从2.50:1缩小至2.27:1。", [
        R("2.50:1", "2.50", ":1", "2.50", ":1"), R("2.27:1", "2.27", ":1", "2.27", ":1")]),
    "ratio-chinese-colon-about": ("城乡居民收入比缩小至2.1∶1左右。", [R("2.1∶1左右", "2.1", "∶1", "2.1", ":1", "~")]),
    # --- durations that are measures
    "months-within": ("两个月内完成整改。", [R("两个月内", "2", "个月", "2", "个月", "<=")]),
    "days-within": ("政务服务事项三天内办结。", [R("三天内", "3", "天", "3", "天", "<=")]),
    "arabic-months-within": ("3个月内完成审批。", [R("3个月内", "3", "个月", "3", "个月", "<=")]),
    "days-taken-chinese": ("用三天时间完成抢修。", [R("三天", "3", "天", "3", "天")]),
    "decimal-years": ("人均受教育年限达到11.7年。", [R("11.7年", "11.7", "年", "11.7", "年")]),
    # --- small Chinese counts: concrete or counted
    "small-count-concrete-zuo": ("建成污水处理厂五座。", [R("五座", "5", "座", "5", "座")]),
    "small-count-counted-ge": ("新增国家级开发区三个。", [R("三个", "3", "个", "3", "个")]),
    "small-count-concrete-chu": ("修复历史建筑两处。", [R("两处", "2", "处", "2", "处")]),
    "small-count-after-zengzhi": ("国家实验室增至四家。", [R("四家", "4", "家", "4", "家")]),
    "small-count-counted-pi": ("新增两批重点事项。", [R("两批", "2", "批", "2", "批")]),
    "small-count-concrete-ke": ("成功发射两颗卫星。", [R("两颗", "2", "颗", "2", "颗")]),
    "arabic-count-always": ("引进基金3只。", [R("3只", "3", "只", "3", "只")]),
    # --- units real reports use
    "head-of-livestock": ("生猪出栏6248万头。", [R("6248万头", "6248", "万头", "62480000", "头")]),
    "poultry-at-least": ("家禽出栏13.5亿只以上。", [R("13.5亿只以上", "13.5", "亿只", "1350000000", "只", ">=")]),
    "satellites": ("组网卫星增至144颗。", [R("144颗", "144", "颗", "144", "颗")]),
    "sister-city-pairs": ("国际友城达到96对。", [R("96对", "96", "对", "96", "对")]),
    "cases-qi": ("完成并购重组397起。", [R("397起", "397", "起", "397", "起")]),
    "cases-qi-before-success": ("36起成功避险避灾。", [R("36起", "36", "起", "36", "起")]),
    "cases-qi-more-than": ("成功避险100余起。", [R("100余起", "100", "起", "100", "起", ">")]),
    "bonds-zhi": ("发行各类债券1193只。", [R("1193只", "1193", "只", "1193", "只")]),
    "medals-mei": ("共获得48枚金牌。", [R("48枚", "48", "枚", "48", "枚")]),
    "plots-kuai": ("修复17块污染地块。", [R("17块", "17", "块", "17", "块")]),
    "courses-men": ("开设老年教育课程100门。", [R("100门", "100", "门", "100", "门")]),
    "centimetres": ("耕作层厚度达到20.6厘米。", [R("20.6厘米", "20.6", "厘米", "20.6", "厘米")]),
    "grams-per-kilogram": ("土壤有机质平均含量28克/千克。", [R("28克/千克", "28", "克/千克", "28", "克/千克")]),
    "micrograms-in-words": ("PM2.5平均浓度降至28.5微克每立方米。", [
        R("28.5微克每立方米", "28.5", "微克每立方米", "28.5", "微克/立方米")]),
    "degrees-celsius": ("供热标准由18℃提高到20℃。", [R("18℃", "18", "℃", "18", "℃"), R("20℃", "20", "℃", "20", "℃")]),
    "gigawatt-hours": ("建成100吉瓦时储能。", [R("100吉瓦时", "100", "吉瓦时", "100", "吉瓦时")]),
    "cubic-metres-fang": ("天然气产能达到22亿方。", [R("22亿方", "22", "亿方", "2200000000", "方")]),
    "kilowatt-hours-du": ("新能源发电量超3000亿度。", [R("超3000亿度", "3000", "亿度", "300000000000", "度", ">")]),
    "computing-power-p": ("新增智能算力1.7万P。", [R("1.7万P", "1.7", "万P", "17000", "P")]),
    "price-per-kwh": ("工商业平均电价下降5分/千瓦时。", [R("5分/千瓦时", "5", "分/千瓦时", "5", "分/千瓦时", direction="down")]),
    "yuan-per-month": ("低保标准从796元/月提高至842元/月。", [
        R("796元/月", "796", "元/月", "796", "元/月"), R("842元/月", "842", "元/月", "842", "元/月")]),
    "batches": ("食品抽检超5万批次。", [R("超5万批次", "5", "万批次", "50000", "批次", ">")]),
    "flights": ("飞行规模达2061万架次。", [R("2061万架次", "2061", "万架次", "20610000", "架次")]),
    "vehicle-trips": ("跨境公路班车开行量突破1.2万车次。", [R("突破1.2万车次", "1.2", "万车次", "12000", "车次", ">")]),
    "ship-calls": ("接待邮轮91艘次。", [R("91艘次", "91", "艘次", "91", "艘次")]),
    "life-expectancy-at-least": ("人均预期寿命提高到80岁以上。", [R("80岁以上", "80", "岁", "80", "岁", ">=")]),
    "wan-then-age-group": ("为390万65岁以上老年人免费体检。", [R("390万", "390", "万", "3900000", "")]),
    "taiwan-compound-still": ("總額1萬2,000個。", [R("1萬2,000個", "12000", "個", "12000", "个")]),
    # --- what stays a count next to a rank word
    "academicians-are-people": ("两院院士增至123位。", [R("123位", "123", "位", "123", "位")]),
    # --- a round hundred or thousand with 余/多 counts (a bare 千 needs a qualifier)
    "qian-yu-jia": ("带动上下游千余家配套单位。", [R("千余家", "1000", "家", "1000", "家", ">")]),
    "bai-yu-xiang": ("百余项改革试点任务先行先试。", [R("百余项", "100", "项", "100", "项", ">")]),
    "shi-duo-ge": ("新建十多个口袋公园。", [R("十多个", "10", "个", "10", "个", ">")]),
    # --- 多 after a multiple
    "times-and-more": ("发明专利拥有量增长2倍多。", [R("2倍多", "2", "倍", "2", "倍", ">", "up")]),
    # --- rounds of weather events are counted in 轮
    "rounds-of-rain": ("有效应对17轮强降雨过程。", [R("17轮", "17", "轮", "17", "轮")]),
    # --- ratios and scores written bare, named by 收入比, 倍差, 之比, 满意度
    "ratio-without-one": ("城乡居民收入比缩小至2.12。", [R("2.12", "2.12", "", "2.12", ":1")]),
    "bare-income-gap": ("收入倍差从1.96缩小至1.81。", [
        R("1.96", "1.96", "", "1.96", ":1"), R("1.81", "1.81", "", "1.81", ":1")]),
    "ratio-bare-about": ("城乡居民收入比缩小到2.3左右。", [R("2.3左右", "2.3", "", "2.3", ":1", "~")]),
    "satisfaction-score": ("群众满意度从85.2提升至90.3。", [
        R("85.2", "85.2", "", "85.2", ""), R("90.3", "90.3", "")]),
    "income-compared-to-last-year": ("城乡居民收入比上年增长5.6%。", [R("5.6%", "5.6", "%", direction="up")]),
    # --- a figure right after a count's measure word names the class counted
    "class-after-count-over": ("新增3个过千亿元产业集群。", [R("3个", "3", "个", "3", "个")]),
    "class-after-count-over-digits": ("培育4个过五千亿产业。", [R("4个", "4", "个", "4", "个")]),
    "class-after-count-category": ("2个1类新药获批上市。", [R("2个", "2", "个", "2", "个")]),
    "counts-of-counts": ("12类45件民生实事全面完成。", [R("12类", "12", "类"), R("45件", "45", "件")]),
    # --- a unit shared back along a list of bare magnitudes
    "shared-unit-in-list": ("两市地铁日均客运量分别达820万、615万人次。", [
        R("820万", "820", "万人次", "8200000", "人次"), R("615万人次", "615", "万人次", "6150000", "人次")]),
    # --- a unit per person, per year, per day after a slash; standard coal
    "per-person-at-least": ("全员劳动生产率提高到38万元/人以上。", [
        R("38万元/人以上", "38", "万元/人", "380000", "元/人", ">=")]),
    "per-person-about": ("全员劳动生产率达到26万元/人左右。", [
        R("26万元/人左右", "26", "万元/人", "260000", "元/人", "~")]),
    "per-year-capacity": ("新增煤炭产能2400万吨/年。", [R("2400万吨/年", "2400", "万吨/年", "24000000", "吨/年")]),
    "per-day-capacity": ("垃圾处理能力达到3.2万吨/日。", [R("3.2万吨/日", "3.2", "万吨/日", "32000", "吨/日")]),
    "per-head-area": ("人均住房面积达到36.5平方米/人。", [R("36.5平方米/人", "36.5", "平方米/人", "36.5", "平方米/人")]),
    "standard-coal": ("保障重点项目用能860万吨标准煤。", [
        R("860万吨标准煤", "860", "万吨标准煤", "8600000", "吨标准煤")]),
    "standard-coal-short": ("单位产值能耗降至0.38吨标煤。", [R("0.38吨标煤", "0.38", "吨标煤", "0.38", "吨标准煤")]),
    # --- units in Latin letters, containers, piles
    "gigawatts": ("光伏装机达到5GW，新型储能200MW。", [
        R("5GW", "5", "GW", "5", "吉瓦"), R("200MW", "200", "MW", "200", "兆瓦")]),
    "megawatt-hours": ("建成储能电站100MWh、80兆瓦时。", [
        R("100MWh", "100", "MWh", "100", "兆瓦时"), R("80兆瓦时", "80", "兆瓦时", "80", "兆瓦时")]),
    "computing-eflops": ("智能算力规模达到12EFLOPS。", [R("12EFLOPS", "12", "EFLOPS", "12", "EFLOPS")]),
    "containers-teu": ("集装箱吞吐量达到1200万TEU。", [R("1200万TEU", "1200", "万TEU", "12000000", "标准箱")]),
    "charging-piles-gen": ("新建充电桩3.2万根。", [R("3.2万根", "3.2", "万根", "32000", "根")]),
    "doubled-and-more": ("外贸进出口翻了一番多。", [R("一番多", "1", "番", "100", "%", ">", "up")]),
    "gini-coefficient": ("居民收入基尼系数降至0.46。", [R("0.46", "0.46", "", "0.46", "")]),
    "no-shared-unit-across-a-noun": ("惠及45万群众、12万户家庭。", [
        R("45万", "45", "万", "450000", ""), R("12万户", "12", "万户", "120000", "户")]),
    # A change verb whose object names the figure gives its direction: the figure is the change.
    "object-of-lower": ("降低企业物流成本65亿元。", [R("65亿元", "65", "亿元", "6500000000", "元", direction="down")]),
    "object-of-add": ("增加普惠性养老床位2000个。", [R("2000个", "2000", "个", "2000", "个", direction="up")]),
    "object-of-cut": ("全年压减一般性支出5%以上。", [R("5%以上", "5", "%", "5", "%", ">=", "down")]),
    "object-of-raise": ("提高城乡居民基础养老金最低标准20元。",
                        [R("20元", "20", "元", "20", "元", direction="up")]),
    "new-is-no-change": ("新增城镇就业5.2万人。", [R("5.2万人", "5.2", "万人", "52000", "人", direction="")]),
    "object-then-level": ("降低企业成本达到200亿元。",
                          [R("200亿元", "200", "亿元", "20000000000", "元", direction="")]),
}

# Known gaps (strict xfail: a case that starts passing must move up).
REAL_XFAIL_CASES = {
    # a share followed by 企业 is dropped by the class-threshold rule (pipeline)
    "share-of-firms": ("超五成企业实现增长。", [R("超五成", "5", "成", "50", "%", ">")]),
    # whole years are dates or spans; only decimals read as a length of time
    "whole-years-of-schooling": ("人均受教育年限达到11年。", [R("11年", "11", "年")]),
}

# Never a record.
NOT_FIGURES = {
    "chinese-year": "二〇二五年是“十四五”收官之年。",
    "chinese-year-target": "到二〇三五年基本实现社会主义现代化。",
    "positional-list": "推动一二三次产业融合发展。",
    "session-after-jie": "省委十二届十一次全会。",
    "vague-one-batch": "建设一批重点项目。",
    "vague-series": "出台一系列政策措施。",
    "vague-two-establishments": "深刻领悟两个确立的决定性意义。",
    "vague-two-safeguards": "坚决做到两个维护。",
    "vague-phase": "推进三期工程。",
    "vague-four-comprehensives": "协调推进四个全面战略布局。",
    "vague-one-body-two-wings": "构建一体两翼发展格局。",
    "vague-three-battles": "打好三大攻坚战。",
    "vague-eight-rules": "落实中央八项规定精神。",
    "vague-five-new-towns": "深化五个新城建设。",
    "vague-blueprint": "一张蓝图绘到底。",
    "vague-last-kilometre": "打通服务群众最后一公里。",
    "ordinal-er-qi": "建成港区改造二期工程。",
    "phase-san-qi": "建成白龙港三期污水处理设施。",
    "idiom-both-ends": "抓两头、带中间。",
    "idiom-every-way": "千方百计稳就业。",
    "twice-awarded": "两度获评全国先进。",
    "together": "一起推进。",
    "tripartite": "签订三方协议。",
    "one-to-one-matching": "按1:1比例配套。",
    "double-digit-growth": "保持两位数增长。",
    "one-to-one": "开展1对1帮扶。",
    "streak-years": "连续5年获评优秀。",
    "streak-quarters": "连续16个季度保持增长。",
    "streak-months": "连续24个月保持两位数增长。",
    "streak-times": "连续10次获评国家A级。",
    "rank-first": "区域创新能力全国第一。",
    "rank-up": "创新能力综合指标排名提升6位。",
    "rank-place": "粮食产量居全国第9位。",
    "rank-places-ge": "位次提升5个位次。",
    "grade-wan-yi": "武汉跨入两万亿级城市行列。",
    "grade-tonnage": "建成300万吨级碳捕集项目。",
    "age-group-below": "每千人口3岁以下婴幼儿托位数。",
    "age-group-and-above": "65岁及以上老年人医养结合。",
    "age-group-range": "0—6岁儿童孤独症筛查。",
    "report-outline": "重点做好10个方面工作。",
    "report-outline-chinese": "重点做好十一个方面工作。",
    "date-with-slashes": "发布时间2026/2/9。",
    "time-of-day": "发表时间09:45:30。",
    "ocr-damage-not-zero": "地区生产总值增长IL0%。",
    "codes-stay-codes": "校园足球U13组别冠军，B1地块，歼-35系列，C919大飞机。",
    "one-hour-circle": "构建一小时通勤圈。",
    "three-year-action": "实施三年行动计划。",
    "spaces-in-a-date": "2023 年 1 月 10 日。",
    "thousand-years": "传承千余年历史文脉。",
    "new-round": "开展新一轮国企改革。",
    "two-wheels": "坚持两轮驱动。",
    "session-after-a-list": "按照省委十一届十次、十一次全会部署。",
    "class-after-first-one": "成为北方第一个过10万亿元的省份。",
    "version-number": "推出首发经济3.0、数字政府2.0建设。",
    "bare-decimal-without-ratio-word": "综合排名保持在2.5，位居前列。",
    "root-words": "从根本上解决问题，根据实际推进。",
    "one-root": "拧成一根绳。",
    "code-5g": "建设5G网络。",
}

# Each spaced figure: input[start:end] is the figure as written, spaces included.
SPACED_SPANS = {
    "magnitude-and-unit": ("全年地区生产总值 1.25 万亿元、增长 5.2%。", ["1.25 万亿元", "5.2%"]),
    "wan-dun": ("粮食产量 4210 万吨。", ["4210 万吨"]),
    "percent": ("增长 5.2 %。", ["5.2 %"]),
    "qualifier": ("固定资产投资超过 3000 亿 元。", ["超过 3000 亿 元"]),
    "traditional": ("地區生產總值 1.25 萬億元。", ["1.25 萬億元"]),
}


def _check(phrase, expected):
    records = [r.as_strings() for r in extract_text(phrase)]
    got = [{k: r[k] for k in e} for r, e in zip(records, expected)]
    assert got == expected
    assert len(records) == len(expected)


@pytest.mark.parametrize("phrase, expected", REAL_FIGURE_CASES.values(), ids=REAL_FIGURE_CASES.keys())
def test_real_figure(phrase, expected):
    _check(phrase, expected)


@pytest.mark.xfail(strict=True, reason="known gap")
@pytest.mark.parametrize("phrase, expected", REAL_XFAIL_CASES.values(), ids=REAL_XFAIL_CASES.keys())
def test_real_figure_gap(phrase, expected):
    _check(phrase, expected)


@pytest.mark.parametrize("phrase", NOT_FIGURES.values(), ids=NOT_FIGURES.keys())
def test_not_a_figure(phrase):
    assert [r.text for r in extract_text(phrase)] == []


@pytest.mark.parametrize("phrase, spans", SPACED_SPANS.values(), ids=SPACED_SPANS.keys())
def test_spaced_figure_points_back_to_the_input(phrase, spans):
    assert [phrase[r.start:r.end] for r in extract_text(phrase)] == spans
