"""A small pool of read connections to the store, shared by the request threads of one app."""

from __future__ import annotations

import queue
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.store.connect import open_reader, open_store


class ConnectionPool:
    """Opens connections on demand up to ``size`` and hands each to one thread at a time."""

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._slots = queue.Queue[None](maxsize=size)
        for _ in range(size):
            self._slots.put(None)

    def _open(self) -> sqlite3.Connection:
        return open_reader(self.path)

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection for the length of a ``with`` block."""
        self._slots.get()
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._open()
        try:
            yield conn
        finally:
            self._idle.put(conn)
            self._slots.put(None)

    @contextmanager
    def writer(self) -> Iterator[sqlite3.Connection]:
        """A fresh read-write connection (POST /code is rare; writes are serialised by SQLite)."""
        conn = open_store(self.path, migrate=False)
        try:
            yield conn
        finally:
            conn.close()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
