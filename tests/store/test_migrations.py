"""Migrations: recorded, applied once, never edited, and a fresh store equals a migrated one."""

from __future__ import annotations

import sqlite3

from eventwire.store.connect import open_store
from eventwire.store.migrations import MIGRATIONS, apply_migrations, migration_checksum

# A released migration must never change: add a new one instead. Update a pin only for an unreleased migration.
PINNED = {
    "m001_create_tables": "5de3f657cd3170d1",
    "m002_full_text_search": "9f979f28285577a6",
    "m003_serve_indexes": "8ee1a5db329b072f",
    "m004_clusters": "b6659b07ae533b8d",
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
