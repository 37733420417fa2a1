"""The offline gazetteer: name normalisation, alias filtering, and the places the seed article needs."""

from __future__ import annotations

import pytest

from eventwire.resolve.gazetteer import is_indexable_alias, load_gazetteer, normalise_name


def test_normalise_name_drops_accents_case_and_article() -> None:
    assert normalise_name("the  Naxçıvan") == "naxcıvan"
    assert normalise_name("Côte d’Ivoire") == "cote d'ivoire"


@pytest.mark.parametrize(("alias", "kept"), [("Bakou", True), ("BAK", False), ("ba ku", False), ("Баку", False)])
def test_only_latin_capitalised_non_code_aliases_are_indexed(alias: str, kept: bool) -> None:
    assert is_indexable_alias(alias) is kept


def test_baku_is_the_azerbaijani_capital_with_coordinates() -> None:
    (baku,) = [c for c in load_gazetteer().lookup("Baku") if c.country == "AZE"]
    assert baku.feature == "city" and baku.capital
    assert baku.lat == pytest.approx(40.377, abs=0.01) and baku.lon == pytest.approx(49.892, abs=0.01)


@pytest.mark.parametrize(("name", "country"), [("Syunik", "ARM"), ("Syunik Province", "ARM"),
                                               ("Nakhichevan", "AZE"), ("Nakhchivan", "AZE")])
def test_supplement_regions_are_found_by_every_spelling(name: str, country: str) -> None:
    cands = [c for c in load_gazetteer().lookup(name) if c.feature == "admin1"]
    assert cands and cands[0].country == country and cands[0].lat is not None


def test_countries_have_points_and_english_aliases() -> None:
    gaz = load_gazetteer()
    for name in ("U.S.", "the United States", "Armenia", "Azerbaijan", "Russian Federation"):
        countries = [c for c in gaz.lookup(name) if c.feature == "country"]
        assert countries and countries[0].lat is not None, name


def test_us_states_carry_codes_and_newspaper_abbreviations() -> None:
    (state,) = [c for c in load_gazetteer().lookup("Calif.") if c.feature == "admin1"]
    assert state.name == "California" and state.admin1 == "CA"


def test_gazetteer_is_built_once() -> None:
    assert load_gazetteer() is load_gazetteer()
    assert len(load_gazetteer()) > 50_000


def test_small_towns_come_from_the_cities1000_list() -> None:
    (chiefland,) = [c for c in load_gazetteer().lookup("Chiefland") if c.country == "USA"]
    assert chiefland.admin1 == "FL" and chiefland.lat is not None and chiefland.population < 15000


def test_us_states_carry_a_population_summed_from_their_cities() -> None:
    (state,) = [c for c in load_gazetteer().lookup("Georgia") if c.feature == "admin1"]
    assert state.admin1 == "GA" and state.population > 1_000_000


def test_read_cities_streams_every_object(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from eventwire.resolve.gazetteer import read_cities

    path = tmp_path / "cities.json"
    path.write_text('{"1": {"name": "A", "x": {"y": 1}}, "2": {"name": "B\u00e9"}, "3": {"name": "C"}}')
    assert [c["name"] for c in read_cities(path, chunk=7)] == ["A", "Bé", "C"]


@pytest.mark.parametrize(("word", "place"), [("Russian", "Russia"), ("Russians", "Russia"),
                                             ("European", "Europe"), ("Texans", "Texas")])
def test_demonyms_map_to_the_place_they_derive_from(word: str, place: str) -> None:
    from eventwire.resolve.gazetteer import load_demonyms

    cand = load_demonyms()[normalise_name(word)]
    assert cand.name == place and cand.lat is not None
