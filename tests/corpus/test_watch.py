"""The watch loop's bookkeeping: feed state advances only once a poll's items are stored, so a poll that dies
while coding or writing loses nothing, and the next one stores each item exactly once."""

from __future__ import annotations

from collections import Counter

import pytest

from eventwire.corpus.watch import poll_once, watch_feeds
from eventwire.ingest.feed_state import FeedState, MemoryFeedStates
from eventwire.ingest.http import HttpSettings, UrllibClient
from eventwire.ingest.rss import RssSource
from eventwire.records import Article, CodedArticle
from tests.ingest.pages import rss_feed
from tests.ingest.server import Route, serve

SUMMARY = "The harbour authority of Port Elsin said the northern pier would close for repairs after storms."


def fake_code(items):
    return [(item, CodedArticle(article=Article(id=item.id, title=item.title))) for item in items], []


def failing_code(items):
    raise RuntimeError("the coder died")


class MemorySink:
    """Stores by text, as the store does by content hash; counts how often each text was handed in."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.stored: Counter[str] = Counter()
        self.failures: list[str] = []

    def write(self, coded, failures):
        if self.fail:
            raise OSError("database is locked")
        self.stored.update(item.text for item, _ in coded)
        self.failures += [f.location for f in failures]
        return len(coded)


@pytest.fixture
def feed():
    with serve() as server:
        items = [{"title": f"Item {n}", "link": server.url(f"/n/{n}"), "guid": f"g{n}", "summary": f"{SUMMARY} {n}"}
                 for n in range(3)]
        server.routes["/feed.xml"] = Route(body=rss_feed(items), content_type="application/rss+xml", etag='"v1"')
        states = MemoryFeedStates()
        client = UrllibClient(HttpSettings(timeout=2.0, use_env_proxies=False))
        yield server, states, RssSource(server.url("/feed.xml"), client, states, fetch_pages=False)


@pytest.mark.parametrize(("code", "sink"), [(failing_code, MemorySink()), (fake_code, MemorySink(fail=True))],
                         ids=["coding raises", "sink raises"])
def test_a_poll_that_dies_leaves_its_items_unseen_and_the_next_stores_each_once(feed, code, sink):
    server, states, source = feed
    with pytest.raises((RuntimeError, OSError)):
        poll_once([source], code, sink)
    assert states.load(server.url("/feed.xml")) == FeedState()  # neither the items nor the ETag were kept
    stored = MemorySink()
    counts = poll_once([source], fake_code, stored)
    assert (counts.articles, counts.written) == (3, 3)
    assert sorted(stored.stored.values()) == [1, 1, 1]
    assert server.requests[-1][1].get("if-none-match") is None  # the second poll asked for the whole feed
    state = states.load(server.url("/feed.xml"))
    assert state.etag == '"v1"' and len(state.seen) == 3
    assert poll_once([source], fake_code, stored).articles == 0  # now remembered: 304, nothing again


def test_the_loop_survives_a_failed_poll_and_the_next_poll_stores_the_items(feed):
    _, _, source = feed
    codes = iter([failing_code, fake_code])
    sink = MemorySink()

    def stop(counts) -> None:  # the first poll that succeeds ends the loop
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch_feeds([source], lambda items: next(codes)(items), sink, interval=0.01, sleep=lambda s: None,
                    report=stop)
    assert sorted(sink.stored.values()) == [1, 1, 1]


def test_a_failed_poll_with_once_is_an_error(feed):
    _, _, source = feed
    with pytest.raises(RuntimeError, match="the coder died"):
        watch_feeds([source], failing_code, MemorySink(), interval=60, once=True)
