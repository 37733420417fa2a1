"""Bad input: each a clear 4xx with a JSON message, and the store unchanged."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.serve import Settings, make_app
from tests.serve.conftest import API_KEY, fake_coder

BAD_GETS = [
    ("/api/events?since=2024-13-45", 422, "since"),
    ("/api/events?since=yesterday", 422, "since"),
    ("/api/events?since=2024-08-23&until=2024-08-01", 422, "since is after until"),
    ("/api/events?cameo=999", 422, "unknown CAMEO code"),
    ("/api/events?root=42", 422, "unknown CAMEO root"),
    ("/api/events?plover=EXPLODE", 422, "unknown PLOVER type"),
    ("/api/events?quad_class=7", 422, "quad_class"),
    ("/api/events?limit=1000000", 422, "over the maximum"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=abc", 422, "limit"),
    ("/api/events?country=RUS'%20OR%201=1--", 422, "country"),
    ("/api/events?actor=%3Cscript%3Ealert(1)%3C/script%3E", 422, "actor"),
    ("/api/events?cursor=not-a-real-cursor", 400, "invalid cursor"),
    ("/api/events?cursor=WzEsMiwzXQ", 400, "invalid cursor"),
    ("/api/events?q=%22%29%2A", 422, "at least one word"),
    ("/api/events?colour=red", 422, "colour"),
    ("/api/events/abc", 422, "key"),
    ("/api/dyads?a=RUS", 422, "b"),
    ("/api/dyads?a=RUSSIA&b=ARM", 422, "alpha-3"),
    ("/api/dyads?a=RUS&b=ARM&interval=hour", 422, "interval"),
    ("/api/quotes?speaker=x%27;DROP%20TABLE%20quotes;--", 422, "speaker"),
    ("/api/actors?q=", 422, "q"),
    ("/api/actors/%3Cscript%3E", 422, "actor_id"),
    ("/api/articles/'%20OR%20'1'='1", 422, "key"),
    ("/api/network?limit=100000", 422, "limit"),
    ("/api/nowhere", 404, "no such endpoint"),
]


@pytest.mark.parametrize(("url", "status", "words"), BAD_GETS)
def test_bad_reads_are_clear_4xx(client, snapshot, url, status, words):
    before = snapshot()
    response = client.get(url)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and words in error["message"] + str(error["details"])
    assert snapshot() == before
    assert client.get("/api/events").status_code == 200  # still working


def test_injection_as_free_text_is_only_words(client, snapshot):
    before = snapshot()
    for text in ["'; DROP TABLE events; --", "<script>alert(1)</script>", "betrayal\" OR 1=1 --"]:
        response = client.get("/api/events", params={"q": text})
        assert response.status_code == 200
    assert client.get("/api/events", params={"q": "betrayal\" OR \"x"}).json()["items"] == []
    assert client.get("/api/actors", params={"q": "%' OR '1'='1"}).json()["items"] == []
    assert snapshot() == before


def test_script_is_returned_as_data_not_markup(client):
    body = {"text": "<script>alert(1)</script> Paris praised Berlin.", "title": "<img src=x onerror=alert(1)>"}
    response = client.post("/api/code", json=body, headers={"X-API-Key": API_KEY})
    assert response.headers["content-type"] == "application/json"
    assert response.json()["record"]["article"]["title"] == body["title"]


@pytest.mark.parametrize(("headers", "status", "words"), [
    ({}, 401, "missing API key"),
    ({"X-API-Key": "wrong"}, 403, "wrong API key"),
    ({"Authorization": "Bearer wrong"}, 403, "wrong API key"),
])
def test_code_needs_the_key(client, snapshot, headers, status, words):
    before = snapshot()
    response = client.post("/api/code", json={"text": "Paris praised Berlin."}, headers=headers)
    assert response.status_code == status and words in response.json()["error"]["message"]
    assert snapshot() == before


@pytest.mark.parametrize(("body", "words"), [
    ({"text": ""}, "text"),
    ({"text": "x", "published": "2024-02-30"}, "published"),
    ({"text": "x", "extra": 1}, "extra"),
    ({"txt": "x"}, "text"),
    ({"text": "a\x00b"}, "binary"),
    ({"text": "word " * 2_500}, "over 10,000 characters"),
])
def test_bad_code_bodies(client, snapshot, body, words):
    before = snapshot()
    response = client.post("/api/code", json=body, headers={"X-API-Key": API_KEY})
    assert response.status_code == 422 and words in str(response.json()["error"])
    assert snapshot() == before


def test_malformed_json_body(client, snapshot):
    before = snapshot()
    response = client.post("/api/code", content=b"{not json", headers={"X-API-Key": API_KEY,
                                                                       "Content-Type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]["message"]
    assert snapshot() == before


def test_oversized_body_is_413(client, snapshot):
    before = snapshot()
    response = client.post("/api/code", json={"text": "x" * 50_000}, headers={"X-API-Key": API_KEY})
    assert response.status_code == 413 and "over 20,000 bytes" in response.json()["error"]["message"]

    def chunks():
        for _ in range(30):
            yield b"x" * 1_000

    streamed = client.post("/api/code", content=chunks(), headers={"X-API-Key": API_KEY})
    assert streamed.status_code == 413
    assert snapshot() == before


def test_protected_reads(settings):
    app = make_app(Settings(**{**settings.__dict__, "protect_reads": True}), coder_factory=fake_coder)
    with TestClient(app, base_url="http://localhost") as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"X-API-Key": "nope"}).status_code == 403
        assert c.get("/api/events", headers={"X-API-Key": API_KEY}).status_code == 200


def test_no_key_configured_refuses_code(settings):
    app = make_app(Settings(**{**settings.__dict__, "api_key": None}), coder_factory=fake_coder)
    with TestClient(app, base_url="http://localhost") as c:
        response = c.post("/api/code", json={"text": "x"}, headers={"X-API-Key": "anything"})
        assert response.status_code == 403 and "no API key configured" in response.json()["error"]["message"]
