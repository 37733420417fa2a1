"""Place names found, placed and attached to events, on the seed article and small sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.places.finder import find_places, find_toponyms, locate_event

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "article.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from eventwire.nlp.model import load_model

    return load_model()


@pytest.fixture(scope="module")
def seed_doc(nlp):  # type: ignore[no-untyped-def]
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (the shared folder sits beside the repository)")
    return nlp(SEED.read_text(encoding="utf-8"))


def test_seed_places_are_found_with_coordinates(seed_doc) -> None:  # type: ignore[no-untyped-def]
    places = find_places(seed_doc)
    by_name = {p.name: p for p in places}
    baku = by_name["Baku"]
    assert (baku.country, baku.feature) == ("AZE", "city")
    assert baku.lat == pytest.approx(40.377, abs=0.01) and baku.lon == pytest.approx(49.892, abs=0.01)
    assert by_name["Syunik"].country == "ARM" and by_name["Syunik"].lat is not None
    assert by_name["Nakhchivan"].country == "AZE" and by_name["Nakhchivan"].lat is not None
    assert {p.text for p in places if p.name == "Nakhchivan"} == {"Nakhichevan"}
    assert all(seed_doc.text[p.start : p.end] == p.text for p in places)


def test_seed_capitals_used_as_governments_are_not_places(seed_doc) -> None:  # type: ignore[no-untyped-def]
    places = find_places(seed_doc)
    assert not [p for p in places if p.name in ("Yerevan", "Moscow")]
    metonyms = {(t.place.text, t.place.start) for t in find_toponyms(seed_doc) if t.metonym}
    text = seed_doc.text
    for phrase, name in [("accused Yerevan of", "Yerevan"), ("Yerevan hit back", "Yerevan"),
                         ("between Moscow and Yerevan", "Moscow")]:
        assert (name, text.index(phrase) + phrase.index(name)) in metonyms, phrase
    assert all(t.place.text != "Baku" for t in find_toponyms(seed_doc) if t.metonym)


def test_event_is_located_by_its_locative_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Putin met with Aliyev in Baku on Monday. Moscow and Yerevan continue to escalate their sparring.")
    places = find_places(doc)
    met = next(t.i for t in doc if t.text == "met")
    located = locate_event(doc, met, places)
    assert located is not None and located.name == "Baku"
    escalate = next(t.i for t in doc if t.text == "escalate")
    assert locate_event(doc, escalate, places) is None


def test_where_clause_locates_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("They discussed Putin's latest trip to Azerbaijan where he met with President Aliyev.")
    met = next(t.i for t in doc if t.text == "met")
    located = locate_event(doc, met, find_places(doc))
    assert located is not None and located.country == "AZE"


def test_context_after_a_comma_picks_the_right_namesake(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The fire broke out in Alexandria, Va., late on Tuesday.")
    (alexandria,) = [p for p in find_places(doc) if p.text == "Alexandria"]
    assert alexandria.country == "USA" and alexandria.lon is not None and alexandria.lon > -80


def test_unknown_place_is_reported_without_coordinates(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Protesters gathered in Xqzvillebury on Sunday.")
    unplaced = [p for p in find_places(doc) if p.lat is None]
    assert all(p.reason for p in unplaced)


def test_home_state_decides_between_a_state_and_a_country(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police in Gainesville and Atlanta said the storm hit northern Georgia on Monday. "
              "Hall County schools were closed, and Georgia officials asked drivers to stay home.")
    georgia = {t.place.feature for t in find_toponyms(doc) if t.place.text == "Georgia"}
    assert georgia == {"admin1"}
    (gainesville,) = [t.place for t in find_toponyms(doc) if t.place.text == "Gainesville"]
    assert gainesville.country == "USA" and gainesville.lat is not None and gainesville.lat > 33.5  # GA, not FL


def test_washington_alone_is_the_capital(nlp) -> None:  # type: ignore[no-untyped-def]
    (place,) = find_places(nlp("The delegation flew to Washington on Monday."))
    assert place.feature == "city" and place.lat is not None and abs(place.lat - 38.9) < 0.5


def test_demonyms_and_embedded_names_only_when_asked(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Russian troops left, a spokesman for the Ohio Department of Transportation said.")
    assert {t.place.text for t in find_toponyms(doc)} == set()
    found = {t.place.text: t for t in find_toponyms(doc, include_demonyms=True, include_embedded=True)}
    assert found["Russian"].kind == "demonym" and found["Russian"].place.country == "RUS"
    assert found["Ohio"].kind == "embedded" and found["Ohio"].place.feature == "admin1"
    assert find_places(doc) == []  # neither is a location of the text


def test_small_town_needs_a_qualifier_outside_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    # Chiefland (pop. ~2,000) is found next to ", Fla."; a bare capitalised word naming only a small town is not
    # taken unless the parser labelled it a place.
    doc = nlp("The fire started near Chiefland, Fla., late on Sunday.")
    (place,) = [p for p in find_places(doc) if p.text == "Chiefland"]
    assert place.country == "USA" and place.lat is not None


def test_short_capital_code_is_not_a_town(nlp) -> None:  # type: ignore[no-untyped-def]
    # The index is case-folded: "EU" would otherwise also be Eu, a Normandy town.
    doc = nlp("Ministers met in Brussels, and the EU said it would respond.")
    found = {t.place.text: t.place for t in find_toponyms(doc)}
    assert found["EU"].name == "European Union" and found["EU"].feature == "region"


def test_same_state_neighbours_pick_the_local_namesake(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Deputies from Tyler and Longview drove to Palestine on Friday to help search the lake.")
    (palestine,) = [t.place for t in find_toponyms(doc) if t.place.text == "Palestine"]
    assert palestine.country == "USA" and palestine.feature == "city"  # Palestine, Texas


def test_all_caps_dateline_is_a_place_whatever_its_tag(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("CORSICANA - A grass fire burned 40 acres on Tuesday, officials said.")
    found = {t.place.text: t.place for t in find_toponyms(doc)}
    assert found["CORSICANA"].name == "Corsicana" and found["CORSICANA"].country == "USA"


def test_mislabelled_town_of_the_home_state_is_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.knowledge.gazetteer import load_gazetteer
    from eventwire.places.finder import home_mislabels

    doc = nlp("Grand Ledge police and Lansing officers closed the road, Michigan State Police said.")
    gaz = load_gazetteer()
    lansing = next(c for c in gaz.lookup("Lansing") if c.admin1 == "MI")
    spans = {m.span.text for m in home_mislabels(doc, gaz, [], {0: lansing}, embedded=True)}
    # Grand Ledge (~8,000 people) is taken because Lansing puts the article in Michigan.
    assert "Grand Ledge" in spans


def test_a_town_and_its_county_settle_each_other(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Paris police and Henry County deputies searched the lake on Friday.")
    found = {t.place.text: t.place for t in find_toponyms(doc)}
    # Paris, Tennessee lies in Henry County, Tennessee (ZIP code list): neither is Paris, France or Henry County, GA.
    assert found["Paris"].country == "USA" and found["Paris"].lon == pytest.approx(-88.33, abs=0.2)
    county = found["Henry County"]
    assert county.feature == "admin2" and county.lat == pytest.approx(36.3, abs=0.5)


def test_a_county_name_many_states_share_is_null_with_a_reason(nlp) -> None:  # type: ignore[no-untyped-def]
    (county,) = find_toponyms(nlp("Washington County commissioners voted on Monday to raise the tax."))
    assert county.place.feature == "admin2" and county.place.lat is None and county.place.lon is None
    assert county.place.reason is not None and "several US counties" in county.place.reason


def test_a_town_only_the_zip_code_list_knows_needs_its_state(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The fire destroyed a barn near Meadow Grove, Neb., on Sunday.")
    (grove,) = [p for p in find_places(doc) if p.text == "Meadow Grove"]
    assert grove.country == "USA" and grove.lat == pytest.approx(42.0, abs=0.2)
    assert not [p for p in find_places(nlp("The fire destroyed a barn near Meadow Grove on Sunday.")) if p.lat]


def test_ocean_and_region_names_are_not_small_towns(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Troops were deployed to the Middle East and the Atlantic, the Pentagon said in Washington.")
    found = {t.place.text: t.place for t in find_toponyms(doc)}
    assert found["Middle East"].feature == "region" and found["Atlantic"].name == "Atlantic Ocean"


def test_names_before_counties_are_counties(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The combined population of Douglas, Sarpy and Lancaster counties grew, officials said.")
    found = {t.place.text: t.place for t in find_toponyms(doc)}
    assert {p.name for p in found.values()} == {"Douglas County", "Sarpy County", "Lancaster County"}
    assert all(p.feature == "admin2" and p.lat is not None and 40 < p.lat < 42 for p in found.values())  # Nebraska


def test_the_state_after_a_comma_is_read_even_when_a_sentence_follows(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.places.finder import trailing_context

    doc = nlp("The team played in Columbus, Ohio. Notre Dame won the game.")
    columbus = next(t for t in doc if t.text == "Columbus")
    assert trailing_context(doc, columbus.i + 1) == "US-OH"
    (place,) = [t.place for t in find_toponyms(doc) if t.place.text == "Columbus"]
    assert place.lon == pytest.approx(-83.0, abs=0.2)


def test_a_county_opening_a_facility_or_a_title_is_an_embedded_name(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("He was held at the Henderson County Jail on Friday.",
                 "Anderson County Sheriff Greg Taylor said the reward was raised."):
        embedded = [t for t in find_toponyms(nlp(text), include_embedded=True) if t.kind == "embedded"]
        assert [t.place.feature for t in embedded] == ["admin2"], text
        assert not [t for t in find_toponyms(nlp(text)) if t.kind == "embedded"]


def test_camel_case_names_are_found_inside_organisations(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("He was arrested, according to DeKalb Police. The McMinn County Sheriff's Office said he was held.")
    found = {t.place.text: t.place for t in find_toponyms(doc, include_embedded=True) if t.kind == "embedded"}
    assert found["DeKalb"].country == "USA" and found["DeKalb"].lon == pytest.approx(-88.75, abs=0.3)
    assert found["McMinn County"].feature == "admin2"


def test_a_place_after_an_area_word_opening_a_name_is_embedded(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("She studied at Northeast Texas Community College before moving away.")
    embedded = [t.place for t in find_toponyms(doc, include_embedded=True) if t.kind == "embedded"]
    assert [(p.text, p.feature) for p in embedded] == [("Texas", "admin1")]
    street = nlp("The cafe on West Tyler Street was open, the Ohio Department of Transportation said.")
    assert "Tyler" not in {t.place.text for t in find_toponyms(street, include_embedded=True)}


def test_an_all_caps_dateline_of_several_words_is_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("SAN DIEGO (AP) - The National Guard faces a different environment at the border.")
    (place,) = [t.place for t in find_toponyms(doc) if t.place.text == "SAN DIEGO"]
    assert place.country == "USA" and place.lon == pytest.approx(-117.16, abs=0.2)


def test_a_currency_names_its_country_only_as_an_embedded_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The project costs about 11 billion US dollars, the minister said.")
    embedded = [t.place for t in find_toponyms(doc, include_embedded=True) if t.kind == "embedded"]
    assert [(p.text, p.country) for p in embedded] == [("US", "USA")]
    assert not find_toponyms(doc)


def test_a_province_code_closing_an_organisation_name_is_embedded(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Visit the new FrontCounter BC office this week.")
    embedded = [t.place for t in find_toponyms(doc, include_embedded=True) if t.kind == "embedded"]
    assert [(p.text, p.name) for p in embedded] == [("BC", "British Columbia")]


def test_a_dateline_run_outside_entities_is_read_whole() -> None:
    import spacy

    from eventwire.knowledge.gazetteer import load_gazetteer
    from eventwire.places.finder import capitalised_spans, dateline_run

    doc = spacy.blank("en")("SAN DIEGO (AP) - The guard faces a different border.")
    assert dateline_run(doc, 0).text == "SAN DIEGO" and not len(dateline_run(doc, 1))
    assert [s.text for s in capitalised_spans(doc, load_gazetteer(), set())] == ["SAN DIEGO"]
    assert not len(dateline_run(spacy.blank("en")("SAN and more"), 0))


def test_a_landmark_is_read_before_a_namesake_town(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Reporters waited outside the White House as the president met senators in the Oval Office.")
    places = {p.text: p for p in find_places(doc)}
    house = places["White House"]
    assert house.country == "USA" and house.feature == "other" and abs(house.lat - 38.90) < 0.05  # not Tennessee
    assert abs(places["Oval Office"].lon - house.lon) < 0.01


def test_an_airport_is_found_by_its_bare_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police searched an Aeroflot plane at Heathrow on Friday before it left for Moscow.")
    heathrow = {p.text: p for p in find_places(doc)}["Heathrow"]
    assert heathrow.country == "GBR" and abs(heathrow.lat - 51.47) < 0.05 and heathrow.name.endswith("Airport")


def test_a_country_inside_an_organisation_name_is_embedded(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Shares of HSBC Bank Malta plc fell, and the Office of the United States Trade Representative said "
              "nothing.")
    embedded = {(t.place.text, t.place.country) for t in find_toponyms(doc, include_embedded=True)
                if t.kind == "embedded"}
    assert {("Malta", "MLT"), ("United States", "USA")} <= embedded


def test_a_mislabelled_town_listed_with_places_of_its_country_is_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    doc = nlp("The night train from Amsterdam to Berlin stops in Hilversum and Almelo.")
    almelo = [t.i for t in doc if t.text == "Almelo"][0]
    doc.ents = [e for e in doc.ents if not (e.start <= almelo < e.end)] + [Span(doc, almelo, almelo + 1, "PERSON")]
    found = {p.text: p for p in find_places(doc)}
    assert found["Almelo"].country == "NLD"
    lone = nlp("Almelo said the train was late.")
    lone.ents = [Span(lone, 0, 1, "PERSON")]
    assert not find_places(lone)  # alone, a person's name stays a person's


def test_a_name_after_town_of_is_a_place_whatever_its_label(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    doc = nlp("He works as a painter in the small town of Almelo these days.")
    i = [t.i for t in doc if t.text == "Almelo"][0]
    doc.ents = [e for e in doc.ents if not (e.start <= i < e.end)] + [Span(doc, i, i + 1, "PERSON")]
    assert {p.text: p.country for p in find_places(doc)}.get("Almelo") == "NLD"


def test_a_landmark_opening_an_organisation_name_is_embedded(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials from the Heathrow Animal Reception Center helped write the rules.")
    embedded = {t.place.text: t.place for t in find_toponyms(doc, include_embedded=True) if t.kind == "embedded"}
    assert embedded["Heathrow"].country == "GBR"


def test_organisation_words_are_not_towns(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police said a Cornell University student was hurt. Union leaders met the Federal Reserve.")
    assert not [t for t in find_toponyms(doc, include_embedded=True) if t.place.name in {
        "Police", "University", "Union", "Federal"}]


def test_a_person_is_not_read_as_a_landmark_or_a_derived_division_alias(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    for name in ("Ataturk", "Benue"):  # an airport's bare name; what is left of "Benue State"
        doc = nlp(f"{name} said the vote was fair.")
        doc.ents = [Span(doc, 0, 1, "PERSON")]
        assert not find_toponyms(doc), name
    doc = nlp("Benue State said the vote was fair.")
    doc.ents = [Span(doc, 0, 2, "PERSON")]
    assert [t.place.country for t in find_toponyms(doc)] == ["NGA"]  # by its full name it is the state


def test_second_pass_readings_vote_again(nlp) -> None:  # type: ignore[no-untyped-def]
    # Read alone, "Parkland" is the larger Parkland, Washington; once ", Florida" has settled it, its Washington-state
    # first reading must not pull "Washington" in "The Washington Post" to the state.
    doc = nlp("The Parkland students rallied again. Parkland parents joined them. Hogg grew up in Parkland, Florida. "
              "He told The Washington Post he was angry.")
    found = [t.place for t in find_toponyms(doc, include_embedded=True)]
    assert all(abs(p.lat - 26.3) < 0.2 for p in found if p.text == "Parkland")
    (post,) = [p for p in found if p.text == "Washington"]
    assert abs(post.lat - 38.9) < 0.1  # the capital, where the newspaper is
