"""The one interface every source implements: an iterable of articles, plus the failures it met."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class SourceArticle:
    """An article as read from a source, before coding. ``id`` is stable across runs."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD
    byline: str | None = None
    location: str | None = None  # where it was read from: a path, URL or WARC record


@dataclass(frozen=True)
class SourceFailure:
    """Something a source could not read, and why; recorded, never fatal."""

    location: str
    reason: str


class Source(Protocol):
    """A reader yielding articles; unreadable items are yielded as ``SourceFailure``."""

    def read(self) -> Iterator[SourceArticle | SourceFailure]: ...


def content_hash(text: str) -> str:
    """The key of an article's content: a rerun skips what was coded from the same text."""
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
