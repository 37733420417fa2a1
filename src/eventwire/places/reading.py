"""How a sentence uses a place name, decided once (the record's ``Place.reading``, and through the pipeline the
actor resolver's metonym test): "literal" (a location: "in Yerevan", "flights from Baku", a list of places),
"government" (the name stands for its government or people: "Yerevan hit back", "talks with Canada") or "both"
(the polity and its territory at once: "France hosted the summit", "Japan's economy").

The government test is ``actors.metonymy.is_government_metonym`` (subject of a speech or deed verb, object of
"with"/"against" in a talks frame, possessor of an actor noun...); this module adds the "both" readings."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.actors.metonymy import PLACE_COMPLEMENT_NOUNS, is_government_metonym, role_token
from eventwire.knowledge.words import word_list

LITERAL, GOVERNMENT, BOTH = "literal", "government", "both"
# Verbs whose subject is a country or city acting as host of what happens on its soil ("France hosted the
# summit"): the government acts, and the event is located there.
HOST_VERBS = word_list("host_verbs")


def name_reading(doc: Doc, start_i: int, end_i: int) -> str:
    """The reading of the place name at tokens [start_i, end_i) in its sentence."""
    if is_government_metonym(doc, start_i, end_i):
        return GOVERNMENT
    token = role_token(doc, start_i, end_i)
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_.lower() in HOST_VERBS:
        return BOTH
    if token.dep_ == "poss" and head.pos_ == "NOUN" and head.lemma_.lower() not in PLACE_COMPLEMENT_NOUNS:
        return BOTH  # "Japan's economy", "Russia's record": the country as a whole, not only its ground
    return LITERAL


def is_actor_reading(doc: Doc, start_i: int, end_i: int) -> bool:
    """The metonym test the actor resolver is given: a name read "government" is an actor there."""
    return name_reading(doc, start_i, end_i) == GOVERNMENT
