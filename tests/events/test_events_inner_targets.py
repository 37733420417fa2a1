"""The target named deeper inside an object phrase that names no actor itself (``inner_target``,
events/targets.py; data/words/inner_target_preps.tsv), on the record a user gets, with sentences of our own."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def pairs(text: str) -> list[tuple[str, str | None, str]]:
    events = eventwire.code_text(text, published="2024-05-10").to_dict()["events"]
    return [(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"]) for e in events]


@pytest.mark.parametrize(("text", "expected"), [
    # the object of a preposition of the slot's noun: "the ban on imports of X"
    ("Chile lifted its restrictions on imports of Argentine wine.", ("CHL", "ARG", "081")),
    # a participle's "by" agent: whose the plan, appeal or offer is
    ("Chile rejected the peace plan drafted by the Bolivian government.", ("CHL", "BOLGOV", "120")),
    ("Chile rejected the offer made by Bolivia.", ("CHL", "BOL", "120")),
    # a participle's preposition: "restrictions imposed on X", with its conjuncts
    ("Peru lifted restrictions imposed on Bolivia and Ecuador.", ("PER", "BOL", "081")),
    # a name inside the object of the slot's preposition: "an investigation into former Brazil striker ..."
    ("French police launched an investigation into former Brazil striker Joao Silva.", ("FRACOP", "BRA", "090")),
    # a participle's "by" agent under a verb of disapproval: whose the deed is
    ("Chile condemned the raids carried out by Bolivian rebels.", ("CHL", "BOLREB", "111")),
    # a member or a part of a group: "the leader of the Hezbollah network", "a camp of Bolivian rebels"
    ("Police in Norway arrested the leader of the Hezbollah militant network.", ("NORCOP", "LBNREBHEZ", "173")),
    ("Chilean troops attacked a camp of Bolivian rebels.", ("CHLMIL", "BOLREB", "190")),
])
def test_a_target_named_inside_the_object(text, expected):
    assert expected in pairs(text)


def test_the_conjuncts_inside_are_targets_too():
    assert ("PER", "ECU", "081") in pairs("Peru lifted restrictions imposed on Bolivia and Ecuador.")


def test_an_apposition_says_who_the_object_is_not_whom_the_deed_is_done_to():
    # The critic is freed, not the president he criticises.
    assert not any(t == "BOLGOV" for _, t, _ in pairs("Chile freed Juan Soto, a critic of the Bolivian president."))


def test_the_sources_own_possessive_is_no_target_inside():
    # "its" is Chile: the search goes on to whose wine the ban is on.
    assert pairs("Chile lifted its restrictions on imports of Argentine wine.") == [("CHL", "ARG", "081")]


def test_whom_a_condemned_deed_was_done_to_is_not_the_target():
    # The criticism is aimed at whoever raided, not at the victims (the deed's own event needs its author).
    assert pairs("Chile condemned the air raids on Bolivian villages.") == []


def test_a_place_inside_the_object_is_left_to_the_locative_rule():
    # Not through "in": what a place holds is read by the locative rule, per root (roots.tsv object_place);
    # a statement condemning a deed in a place does not target the place's country.
    assert not any(t == "BOL" for _, t, _ in pairs("Chile condemned the violence in Bolivia."))


def test_no_one_is_telephoned_inside_an_object():
    # "call" with an object is a telephone call (040) to whom it names, never to someone inside a thing.
    assert not any(c == "040" for _, _, c in pairs("Chile said the remarks call into question the role of Bolivia."))


def test_a_part_of_a_place_is_left_to_the_locative_rule():
    # The parser reads "southwest" as what the assault is against: the place it names is the target, not a name
    # inside its modifiers.
    found = pairs("Chilean troops launched an assault against a Hezbollah weapons depot southwest of La Paz.")
    assert found == [("CHLMIL", "BOL", "190")]


# --- "complement": what a verb agrees to or refuses names the target (verbs.tsv, targets.complement_nouns) -------

@pytest.mark.parametrize(("text", "expected"), [
    # Opening a border to someone is easing a restriction (080): agreed to, an intention to yield (035).
    ("Chile agreed to open its borders to Bolivian farm products.", ("CHL", "BOL", "035")),
    ("Chile agreed to a truce in Bolivia.", ("CHL", "BOL", "030")),
    ("Chile refused to answer a request from the Bolivian government.", ("CHL", "BOLGOV", "120")),
    ("Chile declined to give the Bolivian envoy a date.", ("CHL", "BOLGOV", "120")),
])
def test_what_is_agreed_to_or_refused_names_the_target(text, expected):
    assert expected in pairs(text)


def test_a_complement_coded_in_its_own_right_keeps_its_code():
    # "lift sanctions" is a deed of its own: agreed to, it is an intention to yield (035), refused, a refusal to
    # yield (124); the bare agreement or refusal (030, 120) is not coded beside it.
    assert pairs("Chile agreed to lift sanctions on Bolivia.") == [("CHL", "BOL", "035")]
    assert pairs("Chile refused to lift its ban on Bolivian wine.") == [("CHL", "BOL", "124")]


def test_a_generic_or_own_complement_names_no_target():
    assert pairs("Chile agreed to accept 500 people.") == []
    assert pairs("Chile agreed to reopen its embassies.") == []


def test_a_compound_subject_still_agrees_with_each_other():
    assert ("CHL", "PER", "030") in pairs("Chile and Peru agreed to work together.")



def test_a_thing_in_a_place_may_be_named_by_an_of_phrase():
    # For the roots whose target may be where a thing is (roots.tsv object_place): the members are of a ring that
    # is in Bolivia.
    assert pairs("Chilean police arrested members of a smuggling ring in Bolivia.") == [("CHLCOP", "BOL", "173")]


# ---------------------------------------------------------------- a verb's "to" hung inside its object


def test_the_recipient_hung_inside_the_objects_clause_is_the_verbs():
    # The parser hangs "to Ecuador" on the relative clause's last noun; it is to whom the masks went back.
    assert ("CHL", "ECU", "084") in pairs("Chile returned sixty carved masks that date back to the colonial "
                                          "period to Ecuador this week.")


def test_a_thing_returned_in_the_passive_leaves_the_recipient_to_the_to_phrase():
    assert ("BOL", "PER", "084") in pairs("Nine stolen paintings were returned by Bolivia to Peru on Friday.")


@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 143: what a strike is for is asked of whom its demand phrase names, the employer
    ("Dock workers in Chile went on strike for higher wages from Pacifico Shipping Ltd.", ("CHLLAB", "BUS", "143")),
    ("Kenyan nurses stopped work in a strike for better pay from Nairobi Health Corp.", ("KENHLH", "KENBUS", "143")),
])
def test_a_strike_is_against_whom_its_demand_names(text, expected):
    assert expected in pairs(text)


def test_a_strike_whose_demand_names_no_one_stays_one_sided():
    assert pairs("Dock workers in Chile went on strike for higher wages.") == [("CHLLAB", None, "143")]


def test_a_single_activist_is_an_actor_as_activists_are():
    # data/actors/sectors.tsv: "activist" is CVL as "activists" is; the protest is about the one arrested
    assert ("CHL", "CVL", "140") in pairs("Hundreds of Chileans protested the arrest of a young activist.")


def test_a_named_centre_is_no_part_of_a_place():
    # "Centre" in a name is an organisation, through which the search goes on; "the centre of X" is a place's part
    assert ("CHL", "BOL", "120") in pairs(
        "Chile rejected the complaint filed by the Documentation Centre of the Bolivian bar association.")


def test_an_object_read_as_the_subject_of_the_complements_own_clause():
    # "agreed to allow access of X to deliver": the parser makes "access" the subject of "deliver"
    assert ("PER", "IGOUNO", "030") in pairs(
        "Peru agreed to allow access of United Nations inspectors to survey the flooded valleys.")


@pytest.mark.parametrize("text", [
    "Chile, in a meeting with Peru, agreed to a new water programme.",
    "At a summit with Peru, Chile agreed to a new water programme.",
])
def test_the_slots_preposition_on_the_occasion_of_the_deed(text):
    # "with" on the meeting the agreement was reached at names whom it is with
    assert ("CHL", "PER", "030") in pairs(text)


def test_out_of_leads_inside_as_from_does():
    # data/words/inner_target_preps.tsv: "flights out of X" are flights from X
    assert ("CHL", "BOL", "172") in pairs("Chile banned flights out of Bolivia.")


@pytest.mark.parametrize(("text", "expected"), [
    # the verb's "to" hung on the apposition of a name inside the object ("Alexander the Great to ...")
    ("Chile returned a bronze statue engraved with the likeness of Alexander the Great to Greek authorities in "
     "Athens.", ("CHL", "GRCGOV", "084")),
    ("Peru returned a silver coin stamped with the portrait of Catherine the Great to Russian officials.",
     ("PER", "RUSGOV", "084")),
])
def test_the_verbs_to_on_a_names_apposition_inside_the_object(text, expected):
    assert expected in pairs(text)
