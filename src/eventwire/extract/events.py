"""Find coded events in a parsed document: trigger, source and target from the dependency parse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from eventwire.extract.patterns import Pattern, Patterns
from eventwire.resolve.actors import TokenMention

SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "obj", "oprd"}  # spaCy reads "called Prime Minister X" as oprd
NEGATIONS = {"not", "n't", "never", "no"}
# Clauses whose missing subject is the governing verb's subject ("agreed to meet", "after meeting").
CONTROLLED = {"xcomp", "advcl", "pcomp", "conj"}
# Prepositions whose gerund takes the governing verb's object as subject ("blasted Yerevan for criticizing").
OBJECT_CONTROL_PREPS = {"for", "of"}
# Prepositions by which an object noun names the parties to it ("talks between A and B").
PARTY_PREPS = {"between", "with", "against", "toward", "towards"}


@dataclass(frozen=True)
class EventCandidate:
    """A coded event before it is dated, placed and turned into a record."""

    trigger_i: int
    trigger_end_i: int
    source: TokenMention
    target: TokenMention
    code: str
    negated: bool
    hypothetical: bool
    confidence: float
    pattern: Pattern


class MentionLookup:
    """Which actor mention a token stands for."""

    def __init__(self, mentions: Sequence[TokenMention]) -> None:
        self.by_token: dict[int, list[TokenMention]] = {}
        for m in mentions:
            for i in range(m.start_i, m.end_i):
                self.by_token.setdefault(i, []).append(m)

    def at(self, tok: Token, places: bool = False) -> TokenMention | None:
        """The mention at ``tok``; a capital read as a place only when ``places`` (a slot wants an actor)."""
        found = [m for m in self.by_token.get(tok.i, []) if places or m.mention.kind != "place"]
        return next((m for m in found if m.head_i == tok.i), found[0] if found else None)

    def for_phrase(self, tok: Token, owners: bool, places: bool = False) -> TokenMention | None:
        """The mention a noun phrase headed by ``tok`` refers to; with ``owners``, also 'Lavrov's comments'."""
        direct = self.at(tok, places)
        if direct is not None:
            return direct
        # "Syrian President Bashar Assad Tuesday": a name the parser hung on a neighbouring noun.
        for child in sorted(tok.children, key=lambda c: -c.i):
            if child.dep_ == "appos" or (child.dep_ == "compound" and child.i > tok.i - 4):
                m = self.at(child, places)
                if m is not None:
                    return m
        if owners:
            for child in tok.children:
                if child.dep_ == "poss":
                    return self.at(child)
        return None

    def expand(self, mentions: Sequence[TokenMention], doc: Doc, places: bool) -> list[TokenMention]:
        """The mentions plus those conjoined to their head tokens, each once, in order."""
        out = list(dict.fromkeys(mentions))
        for m in list(out):
            # Conjuncts of the head, and of a word inside the mention ("ambassadors of A, B and C").
            for tok in dict.fromkeys([doc[m.head_i], *doc[m.start_i : m.end_i]]):
                # "The US, Russia, and Switzerland met": the parser may read a list as an apposition.
                listed = [a for a in tok.children if a.dep_ == "appos"
                          and (other := self.at(a)) is not None and other.mention.kind == m.mention.kind == "country"]
                for conj in [*tok.conjuncts, *listed, *(c for a in listed for c in a.conjuncts)]:
                    other = self.for_phrase(conj, owners=False, places=places)
                    if other is not None and other not in out:
                        out.append(other)
        return out


def with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts] if tok.dep_ != "conj" else [tok]


def matches(tok: Token, pattern: Pattern) -> Token | None:
    """``tok`` itself (or its complement) when it satisfies the pattern's constraints, else None."""
    children = list(tok.children)
    if pattern.negation and not is_negated(tok):
        return None
    if pattern.particle and not any(c.lower_ == pattern.particle and c.dep_ in {"prt", "advmod"} for c in children):
        return None
    anchor = complement_of(tok, pattern.complement) if pattern.complement else tok
    if anchor is None:
        return None
    # The preposition may hang on the verb or on its complement ("received assistance from France").
    if pattern.prep and not any(prep_matches(c, pattern.prep) for c in (*children, *anchor.children)):
        return None
    return anchor


def complement_of(tok: Token, lemma: str) -> Token | None:
    """The xcomp or object headed by ``lemma`` ("agreed to meet", "imposed sanctions"), or an object
    it modifies ("fired artillery shells", "restored diplomatic ties")."""
    for c in tok.children:
        if c.dep_ in {"xcomp", "dobj", "ccomp"} and c.lemma_.lower() == lemma:
            return c
    for c in tok.children:
        if c.dep_ == "dobj" and any(g.dep_ in {"compound", "amod"} and g.lemma_.lower() == lemma for g in c.children):
            return c
    return None


def prep_matches(child: Token, prep: str) -> bool:
    """``prep`` is a preposition ("on"), or one with the lemmas its object must have ("in=firefight|battle")."""
    word, _, objects = prep.partition("=")
    # spaCy often reads a preposition right after the verb as a particle ("clash over the efforts").
    if child.dep_ not in {"prep", "dative", "prt"} or child.lower_ != word:
        return False
    return not objects or any(g.dep_ == "pobj" and g.lemma_.lower() in objects.split("|") for g in child.children)


def subject_tokens(tok: Token) -> list[Token]:
    """Subject of ``tok``'s clause, inherited through control and gerund complements."""
    node = tok
    for _ in range(6):
        # Up the tree a passive subject is the subject too ("Obama is scheduled to attend").
        deps = SUBJECTS if node is tok else SUBJECTS | {"nsubjpass"}
        subj = next((c for c in node.children if c.dep_ in deps), None)
        if subj is not None:
            return with_conjuncts(subj)
        agent = passive_agent(node)
        if agent is not None:
            return with_conjuncts(agent)
        head = node.head
        if head is node:
            return []
        if node.dep_ == "pcomp" and head.lower_ in OBJECT_CONTROL_PREPS:
            obj = next((c for c in head.head.children if c.dep_ in OBJECTS), None)
            if obj is not None:
                return with_conjuncts(obj)
        if node.dep_ == "relcl":
            return [head]
        if node.dep_ == "acl" and head.pos_ == "NOUN":
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


def passive_agent(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def target_tokens(tok: Token, anchor: Token, pattern: Pattern, lookup: MentionLookup) -> list[Token]:
    """Target of the event per the pattern's ordered target list, looked for on ``anchor`` then ``tok``."""
    passive_subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if passive_subj is not None and passive_agent(tok) is not None:
        if lookup.for_phrase(passive_subj, owners=True) is not None:
            return with_conjuncts(passive_subj)
        return between_objects(passive_subj)
    for how in pattern.targets:
        for node in dict.fromkeys((anchor, tok)):
            found = targets_by(node, how, lookup)
            # A slot whose words name no actor ("responsibility for the attack") lets the next one try.
            if any(lookup.for_phrase(t, owners=True, places=True) for t in found):
                return found
    return []


def targets_by(node: Token, how: str, lookup: MentionLookup) -> list[Token]:
    if how in {"dobj", "dative"}:
        deps = OBJECTS if how == "dobj" else {"dative", "iobj"}
        for c in node.children:
            if c.dep_ in deps:
                if lookup.for_phrase(c, owners=True, places=True) is not None:
                    return with_conjuncts(c)
                return between_objects(c)
        return []
    if how.startswith("prep:"):
        # On the trigger, else on its object ("agreed to hold talks with France").
        word = how.split(":", 1)[1]
        objects = [c for c in node.children if c.dep_ in OBJECTS]
        for owner in (node, *objects):
            for c in owner.children:
                if c.dep_ in {"prep", "dative"} and c.lower_ == word:
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    return with_conjuncts(objs[0]) if objs else []
        return []
    if how == "subtree":
        return [t for t in node.subtree if t.i > node.i and lookup.at(t) is not None][:1]
    return []


def between_objects(noun: Token, depth: int = 2) -> list[Token]:
    """'peace negotiations between Armenia and Azerbaijan', 'evidence against Russia', and one 'of'
    deeper: 'a resumption of ties with Spain'. The parties named by an object noun."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in PARTY_PREPS:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return with_conjuncts(objs[0])
    if depth > 1:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ == "NOUN":
                        return between_objects(g, depth - 1)
    return []


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ == "advmod" for c in tok.children)


def modality_of(tok: Token, patterns: Patterns) -> tuple[bool, str | None]:
    """(negated, kind) where kind is intent | threat | future | None, from the trigger's governors."""
    negated = is_negated(tok)
    kind = None
    for c in tok.children:
        if c.dep_ == "aux":
            kind = patterns.modality.get((c.lower_, "AUX")) or kind
    node = tok
    for _ in range(3):
        if node.dep_ not in {"xcomp", "acl", "ccomp"} or node.head is node:
            break
        head = node.head
        pos = "NOUN" if head.pos_ in {"NOUN", "PROPN"} else "ADJ" if head.pos_ == "ADJ" else "VERB"
        found = patterns.modality.get((head.lemma_.lower(), pos))
        if found == "speech":
            # "Israel announced it would free prisoners": a future told by its actor is an intention.
            if kind == "future" and node.dep_ == "ccomp":
                kind = "intent"
            break
        if found is None:
            break
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


def consumed_tokens(doc: Doc, tok: Token, pattern: Pattern, anchor: Token) -> set[int]:
    """Tokens whose own events this one already covers: its complement and purpose clauses."""
    gone = {anchor.i} if anchor is not tok else set()
    for node in (tok, anchor):
        for c in node.children:
            if c.dep_ in {"xcomp", "advcl"} and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                gone.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and c.lower_ == "of":
                gone.update(t.i for g in c.children if g.dep_ == "pcomp" for t in g.subtree)
    if anchor is not tok:
        gone.update(t.i for c in anchor.children if c.dep_ in {"xcomp", "advcl"} for t in c.subtree)
    return gone


def find_events(doc: Doc, mentions: Sequence[TokenMention], patterns: Patterns) -> list[EventCandidate]:
    """Every pattern-coded event with a resolved source and target, in text order, each once."""
    lookup = MentionLookup(mentions)
    consumed: set[int] = set()
    found: list[EventCandidate] = []
    if patterns.story_discards and any(phrase in doc.text.lower() for phrase in patterns.story_discards):
        return []
    discarded = discarded_tokens(doc, patterns.discards) if patterns.discards else set()
    for tok in doc:
        if tok.i in consumed or tok.i in discarded or tok.pos_ not in {"VERB", "NOUN", "PROPN", "ADJ"}:
            continue
        for pattern in patterns.for_token(patterns.lemma_of(tok.lower_, tok.lemma_.lower()), tok.pos_):
            anchor = matches(tok, pattern)
            if anchor is None:
                continue
            events = code_trigger(doc, tok, anchor, pattern, lookup, patterns)
            if events:
                consumed |= consumed_tokens(doc, tok, pattern, anchor)
                found.extend(events)
                break
    unique = {(e.trigger_i, e.source.start_i, e.target.start_i, e.code): e for e in found}
    return list(unique.values())


def place_targets(tok: Token, lookup: MentionLookup) -> list[TokenMention]:
    """'protested in Beijing': the country of a place named by a locative phrase on the trigger."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "at", "inside"}:
            for obj in (g for g in c.children if g.dep_ == "pobj"):
                m = lookup.for_phrase(obj, owners=False, places=True)
                if m is not None and m.mention.country:
                    code = m.mention.country
                    mention = replace(m.mention, code=code, sector=None, role=None, kind="place")
                    return [replace(m, mention=mention)]
    return []


def as_actor(m: TokenMention) -> TokenMention:
    """A capital taken by an actor slot stands for its government."""
    if m.mention.kind != "place":
        return m
    return replace(m, mention=replace(m.mention, kind="metonym"))


def discarded_tokens(doc: Doc, phrases: Sequence[str]) -> set[int]:
    """Tokens of the sentences that hold a discard phrase (PETRARCH's sentence-level discards)."""
    return {tok.i for sent in doc.sents if any(p in sent.text.lower() for p in phrases) for tok in sent}


def trigger_end(tok: Token, pattern: Pattern) -> int:
    parts = [c.i for c in tok.children if pattern.particle and c.lower_ == pattern.particle]
    return max([tok.i, *parts]) + 1


def code_trigger(
    doc: Doc, tok: Token, anchor: Token, pattern: Pattern, lookup: MentionLookup, patterns: Patterns
) -> list[EventCandidate]:
    if pattern.pos == "NOUN":
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        subjects = [owner] if owner is not None else (subject_tokens(tok.head) if tok.dep_ in OBJECTS else [])
    else:
        subjects = subject_tokens(tok)
    sources = lookup.expand([m for m in (lookup.for_phrase(s, owners=True) for s in subjects) if m is not None],
                            doc, places=False)
    targets_tok = target_tokens(tok, anchor, pattern, lookup)
    # A capital in a slot of the verb is an actor ("bombed Kyiv", "hit back at Moscow"): the verb's
    # argument structure is stronger evidence than the preposition that made it read as a place.
    targets = list(dict.fromkeys(m for m in (lookup.for_phrase(t, owners=True, places=True) for t in targets_tok) if m))
    targets = [as_actor(m) for m in lookup.expand(targets, doc, places=True)]
    negated, kind = modality_of(anchor if anchor.dep_ == "xcomp" else tok, patterns)
    negated = negated and not pattern.negation  # a negation pattern's code already says it
    code, negated, hypothetical = code_for(pattern, kind, negated, patterns)
    if not targets and pattern.code[:2] in patterns.place_target_roots:
        targets = place_targets(tok, lookup)
    pairs: list[tuple[TokenMention, TokenMention]] = []
    if targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif pattern.reciprocal and len(sources) > 1:
        pairs = [(s, t) for s in sources for t in sources]
    inherited = not any(c.dep_ in SUBJECTS for c in tok.children)
    confidence = 0.6 if inherited or "subtree" in pattern.targets else 0.8
    end = trigger_end(tok, pattern)
    if pattern.inverse:  # "received weapons from X": the prepositional object is the source
        pairs = [(t, s) for s, t in pairs]
    pairs = [(s, t) for s, t in pairs if s.mention.id != t.mention.id and s.mention.code != t.mention.code]
    found = [EventCandidate(tok.i, end, s, t, code, negated, hypothetical, confidence, pattern) for s, t in pairs]
    if pattern.reverse_code:
        found += [EventCandidate(tok.i, end, t, s, pattern.reverse_code, negated, hypothetical, confidence, pattern)
                  for s, t in pairs]
    return found
