"""A place name as an actor ("Yerevan hit back") or as a location ("in Baku"), by its role in the sentence."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.actors.metonymy import is_government_metonym


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    """A hand-built parse, so the rules are tested without the statistical model."""
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_subject_of_an_action_verb_is_an_actor() -> None:
    doc = parsed(["Yerevan", "hit", "back"], [1, 1, 1], ["nsubj", "ROOT", "prt"],
                 ["PROPN", "VERB", "ADP"], ["Yerevan", "hit", "back"])
    assert is_government_metonym(doc, 0, 1)


def test_object_of_in_is_a_place() -> None:
    doc = parsed(["They", "met", "in", "Baku"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
                 ["PRON", "VERB", "ADP", "PROPN"], ["they", "meet", "in", "Baku"])
    assert not is_government_metonym(doc, 3, 4)


def test_subject_of_be_with_a_place_noun_is_a_place() -> None:
    doc = parsed(["Baku", "is", "a", "city"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "attr"],
                 ["PROPN", "AUX", "DET", "NOUN"], ["Baku", "be", "a", "city"])
    assert not is_government_metonym(doc, 0, 1)


def test_possessor_of_a_policy_is_an_actor_but_of_streets_a_place() -> None:
    words, heads, deps = ["Moscow", "'s", "policy"], [2, 0, 2], ["poss", "case", "ROOT"]
    doc = parsed(words, heads, deps, ["PROPN", "PART", "NOUN"], ["Moscow", "'s", "policy"])
    assert is_government_metonym(doc, 0, 1)
    doc = parsed(words[:2] + ["streets"], heads, deps, ["PROPN", "PART", "NOUN"], ["Moscow", "'s", "street"])
    assert not is_government_metonym(doc, 0, 1)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "name", "actor"),
    [
        ("Russian Foreign Minister Sergey Lavrov accused Yerevan of sabotaging the effort.", "Yerevan", True),
        ("Yerevan hit back by saying that the accusation was wrong.", "Yerevan", True),
        ("The comments escalated tensions between Moscow and Yerevan.", "Moscow", True),
        ("The comments escalated tensions between Moscow and Yerevan.", "Yerevan", True),
        ("It is another example of Yerevan's policy of blaming others.", "Yerevan", True),
        ("Putin met with Aliyev in Baku on Monday.", "Baku", False),
        ("Putin discussed his latest trip to Azerbaijan where he met with Aliyev.", "Azerbaijan", False),
        ("The road in the Syunik Province will connect to Nakhichevan.", "Syunik", False),
        ("The delegation flew home from Moscow on Friday.", "Moscow", False),
    ],
)
def test_seed_article_readings(sentence: str, name: str, actor: bool) -> None:
    from eventwire.nlp.model import load_model

    doc = load_model()(sentence)
    start = sentence.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    assert is_government_metonym(doc, span.start, span.end) is actor
