"""The shapes of a clause that every reading of an event needs: subject and object labels, passives (full and
reduced, "workers seized in Baghdad"), "held hostage", and -ing words the tagger read as verbs."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.knowledge.words import word_list

SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "obj", "oprd"}  # spaCy reads "called Prime Minister X" as oprd
# Predicate nouns of "take X hostage": an object that does not make a participle active.
CAPTIVE_NOUNS = word_list("captive_nouns")


def to_infinitive(tok: Token) -> bool:
    """Whether ``tok`` heads a to-infinitive ("agreed *to meet*", "called him *to congratulate* him")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts] if tok.dep_ != "conj" else [tok]


def is_reduced_passive(tok: Token) -> bool:
    """A past participle with no auxiliary modifying the noun it happened to: "US workers seized in Baghdad",
    "troops injured in Iraq have...", "an Italian journalist taken hostage in Iraq". Not when it takes an
    object (a past tense the tagger read as a participle), except "taken hostage/prisoner"."""
    if captive_predicate(tok):
        return True
    if tok.tag_ != "VBN" or any(c.dep_ in {"aux", "auxpass"} for c in tok.children):
        return False
    if any(c.dep_ in OBJECTS and c.lemma_.lower() not in CAPTIVE_NOUNS for c in tok.children):
        return False
    # Only a participle modifying its noun: one heading its own clause is most often a past tense the tagger
    # misread ("Russian students protested in Yerevan"), though headlines also drop the auxiliary.
    return tok.dep_ == "acl"


def captive_predicate(tok: Token) -> bool:
    """"Two French reporters held hostage in Iraq were alive", read by the tagger as a past tense with
    "hostage" as its object: "hold/take/keep" whose only object is "hostage"/"prisoner"/"captive" and which
    has a subject tells what happened to that subject ("X held Y hostage" has Y as an object too)."""
    if tok.lemma_.lower() not in {"hold", "take", "keep"} or any(c.dep_ in {"aux", "auxpass"} for c in tok.children):
        return False
    objects = [c for c in tok.children if c.dep_ in OBJECTS]
    return (len(objects) == 1 and objects[0].lemma_.lower() in CAPTIVE_NOUNS
            and any(c.dep_ == "nsubj" for c in tok.children))


def is_passive(tok: Token) -> bool:
    """A passive verb, or a participle conjoined to one ("were tried and released")."""
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return True
    return tok.dep_ == "conj" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.head.children)


def passive_agent(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def misread_gerund(tok: Token) -> bool:
    """An -ing word tagged as a verb that is a noun: it fills a noun's slot or has a noun's modifiers
    ("Armenian shelling of Ganja killed"), or follows a preposition's object ("killed in Israeli shelling")."""
    if tok.tag_ != "VBG" or any(c.dep_ in SUBJECTS | OBJECTS | {"nsubjpass", "aux", "auxpass"} for c in tok.children):
        return False
    return (after_object(tok) or tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}
            or any(c.dep_ in {"amod", "det", "poss"} for c in tok.children))


def after_object(tok: Token) -> bool:
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.dep_ == "pobj" and prev.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "pobj"
