"""One filter grammar: the API's event list (every page) and ``eventwire export`` with the same filters give the
same events, dated and undated alike; dyad events and timelines count what the store filter selects."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from eventwire.cli.corpus import main
from eventwire.export.writers import export_events
from eventwire.serve import Settings, make_app
from eventwire.store.connect import open_store
from eventwire.store.events import query_events
from eventwire.store.filters import Dyad, EventFilter, actual_events
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.sample import VARIED, varied_articles

# (article, negated, hypothetical, confidence, date precision): copies of VARIED articles whose one event is
# not an actual event, or is less certain, or is dated less precisely.
FLAGGED = (("v1", True, False, 0.9, "day"), ("v2", False, True, 0.5, None), ("v5", True, True, 0.3, "month"),
           ("v6", False, False, 0.4, "month"), ("v8", False, True, 0.8, "year"))


def flagged_articles():
    by_id = {source.id: (source, coded) for source, coded in varied_articles()}
    items = []
    for article_id, negated, hypothetical, confidence, precision in FLAGGED:
        source, coded = by_id[article_id]
        ident = f"{article_id}f"
        event = replace(coded.events[0], id=f"{ident}-E1", negated=negated, hypothetical=hypothetical,
                        confidence=confidence, date_precision=precision)
        items.append((replace(source, id=ident, text=f"Flagged. {source.text}"),
                      replace(coded, article=replace(coded.article, id=ident), events=(event,))))
    return items


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("parity") / "s.db"
    conn = open_store(path)
    write_batch(conn, start_run(conn, {}, Versions("c", "d")), varied_articles() + flagged_articles(), [],
                Versions("c", "d"))
    conn.close()
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(make_app(Settings(db=db, max_limit=100)), base_url="http://localhost") as c:
        yield c


def api_ids(client, path, params):
    """Every page of an API list, two events a page."""
    found, cursor = [], None
    while True:
        response = client.get(path, params={**params, "limit": 2, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        found += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return found


def export_ids(db, tmp_path, f):
    out = tmp_path / "events.jsonl"
    count = export_events(db, "jsonl", f, out)
    ids = [json.loads(line)["event_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert count == len(ids)
    return ids


# (API query, the export's filter): the same selection in each grammar.
SAME = [
    ({}, EventFilter()),
    ({"since": "2024-08-21"}, EventFilter(since="2024-08-21")),
    ({"until": "2024-08-20"}, EventFilter(until="2024-08-20")),
    ({"since": "2024-08-20", "until": "2024-08-25"}, EventFilter(since="2024-08-20", until="2024-08-25")),
    ({"actor": "rus"}, EventFilter(actor="RUS")),
    ({"actor": "RUSGOV", "since": "2024-08-01"}, EventFilter(actor="rusgov", since="2024-08-01")),
    ({"country": "USA"}, EventFilter(country="usa")),
    ({"source_country": "ARM"}, EventFilter(source_country="ARM")),
    ({"target_actor": "RUS"}, EventFilter(target_actor="RUS")),
    ({"cameo": "11"}, EventFilter(cameo="11")),
    ({"cameo": "112", "until": "2024-08-22"}, EventFilter(cameo="112", until="2024-08-22")),
    ({"root": "4"}, EventFilter(root="04")),
    ({"quad_class": 3}, EventFilter(quad_class=3)),
    ({"plover": "accuse"}, EventFilter(plover="ACCUSE")),
    ({"place": "yerevan"}, EventFilter(place="yerevan")),
    ({"q": "ceasefire"}, EventFilter(text="ceasefire")),
    ({"country": "RUS", "cameo": "11", "since": "2024-08-21"}, EventFilter(country="RUS", cameo="11",
                                                                          since="2024-08-21")),
    ({"negated": "true"}, EventFilter(negated=True)),
    ({"hypothetical": "true", "country": "RUS"}, EventFilter(hypothetical=True, country="RUS")),
    ({"negated": "false", "hypothetical": "true"}, EventFilter(negated=False, hypothetical=True)),
    ({"min_confidence": "0.5"}, EventFilter(min_confidence=0.5)),
    ({"date_precision": "month"}, EventFilter(date_precision="month")),
    ({"date_precision": "none"}, EventFilter(date_precision="none")),
]


@pytest.mark.parametrize("everything", [False, True], ids=["actual events (the default)", "all_events"])
@pytest.mark.parametrize(("query", "f"), SAME, ids=[json.dumps(q) for q, _ in SAME])
def test_the_api_and_the_export_select_the_same_events(client, db, tmp_path, query, f, everything):
    from_api = api_ids(client, "/api/events", {**query, **({"all_events": "true"} if everything else {})})
    from_export = export_ids(db, tmp_path, f if everything else actual_events(f))
    assert len(from_api) == len(set(from_api))  # no event on two pages
    assert sorted(from_api) == sorted(from_export) and len(from_api) == len(from_export)


def test_flags_change_what_is_selected(client):
    actual = set(api_ids(client, "/api/events", {}))
    everything = set(api_ids(client, "/api/events", {"all_events": "true"}))
    assert everything - actual == {"v1f-E1", "v2f-E1", "v5f-E1", "v8f-E1"}  # negated or hypothetical
    assert "v6f-E1" in actual  # unsure and dated by month, but it happened
    assert set(api_ids(client, "/api/events", {"all_events": "true", "hypothetical": "true"})) == {
        "v2f-E1", "v5f-E1", "v8f-E1"}
    body = client.get("/api/events", params={"all_events": "true", "negated": "true", "limit": 100}).json()
    assert {e["id"] for e in body["items"]} == {"v1f-E1", "v5f-E1"} and all(e["negated"] for e in body["items"])


def test_the_selections_differ_and_undated_events_take_part(client, db, tmp_path):
    selections = {json.dumps(q): frozenset(api_ids(client, "/api/events", q)) for q, _ in SAME}
    assert len(set(selections.values())) >= 12  # the filters do select differently
    everything = selections["{}"]
    assert len(everything) == len(VARIED) + 1  # and v6f, the one actual event among the flagged
    undated = {"v2-E1", "v3-E1", "v7-E1"}  # no date of their own: their article's publication day
    assert undated <= everything and undated & selections[json.dumps({"since": "2024-08-21"})] == {"v3-E1", "v7-E1"}
    assert "v2-E1" in selections[json.dumps({"until": "2024-08-20"})]
    assert "v4-E1" in everything and "v4-E1" not in selections[json.dumps({"until": "2024-08-20"})]  # no day at all


def test_the_command_line_agrees(client, db, tmp_path):
    out = tmp_path / "cli.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(out), "--source-country", "rus",
                 "--since", "2024-08-20", "--target-actor", "ARM"]) == 0
    from_cli = [json.loads(line)["event_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    query = {"source_country": "RUS", "since": "2024-08-20", "target_actor": "ARM"}
    assert from_cli and sorted(from_cli) == sorted(api_ids(client, "/api/events", query))


@pytest.mark.parametrize(("options", "query"), [
    ([], {}),
    (["--all-events"], {"all_events": "true"}),
    (["--all-events", "--hypothetical", "--no-negated"], {"all_events": "true", "hypothetical": "true",
                                                          "negated": "false"}),
    (["--negated"], {"negated": "true"}),
    (["--min-confidence", "0.5", "--date-precision", "day"], {"min_confidence": "0.5", "date_precision": "day"}),
])
def test_the_command_line_flags_agree(client, db, tmp_path, options, query):
    out = tmp_path / "cli.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(out), *options]) == 0
    import csv

    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and sorted(r["event_id"] for r in rows) == sorted(api_ids(client, "/api/events", query))
    assert {"negated", "hypothetical", "confidence", "date_precision"} <= set(rows[0])

def test_the_event_day_is_in_the_api_and_the_export(client, db, tmp_path):
    by_id = {e["id"]: e for e in client.get("/api/events", params={"limit": 100}).json()["items"]}
    assert by_id["v3-E1"]["date"] is None and by_id["v3-E1"]["day"] == "2024-08-25"
    out = tmp_path / "e.jsonl"
    export_events(db, "jsonl", EventFilter(), out)
    rows = {r["event_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert rows["v3-E1"]["event_date"] == "2024-08-25" and rows["v4-E1"]["event_date"] is None


@pytest.mark.parametrize(("a", "b", "kind", "directed"), [("RUS", "ARM", "country", False),
                                                         ("RUS", "ARM", "country", True),
                                                         ("USA", "ARM", "actor", False)])
def test_dyad_events_and_timelines_count_the_store_filter(client, db, a, b, kind, directed):
    params = {"a": a, "b": b, "kind": kind, "directed": str(directed).lower(), "since": "2024-08-01"}
    conn = open_store(db)
    try:
        expected = sorted(e["id"] for e in query_events(conn, EventFilter(since="2024-08-01",
                                                                          dyad=Dyad(a, b, kind, directed))))
    finally:
        conn.close()
    assert expected
    assert sorted(api_ids(client, "/api/dyads/events", {**params, "all_events": "true"})) == expected
    series = client.get("/api/dyads", params={**params, "interval": "day", "all_events": "true"}).json()
    assert series["total"] == len(expected)
    conn = open_store(db)
    try:
        actual = sorted(e["id"] for e in query_events(conn, actual_events(EventFilter(
            since="2024-08-01", dyad=Dyad(a, b, kind, directed)))))
    finally:
        conn.close()
    assert sorted(api_ids(client, "/api/dyads/events", params)) == actual
    assert client.get("/api/dyads", params={**params, "interval": "month"}).json()["total"] == len(actual)


def test_dyad_series_count_what_the_export_selects(client, db, tmp_path):
    """Per month, the timeline's counts are the export's rows of that month, with and without the flags."""
    for extra, f in (({}, actual_events(EventFilter(dyad=Dyad("RUS", "ARM")))),
                     ({"all_events": "true"}, EventFilter(dyad=Dyad("RUS", "ARM"))),
                     ({"all_events": "true", "hypothetical": "true"}, EventFilter(dyad=Dyad("RUS", "ARM"),
                                                                                  hypothetical=True))):
        out = tmp_path / "d.jsonl"
        export_events(db, "jsonl", f, out)
        months: dict[str, int] = {}
        for row in map(json.loads, out.read_text(encoding="utf-8").splitlines()):
            if row["event_date"]:
                months[row["event_date"][:7]] = months.get(row["event_date"][:7], 0) + 1
        series = client.get("/api/dyads", params={"a": "RUS", "b": "ARM", "interval": "month", **extra}).json()
        assert {p["period"]: p["total"] for p in series["series"] if p["total"]} == months, extra


def test_parquet_takes_the_day_of_a_publication_time(db, tmp_path):
    import datetime as dt

    import pyarrow.parquet as pq

    out = tmp_path / "e.parquet"
    assert export_events(db, "parquet", EventFilter(), out) == len(VARIED) + len(FLAGGED)
    rows = {r["event_id"]: r for r in pq.read_table(out).to_pylist()}
    assert rows["v3-E1"]["article_published"] == dt.date(2024, 8, 25)  # published 2024-08-25T09:30:00+00:00
