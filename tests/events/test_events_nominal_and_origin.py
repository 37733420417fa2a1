"""Nominal attacks whose author is in the noun phrase ("Russian air strikes on Yerevan") and agentless
passive attacks whose source is where the fire came from ("a rocket was fired at Armenia from Ganja"),
on hand-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.metonymy import is_government_metonym
from eventwire.actors.names import NameIndex
from eventwire.actors.resolve import resolve_actors
from eventwire.events.finder import find_events
from eventwire.knowledge.actors import KnowledgeBase, SectorPhrase
from eventwire.knowledge.patterns import load_patterns
from eventwire.nlp.model import common_words
from tests.events.small_world import COUNTRIES

pytestmark = pytest.mark.slow

KB = KnowledgeBase(
    countries=COUNTRIES,
    institutions=(),
    sectors=(SectorPhrase("forces", "MIL"), SectorPhrase("government", "GOV")),
    actors=(),
)
# Places the knowledge base does not name, as the gazetteer would give them.
PLACES = {"Gyumri": "ARM", "Ganja": "AZE"}


@pytest.fixture(scope="module")
def code(nlp):
    index = NameIndex(KB, lambda s: [t.text for t in nlp.tokenizer(s)], common_words(nlp))

    def run(text: str) -> list[tuple[str, str, str, str]]:
        doc = nlp(text)
        mentions = resolve_actors(doc, index, date(2024, 8, 23), is_government_metonym, PLACES.get)
        return [(e.source.mention.code, e.source.mention.kind, e.target.mention.code[:3] if e.target else "", e.code)
                for e in find_events(doc, mentions, load_patterns(), PLACES.get)]

    return run


@pytest.mark.parametrize(("text", "expected"), [
    # The nationality on a military deed is its military, as "Russian forces" is.
    ("Armenian shelling of Ganja killed two people.", [("ARMMIL", "role", "AZE", "194")]),
    ("Russian air strikes on Yerevan killed three people.", [("RUSMIL", "role", "ARM", "195")]),
    # No actor in a slot: the place it happens in.
    ("A US drone strike in Gyumri killed two militants.", [("USAMIL", "role", "ARM", "195")]),
    ("An air strike by Russia on Gyumri killed ten people.", [("RUSMIL", "role", "ARM", "195")]),
    # "killed in X shelling": the parser reads the gerund as a verb after the preposition's object.
    # The killing done in it is the shelling's author's too (its own event, "means" in events.py).
    ("Two soldiers were killed in Azerbaijani shelling in Gyumri.",
     [("AZEMIL", "role", "ARM", "190"), ("AZEMIL", "role", "ARM", "194")]),
    # A deed that is not military in itself keeps the bare country.
    ("A Russian attack on Armenia killed two people.", [("RUS", "country", "ARM", "190")]),
    ("The Russian invasion of Armenia began in May.", [("RUS", "country", "ARM", "192")]),
])
def test_nominal_attack_source_is_in_its_noun_phrase(code, text, expected):
    assert [e for e in code(text) if e[3][:2] in {"17", "19"}] == expected


@pytest.mark.parametrize("text", [
    "The Armenia offensive ended in May.",  # a country's full name names the theatre, not the author
    "Armenian workers went on strike.",  # a labour strike is no air strike
    "Armenian strikes closed the ports.",
])
def test_nominal_attack_needs_an_author_in_its_phrase(code, text):
    assert not [e for e in code(text) if e[3][:2] == "19"]


def test_condemned_strikes_are_not_the_condemners(code):
    got = code("France condemned the Russian air strikes on Yerevan.")
    assert ("RUSMIL", "role", "ARM", "195") in got
    assert not [e for e in got if e[0] == "FRA" and e[3][:2] == "19"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A mortar bomb was fired at Armenia from Ganja.", [("AZE", "place", "ARM", "194")]),
    ("Rockets were launched from Azerbaijan into Armenia.", [("AZE", "place", "ARM", "195")]),
    # An agent says who did it, wherever it came from.
    ("A rocket was fired at Armenia by Azerbaijani forces from Ganja.", [("AZEMIL", "role", "ARM", "195")]),
    # Only fighting and mass violence: an expulsion from a capital is no deed of that country.
    ("The ambassador was expelled from Moscow.", []),
])
def test_agentless_attack_comes_from_its_origin(code, text, expected):
    assert code(text) == expected


def test_reported_attack_from_a_place_accuses_its_country(code):
    got = code("Armenia said a rocket was fired at it from Ganja.")
    assert ("AZE", "place", "ARM", "195") in got
    assert ("ARM", "country", "AZE", "1123") in got
