"""The only place the stages are wired together: text -> outline -> figures -> names -> records."""
from __future__ import annotations

from pathlib import Path

from .model import Indicator


def extract_text(text: str, report: str = "") -> list[Indicator]:
    """Every indicator in an already decoded report text, in reading order."""
    return []  # replaced by the real engine


def extract(source: str | Path | bytes, *, report: str | None = None,
            encoding: str | None = None) -> list[Indicator]:
    """Read a report (a path, '-' for stdin, or raw bytes), decode it and extract it."""
    from .decode import decode_bytes, read_source

    if isinstance(source, bytes):
        text = decode_bytes(source, encoding, source=report or "<bytes>")
        return extract_text(text, report or "")
    name = str(source)
    text = read_source(name, encoding)
    return extract_text(text, report if report is not None else name)
