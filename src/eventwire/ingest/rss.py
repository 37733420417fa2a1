"""RSS and Atom feeds: conditional GET through our client, feedparser on the bytes, each new item's page read."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import feedparser
from trafilatura.utils import load_html

from eventwire.ingest.clean import cleaned
from eventwire.ingest.feed_state import FeedState, FeedStateStore, MemoryFeedStates
from eventwire.ingest.html import read_html
from eventwire.ingest.http import FetchError, HttpClient, HttpResponse, make_client
from eventwire.records import ArticleText, SourceFailure, content_hash, parse_day

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")  # a numeric character reference


class RssSource:
    """One feed; ``read`` yields each item not seen before; ``commit`` remembers them (and the feed's ETag and
    Last-Modified), to be called once they are stored: a poll that dies before leaves the feed unread."""

    def __init__(self, feed_url: str, client: HttpClient | None = None, state: FeedStateStore | None = None,
                 fetch_pages: bool = True) -> None:
        self.feed_url = feed_url
        self.client = client or make_client()
        self.state = state if state is not None else MemoryFeedStates()
        self.fetch_pages = fetch_pages
        self._pending: FeedState | None = None  # what the last full read would have the feed remember

    def commit(self) -> None:
        """Remember what the last ``read`` yielded, if it was read to its end; call it once that is stored."""
        if self._pending is not None:
            self.state.save(self.feed_url, self._pending)
            self._pending = None

    @cleaned
    def read(self) -> Iterator[ArticleText | SourceFailure]:
        """Poll the feed once: nothing on 304, a failure on errors, else one result per new item."""
        self._pending = None
        before = self.state.load(self.feed_url)
        answer = self._fetch_feed(before)
        if isinstance(answer, SourceFailure):
            yield answer
            return
        if answer.status == 304:
            log.info("feed %s: not modified", self.feed_url)
            return
        try:
            feed = feedparser.parse(io.BytesIO(valid_char_refs(answer.body)), response_headers=_feed_headers(answer))
        except Exception as error:  # noqa: BLE001 - feedparser's loose parser raises many kinds on hostile feeds
            yield SourceFailure(self.feed_url, f"malformed feed: {type(error).__name__}: {error}")
            return
        entries = list(feed.entries)
        if not entries and feed.bozo:
            yield SourceFailure(self.feed_url, f"malformed feed: {feed.get('bozo_exception', 'unknown error')}")
            return
        seen = set(before.seen)
        fresh = [(item_id(entry), entry) for entry in entries]
        fresh = [(key, entry) for key, entry in fresh if key not in seen]
        log.info("feed %s: %d items, %d new", self.feed_url, len(entries), len(fresh))
        site = (feed.feed.get("title") or "").strip() or None
        for _, entry in fresh:
            yield self._read_item(entry, site)
        after = FeedState(etag=answer.header("etag"), modified=answer.header("last-modified"))
        self._pending = replace(after, seen=before.seen).with_seen([key for key, _ in fresh])

    def _fetch_feed(self, state: FeedState) -> HttpResponse | SourceFailure:
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.modified:
            headers["If-Modified-Since"] = state.modified
        try:
            answer = self.client.get(self.feed_url, headers)
        except FetchError as error:
            return SourceFailure(self.feed_url, error.reason)
        if answer.status not in (200, 304):
            return SourceFailure(self.feed_url, f"HTTP {answer.status}")
        return answer

    def _read_item(self, entry: Any, site: str | None) -> ArticleText | SourceFailure:
        link = (entry.get("link") or "").strip()
        page: ArticleText | SourceFailure = SourceFailure(link or self.feed_url, "the item has no link")
        if link and self.fetch_pages:
            page = self._read_page(link)
        if isinstance(page, ArticleText):
            return _with_feed_metadata(page, entry, site, link or self.feed_url)
        summary = _summary_text(entry)
        if not summary:
            return SourceFailure(link or self.feed_url, f"{page.reason}; and the item has no summary")
        log.info("item %s: page unusable (%s); coding the feed's summary", link, page.reason)
        article = ArticleText(summary, url=link or None, id=content_hash(summary), location=link or None)
        return _with_feed_metadata(article, entry, site, link or self.feed_url)

    def _read_page(self, link: str) -> ArticleText | SourceFailure:
        try:
            answer = self.client.get(link, {"Accept": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"})
        except FetchError as error:
            return SourceFailure(link, error.reason)
        if answer.status != 200:
            return SourceFailure(link, f"HTTP {answer.status}")
        kind = (answer.header("content-type") or "text/html").split(";")[0].strip().lower()
        if kind not in _HTML_TYPES:
            return SourceFailure(link, f"not HTML: {kind}")
        return read_html(answer.body, url=answer.url, location=link)


def valid_char_refs(body: bytes) -> bytes:
    """``body`` with each numeric character reference to no character (a lone surrogate such as ``&#xD800;``,
    or one past U+10FFFF) written ``&#xFFFD;``, and a surrogate pair written as two references joined into one.
    feedparser's loose parser raises on them. A feed whose encoding is not ASCII-based is left as it is."""
    if b"&#" not in body:
        return body
    pieces: list[bytes] = []
    done = 0
    refs = _CHAR_REF.finditer(body)
    for ref in refs:
        point = _code_point(ref)
        if not (0xD800 <= point <= 0xDFFF or point > 0x10FFFF):
            continue
        pieces.append(body[done:ref.start()])
        after = _CHAR_REF.match(body, ref.end())
        low = _code_point(after) if after else 0
        if after and 0xD800 <= point <= 0xDBFF and 0xDC00 <= low <= 0xDFFF:
            pieces.append(b"&#x%X;" % (0x10000 + ((point - 0xD800) << 10) + (low - 0xDC00)))
            done = after.end()
            next(refs, None)  # the low half, now joined
        else:
            pieces.append(b"&#xFFFD;")
            done = ref.end()
    return b"".join(pieces) + body[done:]


def _code_point(ref: re.Match[bytes]) -> int:
    return int(ref[1], 16) if ref[1] else int(ref[2])


def item_id(entry: Any) -> str:
    """The key an item is remembered by: its id, else its link, else a hash of its title and summary."""
    for key in ("id", "link"):
        value = (entry.get(key) or "").strip()
        if value:
            return value
    return content_hash(f"{entry.get('title', '')}\n{entry.get('summary', '')}")


def _with_feed_metadata(article: ArticleText, entry: Any, site: str | None, where: str) -> (
        ArticleText | SourceFailure):
    """Fill what the page lacked from the feed item: title, date, author, and the feed's title as source.
    An item date that is not one (``2024-13-45``, ``7:58 AM ET``), when it is needed, fails the item."""
    try:
        published = article.published or _entry_day(entry)
    except ValueError as error:
        return SourceFailure(where, str(error))
    return replace(
        article,
        title=article.title or (entry.get("title") or "").strip() or None,
        published=published,
        byline=article.byline or (entry.get("author") or "").strip() or None,
        source=article.source or site,
    )


def _entry_day(entry: Any) -> str | None:
    """The item's date as written, read by ``parse_day``: RSS ``pubDate`` and Atom ``published`` (feedparser's
    ``published``), else Atom ``updated``. feedparser's own parse is not used: it turns ``2024-13-45`` into
    2025-01-01, and its UTC day is not always the day the item was published where it was written."""
    for key in ("published", "updated"):
        value = (entry.get(key) or "").strip()
        if value:
            return parse_day(value, key)
    return None


def _summary_text(entry: Any) -> str:
    """The item's longest text (full content or summary), markup removed."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []] + [entry.get("summary", "")]
    best = max(candidates, key=len, default="").strip()
    if "<" not in best:
        return best
    tree = load_html(f"<html><body><div>{best}</div></body></html>")
    return " ".join(tree.text_content().split()) if tree is not None else ""


def _feed_headers(answer: HttpResponse) -> dict[str, str]:
    # Content-Location lets feedparser resolve relative links against where the feed really was.
    headers = {"content-location": answer.url}
    if answer.header("content-type"):
        headers["content-type"] = answer.header("content-type") or ""
    return headers
