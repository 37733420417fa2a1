"""Targets the knowledge base cannot code (actors/parties.py, events/parties.py): a party the text names in a
deed's target slot is the event's target with a null code, its country and sector only where the phrase tells
them; a thing in the slot gives no event. Our own sentences, through ``code_text(...).to_dict()``."""

from __future__ import annotations

import csv
import json

import pytest

from eventwire.export.writers import export_events
from eventwire.records import ArticleText
from eventwire.serve.objects import event_object
from eventwire.store.connect import open_store
from eventwire.store.events import query_events
from eventwire.store.write import Versions, start_run, write_batch


def events(coder, text: str) -> list[dict]:
    return coder.code(text, published="2024-05-02").to_dict()["events"]


def targets(coder, text: str) -> list[tuple[str, str | None, str, str | None, str | None, str | None]]:
    return [(e["cameo"], e["source"]["code"], e["target"]["text"], e["target"]["code"], e["target"]["country"],
             e["target"]["sector"]) for e in events(coder, text) if e["target"]]


def test_a_company_is_an_uncoded_business(coder) -> None:
    found = targets(coder, "Norwegian prosecutors charged the company with tax fraud on Monday.")
    assert found == [("112", "NORJUD", "company", None, None, "BUS")]
    (event,) = events(coder, "The Ecuadorian ministry accused the bank of hiding losses.")
    target = event["target"]
    assert (target["code"], target["basis"], target["kind"], target["sector"]) == (None, "text", "role", "BUS")
    assert target["id"] == "text-bank"


def test_people_and_a_crowd_are_uncoded_civilians(coder) -> None:
    found = targets(coder, "Bolivian soldiers beat two women and a boy near the market.")
    assert [(t[2], t[3], t[5]) for t in found] == [("two women", None, "CVL"), ("boy", None, "CVL")]
    assert targets(coder, "Venezuelan police dispersed the crowd outside the stadium.") == [
        ("175", "VENCOP", "crowd", None, None, "CVL")]


def test_a_place_before_the_noun_gives_the_country(coder) -> None:
    (event,) = events(coder, "A Chilean judge sentenced a Kansas woman to two years.")
    target = event["target"]
    assert (target["text"], target["code"], target["country"], target["sector"], target["country_basis"]) == (
        "Kansas woman", None, "USA", "CVL", "place")


def test_an_unknown_named_person_with_a_title(coder) -> None:
    (event,) = events(coder, "Uruguayan police arrested the poet Ana Belmonte on Friday.")
    target = event["target"]
    assert (event["cameo"], event["source"]["code"]) == ("173", "URYCOP")
    assert (target["text"], target["code"], target["kind"], target["id"]) == ("Ana Belmonte", None, "person",
                                                                                "ana-belmonte")


@pytest.mark.parametrize("text", [
    "Argentina rejected the plan on Monday.",
    "Colombian troops seized the accounts of the cooperative.",
    "Paraguay closed the border with the river towns.",
])
def test_a_thing_in_the_slot_gives_no_event(coder, text) -> None:
    assert [e for e in events(coder, text) if e["target"] is None or e["target"]["code"] is None] == []


def test_a_coded_target_beats_an_uncoded_one(coder) -> None:
    # The slot holds a coded actor: the uncoded reading is never tried.
    found = targets(coder, "Peruvian police arrested two Chilean fishermen and a woman.")
    assert found and found[0][3] is not None


def test_a_null_code_is_stored_and_exported(coder, tmp_path) -> None:
    item = ArticleText("Uruguayan police arrested the poet Ana Belmonte on Friday.", published="2024-05-02",
                       id="u1", title="Poet held")
    (coded,) = coder.code_many([item])
    assert coded.events and coded.events[0].target is not None and coded.events[0].target.code is None
    path = tmp_path / "s.db"
    conn = open_store(path)
    write_batch(conn, start_run(conn, {}, Versions("c", "d")), [(item, coded)], [], Versions("c", "d"))
    (stored,) = [event_object(r) for r in query_events(conn)]  # the API's event object
    assert stored["target"] == {"id": "ana-belmonte", "text": "Ana Belmonte", "name": "Ana Belmonte", "code": None,
                                "country": None, "sector": None}
    conn.close()
    out = tmp_path / "e.csv"
    assert export_events(path, "csv", out=out) == 1
    with out.open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["source_code"], row["target_code"], row["target_text"], row["cameo"]) == (
        "URYCOP", "", "Ana Belmonte", "173")
    plover = tmp_path / "e.jsonl"
    assert export_events(path, "plover", out=plover) == 1
    (record,) = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
    assert record["target"] == [{"actorText": "Ana Belmonte", "code": None, "sector": None, "cameoCode": None,
                                 "name": "Ana Belmonte"}]


def test_a_name_the_tagger_left_untyped_is_a_party(coder) -> None:
    assert targets(coder, "A Brazilian court found Tavarinho guilty of bribery.") == [
        ("116", "BRAJUD", "Tavarinho", None, None, None)]


def test_a_person_noun_gives_its_sector(coder) -> None:
    assert targets(coder, "Kenyan police arrested two miners near the pit.") == [
        ("173", "KENCOP", "two miners", None, None, "LAB")]


def sources(coder, text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(e["cameo"], e["source"]["text"], e["source"]["code"], e["target"] and e["target"]["code"])
            for e in events(coder, text)]


def test_a_named_party_the_knowledge_base_lacks_is_a_source(coder) -> None:
    assert sources(coder, "Grimsdale Holdings sued the Danish government.") == [
        ("115", "Grimsdale Holdings", None, "DNKGOV")]
    assert sources(coder, "Tavarinho rejected the Brazilian offer on Monday.") == [("120", "Tavarinho", None, "BRA")]


def test_a_description_or_a_patient_is_no_source(coder) -> None:
    # "armed men" says who only with an antecedent; the children killed are the patient, never the doer.
    assert [s for s in sources(coder, "Armed men attacked a Malian army post.") if s[2] is None] == []
    assert [s for s in sources(coder, "Two girls were killed in shelling near the river, villagers said.")
            if s[1] == "girls"] == []


def test_an_initial_is_no_name(coder) -> None:
    from eventwire.actors.parties import party_mentions

    doc = coder.nlp("Quito police detained Arturo Menendez and B on Monday.")
    found = [m.mention.text for m in party_mentions(doc, [], coder.names)]
    assert "Arturo Menendez" in found and "B" not in found


def test_a_word_of_a_longer_name_or_a_document_is_no_party(coder) -> None:
    from eventwire.actors.parties import party_mentions

    # The end of a longer proper name ("Plan of Action") and the short name a text gives a document, wherever it
    # is used after, are no parties; a named person beside them still is.
    doc = coder.nlp("It slowly stopped meeting its duties under the grain deal, known as the Andean Plan of Action, "
                    "or ANPOA, which provided Quito with tariff relief. Arturo Menendez said the ANPOA had failed.")
    found = [m.mention.text for m in party_mentions(doc, [], coder.names)]
    assert "Arturo Menendez" in found
    assert not {"Action", "ANPOA", "the ANPOA"} & set(found)
