"""The one reader of our tab-separated knowledge files (``data/**/*.tsv``): a header row, ``#`` comment lines,
``|``-separated lists in a cell, ISO dates; the format of each file is in its own header and docs/."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path


def split_list(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def parse_day(cell: str | None) -> date | None:
    cell = (cell or "").strip()
    return date.fromisoformat(cell) if cell else None


def read_rows(path: Path | Traversable) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header; lines starting with '#' are comments."""
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
