"""Parties the knowledge base cannot code: a noun phrase that names a person, a group or an organisation ("the
company", "a Kansas woman", "Marta Quispe", "the protesting farmers' union") but no actor of the knowledge base.

Each is an uncoded actor mention (``code`` null, ``basis`` "text"): the event finder takes one as a deed's target
when the slot it reads holds no coded actor (events/parties.py), so that "police arrested a Kansas woman" is an
arrest with its target as written, never a guessed code. A country and a sector only when the phrase tells them:
a demonym or country mention, or a place before the noun ("a Kansas woman" -> USA), and the sector of its agent
phrase (data/actors/sectors.tsv: "the company" -> BUS) or of its noun (data/words/person_nouns.tsv,
organisation_nouns.tsv: "a woman" -> CVL). Never a thing ("the plan", "the border", "the accounts"): the head must
be a person, group or organisation entity, or a noun of those lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.generic import entity_at, place_run_country, stands_alone
from eventwire.actors.names import NameIndex, SectorMatch
from eventwire.actors.resolve import TokenMention, make_mention, slug
from eventwire.knowledge.words import word_list, word_map
from eventwire.nlp.arrays import token_arrays
from eventwire.nlp.datelines import dateline_tokens

PlaceCountry = Callable[[str], str | None]

PERSON_NOUNS = word_map("person_nouns")
ORGANISATION_NOUNS = word_map("organisation_nouns")
DOCUMENT_NOUNS = word_list("document_nouns")  # "plan", "treaty": the head of a document's name
# Entity types of a named party, and the mention kind each gives ("role": a group by its people, "the Kurds").
PARTY_ENTS = {"PERSON": "person", "ORG": "organisation", "NORP": "role"}
# Dependencies of a noun phrase's head (not a modifier of another noun: "bank account", "company cars").
HEAD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "conj", "appos", "dative", "iobj", "attr", "oprd"})
# Left dependents that belong to the phrase's words ("a Kansas woman", "two former employees").
LEFT_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "quantmod", "advmod"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def party_mentions(doc: Doc, mentions: Sequence[TokenMention], index: NameIndex,
                   place_country: PlaceCountry | None = None, *,
                   sector_matches: Sequence[SectorMatch] | None = None) -> list[TokenMention]:
    """Every noun phrase of ``doc`` that names a party but no resolved mention, as an uncoded mention, in text
    order: a person, organisation or group entity, an agent phrase that needs a country to be coded ("the
    company", "aides"), or a person or organisation noun ("a woman", "the bank"). ``sector_matches``:
    ``index.match_sectors(doc)``, when the caller has them (name resolution read them first)."""
    taken = {i for m in mentions for i in range(m.start_i, m.end_i)}
    filed = dateline_tokens(doc)
    if sector_matches is None:
        sector_matches = index.match_sectors(doc)
    sectors = {sm.end_i - 1: sm for sm in sector_matches}
    found: list[TokenMention] = []
    arrays = token_arrays(doc)
    documents = document_names(doc)
    for i, (pos, dep) in enumerate(zip(arrays.pos, arrays.dep, strict=True)):
        if i in taken or i in filed or pos not in {"NOUN", "PROPN"} or dep not in HEAD_DEPS:
            continue
        tok = doc[i]
        if tok.text in documents or in_longer_name(tok):
            continue
        party = _party(doc, tok, sectors.get(tok.i), taken, place_country)
        if party is None:
            continue
        start, name_start, kind, sector = party
        name = doc[name_start : tok.i + 1].text
        country = _country(doc, start, tok.i if kind == "role" else name_start, mentions, place_country)
        ident = f"text-{slug(name)}" if kind == "role" else slug(name)  # a name's id is a speaker's (quotes/finder.py)
        found.append(make_mention(doc, start, tok.i + 1, tok.i, id=ident, name=name, code=None,
                                  country=country and country[0], sector=sector, role=None,
                                  kind=kind, basis="text", country_basis=country and country[1]))
    return found


def _party(doc: Doc, tok: Token, sm: SectorMatch | None, taken: set[int],
           place_country: PlaceCountry | None) -> tuple[int, int, str, str | None] | None:
    """(first word, first word of the name, kind, sector) of the party ``tok`` heads, or None when it names none.
    A name is its entity's words; a description ("a Kansas woman") its modifiers' too."""
    ent = entity_at(doc, tok.i)
    sector = _noun_sector(tok, sm)
    start = _phrase_start(tok)
    if ent is not None and ent.label_ in PARTY_ENTS:
        if ent.root.i != tok.i or ent.end != tok.i + 1 or any(i in taken for i in range(ent.start, ent.end)):
            return None
        name_start = ent.start + (doc[ent.start].lower_ in DETERMINERS)
        return min(start, name_start), name_start, PARTY_ENTS[ent.label_], sector
    if ent is None and tok.pos_ == "PROPN" and tok.text[:1].isupper():
        # A name the tagger left untyped ("found Barbarin guilty"), unless the gazetteer knows it as a place.
        name_start = _name_start(tok)
        words = doc[name_start : tok.i + 1]
        if any(i in taken for i in range(name_start, tok.i)) or not all(t.text[:1].isupper() for t in words):
            return None
        if sum(c.isalpha() for c in words.text) < 3:
            return None  # "A" of "SLM/A", an initial: no name
        if place_country is not None and place_country(words.text):
            return None
        return min(start, name_start), name_start, "person", sector
    if ent is not None or tok.pos_ != "NOUN":
        return None  # a place, a date, a law or a work ("the Union" of "the Soviet Union")
    if sm is not None and not stands_alone(doc, sm, bound_ok=True):
        return None  # "in court", "army base": a setting or a modifier
    lemma = tok.lemma_.lower()
    if sm is None and lemma not in PERSON_NOUNS and lemma not in ORGANISATION_NOUNS:
        return None
    if sm is not None:
        start = min(start, sm.start_i)
    return start, start, "role", sector


def _noun_sector(tok: Token, sm: SectorMatch | None) -> str | None:
    if sm is not None:
        return sm.sector.sector
    lemma = tok.lemma_.lower()
    for nouns in (PERSON_NOUNS, ORGANISATION_NOUNS):
        if lemma in nouns:
            return None if nouns[lemma] == "-" else nouns[lemma]
    return None


def _name_start(tok: Token) -> int:
    """The first word of a proper name ending at ``tok``: the run of proper-noun compounds right before it."""
    start = tok.i
    while start > 0 and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].dep_ == "compound" and (
            tok.doc[start - 1].head.i == tok.i):
        start -= 1
    return start


def _phrase_start(tok: Token) -> int:
    """The first word of the phrase before its head: its modifiers, not its determiner or possessor."""
    start = tok.i
    for child in sorted((c for c in tok.lefts if c.dep_ in LEFT_DEPS), key=lambda c: -c.i):
        words = [t.i for t in child.subtree]
        if max(words) != start - 1:
            break
        start = min(words)
    while start < tok.i and tok.doc[start].lower_ in DETERMINERS:
        start += 1
    return start


def _country(doc: Doc, start: int, end: int, mentions: Sequence[TokenMention],
             place_country: PlaceCountry | None) -> tuple[str, str] | None:
    """The country the words [start, end) tell, and how: a country or demonym mention ("a Peruvian charity"), or a
    place the gazetteer knows ("a Kansas woman"); the last before the head. None when they tell none."""
    for k in range(end - 1, start - 1, -1):
        covering = [m for m in mentions if m.start_i <= k < m.end_i and m.mention.country
                    and m.mention.kind in {"country", "metonym"}]
        if covering:
            m = covering[0].mention
            return m.country, "demonym" if m.basis == "demonym" or doc[k].ent_type_ == "NORP" else "name"  # type: ignore[return-value]
        if place_country is not None:
            placed = place_run_country(doc, k, place_country)
            if placed is not None:
                return placed[1], "place"
    return None


def in_longer_name(tok: Token) -> bool:
    """Whether a capitalized word is the end of a longer proper name, not a name of its own: the object of "of"
    after a capitalized head ("Plan of Action", "Institute of Peace"), or an alternative given for one ("..., or
    JCPOA")."""
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    return (tok.pos_ == "PROPN" and tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "PROPN"
            and head.head.text[:1].isupper() and head.head.i < tok.i)


def document_names(doc: Doc) -> frozenset[str]:
    """The short names a document gives a document's own name: "the Joint Plan of Action, or JCPOA", "the Treaty
    of Lisbon (TOL)": the capitalized alternative of a name whose head is a document noun. Each of its mentions is
    the document, never a party ("disrupting the JCPOA")."""
    found = set()
    for tok in doc:
        if tok.dep_ not in {"conj", "appos"} or tok.pos_ != "PROPN" or not tok.text.isupper():
            continue
        name = tok.head
        while name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.pos_ == "PROPN":
            name = name.head.head  # "Plan" of "Plan of Action"
        if name.i != tok.i and name.pos_ == "PROPN" and name.lemma_.lower() in DOCUMENT_NOUNS:
            found.add(tok.text)
    return frozenset(found)
