"""Migrations: recorded, applied once, never edited, and a fresh store equals a migrated one."""

from __future__ import annotations

import sqlite3

from eventwire.store.connect import open_existing, open_store
from eventwire.store.migrations import MIGRATIONS, apply_migrations, m007_event_background, migration_checksum
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.sample import varied_articles

# A released migration must never change: add a new one instead. Update a pin only for an unreleased migration.
PINNED = {
    "m001_create_tables": "5de3f657cd3170d1",
    "m002_full_text_search": "9f979f28285577a6",
    "m003_serve_indexes": "8ee1a5db329b072f",
    "m004_clusters": "b6659b07ae533b8d",
    "m005_event_day": "6ea41cd3640e8d13",
    "m006_incremental_clusters": "c12669be28e3ef5c",
    "m007_event_background": "da23a4155c3b00ad",
    "m008_event_flag_indexes": "8522228d9bb83791",
    "m009_dyad_days": "65f133cd0859f55f",
    "m010_event_page_indexes": "977e49ac1c880452",
}


def schema(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return sorted(tuple(r) for r in conn.execute("SELECT type, name, COALESCE(sql, '') FROM sqlite_master "
                               "WHERE name NOT LIKE 'sqlite_%'").fetchall())


def test_migrations_are_not_edited_after_release():
    assert {m.__name__: migration_checksum(m) for m in MIGRATIONS} == PINNED


def test_names_are_ordered_and_unique():
    names = [m.__name__ for m in MIGRATIONS]
    assert names == sorted(names) and len(set(names)) == len(names)


def test_applying_twice_is_a_no_op(tmp_path):
    conn = open_store(tmp_path / "s.db")
    before = schema(conn)
    assert apply_migrations(conn) == []
    assert schema(conn) == before
    assert [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")] == list(PINNED)


def test_background_column_defaults_to_news_for_existing_events(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(str(path), isolation_level=None)
    apply_migrations(old, MIGRATIONS[:6])  # a store from before m007_event_background
    old.execute("INSERT INTO runs (started, options, coder_version, dictionary_version) VALUES ('t', '{}', 'c', 'd')")
    old.execute("INSERT INTO articles (hash, id, text, warnings, coded_at, run_id, coder_version, dictionary_version)"
                " VALUES ('h', 'a', 'x', '[]', 't', 1, 'c', 'd')")
    old.execute("INSERT INTO actors (id, name) VALUES ('rus', 'Russia')")
    old.execute("INSERT INTO events (article_hash, n, id, start, \"end\", evidence, source_actor_id, cameo, root, "
                "negated, hypothetical) VALUES ('h', 0, 'a-E1', 0, 1, 'x', 'rus', '111', '11', 0, 0)")
    old.close()
    conn = open_existing(path)
    assert [tuple(r) for r in conn.execute("SELECT background FROM events")] == [(0,)]


def test_step_by_step_equals_fresh(tmp_path):
    fresh = open_store(tmp_path / "fresh.db")
    stepped = sqlite3.connect(str(tmp_path / "stepped.db"), isolation_level=None)
    for n in range(1, len(MIGRATIONS) + 1):
        apply_migrations(stepped, MIGRATIONS[:n])
    assert schema(stepped) == schema(fresh)


def test_store_settings(tmp_path):
    conn = open_store(tmp_path / "s.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def days(conn: sqlite3.Connection) -> dict[str, str | None]:
    return {r[0]: r[1] for r in conn.execute("SELECT id, day FROM events")}


EXPECTED_DAYS = {"v1-E1": "2024-08-23", "v2-E1": "2024-08-20", "v3-E1": "2024-08-25", "v4-E1": None,
                 "v5-E1": "2024-07-30", "v6-E1": "2024-08-20", "v7-E1": "2024-08-21", "v8-E1": "2024-08-22"}


def test_the_event_day_is_filled_for_an_existing_store(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(str(path), isolation_level=None)
    # A store written before m005_event_day, with the event columns today's writer fills (m007's ``background``).
    apply_migrations(old, (*MIGRATIONS[:4], m007_event_background))
    old.execute("PRAGMA foreign_keys=ON")
    write_batch(old, start_run(old, {}, Versions("c", "d")), varied_articles(), [], Versions("c", "d"))
    assert "day" not in [r[1] for r in old.execute("PRAGMA table_info(events)")]
    old.close()
    conn = open_existing(path)  # as `eventwire export` opens it
    assert days(conn) == EXPECTED_DAYS
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"events_day", "events_source_country_page", "events_dyad_country_flags"} <= indexes
    assert not {"events_date", "events_dyad_country", "events_dyad_country_day", "events_source_country_day"} & indexes


def test_triggers_keep_the_event_day_in_step(tmp_path):
    conn = open_store(tmp_path / "s.db")
    write_batch(conn, start_run(conn, {}, Versions("c", "d")), varied_articles(), [], Versions("c", "d"))
    assert days(conn) == EXPECTED_DAYS  # on insert
    conn.execute("UPDATE articles SET published = '2024-09-01T08:00:00Z' WHERE id = 'v4'")
    conn.execute("UPDATE articles SET published = '2024-09-02' WHERE id = 'v1'")  # v1-E1 has its own date
    conn.execute("UPDATE events SET date = '2024-06-01' WHERE id = 'v2-E1'")
    conn.execute("UPDATE events SET date = NULL WHERE id = 'v5-E1'")
    assert days(conn) == {**EXPECTED_DAYS, "v4-E1": "2024-09-01", "v2-E1": "2024-06-01", "v5-E1": "2024-08-10"}


def test_open_existing_leaves_a_foreign_file_alone(tmp_path):
    path = tmp_path / "other.db"
    plain = sqlite3.connect(str(path))
    plain.execute("CREATE TABLE events (rowid INTEGER PRIMARY KEY)")
    plain.close()
    conn = open_existing(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["events"]
