"""Aggregates over events: dyad time series, the actor network, event places; stored event clusters."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from eventwire.serve.queries import Cond, Where, all_of, any_of, dyad_where, event_object, keyset_after
from eventwire.store.clusters import clusters_up_to_date

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


CLUSTER_ORDER = "c.first_date IS NULL, c.first_date DESC, c.id DESC"

CLUSTER_MEMBERS = """SELECT m.cluster_id, m.why AS member_why, e.rowid AS key, e.*, a.id AS article_id,
  a.title AS article_title, a.url AS article_url, a.source AS article_source, a.published AS article_published
FROM event_cluster_members m JOIN events e ON e.rowid = m.event_rowid JOIN articles a ON a.hash = e.article_hash
WHERE m.cluster_id IN ({marks}) ORDER BY a.published IS NULL, a.published, a.id, a.hash, e.n"""


def clusters(conn: sqlite3.Connection, w: Where, after: tuple[Any, ...] | None,
             limit: int) -> list[dict[str, Any]]:
    """Stored event clusters (``store.clusters.refresh_clusters``, the ids of ``eventwire export --format
    clusters``) with at least one member event matching ``w``; newest first date first (undated last), then
    id descending; ``after`` is the ``(first_date, id)`` of the previous page's last cluster."""
    conds: list[Cond] = [keyset_after(after, "c.first_date", "c.id")]
    if w.all or w.either:
        cond, params = w.sql()
        conds.append(("c.id IN (SELECT m.cluster_id FROM event_cluster_members m "
                      f"JOIN events e ON e.rowid = m.event_rowid WHERE {cond})", params))
    cond, params = all_of(conds)
    rows = conn.execute(f"SELECT c.* FROM event_clusters c WHERE {cond} ORDER BY {CLUSTER_ORDER} LIMIT ?",
                        params + [limit]).fetchall()
    members: dict[str, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
    if rows:
        for m in conn.execute(CLUSTER_MEMBERS.format(marks=",".join("?" * len(rows))), list(members)):
            members[m["cluster_id"]].append({**event_object(m), "why": m["member_why"]})
    return [_cluster_object(r, members[r["id"]]) for r in rows]


def _cluster_object(r: sqlite3.Row, members: list[dict[str, Any]]) -> dict[str, Any]:
    key = {"source_code": r["source_code"], "target_code": r["target_code"], "cameo": r["cameo"],
           "date": r["date_key"], "negated": bool(r["negated"]), "hypothetical": bool(r["hypothetical"])}
    goldstein = [m["goldstein"] for m in members if m["goldstein"] is not None]
    quads = [m["quad_class"] for m in members if m["quad_class"] is not None]
    return {"id": r["id"], "key": key, "location": r["location"], "num_mentions": r["num_mentions"],
            "num_articles": r["num_articles"], "num_sources": r["num_sources"], "num_stories": r["num_stories"],
            "first_date": r["first_date"], "last_date": r["last_date"], "why": json.loads(r["why"]),
            "goldstein": round(sum(goldstein) / len(goldstein), 3) if goldstein else None,
            "quad_class": min(quads) if quads else None,
            "article_ids": list(dict.fromkeys(m["article"]["id"] for m in members)),
            "sources": list(dict.fromkeys(m["article"]["source"] for m in members if m["article"]["source"])),
            "event_keys": sorted(m["key"] for m in members), "members": members}


def clusters_note(conn: sqlite3.Connection) -> str | None:
    """Why the stored clusters may not cover the store: none stored yet, or events added since the last
    refresh (``POST /api/code`` stores without clustering; ``eventwire run`` refreshes at its end)."""
    if clusters_up_to_date(conn):
        return None
    if conn.execute("SELECT 1 FROM event_clusters LIMIT 1").fetchone() is None:
        return ("no stored clusters: this store's events have not been clustered yet; `eventwire run` "
                "(or `eventwire watch`) stores them at its end")
    return ("stored clusters are out of date: events stored since the last refresh (e.g. by POST /api/code) "
            "are in no cluster yet; the next `eventwire run` refreshes them")
