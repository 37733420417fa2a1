"""The store's schema as ordered, named migrations; each runs once and is recorded in ``migrations``.

Never edit a migration once released: add a new one. ``tests/store/test_migrations.py`` pins a
checksum of each migration's source so an edit fails the tests.
"""

from __future__ import annotations

import hashlib
import inspect
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]


def m001_create_tables(conn: sqlite3.Connection) -> None:
    """Runs, articles (keyed by content hash), actors and what was found in each article."""
    for sql in (
        """CREATE TABLE runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, options TEXT NOT NULL,
           counts TEXT, coder_version TEXT NOT NULL, dictionary_version TEXT NOT NULL)""",
        """CREATE TABLE articles (hash TEXT PRIMARY KEY, id TEXT NOT NULL, title TEXT, url TEXT, source TEXT,
           published TEXT, language TEXT, byline TEXT, location TEXT, text TEXT NOT NULL, warnings TEXT NOT NULL,
           coded_at TEXT NOT NULL, run_id INTEGER NOT NULL REFERENCES runs(id),
           coder_version TEXT NOT NULL, dictionary_version TEXT NOT NULL)""",
        "CREATE INDEX articles_id ON articles(id)",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT)",
        """CREATE TABLE mentions (rowid INTEGER PRIMARY KEY,
           article_hash TEXT NOT NULL REFERENCES articles(hash) ON DELETE CASCADE, n INTEGER NOT NULL,
           start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
           actor_id TEXT NOT NULL REFERENCES actors(id), code TEXT, country TEXT, sector TEXT, role TEXT, kind TEXT)""",
        """CREATE TABLE quotes (rowid INTEGER PRIMARY KEY,
           article_hash TEXT NOT NULL REFERENCES articles(hash) ON DELETE CASCADE, n INTEGER NOT NULL,
           id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
           speaker_actor_id TEXT REFERENCES actors(id), speaker_text TEXT, speaker_code TEXT,
           speaker_country TEXT, speaker_sector TEXT, cue_start INTEGER, cue_end INTEGER, cue_text TEXT)""",
        """CREATE TABLE places (rowid INTEGER PRIMARY KEY,
           article_hash TEXT NOT NULL REFERENCES articles(hash) ON DELETE CASCADE, n INTEGER NOT NULL,
           start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, name TEXT NOT NULL, country TEXT,
           lat REAL, lon REAL, geonameid INTEGER, feature TEXT, reason TEXT)""",
        """CREATE TABLE times (rowid INTEGER PRIMARY KEY,
           article_hash TEXT NOT NULL REFERENCES articles(hash) ON DELETE CASCADE, n INTEGER NOT NULL,
           start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, value TEXT, type TEXT, reason TEXT)""",
        """CREATE TABLE events (rowid INTEGER PRIMARY KEY,
           article_hash TEXT NOT NULL REFERENCES articles(hash) ON DELETE CASCADE, n INTEGER NOT NULL,
           id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, evidence TEXT NOT NULL,
           trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
           source_actor_id TEXT NOT NULL REFERENCES actors(id), source_text TEXT, source_name TEXT,
           source_code TEXT, source_country TEXT, source_sector TEXT,
           target_actor_id TEXT REFERENCES actors(id), target_text TEXT, target_name TEXT,
           target_code TEXT, target_country TEXT, target_sector TEXT,
           cameo TEXT NOT NULL, root TEXT NOT NULL, plover_type TEXT, plover_mode TEXT, plover_context TEXT,
           goldstein REAL, quad_class INTEGER, date TEXT, date_precision TEXT,
           location_text TEXT, location_name TEXT, location_country TEXT, location_lat REAL, location_lon REAL,
           location_geonameid INTEGER, location_feature TEXT,
           negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL, quote_id TEXT, confidence REAL, pattern TEXT)""",
        "CREATE INDEX events_article ON events(article_hash)",
        "CREATE INDEX events_date ON events(date)",
        "CREATE INDEX events_cameo ON events(cameo)",
        "CREATE INDEX events_source_code ON events(source_code)",
        "CREATE INDEX events_target_code ON events(target_code)",
        "CREATE INDEX mentions_article ON mentions(article_hash)",
        "CREATE INDEX quotes_article ON quotes(article_hash)",
        "CREATE INDEX places_article ON places(article_hash)",
        "CREATE INDEX times_article ON times(article_hash)",
        """CREATE TABLE failures (rowid INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id),
           location TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL)""",
        "CREATE INDEX failures_run ON failures(run_id)",
    ):
        conn.execute(sql)


def m002_full_text_search(conn: sqlite3.Connection) -> None:
    """FTS5 indexes over event evidence sentences and quote texts, kept in step by triggers."""
    for table, column in (("events", "evidence"), ("quotes", "text")):
        conn.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5({column}, content='{table}', content_rowid='rowid')")
        conn.execute(f"""CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN
            INSERT INTO {table}_fts(rowid, {column}) VALUES (new.rowid, new.{column}); END""")
        conn.execute(f"""CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN
            INSERT INTO {table}_fts({table}_fts, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); END""")


def m003_serve_indexes(conn: sqlite3.Connection) -> None:
    """Indexes for the HTTP API (docs/serve.md): dyad timelines read only the dyad index (it covers date,
    quad class and Goldstein); event lists walk a country's events newest first; profiles find an actor."""
    for sql in (
        "CREATE INDEX events_dyad_country ON events(source_country, target_country, date, quad_class, goldstein)",
        "CREATE INDEX events_dyad_code ON events(source_code, target_code, date, quad_class, goldstein)",
        "CREATE INDEX events_source_country_date ON events(source_country, date)",
        "CREATE INDEX events_target_country_date ON events(target_country, date)",
        "CREATE INDEX events_source_actor ON events(source_actor_id)",
        "CREATE INDEX events_target_actor ON events(target_actor_id)",
        "CREATE INDEX mentions_actor ON mentions(actor_id)",
        "CREATE INDEX quotes_speaker ON quotes(speaker_actor_id)",
    ):
        conn.execute(sql)


def m004_clusters(conn: sqlite3.Connection) -> None:
    """Stored deduplication (docs/dedup.md), recomputed by ``store.clusters.refresh_clusters``: each article's
    near-duplicate cluster and the link that put it there (``other_links``: JSON, the rare further links of an
    article that joined two stories); event clusters with their key, counts, dates and reasons (``why``: JSON
    list); each event's cluster and why it is there. Rows go with their article or event (cascade)."""
    for sql in (
        """CREATE TABLE article_clusters (
           article_hash TEXT PRIMARY KEY REFERENCES articles(hash) ON DELETE CASCADE,
           cluster_id TEXT NOT NULL, duplicate_of TEXT, similarity REAL, other_links TEXT)""",
        "CREATE INDEX article_clusters_cluster ON article_clusters(cluster_id)",
        """CREATE TABLE event_clusters (id TEXT PRIMARY KEY,
           source_code TEXT, target_code TEXT, cameo TEXT NOT NULL, date_key TEXT,
           negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL, location TEXT,
           num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL,
           num_stories INTEGER NOT NULL, first_date TEXT, last_date TEXT, why TEXT NOT NULL)""",
        "CREATE INDEX event_clusters_first_date ON event_clusters(first_date)",
        "CREATE INDEX event_clusters_cameo ON event_clusters(cameo)",
        "CREATE INDEX event_clusters_dyad ON event_clusters(source_code, target_code)",
        """CREATE TABLE event_cluster_members (
           event_rowid INTEGER PRIMARY KEY REFERENCES events(rowid) ON DELETE CASCADE,
           cluster_id TEXT NOT NULL REFERENCES event_clusters(id) ON DELETE CASCADE, why TEXT NOT NULL)""",
        "CREATE INDEX event_cluster_members_cluster ON event_cluster_members(cluster_id)",
    ):
        conn.execute(sql)


def m005_event_day(conn: sqlite3.Connection) -> None:
    """``events.day``, the day an event is filed under: its own date, else its article's publication date,
    as YYYY-MM-DD (docs/store.md, "The event day"). Stored, so date filters and newest-first pages walk an
    index; filled here for existing events and kept in step by triggers for every writer. The date indexes
    of ``m003_serve_indexes`` give way to the same indexes on the day. A writer that inserts events must
    insert their article first (as foreign keys require anyway)."""
    day_of = "substr(COALESCE({date}, (SELECT published FROM articles WHERE hash = {article})), 1, 10)"
    conn.execute("ALTER TABLE events ADD COLUMN day TEXT")
    conn.execute("UPDATE events SET day = " + day_of.format(date="date", article="events.article_hash"))
    for sql in (
        "CREATE TRIGGER events_day_insert AFTER INSERT ON events BEGIN UPDATE events SET day = "
        + day_of.format(date="new.date", article="new.article_hash") + " WHERE rowid = new.rowid; END",
        "CREATE TRIGGER events_day_update AFTER UPDATE OF date, article_hash ON events BEGIN UPDATE events SET day = "
        + day_of.format(date="new.date", article="new.article_hash") + " WHERE rowid = new.rowid; END",
        "CREATE TRIGGER articles_published_day AFTER UPDATE OF published ON articles BEGIN "
        "UPDATE events SET day = substr(COALESCE(date, new.published), 1, 10) WHERE article_hash = new.hash; END",
        "DROP INDEX events_date",
        "DROP INDEX events_source_country_date",
        "DROP INDEX events_target_country_date",
        "DROP INDEX events_dyad_country",
        "DROP INDEX events_dyad_code",
        "CREATE INDEX events_day ON events(day)",
        "CREATE INDEX events_source_country_day ON events(source_country, day)",
        "CREATE INDEX events_target_country_day ON events(target_country, day)",
        "CREATE INDEX events_dyad_country_day ON events(source_country, target_country, day, quad_class, goldstein)",
        "CREATE INDEX events_dyad_code_day ON events(source_code, target_code, day, quad_class, goldstein)",
    ):
        conn.execute(sql)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        conn.execute("ANALYZE events")  # a store with planner statistics gets them for the new indexes too


def m006_incremental_clusters(conn: sqlite3.Connection) -> None:
    """What an incremental cluster refresh needs (docs/dedup.md, "Incremental refresh"): each article's MinHash
    signature (null for a text without words) and its LSH band keys, to find a new article's near-duplicates by
    index; ``cluster_state``, one row: the settings the stored clusters were made with (null: refresh in full),
    the generation a refresh claims before it writes, and the lease of the refresh that is writing (who, and
    when it last wrote); ``cluster_removed``, what each deleted article leaves stale (its hash and id, its
    article cluster, its events' clusters), filled by a trigger before the delete cascades, emptied by the
    refresh that has dealt with it; an index on the event key."""
    for sql in (
        """CREATE TABLE article_signatures (id INTEGER PRIMARY KEY,
           article_hash TEXT NOT NULL UNIQUE REFERENCES articles(hash) ON DELETE CASCADE, signature BLOB)""",
        """CREATE TABLE article_bands (band INTEGER NOT NULL,
           signature_id INTEGER NOT NULL REFERENCES article_signatures(id) ON DELETE CASCADE,
           PRIMARY KEY (band, signature_id)) WITHOUT ROWID""",
        "CREATE INDEX article_bands_signature ON article_bands(signature_id)",
        """CREATE TABLE cluster_state (id INTEGER PRIMARY KEY CHECK (id = 1), settings TEXT,
           generation INTEGER NOT NULL, lease TEXT, lease_at REAL)""",
        "INSERT INTO cluster_state (id, settings, generation) VALUES (1, NULL, 0)",
        """CREATE TABLE cluster_removed (rowid INTEGER PRIMARY KEY AUTOINCREMENT, article_hash TEXT NOT NULL,
           article_id TEXT, article_cluster TEXT, event_cluster TEXT)""",
        """CREATE TRIGGER articles_cluster_removed BEFORE DELETE ON articles BEGIN
           INSERT INTO cluster_removed (article_hash, article_id, article_cluster)
             VALUES (old.hash, old.id, (SELECT cluster_id FROM article_clusters WHERE article_hash = old.hash));
           INSERT INTO cluster_removed (article_hash, event_cluster) SELECT DISTINCT old.hash, m.cluster_id
             FROM events e JOIN event_cluster_members m ON m.event_rowid = e.rowid WHERE e.article_hash = old.hash;
           END""",
        "CREATE INDEX event_clusters_key ON event_clusters(source_code, target_code, cameo, date_key, negated, "
        "hypothetical)",
    ):
        conn.execute(sql)


def m007_event_background(conn: sqlite3.Connection) -> None:
    """``events.background``: 1 for a deed told as background, not as the article's news (docs/schema.md,
    "Background"); events stored before it was read are 0, as their coder did not tell."""
    conn.execute("ALTER TABLE events ADD COLUMN background INTEGER NOT NULL DEFAULT 0")


def m008_event_flag_indexes(conn: sqlite3.Connection) -> None:
    """The dyad indexes of ``m005_event_day`` again, with the event flags ``negated``, ``hypothetical`` and
    ``background`` (``m007_event_background``) at their end: the API's default selection (actual events,
    docs/serve.md "Event flags") still reads a dyad timeline from the index alone. The old indexes are a
    prefix of the new ones, so they go."""
    for sql in (
        "DROP INDEX events_dyad_country_day",
        "DROP INDEX events_dyad_code_day",
        "CREATE INDEX events_dyad_country_flags ON events(source_country, target_country, day, quad_class, goldstein, "
        "negated, hypothetical, background)",
        "CREATE INDEX events_dyad_code_flags ON events(source_code, target_code, day, quad_class, goldstein, negated, "
        "hypothetical, background)",
    ):
        conn.execute(sql)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        conn.execute("ANALYZE events")


def m009_dyad_days(conn: sqlite3.Connection) -> None:
    """Per-day summaries for dyad timelines (docs/store.md, "Dyad day summaries"): ``dyad_days``, one row per
    source country, target country, event day and flags (``negated``, ``hypothetical``, ``background``) with
    its events, the events of each quad class 1-4 and the sum of their Goldstein scores (null scores count 0),
    for events with both countries and a day; ``published_days``, the articles per publication day (the first
    ten characters of ``published``). Filled here from the stored rows and kept exact by triggers for every
    writer: on inserting, deleting (a recode deletes its article, the events go by cascade) and changing an
    event or an article, including the changes of ``events.day`` that ``m005_event_day``'s triggers make. A
    row whose count falls to 0 is deleted."""
    dyad_key = ("source_country", "target_country", "day", "negated", "hypothetical", "background")
    quads = ", ".join(f"quad{q} INTEGER NOT NULL" for q in range(1, 5))
    conn.execute(f"""CREATE TABLE dyad_days (source_country TEXT NOT NULL, target_country TEXT NOT NULL,
        day TEXT NOT NULL, negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL, background INTEGER NOT NULL,
        events INTEGER NOT NULL, {quads}, goldstein REAL NOT NULL,
        PRIMARY KEY ({", ".join(dyad_key)})) WITHOUT ROWID""")
    conn.execute("CREATE TABLE published_days (day TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID")
    conn.execute("INSERT INTO dyad_days SELECT source_country, target_country, day, negated, hypothetical, background, "
                 "COUNT(*), " + ", ".join(f"SUM(quad_class IS {q})" for q in range(1, 5)) + ", TOTAL(goldstein) "
                 "FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND day IS NOT NULL "
                 "GROUP BY source_country, target_country, day, negated, hypothetical, background")
    conn.execute("INSERT INTO published_days SELECT substr(published, 1, 10), COUNT(*) FROM articles "
                 "WHERE published IS NOT NULL GROUP BY substr(published, 1, 10)")

    def add_event(row: str, sign: str) -> str:
        """Count one event (``row``: new or old) in or (``sign`` -1) out of its dyad day, if it has one."""
        values = ", ".join([*(f"{row}.{c}" for c in dyad_key), sign,
                            *(f"{sign} * ({row}.quad_class IS {q})" for q in range(1, 5)),
                            f"{sign} * IFNULL({row}.goldstein, 0)"])
        totals = ", ".join(f"{c} = {c} + excluded.{c}" for c in ("events", "quad1", "quad2", "quad3", "quad4",
                                                                 "goldstein"))
        has_key = " AND ".join(f"{row}.{c} IS NOT NULL" for c in dyad_key[:3])
        return (f"INSERT INTO dyad_days SELECT {values} WHERE {has_key} "
                f"ON CONFLICT ({', '.join(dyad_key)}) DO UPDATE SET {totals};")

    def drop_empty(row: str) -> str:
        return ("DELETE FROM dyad_days WHERE " + " AND ".join(f"{c} = {row}.{c}" for c in dyad_key)
                + " AND events = 0;")

    def add_article(row: str, sign: str) -> str:
        return (f"INSERT INTO published_days SELECT substr({row}.published, 1, 10), {sign} "
                f"WHERE {row}.published IS NOT NULL "
                "ON CONFLICT (day) DO UPDATE SET articles = articles + excluded.articles;")

    drop_empty_day = "DELETE FROM published_days WHERE day = substr(old.published, 1, 10) AND articles = 0;"
    counted = (*dyad_key, "quad_class", "goldstein")
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in counted)
    for sql in (
        f"CREATE TRIGGER events_dyad_days_insert AFTER INSERT ON events BEGIN {add_event('new', '1')} END",
        f"CREATE TRIGGER events_dyad_days_delete AFTER DELETE ON events BEGIN {add_event('old', '-1')} "
        f"{drop_empty('old')} END",
        f"CREATE TRIGGER events_dyad_days_update AFTER UPDATE OF {', '.join(counted)} ON events WHEN {changed} "
        f"BEGIN {add_event('old', '-1')} {drop_empty('old')} {add_event('new', '1')} END",
        f"CREATE TRIGGER articles_published_days_insert AFTER INSERT ON articles BEGIN {add_article('new', '1')} END",
        f"CREATE TRIGGER articles_published_days_delete AFTER DELETE ON articles BEGIN {add_article('old', '-1')} "
        f"{drop_empty_day} END",
        "CREATE TRIGGER articles_published_days_update AFTER UPDATE OF published ON articles "
        f"WHEN old.published IS NOT new.published BEGIN {add_article('old', '-1')} {drop_empty_day} "
        f"{add_article('new', '1')} END",
    ):
        conn.execute(sql)


def m010_event_page_indexes(conn: sqlite3.Connection) -> None:
    """The side indexes of ``m005_event_day`` (``events_source_country_day``, ``events_target_country_day``) again
    with the row key after the day (the tie-break of the newest-first order) and then the columns of the event
    list's commonest filters: CAMEO code, root, quad class and the flags ``negated``, ``hypothetical``,
    ``background``. A page of a country's events in a window (``store.events.event_page``) checks those filters
    in the index and reads the table only for the events on the page, instead of every event of the country it
    walks past. The old indexes are a prefix of the new ones, so they go."""
    for sql in (
        "DROP INDEX events_source_country_day",
        "DROP INDEX events_target_country_day",
        "CREATE INDEX events_source_country_page ON events(source_country, day, rowid, cameo, root, quad_class, "
        "negated, hypothetical, background)",
        "CREATE INDEX events_target_country_page ON events(target_country, day, rowid, cameo, root, quad_class, "
        "negated, hypothetical, background)",
    ):
        conn.execute(sql)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        conn.execute("ANALYZE events")


MIGRATIONS: tuple[Migration, ...] = (m001_create_tables, m002_full_text_search, m003_serve_indexes, m004_clusters,
                                     m005_event_day, m006_incremental_clusters, m007_event_background,
                                     m008_event_flag_indexes, m009_dyad_days,
                                     m010_event_page_indexes)


def migration_checksum(migration: Migration) -> str:
    return hashlib.sha256(inspect.getsource(migration).encode("utf-8")).hexdigest()[:16]


def apply_migrations(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply, in order, each migration not yet recorded, each in its own transaction; return their names."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    applied = []
    for migration in migrations:
        if migration.__name__ in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration(conn)
            conn.execute("INSERT INTO migrations VALUES (?, ?, ?)", (
                migration.__name__, migration_checksum(migration), datetime.now(UTC).isoformat(timespec="seconds")))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(migration.__name__)
    return applied
