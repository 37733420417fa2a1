"""Find coded events in a parsed document: a pattern's trigger, its frame (negation, intent) and its code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import PlaceCountry, TokenMention
from eventwire.events.arguments import (
    OBJECTS,
    SUBJECTS,
    MentionLookup,
    as_actor,
    is_passive,
    misread_gerund,
    modifier_sources,
    passive_agent,
    place_of,
    place_targets,
    slot_nouns,
    subject_tokens,
    target_tokens,
)
from eventwire.knowledge.patterns import Pattern, Patterns
from eventwire.knowledge.words import word_list
from eventwire.records import ActorMention

NEGATION_ADVERBS = word_list("negation_adverbs")  # data/words/negation_adverbs.tsv
# Sectors that speak for their state: a state saying its own forces struck is no accusation.
STATE_SECTORS = {None, "GOV", "MIL", "SPY", "COP", "JUD", "LEG"}


@dataclass(frozen=True)
class EventCandidate:
    """A coded event before it is dated, placed and turned into a record."""

    trigger_i: int
    trigger_end_i: int
    source: TokenMention
    target: TokenMention | None  # None: a one-sided deed ("thousands protested"), see ``one_sided`` in roots.tsv
    code: str
    negated: bool
    hypothetical: bool
    confidence: float
    pattern: Pattern
    reports: bool = False  # a speaker's accusation read off a reported deed ("Ukraine said Russia shelled")


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
    object predicate. ("called Prime Minister Pashinyan" is parsed with the name as object alone.)"""
    deps = {c.dep_ for c in tok.children}
    return "dobj" in deps and "oprd" in deps


def complement_of(tok: Token, lemma: str) -> Token | None:
    """The xcomp or object headed by ``lemma`` ("agreed to meet", "imposed sanctions"), or an object
    it modifies ("fired artillery shells", "restored diplomatic ties")."""
    for c in tok.children:
        # A passive subject too: "evidence was presented by the US", "sanctions were imposed by the EU".
        if c.dep_ in {"xcomp", "dobj", "ccomp", "nsubjpass"} and lemma in {c.lemma_.lower(), plural_of(c)}:
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


def consumed_tokens(doc: Doc, tok: Token, pattern: Pattern, anchor: Token) -> set[int]:
    """Tokens whose own events this one already covers: its complement and purpose clauses."""
    gone = {anchor.i} if anchor is not tok else set()
    for node in (tok, anchor):
        for c in node.children:
            # "gave permission to Russia to help Israel": a to-clause on the complement noun (acl) too.
            clauses = {"xcomp", "advcl", "ccomp"} | ({"acl"} if node is anchor is not tok else set())
            if c.dep_ in clauses and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                gone.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and c.lower_ == "of":
                gone.update(t.i for g in c.children if g.dep_ == "pcomp" for t in g.subtree)
    if anchor is not tok:
        gone.update(t.i for c in anchor.children if c.dep_ in {"xcomp", "advcl"} for t in c.subtree)
    return gone


def find_events(
    doc: Doc, mentions: Sequence[TokenMention], patterns: Patterns, place_country: PlaceCountry | None = None
) -> list[EventCandidate]:
    """Every pattern-coded event with a resolved source and target, in text order, each once.

    ``place_country`` gives the country of a place the knowledge base does not name ("exercises in
    Alaska"), for events whose target may be the place they happen in."""
    lookup = MentionLookup(mentions)
    consumed: set[int] = set()
    found: list[EventCandidate] = []
    if patterns.story_discards and any(phrase in doc.text.lower() for phrase in patterns.story_discards):
        return []
    discarded = discarded_tokens(doc, patterns.discards) if patterns.discards else set()
    for tok in doc:
        if tok.i in consumed or tok.i in discarded or tok.pos_ not in {"VERB", "NOUN", "PROPN", "ADJ"}:
            continue
        one_sided_fallback: tuple[list[EventCandidate], set[int]] | None = None
        for pattern in trigger_patterns(tok, patterns):
            anchor = matches(tok, pattern)
            if anchor is None or (pattern.pos == "NOUN" and in_since_phrase(tok)):
                continue
            events = code_trigger(doc, tok, anchor, pattern, lookup, patterns, place_country)
            if events and all(e.target is None for e in events):
                # A later pattern may still find the target ("protested outside the embassy").
                one_sided_fallback = one_sided_fallback or (events, consumed_tokens(doc, tok, pattern, anchor))
                continue
            if events:
                consumed |= consumed_tokens(doc, tok, pattern, anchor)
                found.extend(events)
                break
        else:
            if one_sided_fallback is not None:
                found.extend(one_sided_fallback[0])
                consumed |= one_sided_fallback[1]
    found.extend(reported_accusations(doc, found, lookup, patterns))
    unique = {(e.trigger_i, e.source.start_i, e.target.start_i if e.target else -1, e.code): e for e in found}
    return list(unique.values())


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


def code_trigger(
    doc: Doc, tok: Token, anchor: Token, pattern: Pattern, lookup: MentionLookup, patterns: Patterns,
    place_country: PlaceCountry | None = None,
) -> list[EventCandidate]:
    if pattern.source:
        own = [as_military(m) if pattern.source == "military" else m for m in modifier_sources(tok, lookup)]
    else:
        if pattern.pos == "NOUN":
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            subjects = [owner] if owner is not None else (subject_tokens(tok.head) if tok.dep_ in OBJECTS else [])
        else:
            subjects = subject_tokens(tok)
        own = [m for m in (lookup.for_phrase(s, owners=True) for s in subjects) if m is not None]
    sources = lookup.expand(own, doc, places=False)
    means = None
    if not sources and pattern.code[:2] in patterns.origin_roots:
        sources = origin_sources(tok, lookup, place_country)
        means = None if sources else means_attack(tok, lookup, patterns)
        if means is not None:
            # The deed is the attack's: its author, and (below) its target unless the victims name one.
            attack = code_trigger(doc, means[0], means[0], means[1], lookup, patterns, place_country)
            sources = list({id(e.source): e.source for e in attack}.values())
    targets_tok = target_tokens(tok, anchor, pattern, lookup)
    # A capital in a slot of the verb is an actor ("bombed Kyiv", "hit back at Moscow"): the verb's
    # argument structure is stronger evidence than the preposition that made it read as a place.
    targets = list(dict.fromkeys(m for m in (lookup.for_phrase(t, owners=True, places=True) for t in targets_tok) if m))
    targets = [as_actor(m) for m in lookup.expand(targets, doc, places=True)]
    negated, kind = modality_of(anchor if anchor.dep_ == "xcomp" else tok, patterns)
    negated = negated and not pattern.negation  # a negation pattern's code already says it
    code, negated, hypothetical = code_for(pattern, kind, negated, patterns)
    if not targets and means is not None:
        targets = [e.target for e in attack if e.target is not None][:1]
    if not targets and pattern.code[:2] in patterns.object_place_roots and means is None:
        # "inspected the refineries in Iran": a thing in a place stands for the place's country.
        targets = next((placed for noun in slot_nouns(tok, anchor, pattern)
                        if (placed := place_targets(noun, lookup, place_country))), [])
    if not targets and pattern.code[:2] in patterns.place_target_roots and place_country is not None and means is None:
        # "shelled Kharkiv", "air strikes on Gaza": a slot holding a place the knowledge base does not name.
        targets = [slot_place for noun in slot_nouns(tok, anchor, pattern)
                   if (slot_place := place_of(noun, lookup, place_country)) is not None][:1]
    if not targets and pattern.code[:2] in patterns.place_target_roots and means is None:
        targets = place_targets(tok, lookup, place_country) or (
            place_targets(anchor, lookup, place_country) if anchor is not tok else [])
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
    if pattern.reverse_code and code == pattern.code:  # "refused to meet X" is no meeting of X's
        found += [EventCandidate(tok.i, end, t, s, pattern.reverse_code, negated, hypothetical, confidence, pattern)
                  for s, t in pairs]
    # "Thousands protested on Sunday": no target of any kind, and the deed needs none.
    if not found and not targets and one_sided(pattern) and (
            pattern.targets[0].startswith("prep:") or slot_nouns(tok, anchor, pattern)
            or is_passive(tok)):
        # An object slot must hold something ("released the prisoners", or be passive: "were released by"):
        # "soldiers returned home" is no return of anyone; a prepositional target is optional ("protested").
        found = [EventCandidate(tok.i, end, s, None, code, negated, hypothetical, confidence, pattern)
                 for s in sources]
    return found


def one_sided(pattern: Pattern) -> bool:
    """Whether the deed may be coded with no target: the pattern says so (``one_sided`` in verbs.tsv: a
    protest, a release of prisoners, aid sent), and it neither pairs its subjects ("A and B met") nor reads
    its source off the target slot."""
    return pattern.one_sided and not pattern.reciprocal and not pattern.inverse


def origin_sources(tok: Token, lookup: MentionLookup, place_country: PlaceCountry | None) -> list[TokenMention]:
    """'A mortar bomb was fired at Israel from the Gaza Strip': an agentless passive deed's source is the
    country it came from."""
    if passive_agent(tok) is not None or not any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        return []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for obj in (g for g in c.children if g.dep_ == "pobj"):
                found = place_of(obj, lookup, place_country)
                if found is not None:
                    return [found]
    return []


def means_attack(tok: Token, lookup: MentionLookup, patterns: Patterns) -> tuple[Token, Pattern] | None:
    """'Four people were killed in Israeli tank shelling': the nominal attack (with its pattern) an agentless
    passive deed was done in, when that attack's own phrase names its author."""
    if passive_agent(tok) is not None or not any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        return None
    objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "during"}
               for g in c.children if g.dep_ in {"pobj", "pcomp"}]
    # "killed in Israeli tank shelling": the parser may hang the misread gerund on the verb itself.
    objects += [c for c in tok.children if c.pos_ == "VERB" and misread_gerund(c) and c.i > 1
                and c.doc[c.i - 1].head.lower_ in {"in", "during"}]
    for obj in objects:
        noun = obj.pos_ != "VERB"
        for pattern in trigger_patterns(obj, patterns):
            if (pattern.source and (pattern.pos == "NOUN") and (not noun or matches(obj, pattern) is not None)
                    and modifier_sources(obj, lookup)):
                return obj, pattern
    return None


def as_military(m: TokenMention) -> TokenMention:
    """'Russian air strikes': a bare country doing a military deed is its military, as 'Russian forces' is."""
    actor = m.mention
    if actor.kind != "country" or not actor.country:
        return m
    military = replace(actor, id=f"{actor.country.lower()}-military", name=f"military of {actor.name}",
                       code=f"{actor.country}MIL", sector="MIL", kind="role")
    return replace(m, mention=military)


def reported_accusations(
    doc: Doc, found: Sequence[EventCandidate], lookup: MentionLookup, patterns: Patterns
) -> list[EventCandidate]:
    """'Ukraine said Russia shelled Kharkiv': a speaker who reports a hostile deed of another actor
    accuses it (CAMEO 112, or the root's ``report_code``). The deed keeps its own event, if coded.

    Only a past or present deed told in the complement clause of a speech verb counts; not a future
    or negated one ("said Russia would attack" warns), not one the speaker's own state did, not what
    a news outlet reports, and not where the speech verb already codes an accusation ("alleged that")."""
    accusing = {e.trigger_i for e in found if e.code.startswith("11")}
    out: list[EventCandidate] = []
    for tok in doc:
        head = tok.head
        if (tok.dep_ != "ccomp" or head.i in accusing or is_negated(head)
                or patterns.modality.get((head.lemma_.lower(), "VERB")) != "speech"):
            continue
        pattern = reported_pattern(tok, patterns)
        if pattern is None:
            continue
        verb = tok
        negated, kind = modality_of(verb, patterns)
        if negated or kind is not None:
            continue
        speakers = [m for m in (lookup.for_phrase(s, owners=True) for s in subject_tokens(head)) if m is not None]
        doers = [m for m in (lookup.for_phrase(s, owners=True) for s in subject_tokens(tok)) if m is not None]
        # "Israel said a mortar bomb was fired at it from Gaza": the deed's source came from where it was fired.
        doers = doers or [e.source for e in found if e.trigger_i == tok.i and e.source.mention.kind == "place"]
        report = Pattern(head.lemma_.lower(), "VERB", None, verb.lemma_.lower(), None, ("clause_subject",),
                         patterns.report_codes[pattern.code[:2]], False, "")
        for s in lookup.expand(speakers, doc, places=False):
            for d in lookup.expand(doers, doc, places=False):
                if accuses(s.mention, d.mention):
                    out.append(EventCandidate(head.i, head.i + 1, s, d, report.code, False, False, 0.6, report,
                                              reports=True))
    return out


def reported_pattern(verb: Token, patterns: Patterns) -> Pattern | None:
    """The first pattern the reported verb matches, when its root is one a report accuses by and the
    deed has a victim in one of its slots ("attacked Iraq", "attacked themselves")."""
    for pattern in patterns.for_token(patterns.lemma_of(verb.lower_, verb.lemma_.lower()), verb.pos_):
        anchor = matches(verb, pattern)
        if anchor is None:
            continue
        if pattern.code[:2] not in patterns.report_codes or not slot_nouns(verb, anchor, pattern, pronouns=True):
            return None
        return pattern
    return None


def accuses(speaker: ActorMention, doer: ActorMention) -> bool:
    if speaker.id == doer.id or speaker.code == doer.code or speaker.sector == "MED":
        return False
    same_state = speaker.country is not None and speaker.country == doer.country
    return not (same_state and speaker.sector in STATE_SECTORS and doer.sector in STATE_SECTORS)
