"""luohu: extract quantified indicators from Chinese government work reports.

    >>> from luohu_cli import extract
    >>> records = extract("seeds/luohu-2023.txt")        # doctest: +SKIP

Nothing heavy is imported here: the tokenizer is built on first use.
"""
from .errors import InputError, LuohuError
from .model import FIELDS, Indicator
from .pipeline import extract, extract_text

__all__ = ["extract", "extract_text", "Indicator", "FIELDS", "InputError", "LuohuError"]
