"""Turn the bytes of a report into text, guessing the encoding when none is given.

The guess, in order: a known binary signature is refused; a byte order mark
decides; clean UTF-8 whose non-ASCII is mostly CJK (or pure ASCII) is taken as
is; otherwise every candidate that decodes cleanly (UTF-8, GB18030, Big5 as
cp950 or big5hkscs, UTF-16 LE/BE without a mark) is scored by how much its
text looks like Chinese prose (frequent characters from data/frequent_chars.txt
score most; kana, Hangul, box drawing, private use score below zero) and the
best one wins. NUL bytes only occur in UTF-16 among these, so they leave only
UTF-16 in the race, and without it they mean binary data. Texts of two or
three CJK characters can stay ambiguous; anything longer is decided reliably.

    >>> decode_bytes("地区生产总值增长3.4%".encode("gb18030"))
    '地区生产总值增长3.4%'
    >>> decode_bytes("地區生產總值增長3.4%".encode("big5"))
    '地區生產總值增長3.4%'
    >>> decode_bytes("增长3.4%".encode("utf-16-le"))
    '增长3.4%'
"""
from __future__ import annotations

import codecs
import sys
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

from . import vocab
from .errors import InputError

# Signatures of files people hand over by mistake instead of a text export.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
)
# UTF-32 first: its little-endian mark begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Candidates in order of preference when two score the same.
_CANDIDATES = ("utf-8", "gb18030", "cp950", "big5hkscs", "utf-16-le", "utf-16-be")
_UTF16 = ("utf-16-le", "utf-16-be")

_WHITESPACE_CONTROLS = frozenset("\t\n\r\f\v")
# The ASCII a Chinese report is made of; other letters and symbols score less.
_PLAIN_ASCII = frozenset("0123456789 .,:;%()-/\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.05   # more control characters than this: binary
_MIN_MEAN_SCORE = 0.25      # a decoding that scores less per character is noise
_SAMPLE = 20_000            # characters scored per candidate

# (first, last, score) per character, first match wins. Common characters
# (2) and ASCII (1 for digits and plain punctuation, 0.5 letters, 0.25 other
# symbols, -5 controls) are scored before it; what it misses scores -1, or -5
# for an unassigned code point.
_RANGES = (
    (0x4E00, 0x9FFF, 0.5),    # CJK unified ideographs
    (0x3000, 0x303F, 1.0),    # CJK punctuation: 、。《》【】
    (0xFF01, 0xFF5E, 1.0),    # fullwidth ASCII: ，：（）％
    (0x2010, 0x2027, 1.0),    # dashes, quotes, ellipsis: —“”…
    (0x0080, 0x009F, -5.0),   # C1 controls
    (0x00A0, 0x024F, 0.0),    # Latin: · × ° and pinyin tones ā ǎ
    (0x2030, 0x24FF, 0.0),    # ‰ ℃ Ⅰ → ≥ ①
    (0x25A0, 0x26FF, 0.0),    # bullets: ■ ● ◆ ★
    (0x3200, 0x33FF, 0.0),    # enclosed CJK and units: ㈠ ㎡
    (0xFE30, 0xFE4F, 0.0),    # CJK compatibility forms (Big5 punctuation)
    (0xFFE0, 0xFFE6, 0.0),    # fullwidth signs: ￥
    (0x3400, 0x4DBF, -1.0),   # CJK extension A: rare ideographs
    (0x2500, 0x257F, -2.0),   # box drawing
    (0x3040, 0x30FF, -2.0),   # kana
    (0x0370, 0x04FF, -2.0),   # Greek, Cyrillic
    (0xF900, 0xFAFF, -2.0),   # CJK compatibility ideographs
    (0x20000, 0x3FFFF, -2.0),  # CJK extensions B and later
    (0x1100, 0x11FF, -3.0),   # Hangul jamo
    (0x3130, 0x318F, -3.0),   # Hangul compatibility jamo
    (0xAC00, 0xD7AF, -3.0),   # Hangul syllables
    (0xA000, 0xA4CF, -3.0),   # Yi
    (0xE000, 0xF8FF, -3.0),   # private use
    (0xF0000, 0x10FFFF, -3.0),  # supplementary private use
)


def decode_bytes(data: bytes, encoding: str | None = None, source: str = "") -> str:
    """Decode report bytes, with `encoding` strictly if given, else by guessing.

    A leading BOM is dropped; everything else, "\\r\\n" included, is kept.

        >>> decode_bytes(b"")
        ''
        >>> decode_bytes(b"\\xef\\xbb\\xbf1\\r\\n", source="a.txt")
        '1\\r\\n'
    """
    return _decode(data, encoding, _label(source or "input"), source)


def read_source(name: str, encoding: str | None = None) -> str:
    """Read and decode a report file, or standard input when `name` is "-".

    A stdin that is already text (no .buffer) is taken as it is.
    """
    if not name:
        raise InputError("no report file named", source=name)
    label = _label(name)
    if name == "-":
        stdin = sys.stdin
        if stdin is None:
            raise InputError("no standard input to read the report from", source=name)
        if not hasattr(stdin, "buffer"):  # already text, e.g. a StringIO
            return stdin.read().removeprefix("\ufeff")
        return _decode(stdin.buffer.read(), encoding, "standard input", name)
    path = Path(name)
    try:
        if path.is_dir():
            raise IsADirectoryError(name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {label}", source=name) from None
    except IsADirectoryError:
        raise InputError(f"{label} is a directory, not a report file", source=name) from None
    except PermissionError:
        raise InputError(f"permission denied: cannot read {label}", source=name) from None
    except OSError as err:
        raise InputError(f"cannot read {label}: {err.strerror or err}", source=name) from None
    return _decode(data, encoding, label, name)


def _decode(data: bytes, encoding: str | None, label: str, source: str) -> str:
    """decode_bytes with the name used in messages apart from the error's source."""
    if encoding is not None:
        return _decode_as(data, encoding, label, source)
    if not data:
        return ""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _binary(label, source, kind)
    text = _decode_bom(data, label, source)
    if text is None:
        text = _guess(data)
    if text is None:
        if _looks_binary(data):
            raise _binary(label, source)
        raise InputError(f"cannot decode {label}: not UTF-8, GB18030, Big5 or UTF-16; "
                         "use --encoding", source=source)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise _binary(label, source)
    return text.removeprefix("\ufeff")


def _decode_as(data: bytes, encoding: str, label: str, source: str) -> str:
    """Decode strictly with the codec the user named."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", source=source) from None
    try:
        text = data.decode(encoding)
    except LookupError:  # a codec such as base64 or rot13 that does not make text
        raise InputError(f"{encoding!r} is not a text encoding", source=source) from None
    except UnicodeDecodeError as err:
        raise InputError(f"cannot decode {label} as {encoding}: {err.reason} "
                         f"at byte offset {err.start}", source=source) from None
    return text.removeprefix("\ufeff")


def _decode_bom(data: bytes, label: str, source: str) -> str | None:
    """The text after a byte order mark, or None when there is no mark."""
    failure = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name)
            except UnicodeDecodeError as err:
                failure = failure or (name, err.reason, err.start + len(bom))
    if failure is None:
        return None
    name, reason, offset = failure
    raise InputError(f"cannot decode {label}: it starts with a {name} byte order mark "
                     f"but has {reason} at byte offset {offset}", source=source)


def _guess(data: bytes) -> str | None:
    """The most plausible clean decoding of BOM-less bytes, or None."""
    has_nul = b"\x00" in data
    best_key, best_text = None, None
    for rank, name in enumerate(_UTF16 if has_nul else _CANDIDATES):
        if name in _UTF16 and len(data) % 2:
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if name == "utf-8" and _surely_utf8(text):
            return text
        total, mean = _score(text)
        if mean < _MIN_MEAN_SCORE:
            continue
        if name == "utf-8":  # valid multibyte sequences are evidence in themselves
            total += sum(1 for ch in text[:_SAMPLE] if ch >= "\x80")
        key = (total, -rank)
        if best_key is None or key > best_key:
            best_key, best_text = key, text
    return best_text


def _surely_utf8(text: str) -> bool:
    """True for clean UTF-8 with no controls whose non-ASCII is mostly 3-byte (CJK).

    Other encodings' bytes pass as UTF-8 only by chance, and then almost only as
    short 2-byte sequences (Latin, Greek, Armenian...), so this settles the
    usual case without scoring.
    """
    if _control_share(text):
        return False
    wide = sum(1 for ch in text if ch >= "\u0800")
    narrow = sum(1 for ch in text if "\x80" <= ch < "\u0800")
    return narrow <= wide


def _score(text: str) -> tuple[float, float]:
    """Total and per-character plausibility of `text` as a Chinese report."""
    counts = Counter(text[:_SAMPLE])
    total = sum(_char_score(ch) * n for ch, n in counts.items())
    return total, total / max(1, sum(counts.values()))


def _char_score(ch: str) -> float:
    """How much one character suggests Chinese prose (2 best, -5 worst).

        >>> _char_score("长"), _char_score("長"), _char_score("ネ"), _char_score("\\ue000")
        (2.0, 2.0, -2.0, -3.0)
    """
    if ch in _common_chars():
        return 2.0
    code = ord(ch)
    if code < 0x80:
        if ch in _PLAIN_ASCII:
            return 1.0
        if ch.isalpha():
            return 0.5
        return 0.25 if code >= 0x20 and code != 0x7F else -5.0
    for first, last, score in _RANGES:
        if first <= code <= last:
            return score
    return -5.0 if unicodedata.category(ch) == "Cn" else -1.0


def _common_chars() -> frozenset[str]:
    """The frequent Simplified and Traditional characters (data/frequent_chars.txt)."""
    return vocab.char_set("frequent_chars.txt")


def _control_share(text: str) -> float:
    """Share of control characters other than whitespace (NUL and C1 included)."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text
              if (ch < " " and ch not in _WHITESPACE_CONTROLS) or "\x7f" <= ch <= "\x9f")
    return bad / len(text)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control bytes, in data no candidate could decode."""
    controls = sum(1 for byte in data[:_SAMPLE] if byte < 0x20 and byte not in b"\t\n\r\f\v"
                   or byte == 0x7F)
    return b"\x00" in data or controls > _MAX_CONTROL_SHARE * min(len(data), _SAMPLE)


def _binary(label: str, source: str, kind: str = "") -> InputError:
    """The error for data that is not text at all."""
    what = f"{label} ({kind})" if kind else label
    return InputError(f"{what} looks like binary data, not a text report", source=source)


def _label(name: str) -> str:
    """`name` as it can stand in a one-line message."""
    return name if name.isprintable() else repr(name)
