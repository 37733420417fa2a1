"""The Host check against DNS rebinding: only allowed names are answered, every other Host gets a 421."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.serve import Settings, make_app
from eventwire.serve.headers import SECURITY_HEADERS
from eventwire.serve.hosts import LOOPBACK, host_allowed, listen_names, split_host
from tests.serve.conftest import API_KEY, fake_coder

FORGED = ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io:8000", "localhost:abc",
          "[::1].evil.example", "[::2]:8000", "127.0.0.2", "0.0.0.0:8000", "user@localhost", "localhost/x", ""]
LOCAL = ["localhost", "localhost:8000", "LOCALHOST:8000", "127.0.0.1", "127.0.0.1:9999", "[::1]", "[::1]:8000"]


@pytest.mark.parametrize("host", FORGED)
@pytest.mark.parametrize("path", ["/api/events", "/", "/docs", "/api/health", "/openapi.json"])
def test_a_forged_host_is_refused(client, host, path):
    response = client.get(path, headers={"Host": host})
    assert response.status_code == 421, response.text
    assert response.json()["error"]["status"] == 421 and "not served here" in response.json()["error"]["message"]
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("host", LOCAL)
def test_loopback_names_are_answered_on_any_port(client, host):
    assert client.get("/api/events", headers={"Host": host}).status_code == 200


def test_a_rebound_post_writes_nothing(client, snapshot):
    """The key alone is not enough: a page on another name cannot code through the API."""
    before = snapshot()
    response = client.post("/api/code", json={"text": "Russia accused Armenia."},
                           headers={"X-API-Key": API_KEY, "Host": "evil.example"})
    assert response.status_code == 421
    assert snapshot() == before


def test_allowed_hosts_from_settings(db):
    settings = Settings(db=db, allowed_hosts=("events.example.org", "api.example.org:8443"))
    with TestClient(make_app(settings, coder_factory=fake_coder), base_url="http://localhost") as c:
        assert c.get("/api/events", headers={"Host": "events.example.org"}).status_code == 200
        assert c.get("/api/events", headers={"Host": "Events.Example.Org:443"}).status_code == 200
        assert c.get("/api/events", headers={"Host": "api.example.org:8443"}).status_code == 200
        assert c.get("/api/events", headers={"Host": "api.example.org:8000"}).status_code == 421  # only that port
        assert c.get("/api/events", headers={"Host": "localhost"}).status_code == 421  # exactly what was given
    with TestClient(make_app(Settings(db=db, allowed_hosts=("*",))), base_url="http://anything.example") as c:
        assert c.get("/api/events").status_code == 200  # "*": no check


def test_the_default_settings_answer_only_loopback(db):
    assert Settings(db=db).allowed_hosts == LOOPBACK
    with TestClient(make_app(Settings(db=db))) as c:  # TestClient's own Host is "testserver"
        assert c.get("/api/events").status_code == 421


def test_host_parsing():
    assert split_host("[::1]:8000") == ("[::1]", "8000")
    assert split_host("[::1]") == ("[::1]", None)
    assert split_host("Example.ORG:80") == ("example.org", "80")
    assert split_host("::1")[1] is None and not host_allowed("::1", LOOPBACK)  # IPv6 must be bracketed
    assert not host_allowed(None, LOOPBACK) and not host_allowed("[::1", LOOPBACK)
    assert listen_names("0.0.0.0") == () and listen_names("::") == ()
    assert listen_names("::1") == ("[::1]",) and listen_names("192.168.1.5") == ("192.168.1.5",)
    assert listen_names("myhost.lan") == ("myhost.lan",)
