"""The year a report was delivered and the place it speaks for, read from its first lines.

Light on purpose: every input a command reads is described, so nothing heavy is imported here.
"""
from __future__ import annotations

import regex

HEAD_CHARS = 3000
# ——2024年1月9日在深圳市罗湖区第八届人民代表大会第四次会议上
DATELINE_PLACE = regex.compile(
    r"[在于]\s*(\p{Han}{2,20}?)\s*(?:第\s*[一二三四五六七八九十百零〇\d]+\s*届\s*)?人民代表大会")
# 2026年澄州市政府工作报告; 关于清溪区2022年国民经济和社会发展计划执行情况……
TITLE_PLACE = regex.compile(
    r"^(?:(?:19|20)\d{2}年)?(\p{Han}{2,15}?)(?:人民)?政府工作报告"
    r"|^关于(\p{Han}{2,15}?)(?:19|20)\d{2}年", regex.M)
# 我代表罗湖区人民政府
SPEAKER_PLACE = regex.compile(r"我代表(\p{Han}{2,15}?)人民政府")
PLACE_WORDS = ("省", "市", "区", "县", "州", "盟", "旗", "镇", "乡", "自治区", "新区")


def describe_text(text: str) -> tuple[int | None, str]:
    """(the year a report was delivered, the place it speaks for) from its text;
    None / "" when it does not say. Reads only the first lines.

    >>> describe_text("政府工作報告\\n——2024年1月9日在深圳市羅湖區第八屆\\n人民代表大會第四次會議上\\n")
    (2024, '深圳市罗湖区')
    >>> describe_text("2026年澄州市政府工作报告\\n")
    (2026, '澄州市')
    """
    from .text import clean
    from .timeframe import delivery_year

    head = clean(text[:HEAD_CHARS]).simple
    lines = [line.strip() for line in head.split("\n") if line.strip()]
    year = delivery_year(head, lines[:12])
    joined = regex.sub(r"\s+", "", head)
    place = ""
    for m in (DATELINE_PLACE.search(joined), *(TITLE_PLACE.match(line) for line in lines[:6]),
              SPEAKER_PLACE.search(joined)):
        found = m and next((g for g in m.groups() if g), "")
        if found and found.endswith(PLACE_WORDS):
            place = found
            break
    return year, place
