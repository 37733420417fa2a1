"""GET /api/quotes, /api/actors and /api/actors/{id}."""

from __future__ import annotations


def test_quotes_by_speaker_and_text(client):
    assert len(client.get("/api/quotes?speaker=lavrov").json()["items"]) == 2
    assert len(client.get("/api/quotes?speaker_code=RUS").json()["items"]) == 2
    assert client.get("/api/quotes?speaker=nobody").json()["items"] == []
    assert len(client.get("/api/quotes?q=retreat").json()["items"]) == 2


def test_quotes_by_actor_mentioned(client):
    assert client.get("/api/quotes?mentions=armenia").json()["items"] == []  # named outside the quote


def test_quote_pages(client):
    first = client.get("/api/quotes?limit=1").json()
    second = client.get(f"/api/quotes?limit=1&cursor={first['next_cursor']}").json()
    assert first["items"][0]["key"] > second["items"][0]["key"]


def test_actor_search_finds_store_actors_and_countries(client):
    ids = [a["id"] for a in client.get("/api/actors?q=arm").json()["items"]]
    assert "arm" in ids and "armenia" in ids


def test_actor_profile_has_roles_and_counterparts(client):
    body = client.get("/api/actors/russia-gov").json()
    assert body["events"] == 2 and body["codes_seen"][0]["code"] == "RUSGOV"
    assert body["counterparts"][0] == {"other": "armenia", "name": "Armenia", "direction": "acts on", "events": 2,
                                       "goldstein_mean": -2.0}
    lavrov = client.get("/api/actors/sergey-lavrov").json()["knowledge_base"]
    assert any(r["code"] == "RUSGOV" and r["start"] for r in lavrov["roles"])


def test_unknown_actor_is_404(client):
    assert client.get("/api/actors/no-such-actor").status_code == 404
