"""What a verb says its object is: "called the strikes unacceptable", "described the vote as illegal". A verb
that passes a judgment (``judging_verbs`` with a ``judgments`` word as predicate) codes the judgment, never
its own sense ("called" is no phone call)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.clauses import OBJECTS
from eventwire.knowledge.words import word_list, word_map

JUDGING_VERBS = word_list("judging_verbs")  # data/words/judging_verbs.tsv
JUDGMENTS = word_map("judgments")  # data/words/judgments.tsv: word -> CAMEO code
PREDICATE_DEPS = {"oprd", "ccomp", "xcomp", "acomp", "advcl"}


def judged_object(verb: Token) -> Token | None:
    """The object a judging verb passes a judgment on, when it has one."""
    found = judgment_of(verb)
    return found[0] if found else None


def judgment_of(verb: Token) -> tuple[Token, Token, str] | None:
    """(object, judgment word, CAMEO code) of "called the strikes unacceptable", else None.

    The parser reads the predicate many ways: an object predicate ("unacceptable/oprd"), a clause, an adjective
    after its noun ("actions unacceptable/amod"), the object of the noun's last preposition ("strikes on Gaza
    unacceptable/pobj"), or an "as" phrase ("described it as illegal"). Each counts when the judgment word ends
    the object's phrase or stands in the predicate's slot."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in JUDGING_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ in OBJECTS - {"oprd"}), None)
    if obj is None or obj.lower_ in {"it", "this", "that"}:
        return None  # "calling it dangerous": "it" is most often the deed, which coreference does not resolve
    candidates = [c for c in verb.children if c.dep_ in PREDICATE_DEPS and c.i > obj.i]
    candidates += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                   for g in c.children if g.dep_ in {"pobj", "amod", "acomp"}]
    tail = [t for t in obj.subtree if not t.is_punct]
    if tail and tail[-1].i > obj.i and tail[-1].pos_ in {"ADJ", "NOUN"}:
        candidates.append(tail[-1])  # "called Russia's actions unacceptable": the adjective after its noun
    for word in candidates:
        # "an act of aggression", "a violation of international law": the noun or what it is of.
        heads = [word, *(g for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj")]
        for head in heads:
            code = JUDGMENTS.get(head.lemma_.lower()) or JUDGMENTS.get(head.lower_)
            if code:
                return obj, head, code
    return None
