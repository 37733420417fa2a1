"""Find place names in a parsed document, place them on the map, and locate events at them."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.actors.metonymy import PLACE_NOUNS, is_government_metonym
from eventwire.knowledge.gazetteer import (
    Candidate,
    Gazetteer,
    load_demonyms,
    load_gazetteer,
    normalise_name,
    us_state_codes,
)
from eventwire.knowledge.words import word_list
from eventwire.records import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels spaCy's small model often gives to place names; accepted only when the gazetteer agrees.
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# Entities whose names may embed a place name ("Ohio Department of Transportation", "University of Alexandria").
EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
GENERIC_SUFFIXES = frozenset(
    "province region oblast governorate prefecture state district territory republic krai area".split()
)
# A listed landmark is its name's dominant reading ("White House": not the Tennessee town), as a country is.
FEATURE_PRIOR = {"country": 6.0, "landmark": 6.0, "admin1": 3.5, "region": 3.5, "admin2": 2.0, "city": 0.0,
                 "other": -1.0}
EVENT_PREPS = frozenset({"in", "at", "near", "inside", "outside", "within", "on", "across"})
# A PERSON-labelled name right after one of these is read as a place when it is a home-region town ("in Roswell").
LOCATIVE_BEFORE = frozenset({"in", "at", "near", "from", "to", "outside", "of"})
# Words that open a name by the part of a place it means: "East Texas", "Western Pennsylvania", "Downtown Cleveland".
AREA_WORDS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern eastern western central "
    "downtown upper lower greater".split()
)
STREET_WORDS = frozenset(
    "street st avenue ave road rd drive dr boulevard blvd lane ln way highway hwy parkway pkwy pike court ct place "
    "circle trail".split()
)
CURRENCY_WORDS = word_list("currency_words")
# A name with a short capitalised prefix: "DeKalb", "McLean", "DuPage", "LaGrange" (not "PoP", "iPhone").
CAMEL_NAME = re.compile(r"[A-Z][a-z]{1,2}[A-Z][a-z]{2,}")
NOT_FOUND = "not in the offline gazetteer"
# Words that, right after a town's name, make the name an institution's rather than a person's ("Huntsville
# Fire Chief ...", which the small model labels PERSON).
INSTITUTION_WORDS = frozenset(
    "police fire sheriff mayor council city town county parks schools school library hospital elementary high "
    "middle superintendent commissioners commission board court township village chamber water utilities".split()
)
COUNTY_PLURALS = {"counties": "County", "parishes": "Parish"}
# Words organisations' names are built from that are also towns' names (University, Florida; Police, Poland;
# Union, New Jersey): alone, inside or outside an entity, they are never read as a place.
ORG_WORDS = frozenset(
    "university college academy institute school police officer bank central federal national metro union supreme "
    "court energy hospital church center centre republic mission council ministry department agency office "
    "commission authority company group general".split()
)
# A town the model mislabels is read as one right after these when it lies in a country the article names.
INSIDE_WORDS = frozenset("in into inside near outside across throughout".split())
# "the town of X": a name after one of these and "of" is a town's, whatever the model's label.
TOWN_NOUNS = frozenset("town city village hamlet township municipality port".split())
AMBIGUOUS_COUNTY = "several US counties have this name and the article does not say which state"
# An unsupported county name is read as its most populous namesake only when that one is this many times larger.
COUNTY_LEAD = 3
NO_POINT = "the gazetteer has the name but no coordinates"
# Towns below this size are taken from bare capitalised words only with a ", State" qualifier: the cities1000
# list names a town after almost every capitalised word ("Mobile", "Temple", "Union").
SMALL_TOWN = 15_000
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
class Toponym:
    """A place name found in the text, its best reading, and whether it stands for an actor there.

    ``kind`` is "name" for a place name used on its own, "demonym" for a place adjective or people noun
    ("Russian", "Europeans", placed at the place's point) and "embedded" for a place name inside another
    entity's name ("Ohio" in "Ohio State University"). Only "name" toponyms can be places of events."""

    place: Place
    metonym: bool
    token_start: int
    token_end: int
    kind: str = "name"


@dataclass(frozen=True)
class Mention:
    span: Span
    kind: str
    fixed: Candidate | None = None  # demonyms: the place is known from the word
    lookup: str | None = None  # the name to look up when it is not the span's text ("Sarpy" -> "Sarpy County")


def strip_span(span: Span) -> Span:
    """Drop a leading article and a trailing possessive: "the Syunik Province" -> "Syunik Province"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def is_short_code(text: str) -> bool:
    """ "EU", "US", "UK": two or three capitals, which in news are abbreviations, never a town's name."""
    return 2 <= len(text) <= 3 and text.isalpha() and text.isupper()


def lookup_span(gaz: Gazetteer, span: Span) -> tuple[str, tuple[Candidate, ...], bool]:
    """Gazetteer candidates for the span text, retrying without a generic suffix ("Syunik Province").

    A short all-caps code keeps only the entries that are not towns: "EU" is the European Union, not Eu
    in Normandy (the index is case-folded)."""
    cands = gaz.lookup(span.text)
    if cands and is_short_code(span.text):
        cands = tuple(c for c in cands if c.feature != "city")
    if cands or len(span) < 2:
        return span.text, cands, False
    if span[-1].lower_ in GENERIC_SUFFIXES:
        bare = span[:-1].text
        return bare, gaz.lookup(bare), True
    return span.text, (), False


def trailing_context(doc: Doc, end_i: int) -> str | None:
    """The place named right after ', ' ("Alexandria, La.") as a US state code or country name key."""
    if end_i + 1 < len(doc) and doc[end_i].text == ",":
        nxt = doc[end_i + 1 : min(end_i + 4, len(doc))]
        for stop in range(len(nxt), 0, -1):
            text = nxt[:stop].text
            if normalise_name(text) in us_state_codes():
                return "US-" + us_state_codes()[normalise_name(text)]
        if nxt[0].is_title:  # the longest run of words that names a place: "Ohio" in "Columbus, Ohio. Notre Dame"
            gaz = load_gazetteer()
            known = [nxt[:stop].text for stop in range(len(nxt), 1, -1) if nxt[:stop].text in gaz]
            return normalise_name(known[0] if known else nxt[0].text)
    return None


def main_name(cand: Candidate, text: str) -> bool:
    return normalise_name(cand.name) == normalise_name(text)


def names_part(cand: Candidate, text: str) -> bool:
    """A candidate for a name part: its main name, or any alias of a country, first-level division or landmark
    ("U.S." in "U.S. Army", "BC" in "BC Hydro", "Osun" in "Osun Police Command", "Heathrow" in "Heathrow Animal
    Reception Center")."""
    return (main_name(cand, text) or cand.feature in ("country", "admin1", "landmark")) and is_prominent_cand(cand)


def is_prominent_cand(cand: Candidate) -> bool:
    return cand.feature in ("country", "admin1", "admin2", "region", "landmark") or cand.population >= SMALL_TOWN


def confirmed(cands: Sequence[Candidate], hint: str | None, gaz: Gazetteer,
              home: frozenset[tuple[str | None, str | None]] = frozenset()) -> tuple[Candidate, ...]:
    """The candidates the text allows: a minor town (known only from the ZIP code list) only when ", State"
    after the name or the article's home states (``home``: first-pass readings) confirm it."""
    return tuple(c for c in cands if not c.minor or (hint is not None and hint_matches(c, hint, gaz))
                 or (c.country, c.admin1) in home)


def home_regions(first: dict[int, Candidate]) -> frozenset[tuple[str | None, str | None]]:
    """The US states / first-level regions of the article's first-pass town, county and state readings."""
    return frozenset((c.country, c.admin1) for c in first.values()
                     if c.feature in ("city", "admin1", "admin2") and c.admin1)


def hint_matches(cand: Candidate, hint: str, gaz: Gazetteer) -> bool:
    if hint.startswith("US-"):
        return cand.country == "USA" and cand.admin1 == hint[3:]
    return any(c.country == cand.country and c.feature in ("country", "admin1") for c in gaz.lookup(hint))


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
        anchors = [(lat, lon) for name, lat, lon in self.towns if name != key]
        if not anchors:
            return 0.0
        near = sum(distance_km(cand.lat, cand.lon, lat, lon) <= NEAR_KM for lat, lon in anchors)
        return NEAR * near / len(anchors)


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


def make_place(span: Span, cand: Candidate | None) -> Place:
    if cand is None:
        return Place(span.start_char, span.end_char, span.text, span.text, None, None, None, None, "other",
                     NOT_FOUND)
    reason = NO_POINT if cand.lat is None else None
    feature = "other" if cand.feature == "landmark" else cand.feature  # the record's features: SCHEMA.md
    return Place(span.start_char, span.end_char, span.text, cand.name, cand.country, cand.lat, cand.lon,
                 cand.geonameid, feature, reason)


def known_parts(gaz: Gazetteer, span: Span, tail: bool = True) -> list[Span]:
    """Prominent places named at the start, at the end or after "of" inside a longer name: "Ohio" in "Ohio
    Department of Transportation", "Alexandria" in "University of Alexandria", "Manassas" in "Old Town Manassas"."""
    found: list[Span] = []
    doc = span.doc
    # After "of"/"in", past an article: "the United States" in "the Office of the United States Trade Representative".
    starts = [span.start] + [t.i + 1 + (doc[t.i + 1].lower_ == "the" and t.i + 2 < span.end) for t in span
                             if t.lower_ in ("of", "in") and t.i + 1 < span.end]
    if area_opens(gaz, span):  # "Northeast Texas Community College", "Downtown Cleveland Alliance"
        starts.append(span.start + 1)
    for start in starts:
        for stop in range(min(start + 4, span.end), start, -1):
            part = span.doc[start:stop]
            if ((part.start, part.end) == (span.start, span.end) or not all(is_titled(t) or t.is_upper for t in part)
                    or is_org_word(part)):
                continue
            if any(names_part(c, part.text) for c in lookup_span(gaz, part)[1]):
                found.append(part)
                break
    ends = [span.doc[i : span.end] for i in range(max(span.start + 1, span.end - 3), span.end)] if tail else []
    for part in ends:
        if (part.start in starts or is_org_word(part)
                or not all(is_titled(t) or is_short_code(t.text) or is_capitalised(t) for t in part)):
            continue
        if any(names_part(c, part.text) for c in lookup_span(gaz, part)[1]):
            found.append(part)
            break
    return found + [p for p in inner_countries(gaz, span) if not any(overlapping(p, f) for f in found)]


def inner_countries(gaz: Gazetteer, span: Span) -> Iterator[Span]:
    """Countries and first-level divisions named inside a longer name, wherever they stand: "France" in "Air
    France KLM", "Malta" in "HSBC Bank Malta plc", "Wales" in "Marine Energy Wales Annual Conference". Only by
    their own name (no alias) of one to three capitalised words."""
    i = span.start + 1
    while i < span.end - 1:
        for stop in range(min(i + 3, span.end - 1), i, -1):
            part = span.doc[i:stop]
            if all(is_titled(t) for t in part) and any(
                    c.feature in ("country", "admin1") and main_name(c, part.text) for c in gaz.lookup(part.text)):
                yield part
                i = stop - 1
                break
        i += 1


def overlapping(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def area_opens(gaz: Gazetteer, span: Span) -> bool:
    """Whether ``span`` opens with a word for part of a place followed by a place name that may be read on its own:
    not another such word ("South Central"), not a name the gazetteer has with the word ("East Bank", "West
    Virginia"), not a street ("West Tyler Street")."""
    if len(span) < 2 or span[0].lower_ not in AREA_WORDS or span[1].lower_ in AREA_WORDS:
        return False
    if span[-1].lower_.rstrip(".") in STREET_WORDS:
        return False
    return not any(span[:stop].text in gaz for stop in range(2, min(len(span), 4) + 1))


def entity_mentions(doc: Doc, gaz: Gazetteer, embedded: bool) -> Iterator[Mention]:
    """Place-labelled entities, mislabelled entities the gazetteer knows, parts of "Armenia-Russia", and (when
    asked) place names embedded in other entities' names."""
    for ent in doc.ents:
        span = strip_span(ent)
        if not len(span):
            continue
        cands = lookup_span(gaz, span)[1]
        # Facility names only by a main name: "White House" is also an alternate name of Casablanca.
        known = any(ent.label_ != "FAC" or main_name(c, span.text) for c in cands)
        if ent.label_ in PLACE_LABELS or (ent.label_ in MISLABELS and known
                                          and is_prominent(gaz, span, person=ent.label_ == "PERSON")):
            if known:
                yield Mention(span, "name")
                continue
            demonym = load_demonyms().get(normalise_name(span.text)) if ent.label_ in PLACE_LABELS else None
            if demonym is not None:  # "the Sri Lankan government" tagged GPE: a place adjective, not a name
                yield Mention(span, "demonym", demonym)
                continue
            if "-" not in span.text and ent.label_ in PLACE_LABELS:
                parts = known_parts(gaz, span) if ent.label_ != "FAC" else []
                yield from (Mention(p, "name") for p in parts) if parts else (Mention(span, "name"),)
                if embedded and ent.label_ == "FAC":  # "Henderson County Jail": the facility and the county in it
                    yield from (Mention(p, "embedded") for p in known_parts(gaz, span, tail=False))
                continue
        if "-" in span.text:
            parts = [doc[t.i : t.i + 1] for t in span
                     if t.text != "-" and is_capitalised(t) and confirmed(gaz.lookup(t.text), None, gaz)]
            if parts:
                yield from (Mention(p, "name") for p in parts)
                continue
        if embedded and ent.label_ == "MONEY":  # "11 billion US dollars": the currency's country
            yield from (Mention(p, "embedded") for p in currency_countries(gaz, span))
        elif embedded and ent.label_ in EMBEDDING_LABELS:
            yield from (Mention(p, "embedded") for p in known_parts(gaz, span))
        elif embedded and ent.label_ == "PERSON":  # "Anderson County Sheriff Greg Taylor": a county opens a title
            yield from (Mention(p, "embedded") for p in known_parts(gaz, span, tail=False)
                        if any(c.feature == "admin2" and main_name(c, p.text) for c in gaz.lookup(p.text)))


def currency_countries(gaz: Gazetteer, span: Span) -> Iterator[Span]:
    """The country named right before a currency word in an amount: "US" in "11 billion US dollars"."""
    for token in span:
        if token.lower_.rstrip("s") not in CURRENCY_WORDS:
            continue
        for start in range(max(span.start, token.i - 3), token.i):
            part = span.doc[start : token.i]
            if all(is_titled(t) or is_short_code(t.text) for t in part) and any(
                    c.feature == "country" for c in lookup_span(gaz, part)[1]):
                yield part
                break


def is_prominent(gaz: Gazetteer, span: Span, person: bool = False) -> bool:
    """A mislabelled entity counts as a place only if it names a country, division, region, landmark or large
    city. When the model took it for a person, not a landmark ("Ataturk" is also an airport's name) and a
    division from a derived table only by its full name ("Sokoto State", not "Benue" for Benue State)."""
    kinds = ("country", "admin1", "admin2", "region") if person else ("country", "admin1", "admin2", "region",
                                                                      "landmark")
    return any((c.feature in kinds and (c.curated or not person or main_name(c, span.text)))
               or (c.feature == "city" and c.population >= 100_000) for c in lookup_span(gaz, span)[1])


def capitalised_spans(doc: Doc, gaz: Gazetteer, taken: set[int]) -> Iterator[Span]:
    """Runs of proper nouns outside any entity that the gazetteer knows by their main name; all-caps
    datelines ("BEIRUT", "SAN DIEGO") too. Towns under 15,000 only with a ", State" qualifier. A two- or
    three-letter all-caps proper noun only as a country, state or region code ("US", "BC")."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or token.ent_type_:
            i += 1
            continue
        run = dateline_run(doc, i)
        found = next((doc[i:stop] for stop in range(i + len(run), i + 1, -1)
                      if not any(t.i in taken or t.ent_type_ for t in doc[i:stop]) and known_span(gaz, doc[i:stop])),
                     None)
        if found is not None:  # "SAN DIEGO (AP)", "LOS ANGELES --": an all-caps dateline of several words
            yield found
            i = found.end
            continue
        if not (token.pos_ == "PROPN" or is_dateline(token)):
            i += 1
            continue
        if is_short_code(token.text):  # "US", "UK", "BC" outside any entity: a country or province code
            if any(c.feature in ("country", "admin1", "region") for c in lookup_span(gaz, doc[i : i + 1])[1]):
                yield doc[i : i + 1]
            i += 1
            continue
        if not is_capitalised(token):
            i += 1
            continue
        for size in (4, 3, 2, 1):
            span = doc[i : min(i + size, len(doc))]
            if any(t.i in taken or t.ent_type_ for t in span) or not all(is_capitalised(t) for t in span):
                continue
            if known_span(gaz, span) and not is_org_word(span):
                yield span
                i += size - 1
                break
        i += 1


def is_org_word(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in ORG_WORDS


def known_span(gaz: Gazetteer, span: Span) -> bool:
    """A run of capitalised words outside entities that names a place by its main name (any name of a country,
    state or region): prominent, or confirmed by ", State" after it."""
    cands = lookup_span(gaz, span)[1]
    hint = trailing_context(span.doc, span.end)
    return any((main_name(c, span.text) or c.feature != "city")
               and (is_prominent_cand(c) or (hint is not None and hint_matches(c, hint, gaz))) for c in cands)


def dateline_run(doc: Doc, i: int) -> Span:
    """The all-caps words (up to four, separated by spaces) opening a line or sentence at ``i`` when there are
    at least two ("SAN DIEGO", "ISLE OF PALMS"); an empty span otherwise. Single words are ``is_dateline``'s."""
    token = doc[i]
    if not (i == 0 or token.is_sent_start or "\n" in doc[i - 1].text_with_ws):
        return doc[i:i]
    end = i
    while end < min(i + 4, len(doc)) and doc[end].is_upper and doc[end].text.rstrip(".").isalpha() and (
            end == i or doc[end - 1].whitespace_):
        end += 1
    return doc[i:end] if end - i >= 2 else doc[i:i]


def is_dateline(token: Token) -> bool:
    """An all-caps word opening a sentence or line ("CORSICANA -", "BEIRUT (AP)"): the tagger often calls a
    dateline a noun or adverb, so it is taken whatever its part of speech."""
    first = token.i == 0 or token.is_sent_start or "\n" in token.doc[token.i - 1].text_with_ws
    return first and token.is_upper and token.is_alpha and len(token) >= 4


def is_titled(token: Token) -> bool:
    """A capitalised word, inner capitals allowed: "DeKalb", "McLean", "DuPage" are not ``is_title``."""
    return token.is_title or CAMEL_NAME.fullmatch(token.text) is not None


def is_capitalised(token: Token) -> bool:
    return is_titled(token) or (token.is_upper and len(token) >= 4 and token.is_alpha)


def demonym_mentions(doc: Doc, taken: set[int]) -> Iterator[Mention]:
    """ "Russian", "Russians", "Latin American": a place adjective or people noun, placed at the place."""
    demonyms = load_demonyms()
    i = 0
    while i < len(doc):
        for size in (2, 1):
            span = doc[i : i + size]
            if len(span) < size or any(t.i in taken or not t.is_title for t in span):
                continue
            if span[-1].pos_ not in ("ADJ", "PROPN", "NOUN") and span[-1].ent_type_ != "NORP":
                continue
            cand = demonyms.get(normalise_name(span.text))
            if cand is not None:
                yield Mention(span, "demonym", cand)
                i += size - 1
                break
        i += 1


def countries_in(gaz: Gazetteer, spans: Iterable[Span], given: Sequence[str]) -> frozenset[str]:
    """Countries the article is about: those given, plus country names and unambiguous places in the text.

    A country name that is also a state or region elsewhere ("Georgia") does not count by itself."""
    found = set(given)
    for span in spans:
        cands = lookup_span(gaz, span)[1]
        nations = {c.country for c in cands if c.feature == "country" and c.country}
        rivals = {c.country for c in cands if c.feature in ("admin1", "region") and c.country not in nations}
        if nations and not rivals:
            found.update(nations)
        elif not nations and len({c.country for c in cands}) == 1 and cands[0].country:
            found.add(cands[0].country)
    return frozenset(found)


def collect_mentions(doc: Doc, gaz: Gazetteer, demonyms: bool, embedded: bool) -> list[Mention]:
    # County lists first: of two mentions with one span the first is kept, and "Douglas" in "Douglas and
    # Sarpy counties" is the county, whatever the parser made of the word.
    mentions = [*county_list_mentions(doc, gaz), *entity_mentions(doc, gaz, embedded)]
    taken = {t.i for m in mentions for t in m.span}
    mentions += [Mention(s, "name") for s in capitalised_spans(doc, gaz, taken)]
    if demonyms:
        taken = {t.i for m in mentions for t in m.span}
        mentions += list(demonym_mentions(doc, taken))
    else:
        mentions = [m for m in mentions if m.kind != "demonym"]
    seen: set[tuple[int, int]] = set()
    unique = []
    for m in sorted(mentions, key=lambda m: (m.span.start, -len(m.span))):
        if (m.span.start, m.span.end) not in seen:
            seen.add((m.span.start, m.span.end))
            unique.append(m)
    return unique


def find_toponyms(
    doc: Doc, article_countries: Sequence[str] = (), *, include_demonyms: bool = False,
    include_embedded: bool = False,
) -> list[Toponym]:
    """Every place name in the document with its best reading, metonyms included (flagged).

    With ``include_demonyms`` also place adjectives and people nouns ("Russian", "Texans"); with
    ``include_embedded`` also place names inside organisation, facility and event names ("Air Canada").
    Readings are chosen in two passes: each name alone, then again with the share of the article's other
    names that fall in the same country and US state or first-level region (the article's "home region")."""
    gaz = load_gazetteer()
    mentions = collect_mentions(doc, gaz, include_demonyms, include_embedded)
    names = [m for m in mentions if m.fixed is None]
    countries = countries_in(gaz, [m.span for m in names if m.kind == "name"], article_countries)
    lookups = {id(m): read_lookup(gaz, doc, m.span, m.lookup) for m in names}
    # The town-in-county term needs only the article's names, so it already counts in the first pass: "Huntsville"
    # beside "Walker County" is read in Texas before it votes.
    inside = vote([], {}, set(), lookups, gaz).inside
    first: dict[int, Candidate] = {}
    for m in names:
        key, cands, suffixed, hint = lookups[id(m)]
        if cands := confirmed(cands, hint, gaz):
            first[id(m)] = best_candidate(gaz, key, cands, countries, hint, suffixed, inside)
    extra = list(home_mislabels(doc, gaz, mentions, first, include_embedded))
    extra += listed_mislabels(doc, gaz, [*mentions, *extra], first)
    for m in extra:
        lookups[id(m)] = read_lookup(gaz, doc, m.span)
        key, cands, suffixed, hint = lookups[id(m)]
        if cands := confirmed(cands, hint, gaz):
            first[id(m)] = best_candidate(gaz, key, cands, countries, hint, suffixed, inside)
    if extra:
        mentions = sorted([*mentions, *extra], key=lambda m: (m.span.start, -len(m.span)))
        names = [m for m in mentions if m.fixed is None]
    confident = {i for i, (_k, cands, _s, hint) in ((id(m), lookups[id(m)]) for m in names) if i in first and (
        len(confirmed(cands, hint, gaz)) == 1 or (hint is not None and hint_matches(first[i], hint, gaz)))}
    # One reading per name and article: a town that ", State" confirmed once ("Springfield, Ohio") is that town
    # wherever the name recurs (its namesakes of other kinds, "Washington" the state, still compete).
    settled = {normalise_name(key): first[i] for i in confident
               for key, _c, _s, hint in (lookups[i],) if hint is not None and hint_matches(first[i], hint, gaz)}

    def decide(readings: dict[int, Candidate]) -> dict[int, tuple[Candidate | None, Place | None]]:
        """Every mention's reading with the votes of the others' ``readings``."""
        context = vote(mentions, readings, confident, lookups, gaz)
        home = home_regions(readings)
        decided: dict[int, tuple[Candidate | None, Place | None]] = {}
        for m in mentions:
            if m.fixed is not None:
                decided[id(m)] = (m.fixed, None)
                continue
            key, cands, suffixed, hint = lookups[id(m)]
            cands = confirmed(cands, hint, gaz, home)
            known = settled.get(normalise_name(key))
            if hint is None and known is not None and known in cands:  # namesakes of other kinds stay open
                cands = tuple(c for c in cands if c is known or c.feature != known.feature)
            own = [readings[id(o)] for o in names if id(o) in readings and normalise_name(o.span.text) ==
                   normalise_name(m.span.text)]
            own_c = Counter(c.country for c in own if c.country)
            own_r = Counter((c.country, c.admin1) for c in own if c.country and c.admin1 and c.feature != "country")
            cand = best_candidate(
                gaz, key, cands, countries, hint, suffixed,
                functools.partial(context.bonus, own=own_c, own_region=own_r, n_own=len(own),
                                  key=normalise_name(m.span.text),
                                  rival=region_rival(cands)),
            ) if cands else None
            place = None
            if cand is not None and unclear_county(cand, cands, hint, gaz, context, own_r):
                place = unplaced(m.span, cand, AMBIGUOUS_COUNTY)
            decided[id(m)] = (cand, place)
        return decided

    decided = decide(first)
    # Once more with the second-pass readings voting: a first-pass misreading ("Parkland" read in Washington
    # state before the article's Florida names could vote) no longer pulls "Washington" to the state.
    second = {i: cand for i, (cand, place) in decided.items() if i in first and cand is not None and place is None}
    decided = decide({**first, **second})
    toponyms = []
    for m in mentions:
        cand, place = decided[id(m)]
        metonym = m.kind == "name" and is_government_metonym(doc, m.span.start, m.span.end)
        toponyms.append(Toponym(place or make_place(m.span, cand), metonym, m.span.start, m.span.end, m.kind))
    return toponyms


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


def unplaced(span: Span, cand: Candidate, reason: str) -> Place:
    """The name read as ``cand`` but left without a point (and geonameid), with the reason."""
    return Place(span.start_char, span.end_char, span.text, cand.name, cand.country, None, None, None, cand.feature,
                 reason)


def read_lookup(gaz: Gazetteer, doc: Doc, span: Span, name: str | None = None,
                ) -> tuple[str, tuple[Candidate, ...], bool, str | None]:
    """Key, candidates, suffix flag and ", State" hint of a span (looked up as ``name`` when given)."""
    found = (name, gaz.lookup(name), False) if name else lookup_span(gaz, span)
    return (*found, trailing_context(doc, span.end))


def county_list_mentions(doc: Doc, gaz: Gazetteer) -> Iterator[Mention]:
    """The names of a list that ends in "counties" or "parishes" ("Douglas, Sarpy and Lancaster counties"), each
    read as "<name> County" / "<name> Parish" when the gazetteer has such a county."""
    for token in doc:
        if token.lower_ not in COUNTY_PLURALS or token.i == 0:
            continue
        suffix = COUNTY_PLURALS[token.lower_]
        end = token.i
        while end > 0:
            start = end
            while start > 0 and end - start < 3 and is_titled(doc[start - 1]) and doc[start - 1].pos_ in ("PROPN",
                                                                                                       "ADJ", "NOUN"):
                start -= 1
            if start == end:
                break
            name = doc[start:end]
            state = any(c.feature in ("admin1", "country") for c in gaz.lookup(name.text))  # "Indiana counties"
            if not state and any(c.feature == "admin2" for c in gaz.lookup(f"{name.text} {suffix}")):
                yield Mention(name, "name", lookup=f"{name.text} {suffix}")
            while start > 0 and doc[start - 1].lower_ in (",", "and", "or"):
                start -= 1
            if start == name.start:
                break
            end = start


def home_mislabels(
    doc: Doc, gaz: Gazetteer, mentions: Sequence[Mention], first: dict[int, Candidate], embedded: bool,
) -> Iterator[Mention]:
    """Town names the small model labels as organisations or people, taken when the town lies in a state or
    first-level region the article's other places (first-pass readings) are in: "Becker" (ORG) in an article
    about Minnesota towns, "Roswell" (PERSON) after "in" beside "Atlanta". With ``embedded``, small towns of
    those regions inside organisation names too ("Parkers Prairie High School"); and runs of capitalised proper
nouns outside entities naming a town of those regions, however small (elsewhere a town under 15,000 needs a
", State" qualifier)."""
    home = home_regions(first)
    if not home:
        return
    taken = {t.i for m in mentions for t in m.span}

    def local(span: Span) -> bool:
        # A town only the ZIP code list knows needs a name of several words or an all-caps dateline: single
        # capitalised words naming one are mostly surnames ("Jones", "Dodge" are ZIP towns too).
        minor_ok = len(span) > 1 or is_dateline(span[0])
        return any(c.feature == "city" and main_name(c, span.text) and (c.country, c.admin1) in home
                   and (minor_ok or not c.minor) for c in gaz.lookup(span.text))

    for ent in doc.ents:
        span = strip_span(ent)
        if not len(span) or any(t.i in taken for t in span) or ent.label_ not in MISLABELS:
            continue
        located = ent.label_ != "PERSON" or (span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_BEFORE)
        if located and local(span):
            yield Mention(span, "name")
        elif embedded and ent.label_ in EMBEDDING_LABELS:
            yield from (Mention(part, "embedded") for part in local_parts(span, local))
        elif embedded and ent.label_ == "PERSON":  # "Huntsville Fire Chief Tom Grisham", "Athens Parks Director"
            yield from (Mention(part, "embedded") for part in local_parts(span, local)
                        if part.end < span.end and doc[part.end].lower_ in INSTITUTION_WORDS)
    i = 0
    while i < len(doc):  # small home-region towns named bare, outside any entity ("Glen Carbon")
        for size in (3, 2, 1):
            span = doc[i : i + size]
            if len(span) == size and all(t.i not in taken and not t.ent_type_ and t.pos_ == "PROPN"
                                         and is_capitalised(t) for t in span) and local(span):
                yield Mention(span, "name")
                i += size - 1
                break
        i += 1


def listed_mislabels(doc: Doc, gaz: Gazetteer, mentions: Sequence[Mention], first: dict[int, Candidate],
                     ) -> Iterator[Mention]:
    """Town names the small model labels as people, organisations or products, taken when they stand in a list
    with places the first pass read in that town's country ("Almelo" in "stops in Hilversum and Almelo", "Nitra"
    and "Prešov" in "its stores in Žilina, Nitra, Prešov and Košice"), right after "in", "into", "near"... when
    the town lies in a country the article's places are in ("installed in Echmiadzin"), when ", State" after
    them names the town's state or country, or when a word for a town names them ("the small town of Kasba
    Bonli")."""
    read: dict[int, str] = {}  # token -> the country of the place name it belongs to
    for m in mentions:
        cand = first.get(id(m))
        if m.kind == "name" and cand is not None and cand.country:
            read.update((t.i, cand.country) for t in m.span)
    taken = {t.i for m in mentions for t in m.span}
    for ent in doc.ents:
        span = strip_span(ent)
        if not len(span) or ent.label_ not in MISLABELS or any(t.i in taken for t in span):
            continue
        towns = [c for c in gaz.lookup(span.text) if c.feature == "city" and not c.minor]
        named = span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in TOWN_NOUNS
        if named and towns:  # any of a town's names
            yield Mention(span, "name")
            continue
        towns = [c for c in towns if main_name(c, span.text)]  # else its main name only: "Almelo", not a surname
        listed = {read[t.i] for t in conjuncts(span.root) if t.i in read} if towns else set()
        if span.start > 0 and doc[span.start - 1].lower_ in INSIDE_WORDS:  # "installed in Echmiadzin"
            listed |= set(read.values())
        hint = trailing_context(doc, span.end) if towns else None
        if any(c.country in listed or (hint is not None and hint_matches(c, hint, gaz)) for c in towns):
            yield Mention(span, "name")


def conjuncts(token: Token) -> list[Token]:
    """The other members of the coordination ``token`` is in ("A, B and C": spaCy chains them by ``conj``)."""
    top = token
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    members, stack = [], [top]
    while stack:
        t = stack.pop()
        members.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return [t for t in members if t.i != token.i]


def local_parts(span: Span, local: Callable[[Span], bool]) -> Iterator[Span]:
    """The longest run of 1-3 capitalised words at the start of a name, or after its "of", that is a home-region
    town ("St. Cloud" in "St. Cloud Hospital")."""
    starts = [span.start] + [t.i + 1 for t in span if t.lower_ == "of" and t.i + 1 < span.end]
    for start in starts:
        for stop in range(min(start + 3, span.end - (start == span.start)), start, -1):
            part = span.doc[start:stop]
            if all(is_titled(t) for t in part) and local(part):
                yield part
                break


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


def find_places(doc: Doc, article_countries: Sequence[str] = ()) -> list[Place]:
    """Place names used as locations (not as stand-ins for governments), each placed when the gazetteer can."""
    return [t.place for t in find_toponyms(doc, article_countries) if not t.metonym and t.kind == "name"]


def place_at(doc: Doc, token: Token, places: Sequence[Place]) -> Place | None:
    """The place whose span covers ``token``, or the innermost place in ``token``'s phrase."""
    for place in places:
        if place.start <= token.idx < place.end:
            return place
    inside = [p for p in places if token.left_edge.idx <= p.start and p.end <= token.right_edge.idx
              + len(token.right_edge)]
    return inside[0] if inside else None


def unnamed_place(token: Token, places: Sequence[Place]) -> Place | None:
    """ "at the border": a place noun with no name; its country when one named place sits in the phrase."""
    if token.lemma_.lower() not in PLACE_NOUNS:
        return None
    phrase = token.doc[token.left_edge.i : token.right_edge.i + 1]
    inner = [p for p in places if phrase.start_char <= p.start and p.end <= phrase.end_char]
    country = inner[0].country if len({p.country for p in inner}) == 1 else None
    return Place(phrase.start_char, phrase.end_char, phrase.text, phrase.text, country, None, None, None,
                 "other", "unnamed location")


def people_met(node: Token) -> Iterator[Token]:
    """Persons the event involves ("met Aliyev in Baku"): parsers often hang the place on them."""
    for child in node.children:
        objs = [child] if child.dep_ == "dobj" else [g for g in child.children if g.dep_ == "pobj"]
        yield from (o for o in objs if o.ent_type_ == "PERSON" or o.pos_ == "PRON")


def locative_place(node: Token, places: Sequence[Place]) -> Place | None:
    for holder in (node, *people_met(node)):
        found = attached_place(holder, places)
        if found:
            return found
    return None


def attached_place(node: Token, places: Sequence[Place]) -> Place | None:
    for prep in node.children:
        if prep.dep_ != "prep" or prep.lower_ not in EVENT_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                found = place_at(obj.doc, obj, places) or unnamed_place(obj, places)
                if found:
                    return found
    return None


def locate_event(doc: Doc, trigger_i: int, places: Sequence[Place]) -> Place | None:
    """Where the event at ``trigger_i`` happened: a locative phrase on the trigger or a verb above it."""
    sentence = doc[trigger_i].sent
    local = [p for p in places if sentence.start_char <= p.start < sentence.end_char]
    node = doc[trigger_i]
    for _ in range(8):
        found = locative_place(node, local)
        if found:
            return found
        if node.dep_ in ("relcl", "advcl") and any(c.lower_ == "where" for c in node.children):
            found = place_at(doc, node.head, local)
            if found:
                return found
        if node.dep_ in ("ccomp", "ROOT") or node.head is node:
            break
        node = node.head
    return None
