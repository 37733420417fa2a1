"""HTML pages to articles through trafilatura: main text, title, date, byline and site name; never fetches."""

from __future__ import annotations

import logging
from pathlib import Path

import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import load_html

from eventwire.ingest.clean import path_text
from eventwire.records import ArticleText, SourceFailure, content_hash, parse_day

log = logging.getLogger(__name__)

MIN_TEXT_CHARS = 40  # below this, what trafilatura kept is boilerplate, not an article
MAX_PAGE_BYTES = 20 * 1024 * 1024
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")


def read_html(data: bytes, url: str | None = None, location: str | None = None) -> ArticleText | SourceFailure:
    """Read one page's bytes into an article, or a failure saying why; ``url`` only labels, never fetched."""
    where = location or url or "<html>"
    problem = _refuse(data)
    if problem:
        return SourceFailure(where, problem)
    tree = load_html(data)  # parses bytes locally; None when the bytes are not markup
    if tree is None:
        return SourceFailure(where, "not HTML: no markup could be parsed")
    try:
        # A parsed tree, not a string: trafilatura and htmldate then have nothing they could download.
        doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    except Exception as error:  # noqa: BLE001 - trafilatura raises many kinds on hostile markup
        log.info("trafilatura failed on %s: %r", where, error)
        return SourceFailure(where, f"broken HTML: extraction failed ({type(error).__name__})")
    text = (doc.text or "").strip() if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or len(text) < MIN_TEXT_CHARS:
        return SourceFailure(where, "no main text found in the page")
    try:
        published = parse_day(doc.date, "page date")  # htmldate's YYYY-MM-DD, when it found one
    except ValueError as error:
        return SourceFailure(where, str(error))
    return ArticleText(
        text,
        published,
        title=_clean(doc.title),
        url=url or _clean(doc.url),
        source=_clean(doc.sitename) or _clean(doc.hostname),
        id=content_hash(text),
        byline=_clean(doc.author),
        location=where,
    )


def read_html_file(path: str | Path) -> ArticleText | SourceFailure:
    """Read a saved page from disk; unreadable files are failures, not exceptions."""
    path, where = Path(path), path_text(path)
    try:
        if path.stat().st_size > MAX_PAGE_BYTES:
            return SourceFailure(where, f"file is over {MAX_PAGE_BYTES} bytes")
        data = path.read_bytes()
    except OSError as error:
        return SourceFailure(where, f"unreadable file: {error.strerror or error}")
    return read_html(data, url=None, location=where)


def _refuse(data: bytes) -> str | None:
    """Why the bytes cannot be a page, before any parsing: empty, too large, or binary."""
    if not data.strip():
        return "empty page"
    if len(data) > MAX_PAGE_BYTES:
        return f"page is over {MAX_PAGE_BYTES} bytes"
    head = data[:1024]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        if not head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text has NULs and is fine
            return "not HTML: binary content"
    return None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
