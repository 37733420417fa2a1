"""Opaque cursors: the sort key of the last item of a page, as URL-safe base64 JSON.

A cursor comes back from the client, so it is checked like any input: every malformed one (not base64, not
JSON, the wrong shape, an integer SQLite cannot hold, text SQLite cannot store) is a 400, never a 500.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from eventwire.serve.errors import ApiError

MAX_CHARS = 200
ALPHABET = re.compile(r"[A-Za-z0-9_\-]*={0,2}")
INT64 = (-(2**63), 2**63 - 1)  # SQLite's integers; a Python int outside them raises OverflowError on binding
MAX_TEXT = 100  # the text parts of our keys are days and hashes
INVALID = "invalid cursor: pass the next_cursor of a previous page unchanged"


def encode_cursor(*key: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key), separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, shape: tuple[type, ...]) -> tuple[Any, ...] | None:
    """The key in a cursor, checked against ``shape`` (``type(None)`` allowed for any part); 400 if forged."""
    if cursor is None:
        return None
    if len(cursor) > MAX_CHARS or not ALPHABET.fullmatch(cursor):
        raise ApiError(400, INVALID)
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        raise ApiError(400, INVALID) from None
    if not isinstance(key, list) or len(key) != len(shape) or not all(
            _fits(v, t) for v, t in zip(key, shape, strict=True)):
        raise ApiError(400, INVALID)
    return tuple(key)


def _fits(value: Any, kind: type) -> bool:
    """``value`` is None or of ``kind`` and storable: an int within SQLite's range, text without lone
    surrogates (which cannot be encoded as UTF-8) or NUL, of a key's length."""
    if value is None:
        return True
    if kind is int:
        return type(value) is int and INT64[0] <= value <= INT64[1]
    if kind is str:
        return type(value) is str and len(value) <= MAX_TEXT and "\x00" not in value and _encodable(value)
    return False


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
