"""Lemmas of single words out of context, from the model's rule lemmatizer (for importing dictionaries)."""

from __future__ import annotations

from spacy.language import Language

from eventwire.knowledge.petrarch_verbs import Lemmatizer


def spacy_lemmatizer(nlp: Language) -> Lemmatizer:
    """Lemmas from the model's rule lemmatizer (``said`` -> ``say``, ``talks`` -> ``talk``), out of context.

    A word the lemmatizer's index knows as a base form stays itself when the rules would turn it into
    an unknown word (``express``, not ``expres``).
    """
    from spacy.tokens import Doc

    pipe = nlp.get_pipe("lemmatizer")
    index = pipe.lookups.get_table("lemma_index", {})  # type: ignore[attr-defined]

    def lemmatize(word: str, pos: str) -> str:
        lower = word.lower()
        doc = Doc(nlp.vocab, words=[lower])
        doc[0].pos_ = pos
        found = pipe.rule_lemmatize(doc[0])  # type: ignore[attr-defined]
        known = index.get(pos.lower(), ())
        if not found or (found[0] not in known and lower in known):
            return lower
        return str(found[0]).lower()

    return lemmatize


# ---------------------------------------------------------------- reading the file
