"""RSS and Atom feeds: conditional GET through our client, feedparser on the bytes, each new item's page read."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import feedparser
from trafilatura.utils import load_html

from eventwire.ingest.feed_state import FeedState, FeedStateStore, MemoryFeedStates
from eventwire.ingest.html import read_html
from eventwire.ingest.http import FetchError, HttpClient, HttpResponse, make_client
from eventwire.records import ArticleText, SourceFailure, content_hash, parse_day

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class RssSource:
    """One feed; ``read`` yields each item not seen before, and remembers it only once all were yielded."""

    def __init__(self, feed_url: str, client: HttpClient | None = None, state: FeedStateStore | None = None,
                 fetch_pages: bool = True) -> None:
        self.feed_url = feed_url
        self.client = client or make_client()
        self.state = state if state is not None else MemoryFeedStates()
        self.fetch_pages = fetch_pages

    def read(self) -> Iterator[ArticleText | SourceFailure]:
        """Poll the feed once: nothing on 304, a failure on errors, else one result per new item."""
        before = self.state.load(self.feed_url)
        answer = self._fetch_feed(before)
        if isinstance(answer, SourceFailure):
            yield answer
            return
        if answer.status == 304:
            log.info("feed %s: not modified", self.feed_url)
            return
        feed = feedparser.parse(io.BytesIO(answer.body), response_headers=_feed_headers(answer))
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
        self.state.save(self.feed_url, replace(after, seen=before.seen).with_seen([key for key, _ in fresh]))

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
