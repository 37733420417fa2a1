"""Find the place names of a parsed document and read each as one gazetteer entry: the reading passes.

Mentions come from ``mentions`` (first pass) and ``mislabels`` (after the first reading); each name is read
alone, then twice with the votes of the article's other readings (``scoring``). The event's own place is
``location``'s."""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventwire.knowledge.gazetteer_index import Candidate, Gazetteer, PlaceKnowledge, normalise_name
from eventwire.nlp.budget import check
from eventwire.places.mentions import Mention, collect_mentions
from eventwire.places.mislabels import home_mislabels, listed_mislabels
from eventwire.places.names import confirmed, hint_matches, home_regions, lookup_span, read_lookup
from eventwire.places.reading import GOVERNMENT, LITERAL, name_reading
from eventwire.places.scoring import best_candidate, region_rival, unclear_county, vote
from eventwire.records import Place

NOT_FOUND = "not in the offline gazetteer"
AMBIGUOUS_COUNTY = "several US counties have this name and the article does not say which state"
NO_POINT = "the gazetteer has the name but no coordinates"


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

    @property
    def reading(self) -> str:
        return self.place.reading



def find_places(doc: Doc, known: PlaceKnowledge, article_countries: Sequence[str] = ()) -> list[Place]:
    """Place names used as locations (not as stand-ins for governments), each placed when the gazetteer can."""
    return [t.place for t in find_toponyms(doc, known, article_countries) if not t.metonym and t.kind == "name"]


def record_places(doc: Doc, known: PlaceKnowledge, article_countries: Sequence[str] = ()) -> list[Place]:
    """Every toponym of the document, as the record lists it: names in any reading ("literal", "government",
    "both"), demonyms and names embedded in other names, each with its ``reading`` and ``kind``. The places an
    event may happen at are ``is_location``'s."""
    return [t.place for t in find_toponyms(doc, known, article_countries, include_demonyms=True,
                                           include_embedded=True)]


# Actor mentions that are place names ("Suriname" read as a country, "Ottawa" as its government): the record
# lists them among the places too when the place finder missed them (the tagger gave them no place label).
NAMED_ACTOR_KINDS = frozenset({"country", "place", "metonym"})


def actor_named_places(doc: Doc, known: PlaceKnowledge, places: Sequence[Place],
                       actors: Iterable[tuple[int, int, str]]) -> list[Place]:
    """Places for the actor mentions ``actors`` ((start token, end token, kind)) that name a country or a
    national capital and that no place of ``places`` covers, each with its reading in the sentence."""
    found: list[Place] = []
    covered = [(p.start, p.end) for p in places]
    for start_i, end_i, kind in actors:
        span = doc[start_i:end_i]
        if kind not in NAMED_ACTOR_KINDS or any(s < span.end_char and span.start_char < e for s, e in covered):
            continue
        cands = [c for c in known.gazetteer.lookup(span.text) if c.feature == "country" or c.capital]
        if not cands:
            continue
        best = max(cands, key=lambda c: (c.feature == "country", c.population))
        place = dataclasses.replace(make_place(span, best), reading=name_reading(doc, start_i, end_i))
        found.append(place)
        covered.append((place.start, place.end))
    return found


def is_location(place: Place) -> bool:
    """A place an event may be located at: a name used as a location ("literal" or "both")."""
    return place.kind == "name" and place.reading != GOVERNMENT



def find_toponyms(
    doc: Doc, known: PlaceKnowledge, article_countries: Sequence[str] = (), *, include_demonyms: bool = False,
    include_embedded: bool = False,
) -> list[Toponym]:
    """Every place name in the document with its best reading, metonyms included (flagged).

    With ``include_demonyms`` also place adjectives and people nouns ("Russian", "Texans"); with
    ``include_embedded`` also place names inside organisation, facility and event names ("Air Canada").
    Readings are chosen in two passes: each name alone, then again with the share of the article's other
    names that fall in the same country and US state or first-level region (the article's "home region")."""
    gaz = known.gazetteer
    mentions = collect_mentions(doc, known, include_demonyms, include_embedded)
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
        keys = {id(m): normalise_name(m.span.text) for m in mentions}  # once per mention: a name may recur
        same_name = own_readings(names, readings, keys)
        decided: dict[int, tuple[Candidate | None, Place | None]] = {}
        for m in mentions:
            check()  # the article's time budget (eventwire.nlp.budget): an article may name thousands of places
            if m.fixed is not None:
                decided[id(m)] = (m.fixed, None)
                continue
            key, cands, suffixed, hint = lookups[id(m)]
            cands = confirmed(cands, hint, gaz, home)
            known = settled.get(normalise_name(key))
            if hint is None and known is not None and known in cands:  # namesakes of other kinds stay open
                cands = tuple(c for c in cands if c is known or c.feature != known.feature)
            own_c, own_r, n_own = same_name.get(keys[id(m)]) or (Counter(), Counter(), 0)
            cand = best_candidate(
                gaz, key, cands, countries, hint, suffixed,
                functools.partial(context.bonus, own=own_c, own_region=own_r, n_own=n_own, key=keys[id(m)],
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
    decided = agree_with_sentences(mentions, decided, lookups, frozenset(article_countries))
    toponyms = []
    for m in mentions:
        cand, place = decided[id(m)]
        # Names and demonyms are read in their sentence ("Russian officials": government); an embedded name is
        # the place the organisation's name carries ("Ohio" in "Ohio State University": literal).
        reading = name_reading(doc, m.span.start, m.span.end) if m.kind != "embedded" else LITERAL
        metonym = m.kind == "name" and reading == GOVERNMENT
        found = dataclasses.replace(place or make_place(m.span, cand), reading=reading, kind=m.kind)
        toponyms.append(Toponym(found, metonym, m.span.start, m.span.end, m.kind))
    return toponyms



# A town below this size whose country no other name of the article lies in, in a sentence that names another
# country, is not read there ("al-Rai, near the Turkish border in Syria" is not Rai, France).
FOREIGN_TOWN = 100_000
OTHER_COUNTRY = "the only reading lies in a country the text does not name, and its sentence names another"


def agree_with_sentences(mentions: Sequence[Mention], decided: dict[int, tuple[Candidate | None, Place | None]],
                         lookups: Mapping[int, tuple[str, tuple[Candidate, ...], bool, str | None]],
                         given: frozenset[str]) -> dict[int, tuple[Candidate | None, Place | None]]:
    """Readings that agree with the countries the text names: a small town read in a country where no other name
    of the article is read (nor one of ``given``), in a sentence whose country names or demonyms name another
    country, becomes its namesake in one of the sentence's countries when it has one, else is left unplaced."""
    named: dict[int, set[str]] = {}  # sentence start -> the countries its country names and demonyms name
    for m in mentions:
        cand = decided[id(m)][0]
        if cand is not None and cand.feature == "country" and cand.country:
            named.setdefault(m.span.sent.start, set()).add(cand.country)
    # Each country the article's readings lie in, with the names read there: a town's own name does not vouch
    # for its country, any other name does ("Waco" beside "Texas" or "Austin", in a sentence naming Mexico).
    names_in: dict[str, set[str]] = {}
    for m in mentions:
        cand = decided[id(m)][0]
        if cand is not None and cand.country and decided[id(m)][1] is None:
            names_in.setdefault(cand.country, set()).add(normalise_name(m.span.text))
    out = dict(decided)
    for m in mentions:
        cand, place = decided[id(m)]
        here = named.get(m.span.sent.start, set())
        if (cand is None or place is not None or m.fixed is not None or m.kind != "name" or cand.feature != "city"
                or cand.capital or cand.population >= FOREIGN_TOWN or not here or cand.country in given
                or names_in.get(cand.country or "", set()) - {normalise_name(m.span.text)}):
            continue
        local = [c for c in lookups[id(m)][1] if c.country in here and c.lat is not None]
        if local:
            out[id(m)] = (max(local, key=lambda c: c.population), None)
        else:
            span = m.span  # no reading at all: neither the foreign town's point nor its country
            out[id(m)] = (cand, Place(span.start_char, span.end_char, span.text, span.text, None, None, None, None,
                                      "other", OTHER_COUNTRY))
    return out


Own = tuple[Counter[str], Counter[tuple[str, str]], int]


def own_readings(names: Sequence[Mention], readings: Mapping[int, Candidate], keys: Mapping[int, str],
                 ) -> dict[str, Own]:
    """By name key, the votes of that name's own readings (which a mention's context leaves out): their countries,
    their (country, state) pairs and how many there are. One pass: a name repeated thousands of times costs no
    more per mention than a name said once."""
    own: dict[str, list[Candidate]] = {}
    for o in names:
        if id(o) in readings:
            own.setdefault(keys[id(o)], []).append(readings[id(o)])
    return {key: (Counter(c.country for c in cs if c.country),
                  Counter((c.country, c.admin1) for c in cs if c.country and c.admin1 and c.feature != "country"),
                  len(cs))
            for key, cs in own.items()}


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



def make_place(span: Span, cand: Candidate | None) -> Place:
    if cand is None:
        return Place(span.start_char, span.end_char, span.text, span.text, None, None, None, None, "other",
                     NOT_FOUND)
    reason = NO_POINT if cand.lat is None else None
    feature = "other" if cand.feature == "landmark" else cand.feature  # the record's features: SCHEMA.md
    return Place(span.start_char, span.end_char, span.text, cand.name, cand.country, cand.lat, cand.lon,
                 cand.geonameid, feature, reason)



def unplaced(span: Span, cand: Candidate, reason: str) -> Place:
    """The name read as ``cand`` but left without a point (and geonameid), with the reason."""
    return Place(span.start_char, span.end_char, span.text, cand.name, cand.country, None, None, None, cand.feature,
                 reason)


