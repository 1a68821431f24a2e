"""luohu: extract quantified indicators from Chinese government work reports.

    >>> from luohu_cli import extract
    >>> records = extract("seeds/luohu-2023.txt")        # doctest: +SKIP

Nothing heavy is imported here: the names below load their modules on first
use (PEP 562), so ``luohu --help`` and ``luohu --version`` never load the
engine, and the tokenizer is built on first use.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import InputError, LuohuError

_LAZY = {
    "FIELDS": "model", "Indicator": "model",
    "Report": "pipeline", "extract": "pipeline", "extract_text": "pipeline",
    "read_report": "pipeline",
}

if TYPE_CHECKING:  # pragma: no cover
    from .model import FIELDS, Indicator
    from .pipeline import Report, extract, extract_text, read_report


def __getattr__(name: str) -> Any:
    """The library's names, imported when first asked; ``luohu_cli.__version__``:
    the installed package's version, read when first asked."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("luohu")
        except PackageNotFoundError:  # run from a source tree that is not installed
            found = "0+unknown"
        globals()["__version__"] = found
        return found
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | {"__version__"})


__all__ = ["extract", "extract_text", "read_report", "Report", "Indicator", "FIELDS", "InputError", "LuohuError",
           "__version__"]
