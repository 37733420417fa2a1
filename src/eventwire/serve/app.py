"""The app factory: the HTTP API over a store, and the dashboard, with keys, limits and JSON errors."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI

from eventwire.serve.cache import AnswerCache
from eventwire.serve.coding import CoderHolder
from eventwire.serve.coding import coder_factory as make_coder
from eventwire.serve.errors import install_error_handlers
from eventwire.serve.guard import BodyLimit, require_read_key
from eventwire.serve.headers import SecurityHeaders
from eventwire.serve.hosts import HostCheck
from eventwire.serve.pool import ConnectionPool
from eventwire.serve.routes import articles, dashboard, dyads, events, exports, people
from eventwire.serve.settings import Settings
from eventwire.store.connect import open_store
from eventwire.store.filters import HAS_BACKGROUND
from eventwire.store.lookups import max_event_key

log = logging.getLogger(__name__)

DESCRIPTION = """Events, quotes, actors and dyads coded by eventwire, read from its SQLite store.
Reads are open unless the server protects them; `POST /api/code` needs the API key in `X-API-Key`.
Lists are newest first with cursor pagination: pass `next_cursor` back as `cursor`. Errors are JSON:
`{"error": {"status", "message", "details"}}`."""


def make_app(settings: Settings, coder_factory: Callable[[], Any] | None = None) -> FastAPI:
    """An app over ``settings.db`` (created and migrated if needed); the coder (``settings.coder``, unless a
    factory is given) is built on the first POST."""
    conn = open_store(settings.db)  # apply migrations once, before readers open the file
    conn.close()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.pool.close()

    app = FastAPI(title="eventwire", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)  # /docs is ours (routes/dashboard.py): Swagger UI, served locally
    app.state.settings = settings
    app.state.pool = ConnectionPool(settings.db, settings.pool_size)
    app.state.coder = CoderHolder(coder_factory or make_coder(settings.coder))
    app.state.cache = AnswerCache()
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(HostCheck, allowed=settings.allowed_hosts)  # the last added runs first
    app.add_middleware(SecurityHeaders)
    for module in (events, dyads, people, exports):
        app.include_router(module.make_router(), dependencies=[Depends(require_read_key)])
    app.include_router(articles.make_router(), dependencies=[Depends(require_read_key)])
    app.include_router(dashboard.make_router())

    @app.get("/api/health", tags=["meta"], summary="Whether the store answers")
    def health() -> dict[str, Any]:
        with app.state.pool.reader() as reader:
            return {"status": "ok", "max_event_key": max_event_key(reader),
                    "event_flags": ["negated", "hypothetical", *(["background"] if HAS_BACKGROUND else [])]}

    missing = dashboard.assets_missing(settings.web_dir)
    if missing:
        log.warning("dashboard libraries missing (%s): run `make web`", ", ".join(missing))
    return app
