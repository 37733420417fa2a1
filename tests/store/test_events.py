"""Events by filter: the day rule (own date, else the article's publication date), the export's stream order,
keyset pages that cover every event once from any cursor, and what each filter selects."""

from __future__ import annotations

import pytest

from eventwire.store.connect import open_store
from eventwire.store.events import event_page, events_by_key, query_events
from eventwire.store.filters import Dyad, EventFilter
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.sample import varied_articles

V = Versions("c", "d")


@pytest.fixture
def store(tmp_path):
    conn = open_store(tmp_path / "s.db")
    write_batch(conn, start_run(conn, {}, V), varied_articles(), [], V)
    yield conn
    conn.close()


def ids(events):
    return [e["id"] for e in events]


def test_the_day_is_the_own_date_else_the_publication_day(store):
    days = {e["id"]: (e["date"], e["day"]) for e in query_events(store)}
    assert days["v1-E1"] == ("2024-08-23", "2024-08-23")
    assert days["v2-E1"] == (None, "2024-08-20")  # the article's
    assert days["v3-E1"] == (None, "2024-08-25")  # the article's, without its time of day
    assert days["v4-E1"] == (None, None)  # neither
    assert days["v5-E1"] == ("2024-07-30", "2024-07-30")  # its own, before the publication date
    assert days["v8-E1"] == ("2024-08-22", "2024-08-22")  # its own, with an undated article


def test_the_stream_is_by_day_then_article_undated_last(store):
    assert ids(query_events(store)) == ["v5-E1", "v2-E1", "v6-E1", "v7-E1", "v8-E1", "v1-E1", "v3-E1", "v4-E1"]
    assert ids(query_events(store, limit=2)) == ["v5-E1", "v2-E1"]


@pytest.mark.parametrize(("f", "expected"), [
    (EventFilter(since="2024-08-21"), {"v1", "v3", "v7", "v8"}),
    (EventFilter(until="2024-08-20"), {"v2", "v5", "v6"}),
    (EventFilter(since="2024-08-25", until="2024-08-25"), {"v3"}),  # a publication time of day is cut
    (EventFilter(actor="RUS"), {"v1", "v2", "v3", "v4", "v5", "v8"}),
    (EventFilter(actor="rusgov"), {"v1", "v2", "v4"}),
    (EventFilter(country="usa"), {"v4", "v6", "v7"}),
    (EventFilter(source_country="ARM"), {"v3", "v7"}),
    (EventFilter(target_country="RUS"), {"v3", "v4", "v5"}),
    (EventFilter(source_actor="USA"), {"v4", "v6"}),
    (EventFilter(target_actor="RUSMIL"), {"v5"}),
    (EventFilter(cameo="04"), {"v3", "v7"}),
    (EventFilter(cameo="112"), {"v1", "v4", "v6"}),
    (EventFilter(root="19"), {"v5"}),
    (EventFilter(quad_class=1), {"v3", "v7"}),
    (EventFilter(plover="accuse"), {f"v{n}" for n in range(1, 9)}),
    (EventFilter(place="YEREVAN"), {f"v{n}" for n in range(1, 9)}),
    (EventFilter(place="FRA"), set()),
    (EventFilter(text="ceasefire"), {"v1", "v4", "v7"}),
    (EventFilter(dyad=Dyad("RUS", "ARM")), {"v1", "v2", "v3"}),
    (EventFilter(dyad=Dyad("RUS", "ARM", directed=True)), {"v1", "v2"}),
    (EventFilter(dyad=Dyad("USA", "RUS", kind="actor")), {"v4"}),
    (EventFilter(country="RUS", cameo="11", since="2024-08-21"), {"v1", "v8"}),
])
def test_filters_select_the_same_events_in_the_stream_and_the_pages(store, f, expected):
    streamed = {e["id"].split("-")[0] for e in query_events(store, f)}
    assert streamed == expected
    paged, after = [], None
    while True:
        page = event_page(store, f, after, 2)
        paged += [r["id"].split("-")[0] for r in events_by_key(store, [k for _, k in page])]
        if len(page) < 2:
            break
        after = page[-1]
    assert sorted(paged) == sorted(expected)  # every event once


def test_pages_are_newest_day_first_undated_last(store):
    keys = event_page(store, EventFilter(), None, 100)
    days = [d for d, _ in keys]
    assert days == sorted((d for d in days if d), reverse=True) + [None]
    rows = events_by_key(store, [k for _, k in keys])
    assert [r["id"] for r in rows][0] == "v3-E1" and rows[-1]["id"] == "v4-E1"


def test_a_page_after_any_cursor_is_the_rest(store):
    everything = event_page(store, EventFilter(), None, 100)
    for n, cursor in enumerate(everything):
        assert event_page(store, EventFilter(), cursor, 100) == everything[n + 1:]
    assert event_page(store, EventFilter(country="RUS"), everything[0], 1) == [everything[1]]


def test_events_by_key_keeps_the_order_and_drops_unknown_keys(store):
    keys = [k for _, k in event_page(store, EventFilter(), None, 3)]
    rows = events_by_key(store, [keys[2], 999_999, keys[0]])
    assert [r["key"] for r in rows] == [keys[2], keys[0]]
    assert rows[0]["article_id"] and "article_published" in rows[0].keys()
    assert events_by_key(store, []) == []
