"""HTML pages through trafilatura: metadata, broken markup, and pages that are not articles."""

from __future__ import annotations

import socket

import pytest

from eventwire.ingest.html import read_html, read_html_file
from eventwire.records import ArticleText, SourceFailure, content_hash
from tests.ingest.pages import BINARY_BYTES, BROKEN_PAGE, NAV_ONLY_PAGE, article_page


@pytest.fixture
def no_network(monkeypatch):
    """Any outgoing connection fails the test: trafilatura and htmldate must not fetch anything."""

    def refuse(self, address):  # noqa: ANN001
        raise AssertionError(f"network access attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


def test_a_page_gives_text_and_metadata(no_network):
    article = read_html(article_page(), url="https://courier.example/news/pier")
    assert isinstance(article, ArticleText)
    assert "northern pier would close" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.title == "Northern pier to close for repairs"
    assert (article.published, article.byline, article.source) == ("2024-03-11", "Mara Lind", "The Elsin Courier")
    assert article.url == article.location == "https://courier.example/news/pier"
    assert article.id == content_hash(article.text)


def test_without_metadata_fields_are_none(no_network):
    article = read_html(article_page(published=None, author=None, site=None))
    assert isinstance(article, ArticleText)
    assert (article.published, article.byline, article.source, article.url) == (None, None, None, None)


def test_broken_markup_is_recovered(no_network):
    article = read_html(BROKEN_PAGE, url="https://courier.example/ferry")
    assert isinstance(article, ArticleText)
    assert "twice a day" in article.text and "refunded" in article.text


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty page"),
    (b"  \n\t ", "empty page"),
    (BINARY_BYTES, "not HTML: binary"),
    (b"%PDF-1.7\n1 0 obj", "not HTML: binary"),
    (b"plain words and nothing that looks like markup at all", "not HTML"),
    (NAV_ONLY_PAGE, "no main text"),
    (b"<<<>>><</>", "not HTML"),
])
def test_pages_that_are_not_articles_are_failures(no_network, data, reason):
    failure = read_html(data, url="https://courier.example/x")
    assert isinstance(failure, SourceFailure)
    assert reason in failure.reason
    assert failure.location == "https://courier.example/x"


def test_read_html_file(tmp_path, no_network):
    path = tmp_path / "pier.html"
    path.write_bytes(article_page())
    article = read_html_file(path)
    assert isinstance(article, ArticleText) and article.location == str(path) and article.url is None
    missing = read_html_file(tmp_path / "absent.html")
    assert isinstance(missing, SourceFailure) and "unreadable file" in missing.reason


def test_a_latin1_page_is_decoded(no_network):
    page = article_page(paragraphs=("Le café du port rouvrira en mai, a annoncé la mairie de Port Elsin lundi.",))
    data = page.decode().replace("charset='utf-8'", "charset='iso-8859-1'").encode("latin-1")
    article = read_html(data)
    assert isinstance(article, ArticleText) and "café" in article.text
