"""The place of an event: a locative phrase on its trigger, a verb above it or the people met, naming a place or
a kind of place."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.knowledge.gazetteer_index import PlaceKnowledge
from eventwire.places import find_places, locate_event

pytestmark = pytest.mark.slow


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

