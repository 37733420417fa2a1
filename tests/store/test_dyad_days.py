"""The per-day summaries of ``m009_dyad_days`` stay exact: after inserts, a recode, a delete and changes to
events and articles, ``dyad_days`` and ``published_days`` equal what the events and articles give when counted
again, a store migrated from an older schema is filled from its rows, and dyad series read from the summary
count what the export selects."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from eventwire.store.aggregates import article_days, from_dyad_days, period_of, period_totals
from eventwire.store.connect import open_existing, open_store
from eventwire.store.events import query_events
from eventwire.store.filters import Dyad, EventFilter, actual_events
from eventwire.store.migrations import MIGRATIONS, apply_migrations
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.sample import varied_articles

VERSIONS = Versions("c", "d")
KEY = "source_country, target_country, day, negated, hypothetical, background"


def recounted(conn: sqlite3.Connection) -> tuple[list[tuple], list[tuple]]:
    """The two summaries as the events and articles give them now, counted from scratch."""
    dyads = conn.execute(
        f"SELECT {KEY}, COUNT(*), SUM(quad_class IS 1), SUM(quad_class IS 2), SUM(quad_class IS 3), "
        "SUM(quad_class IS 4), TOTAL(goldstein) FROM events WHERE source_country IS NOT NULL AND "
        f"target_country IS NOT NULL AND day IS NOT NULL GROUP BY {KEY} ORDER BY {KEY}").fetchall()
    days = conn.execute("SELECT substr(published, 1, 10) AS d, COUNT(*) FROM articles WHERE published IS NOT NULL "
                        "GROUP BY d ORDER BY d").fetchall()
    return [tuple(r) for r in dyads], [tuple(r) for r in days]


def assert_exact(conn: sqlite3.Connection) -> None:
    dyads, days = recounted(conn)
    stored = [tuple(r) for r in conn.execute(f"SELECT * FROM dyad_days ORDER BY {KEY}")]
    assert [r[:-1] for r in stored] == [r[:-1] for r in dyads]  # counts exactly, no row left at 0
    assert [r[-1] for r in stored] == pytest.approx([r[-1] for r in dyads])  # Goldstein sums
    assert [tuple(r) for r in conn.execute("SELECT * FROM published_days ORDER BY day")] == days


def with_event(item, **changes):
    """An article with its one event changed (same text: the same article hash, so a recode replaces it)."""
    source, coded = item
    event = coded.events[0]
    for side in ("source", "target"):
        if side in changes:
            changes[side] = replace(getattr(event, side), country=changes[side])
    return source, replace(coded, events=(replace(event, **changes),))


def copy(item, ident):
    """Another article (another text and id) with the same event under another id."""
    source, coded = item
    event = replace(coded.events[0], id=f"{ident}-E1")
    return (replace(source, text=f"Copy {ident}. {source.text}", id=ident),
            replace(coded, article=replace(coded.article, id=ident), events=(event,)))


@pytest.fixture()
def conn(tmp_path):
    conn = open_store(tmp_path / "s.db")
    items = varied_articles()
    extra = [with_event(items[0], negated=True), with_event(items[1], hypothetical=True, goldstein=None)]
    extra = [copy(item, f"c{n}") for n, item in enumerate(extra)]
    write_batch(conn, start_run(conn, {}, VERSIONS), items + extra, [], VERSIONS)
    return conn


def test_the_summaries_count_what_was_inserted(conn):
    assert_exact(conn)
    rus_arm = conn.execute("SELECT SUM(events) FROM dyad_days WHERE source_country = 'RUS' AND "
                           "target_country = 'ARM'").fetchone()[0]
    assert rus_arm == 4  # v1, v2 and their two flagged copies
    assert conn.execute("SELECT COUNT(*) FROM dyad_days WHERE source_country = 'USA' "
                        "AND target_country = 'RUS'").fetchone()[0] == 0  # v4 has no day: not summarised


def test_a_recode_moves_the_counts(conn):
    items = varied_articles()
    recoded = [with_event(items[0], source="UKR", quad_class=4, goldstein=-10.0),
               with_event(items[5], date="2024-01-02", negated=True)]
    write_batch(conn, start_run(conn, {}, VERSIONS), recoded, [], VERSIONS, replace=True)
    assert_exact(conn)
    assert conn.execute("SELECT quad4, goldstein FROM dyad_days WHERE source_country = 'UKR' AND "
                        "target_country = 'ARM' AND day = '2024-08-23'").fetchone()[:] == (1, -10.0)


def test_a_delete_takes_its_counts_and_empty_rows_go(conn):
    conn.execute("DELETE FROM articles WHERE id IN ('v1', 'v3', 'c0')")  # events go by cascade
    assert_exact(conn)
    assert conn.execute("SELECT COUNT(*) FROM dyad_days WHERE events = 0").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM published_days WHERE articles = 0").fetchone()[0] == 0
    conn.execute("DELETE FROM articles")
    assert conn.execute("SELECT COUNT(*) FROM dyad_days").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM published_days").fetchone()[0] == 0


def test_changed_events_and_articles_move_the_counts(conn):
    for sql in ("UPDATE events SET negated = 1 WHERE id = 'v6-E1'",
                "UPDATE events SET quad_class = NULL, goldstein = 3.5 WHERE id = 'v1-E1'",
                "UPDATE events SET target_country = NULL WHERE id = 'v7-E1'",
                "UPDATE events SET source_country = 'GEO', background = 1 WHERE id = 'v8-E1'",
                "UPDATE events SET date = '2023-05-05' WHERE id = 'v5-E1'",  # its day follows (m005's trigger)
                "UPDATE articles SET published = '2024-09-01T08:00:00Z' WHERE id = 'v2'",  # and the undated v2-E1's
                "UPDATE articles SET published = NULL WHERE id = 'v3'",  # v3-E1 loses its day
                "UPDATE articles SET published = '2024-08-02' WHERE id = 'v4'",  # v4-E1 gains one
                "UPDATE events SET negated = negated"):  # a change to nothing changes no count
        conn.execute(sql)
        assert_exact(conn)


def test_a_store_from_an_older_schema_is_filled_from_its_rows(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(str(path), isolation_level=None)
    old.execute("PRAGMA foreign_keys=ON")
    apply_migrations(old, MIGRATIONS[:8])  # before m009_dyad_days
    write_batch(old, start_run(old, {}, VERSIONS), varied_articles(), [], VERSIONS)
    old.close()
    conn = open_existing(path)
    assert conn.execute("SELECT SUM(events) FROM dyad_days").fetchone()[0] == 7  # every event with a day
    assert_exact(conn)
    write_batch(conn, start_run(conn, {}, VERSIONS), [with_event(varied_articles()[2], source="GEO")], [], VERSIONS,
                replace=True)
    assert_exact(conn)  # and kept by its triggers from then on


def export_counts(conn: sqlite3.Connection, f: EventFilter, interval) -> dict[str, tuple]:
    """Per period, from the export's rows: events, events of quad classes 1-4, Goldstein sum."""
    found: dict[str, list] = {}
    for e in query_events(conn, f):
        if e["day"] is None:
            continue
        point = found.setdefault(period_of(e["day"], interval), [0, 0, 0, 0, 0, 0.0])
        point[0] += 1
        if e["quad_class"] in (1, 2, 3, 4):
            point[e["quad_class"]] += 1
        point[5] += e["goldstein"] or 0.0
    return {k: tuple(v) for k, v in found.items()}


DYAD_FILTERS = [
    actual_events(EventFilter(dyad=Dyad("RUS", "ARM"))),
    EventFilter(dyad=Dyad("RUS", "ARM")),
    EventFilter(dyad=Dyad("ARM", "RUS", directed=True), since="2024-08-21"),
    EventFilter(dyad=Dyad("RUS", "ARM"), hypothetical=True),
    actual_events(EventFilter(dyad=Dyad("usa", "arm"), until="2024-08-20")),
    EventFilter(dyad=Dyad("RUS", "RUS")),  # a country with itself: none here, and no event counted twice
    EventFilter(dyad=Dyad("RUS", "ARM", kind="actor")),  # actor codes: the events table
    EventFilter(dyad=Dyad("RUS", "ARM"), root="11"),  # a filter the summary has no column for: the events table
]


@pytest.mark.parametrize("interval", ["day", "week", "month"])
@pytest.mark.parametrize("f", DYAD_FILTERS, ids=range(len(DYAD_FILTERS)))
def test_series_count_what_the_export_selects(conn, f, interval):
    conn.execute("DELETE FROM articles WHERE id = 'v6'")
    write_batch(conn, start_run(conn, {}, VERSIONS), [with_event(varied_articles()[0], target="RUS")], [],
                VERSIONS, replace=True)
    got = {p: (n, q1, q2, q3, q4, g) for p, n, q1, q2, q3, q4, g in period_totals(conn, f, interval)}
    expected = export_counts(conn, f, interval)
    assert {p: v[:5] for p, v in got.items()} == {p: v[:5] for p, v in expected.items()}
    assert [got[p][5] for p in sorted(got)] == pytest.approx([expected[p][5] for p in sorted(expected)])


def test_which_filters_the_summary_answers(conn):
    assert from_dyad_days(actual_events(EventFilter(dyad=Dyad("RUS", "ARM"), since="2024-01-01")))
    assert not from_dyad_days(EventFilter(dyad=Dyad("RUS", "ARM", kind="actor")))
    for other in ({"quad_class": 3}, {"cameo": "11"}, {"min_confidence": 0.5}, {"country": "USA"},
                  {"date_precision": "none"}, {"text": "talks"}):
        assert not from_dyad_days(EventFilter(dyad=Dyad("RUS", "ARM"), **other)), other
    assert not from_dyad_days(EventFilter(country="RUS"))  # events with one country are not summarised
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT day, SUM(events) FROM dyad_days e WHERE e.source_country = ? AND "
        "e.target_country = ? AND e.day >= ? GROUP BY day", ("RUS", "ARM", "2024-01-01")))
    assert "SEARCH e USING PRIMARY KEY (source_country=? AND target_country=? AND day>?)" in plan


def test_article_days_are_read_from_the_summary(conn):
    assert article_days(conn) == [("2024-08-10", 1), ("2024-08-20", 3), ("2024-08-21", 1), ("2024-08-23", 2),
                                  ("2024-08-25", 1)]
    conn.execute("UPDATE articles SET published = 'sometime' WHERE id = 'v5'")
    assert ("2024-08-10", 1) not in article_days(conn)  # not a day: left out, as before
