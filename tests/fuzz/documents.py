"""Hypothesis strategies for what the page, feed, WARC and folder readers take: HTML (a news page with hostile
fields, or tag soup), RSS and Atom feeds behind a fake HTTP client, WARC files, folders of files."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest.http import FetchError, HttpResponse
from tests.fuzz import texts
from tests.fuzz.strategies import DATE_CELLS, SHORT_TEXTS, damaged, encoded
from tests.ingest.pages import article_page, atom_feed, rss_feed

Draw = Callable[[st.SearchStrategy[Any]], Any]

FEED_URL = "https://feeds.example.invalid/latest.xml"
LINKS = ("https://news.example.invalid/a", "https://news.example.invalid/b?x=1&y=<2>", "/relative/path", "",
         "javascript:alert(1)", "http://[::1", "https://news.example.invalid/" + "a" * 3000, "ftp://x", " \t")
TAGS = ("<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<script>var a = '</p>';", "</script>", "<!--",
        "-->", "<![CDATA[", "]]>", "&#xD800;", "&#0;", "&#1114112;", "&#x110000;", "&amp", "&nbsp;", "&bogus;",
        "<meta charset='utf-16'>", "<meta charset='x-unknown'>", "<?xml version='1.0' encoding='ebcdic'?>",
        "<html>", "<body>", "<head><title>", "</title>", "<table><td>", "<svg><foreignObject>", "<math>",
        "<!DOCTYPE html>", "<base href='javascript:alert(1)'>", "<time datetime='2024-13-45'>", "<br/>", "<",
        ">", "\"", "<p class=\"x", "<meta property='article:published_time' content='0000-00-00'>",
        "<meta name='author' content='\ufeff'>", "<h1>", "<noscript>", "<template>", "<iframe src='x'>")
HTML_TYPES = ("text/html", "text/html; charset=utf-8", "text/html; charset=utf-16", "application/xhtml+xml",
              "TEXT/HTML", "application/pdf", "", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "text/xml; charset=utf-16", "text/html", "")


def utf8(value: str) -> str:
    """``value`` with what UTF-8 cannot hold (lone surrogates) as ``?``: the page and feed builders encode."""
    return value.encode("utf-8", "replace").decode("utf-8")


PLAIN_CELLS = st.one_of(st.sampled_from(texts.NAMES), SHORT_TEXTS).map(utf8)
HEADER_VALUES = st.text(st.characters(min_codepoint=32, max_codepoint=255, exclude_characters="\x7f"), max_size=40)


@st.composite
def html_pages(draw: Draw) -> bytes:
    """A news page whose fields are hostile, tag soup, very deep markup, or bytes of any kind."""
    kind = draw(st.sampled_from(("page", "page", "soup", "deep", "bytes")))
    if kind == "page":
        date = draw(DATE_CELLS)
        page = article_page(
            title=draw(PLAIN_CELLS), paragraphs=tuple(draw(st.lists(PLAIN_CELLS, max_size=4))),
            published=utf8(date) if date else None, author=draw(st.none() | PLAIN_CELLS),
            site=draw(st.none() | PLAIN_CELLS))
        return draw(damaged(page))
    if kind == "soup":
        pieces = draw(st.lists(st.one_of(st.sampled_from(TAGS), PLAIN_CELLS), max_size=30))
        return draw(encoded("".join(pieces)))
    if kind == "deep":
        depth = draw(st.sampled_from((100, 5000, 50_000)))
        tag = draw(st.sampled_from(("div", "b", "table", "p")))
        return f"<html><body>{f'<{tag}>' * depth}{draw(PLAIN_CELLS)}".encode()
    return draw(st.binary(max_size=200))


@dataclass(frozen=True)
class FakeWeb:
    """An ``HttpClient`` that answers from a table; a URL not in it is a ``FetchError``, as a refused connection."""

    answers: Mapping[str, HttpResponse]

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> HttpResponse:
        if url not in self.answers:
            raise FetchError(url, "connection refused")
        return self.answers[url]


@st.composite
def responses(draw: Draw, url: str, body: bytes, types: tuple[str, ...]) -> HttpResponse:
    status = draw(st.sampled_from((200, 200, 200, 304, 404, 500)))
    headers = {"content-type": draw(st.sampled_from(types)), "etag": draw(HEADER_VALUES)}
    return HttpResponse(status, headers, body, url)


@st.composite
def webs(draw: Draw) -> FakeWeb:
    """A feed (RSS or Atom, maybe damaged) and the pages its items link to, each answer of any status."""
    items = []
    for n in range(draw(st.integers(0, 5))):
        item = {"title": draw(PLAIN_CELLS), "link": draw(st.sampled_from(LINKS)), "id": f"urn:item:{n}",
                "updated": utf8(draw(DATE_CELLS) or "")}
        for key in ("guid", "summary"):
            if draw(st.booleans()):
                item[key] = draw(PLAIN_CELLS)
        if draw(st.booleans()):
            item["pubDate"] = item["updated"]
        items.append(item)
    atom = draw(st.booleans())
    feed = atom_feed(items, draw(PLAIN_CELLS)) if atom else rss_feed(items, draw(PLAIN_CELLS))
    if draw(st.integers(0, 3)) == 0:  # character references to no character, where feedparser reads text
        feed = feed.replace(b"</title>", draw(st.sampled_from((b"&#xD800;", b"&#55296;&#56320;", b"&#x110000;",
                                                                b"&#0;", b"&#xDBFF;&#xDFFF;"))) + b"</title>")
    answers = {FEED_URL: draw(responses(FEED_URL, draw(damaged(feed)), FEED_TYPES))}
    for link in dict.fromkeys(item["link"] for item in items):  # in order: a set's would vary with the hash seed
        if link and draw(st.integers(0, 4)):
            answers[link] = draw(responses(link, draw(html_pages()), HTML_TYPES))
    return FakeWeb(answers)


@st.composite
def warc_files(draw: Draw) -> bytes:
    """A WARC (maybe gzipped) of responses of any status and type, other record types, then maybe damaged."""
    out = BytesIO()
    writer = WARCWriter(out, gzip=draw(st.booleans()))
    info = writer.create_warcinfo_record("fuzz.warc", {"software": "eventwire fuzz tests"})
    writer.write_record(_fixed(info, 0, "2024-03-15T06:00:00Z"))
    for n in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(("response", "response", "response", "request", "resource", "metadata")))
        body = b"GET /%d HTTP/1.1\r\n\r\n" % n if kind == "request" else draw(html_pages())
        url = f"https://news.example.invalid/{n}"
        warc_headers = {"WARC-Date": draw(HEADER_VALUES | DATE_CELLS.map(lambda d: utf8(d or "")))}
        http_headers = None
        status = draw(st.sampled_from(("200 OK", "200 OK", "404 Not Found", "301 Moved", "999 What", "200")))
        if kind == "response" and draw(st.integers(0, 5)):
            http_headers = StatusAndHeaders(status, [("Content-Type", draw(st.sampled_from(HTML_TYPES))),
                                                     ("X-Fuzz", draw(HEADER_VALUES))], protocol="HTTP/1.1")
        elif kind == "response":  # the HTTP head as bytes in the payload, any bytes in its header lines
            body = b"HTTP/1.1 " + status.encode() + b"\r\n" + draw(st.binary(max_size=40)) + b"\r\n\r\n" + body
        record = writer.create_warc_record(url, kind, payload=BytesIO(body), length=len(body),
                                           http_headers=http_headers, warc_headers_dict=warc_headers)
        writer.write_record(_fixed(record, n + 1, None))
    return draw(damaged(out.getvalue()))


def _fixed(record: Any, n: int, date: str | None) -> Any:
    """The record with the id (and date) warcio drew from the clock set, so that the same draws give the same bytes."""
    record.rec_headers.replace_header("WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>")
    if date is not None:
        record.rec_headers.replace_header("WARC-Date", date)
    return record


NAME_STEMS = (b"story", b"README", b"license", b".hidden", b"caf\xe9", b"\xff\xfe", b"a b", b"-", b"x" * 200)
SUFFIXES = (b".txt", b".txt", b".TXT", b".html", b".htm", b".md", b"")


@st.composite
def folders(draw: Draw) -> list[tuple[bytes, bytes | None]]:
    """Files to write under a corpus root: (relative name as bytes, content; None for a link out of the root)."""
    names = draw(st.lists(st.tuples(st.sampled_from((b"", b"sub/", b"sub/deeper/")), st.sampled_from(NAME_STEMS),
                                    st.sampled_from(SUFFIXES)), max_size=5, unique=True))
    files: list[tuple[bytes, bytes | None]] = []
    for folder, stem, suffix in names:
        if draw(st.integers(0, 6)) == 0:
            files.append((folder + stem + suffix, None))
            continue
        content = draw(st.one_of(SHORT_TEXTS.flatmap(encoded), html_pages(), st.binary(max_size=100)))
        files.append((folder + stem + suffix, content))
    return files


def write_folder(root: Path, files: list[tuple[bytes, bytes | None]], outside: Path) -> list[Path]:
    """Write ``files`` under ``root`` (a None content: a link to ``outside``); the paths written."""
    written = []
    for name, content in files:
        path = os.path.join(os.fsencode(root), name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if content is None:
            os.symlink(os.fsencode(outside), path)
        else:
            with open(path, "wb") as out:
                out.write(content)
        written.append(Path(os.fsdecode(path)))
    return written
