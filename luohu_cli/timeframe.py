"""The time a figure describes: its year, its kind and, for a plan period, its span.

Every time is placed against the year the report was delivered (D): a year or
period that ends before D is a result (`actual`), one from D on a plan
(`target`).  A part of the report starts in the frame its heading gives; a
sentence that opens with a time (`五年来，` `过去一年，` `今年` `2025年是…`)
sets the frame for what follows it in that part; inside a sentence, the
nearest time before a figure is the figure's own (`到2030年`, `“十四五”时期`),
except base years after 比/较 and the start of a from/to pair, which has a
year of its own (`从2020年的2.1万亿元增加到2.9万亿元`).

Five-year plans by number: plan N covers 1950+5N+1 … 1950+5N+5
(十三五 2016-2020, 十四五 2021-2025, 十五五 2026-2030).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from . import vocab
from .numerals import parse_chinese

# A year: 2022年, or 二〇〇九年 written digit by digit; not inside 2022-2023年.
YEAR = regex.compile(r"(?<![\d-])(?:((?:19|20)\d{2})|([一二][〇零○一二三四五六七八九]{3}))年(?![\d-])")
YEAR_SPAN = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年)?\s*[-－—–~～至到]\s*((?:19|20)\d{2})年")
# 十四五, “十四五”, 第十五个五年规划; not 十四五's first or last year (开局之年, 收官之年)
PLAN = regex.compile(
    r"(?:[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?|第(?P<m>十[一二三四五六七八九]|[一二三四五六七八九十])个五年(?:规划|计划))"
    r"(?P<end>末|期末)?"
    r"(?![^，。；,;]{0,6}?(?:开局|收官|第一年|最后一年|起步|之年|头一年|首年))")
# A Taiwanese report counts years from 1912 (民國113年 = 2024): its dateline says so, and
# then its bare years (112年度, 116年) are read that way too.
ROC_OFFSET = 1911
ROC_DATELINE = regex.compile(r"(?:中华民国|民国)\s*(\d{2,3})年\d{1,2}月\d{1,2}日")
ROC_YEAR = regex.compile(r"(?<![\d.])(?:中华民国|民国)?([89]\d|1[0-4]\d)年(?:度)?(?![\d-]|来|间|内|里)")
DATELINE = regex.compile(
    r"((?:19|20)\d{2}|[一二][〇零○一二三四五六七八九]{3})年"
    r"[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日[ \t\u3000]*(?:在|于)")
TITLE = regex.compile(r"^.{0,30}?((?:19|20)\d{2})年.{0,30}工作报告(?:[（(【][^）)】]{0,12}[）)】])?$")
PAGE_DATE = regex.compile(r"^(?:(?:发表|发布)?时间[:：]|发布日期[:：])?[ \t]*((?:19|20)\d{2})-\d{1,2}-\d{1,2}")
ANY_DATE = regex.compile(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日")
# What may stand before a time at the start of a sentence and still leave it the subject.
LEAD = regex.compile(r"(?:[ \t\u3000—\-－–―]+|各位代表[！!，,]?|同志们[！!，,]?|刚刚过去的|过去的|回望|回顾|纵观|"
                     r"透过[^，。,]{0,6}?回望|在)*")
INITIAL = 0          # how far into a sentence (after LEAD) a time may stand and be its subject
FROM_WORDS = ("从", "由")
UNTIL_WORDS = ("到", "至")
TO_AFTER = regex.compile(r"[^，。；,;]{0,6}?(?:到|至)")
AVERAGE = ("年均", "平均每年", "年平均")
SINCE = "以来"
MIDYEAR_WORDS = ("上半年", "前三季度")   # in a title: a report on part of its own year
EVALUATION_WORDS = ("中期评估",)         # in a title: a plan's mid-term evaluation
TITLE_LINES = 15
BEFORE = "前"         # 2030年前碳达峰: a deadline, like 到2030年
TITLE_SPAN = regex.compile(r"《[^》]{0,80}》")
TIME_END = regex.compile(r"[^的，。；]{0,12}?(?:年|末|时期)")
# 十四五 names a time only as 十四五时期/期间/以来/末/累计…; 十四五批复的项目 is a label
PLAN_AS_TIME = regex.compile(r"[”\"]?(?:时期|期间|以来|末|期末|规划期|的五年|五年|累计|年均|发展|末期)")
# 提高到2025年的14万元 is the end of a from/to pair, not a deadline
TO_VERB = regex.compile(r"(?:提高|提升|增加|增长|上升|下降|降低|减少|扩大|缩小|增|降|达)(?:到|至)$")


@dataclass(frozen=True)
class Frame:
    year: int | None
    period: str = ""      # "2021-2025", or "" for a single year
    kind: str = "actual"

    @property
    def first(self) -> int | None:
        return int(self.period[:4]) if self.period else self.year


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    frame: Frame | None   # None for 这一年: the year named last
    role: str     # topic (sets what follows), here (this sentence), from (the next figure), base
    source: str = "year"  # year, span, plan or word: what named the time


class Delivered(int):
    """The year a report was delivered. A report given in the year's second half (上半年计划
    执行情况, dated July) is `midyear`: it reviews its own year, so that year is a result
    or a plan as its part says."""
    midyear: bool = False

    def __new__(cls, year: int, midyear: bool = False) -> "Delivered":
        obj = super().__new__(cls, year)
        obj.midyear = midyear
        return obj


def reviewed_year(delivered: int | None) -> int | None:
    """The year a report's review describes: the year before, or its own if mid-year."""
    if delivered is None:
        return None
    return int(delivered) if getattr(delivered, "midyear", False) else delivered - 1


def _kind(last: int, delivered: int | None, default: str) -> str:
    if delivered is None or (last == delivered and getattr(delivered, "midyear", False)):
        return default
    return "target" if last >= delivered else "actual"


def year_frame(year: int | None, delivered: int | None, default: str = "actual") -> Frame:
    """One year; a result before the report's year, a plan from it on."""
    if year is None:
        return Frame(year, "", default)
    return Frame(year, "", _kind(year, delivered, default))


def span_frame(first: int, last: int, delivered: int | None, default: str = "actual") -> Frame:
    if first >= last:
        return year_frame(last, delivered, default)
    return Frame(last, f"{first}-{last}", _kind(last, delivered, default))


def plan_years(number: int) -> tuple[int, int]:
    """The years of five-year plan `number`: 14 -> (2021, 2025)."""
    first = 1950 + 5 * number + 1
    return first, first + 4


def plan_periods(text: str) -> list["regex.Match[str]"]:
    return list(PLAN.finditer(text))


def _plan_number(m: "regex.Match[str]") -> int:
    if m.group("n"):
        return 10 + "一二三四五六七八九".index(m.group("n")) + 1
    return int(parse_chinese(m.group("m")))


def delivery_year(simple: str, header: list[str]) -> int | None:
    """The year the report was delivered: its dateline (——2026年1月25日在…),
    else a title line (2026年北京市政府工作报告), else the page's date
    (时间：2026-02-02), else any full date near the top."""
    midyear = any(w in line for line in header[:TITLE_LINES] if "报告" in line for w in MIDYEAR_WORDS)
    # a plan's mid-term evaluation, however late in the year, reviews the plan up to the year before
    evaluation = any(w in line for line in header[:TITLE_LINES] if "报告" in line for w in EVALUATION_WORDS)
    m = DATELINE.search(simple, 0, 4000)
    if m:
        month = regex.search(r"年(\d{1,2})月", m.group())
        return Delivered(_year_number(m.group(1)),
                         midyear or (not evaluation and bool(month and int(month.group(1)) >= 6)))
    if m := ROC_DATELINE.search(simple, 0, 4000):
        return ROC_OFFSET + int(m.group(1))
    for line in header:
        if t := TITLE.match(line):
            return int(t.group(1))
    for line in header:
        if d := PAGE_DATE.match(line):
            return int(d.group(1))
    m = ANY_DATE.search(simple, 0, 600)
    return int(m.group(1)) if m else None


def is_roc(simple: str) -> bool:
    """True for a report dated in 民國 years (its years are then read as such)."""
    return bool(ROC_DATELINE.search(simple, 0, 4000))


def years_in(text: str, s: int = 0, e: int | None = None, roc: bool = False):
    """(start, end, year) of every year written in text[s:e]: 2022年, 二〇〇九年,
    and in a 民國-dated report 112年度 (2023)."""
    e = len(text) if e is None else e
    found = [(m.start(), m.end(), year_value(m)) for m in YEAR.finditer(text, s, e)]
    if roc:
        found += [(m.start(), m.end(), ROC_OFFSET + int(m.group(1)))
                  for m in ROC_YEAR.finditer(text, s, e)]
        found.sort()
    return found


def _year_number(text: str) -> int:
    return int(text) if text.isdigit() else int(parse_chinese(text))


def year_value(m: "regex.Match[str]") -> int:
    """The year a YEAR match names: 2022年 -> 2022, 二〇〇九年 -> 2009."""
    return _year_number(m.group(1) or m.group(2))


@lru_cache(maxsize=None)
def _time_words() -> tuple[tuple[str, str, int, str], ...]:
    """(word, back|ahead, years, start|any), longest word first."""
    rows = []
    for word, meaning, where in vocab.rows("time_words.tsv"):
        direction, n = meaning.split()
        rows.append((word, direction, int(n), where))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=None)
def _time_word_pattern() -> "regex.Pattern[str]":
    return regex.compile(r"\L<words>", words=[r[0] for r in _time_words()])


def _word_frame(word: str, delivered: int) -> tuple[Frame | None, str]:
    for w, direction, n, where in _time_words():
        if w == word:
            if direction == "same":
                return None, where
            if direction == "back":
                return span_frame(delivered - n, delivered - 1, delivered), where
            if direction == "partial":   # 上半年, 今年以来: results of the year reviewed
                return year_frame(reviewed_year(delivered), delivered, "actual"), where
            if direction == "now":       # 今年以来: results of the report's own year so far
                return Frame(int(delivered), "", "actual"), where
            if direction == "next":      # 下一步: what is to be done, in the report's own year
                return year_frame(int(delivered), delivered, "target"), where
            if direction == "rest":      # 下半年: the plan for the rest of a mid-year report's year
                year = int(delivered) if getattr(delivered, "midyear", False) else delivered - 1
                return year_frame(year, delivered, "target"), where
            return span_frame(delivered, delivered + n - 1, delivered), where
    raise KeyError(word)


def markers(simple: str, s: int, e: int, delivered: int | None,
            default: str = "actual", roc: bool = False) -> list[Marker]:
    """The times named in simple[s:e], in order, each with its role."""
    found: list[Marker] = []
    if simple.find("年", s, e) < 0 and simple.find("五", s, e) < 0 and simple.find("下一步", s, e) < 0:
        return found    # every time word holds 年 or 五 (十四五), but 下一步
    lead = LEAD.match(simple, s, e)
    initial_end = (lead.end() if lead else s) + INITIAL
    titles = _title_spans(simple, s, e)

    def role_for(start: int, where: str = "start") -> str:
        before = simple[max(s, start - 3):start]
        if any(before.endswith(w) for w in vocab.sentence_words("compared")):
            return "base"
        if before.endswith(("是", "为")) and simple.startswith("的", _end_of_time(simple, start, e)):
            return "base"   # 是2010年的1.9倍: the year compared with
        if before.endswith(FROM_WORDS) or before.endswith(tuple(w + "“" for w in FROM_WORDS)):
            return "from"
        if where == "any" or start <= initial_end:
            return "topic"
        return "here"

    for m in YEAR_SPAN.finditer(simple, s, e):
        if not _inside(titles, m.start()):
            first, last = int(m.group(1)), int(m.group(2))
            if first < last:
                found.append(Marker(m.start(), m.end(), span_frame(first, last, delivered, default),
                                    role_for(m.start()), "span"))
    spans = [(x.start, x.end) for x in found]
    named_plan_ends = {plan_years(_plan_number(m))[1] for m in PLAN.finditer(simple, s, e)}
    for start, end, year in years_in(simple, s, e, roc):
        if _inside(titles, start) or _inside(spans, start):
            continue
        role = role_for(start)
        frame = year_frame(year, delivered, default)
        until = simple[max(s, start - 1):start] in UNTIL_WORDS
        if role == "topic" and until:
            role = "here"
        if until and delivered is not None and year % 5 == 0 \
                and (year - 4 <= delivered < year or year in named_plan_ends) \
                and not TO_VERB.search(simple, max(s, start - 3), start):
            # 到2030年: the target of the current plan, or of the plan the sentence names;
            # 到2025年底 in a 2025 report is that year's own end unless the sentence names the plan
            frame = span_frame(year - 4, year, delivered, default)
        if simple.startswith(SINCE, end):
            # 2021年以来，累计… is the span up to the report; 创2006年以来新高 is a comparison
            if role != "topic" or delivered is None:
                continue
            frame = span_frame(year, reviewed_year(delivered), delivered, default)
        found.append(Marker(start, end, frame, role))
    for m in PLAN.finditer(simple, s, e):
        if _inside(titles, m.start()):
            continue
        first, last = plan_years(_plan_number(m))
        role = role_for(m.start())
        if role == "here" and not m.group("end") and not PLAN_AS_TIME.match(simple, m.end()):
            continue
        if m.group("end"):
            frame = year_frame(last, delivered, default)
        else:
            if delivered is not None and simple.startswith(SINCE, m.end()):
                last = min(last, reviewed_year(delivered))
            frame = span_frame(first, last, delivered, default)
        found.append(Marker(m.start(), m.end(), frame, role, "plan"))
    if delivered is not None:
        for m in _time_word_pattern().finditer(simple, s, e):
            if _inside(titles, m.start()):
                continue
            frame, where = _word_frame(m.group(), delivered)
            found.append(Marker(m.start(), m.end(), frame, role_for(m.start(), where), "word"))
    found.sort(key=lambda x: x.start)
    return _one_subject(simple, found, e)


def _one_subject(simple: str, found: list[Marker], e: int) -> list[Marker]:
    """A sentence has one subject time: `今年是实现“十四五”规划目标的关键一年`
    is about 今年; a later time in it holds only for what follows it there."""
    subject = next((i for i, mk in enumerate(found) if mk.role == "topic"), None)
    if subject is None:
        return found
    return [mk if i <= subject or mk.role != "topic" else Marker(mk.start, mk.end, mk.frame, "here")
            for i, mk in enumerate(found)]


def _end_of_time(simple: str, start: int, e: int) -> int:
    """Where the time that starts at `start` ends: after its 年 (or 末, 时期)."""
    m = TIME_END.match(simple, start, e)
    return m.end() if m else start


def _title_spans(simple: str, s: int, e: int) -> list[tuple[int, int]]:
    """《…》 spans: a time inside a document's title is not the figure's."""
    if simple.find("《", s, e) < 0:
        return []
    return [(m.start(), m.end()) for m in TITLE_SPAN.finditer(simple, s, e)]


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(a <= at < b for a, b in spans)


def heading_times(title: str, delivered: int | None, roc: bool = False) -> list[Frame]:
    """The times a heading names, in order: 一、2025年和“十四五”时期工作回顾 ->
    [2025, 2021-2025]."""
    out: list[tuple[int, Frame]] = []
    for start, end, year in years_in(title, roc=roc):
        if not YEAR_SPAN.search(title, max(0, start - 6), end):
            out.append((start, year_frame(year, delivered)))
    for m in YEAR_SPAN.finditer(title):
        out.append((m.start(), span_frame(int(m.group(1)), int(m.group(2)), delivered)))
    for m in PLAN.finditer(title):
        if not m.group("end"):
            out.append((m.start(), span_frame(*plan_years(_plan_number(m)), delivered)))
    if delivered is not None:
        for m in _time_word_pattern().finditer(title):
            out.append((m.start(), _word_frame(m.group(), delivered)[0]))
    return [f for _, f in sorted(out, key=lambda x: x[0])]


def time_role(frame: Frame) -> str:
    """The part role a time belongs to: review, period-review, period-targets, plan."""
    if frame.period:
        return "period-review" if frame.kind == "actual" else "period-targets"
    return "review" if frame.kind == "actual" else "plan"


def _by_the_end(simple: str, mk: Marker, frame: Frame) -> Frame:
    """到2030年 inside the 十五五 period is the period's target: it keeps the span."""
    deadline = simple[mk.start - 1:mk.start] in UNTIL_WORDS or simple.startswith(BEFORE, mk.end)
    if frame.period and mk.frame.year == frame.year and not mk.frame.period and deadline \
            and not TO_VERB.search(simple, max(0, mk.start - 3), mk.start):
        return frame
    return mk.frame


def reads_as_review(body: str, first: bool) -> bool:
    """A part whose heading names neither time nor role: a review if its text
    tells of what was done more than of what is to be done."""
    done = sum(body.count(w) for w in vocab.sentence_words("review-sign"))
    todo = sum(body.count(w) for w in vocab.sentence_words("plan-sign"))
    if done == todo:
        return first
    return done > todo


class Clock:
    """Walks a report's sentences in order and gives each figure its time.

    `frames_for(section, s, e, figure spans)` returns one Frame per figure; the
    frame a sentence opens with carries to the following sentences of the part.
    """

    def __init__(self, outline) -> None:
        self.outline = outline
        self.delivered = outline.delivered
        self.section = None
        self.frame = outline.sections[0].frame
        self.paragraph_frame: Frame | None = None
        self.last_year: Frame | None = None
        self.entered: dict[str, Frame] = {}   # section id -> the frame it started in

    def sections(self) -> tuple:
        """The outline's sections, each with the frame the text was in where it began
        (a subsection of a part that holds two times takes the one in force)."""
        out = []
        for s in self.outline.sections:
            f = self.entered.get(s.id)
            out.append(s if f is None else replace(s, year=f.year, kind=f.kind, period=f.period))
        return tuple(out)

    def enter(self, section) -> None:
        if section is self.section:
            return
        parent = self.outline.frames.get(section.id.rpartition(".")[0]) if "." in section.id else None
        own_time = parent is not None and section.frame != parent
        if "." not in section.id or "+" not in section.role or own_time:
            self.frame = section.frame
        self.paragraph_frame = None
        self.section = section
        self.entered[section.id] = self.frame

    def frames_for(self, simple: str, s: int, e: int, figures: list[tuple[int, int]],
                   heading: bool = False, paragraph: bool = False) -> list[Frame]:
        """One frame per figure span of the sentence simple[s:e]; `paragraph` says
        the sentence starts a paragraph, `heading` that it is a heading's title."""
        if paragraph:
            self.paragraph_frame = None
        default = self.section.kind if self.section is not None else "actual"
        found = [] if heading else self._named_last(
            markers(simple, s, e, self.delivered, default, self.outline.roc))
        out = []
        carried = self.paragraph_frame or self.frame
        used_from: set[int] = set()
        nearest, k = carried, 0     # the time in force, and the next marker to read
        for i, (a, b) in enumerate(figures):
            while k < len(found) and found[k].end <= a:
                if found[k].role in ("topic", "here"):
                    nearest = _by_the_end(simple, found[k], nearest)
                k += 1
            frame = self._from_value(simple, s, e, figures, i, found, nearest, used_from)
            frame = self._average(simple, s, figures, i, found, frame)
            out.append(frame)
        # what follows is about the sentence's subject, or a later 今年/去年 in it
        # (去年完成投资172亿元，今年力争增长8%)
        carried_on = [mk for mk in found if mk.role == "topic" or (mk.role == "here" and mk.source == "word")]
        if carried_on:
            self._carry(carried_on[-1].frame)
        return out

    def _named_last(self, found: list[Marker]) -> list[Marker]:
        """这一年 is the single year named last, in this sentence or before it."""
        out = []
        for mk in found:
            if mk.frame is None:
                if self.last_year is None:
                    continue
                mk = Marker(mk.start, mk.end, self.last_year, mk.role, mk.source)
            elif mk.role in ("topic", "here") and not mk.frame.period:
                self.last_year = mk.frame
            out.append(mk)
        return out

    def _carry(self, frame: Frame) -> None:
        """A time the part is about carries on; another (过去一年 in a plan) ends
        with its paragraph."""
        roles = set(self.section.role.split("+")) if self.section is not None else set()
        if roles & {"government", "closing"}:
            roles.add("plan")
        if time_role(frame) in roles or not roles - {"front"}:
            self.frame, self.paragraph_frame = frame, None
        else:
            self.paragraph_frame = frame

    def _from_value(self, simple, s, e, figures, i, found, frame, used_from) -> Frame:
        """The start of a from/to pair has its own year: written, else the year
        before the period or the year the frame describes."""
        a, b = figures[i]
        prev_end = figures[i - 1][1] if i else s
        between = simple[prev_end:a]
        if not any(w in between for w in FROM_WORDS):
            return frame
        nxt = figures[i + 1][0] if i + 1 < len(figures) else None
        if nxt is None or not TO_AFTER.match(simple, b, nxt):
            return frame
        for mk in found:
            if mk.role == "from" and prev_end <= mk.start < a and mk.start not in used_from:
                used_from.add(mk.start)
                return mk.frame
        first = frame.first
        if first is None:
            return frame
        return year_frame(first - 1, self.delivered, "actual")

    def _average(self, simple, s, figures, i, found, frame) -> Frame:
        """年均增长6.2% after a from/to with written years is the rate over them."""
        a = figures[i][0]
        clause_start = max(simple.rfind(c, s, a) for c in "，,；;")
        if frame.period or not any(w in simple[max(s, clause_start):a] for w in AVERAGE):
            return frame
        years = [mk for mk in found if mk.end <= a and not mk.frame.period
                 and mk.role in ("from", "here", "topic")]
        froms = [mk for mk in years if mk.role == "from"]
        if froms and years[-1].role != "from":
            return span_frame(froms[-1].frame.year + 1, years[-1].frame.year, self.delivered, frame.kind)
        return frame
