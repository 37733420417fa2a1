"""Which patterns a token triggers: the pattern's constraints (negation, particle, complement, preposition), the
deeds that are background ("since the invasion"), and the sentences a discard phrase rules out."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.events.clauses import is_passive, misread_gerund, to_infinitive
from eventwire.events.frame import is_negated
from eventwire.events.predicates import judged_object
from eventwire.knowledge.patterns import Pattern, Patterns


def matches(tok: Token, pattern: Pattern) -> Token | None:
    """``tok`` itself (or its complement) when it satisfies the pattern's constraints, else None."""
    children = list(tok.children)
    if pattern.negation and not is_negated(tok):
        return None
    if pattern.particle and not any(c.lower_ == pattern.particle and c.dep_ in {"prt", "advmod"} for c in children):
        return None
    if pattern.pos == "NOUN" and pattern.complement:
        # A noun's complement is a compound it must have ("air strike", "drone strike"); the noun anchors.
        if not any(c.dep_ == "compound" and c.lemma_.lower() == pattern.complement for c in children):
            return None
        anchor: Token | None = tok
    else:
        anchor = complement_of(tok, pattern.complement) if pattern.complement else tok
    if anchor is None:
        return None
    if not pattern.complement and predicative(tok):
        return None  # "calling him a political idiot" says what he is: no call, no deed done to him
    # The preposition may hang on the verb or on its complement ("received assistance from France").
    if pattern.prep and not any(prep_matches(c, pattern.prep) for c in (*children, *anchor.children)):
        return None
    return anchor


def in_since_phrase(tok: Token) -> bool:
    """A nominal deed named as the start of a span of time ("prices have risen since the Russian invasion of
    Ukraine", "since the start of the offensive") is background, not news of the day; coded, it would be dated
    by the article."""
    node = tok
    for _ in range(4):
        head = node.head
        if head is node:
            return False
        if head.lower_ == "since" and node.dep_ in {"pobj", "pcomp"}:
            return True
        if node.dep_ not in {"pobj", "prep", "compound", "nmod", "poss"} and head.pos_ not in {"NOUN", "ADP"}:
            return False
        node = head
    return False


def predicative(tok: Token) -> bool:
    """A verb that says what its object is ("called him an idiot", "named Lavrov envoy"): an object and an
    object predicate, or a judgment however parsed ("called Russia's actions unacceptable", events/predicates.py).
    ("called Prime Minister Pashinyan" is parsed with the name as object alone.)"""
    deps = {c.dep_ for c in tok.children}
    return "dobj" in deps and "oprd" in deps or judged_object(tok) is not None


def complement_of(tok: Token, lemma: str) -> Token | None:
    """The xcomp, purpose clause or object headed by ``lemma`` ("agreed to meet", "called him to congratulate",
    "imposed sanctions"), or an object
    it modifies ("fired artillery shells", "restored diplomatic ties"); ``*`` is any direct object ("returned
    the sculpture to Greece": something returned, not "returned to Greece")."""
    if lemma == "*":  # a passive subject too: "the sculpture was returned by Italy to Greece"
        return next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    for c in tok.children:
        # A passive subject too: "evidence was presented by the US", "sanctions were imposed by the EU".
        if c.dep_ in {"xcomp", "dobj", "ccomp", "nsubjpass"} and lemma in {c.lemma_.lower(), plural_of(c)}:
            return c
    for c in tok.children:
        # A purpose clause: "called Macron to congratulate him" names what the call was for.
        if c.dep_ == "advcl" and c.lemma_.lower() == lemma and to_infinitive(c):
            return c
    for c in tok.children:
        # "fired mortar bombs", "a mortar bomb was fired".
        if c.dep_ in {"dobj", "nsubjpass"} and any(g.dep_ in {"compound", "amod"} and g.lemma_.lower() == lemma
                                                  for g in c.children):
            return c
    # "The hostages were held for a month and released by Hamas": a passive conjunct with no subject of its
    # own shares its first conjunct's, which is what it was done to.
    if tok.dep_ == "conj" and is_passive(tok) and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        shared = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if shared is not None and lemma in {shared.lemma_.lower(), plural_of(shared)}:
            return shared
    return None


def plural_of(tok: Token) -> str | None:
    """'Rockets were launched': a capitalised plural the tagger took for a proper noun keeps its form as lemma."""
    return tok.lower_[:-1] if tok.tag_ == "NNPS" and tok.lower_.endswith("s") else None


def prep_matches(child: Token, prep: str) -> bool:
    """``prep`` is a preposition ("on"), or one with the lemmas its object must have ("in=firefight|battle")."""
    word, _, objects = prep.partition("=")
    # spaCy often reads a preposition right after the verb as a particle ("clash over the efforts").
    if child.dep_ not in {"prep", "dative", "prt"} or child.lower_ != word:
        return False
    return not objects or any(g.dep_ == "pobj" and g.lemma_.lower() in objects.split("|") for g in child.children)


def trigger_patterns(tok: Token, patterns: Patterns) -> tuple[Pattern, ...]:
    """The patterns a token may trigger; a gerund misread as a verb ("killed in Israeli shelling") also
    tries its noun's."""
    found = patterns.for_token(patterns.lemma_of(tok.lower_, tok.lemma_.lower()), tok.pos_)
    if tok.pos_ == "VERB" and misread_gerund(tok):
        found = (*found, *(p for p in patterns.for_token(tok.lower_, "NOUN") if p.source))
    return found


def discarded_tokens(doc: Doc, phrases: Sequence[str]) -> set[int]:
    """Tokens of the sentences that hold a discard phrase (PETRARCH's sentence-level discards)."""
    return {tok.i for sent in doc.sents if any(p in sent.text.lower() for p in phrases) for tok in sent}


def trigger_end(tok: Token, pattern: Pattern) -> int:
    parts = [c.i for c in tok.children if pattern.particle and c.lower_ == pattern.particle]
    return max([tok.i, *parts]) + 1
