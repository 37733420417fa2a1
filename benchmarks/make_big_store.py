"""Write a synthetic store of N events (default 1,000,000) for the API load benchmark.

Rows go straight into the store's own schema (migrations applied by ``open_store``) in batches of one
transaction each, so the API reads exactly what a real run would write. The data are synthetic but shaped
like news: 60 countries with Zipf-like weights (a few dyads have most events), actors as country + sector
codes (RUSGOV, ARMMIL...) plus named people, CAMEO codes with their Goldstein, quad class and PLOVER type
from our codebook, dates over 2018-2024, places from a per-country list, 5 events per article. With
``--reprints F`` a fraction F of the articles reprint a recent one (its text and a line of the outlet's,
its events): the near-duplicates that article and event clusters merge. Seeded: the same arguments give
the same store.

    .venv/bin/python benchmarks/make_big_store.py --events 1000000 --out /tmp/big.db   # about 2-4 minutes
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import sys
import time
import zlib
from datetime import date, timedelta
from pathlib import Path

from eventwire.knowledge.codebook import load_codebook
from eventwire.store.connect import open_store
from eventwire.store.rows import EVENT_COLUMNS

log = logging.getLogger("make_big_store")

COUNTRIES = ("USA RUS UKR CHN ARM AZE ISR IRN FRA DEU GBR TUR IND PAK SYR IRQ SAU EGY JPN KOR PRK BLR POL GEO "
             "KAZ QAT ARE LBN PSE YEM AFG VEN COL BRA MEX CAN AUS ITA ESP NLD BEL SWE FIN NOR HUN SRB GRC CYP "
             "ETH SDN NGA ZAF KEN LBY TUN DZA MAR JOR VNM").split()
SECTORS = ("GOV", "GOV", "GOV", "MIL", "", "", "OPP", "BUS", "MED", "LEG")
EVENTS_PER_ARTICLE = 5
START = date(2018, 1, 1)
DAYS = (date(2024, 12, 31) - START).days + 1


def actor_of(rng: random.Random, country: str) -> tuple[str, str, str, str]:
    """``(actor id, name, code, sector)`` for a country: the state, a sector of it, or one of its people."""
    sector = rng.choice(SECTORS)
    if rng.random() < 0.15:
        n = rng.randrange(12)
        return f"{country.lower()}-person-{n}", f"Person {n} of {country}", f"{country}GOV", "GOV"
    if not sector:
        return country.lower(), country, country, ""
    return f"{country.lower()}-{sector.lower()}", f"{country} {sector}", country + sector, sector


def event_row(rng: random.Random, n: int, key: str, codes: list, weights: list[float]) -> tuple:
    source, target = rng.choices(COUNTRIES, weights, k=2)
    if target == source:
        target = COUNTRIES[(COUNTRIES.index(source) + 1 + rng.randrange(5)) % len(COUNTRIES)]
    s, t, c = actor_of(rng, source), actor_of(rng, target), rng.choice(codes)
    day = (START + timedelta(days=rng.randrange(DAYS))).isoformat()
    place = rng.random() < 0.6
    where = rng.choice((source, target))
    spot = zlib.crc32(where.encode())  # a fixed spot per country (Python's str hash changes per process)
    lat, lon = spot % 120 - 50 + rng.random(), spot // 120 % 300 - 150 + rng.random()
    sentence = f"{s[1]} {c.name.lower()} {t[1]} on {day} (synthetic event {n})."
    # About 5% negated, 8% hypothetical and 3% background, as coded news has them; drawn from the article's
    # hash, not from ``rng``, so every other column is what it was before the flags were set.
    flag = zlib.crc32(f"{key}-{n}".encode()) % 100
    return (n, f"{key[:8]}-E{n}", 0, len(sentence), sentence, 0, 4, "verb",
            s[0], s[1], s[1], s[2], source, s[3] or None, t[0], t[1], t[1], t[2], target, t[3] or None,
            c.code, c.code[:2], c.plover_type, c.plover_mode, json.dumps(list(c.plover_context)), c.goldstein,
            c.quad_class, day, "day", where if place else None, f"City of {where}" if place else None,
            where if place else None, lat if place else None, lon if place else None, None, "city" if place else None,
            int(flag < 5), int(5 <= flag < 13), None, 0.8, "synthetic", int(13 <= flag < 16))


def reprint(rng: random.Random, a: int, key: str, earlier: list[tuple[str, list[tuple]]]) -> tuple[str, list[tuple]]:
    """An earlier article as another outlet ran it: its text with the outlet's line, its events under new ids."""
    text, rows = rng.choice(earlier)
    return f"{text} Reported by outlet-{a % 40}.", [(r[0], f"{key[:8]}-E{r[0]}", *r[2:]) for r in rows]


def write_store(path: Path, events: int, batch_articles: int = 5_000, seed: int = 1, reprints: float = 0.0) -> None:
    rng = random.Random(seed)
    weights = [1.0 / (i + 1) ** 1.1 for i in range(len(COUNTRIES))]
    codes = [c for c in load_codebook().values() if len(c.code) == 3]
    conn = open_store(path)
    conn.execute("PRAGMA synchronous=OFF")
    run = conn.execute("INSERT INTO runs (started, options, coder_version, dictionary_version) VALUES "
                       "(datetime('now'), '{}', 'synthetic', 'synthetic')").lastrowid
    marks = ", ".join("?" * (EVENT_COLUMNS.count(",") + 2))
    articles, started = -(-events // EVENTS_PER_ARTICLE), time.monotonic()
    earlier: list[tuple[str, list[tuple]]] = []  # (text, event rows) of recent articles, for reprints
    for first in range(0, articles, batch_articles):
        conn.execute("BEGIN")
        a_rows, e_rows, actors = [], [], {}
        for a in range(first, min(first + batch_articles, articles)):
            key = hashlib.sha256(f"synthetic {seed} {a}".encode()).hexdigest()
            count = min(EVENTS_PER_ARTICLE, events - a * EVENTS_PER_ARTICLE)
            if reprints and earlier and rng.random() < reprints:
                text, rows = reprint(rng, a, key, earlier)
                rows = rows[:count]
            else:
                rows = [event_row(rng, n, key, codes, weights) for n in range(count)]
                text = " ".join(r[4] for r in rows)
                if reprints:
                    earlier = [*earlier[-999:], (text, rows)]
            a_rows.append((key, f"synthetic-{a}", f"Synthetic article {a}", None, f"outlet-{a % 40}",
                           min(r[27] for r in rows), "en", "[]", text, run))
            e_rows += [(key, *r) for r in rows]
            for r in rows:
                actors[r[8]], actors[r[14]] = r[9], r[15]
        conn.executemany("INSERT INTO articles (hash, id, title, url, source, published, language, warnings, text, "
                         "coded_at, run_id, coder_version, dictionary_version) VALUES "
                         "(?, ?, ?, ?, ?, ?, ?, ?, ?, datetime('now'), ?, 'synthetic', 'synthetic')", a_rows)
        conn.executemany("INSERT OR IGNORE INTO actors (id, name, kind) VALUES (?, ?, 'synthetic')", actors.items())
        conn.executemany(f"INSERT INTO events (article_hash, {EVENT_COLUMNS}) VALUES ({marks})", e_rows)
        conn.execute("COMMIT")
        log.info("%d/%d articles, %.0fs", min(first + batch_articles, articles), articles,
                 time.monotonic() - started)
    conn.execute("ANALYZE")
    conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, required=True, help="store to write (must not exist)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reprints", type=float, default=0.0,
                        help="fraction of articles that reprint a recent one (a near-duplicate with its events)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.out.exists():
        print(f"{args.out} exists; remove it first", file=sys.stderr)
        return 2
    write_store(args.out, args.events, seed=args.seed, reprints=args.reprints)
    return 0


if __name__ == "__main__":
    sys.exit(main())
