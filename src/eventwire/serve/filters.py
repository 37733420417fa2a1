"""HTTP parameters as the store's event filter (``store.filters.EventFilter``): the API builds no SQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventwire.serve.errors import ApiError
from eventwire.serve.params import DyadParams, EventParams, Flags
from eventwire.store.filters import HAS_BACKGROUND, Dyad, EventFilter, actual_events


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def flagged(p: Flags, f: EventFilter) -> EventFilter:
    """``f`` with the event flags asked for, restricted to actual events unless ``all_events``."""
    if p.background is not None and not HAS_BACKGROUND:
        raise ApiError(422, "invalid background: this store's events carry no background flag",
                       [{"field": "background", "problem": "not in this store"}])
    f = replace(f, negated=p.negated, hypothetical=p.hypothetical, background=p.background,
                min_confidence=p.min_confidence, date_precision=p.date_precision)
    return f if p.all_events else actual_events(f)


def event_filter(p: EventParams) -> EventFilter:
    """The filters of ``/api/events``, ``/api/clusters`` and ``/api/places`` (already validated and
    upper-cased by ``params``; ``q`` already quoted FTS5 words)."""
    return flagged(p, EventFilter(
        since=day(p.since), until=day(p.until), actor=p.actor, country=p.country,
        source_actor=p.source_actor, target_actor=p.target_actor,
        source_country=p.source_country, target_country=p.target_country,
        cameo=p.cameo, root=p.root, quad_class=p.quad_class, plover=p.plover, place=p.place, text=p.q))


def window_filter(p: Flags, since: date | None, until: date | None) -> EventFilter:
    return flagged(p, EventFilter(since=day(since), until=day(until)))


def dyad_filter(p: DyadParams, quad_class: int | None = None) -> EventFilter:
    """A dyad's events in the window (of one quad class if given)."""
    return flagged(p, EventFilter(since=day(p.since), until=day(p.until), quad_class=quad_class,
                                  dyad=Dyad(p.a, p.b, p.kind, p.directed)))
