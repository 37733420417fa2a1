"""Every error as JSON ``{"error": {"status", "message", "details"}}`` with a message a person can act on,
never cached, with the security headers (a crash's 500 is answered outside every middleware)."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import Send

from eventwire.serve.headers import NO_STORE, SECURITY_HEADERS

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error the API answers with ``status`` and ``message`` (raised by routes and queries)."""

    def __init__(self, status: int, message: str, details: list[Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.details, self.headers = status, message, details or [], headers


def error_body(status: int, message: str, details: list[Any] | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "message": message, "details": details or []}}


def error_response(status: int, message: str, details: list[Any] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, details), status_code=status,
                        headers={**SECURITY_HEADERS, **NO_STORE, **(headers or {})})


async def send_error(send: Send, status: int, message: str) -> None:
    """The same error from an ASGI middleware, before any route runs."""
    data = json.dumps(error_body(status, message)).encode()
    headers = {**SECURITY_HEADERS, **NO_STORE, "Content-Type": "application/json", "Content-Length": str(len(data))}
    await send({"type": "http.response.start", "status": status,
                "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]})
    await send({"type": "http.response.body", "body": data})


def describe_validation(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    """One readable sentence for the first problem, and every problem as ``{field, problem}``."""
    details = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
        details.append({"field": where or "request", "problem": str(err.get("msg", "invalid"))})
    first = details[0] if details else {"field": "request", "problem": "invalid"}
    return f"invalid {first['field']}: {first['problem']}", details


def install_error_handlers(app: FastAPI) -> None:
    """Route validation errors, HTTP errors, our own errors and crashes to JSON bodies."""

    @app.exception_handler(RequestValidationError)
    async def on_validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        message, details = describe_validation(exc)
        return error_response(422, message, details)

    @app.exception_handler(HTTPException)
    async def on_http(_: Request, exc: HTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such endpoint or resource"
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(ApiError)
    async def on_api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.details, exc.headers)

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error; the server log has the details")
