"""Read events from the store with filters (dates, actors, countries, codes, free text); used by exports."""

from __future__ import annotations

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


def count_rows(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def dump_store(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without timestamps, run ids and row ids: two stores of the same
    corpus compare equal whatever runs, kills and resumptions produced them. Failures compare as a set."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    for table in ("articles", "actors", "mentions", "quotes", "places", "times", "events", "failures"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
        quoted = ", ".join(f'"{c}"' for c in columns)
        distinct = "DISTINCT " if table == "failures" else ""
        dump[table] = sorted((tuple(r) for r in conn.execute(f"SELECT {distinct}{quoted} FROM {table}")), key=repr)
    return dump
