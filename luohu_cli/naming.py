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

from . import vocab

log = logging.getLogger(__name__)

# Parts of speech that end a name when met walking away from the figure:
# verbs, adverbs, prepositions, conjunctions, particles, pronouns, punctuation.
STOP_POS = ("v", "d", "p", "c", "u", "r", "y", "e", "o", "x", "w", "l", "i", "zg")
KEEP_POS = ("vn", "nv")           # nominal verbs (投资, 建设) can be part of a name
NAME_JOINERS = "、"               # 中小学、幼儿园12所
PUNCT = set("，,。；;：:！!？?（）()“”\"'《》、 \t\n——-…·")
MAX_NAME = 24


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
    for word in vocab.words("domain_words.txt"):
        freq[word] = max(freq.get(word, 0), 50000)
        pos.setdefault(word, "n")
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
    if word in vocab.words("name_stopwords.txt") or word in vocab.directions():
        return True
    tag = tk.pos.get(word, "n")
    if word in ("每",):
        return False
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
    tk = tokenizer()
    words = tk.words(simple[start:end])
    offsets = []
    pos = start
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w)
    i = len(words) - 1
    while i >= 0 and is_stop(words[i], tk) and words[i] not in NAME_JOINERS:
        i -= 1
    if i < 0 or words[i] in NAME_JOINERS:
        return None
    last = i
    while i - 1 >= 0 and not is_stop(words[i - 1], tk):
        i -= 1
    # 中小学、幼儿园: a list of nouns joined by 、 is one name
    while i - 2 >= 0 and words[i - 1] in NAME_JOINERS and not is_stop(words[i - 2], tk):
        i -= 2
        while i - 1 >= 0 and not is_stop(words[i - 1], tk):
            i -= 1
    a, b = offsets[i][0], offsets[last][1]
    if b - a > MAX_NAME:
        a = b - MAX_NAME
    return _trim(simple, a, b)


def name_after(simple: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the noun phrase right after a count: 12家|世界500强企业|投资罗湖."""
    if end <= start or simple[start] in PUNCT:
        return None
    tk = tokenizer()
    words = tk.words(simple[start:end])
    pos, b = start, start
    for w in words:
        if is_stop(w, tk) and not (w.isdigit() and pos > start):
            break
        pos += len(w)
        b = pos
    if b == start:
        return None
    return _trim(simple, start, min(b, start + MAX_NAME))


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
    while a < b and simple[a] in PUNCT:
        a += 1
    return (a, b) if b > a else None
