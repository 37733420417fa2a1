"""What the store's triggers and indexes cost a writer: the same synthetic articles and events
(``make_big_store``'s rows) inserted into a store with every migration and into one migrated only up to
``--upto`` (default ``m008_event_flag_indexes``, before the dyad day summaries and the event page indexes),
in alternating rounds, each round into fresh stores. The rows are made before the clock starts, so only the
inserts (and what fires with them) are timed: the store's part of ``eventwire run``, whose own time is mostly
coding. Prints seconds (wall and CPU) per round and the ratio as JSON.

    .venv/bin/python benchmarks/store_writes.py --events 100000 --rounds 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from make_big_store import COUNTRIES, EVENTS_PER_ARTICLE, event_row

from eventwire.knowledge.codebook import load_codebook
from eventwire.store.connect import open_store
from eventwire.store.migrations import MIGRATIONS, apply_migrations
from eventwire.store.rows import EVENT_COLUMNS


def batches(events: int, batch_articles: int = 1_000) -> list[tuple[list[tuple], list[tuple]]]:
    """(article rows, event rows) per transaction, as ``make_big_store`` writes them."""
    rng, codes = random.Random(1), [c for c in load_codebook().values() if len(c.code) == 3]
    weights = [1.0 / (i + 1) ** 1.1 for i in range(len(COUNTRIES))]
    out, articles = [], -(-events // EVENTS_PER_ARTICLE)
    for first in range(0, articles, batch_articles):
        a_rows, e_rows = [], []
        for a in range(first, min(first + batch_articles, articles)):
            key = hashlib.sha256(f"synthetic 1 {a}".encode()).hexdigest()
            rows = [event_row(rng, n, key, codes, weights) for n in range(EVENTS_PER_ARTICLE)]
            a_rows.append((key, f"synthetic-{a}", min(r[27] for r in rows), " ".join(r[4] for r in rows)))
            e_rows += [(key, *r) for r in rows]
        out.append((a_rows, e_rows))
    return out


def write(conn: sqlite3.Connection, data: list[tuple[list[tuple], list[tuple]]]) -> tuple[float, float]:
    run = conn.execute("INSERT INTO runs (started, options, coder_version, dictionary_version) VALUES "
                       "(datetime('now'), '{}', 's', 's')").lastrowid
    actors = {(r[9], r[10]) for _, e_rows in data for r in e_rows} | {(r[15], r[16]) for _, e in data for r in e}
    conn.executemany("INSERT OR IGNORE INTO actors (id, name) VALUES (?, ?)", sorted(actors))
    marks = ", ".join("?" * (EVENT_COLUMNS.count(",") + 2))
    wall, cpu = time.perf_counter(), time.process_time()
    for a_rows, e_rows in data:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO articles (hash, id, published, text, warnings, coded_at, run_id, coder_version, "
                         "dictionary_version) VALUES (?, ?, ?, ?, '[]', datetime('now'), ?, 's', 's')",
                         [(*a, run) for a in a_rows])
        conn.executemany(f"INSERT INTO events (article_hash, {EVENT_COLUMNS}) VALUES ({marks})", e_rows)
        conn.execute("COMMIT")
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--upto", default="m008_event_flag_indexes", help="the last migration of the older store")
    args = parser.parse_args(argv)
    names = [m.__name__ for m in MIGRATIONS]
    older = MIGRATIONS[:names.index(args.upto) + 1]
    data = batches(args.events)
    report: dict[str, list] = {"older": [], "current": []}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.rounds):
            for label, migrations in (("older", older), ("current", MIGRATIONS)):
                conn = open_store(Path(tmp) / f"{label}{n}.db", migrate=False)
                apply_migrations(conn, migrations)
                report[label].append([round(t, 2) for t in write(conn, data)])
                conn.close()
    best = {k: min(v) for k, v in report.items()}
    print(json.dumps({"events": args.events, "older": args.upto, "current": names[-1],
                      "seconds (wall, cpu) per round": report,
                      "current / older (fastest wall)": round(best["current"][0] / best["older"][0], 2),
                      "current / older (fastest cpu)": round(best["current"][1] / best["older"][1], 2)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
