"""Find place names in a parsed document, place them on the map, and locate events at them."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.records import Place
from eventwire.resolve.gazetteer import Candidate, Gazetteer, load_gazetteer, normalise_name, us_state_codes
from eventwire.resolve.metonymy import PLACE_NOUNS, is_government_metonym

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels spaCy's small model often gives to place names; accepted only when the gazetteer agrees.
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
GENERIC_SUFFIXES = frozenset(
    "province region oblast governorate prefecture state district territory republic krai area".split()
)
FEATURE_PRIOR = {"country": 6.0, "admin1": 3.5, "region": 3.5, "city": 0.0, "other": -1.0}
EVENT_PREPS = frozenset({"in", "at", "near", "inside", "outside", "within", "on", "across"})
NOT_FOUND = "not in the offline gazetteer"
NO_POINT = "the gazetteer has the name but no coordinates"


@dataclass(frozen=True)
class Toponym:
    """A place name found in the text, its best reading, and whether it stands for an actor there."""

    place: Place
    metonym: bool
    token_start: int
    token_end: int


def strip_span(span: Span) -> Span:
    """Drop a leading article and a trailing possessive: "the Syunik Province" -> "Syunik Province"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def lookup_span(gaz: Gazetteer, span: Span) -> tuple[str, tuple[Candidate, ...], bool]:
    """Gazetteer candidates for the span text, retrying without a generic suffix ("Syunik Province")."""
    cands = gaz.lookup(span.text)
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


def score(cand: Candidate, key: str, countries: frozenset[str], hint: str | None, gaz: Gazetteer) -> float:
    value = FEATURE_PRIOR[cand.feature] + math.log10(cand.population + 1) * 0.8 + 2.0 * cand.capital
    value += 4.0 if cand.country in countries else 0.0
    value += 1.5 if normalise_name(cand.name) == normalise_name(key) else 0.0
    value -= 3.0 if cand.lat is None else 0.0
    if hint and hint.startswith("US-"):
        value += 8.0 if (cand.country == "USA" and cand.admin1 == hint[3:]) else 0.0
    elif hint:
        value += 8.0 if any(c.country == cand.country and c.feature in ("country", "admin1")
                            for c in gaz.lookup(hint)) else 0.0
    return value


def best_candidate(
    gaz: Gazetteer, key: str, cands: Sequence[Candidate], countries: frozenset[str], hint: str | None,
    suffixed: bool,
) -> Candidate:
    pool = [c for c in cands if c.feature in ("admin1", "region")] if suffixed else []
    return max(pool or cands, key=lambda c: score(c, key, countries, hint, gaz))


def make_place(span: Span, cand: Candidate | None) -> Place:
    if cand is None:
        return Place(span.start_char, span.end_char, span.text, span.text, None, None, None, None, "other",
                     NOT_FOUND)
    reason = NO_POINT if cand.lat is None else None
    return Place(span.start_char, span.end_char, span.text, cand.name, cand.country, cand.lat, cand.lon,
                 cand.geonameid, cand.feature, reason)


def entity_spans(doc: Doc, gaz: Gazetteer) -> Iterator[Span]:
    """Place-labelled entities, mislabelled entities the gazetteer knows, and parts of "Armenia-Russia"."""
    for ent in doc.ents:
        span = strip_span(ent)
        if not len(span):
            continue
        cands = lookup_span(gaz, span)[1]
        # Facility names only by a main name: "White House" is also an alternate name of Casablanca.
        known = any(ent.label_ != "FAC" or normalise_name(c.name) == normalise_name(span.text) for c in cands)
        if ent.label_ in PLACE_LABELS or (ent.label_ in MISLABELS and known and is_prominent(gaz, span)):
            if known or ("-" not in span.text and ent.label_ in PLACE_LABELS):
                yield span
                continue
        if "-" in span.text:
            yield from (doc[t.i : t.i + 1] for t in span if t.text != "-" and gaz.lookup(t.text))


def is_prominent(gaz: Gazetteer, span: Span) -> bool:
    """A mislabelled entity counts as a place only if it names a country, region or large city."""
    return any(c.feature in ("country", "admin1", "region") or c.population >= 100_000
               for c in lookup_span(gaz, span)[1])


def capitalised_spans(doc: Doc, gaz: Gazetteer, taken: set[int]) -> Iterator[Span]:
    """Runs of proper nouns outside any entity that the gazetteer knows by their main name."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or token.ent_type_ or token.pos_ != "PROPN" or not token.is_title:
            i += 1
            continue
        for size in (4, 3, 2, 1):
            span = doc[i : min(i + size, len(doc))]
            if any(t.i in taken or t.ent_type_ for t in span) or not all(t.is_title for t in span):
                continue
            cands = lookup_span(gaz, span)[1]
            if any(normalise_name(c.name) == normalise_name(span.text) or c.feature != "city" for c in cands):
                yield span
                i += size - 1
                break
        i += 1


def countries_in(gaz: Gazetteer, spans: Iterable[Span], given: Sequence[str]) -> frozenset[str]:
    """Countries the article is about: those given, plus country names and unambiguous places in the text."""
    found = set(given)
    for span in spans:
        cands = lookup_span(gaz, span)[1]
        if any(c.feature == "country" for c in cands):
            found.update(c.country for c in cands if c.feature == "country" and c.country)
        elif len({c.country for c in cands}) == 1 and cands[0].country:
            found.add(cands[0].country)
    return frozenset(found)


def find_toponyms(doc: Doc, article_countries: Sequence[str] = ()) -> list[Toponym]:
    """Every place name in the document with its best reading, metonyms included (flagged)."""
    gaz = load_gazetteer()
    spans = list(entity_spans(doc, gaz))
    taken = {t.i for s in spans for t in s}
    spans += list(capitalised_spans(doc, gaz, taken))
    spans.sort(key=lambda s: s.start)
    countries = countries_in(gaz, spans, article_countries)
    toponyms = []
    for span in spans:
        key, cands, suffixed = lookup_span(gaz, span)
        hint = trailing_context(doc, span.end)
        cand = best_candidate(gaz, key, cands, countries, hint, suffixed) if cands else None
        metonym = is_government_metonym(doc, span.start, span.end)
        toponyms.append(Toponym(make_place(span, cand), metonym, span.start, span.end))
    return toponyms


def find_places(doc: Doc, article_countries: Sequence[str] = ()) -> list[Place]:
    """Place names used as locations (not as stand-ins for governments), each placed when the gazetteer can."""
    return [t.place for t in find_toponyms(doc, article_countries) if not t.metonym]


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
