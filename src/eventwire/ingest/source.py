"""The one interface every source implements: an iterable of articles, plus the failures it met."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from eventwire.records import ArticleText, SourceFailure


class Source(Protocol):
    """A reader yielding ``ArticleText`` articles; what it cannot read (a bad date too) is a ``SourceFailure``."""

    def read(self) -> Iterator[ArticleText | SourceFailure]: ...


@runtime_checkable
class CommittedSource(Source, Protocol):
    """A source that remembers what it yielded (a feed: the items seen, its ETag) only when ``commit`` is called,
    which its consumer does once the items are stored; a consumer that dies first gets them again."""

    def commit(self) -> None: ...
