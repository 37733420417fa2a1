"""Find who speaks for a cue (the speaker as written) and resolve it to an actor mention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.knowledge.words import word_list
from eventwire.quotes.cues import CueMatch
from eventwire.records import ActorMention, Span

_CUT_DEPS = frozenset({"relcl", "acl", "punct", "advcl", "parataxis", "ccomp", "dep"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_WHEN = frozenset({"DATE", "TIME"})
_RELATIVE_TAGS = frozenset({"WP", "WDT"})  # who, which, that as relative pronouns
_CLIMB_DEPS = frozenset(
    {"advcl", "xcomp", "conj", "pcomp", "prep", "acl", "ccomp", "pobj", "dep", "npadvmod"}
)
# The word lists are data (data/words/NAME.tsv; each file's header says what it is for).
_PERSON_SPEAKER_PRONOUNS = word_list("person_speaker_pronouns")
_GROUP_SPEAKER_PRONOUNS = word_list("group_speaker_pronouns")
_DEFINITE_WORDS = word_list("definite_words")
_LISTENER_VERBS = word_list("listener_verbs")


@dataclass(frozen=True)
class Attribution:
    """A cue and the speaker it names (``speaker_head`` is the speaker phrase's head token)."""

    cue: CueMatch
    speaker_start: int | None = None  # token range of the speaker phrase
    speaker_end: int | None = None
    speaker_head: int | None = None


def noun_phrase(head: Token) -> tuple[int, int]:
    """Token range of the phrase headed by ``head``, without relative clauses and trailing punctuation."""
    left, right = head.i, head.i
    for child in head.children:
        if child.dep_ in _CUT_DEPS:
            continue
        left, right = min(left, child.left_edge.i), max(right, child.right_edge.i)
    doc = head.doc
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return left, right + 1


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, climbing from participles and conjuncts to the verb they hang on."""
    token: Token | None = verb
    for _ in range(4):
        if token is None:
            return None
        subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ == "it" and subject.dep_ == "nsubjpass":
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                return pobj
            return subject
        if token.dep_ not in _CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def _inverted_subject(verb: Token, lo: int, hi: int) -> Token | None:
    """For '..., said Lavrov': the first noun after the verb when the parser missed the subject."""
    if verb.lemma_.lower() in _LISTENER_VERBS:
        return None
    for k in range(verb.i + 1, min(hi, verb.i + 4)):
        token = verb.doc[k]
        if token.pos_ in ("PROPN", "NOUN", "PRON") and lo <= k and token.ent_type_ not in _WHEN:  # not "said Monday"
            return token
        if token.is_punct:
            return None
    return None


def _speaker_head(doc: Doc, cue: CueMatch, lo: int, hi: int) -> Token | None:
    head = doc[cue.head]
    if cue.kind == "prep-phrase":
        last = doc[cue.end - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"]
        if objects:
            return objects[0]
        return doc[cue.end] if cue.end < len(doc) and doc[cue.end].pos_ in ("PROPN", "NOUN", "DET") else None
    if cue.kind == "dash":
        return _chunk_root(doc, cue.end, hi)
    if cue.kind == "adjunct":
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return _subject(verb)
    if cue.kind == "noun":
        for child in head.children:
            if child.dep_ == "poss":
                return child
        for child in head.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by", "of"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        return None
    subject = _subject(head)
    if subject is None:
        subject = _inverted_subject(head, lo, hi)
    return subject


def relative_noun(token: Token) -> Token | None:
    """'Stevie Wonder, who joked ...': the noun a relative pronoun's clause modifies (the last of a list it
    follows: 'Will Smith and Stevie Wonder, who joked' is Wonder); None for any other token."""
    clause = token.head
    if token.tag_ not in _RELATIVE_TAGS or clause.dep_ != "relcl" or clause.head.i > token.i:
        return None
    noun = clause.head
    for _ in range(8):
        later = [c for c in noun.children if c.dep_ == "conj" and c.i < token.i]
        if not later:
            break
        noun = later[-1]
    return noun


def _chunk_root(doc: Doc, lo: int, hi: int) -> Token | None:
    """The nominal whose head lies outside tokens [lo, hi): the phrase a parse across quote marks missed."""
    for k in range(lo, hi):
        token = doc[k]
        outside = not lo <= token.head.i < hi or token.head.i == token.i
        if outside and token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ != "poss":
            return token
    return None


def attribute(doc: Doc, cue: CueMatch, lo: int = 0, hi: int | None = None) -> Attribution:
    """The speaker named by ``cue``, looked for inside the zone of tokens [lo, hi) around the quote."""
    hi = len(doc) if hi is None else hi
    subject = _speaker_head(doc, cue, lo, hi)
    crossed = subject is not None and not lo <= subject.i < hi
    if subject is not None and crossed:
        # a parse across the marks made a word of the quotation the subject: another subject of the same verb
        # in the zone, else the nominal before the cue, else the inverted '..., said Leslie Wimes'
        subject = next((c for c in subject.head.children if c.dep_ in _SUBJECT_DEPS and lo <= c.i < hi), None)
    speaking = cue.kind in ("verb", "verb-phrase", "lead")
    if subject is None and speaking and lo < cue.start:
        subject = _chunk_root(doc, lo, cue.start)
    if subject is None and speaking and crossed:
        before = doc[cue.start - 1] if lo < cue.start else None
        nominal = before is not None and before.pos_ in ("NOUN", "PROPN", "PRON") and before.ent_type_ not in _WHEN
        subject = before if nominal else _inverted_subject(doc[cue.head], lo, hi)
    if subject is None:
        return Attribution(cue)
    if subject.dep_ == "poss" and subject.head.i == cue.head:
        start, end = subject.i, subject.i + 1
        for child in subject.children:
            start, end = min(start, child.left_edge.i), max(end, child.right_edge.i + 1)
        if doc[end - 1].tag_ == "POS":
            end -= 1
        return Attribution(cue, start, end, subject.i)
    start, end = noun_phrase(subject)
    start, end = max(start, lo), min(end, hi)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return Attribution(cue, start, end, subject.i)


def span_of(doc: Doc, start: int, end: int) -> Span:
    """The character span of tokens [start, end)."""
    chars = doc[start:end]
    return Span(chars.start_char, chars.end_char, chars.text)


def _depth_below(doc: Doc, token: Token, head: Token) -> int:
    depth = 0
    while token.i != head.i and depth < 50:
        if token.head.i == token.i:
            return 100
        token, depth = token.head, depth + 1
    return depth


def overlapping_mention(
    doc: Doc, start: int, end: int, head: int, mentions: Sequence[ActorMention]
) -> ActorMention | None:
    """The mention inside the speaker phrase closest to its head in the parse (the head itself first)."""
    lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    inside = [m for m in mentions if m.start < hi and lo < m.end]
    if not inside:
        return None
    head_token = doc[head]

    def rank(mention: ActorMention) -> tuple[int, int]:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return 99, mention.start
        if span.start <= head < span.end:
            return 0, mention.start
        return min(_depth_below(doc, t, head_token) for t in span), mention.start

    best = min(inside, key=rank)
    if best.kind == "role" and best.basis == "agent-noun":  # "The minister, Mr. Guajardo Villarreal," is him
        named = [m for m in inside if m.kind == "person" and _in_apposition(doc, m, head_token)]
        return named[0] if named else best
    return best


def _in_apposition(doc: Doc, mention: ActorMention, head: Token) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(c.dep_ == "appos" and span.start <= c.i < span.end for c in head.children)


def is_person_pronoun(token: Token) -> bool:
    return token.lower_ in _PERSON_SPEAKER_PRONOUNS


def needs_antecedent(token: Token) -> bool:
    """A pronoun, or a definite common noun ('the statement', 'the ministry'): look back for who it is."""
    if token.lower_ in _PERSON_SPEAKER_PRONOUNS or token.lower_ in _GROUP_SPEAKER_PRONOUNS:
        return True
    if token.pos_ != "NOUN":
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE_WORDS for c in token.children)
