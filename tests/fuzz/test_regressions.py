"""What the fuzzers found, each as one explicit case: fixed ones assert the fix; known crashes another change
fixes were marked ``xfail(strict=True)`` until their fix landed; none is left."""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest.tables import CsvSource, JsonLinesSource
from eventwire.ingest.warc import WarcSource
from eventwire.nlp.guard import InputRejected, check_text
from eventwire.records import ArticleText, SourceFailure
from tests.fuzz.properties import record_problems
from tests.ingest.pages import article_page

STORY = "The foreign minister of Japan met his counterpart from China in Geneva on Tuesday."


# -- fixed ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "\ud83d"])  # the last: half of an emoji's pair
def test_a_lone_surrogate_is_a_refusal_naming_it_not_a_unicode_error(surrogate):
    with pytest.raises(InputRejected, match=f"lone surrogate, U\\+{ord(surrogate):04X}, at character 7"):
        check_text(STORY[:7] + surrogate + STORY, 1_000_000)
    assert check_text(STORY[:7] + "\U0001f600" + STORY, 1_000_000) is None  # a pair is one character: coded


@pytest.mark.slow
def test_the_coder_refuses_a_lone_surrogate_and_codes_the_rest_of_a_batch(coder):
    items = [ArticleText(STORY, id="a"), ArticleText(STORY + " \udc00", id="b"), ArticleText(STORY, id="c")]
    first, refused, last = coder.code_or_reject(items)
    assert isinstance(refused, InputRejected) and "lone surrogate" in str(refused)
    assert (first.article.id, last.article.id) == ("a", "c") and first.mentions


def test_json_nested_too_deep_to_read_is_a_failure_of_its_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_text("\n".join([deep, json.dumps({"text": STORY})]), encoding="utf-8")
    failure, article = JsonLinesSource(path).read()
    assert failure == SourceFailure(f"{path}:1", "invalid JSON: nested too deep")
    assert isinstance(article, ArticleText) and article.text == STORY


# -- known, fixed elsewhere (issue 16) ---------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("published", ["2022-06-01", "1899-06-01", "2101-06-01"])
@pytest.mark.parametrize("day", ["29 February", "February 29"])
def test_29_february_without_a_year_in_a_publication_year_far_from_a_leap_year(coder, day, published):
    text = f"The talks ended on {day}, officials said."
    assert record_problems(coder.code(text, published).to_dict(), text) == []


@pytest.mark.slow
@pytest.mark.parametrize(("when", "published"), [("last week", "0001-01-01"), ("two weeks ago", "0001-01-07"),
                                                 ("yesterday", "0001-01-01"), ("tomorrow night", "9999-12-31"),
                                                 ("next Tuesday", "9999-12-31")])
def test_relative_days_at_the_ends_of_the_calendar(coder, when, published):
    text = f"The talks ended {when}, officials said."
    assert record_problems(coder.code(text, published).to_dict(), text) == []


def test_a_warc_response_that_lost_its_target_uri_is_a_failure_not_an_attribute_error(tmp_path):
    out = BytesIO()
    writer = WARCWriter(out, gzip=False)
    page = article_page()
    head = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example.invalid/a", "response", payload=BytesIO(page),
                                                  length=len(page), http_headers=head))
    path = tmp_path / "lost.warc"
    path.write_bytes(out.getvalue().replace(b"WARC-Target-URI: https://news.example.invalid/a\r\n", b""))
    (failure,) = WarcSource(path).read()
    assert isinstance(failure, SourceFailure) and failure.reason.startswith("broken WARC: AttributeError")


def test_a_csv_header_that_swallows_the_whole_file_is_a_short_failure_not_an_error(tmp_path):
    path = tmp_path / "header.csv"  # an unclosed quote in the header runs into a field over the module's limit
    path.write_text('"text,title\n' + "x" * 140_000 + "\n", encoding="utf-8")
    (failure,) = CsvSource(path).read()  # the whole file is one header name: no text column, said briefly
    assert isinstance(failure, SourceFailure) and failure.location == str(path)
    assert failure.reason.startswith("no column 'text' (has ['text,title\\nxxx") and len(failure.reason) < 200
