"""HTTP parameters as the store's event filter (``store.filters.EventFilter``): the API builds no SQL."""

from __future__ import annotations

from datetime import date

from eventwire.serve.params import DyadParams, EventParams
from eventwire.store.filters import Dyad, EventFilter


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def event_filter(p: EventParams) -> EventFilter:
    """The filters of ``/api/events``, ``/api/clusters`` and ``/api/places`` (already validated and
    upper-cased by ``params``; ``q`` already quoted FTS5 words)."""
    return EventFilter(
        since=day(p.since), until=day(p.until), actor=p.actor, country=p.country,
        source_actor=p.source_actor, target_actor=p.target_actor,
        source_country=p.source_country, target_country=p.target_country,
        cameo=p.cameo, root=p.root, quad_class=p.quad_class, plover=p.plover, place=p.place, text=p.q)


def window_filter(since: date | None, until: date | None) -> EventFilter:
    return EventFilter(since=day(since), until=day(until))


def dyad_filter(p: DyadParams, quad_class: int | None = None) -> EventFilter:
    """A dyad's events in the window (of one quad class if given)."""
    return EventFilter(since=day(p.since), until=day(p.until), quad_class=quad_class,
                       dyad=Dyad(p.a, p.b, p.kind, p.directed))
