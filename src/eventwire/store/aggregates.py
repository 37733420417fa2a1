"""Aggregates over the events an ``EventFilter`` selects: counts per period and quad class (dyad timelines),
who acts on whom (the network), and event places (the map). Periods are of the event's day."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Literal

from eventwire.store.filters import EVERYTHING, EventFilter, all_of, event_where

Interval = Literal["day", "week", "month"]

# The period of an event day: the day, the Monday of its week, or its month.
PERIODS: dict[str, str] = {
    "day": "e.day",
    "week": "date(e.day, '-6 days', 'weekday 1')",
    "month": "substr(e.day, 1, 7)",
}


def period_of(day: str, interval: Interval) -> str:
    """The period of a YYYY-MM-DD day, as ``PERIODS`` computes it in SQL: the day, its week's Monday, its month."""
    if interval == "day":
        return day
    if interval == "month":
        return day[:7]
    d = date.fromisoformat(day)
    return (d - timedelta(days=d.weekday())).isoformat()


def periods_between(first: str, last: str, interval: Interval) -> Iterator[str]:
    """Every period from the one of day ``first`` to the one of day ``last``, in order, none left out."""
    d, end = date.fromisoformat(first), date.fromisoformat(last)
    if interval == "week":
        d -= timedelta(days=d.weekday())
    elif interval == "month":
        d = d.replace(day=1)
    while d <= end:
        yield period_of(d.isoformat(), interval)
        if interval == "day":
            d += timedelta(days=1)
        elif interval == "week":
            d += timedelta(days=7)
        else:
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)


def article_days(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """``(publication day, articles)`` of every day with an article: what was read each day (undated articles
    left out). Reads the per-day counts ``published_days`` (``m009_dyad_days``), a row a day."""
    sql = "SELECT day, articles FROM published_days ORDER BY day"
    return [(r[0], r[1]) for r in conn.execute(sql) if _is_day(r[0])]


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def from_dyad_days(f: EventFilter) -> bool:
    """Whether the per-day summary ``dyad_days`` answers ``f``: a dyad of countries, with nothing else than a
    window and the event flags ``negated``, ``hypothetical``, ``background`` (the columns of its rows)."""
    rest = replace(f, dyad=None, since=None, until=None, negated=None, hypothetical=None, background=None)
    return f.dyad is not None and f.dyad.kind == "country" and rest == EVERYTHING


# A period's events in all, of quad classes 1-4, and the sum of their Goldstein scores (null scores count 0).
QUAD_TOTALS = {"events": ("COUNT(*)", "SUM(e.events)"),
               **{f"quad{q}": (f"SUM(e.quad_class IS {q})", f"SUM(e.quad{q})") for q in range(1, 5)},
               "goldstein": ("TOTAL(e.goldstein)", "TOTAL(e.goldstein)")}


def period_totals(conn: sqlite3.Connection, f: EventFilter,
                  interval: Interval) -> list[tuple[Any, ...]]:
    """``(period, events, quad 1, quad 2, quad 3, quad 4, sum of Goldstein)`` per period with events, in order;
    undated events left out (an event of no quad class 1-4 counts in the events only). Read from the per-day
    summary ``dyad_days`` where it answers ``f`` (``from_dyad_days``: about one row per dyad, day and flags
    instead of each event), else from the events (a dyad reads only the covering index
    ``events_dyad_country_flags`` or ``_code_flags``): the same counts either way, as the summary's triggers
    keep it exact. Weeks are summed here from the days (SQLite's ``date()`` on every row costs more than the
    rest of the query); a day that is no calendar date is in no week."""
    summary = from_dyad_days(f)
    table = "dyad_days" if summary else "events"
    columns = ", ".join(pair[1 if summary else 0] for pair in QUAD_TOTALS.values())
    cond, params = all_of([event_where(f).sql(), ("e.day IS NOT NULL", [])])
    period = "e.day" if interval == "week" else PERIODS[interval]
    sql = f"SELECT {period} AS period, {columns} FROM {table} e WHERE {cond} GROUP BY period ORDER BY period"
    rows = [tuple(r) for r in conn.execute(sql, params)]
    if interval != "week":
        return rows
    weeks: dict[str, list[Any]] = {}
    for day, *totals in rows:
        try:
            d = date.fromisoformat(day)
        except ValueError:
            continue
        point = weeks.setdefault((d - timedelta(days=d.weekday())).isoformat(), [0] * len(totals))
        for n, value in enumerate(totals):
            point[n] += value
    return [(week, *totals) for week, totals in weeks.items()]


def period_clusters(conn: sqlite3.Connection, f: EventFilter, interval: Interval) -> dict[str, int]:
    """Per period: the stored event clusters (``store.clusters``) with an event ``f`` selects in the period (a
    cluster whose events fall in two periods counts in both); undated events left out."""
    cond, params = all_of([event_where(f).sql(), ("e.day IS NOT NULL", [])])
    sql = (f"SELECT {PERIODS[interval]} AS period, COUNT(DISTINCT m.cluster_id) FROM events e "
           f"JOIN event_cluster_members m ON m.event_rowid = e.rowid WHERE {cond} GROUP BY period")
    return {r[0]: r[1] for r in conn.execute(sql, params)}


def edges(conn: sqlite3.Connection, f: EventFilter, level: Literal["country", "actor"], min_events: int,
          limit: int) -> list[tuple[Any, ...]]:
    """The busiest directed ``(source, target, events, mean Goldstein)`` edges between two different countries
    (or actor codes), at least ``min_events`` each, busiest first; undated events left out."""
    column = "country" if level == "country" else "code"
    cond, params = all_of([event_where(f).sql(), ("e.day IS NOT NULL", []), (
        f"e.target_{column} IS NOT NULL AND e.source_{column} IS NOT NULL AND e.source_{column} != e.target_{column}",
        [])])
    sql = (f"SELECT e.source_{column} AS s, e.target_{column} AS t, COUNT(*) AS cnt, AVG(e.goldstein) AS g "
           f"FROM events e WHERE {cond} GROUP BY s, t HAVING cnt >= ? ORDER BY cnt DESC, s, t LIMIT ?")
    return [tuple(r) for r in conn.execute(sql, params + [min_events, limit])]


def located_counts(conn: sqlite3.Connection, f: EventFilter) -> tuple[int, int]:
    """``(events with a place that has coordinates, events without)`` among those ``f`` selects."""
    cond, params = event_where(f).sql()
    row = conn.execute("SELECT COUNT(*), COALESCE(SUM(e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL), 0) "
                       f"FROM events e WHERE {cond}", params).fetchone()
    return int(row[1]), int(row[0]) - int(row[1])


def event_places(conn: sqlite3.Connection, f: EventFilter,
                 limit: int) -> list[tuple[Any, ...]]:
    """Event locations with coordinates: ``(name, country, lat, lon, events, conflict events, mean Goldstein)``,
    busiest first."""
    cond, params = all_of([event_where(f).sql(), ("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL", [])])
    sql = ("SELECT e.location_name, e.location_country, e.location_lat, e.location_lon, COUNT(*) AS cnt, "
           "SUM(e.quad_class >= 3), AVG(e.goldstein) FROM events e "
           f"WHERE {cond} GROUP BY e.location_lat, e.location_lon, e.location_name ORDER BY cnt DESC LIMIT ?")
    return [tuple(r) for r in conn.execute(sql, params + [limit])]
