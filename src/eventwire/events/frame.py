"""The frame of a deed: negation and modality (intent, threat, future, refusal, request, failure, condition) read
off the trigger and its governors, and the CAMEO code they give it."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.clauses import to_infinitive
from eventwire.knowledge.patterns import Pattern, Patterns
from eventwire.knowledge.words import word_list

NEGATION_ADVERBS = word_list("negation_adverbs")  # data/words/negation_adverbs.tsv
CONDITION_MARKS = word_list("condition_marks")  # data/words/condition_marks.tsv: "if", "unless"
PENDING_ADVERBS = word_list("pending_adverbs")  # data/words/pending_adverbs.tsv: "has yet to reply"
QUESTION_VERBS = word_list("question_verbs")  # data/words/question_verbs.tsv: "asked if" is "asked whether"
# Roots from which a conditioned deed is a threat ("will impose sanctions if", "will attack unless"): verbal and
# material conflict; below them a conditioned deed is an offer, CAMEO's "express intent" (03x).
CONFLICT_ROOTS = frozenset(f"{n:02d}" for n in range(10, 21))


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATION_ADVERBS and c.dep_ == "advmod" for c in tok.children)


def is_condition(tok: Token) -> bool:
    """An adverbial clause that states a condition: "if Iran attacks", "unless NATO halts"; an indirect
    question's "if" clause ("asked if Iran would attack") is as hypothetical."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children)


def has_condition(tok: Token) -> bool:
    """A clause conditioned by an "if"/"unless" clause of its own ("will withdraw unless NATO halts"); the
    parser may read "provided" as a verb heading the condition ("provided Israel halts"). Not the "if" of an
    indirect question ("asked him if he agreed", data/words/question_verbs.tsv): that is "whether"."""
    if tok.lemma_.lower() in QUESTION_VERBS:
        return False
    return any(is_condition(c) or (c.dep_ == "advcl" and c.lower_ in CONDITION_MARKS) for c in tok.children)


def modality_of(tok: Token, patterns: Patterns) -> tuple[bool, str | None]:
    """(negated, kind) where kind is intent | threat | future | schedule | refusal | request | failure | denial |
    condition | conditional | None, from the trigger's governors.

    ``condition``: the deed is the condition itself ("if Iran attacks Israel"); ``conditional``: a deed that
    holds only if a condition is met ("will impose sanctions if Iran attacks"); ``failure``: the deed did
    not come about ("failed to reach an agreement"); ``denial``: its actor says it was not done ("denied
    providing sanctuary")."""
    # "ended without reaching an agreement": a deed named as not done.
    negated = is_negated(tok) or (tok.dep_ == "pcomp" and tok.head.lower_ == "without")
    kind = None
    conditional = has_condition(tok)
    for c in tok.children:
        if c.dep_ == "aux":
            kind = patterns.modality.get((c.lower_, "AUX")) or kind
    node = tok
    governed = False  # a governor's modality word has been read
    for _ in range(3):
        if is_condition(node):
            return negated, "condition"
        if node.dep_ not in {"xcomp", "acl", "ccomp", "advcl"} or node.head is node:
            break
        head = node.head
        pos = "NOUN" if head.pos_ in {"NOUN", "PROPN"} else "ADJ" if head.pos_ == "ADJ" else "VERB"
        lemma = head.lemma_.lower()
        found = patterns.modality.get((lemma, pos))
        if lemma == "be" and not (node.dep_ == "xcomp" and to_infinitive(node)):
            found = None  # only the schedule "is to visit", not any complement of "be"
        if lemma == "have" and node.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ in PENDING_ADVERBS
                                                            for c in head.children):
            found = "failure"  # "has yet to reply": not done
        if found == "speech":
            # "Israel announced it would free prisoners": a future told by its actor is an intention.
            if kind in {"future", "schedule"} and node.dep_ == "ccomp":
                kind = "intent"
            break
        if found is None or (node.dep_ == "advcl" and (found != "request" or governed)):
            break  # "Threatening to kill X, they demanded ...": the nearer governor's threat is the frame
        if found in {"intent", "threat"} and (any(c.dep_ in {"dobj", "nsubjpass"} for c in head.children)
                                              or any(c.dep_ == "nsubj" for c in node.children)):
            found = "request"  # "wants Putin to attack": the deed is Putin's, and only asked for
        kind, governed = found, True
        # "is not ready to": the copula's negation is its adjective's.
        negated = negated or any(c.dep_ == "neg" for c in head.children) or (
            head.dep_ == "acomp" and is_negated(head.head))
        conditional = conditional or has_condition(head)
        node = head
        if head.head.dep_ != "ROOT" and head.dep_ in {"acomp", "dobj"}:
            node = head.head
    if conditional and kind in {None, "future", "schedule", "intent"}:
        kind = "conditional"
    return negated, kind


def code_for(pattern: Pattern, kind: str | None, negated: bool, patterns: Patterns) -> tuple[str, bool, bool] | None:
    """The CAMEO code for the pattern in its frame, and whether the event is negated and hypothetical; None
    when the frame says no deed was done at all (a failure of a root with no rejection code: "failed to
    capture the town").

    A refusal ("would not provide support", "refused to meet") is a deed of its own, CAMEO's
    root 12, so it is not negated; "did not accuse" keeps its code and is negated; a refusal of a deed
    whose root has no rejection code ("refused to condemn") keeps its code, negated.
    A conditioned deed is a threat from the conflict roots ("will impose sanctions if Iran attacks": 13x)
    and an intention below them ("will withdraw unless ...": 03x); the condition itself keeps its code.
    """
    root = pattern.code[:2]
    intent, threat, refusal = patterns.intent_codes.get(root, (None, None, None))
    if kind == "schedule":  # "will meet": a meeting that will be held is agreed (roots.tsv future_intent)
        kind = "intent" if root in patterns.future_intent_roots else "future"
    if kind == "denial" and patterns.modality.get((pattern.lemma, pattern.pos)) != "denial":
        # "denied providing sanctuary to the rebels": the actor says the deed was not done; kept, negated. A
        # pattern of the denial word itself ("denies attacking": 016, deny responsibility) is its own deed.
        return pattern.code, True, False
    if kind == "denial":
        kind = None
    if kind == "failure":
        # "failed to reach an agreement" is no agreement: where CAMEO has a rejection for the root, the parties
        # rejected it (12x, as "refused to" is); a failed deed of any other root is no event.
        return (refusal, negated, False) if refusal and not negated else None
    if (kind == "refusal" or negated and kind in {"intent", "future", "conditional"}) and refusal:
        return refusal, False, False
    hypothetical = kind is not None
    if kind == "refusal":
        return pattern.code, True, hypothetical
    if kind == "conditional":
        if root in CONFLICT_ROOTS and threat:
            return threat, negated, True
        return (intent or pattern.code), negated, True
    if kind == "intent" and intent:
        return intent, negated, hypothetical
    if kind == "threat" and threat:
        return threat, negated, hypothetical
    return pattern.code, negated, hypothetical
