"""The one interface every source implements: an iterable of articles, plus the failures it met."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from eventwire.records import ArticleText, SourceFailure


class Source(Protocol):
    """A reader yielding ``ArticleText`` articles; what it cannot read (a bad date too) is a ``SourceFailure``."""

    def read(self) -> Iterator[ArticleText | SourceFailure]: ...
