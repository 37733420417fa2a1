"""Event coding on hand-written sentences, one phenomenon each, with a knowledge base built by hand."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.metonymy import is_government_metonym
from eventwire.actors.names import NameIndex
from eventwire.actors.resolve import resolve_actors
from eventwire.events.finder import find_events
from eventwire.knowledge.actors import Actor, Country, Institution, KnowledgeBase, Role, SectorPhrase
from eventwire.knowledge.patterns import load_patterns

pytestmark = pytest.mark.slow


def person(slug: str, name: str, alias: str, country: str, role: str) -> Actor:
    return Actor(slug, name, (alias,), (Role(country, "GOV", f"{country}GOV", role, date(2000, 1, 1), None),))


KB = KnowledgeBase(
    countries=(
        Country("RUS", "RU", "Russia", ("Russian Federation",), ("Russian",), "Moscow"),
        Country("ARM", "AM", "Armenia", (), ("Armenian",), "Yerevan"),
        Country("AZE", "AZ", "Azerbaijan", (), ("Azerbaijani",), "Baku"),
        Country("FRA", "FR", "France", (), ("French",), "Paris"),
    ),
    institutions=(Institution("Kremlin", "RUS", "GOV", "Government of Russia"),),
    sectors=(SectorPhrase("foreign ministry", "GOV", "Ministry of Foreign Affairs"), SectorPhrase("army", "MIL"),
             SectorPhrase("side", "GOV")),
    actors=(
        person("putin", "Vladimir Putin", "Putin", "RUS", "President"),
        person("pashinyan", "Nikol Pashinyan", "Pashinyan", "ARM", "Prime Minister"),
        person("aliyev", "Ilham Aliyev", "Aliyev", "AZE", "President"),
        person("macron", "Emmanuel Macron", "Macron", "FRA", "President"),
    ),
)


@pytest.fixture(scope="module")
def code(nlp):
    index = NameIndex(KB, lambda s: [t.text for t in nlp.tokenizer(s)])

    def run(text: str) -> list[tuple[str, str, str, bool, bool]]:
        doc = nlp(text)
        mentions = resolve_actors(doc, index, date(2024, 8, 23), is_government_metonym)
        return [(e.source.mention.code, e.target.mention.code, e.code, e.negated, e.hypothetical)
                for e in find_events(doc, mentions, load_patterns())]

    return run


def test_active_transitive_verb(code):
    assert code("Putin praised Pashinyan on Monday.") == [("RUSGOV", "ARMGOV", "051", False, False)]


def test_passive_with_agent_swaps_roles(code):
    assert code("Pashinyan was accused by Putin of sabotage.") == [("RUSGOV", "ARMGOV", "112", False, False)]


def test_compound_subject_and_reciprocal_verb_give_each_pair(code):
    got = code("Pashinyan and Putin agreed to meet next month.")  # an intention to meet (036): hypothetical
    assert sorted(got) == [("ARMGOV", "RUSGOV", "036", False, True), ("RUSGOV", "ARMGOV", "036", False, True)]


def test_compound_object_gives_one_event_per_target(code):
    got = code("Macron criticized Armenia and Azerbaijan.")
    assert sorted(got) == [("FRAGOV", "ARM", "111", False, False), ("FRAGOV", "AZE", "111", False, False)]


def test_negation_is_flagged(code):
    assert code("Putin did not accuse Pashinyan of anything.") == [("RUSGOV", "ARMGOV", "112", True, False)]


def test_intent_is_hypothetical_and_coded_as_intent(code):
    got = code("Russia is ready to support Armenia.")
    assert got == [("RUS", "ARM", "032", False, True)]


def test_threat_is_coded_as_threat(code):
    got = code("Azerbaijan threatened to attack Armenia.")
    assert [g[:3] for g in got] == [("AZE", "ARM", "138")]
    assert got[0][4] is True


def test_capital_as_actor_is_its_government(code):
    assert code("Yerevan hit back at Moscow.") == [("ARMGOV", "RUSGOV", "111", False, False)]


def test_gerund_after_object_takes_object_as_subject(code):
    got = code("The Russian foreign ministry blasted Yerevan for criticizing Putin.")
    assert sorted(got) == [("ARMGOV", "RUSGOV", "111", False, False), ("RUSGOV", "ARMGOV", "111", False, False)]


def test_accusation_content_is_not_a_separate_event(code):
    got = code("Putin accused Yerevan of attacking Azerbaijan.")
    assert got == [("RUSGOV", "ARMGOV", "112", False, False)]


def test_unknown_actor_gives_no_event(code):
    assert code("The committee praised the new stadium.") == []


def test_nominal_meeting_with_possessor(code):
    assert code("Putin's meeting with Aliyev lasted three hours.") == [("RUSGOV", "AZEGOV", "040", False, False)]


def test_negated_future_cooperation_is_a_refusal(code):
    assert code("Putin said he would not support Pashinyan.") == [("RUSGOV", "ARMGOV", "120", False, False)]


def test_refused_to_meet_is_a_rejection(code):
    assert code("Aliyev refused to meet Pashinyan.") == [("AZEGOV", "ARMGOV", "125", False, False)]


def test_intention_to_attack_is_a_threat(code):
    assert code("Azerbaijan plans to attack Armenia.") == [("AZE", "ARM", "138", False, True)]


def test_protest_without_target_takes_the_place_country(code):
    assert code("Russian students protested in Yerevan on Monday.") == [("RUS", "ARM", "140", False, False)]


def test_protest_with_target_keeps_it(code):
    assert code("Russian students protested against Pashinyan in Paris.") == [("RUS", "ARMGOV", "140", False, False)]


def test_discarded_sentences_and_stories_code_nothing(nlp):
    from dataclasses import replace

    index = NameIndex(KB, lambda s: [t.text for t in nlp.tokenizer(s)])
    doc = nlp("Putin praised Pashinyan after the baseball game. Aliyev accused Pashinyan.")
    mentions = resolve_actors(doc, index, date(2024, 8, 23), is_government_metonym)
    sentence_level = replace(load_patterns(), discards=("baseball",))
    assert [e.code for e in find_events(doc, mentions, sentence_level)] == ["112"]
    story_level = replace(load_patterns(), story_discards=("baseball",))
    assert find_events(doc, mentions, story_level) == []


def test_future_told_by_its_actor_is_an_intention(code):
    # "announced it would support" is Russia expressing intent (CAMEO 03), not a future support.
    assert code("Russia announced it would support Armenia.") == [("RUS", "ARM", "032", False, True)]


def test_the_appeal_covers_the_deed_it_asks_for(code):
    # The urging is the event; the support is only asked for and is not coded as done.
    assert code("Macron urged Pashinyan to support Aliyev.") == [("FRAGOV", "ARMGOV", "020", False, False)]


def test_wanting_someone_to_act_is_an_appeal_to_them(code):
    # "wants Putin to attack": Macron appeals to Putin; the attack is neither threatened by Putin nor done.
    assert code("Macron wants Putin to attack Armenia.") == [("FRAGOV", "RUSGOV", "020", False, False)]


def test_a_deed_someone_is_pressed_for_is_hypothetical(code):
    # "persuaded" codes nothing itself, but the support it presses for is not a deed.
    assert code("Macron persuaded Putin to support Pashinyan.") == [("RUSGOV", "ARMGOV", "051", False, True)]
