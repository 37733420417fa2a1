"""POST /api/code codes within a time budget: an article past it is a 422 with the reason, recorded in failures."""

from __future__ import annotations

import json
import threading

import pytest
from fastapi.testclient import TestClient

from eventwire.nlp.budget import SERVE_TIMEOUT_S
from eventwire.serve import make_app
from eventwire.serve.coding import coder_factory
from eventwire.store.connect import open_store
from tests.live_server import live_server
from tests.serve.conftest import API_KEY, fake_coder

BODY = {"text": "Putin praised Pashinyan on Monday.", "published": "2024-08-23", "id": "late-1"}


def budgeted(coder: object, timeout_s: float | None):  # noqa: ANN201 - a factory as serve's, with its budget
    def make() -> object:
        return coder

    make.timeout_s = timeout_s  # type: ignore[attr-defined]
    return make


def failures(db: object) -> list[tuple[str, str]]:
    conn = open_store(db)  # type: ignore[arg-type]
    try:
        return [tuple(row) for row in conn.execute("SELECT location, reason FROM failures")]
    finally:
        conn.close()


@pytest.mark.slow
def test_an_article_past_its_budget_is_a_422_and_a_recorded_failure(settings, coder):
    with TestClient(make_app(settings, coder_factory=budgeted(coder, 1e-6)), base_url="http://localhost") as client:
        response = client.post("/api/code", json=BODY, headers={"X-API-Key": API_KEY})
        assert response.status_code == 422
        error = response.json()["error"]
        assert error["message"] == "article not coded: timeout: coding took over 1e-06 s"
        assert error["details"] == [{"field": "text", "problem": "timeout: coding took over 1e-06 s"}]
        assert "late-1" not in [a["id"] for a in client.get("/api/articles").json()["items"]]
    assert failures(settings.db) == [("api:/api/code#late-1", "timeout: coding took over 1e-06 s")]
    with TestClient(make_app(settings, coder_factory=budgeted(coder, 60)), base_url="http://localhost") as client:
        assert client.post("/api/code", json=BODY, headers={"X-API-Key": API_KEY}).status_code == 201


def test_the_coder_is_given_the_factory_budget(settings):
    seen: list[float | None] = []
    fake = fake_coder()
    real = fake.code

    def code(text, published=None, timeout_s=None, **meta):  # noqa: ANN001, ANN202
        seen.append(timeout_s)
        return real(text, published, **meta)

    fake.code = code  # type: ignore[method-assign]
    with TestClient(make_app(settings, coder_factory=budgeted(fake, 7.5)), base_url="http://localhost") as client:
        assert client.post("/api/code", json=BODY, headers={"X-API-Key": API_KEY}).status_code == 201
    with TestClient(make_app(settings, coder_factory=lambda: fake), base_url="http://localhost") as client:  # no budget
        client.post("/api/code", json={**BODY, "id": "x2", "text": "Other text."}, headers={"X-API-Key": API_KEY})
    assert seen == [7.5, SERVE_TIMEOUT_S]
    assert coder_factory(settings.coder).timeout_s == SERVE_TIMEOUT_S


def test_reads_are_answered_while_an_article_is_being_coded(settings):
    # POST /api/code holds the coder's own lock while it codes; reads never wait on it. The stand-in coder
    # codes until two reads have been answered: were reads behind the coder, they would not come back and the
    # coder would give up after 10 s. A real server (uvicorn, in a thread), as `eventwire serve` runs.
    import urllib.request

    read_done, coding = threading.Event(), threading.Event()
    fake = fake_coder()
    real = fake.code

    def slow_code(text, published=None, timeout_s=None, **meta):  # noqa: ANN001, ANN202
        coding.set()
        assert read_done.wait(10), "the reads waited for the coder"
        return real(text, published, **meta)

    fake.code = slow_code  # type: ignore[method-assign]
    app = make_app(settings, coder_factory=budgeted(fake, 30))

    def status(base: str, path: str, data: bytes | None = None) -> int:
        headers = {"X-API-Key": API_KEY, **({"Content-Type": "application/json"} if data else {})}
        request = urllib.request.Request(base + path, data=data, headers=headers)
        with urllib.request.urlopen(request, timeout=15) as response:
            return int(response.status)

    answers: list[int] = []
    with live_server(app) as base:
        post = threading.Thread(target=lambda: answers.append(status(base, "/api/code", json.dumps(BODY).encode())))
        try:
            post.start()
            assert coding.wait(10)
            assert (status(base, "/api/events"), status(base, "/api/dyads?a=RUS&b=ARM")) == (200, 200)
            read_done.set()
            post.join(15)
            assert answers == [201]
        finally:
            read_done.set()
