"""A pipeline component that starts a new sentence at every paragraph break."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "eventwire_paragraphs"


def after_line_break(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a line break (in the token before it or in that token's trailing space)."""
    if i == 0:
        return False
    before = doc[i - 1]
    return "\n" in before.text or "\n" in before.whitespace_


@Language.component(COMPONENT)
def mark_paragraphs(doc: Doc) -> Doc:
    """Sentences never run across a line break; the parser keeps boundaries set before it."""
    for tok in doc[1:]:
        if after_line_break(doc, tok.i):
            tok.is_sent_start = True
    return doc
