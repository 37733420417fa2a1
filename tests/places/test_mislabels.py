"""Names the model mislabels, found after the first reading: home-region towns, listed towns, "the town of"."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from eventwire.knowledge.gazetteer_index import PlaceKnowledge
from eventwire.places import find_places, find_toponyms
from eventwire.places.mislabels import home_mislabels

pytestmark = pytest.mark.slow


def test_mislabelled_town_of_the_home_state_is_a_place(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Grand Ledge police and Lansing officers closed the road, Michigan State Police said.")
    gaz = known.gazetteer
    lansing = next(c for c in gaz.lookup("Lansing") if c.admin1 == "MI")
    spans = {m.span.text for m in home_mislabels(doc, gaz, [], {0: lansing}, embedded=True)}
    # Grand Ledge (~8,000 people) is taken because Lansing puts the article in Michigan.
    assert "Grand Ledge" in spans


def test_a_mislabelled_town_listed_with_places_of_its_country_is_a_place(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("The night train from Amsterdam to Berlin stops in Hilversum and Almelo.")
    almelo = [t.i for t in doc if t.text == "Almelo"][0]
    doc.ents = [e for e in doc.ents if not (e.start <= almelo < e.end)] + [Span(doc, almelo, almelo + 1, "PERSON")]
    found = {p.text: p for p in find_places(doc, known)}
    assert found["Almelo"].country == "NLD"
    lone = nlp("Almelo said the train was late.")
    lone.ents = [Span(lone, 0, 1, "PERSON")]
    assert not find_places(lone, known)  # alone, a person's name stays a person's


def test_a_name_after_town_of_is_a_place_whatever_its_label(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("He works as a painter in the small town of Almelo these days.")
    i = [t.i for t in doc if t.text == "Almelo"][0]
    doc.ents = [e for e in doc.ents if not (e.start <= i < e.end)] + [Span(doc, i, i + 1, "PERSON")]
    assert {p.text: p.country for p in find_places(doc, known)}.get("Almelo") == "NLD"


def test_a_person_is_not_read_as_a_landmark_or_a_derived_division_alias(nlp: Language, known: PlaceKnowledge) -> None:
    for name in ("Ataturk", "Benue"):  # an airport's bare name; what is left of "Benue State"
        doc = nlp(f"{name} said the vote was fair.")
        doc.ents = [Span(doc, 0, 1, "PERSON")]
        assert not find_toponyms(doc, known), name
    doc = nlp("Benue State said the vote was fair.")
    doc.ents = [Span(doc, 0, 2, "PERSON")]
    assert [t.place.country for t in find_toponyms(doc, known)] == ["NGA"]  # by its full name it is the state
