"""What every route needs: the pool, the settings, and a page size within the server's limit."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import Request

from eventwire.serve.errors import ApiError
from eventwire.serve.settings import Settings


def settings_of(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


@contextmanager
def reader(request: Request) -> Iterator[sqlite3.Connection]:
    with request.app.state.pool.reader() as conn:
        yield conn


def page_size(request: Request, limit: int | None) -> int:
    """``limit`` or the default; over the maximum is refused (422) rather than silently cut."""
    settings = settings_of(request)
    if limit is None:
        return settings.default_limit
    if limit > settings.max_limit:
        raise ApiError(422, f"invalid limit: {limit} is over the maximum of {settings.max_limit}",
                       [{"field": "limit", "problem": f"at most {settings.max_limit}"}])
    return limit


def page(items: list[dict[str, Any]], limit: int, next_cursor: str | None) -> dict[str, Any]:
    return {"items": items, "limit": limit, "next_cursor": next_cursor if len(items) == limit else None}
