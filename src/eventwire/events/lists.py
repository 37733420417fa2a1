"""Lists of parties: how many events a compound argument makes, one actor named twice, and the caps that keep a
sentence's events bounded.

- A reciprocal deed of a pair or a trilateral ("A and B met", "A, B and C met") pairs its parties, each ordered
  pair once. A longer list is a multilateral meeting, not a set of dyads: each party meets the host or the body
  the meeting is of ("hosted by Belgium", "an EU summit", "at NATO"), else the party whose country it is held
  in ("met in Moscow"); with none of these each party is coded with no target (one event per party), never
  every pair.
- In a list, a state and its own government are one side: no event between them ("AZEGOV -> AZE"). A single
  source and target keep it ("Merkel defended Germany's decision": DEUGOV -> DEU is what the sentence says).
- The same referent named twice (an apposition, a title and the name: "the Russian president, Vladimir Putin")
  is one party.
- An argument lists at most ``MAX_CONJUNCTS`` parties, a trigger makes at most ``MAX_EVENTS_PER_TRIGGER``
  events and a sentence at most ``MAX_EVENTS_PER_SENTENCE``, the first in text order kept (issue 16: a
  150-fold list made 226,200 events).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import PlaceCountry, TokenMention
from eventwire.events.candidate import EventCandidate
from eventwire.events.frame import code_for, modality_of
from eventwire.events.locative import place_targets
from eventwire.events.mentions import MentionLookup
from eventwire.events.subjects import subject_tokens
from eventwire.knowledge.patterns import Pattern, Patterns

MAX_CONJUNCTS = 12
MAX_EVENTS_PER_TRIGGER = 24
MAX_EVENTS_PER_SENTENCE = 40
# A reciprocal deed pairs at most this many parties; more make a multilateral meeting.
MAX_PAIRED_PARTIES = 3
# Dependencies that join two names of one referent inside one noun phrase ("President Putin", "Putin, the
# Russian president").
SAME_PHRASE_DEPS = {"appos", "compound", "flat", "nmod", "npadvmod"}


def same_referent(doc: Doc, a: TokenMention, b: TokenMention) -> bool:
    """Two mentions of one actor: the same id; an office and the person holding it; or the same code within one
    noun phrase (an apposition or a title and the name), with no coordination between them."""
    if a.mention.id == b.mention.id:
        return True
    if a.mention.code != b.mention.code:
        return False
    if office_holder(a, b) or office_holder(b, a):
        return True  # "the Russian President and Vladimir Putin": one person under two names
    first, second = (a, b) if a.start_i <= b.start_i else (b, a)
    if second.start_i - first.end_i > 3:
        return False
    between = doc[first.end_i : second.start_i]
    if any(t.dep_ in {"cc", "conj"} or t.lower_ in {"and", "or", ";"} for t in between):
        return False
    return linked(doc[first.head_i], doc[second.head_i]) or linked(doc[second.head_i], doc[first.head_i])


def office_holder(office: TokenMention, person: TokenMention) -> bool:
    """An office ("the Russian President", a role mention) and the person the knowledge base has in it at the
    article's date (same code, same role)."""
    role, held = office.mention.role, person.mention.role
    return (office.mention.kind == "role" and person.mention.kind == "person" and role is not None
            and held is not None and role.lower() == held.lower())


def linked(head: Token, other: Token) -> bool:
    """``other`` hangs on ``head`` by a same-phrase dependency chain of at most two steps."""
    node = other
    for _ in range(2):
        if node.dep_ not in SAME_PHRASE_DEPS or node.head is node:
            return False
        node = node.head
        if node is head:
            return True
    return False


def distinct(doc: Doc, mentions: Sequence[TokenMention]) -> list[TokenMention]:
    """Each referent once, in order; of two names for one actor a person's is kept (it says who acted). A state
    and its government listed together ("Azerbaijan's president and Azerbaijan") are one party."""
    out: list[TokenMention] = []
    for m in mentions:
        twin = next((k for k, o in enumerate(out) if same_referent(doc, o, m) or same_state(doc, o, m)), None)
        if twin is None:
            out.append(m)
        elif m.mention.kind == "person" and out[twin].mention.kind != "person":
            out[twin] = m
    return out[:MAX_CONJUNCTS]


def same_state(doc: Doc, a: TokenMention, b: TokenMention) -> bool:
    """A state and its own government ("Azerbaijan" and "Azerbaijan's president"): no event between them. Its
    other sectors are other actors (the opposition protesting against the government), and so is a group its
    nationality names ("Armenian protesters")."""
    return (a.mention.country is not None and a.mention.country == b.mention.country
            and (bare_state(doc, a) or bare_state(doc, b))
            and a.mention.sector in {None, "GOV"} and b.mention.sector in {None, "GOV"})


def bare_state(doc: Doc, m: TokenMention) -> bool:
    """The state named by its name ("Azerbaijan", "Baku"), not one of its people or officials (two officials
    of one government are two actors)."""
    return m.mention.sector is None and m.mention.kind in {"country", "metonym"} and doc[m.head_i].pos_ == "PROPN"


def hub_of(tok: Token, parties: Sequence[TokenMention], lookup: MentionLookup,
           place_country: PlaceCountry | None = None) -> TokenMention | None:
    """Who a multilateral meeting is with: its host ("hosted by Belgium", "Belgium hosted"), else an
    international body it is of or at ("an EU summit", "a meeting at NATO"), in the trigger's sentence; else
    the party whose country the meeting is in ("leaders of A, B, C and Russia met in Moscow")."""
    ids = {p.mention.id for p in parties}
    sent = tok.sent
    spans = [range(p.start_i, p.end_i) for p in parties]

    def free(m: TokenMention | None) -> bool:
        return m is not None and m.mention.id not in ids and not any(m.head_i in r for r in spans)

    for t in sent:
        if t.lemma_.lower() != "host" or t.pos_ != "VERB":
            continue
        for c in t.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj" and free(host := lookup.for_phrase(g, owners=True)):
                        return host
            if c.dep_ == "nsubj" and free(host := lookup.for_phrase(c, owners=True)):
                return host
    for t in tok.subtree:
        m = lookup.at(t)
        if m is not None and free(m) and m.mention.kind == "organisation" and m.mention.country is None:
            return m
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]  # "held talks in Moscow"
    venue = next((found for node in (tok, *objects) if (found := place_targets(node, lookup, place_country))), None)
    if venue:
        return next((p for p in parties if p.mention.country == venue[0].mention.country), None)
    return None


def party_pairs(
    tok: Token, sources: Sequence[TokenMention], lookup: MentionLookup, place_country: PlaceCountry | None = None
) -> tuple[list[tuple[TokenMention, TokenMention]], list[TokenMention]]:
    """(pairs, parties with no target) of a reciprocal deed whose subject lists its parties. A host among the
    parties meets each other party, in both directions, as a pair's parties do."""
    if len(sources) <= MAX_PAIRED_PARTIES:
        return [(s, t) for s in sources for t in sources], []
    hub = hub_of(tok, sources, lookup, place_country)
    if hub is None:
        return [], list(sources)
    if hub in sources:
        others = [s for s in sources if s is not hub]
        return [*((s, hub) for s in others), *((hub, s) for s in others)], []
    return [(s, hub) for s in sources], []


def clause_subject_events(doc: Doc, tok: Token, clause: Token, code: str, lookup: MentionLookup,
                          patterns: Patterns) -> list[EventCandidate]:
    """Speech verb ``tok`` -> the subject of its complement ``clause``, CAMEO ``code`` ("said Israel must end the
    strikes": a demand; "said Russia was responsible": an accusation); nothing when either is no actor."""
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    targets = [m for m in (lookup.for_phrase(t, owners=True, places=True) for t in subjects) if m is not None]
    pattern = Pattern(tok.lemma_.lower(), "VERB", None, None, None, ("clause_subject",), code, False, "")
    return speaker_events(doc, tok, lookup, targets, pattern, patterns, 0.6)


def speaker_events(doc: Doc, tok: Token, lookup: MentionLookup, targets: Sequence[TokenMention], pattern: Pattern,
                   patterns: Patterns, confidence: float) -> list[EventCandidate]:
    """The events of a speech verb ``tok`` whose subjects (the speakers) act on ``targets`` under ``pattern`` ("called
    X baseless", "said Israel must end the strikes"), in the trigger's frame: each speaker with each target, one
    side of a list never against its own state, at most ``MAX_EVENTS_PER_TRIGGER``."""
    speakers = [m for m in (lookup.for_phrase(s, owners=True) for s in subject_tokens(tok)) if m is not None]
    sources = distinct(doc, lookup.expand(speakers, doc, places=False, limit=MAX_CONJUNCTS))
    targets = distinct(doc, lookup.expand(targets, doc, places=True, limit=MAX_CONJUNCTS))
    negated, kind = modality_of(tok, patterns)
    coded = code_for(pattern, kind, negated, patterns)
    if coded is None:
        return []
    code, negated, hypothetical = coded
    listed = len(sources) > 1 or len(targets) > 1
    pairs = [(s, t) for s in sources for t in targets if s.mention.id != t.mention.id
             and s.mention.code != t.mention.code and not (listed and same_state(doc, s, t))][:MAX_EVENTS_PER_TRIGGER]
    return [EventCandidate(tok.i, tok.i + 1, s, t, code, negated, hypothetical, confidence, pattern)
            for s, t in pairs]
