"""Dyads (two actors or countries over time) and the actor network."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from eventwire.serve import aggregates
from eventwire.serve.filters import dyad_filter, window_filter
from eventwire.serve.params import DyadEventParams, DyadParams, NetworkParams
from eventwire.serve.routes.common import reader
from eventwire.serve.routes.events import list_events


def make_router() -> APIRouter:
    router = APIRouter(tags=["dyads"])

    @router.get("/api/dyads", summary="Time series of a dyad: events per quad class and mean Goldstein per period")
    def dyad(request: Request, p: Annotated[DyadParams, Query()]) -> dict[str, Any]:
        f = dyad_filter(p)
        with reader(request) as conn:
            series = request.app.state.cache.get(conn, ("dyad", f, p.interval),
                                                 lambda: aggregates.dyad_series(conn, f, p.interval))
        total = sum(point["total"] for point in series)
        mean = sum(point["goldstein_mean"] * point["total"] for point in series) / total if total else None
        return {"a": p.a, "b": p.b, "kind": p.kind, "interval": p.interval, "directed": p.directed,
                "total": total, "goldstein_mean": mean and round(mean, 3), "series": series}

    @router.get("/api/dyads/events", summary="The events of a dyad, newest first, with cursor pagination")
    def dyad_events(request: Request, p: Annotated[DyadEventParams, Query()]) -> dict[str, Any]:
        return list_events(request, dyad_filter(p, p.quad_class), p.limit, p.cursor)

    @router.get("/api/network", summary="Who acts on whom: directed edges with counts and mean Goldstein")
    def network(request: Request, p: Annotated[NetworkParams, Query()]) -> dict[str, Any]:
        f = window_filter(p.since, p.until)
        with reader(request) as conn:
            return request.app.state.cache.get(
                conn, ("network", f, p.level, p.min_events, p.limit),
                lambda: aggregates.network(conn, f, p.level, p.min_events, p.limit))

    return router
