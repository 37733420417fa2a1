"""Open the store: one SQLite file in WAL mode with foreign keys on, migrated to the current schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventwire.store.migrations import apply_migrations


def open_store(path: str | Path, migrate: bool = True) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL journal, foreign keys enforced."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    # WAL with synchronous=NORMAL is durable against a killed process (not against power loss mid-commit).
    conn.execute("PRAGMA synchronous=NORMAL")
    if migrate:
        apply_migrations(conn)
    return conn
