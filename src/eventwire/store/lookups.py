"""Reads of the API beyond event filters: articles, quotes, actors, the spans of an event's evidence, and
the store's stamp (what changes whenever the data do)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from eventwire.store.filters import Cond, all_of, code_prefix

# Every write goes through a run (a new runs row) and new events get new row ids, even when an article is
# recoded (its rows are deleted, then inserted again): so these maxima change whenever the data do.
STORE_STAMP = "SELECT (SELECT MAX(rowid) FROM events), (SELECT MAX(id) FROM runs), (SELECT MAX(finished) FROM runs)"


def store_stamp(conn: sqlite3.Connection) -> tuple[Any, ...]:
    return tuple(conn.execute(STORE_STAMP).fetchone())


def max_event_key(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT MAX(rowid) FROM events").fetchone()[0] or 0)


def article_page(conn: sqlite3.Connection, since: str | None, until: str | None, source: str | None,
                 after: tuple[Any, ...] | None, limit: int) -> list[dict[str, Any]]:
    """Articles published in ``since``..``until`` (days, inclusive) from ``source``, newest first (undated
    last), keyset on ``(published, hash)``, with their event and quote counts."""
    conds: list[Cond] = []
    for cond, value in (("a.published >= ?", since), ("a.published < ?", until and f"{until}~"),
                        ("a.source = ?", source)):
        if value is not None:
            conds.append((cond, [value]))
    if after is not None:
        day, key = after
        conds.append(("a.published IS NULL AND a.hash < ?", [key]) if day is None else
                     ("(a.published < ? OR (a.published = ? AND a.hash < ?) OR a.published IS NULL)", [day, day, key]))
    cond, params = all_of(conds)
    sql = ("SELECT a.hash, a.id, a.title, a.url, a.source, a.published, a.language, a.coded_at, "
           "(SELECT COUNT(*) FROM events e WHERE e.article_hash = a.hash) AS events, "
           "(SELECT COUNT(*) FROM quotes q WHERE q.article_hash = a.hash) AS quotes "
           f"FROM articles a WHERE {cond} ORDER BY a.published IS NULL, a.published DESC, a.hash DESC LIMIT ?")
    return [dict(r) for r in conn.execute(sql, params + [limit])]


def article_detail(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """One article with its text, quotes, mentions, places and times (its events: ``events.article_event_keys``)."""
    row = conn.execute("SELECT hash, id, title, url, source, published, language, byline, location, text, "
                       "warnings, coded_at, coder_version, dictionary_version FROM articles WHERE hash = ?",
                       (key,)).fetchone()
    if row is None:
        return None
    article = dict(row)
    article["warnings"] = json.loads(article["warnings"] or "[]")
    for table, columns in (
        ("quotes", "id, start, \"end\", text, kind, speaker_actor_id, speaker_text, speaker_code, speaker_country, "
                   "cue_start, cue_end, cue_text"),
        ("mentions", "start, \"end\", text, actor_id, code, country, sector, role, kind"),
        ("places", "start, \"end\", text, name, country, lat, lon, geonameid, feature"),
        ("times", "start, \"end\", text, value, type"),
    ):
        article[table] = [dict(r) for r in conn.execute(
            f"SELECT {columns} FROM {table} WHERE article_hash = ? ORDER BY n", (key,))]
    return article


def article_text(conn: sqlite3.Connection, article_hash: str) -> str | None:
    row = conn.execute("SELECT text FROM articles WHERE hash = ?", (article_hash,)).fetchone()
    return None if row is None else str(row[0])


def quote_of(conn: sqlite3.Connection, article_hash: str, quote_id: str) -> dict[str, Any] | None:
    """An article's quote by id: its span, text, kind, speaker and cue."""
    row = conn.execute("SELECT id, start, \"end\", text, kind, speaker_actor_id, speaker_text, speaker_code, "
                       "cue_start, cue_end, cue_text FROM quotes WHERE article_hash = ? AND id = ?",
                       (article_hash, quote_id)).fetchone()
    return None if row is None else dict(row)


def mention_spans(conn: sqlite3.Connection, article_hash: str, actor_id: str,
                  within: tuple[int, int] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each mention of an actor in an article, only inside ``within`` if given."""
    sql = "SELECT start, \"end\", text FROM mentions WHERE article_hash = ? AND actor_id = ?"
    params: list[Any] = [article_hash, actor_id]
    if within is not None:
        sql += " AND start >= ? AND \"end\" <= ?"
        params += list(within)
    return [(r[0], r[1], r[2]) for r in conn.execute(sql, params)]


QUOTE_ROWS = ("SELECT q.rowid AS key, q.id, q.start, q.\"end\", q.text, q.kind, q.speaker_actor_id, q.speaker_text, "
              "q.speaker_code, q.speaker_country, q.cue_text, a.hash AS article_hash, a.id AS article_id, "
              "a.title AS article_title, a.published AS article_published FROM quotes q "
              "JOIN articles a ON a.hash = q.article_hash")


def quote_page(conn: sqlite3.Connection, speaker: str | None, speaker_code: str | None, mentions: str | None,
               fts: str | None, after: int | None, limit: int) -> list[dict[str, Any]]:
    """Quotes newest first (by row), filtered by speaker id or code, an actor named inside, free text."""
    conds: list[Cond] = []
    if speaker:
        conds.append(("q.speaker_actor_id = ?", [speaker]))
    if speaker_code:
        conds.append(code_prefix("q.speaker_code", speaker_code))
    if mentions:
        conds.append(("EXISTS (SELECT 1 FROM mentions m WHERE m.article_hash = q.article_hash AND m.actor_id = ? "
                      "AND m.start >= q.start AND m.\"end\" <= q.\"end\")", [mentions]))
    if fts:
        conds.append(("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", [fts]))
    if after is not None:
        conds.append(("q.rowid < ?", [after]))
    cond, params = all_of(conds)
    sql = f"{QUOTE_ROWS} WHERE {cond} ORDER BY q.rowid DESC LIMIT ?"
    return [dict(r) for r in conn.execute(sql, params + [limit])]


def actor_row(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT id, name, kind FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return None if row is None else dict(row)


def search_actors(conn: sqlite3.Connection, text: str, limit: int) -> list[dict[str, Any]]:
    """Actors whose name or id contains ``text`` (case-insensitive), shortest name first."""
    like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        "SELECT a.id, a.name, a.kind FROM actors a WHERE a.name LIKE ? ESCAPE '\\' OR a.id LIKE ? ESCAPE '\\' "
        "ORDER BY length(a.name), a.name LIMIT ?", (like, like, limit)).fetchall()
    return [dict(r) for r in rows]


def actor_codes(conn: sqlite3.Connection, actor_id: str) -> list[dict[str, Any]]:
    """The codes an actor carried in the store's events, with the first and last event day of each."""
    sql = ("SELECT code, country, MIN(day) AS first, MAX(day) AS last, COUNT(*) AS events FROM ("
           "SELECT source_code AS code, source_country AS country, day FROM events WHERE source_actor_id = ? "
           "UNION ALL SELECT target_code, target_country, day FROM events WHERE target_actor_id = ?) "
           "GROUP BY code, country ORDER BY first")
    return [dict(r) for r in conn.execute(sql, (actor_id, actor_id))]


def counterparts(conn: sqlite3.Connection, actor_id: str, limit: int) -> list[dict[str, Any]]:
    """Who the actor acts on and who acts on it: events each way and mean Goldstein."""
    sql = ("SELECT other, name, direction, COUNT(*) AS events, ROUND(AVG(goldstein), 3) AS goldstein_mean FROM ("
           "SELECT target_actor_id AS other, target_name AS name, 'acts on' AS direction, goldstein FROM events "
           "WHERE source_actor_id = ? AND target_actor_id IS NOT NULL "
           "UNION ALL SELECT source_actor_id, source_name, 'acted on by', goldstein FROM events "
           "WHERE target_actor_id = ?) GROUP BY other, direction ORDER BY events DESC, other LIMIT ?")
    return [dict(r) for r in conn.execute(sql, (actor_id, actor_id, limit))]
