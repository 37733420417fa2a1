"""The event filter builder: each field adds its condition with parameters only, codes are normalised, "either"
filters and dyads become index-friendly branches, and keyset cursors split into dated and undated parts."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from eventwire.store import filters
from eventwire.store.filters import Dyad, EventFilter, Where, event_where

# A value for every field, as a caller would give it.
EXAMPLE = {"since": "2024-01-01", "until": "2024-12-31", "actor": "rus", "country": "arm", "source_actor": "rusgov",
           "target_actor": "arm", "source_country": "rus", "target_country": "arm", "cameo": "11", "root": "4",
           "quad_class": 3, "plover": "accuse", "place": "Yerevan", "text": '"betrayal"',
           "dyad": Dyad("rus", "arm"), "negated": False, "hypothetical": True, "min_confidence": 0.5,
           "date_precision": "day", **({"background": False} if filters.HAS_BACKGROUND else {})}


def test_nothing_selects_everything():
    assert event_where(filters.EVERYTHING) == Where()
    assert event_where(filters.EVERYTHING).sql() == ("1", [])
    assert event_where(filters.EVERYTHING).branches() == [("1", [])]


def test_every_field_has_a_condition():
    untested = set() if filters.HAS_BACKGROUND else {"background"}  # a store without the column refuses it
    assert set(EXAMPLE) == {f.name for f in dataclasses.fields(EventFilter)} - untested  # a new field: an example
    for name, value in EXAMPLE.items():
        w = event_where(EventFilter(**{name: value}))
        sql, params = w.sql()
        assert sql != "1" and params, name
        assert "?" in sql and str(value) not in sql, name  # values go as parameters, never into the SQL


@pytest.mark.parametrize(("field", "value", "sql", "params"), [
    ("since", "2024-01-01", "(e.day >= ?)", ["2024-01-01"]),
    ("until", "2024-01-31", "(e.day <= ?)", ["2024-01-31"]),
    ("root", "4", "(e.root = ?)", ["04"]),
    ("plover", "accuse", "(e.plover_type = ?)", ["ACCUSE"]),
    ("source_country", "rus", "(e.source_country = ?)", ["RUS"]),
    ("cameo", "11", "(e.cameo >= ? AND e.cameo < ?)", ["11", "11~"]),
    ("target_actor", "armgov", "(e.target_code >= ? AND e.target_code < ?)", ["ARMGOV", "ARMGOV~"]),
    ("quad_class", 4, "(e.quad_class = ?)", [4]),
])
def test_one_field(field, value, sql, params):
    assert event_where(EventFilter(**{field: value})).sql() == (sql, params)


def test_flags_select_on_or_off():
    assert event_where(EventFilter(negated=True)).sql() == ("(e.negated = ?)", [1])
    assert event_where(EventFilter(hypothetical=False)).sql() == ("(e.hypothetical = ?)", [0])
    assert event_where(EventFilter(min_confidence=0.7)).sql() == ("(e.confidence >= ?)", [0.7])
    assert event_where(EventFilter(date_precision="month")).sql() == ("(e.date_precision = ?)", ["month"])
    assert event_where(EventFilter(date_precision="none")).sql() == ("(e.date IS NULL)", [])


def test_actual_events_are_neither_negated_nor_hypothetical_nor_background():
    actual = filters.actual_events(EventFilter(country="ARM"))
    assert (actual.negated, actual.hypothetical, actual.country) == (False, False, "ARM")
    assert actual.background is (False if filters.HAS_BACKGROUND else None)
    assert filters.actual_events(EventFilter(hypothetical=True)).hypothetical is True  # a flag asked for is kept


@pytest.mark.skipif(filters.HAS_BACKGROUND, reason="the store's events carry the background flag")
def test_a_background_filter_needs_the_flag_in_the_store():
    with pytest.raises(ValueError, match="background"):
        event_where(EventFilter(background=False))


def test_flag_filters_select_in_sqlite(tmp_path):
    from dataclasses import replace

    from eventwire.store.connect import open_store
    from eventwire.store.events import query_events
    from eventwire.store.write import Versions, start_run, write_batch
    from tests.store.sample import sample_article

    items = []
    for n, (negated, hypothetical, confidence, date) in enumerate(
            [(False, False, 0.9, "2024-08-23"), (True, False, 0.8, "2024-08-23"), (False, True, 0.4, None),
             (True, True, 0.6, None)]):
        source, coded = sample_article(f"f{n}", text=f"Flag {n}. " + sample_article()[0].text, date=date)
        event = replace(coded.events[0], negated=negated, hypothetical=hypothetical, confidence=confidence,
                        date_precision="day" if date else None)
        items.append((source, replace(coded, events=(event,))))
    conn = open_store(tmp_path / "s.db")
    write_batch(conn, start_run(conn, {}, Versions("c", "d")), items, [], Versions("c", "d"))

    def ids(f):
        return sorted(e["id"] for e in query_events(conn, f))

    assert ids(filters.actual_events(EventFilter())) == ["f0-E1"]
    assert ids(EventFilter(negated=True)) == ["f1-E1", "f3-E1"]
    assert ids(EventFilter(hypothetical=True, negated=False)) == ["f2-E1"]
    assert ids(EventFilter(min_confidence=0.6)) == ["f0-E1", "f1-E1", "f3-E1"]
    assert ids(EventFilter(date_precision="none")) == ["f2-E1", "f3-E1"]
    assert ids(EventFilter(date_precision="day")) == ["f0-E1", "f1-E1"]
    conn.close()


def test_either_side_is_one_branch_per_side():
    w = event_where(EventFilter(country="arm", actor="RUS", quad_class=3))
    assert w.all == [("e.quad_class = ?", [3])]
    branches = w.branches()
    assert len(branches) == 4  # (source or target country) x (source or target actor)
    assert all(b[0].startswith("(e.quad_class = ?)") and " OR " not in b[0] for b in branches)
    sql, params = w.sql()
    assert sql.count(" OR ") == 2 and params == [3, "RUS", "RUS~", "RUS", "RUS~", "ARM", "ARM"]


def test_dyad_pairs():
    both = filters.dyad_pairs(Dyad("rus", "arm"))
    assert [p for _, p in both] == [["RUS", "ARM"], ["ARM", "RUS"]]
    assert "e.source_country = ?" in both[0][0] and "e.target_country = ?" in both[0][0]
    (one,) = filters.dyad_pairs(Dyad("RUSGOV", "ARM", kind="actor", directed=True))
    assert one == ("(e.source_code >= ? AND e.source_code < ?) AND (e.target_code >= ? AND e.target_code < ?)",
                   ["RUSGOV", "RUSGOV~", "ARM", "ARM~"])


def test_keyset_alternatives():
    assert filters.keyset_after(None) == [("1", [])]
    assert filters.keyset_after(("2024-08-23", 7)) == [("(e.day, e.rowid) < (?, ?)", ["2024-08-23", 7]),
                                                       ("e.day IS NULL", [])]
    assert filters.keyset_after((None, 7)) == [("e.day IS NULL AND e.rowid < ?", [7])]
    assert filters.keyset_after(("2024-08-23", "c1"), "c.first_date", "c.id")[0][0] == "(c.first_date, c.id) < (?, ?)"


def test_helpers():
    assert filters.all_of([]) == ("1", [])
    assert filters.all_of([("a = ?", [1]), ("b = ?", [2])]) == ("(a = ?) AND (b = ?)", [1, 2])
    assert filters.any_of([("a = ?", [1]), ("b = ?", [2])]) == ("(a = ?) OR (b = ?)", [1, 2])
    assert filters.code_prefix("x", "RUS") == ("x >= ? AND x < ?", ["RUS", "RUS~"])


def test_a_prefix_range_is_a_prefix_match():
    """The range form matches exactly what a prefix match would, for upper-case codes and digits."""
    conn = sqlite3.connect(":memory:")
    codes = ["RUS", "RUSGOV", "RUSMIL", "RU", "RUT", "ARM", "RUS0", "RUSZ"]
    conn.execute("CREATE TABLE t (c TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(c,) for c in codes])
    sql, params = filters.code_prefix("c", "RUS")
    assert sorted(r[0] for r in conn.execute(f"SELECT c FROM t WHERE {sql}", params)) == sorted(
        c for c in codes if c.startswith("RUS"))
