"""Headings -> sections, each with the year and kind it implies.

Parts `一、2022年工作回顧` set the year and kind of what follows; subsections
`（一）…` nest under them.  A heading whose ordinal was lost to mojibake takes
the next ordinal in sequence.  A closing glossary (有關名詞解釋) is a section
of its own, marked so that its numbers are not read as indicators.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import vocab
from .numerals import parse_chinese

ORDINALS = "一二三四五六七八九十"
PART = regex.compile(r"^[ \t\u3000]*(?P<ord>[一二三四五六七八九十]{1,3})[、.．](?P<title>[^。；;]{1,48})$")
SUB = regex.compile(r"^[ \t\u3000]*[（(](?P<ord>[一二三四五六七八九十]{1,3}|\?)[）)](?P<title>.*)$")
GLOSSARY = regex.compile(r"^[ \t\u3000]*(?:有关|有關|附[:：]?)?(?:名词解释|名詞解釋|注释|註釋|名词注释)[ \t\u3000:：]*$")
# A year: 2022年, or 二〇〇九年 written digit by digit; not inside 2022-2023年.
YEAR = regex.compile(r"(?<![\d-])(?:((?:19|20)\d{2})|([一二][〇零○一二三四五六七八九]{3}))年(?![\d-])")
# Leftovers of unrepaired mojibake inside a heading: a lone `?` or one or two
# Latin letters glued to Han characters (提振M、拉動).
NOISE_IN_TITLE = regex.compile(r"(?<=\p{Han})(?:\?+|[A-Za-z]{1,2})(?=[\p{Han}、，,])|^\?+")
LINE = regex.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
REPORT_DATE = regex.compile(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日")



@dataclass(frozen=True)
class Section:
    id: str             # "1", "1.2"; "" before the first heading
    path: str           # heading path, " > " between levels
    year: int | None
    kind: str           # actual | target
    start: int          # offset in the cleaned text where the section begins
    line: int           # 1-based line of its heading in the cleaned text
    glossary: bool = False

    @property
    def title(self) -> str:
        return self.path.rsplit(" > ", 1)[-1]


def ordinal_value(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12.

    >>> ordinal_value("十二")
    12
    """
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + ORDINALS.index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (ORDINALS.index(tens) + 1) * 10 + (ORDINALS.index(ones) + 1 if ones else 0)
    return ORDINALS.index(text) + 1


def ordinal_text(n: int) -> str:
    """12 -> 十二.

    >>> ordinal_text(10), ordinal_text(12), ordinal_text(21)
    ('十', '十二', '二十一')
    """
    if n <= 10:
        return ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    return (ORDINALS[tens - 1] if tens > 1 else "") + "十" + (ORDINALS[ones - 1] if ones else "")


def year_value(m: "regex.Match[str]") -> int:
    """The year a YEAR match names: 2022年 -> 2022, 二〇〇九年 -> 2009."""
    if m.group(1):
        return int(m.group(1))
    return int(parse_chinese(m.group(2)))


def report_year(simple: str) -> int | None:
    """The year the report was delivered, from its dateline (2023年1月10日)."""
    m = REPORT_DATE.search(simple, 0, 600)
    return int(m.group(1)) if m else None


def part_kind(title: str) -> str:
    """target for a plan (安排, 计划, 目标 …), actual otherwise (回顾, 执行情况 …)."""
    if any(w in title for w in vocab.words("actual_words.txt")):
        return "actual"
    if any(w in title for w in vocab.words("target_words.txt")):
        return "target"
    return "actual"


def parse_outline(text: str, simple: str) -> list[Section]:
    """Sections in order; the first one ("", before any heading) always exists."""
    delivered = report_year(simple)
    sections = [Section("", "", delivered - 1 if delivered else None, "actual", 0, 1)]
    part: Section | None = None
    part_no = sub_no = 0
    for lineno, m in enumerate(LINE.finditer(text), 1):
        start = m.start()
        line, sline = m.group(1), simple[m.start(1):m.end(1)]
        if not m.group() and start == len(text) and lineno > 1:
            break
        if GLOSSARY.match(sline):
            part_no += 1
            part = Section(str(part_no), line.strip(), part.year if part else None,
                           "actual", start, lineno, glossary=True)
            sections.append(part)
            continue
        if part is not None and part.glossary:
            continue
        if m := PART.match(sline):
            part_no, sub_no = ordinal_value(m.group("ord")), 0
            kind = part_kind(m.group("title"))
            y = YEAR.search(m.group("title"))
            year = year_value(y) if y else _implied_year(delivered, kind)
            part = Section(str(part_no), line.strip(), year, kind, start, lineno)
            sections.append(part)
        elif (m := SUB.match(sline)) and part is not None:
            ordinal = m.group("ord")
            sub_no = sub_no + 1 if ordinal == "?" else ordinal_value(ordinal)
            title = _heading_title(line, m.start("title"), ordinal, sub_no)
            sections.append(Section(f"{part.id}.{sub_no}", f"{part.path} > {title}",
                                    part.year, part.kind, start, lineno))
    return sections


def _implied_year(delivered: int | None, kind: str) -> int | None:
    if delivered is None:
        return None
    return delivered if kind == "target" else delivered - 1


def _heading_title(line: str, title_start: int, ordinal: str, number: int) -> str:
    """`（N）` and the heading's first sentence; a lost ordinal is restored."""
    title = line[title_start:].strip()
    cut = regex.search(r"[。；;]", title)
    if cut:
        title = title[: cut.start()]
    title = NOISE_IN_TITLE.sub("", title)
    return f"（{ordinal_text(number) if ordinal == '?' else ordinal}）{title}"


def id_order(section_id: str) -> tuple[int, ...]:
    """Sort key of a section id: "" < "1" < "1.2" < "1.10" < "2".

    >>> sorted(["2", "1.10", "", "1.2", "1"], key=id_order)
    ['', '1', '1.2', '1.10', '2']
    """
    return tuple(int(part) for part in regex.findall(r"\d+", section_id))


def section_at(sections: list[Section], offset: int) -> Section:
    """The section that holds cleaned-text `offset`."""
    current = sections[0]
    for s in sections:
        if s.start > offset:
            break
        current = s
    return current
