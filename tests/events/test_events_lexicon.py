"""The lexicon's trigger side on the record a user gets (``eventwire.code_text(...).to_dict()``), with sentences of
our own writing: "agree to" is CAMEO's "express intent" (03x) for the deed agreed to, the deed itself is not coded
as done; a noun naming a deed under a verb that does it ("announced the arrest of X") is the subject's deed."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.knowledge.patterns import DATA
from eventwire.knowledge.tables import read_rows

pytestmark = pytest.mark.slow


def triples(text: str) -> list[tuple[str, str | None, str, bool]]:
    events = eventwire.code_text(text, published="2024-05-10").to_dict()["events"]
    return [(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"], e["hypothetical"]) for e in events]


def country_triples(text: str) -> list[tuple[str, str | None, str, bool]]:
    """``triples`` with each side's country only (the first three letters of its code)."""
    return [(s[:3], (t or "")[:3] or None, code, hyp) for s, t, code, hyp in triples(text)]


# --- "agree to": CAMEO 03, "offer, promise, agree to, or otherwise indicate willingness" -------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Germany agreed to send weapons to Ukraine.", ("DEU", "UKR", "033", True)),  # intent to provide aid
    ("France agreed to lift sanctions on Iran.", ("FRA", "IRN", "035", True)),  # intent to yield
    ("Russia agreed to withdraw its troops from Georgia.", ("RUS", "GEO", "035", True)),
])
def test_a_deed_agreed_to_is_an_intention_not_a_deed(text, expected):
    found = triples(text)
    assert found == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Norway is willing to send extra resources to Haiti.", ("NOR", "HTI", "033", True)),  # intent to provide aid
    ("Germany reiterated its support for Moldova.", ("DEU", "MDA", "051", False)),  # support restated is support
    ("Turkey said it would launch a military operation against Armenia.", ("TUR", "ARM", "138", True)),  # a threat
])
def test_willingness_restated_support_and_announced_operations(text, expected):
    assert expected in triples(text)


def test_forces_put_on_alert_to_move_in_are_aimed_at_where_they_would_go():
    assert ("RUS", "GEO", "152", False) in triples("Russia put its troops on alert to move into Georgia.")


def test_agree_keeps_its_own_patterns():
    assert ("ARMGOV", "RUSGOV", "036", True) in triples("Pashinyan and Putin agreed to meet next month.")
    assert triples("Germany agreed with France on the budget.") == [("DEU", "FRA", "030", False)]


# --- A nominal deed under a verb that does it: "announced the arrest of X" (data/verbs/deed_*.tsv) ---------------

DEED_NOUNS = list(read_rows(DATA / "deed_nouns.tsv"))
DEED_VERBS = list(read_rows(DATA / "deed_verbs.tsv"))
CODE_OF = {r["noun"]: r["code"] for r in DEED_NOUNS}


@pytest.mark.parametrize("row", DEED_NOUNS, ids=lambda r: r["noun"])
def test_each_deed_noun_codes_its_deed_as_the_verbs_subjects(row):
    events = eventwire.code_text(row["example"], published="2024-05-10").to_dict()["events"]
    assert [e["cameo"] for e in events] == [row["code"]]
    assert events[0]["target"] is not None  # done to someone
    assert events[0]["source"]["end"] <= events[0]["trigger"]["start"]  # by the verb's subject


@pytest.mark.parametrize("row", DEED_VERBS, ids=lambda r: r["verb"])
def test_each_deed_verb_makes_its_objects_deed_its_subjects(row):
    events = eventwire.code_text(row["example"], published="2024-05-10").to_dict()["events"]
    assert events and events[0]["source"]["end"] <= events[0]["trigger"]["start"]
    assert events[0]["cameo"] in set(CODE_OF.values())


def test_a_deed_judged_or_asked_for_is_not_done():
    assert not any(e[2] == "173" for e in triples("France condemned the arrest of two Iranian diplomats."))
    assert not any(e[2] == "163" for e in triples("The United States called for sanctions on Iran."))


# --- A demand told as an obligation: "Russia said Israel must end ..." (CAMEO 100) --------------------------------

def test_what_a_speaker_says_someone_must_do_is_a_demand():
    assert ("FRA", "IRN", "100", False) in triples("France says Iran should release the prisoners.")
    found = triples("Germany said that Russia must withdraw its troops from Ukraine.")
    assert ("DEU", "RUS", "100", False) in found
    assert ("RUS", "UKR", "087", True) in found  # the withdrawal is only asked for: hypothetical


def test_a_semi_modal_of_obligation_is_a_demand_too():
    found = triples("Chile said Peru needs to pull its ships out of the bay.")
    assert ("CHL", "PER", "100", False) in found
    assert all(h for s, _t, _c, h in found if s == "PER")  # what Peru needs to do is not done
    assert ("CHL", "PER", "100", False) in triples("Chile said Peru has to withdraw its claim.")
    # A need of something, or a plan to do it, is no obligation.
    assert not any(code == "100" for *_, code, _h in triples("Chile said Peru needs more ships."))
    assert not any(code == "100" for *_, code, _h in triples("Chile said Peru has a plan to build a port."))


def test_no_demand_without_an_obligation_or_of_the_speaker_itself():
    assert not any(code == "100" for *_, code, _h in triples("Russia said Israel attacked Syria."))
    assert not any(code == "100" for *_, code, _h in triples("The United States said it must defend Israel."))


# --- "*": a pattern that needs some object, whatever it is ------------------------------------------------------

def test_a_thing_returned_to_someone_is_a_return_but_going_back_is_not():
    assert triples("The United States returned the stolen statues to Greece.") == [("USA", "GRC", "084", False)]
    assert triples("Russian soldiers returned to Ukraine.") == []


# --- aid with no "to" phrase: the first actor named after the verb, a place's country included ---------------------

def test_aid_for_a_purpose_in_a_country_goes_to_that_country():
    assert triples("Germany provided 40 million euros for reconstruction in Ethiopia.") == [
        ("DEU", "ETH", "070", False)]
    assert triples("Japan provided aid to Turkey.") == [("JPN", "TUR", "070", False)]


# --- A call made for a purpose is that purpose's deed; whom one expels says which expulsion ----------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Erdogan called Putin on Monday to congratulate him on his victory.", ("TURGOV", "RUSGOV", "051", False)),
    ("Erdogan phoned Putin to thank him for the grain deal.", ("TURGOV", "RUSGOV", "051", False)),
    ("Erdogan called Putin to apologize for the downing of the jet.", ("TURGOV", "RUSGOV", "055", False)),
])
def test_a_call_to_congratulate_thank_or_apologise_is_that_deed(text, expected):
    assert triples(text) == [expected]


def test_a_call_to_talk_stays_a_call_and_a_call_on_someone_stays_a_request():
    assert triples("Erdogan called Putin on Friday to discuss the grain deal.") == [("TURGOV", "RUSGOV", "040", False)]
    assert [code for *_, code, _ in triples("Britain called on Iran to release the sailors.")] == ["020"]
    assert [t[2] for t in triples("Erdogan did not call Putin to thank him.")] == ["051"]


@pytest.mark.parametrize(("text", "code"), [
    ("Moldova expelled two Russian diplomats on Tuesday.", "161"),  # PETRARCH2: EXPEL DIPLOMAT, 161
    ("Burkina Faso expelled the French ambassador.", "161"),
    ("Sudan expelled foreign aid workers.", "1663"),  # CAMEO 1663, aid agencies
    ("Moldova expelled a Russian journalist.", "174"),  # individuals
])
def test_whom_a_state_expels_names_the_expulsion(text, code):
    assert [t[2] for t in triples(text)] == [code]


def test_a_pardon_eases_a_penalty():
    assert [t[2] for t in triples("Tokayev pardoned the jailed Kazakh activists.")] == ["080"]  # PETRARCH2: PARDON


# --- The press is the audience of a talk, not a party to it (roots.tsv `audience`) -------------------------------

def test_speaking_to_reporters_or_a_news_outlet_is_no_consultation():
    assert triples("Lavrov spoke to reporters in Ankara on Monday.") == []
    assert triples("A Turkish official, who spoke to Reuters on condition of anonymity, said talks ended.") == []
    assert sorted(triples("Lavrov spoke with Fidan in Ankara on Monday.")) == [
        ("RUSGOV", "TURGOV", "040", False), ("TURGOV", "RUSGOV", "040", False)]


def test_a_deed_that_was_supposed_to_happen_is_only_hypothetical():
    assert triples("Japan was supposed to send aid to Nepal.") == [("JPN", "NPL", "070", True)]


# --- Taking a place is occupying territory (CAMEO 192; PETRARCH2: CAPTURE/SEIZE + &TOWN, &STRONGHOLD) ------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Russian troops captured the town of Avdiivka.", ("RUSMIL", "UKR", "192", False)),
    ("Russian troops captured a Ukrainian airport.", ("RUSMIL", "UKR", "192", False)),
    ("Ukrainian troops captured Russian soldiers.", ("UKRMIL", "RUSMIL", "173", False)),  # people: an arrest
])
def test_capturing_a_place_is_occupying_it_and_capturing_people_is_an_arrest(text, expected):
    assert triples(text) == [expected]


def test_a_month_is_no_place_to_target():
    # "August" is also a town's name; "in August" is a time.
    found = triples("Sudanese troops held exercises in August.")
    assert all(t != "USA" for _, t, *_ in found)
def test_joint_exercises_performed_or_begun_by_two_parties_are_military_cooperation_both_ways():
    assert sorted(triples("The armies of Chile and Peru performed joint war games in May.")) == [
        ("CHLMIL", "PER", "062", False), ("PER", "CHLMIL", "062", False)]
    found = triples("Mongolia and Kazakhstan began a new round of joint exercises today.")
    assert ("MNG", "KAZ", "062", False) in found


def test_borders_opened_to_someone_yield_to_them_and_to_refugees_grant_refuge():
    assert triples("Chad reopened its border to Sudanese traders.") == [("TCD", "SDNBUS", "080", False)]
    assert triples("Jordan opened its borders to Syrian refugees.") == [("JOR", "SYRREF", "075", False)]
    assert triples("Tunisia has agreed to open its borders to Libyan refugees.") == [("TUN", "LBYREF", "033", True)]


# --- The dative slot of a ditransitive: "granted X a pardon" and "granted a pardon to X" are one role -----------

@pytest.mark.parametrize(("text", "expected"), [
    ("Chile granted a full pardon to Evo Morales on Monday.", ("CHL", "BOLGOV", "081", False)),
    ("Norway gave 40 million euros to Haiti last year.", ("NOR", "HTI", "071", False)),
    ("Chile granted Evo Morales a full pardon on Monday.", ("CHL", "BOLGOV", "081", False)),
])
def test_the_to_phrase_of_a_verb_with_an_object_is_its_dative_slot(text, expected):
    assert expected in triples(text)



def test_an_object_read_as_the_subject_of_the_verbs_to_clause_is_its_object():
    # The parse the model sometimes gives: "the bank" as the subject of "pay", not the object of "convicted".
    import spacy
    from spacy.tokens import Doc

    from eventwire.events.targets import raised_objects
    words = ["The", "court", "convicted", "the", "bank", "to", "pay", "a", "fine", "."]
    heads = [1, 2, 2, 4, 6, 6, 2, 8, 6, 2]
    deps = ["det", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "det", "dobj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert [t.i for t in raised_objects(doc[2])] == [4]
    assert raised_objects(doc[6]) == []  # "pay" has no to-clause of its own


# --- light verb + noun frames (CAMEO 1.1b3 codes, PETRARCH2's patterns for the same nouns) -------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 184 "use as human shield": the object held or used as shields is the target
    ("Sudanese gunmen were holding Chadian farmers as human shields.", ("SDN", "TCD", "184", False)),
    ("Libyan militias used Tunisian workers as shields.", ("LBY", "TUN", "184", False)),
    # a commitment restated (050) and a demand restated (100)
    ("Spain reiterated its firm commitment to Morocco's stability.", ("ESP", "MAR", "050", False)),
    ("Chile repeated its demand that Bolivia return the border posts.", ("CHL", "BOL", "100", False)),
    # criticism offered of someone, and criticism someone faces from another (the "from" side is the critic)
    ("Sweden offered blunt criticism of the Danish government.", ("SWE", "DNK", "111", False)),
    ("The Hungarian government faced fresh criticism from Austria.", ("AUT", "HUN", "111", False)),
])
def test_light_verb_frames_code_the_deed_their_noun_names(text, expected):
    assert expected in country_triples(text)


def test_holding_someone_without_the_shield_phrase_is_no_human_shield():
    assert not any(code == "184" for _s, _t, code, _h in triples("Sudanese gunmen were holding Chadian farmers."))


@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 1312: a call for sanctions against someone threatens them with sanctions
    ("Lithuania called for tough sanctions against Belarus.", ("LTU", "BLR", "1312", False)),
    # CAMEO 0813/0814: a curfew or state of emergency lifted is one-sided, as its imposing is
    ("Peru lifted the nightly curfew.", ("PER", None, "0813", False)),
    ("Bolivia lifted its state of emergency on Monday.", ("BOL", None, "0814", False)),
    # tariffs imposed are 163, so tariffs cut or lifted ease a sanction (CAMEO 085)
    ("Canada reduced its tariffs on Chinese steel.", ("CAN", "CHN", "085", False)),
    # an investigation "of" someone names whom it looks into, as "into" and "against" do
    ("Dutch prosecutors opened an investigation of the Belgian minister.", ("NLD", "BEL", "090", False)),
])
def test_sanctions_called_for_restrictions_lifted_and_investigations_of(text, expected):
    assert expected in country_triples(text)


@pytest.mark.parametrize(("text", "expected"), [
    # "let free" is "free": CAMEO 0841, release persons
    ("Eritrea let free the Ethiopian fishermen.", ("ERI", "ETH", "0841", False)),
    # an agreement agreed is one concluded (CAMEO 057), as one reached or sealed
    ("Ghana and Togo agreed a new border treaty.", ("GHA", "TGO", "057", False)),
    ("Austria agreed a gas deal with Qatar.", ("AUT", "QAT", "057", False)),
    ("Malta and Tunisia agreed to a fisheries accord.", ("MLT", "TUN", "057", False)),
])
def test_let_free_and_agreements_agreed(text, expected):
    assert expected in country_triples(text)


def test_agreeing_to_meet_stays_an_intention():
    assert ("BRA", "ARG", "036", True) in triples("Brazil agreed to hold talks with Argentina.")


@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 1721: a publication suspended, or a newspaper banned, restricts press freedom (no mere reduced relations)
    ("The Sudanese government suspended publication of an Eritrean weekly.", ("SDN", "ERI", "1721", False)),
    ("The Syrian government banned the Lebanese newspaper.", ("SYR", "LBN", "1721", False)),
    # permission denied is permission refused (CAMEO 120)
    ("Georgia denied permission to the Armenian convoy.", ("GEO", "ARM", "120", False)),
])
def test_press_restrictions_and_permission_denied(text, expected):
    assert expected in country_triples(text)


def test_two_parties_violating_their_ceasefire_violate_it_against_each_other():
    """A ceasefire binds its parties (reciprocal): each one's violation is against the other (CAMEO 196)."""
    found = [(s[:3], (t or "")[:3] or None, code) for s, t, code, _h in
             triples("Eritrea and Ethiopia violated the border truce again.")]
    assert ("ERI", "ETH", "196") in found and ("ETH", "ERI", "196") in found


@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 090: an investigation opened names whom it looks into, or no one ("after the bridge collapsed")
    ("Chilean prosecutors opened an investigation after a bridge collapsed.", ("CHL", None, "090", False)),
    ("The Danish government announced an inquiry on Friday.", ("DNK", None, "090", False)),
    # CAMEO 081/0872: restrictions lifted are eased, one-sided when the text names no one they weighed on
    ("The Bolivian government lifted a blockade on grain exports.", ("BOL", None, "0872", False)),
    ("Kenya lifted its ban on maize exports last week.", ("KEN", None, "081", False)),
    # and the same easing agreed to is an intention to ease (035), refused a refusal to ease (124)
    ("Kenya agreed to lift a ban on maize exports.", ("KEN", None, "035", True)),
])
def test_investigations_opened_and_restrictions_lifted_need_no_target(text, expected):
    assert expected in country_triples(text)


@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 045: a mediation launched is done between the parties its purpose names, or its own "between" phrase
    ("Norway launched a mediation effort to settle the feud between Peru and Chile.",
     [("NOR", "PER", "045", False), ("NOR", "CHL", "045", False)]),
    ("The African Union began mediation between Sudan and Chad.",
     [("IGO", "SDN", "045", False), ("IGO", "TCD", "045", False)]),
])
def test_a_mediation_launched_mediates_between_the_parties_it_names(text, expected):
    assert country_triples(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a curfew or sanctions extended or prolonged stay imposed (CAMEO 1723, 163); a curfew needs no target
    ("The Nepali government extended the curfew in Kathmandu.", ("NPL", None, "1723", False)),
    ("The EU prolonged its sanctions against Belarus.", ("IGO", "BLR", "163", False)),
    # easing, as lifting, needs no one named
    ("The Peruvian government eased its restrictions on fishing exports.", ("PER", None, "081", False)),
])
def test_curfews_extended_and_restrictions_eased(text, expected):
    assert expected in country_triples(text)


@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 087: troops withdrawn de-escalate, one-sided when no place they leave is named
    ("Peru withdrew its troops.", ("PER", None, "087", False)),
    # asylum seekers and migrants accepted are refugees accepted (0333); refused, a rejection (120)
    ("Austria accepted Syrian asylum seekers.", ("AUT", "SYR", "0333", False)),
    ("Austria says it will not accept asylum seekers.", ("AUT", "REF", "120", False)),
])
def test_troops_withdrawn_and_asylum_seekers_accepted(text, expected):
    assert expected in country_triples(text)


@pytest.mark.parametrize(("text", "expected"), [
    # roots.tsv seat_source: coercion told with no agent was done by the state it was done in (CAMEO 173)
    ("The Chilean activist was arrested in Bolivia.", ("BOL", "CHL", "173", False)),
    ("The opposition leader was detained in Rwanda on Monday.", ("RWA", "OPP", "173", False)),
    # and an expulsion is the deed of the state the people are sent from (CAMEO 174)
    ("Three Chilean journalists were deported from Bolivia on Friday.", ("BOL", "CHL", "174", False)),
])
def test_an_arrest_with_no_agent_is_the_states_it_was_made_in(text, expected):
    assert expected in country_triples(text)


def test_an_arrest_with_an_agent_or_no_place_keeps_its_own_source():
    assert country_triples("The activist was arrested in Paris by French police.") == [("FRA", "CVL", "173", False)]
    assert triples("He was arrested in 2017 for fraud.") == []
