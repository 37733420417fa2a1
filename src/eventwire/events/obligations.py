"""Demands told as obligations: "Russia said Israel must end its strikes" is Russia's demand of Israel (CAMEO 100,
*demand, not specified*): a speech verb (intent.tsv `speech`) whose complement clause has an obligation auxiliary
(data/words/obligation_auxiliaries.tsv) codes speaker -> the clause's subject. The clause's own deed stays a
request (hypothetical, its code kept: intent.tsv gives the auxiliaries the kind `request`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.events.candidate import EventCandidate
from eventwire.events.lists import clause_subject_events
from eventwire.events.mentions import MentionLookup
from eventwire.knowledge.patterns import Patterns
from eventwire.knowledge.words import word_list

OBLIGATION_AUXILIARIES = word_list("obligation_auxiliaries")
OBLIGATION_VERBS = word_list("obligation_verbs")  # "needs to act", "has to withdraw"
DEMAND = "100"


def obliged_clause(tok: Token, patterns: Patterns) -> Token | None:
    """The complement clause of a speech verb that says what its subject must do, or None."""
    if tok.pos_ != "VERB" or patterns.modality.get((tok.lemma_.lower(), "VERB")) != "speech":
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and (any(a.dep_ == "aux" and a.lower_ in OBLIGATION_AUXILIARIES for a in c.children)
                                  or semi_modal(c)):
            return c
    return None


def semi_modal(clause: Token) -> bool:
    """Whether a clause's verb is a semi-modal of obligation with its to-infinitive and no object of its own:
    "Washington needs to act", "Peru has to withdraw" (not "Iran needs help", "Chile has a plan to ...")."""
    return (clause.lemma_.lower() in OBLIGATION_VERBS and not any(c.dep_ == "dobj" for c in clause.children)
            and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    for c in clause.children))


def obligation_events(doc: Doc, tok: Token, lookup: MentionLookup, patterns: Patterns) -> list[EventCandidate]:
    """Speaker -> the obliged clause's subject, CAMEO 100; nothing when either is no actor."""
    clause = obliged_clause(tok, patterns)
    if clause is None:
        return []
    return clause_subject_events(doc, tok, clause, DEMAND, lookup, patterns)
