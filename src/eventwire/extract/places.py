"""Find place names in a parsed document, place them on the map, and locate events at them."""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.records import Place
from eventwire.resolve.gazetteer import (
    Candidate,
    Gazetteer,
    load_demonyms,
    load_gazetteer,
    normalise_name,
    us_state_codes,
)
from eventwire.resolve.metonymy import PLACE_NOUNS, is_government_metonym

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels spaCy's small model often gives to place names; accepted only when the gazetteer agrees.
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# Entities whose names may embed a place name ("Ohio Department of Transportation", "University of Alexandria").
EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
GENERIC_SUFFIXES = frozenset(
    "province region oblast governorate prefecture state district territory republic krai area".split()
)
FEATURE_PRIOR = {"country": 6.0, "admin1": 3.5, "region": 3.5, "city": 0.0, "other": -1.0}
EVENT_PREPS = frozenset({"in", "at", "near", "inside", "outside", "within", "on", "across"})
# A PERSON-labelled name right after one of these is read as a place when it is a home-region town ("in Roswell").
LOCATIVE_BEFORE = frozenset({"in", "at", "near", "from", "to", "outside", "of"})
NOT_FOUND = "not in the offline gazetteer"
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
            if nxt[0].is_title:
                return normalise_name(text)
    return None


def main_name(cand: Candidate, text: str) -> bool:
    return normalise_name(cand.name) == normalise_name(text)


def names_part(cand: Candidate, text: str) -> bool:
    """A candidate for a name part: its main name, or any curated alias of a country or first-level division
    ("U.S." in "U.S. Army", "BC" in "BC Hydro")."""
    return (main_name(cand, text) or cand.feature in ("country", "admin1")) and is_prominent_cand(cand)


def is_prominent_cand(cand: Candidate) -> bool:
    return cand.feature in ("country", "admin1", "region") or cand.population >= SMALL_TOWN


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
        return value + self.nearness(cand, key)

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


def score(cand: Candidate, key: str, countries: frozenset[str], hint: str | None, gaz: Gazetteer) -> float:
    value = FEATURE_PRIOR[cand.feature] + math.log10(cand.population + 1) * 0.8 + CAPITAL * cand.capital
    value += 4.0 if cand.country in countries else 0.0
    value += 1.5 if main_name(cand, key) else 0.0
    value -= 3.0 if cand.lat is None else 0.0
    if hint:
        value += 8.0 if hint_matches(cand, hint, gaz) else 0.0
    return value


def best_candidate(
    gaz: Gazetteer, key: str, cands: Sequence[Candidate], countries: frozenset[str], hint: str | None,
    suffixed: bool, bonus: Callable[[Candidate], float] = lambda c: 0.0,
) -> Candidate:
    pool = [c for c in cands if c.feature in ("admin1", "region")] if suffixed else []
    return max(pool or cands, key=lambda c: score(c, key, countries, hint, gaz) + bonus(c))


def make_place(span: Span, cand: Candidate | None) -> Place:
    if cand is None:
        return Place(span.start_char, span.end_char, span.text, span.text, None, None, None, None, "other",
                     NOT_FOUND)
    reason = NO_POINT if cand.lat is None else None
    return Place(span.start_char, span.end_char, span.text, cand.name, cand.country, cand.lat, cand.lon,
                 cand.geonameid, cand.feature, reason)


def known_parts(gaz: Gazetteer, span: Span) -> list[Span]:
    """Prominent places named at the start, at the end or after "of" inside a longer name: "Ohio" in "Ohio
    Department of Transportation", "Alexandria" in "University of Alexandria", "Manassas" in "Old Town Manassas"."""
    found: list[Span] = []
    starts = [span.start] + [t.i + 1 for t in span if t.lower_ in ("of", "in") and t.i + 1 < span.end]
    for start in starts:
        for stop in range(min(start + 4, span.end), start, -1):
            part = span.doc[start:stop]
            if (part.start, part.end) == (span.start, span.end) or not all(t.is_title or t.is_upper for t in part):
                continue
            if any(names_part(c, part.text) for c in gaz.lookup(part.text)):
                found.append(part)
                break
    tail = [span.doc[i : span.end] for i in range(max(span.start + 1, span.end - 3), span.end)]
    for part in tail:
        if part.start in starts or not all(t.is_title for t in part):
            continue
        if any(names_part(c, part.text) for c in gaz.lookup(part.text)):
            found.append(part)
            break
    return found


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
        if ent.label_ in PLACE_LABELS or (ent.label_ in MISLABELS and known and is_prominent(gaz, span)):
            if known:
                yield Mention(span, "name")
                continue
            if "-" not in span.text and ent.label_ in PLACE_LABELS:
                parts = known_parts(gaz, span) if ent.label_ != "FAC" else []
                yield from (Mention(p, "name") for p in parts) if parts else (Mention(span, "name"),)
                continue
        if "-" in span.text:
            parts = [doc[t.i : t.i + 1] for t in span if t.text != "-" and gaz.lookup(t.text)]
            if parts:
                yield from (Mention(p, "name") for p in parts)
                continue
        if embedded and ent.label_ in EMBEDDING_LABELS:
            yield from (Mention(p, "embedded") for p in known_parts(gaz, span))


def is_prominent(gaz: Gazetteer, span: Span) -> bool:
    """A mislabelled entity counts as a place only if it names a country, region or large city."""
    return any(c.feature in ("country", "admin1", "region") or c.population >= 100_000
               for c in lookup_span(gaz, span)[1])


def capitalised_spans(doc: Doc, gaz: Gazetteer, taken: set[int]) -> Iterator[Span]:
    """Runs of proper nouns outside any entity that the gazetteer knows by their main name; all-caps
    datelines ("BEIRUT", "SAN DIEGO") too. Towns under 15,000 only with a ", State" qualifier."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or token.ent_type_ or not is_capitalised(token) or not (
                token.pos_ == "PROPN" or is_dateline(token)):
            i += 1
            continue
        for size in (4, 3, 2, 1):
            span = doc[i : min(i + size, len(doc))]
            if any(t.i in taken or t.ent_type_ for t in span) or not all(is_capitalised(t) for t in span):
                continue
            cands = lookup_span(gaz, span)[1]
            hint = trailing_context(doc, span.end)
            if any((main_name(c, span.text) or c.feature != "city")
                   and (is_prominent_cand(c) or (hint is not None and hint_matches(c, hint, gaz)))
                   for c in cands):
                yield span
                i += size - 1
                break
        i += 1


def is_dateline(token: Token) -> bool:
    """An all-caps word opening a sentence or line ("CORSICANA -", "BEIRUT (AP)"): the tagger often calls a
    dateline a noun or adverb, so it is taken whatever its part of speech."""
    first = token.i == 0 or token.is_sent_start or "\n" in token.doc[token.i - 1].text_with_ws
    return first and token.is_upper and token.is_alpha and len(token) >= 4


def is_capitalised(token: Token) -> bool:
    return token.is_title or (token.is_upper and len(token) >= 4 and token.is_alpha)


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
    mentions = list(entity_mentions(doc, gaz, embedded))
    taken = {t.i for m in mentions for t in m.span}
    mentions += [Mention(s, "name") for s in capitalised_spans(doc, gaz, taken)]
    if demonyms:
        taken = {t.i for m in mentions for t in m.span}
        mentions += list(demonym_mentions(doc, taken))
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
    lookups = {id(m): (*lookup_span(gaz, m.span), trailing_context(doc, m.span.end)) for m in names}
    first: dict[int, Candidate] = {}
    for m in names:
        key, cands, suffixed, hint = lookups[id(m)]
        if cands:
            first[id(m)] = best_candidate(gaz, key, cands, countries, hint, suffixed)
    extra = list(home_mislabels(doc, gaz, mentions, first, include_embedded))
    for m in extra:
        lookups[id(m)] = (*lookup_span(gaz, m.span), trailing_context(doc, m.span.end))
        key, cands, suffixed, hint = lookups[id(m)]
        if cands:
            first[id(m)] = best_candidate(gaz, key, cands, countries, hint, suffixed)
    if extra:
        mentions = sorted([*mentions, *extra], key=lambda m: (m.span.start, -len(m.span)))
        names = [m for m in mentions if m.fixed is None]
    confident = {i for i, (key, cands, _s, hint) in ((id(m), lookups[id(m)]) for m in names)
                 if i in first and (len(cands) == 1 or (hint is not None and hint_matches(first[i], hint, gaz)))}
    context = vote(mentions, first, confident)
    toponyms = []
    for m in mentions:
        if m.fixed is not None:
            cand: Candidate | None = m.fixed
        else:
            key, cands, suffixed, hint = lookups[id(m)]
            own = [first[id(o)] for o in names if id(o) in first and normalise_name(o.span.text) == normalise_name(
                m.span.text)]
            own_c = Counter(c.country for c in own if c.country)
            own_r = Counter((c.country, c.admin1) for c in own if c.country and c.admin1 and c.feature != "country")
            cand = best_candidate(
                gaz, key, cands, countries, hint, suffixed,
                functools.partial(context.bonus, own=own_c, own_region=own_r, n_own=len(own),
                                  key=normalise_name(m.span.text),
                                  rival=region_rival(cands)),
            ) if cands else None
        metonym = m.kind == "name" and is_government_metonym(doc, m.span.start, m.span.end)
        toponyms.append(Toponym(make_place(m.span, cand), metonym, m.span.start, m.span.end, m.kind))
    return toponyms


def home_mislabels(
    doc: Doc, gaz: Gazetteer, mentions: Sequence[Mention], first: dict[int, Candidate], embedded: bool,
) -> Iterator[Mention]:
    """Town names the small model labels as organisations or people, taken when the town lies in a state or
    first-level region the article's other places (first-pass readings) are in: "Becker" (ORG) in an article
    about Minnesota towns, "Roswell" (PERSON) after "in" beside "Atlanta". With ``embedded``, small towns of
    those regions inside organisation names too ("Parkers Prairie High School"); and runs of capitalised proper
nouns outside entities naming a town of those regions, however small (elsewhere a town under 15,000 needs a
", State" qualifier)."""
    home = {(c.country, c.admin1) for c in first.values() if c.feature in ("city", "admin1") and c.admin1}
    if not home:
        return
    taken = {t.i for m in mentions for t in m.span}

    def local(text: str) -> bool:
        return any(c.feature == "city" and main_name(c, text) and (c.country, c.admin1) in home
                   for c in gaz.lookup(text))

    for ent in doc.ents:
        span = strip_span(ent)
        if not len(span) or any(t.i in taken for t in span) or ent.label_ not in MISLABELS:
            continue
        located = ent.label_ != "PERSON" or (span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_BEFORE)
        if located and local(span.text):
            yield Mention(span, "name")
        elif embedded and ent.label_ in EMBEDDING_LABELS:
            yield from (Mention(part, "embedded") for part in local_parts(span, local))
    i = 0
    while i < len(doc):  # small home-region towns named bare, outside any entity ("Glen Carbon")
        for size in (3, 2, 1):
            span = doc[i : i + size]
            if len(span) == size and all(t.i not in taken and not t.ent_type_ and t.pos_ == "PROPN"
                                         and is_capitalised(t) for t in span) and local(span.text):
                yield Mention(span, "name")
                i += size - 1
                break
        i += 1


def local_parts(span: Span, local: Callable[[str], bool]) -> Iterator[Span]:
    """The longest run of 1-3 capitalised words at the start of a name, or after its "of", that is a home-region
    town ("St. Cloud" in "St. Cloud Hospital")."""
    starts = [span.start] + [t.i + 1 for t in span if t.lower_ == "of" and t.i + 1 < span.end]
    for start in starts:
        for stop in range(min(start + 3, span.end - (start == span.start)), start, -1):
            part = span.doc[start:stop]
            if all(t.is_title for t in part) and local(part.text):
                yield part
                break


def vote(mentions: Sequence[Mention], first: dict[int, Candidate], confident: set[int]) -> Context:
    """Country and state votes of every placed mention (first-pass readings; demonyms by their place), and
    the points of the towns read in the first pass (for the proximity term)."""
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
