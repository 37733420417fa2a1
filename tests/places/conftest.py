"""Fixtures of the place tests: the bare model and the default place knowledge, each loaded once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventwire.knowledge.gazetteer_index import PlaceKnowledge
from eventwire.places import find_toponyms
from eventwire.records import Place

Toponyms = Callable[[str], dict[str, Place]]


@pytest.fixture(scope="session")
def nlp() -> Language:
    from eventwire.nlp.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def known() -> PlaceKnowledge:
    from eventwire.knowledge.gazetteer import load_place_knowledge

    return load_place_knowledge()


@pytest.fixture(scope="session")
def toponyms(nlp: Language, known: PlaceKnowledge) -> Toponyms:
    """The place names of a text (metonyms included) by their text, each with its reading."""
    return lambda text: {t.place.text: t.place for t in find_toponyms(nlp(text), known)}
