"""Folder, JSON Lines and CSV sources; decoding; choosing a reader by spec."""

from __future__ import annotations

import json
import logging

import pytest

from eventwire.ingest.factory import SourceOptions, UnavailableSource, make_source
from eventwire.ingest.files import FolderSource
from eventwire.ingest.tables import Columns, CsvSource, JsonLinesSource
from eventwire.records import ArticleText, SourceFailure


def read_all(source):
    return list(source.read())


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "wire"
    (root / "europe").mkdir(parents=True)
    (root / "europe" / "b.txt").write_text("Talks resume\n\nThe ministers met in Vienna.\n", encoding="utf-8")
    (root / "a.txt").write_text("No title line here. The talks went on.", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"  \n")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (root / "cp1252.txt").write_bytes("Caf\u00e9 talks \u2014 a deal".encode("cp1252"))
    (root / "README.TXT").write_text("About this corpus", encoding="utf-8")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    return root


def test_folder_reads_recursively_in_order(folder, caplog):
    with caplog.at_level(logging.WARNING):
        items = read_all(FolderSource(folder))
    by_id = {i.id if isinstance(i, ArticleText) else i.location.rsplit("/", 1)[1]: i for i in items}
    assert sorted(by_id) == ["binary.txt", "empty.txt", "wire/a.txt", "wire/cp1252.txt", "wire/europe/b.txt"]
    assert by_id["wire/europe/b.txt"].title == "Talks resume"
    assert by_id["wire/a.txt"].title is None
    assert by_id["wire/cp1252.txt"].text == "Caf\u00e9 talks \u2014 a deal"
    assert "decoded as Windows-1252" in caplog.text
    assert by_id["empty.txt"].reason == "empty file"
    assert by_id["binary.txt"].reason.startswith("binary file")


def test_a_single_file_is_a_source(folder):
    [item] = read_all(FolderSource(folder / "europe" / "b.txt"))
    assert item.id == "europe/b.txt"


def test_missing_folder_is_a_failure(tmp_path):
    missing = tmp_path / "nope"
    assert read_all(FolderSource(missing)) == [SourceFailure(str(missing), "no such file or folder")]


def test_json_lines_with_named_columns(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"body": "Text one.", "headline": "One", "ts": "2024-08-23T10:00:00Z", "link": "https://x/1", "key": "k1"},
            {"body": ""}, "not an object"]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    columns = Columns(text="body", title="headline", published="ts", url="link", id="key")
    items = read_all(JsonLinesSource(path, columns))
    assert items[0] == ArticleText("Text one.", "2024-08-23", "One", "https://x/1", None, "k1", location=f"{path}:1")
    assert [i.reason.split(":")[0] for i in items[1:]] == ["no text in column 'body'", "JSON line is not an object",
                                                             "invalid JSON"]


def test_csv_with_named_columns(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('story,date\n"Line one,\nline two",2024-01-02\n,2024-01-03\n', encoding="utf-8")
    items = read_all(CsvSource(path, Columns(text="story", published="date")))
    assert items[0].text == "Line one,\nline two" and items[0].published == "2024-01-02" and items[0].id == "a.csv:1"
    assert isinstance(items[1], SourceFailure)
    [missing] = read_all(CsvSource(path))
    assert missing.reason.startswith("no column 'text'")


def test_make_source_chooses_by_spec(tmp_path, folder):
    assert isinstance(make_source(str(tmp_path / "a.jsonl")), JsonLinesSource)
    assert isinstance(make_source(str(tmp_path / "a.CSV")), CsvSource)
    assert isinstance(make_source(str(folder)), FolderSource)
    for spec, name in (("https://example.org/feed.xml", "RssSource"), (str(tmp_path / "x.warc.gz"), "WarcSource")):
        source = make_source(spec)
        if isinstance(source, UnavailableSource):  # the reader is not written yet
            assert name in source.reason
        else:
            assert type(source).__name__ == name


def test_source_name_is_stamped(folder):
    items = read_all(make_source(str(folder / "europe"), SourceOptions(source_name="Wire")))
    assert [i.source for i in items] == ["Wire"]


def test_bbc_corpus_reads_cleanly(shared):
    items = read_all(make_source(str(shared / "data" / "bbc-news")))
    assert len(items) == 2225 and all(isinstance(i, ArticleText) for i in items)
    assert all(i.title and i.published is None for i in items)
    assert items[0].id == "bbc-news/business/001.txt"
    assert items[0].title == "Ad sales boost Time Warner profit"


def test_html_goes_to_the_html_reader_and_keeps_our_id(tmp_path):
    page = "<html><head><title>Talks</title></head><body><article><p>" + "The ministers met in Vienna. " * 20
    (tmp_path / "page.html").write_text(page + "</p></article></body></html>", encoding="utf-8")
    [item] = read_all(FolderSource(tmp_path))
    assert isinstance(item, ArticleText) and item.id == f"{tmp_path.name}/page.html"


def test_a_bad_date_in_a_table_is_a_failure_naming_it_and_the_other_rows_are_read(tmp_path):
    rows = [{"text": "Talks resumed in Vienna.", "published": "2024-13-45"},
            {"text": "The ministers met again.", "published": "2024-08-23T10:00:00Z"},
            {"text": "A statement followed.", "published": "7:58 AM ET"},
            {"text": "The talks ended.", "published": "Fri, 23 Aug 2024 18:00:00 GMT"}]
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    csv_path = tmp_path / "a.csv"
    csv_path.write_text("story,ts\n" + "".join(f'"{r["text"]}","{r["published"]}"\n' for r in rows), encoding="utf-8")
    csv_source = CsvSource(csv_path, Columns(text="story", published="ts"))
    for source, column, where in ((JsonLinesSource(jsonl), "published", f"{jsonl}:"),
                                  (csv_source, "ts", f"{csv_path}:row ")):
        first, second, third, fourth = read_all(source)
        assert first == SourceFailure(f"{where}1", f"{column}: '2024-13-45' is not a date (month must be in 1..12)")
        assert isinstance(third, SourceFailure) and third.location == f"{where}3"
        assert third.reason.startswith(f"{column}: '7:58 AM ET' is not a date (expected YYYY-MM-DD")
        assert isinstance(second, ArticleText) and isinstance(fourth, ArticleText)
        assert (second.published, fourth.published) == ("2024-08-23", "2024-08-23")
