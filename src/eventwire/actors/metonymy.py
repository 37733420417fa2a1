"""Is a place name an actor (its government or people: "Yerevan hit back") or a location ("in Baku")?"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.knowledge.words import word_list

# The word lists are data (data/words/NAME.tsv; each file's header says what it is for).
# Verbs whose subject is the place itself: being somewhere, containing, hosting, receiving weather.
PLACE_SUBJECT_VERBS = word_list("place_subject_verbs")
# Verbs whose object is a location: moving to/through it, ruling or taking territory, naming it.
PLACE_OBJECT_VERBS = word_list("place_object_verbs")
# Verbs that make a (passive) subject or an object an actor: speech, pressure, conflict, relations.
ACTOR_VERBS = word_list("actor_verbs")
# Nouns whose possessor or "of"/"to"/"with"/"between" complement is an actor.
ACTOR_NOUNS = word_list("actor_nouns")
# Nouns whose modifier, possessor or "of"-complement is a location.
PLACE_COMPLEMENT_NOUNS = word_list("place_complement_nouns")
# Adjectives that make the subject of "be" an actor: "Russia is ready to support".
ACTOR_ADJECTIVES = word_list("actor_adjectives")
# Prepositions whose object is an actor wherever they attach; and those whose object is one after an actor word.
ACTOR_PREPS = word_list("actor_preps")
RELATION_PREPS = word_list("relation_preps")

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})


def role_token(doc: Doc, start_i: int, end_i: int) -> Token:
    """The token whose attachment tells the role: the span's root, lifted over conjuncts and appositions."""
    token = doc[start_i:end_i].root
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    return token


def head_lemma(token: Token) -> str:
    return token.lemma_.lower()


def is_actor_subject(verb: Token) -> bool:
    """Subject of an action or speech verb; not of being, containing or hosting verbs."""
    lemma = head_lemma(verb)
    if lemma == "be" or verb.pos_ == "AUX":
        return any(c.dep_ in ("acomp", "xcomp") and head_lemma(c) in ACTOR_ADJECTIVES for c in verb.children)
    return lemma not in PLACE_SUBJECT_VERBS


def is_actor_object(verb: Token) -> bool:
    lemma = head_lemma(verb)
    if verb.pos_ in ("NOUN", "PROPN"):
        return lemma in ACTOR_NOUNS
    return lemma not in PLACE_OBJECT_VERBS


def is_actor_complement(prep: Token) -> bool:
    """The object of a preposition, judged by the preposition and the word it attaches to."""
    word = prep.lower_
    governor = prep.head
    lemma = head_lemma(governor)
    if word in ("of", "from") and governor.ent_type_ == "PERSON":
        return True  # "President Vladimir Putin of Russia"
    if word == "by" and (prep.dep_ == "agent" or governor.tag_ == "VBN"):
        return True  # "occupied by Germany", "accused by Moscow"
    if lemma in PLACE_COMPLEMENT_NOUNS or lemma in PLACE_SUBJECT_VERBS or lemma in PLACE_OBJECT_VERBS:
        return False
    if word in ACTOR_PREPS:
        return True  # agents, opponents, beneficiaries and parties to a relation
    if word in RELATION_PREPS:
        if lemma in ACTOR_NOUNS or (governor.pos_ == "VERB" and lemma in ACTOR_VERBS):
            return lemma not in PLACE_COMPLEMENT_NOUNS
        if word in ("against", "with") and governor.pos_ == "VERB":
            return True
    return False


def is_government_metonym(doc: Doc, start_i: int, end_i: int) -> bool:
    """True when the name at tokens [start_i, end_i) acts, speaks or is acted on as an actor."""
    token = role_token(doc, start_i, end_i)
    dep = token.dep_
    if dep in SUBJECT_DEPS:
        return is_actor_subject(token.head)
    if dep in PASSIVE_DEPS:
        return head_lemma(token.head) in ACTOR_VERBS - PLACE_OBJECT_VERBS
    if dep in OBJECT_DEPS:
        return is_actor_object(token.head)
    if dep == "poss":
        return head_lemma(token.head) in ACTOR_NOUNS
    if dep == "pobj" and token.head.dep_ in ("prep", "agent", "dative"):
        return is_actor_complement(token.head)
    if dep in ("compound", "nmod", "amod"):
        return head_lemma(token.head) in ACTOR_NOUNS and head_lemma(token.head) not in PLACE_COMPLEMENT_NOUNS
    return False
