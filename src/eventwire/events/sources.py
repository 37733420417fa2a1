"""Whose deed it is when no subject says so: a nominal deed's possessor, `by` phrase or attributive nationality
("Israel's offensive", "Russian air strikes"); where an agentless passive deed came from ("fired at Israel from
Gaza"), or the attack it was done in ("killed in Israeli tank shelling")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import PlaceCountry, TokenMention
from eventwire.events.clauses import after_object, misread_gerund, passive_agent
from eventwire.events.locative import place_of
from eventwire.events.mentions import MentionLookup
from eventwire.events.triggers import matches, trigger_patterns
from eventwire.knowledge.patterns import Pattern, Patterns
from eventwire.knowledge.words import word_list

MEANS_NOUNS = word_list("means_nouns")  # data/words/means_nouns.tsv: attack, airstrike, bomb, missile, ...


def means_authors(subject: Token, lookup: MentionLookup) -> list[TokenMention]:
    """The author of an attack or weapon that is a deed's subject, told in its own phrase: "a car bombing by X
    killed ...", "missiles fired by X struck ..."; none for any other subject."""
    if subject.lemma_.lower() not in MEANS_NOUNS or subject.pos_ != "NOUN":
        return []
    found = modifier_sources(subject, lookup)
    if not found:
        found = next((m for c in subject.children if c.dep_ == "acl" and c.pos_ == "VERB"
                      if (m := modifier_sources(c, lookup))), [])
    return found


def modifier_sources(tok: Token, lookup: MentionLookup) -> list[TokenMention]:
    """Whose nominal deed it is, read off its own noun phrase: a possessor ("Israel's offensive"), a `by`
    phrase ("an air strike by NATO"), or an attributive nationality, organisation or abbreviation before it
    ("Russian air strikes", "NATO air strikes", "a US drone strike"). Not a country's full name, which
    names the theatre more often than the author ("the Ukraine invasion", "the Gaza offensive"). A
    gerund the parser took for a verb after a preposition's object ("killed in Israeli tank shelling") has
    that object's phrase as its own."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None:
        found = lookup.at(owner)
        return [found] if found is not None else []
    for c in tok.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ == "by":
            for g in c.children:
                if g.dep_ == "pobj" and (found := lookup.for_phrase(g, owners=True)) is not None:
                    return [found]
    doc = tok.doc
    if tok.pos_ in {"NOUN", "PROPN"} or misread_gerund(tok) and not after_object(tok):
        start = tok.left_edge.i
    elif misread_gerund(tok):
        start = doc[tok.i - 1].left_edge.i
    else:
        return []
    for k in range(start, tok.i):
        found = lookup.at(doc[k])
        if found is not None and attributive(doc, found, tok.i):
            return [found]
    return []


def attributive(doc: Doc, m: TokenMention, before: int) -> bool:
    """A mention that, before a noun, names who does what the noun says."""
    if m.mention.kind in {"organisation", "role"}:
        return True
    words = [t for t in doc[m.start_i : min(m.end_i, before)]]
    first = words[0].text.replace(".", "") if words else ""
    return (any(t.ent_type_ == "NORP" or t.pos_ == "ADJ" for t in words)
            or (len(words) == 1 and 2 <= len(first) <= 4 and first.isupper()))


def as_military(m: TokenMention) -> TokenMention:
    """'Russian air strikes': a bare country doing a military deed is its military, as 'Russian forces' is."""
    actor = m.mention
    if actor.kind != "country" or not actor.country:
        return m
    military = replace(actor, id=f"{actor.country.lower()}-military", name=f"military of {actor.name}",
                       code=f"{actor.country}MIL", sector="MIL", kind="role")
    return replace(m, mention=military)


SEAT_PREPS = frozenset({"in", "from"})  # the place a seat_source deed (roots.tsv) was done in, or sent from


def origin_sources(tok: Token, lookup: MentionLookup, place_country: PlaceCountry | None,
                   preps: frozenset[str] = frozenset({"from"})) -> list[TokenMention]:
    """'A mortar bomb was fired at Israel from the Gaza Strip': an agentless passive deed's source is the
    country it came from; with ``preps`` {"in"}, the country it was done in ("was arrested in Niger")."""
    if passive_agent(tok) is not None or not any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        return []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for obj in (g for g in c.children if g.dep_ == "pobj"):
                found = place_of(obj, lookup, place_country)
                if found is not None:
                    return [found]
    return []


def means_attack(tok: Token, lookup: MentionLookup, patterns: Patterns) -> tuple[Token, Pattern] | None:
    """'Four people were killed in Israeli tank shelling': the nominal attack (with its pattern) an agentless
    passive deed was done in, when that attack's own phrase names its author."""
    if passive_agent(tok) is not None or not any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        return None
    objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "during"}
               for g in c.children if g.dep_ in {"pobj", "pcomp"}]
    # "killed in Israeli tank shelling": the parser may hang the misread gerund on the verb itself.
    objects += [c for c in tok.children if c.pos_ == "VERB" and misread_gerund(c) and c.i > 1
                and c.doc[c.i - 1].head.lower_ in {"in", "during"}]
    for obj in objects:
        noun = obj.pos_ != "VERB"
        for pattern in trigger_patterns(obj, patterns):
            if (pattern.source and (pattern.pos == "NOUN") and (not noun or matches(obj, pattern) is not None)
                    and modifier_sources(obj, lookup)):
                return obj, pattern
    return None
