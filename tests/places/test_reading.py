"""How the sentence uses a place name (``Place.reading``), and the record's places: every toponym is there with
its reading, an event is located at literal readings only (issue 14). Sentences of our own writing."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.places import is_location, name_reading
from eventwire.records import Place

pytestmark = pytest.mark.slow


def reading(nlp: Language, text: str, name: str) -> str:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return name_reading(doc, span.start, span.end)


@pytest.mark.parametrize(("text", "name", "expected"), [
    # The subject of a speech or deed verb: its government.
    ("Yerevan hit back at the accusations within hours.", "Yerevan", "government"),
    ("Ottawa announced new tariffs on steel.", "Ottawa", "government"),
    # The other side of talks, or of a deed against it.
    ("The ministers held talks with Canada on fishing rights.", "Canada", "government"),
    ("The alliance imposed sanctions against Belarus.", "Belarus", "government"),
    # A location: in, at, near, from; a list of places.
    ("The ministers met in Yerevan on Monday.", "Yerevan", "literal"),
    ("Flights from Tbilisi resumed after the storm.", "Tbilisi", "literal"),
    ("Protests spread to Lyon, Marseille and Toulouse.", "Marseille", "literal"),
    ("Two climbers died near Chamonix.", "Chamonix", "literal"),
    # The polity and its ground at once.
    ("Portugal hosted the summit of southern leaders.", "Portugal", "both"),
    ("Chile's economy grew by two percent.", "Chile", "both"),
    # A possessive of a part of the ground stays literal.
    ("Peru's coast was hit by floods.", "Peru", "literal"),
    # The place an action on a territory is done to, and the one doing it.
    ("The occupation of Grenada lasted two months.", "Grenada", "literal"),
    ("Iraq's invasion of Kuwait began in August.", "Iraq", "government"),
    # A predicate that makes the subject an actor; a possession of ground that does not.
    ("Norway is a member of the alliance.", "Norway", "government"),
    ("Chile has a long coast.", "Chile", "literal"),
    # A polity's life as a state.
    ("After the fall of Carthage the province was reorganised.", "Carthage", "government"),
    ("The independence of Estonia was restored in 1991.", "Estonia", "government"),
    # A passive subject: a party chosen, or the ground hit.
    ("Norway was chosen to host the winter games.", "Norway", "government"),
    ("Haiti was struck by a strong earthquake.", "Haiti", "literal"),
    # Going between places.
    ("Ferries sail between Malta and Sicily every day.", "Malta", "literal"),
    # A polity's title: the name inside reads as the whole phrase.
    ("The Kingdom of Sardinia declared war on Austria.", "Sardinia", "government"),
    ("Turin was a city in the Kingdom of Sardinia.", "Sardinia", "literal"),
])
def test_reading_from_the_sentence(nlp: Language, text: str, name: str, expected: str) -> None:
    assert reading(nlp, text, name) == expected


def by_text(places: tuple[Place, ...]) -> dict[str, Place]:
    return {p.text: p for p in places}


def test_record_lists_every_toponym_with_its_reading(coder) -> None:
    record = coder.code("Yerevan hit back on Tuesday. Russian diplomats later met the envoy in Tbilisi.",
                        published="2024-08-23")
    places = by_text(record.places)
    assert places["Yerevan"].reading == "government" and places["Yerevan"].lat is not None
    assert places["Tbilisi"].reading == "literal" and places["Tbilisi"].kind == "name"
    assert places["Russian"].kind == "demonym" and places["Russian"].country == "RUS"
    assert not is_location(places["Yerevan"]) and not is_location(places["Russian"])
    assert is_location(places["Tbilisi"])


def test_event_location_uses_literal_readings_only(coder) -> None:
    record = coder.code("Baku accused Yerevan of shelling border villages. Aliyev met Putin in Sochi on Monday.",
                        published="2024-08-23")
    located = {e.trigger.text: e.location for e in record.events}
    assert located.get("accused") is None
    met = located.get("met")
    assert met is not None and met.name == "Sochi" and met.reading == "literal"
    assert {p.text for p in record.places} >= {"Baku", "Yerevan", "Sochi"}


def test_event_dated_by_the_article_has_no_precision(coder) -> None:
    record = coder.code("Baku accused Yerevan of shelling border villages. Aliyev met Putin in Sochi on Monday.",
                        published="2024-08-23")
    dated = {e.trigger.text: (e.date, e.date_precision, e.date_source) for e in record.events}
    assert dated["accused"] == ("2024-08-23", None, "article")
    assert dated["met"] == ("2024-08-19", "day", "text")
    as_json = record.to_dict()
    assert {e["date_source"] for e in as_json["events"]} == {"article", "text"}
    assert all(p["reading"] in ("literal", "government", "both") for p in as_json["places"])


def test_country_the_tagger_missed_is_a_place_too(coder) -> None:
    """A country name the actor resolver reads but the place finder does not is listed among the places."""
    record = coder.code("The delegates of Suriname and Guyana signed the accord.", published="2024-08-23")
    actors = {m.text for m in record.mentions if m.kind == "country"}
    assert actors
    places = {p.text: p for p in record.places}
    assert actors <= set(places)
    assert all(places[name].country is not None for name in actors)


@pytest.mark.parametrize(("text", "name"), [
    ("Fighting raged around al-Bab and al-Rai in Syria's Aleppo province.", "Rai"),
    ("Rebels seized al-Rai, a town in northern Syria near the Turkish border.", "Rai"),
])
def test_small_town_in_a_country_the_text_never_names_is_not_placed(toponyms, text: str, name: str) -> None:
    """A name whose only gazetteer reading is a small town in a country neither its sentence nor the article
    names, in a sentence that names another country, gets no point (nor that country)."""
    place = toponyms(text)[name]
    assert place.lat is None and place.country is None and place.reason is not None


def test_small_town_in_a_country_the_article_names_keeps_its_point(toponyms) -> None:
    place = toponyms("The tour went on to France. Fighting raged around al-Bab and al-Rai in Syria's Aleppo "
                     "province.")["Rai"]
    assert place.country == "FRA" and place.lat is not None


@pytest.mark.parametrize("text", [
    "Washington imposed new sanctions on Moscow on Friday.",
    "Officials in Washington said the talks would resume.",
])
def test_bare_washington_in_political_text_is_the_capital(toponyms, text: str) -> None:
    place = toponyms(text)["Washington"]
    assert place.feature == "city" and place.country == "USA" and place.lat is not None
    assert abs(place.lat - 38.9) < 0.5 and abs(place.lon + 77.0) < 0.5
