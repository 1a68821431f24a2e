"""Indicator names on the phrasings of real provincial reports, one case per test id.

The phrases are made up, modelled on the 2026 provincial government work
reports: a name is what an analyst writes as a spreadsheet column header, the
shortest noun phrase that says what is measured.  NAME_CASES gives, for each
phrase, the names of its records in reading order; XFAIL_NAME_CASES the names
the engine does not give yet (strict: a case that starts passing must move).
NAME_BEFORE_CASES check the name read before a figure where the figure itself
is another stage's business (an abbreviation glued to it: GDP31.4亿元).
"""
from __future__ import annotations

import pytest

from luohu_cli import extract_text
from luohu_cli.naming import name_before

NAME_CASES: dict[str, tuple[str, list[str]]] = {
    # The subject stands far from the figure: an adverbial, a time span, a level verb between.
    "subject-before-zai-shang": ("全市地区生产总值在高基数上增长5.2%。", ["地区生产总值"]),
    "subject-then-rank": ("居民人均可支配收入突破5万元，居全国第8位。", ["居民人均可支配收入"]),
    "dash-bullet-total": ("——这五年综合实力大幅跃升。经济总量达到3.1万亿元，年均增长5.6%。",
                          ["经济总量", "经济总量"]),
    "time-span-after-subject": ("全省国企资产总额五年增长58.2%。", ["国企资产总额"]),
    "streak-after-subject": ("群众满意度连续6年保持在97%以上。", ["群众满意度"]),
    "base-year-after-subject": ("全市人均预期寿命较2020年提高1.2岁、达到80.1岁。",
                                ["人均预期寿命", "人均预期寿命"]),
    "time-only-clause": ("税收收入达到980亿元，3年增长41.5%。", ["税收收入", "税收收入"]),
    "near-years-clause": ("高标准农田面积占耕地比例达到61.2%，近3年提升18个百分点。",
                          ["高标准农田面积占耕地比例", "高标准农田面积占耕地比例"]),
    "stable-at": ("粮食总产量稳定在620亿斤以上。", ["粮食总产量"]),
    "first-time": ("机场年旅客吞吐量首次突破4000万人次。", ["机场年旅客吞吐量"]),
    "level-verb-after-level": ("一般公共预算收入突破3000亿元、达到3125亿元。",
                               ["一般公共预算收入", "一般公共预算收入"]),
    "year-before-name": ("下达2025年省级就业补助资金18.6亿元。", ["省级就业补助资金"]),
    # A clause that only links a figure (、达到, ，达到, 、双双) takes the subject of the clause it continues.
    "link-after-count-takes-subject": ("全省地区生产总值连续跨越3个万亿元台阶、达到12.6万亿元、年均增长5.4%。",
                                       ["万亿元台阶", "地区生产总值", "地区生产总值"]),
    "link-after-clause-takes-subject": ("对欧盟进出口增长6%，全市外贸进出口总值创历史新高，达到4120亿元、增长12.5%。",
                                        ["欧盟进出口", "外贸进出口总值", "外贸进出口总值"]),
    "link-adverb-takes-subject": ("人民币存款、贷款余额连跨2个万亿元台阶、双双突破6万亿元。",
                                  ["万亿元台阶", "存款、贷款余额"]),
    "link-qualifier-takes-subject": ("经济总量跨越两个万亿元台阶、超过5万亿元。", ["经济总量"]),
    "link-after-verb-first-clause": ("建成高标准农田6.2万亩、累计达到98万亩。", ["高标准农田", "高标准农田"]),
    "link-then-share-of-whole": ("区域经济总量达到2万亿元、占全省比重达38.5%。",
                                 ["区域经济总量", "区域经济总量占全省比重"]),
    # The base a from-figure is counted on (由每生每年) is no name.
    "per-base-from-to": ("助学金由每生每年2000元提高至2500元。", ["助学金", "助学金"]),
    # Nouns the dictionary tags as verbs (排放, 投放, 需求, 通道, 县) are nouns in a name.
    "noun-tagged-verb-emission": ("工业二氧化碳排放下降4%。", ["工业二氧化碳排放"]),
    "noun-tagged-verb-lending": ("普惠小微贷款投放超过500亿元。", ["普惠小微贷款投放"]),
    "noun-tagged-verb-demand": ("对接企业技术需求1200项。", ["企业技术需求"]),
    "noun-tagged-verb-channel": ("建成跨江通道3座、在建5座。", ["跨江通道", "跨江通道"]),
    "noun-tagged-morpheme-county": ("9个设区市和4个县获评全国文明城市。", ["设区市", "县"]),
    "modifier-verb-scattered": ("散居孤儿基本生活费提高到每月1600元。", ["散居孤儿基本生活费"]),
    # A stop word is no edge of a word it begins (约|束性指标, 全国|性), and 性 glues to one (预期|性).
    "stop-word-before-suffix": ("完成预期性指标12项、约束性指标6项。", ["预期性指标", "约束性指标"]),
    "scope-word-before-suffix": ("举办全国性文艺展演120场。", ["全国性文艺展演"]),
    "nature-noun": ("自然岸线保有率达到62%。", ["自然岸线保有率"]),
    "bound-head-set": ("建成8个高质量数据集。", ["高质量数据集"]),
    # Another measure word in brackets after a count: the noun follows it.
    "alternative-measure-word": ("新建成120座（处）污水处理设施。", ["污水处理设施"]),
    # A -化 kind of work (适老化|改造) is counted whole.
    "kind-of-work-before-figure": ("完成困难家庭适老化改造2.3万户。", ["困难家庭适老化改造"]),
    "kind-of-work-after-count": ("实施60条公交线路智能化改造。", ["公交线路智能化改造"]),
    # A five-year plan's time is the base of a comparison or the frame of a name, not the name.
    "plan-end-compared": ("营业收入较“十三五”末期翻一番、利润翻三番。", ["营业收入", "利润"]),
    "plan-period-compared": ("实际使用外资比“十三五”时期增长78.9%。", ["实际使用外资"]),
    "plan-period-above": ("地区生产总值年均增长4.5%，高于“十三五”时期1.2个百分点。",
                          ["地区生产总值", "地区生产总值"]),
    "plan-period-frame": ("力争“十五五”时期地区生产总值年均增长5%左右。", ["地区生产总值"]),
    "plan-end-net-increase": ("地区生产总值年均增长5.2%，较“十三五”末净增1万亿元。",
                              ["地区生产总值", "地区生产总值"]),
    # A guessed word that ends in a from word is two words (床位数|由).
    "rate-guessed-word-each": ("人大代表议案建议608件，满意率均100%。", ["人大代表议案建议", "满意率"]),
    "rate-of-predicate-verb": ("“综合查一次”实施率达83.1%。", ["“综合查一次”实施率"]),
    "from-to-guessed-word": ("千人口床位数由6.4张增至7.6张。", ["千人口床位数", "千人口床位数"]),
    # Scope, time and plan words are no part of a name.
    "scope-and-plan-words": ("今年力争实现地区生产总值增长5%左右。", ["地区生产总值"]),
    "five-years-cumulative": ("五年来累计完成固定资产投资2.1万亿元。", ["固定资产投资"]),
    "preliminary": ("预计全年城镇新增就业52万人。", ["城镇新增就业"]),
    "first-batch": ("建成首批社区综合服务中心50个。", ["社区综合服务中心"]),
    # Adverbs the dictionary tags as nouns end a name.
    "both-adverb": ("铁路、航空客运量双双超过千万人次。", ["铁路、航空客运量"]),
    "all-done-adverb": ("40件民生实事全面完成。", ["民生实事"]),
    "count-then-noun-adverb": ("6家二级公司有序展业。", ["二级公司"]),
    "whole-society": ("全社会研发经费投入年均增长9.5%。", ["全社会研发经费投入"]),
    "stock-after-flow": ("新增公园85座，累计达到960座。", ["新增公园", "公园"]),
    # Abbreviations and codes are names.
    "cpi": ("CPI上涨0.2%。", ["CPI"]),
    "r-and-d-intensity": ("全社会R&D经费投入强度达到2.9%。", ["全社会R&D经费投入强度"]),
    "pm25-underscore": ("全省PM_2.5平均浓度下降9.6%。", ["PM_2.5平均浓度"]),
    "type-2-diabetes": ("2型糖尿病患者规范管理率达到70%以上。", ["2型糖尿病患者规范管理率"]),
    # A shared head noun written once after a 分别 list.
    "ordinal-industries": ("第一、二、三产业增加值分别增长3.9%、6.1%、5.2%。",
                           ["第一产业增加值", "第二产业增加值", "第三产业增加值"]),
    "short-industries": ("一产、二产、三产增加值分别增长4%左右、5%以上、5.5%左右。",
                         ["一产增加值", "二产增加值", "三产增加值"]),
    "sector-value-added": ("金融业、商贸业增加值分别增长6.4%、5.1%。", ["金融业增加值", "商贸业增加值"]),
    "etc-sectors": ("汽车、家电、服装等行业增加值分别增长9.2%、4.8%、3.1%。",
                    ["汽车行业增加值", "家电行业增加值", "服装行业增加值"]),
    "urban-rural-income": ("城镇和农村居民人均可支配收入分别增长4.2%、6.1%。",
                           ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
    "product-output": ("手机、集成电路、工业机器人产量分别增长12.5%、8.3%、21.7%。",
                       ["手机产量", "集成电路产量", "工业机器人产量"]),
    "pipe-networks": ("改造老旧供水、燃气、供热管网650公里、420公里、380公里。",
                      ["老旧供水管网", "燃气管网", "供热管网"]),
    "trade-partners": ("对欧盟、东盟进出口分别增长8.6%、12.3%。", ["欧盟进出口", "东盟进出口"]),
    "investment-fields": ("全年交通、能源投资分别达到612亿元、388亿元。", ["交通投资", "能源投资"]),
    "share-heads": ("装备制造业、高技术制造业增加值占规上工业比重分别达45.2%、21.3%。",
                    ["装备制造业增加值占规上工业比重", "高技术制造业增加值占规上工业比重"]),
    "shared-head-longer-item": ("全省国际航空旅客和货邮吞吐量分别增长14.2%、4.2%。",
                                ["国际航空旅客吞吐量", "货邮吞吐量"]),
    "shared-head-two-sectors": ("规模以上高技术制造业和装备制造业增加值分别增长13.8%、18.1%。",
                                ["规模以上高技术制造业增加值", "装备制造业增加值"]),
    "own-heads-not-shared": ("网络零售额、乡村旅游收入分别增长7.2%、9.8%。", ["网络零售额", "乡村旅游收入"]),
    "same-head-not-shared": ("固定资产投资、民间投资分别增长3.5%、1.2%。", ["固定资产投资", "民间投资"]),
    "people-not-shared": ("研发人员、高技能人才分别达到82万人、310万人。", ["研发人员", "高技能人才"]),
    "visits-and-spending": ("接待游客人次、旅游总花费分别增长8.2%、9.5%。", ["游客人次", "旅游总花费"]),
    "partial-group": ("学前教育毛入园率、义务教育巩固率、高中阶段和高等教育毛入学率分别达到"
                      "92.1%、97.6%、96.5%、61.8%。",
                      ["学前教育毛入园率", "义务教育巩固率", "高中阶段毛入学率", "高等教育毛入学率"]),
    # One word writes two items (存贷款: 存款 and 贷款; data/paired_words.txt), the rest they share.
    "deposits-and-loans": ("金融机构人民币存贷款余额分别增长7.1%、6.8%。", ["存款余额", "贷款余额"]),
    "deposits-and-loans-both-currencies": ("银行机构本外币存贷款余额分别达38.7万亿元、29.9万亿元。",
                                           ["本外币存款余额", "本外币贷款余额"]),
    "paired-word-listed-partners-stay": ("对东盟、欧盟进出口分别增长16.7%、40.2%。", ["东盟进出口", "欧盟进出口"]),
    # 及, 和, 与 inside a word (普及率, 和谐, 参与率) join no items (data/joined_words.txt).
    "joiner-inside-a-word-ji": ("全省5G网络覆盖率、普及率分别达到98%、85%。", ["5G网络覆盖率", "普及率"]),
    "joiner-inside-a-word-he": ("和谐社区、平安社区分别建成120个、260个。", ["和谐社区", "平安社区"]),
    "joiner-inside-a-word-yu": ("社区参与率和居民满意度分别达到76%、93%。", ["社区参与率", "居民满意度"]),
    "joiner-still-joins-levels": ("二级及以上医院、社区卫生服务中心分别达到120家、300家。",
                                  ["二级及以上医院", "社区卫生服务中心"]),
    "and-list": ("生产安全事故起数和死亡人数分别下降21.4%、18.9%。", ["生产安全事故起数", "死亡人数"]),
    "quoted-items-twice": ("“浙江制造”、“浙江好品”分别新增15项和36项，累计分别达到120项和310项。",
                           ["浙江制造", "浙江好品", "浙江制造", "浙江好品"]),
    # Counts: the noun after the measure word.
    "count-attributive-noun": ("新增2个国家级高新技术产业开发区、3个综合保税区。",
                               ["国家级高新技术产业开发区", "综合保税区"]),
    "count-adjective-noun": ("新增40家以上先进智能工厂。", ["先进智能工厂"]),
    "count-scope-word": ("新增9个全国县域商业领跑县。", ["县域商业领跑县"]),
    "count-shared-head-after": ("着力培育5个世界级、8个国家级、12个省级先进制造业集群。",
                                ["世界级先进制造业集群", "国家级先进制造业集群", "省级先进制造业集群"]),
    "shared-head-with-direction-word": ("布局建设15个国家级、20个省级粮食产能提升重点县。",
                                        ["国家级粮食产能提升重点县", "省级粮食产能提升重点县"]),
    "count-and-shared-head": ("建强3个国家级和18个省级区域医疗中心。", ["国家级区域医疗中心", "省级区域医疗中心"]),
    "area-noun-after": ("建成8万亩高标准农田。", ["高标准农田"]),
    "two-measures-nouns-after": ("提升改造180公里农村公路和95万平方米村内道路。", ["农村公路", "村内道路"]),
    "count-predicate-after": ("完成320家沿江化工企业关改搬转、9600个入河排污口整治。",
                              ["沿江化工企业", "入河排污口"]),
    "count-then-attribute-clause": ("为不少于5万名经济困难的严重精神障碍患者免费提供药物。", ["严重精神障碍患者"]),
    "count-then-verb-clause": ("培育20个具有国际影响力的产业集群。", ["产业集群"]),
    "count-then-localizer": ("国家统计的104种工业产品中，我省产量居全国前列。", ["工业产品"]),
    "count-then-possessor": ("引进100家企业的研发中心。", ["企业"]),
    "count-verbal-compound": ("建设60个中小学校冰雪运动训练室。", ["中小学校冰雪运动训练室"]),
    "count-action-noun-after": ("重点推进80个乡村振兴片区建设。", ["乡村振兴片区"]),
    "count-quoted-attribute": ("新增12家“小巨人”企业。", ["“小巨人”企业"]),
    "count-quoted-then-noun": ("新增3个“两山”实践创新基地。", ["“两山”实践创新基地"]),
    "count-then-selected": ("8家企业入选国家重点产业链链主企业。", ["企业"]),
    "count-then-award": ("6部作品荣获全国“五个一工程”奖。", ["作品"]),
    "count-then-idiom": ("1.5万个社区服务站提质增效。", ["社区服务站"]),
    "count-then-rank": ("城镇化率等5项指标居全国第一。", ["指标"]),
    # 和美乡村 is one word (data/domain_words.txt): its 和 joins nothing.
    "harmonious-villages-count": ("打造20个宜居宜业和美乡村示范村。", ["宜居宜业和美乡村示范村"]),
    "harmonious-villages-rate": ("和美乡村覆盖率达到73%。", ["和美乡村覆盖率"]),
    "harmonious-villages-listed": ("建成3000多个宜居宜业和美乡村及820个特色田园乡村。",
                                   ["宜居宜业和美乡村", "特色田园乡村"]),
    # 孤独症 is a noun (jieba: 孤独|症, an adjective and a morpheme).
    "autism-children-count": ("为超5000名孤独症儿童免费提供康复服务。", ["孤独症儿童"]),
    "autism-training-sessions": ("举办孤独症诊疗技术培训班超10期。", ["孤独症诊疗技术培训班"]),
    # A class written as a figure (750千伏, 10万吨级, 5A级) before the counted noun is part of its name.
    "count-voltage-class": ("建成20个500千伏输变电工程。", ["500千伏输变电工程"]),
    "count-two-voltage-classes": ("新建22个750千伏和330千伏电网工程。", ["750千伏和330千伏电网工程"]),
    "count-tonnage-class": ("新建3个10万吨级码头泊位。", ["10万吨级码头泊位"]),
    "count-letter-grade-class": ("新增8个5A级景区。", ["5A级景区"]),
    "count-verb-after-fragment": ("实施12处大宗工业固废回填试点。", ["大宗工业固废回填试点"]),
    "bare-count-measure-word": ("确保生猪出栏5200万头以上。", ["生猪出栏"]),
    "planned-new-projects": ("纳入国家68项重大工程的190个计划新开工项目全部开工。", ["重大工程", "新开工项目"]),
    # A figure of things with nothing before it to name it: the noun after it, not the previous figure's name.
    "fallback-noun-after-length": ("建设宜居宜业乡村示范片区12个，提升改造150公里农村公路。",
                                   ["宜居宜业乡村示范片区", "农村公路"]),
    "fallback-noun-after-money": ("地区生产总值增长5%，全年完成3000亿元投资。", ["地区生产总值", "投资"]),
    "fallback-unknown-word-after": ("新建5G基站2万个，改造60公里老旧管网。", ["5G基站", "老旧管网"]),
    "fallback-nothing-after-stays": ("新建公园30个，改造120公里。", ["公园", "公园改造"]),
    "fallback-stock-stays": ("新建绿道137公里、累计达到2136公里。", ["绿道", "绿道"]),
    # Rates, ratios and shares.
    "contribution-rate": ("消费对经济增长贡献率提升至58%左右。", ["消费对经济增长贡献率"]),
    "tech-progress-rate": ("农业科技进步贡献率达到66.2%。", ["农业科技进步贡献率"]),
    "verb-rate": ("美丽河湖建成率达到35%以上。", ["美丽河湖建成率"]),
    "ratio-with-de": ("社会物流总费用与GDP的比率降至13.8%。", ["社会物流总费用与GDP的比率"]),
    "renewable-share": ("可再生能源装机占比提高到52.3%。", ["可再生能源装机占比"]),
    "share-of-whole-with-de": ("高标准农田达到耕地总面积的64%。", ["高标准农田"]),
    "multiple-of-level-with-reach": ("森林覆盖率达到全国平均水平的1.2倍。", ["森林覆盖率"]),
    "share-equal-to-whole": ("研发投入相当于地区生产总值的2.5%。", ["研发投入"]),
    "share-become-no-subject": ("成为全国的20%。", [""]),
    "share-of-plan-done-stays": ("完成年度计划的96.5%。", [""]),
    # A share that opens its clause, N%的 + noun: a share of those things.
    "share-of-things-after": ("90%的化工园区降至较低风险等级，85%的煤矿达到安全生产标准化二级以上。",
                              ["化工园区", "煤矿"]),
    "share-of-things-after-scope": ("全市60%的城市污水处理厂完成提标改造。", ["城市污水处理厂"]),
    "share-of-things-not-previous": ("新增医院12家，90%的县医院达到三级医院服务能力。", ["新增医院", "县医院"]),
    "share-of-funds-used": ("每年将75%以上的财力用于民生。", ["财力"]),
    "share-of-whole-named-before-stays": ("出口额占全国的13%。", ["出口额"]),
    "share-after-level": ("新能源汽车产量增至65万辆、占比达到38%。", ["新能源汽车产量", "新能源汽车产量占比"]),
    "share-of-whole": ("出口规模突破3万亿元，占全国份额提升到13.2%。", ["出口规模", "出口规模占全国份额"]),
    "share-of-whole-after-level": ("生物医药授权交易180亿美元、占全球8%左右。",
                                   ["生物医药授权交易", "生物医药授权交易占全球"]),
    "share-after-unfound-level": ("财政民生支出突破9000亿元、占比稳定在78%左右。", ["财政民生支出", "财政民生支出占比"]),
    # A share or total after a figure of things: of what the sentence measures, or of the things counted.
    "share-after-count-of-milestones": ("经济总量连续跨过3个万亿元大关，占全国比重达到7.4%。",
                                        ["万亿元大关", "经济总量占全国比重"]),
    "share-after-milestones-listed": ("全省地区生产总值连续跨越3个万亿元台阶、占全国比重达到10.8%。",
                                      ["万亿元台阶", "地区生产总值占全国比重"]),
    "total-of-counted-things": ("新增境内上市公司62家，总数186家。", ["新增境内上市公司", "境内上市公司总数"]),
    "total-scale-of-funds": ("设立基金24只、总规模934亿元。", ["基金", "基金总规模"]),
    "total-investment-of-projects": ("新签约产业项目139个、总投资1022亿元。", ["产业项目", "产业项目总投资"]),
    "total-named-stays": ("新增上市公司45家，上市公司总数达到1224家。", ["新增上市公司", "上市公司总数"]),
    # Verbs inside names and before them.
    "affordable-rental": ("筹集建设保障性租赁住房12万套。", ["保障性租赁住房"]),
    "grade-and-above": ("二级及以上公立医院数量新增18家。", ["二级及以上公立医院数量"]),
    "voltage-and-above": ("220千伏及以上输电线路总长超过5万公里。", ["220千伏及以上输电线路总长"]),
    "grades-joined": ("引进国家级和省级海外高层次人才1200人。", ["国家级和省级海外高层次人才"]),
    "subject-completes-investment": ("交通、水利完成投资3200多亿元。", ["交通、水利投资"]),
    "count-completes-investment": ("520个省重点项目完成投资6800亿元。", ["省重点项目", "省重点项目投资"]),
    "modifier-verb-after-predicate": ("支持龙头企业牵头组建创新联合体10个以上。", ["创新联合体"]),
    "modifier-verb-counted-sessions": ("各级领导开展集中办公69场次。", ["集中办公"]),
    "modifier-verb-funds": ("新一轮横向帮扶协作投入帮扶资金179亿元。", ["帮扶资金"]),
    "modifier-verb-clause-start": ("充电电量增长25%以上。", ["充电电量"]),
    "modifier-verb-guessed-noun": ("信访积案化解率达97.5%。", ["信访积案化解率"]),
    "modifier-verb-resettlement": ("开工城中村改造安置住房14.1万套。", ["安置住房"]),
    # What is done to the counted things' kind, before its head, is part of the name.
    "count-action-before-head": ("新增22个新型城镇化建设试点。", ["新型城镇化建设试点"]),
    "count-nominal-verbs-before-head": ("新建5个市级托育综合服务中心。", ["市级托育综合服务中心"]),
    "count-direction-before-head": ("实施6个粮油单产提升重点县建设。", ["粮油单产提升重点县"]),
    "quoted-attribute-then-verb": ("社保卡“一卡通”应用场景达到185个。", ["社保卡“一卡通”应用场景"]),
    "joined-quoted-attribute-then-verb": ("创建国家生态文明建设示范区和“两山”实践创新基地23个。",
                                          ["国家生态文明建设示范区和“两山”实践创新基地"]),
    "quoted-subject-then-verb": ("“鲁惠通”兑现政策资金166亿元。", ["政策资金"]),
    "verb-pair-in-name": ("新改建城镇供排水管网2100公里。", ["新改建城镇供排水管网"]),
    "undergraduate-colleges": ("新增本科高校2所。", ["新增本科高校"]),
    "local-employment": ("高校毕业生留省就业超过60万人。", ["高校毕业生留省就业"]),
}

XFAIL_NAME_CASES: dict[str, tuple[str, list[str]]] = {
    # 在站 is split 在|站 by the short dictionary.
    "postdocs-in-station": ("博士后在站人数突破1万人。", ["博士后在站人数"]),
    # A code glued before the name: the hotline number is part of it.
    "hotline-number": ("12345热线群众诉求满意率达到92%以上。", ["12345热线群众诉求满意率"]),
    # A place word (海外, tagged s) before a verb inside a name.
    "place-word-in-name": ("生物医药海外授权交易180亿美元。", ["生物医药海外授权交易"]),
    # The noun after the counted one is what is counted (招生计划, not 普通高中).
    "count-then-second-noun": ("增加3000个普通高中招生计划。", ["普通高中招生计划"]),
    # A bare 总量 in a clause of its own: the subject is in the clause before, with no figure.
    # A total after a measure (播种面积) is of the thing measured (粮食), not of the measure.
    "total-after-a-measure": ("粮食播种面积1584万亩、总产量132亿斤。", ["粮食播种面积", "粮食总产量"]),
    "total-of-previous-subject": ("经营主体稳中培优，总量达1200万户。", ["经营主体总量"]),
}

# Names read before a figure the figure stage may not find yet (a code glued to it).
NAME_BEFORE_CASES: dict[str, tuple[str, str]] = {
    "output-per-area-gdp": ("每平方公里产出GDP", "每平方公里产出GDP"),
    "r-and-d-glued": ("R&D投入强度", "R&D投入强度"),
    "per-capita-gdp": ("人均GDP", "人均GDP"),
    "per-10k-patents": ("每万人口高价值发明专利拥有量达到", "每万人口高价值发明专利拥有量"),
}


@pytest.mark.parametrize("phrase, expected", [
    *[pytest.param(p, e, id=k) for k, (p, e) in NAME_CASES.items()],
    *[pytest.param(p, e, id=k, marks=pytest.mark.xfail(strict=True))
      for k, (p, e) in XFAIL_NAME_CASES.items()],
])
def test_real_name(phrase, expected):
    assert [r.indicator for r in extract_text(phrase)] == expected


@pytest.mark.parametrize("before, expected", NAME_BEFORE_CASES.values(),
                         ids=NAME_BEFORE_CASES.keys())
def test_name_before_a_glued_figure(before, expected):
    span = name_before(before, 0, len(before))
    assert span is not None and before[span[0]:span[1]] == expected
