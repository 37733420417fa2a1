"""Statements about another actor: "Spain said Morocco's proposal was a basis for talks" is Spain making a
statement about Morocco (CAMEO 010, make statement), when nothing more specific is coded in the sentence.

CAMEO's root 01 is the commonest kind of event in news: a public statement by one actor about another. PETRARCH2
codes "X said Y ..." as 010 where the clause holds no deed of its own that codes; so do we, with three guards:
the speaker is a coded actor that speaks for itself (not a news outlet reporting, not an unnamed official of no
country); the reported clause has another coded actor as a participant (its subject or an object of its verb,
not the speaker nor a pronoun for it); and no other
event comes from the sentence (an accusation, a demand or the reported deed itself says more, and is the event).

A clause that passes judgment on its subject makes the statement a criticism or an accusation of that subject
(CAMEO 111/112): "Chile said Peru has failed to ..." (a failure verb), "said Peru is defying the accord" (a violation
verb, data/words/criticism_verbs.tsv), "said the plan was irresponsible" (a judgment word after "be",
data/words/judgments.tsv), "said Peru seems more interested in A than in B" (data/words/priority_adjectives.tsv)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import TokenMention
from eventwire.events.candidate import EventCandidate
from eventwire.events.clauses import to_infinitive
from eventwire.events.frame import is_negated, modality_of
from eventwire.events.mentions import MentionLookup, generic, uncoded
from eventwire.events.reports import speech_clauses
from eventwire.events.subjects import subject_tokens
from eventwire.knowledge.patterns import Pattern, Patterns
from eventwire.knowledge.words import word_list, word_map

STATEMENT_CODE = "010"  # CAMEO 1.1b3: make statement, not specified below
STATEMENT_CONFIDENCE = 0.5
ARGUMENTS = frozenset({"dobj", "dative", "attr", "oprd", "nsubjpass"})  # a clause verb's own objects
CRITICISM_VERBS = word_map("criticism_verbs")  # data/words/criticism_verbs.tsv: lemma -> CAMEO code
JUDGMENTS = word_map("judgments")  # data/words/judgments.tsv: word -> CAMEO code
PRIORITY_ADJECTIVES = word_list("priority_adjectives")  # data/words/priority_adjectives.tsv
CRITICISM_CODE = "111"  # CAMEO 1.1b3: criticize or denounce
COPULAS = frozenset({"be", "appear", "seem", "remain"})
PREDICATES = frozenset({"acomp", "attr", "oprd"})


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
            judging = criticism_code(clause, patterns)
            judged = criticized(clause, speaker, lookup) if judging else None
            target = judged or first_other_actor(clause, speaker, lookup)
            if target is None:
                continue
            code = judging if judging is not None and judged is not None else STATEMENT_CODE
            spoken.add((sent, speaker.mention.id))
            pattern = Pattern(verb.lemma_.lower(), "VERB", None, None, None, ("clause",), code, False, "")
            out.append(EventCandidate(verb.i, verb.i + 1, speaker, target, code, False, False,
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
    slots = clause_subjects(clause)
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


def criticism_code(clause: Token, patterns: Patterns) -> str | None:
    """The CAMEO code (111 or 112) of a reported clause that passes judgment on its subject, else None: its verb (or
    the verb it governs: "has tried to undermine") is a failure or violation verb, or it is a copula with a judgment
    word ("was irresponsible") or a comparison of priorities ("is more interested in A than in B"). Not when the
    clause is negated or not a deed done ("would violate": a warning)."""
    negated, kind = modality_of(clause, patterns)
    if negated or kind is not None or is_negated(clause):
        return None
    lemma = clause.lemma_.lower()
    if lemma in CRITICISM_VERBS:
        return CRITICISM_VERBS[lemma]
    for word in clause.children:
        if word.dep_ == "xcomp" and to_infinitive(word) and not is_negated(word):
            if word.lemma_.lower() in CRITICISM_VERBS:
                return CRITICISM_VERBS[word.lemma_.lower()]
        if lemma in COPULAS and word.dep_ in PREDICATES and not is_negated(word):
            code = JUDGMENTS.get(word.lemma_.lower()) or JUDGMENTS.get(word.lower_)
            if code is not None and code.startswith("11"):
                return code
            if word.lemma_.lower() in PRIORITY_ADJECTIVES and compared(word):
                return CRITICISM_CODE
    return None


def compared(word: Token) -> bool:
    """Whether an adjective is said with "more" or "less" and compared by "than" ("more interested in A than B")."""
    degree = any(c.dep_ == "advmod" and c.lower_ in {"more", "less"} for c in word.children)
    return degree and any(t.lower_ == "than" for t in word.subtree)


def criticized(clause: Token, speaker: TokenMention, lookup: MentionLookup) -> TokenMention | None:
    """The subject of a judging clause, when it is another coded actor: a state's name counts ("said Peru has
    failed to"), a pronoun or a title of no country does not."""
    for tok in clause_subjects(clause):
        m = lookup.for_phrase(tok, owners=False)
        if (m is None or m.mention.kind == "pronoun" or generic(m) or uncoded(m) or m.mention.code is None
                or is_self(m, speaker)):
            continue
        return m
    return None


def clause_subjects(clause: Token) -> list[Token]:
    """The clause's subjects, and one the parser hung on its auxiliary ("said [Iran] is “openly” defying": a quote
    mark between the auxiliary and its verb splits them)."""
    found = list(subject_tokens(clause))
    return found or [g for c in clause.children if c.dep_ in {"aux", "auxpass"} for g in c.children
                     if g.dep_ in {"nsubj", "nsubjpass"}]
