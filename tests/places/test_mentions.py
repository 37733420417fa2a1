"""Finding the place names of a parsed document: entities, their parts, capitalised runs, datelines, county lists,
demonyms and names embedded in other entities' names."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from eventwire.knowledge.gazetteer_index import PlaceKnowledge
from eventwire.places import find_places, find_toponyms
from eventwire.places.mentions import capitalised_spans
from eventwire.places.names import dateline_run
from tests.places.conftest import Toponyms

pytestmark = pytest.mark.slow


def test_a_dateline_run_outside_entities_is_read_whole(known: PlaceKnowledge) -> None:
    doc = spacy.blank("en")("SAN DIEGO (AP) - The guard faces a different border.")
    assert dateline_run(doc, 0).text == "SAN DIEGO" and not len(dateline_run(doc, 1))
    assert [s.text for s in capitalised_spans(doc, known.gazetteer, set())] == ["SAN DIEGO"]
    assert not len(dateline_run(spacy.blank("en")("SAN and more"), 0))


def test_demonyms_and_embedded_names_only_when_asked(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Russian troops left, a spokesman for the Ohio Department of Transportation said.")
    assert {t.place.text for t in find_toponyms(doc, known)} == set()
    found = {t.place.text: t for t in find_toponyms(doc, known, include_demonyms=True, include_embedded=True)}
    assert found["Russian"].kind == "demonym" and found["Russian"].place.country == "RUS"
    assert found["Ohio"].kind == "embedded" and found["Ohio"].place.feature == "admin1"
    assert find_places(doc, known) == []  # neither is a location of the text


def test_a_county_opening_a_facility_or_a_title_is_an_embedded_name(nlp: Language, known: PlaceKnowledge) -> None:
    for text in ("He was held at the Henderson County Jail on Friday.",
                 "Anderson County Sheriff Greg Taylor said the reward was raised."):
        embedded = [t for t in find_toponyms(nlp(text), known, include_embedded=True) if t.kind == "embedded"]
        assert [t.place.feature for t in embedded] == ["admin2"], text
        assert not [t for t in find_toponyms(nlp(text), known) if t.kind == "embedded"]


def test_camel_case_names_are_found_inside_organisations(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("He was arrested, according to DeKalb Police. The McMinn County Sheriff's Office said he was held.")
    found = {t.place.text: t.place for t in find_toponyms(doc, known, include_embedded=True) if t.kind == "embedded"}
    assert found["DeKalb"].country == "USA" and found["DeKalb"].lon == pytest.approx(-88.75, abs=0.3)
    assert found["McMinn County"].feature == "admin2"


def test_a_place_after_an_area_word_opening_a_name_is_embedded(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("She studied at Northeast Texas Community College before moving away.")
    embedded = [t.place for t in find_toponyms(doc, known, include_embedded=True) if t.kind == "embedded"]
    assert [(p.text, p.feature) for p in embedded] == [("Texas", "admin1")]
    street = nlp("The cafe on West Tyler Street was open, the Ohio Department of Transportation said.")
    assert "Tyler" not in {t.place.text for t in find_toponyms(street, known, include_embedded=True)}


def test_an_all_caps_dateline_of_several_words_is_a_place(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("SAN DIEGO (AP) - The National Guard faces a different environment at the border.")
    (place,) = [t.place for t in find_toponyms(doc, known) if t.place.text == "SAN DIEGO"]
    assert place.country == "USA" and place.lon == pytest.approx(-117.16, abs=0.2)


def test_all_caps_dateline_is_a_place_whatever_its_tag(toponyms: Toponyms) -> None:
    found = toponyms("CORSICANA - A grass fire burned 40 acres on Tuesday, officials said.")
    assert found["CORSICANA"].name == "Corsicana" and found["CORSICANA"].country == "USA"


def test_a_currency_names_its_country_only_as_an_embedded_name(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("The project costs about 11 billion US dollars, the minister said.")
    embedded = [t.place for t in find_toponyms(doc, known, include_embedded=True) if t.kind == "embedded"]
    assert [(p.text, p.country) for p in embedded] == [("US", "USA")]
    assert not find_toponyms(doc, known)


def test_a_province_code_closing_an_organisation_name_is_embedded(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Visit the new FrontCounter BC office this week.")
    embedded = [t.place for t in find_toponyms(doc, known, include_embedded=True) if t.kind == "embedded"]
    assert [(p.text, p.name) for p in embedded] == [("BC", "British Columbia")]


def test_a_country_inside_an_organisation_name_is_embedded(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Shares of HSBC Bank Malta plc fell, and the Office of the United States Trade Representative said "
              "nothing.")
    embedded = {(t.place.text, t.place.country) for t in find_toponyms(doc, known, include_embedded=True)
                if t.kind == "embedded"}
    assert {("Malta", "MLT"), ("United States", "USA")} <= embedded


def test_a_landmark_opening_an_organisation_name_is_embedded(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Officials from the Heathrow Animal Reception Center helped write the rules.")
    embedded = {t.place.text: t.place for t in find_toponyms(doc, known, include_embedded=True) if t.kind == "embedded"}
    assert embedded["Heathrow"].country == "GBR"


def test_organisation_words_are_not_towns(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Police said a Cornell University student was hurt. Union leaders met the Federal Reserve.")
    assert not [t for t in find_toponyms(doc, known, include_embedded=True) if t.place.name in {
        "Police", "University", "Union", "Federal"}]


def test_names_before_counties_are_counties(toponyms: Toponyms) -> None:
    found = toponyms("The combined population of Douglas, Sarpy and Lancaster counties grew, officials said.")
    assert {p.name for p in found.values()} == {"Douglas County", "Sarpy County", "Lancaster County"}
    assert all(p.feature == "admin2" and p.lat is not None and 40 < p.lat < 42 for p in found.values())  # Nebraska


def test_short_capital_code_is_not_a_town(toponyms: Toponyms) -> None:
    # The index is case-folded: "EU" would otherwise also be Eu, a Normandy town.
    found = toponyms("Ministers met in Brussels, and the EU said it would respond.")
    assert found["EU"].name == "European Union" and found["EU"].feature == "region"


def test_small_town_needs_a_qualifier_outside_entities(nlp: Language, known: PlaceKnowledge) -> None:
    # Chiefland (pop. ~2,000) is found next to ", Fla."; a bare capitalised word naming only a small town is not
    # taken unless the parser labelled it a place.
    doc = nlp("The fire started near Chiefland, Fla., late on Sunday.")
    (place,) = [p for p in find_places(doc, known) if p.text == "Chiefland"]
    assert place.country == "USA" and place.lat is not None
