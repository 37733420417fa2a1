"""Read events from the store with filters (dates, actors, countries, codes, free text); used by exports."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# The day an event is filed under: its own date, else its article's publication date.
EVENT_DAY = "COALESCE(e.date, a.published)"

EVENT_QUERY = f"""
SELECT e.*, {EVENT_DAY} AS day, a.id AS article_id, a.url AS article_url, a.title AS article_title,
       a.source AS article_source, a.published AS article_published, a.coded_at AS article_coded_at,
       a.coder_version AS article_coder_version
FROM events e JOIN articles a ON a.hash = e.article_hash
"""

# Columns that change from run to run (times, run ids, row ids) and are left out of a canonical dump.
VOLATILE = {"rowid", "coded_at", "run_id", "at", "applied_at", "started", "finished", "counts", "options"}


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; every field left ``None`` matches everything.

    ``actor`` is a CAMEO actor-code prefix matched on source or target ("RUS" matches "RUSGOV");
    ``country`` an ISO code of source or target; ``cameo`` a code prefix; ``root`` the two-digit root;
    ``text`` an FTS5 query over evidence sentences.
    """

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    country: str | None = None
    cameo: str | None = None
    root: str | None = None
    quad_class: int | None = None
    plover: str | None = None
    text: str | None = None


def filter_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (possibly empty) and its parameters for a filter."""
    parts: list[str] = []
    params: list[Any] = []
    for sql, value in (
        (f"{EVENT_DAY} >= ?", f.since), (f"{EVENT_DAY} <= ?", f.until),
        ("(e.source_code LIKE ? || '%' OR e.target_code LIKE ? || '%')", f.actor and f.actor.upper()),
        ("(e.source_country = ? OR e.target_country = ?)", f.country and f.country.upper()),
        ("e.cameo LIKE ? || '%'", f.cameo), ("e.root = ?", f.root and f.root.zfill(2)),
        ("e.quad_class = ?", f.quad_class), ("e.plover_type = ?", f.plover and f.plover.upper()),
        ("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", f.text),
    ):
        if value is not None:
            parts.append(sql)
            params.extend([value] * sql.count("?"))
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def query_events(conn: sqlite3.Connection, f: EventFilter = EventFilter(), limit: int | None = None) -> (
        Iterator[dict[str, Any]]):
    """Events with their article's id, url, title, source and publication date, by day then event id."""
    where, params = filter_clause(f)
    sql = EVENT_QUERY + where + " ORDER BY day IS NULL, day, a.id, e.n"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    for row in conn.execute(sql, params):
        yield dict(row)


def search_quotes(conn: sqlite3.Connection, query: str) -> list[dict[str, Any]]:
    """Quotes whose text matches an FTS5 query, with their article id."""
    sql = ("SELECT q.*, a.id AS article_id FROM quotes q JOIN articles a ON a.hash = q.article_hash "
           "WHERE q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?) ORDER BY a.id, q.n")
    return [dict(r) for r in conn.execute(sql, (query,))]


CLUSTER_MEMBERS = """
SELECT m.cluster_id, m.why, e.id AS event_id, e.n, e.date, e.date_precision, e.evidence, e.trigger_text,
       e.source_text, e.target_text, e.location_name, e.confidence, a.hash AS article_hash, a.id AS article_id,
       a.source AS article_source, a.url AS article_url, a.title AS article_title, a.published AS article_published
FROM event_cluster_members m JOIN events e ON e.rowid = m.event_rowid JOIN articles a ON a.hash = e.article_hash
WHERE m.cluster_id = ?
ORDER BY a.published IS NULL, a.published, a.id, a.hash, e.n
"""


def read_event_clusters(conn: sqlite3.Connection, f: EventFilter = EventFilter(), limit: int | None = None,
                        min_sources: int = 1) -> Iterator[dict[str, Any]]:
    """Stored event clusters (``store.clusters.refresh_clusters``), first date first, then id.

    A cluster is read when at least one of its mentions matches the filter (the same fields as
    ``query_events``) and it has at least ``min_sources`` outlets; it comes with all its mentions
    (``members``: event id, evidence, trigger, article and why), its ``article_ids``, ``sources`` and its
    ``why`` lines as a list."""
    where, params = filter_clause(f)
    sql = "SELECT c.* FROM event_clusters c WHERE c.num_sources >= ?"
    params = [min_sources, *params]
    if where:
        sql += (" AND c.id IN (SELECT m.cluster_id FROM event_cluster_members m JOIN events e ON e.rowid = "
                "m.event_rowid JOIN articles a ON a.hash = e.article_hash" + where + ")")
    sql += " ORDER BY c.first_date IS NULL, c.first_date, c.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    for row in conn.execute(sql, params).fetchall():
        cluster = dict(row)
        cluster["negated"], cluster["hypothetical"] = bool(cluster["negated"]), bool(cluster["hypothetical"])
        cluster["why"] = json.loads(cluster["why"])
        members = [dict(m) for m in conn.execute(CLUSTER_MEMBERS, (cluster["id"],))]
        for m in members:
            del m["cluster_id"]
        cluster["article_ids"] = list(dict.fromkeys(m["article_id"] for m in members))
        cluster["sources"] = list(dict.fromkeys(m["article_source"] for m in members if m["article_source"]))
        cluster["members"] = members
        yield cluster


def article_cluster_of(conn: sqlite3.Connection, article_hash: str) -> list[dict[str, Any]]:
    """The stored near-duplicate cluster of an article: every member with its link, in article order."""
    sql = ("SELECT c.*, a.id AS article_id, a.source AS article_source FROM article_clusters c "
           "JOIN articles a ON a.hash = c.article_hash WHERE c.cluster_id = "
           "(SELECT cluster_id FROM article_clusters WHERE article_hash = ?) "
           "ORDER BY a.published IS NULL, a.published, a.id, a.hash")
    return [dict(r) for r in conn.execute(sql, (article_hash,))]


def count_rows(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def dump_store(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without timestamps, run ids and row ids: two stores of the same
    corpus compare equal whatever runs, kills and resumptions produced them. Failures compare as a set."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    for table in ("articles", "actors", "mentions", "quotes", "places", "times", "events", "failures",
                  "article_clusters", "event_clusters"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
        quoted = ", ".join(f'"{c}"' for c in columns)
        distinct = "DISTINCT " if table == "failures" else ""
        dump[table] = sorted((tuple(r) for r in conn.execute(f"SELECT {distinct}{quoted} FROM {table}")), key=repr)
    # Members by their event's article and position, not by row id (recoding renumbers events).
    dump["event_cluster_members"] = sorted((tuple(r) for r in conn.execute(
        "SELECT e.article_hash, e.n, m.cluster_id, m.why FROM event_cluster_members m "
        "JOIN events e ON e.rowid = m.event_rowid")), key=repr)
    return dump
