"""Turn the bytes of a file into text: UTF-16/UTF-32 by their byte order mark, UTF-8, else Windows-1252 with a
warning; refuse binary."""

from __future__ import annotations

import codecs
import logging

log = logging.getLogger(__name__)

# Share of control characters (other than whitespace) above which bytes are taken for binary.
MAX_CONTROL_SHARE = 0.01
# Byte order marks and the codec each names; UTF-32 LE's mark begins with UTF-16 LE's, so it is tried first.
_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def decode_bytes(raw: bytes, location: str) -> tuple[str | None, str | None]:
    """``(text, None)`` when ``raw`` is readable text, else ``(None, reason)``."""
    if not raw.strip():
        return None, "empty file"
    codec = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
    if codec is not None:  # wide text: NUL bytes belong to it, NUL characters do not
        try:
            text = raw.decode(codec)  # the codec reads the mark, takes its byte order and drops it
        except UnicodeDecodeError:
            return None, f"undecodable: invalid {codec} after its BOM"
        if "\x00" in text[:65536]:
            return None, "binary file (NUL bytes)"
    elif b"\x00" in raw[:65536]:
        return None, "binary file (NUL bytes)"
    else:
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
    if controls > MAX_CONTROL_SHARE * len(sample):
        return None, "binary file (control characters)"
    if not text.strip():  # white space, or a byte order mark alone
        return None, "empty file"
    return text, None
