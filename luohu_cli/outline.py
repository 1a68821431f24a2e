"""Headings -> sections, each with its role, year, kind and period.

A report is read as a list of lines.  Web-page furniture before the title and
after the speech (下载 打印, 来源：, 相关报道：) is set apart; what remains is
cut into parts by headings in any of the forms real reports use:

- with ordinals: `一、2022年工作回顧` (a part), `（一）…` (its subsection);
- without ordinals: a short line of its own that names a part
  (`“十四五”时期发展成就和2025年工作回顾`); numbered parts after such a
  heading nest under it (`2.1`, `2.1.1`);
- an appendix (`附件1`) and a glossary (`名词解释`), parts of their own.

Each part gets a role (see `ROLES`) from the times its heading names (a year
or a plan period, placed against the year the report was delivered), else from
its words, else from its content; its year, kind and period follow.  A heading
whose ordinal was lost to mojibake takes the next ordinal in sequence.
"""
from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from . import timeframe, vocab
from .text import table_separator
from .timeframe import YEAR, Frame, year_value

log = logging.getLogger(__name__)

ORDINALS = "一二三四五六七八九十"
# 一 … 九, 十, 十一 … 九十九; not a typo such as 一一 or 九九
ORDINAL = r"(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]|[壹贰叁参肆伍陆柒捌玖拾])"
# 壹、貳、參 (Simplified shadow: 壹 贰 参): parts of a Taiwanese report
CAPITAL_ORDINALS = {c: n for n, cs in enumerate(("壹", "贰", "叁参", "肆", "伍", "陆", "柒", "捌", "玖", "拾"), 1)
                    for c in cs}
PART = regex.compile(rf"^[ \t\u3000]*(?P<ord>{ORDINAL})[、.．](?P<title>[^。；;]{{1,48}})$")
# a bare line with these roles after numbered parts is a part whose ordinal was left out
MISSED_ORDINAL_ROLES = {"government", "closing"}
SUB = regex.compile(rf"^[ \t\u3000]*[（(](?P<ord>{ORDINAL}|\?)[）)](?P<title>.*)$")
# A glossary entry: 1.“四上”企业：… or 名词：…
GLOSSARY_ENTRY = regex.compile(r"^[ \t\u3000]*(?:\d{1,3}[.．、]|[（(]\d{1,3}[)）])?[ \t]*[“\"]?[^：:。，,]{1,30}[”\"]?[：:]")
GLOSSARY = regex.compile(
    r"^[ \t\u3000]*(?:附件[\d一二三四五六七八九十]*[:：、 \t\u3000]*)?(?:有关|有關|相关|附[:：]?)?"
    r"(?:名词解释|名詞解釋|注释|註釋|名词注释)[ \t\u3000:：]*$")
APPENDIX = regex.compile(r"^[ \t\u3000]*附件[\d一二三四五六七八九十]*[:：、 \t\u3000]*(?P<title>[^。；;]{0,40})$")
SALUTATION = regex.compile(r"^[ \t\u3000]*(?:各位代表|同志们|各位委员)[^。！!]{0,10}[:：][ \t\u3000]*$")
# Leftovers of unrepaired mojibake inside a heading: a lone `?` or one or two
# Latin letters glued to Han characters (提振M、拉動), or to the gap a repair marks
# (提振…M、拉動: see mojibake.GAP).
NOISE_IN_TITLE = regex.compile(r"(?<=[\p{Han}…])(?:\?+|[A-Za-z]{1,2})(?=[\p{Han}、，,])|^\?+")
LINE = regex.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
SENTENCE_END = set("。！？!?；;…")
CLOSERS = set("”’」』)）】")
# A line ending in one of these, or whose next line starts with one, runs on:
# it is part of a sentence, never a heading.
RUNS_ON_END = set("的和及与在是、，,对把将为从由向于")
RUNS_ON_START = set("：:，,、；;。是的")
BARE_HEADING_MAX = 40
HEADER_LINES = 60

# What a part is, in the order a report usually has them.
ROLES = ("front", "review", "period-review", "period-targets", "plan", "government",
         "closing", "glossary")


@dataclass(frozen=True)
class Section:
    id: str             # "1", "1.2", "2.1.1"; "" before the first heading
    path: str           # heading path, " > " between levels
    year: int | None
    kind: str           # actual | target
    start: int          # offset in the cleaned text where the section begins
    line: int           # 1-based line of its heading in the cleaned text
    role: str = ""      # one of ROLES, or two joined by "+" (review+period-review)
    period: str = ""    # "2021-2025" for a part on a plan period, else ""

    @property
    def title(self) -> str:
        return self.path.rsplit(" > ", 1)[-1]

    @property
    def glossary(self) -> bool:
        return self.role == "glossary"

    @property
    def frame(self) -> Frame:
        return Frame(self.year, self.period, self.kind)


@dataclass(frozen=True)
class Outline:
    """The sections of a report, the lines that are page furniture, and its year."""
    sections: tuple[Section, ...]
    furniture: tuple[tuple[int, int], ...]   # (start, end) spans of the cleaned text
    delivered: int | None                    # the year the report was delivered
    frames: dict                             # section id -> the Frame a part starts with
    roc: bool = False                        # dated in 民國 years (112年度 = 2023)

    def section_at(self, offset: int) -> Section:
        """The section that holds cleaned-text `offset`."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sections[max(i, 0)]

    def is_furniture(self, offset: int) -> bool:
        i = bisect.bisect_right(self._furniture_starts, offset) - 1
        return i >= 0 and offset < self.furniture[i][1]

    @cached_property
    def _starts(self) -> list[int]:
        return [x.start for x in self.sections]

    @cached_property
    def _furniture_starts(self) -> list[int]:
        return [start for start, _ in self.furniture]


def ordinal_value(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12.

    >>> ordinal_value("十二")
    12
    """
    if text in CAPITAL_ORDINALS:
        return CAPITAL_ORDINALS[text]
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


# --- the lines -----------------------------------------------------------------

@dataclass
class _Line:
    no: int          # 1-based
    start: int
    end: int
    text: str        # as written
    simple: str      # Simplified, stripped
    kind: str = ""   # "", furniture, part, sub, bare, appendix, glossary


def _lines(text: str, simple: str) -> list[_Line]:
    out = []
    for no, m in enumerate(LINE.finditer(text), 1):
        if not m.group() and m.start() == len(text) and no > 1:
            break
        out.append(_Line(no, m.start(1), m.end(1), m.group(1),
                         simple[m.start(1):m.end(1)].strip(" \t\u3000\xa0")))
    return out


@lru_cache(maxsize=None)
def _furniture_pattern(name: str) -> "regex.Pattern[str]":
    """The regular expressions of data/NAME as one pattern (one compile, not one each)."""
    return regex.compile("|".join(f"(?:{p})" for p in vocab.words(name)))


def _mark_furniture(lines: list[_Line]) -> int:
    """Mark page furniture; return the index of the first line of the speech."""
    furniture = _furniture_pattern("page_furniture.txt")
    trailer = _furniture_pattern("page_trailer.txt")
    body = _body_start(lines)
    for line in lines[:body]:
        line.kind = "furniture"
    for i in range(body, len(lines)):
        line = lines[i]
        if i > body and trailer.fullmatch(line.simple):
            for rest in lines[i:]:
                rest.kind = "furniture"
            break
        if line.simple and furniture.fullmatch(line.simple):
            line.kind = "furniture"
    return body


def _body_start(lines: list[_Line]) -> int:
    """The speech starts after its salutation (各位代表：), else at the first
    heading or paragraph; what comes before is title, dateline and page furniture."""
    for i, line in enumerate(lines[:HEADER_LINES]):
        if SALUTATION.match(line.simple):
            return i + 1
    for i, line in enumerate(lines[:HEADER_LINES]):
        if PART.match(line.simple) or SUB.match(line.simple) or len(line.simple) > 60:
            return i
    return 0


def _is_bare_heading(lines: list[_Line], i: int) -> bool:
    """A short line of its own, no sentence mark, that names a part; not a line
    of a sentence broken across lines, not a title or byline."""
    s = lines[i].simple
    if not 4 <= len(s) <= BARE_HEADING_MAX or any(c in SENTENCE_END or c in "：:" for c in s):
        return False
    if s[-1] in RUNS_ON_END or s.endswith("报告") or regex.search(r"\d", s.replace("年", "").strip("“”\"")) \
            and not YEAR.search(s):
        return False
    if not _role_words(s) and not timeframe.plan_periods(s):
        return False
    prev = next((x for x in reversed(lines[:i]) if x.simple), None)
    if prev is not None and prev.kind not in ("furniture", "part", "sub", "bare", "appendix") \
            and prev.simple[-1] not in SENTENCE_END | CLOSERS | set("：:"):
        return False
    nxt = next((x for x in lines[i + 1:] if x.simple), None)
    return nxt is None or nxt.simple[0] not in RUNS_ON_START


def _role_words(title: str) -> list[str]:
    """Roles whose words the heading holds, in the order of part_words.tsv."""
    found = []
    for role, word in vocab.pairs("part_words.tsv"):
        if word in title and role not in found:
            found.append(role)
    return found


# --- parts and their roles -----------------------------------------------------

@dataclass
class _Heading:
    line: _Line
    level: int       # 1 part, 2 subsection, 3 sub-subsection
    number: int
    title: str       # as shown in the path
    kind: str        # part, sub, bare, appendix, glossary


def parse_outline(text: str, simple: str, report: str = "") -> Outline:
    """The report's outline: sections in order (the first, "", always exists).

    A numbering that skips or repeats is logged as a warning naming `report`."""
    lines = _lines(text, simple)
    _mark_furniture(lines)
    delivered = timeframe.delivery_year(simple, [x.simple for x in lines[:HEADER_LINES]])
    headings = _headings(lines)
    _warn_on_numbering(headings, report)
    if delivered is None:
        delivered = _year_from_headings(headings)
    return _build(text, lines, headings, delivered, timeframe.is_roc(simple))


def _headings(lines: list[_Line]) -> list[_Heading]:
    out: list[_Heading] = []
    bare_parts = False      # parts without ordinals: numbered parts nest under them
    container = 0           # level of the last part heading: subsections go one below
    sub_no = top_no = last_part = 0
    in_glossary = False
    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.simple
        if line.kind == "furniture" or not s or table_separator(s):
            i += 1  # a table row (（一）地区生产总值\t5.2\t5) is no heading
            continue
        if in_glossary and (s.endswith("报告") or timeframe.DATELINE.match(s)):
            in_glossary = False     # a second report starts after the glossary
        appendix = APPENDIX.match(s)
        part = PART.match(s)
        sub = SUB.match(s)
        if GLOSSARY.match(s) and not _glossary_follows(lines, i):
            i += 1      # a bare 注释 line with no entries after it is no glossary
            continue
        if GLOSSARY.match(s) or appendix:
            top_no += 1
            kind, title = ("glossary" if GLOSSARY.match(s) else "appendix"), line.text.strip()
            if appendix and not appendix.group("title").strip():
                nxt = _next_text_line(lines, i)
                if nxt is not None and _is_appendix_title(lines[nxt].simple):
                    title = f"{title} {lines[nxt].text.strip()}"
                    kind = "glossary" if GLOSSARY.match(lines[nxt].simple) else kind
                    lines[nxt].kind = kind
                    i = nxt
            line.kind = kind
            out.append(_Heading(line, 1, top_no, title, kind))
            in_glossary, bare_parts, container, sub_no = kind == "glossary", False, 1, 0
        elif part and part.group("ord") in CAPITAL_ORDINALS:
            # 壹、貳、參 are the parts; the 一、 headings under them nest (2.1, 2.1.1)
            top_no = number = ordinal_value(part.group("ord"))
            line.kind = "part"
            in_glossary, bare_parts, container, sub_no = False, True, 1, 0
            out.append(_Heading(line, 1, number, line.text.strip(), "part"))
        elif part and not (in_glossary and ordinal_value(part.group("ord")) != last_part + 1):
            number = last_part = ordinal_value(part.group("ord"))
            line.kind = "part"
            in_glossary = False
            container, sub_no = (2 if bare_parts else 1), 0
            if not bare_parts:
                # numbering that starts again (a second report, an appendix) keeps ids unique
                number = top_no = number if number > top_no else top_no + 1
            out.append(_Heading(line, container, number, line.text.strip(), "part"))
        elif sub and out and not in_glossary:
            ordinal = sub.group("ord")
            sub_no = sub_no + 1 if ordinal == "?" else ordinal_value(ordinal)
            line.kind = "sub"
            title = _heading_title(line.text, sub.start("title") + _indent(line.text), ordinal, sub_no)
            out.append(_Heading(line, container + 1, sub_no, title, "sub"))
        elif not in_glossary and (bare_parts or not any(h.kind == "part" for h in out)) \
                and _is_bare_heading(lines, i):
            top_no += 1
            line.kind = "bare"
            bare_parts, container, sub_no = True, 1, 0
            out.append(_Heading(line, 1, top_no, line.text.strip(), "bare"))
        elif not in_glossary and not bare_parts and last_part and _is_bare_heading(lines, i) \
                and set(_role_words(s)) & MISSED_ORDINAL_ROLES:
            # 加强政府自身建设 on a line of its own after 一、二、: the next part, its ordinal left out
            number = last_part = top_no = max(last_part, top_no) + 1
            line.kind = "part"
            container, sub_no = 1, 0
            out.append(_Heading(line, 1, number, line.text.strip(), "part"))
        i += 1
    return out


def _glossary_follows(lines: list[_Line], i: int) -> bool:
    """A glossary heading is followed by an entry (1.“四上”企业：…), or ends the text."""
    nxt = _next_text_line(lines, i)
    return nxt is None or bool(GLOSSARY_ENTRY.match(lines[nxt].simple)) \
        or bool(APPENDIX.match(lines[nxt].simple))


def _warn_on_numbering(headings: list[_Heading], report: str) -> None:
    """一、 then 三、, or （二） then （二） again: worth a look, never a stop."""
    expected: dict[int, int] = {}
    for h in headings:
        if h.kind not in ("part", "sub"):
            expected = {k: v for k, v in expected.items() if k < h.level}
            continue
        want = expected.get(h.level, 1)
        written = regex.match(rf"[ \t\u3000]*[（(]?({ORDINAL}|\?)[、.．）)]", h.line.simple)
        if written and written.group(1) != "?" and ordinal_value(written.group(1)) != want:
            log.warning("%s: line %d: heading %s where %s was expected",
                        report or "<text>", h.line.no, h.line.simple[:12], ordinal_text(want))
        expected = {k: v for k, v in expected.items() if k <= h.level}
        expected[h.level] = (ordinal_value(written.group(1)) if written and written.group(1) != "?"
                             else want) + 1


def _next_text_line(lines: list[_Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j].simple:
            return j if lines[j].kind != "furniture" else None
    return None


def _is_appendix_title(s: str) -> bool:
    """附件1 on a line of its own is followed by its title: 2026年民生实事."""
    return 0 < len(s) <= BARE_HEADING_MAX and not any(c in SENTENCE_END for c in s) \
        and not PART.match(s) and not SUB.match(s)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u3000"))


def _year_from_headings(headings: list[_Heading]) -> int | None:
    """Without a dateline: a plan part's year, or the year after a review's;
    else the later of the years the part headings name."""
    years = {year_value(y) for h in headings if h.level == 1 for y in YEAR.finditer(h.line.simple)}
    if len(years) > 1:
        return max(years)
    for h in headings:
        if h.level != 1:
            continue
        y = YEAR.search(h.line.simple)
        if not y:
            continue
        words = _role_words(h.line.simple)
        if "review" in words:
            return year_value(y) + 1
        if "plan" in words:
            return year_value(y)
    return None


def _build(text: str, lines: list[_Line], headings: list[_Heading],
           delivered: int | None, roc: bool = False) -> Outline:
    front = Frame(timeframe.reviewed_year(delivered), "", "actual")
    sections = [Section("", "", front.year, front.kind, 0, 1, "front")]
    frames: dict[str, Frame] = {"": front}
    path: list[tuple[str, str]] = []        # (id, title) of the open levels
    frame_at: list[Frame] = []
    role_at: list[str] = []
    for n, h in enumerate(headings):
        del path[h.level - 1:], frame_at[h.level - 1:], role_at[h.level - 1:]
        parent_id = path[-1][0] if path else ""
        sid = f"{parent_id}.{h.number}" if parent_id else str(h.number)
        if h.level == 1:
            end = _part_end(headings, n, len(text))
            role, frame = part_role(h.line.simple, h.kind, delivered, text[h.line.end:end],
                                    first=not any(x.level == 1 for x in headings[:n]), roc=roc)
        else:
            role = role_at[-1] if role_at else "review"
            frame = _sub_frame(h.title, delivered, frame_at[-1] if frame_at else front, roc)
        path.append((sid, h.title))
        frame_at.append(frame)
        role_at.append(role)
        sections.append(Section(sid, " > ".join(t for _, t in path), frame.year, frame.kind,
                                h.line.start, h.line.no, role, frame.period))
        frames[sid] = frame
    furniture = tuple(_spans(lines))
    return Outline(tuple(sections), furniture, delivered, frames, roc)


def _part_end(headings: list[_Heading], n: int, default: int) -> int:
    for h in headings[n + 1:]:
        if h.level == 1:
            return h.line.start
    return default


def _spans(lines: list[_Line]):
    """Furniture lines as (start, end) spans, neighbours merged."""
    span = None
    for line in lines:
        if line.kind == "furniture":
            span = (span[0] if span else line.start, line.end + 1)
        elif line.simple and span:
            yield span
            span = None
    if span:
        yield span


def part_role(title: str, kind: str, delivered: int | None, body: str,
              first: bool = False, roc: bool = False) -> tuple[str, Frame]:
    """A part's role and the time frame it starts with.

    The times the heading names decide (a year or plan period before the
    report's year is a review, from it on a plan); without one, its words; without
    those, its content.

    >>> part_role("一、2025年和“十四五”时期工作回顾", "part", 2026, "")
    ('review+period-review', Frame(year=2025, period='', kind='actual'))
    >>> part_role("二、“十五五”时期主要目标任务", "part", 2026, "")[0]
    'period-targets'
    >>> part_role("四、全面提升政府治理效能", "part", 2026, "")
    ('government', Frame(year=2026, period='', kind='target'))
    """
    if kind == "glossary":
        return "glossary", Frame(delivered, "", "actual")
    words = _role_words(title)
    times = timeframe.heading_times(title, delivered, roc)
    if times:
        roles = []
        for f in times:
            role = timeframe.time_role(f)
            if role not in roles:
                roles.append(role)
        return "+".join(roles), times[0]
    if "glossary" in words:
        return "glossary", Frame(delivered, "", "actual")
    if "government" in words and "review" not in words:
        return "government", timeframe.year_frame(delivered, delivered)
    if "closing" in words:
        return "closing", timeframe.year_frame(delivered, delivered)
    if "review" in words:
        return "review", timeframe.year_frame(timeframe.reviewed_year(delivered), delivered, "actual")
    if "plan" in words or kind == "appendix":
        return "plan", timeframe.year_frame(delivered, delivered, "target")
    if timeframe.reads_as_review(body, first):
        return "review", timeframe.year_frame(timeframe.reviewed_year(delivered), delivered, "actual")
    return "plan", timeframe.year_frame(delivered, delivered, "target")


def _sub_frame(title: str, delivered: int | None, inherited: Frame, roc: bool = False) -> Frame:
    """A subsection naming a time of its own (（一）“十五五”发展目标) takes it."""
    times = timeframe.heading_times(title, delivered, roc)
    return times[0] if times else inherited


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
