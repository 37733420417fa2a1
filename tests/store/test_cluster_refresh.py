"""The incremental cluster refresh: after any sequence of writes, recodes and refreshes (stopped part-way or
not, raced by a deletion or not) the stored clusters equal a from-scratch full recompute of the same store;
a refresh recomputes only what is touched; its write transactions are short, so a writer beside it succeeds."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from eventwire.store import clusters as store_clusters
from eventwire.store.cluster_plan import plan_refresh
from eventwire.store.clusters import clusters_up_to_date, refresh_clusters, write_plan
from eventwire.store.connect import open_store
from eventwire.store.migrations import MIGRATIONS, apply_migrations
from eventwire.store.read import dump_store
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.cluster_corpus import Corpus, steps

VERSIONS = Versions("c", "d")
TABLES = ("article_clusters", "event_clusters", "event_cluster_members")


def clusters(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    dump = dump_store(conn)
    return {t: dump[t] for t in TABLES}


def recomputed(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """The clusters a from-scratch full refresh gives for the same store (on a copy)."""
    copy = sqlite3.connect(":memory:", isolation_level=None)
    conn.backup(copy)
    copy.row_factory = sqlite3.Row
    copy.execute("PRAGMA foreign_keys=ON")
    counts = refresh_clusters(copy, full=True)
    assert counts is not None and counts.full
    return clusters(copy)


def copy(source: Path, target: Path) -> Path:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


def write(conn: sqlite3.Connection, items, replace: bool = False) -> None:
    write_batch(conn, start_run(conn, {}, VERSIONS), items, [], VERSIONS, replace)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_refreshing_after_each_step_equals_a_full_recompute(tmp_path, seed):
    conn = open_store(tmp_path / "s.db")
    rng = random.Random(seed)
    incremental = 0
    for items, replace in steps(seed, 24):
        write(conn, items, replace)
        if rng.random() < 0.3:
            continue  # some steps pile up before a refresh
        counts = refresh_clusters(conn, if_stale=True)
        assert counts is not None and counts.complete and clusters_up_to_date(conn)
        assert clusters(conn) == recomputed(conn)
        if not counts.full:
            incremental += 1
            assert counts.articles_recomputed < counts.articles  # only the touched components
    assert incremental >= 10


def test_only_what_a_new_article_touches_is_recomputed_and_other_ids_stay(tmp_path):
    conn = open_store(tmp_path / "s.db")
    corpus = Corpus(7)
    write(conn, corpus.batch(60))
    assert refresh_clusters(conn).full  # the first refresh of a store is a full one
    before = {row[0]: row[1] for row in conn.execute("SELECT article_hash, cluster_id FROM article_clusters")}
    event_ids = {row[0] for row in conn.execute("SELECT id FROM event_clusters")}
    lone, coded = corpus.article("zebra quagga okapi gnu " * 5)  # matches nothing stored
    write(conn, [(lone, coded)])
    counts = refresh_clusters(conn)
    assert counts is not None and not counts.full
    assert counts.articles_recomputed == 1 and counts.keys_recomputed <= 3 * len(coded.events) + 3
    after = {row[0]: row[1] for row in conn.execute("SELECT article_hash, cluster_id FROM article_clusters")}
    assert {h: c for h, c in after.items() if h in before} == before  # every stored article keeps its cluster id
    assert clusters(conn) == recomputed(conn)
    kept = event_ids & {row[0] for row in conn.execute("SELECT id FROM event_clusters")}
    assert len(kept) >= len(event_ids) - len(coded.events)  # only the new events' keys may change


def refreshed_then_grown(path: Path, seed: int, first: int, then: int) -> tuple[sqlite3.Connection, Corpus]:
    """A store of ``first`` articles, refreshed, then ``then`` more (not refreshed yet)."""
    conn = open_store(path)
    corpus = Corpus(seed)
    write(conn, corpus.batch(first))
    refresh_clusters(conn)
    write(conn, corpus.batch(then))
    return conn, corpus


def test_a_deletion_under_the_plan_spoils_it_and_the_refresh_plans_again(tmp_path):
    conn, corpus = refreshed_then_grown(tmp_path / "s.db", 3, 40, 10)
    plan = plan_refresh(conn)
    other = open_store(tmp_path / "s.db")
    write(other, [corpus.article(corpus.stored[-1].text)], replace=True)  # deletes an article the plan read
    assert write_plan(conn, plan).outcome == "stale"
    assert not clusters_up_to_date(conn)
    counts = refresh_clusters(conn, if_stale=True)
    assert counts is not None and counts.complete
    assert clusters(conn) == recomputed(conn)


def test_a_refresh_stopped_after_any_write_leaves_the_rest_to_the_next(tmp_path, monkeypatch):
    monkeypatch.setattr(store_clusters, "ROWS_PER_WRITE", 40)  # many small writes
    base = tmp_path / "base.db"
    conn, corpus = refreshed_then_grown(base, 5, 50, 30)
    write(conn, corpus.recodes(3), replace=True)
    conn.close()
    trial = open_store(copy(base, tmp_path / "trial.db"))
    writes = write_plan(trial, plan_refresh(trial)).writes
    assert writes >= 5
    for stop_after in range(1, writes):
        conn = open_store(copy(base, tmp_path / f"stop{stop_after}.db"))
        done = []

        def killed(done=done, stop_after=stop_after):
            done.append(1)
            if len(done) == stop_after:
                raise KeyboardInterrupt  # as a kill between two transactions

        with pytest.raises(KeyboardInterrupt):
            write_plan(conn, plan_refresh(conn), "killed", after_write=killed)
        # As a kill -9 would leave it: the lease still held, until it expires.
        conn.execute("UPDATE cluster_state SET lease = 'killed', lease_at = ?", (time.time() - 60,))
        assert not clusters_up_to_date(conn)
        counts = refresh_clusters(conn, if_stale=True)
        assert counts is not None and counts.complete
        assert clusters(conn) == recomputed(conn), f"stopped after write {stop_after}"


def test_a_refresh_waits_for_the_one_writing_and_takes_over_a_dead_ones_lease(tmp_path, monkeypatch):
    conn = open_store(tmp_path / "s.db")
    write(conn, Corpus(9).batch(20))
    conn.execute("UPDATE cluster_state SET lease = 'other', lease_at = ?", (time.time(),))
    monkeypatch.setattr(store_clusters, "WAIT_S", 0.5)
    counts = refresh_clusters(conn)
    assert counts is not None and not counts.complete and counts.writes == 0  # it waited, then gave up
    conn.execute("UPDATE cluster_state SET lease_at = ?", (time.time() - store_clusters.LEASE_S - 1,))
    counts = refresh_clusters(conn)
    assert counts is not None and counts.complete and clusters(conn) == recomputed(conn)
    assert conn.execute("SELECT lease FROM cluster_state").fetchone()[0] is None  # handed back


def test_a_writer_beside_a_refresh_never_waits_a_second(tmp_path):
    """A store whose refresh takes seconds (the old one-transaction refresh held the lock all that time): a
    writer with a 1 s busy timeout writes a batch every 20 ms throughout, and none fails."""
    path = tmp_path / "big.db"
    conn = open_store(path)
    corpus = Corpus(11)
    for _ in range(16):
        write(conn, corpus.batch(250))
    extra = Corpus(12)
    stop, failures, writes = threading.Event(), [], []

    def keep_writing() -> None:
        writer = open_store(path)
        writer.execute("PRAGMA busy_timeout = 1000")
        run_id = start_run(writer, {}, VERSIONS)
        while not stop.is_set():
            try:
                write_batch(writer, run_id, extra.batch(1), [], VERSIONS)
                writes.append(time.monotonic())
            except sqlite3.OperationalError as e:  # "database is locked": it waited a second in vain
                failures.append(repr(e))
            stop.wait(0.02)

    thread = threading.Thread(target=keep_writing)
    thread.start()
    started = time.monotonic()
    try:
        counts = refresh_clusters(conn, full=True)
    finally:
        stop.set()
        thread.join()
    seconds = time.monotonic() - started
    assert counts is not None and counts.complete and counts.articles >= 3500
    assert seconds > 1.0  # longer than the writer's busy timeout: one transaction would have locked it out
    assert failures == []
    assert len([t for t in writes if started < t < started + seconds]) >= 10
    assert counts.longest_write_s < 1.0


def test_a_store_from_before_m006_is_refreshed_in_full_once_then_incrementally(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(str(path), isolation_level=None)
    # Before m006, with the event columns today's writer fills (m007's ``background``): m006 is what is missing.
    apply_migrations(old, (*MIGRATIONS[:5], *MIGRATIONS[6:]))
    old.execute("PRAGMA foreign_keys=ON")
    corpus = Corpus(4)
    write(old, corpus.batch(30))
    old.close()
    conn = open_store(path)
    assert conn.execute("SELECT settings FROM cluster_state").fetchone()[0] is None
    first = refresh_clusters(conn, if_stale=True)
    assert first is not None and first.full
    write(conn, corpus.batch(5))
    second = refresh_clusters(conn, if_stale=True)
    assert second is not None and not second.full and clusters(conn) == recomputed(conn)
    week = refresh_clusters(conn, window="week")
    assert week is not None and week.full  # other settings: everything again
    assert {r[0] for r in conn.execute("SELECT date_key FROM event_clusters WHERE date_key LIKE '%-W%'")}
    again = refresh_clusters(conn)  # and back to days, in full
    assert again is not None and again.full and clusters(conn) == recomputed(conn)


def test_a_deleted_article_leaves_a_record_of_what_it_made_stale(tmp_path):
    conn = open_store(tmp_path / "s.db")
    corpus = Corpus(6)
    write(conn, corpus.batch(30))
    refresh_clusters(conn)
    (key, article_id, story), = conn.execute(
        "SELECT a.hash, a.id, c.cluster_id FROM articles a JOIN article_clusters c ON c.article_hash = a.hash "
        "WHERE EXISTS (SELECT 1 FROM events e WHERE e.article_hash = a.hash) ORDER BY a.hash LIMIT 1").fetchall()
    event_clusters = {r[0] for r in conn.execute(
        "SELECT m.cluster_id FROM events e JOIN event_cluster_members m ON m.event_rowid = e.rowid "
        "WHERE e.article_hash = ?", (key,))}
    text = conn.execute("SELECT text FROM articles WHERE hash = ?", (key,)).fetchone()[0]
    write(conn, [corpus.article(text)], replace=True)  # a recode: delete, then store again
    logged = conn.execute("SELECT article_hash, article_id, article_cluster, event_cluster FROM cluster_removed"
                          ).fetchall()
    assert [tuple(r) for r in logged if r[2]] == [(key, article_id, story, None)]
    assert {r[3] for r in logged if r[3]} == event_clusters and event_clusters
    assert not clusters_up_to_date(conn)
    refresh_clusters(conn)
    assert conn.execute("SELECT COUNT(*) FROM cluster_removed").fetchone()[0] == 0
    assert clusters(conn) == recomputed(conn)


def test_writers_that_each_refresh_after_writing_meet_without_harm(tmp_path):
    """As run, watch and POST /api/code do at once: write a batch, refresh; none fails, all clusters end right."""
    path = tmp_path / "s.db"
    conn = open_store(path)
    write(conn, Corpus(20).batch(40))
    refresh_clusters(conn)
    errors: list[str] = []
    refreshed: list[bool] = []

    def session(seed: int) -> None:
        mine = open_store(path)
        corpus = Corpus(seed)
        try:
            for n in range(6):
                write(mine, corpus.batch(4) if n % 3 else corpus.batch(8))
                counts = refresh_clusters(mine, if_stale=True)
                refreshed.append(counts is None or counts.complete)
        except Exception as e:  # noqa: BLE001 - any failure fails the test
            errors.append(repr(e))

    threads = [threading.Thread(target=session, args=(seed,)) for seed in (21, 22, 23)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # A refresh whose plans other writers keep spoiling gives up, by design, and leaves the rest stale for the
    # next one (how often depends on how the threads interleave on a busy machine); none may fail, most finish,
    # and the next refresh brings everything right.
    assert errors == [] and len(refreshed) == 18 and sum(refreshed) >= 12
    refresh_clusters(conn, if_stale=True)
    assert clusters_up_to_date(conn) and clusters(conn) == recomputed(conn)
