"""A pipeline component that bounds sentence length: no run of MAX_SENTENCE tokens without a boundary.

Text with no sentence-final punctuation and no line break (857 KB of bare words, a name repeated thousands of
times) would otherwise reach the stages as one sentence of any length, and the stages' per-sentence work grows
with it. The component, before the parser, starts a new sentence when MAX_SENTENCE tokens have passed since the
last paragraph break or sentence-final mark; the parser keeps boundaries set before it. News never comes near:
in the BBC politics set, the VOA 2019-2025 stories and 300 AG News rows the longest such run is 111 tokens and
the longest sentence the parser finds 112 (docs/benchmarks.md), so no real sentence is cut.
"""

from __future__ import annotations

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.arrays import strings_of

COMPONENT = "eventwire_sentence_cap"
MAX_SENTENCE = 250
FINAL_MARKS = frozenset(".!?…")


def ends_sentence(text: str) -> bool:
    """A token of sentence-final marks only: ".", "?!", "..."."""
    return bool(text) and all(ch in FINAL_MARKS for ch in text)


@Language.component(COMPONENT)
def cap_sentences(doc: Doc) -> Doc:
    """Start a sentence at every MAX_SENTENCE-th token of a run with no boundary set and no final mark."""
    run = 0
    starts = doc.to_array(SENT_START).tolist()  # 1 where ``is_sent_start`` is True
    for i, text in enumerate(strings_of(doc, ORTH)):
        if starts[i] == 1:
            run = 0
        elif run >= MAX_SENTENCE:
            doc[i].is_sent_start = True
            run = 0
        run += 1
        if ends_sentence(text):
            run = 0
    return doc
