"""GET /api/events, /api/events/{key}, /api/clusters, /api/places: filters, pages and evidence."""

from __future__ import annotations

import pytest


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


def test_clusters_merge_on_the_key(client):
    body = client.get("/api/clusters").json()
    assert [c["key"]["cameo"] for c in body["items"]] == ["112", "111"]
    assert body["items"][0]["num_mentions"] == 1 and body["items"][0]["id"].startswith("EC-")


def test_places_for_the_map(client):
    items = client.get("/api/places").json()["items"]
    assert items == [{"name": "Yerevan", "country": "ARM", "lat": 40.18, "lon": 44.51, "events": 2, "conflict": 2,
                      "goldstein_mean": -2.0}]
