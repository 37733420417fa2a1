"""Cluster refresh beside other writers on a 20,000-article store (issue 16, docs/benchmarks.md).

Builds (once, or reuses) a store of synthetic articles with ``make_big_store`` (5 events each, 30% reprints:
near-duplicates with their events), then times on a copy:

1. a full refresh (the first refresh of a store: every signature, every cluster);
2. an incremental refresh after a run of ``--new`` articles (a third of them reprints of stored ones);
3. an incremental refresh after ``--small`` articles (a watch poll, a POST).

During 1 and 2, other processes write as ``POST /api/code``, a second ``run`` and ``watch`` do (through
``corpus.lifecycle.RunSession``), and a probe takes the write lock (``BEGIN IMMEDIATE``) every 50 ms and
records how long it waited: the longest wait bounds the longest time anyone kept others out. Then the same
writers run alone for ``--lifecycle`` seconds, each refreshing the clusters after each write as those
commands do. Every writer must succeed. With ``--check`` (default), the clusters after
2 are compared with a from-scratch full refresh of a copy of the same store.

    PYTHONPATH=src .venv/bin/python benchmarks/cluster_lock.py --store /tmp/cluster-lock.db   # a few minutes
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sqlite3
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from eventwire.corpus.lifecycle import RunSession
from eventwire.records import ActorMention, Article, ArticleText, CodedArticle, Event, Plover, Span
from eventwire.store.cluster_inputs import event_from_row
from eventwire.store.clusters import refresh_clusters
from eventwire.store.connect import open_store
from eventwire.store.read import dump_store
from eventwire.store.write import Versions

sys.path.insert(0, str(Path(__file__).parent))
from make_big_store import write_store  # noqa: E402

VERSIONS = Versions("benchmark", "benchmark")
WORDS = ("minister talks border ceasefire troops capital officials statement agreement security region government "
         "army rebels election president parliament sanctions trade envoy summit peace attack village city weapons "
         "aid refugees protest police court leader party vote deal oil gas port bridge river market bank").split()
CLUSTER_TABLES = ("article_clusters", "event_clusters", "event_cluster_members")
# (name, articles a write, seconds between writes): as POST /api/code, a second `run` and `watch` write.
WRITERS = (("post", 1, 0.2), ("run", 20, 1.0), ("watch", 5, 0.5))
Coded = tuple[ArticleText, CodedArticle]


def fresh(rng: random.Random, name: str) -> Coded:
    """A new article of random words with one event."""
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(40, 90)))
    day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    source = ActorMention(0, 3, "RUS", "rus", "Russia", rng.choice(("RUS", "RUSGOV", "UKR", "USA")), "RUS", None, None)
    target = ActorMention(4, 7, "ARM", "arm", "Armenia", rng.choice(("ARM", "AZE", "CHN")), "ARM", None, None)
    event = Event(id=f"{name}-E1", start=0, end=20, trigger=Span(0, 3, text[:3]), source=source, target=target,
                  cameo=rng.choice(("112", "042", "190")), plover=Plover("ACCUSE", None), goldstein=-2.0,
                  quad_class=3, date=day, date_precision="day", location=None, negated=False, hypothetical=False,
                  quote_id=None, confidence=0.8)
    item = ArticleText(text, day, "t", None, f"outlet-{rng.randrange(40)}", name)
    return item, CodedArticle(Article(name, "t", None, item.source, day, "en"), events=(event,))


def reprint(conn: sqlite3.Connection, rng: random.Random, name: str, hashes: list[str]) -> Coded:
    """A stored article as another outlet ran it: its text and a line of the outlet's, its events."""
    key = rng.choice(hashes)
    text, published = conn.execute("SELECT text, published FROM articles WHERE hash = ?", (key,)).fetchone()
    events = [event_from_row(r) for r in conn.execute("SELECT * FROM events WHERE article_hash = ? ORDER BY n",
                                                      (key,))]
    source = f"outlet-{rng.randrange(40, 80)}"
    item = ArticleText(f"{text} Carried by {source}.", published, "t", None, source, name)
    return item, CodedArticle(Article(name, "t", None, source, published, "en"), events=tuple(events))


def articles(conn: sqlite3.Connection, count: int, prefix: str, seed: int) -> list[Coded]:
    rng = random.Random(seed)
    hashes = [h for (h,) in conn.execute("SELECT hash FROM articles")]
    return [reprint(conn, rng, f"{prefix}-{n}", hashes) if rng.random() < 1 / 3 else fresh(rng, f"{prefix}-{n}")
            for n in range(count)]


def writer(path: str, name: str, size: int, every: float, refresh: bool, stop: Any, out: Any) -> None:
    """Write like ``name`` until ``stop``: each write (and refresh) timed; an exception is a failure."""
    conn = open_store(path)
    session = RunSession(conn, {"benchmark": name}, VERSIONS, clusters=refresh)
    rng, n, times, errors = random.Random(name), 0, [], []
    while not stop.is_set():
        batch = []
        for _ in range(size):
            n += 1
            batch.append(fresh(rng, f"{name}-{time.time_ns()}-{n}"))
        started = time.monotonic()
        try:
            session.write(batch, [])
            session.refresh()
        except Exception as e:  # noqa: BLE001 - a failure is what we count
            errors.append(repr(e))
        times.append(time.monotonic() - started)
        stop.wait(every)
    session.finish()
    out.put({"writer": name, "writes": len(times), "longest_s": round(max(times, default=0), 3),
             "errors": errors})


def probe(path: str, stop: Any, out: Any) -> None:
    """Take the write lock every 50 ms; record the waits."""
    conn = sqlite3.connect(path, timeout=300, isolation_level=None)
    waits = []
    while not stop.is_set():
        started = time.monotonic()
        conn.execute("BEGIN IMMEDIATE")
        waits.append(time.monotonic() - started)
        conn.execute("COMMIT")
        stop.wait(0.05)
    waits.sort()
    out.put({"writer": "probe", "writes": len(waits), "longest_s": round(waits[-1], 3),
             "p99_s": round(waits[int(len(waits) * 0.99)], 3), "errors": []})


def beside_writers(path: Path, refresh: bool, work: Any) -> tuple[Any, list[dict[str, Any]]]:
    """Run ``work()`` while the probe and the writers run in their own processes; their reports."""
    ctx = mp.get_context("spawn")
    stop, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=probe, args=(str(path), stop, out), daemon=True)]
    procs += [ctx.Process(target=writer, args=(str(path), name, size, every, refresh, stop, out), daemon=True)
              for name, size, every in WRITERS]
    for p in procs:
        p.start()
    try:
        time.sleep(3)  # all started and writing
        result = work()
        time.sleep(1)
    finally:
        stop.set()
    reports = [out.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    return result, sorted(reports, key=lambda r: r["writer"])


def copy(source: Path, target: Path) -> None:
    for extra in ("", "-wal", "-shm"):
        Path(f"{target}{extra}").unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()


def timed_refresh(path: Path, **options: Any) -> dict[str, Any]:
    conn = open_store(path)
    started = time.monotonic()
    counts = refresh_clusters(conn, **options)
    seconds = time.monotonic() - started
    conn.close()
    assert counts is not None
    return {"seconds": round(seconds, 1), **asdict(counts)}


def clusters_of(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = open_store(path)
    dump = dump_store(conn)
    conn.close()
    return {t: dump[t] for t in CLUSTER_TABLES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True, help="the base store (built there if missing)")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--new", type=int, default=1_000, help="articles of the run before the incremental refresh")
    parser.add_argument("--small", type=int, default=20, help="articles before the small incremental refresh")
    parser.add_argument("--lifecycle", type=float, default=20.0,
                        help="seconds of writers that each refresh after their writes")
    parser.add_argument("--no-check", action="store_true", help="skip the comparison with a full recompute")
    args = parser.parse_args(argv)
    if not args.store.exists():
        write_store(args.store, args.articles * 5, reprints=0.3)
    work = args.store.with_name(args.store.stem + "-work.db")
    copy(args.store, work)
    results: dict[str, Any] = {}

    results["full"], results["full_writers"] = beside_writers(work, False, lambda: timed_refresh(work, full=True))
    conn = open_store(work)
    session = RunSession(conn, {"benchmark": "new"}, VERSIONS, clusters=False)
    new = articles(conn, args.new, "new", 1)
    for start in range(0, len(new), 100):
        session.write(new[start:start + 100], [])
    session.finish()
    conn.close()
    results["incremental"], results["incremental_writers"] = beside_writers(work, False, lambda: timed_refresh(work))
    # The writers alone, each refreshing after its writes as run, watch and POST do (their refreshes meet).
    _, results["lifecycle_writers"] = beside_writers(work, True, lambda: time.sleep(args.lifecycle))
    conn = open_store(work)
    session = RunSession(conn, {"benchmark": "small"}, VERSIONS, clusters=False)
    session.write(articles(conn, args.small, "small", 2), [])
    session.finish()
    conn.close()
    results["small"] = timed_refresh(work)
    if not args.no_check:
        reference = work.with_name(work.stem + "-full.db")
        copy(work, reference)
        timed_refresh(reference, full=True)
        results["equal_to_full_recompute"] = clusters_of(work) == clusters_of(reference)
    print(json.dumps(results, indent=1))
    ok = all(not r["errors"] for key in ("full_writers", "incremental_writers", "lifecycle_writers")
             for r in results[key])
    return 0 if ok and results.get("equal_to_full_recompute", True) else 1


if __name__ == "__main__":
    sys.exit(main())
