"""A local HTTP server for ingest tests: routes set per test, requests recorded; binds 127.0.0.1 only."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What the server answers on one path; ``etag``/``last_modified`` turn on conditional GET (304);
    ``trickle`` sends the answer a byte at a time, that many seconds apart (the head too with ``trickle_head``)."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    redirect: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    trickle: float = 0.0
    trickle_head: bool = False


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        pass  # a client that gave up on a slow answer closes its socket; that is the test, not an error


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = self.server.routes.get(self.path)
        if route is None:
            self._answer(404, b"<html><body><p>not here</p></body></html>", "text/html")
            return
        time.sleep(route.delay)
        if route.redirect:
            self.send_response(302)
            self.send_header("Location", route.redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self._not_modified(route):
            self.send_response(304)
            self.end_headers()
            return
        self._answer(route.status, route.body, route.content_type, route)

    def _not_modified(self, route: Route) -> bool:
        if route.etag and self.headers.get("If-None-Match") == route.etag:
            return True
        return bool(route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified)

    def _answer(self, status: int, body: bytes, content_type: str, route: Route | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if route and route.etag:
            self.send_header("ETag", route.etag)
        if route and route.last_modified:
            self.send_header("Last-Modified", route.last_modified)
        for name, value in (route.headers if route else {}).items():
            self.send_header(name, value)
        if route and route.trickle:
            self._trickle(route)
            return
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self, route: Route) -> None:
        """A slow-loris server: every byte on its own, ``route.trickle`` seconds apart."""
        self._headers_buffer.append(b"\r\n")  # what end_headers would add, sent by hand
        head = b"".join(self._headers_buffer)
        self._headers_buffer = []
        if not route.trickle_head:
            self.wfile.write(head)
            head = b""
        for byte in head + route.body:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(route.trickle)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class LocalServer:
    """Routes and recorded requests of a running server, and URLs on it."""

    def __init__(self, server: _Server) -> None:
        self._server = server
        self.routes = server.routes
        self.requests = server.requests
        self.base = f"http://127.0.0.1:{server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@contextmanager
def serve() -> Iterator[LocalServer]:
    """Run a server in a thread for the duration of the block."""
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield LocalServer(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
