"""Reading a name against the gazetteer: short codes, capitalised names, confirmed candidates, the ", State" hint
and the country of a bare place name, on hand-made gazetteers (no parser needed)."""

from __future__ import annotations

import spacy

from eventwire.knowledge.gazetteer_index import Candidate, Gazetteer, build_index
from eventwire.places.names import CAMEL_NAME, confirmed, is_short_code, place_country, trailing_context


def town(name: str, lat: float, lon: float, population: int, admin1: str, minor: bool = False) -> Candidate:
    return Candidate(name, "USA", lat, lon, None, "city", population, admin1, minor=minor)


def test_short_codes() -> None:
    assert is_short_code("EU") and is_short_code("USA")
    assert not is_short_code("Eu") and not is_short_code("ROME") and not is_short_code("U.S.")


def test_a_minor_zip_town_needs_its_state_confirmed() -> None:
    gaz = Gazetteer({})
    grove = town("Meadow Grove", 42.0, -97.7, 0, "NE", minor=True)
    big = town("Meadow Grove", 30.0, -90.0, 20_000, "LA")
    assert confirmed([grove, big], None, gaz) == (big,)
    assert confirmed([grove, big], "US-NE", gaz) == (grove, big)  # "Meadow Grove, Neb."
    assert confirmed([grove], "US-IA", gaz) == ()
    assert confirmed([grove], None, gaz, frozenset({("USA", "NE")})) == (grove,)  # other places in Nebraska


def test_camel_case_names_count_as_capitalised() -> None:
    for name in ("DeKalb", "McLean", "McMinn", "DuPage", "LaGrange", "MacArthur"):
        assert CAMEL_NAME.fullmatch(name), name
    for word in ("PoP", "iPhone", "USA", "Dekalb", "McD", "DEKALB"):
        assert not CAMEL_NAME.fullmatch(word), word


def test_the_hint_after_a_comma_comes_from_the_gazetteer_handed_in() -> None:
    province = Candidate("Syunik Province", "ARM", 39.5, 46.3, None, "admin1")
    gaz = Gazetteer(build_index([(province, ())]), state_codes={"neb.": "NE"})
    doc = spacy.blank("en")("He lives in Meadow Grove , Neb. and works in Goris , Syunik Province now .")
    assert trailing_context(gaz, doc, 5) == "US-NE"
    assert trailing_context(gaz, doc, 11) == "syunik province"  # the longest run of words the gazetteer knows
    empty = Gazetteer({})
    assert (trailing_context(empty, doc, 5), trailing_context(empty, doc, 11)) == ("neb.", "syunik")
    assert trailing_context(gaz, doc, 3) is None  # no comma after "in"


def test_the_country_of_a_place_name_is_its_most_populous_reading() -> None:
    gaz = Gazetteer(build_index([
        (Candidate("Nablus", "PSE", 32.2, 35.3, None, "city", 126_000), ()),
        (Candidate("Nablus", "USA", 40.0, -80.0, None, "city", 0, "PA", minor=True), ()),  # ZIP list only
        (Candidate("Meadow Grove", "USA", 42.0, -97.7, None, "city", 0, "NE", minor=True), ()),
        (Candidate("Georgia", "GEO", 42.0, 43.5, None, "country", 3_700_000), ()),
    ]))
    assert place_country(gaz, "Nablus") == "PSE"
    assert place_country(gaz, "Meadow Grove") is None  # a town only the ZIP code list knows
    assert place_country(gaz, "Georgia") is None  # countries are the knowledge base's, not this lookup's
    assert place_country(gaz, "Atlantis") is None


def test_a_country_name_is_no_city_abroad() -> None:
    gaz = Gazetteer(build_index([
        (Candidate("Korea", "KOR", 36.0, 128.0, None, "country", 51_000_000), ()),
        (Candidate("Korea", "CIV", 7.0, -6.0, None, "city", 3_000), ()),
        (Candidate("Delhi", "IND", 28.6, 77.2, None, "city", 11_000_000), ()),
        (Candidate("Moro", "PAK", 26.7, 68.0, None, "city", 140_000), ()),
    ]))
    assert place_country(gaz, "Korea") is None
    assert place_country(gaz, "Delhi", min_population=500_000) == "IND"
    assert place_country(gaz, "Moro") == "PAK"
    assert place_country(gaz, "Moro", min_population=500_000) is None
