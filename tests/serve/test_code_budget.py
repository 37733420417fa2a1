"""POST /api/code codes within a time budget: an article past it is a 422 with the reason, recorded in failures."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.nlp.budget import SERVE_TIMEOUT_S
from eventwire.serve import make_app
from eventwire.serve.coding import coder_factory
from eventwire.store.connect import open_store
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
