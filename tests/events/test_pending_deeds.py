"""A deed "has yet to" be done did not come about (events/frame.py, data/words/pending_adverbs.tsv), as after
"failed to"; "has to" is an obligation. Our own sentences."""

from __future__ import annotations

from eventwire.events.frame import modality_of
from eventwire.knowledge.patterns import load_patterns


def frame(nlp, text: str, verb: str) -> tuple[bool, str | None]:
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == verb)
    return modality_of(tok, load_patterns())


def test_has_yet_to_is_a_deed_not_done(nlp) -> None:
    assert frame(nlp, "Bolivian ministers have yet to reply to the Chilean claims.", "reply") == (False, "failure")
    assert frame(nlp, "Peru has yet to respond to the Chilean offer.", "respond") == (False, "failure")


def test_has_to_is_no_failure(nlp) -> None:
    assert frame(nlp, "Peru has to respond to the Chilean offer.", "respond")[1] != "failure"
