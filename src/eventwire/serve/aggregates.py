"""Aggregates over events: dyad time series, the actor network, event places and event clusters."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

from eventwire.serve.queries import Cond, Where, all_of, any_of, dyad_where

# Period of an event day: the day, the Monday of its week, or its month (dates are ISO strings).
BUCKETS = {
    "day": "substr(e.date, 1, 10)",
    "week": "date(substr(e.date, 1, 10), '-6 days', 'weekday 1')",
    "month": "substr(e.date, 1, 7)",
}


def window(since: str | None, until: str | None) -> list[Cond]:
    conds: list[Cond] = [("e.date IS NOT NULL", [])]
    if since:
        conds.append(("e.date >= ?", [since]))
    if until:
        conds.append(("e.date < ?", [until + "~"]))
    return conds


def dyad_series(conn: sqlite3.Connection, kind: str, a: str, b: str, directed: bool, interval: str,
                since: str | None, until: str | None) -> list[dict[str, Any]]:
    """Per period: events per quad class, cooperation (1-2) and conflict (3-4) counts, mean Goldstein."""
    cond, params = all_of([any_of(dyad_where(kind, a, b, directed)), *window(since, until)])
    sql = (f"SELECT {BUCKETS[interval]} AS period, e.quad_class AS quad, COUNT(*) AS cnt, SUM(e.goldstein) AS g "
           f"FROM events e WHERE {cond} GROUP BY period, quad ORDER BY period")
    series: dict[str, dict[str, Any]] = {}
    for period, quad, n, g in conn.execute(sql, params):
        point = series.setdefault(period, {"period": period, "total": 0, "quad": {"1": 0, "2": 0, "3": 0, "4": 0},
                                           "_g": 0.0})
        point["total"] += n
        point["quad"][str(quad)] = point["quad"].get(str(quad), 0) + n
        point["_g"] += g or 0.0
    for point in series.values():
        q = point["quad"]
        point["cooperation"], point["conflict"] = q["1"] + q["2"], q["3"] + q["4"]
        point["goldstein_mean"] = round(point.pop("_g") / point["total"], 3)
    return list(series.values())


def network(conn: sqlite3.Connection, level: str, since: str | None, until: str | None, min_events: int,
            limit: int) -> dict[str, Any]:
    """Who acts on whom: the busiest directed edges with their counts and mean Goldstein, and their nodes."""
    column = "country" if level == "country" else "code"
    cond, params = all_of([(f"e.target_{column} IS NOT NULL AND e.source_{column} IS NOT NULL", []),
                         *window(since, until)])
    sql = (f"SELECT e.source_{column} AS s, e.target_{column} AS t, COUNT(*) AS cnt, AVG(e.goldstein) AS g "
           f"FROM events e WHERE {cond} AND e.source_{column} != e.target_{column} "
           "GROUP BY s, t HAVING cnt >= ? ORDER BY cnt DESC, s, t LIMIT ?")
    edges = [{"source": s, "target": t, "events": n, "goldstein_mean": round(g or 0.0, 3)}
             for s, t, n, g in conn.execute(sql, params + [min_events, limit])]
    totals: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            totals[end] = totals.get(end, 0) + edge["events"]
    return {"level": level, "nodes": [{"id": k, "events": v} for k, v in sorted(totals.items())], "edges": edges}


def places(conn: sqlite3.Connection, w: Where, limit: int) -> list[dict[str, Any]]:
    """Event locations with coordinates: events, conflict events and mean Goldstein at each."""
    cond, params = all_of([w.sql(), ("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL", [])])
    sql = ("SELECT e.location_name, e.location_country, e.location_lat, e.location_lon, COUNT(*) AS cnt, "
           "SUM(e.quad_class >= 3), AVG(e.goldstein) FROM events e "
           f"WHERE {cond} GROUP BY e.location_lat, e.location_lon, e.location_name ORDER BY cnt DESC LIMIT ?")
    return [{"name": name, "country": country, "lat": lat, "lon": lon, "events": n, "conflict": c,
             "goldstein_mean": round(g or 0.0, 3)}
            for name, country, lat, lon, n, c, g in conn.execute(sql, params + [limit])]


CLUSTER_KEY = ("e.source_code, e.target_code, e.cameo, substr(e.date, 1, 10), e.negated, e.hypothetical, "
               "COALESCE(CAST(e.location_geonameid AS TEXT), lower(e.location_name))")


def clusters(conn: sqlite3.Connection, w: Where, offset: int, limit: int) -> list[dict[str, Any]]:
    """Events merged on the dedup key (``dedup.events.event_key``, day window) and their known place;
    dated events only (undated ones are never merged). Newest first."""
    cond, params = all_of([w.sql(), ("e.date IS NOT NULL", [])])
    sql = (f"SELECT {CLUSTER_KEY}, COUNT(*), COUNT(DISTINCT e.article_hash), "
           "COUNT(DISTINCT a.source), MIN(e.location_name), group_concat(e.rowid), AVG(e.goldstein), "
           "MIN(e.quad_class) FROM events e JOIN articles a ON a.hash = e.article_hash "
           f"WHERE {cond} GROUP BY {CLUSTER_KEY} ORDER BY 4 DESC, 1, 2, 3 LIMIT ? OFFSET ?")
    out = []
    for s, t, cameo, day, neg, hyp, place, n, arts, srcs, name, keys, g, quad in conn.execute(
            sql, params + [limit, offset]):
        key = {"source_code": s, "target_code": t, "cameo": cameo, "date": day, "negated": bool(neg),
               "hypothetical": bool(hyp)}
        digest = hashlib.sha1(repr((key, place)).encode()).hexdigest()[:16]
        out.append({"id": f"EC-{digest}", "key": key, "location": name, "num_mentions": n, "num_articles": arts,
                    "num_sources": srcs, "goldstein": round(g or 0.0, 3), "quad_class": quad,
                    "event_keys": sorted(int(k) for k in keys.split(","))})
    return out
