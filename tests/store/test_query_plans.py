"""The API's filters walk an index (EXPLAIN QUERY PLAN): date ranges seek ``events_day`` (the stored day, not
a COALESCE over a join), code prefixes seek a code index, sides and dyads their ``(..., day, ...)`` indexes; no
query reads the whole events table. Checked with and without planner statistics (which index wins may
depend on them: any index that seeks the filter is fine)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from eventwire.store.aggregates import PERIODS
from eventwire.store.connect import open_store
from eventwire.store.events import event_page_sql, event_stream_sql
from eventwire.store.filters import Dyad, EventFilter, actual_events, all_of, event_where
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.sample import varied_articles

WINDOW = {"since": "2024-08-01", "until": "2024-08-31"}
V = Versions("c", "d")


@pytest.fixture(scope="module", params=[False, True], ids=["no statistics", "analyzed"])
def conn(request, tmp_path_factory):
    conn = open_store(tmp_path_factory.mktemp("plans") / "s.db")
    items = []
    for n in range(30):  # 240 events over 8 dyads and codes
        for source, coded in varied_articles():
            ident = f"{source.id}x{n}"
            items.append((replace(source, id=ident, text=f"{n} {source.text}"), coded))
    write_batch(conn, start_run(conn, {}, V), items, [], V)
    if request.param:
        conn.execute("ANALYZE")
    yield conn
    conn.close()


def plan(conn, sql, params):
    return [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


def events_access(lines):
    """The plan lines that read the events table (alias e)."""
    return [line for line in lines if re.match(r"(SCAN|SEARCH) e\b", line)]


def assert_indexed(lines):
    access = events_access(lines)
    assert access, lines
    assert all("INDEX" in line for line in access), lines  # never a plain "SCAN e"


@pytest.mark.parametrize(("f", "seek"), [
    (EventFilter(**WINDOW), r"events_day \(day>\? AND day<\?\)"),
    (EventFilter(country="RUS", **WINDOW), r"events_\w+_country_page \(\w+_country=\? AND day>\? AND day<\?"),
    (EventFilter(source_country="RUS", root="11", **WINDOW), r"events_source_country_page"),
    (EventFilter(cameo="11"), r"events_cameo \(cameo>\? AND cameo<\?\)|events_day"),
    (EventFilter(cameo="11", **WINDOW), r"events_cameo|events_day \(day>\? AND day<\?\)"),
    (EventFilter(actor="RUS"), r"(source|target)_code>\? AND \w+_code<\?"),
    (EventFilter(dyad=Dyad("RUS", "ARM"), **WINDOW), r"events_\w+_(page|flags) \((source|target)_country=\? AND "),
])
@pytest.mark.parametrize("after", [None, ("2024-08-20", 10**6)], ids=["first page", "later page"])
def test_event_pages_use_an_index(conn, f, seek, after):
    lines = plan(conn, *event_page_sql(f, after, 50))
    assert_indexed(lines)
    if after is None:
        assert all(re.search(seek, line) for line in events_access(lines)), lines


@pytest.mark.parametrize("f", [EventFilter(country="RUS", root="11", **WINDOW),
                               EventFilter(source_country="ARM", quad_class=3, **WINDOW),
                               EventFilter(target_country="RUS", **WINDOW)])
def test_a_country_page_filters_in_its_index(conn, f):
    """The filters of a country's page (CAMEO, root, quad class, the flags of actual events) are in the side
    indexes (m010): the page's query reads no table row, only index entries."""
    lines = plan(conn, *event_page_sql(actual_events(f), None, 50))
    assert events_access(lines) and all(re.search(r"COVERING INDEX events_\w+_country_page", line)
                                        for line in events_access(lines)), lines


def test_a_later_page_seeks_to_its_cursor(conn):
    lines = plan(conn, *event_page_sql(EventFilter(), ("2024-08-20", 10**6), 50))
    assert_indexed(lines)
    assert any("events_day (day<?)" in line for line in lines), lines  # (day, rowid) < cursor: a seek
    assert any("events_day (day=?" in line for line in lines), lines  # the undated rest: day IS NULL


@pytest.mark.parametrize("actual", [False, True], ids=["every event", "actual events"])
def test_dyad_timelines_read_only_a_covering_index(conn, actual):
    f = EventFilter(dyad=Dyad("RUS", "ARM"), **WINDOW)
    cond, params = all_of([event_where(actual_events(f) if actual else f).sql(), ("e.day IS NOT NULL", [])])
    sql = (f"SELECT {PERIODS['week']} AS period, e.quad_class, COUNT(*), SUM(e.goldstein) FROM events e "
           f"WHERE {cond} GROUP BY 1, 2")
    lines = plan(conn, sql, params)
    assert_indexed(lines)  # the flags are in the dyad index (m008): the default selection reads no table row
    analyzed = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
    if not analyzed:  # statistics of this small store may prefer the day index; on a big one the dyad index wins
        assert all("COVERING INDEX events_dyad_country_flags" in line for line in events_access(lines)), lines


@pytest.mark.parametrize("f", [EventFilter(**WINDOW), EventFilter(cameo="112"), EventFilter(country="ARM", **WINDOW)])
def test_the_export_stream_uses_an_index(conn, f):
    assert_indexed(plan(conn, *event_stream_sql(f)))
