"""The paragraph component starts a sentence at the token after every line break, and nowhere else."""

from __future__ import annotations

from spacy.language import Language

from eventwire.nlp.paragraphs import after_line_break, mark_paragraphs

TEXTS = [
    "\nThe minister resigned on Monday\nafter the vote.\n\n  Her deputy took over. \n\"We go on,\" he said\n",
    "One line only, with no break at all.",
    "Windows lines\r\nend like this\r\n\r\nand so on",
    "\n\n\n",
    "A tab\t\nthen a new line and trailing spaces   \n   the next one",
]


def test_a_sentence_starts_after_each_line_break(nlp: Language) -> None:
    for text in TEXTS:
        doc = mark_paragraphs(nlp.make_doc(text))
        starts = [t.i for t in doc[1:] if t.is_sent_start]
        assert starts == [t.i for t in doc[1:] if after_line_break(doc, t.i)], text
    doc = mark_paragraphs(nlp.make_doc("Votes were cast\non Monday. Counting went on"))
    assert [t.text for t in doc if t.is_sent_start] == ["Votes", "on"]  # not "Counting": the parser decides that


def test_a_text_with_no_line_break_keeps_its_sentence_starts_unset(nlp: Language) -> None:
    doc = mark_paragraphs(nlp.make_doc(TEXTS[1]))
    assert not any(t.is_sent_start for t in doc[1:])
