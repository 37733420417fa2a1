"""A pipeline component that starts a new sentence at every paragraph break."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "eventwire_paragraphs"


@Language.component(COMPONENT)
def mark_paragraphs(doc: Doc) -> Doc:
    """Sentences never run across a line break; the parser keeps boundaries set before it."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc
