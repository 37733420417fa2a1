"""A parsed Doc's token attributes read once, as plain Python lists, for the stages' per-token loops.

Indexing or iterating a ``Doc`` makes a new spaCy ``Token`` object each time, and reading ``tok.text`` or
``tok.pos_`` on it looks the string up again: the stages' scans did this millions of times an article batch
(docs/benchmarks.md). ``token_arrays(doc)`` reads each attribute once per document, with ``Doc.to_array``, the
first time a stage asks for it, and keeps the lists in the document's ``user_data``, so every later stage reads
the same lists. The values are exactly the ``Token`` attributes of the same names (``text[i] == doc[i].text``,
``head[i] == doc[i].head.i``, ...).

A document must not change after its first ``token_arrays`` call: the stages read a parsed document and never
change it. Components that run before the parser (``nlp/paragraphs.py``, ``nlp/sentences.py``) do not use it.
"""

from __future__ import annotations

import weakref
from functools import cached_property

from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.tokens import Doc

KEY = "eventwire.token_arrays"


def strings_of(doc: Doc, attr: int) -> list[str]:
    """Per token, the string of ``attr`` (ORTH: ``doc[i].text``), read now: what the components before the
    parser use, since the document still changes after them."""
    strings = doc.vocab.strings
    hashes = doc.to_array(attr).tolist()
    names = {h: strings[h] for h in set(hashes)}
    return [names[h] for h in hashes]


class TokenArrays:
    """Per-token attributes of one document, each a list indexed by token, read on first use."""

    def __init__(self, doc: Doc) -> None:
        self._doc = weakref.ref(doc)  # no reference cycle: the document is freed as soon as it is dropped
        self.n = len(doc)

    @property
    def doc(self) -> Doc:
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the document of these token arrays is gone")
        return doc

    def _strings(self, attr: int) -> list[str]:
        return strings_of(self.doc, attr)

    def _flags(self, attr: int) -> list[bool]:
        return [bool(v) for v in self.doc.to_array(attr).tolist()]

    @cached_property
    def text(self) -> list[str]:
        return self._strings(ORTH)

    @cached_property
    def lower(self) -> list[str]:
        return self._strings(LOWER)

    @cached_property
    def lemma(self) -> list[str]:
        return self._strings(LEMMA)

    @cached_property
    def pos(self) -> list[str]:
        return self._strings(POS)

    @cached_property
    def tag(self) -> list[str]:
        return self._strings(TAG)

    @cached_property
    def dep(self) -> list[str]:
        return self._strings(DEP)

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings(ENT_TYPE)

    @cached_property
    def idx(self) -> list[int]:
        return [int(v) for v in self.doc.to_array(IDX).tolist()]

    @cached_property
    def head(self) -> list[int]:
        """``doc[i].head.i``: the array holds the offset to the head, as an unsigned 64-bit number."""
        offsets = self.doc.to_array(HEAD).astype("int64").tolist()
        return [i + off for i, off in enumerate(offsets)]

    @cached_property
    def whitespace(self) -> list[str]:
        """``doc[i].whitespace_``: one space or nothing."""
        return [" " if v else "" for v in self.doc.to_array(SPACY).tolist()]

    @cached_property
    def sent_start(self) -> list[bool]:
        """``bool(doc[i].is_sent_start)``: the token opens a sentence."""
        return [v == 1 for v in self.doc.to_array(SENT_START).astype("int64").tolist()]

    @cached_property
    def doc_text(self) -> str:
        """``doc.text``, which joins every token each time it is read."""
        return "".join(t + w for t, w in zip(self.text, self.whitespace, strict=True))

    @cached_property
    def is_space(self) -> list[bool]:
        return self._flags(IS_SPACE)

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flags(IS_PUNCT)

    @cached_property
    def is_title(self) -> list[bool]:
        return self._flags(IS_TITLE)

    @cached_property
    def is_upper(self) -> list[bool]:
        return self._flags(IS_UPPER)

    @cached_property
    def is_alpha(self) -> list[bool]:
        return self._flags(IS_ALPHA)


def token_arrays(doc: Doc) -> TokenArrays:
    """The document's ``TokenArrays``, made on the first call and kept with the document."""
    found = doc.user_data.get(KEY)
    if found is None or found._doc() is not doc or found.n != len(doc):
        found = doc.user_data[KEY] = TokenArrays(doc)
    return found  # type: ignore[no-any-return]
