"""Clean a decoded report without losing provenance.

`clean(raw)` returns a `Cleaned`: the cleaned text, a Simplified shadow of the
same length (what the matchers read), and for every cleaned character the
offset of the character it came from in `raw`.  Every cleaning step is one
named function; steps run in the order listed in `STEPS`.
"""
from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import regex

from . import mojibake, vocab

Replace = Callable[["regex.Match[str]"], str]


class Offsets(Sequence):
    """The offset in the input of each cleaned character, held as runs.

    Cleaning keeps most of the text as it is and changes it only at matches, so
    the map is a few runs: in run k, which starts at cleaned position
    starts[k], position i comes from bases[k] + (i - starts[k]) (a run kept
    one for one) or from bases[k] for all its characters (a replacement of
    another length).  About 17 bytes a run instead of ~36 bytes a character
    for a tuple of ints; a lookup is a binary search.

    >>> o = Offsets.identity(5); o[3], len(o), list(o)
    (3, 5, [0, 1, 2, 3, 4])
    """
    __slots__ = ("_starts", "_bases", "_steps", "_len")

    def __init__(self, starts: array, bases: array, steps: bytearray, length: int) -> None:
        self._starts, self._bases, self._steps, self._len = starts, bases, steps, length

    @classmethod
    def identity(cls, length: int) -> "Offsets":
        if not length:
            return cls(array("q"), array("q"), bytearray(), 0)
        return cls(array("q", [0]), array("q", [0]), bytearray([1]), length)

    def __len__(self) -> int:
        return self._len

    @property
    def runs(self) -> int:
        return len(self._starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._at(k) for k in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("offset index out of range")
        return self._at(i)

    def _at(self, i: int) -> int:
        k = bisect.bisect_right(self._starts, i) - 1
        return self._bases[k] + (i - self._starts[k]) * self._steps[k]

    def __iter__(self) -> Iterator[int]:
        starts, bases, steps = self._starts, self._bases, self._steps
        for k in range(len(starts)):
            end = starts[k + 1] if k + 1 < len(starts) else self._len
            if steps[k]:
                yield from range(bases[k], bases[k] + end - starts[k])
            else:
                for _ in range(end - starts[k]):
                    yield bases[k]

    def __eq__(self, other) -> bool:
        if isinstance(other, Offsets):
            return (self._len, self._starts, self._bases, self._steps) == (
                other._len, other._starts, other._bases, other._steps)
        if isinstance(other, (tuple, list)):
            return len(other) == self._len and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._len, self._starts.tobytes(), self._bases.tobytes(), bytes(self._steps)))

    def __repr__(self) -> str:
        return f"Offsets({self._len} offsets in {self.runs} runs)"


class _OffsetsBuilder:
    """Appends runs, merging one with the run before where it continues it.

    Copies from one old map come in increasing order, so a cursor into its
    runs replaces a search."""

    def __init__(self, old: Offsets) -> None:
        self.starts, self.bases, self.steps = array("q"), array("q"), bytearray()
        self.length = 0
        self.old, self.k = old, 0

    def add(self, base: int, step: int, length: int) -> None:
        if length <= 0:
            return
        steps = self.steps
        if steps and step == steps[-1] and base == self.bases[-1] + (self.length - self.starts[-1]) * step:
            self.length += length
            return
        self.starts.append(self.length)
        self.bases.append(base)
        steps.append(step)
        self.length += length

    def at(self, i: int) -> int:
        """old[i], for i at or after the last copy's start."""
        starts, k = self.old._starts, self.k
        while k + 1 < len(starts) and starts[k + 1] <= i:
            k += 1
        self.k = k
        return self.old._bases[k] + (i - starts[k]) * self.old._steps[k]

    def copy(self, a: int, b: int) -> None:
        """Append the offsets old[a:b], run by run (a at or after the last copy's start)."""
        old = self.old
        starts, bases, steps, n = old._starts, old._bases, old._steps, len(old._starts)
        k = self.k
        while k + 1 < n and starts[k + 1] <= a:
            k += 1
        while a < b:
            end = starts[k + 1] if k + 1 < n else old._len
            hi = b if b < end else end
            self.add(bases[k] + (a - starts[k]) * steps[k], steps[k], hi - a)
            a = hi
            if a == end:
                k += 1
        self.k = min(k, n - 1) if n else 0

    def build(self) -> Offsets:
        return Offsets(self.starts, self.bases, self.steps, self.length)


@dataclass(frozen=True)
class Cleaned:
    raw: str            # the decoded input, as given
    text: str           # cleaned text, the script as written
    simple: str         # `text` in Simplified characters, same length
    origin: Offsets     # origin[i]: offset in `raw` of text[i]; one extra entry for the end

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in `raw` of the cleaned span text[start:end]."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=8)
def _line_starts(raw: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in regex.finditer(r"\r\n|\r|\n", raw))
    return starts


def _substitute(text: str, origin: Offsets, pattern: "regex.Pattern[str]",
                replace: Replace) -> tuple[str, Offsets]:
    """Apply `replace` to every match, carrying each kept character's origin.

    A replacement of the same length maps one for one; any other takes the
    origin of the match's first character for all its characters.  A step
    that matches nothing returns its input as it was.
    """
    out: list[str] = []
    new_origin = _OffsetsBuilder(origin)
    pos = 0    # text[:pos] is in `out`
    kept = 0   # origin[kept:pos] maps one for one and is not in new_origin yet
    for m in pattern.finditer(text):
        rep = replace(m)
        start, end = m.span()
        if len(rep) == end - start:
            if rep != m.group():  # one for one (full-width digits): each keeps its origin
                out.append(text[pos:start])
                out.append(rep)
                pos = end
            continue
        out.append(text[pos:start])
        out.append(rep)
        new_origin.copy(kept, start)
        new_origin.add(new_origin.at(start), 0, len(rep))
        pos = kept = end
    if not out:
        return text, origin
    out.append(text[pos:])
    new_origin.copy(kept, len(text))
    return "".join(out), new_origin.build()


# Pinyin glosses left by a machine conversion: 區(qū) 發(fā)展.  Only lowercase
# Latin letters with at least one tone mark (or ü/v) count, so (GDP), (一期) stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_GLOSS = regex.compile(
    rf"(?<=[\p{{Han}}A-Za-z?])[(（](?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}[)）]"
    rf"|(?<=\?)(?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}\)"  # a gloss whose `(` was lost
)
_HTML = regex.compile(
    r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,80})?/?>"     # whole tags
    r"|/?(?:strong|span|font|div|p|br|b|i|em)>"              # tails of cut tags: /strong>
    r"|&(?:nbsp|ensp|emsp|lt|gt|amp|quot|#\d{2,5});"
)
_ENTITY = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"'}
# Full-width forms that matter to figures, one character for one.
_WIDTH = str.maketrans(
    "０１２３４５６７８９％．＋－／～，" + "".join(chr(c) for c in range(0xFF21, 0xFF3B))
    + "".join(chr(c) for c in range(0xFF41, 0xFF5B)),
    "0123456789%.+-/~," + "".join(chr(c) for c in range(0x41, 0x5B))
    + "".join(chr(c) for c in range(0x61, 0x7B)),
)
# Breaks and spaces inside a number: "377\n.4億元", "380\n億元", "9.1 %", "1 258.7", "4. 5".
_BROKEN_NUMBER = regex.compile(
    r"(?<=\d)[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*(?=\.?\d|[%‰万萬亿億])"
    r"|(?<=\d)[ \t\u3000]+(?=%|‰|\.\d)"
    r"|(?<=\d\.)[ \t\u3000]+(?=\d)"
    r"|(?<=(?<![\d.])\d{1,3})[ \u3000](?=\d{3}(?:[^\d]|$))"
)


def _drop(m: "regex.Match[str]") -> str:
    return ""


def table_separator(text: str, a: int = 0, b: int | None = None) -> str:
    """`|` or a tab where text[a:b] (one line) is a table row (2+ of them after its
    indent: tabs that only indent a line make no row), else ""."""
    b = len(text) if b is None else b
    if text.count("|", a, b) >= 2:
        return "|"
    if text.count("\t", a, b) >= 2 and text[a:b].lstrip().count("\t") >= 2:
        return "\t"
    return ""


def _join_broken(m: "regex.Match[str]") -> str:
    """A number broken across lines is joined, but not the last cell of a table row
    with the first of the next (`… | 386.4` / `2 | …`)."""
    at = m.group().find("\n")
    if at < 0:
        at = m.group().find("\r")
    if at >= 0:
        text, end = m.string, m.start() + at
        nl = text.rfind("\n", 0, end)   # the line's start: no search past it
        if table_separator(text, max(nl, text.rfind("\r", nl + 1, end)) + 1, end):
            return m.group()
    return ""


# Spaces that web text puts inside a figure: "1.25 万亿元", "4210 万吨", "约 5%".
# Only a space between a number and its magnitude or unit, between a magnitude
# and its unit, or between a qualifier word and the number is dropped; the
# check reads the Simplified form, so 萬億元 and 億 count as well.
_SPACES = "[ \t\u3000\xa0]+"
_SPACED_FIGURE = regex.compile(
    rf"(?<=[\d万萬亿億千]){_SPACES}(?=\S)|(?<=\S){_SPACES}(?=\d)")
_MAGNITUDE_CHARS = "万萬亿億千"


@lru_cache(maxsize=1)
def _figure_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(units, magnitudes, qualifiers before a number), longest first."""
    def longest(words) -> tuple[str, ...]:
        return tuple(sorted(words, key=len, reverse=True))
    return (longest(vocab.units()), longest(vocab.magnitudes()),
            longest(vocab.qualifiers("before")))


def _spaced_figure(m: "regex.Match[str]") -> str:
    text, start, end = m.string, m.start(), m.end()
    units, mags, befores = _figure_words()
    ahead = to_simplified(text[end:end + 8])
    before = text[start - 1]
    if before.isdigit() and ahead.startswith(units + mags):
        return ""  # 1.25 万亿元, 4210 万吨, 2.5 亿元
    if before in _MAGNITUDE_CHARS and ahead.startswith(units + mags):
        behind = text[max(0, start - 12):start - 1].rstrip(" \t\u3000\xa0")
        if behind[-1:].isdigit():
            return ""  # 1.25 万 亿元
    if text[end:end + 1].isdigit() and to_simplified(text[max(0, start - 4):start]).endswith(befores):
        return ""  # 约 5%, 超过 3000 亿元
    return m.group()


def _html(m: "regex.Match[str]") -> str:
    tag = m.group()
    if tag.startswith("&"):
        return _ENTITY.get(tag, " ")
    return ""


def _width(m: "regex.Match[str]") -> str:
    return m.group().translate(_WIDTH)


# Invisible characters and look-alikes that web and word-processor text puts
# inside figures (1\xa0258.7, 263\u200b0.2, –3.4%).  Format characters are
# dropped: zero-width space, joiners and marks (U+200B-U+200F), soft hyphen,
# bidi controls, word joiner (U+2060-U+2064), a byte order mark inside the
# text.  Other spaces become an ASCII space, one for one, so the steps below
# read them as any space: no-break (U+00A0), narrow no-break (U+202F), figure,
# thin and other typographic spaces.  Hyphens and minus signs become `-`
# (U+2010-U+2012, U+2212, U+FE63; U+FF0D is a full-width form); an en dash
# before a digit is a minus or a range dash (–3.4%, 5.5–6%), and so is a single
# em dash between a word and a digit (增长—3.4%); —— stays punctuation.
_INVISIBLE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
_LOOKALIKE = regex.compile(
    rf"[{_INVISIBLE}]+"
    r"|[\u00a0\u2000-\u200a\u202f\u205f]"
    r"|[\u2010-\u2012\u2212\ufe63]"
    r"|(?<![–—―])–(?=\d)"
    r"|(?<=\p{Han})(?<![年月日])—(?![—―])(?=\d)"
)


_SPACE_LIKE = frozenset("\u00a0\u202f\u205f" + "".join(chr(c) for c in range(0x2000, 0x200B)))
_MINUS_LIKE = frozenset("\u2010\u2011\u2012\u2212\ufe63–—")


def _lookalike(m: "regex.Match[str]") -> str:
    c = m.group()[0]
    if c in _SPACE_LIKE:
        return " "
    if c in _MINUS_LIKE:
        return "-"
    return ""  # invisible


_FULLWIDTH = regex.compile(r"[０-９％．＋－／～Ａ-Ｚａ-ｚ]+|(?<=[\d０-９])[，](?=[０-９\d]{3})")

STEPS: tuple[tuple[str, "regex.Pattern[str]", Replace], ...] = (
    ("mojibake", mojibake.PATTERN, mojibake.repair),
    ("look-alike", _LOOKALIKE, _lookalike),
    ("html", _HTML, _html),
    ("pinyin", _GLOSS, _drop),
    ("width", _FULLWIDTH, _width),
    ("broken-number", _BROKEN_NUMBER, _join_broken),
    ("spaced-figure", _SPACED_FIGURE, _spaced_figure),
)


# Text copied from a PDF is cut into lines mid-sentence.  Where most long lines end
# without a closing mark, a line break after a long open line is a wrap, not the
# end of a paragraph; the next line starting a paragraph (indented), a heading or a
# dash bullet keeps its break.
_CLOSING = "。！？!?；;：:….,，、”’」』)）】>"
_WRAP = regex.compile(
    rf"(?m)(?<=^[^\r\n]{{15,}}[^\s{_CLOSING}])\r?\n"
    r"(?![ \t\u3000\r\n]|$|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|第[一二三四五六七八九十]{1,3}部分|[—-]{2}|\d{1,3}[.．、])")
_HEADING_START = regex.compile(
    r"[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}部分")
WRAPPED_SHARE = 0.5      # of the lines of 16 characters or more (not headings), ending open
WRAPPED_LINES = 10


def is_hard_wrapped(text: str) -> bool:
    r"""True for text cut into lines mid-sentence (a PDF copy): most long lines end open.

    >>> is_hard_wrapped("地区生产总值增长百分之五，规模以上工业\n增加值增长百分之六。\n" * 10)
    True
    >>> is_hard_wrapped("地区生产总值增长百分之五，规模以上工业增加值增长。\n" * 5)
    False
    """
    long_lines = [line.strip() for line in text.splitlines()
                  if len(line.strip()) >= 16 and not _HEADING_START.match(line.strip())
                  and not table_separator(line)]  # a table row ends open and is no wrap
    open_lines = sum(line[-1] not in _CLOSING for line in long_lines)
    return open_lines >= WRAPPED_LINES and open_lines >= WRAPPED_SHARE * len(long_lines)


def clean(raw: str) -> Cleaned:
    """Clean `raw`, keeping the way back to it.

    >>> c = clean("地區(qū)生產(chǎn)總值2630.2億元")
    >>> c.text
    '地區生產總值2630.2億元'
    >>> c.raw[c.origin[6]:c.origin[6] + 6]
    '2630.2'
    """
    text = raw
    origin = Offsets.identity(len(raw))
    for _name, pattern, replace in STEPS:
        text, origin = _substitute(text, origin, pattern, replace)
    if is_hard_wrapped(text):
        text, origin = _substitute(text, origin, _WRAP, _drop)
    end = _OffsetsBuilder(origin)
    end.copy(0, len(origin))
    end.add(len(raw), 1, 1)  # the end of the text maps to the end of the input
    return Cleaned(raw, text, to_simplified(text), end.build())


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified characters, one for one, so offsets stay valid.

    >>> to_simplified("地區生產總值")
    '地区生产总值'
    """
    conv = _converter()
    lines = text.split("\n")
    out = []
    for line in lines:
        simple = conv.convert(line)
        if len(simple) != len(line):  # a phrase rule changed the length: go char by char
            simple = "".join(c if len(s := conv.convert(c)) != 1 else s for c in line)
        out.append(simple)
    return "\n".join(out)


def line_of(raw: str, offset: int) -> int:
    """1-based line of `offset` in `raw` (\\n, \\r\\n and \\r all end a line)."""
    return bisect.bisect_right(_line_starts(raw), offset)
