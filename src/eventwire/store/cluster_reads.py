"""Stored event clusters (``store.clusters.refresh_clusters``) selected by an ``EventFilter``: a cluster is
selected when at least one of its mentions matches. Read by ``eventwire export --format clusters`` (first
date first) and the API (newest first date first, keyset pages), with one query for their members."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from eventwire.store.events import EVENT_FIELDS
from eventwire.store.filters import EVERYTHING, Cond, EventFilter, all_of, any_of, event_where, keyset_after

# The mentions of clusters: each event row (``events.EVENT_FIELDS``) with its cluster and why it is there,
# earliest article first.
CLUSTER_MEMBERS = f"""SELECT m.cluster_id, m.why AS member_why, {EVENT_FIELDS}
FROM event_cluster_members m JOIN events e ON e.rowid = m.event_rowid JOIN articles a ON a.hash = e.article_hash
WHERE m.cluster_id IN ({{marks}}) ORDER BY a.published IS NULL, a.published, a.id, a.hash, e.n"""

OLDEST_FIRST = "c.first_date IS NULL, c.first_date, c.id"
NEWEST_FIRST = "c.first_date IS NULL, c.first_date DESC, c.id DESC"
MEMBERS_AT_ONCE = 500

# The fields of a mention in ``read_event_clusters`` (docs/export.md, "clusters"), from a CLUSTER_MEMBERS row.
EXPORT_MEMBER = (("why", "member_why"), ("event_id", "id"), ("n", "n"), ("date", "date"),
                 ("date_precision", "date_precision"), ("evidence", "evidence"), ("trigger_text", "trigger_text"),
                 ("source_text", "source_text"), ("target_text", "target_text"), ("location_name", "location_name"),
                 ("confidence", "confidence"), ("article_hash", "article_hash"), ("article_id", "article_id"),
                 ("article_source", "article_source"), ("article_url", "article_url"),
                 ("article_title", "article_title"), ("article_published", "article_published"))


def matching(f: EventFilter) -> list[Cond]:
    """Clusters with a mention that matches ``f`` (no condition when ``f`` selects everything)."""
    w = event_where(f)
    if not (w.all or w.either):
        return []
    cond, params = w.sql()
    return [("c.id IN (SELECT m.cluster_id FROM event_cluster_members m JOIN events e ON e.rowid = m.event_rowid "
             f"WHERE {cond})", params)]


def select_clusters(conn: sqlite3.Connection, f: EventFilter = EVERYTHING, *, newest_first: bool = False,
                    after: tuple[Any, ...] | None = None, limit: int | None = None,
                    min_sources: int = 0) -> list[sqlite3.Row]:
    """``event_clusters`` rows with a mention matching ``f`` and at least ``min_sources`` outlets, first date
    first then id (``newest_first``: the reverse, undated last, after the ``(first_date, id)`` cursor)."""
    conds = [*matching(f), *([("c.num_sources >= ?", [min_sources])] if min_sources > 0 else [])]
    if newest_first:
        conds.append(any_of(keyset_after(after, "c.first_date", "c.id")))
    cond, params = all_of(conds)
    sql = f"SELECT c.* FROM event_clusters c WHERE {cond} ORDER BY {NEWEST_FIRST if newest_first else OLDEST_FIRST}"
    if limit is not None:
        sql += " LIMIT ?"
        params = params + [limit]
    return conn.execute(sql, params).fetchall()


def cluster_members(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[sqlite3.Row]]:
    """The mentions (``CLUSTER_MEMBERS`` rows) of each cluster id, earliest article first."""
    members: dict[str, list[sqlite3.Row]] = {i: [] for i in ids}
    for start in range(0, len(ids), MEMBERS_AT_ONCE):
        chunk = ids[start:start + MEMBERS_AT_ONCE]
        for m in conn.execute(CLUSTER_MEMBERS.format(marks=",".join("?" * len(chunk))), chunk):
            members[m["cluster_id"]].append(m)
    return members


def read_event_clusters(conn: sqlite3.Connection, f: EventFilter = EVERYTHING, limit: int | None = None,
                        min_sources: int = 1) -> Iterator[dict[str, Any]]:
    """Stored event clusters, first date first, then id, for the export: each with all its mentions
    (``members``: event id, evidence, trigger, article and why), its ``article_ids``, ``sources`` and its
    ``why`` lines as a list."""
    rows = select_clusters(conn, f, limit=limit, min_sources=min_sources)
    for start in range(0, len(rows), MEMBERS_AT_ONCE):
        chunk = rows[start:start + MEMBERS_AT_ONCE]
        members = cluster_members(conn, [r["id"] for r in chunk])
        for row in chunk:
            cluster = dict(row)
            cluster["negated"], cluster["hypothetical"] = bool(cluster["negated"]), bool(cluster["hypothetical"])
            cluster["why"] = json.loads(cluster["why"])
            mentions = [{name: m[column] for name, column in EXPORT_MEMBER} for m in members[row["id"]]]
            cluster["article_ids"] = list(dict.fromkeys(m["article_id"] for m in mentions))
            cluster["sources"] = list(dict.fromkeys(m["article_source"] for m in mentions if m["article_source"]))
            cluster["members"] = mentions
            yield cluster


def has_cluster_tables(conn: sqlite3.Connection) -> bool:
    """Whether the store has the cluster tables (``m004_clusters``; a store opened without migrating may not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'event_clusters'").fetchone() is not None


def has_clusters(conn: sqlite3.Connection) -> bool:
    """Whether any event cluster is stored."""
    return conn.execute("SELECT 1 FROM event_clusters LIMIT 1").fetchone() is not None
