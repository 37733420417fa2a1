"""Reported deeds as accusations: "Ukraine said Russia shelled Kharkiv" is Ukraine accusing Russia."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from eventwire.events.candidate import EventCandidate
from eventwire.events.frame import is_negated, modality_of
from eventwire.events.mentions import MentionLookup
from eventwire.events.subjects import subject_tokens
from eventwire.events.targets import slot_nouns
from eventwire.events.triggers import matches
from eventwire.knowledge.patterns import Pattern, Patterns
from eventwire.nlp.arrays import token_arrays
from eventwire.records import ActorMention

# Sectors that speak for their state: a state saying its own forces struck is no accusation.
STATE_SECTORS = {None, "GOV", "MIL", "SPY", "COP", "JUD", "LEG"}


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
    for tok, head in speech_clauses(doc, patterns):
        if head.i in accusing:
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


def speech_clauses(doc: Doc, patterns: Patterns) -> Iterator[tuple[Token, Token]]:
    """Each complement clause of a speech verb (intent.tsv kind ``speech``) that is not negated, with that verb:
    what a speaker is reported to have said ("Ukraine said [Russia shelled Kharkiv]")."""
    deps = token_arrays(doc).dep
    for i in range(len(doc)):
        if deps[i] != "ccomp":
            continue
        clause = doc[i]
        verb = clause.head
        if not is_negated(verb) and patterns.modality.get((verb.lemma_.lower(), "VERB")) == "speech":
            yield clause, verb


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
    """Whether a speaker reporting the doer's deed accuses it: not a news outlet, not the doer itself, not its
    own state's organs; nor an unnamed official, lawyer or witness of no country ("officials said", "his
    lawyer said"): such a speaker is the report's source, not a party to it."""
    if speaker.id == doer.id or speaker.code == doer.code or speaker.sector == "MED":
        return False
    if speaker.basis == "agent-noun" and speaker.country is None:
        return False
    same_state = speaker.country is not None and speaker.country == doer.country
    return not (same_state and speaker.sector in STATE_SECTORS and doer.sector in STATE_SECTORS)
