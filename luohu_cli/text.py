"""Clean a decoded report without losing provenance.

`clean(raw)` returns a `Cleaned`: the cleaned text, a Simplified shadow of the
same length (what the matchers read), and for every cleaned character the
offset of the character it came from in `raw`.  Every cleaning step is one
named function; steps run in the order listed in `STEPS`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import regex

from . import mojibake, vocab

Replace = Callable[["regex.Match[str]"], str]


@dataclass(frozen=True)
class Cleaned:
    raw: str            # the decoded input, as given
    text: str           # cleaned text, the script as written
    simple: str         # `text` in Simplified characters, same length
    origin: tuple[int, ...]  # origin[i]: offset in `raw` of text[i]; one extra entry for the end

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


def _substitute(text: str, origin: list[int], pattern: "regex.Pattern[str]",
                replace: Replace) -> tuple[str, list[int]]:
    """Apply `replace` to every match, carrying each kept character's origin.

    A replacement of the same length maps one for one; any other takes the
    origin of the match's first character for all its characters.
    """
    out: list[str] = []
    new_origin: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        new_origin.extend(origin[pos:m.start()])
        rep = replace(m)
        out.append(rep)
        if len(rep) == len(m.group()):  # one for one (full-width digits): keep each origin
            new_origin.extend(origin[m.start():m.end()])
        else:
            new_origin.extend([origin[m.start()]] * len(rep))
        pos = m.end()
    out.append(text[pos:])
    new_origin.extend(origin[pos:])
    return "".join(out), new_origin


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


_FULLWIDTH = regex.compile(r"[０-９％．＋－／～Ａ-Ｚａ-ｚ]+|(?<=[\d０-９])[，](?=[０-９\d]{3})")

STEPS: tuple[tuple[str, "regex.Pattern[str]", Replace], ...] = (
    ("mojibake", mojibake.PATTERN, mojibake.repair),
    ("html", _HTML, _html),
    ("pinyin", _GLOSS, _drop),
    ("width", _FULLWIDTH, _width),
    ("broken-number", _BROKEN_NUMBER, _drop),
    ("spaced-figure", _SPACED_FIGURE, _spaced_figure),
)


def clean(raw: str) -> Cleaned:
    """Clean `raw`, keeping the way back to it.

    >>> c = clean("地區(qū)生產(chǎn)總值2630.2億元")
    >>> c.text
    '地區生產總值2630.2億元'
    >>> c.raw[c.origin[6]:c.origin[6] + 6]
    '2630.2'
    """
    text = raw
    origin = list(range(len(raw)))
    for _name, pattern, replace in STEPS:
        text, origin = _substitute(text, origin, pattern, replace)
    origin.append(len(raw))
    return Cleaned(raw, text, to_simplified(text), tuple(origin))


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
