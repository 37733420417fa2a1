"""A pipeline component that starts a new sentence at every paragraph break."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE
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
    """Sentences never run across a line break; the parser keeps boundaries set before it.

    The tokenizer keeps only a single space as a token's trailing whitespace, so every line break lies inside a
    whitespace token: the token after each whitespace token that holds one opens a sentence. Only those tokens are
    read (``Doc.text`` would join every token of the document)."""
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        if i + 1 < len(doc) and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc
