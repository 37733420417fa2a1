"""Statements about another actor: "Spain said Morocco's proposal was a basis for talks" is Spain making a
statement about Morocco (CAMEO 010, make statement), when nothing more specific is coded in the sentence.

CAMEO's root 01 is the commonest kind of event in news: a public statement by one actor about another. PETRARCH2
codes "X said Y ..." as 010 where the clause holds no deed of its own that codes; so do we, with three guards:
the speaker is a coded actor that speaks for itself (not a news outlet reporting, not an unnamed official of no
country); the reported clause has another coded actor as a participant (its subject or an object of its verb,
not the speaker nor a pronoun for it); and no other
event comes from the sentence (an accusation, a demand or the reported deed itself says more, and is the event)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import TokenMention
from eventwire.events.candidate import EventCandidate
from eventwire.events.mentions import MentionLookup, generic, uncoded
from eventwire.events.reports import speech_clauses
from eventwire.events.subjects import subject_tokens
from eventwire.knowledge.patterns import Pattern, Patterns

STATEMENT_CODE = "010"  # CAMEO 1.1b3: make statement, not specified below
STATEMENT_CONFIDENCE = 0.5
ARGUMENTS = frozenset({"dobj", "dative", "attr", "oprd", "nsubjpass"})  # a clause verb's own objects


def statement_events(doc: Doc, found: Sequence[EventCandidate], lookup: MentionLookup,
                     patterns: Patterns) -> list[EventCandidate]:
    """A 010 event for each coded speaker of a speech verb whose complement clause names another coded actor,
    in a sentence that gives no other event; the clause's first such actor is the target."""
    busy = {doc[e.trigger_i].sent.start for e in found}
    out: list[EventCandidate] = []
    spoken: set[tuple[int, str]] = set()  # (sentence, speaker id): one statement each
    for clause, verb in speech_clauses(doc, patterns):
        sent = verb.sent.start
        if sent in busy or verb.pos_ != "VERB":
            continue
        speakers = [m for m in (lookup.for_phrase(s, owners=False) for s in subject_tokens(verb)) if m is not None]
        for speaker in lookup.expand(speakers, doc, places=False):
            if not speaks_for_itself(speaker) or (sent, speaker.mention.id) in spoken:
                continue
            target = first_other_actor(clause, speaker, lookup)
            if target is None:
                continue
            spoken.add((sent, speaker.mention.id))
            pattern = Pattern(verb.lemma_.lower(), "VERB", None, None, None, ("clause",), STATEMENT_CODE, False, "")
            out.append(EventCandidate(verb.i, verb.i + 1, speaker, target, STATEMENT_CODE, False, False,
                                      STATEMENT_CONFIDENCE, pattern, reports=True))
    return out


def speaks_for_itself(speaker: TokenMention) -> bool:
    """A coded speaker of a known country (or an international body) that is a party to what it says: not a news
    outlet reporting, not a title or name of no country ("officials said", "Mr Ruiz said" with no more known), not
    a party the knowledge base cannot code."""
    m = speaker.mention
    return (m.code is not None and (m.country is not None or m.basis == "kb") and m.sector != "MED"
            and m.kind != "place" and not generic(speaker) and not uncoded(speaker))


def first_other_actor(clause: Token, speaker: TokenMention, lookup: MentionLookup) -> TokenMention | None:
    """The clause's first participant that is another coded actor: its subject, else an object of its verb or of
    one of the verb's prepositions ("said Iran had attacked Iraq", "said talks with Chile had failed"); not the
    speaker (by id, code or a bare mention of its own country), nor a pronoun (most stand for the speaker: "said it
    would"), nor a title of no country. Who is named deeper in
    the clause ("said the plan enjoyed support from Moscow") is not what the statement is about."""
    slots = [*subject_tokens(clause)]
    for child in clause.children:
        if child.dep_ in ARGUMENTS:
            slots.append(child)
        elif child.dep_ == "prep":
            slots.extend(g for g in child.children if g.dep_ == "pobj")
    for tok in slots:
        m = lookup.for_phrase(tok, owners=True)
        if (m is None or m.mention.kind in {"pronoun", "place"} or generic(m) or uncoded(m) or m.mention.code is None
                or is_self(m, speaker)):
            continue
        return m
    return None


def is_self(m: TokenMention, speaker: TokenMention) -> bool:
    """Whether a mention is the speaker, its code, or the bare name of the speaker's own country."""
    own_country = m.mention.sector is None and m.mention.country == speaker.mention.country
    return m.mention.id == speaker.mention.id or m.mention.code == speaker.mention.code or own_country
