"""The only place the stages are wired together: text -> outline -> figures -> names -> records."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from . import naming, tables, vocab
from .figures import Figure, alternatives, find_figures
from .model import Indicator
from .outline import Outline, Section, parse_outline
from .text import Cleaned, clean, line_of
from .timeframe import Clock, Frame, year_frame

log = logging.getLogger(__name__)

# A sentence ends at 。！？； (or their ASCII forms, a `.` only where no digit follows).
# One longer than MAX_SENTENCE characters (a table joined into one line, a run
# with no stop) is cut into pieces of MAX_SENTENCE/2 to MAX_SENTENCE
# characters: after a clause mark or space where there is one, else where no
# number is cut, else anywhere.  So the work spent on a sentence, and a
# record's context, stay bounded whatever the input.
MAX_SENTENCE = 1000
_BODY = r"(?:[^。！？!?；;.\r\n]|\.(?=\d))"
_STOP = rf"(?:(?:[。！？!?；;]|\.(?!\d)){{1,{MAX_SENTENCE}}}[”’」』]?|\r\n|\r|\n|$)"
_IN_NUMBER = r"\d.,%‰万亿千百十零〇一二两三四五六七八九"
SENTENCE = regex.compile(
    rf"(?>{_BODY}{{0,{MAX_SENTENCE}}}){_STOP}"  # atomic: no stop can come earlier
    rf"|{_BODY}{{{MAX_SENTENCE // 2},{MAX_SENTENCE}}}(?<=[，,、：:)）\s])"
    rf"|{_BODY}{{{MAX_SENTENCE // 2},{MAX_SENTENCE}}}(?<![{_IN_NUMBER}])(?![{_IN_NUMBER}])"
    rf"|{_BODY}{{1,{MAX_SENTENCE}}}")
# How far from its figure a name, a direction word or a clause mark is sought:
# a name is at most naming.MAX_LIST characters, and what stands between it and
# the figure (增长, 同比, (GDP), 在…上) a few more.  Bounding the reach keeps the
# work per figure constant in a long clause.
REACH_BEFORE = 80
REACH_AFTER = 40
# A record's context: the sentence, or where it is longer, CONTEXT characters
# of it around the figure with … at each end that was cut.
CONTEXT = 200
ELLIPSIS = "…"
CLAUSE_MARKS = frozenset(",，：:;；。!?！？\r\n")
CLAUSE_OR_BRACKET_MARKS = frozenset("，,；;：:。(（")
LIST_JOINERS = regex.compile(r"^[、,，和及与以及 ]*$")
QUOTE_SPAN = 16
TARGET_REACH = 4    # 目标控制在4%以内: a target word this close before a figure states a target
# …目标为/目标是 opens a clause that states a target, however far the figure follows
TARGET_STATED = regex.compile(r"目标(?:为|是)")
# the subject, its verb (not 为 of 成为 or 是 of 但是), the whole it is compared to
COMPARED_TO = regex.compile(r"(.+?)(?:(?<![但还就凡总于正也])是|(?<![成作认因行称视])为|相当于|达到)(?:.*)的$")
COMPARED_FAMILIES = ("multiple", "percent", "share")  # 是全市的1.5倍, 达到耕地总面积的64%
RATIO_WORDS = ("占比", "比重", "增速", "增幅", "份额")
# a total of the things the figure before counted: 新增上市公司45家、|总量|达1224家
TOTAL_WORDS = ("总量", "总数", "总规模", "总产量", "总产能", "总投资", "总投资额", "总花费", "总额", "总里程")
# what makes a count of things a flow (新增上市公司): no part of their total's name
NEW_THINGS = regex.compile(r"(?:新(?:增|建|开工|登记|设立?|认定|签约|培育|引进)|净增)(?=\p{Han}{2})")
SHARE_FAMILIES = ("percent", "share")
COUNTED_FAMILIES = ("count", "measure", "money")  # a figure of things, which a noun after it may name
NEXT_IN_LIST = regex.compile(r"[、,，和及与 ]*[\d一二三四五六七八九十]")
SHARED_AFTER = regex.compile(r"(?:[、和及与](?:\d+|[一二三四五六七八九十]+)\p{Han}{1,6}?级)+")
COMPLETED = regex.compile(r"(?:累计)?(?:完成|实现)")
LIST_ITEM_JOINER = regex.compile(r"、|和|与|及(?!以[上下])")
# the list items _list_names read last, so that _name finds shared heads without
# reading the list again: (text, sentence start, {figure start: the name's spans})
# and where its first 分别 is (-1: none)
_LISTS: list[tuple[str, int, dict[int, tuple[tuple[int, int], ...]], int]] = [("", -1, {}, -1)]
RESPECTIVELY = regex.compile(r"分别(?:为|是|达到|达|增长|下降|提高|增加|减少|降低|占)?")


@dataclass(frozen=True)
class Report:
    """A report read whole: its outline and its indicators."""
    name: str
    sections: tuple[Section, ...]
    records: tuple[Indicator, ...]


def analyse(text: str, report: str = "") -> Report:
    """Outline and indicators of an already decoded report text."""
    cleaned = clean(text)
    outline = parse_outline(cleaned.text, cleaned.simple, report)
    clock = Clock(outline)
    cells = tables.table_cells(cleaned.simple)  # () when no line has 2+ | or tabs
    records: list[Indicator] = []
    for m in SENTENCE.finditer(cleaned.simple):
        if m.end() > m.start() and not outline.is_furniture(m.start()):
            records.extend(_sentence_records(cleaned, outline, clock, m.start(), m.end(), report, cells))
    return Report(report, clock.sections(), tuple(records))


def extract_text(text: str, report: str = "") -> list[Indicator]:
    """Every indicator in an already decoded report text, in reading order.

    >>> [r.indicator for r in extract_text("全年地区生产总值2630.2亿元、增长3.4%。")]
    ['地区生产总值', '地区生产总值']
    """
    return list(analyse(text, report).records)


@dataclass
class _Previous:
    """What the figures earlier in the sentence said, for the ones that follow."""
    figure: Figure | None = None
    name: str = ""
    direction: str = ""


def _sentence_records(cleaned: Cleaned, outline: Outline, clock: Clock, s: int, e: int,
                      report: str, cells=()) -> list[Indicator]:
    simple = cleaned.simple
    section = outline.section_at(s)
    clock.enter(section)
    figures = [f for f in find_figures(simple, s, e) if _is_indicator(cleaned, f, s, e)]
    in_table = _table_cells(cells, s, e, figures) if cells else []
    spans = [(f.start, f.end) for f in figures]
    if in_table:  # frames for the table cells too, each at its place in the line
        spans = sorted(spans + [(c.figure.start, c.figure.end) for c in in_table])
    frames = clock.frames_for(simple, s, e, spans,
                              heading=s == section.start and bool(section.id),
                              paragraph=s == 0 or simple[s - 1] in "\r\n")
    if not (figures or in_table) or section.glossary:
        return []
    slots = [cells.slot_at(f.start) for f in figures] if cells else None
    if in_table:
        at = {span: frame for span, frame in zip(spans, frames)}
        frames = [at[(f.start, f.end)] for f in figures]
        cell_records = [_cell_record(cleaned, c, at[(c.figure.start, c.figure.end)], clock,
                                     section, s, e, report) for c in in_table]
        if not figures:
            return cell_records
        return sorted(_figure_records(cleaned, section, s, e, report, figures, frames, slots, clock)
                      + cell_records, key=lambda r: r.start)
    return _figure_records(cleaned, section, s, e, report, figures, frames, slots, clock)


def _table_cells(cells, s: int, e: int, figures: list[Figure]) -> list:
    """The bare table cells of simple[s:e] (tables.py) that no figure of the line covers."""
    out, k = [], 0
    for c in cells.between(s, e):  # both in order: one walk
        while k < len(figures) and figures[k].end <= c.figure.start:
            k += 1
        if k == len(figures) or c.figure.end <= figures[k].start:
            out.append(c)
    return out


def _cell_record(cleaned: Cleaned, cell, frame: Frame, clock: Clock, section: Section,
                 s: int, e: int, report: str) -> Indicator:
    """A table cell's record: named by its row label, its time from its column header
    (a year, actual/target) where the header says it, else from the line's context."""
    name = "".join(cleaned.text[a:b] for a, b in cell.name_spans)
    return _record(cleaned, cell.figure, section, name, cell.direction,
                   _column_frame(cell, frame, clock), s, e, report)


def _column_frame(cell, frame: Frame, clock: Clock) -> Frame:
    """The time a column header gives a cell (tables.Cell or tables.Slot), else frame."""
    if cell.year is not None:
        frame = year_frame(cell.year, clock.delivered, frame.kind)
    if cell.kind:
        frame = Frame(frame.year, frame.period, cell.kind)
    return frame


def _slot_reading(cleaned: Cleaned, slot, fig: Figure, name: str, direction: str, frame: Frame,
                  clock: Clock) -> tuple[str, str, Frame]:
    """A figure that has its unit in its own table cell (`386.4亿元`, `增长5%左右`): named
    by its row label unless the cell names it, its direction and time by the table too."""
    words = cleaned.simple[slot.start:fig.start].strip()
    for word in sorted(vocab.directions(), key=len, reverse=True):
        if words.endswith(word):
            words = words[: -len(word)].strip()
            break
    if not words:
        name = "".join(cleaned.text[a:b] for a, b in slot.name_spans)
    direction = direction or slot.direction or ("up" if slot.growth and fig.family == "percent" else "")
    return name, direction, _column_frame(slot, frame, clock)


def _figure_records(cleaned: Cleaned, section: Section, s: int, e: int, report: str,
                    figures: list[Figure], frames: list[Frame], slots=None,
                    clock: Clock | None = None) -> list[Indicator]:
    simple = cleaned.simple
    list_names = {i: cleaned.text[a:b] for i, (a, b) in _list_names(simple, s, figures).items()}
    prev = _Previous()
    out = []
    for i, fig in enumerate(figures):
        in_list = prev.figure is not None and bool(LIST_JOINERS.match(simple[prev.figure.end:fig.start]))
        clause = _clause_start(simple, s, prev, fig)
        direction = _direction(simple, clause, fig.start)
        name = list_names.get(i) or _name(cleaned, s, e, fig, prev, in_list)
        if direction is None:
            direction = _object_direction(cleaned, clause, fig, name)
        if direction is None:
            direction = prev.direction if in_list else ""
        frame = _kind_in_clause(simple, s, fig, frames[i])
        if slots and slots[i] is not None and clock is not None:
            name, direction, frame = _slot_reading(cleaned, slots[i], fig, name, direction, frame, clock)
        out.append(_record(cleaned, fig, section, name, direction, frame, s, e, report))
        prev = _Previous(fig, name, direction)
    return out


def _is_indicator(cleaned: Cleaned, fig: Figure, s: int, e: int) -> bool:
    """Filters that need the figure's surroundings (spec §1, exclusions)."""
    simple, text = cleaned.simple, cleaned.text
    if fig.num_start and text[fig.num_start - 1] == "?":
        log.debug("skipped %s: a digit may be lost to mojibake", text[fig.start:fig.end])
        return False
    # only a quotation of at most QUOTE_SPAN characters counts, so look no further
    opening = simple.rfind("“", max(s, fig.end - QUOTE_SPAN), fig.start)
    if opening >= 0 and simple.find("”", opening, fig.start) < 0:
        closing = simple.find("”", fig.end, min(e, opening + QUOTE_SPAN + 1))
        if 0 <= closing and closing - opening <= QUOTE_SPAN:
            return False  # a name or code in quotes: “安全生产15条”, “六个一”
    after = simple[fig.end:fig.end + 4]
    if fig.family not in ("count",) and any(after.startswith(w) for w in vocab.exclusions("class")):
        return False  # 营收超10亿元企业: a threshold that defines a class
    if fig.family == "duration" and after[:1] and regex.match(r"\p{Han}", after[:1]) \
            and after[:1] not in vocab.sentence_words("keeps-duration"):
        return False  # 24小时通关, 15分钟生活圈: a description, not a measure
    return True


def _clause_start(simple: str, s: int, prev: _Previous, fig: Figure) -> int:
    """Start of the clause a figure sits in (after the previous figure or mark),
    at most REACH_BEFORE characters back."""
    lo = max(s, fig.start - REACH_BEFORE)
    if prev.figure is not None and prev.figure.end > lo:
        lo = prev.figure.end
    return _after_last_mark(simple, lo, fig.start, CLAUSE_MARKS)


def _after_last_mark(simple: str, s: int, at: int, marks) -> int:
    """Just after the last of `marks` in simple[s:at], or s if there is none."""
    m = _last_of(frozenset(marks)).search(simple, s, at)
    return m.end() if m else s


@lru_cache(maxsize=None)
def _last_of(marks: frozenset[str]) -> "regex.Pattern[str]":
    """A pattern that finds the last of `marks` (searching backwards)."""
    return regex.compile("[" + "".join(regex.escape(c) for c in sorted(marks)) + "]", regex.REVERSE)


def _direction(simple: str, start: int, end: int) -> str | None:
    """up / down / "" (a level) from the words just before the figure; None if none."""
    region = simple[start:end].rstrip()
    changed = True
    while changed:
        changed = False
        for filler in vocab.sentence_words("filler"):
            if region.endswith(filler) and len(region) > len(filler):
                region = region[: -len(filler)]
                changed = True
    best = ""
    for word in vocab.directions():
        if region.endswith(word) and len(word) > len(best):
            best = word
    if not best:
        return None
    d = vocab.directions()[best]
    return "" if d == "level" else d


def _object_direction(cleaned: Cleaned, clause: int, fig: Figure, name: str) -> str | None:
    """up / down when the name right before the figure is the object of a change verb
    (降低|企业成本|200多亿元, 提高|最低标准|20元); None otherwise."""
    at = fig.start - len(name)
    if not name or at <= clause or cleaned.text[at:fig.start] != name:
        return None
    before = cleaned.simple[clause:at]
    for verb in vocab.sentence_words("changes-object"):
        if before.endswith(verb):
            return vocab.directions()[verb]
    return None


def _name(cleaned: Cleaned, s: int, e: int, fig: Figure, prev: _Previous, in_list: bool) -> str:
    """What the figure measures, in the report's own script."""
    simple, text = cleaned.simple, cleaned.text
    if in_list or _respectively_before(simple, s, fig.start) or NEXT_IN_LIST.match(simple, fig.end, e):
        shared = _shared_head_name(cleaned, s, e, fig)
        if shared:
            return shared
    clause, end = _clause_start(simple, s, prev, fig), _clause_end(simple, fig.end, e)
    start = clause
    subject = ""  # a name the previous figure took from after it
    if prev.figure is not None and prev.name and start == prev.figure.end:
        # 改造210公里农村公路和|120万平方米…: the words after the previous figure were its name
        after = text.find(prev.name, start, min(fig.start, start + len(prev.name) + 3))
        if after >= 0:
            start = after + len(prev.name)
            subject = prev.name
    span = None
    compared = COMPARED_TO.match(simple, start, fig.start) if fig.family in COMPARED_FAMILIES else None
    if compared:  # 人均公园绿地面积是全市平均水平的1.5倍, 高标准农田达到耕地总面积的64%: the subject
        span = naming.name_before(simple, start, compared.end(1))
    bare = fig.family == "count" and not fig.base_unit and naming.measure_word_after(simple, fig.end, end)
    if span is None and fig.family == "count" and not bare:
        # 12家|世界500强企业: the noun after the measure word, unless what follows
        # is no known noun and a noun stands right before (变电站3座|投运)
        if naming.noun_right_after(simple, fig.end, end) or not (
                naming.noun_right_before(simple, start, fig.start)):
            span = naming.name_after(simple, fig.end, end)
    if span is None and fig.family in SHARE_FAMILIES and simple.startswith("的", fig.end, end) \
            and not simple[start:fig.start].strip():
        span = naming.name_after(simple, fig.end + 1, end)  # ，90%的|县医院达到…: a share of the things after it
    if span is None and not in_list:
        span = naming.name_before(simple, start, fig.start)
    if span is None and fig.family in SHARE_FAMILIES and simple.startswith("的", fig.end, end):
        span = naming.name_after(simple, fig.end + 1, end)  # 全市60%的|城市污水处理厂…
    if span is None and (not prev.name or start > clause or _counts_a_noun(simple, fig, end)):
        span = naming.name_after(simple, fig.end, end)  # 发行1万亿元|国债, 建设8万亩|高标准农田…
    if span is None and not prev.name and fig.family == "count" and not bare:
        span = naming.name_after(simple, fig.end, end, loose=True)
    if span is None:
        verb = simple[start:fig.start].strip("、,， ")
        if prev.name and verb in vocab.word_set("predicate_verbs.txt") and verb not in vocab.directions():
            return prev.name + text[fig.start - len(verb):fig.start]  # 公共住房6111套、供应4029套
        if "累计" in simple[start:fig.start]:  # 新增公园127座，累计达到1100座: a stock of 公园
            flow = next((v for v in naming.FLOW_VERBS if prev.name.startswith(v)), "")
            return prev.name[len(flow):]
        return prev.name
    name = text[span[0]:span[1]]
    if name.endswith("级") and (heads := SHARED_AFTER.match(simple, span[1], end)):
        # 6个世界级、7个国家级、9个区域级|先进制造业集群: the head written once, at the end
        head = naming.name_after(simple, heads.end(), end)
        if head:
            return name + text[head[0]:head[1]]
    if simple[span[0]:span[1]] in naming.MEASURE_HEADS and (
            verb := COMPLETED.search(simple, start, span[0])) and verb.end() == span[0]:
        before = naming.name_before(simple, start, verb.start())
        if before:  # 交通、能源、水利|完成|投资: the subject's investment
            return text[before[0]:before[1]] + name
        if subject and verb.start() == start:
            return subject + name  # 810个省重点项目|完成投资
    occupy = simple.rfind("占", start, span[0])
    if occupy >= start:  # 绿色建筑占新建建筑比例: the share is named from its whole
        whole = naming.name_before(simple, start, occupy) if occupy > start else None
        if whole:
            return text[whole[0]:span[1]]
        if prev.name:  # 民生支出…,占(全国)财政支出比重
            return _measured(cleaned, s, prev) + text[occupy:span[1]]
    if prev.name and simple[span[0]] == "占" and not simple.startswith("占比", span[0]):
        return _measured(cleaned, s, prev) + name  # 授权交易180亿美元、占全球8%
    if prev.name and simple[span[0]:span[1]] in RATIO_WORDS and prev.figure is not None \
            and LIST_JOINERS.match(simple[prev.figure.end:span[0]]):
        return _measured(cleaned, s, prev) + name  # 新能源汽车产量82万辆、占比45%
    if prev.name and simple[span[0]:span[1]] in TOTAL_WORDS and prev.figure is not None \
            and LIST_JOINERS.match(simple[prev.figure.end:span[0]]) and not naming.names_a_measure(prev.name):
        things = NEW_THINGS.match(prev.name)  # 新增境内上市公司62家，|总数186家: 境内上市公司总数
        return prev.name[things.end() if things else 0:] + name
    return name


def _measured(cleaned: Cleaned, s: int, prev: _Previous) -> str:
    """What the previous figure measures, for a share or ratio of it that follows:
    its name, but where that is the noun after it (经济总量跨过3个|万亿元大关|，占全国比重),
    the measure named before it in its clause (经济总量)."""
    fig, simple = prev.figure, cleaned.simple
    if fig is None or cleaned.text.find(prev.name, fig.end, fig.end + len(prev.name) + 3) < 0:
        return prev.name
    before = naming.name_before(simple, _clause_bound(simple, s, fig.start), fig.start)
    if before and naming.names_a_measure(simple[before[0]:before[1]]):
        return cleaned.text[before[0]:before[1]]
    return prev.name


def _counts_a_noun(simple: str, fig: Figure, end: int) -> bool:
    """True where a figure in units of things (个, 公里, 亿元) may have its noun right
    after it (no verb follows): 改造210公里|农村公路 names the road, not what the
    figure before measured; but not 投入6200亿元|用于民生."""
    return fig.family in COUNTED_FAMILIES and bool(fig.base_unit) and (
        naming.noun_right_after(simple, fig.end, end) or not naming.verb_right_after(simple, fig.end, end))


def _clause_end(simple: str, start: int, e: int) -> int:
    """End of the clause that goes on at `start`, at most REACH_AFTER characters on."""
    e = min(e, start + REACH_AFTER)
    for i in range(start, e):
        if simple[i] in CLAUSE_MARKS:
            return i
    return e


def _respectively_before(simple: str, s: int, at: int) -> bool:
    """True where 分别 stands in the sentence before `at` (read once a sentence)."""
    text, start, _known, first = _LISTS[0]
    if text is not simple or start != s:
        return RESPECTIVELY.search(simple, s, at) is not None
    return 0 <= first and first + 2 <= at


def _list_names(simple: str, s: int, figures: list[Figure]) -> dict[int, tuple[int, int]]:
    """Parallel lists: each figure takes its own item's name.

    `建设用地、水耗、电耗分别下降6.5%、3.9%和4.6%`, and without 分别 where a
    run of figures follows a list of exactly as many items
    (`事故发生数及死亡人数同比下降50%、37.5%`).  Items that share a head noun
    (`一产、二产、三产增加值`) are left to `_name`, which adds the head.
    """
    items = _list_items(simple, s, figures)
    first = simple.find("分别", s, figures[-1].start)
    _LISTS[0] = (simple, s, {figures[i].start: parts for i, parts in items.items()}, first)
    return {i: parts[0] for i, parts in items.items() if len(parts) == 1}



Parts = tuple[tuple[int, int], ...]  # the spans a name is written in, in order


def _list_items(simple: str, s: int, figures: list[Figure]) -> dict[int, Parts]:
    """Figure index -> the spans of its list item's name (the item, and a head it shares)."""
    names: dict[int, Parts] = {}
    runs = _figure_runs(simple, list(range(len(figures))), figures)
    # each run takes the items of the latest 分别 before it that lists as many
    latest: dict[int, list[Parts]] = {}
    marks = iter(RESPECTIVELY.finditer(simple, s, figures[-1].start))
    m = next(marks, None)
    for run in runs:
        while m is not None and m.start() < figures[run[0]].start:
            head = naming.name_before(simple, _clause_bound(simple, s, m.start()), m.start(), items=True)
            items = _shared_head(simple, _split_items(simple, *head)) if head else []
            if len(items) == 1 and head:
                items = _paired_items(simple, *head) or items
            if len(items) > 1:
                latest[len(items)] = items
            m = next(marks, None)
        if len(run) in latest:
            names.update(zip(run, latest[len(run)]))
    for run in runs:
        if len(run) < 2 or run[0] in names:
            continue
        fig = figures[run[0]]
        head = naming.name_before(simple, _clause_bound(simple, s, fig.start), fig.start, items=True)
        items = _shared_head(simple, _split_items(simple, *head)) if head else []
        if len(items) == len(run):
            names.update(zip(run, items))
    return names


def _paired_items(simple: str, a: int, b: int) -> list[Parts] | None:
    """The two items one word of a 分别 list's head writes (data/paired_words.txt):
    `存贷款余额` -> 存+款余额, 贷+款余额; `本外币存贷款余额` -> 本外币存+款余额 …
    (the last such word splits; one the head starts inside is kept whole)."""
    found = list(_words_pattern("paired_words.txt").finditer(simple, max(0, a - 2), b))
    if not found:
        return None
    w = found[-1].start()
    start = min([a] + [m.start() for m in found if m.start() < a < m.end() or m.start() == w])
    first = ((start, w + 1), (w + 2, b))
    second = ((start, w), (w + 1, b)) if start < w else ((w + 1, b),)
    return [first, second]




def _shared_head(simple: str, items: list[tuple[int, int]]) -> list[Parts]:
    """Each item with the head noun the list shares, written once after the last item.

    `一产、二产、三产增加值` -> 一产+增加值 …; `食品、信息等产业增加值` -> 食品+产业增加值 …;
    `城镇和农村居民人均可支配收入` -> 城镇+居民人均可支配收入 …; `第一、二、三产业`
    -> 第+二+产业 …; but `农产品网络零售额、乡村旅游经营收入` name two things.
    """
    shared = naming.shared_head(simple, items)
    if shared is None:
        return [(item,) for item in items]
    k, own_end, head_start = shared
    a, b = items[-1]
    head = (head_start, b)
    own = items[k:-1] + [(a, own_end)]
    first = own[0]
    if simple[first[0]] == "第" and all(regex.fullmatch(r"[一二三四五六七八九十]+", simple[x:y]) for x, y in own[1:]):
        prefix = (first[0], first[0] + 1)  # 第一、二、三产业
        return [(item,) for item in items[:k]] + [(first, head)] + [(prefix, item, head) for item in own[1:]]
    return [(item,) for item in items[:k]] + [(item, head) for item in own]


def _shared_head_name(cleaned: Cleaned, s: int, e: int, fig: Figure) -> str | None:
    """The name of a list figure whose item shares a head noun (一产增加值), or None."""
    simple = cleaned.simple
    text, start, known, _first = _LISTS[0]
    if text is simple and start == s:
        parts = known.get(fig.start, ())
    else:  # not the sentence _list_names read last: read the list again
        figures = [f for f in find_figures(simple, s, e) if _is_indicator(cleaned, f, s, e)]
        index = next((k for k, f in enumerate(figures) if f.start == fig.start), None)
        parts = _list_items(simple, s, figures).get(index, ()) if index is not None else ()
    if len(parts) < 2:
        return None
    return "".join(cleaned.text[x:y] for x, y in parts)


def _clause_bound(simple: str, s: int, at: int) -> int:
    """Start of the clause around `at`, a bracket opening one: 增长4.1%(|目标6.0%);
    at most REACH_BEFORE characters back."""
    return _after_last_mark(simple, max(s, at - REACH_BEFORE), at, CLAUSE_OR_BRACKET_MARKS)


def _split_items(simple: str, a: int, b: int) -> list[tuple[int, int]]:
    """The items of a list name: 、 和 与 及 split it, not 及以上 (二级及以上医院)
    nor a word that holds one of them (普及率, 和谐社区: data/joined_words.txt)."""
    items, start = [], a
    whole = [m.span() for m in _words_pattern("joined_words.txt").finditer(simple, a, b)]
    for m in LIST_ITEM_JOINER.finditer(simple, a, b):
        if _inside_quotes(simple, a, m.start()) or any(s <= m.start() < e for s, e in whole):
            continue
        items.append((start, m.start()))
        start = m.end()
    items.append((start, b))
    return [_unquoted(simple, *i) for i in items if i[1] > i[0]]


@lru_cache(maxsize=None)
def _words_pattern(name: str) -> regex.Pattern[str]:
    """Any word of the list data/NAME, the longest first where two start together."""
    return regex.compile(alternatives(vocab.words(name)))


def _unquoted(simple: str, a: int, b: int) -> tuple[int, int]:
    """“浙江制造” -> 浙江制造: quotes around a whole item mark a name."""
    if b - a > 2 and simple[a] == "“" and simple[b - 1] == "”" and "“" not in simple[a + 1:b - 1]:
        return a + 1, b - 1
    return a, b


def _inside_quotes(simple: str, a: int, at: int) -> bool:
    opening = simple.rfind("“", a, at)
    return opening >= 0 and simple.find("”", opening, at) < 0


def _figure_runs(simple: str, indexes: list[int], figures: list[Figure]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in indexes:
        if runs and LIST_JOINERS.match(simple[figures[runs[-1][-1]].end:figures[i].start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _kind_in_clause(simple: str, s: int, fig: Figure, frame: Frame) -> Frame:
    """A result's clause may state its target: 增长4.1%(目标6.0%左右) - the
    bracketed figure is the target; but 完成年度计划的96.5% is a result."""
    if frame.kind != "actual":
        return frame
    clause = simple[_clause_bound(simple, s, fig.start):fig.start]
    for word in vocab.sentence_words("not-target"):
        clause = clause.replace(word, "")
    if "完成" in clause or any(w in clause for w in vocab.sentence_words("compared")):
        return frame
    for word in vocab.sentence_words("target"):
        at = clause.rfind(word)
        if at >= 0 and len(clause) - at - len(word) <= TARGET_REACH:
            return Frame(frame.year, frame.period, "target")
    if TARGET_STATED.search(clause):     # 全年目标为固定资产投资增长6%左右
        return Frame(frame.year, frame.period, "target")
    return frame


def _record(cleaned: Cleaned, fig: Figure, section: Section, name, direction: str,
            frame: Frame, s: int, e: int, report: str) -> Indicator:
    text = cleaned.text
    start, end = cleaned.raw_span(fig.start, fig.end)
    return Indicator(
        report=report,
        line=line_of(cleaned.raw, start),
        start=start,
        end=end,
        section_id=section.id,
        section=section.path,
        year=frame.year,
        kind=frame.kind,
        indicator=name,
        value=fig.value,
        unit=_unit_as_written(cleaned, fig),
        base_value=fig.base_value,
        base_unit=fig.base_unit,
        qualifier=fig.qualifier,
        direction=direction,
        text=text[fig.start:fig.end],
        context=_context(text, s, e, fig),
        value_high=fig.value_high,
        period=frame.period,
    )


def _context(text: str, s: int, e: int, fig: Figure) -> str:
    """The sentence text[s:e], stripped; longer than CONTEXT characters, the
    CONTEXT characters around the figure (the figure whole), with … at a cut end."""
    a, b = s, e
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b - a <= CONTEXT:
        return text[a:b]
    width = max(CONTEXT, fig.end - fig.start)
    lo = max(a, min(fig.start - (width - (fig.end - fig.start)) // 2, b - width))
    hi = min(b, lo + width)
    return (ELLIPSIS if lo > a else "") + text[lo:hi] + (ELLIPSIS if hi < b else "")


def _unit_as_written(cleaned: Cleaned, fig: Figure) -> str:
    """The unit in the report's own script (億元 in a Traditional report); % for 百分之."""
    if not fig.unit_spans:
        return fig.unit
    return "".join(cleaned.text[a:b] for a, b in fig.unit_spans)


def read_report(source: str | Path | bytes, *, report: str | None = None,
                encoding: str | None = None) -> Report:
    """Read a report (a path, '-' for stdin, or raw bytes), decode it and analyse it."""
    from .decode import decode_bytes, read_source

    if isinstance(source, bytes):
        name = report or ""
        return analyse(decode_bytes(source, encoding, source=name or "<bytes>"), name)
    name = report if report is not None else str(source)
    return analyse(read_source(str(source), encoding), name)


def extract(source: str | Path | bytes, *, report: str | None = None,
            encoding: str | None = None) -> list[Indicator]:
    """Every indicator of a report given as a path, '-' for stdin, or raw bytes."""
    return list(read_report(source, report=report, encoding=encoding).records)
