"""Aggregates over the events an ``EventFilter`` selects: counts per period and quad class (dyad timelines),
who acts on whom (the network), and event places (the map). Periods are of the event's day."""

from __future__ import annotations

import sqlite3
from typing import Any, Literal

from eventwire.store.filters import EventFilter, all_of, event_where

Interval = Literal["day", "week", "month"]

# The period of an event day: the day, the Monday of its week, or its month.
PERIODS: dict[str, str] = {
    "day": "e.day",
    "week": "date(e.day, '-6 days', 'weekday 1')",
    "month": "substr(e.day, 1, 7)",
}


def period_counts(conn: sqlite3.Connection, f: EventFilter,
                  interval: Interval) -> list[tuple[Any, ...]]:
    """``(period, quad class, events, sum of Goldstein)`` by period then quad class; undated events left out.
    A dyad filter reads only the covering index ``events_dyad_country_day`` (or ``_code_day``)."""
    cond, params = all_of([event_where(f).sql(), ("e.day IS NOT NULL", [])])
    sql = (f"SELECT {PERIODS[interval]} AS period, e.quad_class AS quad, COUNT(*) AS cnt, SUM(e.goldstein) AS g "
           f"FROM events e WHERE {cond} GROUP BY period, quad ORDER BY period, quad")
    return [tuple(r) for r in conn.execute(sql, params)]


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


def event_places(conn: sqlite3.Connection, f: EventFilter,
                 limit: int) -> list[tuple[Any, ...]]:
    """Event locations with coordinates: ``(name, country, lat, lon, events, conflict events, mean Goldstein)``,
    busiest first."""
    cond, params = all_of([event_where(f).sql(), ("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL", [])])
    sql = ("SELECT e.location_name, e.location_country, e.location_lat, e.location_lon, COUNT(*) AS cnt, "
           "SUM(e.quad_class >= 3), AVG(e.goldstein) FROM events e "
           f"WHERE {cond} GROUP BY e.location_lat, e.location_lon, e.location_name ORDER BY cnt DESC LIMIT ?")
    return [tuple(r) for r in conn.execute(sql, params + [limit])]
