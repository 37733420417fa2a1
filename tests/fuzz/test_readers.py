"""Fuzzing the ingest readers (issue 16): whatever bytes a file, a feed or an archive holds, a reader yields
articles and failures, never an exception, and every article is clean (valid UTF-8, text, a checked day)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings

from eventwire.ingest.files import FolderSource, is_article_file
from eventwire.ingest.html import read_html
from eventwire.ingest.rss import RssSource
from eventwire.ingest.tables import CsvSource, JsonLinesSource
from eventwire.ingest.warc import WarcSource
from eventwire.records import ArticleText
from tests.fuzz.documents import FEED_URL, FakeWeb, folders, html_pages, warc_files, webs, write_folder
from tests.fuzz.properties import item_problems
from tests.fuzz.strategies import FUZZ, csv_files, json_lines

FUZZ_READERS = settings(FUZZ, max_examples=120)


def read_file(reader: type, suffix: str, data: bytes) -> list[object]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "fuzz" + suffix)
        path.write_bytes(data)
        return list(reader(path).read())


def problems(items: list[object]) -> list[str]:
    return [problem for item in items for problem in item_problems(item)]


@FUZZ_READERS
@given(json_lines())
def test_json_lines_of_any_bytes_give_articles_and_failures(data):
    items = read_file(JsonLinesSource, ".jsonl", data)
    assert problems(items) == []


@FUZZ_READERS
@given(csv_files())
def test_csv_of_any_bytes_gives_articles_and_failures(data):
    items = read_file(CsvSource, ".csv", data)
    assert problems(items) == []


@FUZZ_READERS
@given(html_pages())
def test_any_page_is_an_article_or_a_failure(data):
    assert problems([read_html(data, url="https://news.example.invalid/page")]) == []


@FUZZ_READERS
@given(warc_files())
def test_a_warc_of_any_bytes_gives_articles_and_failures(data):
    items = read_file(WarcSource, ".warc.gz" if data[:2] == b"\x1f\x8b" else ".warc", data)
    assert problems(items) == []


@FUZZ_READERS
@given(webs())
def test_any_feed_gives_articles_and_failures_and_commits(web: FakeWeb):
    source = RssSource(FEED_URL, client=web)
    items = list(source.read())
    assert problems(items) == []
    source.commit()
    assert not any(isinstance(item, ArticleText) for item in source.read())  # what was committed is not read again


@FUZZ_READERS
@given(folders())
def test_a_folder_of_any_files_gives_one_item_per_article_file(files):
    with tempfile.TemporaryDirectory() as root, tempfile.NamedTemporaryFile() as outside:
        written = write_folder(Path(root), files, Path(outside.name))
        items = list(FolderSource(root).read())
    assert problems(items) == []
    assert len(items) == sum(is_article_file(path) for path in written)
