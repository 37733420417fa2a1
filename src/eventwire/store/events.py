"""Events selected by an ``EventFilter``: the export's stream (oldest day first) and the API's keyset pages
(newest day first, undated last), each event with its article."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from typing import Any

from eventwire.store.filters import EVERYTHING, Cond, EventFilter, event_where, keyset_after

# One event row: every events column (``day`` among them), its row key, and its article.
EVENT_FIELDS = """e.rowid AS key, e.*, a.id AS article_id, a.url AS article_url, a.title AS article_title,
  a.source AS article_source, a.published AS article_published, a.coded_at AS article_coded_at,
  a.coder_version AS article_coder_version"""
EVENT_ROW = f"SELECT {EVENT_FIELDS} FROM events e JOIN articles a ON a.hash = e.article_hash"


def event_stream_sql(f: EventFilter, limit: int | None = None) -> Cond:
    """The export's query: events by day (undated last), then article id and position."""
    cond, params = event_where(f).sql()
    sql = f"{EVENT_ROW} WHERE {cond} ORDER BY e.day IS NULL, e.day, a.id, e.n"
    if limit is not None:
        sql += " LIMIT ?"
        params = params + [limit]
    return sql, params


def query_events(conn: sqlite3.Connection, f: EventFilter = EVERYTHING, limit: int | None = None) -> (
        Iterator[dict[str, Any]]):
    """Events with their article's id, url, title, source, publication date, coding time and coder version."""
    sql, params = event_stream_sql(f, limit)
    for row in conn.execute(sql, params):
        yield dict(row)


def event_page_sql(f: EventFilter, after: tuple[Any, ...] | None, limit: int) -> Cond:
    """``(day, key)`` of one page, newest first (undated last): each branch of the filter (one per choice of
    source or target) and of the cursor (dated rows before it, undated rows) walks its own index in order from
    the cursor, the branches are merged, so a page costs about ``limit`` rows per branch whatever the store's
    size and however deep the page; ``after`` is the last ``(day, key)`` of the previous page."""
    subs, params = [], []
    for (cond, ps), (keyset, kp) in itertools.product(event_where(f).branches(), keyset_after(after)):
        subs.append(f"SELECT * FROM (SELECT e.day AS d, e.rowid AS k FROM events e WHERE {cond} AND {keyset} "
                    "ORDER BY e.day DESC, e.rowid DESC LIMIT ?)")
        params += ps + kp + [limit]
    return f"SELECT d, k FROM ({' UNION '.join(subs)}) ORDER BY d IS NULL, d DESC, k DESC LIMIT ?", params + [limit]


def event_page(conn: sqlite3.Connection, f: EventFilter, after: tuple[Any, ...] | None,
               limit: int) -> list[tuple[str | None, int]]:
    sql, params = event_page_sql(f, after, limit)
    return [(r[0], r[1]) for r in conn.execute(sql, params)]


def events_by_key(conn: sqlite3.Connection, keys: list[int]) -> list[sqlite3.Row]:
    """Event rows (``EVENT_ROW``) for row keys, in the order of ``keys``; unknown keys are left out."""
    if not keys:
        return []
    found = {r["key"]: r for r in conn.execute(f"{EVENT_ROW} WHERE e.rowid IN ({','.join('?' * len(keys))})", keys)}
    return [found[k] for k in keys if k in found]


def article_event_keys(conn: sqlite3.Connection, article_hash: str) -> list[int]:
    """The row keys of an article's events, in their order in the article."""
    return [r[0] for r in conn.execute("SELECT rowid FROM events WHERE article_hash = ? ORDER BY n", (article_hash,))]
