"""Turn the bytes of a file into text: UTF-8, else Windows-1252 with a warning; refuse binary."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

# Share of control characters (other than whitespace) above which bytes are taken for binary.
MAX_CONTROL_SHARE = 0.01


def decode_bytes(raw: bytes, location: str) -> tuple[str | None, str | None]:
    """``(text, None)`` when ``raw`` is readable text, else ``(None, reason)``."""
    if not raw.strip():
        return None, "empty file"
    if b"\x00" in raw[:65536]:
        return None, "binary file (NUL bytes)"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            return None, "undecodable: neither UTF-8 nor Windows-1252"
        log.warning("%s is not UTF-8; decoded as Windows-1252", location)
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls / len(sample) > MAX_CONTROL_SHARE:
        return None, "binary file (control characters)"
    if not text.strip():
        return None, "empty file"
    return text, None
