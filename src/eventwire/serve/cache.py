"""A small LRU cache of aggregate answers, valid while the store is unchanged (``store.lookups.store_stamp``,
checked on every read)."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from eventwire.store.lookups import store_stamp


class AnswerCache:
    """Answers keyed by their parameters and the store's stamp; at most ``size`` kept, least used dropped."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], Any]) -> Any:
        stamped = (store_stamp(conn), key)
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
