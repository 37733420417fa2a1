"""The speaker inside its own words: in a direct or partial quote, "I", "we", "our" stand for the quote's speaker
('"We will never recognise Kosovo," Vucic said' is Serbia's refusal), so the events told in the quote have a
source."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from eventwire.actors.resolve import TokenMention, make_mention
from eventwire.knowledge.words import word_list
from eventwire.records import Quote

FIRST_PERSON = word_list("first_person_pronouns")  # data/words/first_person_pronouns.tsv
QUOTED_KINDS = {"direct", "partial"}  # an indirect quote is the reporter's words: "he said we" is someone else


def speaker_pronouns(doc: Doc, quotes: Sequence[Quote], mentions: Sequence[TokenMention]) -> list[TokenMention]:
    """A mention of the speaker for each first-person pronoun in the quoted words of a quote whose speaker is
    known, unless a mention already covers the token."""
    covered = {i for m in mentions for i in range(m.start_i, m.end_i)}
    found: list[TokenMention] = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or quote.kind not in QUOTED_KINDS:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.i not in covered:
                covered.add(tok.i)
                found.append(make_mention(doc, tok.i, tok.i + 1, tok.i, id=speaker.id, name=speaker.name,
                                          code=speaker.code, country=speaker.country, sector=speaker.sector,
                                          role=speaker.role, kind="pronoun"))
    return found
