"""What a feed poller remembers between polls (ETag, Last-Modified, items seen), behind a two-method store."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

MAX_SEEN = 5000  # item ids kept per feed; feeds show their newest few dozen, so this never forgets a live one


@dataclass(frozen=True)
class FeedState:
    """The validators of the last full answer and the ids of the items already taken, newest last."""

    etag: str | None = None
    modified: str | None = None
    seen: tuple[str, ...] = ()

    def with_seen(self, ids: list[str]) -> FeedState:
        """A copy that also remembers ``ids``, keeping at most ``MAX_SEEN``."""
        known = set(self.seen)
        merged = self.seen + tuple(i for i in dict.fromkeys(ids) if i not in known)
        return replace(self, seen=merged[-MAX_SEEN:])


class FeedStateStore(Protocol):
    """Where feed states live: a JSON file here; the SQLite store can implement the same two methods."""

    def load(self, feed_url: str) -> FeedState: ...

    def save(self, feed_url: str, state: FeedState) -> None: ...


class MemoryFeedStates:
    """Feed states in a dict, for tests and one-off runs."""

    def __init__(self) -> None:
        self._states: dict[str, FeedState] = {}

    def load(self, feed_url: str) -> FeedState:
        return self._states.get(feed_url, FeedState())

    def save(self, feed_url: str, state: FeedState) -> None:
        self._states[feed_url] = state


class JsonFeedStates:
    """Feed states in one JSON file, rewritten atomically on each save so a kill never leaves half a file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def load(self, feed_url: str) -> FeedState:
        entry = self._read().get(feed_url)
        if not isinstance(entry, dict):
            return FeedState()
        return FeedState(etag=entry.get("etag"), modified=entry.get("modified"), seen=tuple(entry.get("seen", ())))

    def save(self, feed_url: str, state: FeedState) -> None:
        data = self._read()
        data[feed_url] = {"etag": state.etag, "modified": state.modified, "seen": list(state.seen)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, sort_keys=True)
        os.replace(temporary, self.path)

    def _read(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("feed state %s is unreadable (%s); starting afresh", self.path, error)
            return {}
        return data if isinstance(data, dict) else {}
