"""The Host check: a request whose ``Host`` names no allowed host is refused with 421 before any route runs.

DNS rebinding is the threat: a page on another site points its own name at this server's address, and
the browser then lets it read the API (and, with a key, write through it) as if it were that site. Its
requests carry the other site's name in ``Host``, so answering only our own names stops it. By default
the allowed names are the loopback ones and the address the server listens on; a deployment behind a
proxy names its public host(s) with ``eventwire serve --allowed-host``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from eventwire.serve.errors import send_error

LOOPBACK = ("localhost", "127.0.0.1", "[::1]")
ANY = "*"  # --allowed-host '*': no check (only behind a proxy that checks Host itself)


def split_host(value: str) -> tuple[str, str | None]:
    """``host[:port]`` as (host in lower case, port or None); an IPv6 literal keeps its brackets. A value
    that is not of that form comes back whole, so it matches no allowed host."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        rest = value[end + 1:] if end > 0 else "?"
        if rest and not rest.startswith(":"):
            return value, None
        return value[:end + 1], rest[1:] if rest else None
    host, colon, port = value.partition(":")
    if colon and ":" in port:  # a bare IPv6 address: not a valid Host
        return value, None
    return host, port if colon else None


def host_allowed(header: str | None, allowed: Iterable[str]) -> bool:
    """Whether a ``Host`` header names an allowed host: the same name and, when the allowed entry has a
    port, the same port (an entry without one allows every port)."""
    allowed = tuple(allowed)
    if ANY in allowed:
        return True
    if not header:
        return False
    host, port = split_host(header)
    if port is not None and not port.isdigit():
        return False
    for entry in allowed:
        name, only = split_host(entry)
        if host == name and (only is None or only == port):
            return True
    return False


def listen_names(address: str) -> tuple[str, ...]:
    """How clients name the address a server listens on in ``Host``: an IPv6 address in brackets; a
    wildcard address (0.0.0.0, ::) names no host of its own."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return (address.lower(),) if address else ()
    if ip.is_unspecified:
        return ()
    return (f"[{ip}]",) if ip.version == 6 else (str(ip),)


class HostCheck:
    """ASGI middleware: 421 for an HTTP request whose Host is missing or not in ``allowed``."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app, self.allowed = app, allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = dict(scope["headers"]).get(b"host")
        header = raw.decode("latin-1") if raw is not None else None
        if host_allowed(header, self.allowed):
            await self.app(scope, receive, send)
            return
        shown = "no Host header" if header is None else f"host {header[:100]!r}"
        await send_error(send, 421, f"{shown} is not served here (a proxy's public name is added with "
                                    "`eventwire serve --allowed-host NAME`)")
