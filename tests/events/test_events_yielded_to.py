"""Whom a yielding deed (CAMEO 08) with no target of its own gives way to: the party of its "after" phrase or
clause (``conceded_parties``, events/targets.py), on the record a user gets, with sentences of our own."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def triples(text: str) -> list[tuple[str, str | None, str]]:
    events = eventwire.code_text(text, published="2024-05-10").to_dict()["events"]
    return [(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"]) for e in events]


@pytest.mark.parametrize(("text", "expected"), [
    # an "after" phrase naming a deal with them
    ("Chilean dockers ended their strike after talks with the Chilean labour ministry.", ("CHL", "CHLGOV", "082")),
    # the object of the gerund of an "after" phrase
    ("Bolivian miners called off their strike soon after signing a deal with the Bolivian government.",
     ("BOL", "BOLGOV", "082")),
    # the subject of an "after" clause, which the parser may hang on the object's relative clause
    ("Bolivian miners called off their strike after the Bolivian government raised wages.",
     ("BOL", "BOLGOV", "082")),
    ("Peruvian nurses called off a strike that had closed clinics for weeks after the Peruvian ministry met "
     "their demands.", ("PERHLH", "PERGOV", "082")),
])
def test_a_yielding_deed_gives_way_to_whom_its_after_phrase_names(text, expected):
    assert expected in triples(text)


def test_the_source_itself_after_its_own_deed_is_no_target():
    assert triples("The Peruvian minister resigned after being accused of fraud.") == [("PERGOV", None, "0831")]


def test_a_target_of_its_own_comes_first():
    # the released are whom the release is done to, not who did something before it
    found = triples("Chile released two Peruvian sailors after Bolivia paid a fine.")
    assert ("CHL", "PER", "0841") in found and not any(t == "BOL" for _, t, _ in found)
