"""End-to-end coding through the public API: the schema, the seed article, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

import eventwire
from eventwire.nlp.budget import CodingTimeout
from eventwire.nlp.guard import InputRejected
from tests.slow_stage import BUDGET_S, SLOW_WORD, slow_times

pytestmark = pytest.mark.slow

SCHEMA = json.loads((resources.files("eventwire") / "schema" / "coded-article.schema.json").read_text())


def test_public_api_is_listed():
    assert set(eventwire.__all__) >= {"code_text", "Coder", "CodedArticle", "ArticleText"}
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name


def test_seed_record_validates_against_the_schema(coder, seed_text):
    record = coder.code(seed_text, published="2024-08-23", id="seed")
    jsonschema.validate(record.to_dict(), SCHEMA)
    assert record.events and record.mentions


def test_records_are_frozen(coder):
    record = coder.code("Putin praised Pashinyan.", published="2024-08-23")
    with pytest.raises(AttributeError):
        record.events = ()  # type: ignore[misc]


def test_spans_slice_the_text(coder, seed_text):
    record = coder.code(seed_text, published="2024-08-23")
    for m in record.mentions:
        assert seed_text[m.start : m.end] == m.text
    for e in record.events:
        assert seed_text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.start <= e.trigger.start < e.trigger.end <= e.end


def test_seed_scores_meet_the_acceptance_floor(coder, seed_text, shared, tmp_path):
    out = tmp_path / "out.json"
    out.write_text(json.dumps(coder.code(seed_text, published="2024-08-23").to_dict()), encoding="utf-8")
    result = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(shared / "seed" / "gold.json"),
                             str(out), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout[: result.stdout.rindex("}") + 1])
    assert scores["events"]["f1"] >= 0.90
    assert scores["actors"]["accuracy"] == 1.0


def test_code_text_uses_one_shared_coder():
    first = eventwire.code_text("Putin praised Pashinyan.", published="2024-08-23")
    assert [(e.source.code, e.target.code) for e in first.events] == [("RUSGOV", "ARMGOV")]


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_gives_an_empty_record_with_a_reason(coder, text):
    record = coder.code(text)
    assert record.events == () and record.mentions == ()
    assert record.warnings == ("empty text",)


def test_non_english_text_is_skipped(coder):
    text = ("Президент России Владимир Путин провёл телефонный разговор с премьер-министром Армении. "
            "Стороны обсудили вопросы двусторонней повестки и договорились о встрече в ближайшее время.")
    record = coder.code(text)
    assert record.events == () and "English" in record.warnings[0]


def test_binary_input_is_rejected(coder):
    with pytest.raises(InputRejected, match="binary"):
        coder.code("PK\x03\x04\x00\x00\x00binary")


def test_huge_input_is_rejected_quickly(coder):
    with pytest.raises(InputRejected, match="limit"):
        coder.code("Putin praised Pashinyan. " * 420_000)  # about 10 MB


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("“Russia attacked Ukraine,” Zelensky said on Tuesday.", "2024-08-20"),  # the cue's date
        ("“Russia attacked Ukraine on Monday,” Zelensky said on Tuesday.", "2024-08-19"),  # its own date first
        ("“Russia attacked Ukraine,” Zelensky said.", "2024-08-23"),  # else the publication date
    ],
)
def test_an_event_in_a_quote_takes_the_reporting_date(coder, text, day):
    # The speaker's accusation (UKRGOV -> RUS, 1123) read off the quote is an event of its own.
    [event] = [e for e in coder.code(text, published="2024-08-23").events if e.cameo == "190"]
    assert event.quote_id is not None and event.date == day


def test_a_reported_attack_is_also_the_speakers_accusation_tied_to_the_quote(coder):
    coded = coder.code("“Azerbaijani forces shelled Armenian villages,” Pashinyan said.", published="2024-08-23")
    by_code = {e.cameo: e for e in coded.events}
    assert set(by_code) == {"194", "1123"}
    deed, accusation = by_code["194"], by_code["1123"]
    assert (accusation.source.code, accusation.target.code) == ("ARMGOV", "AZEMIL")
    assert accusation.trigger.text == "said" and accusation.quote_id == deed.quote_id is not None


@pytest.mark.parametrize("bad", ["2024-13-45", "7:58 AM ET", "0000-00-00"])
def test_a_bad_publication_date_raises_naming_the_field(coder, bad):
    with pytest.raises(ValueError, match=f"^published: {bad!r} is not a date"):
        coder.code("Putin praised Pashinyan.", published=bad)
    with pytest.raises(ValueError, match="published"):
        eventwire.code_text("Putin praised Pashinyan.", published=bad)
    with pytest.raises(ValueError, match="published"):
        list(coder.code_many([eventwire.ArticleText("Putin praised Pashinyan.", bad)]))


def test_a_timestamp_gives_the_record_its_day(coder):
    record = coder.code("Putin praised Pashinyan on Monday.", published="2024-08-23T10:00:00Z")
    jsonschema.validate(record.to_dict(), SCHEMA)  # the schema's published is YYYY-MM-DD
    assert record.article.published == "2024-08-23" and [e.date for e in record.events] == ["2024-08-19"]


def test_a_refused_article_takes_its_place_in_the_batch(coder):
    items = [eventwire.ArticleText("Putin praised Pashinyan.", "2024-08-23", id="a"),
             eventwire.ArticleText("PK\x03\x04\x00\x00binary", id="b"),
             eventwire.ArticleText("Pashinyan praised Putin.", "2024-08-23", id="c")]
    first, refused, last = coder.code_or_reject(items)
    assert isinstance(refused, InputRejected) and "binary" in str(refused)
    assert (first.article.id, last.article.id) == ("a", "c") and first.events and last.events
    coded = coder.code_many(items)
    assert next(coded).article.id == "a"
    with pytest.raises(InputRejected, match="binary"):
        next(coded)


def test_an_article_over_its_budget_times_out_and_the_batch_goes_on(coder, monkeypatch):
    slow_times(monkeypatch)
    items = [eventwire.ArticleText("Putin praised Pashinyan.", "2024-08-23", id="a"),
             eventwire.ArticleText(f"Aliyev {SLOW_WORD} accused Pashinyan.", "2024-08-23", id="b"),
             eventwire.ArticleText("Pashinyan praised Putin.", "2024-08-23", id="c")]
    first, late, last = coder.code_or_reject(items, BUDGET_S)
    assert isinstance(late, CodingTimeout) and str(late) == f"timeout: coding took over {BUDGET_S:g} s"
    assert (first.article.id, last.article.id) == ("a", "c") and first.events and last.events
    with pytest.raises(CodingTimeout):
        coder.code(items[1].text, timeout_s=BUDGET_S)
    assert coder.code(items[1].text).events  # no budget: coded, however long it takes


def test_a_budget_spent_before_the_stages_stops_at_the_first(coder):
    with pytest.raises(CodingTimeout, match="over 1e-06 s"):
        coder.code("Putin praised Pashinyan.", timeout_s=1e-6)


def test_an_article_of_more_tokens_than_a_quarter_of_max_chars_is_refused(coder):
    small = eventwire.Coder(knowledge=coder.knowledge, nlp=coder.nlp, max_chars=400)  # at most 100 tokens
    items = [eventwire.ArticleText("a " * 150, id="dense"), eventwire.ArticleText("Putin praised Pashinyan.", id="ok")]
    refused, coded = small.code_or_reject(items)
    assert isinstance(refused, InputRejected)
    assert str(refused) == "input has 150 tokens; the limit is 100 (--max-chars / 4)"
    assert coded.article.id == "ok" and coded.events
