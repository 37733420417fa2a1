"""Names the small model mislabels (as people, organisations, products), found after the first reading pass:
towns of the article's home region, and towns listed with, or placed in, the countries its places are in."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.knowledge.gazetteer_index import Candidate, Gazetteer
from eventwire.knowledge.words import word_list
from eventwire.nlp.arrays import token_arrays
from eventwire.places.mentions import EMBEDDING_LABELS, MISLABELS, Mention
from eventwire.places.names import (
    capitalised_at,
    hint_matches,
    home_regions,
    is_dateline,
    is_titled,
    main_name,
    strip_span,
    trailing_context,
)

# A PERSON-labelled name right after one of these is read as a place when it is a home-region town ("in Roswell").
LOCATIVE_BEFORE = word_list("person_town_prepositions")
# Words that, right after a town's name, make the name an institution's rather than a person's ("Huntsville
# Fire Chief ...", which the small model labels PERSON).
INSTITUTION_WORDS = word_list("town_institution_words")
# A town the model mislabels is read as one right after these when it lies in a country the article names.
INSIDE_WORDS = word_list("town_inside_prepositions")
# "the town of X": a name after one of these and "of" is a town's, whatever the model's label.
TOWN_NOUNS = word_list("town_nouns")


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
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}

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
    a = token_arrays(doc)
    n = len(doc)
    i = 0
    while i < n:  # small home-region towns named bare, outside any entity ("Glen Carbon")
        if i in taken or a.ent_type[i] or a.pos[i] != "PROPN":  # every size needs it: cheap test first
            i += 1
            continue
        for size in (3, 2, 1):
            bare = i + size <= n and all(k not in taken and not a.ent_type[k] and a.pos[k] == "PROPN"
                                         and capitalised_at(a, k) for k in range(i, i + size))
            if bare and local(doc[i : i + size]):
                yield Mention(doc[i : i + size], "name")
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
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
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
        hint = trailing_context(gaz, doc, span.end) if towns else None
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
