"""Cleaning keeps the way back to the input."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luohu_cli.text import _WRAP, STEPS, clean, is_hard_wrapped, line_of, to_simplified

CLEANING_CASES = {
    "pinyin-gloss": ("地區(qū)生產(chǎn)總值", "地區生產總值"),
    "pinyin-gloss-fullwidth-brackets": ("發（fā）展", "發展"),
    "gloss-keeps-plain-brackets": ("地區生產總值(GDP)增長", "地區生產總值(GDP)增長"),
    "gloss-keeps-chinese-brackets": ("公園(一期)", "公園(一期)"),
    "html-cut-tag": ("（一）</strong>因時因勢", "（一）因時因勢"),
    "html-tail-only": ("（一）/strong>因時因勢", "（一）因時因勢"),
    "html-entity": ("增長&nbsp;3%", "增長 3%"),
    "fullwidth-digits": ("增長３．４％", "增長3.4%"),
    "fullwidth-thousands": ("２，５５０，３６７萬元", "2,550,367萬元"),
    "newline-inside-number": ("377\n.4億元", "377.4億元"),
    "newline-between-digits": ("13\n7億元", "137億元"),
    "space-before-percent": ("增長9.1 %", "增長9.1%"),
    "space-after-point": ("增長9. 1%", "增長9.1%"),
    "space-as-thousands": ("1 258.7億元", "1258.7億元"),
    "ideographic-space-before-percent": ("9.1\u3000%", "9.1%"),
    "space-between-number-and-magnitude": ("生產總值 1.25 萬億元", "生產總值 1.25萬億元"),
    "space-between-number-and-unit": ("產量 4210 萬 噸", "產量 4210萬噸"),
    "space-after-qualifier": ("超過 3000 億元", "超過3000億元"),
    "ideographic-spaces-in-figure": ("就業\u300012.3\u3000萬人", "就業\u300012.3萬人"),
    "space-before-other-word-kept": ("指標 12 為 3 項", "指標 12 為 3項"),
    "mojibake-heading": ("?。ㄒ唬?/strong>因時因勢", "（一）因時因勢"),
    "mojibake-heading-lost-ordinal": ("?。ㄈ﹫猿痔嵴裣M(fèi)、拉動內(nèi)需", "（?）堅持提振…M、拉動內需"),
    "mojibake-heading-ordinal-survived": ("?。?/strong>四)堅持", "（四)堅持"),
    "mojibake-repair-stops-at-rare-chars": ("?。ㄆ撸┤婕訌?qiáng)政府", "（七）…?政府"),
    "mojibake-in-body-left-alone": ("燃?xì)獾?3個", "燃?獾?3個"),
    "plain-text-untouched": ("全年地區生產總值2630.2億元、增長3.4%", "全年地區生產總值2630.2億元、增長3.4%"),
    # Invisible characters and look-alikes: normalised, offsets kept.
    "nbsp-as-thousands": ("生產總值1\xa0258.7億元", "生產總值1258.7億元"),
    "narrow-nbsp-as-thousands": ("生產總值1\u202f258.7億元", "生產總值1258.7億元"),
    "thin-space-as-thousands": ("生產總值1\u2009258.7億元", "生產總值1258.7億元"),
    "nbsp-before-unit": ("零售總額2630.2\xa0億元", "零售總額2630.2億元"),
    "space-before-unit": ("零售總額2630.2 億元", "零售總額2630.2億元"),
    "nbsp-between-words-is-a-space": ("零售\xa0總額", "零售 總額"),
    "zero-width-space-in-number": ("增加值263\u200b0.2億元", "增加值2630.2億元"),
    "zero-width-joiners-in-number": ("增加值2\u200c63\u200d0.2億元", "增加值2630.2億元"),
    "word-joiner-in-number": ("增加值2630\u2060.2億元", "增加值2630.2億元"),
    "bom-inside-text": ("增長\ufeff3.4%", "增長3.4%"),
    "soft-hyphen": ("生產\u00ad總值", "生產總值"),
    "bidi-marks": ("\u200e增長3.4%\u200f", "增長3.4%"),
    "unicode-minus": ("增長\u22123.4%", "增長-3.4%"),
    "fullwidth-minus": ("增長－３．４％", "增長-3.4%"),
    "small-hyphen-minus": ("增長\ufe633.4%", "增長-3.4%"),
    "hyphen-u2010": ("增長\u20103.4%", "增長-3.4%"),
    "en-dash-as-minus": ("增長–3.4%", "增長-3.4%"),
    "en-dash-in-range": ("增長5.5–6%", "增長5.5-6%"),
    "em-dash-as-minus": ("增長—3.4%", "增長-3.4%"),
    "double-em-dash-kept": ("目標——3%以上", "目標——3%以上"),
    "em-dash-after-year-kept": ("2021年—2025年", "2021年—2025年"),
    "en-dash-before-word-kept": ("目標–增長", "目標–增長"),
}


@pytest.mark.parametrize("raw, expected", CLEANING_CASES.values(), ids=CLEANING_CASES.keys())
def test_cleaning(raw, expected):
    assert clean(raw).text == expected


@pytest.mark.parametrize("raw", [c[0] for c in CLEANING_CASES.values()], ids=CLEANING_CASES.keys())
def test_every_cleaned_character_comes_from_the_input(raw):
    c = clean(raw)
    assert len(c.origin) == len(c.text) + 1
    assert len(c.simple) == len(c.text)
    for i, ch in enumerate(c.text):
        assert 0 <= c.origin[i] < len(raw)
        if ch.isdigit() and raw[c.origin[i]].isascii():
            assert raw[c.origin[i]] == ch
    assert list(c.origin[:-1]) == sorted(c.origin[:-1])


def test_raw_span_of_a_figure():
    raw = "地區(qū)生產(chǎn)總值2630.2億元"
    c = clean(raw)
    at = c.text.index("2630.2")
    start, end = c.raw_span(at, at + len("2630.2億元"))
    assert raw[start:end] == "2630.2億元"


def test_simplified_shadow_has_the_same_length():
    assert to_simplified("地區生產總值增長3.4%，規上工業增加值") == "地区生产总值增长3.4%，规上工业增加值"


@pytest.mark.parametrize("raw, offset, line", [
    ("a\nb\nc", 4, 3), ("a\r\nb", 3, 2), ("a\rb", 2, 2), ("abc", 0, 1),
], ids=["lf", "crlf", "cr", "first"])
def test_line_of(raw, offset, line):
    assert line_of(raw, offset) == line


def test_raw_span_skips_an_invisible_character_inside_a_figure():
    raw = "金融業增加值263\u200b0.2億元。"
    c = clean(raw)
    at = c.text.index("2630.2")
    start, end = c.raw_span(at, at + len("2630.2億元"))
    assert raw[start:end] == "263\u200b0.2億元"


def _reference_clean_origin(raw: str) -> list[int]:
    """The offset map as the list it was before Offsets: one int a character."""
    text, origin = raw, list(range(len(raw)))
    for _name, pattern, replace in STEPS:
        text, origin = _reference_step(text, origin, pattern, replace)
    if is_hard_wrapped(text):
        text, origin = _reference_step(text, origin, _WRAP, lambda m: "")
    return origin + [len(raw)]


def _reference_step(text, origin, pattern, replace):
    out, new, pos = [], [], 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        new.extend(origin[pos:m.start()])
        rep = replace(m)
        out.append(rep)
        if len(rep) == len(m.group()):
            new.extend(origin[m.start():m.end()])
        else:
            new.extend([origin[m.start()]] * len(rep))
        pos = m.end()
    out.append(text[pos:])
    new.extend(origin[pos:])
    return "".join(out), new


NOISE = ["全年", "生產總值", "區(qū)", "發（fā）", "2630.2", "1 258.7", "３．４", "％", "億元", " 億元", "\n",
         "\r\n", "</strong>", "/strong>", "&nbsp;", "&lt;", "?。ㄒ唬?", "\xa0", "\u200b", "\ufeff", "–",
         "—", "\u2212", "377\n.4", "9.1 %", "超過 3000", "，", "。", "\u3000"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NOISE), max_size=30).map("".join))
def test_offsets_are_the_map_the_list_was(raw):
    c = clean(raw)
    assert list(c.origin) == _reference_clean_origin(raw)
    assert [c.origin[i] for i in range(len(c.origin))] == list(c.origin)
    assert c.origin[-1] == len(raw)


def test_offsets_of_a_long_clean_text_are_a_few_runs():
    raw = "全年地區生產總值2630.2億元、增長3.4%。\n" * 20000
    c = clean(raw)
    assert len(c.origin) == len(c.text) + 1
    assert c.origin.runs <= 2
    assert c.origin[len(c.text) // 2] == len(c.text) // 2


def test_offsets_slices_and_bounds():
    o = clean("增長３．４％。").origin
    assert o[:3] == [0, 1, 2] and o[-1] == 7
    with pytest.raises(IndexError):
        o[len(o)]


def test_raw_span_of_a_fullwidth_figure():
    raw = "增長３．４％。"
    c = clean(raw)
    start, end = c.raw_span(2, 6)
    assert raw[start:end] == "３．４％"
