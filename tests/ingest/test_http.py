"""The stdlib HTTP client against a local server: answers, redirects, timeouts, size limits."""

from __future__ import annotations

import gzip
import socket
import time

import pytest

from eventwire.ingest.http import FetchError, HttpSettings, UrllibClient
from tests.ingest.server import Route, serve

LOCAL = HttpSettings(timeout=2.0, use_env_proxies=False, user_agent="eventwire-test/1")


@pytest.fixture
def server():
    with serve() as running:
        yield running


def test_get_returns_body_headers_and_sends_user_agent(server):
    server.routes["/page"] = Route(body=b"<p>hello</p>", etag='"v1"')
    answer = UrllibClient(LOCAL).get(server.url("/page"), {"X-Test": "yes"})
    assert (answer.status, answer.body, answer.header("ETag")) == (200, b"<p>hello</p>", '"v1"')
    _, headers = server.requests[-1]
    assert headers["user-agent"] == "eventwire-test/1"
    assert headers["x-test"] == "yes"


@pytest.mark.parametrize("status", [404, 500])
def test_error_statuses_are_answers_not_exceptions(server, status):
    server.routes["/bad"] = Route(body=b"oops", status=status)
    assert UrllibClient(LOCAL).get(server.url("/bad")).status == status


def test_not_modified_is_an_answer(server):
    server.routes["/feed"] = Route(body=b"x", etag='"e"')
    answer = UrllibClient(LOCAL).get(server.url("/feed"), {"If-None-Match": '"e"'})
    assert (answer.status, answer.body) == (304, b"")


def test_redirects_are_followed_and_the_final_url_kept(server):
    server.routes["/old"] = Route(redirect="/new")
    server.routes["/new"] = Route(body=b"moved here")
    answer = UrllibClient(LOCAL).get(server.url("/old"))
    assert (answer.status, answer.body, answer.url) == (200, b"moved here", server.url("/new"))


def test_a_redirect_loop_ends_as_a_redirect_answer(server):
    server.routes["/loop"] = Route(redirect="/loop")
    answer = UrllibClient(HttpSettings(timeout=2.0, use_env_proxies=False, max_redirects=2)).get(server.url("/loop"))
    assert answer.status == 302  # urllib hands back the last redirect; callers treat non-200 as failure


def test_a_slow_server_times_out(server):
    server.routes["/slow"] = Route(body=b"late", delay=1.0)
    with pytest.raises(FetchError, match="timeout"):
        UrllibClient(HttpSettings(timeout=0.2, use_env_proxies=False)).get(server.url("/slow"))


@pytest.mark.parametrize("head", [False, True], ids=["body", "head"])
def test_a_server_trickling_bytes_is_cut_off_at_the_deadline(server, head):
    # A byte every 0.05 s: each socket read is quick, the whole answer would take 10 s.
    server.routes["/loris"] = Route(body=b"x" * 200, trickle=0.05, trickle_head=head)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timeout after 0.5 s"):
        UrllibClient(HttpSettings(timeout=0.5, use_env_proxies=False)).get(server.url("/loris"))
    assert time.monotonic() - started < 1.5


def test_a_trickled_answer_within_the_deadline_is_read_whole(server):
    server.routes["/drip"] = Route(body=b"<p>drip</p>", trickle=0.01)
    assert UrllibClient(LOCAL).get(server.url("/drip")).body == b"<p>drip</p>"


def test_a_body_over_the_limit_is_refused(server):
    server.routes["/big"] = Route(body=b"x" * 5000)
    with pytest.raises(FetchError, match="over the limit"):
        UrllibClient(HttpSettings(max_bytes=1000, use_env_proxies=False)).get(server.url("/big"))


def test_gzip_bodies_are_unpacked_within_the_limit(server):
    server.routes["/gz"] = Route(body=gzip.compress(b"<p>packed</p>"), headers={"Content-Encoding": "gzip"})
    assert UrllibClient(LOCAL).get(server.url("/gz")).body == b"<p>packed</p>"
    server.routes["/bomb"] = Route(body=gzip.compress(b"x" * 100_000), headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="unpacked body is over the limit"):
        UrllibClient(HttpSettings(max_bytes=10_000, use_env_proxies=False)).get(server.url("/bomb"))


def test_refused_connections_and_other_schemes_are_fetch_errors():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="connection failed"):
        UrllibClient(LOCAL).get(f"http://127.0.0.1:{port}/")
    with pytest.raises(FetchError, match="not an http"):
        UrllibClient(LOCAL).get("file:///etc/passwd")
