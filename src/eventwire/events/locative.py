"""Where, standing for whom: the country of a place named in a slot or a locative phrase ("protested in
Beijing", "shelled Kharkiv"), as an event's target or source."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.resolve import PlaceCountry, TokenMention, country_of_place
from eventwire.events.mentions import MentionLookup
from eventwire.knowledge.words import word_list
from eventwire.records import ActorMention


def place_targets(tok: Token, lookup: MentionLookup, place_country: PlaceCountry | None = None) -> list[TokenMention]:
    """'protested in Beijing', 'exercises in Alaska': the country of a place named by a locative phrase
    on ``tok``; a place the knowledge base does not name is looked up with ``place_country``."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "at", "inside"}:
            for obj in (g for g in c.children if g.dep_ == "pobj"):
                found = place_of(obj, lookup, place_country)
                if found is not None:
                    return [found]
    return []


def place_of(obj: Token, lookup: MentionLookup, place_country: PlaceCountry | None = None) -> TokenMention | None:
    """The country of the place ``obj`` names ("Beijing", "Alaska", "the east of the Gaza Strip"), as a place."""
    obj = part_of(obj)
    if obj.ent_type_ in TIME_ENTITIES:
        return None  # "in August", "at midnight": a time, though a town may bear its name
    m = lookup.for_phrase(obj, owners=False, places=True)
    if m is not None and m.mention.country:
        mention = replace(m.mention, code=m.mention.country, sector=None, role=None, kind="place")
        return replace(m, mention=mention)
    country = country_of_place(obj, place_country) if place_country and m is None else None
    return place_mention(obj, country) if country else None


# Entity labels of the model that name a time, never a place.
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Nouns naming a part of the place their "of" phrase names ("in the east of the Gaza Strip").
PLACE_PART_NOUNS = word_list("place_part_nouns")


def part_of(obj: Token) -> Token:
    """'the east of the Gaza Strip' is in the Gaza Strip."""
    if obj.lemma_.lower() in PLACE_PART_NOUNS:
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = next((g for g in c.children if g.dep_ == "pobj"), None)
                if inner is not None:
                    return inner
    return obj


def place_mention(obj: Token, country: str) -> TokenMention:
    """A place the gazetteer knows ("Alaska"), standing for its country as an event's target."""
    start = min([obj.i, *(c.i for c in obj.children if c.dep_ == "compound" and c.i < obj.i)])
    span = obj.doc[start : obj.i + 1]
    mention = ActorMention(start=span.start_char, end=span.end_char, text=span.text, id=country.lower(),
                           name=span.text, code=country, country=country, sector=None, role=None, kind="place",
                           basis="place", country_basis="place")
    return TokenMention(start, obj.i + 1, obj.i, mention)
