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
