"""Repair headings garbled as GBK read one byte off.

A heading `（三）堅持…` whose GBK bytes were decoded one byte late arrives as
`?。ㄈ﹫猿痔…`: the lost first byte shows as `?`, and every character after it
straddles two original characters.  Re-encoding the run as GB18030 and decoding
it one byte later recovers the text where the bytes survived.  The repair is
only used where it is certain (it opens with `（` and decodes cleanly); what
cannot be recovered is shown as a gap, `…` (GAP), never silently dropped, and a
lost ordinal is written `?` so the outline can take it from the sequence.
"""
from __future__ import annotations

import regex

from . import vocab

# A garbled heading: at the start of a line, the `?` of a lost byte, then the
# shifted `。` (A1A3, whose second byte opens `（` A3A8), then non-ASCII
# characters (or `?` for other lost bytes) up to the first ASCII or clause mark.
PATTERN = regex.compile(r"(?:^|(?<=[\r\n]))\?。(?:[^\x00-\x7f、，。：；]|\?(?![a-z]))*")
NUMERALS = "一二三四五六七八九十"
UNKNOWN_ORDINAL = "?"
GAP = "…"  # where characters of a repaired heading could not be recovered


def shift_decode(run: str) -> str:
    """Decode the GB18030 bytes of `run` one byte later; lost bytes become U+FFFD.

    >>> shift_decode("。ㄒ唬")
    '（一\\ufffd'
    """
    data = run.encode("gb18030", errors="replace")
    return data[1:].decode("gb18030", errors="replace")


def _certain(chars: str) -> str:
    """The leading part of `chars` made of frequent Han characters (no lost bytes).

    A shifted decoding of damaged bytes yields rare characters (孺, 醛), so
    rarity marks where the repair stops being certain.
    """
    frequent = vocab.char_set("frequent_chars.txt")
    n = 0
    while n < len(chars) and chars[n] in frequent:
        n += 1
    return chars[:n]


def repair(m: "regex.Match[str]") -> str:
    """`?。ㄒ唬?` -> `（一）`; `?。ㄈ﹫猿痔嵴裣` -> `（?）堅持提振…`: a gap (…) where
    characters could not be recovered.

    >>> repair(PATTERN.match("?。ㄆ撸﹫猿忠晕幕"))
    '（七）堅持以文…'
    >>> repair(PATTERN.match("?。ㄒ唬?"))
    '（一）'
    """
    run = m.group()
    if not run.strip("?。"):
        return "（"  # only the opening bracket was lost: `?。?/strong>四)` -> `（四)`
    lost_bracket = regex.fullmatch(r"\?。\?+([一二三四五六七八九十]{1,3})", run)
    if lost_bracket and m.string.startswith((")", "）"), m.end()):
        return "（" + lost_bracket.group(1)  # `?。?四)` -> `（四)`
    decoded = shift_decode(run[1:].rstrip("?"))
    if not decoded.startswith("（"):
        return run
    if len(decoded) > 1 and decoded[1] in NUMERALS:
        ordinal = decoded[1]
        rest = decoded[3:] if decoded[2:3] == "）" else decoded[2:]
    else:
        ordinal = UNKNOWN_ORDINAL
        rest = decoded[2:]  # the ordinal and `）` were garbled into one character
    whole = rest.rstrip("\ufffd")
    title = _certain(whole)
    # rare characters (damaged bytes) after the certain part, or lost bytes at the end
    lost = len(title) < len(whole) or (whole != "" and whole != rest)
    return f"（{ordinal}）{title}{GAP if lost else ''}"
