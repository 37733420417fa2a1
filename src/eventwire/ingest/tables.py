"""Read articles from JSON Lines and CSV files, one article per line or row, with named columns."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.ingest.clean import cleaned, path_text
from eventwire.ingest.decode import decode_bytes
from eventwire.records import ArticleText, SourceFailure, parse_day


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
        ArticleText | SourceFailure):
    """One article from a row; a row without text, or with a date that is not one, is a failure."""
    text = row.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        return SourceFailure(location, f"no text in column {columns.text!r}")
    if "\x00" in text:
        return SourceFailure(location, "binary text (NUL bytes)")
    try:
        published = parse_day(_cell(row, columns.published), columns.published or "published")
    except ValueError as error:
        return SourceFailure(location, str(error))
    return ArticleText(
        text, published, title=_cell(row, columns.title), url=_cell(row, columns.url),
        source=_cell(row, columns.source), id=_cell(row, columns.id) or fallback_id, location=location,
    )


def _cell(row: Mapping[str, Any], column: str | None) -> str | None:
    if column is None or row.get(column) in (None, ""):
        return None
    return str(row[column]).strip() or None


class JsonLinesSource:
    """A JSON Lines file: one JSON object per line."""

    def __init__(self, path: str | Path, columns: Columns = Columns()) -> None:
        self.path, self.columns = Path(path), columns

    @cleaned
    def read(self) -> Iterator[ArticleText | SourceFailure]:
        text = _read_whole(self.path)
        if isinstance(text, SourceFailure):
            yield text
            return
        where, name = path_text(self.path), path_text(self.path.name)
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            location = f"{where}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                yield SourceFailure(location, f"invalid JSON: {err.msg}")
                continue
            except RecursionError:  # arrays or objects nested thousands deep: json's decoder recurses
                yield SourceFailure(location, "invalid JSON: nested too deep")
                continue
            if not isinstance(row, dict):
                yield SourceFailure(location, "JSON line is not an object")
                continue
            yield article_from_row(row, self.columns, location, f"{name}:{n}")


class CsvSource:
    """A CSV file with a header row."""

    def __init__(self, path: str | Path, columns: Columns = Columns()) -> None:
        self.path, self.columns = Path(path), columns

    @cleaned
    def read(self) -> Iterator[ArticleText | SourceFailure]:
        text = _read_whole(self.path)
        if isinstance(text, SourceFailure):
            yield text
            return
        where, name = path_text(self.path), path_text(self.path.name)
        _admit_fields_of(text)
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:  # the header is read here too: it can be as broken as any row
            if self.columns.text not in (reader.fieldnames or []):
                yield SourceFailure(where, f"no column {self.columns.text!r} (has {_short(reader.fieldnames)})")
                return
            for n, row in enumerate(reader, 1):
                yield article_from_row(row, self.columns, f"{where}:row {n}", f"{name}:{n}")
        except csv.Error as err:  # the csv reader's count of lines read, the bad one's too (the header's included)
            yield SourceFailure(f"{where}:line {reader.reader.line_num}", f"invalid CSV: {err}")


def _short(names: Sequence[str] | None, limit: int = 60) -> str:
    """A header's names for a failure message, each cut to ``limit`` characters, at most ten of them."""
    shown = [name if len(name) <= limit else name[:limit] + "..." for name in (names or [])[:10]]
    return repr(shown) + (f" and {len(names or []) - 10} more" if len(names or []) > 10 else "")


def _admit_fields_of(text: str) -> None:
    """Let the csv module read any field ``text`` can hold. Its default limit (131,072 characters) raised
    ``csv.Error`` at the first long cell and so ended the file, losing every later row. The text is in memory
    already, so a field can be no longer than it; the limit is process-wide and is only ever raised, never
    lowered, so one read cannot shrink another's. An article that is too long is refused later, by the coder's
    own ``max_chars`` check, as one failure."""
    if len(text) >= csv.field_size_limit():
        csv.field_size_limit(len(text) + 1)


def _read_whole(path: Path) -> str | SourceFailure:
    where = path_text(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return SourceFailure(where, f"unreadable file: {err.strerror or err}")
    text, reason = decode_bytes(raw, where)
    return text if text is not None else SourceFailure(where, reason or "unreadable file")
