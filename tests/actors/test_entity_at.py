"""``entity_at`` reads the entity holding a token off the IOB tags: the same Span that ``doc.ents`` holds."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.actors.generic import entity_at


def test_entity_at_matches_doc_ents() -> None:
    words = ["Lena", "Ostrova", "met", "the", "Varnian", "Trade", "Office", "in", "Kell", "on", "Monday", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O", "B-DATE", "O"]
    doc = Doc(Vocab(), words=words, ents=ents)
    for i in range(len(doc)):
        expected = next((e for e in doc.ents if e.start <= i < e.end), None)
        found = entity_at(doc, i)
        if expected is None:
            assert found is None
        else:
            assert found is not None
            assert (found.start, found.end, found.label_) == (expected.start, expected.end, expected.label_)


def test_adjacent_entities_stay_apart() -> None:
    doc = Doc(Vocab(), words=["Kell", "Varnia", "said"], ents=["B-GPE", "B-GPE", "O"])
    first, second = entity_at(doc, 0), entity_at(doc, 1)
    assert first is not None and second is not None
    assert (first.start, first.end, second.start, second.end) == (0, 1, 1, 2)
    assert entity_at(doc, 2) is None
