"""Properties over generated report-like text: never crash, always point back.

How time grows with hostile input is tested on named patterns in
tests/test_hostile_text.py; the pace is measured by bench/bench.py."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from luohu_cli import extract_text
from luohu_cli.pipeline import CONTEXT
from luohu_cli.text import clean

PIECES = [
    "全年", "地区生产总值", "地區(qū)生產(chǎn)總值", "增长", "增長", "下降", "近", "超", "约", "左右", "以上",
    "2630.2", "３．４", "-2.0", "1,258.7", "5.5-6", "2至3", "千", "八成", "百分之七点八", "四分之一",
    "亿元", "億元", "万户", "%", "％", "个百分点", "家", "個", "倍", "平方米", "微克/立方米",
    "，", ",", "。", "、", "和", "分别", "“", "”", "(", ")", "（一）", "一、2022年工作回顾", "\n",
    "\r\n", " ", "/strong>", "?。ㄒ唬?", "燃?xì)獾?", "2023年", "第", "PM2.5", "1+3+N", "\u3000",
]

report_like = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
anything = st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(report_like)
def test_report_like_text_never_crashes_and_points_back(text):
    for r in extract_text(text):
        assert 0 <= r.start < r.end <= len(text)
        assert clean(text[r.start:r.end]).text == r.text
        assert text.count("\n", 0, r.start) + text.count("\r", 0, r.start) - text.count("\r\n", 0, r.start) + 1 == r.line
        assert isinstance(r.value, Decimal) and isinstance(r.base_value, Decimal)
        assert "E" not in format(r.base_value, "f")


@settings(max_examples=200, deadline=None)
@given(anything)
def test_any_text_never_crashes(text):
    for r in extract_text(text):
        assert r.start < r.end


def test_importing_the_library_does_not_load_the_tokenizer():
    code = "import sys, luohu_cli, luohu_cli.cli; print('jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# Report-like text as hostile input makes it: headings of every form
# and typo, numbers with noise characters inside, tokens repeated many times.
HEADINGS = [
    "一、2022年工作回顾", "二、2023年工作安排", "（一）稳住经济大盘", "(二)培育市场主体", "（十一）民生",
    "（一一）坚持民生优先", "九九、其他", "一 、回顾", "1.主要指标", "（1）具体目标", "第一部分 回顾", "（）空",
    "三、", "（二十）", "?。ㄒ唬?/strong>因时因势", "有关名词解释", "注释", "附件", "政府工作报告",
]
NUMBERS = [
    "2630.2", "1 258.7", "1\xa0258.7", "1\u202f258.7", "263\u200b0.2", "2630\u2060.2", "\ufeff3.4",
    "３．４", "–3.4", "−3.4", "—3.4", "－３", "5.5–6", "5.5-6", "2至3", "377\n.4", "9. 1", "1,258.7",
    "六千二百六十一", "百分之七点八", "近八成", "三分之一", "千", "1万", "2/3", "4兆8,530",
]
UNITS = ["亿元", "億元", " 亿元", "\xa0亿元", "万户", "%", " %", "％", "个百分点", "家", "倍", "万", "平方米", ""]
WORDS = [
    "全年", "地区生产总值", "地區(qū)生產(chǎn)總值", "增长", "增長", "下降", "近", "超", "约", "左右", "以上",
    "分别", "和", "、", "，", ",", "。", "；", "“", "”", "(", ")", "2023年", "十四五", "第", "PM2.5", "1+3+N",
    " ", "\u3000", "/strong>", "&nbsp;", "燃?xì)獾?", "“十四五”时期", "目标", "——",
]
figure = st.tuples(st.sampled_from(NUMBERS), st.sampled_from(UNITS)).map("".join)
piece = st.one_of(st.sampled_from(WORDS), figure, st.sampled_from(WORDS), figure)
heading = st.sampled_from(HEADINGS).map(lambda h: "\n" + h + "\n")
paragraph = st.lists(st.one_of(piece, piece, piece, heading), max_size=30).map("".join)
repeated = st.tuples(paragraph, st.integers(1, 80)).map(lambda t: t[0] * t[1])
report = st.lists(st.one_of(paragraph, repeated), min_size=1, max_size=4).map("".join)

_LOOSE = str.maketrans({"–": "-", "—": "-", "−": "-", "\u2010": "-", "\ufe63": "-", "\xa0": None,
                        "\u202f": None, "\u2009": None, "\u3000": None, " ": None, "\n": None, "\r": None})


def _loose(figure: str) -> str:
    """A figure with the cleaning that depends on its surroundings undone:
    a dash is a minus after a word, a space goes inside a number or figure."""
    return clean(figure).text.translate(_LOOSE)


def _check_records(text, records):
    for r in records:
        assert 0 <= r.start < r.end <= len(text)
        # the figure in the input, its noise cleaned away, is the figure as read
        assert _loose(text[r.start:r.end]) == _loose(r.text), (text[r.start:r.end], r.text)
        assert len(r.context) <= CONTEXT + 2
        assert isinstance(r.value, Decimal) and isinstance(r.base_value, Decimal)


@settings(max_examples=100, deadline=None)
@given(report)
def test_hostile_report_like_text_never_crashes_and_points_back(text):
    _check_records(text, extract_text(text))
