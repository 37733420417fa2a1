"""Who did it: the subject tokens of a trigger, inherited through control, gerunds and passives."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.clauses import (
    OBJECTS,
    SUBJECTS,
    is_passive,
    is_reduced_passive,
    passive_agent,
    with_conjuncts,
)
from eventwire.knowledge.words import word_list
from eventwire.nlp.datelines import in_dateline

# Clauses whose missing subject is the governing verb's subject ("agreed to meet", "after meeting").
CONTROLLED = {"xcomp", "advcl", "pcomp", "conj"}
# The word lists are data (data/words/NAME.tsv; each file's header says what it is for).
# Prepositions whose gerund takes the governing verb's object as subject ("blasted Yerevan for criticizing").
OBJECT_CONTROL_PREPS = word_list("object_control_preps")
# Verbs whose object is a document its subject issues: "issued a statement calling on X" is the issuer's call.
ISSUING_VERBS = word_list("issuing_verbs")
# Documents, whose clauses ("a resolution demanding ...") are their authors' words, not any reader's.
DOCUMENT_NOUNS = word_list("document_nouns")


def clause_subjects(node: Token, deps: set[str]) -> list[Token]:
    """The subjects of ``node`` with their conjuncts, nearest first. The parser sometimes gives a verb two
    ("Old foes Gondor and Osgiliath have renewed ties", "The Somali militant group al-Shabab is claiming"):
    each is tried, and the caller keeps those that name an actor. A wire dateline the parser took for a
    subject ("MOSCOW (AP) - Lavrov accused") is passed over."""
    subjects = sorted((c for c in node.children if c.dep_ in deps and not in_dateline(c)),
                      key=lambda c: (c.i > node.i, -c.i if c.i < node.i else c.i))
    return list(dict.fromkeys(t for c in subjects for t in with_conjuncts(c)))


def subject_tokens(tok: Token) -> list[Token]:
    """Subject of ``tok``'s clause, inherited through control and gerund complements.

    A reduced passive ("workers seized in Baghdad") has only its "by" agent: its noun is the patient."""
    if is_reduced_passive(tok):
        agent = passive_agent(tok)
        return with_conjuncts(agent) if agent is not None else []
    node = tok
    for _ in range(6):
        # Up the tree a passive subject is the subject too ("Obama is scheduled to attend").
        deps = SUBJECTS if node is tok else SUBJECTS | {"nsubjpass"}
        found = clause_subjects(node, deps)
        if found and node.dep_ == "relcl" and all(t.tag_ in {"WDT", "WP"} for t in found):
            return [node.head]  # "Hamas, which attacked Israel": the relative pronoun stands for its noun
        if found:
            return found
        agent = passive_agent(node)
        if agent is not None:
            return with_conjuncts(agent)
        head = node.head
        if head is node:
            return []
        if node.dep_ == "conj" and is_passive(node):
            return []  # "prisoners were tried and released": the shared subject is the patient
        if node.dep_ == "pcomp" and head.lower_ in OBJECT_CONTROL_PREPS:
            obj = next((c for c in head.head.children if c.dep_ in OBJECTS), None)
            if obj is not None:
                return with_conjuncts(obj)
        if node.dep_ == "xcomp" and head.pos_ == "VERB":
            # Object control: "persuaded Putin to support", "forced Armenia to accept": the object acts.
            obj = next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
            if obj is not None:
                return with_conjuncts(obj)
        if node.dep_ == "relcl":
            # "Britons who were released from the camp": a passive clause's noun is its patient.
            return [] if any(c.dep_ == "auxpass" for c in node.children) else [head]
        if node.dep_ == "acl" and head.pos_ == "NOUN":
            # "expressed readiness to support X", "issued a statement calling on X": the subject's; but
            # "vetoed a resolution demanding X" is no demand of the vetoer's: a document's clause speaks for
            # the verb's subject only when that verb issues the document.
            if (head.dep_ in OBJECTS and head.lemma_.lower() in DOCUMENT_NOUNS
                    and head.head.lemma_.lower() not in ISSUING_VERBS):
                return []
            node = head.head if head.dep_ in OBJECTS | {"nsubj", "attr"} else head
            continue
        if node.dep_ in CONTROLLED or (node.dep_ == "pcomp") or head.dep_ == "prep":
            node = head if node.dep_ != "pcomp" else head.head
            continue
        if node.dep_ in {"acomp", "xcomp"}:
            node = head
            continue
        return []
    return []
