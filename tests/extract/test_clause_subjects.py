"""A verb the parser gives two subjects: both are tried, nearest first; a dateline is never one."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.extract.arguments import clause_subjects, subject_tokens


def parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_two_subjects_nearest_first_with_conjuncts() -> None:
    # "Old foes Gondor and Osgiliath renewed ties", read with both "foes" and "Gondor" as subjects.
    doc = parsed(["Old", "foes", "Gondor", "and", "Osgiliath", "renewed", "ties"],
                 [1, 5, 5, 2, 2, 5, 5], ["amod", "nsubj", "nsubj", "cc", "conj", "ROOT", "dobj"])
    assert [t.text for t in clause_subjects(doc[5], {"nsubj"})] == ["Gondor", "Osgiliath", "foes"]
    assert [t.text for t in subject_tokens(doc[5])] == ["Gondor", "Osgiliath", "foes"]


def test_a_dateline_read_as_a_subject_is_passed_over() -> None:
    doc = parsed(["MOSCOW", "(", "AP", ")", "-", "Lavrov", "accused", "Armenia"],
                 [6, 2, 0, 2, 0, 6, 6, 6], ["nsubj", "punct", "appos", "punct", "punct", "nsubj", "ROOT", "dobj"])
    assert [t.text for t in subject_tokens(doc[6])] == ["Lavrov"]


def test_a_single_subject_is_unchanged() -> None:
    doc = parsed(["Iran", "accused", "Israel"], [1, 1, 1], ["nsubj", "ROOT", "dobj"])
    assert [t.text for t in subject_tokens(doc[1])] == ["Iran"]
