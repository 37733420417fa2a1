"""Security headers on every response (API, dashboard, docs, errors): no sniffing, no framing, no referrer,
a Content-Security-Policy that allows only this server's own files, and no caching of API answers."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The dashboard and /docs load only their own scripts, styles and data from this server; the CSS of
# Swagger UI draws its icons from data: URIs. Nothing may frame a page, nothing runs inline.
CSP = "; ".join([
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
    "connect-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
NO_STORE = {"Cache-Control": "no-store"}  # API answers may be behind the key: no shared or browser cache


class SecurityHeaders:
    """ASGI middleware: adds ``SECURITY_HEADERS`` to every response that lacks them, and ``no-store`` to
    every ``/api/`` answer that sets no Cache-Control of its own. (A crash's 500 is answered outside every
    middleware: ``errors.error_response`` carries the same headers.)"""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope["path"].startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                headers = MutableHeaders(scope=message)
                for name, value in {**SECURITY_HEADERS, **(NO_STORE if api else {})}.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
