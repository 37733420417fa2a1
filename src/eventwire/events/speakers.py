"""The speaker inside its own words: in a direct or partial quote, "I", "we", "our" stand for the quote's speaker
('"We will never recognise Kosovo," Vucic said' is Serbia's refusal), and in reported speech a plural speaker's
"they" is the speaker ("the rebels said they would release the hostages"), so the events told have a source."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.actors.resolve import TokenMention, make_mention
from eventwire.knowledge.words import word_list
from eventwire.records import Quote

FIRST_PERSON = word_list("first_person_pronouns")  # data/words/first_person_pronouns.tsv
PLURAL_PRONOUNS = word_list("plural_pronouns")  # data/words/plural_pronouns.tsv
PLURAL_TAGS = {"NNS", "NNPS"}
QUOTED_KINDS = {"direct", "partial"}  # an indirect quote is the reporter's words: "he said we" is someone else


def speaker_pronouns(doc: Doc, quotes: Sequence[Quote], mentions: Sequence[TokenMention]) -> list[TokenMention]:
    """A mention of the speaker for each first-person pronoun in the quoted words of a direct or partial quote
    whose speaker is known, and for a plural speaker's "they" in reported speech, unless a mention already covers
    the token."""
    covered = {i for m in mentions for i in range(m.start_i, m.end_i)}
    found: list[TokenMention] = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if tok.pos_ == "PRON" and tok.i not in covered and (
                    tok.lower_ in FIRST_PERSON if quote.kind in QUOTED_KINDS else reported_self(doc, tok, quote, span)):
                covered.add(tok.i)
                found.append(make_mention(doc, tok.i, tok.i + 1, tok.i, id=speaker.id, name=speaker.name,
                                          code=speaker.code, country=speaker.country, sector=speaker.sector,
                                          role=speaker.role, kind="pronoun"))
    return found


def reported_self(doc: Doc, tok: Token, quote: Quote, words: Span) -> bool:
    """'The rebels said they would release the hostages': in reported speech, "they" as the subject of the
    reported clause is a speaker named by a noun in the plural. Not a list ("A and B said they"): one mention
    cannot stand for each of them. "It", "he" and "she" are coreference's (actors/coref.py)."""
    speaker = quote.speaker
    if speaker is None or tok.lower_ not in PLURAL_PRONOUNS or tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if tok.head.dep_ != "ccomp" or words.start <= tok.head.head.i < words.end:
        return False  # the subject of the clause the speech verb reports, not of one inside it
    said = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return said is not None and said.root.tag_ in PLURAL_TAGS and not said.root.conjuncts
