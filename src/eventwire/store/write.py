"""Write coded articles and failures to the store, one transaction per batch; record runs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from eventwire.records import ArticleText, CodedArticle, SourceFailure, content_hash
from eventwire.store import rows


@dataclass(frozen=True)
class Versions:
    """What coded an article: the coder's code and the dictionaries (knowledge base, patterns, codebook)."""

    coder: str
    dictionary: str


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_run(conn: sqlite3.Connection, options: dict[str, Any], versions: Versions) -> int:
    cur = conn.execute("INSERT INTO runs (started, options, coder_version, dictionary_version) VALUES (?, ?, ?, ?)",
                       (now(), json.dumps(options, sort_keys=True), versions.coder, versions.dictionary))
    return int(cur.lastrowid or 0)


def finish_run(conn: sqlite3.Connection, run_id: int, counts: dict[str, int]) -> None:
    conn.execute("UPDATE runs SET finished = ?, counts = ? WHERE id = ?", (now(), json.dumps(counts), run_id))


def coded_versions(conn: sqlite3.Connection) -> dict[str, Versions]:
    """The content hash of every coded article and the versions that coded it."""
    return {h: Versions(c, d) for h, c, d in
            conn.execute("SELECT hash, coder_version, dictionary_version FROM articles")}


def write_batch(
    conn: sqlite3.Connection, run_id: int, coded: Sequence[tuple[ArticleText, CodedArticle]],
    failures: Sequence[SourceFailure], versions: Versions, replace: bool = False,
) -> int:
    """Store a batch atomically; an article already stored is kept unless ``replace``. Returns articles written."""
    written = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for item, record in coded:
            written += write_article(conn, run_id, item, record, versions, replace)
        stamp = now()
        conn.executemany("INSERT INTO failures (run_id, location, reason, at) VALUES (?, ?, ?, ?)",
                         [(run_id, f.location, f.reason, stamp) for f in failures])
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return written


def write_article(conn: sqlite3.Connection, run_id: int, item: ArticleText, coded: CodedArticle,
                  versions: Versions, replace: bool) -> int:
    key = content_hash(item.text)
    if replace:
        conn.execute("DELETE FROM articles WHERE hash = ?", (key,))
    elif conn.execute("SELECT 1 FROM articles WHERE hash = ?", (key,)).fetchone():
        return 0
    a = coded.article
    conn.execute(
        "INSERT INTO articles (hash, id, title, url, source, published, language, byline, location, text, warnings, "
        "coded_at, run_id, coder_version, dictionary_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (key, a.id, a.title, a.url, a.source, a.published, a.language, item.byline, item.location, item.text,
         json.dumps(list(coded.warnings)), now(), run_id, versions.coder, versions.dictionary),
    )
    conn.executemany("INSERT OR IGNORE INTO actors (id, name, kind) VALUES (?, ?, ?)",
                     list(rows.actor_rows(coded).values()))
    _insert(conn, "mentions", rows.MENTION_COLUMNS, key, [rows.mention_row(n, m) for n, m in enumerate(coded.mentions)])
    _insert(conn, "quotes", rows.QUOTE_COLUMNS, key, [rows.quote_row(n, q) for n, q in enumerate(coded.quotes)])
    _insert(conn, "places", rows.PLACE_COLUMNS, key, [rows.place_row(n, p) for n, p in enumerate(coded.places)])
    _insert(conn, "times", rows.TIME_COLUMNS, key, [rows.time_row(n, t) for n, t in enumerate(coded.times)])
    _insert(conn, "events", rows.EVENT_COLUMNS, key,
            [rows.event_row(n, e, item.text) for n, e in enumerate(coded.events)])
    return 1


def _insert(conn: sqlite3.Connection, table: str, columns: str, key: str, values: list[tuple[Any, ...]]) -> None:
    if not values:
        return
    marks = ", ".join("?" * (columns.count(",") + 2))
    conn.executemany(f"INSERT INTO {table} (article_hash, {columns}) VALUES ({marks})",
                     [(key, *v) for v in values])
