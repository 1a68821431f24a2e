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
WORD_JOINERS = ("和", "及", "与")  # 城镇和农村居民…: between two nouns, one name too
RATIO_HEADS = ("比率", "比值", "之比", "比例", "比重", "比")
COUNT_HEADS = ("人数", "人次", "次数", "户数", "家数", "个数", "件数")
ACTION_NOUNS = ("整治", "治理", "改造", "建设", "提升", "更新", "改造提升", "提质增效")
FLOW_VERBS = ("新增", "新建", "新开工")  # part of a name (新增就业) but a verb before a figure
FROM_WORDS = ("由", "从")         # 由6.4张增至7.6张
LOCALIZERS = ("上", "中", "下", "里", "内", "基础上", "背景下", "情况下", "前提下")
OPENING, CLOSING = ("(", "（"), (")", "）")
OPEN_QUOTES, CLOSE_QUOTES = ("“", "「"), ("”", "」")
PUNCT = set("，,。；;：:！!？?（）()“”\"'《》、 \t\n——-…·.")
MAX_NAME = 24
MAX_LIST = 40                     # the items of a parallel list, before each takes its own
CODE_WORD = regex.compile(r"\d+[A-Za-z]+\w*|[A-Za-z][A-Za-z0-9_.&+/-]*|\d+型")
ASCII_PIECE = regex.compile(r"[A-Za-z0-9_.&+/-]+")
# Bound morphemes jieba's short dictionary leaves on their own: an attributive
# suffix (保障|性, 服务|型, 公交|化) and one-character heads and measures (排污|口,
# 行政|村, 训练|室, 满意|率) make one word with the word before them.
SUFFIX_MORPHEMES = frozenset("性型式化")
HEAD_MORPHEMES = frozenset("口室村县站点区园馆厂库池港网桩员率量额集")
SUFFIX_CHARS = frozenset("率量额数值度")  # one-character measure suffixes (满意|率)
AFTER_SUFFIX = frozenset("达均超为至到由从")  # what follows a name: 率|达, 率|均, 额|超
NOT_GLUED_TO = ("p", "c", "u", "r", "m", "q", "f", "x", "w", "y", "e", "o")
# Time framing at the start of a name: 1-9月, 前三季度, 上半年, 两年
TIME_PREFIX = regex.compile(
    r"(?:(?:\d{1,2}(?:-\d{1,2})?)?月份?(?!均)|前?[一二三四]季度|[上下]半年|[一二两三四五六七八九十]+年(?:来|间)?(?:平均)?)+")
TIME_SUFFIX = regex.compile(
    r"(?:(?:连续|近|这|过去)?(?:\d+|[一二两三四五六七八九十]+)个?(?:年|月|季度)(?:来|间|以来)?|首次|连续|近)$")
# A five-year plan as a time: “十三五”末, “十三五”时期 (the base of a comparison
# before a figure), “十五五”时期 (the span a name is framed by)
PLAN_PERIOD = regex.compile(r"“十[一二三四五六七八九]五”(?:末期?|期末|初期?|期初|时期|期间|以来)")
PLAN_PERIOD_WORDS = ("末", "末期", "期末", "初", "初期", "期初", "时期", "期间", "以来")
MAGNITUDE_CHARS = "万亿千百兆"
YEAR_BEFORE_FIGURE = regex.compile(r"(?:由|从|到|至|比|较)?(?:19|20)\d{2}年(?:底|末)?的?$")
# 保费由|每生每年|5元, 孤儿从|每人每月|1536元: the base a from-figure is counted on
PER_BASE_BEFORE_FIGURE = regex.compile(r"(?:由|从)(?:每(?:人|户|生|名|亩|年|月|日|天|季度)){1,3}$")
# A clause that only links a figure to the subject of the clause it continues:
# 地区生产总值连续迈上4个万亿元台阶、|达|14.2万亿元, 进出口总值创历史新高，|达到|5379亿元
SUBJECT_LINK = regex.compile(r"(?:双双|均|再|首次|已)?(?:达到|达|突破|超过|跃上|迈上|增至|升至)?")
FIGURE_START = regex.compile(r"[\d零〇一二两三四五六七八九十百千万近超逾约突破]")
SUBJECT_MARKS = "，,、"             # what the linking clause follows
SUBJECT_REACH = 60                   # how far back the clause it continues may start
NOUN_SUFFIXES = ("率", "量", "额", "数", "值", "度", "比重", "占比")
# Head nouns that name a measure without a suffix: 交通、水利|投资, 供热、燃气|管网
CLASS_WORDS = ("行业", "产业", "产业链", "领域", "企业", "项目")  # 汽车、家电|行业增加值
MEASURE_HEADS = ("投资", "收入", "支出", "进出口", "出口", "进口", "管网", "案件", "警情", "产值",
                 "营收", "利润", "贷款", "存款", "规模", "面积", "产能", "资金", "补贴", "标准",
                 "价格", "销量", "人次", "人数", "起数", "经费")
# Heads of a thing that is counted, where what is done to it may stand before: 建设|试点
PLACE_HEADS = ("试点", "项目", "工程", "基地", "中心", "平台", "片区", "园区", "示范区", "示范县", "示范村")
PROPER = ("ns", "nr", "nt", "?")     # place, person, organisation, unknown
# another measure word in brackets right after a count: 100条（个）, 2813万辆（艘、架）
# a class written as a figure before the noun counted: 22个|750千伏和330千伏|电网工程, 3个|10万吨级|码头
_CLASS = r"\d+(?:\.\d+)?[万千]?(?:[A-Z](?=级)|千伏|[kK][vV]|伏|吨级|千瓦级|瓦级|米级|级)"
CLASS_FIGURE = regex.compile(rf"{_CLASS}(?:(?:和|及|与|、){_CLASS})*(?:及以上|以上)?")
ALTERNATIVE_MEASURE = regex.compile(r"[（(]\p{Han}(?:[、，,]\p{Han}){0,3}[）)]")
TRAILING_NOT_NAME = ("a", "d", "m", "q", "l")


@dataclass(frozen=True)
class Tokenizer:
    """A jieba tokenizer with our dictionary, and a part of speech for each word."""
    jieba: object
    pos: dict[str, str]

    def words(self, text: str) -> list[str]:
        """jieba's words, with codes (PM_2.5, 2型) and bound morphemes glued back.

        The same span is cut several times while a name is sought; each cut is kept."""
        cut = _CUTS.get(text)
        if cut is None:
            if len(_CUTS) > CUTS_KEPT:
                _CUTS.clear()
            cut = _CUTS[text] = tuple(self._words(text))
        return list(cut)

    def _words(self, text: str) -> list[str]:
        out: list[str] = []
        for w in self._split_unknown(self.jieba.lcut(text, HMM=True)):
            last = out[-1] if out else ""
            if last and ASCII_PIECE.fullmatch(w) and ASCII_PIECE.fullmatch(last) and last[0].isalpha():
                out[-1] = last + w          # PM|_|2.5
            elif w == "型" and last.isdigit():
                out[-1] = last + w          # 2|型 糖尿病
            elif (len(w) == 1 and (w in SUFFIX_MORPHEMES or w in HEAD_MORPHEMES) and last
                  and regex.fullmatch(r"\p{Han}+", last) and _glues(last, w)
                  and not self.pos.get(last, "n").startswith(NOT_GLUED_TO)):
                out[-1] = last + w          # 保障|性, 排污|口, 满意|率, 实施|率
                self.pos.setdefault(out[-1], "b" if w in SUFFIX_MORPHEMES else "n")
            else:
                out.append(w)
        return out


    def _split_unknown(self, words: list[str]) -> list[str]:
        """A word the dictionary lacks, made by jieba's guess, ending in a change
        word or a from word is two words (床位数由 -> 床位数|由, 末净增 -> 末|净增),
        and so is a measure suffix glued to the word after it (率达 -> 率|达, 率均 -> 率|均)."""
        out: list[str] = []
        for w in words:
            end = 0
            if len(w) > 1 and w not in self.pos:
                end = next((k for k in range(1, len(w)) if w[k:] in _split_ends()), 0)
                if not end and len(w) == 2 and w[0] in SUFFIX_CHARS and w[1] in AFTER_SUFFIX:
                    end = 1
            out.extend((w[:end], w[end:]) if end else (w,))
        return out


def _glues(last: str, w: str) -> bool:
    """True where the bound morpheme w makes one word with the word before it:
    not 全年|量; 率 after a predicate verb (实施|率), 性 after a stop word of two
    characters (预期|性) do."""
    if last not in _bound_stops():
        return True
    if w == "性":
        return len(last) == 2 and last in vocab.word_set("name_stopwords.txt")
    return w == "率" and last in vocab.word_set("predicate_verbs.txt") and last not in vocab.directions()


@lru_cache(maxsize=1)
def _split_ends() -> frozenset[str]:
    """What a guessed word is split before: a change word of two characters or
    more (净增, 增长至), or 由 / 从 (from … to)."""
    return frozenset(w for w in vocab.directions() if len(w) > 1) | frozenset(FROM_WORDS)


_CUTS: dict[str, tuple[str, ...]] = {}
CUTS_KEPT = 20000


@lru_cache(maxsize=1)
def _bound_stops() -> frozenset[str]:
    """Words a bound morpheme is never glued to: 全年|量 is not a word."""
    return (vocab.word_set("name_stopwords.txt") | vocab.word_set("predicate_verbs.txt")
            | frozenset(vocab.directions())) - {"建成", "完成", "增长"}


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    """The private tokenizer, built once per process; its dictionary is built once
    per machine and kept in the user's cache directory (see :mod:`luohu_cli.tokcache`)."""
    from .tokcache import cached, import_jieba

    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    data = resources.files(__package__).joinpath("data")
    words = data.joinpath("words.txt").read_bytes()
    domain = data.joinpath("domain_words.txt").read_bytes()
    freq, pos, total = cached("tokenizer", (words, domain), lambda: _dictionary(words),
                              check=_is_dictionary)
    for word in vocab.word_set("name_nouns.txt"):
        pos[word] = "n"  # 排放, 需求: nouns in a name, whatever the dictionary says
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = freq, total, True
    return Tokenizer(tk, pos)


def _dictionary(words: bytes) -> tuple[dict[str, int], dict[str, str], int]:
    """jieba's word frequencies (every prefix of a word at 0), parts of speech, total."""
    freq: dict[str, int] = {}
    pos: dict[str, str] = {}
    for line in words.decode("utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        word, count, tag = line.split(" ")
        freq[word] = int(count)
        pos[word] = tag
    for word in sorted(vocab.word_set("domain_words.txt")):
        freq[word] = max(freq.get(word, 0), 50000)
        pos[word] = "n"
    total = sum(freq.values())
    for word in list(freq):
        for i in range(1, len(word)):
            freq.setdefault(word[:i], 0)
    return freq, pos, total


def _is_dictionary(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], dict)
            and isinstance(value[1], dict) and isinstance(value[2], int) and len(value[0]) > 0)


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


def name_before(simple: str, start: int, end: int, items: bool = False) -> tuple[int, int] | None:
    """Span of the noun phrase ending near `end` in simple[start:end].

    Walks left from the figure over direction words and verbs to the nearest
    noun, then collects the phrase's words until a verb or a mark.  `items`
    reads the head of a parallel list: all its items (食品、信息等产业增加值),
    longer than one name may be; a single name is what follows 等 (燃气等|高风险领域).

    >>> s = "全年地区生产总值2630.2亿元"
    >>> a, b = name_before(s, 0, 8); s[a:b]
    '地区生产总值'
    """
    if end <= start:
        return None
    year = YEAR_BEFORE_FIGURE.search(simple, start, end) or PER_BASE_BEFORE_FIGURE.search(simple, start, end)
    if year:  # 地区生产总值由2015年的|1708.4亿元, 保费由每生每年|5元: the year or base is not the name
        end = year.start()
    tk = tokenizer()
    words = tk.words(simple[start:end])
    offsets = []
    pos = start
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w)
    i = _skip_trailing(words, len(words) - 1, tk)
    i = _skip_adverbial(words, i, tk)
    if i < 0 or words[i] in NAME_JOINERS:
        return None if items else _continued_subject(simple, start, end)
    last = i
    i = _item_start(words, i, tk, items)
    # 中小学、幼儿园, 城镇和农村居民…: a list of nouns joined by 、 (or 和 及 与
    # between two nouns) is one name
    while i - 2 >= 0 and _joins(words, i - 1, tk):
        i = _item_start(words, i - 2, tk, items)
    a, b = offsets[i][0], offsets[last][1]
    limit = MAX_LIST if items else MAX_NAME
    if b - a > limit:  # too long: keep the words nearest the figure, whole
        fits = [x for x, _ in offsets[i:last + 1] if b - x <= limit]
        a = fits[0] if fits else b - limit
    return _trim(simple, a, b)


def _continued_subject(simple: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject of the clause a linking clause continues, where the figure's
    clause is only a link after 、 or ， (地区生产总值连续迈上4个万亿元台阶、|达):
    the noun phrase the continued clause opens with, before its first verb,
    where it names a measure (进出口总值|创历史新高).  None where that clause
    opens with a verb (建成高标准农田8.9万亩、|达到…)."""
    k = max(simple.rfind(c, start - 1 if start else 0, end) for c in SUBJECT_MARKS)
    if k < 0 or not SUBJECT_LINK.fullmatch(simple, k + 1, end) or not FIGURE_START.match(simple, end):
        return None  # not …经济总量达到4万亿元、|占全省比重: a name goes on after it
    lo = max(0, k - SUBJECT_REACH)
    c = max(simple.rfind(m, lo, k) for m in "，,；;：:。！？\n")
    c = c + 1 if c >= 0 else (lo if lo == 0 else -1)
    if c < 0 or c >= k:
        return None
    tk = tokenizer()
    words = tk.words(simple[c:k])
    lead = 0
    while lead < len(words) - 1 and words[lead] in vocab.word_set("name_stopwords.txt") \
            and _tag(words[lead], tk)[:1] in ("n", "t", "?"):
        lead += 1  # 全省|进出口总值
    n = lead
    while n < len(words) and (not is_stop(words[n], tk) or words[n] in NAME_JOINERS and n + 1 < len(words)
                              and n > lead and not is_stop(words[n + 1], tk)):
        n += 1
    if n == lead or n == len(words) or any(ch.isdigit() for w in words[lead:n] for ch in w):
        return None
    ends = [c + sum(len(w) for w in words[:j]) for j in range(n, lead, -1)]
    end = next((e for e in ends if _names_a_measure(simple[c:e])), None)
    return name_before(simple, c, end) if end is not None else None


def _item_start(words: list[str], i: int, tk: Tokenizer, items: bool = False) -> int:
    """First word of the list item ending at word i: a quoted name whole (“上海标准”)."""
    if words[i] in CLOSE_QUOTES and (j := _opening(words, i, OPEN_QUOTES)) is not None:
        i = j
    return _extend_left(words, i, tk, items)


def _joins(words: list[str], k: int, tk: Tokenizer) -> bool:
    """True where words[k] joins two items of one name: 、 or 和/及/与 between nouns."""
    left, right = words[k - 1], words[k + 1]
    if left in CLOSE_QUOTES:
        return words[k] in NAME_JOINERS or words[k] in WORD_JOINERS
    if is_stop(left, tk) or left.isdigit() or left in vocab.units() and k - 2 >= 0 and (
            regex.fullmatch(rf"[\d.{MAGNITUDE_CHARS}]+", words[k - 2])):
        return False  # not 突破万亿|元|、占比
    if words[k] in NAME_JOINERS:
        return right not in FLOW_VERBS  # not 试运转|、|新增产能: a clause of its own
    nounish = _is_nominal(left, tk) or tk.pos.get(left) in KEEP_POS  # 公用经费(vn)|和
    return words[k] in WORD_JOINERS and nounish and (
        _is_nominal(right, tk) or right in OPEN_QUOTES or _is_verb(right, tk))


def _skip_adverbial(words: list[str], i: int, tk: Tokenizer) -> int:
    """地区生产总值|在高基数上|增长: the subject stands before a 在…上 phrase."""
    if i < 0 or words[i] not in LOCALIZERS:
        return i
    for j in range(i - 1, max(i - 8, -1), -1):
        if all(c in PUNCT for c in words[j]):
            return i
        if words[j] in ("在", "于"):
            return _skip_trailing(words, j - 1, tk)
    return i


def _extend_left(words: list[str], i: int, tk: Tokenizer, items: bool = False) -> int:
    """Index of the first word of the phrase ending at word i.

    A verb between two nouns belongs to the phrase (立体|停车|库, 垃圾|收集|点),
    so does one opening a list item (起数和|死亡|人数); one at the start of the
    clause is its predicate (建成|…).  二级及以上, 220千伏及以上 qualify the noun.
    """
    while i - 1 >= 0:
        before = words[i - 1]
        threshold = _threshold_start(words, i)
        if threshold is not None:
            i = threshold
        elif before in CLOSE_QUOTES and (j := _opening(words, i - 1, OPEN_QUOTES)) is not None:
            i = j
        elif before in ("以上", "以下") and i - 3 >= 0 and words[i - 2] in ("及", "或") \
                and words[i - 3] not in PUNCT:
            i -= 3
            if i - 1 >= 0 and regex.fullmatch(r"[\d.]+", words[i - 1]):
                i -= 1  # 220|千伏|及以上
        elif not is_stop(before, tk):
            i -= 1
        elif (words[i] in COUNT_HEADS and tk.pos.get(before, "").startswith("v")
              and before not in vocab.directions()):
            i -= 1  # 待遇|享受|人数, 参保|人数: who does it, counted
        elif before == "的" and words[i] in RATIO_HEADS and any(
                w in WORD_JOINERS for w in words[max(0, i - 6):i - 1]):
            i -= 1  # 社会物流总费用与GDP|的|比率
        elif items and before == "等" and i - 2 >= 0 and not is_stop(words[i - 2], tk):
            i -= 1  # 食品、信息|等|产业增加值 (one name: 燃气等|高风险领域)
        elif _is_verb(before, tk) and i - 2 >= 0 and (
                words[i - 2] in NAME_JOINERS or words[i - 2] in WORD_JOINERS
                or words[i - 2] in ("以上", "以下") or _quoted_attribute(words, i - 2, tk)):
            i -= 1  # 起数和|死亡|人数, 和“两山”|实践|创新基地
        elif _is_verb(before, tk) and (j := _verbs_after_noun(words, i - 1, tk)) is not None:
            i = j
        elif before in vocab.word_set("name_modifiers.txt") and _is_nominal(words[i], tk):
            i -= 1  # 开展|集中|办公, 组建|创新|联合体, 充电|电量: a verb that qualifies the noun
        else:
            break
    return i


def _quoted_attribute(words: list[str], k: int, tk: Tokenizer) -> bool:
    """True where words[k] closes a quote that qualifies what follows it inside a
    name (社保卡|“一卡通”, 和|“两山”), not one that opens the clause (“鲁惠通”|兑现…)."""
    if words[k] not in CLOSE_QUOTES or (j := _opening(words, k, OPEN_QUOTES)) is None or j == 0:
        return False
    before = words[j - 1]
    return before in NAME_JOINERS or before in WORD_JOINERS or _is_nominal(before, tk)


def _verbs_after_noun(words: list[str], k: int, tk: Tokenizer) -> int | None:
    """Start of one or two verbs ending at word k that follow a noun: 城镇|供|排水|管网,
    企业|联合|创新|中心, 公路安全|生命|防护|工程 (a nominal verb after a noun)."""
    j = k
    if k - 1 >= 0 and _is_verb(words[k - 1], tk):
        j -= 1
    if j - 1 >= 0 and _is_nominal(words[j - 1], tk):
        return j
    if j - 2 >= 0 and words[j - 2] == "每" and (
            _tag(words[j - 1], tk) == "q" or words[j - 1] in vocab.units()):
        return j  # 每|平方公里|产出|GDP: a measure on a base
    if j == k and j - 2 >= 0 and tk.pos.get(words[j - 1]) in KEEP_POS and _is_nominal(words[j - 2], tk):
        return j - 1
    return None


def _time_start(words: list[str], i: int) -> int | None:
    """Start of a time phrase ending at word i: 连续|8|年, 较|2020|年, 近|3|年."""
    if words[i] not in ("年", "年来", "月", "个月", "季度") or i - 1 < 0 or not (
            words[i - 1].isdigit() or regex.fullmatch(r"[一二两三四五六七八九十]+个?", words[i - 1])):
        return None
    j = i - 1
    if j - 1 >= 0 and words[j - 1] in ("连续", "近", "这", "过去", "较", "比"):
        j -= 1
    return j


def _plan_period_start(words: list[str], i: int) -> int | None:
    """Start of a five-year plan's time ending at word i: “|十三|五|”|末期 -> the index of “."""
    if words[i] not in PLAN_PERIOD_WORDS or i - 1 < 0 or words[i - 1] not in CLOSE_QUOTES:
        return None
    j = _opening(words, i - 1, OPEN_QUOTES)
    return j if j is not None and PLAN_PERIOD.fullmatch("".join(words[j:i + 1])) else None


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
    if unit == "年" and regex.fullmatch(r"(?:19|20)\d\d", words[j - 1]):
        return None  # 下达|2025|年|省级资金: a date, not a threshold
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
        elif (j := _time_start(words, i)) is not None:
            i = j - 1  # 安全感|连续8年|保持在
        elif (j := _plan_period_start(words, i)) is not None:
            i = j - 1  # 营业收入较|“十三五”末期|翻一番: the base compared with
        elif _done_as_a_kind(words, i):
            break  # 家庭适老化|改造|6万户: the kind of work is what is counted
        elif (is_stop(w, tk) or w in FLOW_VERBS and i == len(words) - 1) and w not in NAME_JOINERS:
            i -= 1  # 老年医院数量|新增|76家: 新增 right before a figure is its verb
        else:
            break
    return i


def _done_as_a_kind(words: list[str], i: int) -> bool:
    """True for an action noun after a -化 word (适老化|改造, 现代化|改造): a
    kind of work, counted as a whole, not a verb after the counted things."""
    return words[i] in ACTION_NOUNS and i > 0 and len(words[i - 1]) > 1 and words[i - 1].endswith("化")


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
    alternative = ALTERNATIVE_MEASURE.match(simple, start, end)
    if alternative:
        start = alternative.end()  # 100条（个）|幸福河湖: another measure word for the same count
    if end <= start or simple[start] in PUNCT and not (
            simple[start] in OPEN_QUOTES and any(q in simple[start:end] for q in CLOSE_QUOTES)):
        return None
    grade = CLASS_FIGURE.match(simple, start, end)
    if grade and not loose:  # the class is part of the name of the things it qualifies
        noun = name_after(simple, grade.end(), end)
        return (start, noun[1]) if noun and noun[0] == grade.end() else None
    tk = tokenizer()
    words = tk.words(simple[start:end])
    if loose:
        words = words[:2]
        n = next((k for k, w in enumerate(words)
                  if any(c in PUNCT for c in w) or tk.pos.get(w, "n").startswith("v")
                  or len(w) == 1 and tk.pos.get(w, "n").startswith(("d", "p", "c"))),
                 len(words))
        return _trim(simple, start, start + sum(len(w) for w in words[:n])) if n else None
    lead = 0
    while lead < len(words) - 1 and words[lead] in vocab.word_set("name_stopwords.txt") \
            and _tag(words[lead], tk)[:1] in ("n", "t", "?"):
        lead += 1  # 11个|全国|县域商业领跑县, 285个|计划|新开工项目
    start += sum(len(w) for w in words[:lead])
    words = words[lead:]
    kept: list[str] = []
    skip_to = -1
    for k, w in enumerate(words):
        if k <= skip_to:
            continue
        if w in OPEN_QUOTES:
            close = next((j for j in range(k + 1, min(k + 10, len(words))) if words[j] in CLOSE_QUOTES), None)
            if close is None or kept and _tag(kept[-1], tk)[:1] in ("n", "x"):
                break  # 456个事项|“全区通办”: a quote after the noun is no part of it
            kept.extend(words[k:close + 1])  # 12家|“小巨人”企业: a quoted name whole
            skip_to = close
            continue
        tag = tk.pos.get(w)
        if w == "的" and any(_tag(x, tk)[:1] in ("a", "v", "m") or x[:1].isdigit() for x in kept) and (
                _noun_ahead(words, k + 1, tk) or k + 2 < len(words) and _tag(words[k + 1], tk)[:1] in ("a", "b")
                and _noun_ahead(words, k + 2, tk)):
            start += sum(len(x) for x in kept) + 1  # 5万名|经济困难|的|严重精神障碍患者,
            kept = []  # 20个|具有国际影响力|的|产业集群: a clause that qualifies the name is no part of it
            continue
        if w in NAME_JOINERS and _figure_ahead(words, k + 1):
            break  # 1个|国家级集群|、|新入规企业3家: the next item has a figure of its own
        if kept and _tag(kept[-1], tk)[:1] in ("n", "?") and _predicate_rest(words, k, tk):
            break  # 服务站|提质增效, 化工企业|关改搬转: a four-character predicate ends the clause
        following = _tag(words[k + 1], tk) if k + 1 < len(words) else "x"
        verb_follows = k + 1 < len(words) and words[k + 1] in vocab.word_set("predicate_verbs.txt")
        if tag in KEEP_POS and kept and kept[-1] not in CLOSE_QUOTES and (
                following[:1] not in ("n", "x") and not _noun_ahead(words, k + 1, tk)
                or following[:2] in PROPER or verb_follows):
            break  # 企业|投资|罗湖, 企业|投资|落户: the verb of the sentence (not 托育|综合|服务|中心)
        # a verb between nouns, not a one-character one after a known noun (事项|让|群众),
        # but after a fragment of an unknown word (固废回|填|试点)
        inside = (_is_verb(w, tk) and (len(w) > 1 or bool(kept) and _tag(kept[-1], tk) == "?")
                  and (not kept or _is_nominal(kept[-1], tk) or kept[-1] in CLOSE_QUOTES
                       or _is_verb(kept[-1], tk))
                  and _noun_ahead(words, k + 1, tk))
        # what is done to the things a head names: 城镇化|建设|试点, 粮食产能|提升|重点县
        inside = inside or (bool(kept) and _is_nominal(kept[-1], tk) and k + 1 < len(words)
                            and (w in ACTION_NOUNS or vocab.directions().get(w) in ("up", "down") and len(w) > 1)
                            and _is_head(words[k + 1], tk))
        inside = inside or bool(kept) and _done_as_a_kind(kept + [w], len(kept))  # 公交化|改造
        inside = inside or (w in NAME_JOINERS and bool(kept) and following[:1] in ("n", "a", "b", "?")
                            and not words[k + 1][:1].isdigit())  # 市级、区级改革
        if is_stop(w, tk) and not inside and not (w.isdigit() and kept):
            break
        kept.append(w)
    while kept and not _done_as_a_kind(kept, len(kept) - 1) and (
            tk.pos.get(kept[-1], "n")[:1] in TRAILING_NOT_NAME or kept[-1] in ("中", "内", "里")
            or len(kept) > 1 and (kept[-1] in ACTION_NOUNS or _is_verb(kept[-1], tk)
                                  and tk.pos.get(kept[-1]) not in KEEP_POS)):
        kept.pop()  # 12480个入河排污口|整治, 104种|工业产品|中: the things counted, not what is done to them
    if not kept:
        return None
    b = start + sum(len(w) for w in kept)
    return _trim(simple, start, min(b, start + MAX_NAME))


def _noun_ahead(words: list[str], k: int, tk: Tokenizer) -> bool:
    """True where words[k] is a noun, or one more verb and then a noun (实践|创新|基地)."""
    for j in range(k, min(k + 2, len(words))):
        tag = _tag(words[j], tk)
        if (tag[:1] == "n" and tag[:2] not in PROPER
                or tag == "?" and regex.fullmatch(r"\p{Han}{2}", words[j])):
            return True
        if not (_is_verb(words[j], tk) and len(words[j]) > 1):
            return False
    return False


def _is_head(word: str, tk: Tokenizer) -> bool:
    """True for a noun that names a place or a unit of work: 试点, 重点县, 示范村, 服务中心."""
    return _tag(word, tk)[:1] == "n" and _tag(word, tk)[:2] not in PROPER and (
        word[-1] in HEAD_MORPHEMES or word.endswith(PLACE_HEADS))


def _predicate_rest(words: list[str], k: int, tk: Tokenizer) -> bool:
    """True where words[k:] up to the next mark are a short verb phrase of no
    known noun (提质增效, 关改搬转): the predicate after the counted things."""
    rest = []
    for w in words[k:]:
        if all(c in PUNCT for c in w):
            break
        rest.append(w)
    return (1 < len(rest) and len("".join(rest)) <= 4
            and all(_tag(w, tk) == "?" or _tag(w, tk)[:1] == "v" for w in rest)
            and any(_tag(w, tk) == "?" for w in rest))


def _figure_ahead(words: list[str], k: int) -> bool:
    """True where a number comes before the next mark: 、新入规企业|3|家."""
    for w in words[k:]:
        if any(c.isdigit() for c in w):
            return True
        if all(c in PUNCT for c in w):
            return False
    return False


def measure_word_after(simple: str, at: int, end: int) -> bool:
    """True where a one-character measure word follows a bare number: 6000万|头, 22万|P."""
    if at >= end:
        return False
    tk = tokenizer()
    words = tk.words(simple[at:end])
    return bool(words) and len(words[0]) == 1 and (
        _tag(words[0], tk)[:1] not in ("a", "b", "v", "d", "p", "c", "x"))


def noun_right_after(simple: str, at: int, end: int) -> bool:
    """True where a noun phrase starts at `at`: 3名|人才, 2个|国家级开发区,
    50家|先进智能工厂, 11个|全国县域商业领跑县 (a scope word first)."""
    if at >= end:
        return False
    tk = tokenizer()
    words = tk.words(simple[at:end])
    while (len(words) > 1 and words[0] in vocab.word_set("name_stopwords.txt")
           and _tag(words[0], tk)[:1] == "n"):
        words = words[1:]  # 全国|县域…
    if not words:
        return False
    first, tag = words[0], _tag(words[0], tk)
    if first in OPEN_QUOTES:
        return True
    if tag[:1] == "n" or CODE_WORD.match(first):
        return True
    # an attributive before a noun: 国家级|经济…, 先进|智能工厂
    return tag[:1] in ("b", "a", "j") and len(words) > 1 and not is_stop(first, tk) and (
        _tag(words[1], tk)[:1] in ("n", "j", "b", "?") and not is_stop(words[1], tk))


def verb_right_after(simple: str, at: int, end: int) -> bool:
    """True where a verb (not a nominal one) or a preposition follows `at`:
    6200亿元|用于|民生, 40万亩|退化草原 - what follows may be a predicate, not a name."""
    if at >= end:
        return False
    tk = tokenizer()
    words = tk.words(simple[at:end])
    return bool(words) and (tk.pos.get(words[0], "n")[:1] in ("v", "p", "d", "c", "u")
                            and tk.pos.get(words[0]) not in KEEP_POS)


def noun_right_before(simple: str, start: int, at: int) -> bool:
    """True where the word just before `at` is part of a name: 变电站|3座."""
    if at <= start:
        return False
    tk = tokenizer()
    words = tk.words(simple[start:at])
    return bool(words) and _tag(words[-1], tk)[:1] == "n" and words[-1] not in FLOW_VERBS


def _word_boundary(simple: str, a: int, b: int, at: int) -> bool:
    """True where the tokenizer cuts simple[a:b] at `at`: 约|束性指标 is no cut
    (约束性|指标), so the stop word 约 is no edge of 约束性指标, nor 预期 of 预期性指标."""
    cut = a
    for w in tokenizer().words(simple[a:b]):
        cut += len(w)
        if cut >= at:
            return cut == at
    return True


def _trim(simple: str, a: int, b: int) -> tuple[int, int] | None:
    """Drop stop words left at the edges (全年, 的 …)."""
    stops = vocab.words("name_stopwords.txt")
    changed = True
    while changed and a < b:
        changed = False
        for w in stops:
            if simple.startswith(w, a, b) and b - a > len(w) and _word_boundary(simple, a, b, a + len(w)):
                a += len(w)
                changed = True
            if simple.endswith(w, a, b) and b - a > len(w):
                b -= len(w)
                changed = True
        for w in vocab.word_set("name_tail_words.txt"):
            if simple.endswith(w, a, b) and b - a > len(w):
                b -= len(w)
                changed = True
    if a > 0 and simple[a - 1].isdigit() and simple.startswith("年", a, b):
        a += 1  # 2025|年中央及省级…: the year's 年
    time = TIME_PREFIX.match(simple, a, b) or PLAN_PERIOD.match(simple, a, b)
    if time and time.end() < b:
        a = time.end()  # 前三季度|…, “十五五”时期|地区生产总值
    time = TIME_SUFFIX.search(simple, a, b)
    if time and time.start() > a:
        b = time.start()  # 资产总额|五年, 进出口总额|连续两年
    elif time:
        return None
    while a < b and simple[a] in PUNCT and not (
            simple[a] in OPEN_QUOTES and any(q in simple[a:b] for q in CLOSE_QUOTES)):
        a += 1
    while b > a and simple[b - 1] in PUNCT and simple[b - 1] not in ")）" and not (
            simple[b - 1] in CLOSE_QUOTES and any(q in simple[a:b - 1] for q in OPEN_QUOTES)):
        b -= 1
    if b - a > 2 and simple[a] in OPEN_QUOTES and simple[b - 1] in CLOSE_QUOTES and not any(
            q in simple[a + 1:b - 1] for q in OPEN_QUOTES + CLOSE_QUOTES):
        a, b = a + 1, b - 1  # “医格”: the quotes mark a name, they are not part of it
    return (a, b) if b > a else None


def shared_head(simple: str, items: list[tuple[int, int]]) -> tuple[int, int, int] | None:
    """(k, own_end, head_start): items[k:] share the head noun simple[head_start:b]
    written once at the end of the last item (a, b), whose own part ends at
    own_end; None where no head is shared.

    `一产、二产、三产|增加值`, `手机、集成电路、工业机器人|产量`, `食品、信息等|产业增加值`,
    `城镇和农村|居民人均可支配收入`: the head names a measure and begins with
    one (产量, 增加值占…比重), a class (行业, 产业) or a bound character (毛入学率);
    of the cuts that leave one, the own part nearest the other items' length.  An
    item with a head of its own ends the group (`毛入园率、高中阶段和高等教育|毛入学率`:
    only 高中阶段 shares); `零售额、乡村旅游经营收入` and `固定资产投资、民间投资`
    name two things each.
    """
    if len(items) < 2:
        return None
    a, b = items[-1]
    texts = [simple[x:y] for x, y in items[:-1]]
    k = len(texts)
    while k > 0 and not _names_a_measure(texts[k - 1]):
        k -= 1
    others = texts[k:]
    if not others:
        return None
    tk = tokenizer()
    item = simple[a:b]
    words = tk.words(item)
    if "等" in words[1:-1]:  # 食品、信息|等|产业增加值
        at = a + sum(len(w) for w in words[:words.index("等")])
        return (k, at, at + 1) if _names_a_measure(simple[at + 1:b]) else None
    mean = sum(len(o) for o in others) / len(others)
    n = len(others[0])
    if all(len(o) == n for o in others) and 0 < n <= 4 and n < len(item) and _names_a_measure(item[n:]) and (
            n in _word_ends(words) and not is_stop(tk.words(item[n:])[0], tk)
            or item[:n] in tk.pos and item[n:] in vocab.word_set("domain_words.txt")):
        return (k, a + n, a + n)  # 城镇、农村|居民收入, 广州、深圳|地铁客运量: as long as the others
    length = 0
    cuts: list[int] = []  # where the item's own part may end
    for i, w in enumerate(words[:-1]):
        length += len(w)
        head, first = item[length:], words[i + 1]
        if is_stop(first, tk) or not _names_a_measure(head) or not (
                first in CLASS_WORDS or _names_a_measure(first)
                or len(first) == 1 and i + 2 < len(words) and (
                    words[i + 2] in CLASS_WORDS or _names_a_measure(words[i + 2]))):
            continue  # not 工业|机器人产量
        if any(o.endswith(head) for o in others):
            return None
        cuts.append(length)
    near = [c for c in cuts if abs(c - mean) <= 2]
    if len(cuts) == 1 and len(others) == 1:
        near = cuts  # 国际航空旅客和货邮|吞吐量: the one head there is, however long the other item
    best = min(near, key=lambda c: abs(c - mean), default=None)
    return (k, a + best, a + best) if best is not None else None


def _word_ends(words: list[str]) -> set[int]:
    ends, at = set(), 0
    for w in words:
        at += len(w)
        ends.add(at)
    return ends


def names_a_measure(phrase: str) -> bool:
    """True for a phrase ending in a measure (产量, 增加值, 投资 …), not a thing counted (上市公司)."""
    return _names_a_measure(phrase)


def _names_a_measure(phrase: str) -> bool:
    """True for a phrase ending in a measure (产量, 增加值, 投资 …)."""
    return phrase.endswith(NOUN_SUFFIXES) or phrase.endswith(MEASURE_HEADS) or any(
        phrase.endswith(w) for w in vocab.word_set("domain_words.txt") if len(w) > 1)
