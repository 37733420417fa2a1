"""Aggregate answers: dyad time series, the actor network, event places and stored event clusters, shaped
from the store's reads (``store.aggregates``, ``store.cluster_reads``)."""

from __future__ import annotations

import sqlite3
from typing import Any

from eventwire.serve.objects import cluster_object
from eventwire.store import aggregates, cluster_reads
from eventwire.store.clusters import clusters_up_to_date
from eventwire.store.filters import EventFilter

MAX_PERIODS = 10_000  # a longer series is refused (422): ask for a wider interval or a shorter window


class TooManyPeriods(ValueError):
    """The window holds more periods than ``MAX_PERIODS``."""


def articles_per_period(days: list[tuple[str, int]], interval: aggregates.Interval) -> dict[str, int]:
    """Articles read per period, from ``store.aggregates.article_days``."""
    found: dict[str, int] = {}
    for day, n in days:
        period = aggregates.period_of(day, interval)
        found[period] = found.get(period, 0) + n
    return found


def dyad_series(conn: sqlite3.Connection, f: EventFilter, interval: aggregates.Interval,
                days: list[tuple[str, int]], clusters: bool = False,
                read: dict[str, int] | None = None) -> list[dict[str, Any]]:
    """Every period of the window (``f.since``..``f.until``; without them, from the first to the last day of
    the store's articles or the dyad's events), zeros included: events per quad class (an event of none of the
    four counts in the total only), cooperation (1-2) and conflict (3-4) counts, mean Goldstein (null without
    events), the articles read (published) in the period and events per 100 of them (null without articles);
    with ``clusters``, the stored event clusters of the period's events too. ``days``:
    ``store.aggregates.article_days``; ``read``: ``articles_per_period(days, interval)`` if the caller has it."""
    counted: dict[str, dict[str, Any]] = {
        period: {"total": n, "quad": {"1": q1, "2": q2, "3": q3, "4": q4}, "_g": g}
        for period, n, q1, q2, q3, q4, g in aggregates.period_totals(conn, f, interval)}
    read = articles_per_period(days, interval) if read is None else read
    by_cluster = aggregates.period_clusters(conn, f, interval) if clusters and cluster_reads.has_cluster_tables(
        conn) else {}
    ends = [d for d in (days[0][0], days[-1][0]) if days] + sorted(counted)[:1] + sorted(counted)[-1:]
    first = f.since or (min(_day_of(e) for e in ends) if ends else None)
    last = f.until or (max(_day_of(e, last=True) for e in ends) if ends else None)
    if first is None or last is None or first > last:
        return []
    series: list[dict[str, Any]] = []
    for period in aggregates.periods_between(first, last, interval):
        if len(series) >= MAX_PERIODS:
            raise TooManyPeriods(f"over {MAX_PERIODS:,} periods: choose a wider interval or a shorter window")
        point = counted.get(period, {"total": 0, "quad": {"1": 0, "2": 0, "3": 0, "4": 0}, "_g": None})
        q, g, articles = point["quad"], point.pop("_g"), read.get(period, 0)
        series.append({"period": period, "total": point["total"], "quad": q, "cooperation": q["1"] + q["2"],
                       "conflict": q["3"] + q["4"],
                       "goldstein_mean": round(g / point["total"], 3) if point["total"] else None,
                       "articles": articles,
                       "per_100_articles": round(100 * point["total"] / articles, 2) if articles else None,
                       **({"clusters": by_cluster.get(period, 0)} if clusters else {})})
    return series


def _day_of(period: str, last: bool = False) -> str:
    """A day of a period (a day, a week's Monday, a month): its first, or with ``last`` a day in it."""
    return period if len(period) == 10 else f"{period}-{'28' if last else '01'}"


def network(conn: sqlite3.Connection, f: EventFilter, level: str, min_events: int, limit: int) -> dict[str, Any]:
    """Who acts on whom: the busiest directed edges with their counts and mean Goldstein, and their nodes."""
    edges = [{"source": s, "target": t, "events": n, "goldstein_mean": round(g or 0.0, 3)}
             for s, t, n, g in aggregates.edges(conn, f, "country" if level == "country" else "actor", min_events,
                                                limit)]
    totals: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            totals[end] = totals.get(end, 0) + edge["events"]
    return {"level": level, "nodes": [{"id": k, "events": v} for k, v in sorted(totals.items())], "edges": edges}


def places(conn: sqlite3.Connection, f: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Event locations with coordinates: events, conflict events and mean Goldstein at each."""
    return [{"name": name, "country": country, "lat": lat, "lon": lon, "events": n, "conflict": c,
             "goldstein_mean": round(g or 0.0, 3)}
            for name, country, lat, lon, n, c, g in aggregates.event_places(conn, f, limit)]


def clusters(conn: sqlite3.Connection, f: EventFilter, after: tuple[Any, ...] | None,
             limit: int) -> list[dict[str, Any]]:
    """Stored event clusters (the ids of ``eventwire export --format clusters``) with at least one member event
    matching ``f``; newest first date first (undated last), then id descending; ``after`` is the
    ``(first_date, id)`` of the previous page's last cluster."""
    rows = cluster_reads.select_clusters(conn, f, newest_first=True, after=after, limit=limit)
    members = cluster_reads.cluster_members(conn, [r["id"] for r in rows])
    return [cluster_object(r, members[r["id"]]) for r in rows]


def clusters_note(conn: sqlite3.Connection) -> str | None:
    """Why the stored clusters may not cover the store: none stored yet, or events added since the last
    refresh (``POST /api/code`` stores without clustering; ``eventwire run`` refreshes at its end)."""
    if clusters_up_to_date(conn):
        return None
    if not cluster_reads.has_clusters(conn):
        return ("no stored clusters: this store's events have not been clustered yet; `eventwire run` "
                "(or `eventwire watch`) stores them at its end")
    return ("stored clusters are out of date: events stored since the last refresh (e.g. by POST /api/code) "
            "are in no cluster yet; the next `eventwire run` refreshes them")
