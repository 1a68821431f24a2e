"""Indicator names: the short noun phrase that says what a figure measures.

The phrase is read off the Simplified shadow with a private jieba tokenizer
whose dictionary is data/words.txt (jieba's most frequent words, with their
part of speech) plus data/domain_words.txt.  It is built once, on first use.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from . import vocab

# Parts of speech that end a name when met walking away from the figure:
# verbs, adverbs, prepositions, conjunctions, particles, pronouns, punctuation.
STOP_POS = ("v", "d", "p", "c", "u", "r", "y", "e", "o", "x", "w", "i", "zg")
KEEP_POS = ("vn", "nv")           # nominal verbs (投资, 建设) can be part of a name
NAME_JOINERS = "、"               # 中小学、幼儿园12所: nouns joined by 、 make one name
OPENING, CLOSING = ("(", "（"), (")", "）")
OPEN_QUOTES, CLOSE_QUOTES = ("“", "「"), ("”", "」")
PUNCT = set("，,。；;：:！!？?（）()“”\"'《》、 \t\n——-…·.")
MAX_NAME = 24
CODE_WORD = regex.compile(r"\d+[A-Za-z]+")
# Time framing at the start of a name: 1-9月, 前三季度, 上半年, 两年
TIME_PREFIX = regex.compile(
    r"(?:(?:\d{1,2}(?:-\d{1,2})?)?月份?(?!均)|前?[一二三四]季度|[上下]半年|[一二两三四五六七八九十]+年(?:来|间)?(?:平均)?)+")
MAGNITUDE_CHARS = "万亿千百兆"
YEAR_BEFORE_FIGURE = regex.compile(r"(?:由|从|到|至|比|较)?(?:19|20)\d{2}年(?:底|末)?的?$")
NOUN_SUFFIXES = ("率", "量", "额", "数", "值", "度", "比重", "占比")
PROPER = ("ns", "nr", "nt", "?")     # place, person, organisation, unknown
TRAILING_NOT_NAME = ("a", "d", "m", "q", "l")


@dataclass(frozen=True)
class Tokenizer:
    """A jieba tokenizer with our dictionary, and a part of speech for each word."""
    jieba: object
    pos: dict[str, str]

    def words(self, text: str) -> list[str]:
        return self.jieba.lcut(text, HMM=True)


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    """Build the private tokenizer (about 0.05 s), once."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    freq: dict[str, int] = {}
    pos: dict[str, str] = {}
    data = resources.files(__package__).joinpath("data")
    for line in data.joinpath("words.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        word, count, tag = line.split(" ")
        freq[word] = int(count)
        pos[word] = tag
    for word in vocab.word_set("domain_words.txt"):
        freq[word] = max(freq.get(word, 0), 50000)
        pos[word] = "n"
    total = sum(freq.values())
    for word in list(freq):
        for i in range(1, len(word)):
            freq.setdefault(word[:i], 0)
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = freq, total, True
    return Tokenizer(tk, pos)


def is_stop(word: str, tk: Tokenizer) -> bool:
    """True where `word` cannot be inside a name (a verb, particle, mark …)."""
    if not word.strip() or all(c in PUNCT for c in word):
        return True
    if word in vocab.word_set("domain_words.txt"):  # 新增 in 新增学位 is part of the name
        return False
    if (word in vocab.word_set("name_stopwords.txt") or word in vocab.directions()
            or word in vocab.word_set("predicate_verbs.txt")):
        return True
    if any(c.isdigit() for c in word) and word not in tk.pos:
        return not CODE_WORD.fullmatch(word)  # 5G, 3A are part of a name; 2023 is not
    tag = tk.pos.get(word, "n")
    if word == "每" or word.endswith(NOUN_SUFFIXES):
        return False
    if word[0] in "较比" and word not in tk.pos:  # 较本(年度), 比上(年): a comparison
        return True
    return tag.startswith(STOP_POS) and tag not in KEEP_POS


def name_before(simple: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the noun phrase ending near `end` in simple[start:end].

    Walks left from the figure over direction words and verbs to the nearest
    noun, then collects the phrase's words until a verb or a mark.

    >>> s = "全年地区生产总值2630.2亿元"
    >>> a, b = name_before(s, 0, 8); s[a:b]
    '地区生产总值'
    """
    if end <= start:
        return None
    year = YEAR_BEFORE_FIGURE.search(simple, start, end)
    if year:  # 地区生产总值由2015年的|1708.4亿元: the year is not the name
        end = year.start()
    tk = tokenizer()
    words = tk.words(simple[start:end])
    offsets = []
    pos = start
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w)
    i = _skip_trailing(words, len(words) - 1, tk)
    if i < 0 or words[i] in NAME_JOINERS:
        return None
    last = i
    i = _extend_left(words, i, tk)
    # 中小学、幼儿园: a list of nouns joined by 、 is one name
    while i - 2 >= 0 and words[i - 1] in NAME_JOINERS and not is_stop(words[i - 2], tk):
        i = _extend_left(words, i - 2, tk)
    a, b = offsets[i][0], offsets[last][1]
    if b - a > MAX_NAME:
        a = b - MAX_NAME
    return _trim(simple, a, b)


def _extend_left(words: list[str], i: int, tk: Tokenizer) -> int:
    """Index of the first word of the phrase ending at word i.

    A verb between two nouns belongs to the phrase (立体|停车|库, 垃圾|收集|点);
    one at the start of the clause is its predicate (建成|…).
    """
    while i - 1 >= 0:
        before = words[i - 1]
        threshold = _threshold_start(words, i)
        if threshold is not None:
            i = threshold
        elif before in CLOSE_QUOTES and (j := _opening(words, i - 1, OPEN_QUOTES)) is not None:
            i = j
        elif not is_stop(before, tk):
            i -= 1
        elif _is_verb(before, tk) and i - 2 >= 0 and _is_nominal(words[i - 2], tk):
            i -= 1
        else:
            break
    return i


def _threshold_start(words: list[str], i: int) -> int | None:
    """Start of a threshold inside a name: 营收|超|10|亿元|企业 -> the index of 超.

    Only where a noun precedes it, so a figure's own number never joins a name.
    """
    j = i - 1
    unit = words[j] if j >= 0 else ""
    if not (unit in vocab.units() or unit[:1] in MAGNITUDE_CHARS and unit[1:] in vocab.units()):
        return None
    if j - 1 < 0 or not regex.fullmatch(r"\d+(?:\.\d+)?", words[j - 1]):
        return None
    j -= 1
    if j - 1 >= 0 and words[j - 1] in vocab.qualifiers("before"):
        j -= 1
    return j if j - 1 >= 0 and words[j - 1] not in PUNCT else None


def _tag(word: str, tk: Tokenizer) -> str:
    """Part of speech; `x` for marks, `?` for a word the dictionary lacks."""
    if all(c in PUNCT for c in word):
        return "x"
    return tk.pos.get(word, "?")


def _is_verb(word: str, tk: Tokenizer) -> bool:
    """A verb that may sit inside a name (停车 in 立体停车库)."""
    return (tk.pos.get(word, "n").startswith("v") and word not in vocab.directions()
            and word not in vocab.word_set("name_stopwords.txt")
            and word not in vocab.word_set("predicate_verbs.txt"))


def _is_nominal(word: str, tk: Tokenizer) -> bool:
    return not is_stop(word, tk) and (word not in tk.pos or tk.pos[word][:1] in ("n", "b", "j", "a", "l"))


def _skip_trailing(words: list[str], i: int, tk: Tokenizer) -> int:
    """Walk left over direction words, verbs and marks to the last word of the name.

    A bracketed aside right before the figure is passed over too:
    地区生产总值(GDP)增长 -> 地区生产总值.
    """
    while i >= 0:
        w = words[i]
        if w in CLOSING:
            opening = _opening(words, i)
            i = (opening if opening is not None else i) - 1
        elif w in CLOSE_QUOTES and _opening(words, i, OPEN_QUOTES) is not None:
            break
        elif is_stop(w, tk) and w not in NAME_JOINERS:
            i -= 1
        else:
            break
    return i


def _opening(words: list[str], closing: int, marks: tuple[str, ...] = ("(", "（")) -> int | None:
    for j in range(closing - 1, max(closing - 8, -1), -1):
        if words[j] in marks:
            return j
    return None


def name_after(simple: str, start: int, end: int, loose: bool = False) -> tuple[int, int] | None:
    """Span of the noun phrase right after a count: 12家|世界500强企业|投资罗湖.

    Nominal verbs may sit inside the phrase (公共服务事项) but one followed by a
    proper or unknown noun is the verb of the sentence (企业投资罗湖).  `loose`
    takes the first two words whatever they are (a last resort).
    """
    if end <= start or simple[start] in PUNCT:
        return None
    tk = tokenizer()
    words = tk.words(simple[start:end])
    if loose:
        words = words[:2]
        n = next((k for k, w in enumerate(words)
                  if any(c in PUNCT for c in w) or tk.pos.get(w, "n").startswith("v")), len(words))
        return _trim(simple, start, start + sum(len(w) for w in words[:n])) if n else None
    kept: list[str] = []
    for k, w in enumerate(words):
        tag = tk.pos.get(w)
        following = _tag(words[k + 1], tk) if k + 1 < len(words) else "x"
        verb_follows = k + 1 < len(words) and words[k + 1] in vocab.word_set("predicate_verbs.txt")
        if tag in KEEP_POS and kept and (following[:1] not in ("n", "x") or following[:2] in PROPER
                                         or verb_follows):
            break  # 企业|投资|罗湖, 企业|投资|落户: the verb of the sentence
        inside = (_is_verb(w, tk) and (not kept or _is_nominal(kept[-1], tk))
                  and following[:1] == "n" and following[:2] not in PROPER)
        inside = inside or (w in NAME_JOINERS and bool(kept) and following[:1] in ("n", "a", "b", "?")
                            and not words[k + 1][:1].isdigit())  # 市级、区级改革
        if is_stop(w, tk) and not inside and not (w.isdigit() and kept):
            break
        kept.append(w)
    while kept and tk.pos.get(kept[-1], "n")[:1] in TRAILING_NOT_NAME:
        kept.pop()
    if not kept:
        return None
    b = start + sum(len(w) for w in kept)
    return _trim(simple, start, min(b, start + MAX_NAME))


def noun_right_after(simple: str, at: int, end: int) -> bool:
    """True where a word the dictionary knows as a noun starts at `at`: 3名|人才."""
    if at >= end:
        return False
    tk = tokenizer()
    words = tk.words(simple[at:end])
    return bool(words) and (_tag(words[0], tk)[:1] == "n" or bool(CODE_WORD.match(words[0])))


def noun_right_before(simple: str, start: int, at: int) -> bool:
    """True where the word just before `at` is part of a name: 变电站|3座."""
    if at <= start:
        return False
    tk = tokenizer()
    words = tk.words(simple[start:at])
    return bool(words) and _tag(words[-1], tk)[:1] == "n"


def _trim(simple: str, a: int, b: int) -> tuple[int, int] | None:
    """Drop stop words left at the edges (全年, 的 …)."""
    stops = vocab.words("name_stopwords.txt")
    changed = True
    while changed and a < b:
        changed = False
        for w in stops:
            if simple.startswith(w, a, b) and b - a > len(w):
                a += len(w)
                changed = True
            if simple.endswith(w, a, b) and b - a > len(w):
                b -= len(w)
                changed = True
        for w in vocab.word_set("name_tail_words.txt"):
            if simple.endswith(w, a, b) and b - a > len(w):
                b -= len(w)
                changed = True
    time = TIME_PREFIX.match(simple, a, b)
    if time and time.end() < b:
        a = time.end()
    while a < b and simple[a] in PUNCT and not (
            simple[a] in OPEN_QUOTES and any(q in simple[a:b] for q in CLOSE_QUOTES)):
        a += 1
    while b > a and simple[b - 1] in PUNCT and simple[b - 1] not in ")）":
        b -= 1
    return (a, b) if b > a else None
