"""Dyads (two actors or countries over time) and the actor network."""

from __future__ import annotations

import json
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from eventwire.serve import aggregates
from eventwire.serve.errors import ApiError
from eventwire.serve.filters import day, dyad_filter, flagged, window_filter
from eventwire.serve.params import AlertParams, DyadEventParams, DyadParams, NetworkParams
from eventwire.serve.routes.common import reader
from eventwire.serve.routes.events import list_clusters, list_events
from eventwire.store import aggregates as store_aggregates
from eventwire.store.filters import EventFilter
from eventwire.store.shift_rule import Rule
from eventwire.store.shifts import dyad_alerts


def dyad_series(request: Request, conn: sqlite3.Connection, p: DyadParams) -> list[dict[str, Any]]:
    """The dyad's series (cached with the store's articles per day and per period of the interval: a day's
    articles are the same for every dyad); ``TooManyPeriods`` for a long one."""
    cache, f = request.app.state.cache, dyad_filter(p)
    days = cache.get(conn, ("article days",), lambda: store_aggregates.article_days(conn))
    read = cache.get(conn, ("articles per period", p.interval),
                     lambda: aggregates.articles_per_period(days, p.interval))
    return cache.get(conn, ("dyad", f, p.interval, p.clusters),  # type: ignore[no-any-return]
                     lambda: aggregates.dyad_series(conn, f, p.interval, days, p.clusters, read))


def dyad_answer(request: Request, conn: sqlite3.Connection, p: DyadParams) -> bytes:
    """The JSON of ``GET /api/dyads``: the dyad, its totals and its series."""
    try:
        series = dyad_series(request, conn, p)
    except aggregates.TooManyPeriods as err:
        raise ApiError(422, f"invalid interval: {err}", [{"field": "interval", "problem": str(err)}]) from None
    note = aggregates.clusters_note(conn) if p.clusters else None
    total = sum(point["total"] for point in series)
    weighted = sum(point["goldstein_mean"] * point["total"] for point in series if point["total"])
    answer = {"a": p.a, "b": p.b, "kind": p.kind, "interval": p.interval, "directed": p.directed,
              "all_events": p.all_events, "total": total,
              "goldstein_mean": round(weighted / total, 3) if total else None,
              "articles": sum(point["articles"] for point in series),
              **({"clusters": sum(point["clusters"] for point in series), "clusters_note": note}
                 if p.clusters else {}), "series": series}
    return json.dumps(answer, separators=(",", ":")).encode()


def make_router() -> APIRouter:
    router = APIRouter(tags=["dyads"])

    @router.get("/api/dyads", summary="Time series of a dyad: every period of the window, zeros included, with "
                                      "events per quad class, mean Goldstein and the articles read",
                response_class=Response, responses={200: {"content": {"application/json": {}}}})
    def dyad(request: Request, p: Annotated[DyadParams, Query()]) -> Response:
        # The whole answer is cached as JSON bytes: a busy dyad by day is thousands of periods, and encoding
        # them again on every request would cost more than reading them (docs/serve.md, "Design notes").
        key = ("dyad answer", dyad_filter(p), p.a, p.b, p.kind, p.interval, p.directed, p.all_events, p.clusters)
        with reader(request) as conn:
            body = request.app.state.cache.get(conn, key, lambda: dyad_answer(request, conn, p))
        return Response(body, media_type="application/json")

    @router.get("/api/dyads/clusters", summary="The stored event clusters of a dyad, newest first, each with "
                                               "its articles, sources and evidence sentences")
    def dyad_clusters(request: Request, p: Annotated[DyadEventParams, Query()]) -> dict[str, Any]:
        return list_clusters(request, dyad_filter(p, p.quad_class), p.limit, p.cursor)

    @router.get("/api/dyads/events", summary="The events of a dyad, newest first, with cursor pagination")
    def dyad_events(request: Request, p: Annotated[DyadEventParams, Query()]) -> dict[str, Any]:
        return list_events(request, dyad_filter(p, p.quad_class), p.limit, p.cursor)

    @router.get("/api/network", summary="Who acts on whom: directed edges with counts and mean Goldstein")
    def network(request: Request, p: Annotated[NetworkParams, Query()]) -> dict[str, Any]:
        f = window_filter(p, p.since, p.until)
        with reader(request) as conn:
            return request.app.state.cache.get(
                conn, ("network", f, p.level, p.min_events, p.limit),
                lambda: aggregates.network(conn, f, p.level, p.min_events, p.limit))

    @router.get("/api/alerts", summary="Dyad shift alerts: dyads whose week departs from their own baseline "
                                       "(conflict share or mean Goldstein, z-score), each with its evidence")
    def alerts(request: Request, p: Annotated[AlertParams, Query()]) -> dict[str, Any]:
        rule = Rule(p.weeks, p.min_events, p.min_baseline, p.z)
        f = flagged(p, EventFilter())
        with reader(request) as conn:
            items = request.app.state.cache.get(
                conn, ("alerts", f, rule, p.since, p.kind),
                lambda: dyad_alerts(conn, f, rule, day(p.since), p.kind))
        return {"rule": {"weeks": rule.weeks, "min_events": rule.min_events, "min_baseline": rule.min_baseline,
                         "z": rule.z}, "items": items}

    return router
