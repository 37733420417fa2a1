"""The offline gazetteer: name normalisation, alias filtering, and the places the seed article needs."""

from __future__ import annotations

import pytest

from eventwire.knowledge.actors import load_default_kb
from eventwire.knowledge.gazetteer import load_gazetteer, load_place_knowledge, read_demonyms
from eventwire.knowledge.gazetteer_derived import airport_names, bare_division_name, world_division_entries
from eventwire.knowledge.gazetteer_index import (
    Candidate,
    Gazetteer,
    build_index,
    is_indexable_alias,
    normalise_name,
)
from eventwire.knowledge.gazetteer_tables import country_entries, division_populations, one_capital, read_cities
from eventwire.knowledge.gazetteer_us import ZipPlaces, read_zip_places, us_county_entries, us_zip_town_entries


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
    path = tmp_path / "cities.json"
    path.write_text('{"1": {"name": "A", "x": {"y": 1}}, "2": {"name": "B\u00e9"}, "3": {"name": "C"}}')
    assert [c["name"] for c in read_cities(path, chunk=7)] == ["A", "Bé", "C"]


@pytest.mark.parametrize(("word", "place"), [("Russian", "Russia"), ("Russians", "Russia"),
                                             ("European", "Europe"), ("Texans", "Texas")])
def test_demonyms_map_to_the_place_they_derive_from(word: str, place: str) -> None:
    cand = load_place_knowledge().demonyms[normalise_name(word)]
    assert cand.name == place and cand.lat is not None


def zip_record(city: str, county: str, state: str, lat: float, lon: float, kind: str = "STANDARD") -> dict[str, object]:
    return {"city": city, "county": county, "state": state, "lat": str(lat), "long": str(lon), "zip_code_type": kind}


def test_county_point_is_the_mean_of_its_street_zip_codes() -> None:
    zips = read_zip_places([
        zip_record("London", "Laurel County", "KY", 37.0, -84.0),
        zip_record("London", "Laurel County", "KY", 37.2, -84.2),
        zip_record("Lily", "Laurel County", "KY", 40.0, -80.0, kind="PO BOX"),  # boxes only when no street ZIP
        zip_record("Keavy", "Laurel county", "KY", 37.1, -84.1, kind="UNIQUE"),  # one organisation: skipped
        zip_record("Decatur", "DeKalb County", "GA", 33.8, -84.3),
        zip_record("Decatur", "Dekalb County", "GA", 33.8, -84.3),
        zip_record("Tucker", "DeKalb County", "GA", 33.9, -84.2),
        zip_record("Nome", "Nome Census Area", "AK", 64.5, -165.4, kind="PO BOX"),
        zip_record("San Juan", "San Juan Municipio", "PR", 18.4, -66.1),  # not a US state
        zip_record("Richmond", "Richmond city", "VA", 37.5, -77.4),  # an independent city is a town
    ])
    name, lat, lon = zips.counties[("laurel county", "KY")]
    assert name == "Laurel County" and lat == pytest.approx(37.1) and lon == pytest.approx(-84.1)
    assert zips.counties[("dekalb county", "GA")][0] == "DeKalb County"  # the spelling most records use
    assert zips.counties[("nome census area", "AK")][1:] == pytest.approx((64.5, -165.4))
    assert set(zips.counties) == {("laurel county", "KY"), ("dekalb county", "GA"), ("nome census area", "AK")}
    assert zips.town_county[("london", "KY")] == "laurel county"
    assert zips.towns[("lily", "KY")][1:] == pytest.approx((40.0, -80.0))
    assert ("richmond", "VA") in zips.towns and ("keavy", "KY") not in zips.towns


def test_counties_get_a_population_from_their_towns_and_newspaper_spellings() -> None:
    zips = ZipPlaces(
        counties={("st. louis county", "MO"): ("St. Louis County", 38.6, -90.4),
                  ("orange county", "VT"): ("Orange County", 44.0, -72.3)},
        towns={("florissant", "MO"): ("Florissant", 38.8, -90.3), ("ferguson", "MO"): ("Ferguson", 38.7, -90.3),
               ("chelsea", "VT"): ("Chelsea", 43.99, -72.45)},
        town_county={("florissant", "MO"): "st. louis county", ("ferguson", "MO"): "st. louis county"},
    )
    cities = [Candidate("Florissant", "USA", 38.79, -90.32, 1, "city", 52_000, "MO"),
              Candidate("Ferguson", "USA", 38.74, -90.31, 2, "city", 21_000, "MO")]
    counties = {c.name: (c, set(aliases)) for c, aliases in us_county_entries(zips, cities)}
    st_louis, aliases = counties["St. Louis County"]
    assert st_louis.feature == "admin2" and st_louis.admin1 == "MO" and st_louis.population == 73_000
    assert {"Saint Louis County", "St. Louis Co."} <= aliases
    assert counties["Orange County"][0].population == 0
    # Only the town cities1000 lacks is added, as a minor candidate with no population.
    (chelsea,) = [c for c, _ in us_zip_town_entries(zips, cities)]
    assert chelsea.name == "Chelsea" and chelsea.minor and chelsea.population == 0 and chelsea.admin1 == "VT"


def test_us_counties_have_points_from_the_zip_code_list() -> None:
    gaz = load_gazetteer()
    (laurel,) = gaz.lookup("Laurel County")
    assert laurel.feature == "admin2" and laurel.admin1 == "KY"
    assert laurel.lat == pytest.approx(37.11, abs=0.3) and laurel.lon == pytest.approx(-84.12, abs=0.3)
    orange = {c.admin1: c for c in gaz.lookup("Orange County")}
    assert {"CA", "FL", "NY", "TX"} <= set(orange)
    assert max(orange.values(), key=lambda c: c.population).admin1 == "CA"
    assert gaz.town_county[("london", "KY")] == "laurel county"


def test_listed_divisions_get_a_population_from_their_nearest_towns() -> None:
    north = Candidate("North", "XXX", 10.0, 0.0, None, "admin1")
    south = Candidate("South", "XXX", 0.0, 0.0, None, "admin1")
    towns = [Candidate("A", "XXX", 9.0, 0.0, None, "city", 100), Candidate("B", "XXX", 1.0, 0.5, None, "city", 10),
             Candidate("C", "XXX", 40.0, 0.0, None, "city", 1_000),  # over DIVISION_KM from both: not counted
             Candidate("D", "YYY", 10.0, 0.0, None, "city", 5)]  # another country
    assert division_populations([north, south], towns) == {("North", "XXX"): 100, ("South", "XXX"): 10}


def test_a_listed_division_outranks_its_small_namesake_towns() -> None:
    cands = load_gazetteer().lookup("Wales")
    (nation,) = [c for c in cands if c.feature == "admin1"]
    assert nation.country == "GBR" and nation.population > max(c.population for c in cands if c.feature == "city")


def write_division_towns(path, towns: list[tuple[str, str, str | None, str | None, float, float, int]]) -> None:  # type: ignore[no-untyped-def]
    import gzip
    import json

    rows = [{"country_code": cc, "city": city, "state": state, "county": county, "latitude": lat, "longitude": lon,
             "population": people} for city, cc, state, county, lat, lon, people in towns]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(rows, handle)


def test_world_divisions_come_from_their_towns(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "geocode.gz"
    write_division_towns(path, [
        ("Canterbury", "GB", "England", "Kent", 51.28, 1.08, 55_000),
        ("Maidstone", "GB", "England", "Kent", 51.26, 0.52, 113_000),
        ("Calamba", "PH", "Calabarzon", "Province of Laguna", 14.21, 121.17, 450_000),
        ("Makurdi", "NG", "Benue State", None, 7.73, 8.52, 300_000),
        ("Xai-Xai", "MZ", "Gaza", None, -25.05, 33.64, 100_000),  # Gaza the city is larger
        ("Sekondi", "GH", "Western", None, 4.93, -1.70, 300_000),  # a bare direction word
        ("Lagos", "NG", "Lagos", None, 6.45, 3.39, 9_000_000),  # named like a town of its own country
        ("Boston", "US", "Massachusetts", "Suffolk County", 42.36, -71.06, 600_000),  # US: from other sources
    ])
    towns = [Candidate("Gaza", "PSE", 31.5, 34.47, None, "city", 410_000),
             Candidate("Lagos", "NGA", 6.45, 3.39, None, "city", 9_000_000),
             Candidate("Kent", "USA", 47.38, -122.23, None, "city", 130_000)]
    known = build_index([(Candidate("England", "GBR", 52.5, -1.5, None, "admin1"), ())])
    found = {c.name: (c, tuple(names)) for c, names in world_division_entries(path, towns, known)}
    assert set(found) == {"Kent", "Province of Laguna", "Calabarzon", "Benue State"}
    kent, names = found["Kent"]
    assert (kent.country, kent.feature, kent.population) == ("GBR", "admin2", 168_000) and names == ("Kent",)
    assert kent.lat == pytest.approx(51.27) and kent.lon == pytest.approx(0.80) and not kent.curated
    laguna, names = found["Province of Laguna"]
    assert names == ("Province of Laguna", "Laguna") and laguna.feature == "admin2"
    benue, names = found["Benue State"]
    assert names == ("Benue State", "Benue") and benue.feature == "admin1"


def test_world_divisions_are_skipped_without_the_package() -> None:
    assert list(world_division_entries(None, [], {})) == []


@pytest.mark.parametrize(("name", "bare"), [("Province of Cebu", "Cebu"), ("Benue State", "Benue"),
                                            ("County Cork", "Cork"), ("North West", None), ("Delta State", None),
                                            ("Western Province", None), ("Kent", "Kent")])
def test_bare_division_names(name: str, bare: str | None) -> None:
    assert bare_division_name(name) == bare


def test_british_counties_and_foreign_provinces_are_in_the_gazetteer() -> None:
    gaz = load_gazetteer()
    (kent,) = [c for c in gaz.lookup("Kent") if c.feature == "admin2"]
    assert kent.country == "GBR" and kent.population > max(c.population for c in gaz.lookup("Kent")
                                                          if c.feature == "city")
    assert any(c.country == "BRA" and c.feature == "admin1" for c in gaz.lookup("Roraima"))
    assert not any(c.country == "MOZ" for c in gaz.lookup("Gaza"))


@pytest.mark.parametrize(("name", "city", "names", "bare"), [
    ("Washington Dulles International Airport", "Washington",
     ["Washington Dulles International Airport", "Dulles International Airport"], "Dulles"),
    ("Amsterdam Airport Schiphol", "Amsterdam", ["Amsterdam Airport Schiphol", "Airport Schiphol"], "Schiphol"),
    ("Kelly Field", "San Antonio", ["Kelly Field"], None),  # no city before it: a person's name
    ("Dallas Love Field", "Dallas", ["Dallas Love Field", "Love Field"], None),  # an ordinary word
    ("John F Kennedy International Airport", "New York", ["John F Kennedy International Airport"], None),
])
def test_airport_names(name: str, city: str, names: list[str], bare: str | None) -> None:
    assert airport_names(name, city) == (names, bare)


def test_landmarks_and_airports_are_in_the_gazetteer() -> None:
    gaz = load_gazetteer()
    (kremlin,) = [c for c in gaz.lookup("Kremlin") if c.feature == "landmark"]
    assert kremlin.country == "RUS" and abs(kremlin.lat - 55.75) < 0.01
    assert any(c.feature == "landmark" and c.country == "GBR" for c in gaz.lookup("Heathrow"))
    assert any(c.feature == "landmark" for c in gaz.lookup("Dulles International Airport"))
    assert not any(c.feature == "landmark" for c in gaz.lookup("Luton"))  # the town's name


def test_newspaper_short_forms_of_countries_are_indexed() -> None:
    gaz = load_gazetteer()
    assert any(c.feature == "country" and c.country == "TTO" for c in gaz.lookup("T&T"))
    assert any(c.feature == "country" and c.country == "KOR" for c in gaz.lookup("Korea"))


def test_only_the_largest_namesake_is_the_national_capital() -> None:
    big = Candidate("Washington", "USA", 38.9, -77.0, 1, "city", 689_545, "DC", capital=True)
    small = Candidate("Washington", "USA", 33.7, -82.7, 2, "city", 3_981, "GA", capital=True)
    other = Candidate("Paris", "FRA", 48.9, 2.3, 3, "city", 2_138_551, "11", capital=True)
    kept = [c for c, _ in one_capital([(big, ()), (small, ()), (other, ())])]
    assert [c.capital for c in kept] == [True, False, True]
    assert [c for c in load_gazetteer().lookup("Washington") if c.capital] == [
        c for c in load_gazetteer().lookup("Washington") if c.admin1 == "DC" and c.feature == "city"]


def test_country_names_come_from_the_knowledge_base_handed_in() -> None:
    aliases = {c.country: set(names) for c, names in country_entries([("ARM", ("Armenistan",))])}
    assert "Armenistan" in aliases["ARM"] and "Armenia" in aliases["ARM"]  # the base's alias beside pycountry's
    assert "Armenistan" not in {n for c, names in country_entries([]) if c.country == "ARM" for n in names}


def test_demonyms_come_from_the_knowledge_base_handed_in() -> None:
    armenia = Candidate("Armenia", "ARM", 40.0, 45.0, None, "country")
    europe = Candidate("Europe", None, 48.7, 9.1, None, "region")
    gaz = Gazetteer(build_index([(armenia, ()), (europe, ())]))
    demonyms = read_demonyms(gaz, [("ARM", ("Armenistani",)), ("XXX", ("Nowherian",))])
    assert demonyms["armenistani"] is armenia and "nowherian" not in demonyms  # a country the gazetteer lacks
    assert demonyms["european"] is europe  # data/places/demonyms.tsv


def test_place_knowledge_is_cached_on_the_bases_countries() -> None:
    import dataclasses

    default = load_place_knowledge()
    assert load_place_knowledge(load_default_kb()) is default and default.gazetteer is load_gazetteer()
    # Another base with the same countries (here: no actors) shares the gazetteer: nothing is built again.
    assert load_place_knowledge(dataclasses.replace(load_default_kb(), actors=())) is default
    assert default.gazetteer.state_codes["calif."] == "CA" and default.gazetteer.state_codes["ca"] == "CA"
