"""Find coded events in a parsed document: a pattern's trigger, its frame (negation, intent) and its code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import PlaceCountry, TokenMention
from eventwire.events.background import told_as_background
from eventwire.events.candidate import EventCandidate
from eventwire.events.clauses import OBJECTS, SUBJECTS, is_passive, to_infinitive
from eventwire.events.culpability import culpability_events
from eventwire.events.frame import code_for, modality_of
from eventwire.events.lists import (
    MAX_CONJUNCTS,
    MAX_EVENTS_PER_SENTENCE,
    MAX_EVENTS_PER_TRIGGER,
    distinct,
    party_pairs,
    same_state,
    speaker_events,
)
from eventwire.events.locative import place_of, place_targets
from eventwire.events.mentions import MentionLookup, as_actor, uncoded
from eventwire.events.obligations import obligation_events
from eventwire.events.parties import party_sources, party_targets
from eventwire.events.predicates import judgment_of
from eventwire.events.reports import reported_accusations
from eventwire.events.sources import (
    SEAT_PREPS,
    as_military,
    means_attack,
    means_authors,
    modifier_sources,
    origin_sources,
)
from eventwire.events.statements import statement_events
from eventwire.events.subjects import subject_tokens
from eventwire.events.targets import (
    awaited_parties,
    between_objects,
    complement_span,
    conceded_parties,
    force_destinations,
    of_chain,
    own_force,
    slot_nouns,
    target_tokens,
)
from eventwire.events.triggers import discarded_tokens, in_since_phrase, matches, trigger_end, trigger_patterns
from eventwire.knowledge.patterns import Pattern, Patterns
from eventwire.knowledge.words import word_list
from eventwire.nlp.arrays import token_arrays

# Roots of deeds done with a partner (CAMEO 03-09: intent, meetings, diplomatic and material cooperation, aid,
# yielding, investigation): one done on a thing in the actor's own country has no partner in the place.
PARTNER_ROOTS = frozenset(f"{n:02d}" for n in range(3, 10))
YIELD_ROOTS = frozenset({"08"})  # CAMEO 08 Yield: easing, acceding, returning, releasing
SPEECH_SETTING_VERBS = word_list("speech_setting_verbs")  # data/words/speech_setting_verbs.tsv


def speech_setting(tok: Token) -> bool:
    """Whether ``tok`` is a subjectless participle of addressing someone that sets the scene of a statement its
    governing verb reports ("Speaking to reporters in Lima, the minister said the talks had failed"): the
    statement is the event; the speaking is where it was made."""
    head = tok.head
    return (tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.lemma_.lower() in SPEECH_SETTING_VERBS
            and head.i != tok.i and not any(c.dep_ in SUBJECTS | {"mark"} for c in tok.children)
            and any(c.dep_ == "ccomp" for c in head.children))


def find_events(
    doc: Doc, mentions: Sequence[TokenMention], patterns: Patterns, place_country: PlaceCountry | None = None,
    parties: Callable[[], Sequence[TokenMention]] | None = None,
) -> list[EventCandidate]:
    """Every pattern-coded event with a resolved source and target, in text order, each once.

    ``place_country`` gives the country of a place the knowledge base does not name ("exercises in
    Alaska"), for events whose target may be the place they happen in. ``parties`` makes the document's uncoded
    parties (actors/parties.py): a deed whose slots name no coded actor may be done to one ("arrested a woman")."""
    lookup = MentionLookup(mentions, parties)
    consumed: set[int] = set()
    found: list[EventCandidate] = []
    # Events whose target only what was agreed to or refused names, kept unless the complement codes its own deed.
    deferred: list[tuple[list[EventCandidate], set[int]]] = []
    if patterns.story_discards:
        lowered = token_arrays(doc).doc_text.lower()
        if any(phrase in lowered for phrase in patterns.story_discards):
            return []
    discarded = discarded_tokens(doc, patterns.discards) if patterns.discards else set()
    # A complement is some token's lemma (or a plural's form less its "s"): a pattern whose complement is no word
    # of the document cannot match, and the lexicon gives some verbs a hundred complements.
    arrays = token_arrays(doc)
    words = {lemma.lower() for lemma in arrays.lemma} | {lower[:-1] for lower in arrays.lower}
    for i, pos in enumerate(arrays.pos):
        if i in consumed or i in discarded or pos not in {"VERB", "NOUN", "PROPN", "ADJ"}:
            continue
        tok = doc[i]
        if speech_setting(tok):
            continue
        judged = judged_events(doc, tok, lookup, patterns)
        if judged:
            found.extend(judged)
            continue
        found.extend(obligation_events(doc, tok, lookup, patterns))  # "said Israel must end the strikes": a demand
        found.extend(culpability_events(doc, tok, lookup, patterns))  # "said Russia was responsible": an accusation
        one_sided_fallback: tuple[list[EventCandidate], set[int]] | None = None
        for pattern in trigger_patterns(tok, patterns):
            if pattern.complement and pattern.complement != "*" and pattern.complement not in words:
                continue
            anchor = matches(tok, pattern)
            if anchor is None or (pattern.pos == "NOUN" and in_since_phrase(tok)):
                continue
            events = code_trigger(doc, tok, anchor, pattern, lookup, patterns, place_country)
            if events and all(e.target is None or uncoded(e.target) for e in events):
                # A later pattern may still find the target ("protested outside the embassy"), or a coded one where
                # this found only an uncoded party; an uncoded party beats none.
                if one_sided_fallback is None or (any(e.target for e in events)
                                                   and not any(e.target for e in one_sided_fallback[0])):
                    one_sided_fallback = (events, consumed_tokens(doc, tok, pattern, anchor))
                continue
            if events and "complement" in pattern.targets and (span := complement_span(tok)) and all(
                    e.target is not None and e.target.head_i in span for e in events):
                # "agreed to open its borders to Chile": the agreement's target is what the complement names,
                # unless the complement is a deed coded in its own right ("agreed to lift sanctions on Iran").
                deferred.append((events, span))
                break
            if events:
                consumed |= consumed_tokens(doc, tok, pattern, anchor)
                found.extend(events)
                break
        else:
            if one_sided_fallback is not None:
                found.extend(one_sided_fallback[0])
                consumed |= one_sided_fallback[1]
    late = [e for events, span in deferred if not any(f.trigger_i in span for f in found) for e in events]
    if late:
        found = sorted([*found, *late], key=lambda e: e.trigger_i)
    found.extend(reported_accusations(doc, found, lookup, patterns))
    found.extend(statement_events(doc, found, lookup, patterns))  # "Spain said Morocco's plan ...": 010
    return [replace(e, background=told_as_background(doc[e.trigger_i]), source=lookup.by_name(e.source, doc),
                    target=e.target and lookup.by_name(e.target, doc)) for e in one_per_deed(doc, found)]


def one_per_deed(doc: Doc, found: Sequence[EventCandidate]) -> list[EventCandidate]:
    """Each event once: the same deed of the same actors told twice in one sentence ("Putin criticised Kyiv,
    and Putin also criticised Kyiv") is one event, the first; at most ``MAX_EVENTS_PER_SENTENCE`` a sentence."""
    unique: dict[tuple[object, ...], EventCandidate] = {}
    per_sentence: dict[int, int] = {}
    for e in found:
        sent = doc[e.trigger_i].sent.start
        key = (sent, e.source.mention.id, e.target.mention.id if e.target else None, e.code, e.negated,
               e.hypothetical)
        if key in unique or per_sentence.get(sent, 0) >= MAX_EVENTS_PER_SENTENCE:
            continue
        per_sentence[sent] = per_sentence.get(sent, 0) + 1
        unique[key] = e
    return list(unique.values())


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
        if not own:  # "a car bombing by X killed ...": the attack's own phrase names its author
            own = [m for s in subjects for m in means_authors(s, lookup)]
    sources = distinct(doc, lookup.expand(own, doc, places=False, limit=MAX_CONJUNCTS))
    means = None
    if not sources and pattern.code[:2] in patterns.origin_roots:
        sources = origin_sources(tok, lookup, place_country)
        means = None if sources else means_attack(tok, lookup, patterns)
        if means is not None:
            # The deed is the attack's: its author, and (below) its target unless the victims name one.
            attack = code_trigger(doc, means[0], means[0], means[1], lookup, patterns, place_country)
            sources = list({id(e.source): e.source for e in attack}.values())
    seated = False
    if not sources and means is None and pattern.code[:2] in patterns.seat_roots:
        # "a journalist was arrested in Niger": coercion told with no agent was done by the state it was done in.
        sources = origin_sources(tok, lookup, place_country, preps=SEAT_PREPS)
        seated = bool(sources)
    if not sources and means is None and not pattern.source and pattern.pos != "NOUN":
        # "Armed men attacked ...", "Marta Quispe rejected ...": a party the knowledge base cannot code.
        sources = party_sources(doc, tok, lookup)
    targets_tok = target_tokens(tok, anchor, pattern, lookup, patterns)
    # A capital in a slot of the verb is an actor ("bombed Kyiv", "hit back at Moscow"): the verb's
    # argument structure is stronger evidence than the preposition that made it read as a place.
    targets = list(dict.fromkeys(m for m in (lookup.for_phrase(t, owners=True, places=True) for t in targets_tok) if m))
    targets = distinct(doc, [as_actor(m) for m in lookup.expand(targets, doc, places=True, limit=MAX_CONJUNCTS)])
    if seated and not targets:  # the passive's subject is whom that state coerced, a party the KB may lack
        patients = [c for c in tok.children if c.dep_ == "nsubjpass"]
        with_parties = lookup.with_parties()
        targets = actors_of(doc, patients, lookup) or (
            actors_of(doc, patients, with_parties) if with_parties is not None else [])
    if targets and sources and all(own_force(t, sources) for t in targets):
        # "Israel mobilized the army for an assault against Hamas": the army is Israel's means; the deed is
        # done to whom it is sent or turned against, else (a one-sided deed) to no one.
        sent = [m for m in (lookup.for_phrase(t, owners=True, places=True) for t in force_destinations(tok, lookup))
                if m is not None]
        sent = distinct(doc, [as_actor(m) for m in lookup.expand(sent, doc, places=True, limit=MAX_CONJUNCTS)])
        targets = sent or ([] if one_sided(pattern) else targets)
    if targets and sources and all(t.mention.code in {s.mention.country for s in sources} for t in targets):
        # "Maduro closed Venezuela's borders with Brazil": the source's own state owns the object; the parties it
        # names are whom the deed is done to. With none the pair stays ("Merkel defended Germany's decision").
        parties = [m for noun in (*slot_nouns(tok, anchor, pattern), tok) for p in between_objects(noun, depth=1)
                   if (m := lookup.for_phrase(p, owners=True, places=True)) is not None]
        targets = distinct(doc, [as_actor(m) for m in dict.fromkeys(parties)]) or targets
    # "agreed to meet": the meeting is only agreed; "called Macron to congratulate him": the call, made to someone,
    # is the congratulation, as real as the call.
    purpose = (anchor.head.i == tok.i != anchor.i and anchor.pos_ == "VERB"
               and any(c.dep_ == "dobj" for c in tok.children))
    negated, kind = modality_of(anchor if anchor.dep_ == "xcomp" and not purpose else tok, patterns)
    negated = negated and not pattern.negation  # a negation pattern's code already says it
    in_context = patterns.code_in_context(pattern.code, clause_lemmas(tok)) if patterns.context_codes else pattern.code
    coded = code_for(replace(pattern, code=in_context) if in_context != pattern.code else pattern, kind, negated,
                     patterns)
    if coded is None:  # "failed to reach an agreement": no deed was done
        return []
    code, negated, hypothetical = coded
    if not targets and (kind is not None or negated):
        # "will not lift the embargo until Cuba frees the prisoners": a refusal, promise or condition waits on
        # someone's deed, and is addressed to them.
        targets = awaited_targets(doc, tok, lookup, sources)
    if not targets and pattern.code[:2] in YIELD_ROOTS:
        # "called off the strike after the agreement with the government": whom the yielding gives way to.
        targets = actors_of(doc, conceded_parties(tok, lookup, sources), lookup)
    if not targets and means is not None:
        targets = [e.target for e in attack if e.target is not None][:1]
    if not targets and pattern.code[:2] in patterns.object_place_roots and means is None:
        # "inspected the refineries in Iran": a thing in a place stands for the place's country.
        # The thing may be named by an "of" phrase ("arrested members of a gang in Peru").
        targets = next((placed for noun in slot_nouns(tok, anchor, pattern) for owned in of_chain(noun)
                        if (placed := place_targets(owned, lookup, place_country))), [])
        # "Macron hosted a climate summit in Paris": a deed of cooperation (03-09) on a thing in the source's own
        # country is done at home, with no partner. A statement about it ("sorrow for the shootings in Texas") is
        # still about that place, and force used at home is used there ("shelled positions in Yemen").
        home = {s.mention.country for s in sources if s.mention.country and pattern.code[:2] in PARTNER_ROOTS}
        targets = [t for t in targets if t.mention.code not in home]
    if not targets and pattern.code[:2] in patterns.place_target_roots and place_country is not None and means is None:
        # "shelled Kharkiv", "air strikes on Gaza": a slot holding a place the knowledge base does not name.
        targets = [slot_place for noun in slot_nouns(tok, anchor, pattern)
                   if (slot_place := place_of(noun, lookup, place_country)) is not None][:1]
    if not targets and pattern.code[:2] in patterns.place_target_roots and means is None:
        targets = place_targets(tok, lookup, place_country) or (
            place_targets(anchor, lookup, place_country) if anchor is not tok else [])
    if not targets and sources and means is None:
        # "police arrested a Kansas woman", "fined the company": a party the text names, the knowledge base cannot
        # code; its code stays null.
        targets = party_targets(doc, tok, anchor, pattern, lookup, patterns)
    pairs: list[tuple[TokenMention, TokenMention]] = []
    alone: list[TokenMention] = []  # the parties of a multilateral meeting with no host or body
    if targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif pattern.reciprocal and len(sources) > 1:
        pairs, alone = party_pairs(tok, sources, lookup, place_country)
    inherited = not any(c.dep_ in SUBJECTS for c in tok.children)
    confidence = 0.6 if inherited or "subtree" in pattern.targets else 0.8
    end = trigger_end(tok, pattern)
    if pattern.inverse:  # "received weapons from X": the prepositional object is the source
        pairs = [(t, s) for s, t in pairs]
    listed = len(sources) > 1 or len(targets) > 1  # in a list, a state and its government are one side
    audience = patterns.audience_sectors.get(code[:2], frozenset())  # "spoke to reporters" consults no one
    pairs = [(s, t) for s, t in pairs if s.mention.id != t.mention.id
             and (s.mention.code != t.mention.code or two_people(s, t))
             and not (listed and same_state(doc, s, t))
             and not ({s.mention.sector, t.mention.sector} & audience)][:MAX_EVENTS_PER_TRIGGER]
    lemma = patterns.lemma_of(tok.lower_, tok.lemma_.lower())
    found = [EventCandidate(tok.i, end, s, t, patterns.code_between(patterns.code_by(code, s.mention.sector), lemma,
                                                                    s.mention.sector, t.mention.sector),
                            negated, hypothetical, confidence, pattern) for s, t in pairs]
    if pattern.reverse_code and code == pattern.code and targets:  # "refused to meet X" is no meeting of X's
        found += [EventCandidate(tok.i, end, t, s, pattern.reverse_code, negated, hypothetical, confidence, pattern)
                  for s, t in pairs]
    found = found[:MAX_EVENTS_PER_TRIGGER]
    if alone:  # "leaders of A, B, C and D met": each took part; no pair of them is the meeting
        return [EventCandidate(tok.i, end, s, None, code, negated, hypothetical, confidence, pattern) for s in alone]
    # "Thousands protested on Sunday": no target of any kind, and the deed needs none.
    # "Russia mobilized its reserves": a target that is only the source itself leaves the deed one-sided.
    own_only = bool(targets) and {t.mention.code for t in targets} <= {s.mention.code for s in sources}
    if not found and (not targets or own_only) and one_sided(pattern) and (
            pattern.targets[0].startswith("prep:") or slot_nouns(tok, anchor, pattern)
            or is_passive(tok)):
        # An object slot must hold something ("released the prisoners", or be passive: "were released by"):
        # "soldiers returned home" is no return of anyone; a prepositional target is optional ("protested").
        found = [EventCandidate(tok.i, end, s, None, patterns.code_by(code, s.mention.sector), negated, hypothetical,
                                confidence, pattern) for s in sources]
    return found


def two_people(a: TokenMention, b: TokenMention) -> bool:
    """Two named people are two actors even when one state's government holds both ("the president pardoned his
    predecessor", "the prime minister sacked her finance minister"): a deed between them is an event."""
    return a.mention.kind == "person" and b.mention.kind == "person"


def actors_of(doc: Doc, tokens: Sequence[Token], lookup: MentionLookup) -> list[TokenMention]:
    """The actors ``tokens`` name, with their listed conjuncts."""
    found = [m for m in (lookup.for_phrase(t, owners=True) for t in tokens) if m]
    return distinct(doc, [as_actor(m) for m in lookup.expand(found, doc, places=False, limit=MAX_CONJUNCTS)])


def awaited_targets(doc: Doc, tok: Token, lookup: MentionLookup, sources: Sequence[TokenMention]) -> list[TokenMention]:
    """The parties a refused or conditioned deed waits on (events/targets.py ``awaited_parties``), as actors."""
    found = [m for m in (lookup.for_phrase(t, owners=True) for t in awaited_parties(tok, lookup, sources)) if m]
    return distinct(doc, [as_actor(m) for m in lookup.expand(found, doc, places=False, limit=MAX_CONJUNCTS)])


def judged_events(doc: Doc, tok: Token, lookup: MentionLookup, patterns: Patterns) -> list[EventCandidate]:
    """'Germany called Russia's actions unacceptable': the speaker passes a judgment (CAMEO 111 for a
    condemning word, data/words/judgments.tsv) on the author of what it judges: the object's actor, its
    possessor or its attributive nationality ("the Israeli strikes"). Not a phone call."""
    judgment = judgment_of(tok)
    if judgment is None:
        return []
    obj, word, code = judgment
    found = lookup.for_phrase(obj, owners=True, places=True)
    judged = [as_actor(found)] if found is not None else modifier_sources(obj, lookup)
    pattern = Pattern(tok.lemma_.lower(), "VERB", None, word.lemma_.lower(), None, ("dobj",), code, False, "")
    return speaker_events(doc, tok, lookup, judged, pattern, patterns, 0.7)


# A trigger's own clause ends at a subordinate or coordinated clause: "sent troops after peacekeepers were attacked".
CLAUSE_BOUNDS = frozenset({"conj", "cc", "parataxis", "ccomp", "relcl", "advcl", "acl"})


def clause_lemmas(tok: Token) -> frozenset[str]:
    """Lemmas of the trigger's own clause: its objects and prepositional phrases, and its to-purpose clauses
    ("sent troops to serve as a peacekeeping force"), not a clause told after, before or beside it."""
    lemmas: set[str] = set()
    stack = [tok]
    while stack:
        node = stack.pop()
        lemmas.add(node.lemma_.lower())
        stack.extend(c for c in node.children
                     if c.dep_ not in CLAUSE_BOUNDS or (c.dep_ in {"advcl", "acl"} and to_infinitive(c)))
    return frozenset(lemmas)


def one_sided(pattern: Pattern) -> bool:
    """Whether the deed may be coded with no target: the pattern says so (``one_sided`` in verbs.tsv: a
    protest, a release of prisoners, aid sent), and it neither pairs its subjects ("A and B met") nor reads
    its source off the target slot."""
    return pattern.one_sided and not pattern.reciprocal and not pattern.inverse


def consumed_tokens(doc: Doc, tok: Token, pattern: Pattern, anchor: Token) -> set[int]:
    """Tokens whose own events this one already covers: its complement and purpose clauses."""
    gone = {anchor.i} if anchor is not tok else set()
    for node in (tok, anchor):
        for c in node.children:
            # "gave permission to Russia to help Israel": a to-clause on the complement noun (acl) too.
            clauses = {"xcomp", "advcl", "ccomp"} | ({"acl"} if node is anchor is not tok else set())
            if c.dep_ in clauses and to_infinitive(c):
                gone.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and c.lower_ == "of":
                gone.update(t.i for g in c.children if g.dep_ == "pcomp" for t in g.subtree)
    if anchor is not tok:
        gone.update(t.i for c in anchor.children if c.dep_ in {"xcomp", "advcl"} for t in c.subtree)
    return gone
