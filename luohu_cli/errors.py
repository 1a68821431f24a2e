"""The one error type the library raises for bad input."""
from __future__ import annotations


class LuohuError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(LuohuError):
    """The input cannot be read as a report (missing, a directory, binary, undecodable)."""

    def __init__(self, message: str, source: str = "") -> None:
        super().__init__(message)
        self.source = source
