"""GET /api/events, /api/events/{key}, /api/clusters, /api/places: filters, pages and evidence."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from eventwire.corpus.versions import current_versions
from eventwire.serve import Settings, make_app
from eventwire.store.cluster_reads import read_event_clusters
from eventwire.store.clusters import refresh_clusters
from eventwire.store.connect import open_store
from eventwire.store.write import start_run, write_batch
from tests.serve.conftest import API_KEY
from tests.store.sample import TEXT, sample_article


def keys(body):
    return [e["id"] for e in body["items"]]


def test_events_newest_first_with_article(client):
    body = client.get("/api/events").json()
    assert keys(body) == ["a1-E1", "a2-E1"]
    first = body["items"][0]
    assert first["source"]["code"] == "RUSGOV" and first["target"]["country"] == "ARM"
    assert first["article"]["id"] == "a1" and first["trigger"]["text"] == "accused"
    assert body["next_cursor"] is None


@pytest.mark.parametrize(("query", "expected"), [
    ("since=2024-08-21", ["a1-E1"]), ("until=2024-08-20", ["a2-E1"]), ("actor=RUS", ["a1-E1", "a2-E1"]),
    ("actor=rusgov", ["a1-E1", "a2-E1"]), ("country=ARM", ["a1-E1", "a2-E1"]), ("country=FRA", []),
    ("source_country=ARM", []), ("target_actor=ARM", ["a1-E1", "a2-E1"]), ("cameo=112", ["a1-E1"]),
    ("cameo=11", ["a1-E1", "a2-E1"]), ("root=11", ["a1-E1", "a2-E1"]), ("plover=accuse", ["a1-E1", "a2-E1"]),
    ("quad_class=4", []), ("place=yerevan", ["a1-E1", "a2-E1"]), ("q=betrayal", ["a1-E1", "a2-E1"]),
    ("q=nothing-like-this", []), ("country=ARM&actor=RUS&cameo=111", ["a2-E1"]),
])
def test_event_filters(client, query, expected):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    assert keys(response.json()) == expected


def test_cursor_pages_cover_everything_once(client):
    first = client.get("/api/events?limit=1").json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = client.get(f"/api/events?limit=1&cursor={first['next_cursor']}").json()
    assert keys(first) + keys(second) == ["a1-E1", "a2-E1"]
    third = client.get(f"/api/events?limit=1&cursor={second['next_cursor']}").json()
    assert third["items"] == [] and third["next_cursor"] is None


def test_event_detail_has_evidence_spans(client):
    key = client.get("/api/events?cameo=112").json()["items"][0]["key"]
    body = client.get(f"/api/events/{key}").json()
    text = body["text"]
    assert text[body["source_span"]["start"]:body["source_span"]["end"]] == "Moscow"
    assert text[body["target_span"]["start"]:body["target_span"]["end"]] == "Armenia"
    assert body["event"]["trigger"]["text"] == "accused"


def test_unknown_event_is_404(client):
    response = client.get("/api/events/999999")
    assert response.status_code == 404 and "no event" in response.json()["error"]["message"]


def stored_clusters(db):
    conn = open_store(db)
    try:
        return list(read_event_clusters(conn))
    finally:
        conn.close()


def test_clusters_are_the_stored_ones(client, db):
    body = client.get("/api/clusters").json()
    assert body["note"] is None and body["next_cursor"] is None
    assert [c["key"]["cameo"] for c in body["items"]] == ["112", "111"]  # newest first
    stored = {c["id"]: c for c in stored_clusters(db)}
    assert {c["id"] for c in body["items"]} == set(stored)  # the ids of `eventwire export --format clusters`
    for cluster in body["items"]:
        same = stored[cluster["id"]]
        for field in ("num_mentions", "num_articles", "num_sources", "num_stories", "first_date", "last_date",
                      "why", "location"):
            assert cluster[field] == same[field], field
        assert cluster["key"]["date"] == same["date_key"] and cluster["key"]["source_code"] == "RUSGOV"
        assert [m["id"] for m in cluster["members"]] == [m["event_id"] for m in same["members"]]
        assert [m["why"] for m in cluster["members"]] == [m["why"] for m in same["members"]]
        assert cluster["event_keys"] == [m["key"] for m in cluster["members"]]
    first = body["items"][0]
    assert first["num_mentions"] == 1 and first["members"][0]["article"]["id"] == "a1"
    assert first["goldstein"] == -2.0 and first["quad_class"] == 3


def test_clusters_merge_mentions(tmp_path, db):
    conn = open_store(db)
    versions = current_versions()
    write_batch(conn, start_run(conn, {}, versions), [sample_article(
        "a3", text="Third text. " + TEXT, published="2024-08-20", cameo="111", date="2024-08-20")], [], versions)
    refresh_clusters(conn)
    conn.close()
    with TestClient(make_app(Settings(db=db, max_limit=100)), base_url="http://localhost") as c:
        body = c.get("/api/clusters?cameo=111").json()
    [cluster] = body["items"]
    assert cluster["num_mentions"] == 2 and cluster["num_articles"] == 2
    assert cluster["article_ids"] == ["a2", "a3"] and len(cluster["why"]) >= 1
    assert {m["article"]["id"] for m in cluster["members"]} == {"a2", "a3"}
    assert cluster["id"] in {s["id"] for s in stored_clusters(db)}


@pytest.mark.parametrize(("query", "expected"), [
    ("cameo=111", ["111"]), ("since=2024-08-21", ["112"]), ("until=2024-08-20", ["111"]), ("country=FRA", []),
    ("actor=RUS", ["112", "111"]), ("q=betrayal", ["112", "111"]), ("country=ARM&actor=RUS&cameo=111", ["111"]),
])
def test_cluster_filters(client, query, expected):
    response = client.get(f"/api/clusters?{query}")
    assert response.status_code == 200, response.text
    assert [c["key"]["cameo"] for c in response.json()["items"]] == expected


def test_cluster_cursor_pages_cover_everything_once(client):
    first = client.get("/api/clusters?limit=1").json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = client.get(f"/api/clusters?limit=1&cursor={first['next_cursor']}").json()
    assert [c["key"]["cameo"] for c in first["items"] + second["items"]] == ["112", "111"]
    third = client.get(f"/api/clusters?limit=1&cursor={second['next_cursor']}").json()
    assert third["items"] == [] and third["next_cursor"] is None


@pytest.mark.parametrize(("query", "status"), [("cursor=bm9wZQ", 400), ("limit=101", 422), ("cameo=999", 422),
                                               ("since=2024-08-22&until=2024-08-01", 422), ("bogus=1", 422)])
def test_cluster_errors_are_json(client, query, status):
    response = client.get(f"/api/clusters?{query}")
    assert response.status_code == status and response.json()["error"]["status"] == status


def test_clusters_not_stored_yet_say_so(tmp_path):
    path = tmp_path / "old.db"
    conn = open_store(path)
    versions = current_versions()
    write_batch(conn, start_run(conn, {}, versions), [sample_article("a1")], [], versions)  # no refresh
    conn.close()
    with TestClient(make_app(Settings(db=path, max_limit=100)), base_url="http://localhost") as c:
        body = c.get("/api/clusters").json()
    assert body["items"] == [] and body["next_cursor"] is None and "no stored clusters" in body["note"]


def test_post_code_refreshes_clusters_as_a_run_does(settings):
    class Coder:  # a stand-in coder whose record has one event (CAMEO 120) on a day no stored event has
        def code(self, text, published=None, **meta):  # noqa: ANN001, ANN201
            return sample_article("a3", text=text, published="2024-08-24", cameo="120", date="2024-08-24")[1]

    body = {"text": "A new article that was not clustered.", "published": "2024-08-24", "id": "new"}
    with TestClient(make_app(settings, coder_factory=Coder), base_url="http://localhost") as c:
        assert c.post("/api/code", json=body, headers={"X-API-Key": API_KEY}).status_code == 201
        listed = c.get("/api/clusters").json()
    assert listed["note"] is None  # not "out of date": the POST refreshed them
    assert sorted(item["key"]["cameo"] for item in listed["items"]) == ["111", "112", "120"]
    conn = open_store(settings.db)
    (counts,) = conn.execute("SELECT counts FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    assert json.loads(counts)["event_clusters"] == 3


def test_places_for_the_map(client):
    items = client.get("/api/places").json()["items"]
    assert items == [{"name": "Yerevan", "country": "ARM", "lat": 40.18, "lon": 44.51, "events": 2, "conflict": 2,
                      "goldstein_mean": -2.0}]
