"""Properties over generated report-like text: never crash, always point back."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from luohu_cli import extract_text
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
