"""The one HTTP seam: a tiny client protocol and its stdlib implementation, so tests can swap it."""

from __future__ import annotations

import http.client
import io
import logging
import socket
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "eventwire/0.1 (+https://github.com/eventwire; news event coder)"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A request that gave no HTTP answer: timeout, refused connection, body too large, bad URL."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class HttpResponse:
    """An HTTP answer of any status; header names are lower-case; ``url`` is the one after redirects."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    url: str

    def header(self, name: str) -> str | None:
        """One header's value, or None."""
        return self.headers.get(name.lower())


class HttpClient(Protocol):
    """Anything that can GET a URL; non-2xx statuses are answers, not errors (only ``FetchError`` raises)."""

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> HttpResponse: ...


@dataclass(frozen=True)
class HttpSettings:
    """Limits of the real client: seconds for the whole request, body bytes, redirects, and proxies."""

    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    use_env_proxies: bool = True
    extra_headers: Mapping[str, str] = field(default_factory=dict)


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most ``max_redirections`` redirects, and only to http(s) URLs."""

    def __init__(self, max_redirections: int) -> None:
        super().__init__()
        self.max_redirections = max_redirections  # type: ignore[misc]  # urllib reads it per instance

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to a non-HTTP URL: {newurl}", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _DeadlineReader(io.RawIOBase):
    """A socket's reads under one deadline: each waits only for the time left, so a server trickling a byte at
    a time cannot stretch the request past it (a socket timeout alone bounds each read, not their sum)."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        super().__init__()
        self._sock, self._raw, self._deadline = sock, sock.makefile("rb", buffering=0), deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        self._sock.settimeout(left)
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()  # the socket's own file: the socket closes once every file on it is closed
        super().close()


class _DeadlineSocket:
    """A connected socket whose ``makefile`` (what ``http.client`` reads the answer through) keeps a deadline."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock, self._deadline = sock, deadline

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class _DeadlineConnection:
    """What ``http.client``'s connections get mixed in: connect within the time left, read under the deadline."""

    deadline: float
    timeout: float | None
    sock: Any

    def __init__(self, *args: Any, deadline: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self.deadline = deadline

    def connect(self) -> None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        self.timeout = left
        super().connect()  # type: ignore[misc]  # the stdlib class's own (TLS included)
        self.sock = _DeadlineSocket(self.sock, self.deadline)


class _DeadlineHTTPConnection(_DeadlineConnection, http.client.HTTPConnection):
    pass


class _DeadlineHTTPSConnection(_DeadlineConnection, http.client.HTTPSConnection):
    pass


class _DeadlineHandler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    """Opens http and https connections that keep one request's deadline (in place of urllib's two handlers)."""

    def __init__(self, deadline: float) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_DeadlineHTTPConnection, req, deadline=self.deadline)  # type: ignore[arg-type]

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        context = getattr(self, "_context", None)  # HTTPSHandler's default TLS context: certificates checked
        return self.do_open(_DeadlineHTTPSConnection, req, context=context,  # type: ignore[arg-type]
                            deadline=self.deadline)


class UrllibClient:
    """The real client, over the standard library: no extra dependency, enough for feeds and pages.
    ``timeout`` is one deadline for the whole request: connecting, redirects, the head and the body."""

    def __init__(self, settings: HttpSettings | None = None) -> None:
        self.settings = settings or HttpSettings()

    def _opener(self, deadline: float) -> urllib.request.OpenerDirector:
        """An opener whose connections share ``deadline`` (built per request: the deadline is the request's)."""
        handlers: list[urllib.request.BaseHandler] = [_LimitedRedirects(self.settings.max_redirects),
                                                      _DeadlineHandler(deadline)]
        if not self.settings.use_env_proxies:
            handlers.append(urllib.request.ProxyHandler({}))
        return urllib.request.build_opener(*handlers)

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> HttpResponse:
        """GET ``url``; raise ``FetchError`` on timeout, network failure or an oversized body."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "not an http(s) URL")
        request = urllib.request.Request(url, headers=self._headers(headers), method="GET")
        deadline = time.monotonic() + self.settings.timeout
        try:
            try:
                answer, status = self._opener(deadline).open(request, timeout=self.settings.timeout), None
            except urllib.error.HTTPError as error:  # 3xx (304), 4xx and 5xx land here; they are answers
                answer, status = error, error.code
            with answer:
                return self._response(answer, status or answer.status, deadline)
        except TimeoutError as error:
            raise FetchError(url, f"timeout after {self.settings.timeout:g} s") from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise FetchError(url, f"timeout after {self.settings.timeout:g} s") from error
            raise FetchError(url, f"connection failed: {error.reason}") from error
        except (OSError, ValueError, http.client.HTTPException) as error:  # resets, bad URLs, bad status lines
            raise FetchError(url, f"request failed: {error}") from error

    def _headers(self, headers: Mapping[str, str] | None) -> dict[str, str]:
        merged = {"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, identity"}
        merged.update(self.settings.extra_headers)
        merged.update(headers or {})
        return merged

    def _response(self, answer, status: int, deadline: float) -> HttpResponse:  # type: ignore[no-untyped-def]
        url = answer.geturl()
        headers = {k.lower(): v for k, v in answer.headers.items()}
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.settings.max_bytes:
            raise FetchError(url, f"body of {length} bytes is over the limit of {self.settings.max_bytes}")
        body = self._read(answer, url, deadline)
        if headers.get("content-encoding", "").lower() in ("gzip", "x-gzip"):
            body = self._gunzip(body, url)
        return HttpResponse(status=status, headers=headers, body=body, url=url)

    def _read(self, answer, url: str, deadline: float) -> bytes:  # type: ignore[no-untyped-def]
        # Every read waits only for the time left (``_DeadlineReader``); this check ends a fast stream too.
        chunks: list[bytes] = []
        size = 0
        while chunk := answer.read(_CHUNK):
            size += len(chunk)
            if size > self.settings.max_bytes:
                raise FetchError(url, f"body is over the limit of {self.settings.max_bytes} bytes")
            if time.monotonic() > deadline:
                raise FetchError(url, f"timeout after {self.settings.timeout:g} s (body still arriving)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _gunzip(self, body: bytes, url: str) -> bytes:
        inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
        try:
            plain = inflater.decompress(body, self.settings.max_bytes + 1)
        except zlib.error as error:
            raise FetchError(url, f"broken gzip body: {error}") from error
        if len(plain) > self.settings.max_bytes:
            raise FetchError(url, f"unpacked body is over the limit of {self.settings.max_bytes} bytes")
        return plain


def make_client(settings: HttpSettings | None = None) -> HttpClient:
    """The default client; pass another object with a ``get`` method to swap it (tests, caches, proxies)."""
    return UrllibClient(settings)
