"""Feeds end to end against a local server: new items, 304, errors, slow servers, summaries as fallback."""

from __future__ import annotations

import pytest

from eventwire.ingest.feed_state import FeedState, JsonFeedStates, MemoryFeedStates
from eventwire.ingest.http import HttpSettings, UrllibClient
from eventwire.ingest.rss import RssSource
from eventwire.records import ArticleText, SourceFailure
from tests.ingest.pages import BROKEN_PAGE, article_page, atom_feed, rss_feed
from tests.ingest.server import Route, serve

SUMMARY = "The ferry operator said the Harrow Isle crossing would run on a winter timetable from November onwards."


@pytest.fixture
def server():
    with serve() as running:
        yield running


@pytest.fixture
def client():
    return UrllibClient(HttpSettings(timeout=0.5, use_env_proxies=False))


def publish(server, etag: str = '"feed-1"') -> None:
    """A feed of three items: a good page, a page with broken markup, and a page that is gone (404)."""
    items = [
        {"title": "Pier closes", "link": server.url("/news/pier"), "guid": "pier",
         "pubDate": "Mon, 11 Mar 2024 08:00:00 GMT"},
        {"title": "Ferry changes", "link": server.url("/news/ferry"), "guid": "ferry",
         "pubDate": "Tue, 12 Mar 2024 09:00:00 GMT"},
        {"title": "Winter timetable", "link": server.url("/news/gone"), "guid": "gone", "summary": SUMMARY,
         "pubDate": "Wed, 13 Mar 2024 10:00:00 GMT"},
    ]
    server.routes["/feed.xml"] = Route(body=rss_feed(items), content_type="application/rss+xml", etag=etag)
    server.routes["/news/pier"] = Route(body=article_page())
    server.routes["/news/ferry"] = Route(body=BROKEN_PAGE)


def test_items_are_read_from_their_pages_with_summary_fallback(server, client):
    publish(server)
    results = list(RssSource(server.url("/feed.xml"), client, MemoryFeedStates()).read())
    assert all(isinstance(r, ArticleText) for r in results)
    pier, ferry, gone = results
    assert "northern pier" in pier.text and pier.source == "The Elsin Courier" and pier.published == "2024-03-11"
    assert "twice a day" in ferry.text
    assert ferry.title == "Ferry timetable changes" and ferry.published == "2024-03-12"  # date from the feed
    assert gone.text == SUMMARY and gone.title == "Winter timetable" and gone.published == "2024-03-13"
    assert gone.source == "Elsin Courier: latest"  # the feed's title when the page gave no site name


def test_second_poll_sends_the_etag_and_a_304_gives_nothing(server, client):
    publish(server)
    states = MemoryFeedStates()
    source = RssSource(server.url("/feed.xml"), client, states)
    assert len(list(source.read())) == 3
    source.commit()
    assert states.load(server.url("/feed.xml")).etag == '"feed-1"'
    requests_before = len(server.requests)
    assert list(source.read()) == []
    path, headers = server.requests[requests_before]
    assert (path, headers.get("if-none-match")) == ("/feed.xml", '"feed-1"')
    assert len(server.requests) == requests_before + 1  # no page fetched


def test_a_changed_feed_yields_only_new_items(server, client):
    publish(server)
    states = MemoryFeedStates()
    source = RssSource(server.url("/feed.xml"), client, states)
    list(source.read())
    source.commit()
    items = [{"title": "Pier closes", "link": server.url("/news/pier"), "guid": "pier"},
             {"title": "Harbour fees", "link": server.url("/news/fees"), "guid": "fees"}]
    server.routes["/feed.xml"] = Route(body=rss_feed(items), content_type="application/rss+xml", etag='"feed-2"')
    server.routes["/news/fees"] = Route(body=article_page(title="Harbour fees rise"))
    (only,) = list(source.read())
    source.commit()
    assert only.title == "Harbour fees rise"
    seen = states.load(server.url("/feed.xml")).seen
    assert [key.rsplit("/", 1)[-1] for key in seen] == ["pier", "ferry", "gone", "fees"]  # feedparser resolves guids


def test_last_modified_is_remembered_and_sent(server, client):
    stamp = "Wed, 13 Mar 2024 10:00:00 GMT"
    server.routes["/feed.xml"] = Route(body=rss_feed([]), content_type="application/rss+xml", last_modified=stamp)
    source = RssSource(server.url("/feed.xml"), client, MemoryFeedStates())
    assert list(source.read()) == []
    source.commit()
    assert list(source.read()) == []
    assert server.requests[-1][1].get("if-modified-since") == stamp


@pytest.mark.parametrize(("status", "reason"), [(404, "HTTP 404"), (500, "HTTP 500")])
def test_feed_errors_are_failures(server, client, status, reason):
    server.routes["/feed.xml"] = Route(body=b"error", status=status)
    (failure,) = list(RssSource(server.url("/feed.xml"), client).read())
    assert isinstance(failure, SourceFailure) and failure.reason == reason


def test_a_slow_feed_is_a_timeout_failure(server, client):
    server.routes["/feed.xml"] = Route(body=rss_feed([]), delay=1.5)
    (failure,) = list(RssSource(server.url("/feed.xml"), client).read())
    assert isinstance(failure, SourceFailure) and "timeout" in failure.reason


def test_a_slow_page_falls_back_to_the_summary_or_fails(server, client):
    items = [{"title": "Slow", "link": server.url("/slow"), "guid": "s1", "summary": SUMMARY},
             {"title": "Slow, no summary", "link": server.url("/slow2"), "guid": "s2"}]
    server.routes["/feed.xml"] = Route(body=rss_feed(items), content_type="application/rss+xml")
    server.routes["/slow"] = Route(body=article_page(), delay=1.5)
    server.routes["/slow2"] = Route(body=article_page(), delay=1.5)
    with_summary, without = list(RssSource(server.url("/feed.xml"), client).read())
    assert isinstance(with_summary, ArticleText) and with_summary.text == SUMMARY
    assert isinstance(without, SourceFailure) and "timeout" in without.reason and "no summary" in without.reason


def test_garbage_instead_of_a_feed_is_a_failure(server, client):
    server.routes["/feed.xml"] = Route(body=b"\x00\x01 this is not xml <<<", content_type="application/rss+xml")
    (failure,) = list(RssSource(server.url("/feed.xml"), client).read())
    assert isinstance(failure, SourceFailure) and failure.reason.startswith("malformed feed")


def test_atom_feeds_and_non_html_pages(server, client):
    entries = [{"id": "urn:g:1", "title": "Lighthouse", "link": server.url("/lighthouse.pdf"),
                "updated": "2024-03-12T07:00:00Z", "summary": "The lighthouse keeper retired after forty years."}]
    server.routes["/atom.xml"] = Route(body=atom_feed(entries), content_type="application/atom+xml")
    server.routes["/lighthouse.pdf"] = Route(body=b"%PDF-1.7", content_type="application/pdf")
    (article,) = list(RssSource(server.url("/atom.xml"), client).read())
    assert article.text.startswith("The lighthouse keeper") and article.source == "Harrow Isle Gazette"
    assert article.published == "2024-03-12"


def test_state_is_saved_only_when_committed_after_every_item_was_taken(server, client):
    publish(server)
    states = MemoryFeedStates()
    source = RssSource(server.url("/feed.xml"), client, states)
    reader = source.read()
    next(reader)
    source.commit()  # a consumer that stops here has not had every item: nothing to remember
    assert states.load(server.url("/feed.xml")) == FeedState()
    assert len(list(source.read())) == 3
    assert states.load(server.url("/feed.xml")) == FeedState()  # taken, not yet stored: a kill here loses nothing
    source.commit()
    assert len(states.load(server.url("/feed.xml")).seen) == 3
    source.commit()  # once only: a second commit saves nothing new
    assert list(source.read()) == []


def test_json_feed_states_survive_a_new_process(tmp_path):
    path = tmp_path / "state" / "feeds.json"
    JsonFeedStates(path).save("http://a/feed", FeedState(etag='"x"', modified=None, seen=("1", "2")))
    assert JsonFeedStates(path).load("http://a/feed") == FeedState(etag='"x"', seen=("1", "2"))
    assert JsonFeedStates(path).load("http://b/feed") == FeedState()
    path.write_text("{not json", encoding="utf-8")
    assert JsonFeedStates(path).load("http://a/feed") == FeedState()


def test_seen_ids_are_bounded():
    state = FeedState(seen=tuple(str(i) for i in range(10))).with_seen(["9", "10"])
    assert state.seen[-1] == "10" and state.seen.count("9") == 1


def test_an_item_date_that_is_no_date_fails_the_item_and_the_others_are_read(server, client):
    items = [{"title": "Pier", "link": server.url("/a"), "guid": "a", "summary": SUMMARY, "pubDate": "7:58 AM ET"},
             {"title": "Fees", "link": server.url("/b"), "guid": "b", "summary": SUMMARY + " Fees rise.",
              "pubDate": "2024-13-45"},
             {"title": "Ferry", "link": server.url("/c"), "guid": "c", "summary": SUMMARY + " Ferry.",
              "pubDate": "Mon, 11 Mar 2024 23:30:00 -0500"}]
    server.routes["/feed.xml"] = Route(body=rss_feed(items), content_type="application/rss+xml")
    time_only, impossible, good = list(RssSource(server.url("/feed.xml"), client, fetch_pages=False).read())
    assert isinstance(time_only, SourceFailure) and time_only.location == server.url("/a")
    assert time_only.reason.startswith("published: '7:58 AM ET' is not a date (expected YYYY-MM-DD")
    # feedparser alone would have made 2025-01-01 of this one
    assert impossible == SourceFailure(server.url("/b"),
                                       "published: '2024-13-45' is not a date (month must be in 1..12)")
    assert isinstance(good, ArticleText) and good.title == "Ferry"
    assert good.published == "2024-03-11"  # the day where it was written (in UTC it was already the 12th)


def test_a_page_with_its_own_date_does_not_need_the_items(server, client):
    items = [{"title": "Pier", "link": server.url("/pier"), "guid": "p", "pubDate": "7:58 AM ET"}]
    server.routes["/feed.xml"] = Route(body=rss_feed(items), content_type="application/rss+xml")
    server.routes["/pier"] = Route(body=article_page())
    (article,) = list(RssSource(server.url("/feed.xml"), client).read())
    assert isinstance(article, ArticleText) and article.published == "2024-03-11"


def test_character_references_to_surrogates_are_cleaned_not_fatal(server, client):
    # feedparser's loose parser dies on these (UnicodeEncodeError, ValueError); a real pair is one character
    items = (b"<item><title>Pier &#xD800; closes</title><link>%s</link><guid>a</guid>"
             b"<description>Lone &#xdfff; &amp;#55296; and huge &#x110000; refs.</description></item>"
             b"<item><title>Smile &#xD83D;&#xDE00; &#55357;&#56832;</title><link>%s</link><guid>b</guid>"
             b"<description>" + SUMMARY.encode() + b"</description></item>")
    body = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Courier &#xD800;</title>'
            + items % (server.url("/a").encode(), server.url("/b").encode()) + b"</channel></rss>")
    server.routes["/feed.xml"] = Route(body=body, content_type="application/rss+xml")
    lone, pair = list(RssSource(server.url("/feed.xml"), client, fetch_pages=False).read())
    assert isinstance(lone, ArticleText) and isinstance(pair, ArticleText)
    assert (lone.title, lone.text, lone.source) == (
        "Pier \ufffd closes", "Lone \ufffd &#55296; and huge \ufffd refs.", "Courier \ufffd")  # escaped: text
    assert pair.title == "Smile \U0001f600 \U0001f600" and pair.text == SUMMARY


def test_a_feed_feedparser_cannot_survive_is_a_failure(server, client):
    text = '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>T</title><item>' \
           "<title>Pier &#xD800;</title><link>http://x/a</link></item></channel></rss>"
    server.routes["/feed.xml"] = Route(body=text.encode("utf-16"), content_type="application/rss+xml")
    (result,) = list(RssSource(server.url("/feed.xml"), client, fetch_pages=False).read())
    assert isinstance(result, SourceFailure) and result.reason.startswith("malformed feed: UnicodeEncodeError")
