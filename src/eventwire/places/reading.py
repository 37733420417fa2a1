"""How a sentence uses a place name, decided once (the record's ``Place.reading``, and through the pipeline the
actor resolver's metonym test): "literal" (a location: "in Yerevan", "flights from Baku", a list of places),
"government" (the name stands for its government or people: "Yerevan hit back", "talks with Canada") or "both"
(the polity and its territory at once: "France hosted the summit", "Japan's economy").

The government test is ``actors.metonymy.is_government_metonym`` (subject of a speech or deed verb, object of
"with"/"against" in a talks frame, possessor of an actor noun...); this module adds the "both" readings, a few
government readings ("X is a member of NATO") and literal ones that test would take for actors ("the
occupation of X", "X has a long coast")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.actors.metonymy import (
    PLACE_COMPLEMENT_NOUNS,
    PLACE_OBJECT_VERBS,
    PLACE_SUBJECT_VERBS,
    is_government_metonym,
    role_token,
)
from eventwire.knowledge.words import word_list

LITERAL, GOVERNMENT, BOTH = "literal", "government", "both"
# Verbs whose subject is a country or city acting as host of what happens on its soil ("France hosted the
# summit"): the government acts, and the event is located there.
HOST_VERBS = word_list("host_verbs")
# The "both" possessors ("Japan's economy"), the nouns of an action on a territory ("the occupation of X": X is
# where it is done) and the predicates of "be" that make the subject an actor ("X is a member of NATO").
POLITY_NOUNS = word_list("polity_nouns")
TERRITORY_ACTION_NOUNS = word_list("territory_action_nouns")
ACTOR_ATTRIBUTES = word_list("actor_attributes")
# Words of going or carrying between places: their "between"/"to"/"from" complement is a location.
ROUTE_WORDS = word_list("route_words")
ROUTE_PREPS = frozenset({"between", "to", "from", "via", "through"})
# Passive verbs whose subject is the ground ("Haiti was struck"); other passive subjects are actors.
PLACE_PASSIVE_VERBS = word_list("place_passive_verbs") | PLACE_OBJECT_VERBS | PLACE_SUBJECT_VERBS
# Nouns of a polity's life ("the fall of France"): their "of"-complement is the state.
POLITY_EVENT_NOUNS = word_list("polity_event_nouns")
# "the Kingdom of Italy": the name inside reads as the whole phrase does.
POLITY_TITLES = word_list("polity_titles")


def name_reading(doc: Doc, start_i: int, end_i: int) -> str:
    """The reading of the place name at tokens [start_i, end_i) in its sentence."""
    token = role_token(doc, start_i, end_i)
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in POLITY_TITLES and (
            head.head.is_title or head.head.is_upper) and head.head.i < start_i:
        title = head.head  # "The Kingdom of Italy declared war": read the whole name
        return name_reading(doc, title.i, title.i + 1)
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in TERRITORY_ACTION_NOUNS:
        return LITERAL  # "the occupation of the island": where it is done
    if token.dep_ == "pobj" and head.lower_ in ROUTE_PREPS and is_route_word(head.head):
        return LITERAL  # "ships passing between Malta and Sicily", "the ferry service to Oslo"
    if token.dep_ == "nsubj" and head.lemma_ == "have" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in PLACE_COMPLEMENT_NOUNS for c in head.children):
        return LITERAL  # "Chile has a long coast", "the town has a population of 3,000"
    if is_government_metonym(doc, start_i, end_i):
        return GOVERNMENT
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in POLITY_EVENT_NOUNS:
        return GOVERNMENT  # "the fall of France", "the independence of Estonia": the state
    if token.dep_ == "nsubj" and head.lemma_ == "be" and any(
            c.dep_ == "attr" and c.lemma_.lower() in ACTOR_ATTRIBUTES for c in head.children):
        return GOVERNMENT  # "Norway is a member of the alliance"
    if token.dep_ == "nsubjpass" and head.pos_ == "VERB" and head.lemma_.lower() not in PLACE_PASSIVE_VERBS:
        return GOVERNMENT  # "Norway was chosen to host the games": chosen as a party, not a ground
    if token.dep_ == "nsubj" and head.lemma_.lower() in HOST_VERBS:
        return BOTH
    if token.dep_ == "poss" and head.lemma_.lower() in TERRITORY_ACTION_NOUNS:
        return GOVERNMENT  # "Iraq's invasion of Kuwait": the one that does it
    if token.dep_ == "poss" and (head.lemma_.lower() in POLITY_NOUNS or head.lower_ in POLITY_NOUNS):
        return BOTH  # "Japan's economy", "Spain's victory": the country as a whole, not only its ground
    return LITERAL


def is_route_word(token: Token) -> bool:
    """A word of going or carrying, whatever the lemmatiser made of it ("commuting", "transiting")."""
    stem = token.lower_.removesuffix("ing")
    return bool({token.lemma_.lower(), token.lower_, stem, stem + "e"} & ROUTE_WORDS)


def is_actor_reading(doc: Doc, start_i: int, end_i: int) -> bool:
    """The metonym test the actor resolver is given: a name read "government" is an actor there."""
    return name_reading(doc, start_i, end_i) == GOVERNMENT
