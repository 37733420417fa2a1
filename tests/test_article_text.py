"""The one input article type, its one date check, its default id and content hash (no model needed)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.records import ArticleText, article_id, content_hash, parse_day


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-01-02", "2024-01-02"),  # CSV and JSON Lines cells, the command line
        ("2024-08-23T10:00:00Z", "2024-08-23"),  # an ISO timestamp in a JSON Lines cell
        ("2025-03-14 20:30:26Z", "2025-03-14"),  # VOA's stories
        ("2024-03-15T06:00:00Z", "2024-03-15"),  # WARC-Date
        ("2024-03-12T07:00:00.250+01:00", "2024-03-12"),  # Atom <updated>
        ("2024-08-23T23:30:00-05:00", "2024-08-23"),  # the day as written: the zone is not read
        ("Mon, 11 Mar 2024 08:00:00 GMT", "2024-03-11"),  # RSS <pubDate>
        ("Mon, 11 Mar 2024 23:30:00 -0500", "2024-03-11"),
        ("11 March 2024", "2024-03-11"),
        ("14 Sept 2025 10:00", "2025-09-14"),
        ("March 14, 2025", "2025-03-14"),  # month first, as US pages and spreadsheets write it
        ("Friday, Mar. 14 2025, 8:30 PM", "2025-03-14"),
        ("1 Jan 99 00:00 GMT", "1999-01-01"),  # RFC 822's two-digit years
        ("  2024-02-29  ", "2024-02-29"),
        (dt.date(2024, 8, 23), "2024-08-23"),
        (dt.datetime(2024, 8, 23, 23, 59), "2024-08-23"),
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_the_forms_readers_get_parse_to_their_day(value, day):
    assert parse_day(value) == day


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2024-13-45", "month must be in 1..12"),
        ("0000-00-00", "year 0 is out of range"),
        ("2024-02-30", "day is out of range for month"),
        ("31 Feb 2025 10:00 GMT", "day is out of range for month"),
        ("7:58 AM ET", "expected YYYY-MM-DD"),  # a time of day, no date
        ("20:30", "expected YYYY-MM-DD"),
        ("23/08/2024", "expected YYYY-MM-DD"),
        ("Tuesday", "expected YYYY-MM-DD"),
        ("2024-08-231", "expected YYYY-MM-DD"),
        ("14 Foo 2025", "expected YYYY-MM-DD"),
        ("Foo 14, 2025", "expected YYYY-MM-DD"),
        ("February 30, 2024", "day is out of range for month"),
    ],
)
def test_impossible_and_time_only_values_are_refused_naming_field_and_value(value, why):
    with pytest.raises(ValueError, match="expected|range|must") as error:
        parse_day(value, "ts")
    assert str(error.value).startswith(f"ts: {value!r} is not a date (")
    assert why in str(error.value)


def test_article_text_keeps_the_day_and_refuses_a_bad_one():
    assert ArticleText("Talks resumed.", "2025-03-14 20:30:26Z").published == "2025-03-14"
    assert ArticleText("Talks resumed.", dt.date(2024, 8, 23)).published == "2024-08-23"  # type: ignore[arg-type]
    for bad in ("2024-13-45", "7:58 AM ET", "0000-00-00"):
        with pytest.raises(ValueError, match=f"^published: {bad!r} is not a date"):
            ArticleText("Talks resumed.", bad)
    article = ArticleText("Talks resumed.", "2024-08-23", id="a")
    with pytest.raises(ValueError, match="published"):
        dataclasses.replace(article, published="2024-13-45")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.published = "2024-08-24"  # type: ignore[misc]


def test_where_a_failure_is_recorded():
    text = "Talks resumed."
    assert ArticleText(text, location="wire/a.txt", url="https://x/a", id="a").where == "wire/a.txt"
    assert ArticleText(text, url="https://x/a", id="a").where == "https://x/a"
    assert ArticleText(text, id="a").where == "a"
    assert ArticleText(text).where == article_id(text)


def test_the_default_id_and_the_content_hash_keep_their_values():
    text = "Putin praised Pashinyan."
    assert article_id(text) == "sha1-4d118d12e6f8dd48"
    assert content_hash(text) == "25d7dfea27888b6deaa294fe45fbb0226ded7fc46bd83beca44e1445140638b1"


def test_records_imports_nothing_of_eventwire_and_no_date_library():
    # records.py loaded on its own, outside its package, so the package's __init__ does not count
    path = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "records.py"
    probe = ("import sys, importlib.util as u; watched = {'eventwire', 'dateparser', 'dateutil', 'email', 'spacy'}; "
             f"spec = u.spec_from_file_location('records_alone', {str(path)!r}); module = u.module_from_spec(spec); "
             "sys.modules['records_alone'] = module; spec.loader.exec_module(module); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in watched))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
