"""The one run lifecycle of ``run``, ``watch`` and ``POST /api/code``: start a recorded run, write batches
(each one transaction), refresh the stored clusters when something new was written, finish the run."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from eventwire.records import CodedArticle
from eventwire.store.clusters import ClusterCounts, refresh_clusters
from eventwire.store.write import Versions, finish_run, start_run, write_batch

Coded = tuple[Any, CodedArticle]  # (the input article, its record)


class RunSession:
    """One recorded run over an open store; ``counts`` accumulate what the run did."""

    def __init__(self, conn: sqlite3.Connection, options: Mapping[str, Any], versions: Versions,
                 clusters: bool = True, counts: Counter[str] | None = None) -> None:
        self.conn = conn
        self.versions = versions
        self.clusters = clusters
        self.run_id = start_run(conn, dict(options), versions)
        self.counts: Counter[str] = counts if counts is not None else Counter()

    def write(self, coded: Sequence[Coded], failures: Sequence[Any], replace: bool = False) -> int:
        """Write records and failures in one transaction; how many articles were newly written."""
        written = write_batch(self.conn, self.run_id, coded, failures, self.versions, replace)
        self.counts["coded"] += written
        self.counts["failures"] += len(failures)
        return written

    def refresh(self) -> ClusterCounts | None:
        """Refresh article and event clusters if the run keeps them and anything is new (docs/dedup.md)."""
        if not self.clusters:
            return None
        refreshed = refresh_clusters(self.conn, if_stale=True)
        if refreshed is not None:
            self.counts["article_clusters"] = refreshed.article_clusters
            self.counts["event_clusters"] = refreshed.event_clusters
        return refreshed

    def finish(self, counts: Mapping[str, int] | None = None) -> None:
        """Record the run's end and counts (``counts`` replaces the session's own where given)."""
        finish_run(self.conn, self.run_id, dict(self.counts) | dict(counts or {}))
