"""Coded articles (list and detail) and ``POST /api/code``, which codes an article and stores it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from eventwire.serve.coding import code_and_store
from eventwire.serve.cursor import decode_cursor, encode_cursor
from eventwire.serve.errors import ApiError
from eventwire.serve.filters import day
from eventwire.serve.guard import require_key
from eventwire.serve.objects import event_object
from eventwire.serve.params import ArticleParams, CodeRequest
from eventwire.serve.routes.common import page, page_size, reader, settings_of
from eventwire.store import events, lookups


def make_router() -> APIRouter:
    router = APIRouter(tags=["articles"])

    @router.get("/api/articles", summary="Coded articles, newest first, with their event and quote counts")
    def articles(request: Request, p: Annotated[ArticleParams, Query()]) -> dict[str, Any]:
        limit = page_size(request, p.limit)
        after = decode_cursor(p.cursor, (str, str))
        with reader(request) as conn:
            items = lookups.article_page(conn, day(p.since), day(p.until), p.source, after, limit)
        last = items[-1] if items else None
        return page(items, limit, encode_cursor(last["published"], last["hash"]) if last else None)

    @router.get("/api/articles/{key}", summary="One article: text, events, quotes, mentions, places, times")
    def article(request: Request, key: Annotated[str, Path(pattern=r"^[0-9a-f]{64}$",
                                                           description="SHA-256 of the text")]) -> dict[str, Any]:
        with reader(request) as conn:
            found = lookups.article_detail(conn, key)
            rows = events.events_by_key(conn, events.article_event_keys(conn, key)) if found else []
        if found is None:
            raise ApiError(404, f"no article with hash {key}")
        return {**found, "events": [event_object(r) for r in rows]}

    @router.post("/api/code", summary="Code an article and store it (needs the API key)", status_code=201,
                 dependencies=[Depends(require_key)])
    def code(request: Request, body: CodeRequest) -> JSONResponse:
        settings = settings_of(request)
        if len(body.text) > settings.max_text_chars:
            raise ApiError(422, f"invalid text: over {settings.max_text_chars:,} characters",
                           [{"field": "text", "problem": f"at most {settings.max_text_chars} characters"}])
        stored, result = code_and_store(request.app.state, body)
        return JSONResponse(result, status_code=201 if stored else 200)

    return router
