"""Dyads (two actors or countries over time) and the actor network."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from eventwire.serve import aggregates, queries
from eventwire.serve.params import DyadEventParams, DyadParams, EventParams, NetworkParams
from eventwire.serve.routes.common import reader
from eventwire.serve.routes.events import list_events


def _day(value: Any) -> str | None:
    return value.isoformat() if value else None


def make_router() -> APIRouter:
    router = APIRouter(tags=["dyads"])

    @router.get("/api/dyads", summary="Time series of a dyad: events per quad class and mean Goldstein per period")
    def dyad(request: Request, p: Annotated[DyadParams, Query()]) -> dict[str, Any]:
        args = (p.kind, p.a, p.b, p.directed, p.interval, _day(p.since), _day(p.until))
        with reader(request) as conn:
            series = request.app.state.cache.get(conn, ("dyad", *args), lambda: aggregates.dyad_series(conn, *args))
        total = sum(point["total"] for point in series)
        mean = sum(point["goldstein_mean"] * point["total"] for point in series) / total if total else None
        return {"a": p.a, "b": p.b, "kind": p.kind, "interval": p.interval, "directed": p.directed,
                "total": total, "goldstein_mean": mean and round(mean, 3), "series": series}

    @router.get("/api/dyads/events", summary="The events of a dyad, newest first, with cursor pagination")
    def dyad_events(request: Request, p: Annotated[DyadEventParams, Query()]) -> dict[str, Any]:
        events = EventParams(since=p.since, until=p.until, limit=p.limit, cursor=p.cursor, quad_class=p.quad_class,
                             actor=None, country=None, cameo=None, place=None, q=None)
        where = queries.event_where(events)
        where.either.append(queries.dyad_where(p.kind, p.a, p.b, p.directed))
        return list_events(request, events, where)

    @router.get("/api/network", summary="Who acts on whom: directed edges with counts and mean Goldstein")
    def network(request: Request, p: Annotated[NetworkParams, Query()]) -> dict[str, Any]:
        args = (p.level, _day(p.since), _day(p.until), p.min_events, p.limit)
        with reader(request) as conn:
            return request.app.state.cache.get(conn, ("network", *args), lambda: aggregates.network(conn, *args))

    return router
