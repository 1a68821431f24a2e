"""The data files under data/, read once on first use."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    """Non-comment, non-blank lines of data/NAME, split on tabs."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def units() -> dict[str, tuple[str, str]]:
    """surface -> (base_unit, family)."""
    return {r[0]: (r[1], r[2]) for r in _rows("units.tsv")}


@lru_cache(maxsize=None)
def magnitudes() -> dict[str, Decimal]:
    return {r[0]: Decimal(r[1]) for r in _rows("magnitudes.tsv")}


@lru_cache(maxsize=None)
def qualifiers(position: str) -> dict[str, str]:
    """word -> symbol, for one position: before, inside or after."""
    return {r[0]: r[2] for r in _rows("qualifiers.tsv") if r[1] == position}


@lru_cache(maxsize=None)
def directions() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("directions.tsv")}


@lru_cache(maxsize=None)
def exclusions(rule: str) -> frozenset[str]:
    return frozenset(r[1] for r in _rows("exclusions.tsv") if r[0] == rule)


@lru_cache(maxsize=None)
def sentence_words(role: str) -> tuple[str, ...]:
    """Words of one role in sentence_words.tsv: target, filler, compared, keeps-duration."""
    return tuple(r[1] for r in _rows("sentence_words.tsv") if r[0] == role)


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """A one-word-a-line list, in file order."""
    return tuple(r[0].strip() for r in _rows(name))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """The same list as a set, for membership tests."""
    return frozenset(words(name))


@lru_cache(maxsize=None)
def char_set(name: str) -> frozenset[str]:
    """Every character on the non-comment lines of data/NAME."""
    return frozenset("".join(r[0] for r in _rows(name)))


@lru_cache(maxsize=None)
def mapping(name: str) -> dict[str, str]:
    """First column -> second column of a two-column data/NAME."""
    return {r[0].strip(): r[1].strip() for r in _rows(name)}


@lru_cache(maxsize=None)
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """(first column, second column) rows of data/NAME, in file order."""
    return tuple((r[0].strip(), r[1].strip()) for r in _rows(name))


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Every row of data/NAME, its columns stripped, in file order."""
    return tuple(tuple(c.strip() for c in r) for r in _rows(name))
