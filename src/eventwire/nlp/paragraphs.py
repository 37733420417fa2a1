"""A pipeline component that starts a new sentence at every paragraph break."""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "eventwire_paragraphs"
NEWLINE = re.compile("\n")


def after_line_break(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a line break (in the token before it or in that token's trailing space)."""
    if i == 0:
        return False
    before = doc[i - 1]
    return "\n" in before.text or "\n" in before.whitespace_


@Language.component(COMPONENT)
def mark_paragraphs(doc: Doc) -> Doc:
    """Sentences never run across a line break; the parser keeps boundaries set before it.

    Token ``i - 1`` with its trailing space covers the characters from ``doc[i - 1].idx`` to ``doc[i].idx``, so
    the token after each line break is the first whose ``idx`` lies past the break (``after_line_break``)."""
    text = doc.text
    if "\n" not in text:
        return doc
    starts = doc.to_array(IDX).tolist()
    for i in sorted({bisect.bisect_right(starts, m.start()) for m in NEWLINE.finditer(text)}):
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc
