"""GET /api/articles, /api/articles/{hash} and POST /api/code with its API key."""

from __future__ import annotations

from tests.serve.conftest import API_KEY


def test_articles_list_and_detail(client):
    items = client.get("/api/articles").json()["items"]
    assert [a["id"] for a in items] == ["a1", "a2"] and items[0]["events"] == 1
    detail = client.get(f"/api/articles/{items[0]['hash']}").json()
    assert detail["text"].startswith("Moscow") and len(detail["events"]) == 1
    assert detail["quotes"][0]["speaker_actor_id"] == "lavrov" and len(detail["mentions"]) == 3
    assert detail["places"][0]["name"] == "Yerevan"


def test_article_pages_and_unknown_hash(client):
    first = client.get("/api/articles?limit=1").json()
    second = client.get(f"/api/articles?limit=1&cursor={first['next_cursor']}").json()
    assert [a["id"] for a in first["items"] + second["items"]] == ["a1", "a2"]
    assert client.get("/api/articles/" + "0" * 64).status_code == 404


def test_code_stores_an_article(client):
    body = {"text": "Paris praised Berlin.", "published": "2024-09-01", "id": "new-1", "title": "t"}
    response = client.post("/api/code", json=body, headers={"X-API-Key": API_KEY})
    assert response.status_code == 201, response.text
    assert response.json()["stored"] and response.json()["record"]["article"]["id"] == "new-1"
    assert "new-1" in [a["id"] for a in client.get("/api/articles").json()["items"]]
    again = client.post("/api/code", json=body, headers={"Authorization": f"Bearer {API_KEY}"})
    assert again.status_code == 200 and not again.json()["stored"]


def test_openapi_lists_every_endpoint(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/events", "/api/events/{key}", "/api/clusters", "/api/places", "/api/dyads", "/api/dyads/events",
            "/api/network", "/api/quotes", "/api/actors", "/api/actors/{actor_id}", "/api/articles",
            "/api/articles/{key}", "/api/code", "/api/health"} <= paths
