"""Choose a reader for a source given on the command line: by URL scheme, extension or folder."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.ingest.clean import cleaned
from eventwire.ingest.files import FolderSource
from eventwire.ingest.source import Source
from eventwire.ingest.tables import Columns, CsvSource, JsonLinesSource
from eventwire.records import ArticleText, SourceFailure


@dataclass(frozen=True)
class SourceOptions:
    """Settings shared by all sources of a run: table columns and an outlet name to stamp on articles."""

    columns: Columns = Columns()
    source_name: str | None = None


def make_source(spec: str, options: SourceOptions = SourceOptions()) -> Source:
    """The reader for ``spec``: an http(s) feed, a WARC, a JSON Lines or CSV file, or a folder or file."""
    lower = spec.lower()
    if lower.startswith(("http://", "https://")):
        source = _imported("eventwire.ingest.rss", "RssSource", spec)
    elif lower.endswith((".warc", ".warc.gz")):
        source = _imported("eventwire.ingest.warc", "WarcSource", spec)
    elif lower.endswith((".jsonl", ".ndjson")):
        source = JsonLinesSource(spec, options.columns)
    elif lower.endswith(".csv"):
        source = CsvSource(spec, options.columns)
    else:
        source = FolderSource(Path(spec))
    return StampedSource(source, options.source_name) if options.source_name else source


def _imported(module: str, name: str, spec: str) -> Source:
    """Readers written elsewhere are imported when asked for, so a missing one fails only its source."""
    try:
        reader = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return UnavailableSource(spec, f"{module}.{name} is not available")
    return reader(spec)  # type: ignore[no-any-return]


class UnavailableSource:
    """A source whose reader is missing: one failure, no articles."""

    def __init__(self, spec: str, reason: str) -> None:
        self.spec, self.reason = spec, reason

    @cleaned
    def read(self) -> Iterator[ArticleText | SourceFailure]:
        yield SourceFailure(self.spec, self.reason)


class StampedSource:
    """Another source whose articles get an outlet name where they have none."""

    def __init__(self, inner: Source, name: str) -> None:
        self.inner, self.name = inner, name

    @cleaned
    def read(self) -> Iterator[ArticleText | SourceFailure]:
        for item in self.inner.read():
            if isinstance(item, ArticleText) and item.source is None:
                item = dataclasses.replace(item, source=self.name)
            yield item
