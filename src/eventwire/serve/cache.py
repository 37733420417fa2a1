"""A small LRU cache of aggregate answers, valid while the store is unchanged (``store.lookups.store_stamp``,
checked on every read). An answer being computed is computed once: requests that ask for it meanwhile wait
for it instead of computing it again (many clients opening the same dashboard at once)."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from eventwire.store.lookups import store_stamp


class _Pending:
    """An answer one thread is computing; the others wait on ``done``. ``failed``: it raised (each waiter then
    computes it itself, so every request gets its own error)."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: Any = None
        self.failed = False


class AnswerCache:
    """Answers keyed by their parameters and the store's stamp; at most ``size`` kept, least used dropped."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._pending: dict[Hashable, _Pending] = {}
        self._lock = threading.Lock()

    def get(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], Any]) -> Any:
        stamped = (store_stamp(conn), key)
        with self._lock:
            if stamped in self._items:
                self._items.move_to_end(stamped)
                return self._items[stamped]
            pending = self._pending.get(stamped)
            mine = pending is None
            if pending is None:
                pending = self._pending[stamped] = _Pending()
        if not mine:
            pending.done.wait()
            return compute() if pending.failed else pending.value
        try:
            value = compute()
        except BaseException:
            pending.failed = True
            raise
        else:
            pending.value = value
            with self._lock:
                self._items[stamped] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        finally:
            with self._lock:
                del self._pending[stamped]
            pending.done.set()
        return value
