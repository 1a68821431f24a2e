"""luohu: extract quantified indicators from Chinese government work reports.

    >>> from luohu_cli import extract
    >>> records = extract("seeds/luohu-2023.txt")        # doctest: +SKIP

Nothing heavy is imported here: the tokenizer is built on first use.
"""
from .errors import InputError, LuohuError
from .model import FIELDS, Indicator
from .pipeline import Report, extract, extract_text, read_report

__all__ = ["extract", "extract_text", "read_report", "Report", "Indicator", "FIELDS", "InputError", "LuohuError"]
