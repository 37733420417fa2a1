"""Targets the knowledge base cannot code: when no slot of a deed names a coded actor, the same slots are read
again with the document's uncoded parties (actors/parties.py), so that "police arrested a Kansas woman" or "the
court fined the company" is an event whose target is the phrase as written, with a null code ("Unknown values
are null, never guessed"). A thing in the slot ("the plan", "the border") is no party and gives none."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import TokenMention
from eventwire.events.lists import MAX_CONJUNCTS, distinct
from eventwire.events.mentions import MentionLookup, generic, uncoded
from eventwire.events.subjects import subject_tokens
from eventwire.events.targets import target_tokens
from eventwire.knowledge.patterns import Pattern, Patterns


def party_targets(doc: Doc, tok: Token, anchor: Token, pattern: Pattern, lookup: MentionLookup,
                  patterns: Patterns) -> list[TokenMention]:
    """The uncoded parties the pattern's target slots hold, by the slots' own order and rules (``target_tokens``),
    with their conjuncts; only when the lookup was given the document's parties, and at least one is uncoded."""
    parties = lookup.with_parties()
    if parties is None:
        return []
    slots = target_tokens(tok, anchor, pattern, parties, patterns)
    found = [m for m in (parties.for_phrase(t, owners=False) for t in slots) if m is not None]
    found = distinct(doc, parties.expand(found, doc, places=False, limit=MAX_CONJUNCTS))
    return found if any(uncoded(m) for m in found) else []


def party_sources(doc: Doc, tok: Token, lookup: MentionLookup) -> list[TokenMention]:
    """The uncoded parties the subjects of a verb trigger name by a name ("Marta Quispe rejected the offer", "Grimsdale
    Holdings sued Peru"), with their conjuncts; only when at least one is uncoded. Not a description ("the man",
    "the group that seized the town"), which says who only with its antecedent, and never a passive clause's subject
    inherited from another verb ("children were killed in shelling"), the patient."""
    parties = lookup.with_parties()
    if parties is None:
        return []
    subjects = [s for s in subject_tokens(tok) if not patient(s)]
    found = [m for m in (parties.for_phrase(s, owners=False) for s in subjects) if m is not None]
    found = distinct(doc, parties.expand(found, doc, places=False, limit=MAX_CONJUNCTS))
    return found if any(uncoded(m) and not generic(m) and m.mention.kind != "role" for m in found) else []


def patient(tok: Token) -> bool:
    """Whether ``tok`` is a passive clause's subject, or a conjunct of one."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubjpass"
