"""eventwire: code news articles into who-did-what-to-whom events, quotes, times and places, with evidence."""

from __future__ import annotations

import functools
from datetime import date

from eventwire.knowledge.settings import BUNDLED, CoderSettings
from eventwire.records import ActorMention, Article, ArticleText, CodedArticle, Event, Place, Plover, Quote, Span, Time

__all__ = [
    "ActorMention", "Article", "ArticleText", "CodedArticle", "Coder", "CoderSettings", "Event", "Place", "Plover",
    "Quote", "Span", "Time", "code_text",
]


def __getattr__(name: str) -> object:
    # The pipeline imports spaCy; load it only when asked for.
    if name == "Coder":
        from eventwire import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


@functools.lru_cache(maxsize=2)
def default_coder(settings: CoderSettings = BUNDLED) -> object:
    """The coder behind ``code_text`` for these settings: built on first use, then reused (the model loads once)."""
    from eventwire.pipeline import Coder

    return Coder(settings)


def code_text(text: str, published: str | date | None = None, settings: CoderSettings = BUNDLED,
              **meta: str | None) -> CodedArticle:
    """Code one article's text; ``meta`` may give title, url, source and id; ``settings`` the user dictionaries
    (``CoderSettings(petrarch_actors=...)``, as the command line's options). Returns a frozen record.
    A ``published`` that is not a date (``2024-13-45``) raises ``ValueError`` naming it (``records.parse_day``)."""
    return default_coder(settings).code(text, published=published, **meta)  # type: ignore[attr-defined,no-any-return]
