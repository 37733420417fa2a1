"""Word lists: the English words the stages test lemmas and tokens against, read from ``data/words/*.tsv``.

Each file is one list with one meaning: its header (lines starting with ``#``) says what it is for and
who reads it; every other non-blank line is an entry, its first tab-separated column a word or a phrase
(later columns are notes for people, or a value for a mapping list). Lists are part of the bundled
language, not of a user's dictionaries: they are read once per process and handed out as frozen values.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

WORDS = resources.files("eventwire") / "data" / "words"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _entries(name: str) -> list[list[str]]:
    if not _NAME.match(name):
        raise ValueError(f"not a word-list name: {name!r}")
    path = WORDS / f"{name}.tsv"
    if not path.is_file():
        raise FileNotFoundError(f"no word list data/words/{name}.tsv")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """The entries of ``data/words/NAME.tsv`` (first column), as written (case kept)."""
    return frozenset(row[0] for row in _entries(name))


@functools.cache
def word_map(name: str) -> Mapping[str, str]:
    """A two-column list ``data/words/NAME.tsv`` as a frozen mapping from its first column to its second."""
    rows = _entries(name)
    bad = [row[0] for row in rows if len(row) < 2]
    if bad:
        raise ValueError(f"data/words/{name}.tsv: no value for {bad[0]!r}")
    return MappingProxyType({row[0]: row[1] for row in rows})


def word_list_names() -> list[str]:
    """Every word list bundled, by name."""
    return sorted(p.name[:-4] for p in WORDS.iterdir() if p.name.endswith(".tsv"))
