"""A small LRU cache of aggregate answers, valid while the store is unchanged (checked on every read)."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

# Every write goes through a run (a new runs row) and new events get new row ids, even when an article is
# recoded (its rows are deleted, then inserted again): so these two maxima change whenever the data do.
STORE_STAMP = "SELECT (SELECT MAX(rowid) FROM events), (SELECT MAX(id) FROM runs), (SELECT MAX(finished) FROM runs)"


class AnswerCache:
    """Answers keyed by their parameters and the store's stamp; at most ``size`` kept, least used dropped."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], Any]) -> Any:
        stamped = (tuple(conn.execute(STORE_STAMP).fetchone()), key)
        with self._lock:
            if stamped in self._items:
                self._items.move_to_end(stamped)
                return self._items[stamped]
        value = compute()
        with self._lock:
            self._items[stamped] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
