"""Events: the filtered list, one event with its evidence, clusters and places."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from eventwire.serve import aggregates, queries
from eventwire.serve.cursor import decode_cursor, encode_cursor
from eventwire.serve.errors import ApiError
from eventwire.serve.params import EventParams
from eventwire.serve.routes.common import page, page_size, reader


def list_events(request: Request, p: EventParams, where: queries.Where) -> dict[str, Any]:
    limit = page_size(request, p.limit)
    after = decode_cursor(p.cursor, (str, int))
    with reader(request) as conn:
        keys = queries.event_keys(conn, where, after, limit)
        items = queries.events_by_key(conn, [k for _, k in keys])
    return page(items, limit, encode_cursor(*keys[-1]) if keys else None)


def make_router() -> APIRouter:
    router = APIRouter(tags=["events"])

    @router.get("/api/events", summary="Events, newest first, with filters and cursor pagination")
    def events(request: Request, p: Annotated[EventParams, Query()]) -> dict[str, Any]:
        return list_events(request, p, queries.event_where(p))

    @router.get("/api/events/{key}", summary="One event with its article text and quote, for the evidence view")
    def event(request: Request, key: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
        with reader(request) as conn:
            found = queries.events_by_key(conn, [key])
            if not found:
                raise ApiError(404, f"no event with key {key}")
            item = found[0]
            text = conn.execute("SELECT text FROM articles WHERE hash = ?", (item["article"]["hash"],)).fetchone()
            quote = conn.execute(
                "SELECT id, start, \"end\", text, kind, speaker_actor_id, speaker_text, speaker_code, cue_start, "
                "cue_end, cue_text FROM quotes WHERE article_hash = ? AND id = ?",
                (item["article"]["hash"], item["quote_id"])).fetchone() if item["quote_id"] else None
            speaker = _speaker_span(conn, item["article"]["hash"], dict(quote)) if quote else None
            spans = {role: _actor_span(conn, item, role) for role in ("source", "target")}
        return {"event": item, "text": text[0], "quote": dict(quote) if quote else None, "speaker": speaker,
                "source_span": spans["source"], "target_span": spans["target"]}

    @router.get("/api/clusters", summary="Stored event clusters (the ids of `eventwire export --format clusters`)")
    def clusters(request: Request, p: Annotated[EventParams, Query()]) -> dict[str, Any]:
        limit = page_size(request, p.limit)
        after = decode_cursor(p.cursor, (str, str))
        with reader(request) as conn:
            items = aggregates.clusters(conn, queries.event_where(p), after, limit)
            note = aggregates.clusters_note(conn)
        last = items[-1] if items else None
        return {**page(items, limit, encode_cursor(last["first_date"], last["id"]) if last else None),
                "note": note}

    @router.get("/api/places", summary="Event locations with counts, for the map")
    def places(request: Request, p: Annotated[EventParams, Query()]) -> dict[str, Any]:
        limit = page_size(request, p.limit)
        with reader(request) as conn:
            return {"items": aggregates.places(conn, queries.event_where(p), limit)}

    return router


def _speaker_span(conn: Any, article: str, quote: dict[str, Any]) -> dict[str, Any] | None:
    """Where the speaker is named next to the quote: the mention of the speaker nearest the quote."""
    if not quote.get("speaker_actor_id"):
        return None
    rows = conn.execute("SELECT start, \"end\", text FROM mentions WHERE article_hash = ? AND actor_id = ?",
                        (article, quote["speaker_actor_id"])).fetchall()
    if not rows:
        return None
    best = min(rows, key=lambda r: min(abs(r[0] - quote["end"]), abs(r[1] - quote["start"])))
    return {"start": best[0], "end": best[1], "text": best[2]}


def _actor_span(conn: Any, item: dict[str, Any], role: str) -> dict[str, Any] | None:
    """Where the event's source or target is named: its mention inside the evidence sentence nearest the
    trigger (the store keeps mentions with offsets, events only the actor's text)."""
    actor = item[role]
    if actor is None:
        return None
    rows = conn.execute("SELECT start, \"end\", text FROM mentions WHERE article_hash = ? AND actor_id = ? "
                        "AND start >= ? AND \"end\" <= ?",
                        (item["article"]["hash"], actor["id"], item["start"], item["end"])).fetchall()
    exact = [r for r in rows if r[2] == actor["text"]] or rows
    if not exact:
        return None
    trigger = item["trigger"]["start"] or item["start"]
    best = min(exact, key=lambda r: abs(r[0] - trigger))
    return {"start": best[0], "end": best[1], "text": best[2]}
