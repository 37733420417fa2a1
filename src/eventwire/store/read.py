"""Small reads: quote search, an article's near-duplicates, row counts, and a canonical dump of a whole store.

Events by filter: ``store.events``; event clusters: ``store.cluster_reads``."""

from __future__ import annotations

import sqlite3
from typing import Any

# Columns that change from run to run (times, run ids, row ids) and are left out of a canonical dump.
VOLATILE = {"rowid", "coded_at", "run_id", "at", "applied_at", "started", "finished", "counts", "options"}


def search_quotes(conn: sqlite3.Connection, query: str) -> list[dict[str, Any]]:
    """Quotes whose text matches an FTS5 query, with their article id."""
    sql = ("SELECT q.*, a.id AS article_id FROM quotes q JOIN articles a ON a.hash = q.article_hash "
           "WHERE q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?) ORDER BY a.id, q.n")
    return [dict(r) for r in conn.execute(sql, (query,))]


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
