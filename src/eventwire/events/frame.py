"""The frame of a deed: negation and modality (intent, threat, future, refusal, request) read off the trigger and
its governors, and the CAMEO code they give it."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.knowledge.patterns import Pattern, Patterns
from eventwire.knowledge.words import word_list

NEGATION_ADVERBS = word_list("negation_adverbs")  # data/words/negation_adverbs.tsv


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATION_ADVERBS and c.dep_ == "advmod" for c in tok.children)


def modality_of(tok: Token, patterns: Patterns) -> tuple[bool, str | None]:
    """(negated, kind) where kind is intent | threat | future | refusal | request | None, from the trigger's
    governors."""
    negated = is_negated(tok)
    kind = None
    for c in tok.children:
        if c.dep_ == "aux":
            kind = patterns.modality.get((c.lower_, "AUX")) or kind
    node = tok
    for _ in range(3):
        if node.dep_ not in {"xcomp", "acl", "ccomp", "advcl"} or node.head is node:
            break
        head = node.head
        pos = "NOUN" if head.pos_ in {"NOUN", "PROPN"} else "ADJ" if head.pos_ == "ADJ" else "VERB"
        found = patterns.modality.get((head.lemma_.lower(), pos))
        if found == "speech":
            # "Israel announced it would free prisoners": a future told by its actor is an intention.
            if kind == "future" and node.dep_ == "ccomp":
                kind = "intent"
            break
        if found is None or (node.dep_ == "advcl" and found != "request"):
            break
        if found in {"intent", "threat"} and (any(c.dep_ in {"dobj", "nsubjpass"} for c in head.children)
                                              or any(c.dep_ == "nsubj" for c in node.children)):
            found = "request"  # "wants Putin to attack": the deed is Putin's, and only asked for
        kind = found
        negated = negated or any(c.dep_ == "neg" for c in head.children)
        node = head
        if head.head.dep_ != "ROOT" and head.dep_ in {"acomp", "dobj"}:
            node = head.head
    return negated, kind


def code_for(pattern: Pattern, kind: str | None, negated: bool, patterns: Patterns) -> tuple[str, bool, bool]:
    """The CAMEO code for the pattern in its frame, and whether the event is negated and hypothetical.

    A refusal ("would not provide support", "refused to meet") is a deed of its own, CAMEO's
    root 12, so it is not negated; "did not accuse" keeps its code and is negated.
    """
    intent, threat, refusal = patterns.intent_codes.get(pattern.code[:2], (None, None, None))
    if (kind == "refusal" or negated and kind in {"intent", "future"}) and refusal:
        return refusal, False, False
    hypothetical = kind is not None
    if kind == "intent" and intent:
        return intent, negated, hypothetical
    if kind == "threat" and threat:
        return threat, negated, hypothetical
    return pattern.code, negated, hypothetical
