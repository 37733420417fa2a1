"""Blame told as a state: "Ukraine said Russian forces were responsible for the attack", "Kyiv says Moscow is guilty
of war crimes", "the government said the rebels were to blame" are the speaker's accusation of the clause's
subject (CAMEO 112, *accuse, not specified*): a speech verb (intent.tsv `speech`) whose complement clause is "be"
with a word of data/words/culpability_words.tsv. Not when the clause is negated ("said Iran was not responsible":
a defence, no accusation), and "responsible for" only with a deed ("responsible for the attack", "for killing"),
never a duty ("responsible for security")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.events.candidate import EventCandidate
from eventwire.events.clauses import to_infinitive
from eventwire.events.frame import is_negated
from eventwire.events.lists import clause_subject_events
from eventwire.events.mentions import MentionLookup
from eventwire.knowledge.patterns import Patterns
from eventwire.knowledge.words import word_list

CULPABILITY_WORDS = word_list("culpability_words")
ACCUSE = "112"


def culpable_clause(tok: Token, patterns: Patterns) -> Token | None:
    """The complement clause of a speech verb that says its subject is to blame, or None."""
    if tok.pos_ != "VERB" or patterns.modality.get((tok.lemma_.lower(), "VERB")) != "speech":
        return None
    for clause in (c for c in tok.children if c.dep_ == "ccomp" and c.lemma_.lower() == "be"):
        if is_negated(clause):
            continue
        for word in clause.children:
            blame = word.dep_ == "xcomp" and to_infinitive(word)
            if (word.dep_ == "acomp" or blame) and word.lemma_.lower() in CULPABILITY_WORDS and not is_negated(word) \
                    and for_a_deed(word, patterns):
                return clause
    return None


def for_a_deed(word: Token, patterns: Patterns) -> bool:
    """No "for" phrase, or one naming a deed: a noun or verb some pattern codes, or a gerund ("for killing")."""
    objects = [g for c in word.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
               if g.dep_ in {"pobj", "pcomp"}]
    return not objects or any(
        g.tag_ == "VBG" or patterns.for_token(g.lemma_.lower(), "NOUN") or patterns.for_token(g.lemma_.lower(), "VERB")
        for g in objects)


def culpability_events(doc: Doc, tok: Token, lookup: MentionLookup, patterns: Patterns) -> list[EventCandidate]:
    """Speaker -> the subject said to be to blame, CAMEO 112; nothing when either is no actor."""
    clause = culpable_clause(tok, patterns)
    if clause is None:
        return []
    return clause_subject_events(doc, tok, clause, ACCUSE, lookup, patterns)
