"""WARC files we generate with warcio: good pages, a PDF, a 404, a broken payload, a truncated archive."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest.warc import WarcSource
from eventwire.records import ArticleText, SourceFailure
from tests.ingest.pages import BINARY_BYTES, article_page

PAGES = {
    "https://courier.example/pier": article_page(),
    "https://courier.example/fees": article_page(title="Harbour fees rise", published="2024-03-14"),
    "https://gazette.example/ferry": article_page(title="Ferry to sail twice a day", published=None),
}


def write_warc(path: Path, gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventwire tests"}))
        ask = b"GET /pier HTTP/1.1\r\n\r\n"
        request = writer.create_warc_record("https://courier.example/pier", "request", payload=BytesIO(ask),
                                            length=len(ask))
        writer.write_record(request)
        for url, body in PAGES.items():
            writer.write_record(response(writer, url, body))
        writer.write_record(response(writer, "https://courier.example/map.pdf", b"%PDF-1.7", "application/pdf"))
        writer.write_record(response(writer, "https://courier.example/gone", b"<p>gone</p>", status="404 Not Found"))
        writer.write_record(response(writer, "https://courier.example/broken", BINARY_BYTES))


def response(writer: WARCWriter, url: str, body: bytes, kind: str = "text/html; charset=utf-8",
             status: str = "200 OK", fetched: str = "2024-03-15T06:00:00Z"):  # noqa: ANN201
    headers = StatusAndHeaders(status, [("Content-Type", kind), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=BytesIO(body), length=len(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": fetched})


@pytest.mark.parametrize("gzip", [True, False])
def test_a_warc_gives_articles_and_failures(tmp_path, gzip):
    path = tmp_path / ("news.warc.gz" if gzip else "news.warc")
    write_warc(path, gzip)
    results = list(WarcSource(path).read())
    articles = [r for r in results if isinstance(r, ArticleText)]
    failures = [r for r in results if isinstance(r, SourceFailure)]
    assert [a.url for a in articles] == list(PAGES)
    assert [a.published for a in articles] == ["2024-03-11", "2024-03-14", "2024-03-15"]  # last: the WARC-Date
    assert all(a.id.startswith("urn:uuid:") for a in articles) and len({a.id for a in articles}) == 3
    assert articles[0].source == "The Elsin Courier" and "northern pier" in articles[0].text
    assert all(str(path) in a.location for a in articles)
    assert [f.reason for f in failures] == ["not HTML: application/pdf", "HTTP 404", "not HTML: binary content"]


def test_a_truncated_warc_keeps_what_came_before(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, gzip=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    results = list(WarcSource(cut).read())
    assert any(isinstance(r, ArticleText) for r in results)
    assert isinstance(results[-1], SourceFailure) and "WARC" in results[-1].reason


def test_a_file_that_is_not_a_warc(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_bytes(b"these are not WARC records\n" * 2)
    (failure,) = list(WarcSource(path).read())
    assert isinstance(failure, SourceFailure) and "broken WARC" in failure.reason
    (missing,) = list(WarcSource(tmp_path / "absent.warc").read())
    assert "unreadable WARC" in missing.reason


def test_a_warc_date_that_is_no_date_fails_a_page_that_needs_it(tmp_path):
    path = tmp_path / "dates.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(response(writer, "https://gazette.example/ferry", PAGES["https://gazette.example/ferry"],
                                     fetched="2024-13-45T06:00:00Z"))
        writer.write_record(response(writer, "https://courier.example/pier", PAGES["https://courier.example/pier"],
                                     fetched="2024-13-45T06:00:00Z"))  # its own date: the WARC-Date is not read
        writer.write_record(response(writer, "https://gazette.example/ferry2", PAGES["https://gazette.example/ferry"],
                                     fetched="2024-03-16T23:00:00Z"))
    failure, pier, ferry = list(WarcSource(path).read())
    assert isinstance(failure, SourceFailure) and "https://gazette.example/ferry" in failure.location
    assert failure.reason == "WARC-Date: '2024-13-45T06:00:00Z' is not a date (month must be in 1..12)"
    assert isinstance(pier, ArticleText) and pier.published == "2024-03-11"
    assert isinstance(ferry, ArticleText) and ferry.published == "2024-03-16"
