"""Generic actors: an agent noun the text ties to no country ("police", "the court", "protesters") is still an
actor, coded by its bare CAMEO sector (``COP``, ``JUD``, ``CVL``); and a place named before an agent noun gives
its country ("a Delhi court" -> ``INDJUD``). Never a country the text does not give."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from eventwire.actors.names import NameMatch, SectorMatch
from eventwire.knowledge.actors import Country
from eventwire.knowledge.words import word_list
from eventwire.nlp.datelines import dateline_end, paragraph_starts

PlaceCountry = Callable[[str], str | None]

# The word lists are data (data/words/NAME.tsv; each file's header says what it is for).
# Agent phrases that need a country to be an actor ("the side", "leaders", "a party").
COUNTRY_BOUND = word_list("country_bound_agents")
# Predicate nouns of "take/hold X hostage": bare, they say what befell someone else, and are no actor.
CAPTIVE_NOUNS = word_list("captive_nouns")
CAPTIVE_VERBS = frozenset({"take", "hold", "keep"})
# Prepositions whose determinerless singular object is a setting, not an actor ("in court", "to parliament").
SETTING_PREPS = frozenset({"in", "into", "at", "to", "from", "before", "on", "out", "of", "under", "by"})
# Prepositions whose object is where something is ("a hearing in the court", "inside the ministry").
WHERE_PREPS = frozenset({"in", "inside", "within", "near", "throughout", "across", "around", "outside"})
# Tokens of these entity types are no agent noun ("Judge Dredd" the film, "the Army Act", "Police Day").
NOT_AGENT_ENTS = frozenset({"PERSON", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "DATE", "TIME", "FAC"})
# Named-entity types a place before an agent noun must be tagged ("a Delhi court", "the Sao Paulo police").
PLACE_ENTS = frozenset({"GPE", "LOC"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
DETERMINING_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod", "prep", "acl", "relcl", "quantmod"})


def stands_alone(doc: Doc, sm: SectorMatch, bound_ok: bool = False) -> bool:
    """Whether an agent phrase with no country is an actor by itself: it heads its noun phrase ("police
    fired", "the court ruled", "clashed with protesters"), is not a modifier of another noun ("police
    station", "army base"), not a setting ("in court", "went to parliament", "a hearing in the court") and
    not inside a name of another kind; and the phrase may stand without a country (``COUNTRY_BOUND``; with
    ``bound_ok`` it may: "the company" as an uncoded party, actors/parties.py)."""
    head = doc[sm.end_i - 1]
    if (sm.sector.phrase in COUNTRY_BOUND and not bound_ok) or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if head.dep_ in MODIFIER_DEPS or any(t.ent_type_ in NOT_AGENT_ENTS for t in doc[sm.start_i : sm.end_i]):
        return False
    prep = head.head if head.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in WHERE_PREPS:
        return False
    determined = any(c.dep_ in DETERMINING_DEPS for c in head.children) or sm.end_i - sm.start_i > 1
    plural = head.tag_ in {"NNS", "NNPS"}
    if not determined and not plural and head.dep_ not in {"nsubj", "nsubjpass", "conj", "ROOT", "appos"}:
        # "in court", "by force", "went to parliament": a bare singular is a setting, unless it acts.
        return not (prep is not None and prep.lower_ in SETTING_PREPS)
    return True


def captive_predicate(doc: Doc, sm: SectorMatch) -> bool:
    """Whether an agent phrase is the singular predicate of "take/hold/keep X hostage" ("took two reporters
    hostage", "held the soldier prisoner", "taken hostage in Lima"): it tells what befell someone else and is no
    actor. The parser often reads the captive as its compound; "took a hostage" and "the prisoners" are actors."""
    head = doc[sm.end_i - 1]
    if sm.end_i - sm.start_i > 1 or head.lemma_.lower() not in CAPTIVE_NOUNS or head.tag_ in {"NNS", "NNPS"}:
        return False
    if head.dep_ not in {"dobj", "obj", "oprd"} or head.head.lemma_.lower() not in CAPTIVE_VERBS:
        return False
    deps = {c.dep_ for c in head.children}
    return "compound" in deps or not deps & {"det", "poss"}


def place_run_country(doc: Doc, k: int, place_country: PlaceCountry) -> tuple[int, str] | None:
    """The country of a named place whose last token is ``k``, before an agent noun ("a Delhi court", "the Uttar
    Pradesh police"): the whole run of proper nouns, tagged a place by the parser, looked up as one name, so
    that "New Mexico police" is American, never Mexican. Returns (first token of the place, country)."""
    tok = doc[k]
    if tok.pos_ != "PROPN" or tok.ent_type_ not in PLACE_ENTS:
        return None
    start = k
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ == tok.ent_type_ \
            and doc[start].ent_iob_ != "B":
        start -= 1
    ent = entity_at(doc, k)
    if ent is None or ent.start != start or ent.end != k + 1:
        return None  # the place must be the whole entity: "Tom Udall of New Mexico" is not "Mexico"
    country = place_country(ent.text)
    return (start, country) if country else None


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity of ``doc.ents`` that holds token ``i``, or None. Read off the tokens' IOB tags, as spaCy builds
    ``doc.ents`` (its getter makes a Span of every entity of the document at each call)."""
    tok = doc[i]
    if tok.ent_iob_ not in {"B", "I"} or (tok.ent_iob_ == "B" and not tok.ent_type):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    first = doc[start]
    if first.ent_iob_ != "B" or not first.ent_type:
        return next((e for e in doc.ents if e.start <= i < e.end), None)  # ill-formed tags: spaCy's own reading
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def bare_label(sm: SectorMatch) -> str:
    """The canonical name of a generic actor: its role ("Supreme Court") or its phrase ("police")."""
    return sm.sector.role or sm.sector.phrase


def datelines(doc: Doc, by_token: dict[int, NameMatch], place_country: PlaceCountry | None) -> list[tuple[int, str]]:
    """Each paragraph-initial dateline that names places of one country ("ALGIERS, Algeria -", "KABUL (AP) -"),
    as (the first token after it, that country): a country or capital the knowledge base names, else the place the
    gazetteer knows that opens it or that the parser tagged. A dateline naming none, or two countries, gives none."""
    found = []
    for start in paragraph_starts(doc):
        end = dateline_end(doc, start)
        if end is None or any(doc[i].text == "/" for i in range(start, end)):
            continue  # "ISLAMABAD/WASHINGTON -": filed from two bureaus, no one place
        countries = {m.entry.ref.iso3 for i in range(start, end) if (m := by_token.get(i)) is not None
                     and isinstance(m.entry.ref, Country) and m.entry.kind in {"country", "capital"}}
        if not countries and place_country is not None:
            # The place opens the dateline ("KANDAHAR (AP) -", "SAN DIEGO, Calif. -"), whatever the parser tags it.
            first = next((i for i in range(start, end) if not doc[i].is_alpha), end)
            places = [doc[start:first].text, *(e.text for e in doc[start:end].ents if e.label_ in PLACE_ENTS)]
            for name in places:
                country = name and (place_country(name) or place_country(name.title()))
                if country:
                    countries.add(country)
        if len(countries) == 1:
            found.append((end, countries.pop()))
    return found
