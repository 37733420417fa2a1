"""The place of an event: a locative phrase on its trigger, a verb above it or the people met, naming a place or
a kind of place."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.knowledge.gazetteer_index import PlaceKnowledge
from eventwire.places import find_places, locate_event
from eventwire.places.location import PLACE_KIND_NOUNS
from eventwire.records import Place

pytestmark = pytest.mark.slow


def located(nlp: Language, known: PlaceKnowledge, text: str, trigger: str) -> Place | None:
    doc = nlp(text)
    return locate_event(doc, next(t.i for t in doc if t.text == trigger), find_places(doc, known))


def test_event_is_located_by_its_locative_phrase(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Putin met with Aliyev in Baku on Monday. Moscow and Yerevan continue to escalate their sparring.")
    places = find_places(doc, known)
    met = next(t.i for t in doc if t.text == "met")
    located = locate_event(doc, met, places)
    assert located is not None and located.name == "Baku"
    escalate = next(t.i for t in doc if t.text == "escalate")
    assert locate_event(doc, escalate, places) is None


def test_where_clause_locates_the_event(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("They discussed Putin's latest trip to Azerbaijan where he met with President Aliyev.")
    met = next(t.i for t in doc if t.text == "met")
    located = locate_event(doc, met, find_places(doc, known))
    assert located is not None and located.country == "AZE"


@pytest.mark.parametrize(("text", "trigger", "where"), [
    ("The ministers met in the capital on Monday.", "met", "the capital"),
    ("Troops clashed at the border on Monday.", "clashed", "the border"),
])
def test_a_noun_for_a_kind_of_place_is_an_unnamed_location(nlp: Language, known: PlaceKnowledge, text: str,
                                                            trigger: str, where: str) -> None:
    place = located(nlp, known, text, trigger)
    assert place is not None and (place.text, place.reason, place.lat) == (where, "unnamed location", None)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Lavrov criticised Ilham Aliyev in his history of the war.", "criticised"),  # a history is no place
    ("Tony Blair is pressing the US on climate.", "pressing"),
    ("Officials said the talks, in part, failed.", "failed"),
])
def test_a_noun_whose_complement_may_be_a_place_is_no_location(nlp: Language, known: PlaceKnowledge, text: str,
                                                               trigger: str) -> None:
    assert located(nlp, known, text, trigger) is None


def test_kinds_of_place_are_places_not_what_is_done_there() -> None:
    assert {"town", "city", "village", "province", "region", "capital", "border"} <= PLACE_KIND_NOUNS
    assert not {"history", "visit", "trip", "climate", "population", "part"} & PLACE_KIND_NOUNS
