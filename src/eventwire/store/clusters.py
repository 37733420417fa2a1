"""Stored deduplication: keep the article and event clusters of the store up to date (docs/dedup.md).

``refresh_clusters`` recomputes only what new, recoded or deleted articles and events touch
(``store.cluster_plan``, computed from one read snapshot outside any write transaction), then writes it in
short transactions of about ``ROWS_PER_WRITE`` rows each (about 0.1 s), each followed by a pause as long as
itself, so that other writers (``run``, ``watch``, ``POST /api/code``) get the lock within a fraction of a
second, never waiting for the whole refresh (waiting writers retry every 0.1 s at most; back-to-back
transactions would leave them no opening).

One refresh writes at a time: before its first write it claims ``cluster_state``'s next generation and a
lease, renewed by every write and released by the last (one left by a killed process expires after
``LEASE_S``); another refresh waits for the lease, then plans again. Every write re-checks, inside its
transaction, that the generation is still the one claimed and that no article the plan read was deleted
since its snapshot (``cluster_removed``, filled by a trigger); if either fails, the refresh plans again.
Articles and events written meanwhile are safe: they have no cluster rows yet, so the next refresh sees
them. Writes go in an order that leaves whatever is still stale detectable after any stop, a kill -9
included: event keys first, then whole article components (a new article stops being new only with its
whole component), then the record of deletions is cleared and the settings are stored, last.

Determinism: articles are taken in one total order (publication date, undated last, then article id,
then content hash) and events in their article's order, then by position. So the same store always
gives the same clusters and the same ids, whatever the order of the refreshes that built it: an article
cluster's id is the content hash of its first article in that order; an event cluster's id is
``merge_events``'s hash of its key and place. In explanations (``why``) articles are named by their id;
when two stored texts share an id (a file edited between runs), by ``id@`` and the first 12 characters of
the hash.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from eventwire.store.cluster_inputs import KEY_COLUMNS, chunked, marks
from eventwire.store.cluster_plan import ArticleUnit, KeyGroup, RefreshPlan, plan_refresh

log = logging.getLogger(__name__)

ROWS_PER_WRITE = 8000  # rows (an article's signature and band keys count 26) in one write transaction
ATTEMPTS = 3  # plans a refresh makes when deletions keep spoiling them
LEASE_S = 30.0  # a refresh that has not written for this long has died: its lease may be taken
WAIT_S = 300.0  # the longest a refresh waits for another one that is writing
POLL_S = 0.2

INSERT_EVENT_CLUSTER = (
    "INSERT INTO event_clusters (id, source_code, target_code, cameo, date_key, negated, hypothetical, location, "
    "num_mentions, num_articles, num_sources, num_stories, first_date, last_date, why) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
DELETE_KEY = "DELETE FROM event_clusters WHERE " + " AND ".join(f"{c} IS ?" for c in KEY_COLUMNS)

T = TypeVar("T")


@dataclass(frozen=True)
class ClusterCounts:
    """What the store holds after a refresh (articles and their stories, events and their clusters) and what
    the refresh did: ``full`` (everything recomputed), articles and event keys recomputed, write transactions,
    the longest one (seconds), and whether it finished (``complete``; if not, what is left is still stale)."""

    articles: int
    article_clusters: int
    events: int
    event_clusters: int
    full: bool = False
    articles_recomputed: int = 0
    keys_recomputed: int = 0
    writes: int = 0
    longest_write_s: float = 0.0
    complete: bool = True


def clusters_up_to_date(conn: sqlite3.Connection) -> bool:
    """True when every article and every event has its cluster row and no deleted article left clusters to redo.

    Deleted rows take their cluster rows with them (foreign keys), so a recoded article shows up as new."""
    missing = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM articles a LEFT JOIN article_clusters c ON c.article_hash = a.hash "
        "WHERE c.article_hash IS NULL) OR EXISTS (SELECT 1 FROM events e "
        "LEFT JOIN event_cluster_members m ON m.event_rowid = e.rowid WHERE m.event_rowid IS NULL)").fetchone()[0]
    if missing:
        return False
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'cluster_removed'").fetchone() is None:
        return True  # a store from before m006, opened without migrating
    return conn.execute("SELECT 1 FROM cluster_removed LIMIT 1").fetchone() is None


def refresh_clusters(conn: sqlite3.Connection, if_stale: bool = False, window: str = "day",
                     full: bool = False) -> ClusterCounts | None:
    """Bring the stored clusters up to date: recompute what changed since the last refresh (everything with
    ``full``, or when the store's clusters were made with other settings or another ``window``) and write it
    in short transactions. The result equals a full recompute of the store as read.

    With ``if_stale``, do nothing (and return ``None``) when ``clusters_up_to_date``. ``conn`` must be in
    autocommit mode, as ``open_store`` gives it. Waits up to ``WAIT_S`` for another refresh that is writing;
    gives up (``complete`` false, the rest left stale for the next refresh) after ``ATTEMPTS`` plans spoilt
    by deletions, or when the wait runs out."""
    token = f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
    deadline = time.monotonic() + WAIT_S
    plan, writes, longest, spoilt = None, 0, 0.0, 0
    while True:
        if if_stale and clusters_up_to_date(conn):
            return None
        if not _wait_for_lease(conn, deadline):
            break
        plan = plan_refresh(conn, window, full)
        report = write_plan(conn, plan, token)
        writes, longest = writes + report.writes, max(longest, report.longest_s)
        if report.outcome == "done":
            return _counts(conn, plan, writes, longest, complete=True)
        spoilt += report.outcome == "stale"
        if spoilt >= ATTEMPTS or time.monotonic() > deadline:
            break
        log.info("cluster refresh: %s; planning again", "another refresh is writing" if report.outcome == "busy"
                 else "the store changed under the plan")
    log.warning("cluster refresh: left for the next refresh (the store kept changing, or another refresh held it)")
    if plan is None:
        plan = RefreshPlan(full=False, settings="", generation=0, removed_upto=0)
    return _counts(conn, plan, writes, longest, complete=False)


@dataclass(frozen=True)
class WriteReport:
    """``outcome``: ``done``; ``busy`` (another refresh holds the lease); ``stale`` (the plan is out of date)."""

    outcome: str
    writes: int
    longest_s: float


def write_plan(conn: sqlite3.Connection, plan: RefreshPlan, token: str = "",
               after_write: Callable[[], None] | None = None) -> WriteReport:
    """Write a plan in short transactions under the lease ``token``, each re-checking the store first.
    ``after_write`` is called after each commit (tests stop there, as a kill would)."""
    if plan.empty:
        return WriteReport("done", 0, 0.0)
    token = token or f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
    steps: list[Callable[[], None]] = [partial(_claim, conn, plan)]
    steps += [partial(_write_groups, conn, batch) for batch in _batches(plan.groups, _group_rows)]
    steps += [partial(_write_units, conn, batch) for batch in _batches(plan.units, _unit_rows)]
    steps.append(partial(_finish, conn, plan))
    done, longest = 0, 0.0
    try:
        for n, step in enumerate(steps):
            conn.execute("BEGIN IMMEDIATE")
            started = time.monotonic()
            try:
                outcome = _check(conn, plan, token, claiming=n == 0)
                if outcome is None:
                    step()
                elif n:  # stale after our claim: hand the lease back
                    conn.execute("UPDATE cluster_state SET lease = NULL WHERE lease = ?", (token,))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            if outcome is not None:
                return WriteReport(outcome, done, longest)
            held = time.monotonic() - started
            done, longest = done + 1, max(longest, held)
            if after_write is not None:
                after_write()
            if n + 1 < len(steps):
                time.sleep(min(held, 1.0))  # leave the lock free as long as we held it: waiting writers get in
    except BaseException:
        if 0 < done < len(steps):  # claimed, not finished: hand the lease back if we can
            _release(conn, token)
        raise
    return WriteReport("done", done, longest)


def _check(conn: sqlite3.Connection, plan: RefreshPlan, token: str, claiming: bool) -> str | None:
    """None when the plan may be written now (the lease renewed); else ``busy`` or ``stale``."""
    generation, lease, lease_at = conn.execute("SELECT generation, lease, lease_at FROM cluster_state").fetchone()
    if claiming and lease is not None and lease != token and lease_at > time.time() - LEASE_S:
        return "busy"
    if generation != plan.generation + (not claiming) or (not claiming and lease != token):
        return "stale"
    deleted = {h for (h,) in conn.execute("SELECT DISTINCT article_hash FROM cluster_removed WHERE rowid > ?",
                                          (plan.removed_upto,))}
    if not deleted.isdisjoint(plan.referenced):
        return "stale"
    conn.execute("UPDATE cluster_state SET lease = ?, lease_at = ?", (token, time.time()))
    return None


def _release(conn: sqlite3.Connection, token: str) -> None:
    """Hand the lease back after a failed write, if the store lets us (else it expires)."""
    try:
        conn.execute("UPDATE cluster_state SET lease = NULL WHERE lease = ?", (token,))
    except sqlite3.Error:
        log.warning("cluster refresh: could not hand the lease back; it expires in %.0f s", LEASE_S)


def _claim(conn: sqlite3.Connection, plan: RefreshPlan) -> None:
    # A full refresh cut short is redone in full: its settings are stored only by its last write.
    conn.execute("UPDATE cluster_state SET generation = generation + 1" + (", settings = NULL" if plan.full else ""))


def _wait_for_lease(conn: sqlite3.Connection, deadline: float) -> bool:
    """Wait (reading, every ``POLL_S``) until no refresh holds a live lease; False when ``deadline`` passes first."""
    while True:
        lease, lease_at = conn.execute("SELECT lease, lease_at FROM cluster_state").fetchone()
        if lease is None or lease_at <= time.time() - LEASE_S:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(POLL_S)


def _batches(items: Sequence[T], size: Callable[[T], int]) -> Iterator[list[T]]:
    batch: list[T] = []
    rows = 0
    for item in items:
        if batch and rows + size(item) > ROWS_PER_WRITE:
            yield batch
            batch, rows = [], 0
        batch.append(item)
        rows += size(item)
    if batch:
        yield batch


def _group_rows(group: KeyGroup) -> int:
    return 1 + len(group.clusters) + len(group.members)


def _unit_rows(unit: ArticleUnit) -> int:
    return len(unit.rows) + sum(1 + len(bands) for _, _, bands in unit.signatures)


def _write_groups(conn: sqlite3.Connection, groups: list[KeyGroup]) -> None:
    for group in groups:
        conn.execute(DELETE_KEY, group.key)  # members go with their clusters (cascade)
        conn.executemany(INSERT_EVENT_CLUSTER, group.clusters)
        conn.executemany("INSERT OR REPLACE INTO event_cluster_members (event_rowid, cluster_id, why) "
                         "VALUES (?, ?, ?)", group.members)


def _write_units(conn: sqlite3.Connection, units: list[ArticleUnit]) -> None:
    hashes = [h for unit in units for h in unit.hashes]
    signed = [s for unit in units for s in unit.signatures]
    for chunk in chunked(hashes):
        conn.execute(f"DELETE FROM article_clusters WHERE article_hash IN ({marks(chunk)})", chunk)
    for chunk in chunked([h for h, _, _ in signed]):
        conn.execute(f"DELETE FROM article_signatures WHERE article_hash IN ({marks(chunk)})", chunk)  # and bands
    conn.executemany("INSERT INTO article_clusters (article_hash, cluster_id, duplicate_of, similarity, other_links) "
                     "VALUES (?, ?, ?, ?, ?)", [row for unit in units for row in unit.rows])
    for article_hash, signature, bands in signed:
        cursor = conn.execute("INSERT INTO article_signatures (article_hash, signature) VALUES (?, ?)",
                              (article_hash, signature))
        conn.executemany("INSERT OR IGNORE INTO article_bands (band, signature_id) VALUES (?, ?)",
                         [(band, cursor.lastrowid) for band in bands])


def _finish(conn: sqlite3.Connection, plan: RefreshPlan) -> None:
    conn.execute("DELETE FROM cluster_removed WHERE rowid <= ?", (plan.removed_upto,))
    conn.execute("UPDATE cluster_state SET settings = ?, lease = NULL", (plan.settings,))


def _counts(conn: sqlite3.Connection, plan: RefreshPlan, writes: int, longest: float, complete: bool) -> ClusterCounts:
    (articles, stories, events, clusters) = conn.execute(
        "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(DISTINCT cluster_id) FROM article_clusters), "
        "(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM event_clusters)").fetchone()
    recomputed = sum(len(unit.hashes) for unit in plan.units)
    return ClusterCounts(articles, stories, events, clusters, plan.full, recomputed, len(plan.groups), writes,
                         round(longest, 4), complete)


