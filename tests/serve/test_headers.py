"""Security headers on every response, errors never cached, and /docs served from this server alone."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from eventwire.serve import make_app
from eventwire.serve.headers import SECURITY_HEADERS
from eventwire.serve.routes.dashboard import VENDOR, assets_missing
from eventwire.serve.settings import WEB_DIR
from tests.serve.conftest import fake_coder

REQUESTS = [  # (method, path, body, status): API answers, errors of each kind, the dashboard, the docs
    ("GET", "/api/events", None, 200),
    ("GET", "/api/health", None, 200),
    ("GET", "/api/events?limit=abc", None, 422),
    ("GET", "/api/events?cursor=forged", None, 400),
    ("GET", "/api/nowhere", None, 404),
    ("GET", "/api/events/999999", None, 404),
    ("POST", "/api/code", {"text": "x"}, 401),
    ("POST", "/api/code", {"text": "x" * 30_000}, 413),
    ("GET", "/", None, 200),
    ("GET", "/app/main.js", None, 200),
    ("GET", "/app/nothing.js", None, 404),
    ("GET", "/docs", None, 200),
    ("GET", "/openapi.json", None, 200),
]


def check_security_headers(response) -> None:  # noqa: ANN001
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get_list(name) == [value], (name, response.headers)


@pytest.mark.parametrize(("method", "path", "body", "status"), REQUESTS)
def test_every_response_has_the_security_headers(client, method, path, body, status):
    response = client.request(method, path, json=body)
    assert response.status_code == status, response.text
    check_security_headers(response)
    if path.startswith("/api/"):
        assert response.headers["cache-control"] == "no-store"  # answers and errors alike
    if status >= 400:
        assert response.headers["cache-control"] == "no-store" and response.json()["error"]["status"] == status


def test_a_crash_has_the_security_headers_too(settings, monkeypatch):
    """A 500 is answered outside every middleware: the error response carries the headers itself."""
    from eventwire.store import lookups

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(lookups, "search_actors", broken)
    app = make_app(settings, coder_factory=fake_coder)
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as c:
        response = c.get("/api/actors?q=lavrov")
    assert response.status_code == 500 and "disk on fire" not in response.text
    check_security_headers(response)
    assert response.headers["cache-control"] == "no-store"


def test_the_policy_allows_only_this_server():
    policy = dict(part.split(" ", 1) for part in SECURITY_HEADERS["Content-Security-Policy"].split("; "))
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == "'self'"  # no inline scripts, no eval
    assert not any("http" in v or "*" in v or "unsafe" in v for v in policy.values())


def test_the_dashboard_has_no_inline_script_or_style():
    """What the policy forbids: inline <script>, <style> and style="" in our pages."""
    for name in ("index.html", "docs.html"):
        html = (WEB_DIR / "app" / name).read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), name
        assert "<style" not in html and "style=" not in html, name


def off_host_urls(text: str) -> list[str]:
    return re.findall(r"""(?:https?:)?//[^\s"'<>]+""", text)


def test_docs_reference_nothing_off_this_host(client):
    html = client.get("/docs").text
    assert off_host_urls(html) == []
    referenced = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert set(referenced) == {"/vendor/swagger-ui.css", "/vendor/swagger-ui-bundle.js", "/app/docs.js",
                               "/openapi.json"}
    assert off_host_urls(client.get("/app/docs.js").text) == []
    assert "validatorUrl: null" in client.get("/app/docs.js").text  # Swagger UI's online validator is off
    assert client.get("/redoc").status_code == 404  # FastAPI's ReDoc page loads from a CDN: not served
    assert client.get("/docs/oauth2-redirect").status_code == 404


@pytest.mark.skipif(bool(assets_missing(WEB_DIR)), reason="dashboard libraries missing: run `make web`")
def test_swagger_ui_is_served_from_node_modules(client):
    for name in ("swagger-ui-bundle.js", "swagger-ui.css"):
        response = client.get(f"/vendor/{name}")
        assert response.status_code == 200
        assert response.content == (WEB_DIR / "node_modules" / VENDOR[name]).read_bytes()
        check_security_headers(response)
    assert "SwaggerUIBundle" in client.get("/vendor/swagger-ui-bundle.js").text
