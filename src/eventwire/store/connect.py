"""Open the store: one SQLite file in WAL mode with foreign keys on, migrated to the current schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventwire.store.migrations import apply_migrations

# How long a connection waits for another's write lock before "database is locked". Every writer's
# transaction is short (a batch; a cluster refresh writes in pieces of about 0.1 s), so 30 s is ample.
BUSY_TIMEOUT_S = 30.0


def open_store(path: str | Path, migrate: bool = True) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL journal, foreign keys enforced."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_S)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    # WAL with synchronous=NORMAL is durable against a killed process (not against power loss mid-commit).
    conn.execute("PRAGMA synchronous=NORMAL")
    if migrate:
        apply_migrations(conn)
    return conn


def open_reader(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (``query_only``: it never writes, whatever a query says) that may be handed
    from thread to thread (one at a time), for the API's pool; the store must exist and be migrated."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA query_only=ON")
    return conn


def open_existing(path: str | Path) -> sqlite3.Connection:
    """Open a store that exists: one with a ``migrations`` table is brought up to the current schema (so an
    older store gains what readers need, e.g. ``events.day``); any other SQLite file is left as it is."""
    conn = open_store(path, migrate=False)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone():
        apply_migrations(conn)
    return conn
