"""Finding the place names of a parsed document (the first pass): place-labelled entities, mislabelled ones the
gazetteer knows, parts of hyphen compounds and of longer names, capitalised runs and datelines outside entities,
county lists, and (when asked) demonyms and names embedded in other entities' names."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventwire.knowledge.gazetteer_index import Candidate, Gazetteer, PlaceKnowledge, normalise_name
from eventwire.knowledge.words import word_list, word_map
from eventwire.nlp.arrays import token_arrays
from eventwire.places.names import (
    capitalised_at,
    confirmed,
    dateline_at,
    dateline_length,
    is_capitalised,
    is_org_word,
    is_prominent,
    is_short_code,
    is_titled,
    known_span,
    lookup_span,
    main_name,
    names_part,
    strip_span,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels spaCy's small model often gives to place names; accepted only when the gazetteer agrees.
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# Entities whose names may embed a place name ("Ohio Department of Transportation", "University of Alexandria").
EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# Words that open a name by the part of a place it means: "East Texas", "Western Pennsylvania", "Downtown Cleveland".
AREA_WORDS = word_list("place_part_words")
STREET_WORDS = word_list("street_type_words")
CURRENCY_WORDS = word_list("currency_words")
COUNTY_PLURALS = word_map("county_plurals")
EMBEDDED_OPENERS = word_list("embedded_name_openers")
COUNTY_LIST_JOINERS = word_list("county_list_joiners")


@dataclass(frozen=True)
class Mention:
    span: Span
    kind: str
    fixed: Candidate | None = None  # demonyms: the place is known from the word
    lookup: str | None = None  # the name to look up when it is not the span's text ("Sarpy" -> "Sarpy County")


def known_parts(gaz: Gazetteer, span: Span, tail: bool = True) -> list[Span]:
    """Prominent places named at the start, at the end or after "of" inside a longer name: "Ohio" in "Ohio
    Department of Transportation", "Alexandria" in "University of Alexandria", "Manassas" in "Old Town Manassas"."""
    found: list[Span] = []
    doc = span.doc
    # After "of"/"in", past an article: "the United States" in "the Office of the United States Trade Representative".
    starts = [span.start] + [t.i + 1 + (doc[t.i + 1].lower_ == "the" and t.i + 2 < span.end) for t in span
                             if t.lower_ in EMBEDDED_OPENERS and t.i + 1 < span.end]
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


def entity_mentions(doc: Doc, gaz: Gazetteer, demonyms: Mapping[str, Candidate], embedded: bool,
                    ) -> Iterator[Mention]:
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
            demonym = demonyms.get(normalise_name(span.text)) if ent.label_ in PLACE_LABELS else None
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


def capitalised_spans(doc: Doc, gaz: Gazetteer, taken: set[int]) -> Iterator[Span]:
    """Runs of proper nouns outside any entity that the gazetteer knows by their main name; all-caps
    datelines ("BEIRUT", "SAN DIEGO") too. Towns under 15,000 only with a ", State" qualifier. A two- or
    three-letter all-caps proper noun only as a country, state or region code ("US", "BC")."""
    a = token_arrays(doc)
    ent_type = a.ent_type
    n = len(doc)
    i = 0
    while i < n:
        if i in taken or ent_type[i]:
            i += 1
            continue
        found = next((doc[i:stop] for stop in range(i + dateline_length(a, i), i + 1, -1)
                      if not any(k in taken or ent_type[k] for k in range(i, stop)) and known_span(gaz, doc[i:stop])),
                     None)
        if found is not None:  # "SAN DIEGO (AP)", "LOS ANGELES --": an all-caps dateline of several words
            yield found
            i = found.end
            continue
        if not (a.pos[i] == "PROPN" or dateline_at(a, i)):
            i += 1
            continue
        if is_short_code(a.text[i]):  # "US", "UK", "BC" outside any entity: a country or province code
            if any(c.feature in ("country", "admin1", "region") for c in lookup_span(gaz, doc[i : i + 1])[1]):
                yield doc[i : i + 1]
            i += 1
            continue
        if not capitalised_at(a, i):
            i += 1
            continue
        for size in (4, 3, 2, 1):
            stop = min(i + size, n)
            if any(k in taken or ent_type[k] for k in range(i, stop)) or not all(
                    capitalised_at(a, k) for k in range(i, stop)):
                continue
            span = doc[i:stop]
            if known_span(gaz, span) and not is_org_word(span):
                yield span
                i += size - 1
                break
        i += 1


def demonym_mentions(doc: Doc, demonyms: Mapping[str, Candidate], taken: set[int]) -> Iterator[Mention]:
    """ "Russian", "Russians", "Latin American": a place adjective or people noun, placed at the place."""
    a = token_arrays(doc)
    is_title = a.is_title
    n = len(doc)
    i = 0
    while i < n:
        if not is_title[i] or i in taken:  # both sizes need it: cheap test first
            i += 1
            continue
        for size in (2, 1):
            stop = i + size
            if stop > n or any(k in taken or not is_title[k] for k in range(i, stop)):
                continue
            if a.pos[stop - 1] not in ("ADJ", "PROPN", "NOUN") and a.ent_type[stop - 1] != "NORP":
                continue
            span = doc[i:stop]
            cand = demonyms.get(normalise_name(span.text))
            if cand is not None:
                yield Mention(span, "demonym", cand)
                i += size - 1
                break
        i += 1


def collect_mentions(doc: Doc, known: PlaceKnowledge, include_demonyms: bool, embedded: bool) -> list[Mention]:
    """Every first-pass mention, one per span (the longest first where spans start together)."""
    gaz = known.gazetteer
    # County lists first: of two mentions with one span the first is kept, and "Douglas" in "Douglas and
    # Sarpy counties" is the county, whatever the parser made of the word.
    mentions = [*county_list_mentions(doc, gaz), *entity_mentions(doc, gaz, known.demonyms, embedded)]
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    mentions += [Mention(s, "name") for s in capitalised_spans(doc, gaz, taken)]
    if include_demonyms:
        taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
        mentions += list(demonym_mentions(doc, known.demonyms, taken))
    else:
        mentions = [m for m in mentions if m.kind != "demonym"]
    seen: set[tuple[int, int]] = set()
    unique = []
    for m in sorted(mentions, key=lambda m: (m.span.start, -len(m.span))):
        if (m.span.start, m.span.end) not in seen:
            seen.add((m.span.start, m.span.end))
            unique.append(m)
    return unique


def county_list_mentions(doc: Doc, gaz: Gazetteer) -> Iterator[Mention]:
    """The names of a list that ends in "counties" or "parishes" ("Douglas, Sarpy and Lancaster counties"), each
    read as "<name> County" / "<name> Parish" when the gazetteer has such a county."""
    for i, lower in enumerate(token_arrays(doc).lower):
        if lower not in COUNTY_PLURALS or i == 0:
            continue
        token = doc[i]
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
            while start > 0 and doc[start - 1].lower_ in COUNTY_LIST_JOINERS:
                start -= 1
            if start == name.start:
                break
            end = start

