"""Wire-copy datelines: "BEIJING (Reuters) - ", "AFP - ", "WASHINGTON, Aug 20 (AP) -- ", "LYON: ".

A dateline says where a story was filed and which agency filed it; it takes no part in the events the
sentence after it tells. The parser, though, reads "AFP - The United States suspended flights" with "AFP"
as a clause of the verb and "AP - An American jet fired" with "AP" as a second subject, so an agency in a
dateline would become an event's source. ``dateline_tokens`` finds those tokens so that the event coder
can leave them out (places in a dateline are still found as places).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.knowledge.words import word_list
from eventwire.nlp.arrays import token_arrays

DASHES = {"-", "--", "—", "–", ":"}
# Lower-case words a dateline may hold: connectors in place and agency names (data/words/NAME.tsv).
DATELINE_CONNECTORS = word_list("dateline_connectors")
MAX_TOKENS = 12  # a dateline is short: "GAZA CITY, Palestinian Territories (AFP) -"


def dateline_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens of every paragraph-initial dateline in ``doc``."""
    found: set[int] = set()
    for start in paragraph_starts(doc):
        end = dateline_end(doc, start)
        if end is not None:
            found.update(range(start, end))
    return found


def in_dateline(tok: Token) -> bool:
    """Whether ``tok`` lies in a dateline at the start of its paragraph."""
    doc = tok.doc
    a = token_arrays(doc)  # the tokens' attributes, without making a Token for each (nlp/arrays.py)
    start = tok.i
    while start > 0 and tok.i - start < MAX_TOKENS and "\n" not in a.text[start - 1] + a.whitespace[start - 1]:
        start -= 1
    if start > 0 and "\n" not in a.text[start - 1] + a.whitespace[start - 1]:
        return False  # more than MAX_TOKENS into its paragraph
    while start < tok.i and a.is_space[start]:
        start += 1
    end = dateline_end(doc, start)
    return end is not None and tok.i < end


def paragraph_starts(doc: Doc) -> list[int]:
    """The first non-space token of the text and of each line."""
    a = token_arrays(doc)
    starts: list[int] = []
    at_start = True
    for i, (text, space, ws) in enumerate(zip(a.text, a.is_space, a.whitespace, strict=True)):
        if space:
            at_start = at_start or "\n" in text
            continue
        if at_start:
            starts.append(i)
        at_start = "\n" in ws
    return starts


def dateline_end(doc: Doc, start: int) -> int | None:
    """The index of the dash that closes a dateline opening at ``start`` (the dash included in the span
    returned by ``dateline_tokens``), or None when the paragraph does not open with one.

    A dateline is at most ``MAX_TOKENS`` tokens before a dash or colon, with no verb, and either a word in
    capitals ("BEIJING", "AFP") or an agency in parentheses ("(Reuters)")."""
    limit = min(len(doc), start + MAX_TOKENS)
    for i in range(start, limit):
        tok = doc[i]
        if "\n" in tok.text:
            return None
        if tok.text in DASHES:
            if tok.text != ":" and not (doc[i - 1].whitespace_ and tok.whitespace_):
                continue  # a hyphen inside a word or a compound ("US-China talks") closes nothing
            head = doc[start:i]
            if len(head) and i + 1 < len(doc) and (is_dateline_head(list(head))
                                                  or is_credit(list(head), doc[i + 1], tok.text)):
                return i + 1
            return None
        if tok.pos_ in {"VERB", "AUX"} and not tok.is_upper:
            return None
    return None


def is_credit(tokens: list[Token], after: Token, dash: str) -> bool:
    """"Reuters - Government warplanes pounded ...": one to three capitalised proper nouns the model calls an
    organisation, a dash (not a colon: "Putin: ..." opens a quote) and a capitalised word after it. Not a
    place or a person: "Israel - Hamas ceasefire holds" is a headline's pair."""
    return (dash != ":" and 1 <= len(tokens) <= 3 and after.text[:1].isupper()
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ == "ORG" for t in tokens))


def is_dateline_head(tokens: list[Token]) -> bool:
    capitals = any(t.is_upper and t.is_alpha and len(t) >= 2 for t in tokens)
    agency = any(t.text == "(" for t in tokens) and any(t.text == ")" for t in tokens)
    words = [t for t in tokens if t.is_alpha]
    # Running text before a colon ("He said: ...") has lower-case words that are not month names or
    # place-name connectors; a dateline has none.
    lower = [t for t in words if t.is_lower and t.lower_ not in DATELINE_CONNECTORS]
    return (capitals or agency) and not lower
