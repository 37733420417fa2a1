"""Deeds told under a speech verb or a predicative intent word, and the CAMEO codes of their frames, on the record a
user gets (``eventwire.code_text(...).to_dict()``), with sentences of our own writing."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def triples(text: str) -> list[tuple[str, str | None, str, bool, bool]]:
    found = eventwire.code_text(text, published="2024-05-10").to_dict()["events"]
    return [(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"], e["negated"], e["hypothetical"])
            for e in found]


# --- Contributing forces or means to a mission, and laying down arms ------------------------------------------------

def test_forces_contributed_to_a_mission_in_a_place_are_peacekeeping_there():
    # CAMEO 074 (provide military protection or peacekeeping); the mission names no actor, its place does.
    assert triples("Uruguay contributed soldiers to the peacekeeping force in Lebanon.") == [
        ("URY", "LBN", "074", False, False)]


def test_readiness_to_contribute_troops_is_an_intention_towards_the_mission_place():
    # "ready to" is an intention (intent.tsv); 074 is of root 07, whose intent code is 033.
    assert triples("Chile would be willing to contribute its troops to a peacekeeping force in Mali.") == [
        ("CHL", "MLI", "033", False, True)]


def test_money_contributed_to_a_cause_is_aid():
    assert triples("Norway contributed 20 million dollars to the reconstruction of Iraq.") == [
        ("NOR", "IRQ", "070", False, False)]


def test_laying_down_arms_is_a_truce():
    # PETRARCH2's LAY block: DOWN &WEAPON is 0871 (declare truce, ceasefire).
    assert [t[1:3] for t in triples("The Colombian rebels laid down their weapons in southern Peru.")] == [
        ("PER", "0871")]


def test_saying_they_would_lay_down_arms_is_an_intention_to_yield():
    # A future told by its actor under "said" is an intention: 0871 is of root 08, whose intent code is 035.
    assert [t[1:] for t in triples("The Colombian rebels said they would lay down their arms in Peru.")] == [
        ("PER", "035", False, True)]


# --- "X said it is ready to ...": the pronoun of a stance adjective refers --------------------------------------------

def test_it_of_a_stance_adjective_under_said_is_the_speaker():
    # "it is difficult to" is expletive; "it is willing to" is the state that said so (stance_predicates.tsv).
    assert triples("Chile said it was willing to meet Peru.") == [("CHL", "PER", "036", False, True)]
    assert triples("Chile said on Monday it is prepared to contribute troops to a peacekeeping force in Mali.") == [
        ("CHL", "MLI", "033", False, True)]


def test_it_of_a_difficulty_stays_expletive():
    assert triples("Chile said it is difficult to meet Peru.") == []


def test_a_negated_copula_of_an_intent_adjective_is_a_refusal():
    # "not ready to" is a negated intention: the root's refusal code (12x), not negated, as "will not" is.
    assert triples("Chile is not prepared to meet Peru.") == [("CHL", "PER", "125", False, False)]
    assert triples("Chile said it was not ready to recognise Kosovo.") == [("CHL", "XKX", "120", False, False)]


# --- People sent somewhere to investigate ----------------------------------------------------------------------------

def test_a_team_sent_to_investigate_is_an_investigation_of_where_it_goes():
    # CAMEO 090 (investigate): the purpose clause says what the sending is; experts sent for nothing more stay aid.
    assert triples("Chile sent a group of specialists into Peru to investigate the killings.") == [
        ("CHL", "PER", "090", False, False)]
    assert triples("Chile sent experts to Peru.") == [("CHL", "PER", "070", False, False)]


# --- Announced suspensions, refuge sought, a declared cessation ------------------------------------------------------

def test_an_announced_suspension_of_ties_reduces_relations_with_whom_they_are_with():
    # CAMEO 16 (reduce relations): the suspended tie names the other party.
    assert triples("Norway announced on Friday the suspension of its flights with Uganda.") == [
        ("NOR", "UGA", "160", False, False)]


def test_seeking_refuge_in_a_country_is_an_appeal_to_it():
    # PETRARCH2's SEEK block: &ASYLUM (asylum, refuge, sanctuary) is 020.
    assert triples("Some 50,000 Malians have sought refuge in Senegal since the war began.") == [
        ("MLI", "SEN", "020", False, False)]


def test_a_declared_cessation_of_hostilities_is_a_truce():
    assert [t[2] for t in triples("Colombia declared a cessation of hostilities with the ELN rebels.")] == ["0871"]


# --- Support pledged and support declared -------------------------------------------------------------------------

def test_pledged_support_is_an_intent_to_cooperate_diplomatically_and_declared_support_an_endorsement():
    # CAMEO 032 "express intent to provide diplomatic cooperation (such as policy support)"; PETRARCH2's PLEDGE
    # block codes SUPPORT 032. Support declared now is 051 (praise or endorse), as "expressed support" is.
    assert [t[1:3] for t in triples("Chile pledged its full support for the Peruvian government.")] == [
        ("PERGOV", "032")]
    assert [t[1:3] for t in triples("Chile declared its support for Peru on Monday.")] == [("PER", "051")]
