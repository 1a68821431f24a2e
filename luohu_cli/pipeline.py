"""The only place the stages are wired together: text -> outline -> figures -> names -> records."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import regex

from . import naming, vocab
from .figures import Figure, find_figures
from .model import Indicator
from .outline import Outline, Section, parse_outline
from .text import Cleaned, clean, line_of
from .timeframe import Clock, Frame

log = logging.getLogger(__name__)

# A sentence ends at 。！？； (or their ASCII forms, a `.` only where no digit follows).
SENTENCE = regex.compile(r"(?:[^。！？!?；;.\r\n]|\.(?=\d))*(?:(?:[。！？!?；;]|\.(?!\d))+[”’」』]?|\r\n|\r|\n|$)")
CLAUSE_MARKS = set(",，：:;；。!?！？\r\n")
CLAUSE_OR_BRACKET_MARKS = set("，,；;：:。(（")
LIST_JOINERS = regex.compile(r"^[、,，和及与以及 ]*$")
QUOTE_SPAN = 16
TARGET_REACH = 4    # 目标控制在4%以内: a target word this close before a figure states a target
COMPARED_TO = regex.compile(r"(.+?)(?:是|为|相当于)(?:.*)的$")
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
    outline = parse_outline(cleaned.text, cleaned.simple)
    clock = Clock(outline)
    records: list[Indicator] = []
    for m in SENTENCE.finditer(cleaned.simple):
        if m.end() > m.start() and not outline.is_furniture(m.start()):
            records.extend(_sentence_records(cleaned, outline, clock, m.start(), m.end(), report))
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
                      report: str) -> list[Indicator]:
    simple = cleaned.simple
    section = outline.section_at(s)
    clock.enter(section)
    figures = [f for f in find_figures(simple, s, e) if _is_indicator(cleaned, f, s, e)]
    frames = clock.frames_for(simple, s, e, [(f.start, f.end) for f in figures],
                              heading=s == section.start and bool(section.id),
                              paragraph=s == 0 or simple[s - 1] in "\r\n")
    if not figures or section.glossary:
        return []
    list_names = {i: cleaned.text[a:b] for i, (a, b) in _list_names(simple, s, figures).items()}
    prev = _Previous()
    out = []
    for i, fig in enumerate(figures):
        in_list = prev.figure is not None and bool(LIST_JOINERS.match(simple[prev.figure.end:fig.start]))
        direction = _direction(simple, _clause_start(simple, s, prev, fig), fig.start)
        if direction is None:
            direction = prev.direction if in_list else ""
        name = list_names.get(i) or _name(cleaned, s, e, fig, prev, in_list)
        frame = _kind_in_clause(simple, s, fig, frames[i])
        out.append(_record(cleaned, fig, section, name, direction, frame, s, e, report))
        prev = _Previous(fig, name, direction)
    return out


def _is_indicator(cleaned: Cleaned, fig: Figure, s: int, e: int) -> bool:
    """Filters that need the figure's surroundings (spec §1, exclusions)."""
    simple, text = cleaned.simple, cleaned.text
    if fig.num_start and text[fig.num_start - 1] == "?":
        log.debug("skipped %s: a digit may be lost to mojibake", text[fig.start:fig.end])
        return False
    opening = simple.rfind("“", s, fig.start)
    if opening >= 0 and simple.find("”", opening, fig.start) < 0:
        closing = simple.find("”", fig.end, e)
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
    """Start of the clause a figure sits in (after the previous figure or mark)."""
    start = _after_last_mark(simple, s, fig.start, CLAUSE_MARKS)
    if prev.figure is not None and prev.figure.end > start:
        start = prev.figure.end
    return start


def _after_last_mark(simple: str, s: int, at: int, marks) -> int:
    """Just after the last of `marks` in simple[s:at], or s if there is none."""
    for i in range(at - 1, s - 1, -1):
        if simple[i] in marks:
            return i + 1
    return s


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


def _name(cleaned: Cleaned, s: int, e: int, fig: Figure, prev: _Previous, in_list: bool) -> str:
    """What the figure measures, in the report's own script."""
    simple, text = cleaned.simple, cleaned.text
    start, end = _clause_start(simple, s, prev, fig), _clause_end(simple, fig.end, e)
    span = None
    compared = COMPARED_TO.match(simple, start, fig.start)
    if compared and fig.family == "multiple":  # 人均公园绿地面积是全市平均水平的1.5倍
        span = naming.name_before(simple, start, compared.end(1))
    if span is None and fig.family == "count":
        # 12家|世界500强企业: the noun after the measure word, unless what follows
        # is no known noun and a noun stands right before (变电站3座|投运)
        if naming.noun_right_after(simple, fig.end, end) or not (
                naming.noun_right_before(simple, start, fig.start)):
            span = naming.name_after(simple, fig.end, end)
    if span is None and not in_list:
        span = naming.name_before(simple, start, fig.start)
    if span is None and not prev.name and fig.family in ("money", "percent", "share"):
        span = naming.name_after(simple, fig.end, end)  # 发行1万亿元|国债, 近半|常住人口…
    if span is None and not prev.name and fig.family == "count":
        span = naming.name_after(simple, fig.end, end, loose=True)
    if span is None:
        verb = simple[start:fig.start].strip("、,， ")
        if prev.name and verb in vocab.word_set("predicate_verbs.txt"):
            return prev.name + text[fig.start - len(verb):fig.start]  # 公共住房6111套、供应4029套
        return prev.name
    name = text[span[0]:span[1]]
    occupy = simple.rfind("占", start, span[0])
    if occupy > start:  # 绿色建筑占新建建筑比例: the share is named from its whole
        whole = naming.name_before(simple, start, occupy)
        if whole:
            return text[whole[0]:span[1]]
    if span[0] > 0 and simple[span[0] - 1] == "占" and prev.name:
        return f"{prev.name}{text[span[0] - 1]}{name}"  # 民生支出…,占财政支出比重
    return name


def _clause_end(simple: str, start: int, e: int) -> int:
    for i in range(start, e):
        if simple[i] in CLAUSE_MARKS:
            return i
    return e


def _list_names(simple: str, s: int, figures: list[Figure]) -> dict[int, tuple[int, int]]:
    """Parallel lists: each figure takes its own item's name.

    `建设用地、水耗、电耗分别下降6.5%、3.9%和4.6%`, and without 分别 where a
    run of figures follows a list of exactly as many items
    (`事故发生数及死亡人数同比下降50%、37.5%`).
    """
    names: dict[int, tuple[int, int]] = {}
    runs = _figure_runs(simple, list(range(len(figures))), figures)
    for m in RESPECTIVELY.finditer(simple, s, figures[-1].start):
        head = naming.name_before(simple, _clause_bound(simple, s, m.start()), m.start())
        items = _split_items(simple, *head) if head else []
        for run in runs:
            if figures[run[0]].start > m.start() and len(run) == len(items) > 1:
                names.update(zip(run, items))
    for run in runs:
        if len(run) < 2 or run[0] in names:
            continue
        fig = figures[run[0]]
        head = naming.name_before(simple, _clause_bound(simple, s, fig.start), fig.start)
        items = _split_items(simple, *head) if head else []
        if len(items) == len(run):
            names.update(zip(run, items))
    return names


def _clause_bound(simple: str, s: int, at: int) -> int:
    """Start of the clause around `at`, a bracket opening one: 增长4.1%(|目标6.0%)."""
    return _after_last_mark(simple, s, at, CLAUSE_OR_BRACKET_MARKS)


def _split_items(simple: str, a: int, b: int) -> list[tuple[int, int]]:
    items, start = [], a
    for m in regex.finditer(r"、|和|及|与", simple[a:b]):
        items.append((start, a + m.start()))
        start = a + m.end()
    items.append((start, b))
    return [i for i in items if i[1] > i[0]]


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
        context=text[s:e].strip(),
        value_high=fig.value_high,
        period=frame.period,
    )


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
