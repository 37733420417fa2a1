"""API-key checks (401 missing, 403 wrong) and a request body size limit for POSTs."""

from __future__ import annotations

import hmac

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.serve.errors import ApiError, send_error
from eventwire.serve.settings import Settings

KEY_HEADER = "X-API-Key"


def presented_key(request: Request) -> str | None:
    """The key from ``X-API-Key`` or ``Authorization: Bearer ...``."""
    key = request.headers.get(KEY_HEADER)
    if key is None:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        key = token.strip() if scheme.lower() == "bearer" and token.strip() else None
    return key


def check_key(settings: Settings, request: Request) -> None:
    """Raise 401 when no key is presented, 403 when it is wrong or the server has none configured."""
    key = presented_key(request)
    if key is None:
        raise ApiError(401, f"missing API key: send it in the {KEY_HEADER} header",
                       headers={"WWW-Authenticate": f'ApiKey header="{KEY_HEADER}"'})
    if settings.api_key is None:
        raise ApiError(403, "this server has no API key configured (set EVENTWIRE_API_KEY)")
    if not hmac.compare_digest(key.encode("utf-8", "replace"), settings.api_key.encode("utf-8")):
        raise ApiError(403, "wrong API key")


def require_key(request: Request) -> None:
    """Dependency for write endpoints."""
    check_key(request.app.state.settings, request)


def require_read_key(request: Request) -> None:
    """Dependency for read endpoints: a no-op unless the settings protect reads."""
    settings: Settings = request.app.state.settings
    if settings.protect_reads:
        check_key(settings, request)


class BodyLimit:
    """ASGI middleware: a body over ``max_bytes`` (declared or streamed) gets 413 before any route runs."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        body, more = b"", True
        while more:  # read it all first, so an undeclared (chunked) body is counted too
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                await self._refuse(send)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        await send_error(send, 413, f"request body over {self.max_bytes:,} bytes")
