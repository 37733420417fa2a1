"""Scoring a name's candidates: each alone (feature, population, capital, the article's countries, ", State"),
and with what the rest of the article says (``Context``: its other places' countries and states, nearby towns,
a town and its county named together)."""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from eventwire.knowledge.gazetteer_index import Candidate, Gazetteer, normalise_name
from eventwire.places.mentions import Mention
from eventwire.places.names import SMALL_TOWN, hint_matches, main_name

# A listed landmark is its name's dominant reading ("White House": not the Tennessee town), as a country is.
FEATURE_PRIOR = {"country": 6.0, "landmark": 6.0, "admin1": 3.5, "region": 3.5, "admin2": 2.0, "city": 0.0,
                 "other": -1.0}
# An unsupported county name is read as its most populous namesake only when that one is this many times larger.
COUNTY_LEAD = 3
# A national capital outranks a same-name state: "Washington" in the news is the city.
CAPITAL = 4.5
# Document-level prior: weight of the share of the article's other places in the candidate's country / state.
COUNTRY_SHARE = 3.0
REGION_SHARE = 5.0
# A town main-name match gets this much more when any other place of the article lies in its US state or
# first-level region (a local paper names "Palestine" beside "Tyler": Palestine, Texas) -- unless a national
# capital carries the name or a same-name town is over RIVAL_RATIO times larger ("Louisville", "Boston").
REGION_ANY = 3.0
RIVAL_RATIO = 50
# Proximity: weight of the share of the article's other placed towns lying within NEAR_KM of the candidate
# (same-name towns in neighbouring states: "Paris" near Memphis is Paris, Tennessee).
NEAR = 2.0
NEAR_KM = 300.0
# A US town and the county it lies in (ZIP code list), both named in the article, support each other's reading;
# a county gets SIBLING x the share of the article's other county names that exist in its state.
CONTAINS = 6.0
SIBLING = 3.0
# Co-location: weight of the share of the article's other town / county names with *some* reading within
# CLUSTER_KM of a US town candidate (needs no confident anchor, so it is kept small and short-range).
CLUSTER = 2.0
CLUSTER_KM = 80.0
EARTH_KM = 6371.0


@dataclass(frozen=True)
class Context:
    """What the rest of the article says about where it is: votes of its other places by country and state."""

    countries: frozenset[str]
    by_country: Counter[str]
    by_region: Counter[tuple[str, str]]
    total: int
    towns: tuple[tuple[str, float, float], ...] = ()  # (name key, lat, lon) of the first-pass town readings
    town_keys: frozenset[str] = frozenset()  # names of the article that may be towns / US counties
    county_keys: frozenset[str] = frozenset()
    county_states: Mapping[str, frozenset[str]] = field(default_factory=dict)  # county name -> states having one
    town_county: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # name key -> the points of every town / county reading it may have (for the co-location term)
    readings: Mapping[str, tuple[tuple[float, float], ...]] = field(default_factory=dict)

    def bonus(self, cand: Candidate, own: Counter[str], own_region: Counter[tuple[str, str]], n_own: int,
              key: str = "", rival: tuple[float, frozenset[str]] = (math.inf, frozenset())) -> float:
        others = self.total - n_own
        if others <= 0 or cand.country is None:
            return 0.0
        value = COUNTRY_SHARE * (self.by_country[cand.country] - own[cand.country]) / others
        if cand.admin1 and cand.feature != "country":
            region = (cand.country, cand.admin1)
            same = self.by_region[region] - own_region[region]
            value += REGION_SHARE * same / others
            if (same > 0 and normalise_name(cand.name) == key and cand.population * RIVAL_RATIO >= rival[0]
                    and cand.country not in rival[1]):
                value += REGION_ANY
        near = 0.0
        if cand.population * RIVAL_RATIO >= rival[0]:
            near = self.nearness(cand, key) + (self.cluster(cand, key) if cand.country not in rival[1] else 0.0)
        return value + near + self.inside(cand)

    def cluster(self, cand: Candidate, key: str) -> float:
        """CLUSTER x the share of the article's other town and county names that have *some* reading within
        CLUSTER_KM of a town candidate ("Albany" beside "Brandon": the two Minnesota towns are neighbours)."""
        if cand.feature != "city" or cand.country != "USA" or cand.lat is None or cand.lon is None:
            return 0.0
        others = [points for name, points in self.readings.items() if name != key]
        if not others:
            return 0.0
        near = sum(any(distance_km(cand.lat, cand.lon, lat, lon) <= CLUSTER_KM for lat, lon in points)
                   for points in others)
        return CLUSTER * near / len(others)

    def inside(self, cand: Candidate) -> float:
        """CONTAINS when the article names a US town and the county it lies in (ZIP code list) and ``cand`` is
        either: "Paris" beside "Henry County" is Paris, Tennessee and the county is Henry County, Tennessee.
        Else, for a county, SIBLING x the share of the article's other county names that exist in its state
        ("Hall County" beside "Forsyth County": both in Georgia)."""
        if cand.country != "USA" or not cand.admin1:
            return 0.0
        name = normalise_name(cand.name)
        if cand.feature == "admin2":
            found = any(self.town_county.get((town, cand.admin1)) == name for town in self.town_keys)
            others = [cand.admin1 in states for k, states in self.county_states.items() if k != name]
            if not found and any(others):
                return SIBLING * sum(others) / len(others)
        else:
            found = cand.feature == "city" and self.town_county.get((name, cand.admin1)) in self.county_keys
        return CONTAINS if found else 0.0

    def nearness(self, cand: Candidate, key: str) -> float:
        """NEAR x the share of the article's other towns within NEAR_KM of a town candidate."""
        if cand.feature != "city" or cand.lat is None or cand.lon is None:
            return 0.0
        anchors = [(lat, lon, n) for (name, lat, lon), n in self.town_counts.items() if name != key]
        if not anchors:
            return 0.0
        near = sum(n for lat, lon, n in anchors if distance_km(cand.lat, cand.lon, lat, lon) <= NEAR_KM)
        return NEAR * near / sum(n for _lat, _lon, n in anchors)

    @functools.cached_property
    def town_counts(self) -> Counter[tuple[str, float, float]]:
        """``towns`` counted: a town named a thousand times is one distance to compute, not a thousand."""
        return Counter(self.towns)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def region_rival(cands: Sequence[Candidate]) -> tuple[float, frozenset[str]]:
    """What a town needs for the same-state bonus: 1/RIVAL_RATIO of the largest same-name town's population
    ("Louisville", Ohio does not beat Louisville, Kentucky on one Ohio neighbour), and not to lie in a
    country whose national capital carries the name ("Washington": no small Washington beats the capital;
    Paris, Texas may still beat Paris, France)."""
    capitals = frozenset(c.country for c in cands if c.capital and c.country)
    return max((c.population for c in cands if c.feature == "city"), default=0), capitals


def score(cand: Candidate, key: str, countries: frozenset[str], hint: str | None, gaz: Gazetteer,
          largest: int = 0) -> float:
    value = FEATURE_PRIOR[cand.feature] + math.log10(cand.population + 1) * 0.8 + CAPITAL * cand.capital
    # The article's countries favour their towns, but not a town whose namesake is over RIVAL_RATIO times larger
    # ("Toronto", Ohio is not Toronto in an article that also names the US).
    dwarfed = cand.feature == "city" and cand.population * RIVAL_RATIO < largest
    value += 4.0 if cand.country in countries and not dwarfed else 0.0
    value += 1.5 if main_name(cand, key) or cand.feature == "landmark" else 0.0  # a landmark's names are all its own
    value -= 3.0 if cand.lat is None else 0.0
    if hint:
        value += 8.0 if hint_matches(cand, hint, gaz) else 0.0
    return value


def best_candidate(
    gaz: Gazetteer, key: str, cands: Sequence[Candidate], countries: frozenset[str], hint: str | None,
    suffixed: bool, bonus: Callable[[Candidate], float] = lambda c: 0.0,
) -> Candidate:
    pool = [c for c in cands if c.feature in ("admin1", "region")] if suffixed else []
    if not pool and any(c.country is None and c.feature == "region" for c in cands):
        # A name shared by a multi-country region or ocean and small towns is the region ("the Middle East",
        # "the Atlantic"; not Middle East, Maryland) unless ", State" names the town's state.
        pool = [c for c in cands if c.population >= SMALL_TOWN or c.feature != "city"
                or (hint is not None and hint_matches(c, hint, gaz))]
    largest = max((c.population for c in cands if c.feature == "city"), default=0)
    return max(pool or cands, key=lambda c: score(c, key, countries, hint, gaz, largest) + bonus(c))



def unclear_county(cand: Candidate, cands: Sequence[Candidate], hint: str | None, gaz: Gazetteer,
                   context: Context, own_region: Counter[tuple[str, str]]) -> bool:
    """A US county name several states share ("Henry County") read with nothing in the text for its state --
    no ", State", no other place of the article in the state, no town of the article inside it -- and no
    same-name county COUNTY_LEAD times smaller: any reading would be a guess."""
    if cand.feature != "admin2" or cand.admin1 is None:
        return False
    if (hint is not None and hint_matches(cand, hint, gaz)) or context.inside(cand) > 0:
        return False
    region = (cand.country or "", cand.admin1)
    if context.by_region[region] - own_region[region] > 0:
        return False
    return any(c is not cand and c.feature == "admin2" and c.population * COUNTY_LEAD > cand.population
               for c in cands)



def vote(mentions: Sequence[Mention], first: dict[int, Candidate], confident: set[int],
         lookups: Mapping[int, tuple[str, tuple[Candidate, ...], bool, str | None]] | None = None,
         gaz: Gazetteer | None = None) -> Context:
    """Country and state votes of every placed mention (first-pass readings; demonyms by their place), the
    points of the towns read in the first pass (for the proximity term), and the names that may be US towns
    or counties (for the town-in-county term)."""
    cands = [c for entry in (lookups or {}).values() for c in entry[1]]
    counties = frozenset(normalise_name(c.name) for c in cands if c.feature == "admin2")
    county_states: dict[str, set[str]] = {}
    for c in cands:
        if c.feature == "admin2" and c.admin1:
            county_states.setdefault(normalise_name(c.name), set()).add(c.admin1)
    town_keys = frozenset(normalise_name(entry[0]) for entry in (lookups or {}).values()
                          if any(c.feature == "city" and c.country == "USA" for c in entry[1]))
    readings: dict[str, set[tuple[float, float]]] = {}
    for entry in (lookups or {}).values():
        points = {(c.lat, c.lon) for c in entry[1] if c.feature in ("city", "admin2") and c.lat is not None
                  and c.lon is not None}
        if points:
            readings.setdefault(normalise_name(entry[0]), set()).update(points)
    picks = [m.fixed if m.fixed is not None else first.get(id(m)) for m in mentions]
    placed = [c for c in picks if c is not None and c.country]
    towns = tuple(
        (normalise_name(m.span.text), c.lat, c.lon) for m in mentions
        if id(m) in confident and (c := first[id(m)]).feature == "city" and c.lat is not None and c.lon is not None
    )
    return Context(
        frozenset(),
        Counter(c.country for c in placed if c.country),
        Counter((c.country, c.admin1) for c in placed if c.country and c.admin1 and c.feature != "country"),
        len(placed),
        towns,
        town_keys,
        counties,
        {k: frozenset(v) for k, v in county_states.items()},
        gaz.town_county if gaz is not None else {},
        {k: tuple(v) for k, v in readings.items()},
    )


