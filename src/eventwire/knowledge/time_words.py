"""The time word tables under data/time/, read once per process into one frozen value, ``TimeWords``."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
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


@dataclass(frozen=True)
class TimeWords:
    """The words the time rules are built from: lexicon.tsv's word classes and relative.tsv's phrases.

    ``lexicon`` maps a kind ("month", "weekday", "number"...) to {lower-case word: value}; ``relatives``
    maps a lower-case phrase to its row. Both are read-only; equal tables give equal (and equally hashed)
    values, and a value pickles (to a worker process) as its plain tables.
    """

    lexicon: Mapping[str, Mapping[str, str]]
    relatives: Mapping[str, Relative]

    def __post_init__(self) -> None:
        frozen = MappingProxyType({kind: MappingProxyType(dict(words)) for kind, words in self.lexicon.items()})
        object.__setattr__(self, "lexicon", frozen)
        object.__setattr__(self, "relatives", MappingProxyType(dict(self.relatives)))
        # Hashed once: the time rules' cache (times.rules.compile_rules) hashes the tables at every article.
        classes = frozenset((kind, frozenset(words.items())) for kind, words in self.lexicon.items())
        object.__setattr__(self, "_hash", hash((classes, frozenset(self.relatives.items()))))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined,no-any-return]

    def __reduce__(self) -> tuple[type[TimeWords], tuple[dict[str, dict[str, str]], dict[str, Relative]]]:
        return TimeWords, ({kind: dict(words) for kind, words in self.lexicon.items()}, dict(self.relatives))

    def value(self, kind: str, word: str) -> str | None:
        """Value of a word of a class, matching case- and whitespace-insensitively."""
        return self.lexicon[kind].get(" ".join(word.lower().split()))

    def number(self, text: str) -> int | None:
        """Integer of a numeral ("3", "twenty-five", "a few" -> None for vague amounts)."""
        text = " ".join(text.lower().replace(",", "").split())
        if re.fullmatch(r"\d+", text):
            return int(text)
        if re.fullmatch(r"\d+\.\d+", text):
            return None
        value = self.value("number", text)
        if value is not None:
            return None if value == "X" else int(value)
        parts = re.split(r"[\s-]+", text)
        if len(parts) == 2:
            tens, ones = (self.value("number", p) for p in parts)
            if tens and ones and tens.isdigit() and ones.isdigit() and int(tens) >= 20 and int(ones) < 10:
                return int(tens) + int(ones)
        return None


def _rows(name: str) -> list[list[str]]:
    text = (resources.files(DATA_PACKAGE) / "data" / "time" / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


@functools.cache
def load_time_words() -> TimeWords:
    """The bundled time words: lexicon.tsv (kind -> {word: value}) and relative.tsv (phrase -> row)."""
    lexicon: dict[str, dict[str, str]] = {}
    for kind, word, value in _rows("lexicon.tsv"):
        lexicon.setdefault(kind, {})[word] = value
    relatives = {}
    for phrase, type_, anchor, offset, suffix in _rows("relative.tsv"):
        relatives[phrase] = Relative(phrase, type_, anchor, offset, "" if suffix == "-" else suffix)
    return TimeWords(lexicon, relatives)
