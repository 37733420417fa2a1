"""Load the time word tables under data/time/ and turn word classes into regex alternations."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

DATA_PACKAGE = "eventwire"


@dataclass(frozen=True)
class Relative:
    """One row of relative.tsv: a fixed phrase and how to compute its value."""

    phrase: str
    type: str
    anchor: str  # day | week | weekend | month | year | ref
    offset: str  # an integer, or the value itself for anchor "ref"
    suffix: str  # appended to the value ("TNI"), "" for none


def _rows(name: str) -> list[list[str]]:
    text = (resources.files(DATA_PACKAGE) / "data" / "time" / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


@functools.lru_cache(maxsize=1)
def lexicon() -> Mapping[str, Mapping[str, str]]:
    """Word classes from lexicon.tsv: kind -> {word: value}."""
    table: dict[str, dict[str, str]] = {}
    for kind, word, value in _rows("lexicon.tsv"):
        table.setdefault(kind, {})[word] = value
    return MappingProxyType({k: MappingProxyType(v) for k, v in table.items()})


@functools.lru_cache(maxsize=1)
def relatives() -> Mapping[str, Relative]:
    """Fixed relative phrases from relative.tsv, keyed by lower-case phrase."""
    table = {}
    for phrase, type_, anchor, offset, suffix in _rows("relative.tsv"):
        table[phrase] = Relative(phrase, type_, anchor, offset, "" if suffix == "-" else suffix)
    return MappingProxyType(table)


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex alternation of words, longest first, spaces matching any whitespace."""
    parts = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts) + ")"


def word_value(kind: str, word: str) -> str | None:
    """Value of a word of a class, matching case- and whitespace-insensitively."""
    return lexicon()[kind].get(" ".join(word.lower().split()))


def parse_number(text: str) -> int | None:
    """Integer of a numeral ("3", "twenty-five", "a few" -> None for vague amounts)."""
    text = " ".join(text.lower().replace(",", "").split())
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return None
    value = word_value("number", text)
    if value is not None:
        return None if value == "X" else int(value)
    parts = re.split(r"[\s-]+", text)
    if len(parts) == 2:
        tens, ones = (word_value("number", p) for p in parts)
        if tens and ones and tens.isdigit() and ones.isdigit() and int(tens) >= 20 and int(ones) < 10:
            return int(tens) + int(ones)
    return None
