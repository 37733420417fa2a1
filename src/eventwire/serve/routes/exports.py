"""Downloads of a dashboard view (docs/serve.md, "Exports"): the events its filter selects, in the columns
of ``eventwire export``, and a dyad's series; CSV, JSON or Parquet."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from eventwire.serve import aggregates, exports
from eventwire.serve.aggregates import TooManyPeriods
from eventwire.serve.errors import ApiError
from eventwire.serve.filters import dyad_filter, event_filter, window_filter
from eventwire.serve.params import DyadExportParams, EventExportParams, NetworkExportParams
from eventwire.serve.routes.common import reader, settings_of
from eventwire.serve.routes.dyads import dyad_series
from eventwire.store.events import query_events
from eventwire.store.filters import EventFilter


def _events(request: Request, f: EventFilter, fmt: str, name: str) -> Response:
    cap = settings_of(request).max_export_rows
    with reader(request) as conn:
        rows = list(query_events(conn, f, limit=cap + 1))
    if len(rows) > cap:
        raise ApiError(422, f"over {cap:,} events: narrow the filter, or use `eventwire export`",
                       [{"field": "format", "problem": f"at most {cap} events a download"}])
    return exports.events_response(rows, fmt, name)


def make_router() -> APIRouter:
    router = APIRouter(tags=["exports"])

    @router.get("/api/export/events", summary="Download the events the filters select (CSV, JSON or Parquet, the "
                                              "columns of `eventwire export`)")
    def export_events(request: Request, p: Annotated[EventExportParams, Query()]) -> Response:
        return _events(request, event_filter(p), p.format, "events")

    @router.get("/api/export/dyad", summary="Download a dyad view: its events, or its series a row a period")
    def export_dyad(request: Request, p: Annotated[DyadExportParams, Query()]) -> Response:
        name = f"{p.a}-{p.b}-{p.what}"
        if p.what == "events":
            return _events(request, dyad_filter(p, p.quad_class), p.format, name)
        with reader(request) as conn:
            try:
                series = dyad_series(request, conn, p)
            except TooManyPeriods as err:
                raise ApiError(422, f"invalid interval: {err}", [{"field": "interval", "problem": str(err)}]) from None
        return exports.series_response(series, p.format, f"{name}-{p.interval}")

    @router.get("/api/export/places", summary="Download the map's places: located events only, counts per place")
    def export_places(request: Request, p: Annotated[EventExportParams, Query()]) -> Response:
        with reader(request) as conn:
            items = aggregates.places(conn, event_filter(p), settings_of(request).max_export_rows)
        return exports.table_response(items, exports.PLACE_COLUMNS, p.format, "places")

    @router.get("/api/export/network", summary="Download the network's edges")
    def export_network(request: Request, p: Annotated[NetworkExportParams, Query()]) -> Response:
        with reader(request) as conn:
            found = aggregates.network(conn, window_filter(p, p.since, p.until), p.level, p.min_events, p.limit)
        return exports.table_response(found["edges"], exports.EDGE_COLUMNS, p.format, f"network-{p.level}")

    return router
