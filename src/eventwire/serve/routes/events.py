"""Events: the filtered list, one event with its evidence, clusters and places."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from eventwire.serve import aggregates
from eventwire.serve.cursor import decode_cursor, encode_cursor
from eventwire.serve.errors import ApiError
from eventwire.serve.filters import event_filter
from eventwire.serve.objects import event_object
from eventwire.serve.params import EventParams
from eventwire.serve.routes.common import page, page_size, reader
from eventwire.store import aggregates as store_aggregates
from eventwire.store import events as store_events
from eventwire.store import lookups
from eventwire.store.filters import EventFilter


def list_events(request: Request, f: EventFilter, limit: int | None, cursor: str | None) -> dict[str, Any]:
    """One page of the events ``f`` selects, newest day first (undated last); the cursor is ``(day, key)``."""
    size = page_size(request, limit)
    after = decode_cursor(cursor, (str, int))
    with reader(request) as conn:
        keys = store_events.event_page(conn, f, after, size)
        items = [event_object(r) for r in store_events.events_by_key(conn, [k for _, k in keys])]
    return page(items, size, encode_cursor(*keys[-1]) if keys else None)


def list_clusters(request: Request, f: EventFilter, limit: int | None, cursor: str | None) -> dict[str, Any]:
    """One page of the stored event clusters with an event ``f`` selects, newest first date first."""
    size = page_size(request, limit)
    after = decode_cursor(cursor, (str, str))
    with reader(request) as conn:
        items = aggregates.clusters(conn, f, after, size)
        note = aggregates.clusters_note(conn)
    last = items[-1] if items else None
    return {**page(items, size, encode_cursor(last["first_date"], last["id"]) if last else None), "note": note}


def make_router() -> APIRouter:
    router = APIRouter(tags=["events"])

    @router.get("/api/events", summary="Events, newest first, with filters and cursor pagination")
    def events(request: Request, p: Annotated[EventParams, Query()]) -> dict[str, Any]:
        return list_events(request, event_filter(p), p.limit, p.cursor)

    @router.get("/api/events/{key}", summary="One event with its article text and quote, for the evidence view")
    def event(request: Request, key: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
        with reader(request) as conn:
            found = store_events.events_by_key(conn, [key])
            if not found:
                raise ApiError(404, f"no event with key {key}")
            item = event_object(found[0])
            article = item["article"]["hash"]
            text = lookups.article_text(conn, article)
            quote = lookups.quote_of(conn, article, item["quote_id"]) if item["quote_id"] else None
            speaker = _speaker_span(conn, article, quote) if quote else None
            spans = {role: _actor_span(conn, item, role) for role in ("source", "target")}
        return {"event": item, "text": text, "quote": quote, "speaker": speaker,
                "source_span": spans["source"], "target_span": spans["target"]}

    @router.get("/api/clusters", summary="Stored event clusters (the ids of `eventwire export --format clusters`)")
    def clusters(request: Request, p: Annotated[EventParams, Query()]) -> dict[str, Any]:
        return list_clusters(request, event_filter(p), p.limit, p.cursor)

    @router.get("/api/places", summary="Event locations with counts, for the map: located events only")
    def places(request: Request, p: Annotated[EventParams, Query()]) -> dict[str, Any]:
        limit = page_size(request, p.limit)
        f = event_filter(p)
        with reader(request) as conn:
            items = aggregates.places(conn, f, limit)
            located, unlocated = store_aggregates.located_counts(conn, f)
        return {"items": items, "located_events": located, "events_without_place": unlocated}

    return router


def _span(start: int, end: int, text: str) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text}


def _speaker_span(conn: sqlite3.Connection, article: str, quote: dict[str, Any]) -> dict[str, Any] | None:
    """Where the speaker is named next to the quote: the mention of the speaker nearest the quote."""
    if not quote.get("speaker_actor_id"):
        return None
    spans = lookups.mention_spans(conn, article, quote["speaker_actor_id"])
    if not spans:
        return None
    return _span(*min(spans, key=lambda s: min(abs(s[0] - quote["end"]), abs(s[1] - quote["start"]))))


def _actor_span(conn: sqlite3.Connection, item: dict[str, Any], role: str) -> dict[str, Any] | None:
    """Where the event's source or target is named: its mention inside the evidence sentence nearest the
    trigger (the store keeps mentions with offsets, events only the actor's text)."""
    actor = item[role]
    if actor is None:
        return None
    spans = lookups.mention_spans(conn, item["article"]["hash"], actor["id"], (item["start"], item["end"]))
    exact = [s for s in spans if s[2] == actor["text"]] or spans
    if not exact:
        return None
    trigger = item["trigger"]["start"] or item["start"]
    return _span(*min(exact, key=lambda s: abs(s[0] - trigger)))
