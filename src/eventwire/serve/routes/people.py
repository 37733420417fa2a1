"""Quotes by speaker or by actor named, actor search and actor profiles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from eventwire.knowledge.actors import load_default_kb
from eventwire.serve import profiles
from eventwire.serve.cursor import decode_cursor, encode_cursor
from eventwire.serve.errors import ApiError
from eventwire.serve.params import ACTOR_ID, QuoteParams
from eventwire.serve.routes.common import page, page_size, reader
from eventwire.store import lookups


def make_router() -> APIRouter:
    router = APIRouter(tags=["quotes and actors"])

    @router.get("/api/quotes", summary="Quotes, newest first: by speaker, by actor named inside, by text")
    def quotes(request: Request, p: Annotated[QuoteParams, Query()]) -> dict[str, Any]:
        limit = page_size(request, p.limit)
        after = decode_cursor(p.cursor, (int,))
        with reader(request) as conn:
            items = lookups.quote_page(conn, p.speaker, p.speaker_code, p.mentions, p.q,
                                       after[0] if after else None, limit)
        return page(items, limit, encode_cursor(items[-1]["key"]) if items else None)

    @router.get("/api/actors", summary="Search actors in the store and countries in the knowledge base")
    def actors(request: Request, q: Annotated[str, Query(min_length=1, max_length=100)],
               limit: Annotated[int | None, Query(ge=1)] = None) -> dict[str, Any]:
        size = page_size(request, limit)
        with reader(request) as conn:
            found = lookups.search_actors(conn, q, size)
        seen = {a["id"] for a in found}
        countries = [c for c in profiles.find_countries(load_default_kb(), q, size) if c["id"] not in seen]
        return {"items": (countries + found)[:size]}

    @router.get("/api/actors/{actor_id}", summary="An actor's profile: roles over time, codes seen, counterparts")
    def actor(request: Request, actor_id: Annotated[str, Path(pattern=ACTOR_ID)]) -> dict[str, Any]:
        kb = profiles.kb_profile(load_default_kb(), actor_id)
        with reader(request) as conn:
            row = lookups.actor_row(conn, actor_id)
            if row is None and kb is None:
                raise ApiError(404, f"no actor {actor_id!r} in the store or the knowledge base")
            codes = lookups.actor_codes(conn, actor_id)
            others = lookups.counterparts(conn, actor_id, 20)
        base = row or {"id": kb["id"], "name": kb["name"], "kind": kb["kind"]}  # type: ignore[index]
        return {**base, "knowledge_base": kb, "codes_seen": codes, "counterparts": others,
                "events": sum(c["events"] for c in codes)}

    return router
