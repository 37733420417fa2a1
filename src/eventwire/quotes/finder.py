"""Record every quote of an article (direct, partial, indirect) with its cue and resolved speaker."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from eventwire.knowledge.cues import CueLexicon
from eventwire.quotes.cues import CueMatch, find_cues
from eventwire.quotes.forms import Draft, TokenIndex, index_tokens, indirect_drafts, mark_drafts
from eventwire.quotes.marks import find_quoted_spans
from eventwire.quotes.speakers import (
    Attribution,
    attribute,
    is_person_pronoun,
    needs_antecedent,
    overlapping_mention,
    span_of,
)
from eventwire.records import ActorMention, Quote, Span

log = logging.getLogger(__name__)

__all__ = ["find_quotes"]


@dataclass(frozen=True)
class Speaker:
    """A resolved attribution: the speaker as written, its actor (if any) and what helps later look-backs."""

    span: Span | None
    mention: ActorMention | None
    head_lemma: str = ""
    person: bool = False


def _inherit(drafts: list[Draft], index: TokenIndex) -> list[Draft]:
    """Give quotations without a cue the nearest attributed quote of their paragraph (before, else after).

    A quotation that fills its paragraph also continues the speaker of the previous paragraph's
    last attributed quotation (the news convention for a speech reported over several paragraphs).
    """
    out: list[Draft] = []
    for i, draft in enumerate(drafts):
        if not draft.inherits:
            out.append(draft)
            continue
        para = index.paragraph[draft.first_token]
        same = [d for d in drafts if d.cue is not None and index.paragraph[d.first_token] == para]
        earlier = [d for d in same if d.start < draft.start]
        later = [d for d in same if d.start > draft.start]
        donor = earlier[-1] if earlier else (later[0] if later else None)
        if donor is None and draft.opens_paragraph:
            previous = [
                d
                for d in drafts[:i]
                if d.cue is not None
                and d.kind == "direct"
                and index.paragraph[d.first_token] in (para - 1, para - 2)
            ]
            donor = previous[-1] if previous else None
        out.append(dataclasses.replace(draft, cue=donor.cue, zone=donor.zone) if donor else draft)
    return out


def _antecedent(
    doc: Doc, attribution: Attribution, history: list[Speaker], mentions: Sequence[ActorMention], before: int
) -> ActorMention | None:
    """Who 'he', 'the statement' or 'the ministry' refers to: an earlier speaker, else an earlier mention."""
    head = doc[attribution.speaker_head or 0]
    lemma = head.lemma_.lower()
    if head.pos_ == "PRON":
        person = is_person_pronoun(head)
        for earlier in reversed(history):
            if earlier.mention is not None and earlier.person == person:
                return earlier.mention
        return next((s.mention for s in reversed(history) if s.mention is not None), None)
    for earlier in reversed(history):
        if earlier.head_lemma == lemma or (earlier.span and lemma in earlier.span.text.lower()):
            if earlier.mention is not None:
                return earlier.mention
    candidates = [m for m in mentions if m.end <= before and lemma in m.text.lower()]
    return candidates[-1] if candidates else None


def _resolve(
    doc: Doc, attribution: Attribution, mentions: Sequence[ActorMention], history: list[Speaker]
) -> Speaker:
    if (
        attribution.speaker_start is None
        or attribution.speaker_end is None
        or attribution.speaker_head is None
    ):
        return Speaker(None, None)
    start, end, head = attribution.speaker_start, attribution.speaker_end, attribution.speaker_head
    span = span_of(doc, start, end)
    mention = overlapping_mention(doc, start, end, head, mentions)
    if mention is None and needs_antecedent(doc[head]):
        mention = _antecedent(doc, attribution, history, mentions, span.start)
    head_token = doc[head]
    person = head_token.ent_type_ == "PERSON" or is_person_pronoun(head_token)
    return Speaker(span, mention, head_token.lemma_.lower(), person)


def _cue_span(doc: Doc, cue: CueMatch | None) -> Span | None:
    return None if cue is None else span_of(doc, cue.start, cue.end)


def find_quotes(doc: Doc, mentions: Sequence[ActorMention], cues_known: CueLexicon) -> list[Quote]:
    """All quotes of a parsed article in text order, ids Q1, Q2, ...; ``mentions`` are its resolved actors,
    ``cues_known`` the speech-cue lexicon (``knowledge.cues``)."""
    text = doc.text  # Doc.text joins every token: read it once
    spans = find_quoted_spans(text)
    index = index_tokens(doc, spans, text)
    cues = find_cues(doc, cues_known, index.in_quote)
    cue_at = {k: cue for cue in cues for k in range(cue.start, cue.end)}
    drafts = sorted(
        [*mark_drafts(doc, text, spans, index, cue_at), *indirect_drafts(doc, cues, index)],
        key=lambda d: (d.start, d.end),
    )
    drafts = _inherit(drafts, index)
    history: list[Speaker] = []
    resolved: dict[int, Speaker] = {}
    quotes: list[Quote] = []
    for number, draft in enumerate(drafts, 1):
        speaker = Speaker(None, None)
        if draft.cue is not None:
            if draft.cue.start not in resolved:
                attribution = attribute(doc, draft.cue, *draft.zone)
                resolved[draft.cue.start] = _resolve(doc, attribution, mentions, history)
                if resolved[draft.cue.start].span is not None:
                    history.append(resolved[draft.cue.start])
            speaker = resolved[draft.cue.start]
        quotes.append(
            Quote(
                f"Q{number}",
                draft.start,
                draft.end,
                text[draft.start : draft.end],
                draft.kind,
                speaker.mention,
                _cue_span(doc, draft.cue),
                speaker.span,
            )
        )
    log.debug("found %d quotes (%d quotation marks spans, %d cues)", len(quotes), len(spans), len(cues))
    return quotes
