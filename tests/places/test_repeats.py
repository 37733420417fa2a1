"""A place name repeated thousands of times costs the place finder linear time (issue 16: it was quadratic)."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.language import Language

from eventwire.knowledge.gazetteer_index import Candidate, PlaceKnowledge
from eventwire.places import find_places, finder, scoring
from eventwire.places.scoring import NEAR, Context

pytestmark = pytest.mark.slow


def normalisations(monkeypatch: pytest.MonkeyPatch, nlp: Language, known: PlaceKnowledge, text: str) -> int:
    """How many names the reading passes normalise for ``text``."""
    calls = Counter[str]()
    for module in (finder, scoring):
        real = module.normalise_name

        def counted(name: str, real=real) -> str:  # noqa: ANN001 - the bound original
            calls["n"] += 1
            return real(name)

        monkeypatch.setattr(module, "normalise_name", counted)
    find_places(nlp(text), known)
    monkeypatch.undo()
    return calls["n"]


def test_a_repeated_place_name_costs_linear_work(monkeypatch: pytest.MonkeyPatch, nlp: Language,
                                                   known: PlaceKnowledge) -> None:
    sentence = "Officials met in Paris. "
    small = normalisations(monkeypatch, nlp, known, sentence * 100)
    large = normalisations(monkeypatch, nlp, known, sentence * 200)
    # Pairwise comparison of every mention's name with every other's made this 4x (80,000 calls at 200).
    assert large <= 2.2 * small, (small, large)


def test_every_repeat_reads_as_the_name_said_once(nlp: Language, known: PlaceKnowledge) -> None:
    once = find_places(nlp("Officials met in Paris."), known)
    repeated = find_places(nlp("Officials met in Paris. " * 50), known)
    assert len(repeated) == 50
    assert {(p.name, p.country, p.lat, p.lon) for p in repeated} == {(p.name, p.country, p.lat, p.lon) for p in once}


def test_nearness_counts_each_repeat_of_an_anchor_town() -> None:
    memphis, paris_fr, lyon = ("memphis", 35.15, -90.05), ("paris", 48.85, 2.35), ("lyon", 45.76, 4.84)
    context = Context(frozenset(), Counter(), Counter(), 4, (memphis, memphis, memphis, paris_fr, lyon))
    paris_tn = Candidate("Paris", "USA", 36.30, -88.33, None, "city", 10_000, "TN", False)
    # Anchors other than "paris": Memphis three times (near), Lyon once (far): 3 of 4.
    assert context.nearness(paris_tn, "paris") == NEAR * 3 / 4
