"""Record every quote of an article (direct, partial, indirect) with its cue and resolved speaker."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.actors.coref import PLACE_LABELS, Candidate, Context, name_start, namesake_start
from eventwire.actors.resolve import slug
from eventwire.knowledge.cues import CueLexicon
from eventwire.nlp.arrays import token_arrays
from eventwire.quotes.cues import CueMatch, find_cues
from eventwire.quotes.forms import Draft, TokenIndex, index_tokens, indirect_drafts, mark_drafts
from eventwire.quotes.marks import find_quoted_spans
from eventwire.quotes.speakers import (
    Attribution,
    attribute,
    is_person_pronoun,
    needs_antecedent,
    noun_phrase,
    overlapping_mention,
    relative_noun,
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


def _pronoun_speaker(doc: Doc, head: int, context: Context, history: list[Speaker]) -> ActorMention | None:
    """'he said': the speaker is the pronoun's local antecedent (``actors/coref.py``), as a mention on the
    pronoun; an antecedent the knowledge base lacks gives its name and a null code; none gives None.

    An antecedent in another sentence yields to the speaker quoted just before, when that one is of the
    same kind (person or not), not of the other gender, and of this paragraph (or of the one before, unless the
    antecedent is a subject in this paragraph); with no
    antecedent, the speaker quoted just before up to three paragraphs back is taken, on the same terms."""
    token = doc[head]
    target = context.antecedent(token)
    start, end = token.idx, token.idx + len(token)
    last = next((h for h in reversed(history) if h.mention is not None and h.span is not None), None)
    if (last is not None and last.mention is not None and last.span is not None
            and (target is None or not context.in_sentence_of(target, token))
            and last.person == is_person_pronoun(token)):
        at = doc.char_span(last.span.start, last.span.end, alignment_mode="expand")
        # with no antecedent at all, the chain of quotes may reach three paragraphs back (a speech reported
        # over several paragraphs); beside a local antecedent in another sentence, one, and none when that
        # antecedent is a subject in the pronoun's own paragraph (the quote before must be as near as it).
        here = target is not None and target.subject and context.paragraph[target.head_i] == context.paragraph[head]
        reach = 3 if target is None else 0 if here else 1
        if at is not None and len(at) and context.continues_speaker(token, at.start, last.mention.name, reach):
            was = last.mention
            return ActorMention(start, end, token.text, was.id, was.name, was.code, was.country, was.sector,
                                was.role, kind="pronoun")
    if target is None:
        return None
    m = target.mention
    if m is None:
        return ActorMention(start, end, token.text, slug(target.name), target.name, None, None, None, None,
                            kind="pronoun")
    return ActorMention(start, end, token.text, m.id, m.name, m.code, m.country, m.sector, m.role, kind="pronoun")


def _titled_speaker(doc: Doc, head: int, context: Context, office: ActorMention | None) -> ActorMention | None:
    """'the president said', 'the senator added': the nearest earlier person with that role or title (of the
    office's country, when the office has one)."""
    target = context.titled(doc[head])
    if target is None or office is not None and office.country and target.mention is not None \
            and target.mention.country and target.mention.country != office.country:
        return None
    token = doc[head]
    m = target.mention
    if m is None:
        return ActorMention(token.idx, token.idx + len(token), token.text, slug(target.name), target.name, None,
                            None, None, None, kind="pronoun")
    return ActorMention(token.idx, token.idx + len(token), token.text, m.id, m.name, m.code, m.country, m.sector,
                        m.role, kind="pronoun")


def _named_speaker(doc: Doc, start: int, end: int, head: int, context: Context) -> ActorMention | None:
    """A person or organisation the text names as speaker but the knowledge base lacks ("Ana Ruiz, a nurse,
    said"): an uncoded mention with the name as written (a surname alone read as the full name given before)."""
    ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG") and e.start < end and start < e.end]
    ent = next((e for e in ents if e.start <= head < e.end), ents[0] if ents else None)
    token = doc[head]
    if ent is None and (token.pos_ == "PROPN" and token.ent_type_ not in PLACE_LABELS  # a name the tagger missed
                        or token.text in context.by_surname):  # or a surname of a name given in full before
        ent = doc[name_start(token):head + 1]
    if ent is None:
        return None
    words = [t for t in ent if t.tag_ != "POS" and not t.is_punct]
    if not words:
        return None
    first, last = words[0], words[-1]
    text = doc[first.i : last.i + 1].text  # not doc.text, which joins every token of the article
    name = context.full_name(text)  # "Ruiz" after "Ana Ruiz", whatever the tagger calls it the second time
    earlier = context.by_surname.get(text)
    if earlier is not None and earlier.mention is not None:  # coded from the text when first named
        m = earlier.mention
        return ActorMention(first.idx, last.idx + len(last), text, m.id, m.name, m.code, m.country, m.sector,
                            m.role, kind="person", basis=m.basis, country_basis=m.country_basis)
    kind = "organisation" if ent.label_ == "ORG" and name == text else "person"
    return ActorMention(first.idx, last.idx + len(last), text, slug(name), name, None, None, None, None, kind=kind)


def _antecedent(
    doc: Doc, attribution: Attribution, history: list[Speaker], mentions: Sequence[ActorMention], before: int
) -> ActorMention | None:
    """Who 'the statement' or 'the ministry' refers to: an earlier speaker, else an earlier mention."""
    head = doc[attribution.speaker_head or 0]
    lemma = head.lemma_.lower()
    for earlier in reversed(history):
        if earlier.head_lemma == lemma or (earlier.span and lemma in earlier.span.text.lower()):
            if earlier.mention is not None and not _bare_agent(earlier.mention):  # no answer to itself
                return earlier.mention
    candidates = [m for m in mentions if m.end <= before and lemma in m.text.lower() and not _bare_agent(m)]
    return candidates[-1] if candidates else None


def _resolve(
    doc: Doc, attribution: Attribution, mentions: Sequence[ActorMention], history: list[Speaker], context: Context
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
    head_token = doc[head]
    if mention is not None and (_namesake(doc, mention, mentions)
                                or mention.kind == "country" and head_token.ent_type_ == "PERSON"):
        mention = None  # "Ivanka Trump said" is not Donald Trump, "Chuck Jordan" not Jordan: the name as written
    elif mention is not None and mention.kind == "role" and mention.basis == "agent-noun":
        mention = _titled_name(doc, head_token, mention, context) or mention
    noun = relative_noun(head_token)
    if noun is not None and mention is None:  # "who said": whom the relative clause is about, as a pronoun
        a, b = noun_phrase(noun)
        found = overlapping_mention(doc, a, b, noun.i, mentions) or _named_speaker(doc, a, b, noun.i, context)
        mention = None if found is None else dataclasses.replace(
            found, start=head_token.idx, end=head_token.idx + len(head_token), text=head_token.text, kind="pronoun",
            basis="pronoun")
    elif head_token.pos_ == "PRON" and (mention is None or mention.kind == "pronoun"):
        mention = _pronoun_speaker(doc, head, context, history)
    elif (mention is None or mention.basis == "agent-noun") and (pair := context.pair(head_token)) is not None:
        mention = _pair_speaker(span, pair)
    elif mention is not None and _office(mention) and needs_antecedent(head_token):
        # "the president said": the nearest earlier holder of that title, before the office's own code
        # ("president" -> GOV, or USAGOV with its country), which stays the answer when there is none.
        mention = _titled_speaker(doc, head, context, mention) or mention
    elif (mention is None or _bare_agent(mention)) and needs_antecedent(head_token):
        # "the ministry said": the last speaker or mention with that word, else its bare code
        mention = (_antecedent(doc, attribution, history, mentions, span.start)
                   or _titled_speaker(doc, head, context, mention) or mention)
    if mention is None:
        mention = _named_speaker(doc, start, end, head, context) or _said_before(span, history)
    person = (head_token.ent_type_ == "PERSON" or is_person_pronoun(head_token)
              or mention is not None and mention.kind == "person")
    return Speaker(span, mention, head_token.lemma_.lower(), person)


def _pair_speaker(span: Span, pair: list[Candidate]) -> ActorMention:
    """'the two leaders said': one speaker for both people, named 'A and B'; a code, country or sector only
    where both have the same one."""
    ms = [c.mention for c in pair]

    def shared(field: str) -> str | None:
        values = {getattr(m, field) if m is not None else None for m in ms}
        return values.pop() if len(values) == 1 else None

    name = " and ".join(c.name for c in pair)
    return ActorMention(span.start, span.end, span.text, slug(name), name, shared("code"), shared("country"),
                        shared("sector"), None, kind="pronoun", basis="pronoun")


def _titled_name(doc: Doc, head: Token, office: ActorMention, context: Context) -> ActorMention | None:
    """'Police Chief Chuck Jordan said': a person named in apposition to the office that heads the speaker phrase,
    whom the knowledge base lacks (or mistakes for a place), is that person with the office's code."""
    name = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if name is None:
        return None
    named = _named_speaker(doc, name_start(name), name.i + 1, name.i, context)
    if named is None or named.code is not None:
        return named
    return dataclasses.replace(named, code=office.code, country=office.country, sector=office.sector,
                               role=office.role, kind="person", basis="title", country_basis=office.country_basis)


def _said_before(span: Span, history: list[Speaker]) -> ActorMention | None:
    """A speaker written exactly as an earlier one that was resolved ("Zero Hedge said" twice, the tagger naming it
    only once) is that speaker, at its new place."""
    for earlier in reversed(history):
        if earlier.span is not None and earlier.mention is not None and earlier.span.text == span.text \
                and span.text[:1].isupper():
            return dataclasses.replace(earlier.mention, start=span.start, end=span.end, text=span.text)
    return None


def _namesake(doc: Doc, mention: ActorMention, mentions: Sequence[ActorMention]) -> bool:
    """Whether the person ``mention`` is only the surname of another's full name ("Ivanka Trump")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.start == 0:
        return False
    before = doc[span.start - 1]
    covered = {before.i} if any(m.start <= before.idx < m.end for m in mentions) else set()
    return namesake_start(doc, span.start, span.end - 1, mention, covered) is not None


def _bare_agent(mention: ActorMention) -> bool:
    """A generic agent noun with no country ("the president", "the ministry"): it may refer back."""
    return mention.basis == "agent-noun" and mention.country is None


def _office(mention: ActorMention) -> bool:
    """A personal office that names no one ("the president", "the American president"): the person holding it
    may have been named before."""
    return mention.basis == "agent-noun" and mention.kind == "role" and mention.role is not None


def _token_mentions(doc: Doc, mentions: Sequence[ActorMention]) -> list[tuple[int, int, int, ActorMention]]:
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end, span.end - 1, m))
    return out


def _cue_span(doc: Doc, cue: CueMatch | None) -> Span | None:
    return None if cue is None else span_of(doc, cue.start, cue.end)


def _join_split(quotes: list[Quote]) -> list[Quote]:
    """'"A," he said, "B."': a quotation whose cue sits between it and the one before, shared by both, is
    the second part of that quote; its ``continues`` names the first part's id (a third part names it too)."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (prev is not None and q.kind != "indirect" and prev.kind != "indirect" and q.cue is not None
                and prev.cue == q.cue and prev.end <= q.cue.start and q.cue.end <= q.start):
            q = dataclasses.replace(q, continues=prev.continues or prev.id)
        out.append(q)
    return out


def find_quotes(doc: Doc, mentions: Sequence[ActorMention], cues_known: CueLexicon) -> list[Quote]:
    """All quotes of a parsed article in text order, ids Q1, Q2, ...; ``mentions`` are its resolved actors,
    ``cues_known`` the speech-cue lexicon (``knowledge.cues``)."""
    text = token_arrays(doc).doc_text  # Doc.text joins every token: read it once a document
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
    context = Context(doc, _token_mentions(doc, mentions))
    resolved: dict[int, Speaker] = {}
    quotes: list[Quote] = []
    for number, draft in enumerate(drafts, 1):
        speaker = Speaker(None, None)
        if draft.cue is not None:
            if draft.cue.start not in resolved:
                attribution = attribute(doc, draft.cue, *draft.zone)
                resolved[draft.cue.start] = _resolve(doc, attribution, mentions, history, context)
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
    quotes = _join_split(quotes)
    log.debug("found %d quotes (%d quotation marks spans, %d cues)", len(quotes), len(spans), len(cues))
    return quotes
