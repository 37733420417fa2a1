"""Where an event happened: a locative phrase on its trigger, on a verb above it or on the people met, whose
object is one of the sentence's places or a noun for a kind of place ("met in the capital")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from eventwire.knowledge.words import word_list
from eventwire.records import Place

EVENT_PREPS = word_list("event_place_prepositions")
# Nouns for a kind of place ("the capital", "the border"): an unnamed place an event may be located at.
PLACE_KIND_NOUNS = word_list("place_kind_nouns")


def place_at(doc: Doc, token: Token, places: Sequence[Place]) -> Place | None:
    """The place whose span covers ``token``, or the innermost place in ``token``'s phrase."""
    for place in places:
        if place.start <= token.idx < place.end:
            return place
    inside = [p for p in places if token.left_edge.idx <= p.start and p.end <= token.right_edge.idx
              + len(token.right_edge)]
    return inside[0] if inside else None


def unnamed_place(token: Token, places: Sequence[Place]) -> Place | None:
    """ "at the border", "in the capital": a noun for a kind of place, with no name; its country when one named
    place sits in the phrase."""
    if token.lemma_.lower() not in PLACE_KIND_NOUNS:
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
