"""Writing coded articles and reading them back (filters: test_events.py, test_filters.py)."""

from __future__ import annotations

import json

import pytest

from eventwire.store.connect import open_store
from eventwire.store.events import query_events
from eventwire.store.filters import EventFilter
from eventwire.store.read import count_rows, dump_store, search_quotes
from eventwire.store.write import Versions, coded_versions, finish_run, start_run, write_batch
from tests.store.sample import sample_article

V1 = Versions("c1", "d1")


@pytest.fixture
def store(tmp_path):
    conn = open_store(tmp_path / "s.db")
    run = start_run(conn, {"test": True}, V1)
    items = [sample_article("a1"), sample_article("a2", text="Other text. " * 3, cameo="042", date="2023-01-05",
                                                  published="2023-01-04")]
    write_batch(conn, run, items, [], V1)
    finish_run(conn, run, {"coded": 2})
    return conn


def test_round_trip(store):
    events = list(query_events(store))
    assert [e["id"] for e in events] == ["a2-E1", "a1-E1"]  # by day
    e = events[1]
    assert (e["source_code"], e["target_code"], e["cameo"], e["root"], e["quad_class"]) == ("RUSGOV", "ARM", "112",
                                                                                            "11", 3)
    assert e["evidence"] == "Moscow accused Armenia of betrayal on Friday in Yerevan."
    assert e["location_name"] == "Yerevan" and json.loads(e["plover_context"]) == ["diplomatic"]
    assert e["article_url"] == "https://example.org/a1"
    assert count_rows(store, "mentions") == 6 and count_rows(store, "actors") == 3
    quote = store.execute("SELECT text, speaker_code, cue_text FROM quotes WHERE id = 'a1-Q1'").fetchone()
    assert tuple(quote) == ("We will not retreat,", "RUSGOV", "Lavrov said")


def test_quote_search(store):
    assert [q["id"] for q in search_quotes(store, "retreat")] == ["a1-Q1", "a2-Q1"]


def test_existing_article_is_kept_unless_replaced(store):
    item, coded = sample_article("a1")
    run = start_run(store, {}, Versions("c2", "d2"))
    assert write_batch(store, run, [(item, coded)], [], Versions("c2", "d2")) == 0
    assert set(coded_versions(store).values()) == {V1}
    assert write_batch(store, run, [(item, coded)], [], Versions("c2", "d2"), replace=True) == 1
    assert Versions("c2", "d2") in set(coded_versions(store).values())
    assert count_rows(store, "events") == 2  # the old events went with the old row
    assert [e["id"] for e in query_events(store, EventFilter(text="betrayal"))] == ["a1-E1"]


def test_a_failing_batch_leaves_the_store_as_it_was(store):
    before = dump_store(store)
    good = sample_article("a3", text="A third text.")
    bad_source, bad = sample_article("a4", text="A fourth text.")
    bad = bad.__class__(article=bad.article, events=(bad.events[0].__class__(**{**bad.events[0].__dict__,
                                                                                  "cameo": None}),))
    with pytest.raises(TypeError):  # the second article cannot be written, after the first was
        write_batch(store, 1, [good, (bad_source, bad)], [], V1)
    assert dump_store(store) == before
