"""The token arrays hold exactly what the Doc's tokens say, read once per document."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.arrays import token_arrays

TEXT = ('BRUSSELS (AP) - Ministers of the European Union met on Tuesday.\n\n'
        '"We will not wait," said Ana Lopez, the  Finance Minister.  She left\nafter 3 hours.\n')


def assert_same(doc: Doc) -> None:
    a = token_arrays(doc)
    for t in doc:
        i = t.i
        assert (a.text[i], a.lower[i], a.lemma[i], a.whitespace[i]) == (t.text, t.lower_, t.lemma_, t.whitespace_)
        assert (a.pos[i], a.tag[i], a.dep[i], a.ent_type[i]) == (t.pos_, t.tag_, t.dep_, t.ent_type_)
        assert (a.idx[i], a.head[i], a.sent_start[i]) == (t.idx, t.head.i, bool(t.is_sent_start))
        assert (a.is_space[i], a.is_punct[i], a.is_title[i], a.is_upper[i], a.is_alpha[i]) == (
            t.is_space, t.is_punct, t.is_title, t.is_upper, t.is_alpha)
    assert a.doc_text == doc.text


def test_arrays_equal_the_token_attributes_of_a_parsed_doc(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert_same(doc)
    a = token_arrays(doc)
    assert a.text[a.head[a.text.index("Ministers")]] == "met" and "\n\n" in a.text
    assert any(a.head[i] < i for i in range(len(doc))) and any(a.head[i] > i for i in range(len(doc)))


def test_arrays_of_an_unparsed_doc_and_of_an_empty_one(nlp: Language) -> None:
    assert_same(nlp.make_doc(TEXT))
    empty = nlp("")
    assert token_arrays(empty).text == [] and token_arrays(empty).head == []


def test_arrays_are_read_once_per_document_and_never_shared(nlp: Language) -> None:
    one, two = nlp("Paris is big."), nlp("Rome is old.")
    assert token_arrays(one) is token_arrays(one)
    assert token_arrays(one).text == ["Paris", "is", "big", "."] and token_arrays(two).text[0] == "Rome"
    copy = one[0:2].as_doc(copy_user_data=True)  # a copy of the user data holds the other document's arrays
    assert token_arrays(copy).text == ["Paris", "is"]
