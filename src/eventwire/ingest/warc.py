"""WARC and WARC.gz files (Common Crawl's CC-NEWS): each HTML ``response`` record read as a page."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from eventwire.ingest.clean import cleaned, path_text
from eventwire.ingest.html import MAX_PAGE_BYTES, read_html
from eventwire.records import ArticleText, SourceFailure, parse_day

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SKIPPED_TYPES = ("warcinfo", "request", "metadata", "revisit", "resource", "conversion", "continuation")


class WarcSource:
    """A WARC file read record by record; other record types are skipped, bad responses are failures."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @cleaned
    def read(self) -> Iterator[ArticleText | SourceFailure]:
        """Yield one result per response record; a file that breaks mid-way ends with a failure."""
        where = path_text(self.path)
        try:
            with self.path.open("rb") as stream:
                records = ArchiveIterator(stream)
                for record in records:
                    if record.format != "warc":
                        yield SourceFailure(where, f"broken WARC: not a WARC record ({record.format} format)")
                        return
                    # warcio's offset call reads the record to its end, so it is asked only after the payload.
                    result = self._read_record(record, records.get_record_offset)
                    if result is not None:
                        yield result
        except OSError as error:
            yield SourceFailure(where, f"unreadable WARC: {error.strerror or error}")
        except (ArchiveLoadFailed, ValueError, EOFError) as error:
            # warcio cannot resynchronise after a broken record; what came before is kept.
            yield SourceFailure(where, f"broken WARC: {error}")
        except Exception as error:  # noqa: BLE001 - warcio raises other kinds on damaged records too
            # (a response whose WARC-Target-URI was lost: AttributeError; an HTTP head it cannot parse: its own)
            yield SourceFailure(where, f"broken WARC: {type(error).__name__}: {error}")

    def _read_record(self, record: ArcWarcRecord, offset: Callable[[], int]) -> ArticleText | SourceFailure | None:
        if record.rec_type != "response":
            if record.rec_type not in _SKIPPED_TYPES:
                log.info("%s@%d: skipping a %s record", self.path, offset(), record.rec_type)
            return None
        url = record.rec_headers.get_header("WARC-Target-URI")
        problem = self._refuse(record)
        payload = b"" if problem else record.content_stream().read(MAX_PAGE_BYTES + 1)
        missing = _missing_bytes(record)
        where = f"{path_text(self.path)}@{offset()}" + (f" {url}" if url else "")
        if missing:
            return SourceFailure(where, f"broken WARC: record truncated, {missing} bytes missing")
        if problem:
            return SourceFailure(where, problem)
        page = read_html(payload, url=url, location=where)
        if isinstance(page, SourceFailure):
            return page
        record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>") or None
        try:  # the page's own date, else when the crawler fetched it
            published = page.published or parse_day(record.rec_headers.get_header("WARC-Date"), "WARC-Date")
        except ValueError as error:
            return SourceFailure(where, str(error))
        return replace(page, id=record_id or page.id, published=published)

    def _refuse(self, record: ArcWarcRecord) -> str | None:
        """Why a response record is not a page to read: no HTTP headers, a status other than 200, not HTML."""
        if record.http_headers is None:
            return "response record without HTTP headers"
        status = record.http_headers.get_statuscode()
        if status != "200":
            return f"HTTP {status}"
        kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        return None if kind in _HTML_TYPES else f"not HTML: {kind or 'no content type'}"


def _missing_bytes(record: ArcWarcRecord) -> int:
    """Read the record to its end; what its Content-Length promised but the file did not hold."""
    stream = record.raw_stream
    while stream.read(64 * 1024):
        pass
    return int(getattr(stream, "limit", 0) or 0)
