"""Events told in quotes and reported speech, on the record (``eventwire.code_text(...).to_dict()``), with
sentences of our own writing: each is linked to its quote, and in quoted words "I"/"we"/"our" is the speaker."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def coded(text: str) -> tuple[list[tuple[str, str | None, str, str | None]], dict[str, str]]:
    record = eventwire.code_text(text, published="2024-05-10").to_dict()
    quotes = {q["id"]: q["kind"] for q in record["quotes"]}
    return [(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"], e["quote_id"])
            for e in record["events"]], quotes


def test_a_deed_in_a_direct_quote_is_linked_to_it():
    found, quotes = coded('"Russia attacked Ukraine last night," Zelensky said.')
    assert ("RUS", "UKR", "190", "Q1") in found and quotes == {"Q1": "direct"}


def test_a_deed_in_reported_speech_is_linked_to_it():
    found, quotes = coded("The Kremlin said Putin met Erdogan on Tuesday and praised Turkey.")
    assert {("RUSGOV", "TURGOV", "040", "Q1"), ("RUSGOV", "TUR", "051", "Q1")} <= set(found)
    assert quotes == {"Q1": "indirect"}


def test_we_in_a_quote_is_the_speaker():
    found, _ = coded('"We will never recognise Kosovo," Vucic said.')
    assert found == [("SRBGOV", "XKX", "120", "Q1")]


def test_i_in_a_quote_is_the_speaker():
    found, _ = coded('"I met Putin on Monday," Erdogan said.')
    assert ("TURGOV", "RUSGOV", "040", "Q1") in found


def test_we_in_the_second_quote_of_a_speaker():
    found, _ = coded('"Russia must withdraw," Macron said. "We condemn Russia."')
    assert ("FRAGOV", "RUS", "111", "Q2") in found


def test_my_is_not_the_speaker():
    found, _ = coded('"We were grateful that Biden said he will help release my father," the son said.')
    assert all(t != s for s, t, _c, _q in found)


def test_a_deed_outside_any_quote_has_none():
    found, _ = coded("Russia attacked Ukraine on Monday.")
    assert found == [("RUS", "UKR", "190", None)]


def ends(text: str) -> list[tuple[str, str, str | None]]:
    record = eventwire.code_text(text, published="2024-05-10").to_dict()
    return [(e["source"]["text"], e["cameo"], (e["target"] or {}).get("text")) for e in record["events"]]


def test_a_pronoun_named_in_its_sentence_is_the_name():
    # One referent, one actor: "it" is Norway, and the record's event says so with the words that name it.
    assert ends("Norway said on Monday that it would send aid to Sudan.") == [("Norway", "033", "Sudan")]
    assert ends("The Chilean president said he had rejected a request from Peru.") == [
        ("Chilean president", "120", "Peru")]


def test_a_speakers_we_is_the_speakers_name():
    assert ends('"We will never recognise Kosovo," Vucic said.') == [("Vucic", "120", "Kosovo")]


def test_a_pronoun_whose_referent_is_named_in_another_sentence_stays():
    assert ends("Norway is a rich country. It sent aid to Sudan.") == [("It", "070", "Sudan")]


def test_a_plural_speakers_they_in_reported_speech_is_the_speaker():
    assert ends("Kenyan police said they arrested three Somali men.") == [("Kenyan police", "173", "Somali men")]
    found, quotes = coded("Sri Lankan Tamil rebels have said that they will release two Indian soldiers.")
    assert found == [("LKAREB", "INDMIL", "035", "Q1")] and quotes == {"Q1": "indirect"}


def test_a_list_of_speakers_is_not_one_they():
    # one mention cannot stand for each of "France and Germany"; half the list would be half the deed. What each
    # says about Turkey stays a statement of its own (CAMEO 010, events/statements.py).
    found = ends("France and Germany said they would send aid to Turkey.")
    assert [code for _, code, _ in found] == ["010", "010"]


def test_they_inside_a_clause_the_speech_verb_does_not_report_is_not_the_speaker():
    # "they" is the subject of a clause inside the reported one, whose own subject is someone else.
    # (What the police say of Uganda is their statement, CAMEO 010; the arrest is not theirs.)
    assert all(source != "Kenyan police" or code == "010" for source, code, _ in ends(
        "Kenyan police said Uganda knew that they arrested three Somali men."))
