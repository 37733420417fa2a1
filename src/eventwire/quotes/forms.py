"""Locate quote forms in a parsed document: direct and partial (from marks), indirect (from cues)."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.nlp.arrays import token_arrays
from eventwire.quotes.cues import CueMatch
from eventwire.quotes.marks import NEWLINE, QuotedSpan

_STOPS = frozenset({".", "!", "?", ";"})
_ZONE_LIMIT = 40  # tokens looked at on each side of a quotation for its cue
_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "-", "--"})
_SPEAKING_KINDS = ("verb", "verb-phrase", "prep-phrase")
_LEADING_KINDS = (*_SPEAKING_KINDS, "lead")  # "lead": a verb that reports only beside a full quotation
_CLOSERS = frozenset("\u201d\u00bb\"'")


@dataclass(frozen=True)
class Draft:
    """A quote before speaker resolution: character span, kind, and the cue that introduces it (if any)."""

    start: int
    end: int
    kind: str
    cue: CueMatch | None
    zone: tuple[int, int]  # token range where an unparsed speaker may sit
    first_token: int
    inherits: bool = False  # no cue of its own: the speaker comes from a neighbouring attribution
    opens_paragraph: bool = False


@dataclass(frozen=True)
class TokenIndex:
    """Offsets -> tokens, quote membership and paragraph of every token, computed once per document."""

    starts: list[int]
    in_quote: list[bool]
    paragraph: list[int]
    sentence_starts: list[int]  # token index where each sentence starts, plus len(doc)

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def sentence_of(self, token: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sentence_starts, token) - 1
        return self.sentence_starts[k], self.sentence_starts[k + 1]


def index_tokens(doc: Doc, spans: list[QuotedSpan], text: str) -> TokenIndex:
    """Build the per-token tables used by every rule."""
    starts = list(token_arrays(doc).idx)
    in_quote = [False] * len(doc)
    for span in spans:
        k = bisect.bisect_left(starts, span.mark_start)
        while k < len(doc) and starts[k] < span.mark_end:
            in_quote[k] = True
            k += 1
    newlines = [m.start() for m in NEWLINE.finditer(text)]
    paragraph = [bisect.bisect_left(newlines, s) for s in starts]
    sentences = (
        [sent.start for sent in doc.sents]
        if doc.has_annotation("DEP") or doc.has_annotation("SENT_START")
        else [0]
    )
    return TokenIndex(starts, in_quote, paragraph, sentences + [len(doc)])


def _is_stop(token: Token) -> bool:
    return token.text in _STOPS or (token.is_space and "\n" in token.text)


def _zone(doc: Doc, index: TokenIndex, first: int, step: int) -> list[int]:
    out: list[int] = []
    k = first
    while 0 <= k < len(doc) and len(out) < _ZONE_LIMIT and not index.in_quote[k] and not _is_stop(doc[k]):
        out.append(k)
        k += step
    return out


def _cue_in(positions: list[int], cue_at: dict[int, CueMatch], kinds: tuple[str, ...]) -> CueMatch | None:
    for k in positions:
        cue = cue_at.get(k)
        if cue is not None and cue.kind in kinds:
            return cue
    return None


def _is_full_clause(text: str, span: QuotedSpan, before: list[int], doc: Doc) -> bool:
    """Direct, not partial: opens its sentence, follows ':' or ', ' + capital, or spans sentences."""
    if not before:
        return True
    last = doc[before[-1]].text
    first_char = text[span.start]
    if last == ":" or (last == "," and first_char.isupper()):
        return True
    inner = text[span.start : span.end]
    return any(
        inner[i] in ".!?" and inner[i + 1] == " " and inner[i + 2 : i + 3].isupper()
        for i in range(len(inner) - 2)
    )


def _dash_cue(doc: Doc, last: int, after: list[int]) -> CueMatch | None:
    """'"...” ― Pamela Padilla': a dash then a name stands for 'said'. Spaces (a no-break space) between the mark,
    the dash and the name do not count, and a dash the tokenizer glued to the closing mark (``”―``) is one too."""
    words = [k for k in after if not doc[k].is_space]
    mark = doc[last].text
    if len(mark) > 1 and mark[0] in _CLOSERS and mark[1:] in _DASHES and words:
        if doc[words[0]].pos_ in ("PROPN", "NOUN", "DET"):
            return CueMatch(last, last + 1, "dash", last)
    if len(words) >= 2 and doc[words[0]].text in _DASHES and doc[words[1]].pos_ in ("PROPN", "NOUN", "DET"):
        return CueMatch(words[0], words[0] + 1, "dash", words[0])
    return None


def _colon_lead(doc: Doc, index: TokenIndex, first: int, cue_at: dict[int, CueMatch]) -> list[int]:
    """'He said:' ending the paragraph before a quotation that opens its own: the zone of that clause, if a cue is
    in it (the block-quote convention); else nothing."""
    k = first - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 1 or doc[k].text != ":" or index.in_quote[k]:
        return []
    zone = _zone(doc, index, k - 1, -1)[::-1]
    return zone if _cue_in(zone[::-1], cue_at, _LEADING_KINDS) is not None else []


def _ends_sentence(text: str, span: QuotedSpan, doc: Doc, after: list[int]) -> bool:
    """'“That makes me smart.” Trump was ...': the quotation ends its sentence inside the marks and a capitalised
    word follows, so what comes after is another sentence and not its attribution."""
    words = [k for k in after if not doc[k].is_space]
    inner = text[span.start : span.end].rstrip()
    return bool(words) and inner[-1:] in ".!?" and doc[words[0]].text[:1].isupper()


def _governing_cue(doc: Doc, first: int, cues: list[CueMatch]) -> CueMatch | None:
    heads = {c.head: c for c in cues}
    token = doc[first]
    for _ in range(12):
        if token.i in heads:
            return heads[token.i]
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def mark_drafts(
    doc: Doc, text: str, spans: list[QuotedSpan], index: TokenIndex, cue_at: dict[int, CueMatch]
) -> Iterator[Draft]:
    """A draft per quotation: direct or partial, with the nearest cue around it."""
    for span in spans:
        first, last = index.token_at(span.mark_start), index.token_at(span.mark_end - 1)
        inner_first = min(index.token_at(span.start), len(doc) - 1)
        before = _zone(doc, index, first - 1, -1)[::-1]
        after = _zone(doc, index, last + 1, 1)
        end = span.end - 1 if text[span.end - 1] == "," and span.end - 1 > span.start else span.end
        before_zone = (before[0], before[-1] + 1) if before else (first, first)
        after_zone = (after[0], after[-1] + 1) if after else (last + 1, last + 1)
        if _is_full_clause(text, span, before, doc):
            opens = not before and (
                first == 0
                or "\n" in doc[first - 1].text
                or "\n" in text[doc[first - 1].idx : span.mark_start]
            )
            if opens:
                before = _colon_lead(doc, index, first, cue_at)
                before_zone = (before[0], before[-1] + 1) if before else before_zone
            speaking = (before[::-1], after) if _ends_sentence(text, span, doc, after) else (after, before[::-1])
            cue = _cue_in(speaking[0], cue_at, _LEADING_KINDS) or _cue_in(speaking[1], cue_at, _LEADING_KINDS)
            cue = cue or _cue_in(after + before[::-1], cue_at, ("adjunct", "noun")) or _dash_cue(doc, last, after)
            zone = before_zone if cue is not None and cue.start < first else after_zone
            yield Draft(span.start, end, "direct", cue, zone, inner_first, cue is None, opens)
            continue
        zone = (before_zone[0], after_zone[1])
        sentence_cues = [cue_at[k] for k in before + after if k in cue_at and cue_at[k].kind != "lead"]
        cue = _governing_cue(doc, inner_first, sentence_cues)
        cue = cue or _cue_in(before[::-1], cue_at, _SPEAKING_KINDS) or _cue_in(after, cue_at, _SPEAKING_KINDS)
        cue = cue or _cue_in(before[::-1] + after, cue_at, ("adjunct", "noun"))
        if cue is not None:
            yield Draft(span.start, end, "partial", cue, zone, inner_first)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _content_range(doc: Doc, cue: CueMatch) -> tuple[int, int] | None:
    head = doc[cue.head]
    if cue.kind == "prep-phrase":
        clause = head.head
        if clause.i == head.i:
            return None
        lo, hi = clause.left_edge.i, clause.right_edge.i + 1
        a, b = head.left_edge.i, head.right_edge.i + 1
        return (b, hi) if hi - b >= a - lo else (lo, a)
    if cue.kind not in ("verb", "verb-phrase"):
        return None
    for child in head.children:
        if child.dep_ == "ccomp":
            return child.left_edge.i, child.right_edge.i + 1
    # "..., the statement added." parsed with the trailer hanging on the reported clause
    left = head.left_edge.i
    trailer = (
        left > 0
        and doc[left - 1].text == ","
        and (head.right_edge.i + 1 >= len(doc) or doc[head.right_edge.i + 1].is_punct)
    )
    if head.dep_ in ("parataxis", "ccomp", "advcl") and head.i > head.head.i and trailer:
        return head.head.left_edge.i, left
    return None


def indirect_drafts(doc: Doc, cues: list[CueMatch], index: TokenIndex) -> Iterator[Draft]:
    """A draft per cue that introduces a reported clause outside quotation marks."""
    for cue in cues:
        found = _content_range(doc, cue)
        if found is None:
            continue
        start, end = _trim(doc, *found)
        if end - start < 2 or not any(doc[k].pos_ in ("VERB", "AUX") for k in range(start, end)):
            continue
        quoted = sum(index.in_quote[start:end])
        if quoted * 2 >= end - start:
            continue  # the marks already make it a direct or partial quote
        sent_start, sent_end = index.sentence_of(cue.head)
        lo, hi = min(start, cue.start, sent_start), max(end, cue.end, sent_end)
        yield Draft(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), "indirect", cue, (lo, hi), start)
