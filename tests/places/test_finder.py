"""The reading passes: place names found in the seed article and small sentences, and the reading each gets."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.knowledge.gazetteer_index import Candidate, Gazetteer, PlaceKnowledge, build_index
from eventwire.places import find_places, find_toponyms
from eventwire.places.names import trailing_context
from tests.places.conftest import Toponyms

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "article.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_doc(nlp: Language) -> Doc:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (the shared folder sits beside the repository)")
    return nlp(SEED.read_text(encoding="utf-8"))


def test_seed_places_are_found_with_coordinates(seed_doc: Doc, known: PlaceKnowledge) -> None:
    places = find_places(seed_doc, known)
    by_name = {p.name: p for p in places}
    baku = by_name["Baku"]
    assert (baku.country, baku.feature) == ("AZE", "city")
    assert baku.lat == pytest.approx(40.377, abs=0.01) and baku.lon == pytest.approx(49.892, abs=0.01)
    assert by_name["Syunik"].country == "ARM" and by_name["Syunik"].lat is not None
    assert by_name["Nakhchivan"].country == "AZE" and by_name["Nakhchivan"].lat is not None
    assert {p.text for p in places if p.name == "Nakhchivan"} == {"Nakhichevan"}
    assert all(seed_doc.text[p.start : p.end] == p.text for p in places)


def test_seed_capitals_used_as_governments_are_not_places(seed_doc: Doc, known: PlaceKnowledge) -> None:
    places = find_places(seed_doc, known)
    assert not [p for p in places if p.name in ("Yerevan", "Moscow")]
    metonyms = {(t.place.text, t.place.start) for t in find_toponyms(seed_doc, known) if t.metonym}
    text = seed_doc.text
    for phrase, name in [("accused Yerevan of", "Yerevan"), ("Yerevan hit back", "Yerevan"),
                         ("between Moscow and Yerevan", "Moscow")]:
        assert (name, text.index(phrase) + phrase.index(name)) in metonyms, phrase
    assert all(t.place.text != "Baku" for t in find_toponyms(seed_doc, known) if t.metonym)


def test_context_after_a_comma_picks_the_right_namesake(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("The fire broke out in Alexandria, Va., late on Tuesday.")
    (alexandria,) = [p for p in find_places(doc, known) if p.text == "Alexandria"]
    assert alexandria.country == "USA" and alexandria.lon is not None and alexandria.lon > -80


def test_unknown_place_is_reported_without_coordinates(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Protesters gathered in Xqzvillebury on Sunday.")
    unplaced = [p for p in find_places(doc, known) if p.lat is None]
    assert all(p.reason for p in unplaced)


def test_home_state_decides_between_a_state_and_a_country(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Police in Gainesville and Atlanta said the storm hit northern Georgia on Monday. "
              "Hall County schools were closed, and Georgia officials asked drivers to stay home.")
    georgia = {t.place.feature for t in find_toponyms(doc, known) if t.place.text == "Georgia"}
    assert georgia == {"admin1"}
    (gainesville,) = [t.place for t in find_toponyms(doc, known) if t.place.text == "Gainesville"]
    assert gainesville.country == "USA" and gainesville.lat is not None and gainesville.lat > 33.5  # GA, not FL


def test_washington_alone_is_the_capital(nlp: Language, known: PlaceKnowledge) -> None:
    (place,) = find_places(nlp("The delegation flew to Washington on Monday."), known)
    assert place.feature == "city" and place.lat is not None and abs(place.lat - 38.9) < 0.5


def test_same_state_neighbours_pick_the_local_namesake(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Deputies from Tyler and Longview drove to Palestine on Friday to help search the lake.")
    (palestine,) = [t.place for t in find_toponyms(doc, known) if t.place.text == "Palestine"]
    assert palestine.country == "USA" and palestine.feature == "city"  # Palestine, Texas


def test_a_town_and_its_county_settle_each_other(toponyms: Toponyms) -> None:
    found = toponyms("Paris police and Henry County deputies searched the lake on Friday.")
    # Paris, Tennessee lies in Henry County, Tennessee (ZIP code list): neither is Paris, France or Henry County, GA.
    assert found["Paris"].country == "USA" and found["Paris"].lon == pytest.approx(-88.33, abs=0.2)
    county = found["Henry County"]
    assert county.feature == "admin2" and county.lat == pytest.approx(36.3, abs=0.5)


def test_a_county_name_many_states_share_is_null_with_a_reason(nlp: Language, known: PlaceKnowledge) -> None:
    (county,) = find_toponyms(nlp("Washington County commissioners voted on Monday to raise the tax."), known)
    assert county.place.feature == "admin2" and county.place.lat is None and county.place.lon is None
    assert county.place.reason is not None and "several US counties" in county.place.reason


def test_a_town_only_the_zip_code_list_knows_needs_its_state(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("The fire destroyed a barn near Meadow Grove, Neb., on Sunday.")
    (grove,) = [p for p in find_places(doc, known) if p.text == "Meadow Grove"]
    assert grove.country == "USA" and grove.lat == pytest.approx(42.0, abs=0.2)
    assert not [p for p in find_places(nlp("The fire destroyed a barn near Meadow Grove on Sunday."), known) if p.lat]


def test_ocean_and_region_names_are_not_small_towns(toponyms: Toponyms) -> None:
    found = toponyms("Troops were deployed to the Middle East and the Atlantic, the Pentagon said in Washington.")
    assert found["Middle East"].feature == "region" and found["Atlantic"].name == "Atlantic Ocean"


def test_the_state_after_a_comma_is_read_even_when_a_sentence_follows(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("The team played in Columbus, Ohio. Notre Dame won the game.")
    columbus = next(t for t in doc if t.text == "Columbus")
    assert trailing_context(known.gazetteer, doc, columbus.i + 1) == "US-OH"
    (place,) = [t.place for t in find_toponyms(doc, known) if t.place.text == "Columbus"]
    assert place.lon == pytest.approx(-83.0, abs=0.2)


def test_a_landmark_is_read_before_a_namesake_town(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Reporters waited outside the White House as the president met senators in the Oval Office.")
    places = {p.text: p for p in find_places(doc, known)}
    house = places["White House"]
    assert house.country == "USA" and house.feature == "other" and abs(house.lat - 38.90) < 0.05  # not Tennessee
    assert abs(places["Oval Office"].lon - house.lon) < 0.01


def test_an_airport_is_found_by_its_bare_name(nlp: Language, known: PlaceKnowledge) -> None:
    doc = nlp("Police searched an Aeroflot plane at Heathrow on Friday before it left for Moscow.")
    heathrow = {p.text: p for p in find_places(doc, known)}["Heathrow"]
    assert heathrow.country == "GBR" and abs(heathrow.lat - 51.47) < 0.05 and heathrow.name.endswith("Airport")


def test_second_pass_readings_vote_again(nlp: Language, known: PlaceKnowledge) -> None:
    # Read alone, "Parkland" is the larger Parkland, Washington; once ", Florida" has settled it, its Washington-state
    # first reading must not pull "Washington" in "The Washington Post" to the state.
    doc = nlp("The Parkland students rallied again. Parkland parents joined them. Hogg grew up in Parkland, Florida. "
              "He told The Washington Post he was angry.")
    found = [t.place for t in find_toponyms(doc, known, include_embedded=True)]
    assert all(abs(p.lat - 26.3) < 0.2 for p in found if p.text == "Parkland")
    (post,) = [p for p in found if p.text == "Washington"]
    assert abs(post.lat - 38.9) < 0.1  # the capital, where the newspaper is


def test_only_the_knowledge_handed_in_is_read(nlp: Language, known: PlaceKnowledge) -> None:
    # A made-up town that no bundled table has: found only by the place knowledge that lists it.
    doc = nlp("Soldiers arrived in Quorvale on Monday, officials said.")
    assert [p.lat for p in find_places(doc, known) if p.text == "Quorvale"] == [None]
    quorvale = Candidate("Quorvale", "ARM", 39.5, 46.3, None, "city", 20_000)
    made_up = PlaceKnowledge(Gazetteer(build_index([(quorvale, ())])), {})
    (place,) = find_places(doc, made_up)
    assert (place.text, place.country, place.lat) == ("Quorvale", "ARM", 39.5)
