"""Turn the bytes of a report into text, guessing the encoding when none is given.

The guess, in order: a known binary signature is refused; a byte order mark
decides; bytes that are valid UTF-8 are UTF-8, whatever script they hold (only
a text with a handful of non-ASCII characters, which other encodings' bytes can
form by chance, is weighed against the others); otherwise every candidate
(UTF-8, GB18030, Big5 as cp950 or big5hkscs, UTF-16 LE/BE without a mark) is
scored by how much its text looks like Chinese prose (frequent characters from
data/frequent_chars.txt score most; kana, Hangul, box drawing, private use score
below zero; each invalid byte sequence costs 20) and the best one wins. Texts of
two or three CJK characters can stay ambiguous; anything longer is decided
reliably.

Damage is survived, not refused:

- a few invalid byte sequences (at most one per 50 characters,
  :data:`MAX_BAD_SHARE`) become U+FFFD, and one warning says how many and on
  which lines; more than that is an :class:`InputError`;
- NUL bytes are UTF-16's; in a file that is not UTF-16 they are bad bytes too;
- a file whose encoding changes part-way (two files pasted together) is decoded
  line by line, each part in its own encoding, with a warning naming the lines;
- data with too many control characters is binary and refused in one line.

Records files (JSON Lines, JSON, CSV the commands wrote) are UTF-8 unless they
start with another byte order mark: :func:`decode_records`.

    >>> decode_bytes("地区生产总值增长3.4%".encode("gb18030"))
    '地区生产总值增长3.4%'
    >>> decode_bytes("地區生產總值增長3.4%".encode("big5"))
    '地區生產總值增長3.4%'
    >>> decode_bytes("增长3.4%".encode("utf-16-le"))
    '增长3.4%'
"""
from __future__ import annotations

import codecs
import logging
import re
import sys
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass, field
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
_EIGHT_BIT = ("utf-8", "gb18030", "cp950", "big5hkscs")
# Encodings that read the same bytes the same way where both succeed.
_FAMILY = {"cp950": "big5", "big5hkscs": "big5"}
_NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030", "cp950": "Big5", "big5hkscs": "Big5-HKSCS",
          "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE", "utf-32-le": "UTF-32LE",
          "utf-32-be": "UTF-32BE"}

log = logging.getLogger(__name__)

MAX_BAD_SHARE = 0.02        # invalid byte sequences per character a file may hold
_BAD_PENALTY = 20.0         # score an invalid byte sequence costs its candidate
_PROBE = 8_192              # bytes a candidate is tried on before the whole file
_SURE_UTF8_NON_ASCII = 8    # valid UTF-8 with this many non-ASCII characters is UTF-8
_SHOWN_LINES = 10           # line numbers a warning lists
# Mixed encodings: a line is sure of its encoding when its text scores this
# much per character, and changes the file's encoding only when the other
# encoding scores at least _LINE_MARGIN more on it; the changed lines together
# must win by _MIXED_MARGIN.
_LINE_GOOD = 0.9
_LINE_MARGIN = 10.0
_MIXED_MARGIN = 40.0

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
    return _decode(data, encoding, source_label(source) if source else "input", source)


def decode_records(data: bytes, source: str = "") -> str:
    """Decode a records file (JSON Lines, JSON, CSV): UTF-8, unless a byte order mark says else.

    What the commands write is UTF-8, so a records file is never guessed to be
    GB18030 because of a stray Latin letter. A few invalid sequences become
    U+FFFD with a warning, as in reports.

        >>> decode_records('{"indicator": "â"}'.encode("utf-8"))
        '{"indicator": "â"}'
    """
    label = source_label(source) if source else "input"
    if not data:
        return ""
    decoding = _decode_bom(data, label, source, nul_is_bad=False)
    if decoding is None:
        decoding = _attempt(data, "utf-8", nul_is_bad=False)
        if decoding is None:
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as err:
                raise InputError(f"cannot decode {label}: records are UTF-8, but it has "
                                 f"{err.reason} at byte offset {err.start} and more",
                                 source=source) from None
    _warn(decoding, data, label)
    return decoding.text.removeprefix("\ufeff")


def read_bytes(name: str) -> bytes | str:
    """The bytes of a report file, or of standard input when `name` is "-".

    A stdin that is already text (no .buffer, e.g. a StringIO) gives its text.
    """
    if not name:
        raise InputError("no report file named", source=name)
    label = _label(name)
    if name == "-":
        stdin = sys.stdin
        if stdin is None:
            raise InputError("no standard input to read the report from", source=name)
        if not hasattr(stdin, "buffer"):  # already text
            return stdin.read()
        return stdin.buffer.read()
    path = Path(name)
    try:
        if path.is_dir():
            raise IsADirectoryError(name)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {label}", source=name) from None
    except IsADirectoryError:
        raise InputError(f"{label} is a directory, not a report file", source=name) from None
    except PermissionError:
        raise InputError(f"permission denied: cannot read {label}", source=name) from None
    except OSError as err:
        raise InputError(f"cannot read {label}: {err.strerror or err}", source=name) from None


def read_source(name: str, encoding: str | None = None) -> str:
    """Read and decode a report file, or standard input when `name` is "-".

    A stdin that is already text (no .buffer) is taken as it is.
    """
    data = read_bytes(name)
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    return _decode(data, encoding, source_label(name), name)


def source_label(name: str) -> str:
    """How messages name an input: its file name, escaped if need be, or standard input."""
    return "standard input" if name == "-" else _label(name)


def decode_named(data: bytes, encoding: str | None = None, source: str = "") -> tuple[str, str]:
    """:func:`decode_bytes`, and the name of the encoding read: ``UTF-8``, ``GB18030``,
    ``Big5``, ``UTF-16LE`` …, parts joined by ``+`` (``GB18030+Big5``), the
    codec's own name when one was given, ``""`` for no bytes.

        >>> decode_named("地区".encode("gb18030"))
        ('地区', 'GB18030')
    """
    return _decode_named(data, encoding, source_label(source) if source else "input", source)


def _decode(data: bytes, encoding: str | None, label: str, source: str) -> str:
    """decode_bytes with the name used in messages apart from the error's source."""
    return _decode_named(data, encoding, label, source)[0]


def _decode_named(data: bytes, encoding: str | None, label: str,
                  source: str) -> tuple[str, str]:
    if encoding is not None:
        return _decode_as(data, encoding, label, source), codecs.lookup(encoding).name
    if not data:
        return "", ""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _binary(label, source, kind)
    decoding = _decode_bom(data, label, source)
    if decoding is None:
        decoding = _guess(data)
    if decoding is None and not _looks_binary(data):
        decoding = _mixed(data)
    if decoding is None:
        if _looks_binary(data):
            raise _binary(label, source)
        raise InputError(f"cannot decode {label}: not UTF-8, GB18030, Big5 or UTF-16; "
                         "use --encoding", source=source)
    if _control_share(decoding.text) > _MAX_CONTROL_SHARE:
        raise _binary(label, source)
    if decoding.offset == 0 and decoding.codec in _CANDIDATES and not decoding.parts:
        decoding = _split_encodings(data, decoding)
    _warn(decoding, data, label)
    codecs_read = [codec for codec, _first, _last in decoding.parts] or [decoding.codec]
    name = "+".join(dict.fromkeys(_NAMES.get(codec, codec) for codec in codecs_read))
    log.debug("%s: read as %s: %s", label, name,
              "its encoding changes part-way" if decoding.parts else decoding.reason or "guessed")
    return decoding.text.removeprefix("\ufeff"), name


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
    log.debug("%s: read as %s, as --encoding asks", label, encoding)
    return text.removeprefix("\ufeff")


# --- Decoding that counts its errors -------------------------------------------


@dataclass
class _Decoding:
    """Text decoded from bytes, with the byte ranges that were invalid (now U+FFFD)."""

    codec: str
    text: str
    bad: list[tuple[int, int]] = field(default_factory=list)
    offset: int = 0            # bytes before the decoded part (a byte order mark)
    parts: list[tuple[str, int, int]] = field(default_factory=list)  # codec, first, last line
    bad_lines: list[int] | None = None  # computed already (mixed encodings)
    reason: str = ""           # why this encoding (said with --verbose)


class _TooManyErrors(Exception):
    """More invalid sequences than the data may have: the candidate is out."""


_ERRORS: ContextVar[tuple[list[tuple[int, int]], int]] = ContextVar("luohu_decode_errors")


def _replace_and_count(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad, limit = _ERRORS.get()
    bad.append((err.start, err.end))
    if len(bad) > limit:
        raise _TooManyErrors
    return "\ufffd", err.end


codecs.register_error("luohu-count", _replace_and_count)


def _attempt(data: bytes, codec: str, offset: int = 0,
             nul_is_bad: bool = True) -> _Decoding | None:
    """`data` decoded with invalid sequences as U+FFFD, or None if there are too many.

    In an 8-bit encoding a NUL byte is invalid too (it belongs to UTF-16 or
    binary), unless `nul_is_bad` is False.
    """
    if len(data) > 2 * _PROBE and _attempt(data[:_PROBE], codec, 0, nul_is_bad) is None:
        return None
    bad: list[tuple[int, int]] = []
    token = _ERRORS.set((bad, int(len(data) * MAX_BAD_SHARE)))
    try:
        text = data.decode(codec, "luohu-count")
    except _TooManyErrors:
        return None
    finally:
        _ERRORS.reset(token)
    if nul_is_bad and codec not in _UTF16 and "\x00" in text:
        at = data.find(b"\x00")
        while at != -1:
            bad.append((at, at + 1))
            at = data.find(b"\x00", at + 1)
        bad.sort()
        text = text.replace("\x00", "\ufffd")
    if len(bad) > MAX_BAD_SHARE * len(text):
        return None
    return _Decoding(codec, text, bad, offset)


def _decode_bom(data: bytes, label: str, source: str,
                nul_is_bad: bool = True) -> _Decoding | None:
    """The text after a byte order mark, or None when there is no mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            decoding = _attempt(data[len(bom):], name, offset=len(bom), nul_is_bad=nul_is_bad)
            if decoding is not None:
                decoding.reason = "it starts with a byte order mark"
                return decoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                data[len(bom):].decode(name)
            except UnicodeDecodeError as err:
                raise InputError(f"cannot decode {label}: it starts with a {name} byte order "
                                 f"mark but has {err.reason} at byte offset "
                                 f"{err.start + len(bom)}", source=source) from None
    return None


def _guess(data: bytes) -> _Decoding | None:
    """The most plausible decoding of BOM-less bytes, or None."""
    if b"\x00" not in data:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if _surely_utf8(text, data):
                return _Decoding("utf-8", text, reason="valid UTF-8 throughout")
    best_key, best = None, None
    scores: list[str] = []
    for rank, name in enumerate(_CANDIDATES):
        decoding = _attempt(data, name)
        if decoding is None:
            continue
        total, mean = _score(decoding.text)
        if mean < _MIN_MEAN_SCORE:
            continue
        total -= _BAD_PENALTY * len(decoding.bad)
        if name == "utf-8":  # valid multibyte sequences are evidence in themselves
            total += sum(1 for ch in decoding.text[:_SAMPLE] if "\x80" <= ch != "\ufffd")
        key = (total, -rank)
        scores.append(f"{_NAMES.get(name, name)} {total:.0f}")
        if best_key is None or key > best_key:
            best_key, best = key, decoding
    if best is not None:
        best.reason = ("its text reads most like Chinese prose (scores: "
                       + ", ".join(scores) + ")")
        return best
    return _utf16_by_its_nuls(data)


def _utf16_by_its_nuls(data: bytes) -> _Decoding | None:
    """UTF-16 told by where its NULs stand, for text that scores poorly (Cyrillic, Latin).

    The high bytes of ASCII and Cyrillic in UTF-16 are NUL or small, all on one
    side of each pair: nine NULs in ten there, a clean decoding and no control
    character make it UTF-16 whatever it says.
    """
    nuls = data.count(b"\x00")
    if nuls < 4 or len(data) % 2:
        return None
    odd = data[1::2].count(b"\x00")
    for name, share in (("utf-16-le", odd), ("utf-16-be", nuls - odd)):
        if share >= 0.9 * nuls:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            return None if _control_share(text) else _Decoding(
                name, text, reason="told by where its NUL bytes stand")
    return None


def _surely_utf8(text: str, data: bytes) -> bool:
    """True for clean UTF-8 `data` with no controls that other encodings cannot have made.

    Other encodings' bytes pass as UTF-8 only by chance, and then almost only as
    short 2-byte sequences (Latin, Greek, Cyrillic...): a few characters can be
    such an accident, _SURE_UTF8_NON_ASCII of them cannot, and neither can text
    whose non-ASCII is mostly 3-byte (CJK). Pure ASCII is UTF-8 too.
    """
    if _control_share(text):
        return False
    non_ascii_bytes = len(data.translate(None, _ASCII_BYTES))
    non_ascii = len(text) - (len(data) - non_ascii_bytes)
    # 2 bytes a character for Latin, Greek, Cyrillic; 3 for CJK; 4 beyond
    return non_ascii >= _SURE_UTF8_NON_ASCII or 2 * non_ascii_bytes >= 5 * non_ascii


_ASCII_BYTES = bytes(range(128))


# --- A file whose encoding changes part-way --------------------------------------


def _split_encodings(data: bytes, whole: _Decoding) -> _Decoding:
    """`whole`, or the file decoded line by line when its encoding changes part-way.

    Each line is decoded in the file's encoding unless another candidate reads
    it clearly better; a line too short to tell takes the encoding of the line
    before. The parts are kept only if together they read clearly better.
    """
    ranges = _line_ranges(data, whole.codec)
    if whole.codec in _UTF16:
        ranges = [piece for start, end in ranges
                  for piece in _utf16_then_8bit(data, start, end, whole.codec)]
    if len(ranges) < 2:
        return whole
    alternatives = [c for c in (_EIGHT_BIT if whole.codec in _UTF16 else _CANDIDATES)
                    if _family(c) != _family(whole.codec) and c not in _UTF16]
    chosen: list[str] = []
    current, gain = whole.codec, 0.0
    for start, end in ranges:
        line = data[start:end]
        codec = current
        if whole.codec in _UTF16 and b"\x00" in line:
            codec = whole.codec
        elif not line.isascii():
            own = _line_score(line, whole.codec)
            if own is not None and own[1] >= _LINE_GOOD and own[0] >= _LINE_MARGIN:
                codec = whole.codec
            else:
                floor = own[0] if own is not None else float("-inf")
                best = max(((s[0], c) for c in alternatives
                            if (s := _line_score(line, c)) is not None and s[1] >= _LINE_GOOD),
                           default=None)
                if best is not None and best[0] - floor >= _LINE_MARGIN:
                    codec = best[1]
                    gain += best[0] - floor if own is not None else best[0]
                elif own is not None and own[1] >= _LINE_GOOD:
                    codec = whole.codec
        chosen.append(codec)
        current = codec
    if gain < _MIXED_MARGIN or all(c == whole.codec for c in chosen):
        return whole
    return _decode_parts(data, whole.codec, ranges, chosen)


def _mixed(data: bytes) -> _Decoding | None:
    """A file no single candidate reads, read in parts, each in its own encoding; or None.

    Two files pasted together, UTF-8 then GB18030, are each too damaged in the
    other's encoding for any one candidate to take the whole.
    """
    best = None
    for codec in _CANDIDATES:
        if codec in _UTF16 and b"\x00" not in data:
            continue
        text = data.decode(codec, "replace")
        decoding = _split_encodings(data, _Decoding(codec, text))
        if (len(decoding.parts) > 1 and len(decoding.bad) <= MAX_BAD_SHARE * len(decoding.text)
                and (best is None or len(decoding.bad) < len(best.bad))):
            best = decoding
    return best


def _decode_parts(data: bytes, codec: str, ranges: list[tuple[int, int]],
                  chosen: list[str]) -> _Decoding:
    """The lines decoded each in its chosen encoding, joined; parts and bad lines noted."""
    pieces: list[str] = []
    parts: list[tuple[str, int, int]] = []
    bad_lines: list[int] = []
    bad: list[tuple[int, int]] = []
    line = 1
    run_start = 0
    while run_start < len(ranges):
        run_end = run_start
        while run_end + 1 < len(ranges) and chosen[run_end + 1] == chosen[run_start]:
            run_end += 1
        first, last = ranges[run_start][0], ranges[run_end][1]
        piece_codec = chosen[run_start]
        piece = _attempt(data[first:last], piece_codec)
        if piece is None:  # too damaged in this encoding: decode with replacement anyway
            piece = _Decoding(piece_codec, data[first:last].decode(piece_codec, "replace"))
        bad_lines.extend(line - 1 + n for n in _lines_of_bad(data[first:last], piece))
        bad.extend((s + first, e + first) for s, e in piece.bad)
        newlines = piece.text.count("\n")
        end_line = line + newlines - (1 if piece.text.endswith("\n") else 0)
        parts.append((piece_codec, line, max(line, end_line)))
        pieces.append(piece.text)
        line += newlines
        run_start = run_end + 1
    return _Decoding(codec, "".join(pieces), bad, parts=parts, bad_lines=bad_lines)


def _utf16_then_8bit(data: bytes, start: int, end: int,
                     codec: str) -> list[tuple[int, int]]:
    """A line of UTF-16 that reads badly, split where 8-bit text (no NUL) takes over.

    Bytes of UTF-8, GB18030 or Big5 hold no NUL and no UTF-16 line end, so a
    file that goes on in one of them after UTF-16 ends in one long "line": its
    UTF-16 start is cut off where the rest is valid in an 8-bit candidate, and
    the rest is cut at its own line ends.
    """
    line = data[start:end]
    own = _line_score(line, codec)
    if own is not None and own[1] >= _LINE_GOOD:
        return [(start, end)]
    split = start + line.rfind(b"\x00") + 1 if b"\x00" in line else start
    split += (split - start) % 2
    for at in range(split, min(end, split + 64), 2):
        if any(_line_score(data[at:end], c) for c in _EIGHT_BIT):
            break
    else:
        return [(start, end)]
    rest = [(s + at, e + at) for s, e in _line_ranges(data[at:end], "utf-8")]
    return ([(start, at)] if at > start else []) + rest


def _line_ranges(data: bytes, codec: str) -> list[tuple[int, int]]:
    """Byte ranges of the lines of `data` in `codec`, each with its line end."""
    if codec in _UTF16:
        newline = "\n".encode(codec)
        ranges, start = [], 0
        at = data.find(newline)
        while at != -1:
            if at % 2 == 0:
                ranges.append((start, at + 2))
                start = at + 2
            at = data.find(newline, at + 1)
    else:
        ranges, start = [], 0
        at = data.find(b"\n")
        while at != -1:
            ranges.append((start, at + 1))
            start = at + 1
            at = data.find(b"\n", at + 1)
    if start < len(data):
        ranges.append((start, len(data)))
    return ranges


def _line_score(line: bytes, codec: str) -> tuple[float, float] | None:
    """Total and mean score of one line in `codec`, or None if it is not valid there."""
    try:
        text = line.decode(codec)
    except UnicodeDecodeError:
        return None
    text = text.strip()
    if not text or (codec not in _UTF16 and "\x00" in text):
        return None
    total = _fast_total(text)
    return total, total / len(text)


def _family(codec: str) -> str:
    return _FAMILY.get(codec, codec)


# --- Telling the user -------------------------------------------------------------


def _warn(decoding: _Decoding, data: bytes, label: str) -> None:
    """One warning for the invalid sequences, one for a change of encoding."""
    if len(decoding.parts) > 1:
        spans = ", ".join(f"{_span(first, last)} as {_NAMES.get(codec, codec)}"
                          for codec, first, last in decoding.parts)
        log.warning("%s: the encoding changes part-way; read %s", label, spans)
    if decoding.bad:
        lines = (decoding.bad_lines if decoding.bad_lines is not None
                 else _lines_of_bad(data[decoding.offset:], decoding))
        distinct = sorted(set(lines))
        shown = ", ".join(map(str, distinct[:_SHOWN_LINES]))
        more = (f" and {len(distinct) - _SHOWN_LINES} more lines"
                if len(distinct) > _SHOWN_LINES else "")
        count = len(decoding.bad)
        what = "byte sequence" if count == 1 else "byte sequences"
        codec = "its encodings" if len(decoding.parts) > 1 else _NAMES.get(
            decoding.codec, decoding.codec)
        log.warning("%s: %d %s not valid in %s replaced by U+FFFD (line%s %s%s)",
                    label, count, what, codec, "" if len(distinct) == 1 else "s",
                    shown, more)


def _lines_of_bad(data: bytes, decoding: _Decoding) -> list[int]:
    """The line (1-based) of each invalid sequence of `decoding`, in order."""
    lines, line, previous = [], 1, 0
    for start, end in decoding.bad:
        segment = data[previous:start]
        if decoding.codec in _UTF16:
            line += segment.decode(decoding.codec, "replace").count("\n")
        else:
            line += segment.count(b"\n")
        lines.append(line)
        if decoding.codec not in _UTF16:
            line += data[start:end].count(b"\n")
        previous = max(previous, end)
    return lines


def _span(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _score(text: str) -> tuple[float, float]:
    """Total and per-character plausibility of `text` (its first _SAMPLE characters)."""
    sample = text[:_SAMPLE]
    total = _fast_total(sample)
    return total, total / max(1, len(sample))


class _Buckets(dict):
    """Code point -> a letter standing for its score, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        letter = _LETTERS[_char_score(chr(code))]
        self[code] = letter
        return letter


_WEIGHTS = (2.0, 1.0, 0.5, 0.25, 0.0, -1.0, -2.0, -3.0, -5.0)
_LETTERS = {weight: chr(ord("a") + i) for i, weight in enumerate(_WEIGHTS)}
_BUCKETS = _Buckets()


def _fast_total(text: str) -> float:
    """The sum of _char_score over `text`, at the speed of str.translate.

        >>> _fast_total("长ネ")
        0.0
    """
    letters = text.translate(_BUCKETS)
    return sum(weight * letters.count(letter) for weight, letter in _LETTERS.items())


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
    return len(_CONTROLS.findall(text)) / len(text)


_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control bytes, in data no candidate could decode."""
    controls = sum(1 for byte in data[:_SAMPLE] if byte < 0x20 and byte not in b"\t\n\r\f\v"
                   or byte == 0x7F)
    return b"\x00" in data or controls > _MAX_CONTROL_SHARE * min(len(data), _SAMPLE)


def _binary(label: str, source: str, kind: str = "") -> InputError:
    """The error for data that is not text at all."""
    what = f"{label} ({kind})" if kind else label
    return InputError(f"{what} looks like binary data, not a text report", source=source)


def display_name(name: str) -> str:
    """A file name as text any writer can write: undecodable bytes shown as ``\\xNN``.

    A name from the command line holds what the file system gave, which is not
    always UTF-8 (file names in GBK, from zips made on Windows): Python keeps
    such bytes as lone surrogates, which no encoder writes. Other lone
    surrogates are shown as ``\\udXXX``.

        >>> gbk = b"\\xb1\\xa8.txt".decode("utf-8", "surrogateescape")
        >>> display_name("a.txt"), display_name(gbk)
        ('a.txt', '\\\\xb1\\\\xa8.txt')
    """
    if not any("\ud800" <= ch <= "\udfff" for ch in name):
        return name
    escaped = "".join(f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff"
                      else f"\\u{ord(ch):04x}" if "\ud800" <= ch <= "\udfff" else ch
                      for ch in name)
    return escaped


def _label(name: str) -> str:
    """`name` as it can stand in a one-line message: escaped if need be."""
    name = display_name(name)
    return name if name.isprintable() else repr(name)
