"""Read articles from JSON Lines and CSV files, one article per line or row, with named columns."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.source import SourceArticle, SourceFailure


@dataclass(frozen=True)
class Columns:
    """Which column (or JSON key) holds each part of an article; ``id`` falls back to the row number."""

    text: str = "text"
    title: str | None = "title"
    published: str | None = "published"
    url: str | None = "url"
    id: str | None = "id"
    source: str | None = "source"


def article_from_row(row: Mapping[str, Any], columns: Columns, location: str, fallback_id: str) -> (
        SourceArticle | SourceFailure):
    """One article from a row; a row without text is a failure."""
    text = row.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        return SourceFailure(location, f"no text in column {columns.text!r}")
    if "\x00" in text:
        return SourceFailure(location, "binary text (NUL bytes)")
    return SourceArticle(
        id=_cell(row, columns.id) or fallback_id, text=text, title=_cell(row, columns.title),
        url=_cell(row, columns.url), source=_cell(row, columns.source),
        published=_day(_cell(row, columns.published)), location=location,
    )


def _cell(row: Mapping[str, Any], column: str | None) -> str | None:
    if column is None or row.get(column) in (None, ""):
        return None
    return str(row[column]).strip() or None


def _day(value: str | None) -> str | None:
    """The YYYY-MM-DD prefix of an ISO date or timestamp; anything else is unknown."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return value[:10]
    return None


class JsonLinesSource:
    """A JSON Lines file: one JSON object per line."""

    def __init__(self, path: str | Path, columns: Columns = Columns()) -> None:
        self.path, self.columns = Path(path), columns

    def read(self) -> Iterator[SourceArticle | SourceFailure]:
        text = _read_whole(self.path)
        if isinstance(text, SourceFailure):
            yield text
            return
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            location = f"{self.path}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                yield SourceFailure(location, f"invalid JSON: {err.msg}")
                continue
            if not isinstance(row, dict):
                yield SourceFailure(location, "JSON line is not an object")
                continue
            yield article_from_row(row, self.columns, location, f"{self.path.name}:{n}")


class CsvSource:
    """A CSV file with a header row."""

    def __init__(self, path: str | Path, columns: Columns = Columns()) -> None:
        self.path, self.columns = Path(path), columns

    def read(self) -> Iterator[SourceArticle | SourceFailure]:
        text = _read_whole(self.path)
        if isinstance(text, SourceFailure):
            yield text
            return
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if self.columns.text not in (reader.fieldnames or []):
            yield SourceFailure(str(self.path), f"no column {self.columns.text!r} (has {reader.fieldnames})")
            return
        try:
            for n, row in enumerate(reader, 1):
                yield article_from_row(row, self.columns, f"{self.path}:row {n}", f"{self.path.name}:{n}")
        except csv.Error as err:
            yield SourceFailure(f"{self.path}:line {reader.line_num}", f"invalid CSV: {err}")


def _read_whole(path: Path) -> str | SourceFailure:
    try:
        raw = path.read_bytes()
    except OSError as err:
        return SourceFailure(str(path), f"unreadable file: {err.strerror or err}")
    text, reason = decode_bytes(raw, str(path))
    return text if text is not None else SourceFailure(str(path), reason or "unreadable file")
