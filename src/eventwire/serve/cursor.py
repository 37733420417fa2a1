"""Opaque cursors: the sort key of the last item of a page, as URL-safe base64 JSON."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from eventwire.serve.errors import ApiError


def encode_cursor(*key: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key), separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, shape: tuple[type, ...]) -> tuple[Any, ...] | None:
    """The key in a cursor, checked against ``shape`` (``type(None)`` allowed for any part); 400 if forged."""
    if cursor is None:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise ApiError(400, "invalid cursor: pass the next_cursor of a previous page unchanged") from None
    if not isinstance(key, list) or len(key) != len(shape) or not all(
            v is None or (isinstance(v, t) and not isinstance(v, bool)) for v, t in zip(key, shape, strict=True)):
        raise ApiError(400, "invalid cursor: pass the next_cursor of a previous page unchanged")
    return tuple(key)
