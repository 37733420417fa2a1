"""Generic actors and unknown named actors, on the record a user gets (``eventwire.code_text(...).to_dict()``).

Every sentence here is our own writing."""

from __future__ import annotations

from typing import Any

import pytest

import eventwire

pytestmark = pytest.mark.slow


def record(text: str) -> dict[str, Any]:
    return eventwire.code_text(text, published="2021-03-01").to_dict()


def mention(rec: dict[str, Any], text: str) -> dict[str, Any]:
    found = [m for m in rec["mentions"] if m["text"] == text]
    assert found, f"no mention {text!r} in {[(m['text'], m['code']) for m in rec['mentions']]}"
    return found[0]


def codes(rec: dict[str, Any]) -> dict[str, str]:
    return {m["text"]: m["code"] for m in rec["mentions"]}


def events(rec: dict[str, Any]) -> set[tuple[str, str | None, str]]:
    return {(e["source"]["code"], e["target"]["code"] if e["target"] else None, e["cameo"][:2])
            for e in rec["events"]}


# ---------------------------------------------------------------- agent nouns and their country


def test_demonym_before_an_agent_noun_gives_the_country():
    m = mention(record("A Dutch court sentenced the former mayor to six years in prison."), "Dutch court")
    assert (m["code"], m["sector"], m["basis"], m["country_basis"]) == ("NLDJUD", "JUD", "agent-noun", "demonym")


def test_a_demonym_tagged_an_adjective_heading_a_subject_is_the_country():
    # "Japanese and the Australian armies": the parser tags the bare demonym an adjective, yet it is the subject
    rec = record("Japanese and the Canadian navies agreed to hold joint drills.")
    assert mention(rec, "Japanese")["code"] == "JPN"
    # listed on one noun the demonym stays a modifier: no actor of its own
    assert "Chilean" not in codes(record("Chilean and Peruvian diplomats met in Quito."))


def test_a_hyphenated_agent_phrase_is_the_spaced_one():
    # data/actors: "asylum seekers" is REF; written "asylum-seekers" it is the same agent noun
    rec = record("Chilean asylum-seekers protested outside the Peruvian embassy.")
    assert mention(rec, "Chilean asylum-seekers")["code"] == "CHLREF"


def test_a_member_of_a_non_state_group_acts_for_the_group_not_for_a_state():
    rec = record("Israeli police arrested a senior Hamas commander in Hebron.")
    assert mention(rec, "Hamas commander")["code"] == codes(rec)["Hamas"]
    assert ("ISRCOP", codes(rec)["Hamas"], "17") in events(rec)
    # A state's own body keeps the agent noun's country and sector.
    assert mention(record("A Kenyan army commander spoke."), "Kenyan army commander")["code"] == "KENMIL"


def test_possessive_country_before_an_agent_noun():
    m = mention(record("Kenya's federal police raided the offices of a newspaper."), "Kenya's federal police")
    assert (m["code"], m["country_basis"]) == ("KENCOP", "possessive")


def test_in_phrase_after_an_agent_noun():
    m = mention(record("Police in Peru arrested three smugglers on Tuesday."), "Police in Peru")
    assert (m["code"], m["country_basis"]) == ("PERCOP", "of")


def test_a_city_before_an_agent_noun_gives_its_country():
    m = mention(record("A Lagos court ordered the release of the two bloggers."), "Lagos court")
    assert (m["code"], m["country_basis"]) == ("NGAJUD", "place")


def test_a_compound_noun_between_place_and_agent_noun():
    assert codes(record("An Ankara district court jailed the editor."))["Ankara district court"] == "TURJUD"


def test_no_country_gives_the_bare_sector():
    rec = record("Security forces fired tear gas at protesters near the stadium.")
    forces, protesters = mention(rec, "Security forces"), mention(rec, "protesters")
    assert (forces["code"], forces["country"]) == ("COP", None)
    assert protesters["code"] == "CVL" and protesters["basis"] == "agent-noun"
    assert ("COP", "CVL", "19") in events(rec)


def test_agent_nouns_from_the_petrarch_agents_dictionary():
    rec = record("Gunmen kidnapped two engineers and the smugglers fled.")
    assert codes(rec)["Gunmen"] == "UAF" and codes(rec)["smugglers"] == "CRM"


def test_hackers_are_criminals_of_the_country_named():
    assert codes(record("Russian hackers attacked the ministry's computers."))["Russian hackers"] == "RUSCRM"


def test_a_conjunct_shares_the_country_of_its_neighbour():
    rec = record("Danish media and government criticized the decision.")
    assert mention(rec, "government")["code"] == "DNKGOV"
    assert mention(rec, "government")["country_basis"] == "conjunct"


def test_settings_and_modifiers_are_no_actors():
    rec = record("The case went to court after the police station was closed in the army base.")
    texts = {m["text"] for m in rec["mentions"]}
    assert not texts & {"court", "police", "army"}


def test_country_bound_words_need_a_country():
    rec = record("Both sides met and the leaders said the company would pay.")
    assert not rec["mentions"]
    assert codes(record("The Armenian side rejected the offer."))["Armenian side"] == "ARMGOV"


# ---------------------------------------------------------------- unknown named people and organisations


def test_unknown_person_with_a_title_and_no_country():
    rec = record("Opposition candidate Tomas Varga accused the government of fraud.")
    m = mention(rec, "Tomas Varga")
    assert (m["code"], m["kind"], m["basis"], m["country"]) == ("OPP", "person", "title", None)
    assert ("OPP", "GOV", "11") in events(rec)


def test_unknown_person_with_a_title_and_an_of_country():
    m = mention(record("Army chief Somchai Wong of Thailand met the envoy."), "Somchai Wong")
    assert (m["code"], m["country_basis"]) == ("THAMIL", "of")


def test_unknown_person_with_a_countried_title():
    # the title and the name are one mention (one actor per referent, issue 13)
    m = mention(record("Chadian rebel leader Idriss Kone attacked the town."), "Chadian rebel leader Idriss Kone")
    assert m["code"] == "TCDREB" and m["basis"] == "title"


def test_unknown_person_described_in_apposition():
    m = mention(record("Marco Bellini, a rebel commander, surrendered to the army."), "Marco Bellini")
    assert (m["code"], m["basis"]) == ("REB", "title")


def test_unknown_organisation_described_before_its_name():
    m = mention(record("The rebel Popular Liberation Front attacked an army post."), "Popular Liberation Front")
    assert m["code"] == "REB" and m["kind"] == "organisation"


def test_unknown_organisation_coded_by_its_own_name():
    police = mention(record("The Mumbai Police arrested a journalist."), "Mumbai Police")
    assert (police["code"], police["basis"], police["country_basis"]) == ("INDCOP", "name", "place")
    army = mention(record("The Libyan National Army shelled the port."), "Libyan National Army")
    assert (army["code"], army["kind"], army["country_basis"]) == ("LBYMIL", "organisation", "demonym")


def test_unknown_organisation_with_no_agent_word_acts_for_the_country_its_name_gives():
    # Issue 12: keep what the text tells (the country), and code the deed.
    rec = record("The Danish Shipping Registry accused Russia of jamming signals.")
    m = mention(rec, "Danish Shipping Registry")
    assert (m["code"], m["sector"], m["kind"], m["basis"], m["country_basis"]) == (
        "DNK", None, "organisation", "name", "demonym")
    assert ("DNK", "RUS", "11") in events(rec)
    # A capital opening the name is its place, not a second actor ("Oslo" is no Norwegian government here).
    rec = record("The Oslo Stock Exchange agreed to share data with Peru.")
    assert mention(rec, "Oslo Stock Exchange")["code"] == "NOR"
    assert "Oslo" not in codes(rec)
    # Neither country nor agent word: nothing to code it by.
    assert "Harbour Trust" not in codes(record("The Harbour Trust agreed to meet Chile."))


def test_an_unknown_person_with_no_title_acts_for_the_country_the_text_gives():
    # Issue 12: a country told in apposition or by "of", with no title, is still what the text tells.
    rec = record("Lena Kovac, a U.S. olympian, accused the federation of bias.")
    assert (mention(rec, "Lena Kovac")["code"], mention(rec, "Lena Kovac")["basis"]) == ("USA", "title")
    rec = record("Idris Malik of Chad expelled Oxfam.")
    m = mention(rec, "Idris Malik")
    assert (m["code"], m["country_basis"]) == ("TCD", "of")
    assert ("TCD", "NGOOXF", "17") in events(rec)
    # Another actor's name is no country of the person.
    assert "Pablo Ruiz" not in codes(record("Pablo Ruiz, a friend of Maduro, met Lula."))


def test_a_minor_place_in_an_organisation_name_gives_no_country():
    # Only a major city or region inside a name is read as its country (pipeline.MAJOR_PLACE).
    rec = record("The Tarbes Police arrested a journalist.")
    assert "FRA" not in {m["country"] for m in rec["mentions"]}


def test_a_name_the_text_tells_nothing_of_is_left_out():
    rec = record("Zorvan Telk met Amira Hossu in the hotel.")
    assert not rec["mentions"]


def test_the_african_union_by_its_common_variant_name():
    assert mention(record("The Africa Union suspended Mali after the coup."), "Africa Union")["code"] == "IGOAFU"


def test_knowledge_base_names_keep_basis_kb():
    m = mention(record("Russia criticized Georgia."), "Russia")
    assert (m["basis"], m["country_basis"]) == ("kb", "kb")


# ---------------------------------------------------------------- wrong countries guarded against


def test_a_country_inside_a_longer_place_name_is_not_that_country():
    rec = record("Senator Dana Holt of New Mexico criticized the plan. New Mexico officials agreed.")
    assert "MEX" not in {m["country"] for m in rec["mentions"]}
    assert mention(rec, "Dana Holt")["code"] == "USALEG"


def test_a_country_name_opening_a_person_name_is_not_the_country():
    rec = record("Israel Dorfman criticized the new rules.")
    assert all(m["country"] != "ISR" for m in rec["mentions"])


def test_an_ambiguous_country_name_is_no_village_abroad():
    rec = record("The President of Korea met the Prime Minister of Japan.")
    assert "CIV" not in {m["country"] for m in rec["mentions"]}


def test_a_named_title_is_preferred_to_the_bare_title_as_source():
    rec = record("The minister, Tomas Varga, accused Hungary of lying.")
    sources = {e["source"]["text"] for e in rec["events"]}
    assert "minister" not in sources


def test_an_unnamed_official_reporting_a_deed_accuses_no_one():
    rec = record("Rebels attacked a convoy near the border, officials said.")
    assert all(e["cameo"][:2] != "11" for e in rec["events"])


def test_a_title_too_general_to_stand_alone_codes_no_name():
    rec = record("Party leader Maria Lenz attacked the plan. Alliance leader Tomas Varga resigned.")
    assert all(m["code"] != "GOV" for m in rec["mentions"])


def test_a_general_title_after_a_bodys_agent_noun_is_that_bodys():
    rec = record("Parliament Speaker Ruta Valis accused the minister of lying.")
    m = mention(rec, "Ruta Valis")
    assert (m["code"], m["role"], m["basis"]) == ("LEG", "Speaker of Parliament", "title")
    rec = record("The church leader Anselm Okoro accused the governor of corruption.")
    assert mention(rec, "Anselm Okoro")["code"] == "REL"


def test_an_imam_and_an_mp_are_titles():
    assert mention(record("Imam Yusuf Kamara demanded an apology from the mayor."), "Yusuf Kamara")["code"] == "REL"
    assert mention(record("The MP accused the minister of lying."), "MP")["code"] == "LEG"


def test_a_shadow_minister_is_the_opposition():
    rec = record("Shadow chancellor Oliver Penn accused the government of waste.")
    assert mention(rec, "Oliver Penn")["code"] == "OPP"


# ---------------------------------------------------------------- the sentence's one country


def test_a_state_institution_takes_the_one_country_its_sentence_names_before_it():
    rec = record("Tourists on a Peruvian bus said the police stopped them twice.")
    m = mention(rec, "police")
    assert (m["code"], m["country"], m["country_basis"]) == ("PERCOP", "PER", "sentence")
    rec = record("A Nigerian activist said the authorities ignored the warnings.")
    assert (mention(rec, "authorities")["code"], mention(rec, "authorities")["country_basis"]) == ("NGAGOV", "sentence")
    rec = record("Putin said the army would answer any attack.")
    assert mention(rec, "army")["code"] == "RUSMIL"


def test_no_sentence_country_after_the_actor_or_with_two_countries_or_for_civilians():
    # The country after the agent is often the other party's.
    assert mention(record("Police arrested two Afghan nationals."), "Police")["code"] == "COP"
    # Two countries: no telling which.
    assert mention(record("Russia and Ukraine traded blame after the army shelled the town."), "army")["code"] == "MIL"
    # Not a state institution: immigrants or passengers are often of another country than the sentence's.
    rec = record("Kenyan officials said immigrants crossed the border at night.")
    assert mention(rec, "immigrants")["country_basis"] is None


def test_the_sentence_country_does_not_merge_two_officials_into_one_actor():
    rec = record("Romania's president refused a request from the justice minister to resign.")
    assert mention(rec, "Romania's president")["code"] == "ROUGOV"
    assert mention(rec, "justice minister")["country_basis"] != "sentence"


def test_a_state_institution_takes_the_country_of_its_storys_dateline():
    rec = record("MARACAIBO, Venezuela - Police detained three opposition activists on Friday.")
    m = mention(rec, "Police")  # the dateline is no modifier of the phrase ("Venezuela - Police")
    assert (m["code"], m["country_basis"]) == ("VENCOP", "dateline")
    assert {code for code, _, root in events(rec) if root == "17"} == {"VENCOP"}
    # A city alone, whatever the parser tags it, and a dateline's agency is no country of the sentence.
    rec = record("TRIPOLI (Reuters) - The court jailed two smugglers for five years.")
    assert (mention(rec, "The court")["code"], mention(rec, "The court")["country_basis"]) == ("LBYJUD", "dateline")
    # Not for civilians, and the phrase's own country wins.
    rec = record("NAIROBI, Kenya - Ugandan police said farmers blocked the road.")
    assert mention(rec, "Ugandan police")["code"] == "UGACOP"
    assert mention(rec, "farmers")["country_basis"] is None


def test_a_dateline_of_two_bureaus_gives_no_country():
    assert mention(record("LIMA/QUITO - Police arrested two smugglers."), "Police")["code"] == "COP"


PERU_STORY = ("Peru's president met Chile's president in Lima on Monday. Peruvian farmers protested in Cusco "
              "the same day. Later the police arrested ten farmers. The court rejected Chile's request. "
              "The Ruiz administration said it would review the arrests.")


def test_a_state_institution_takes_its_articles_main_country():
    rec = record(PERU_STORY)
    m = mention(rec, "police")
    assert (m["code"], m["country_basis"]) == ("PERCOP", "article")
    # Not when its sentence names a country (the court may be anyone's), nor when a name says whose it is.
    assert mention(rec, "The court")["code"] == "JUD"
    assert mention(rec, "administration")["code"] == "GOV"
    # One mention of a country is no main country.
    rec = record("Peru's president spoke on Monday. Later the police arrested ten farmers.")
    assert mention(rec, "police")["code"] == "COP"


def test_police_in_a_countrys_city_are_that_countrys():
    rec = record("Police in Ecuador's largest city detained a Dutch sailor.")
    m = mention(rec, "Police in Ecuador's largest city")
    assert (m["code"], m["country_basis"]) == ("ECUCOP", "of")


# ---------------------------------------------------------------- a group stands for its members


def test_a_group_or_members_stand_for_what_their_of_phrase_names():
    assert ("CHLLEG", "PER", "11") in events(record("A group of Chilean lawmakers accused Peru of spying."))
    rec = record("Members of the Kurdistan Workers' Party attacked Turkish soldiers near the border.")
    assert ("TURREBPKK", "TURMIL", "19") in events(rec)
    rec = record("A delegation of Japanese officials met Chinese diplomats in Beijing.")
    assert ("JPNGOV", "CHNGOV", "04") in events(rec)


# ---------------------------------------------------------------- a known surname in another person's name


def test_a_known_surname_inside_another_persons_name_is_not_that_person():
    rec = eventwire.code_text("Hunter Biden met his lawyers in Wilmington on Monday. Biden said the case against "
                              "him was political.", published="2024-03-01").to_dict()
    assert "joe-biden" not in {m["id"] for m in rec["mentions"]}
    assert not [m for m in rec["mentions"] if "Biden" in m["text"]]  # nor a "hunter" (CVL) by his first name


def test_the_known_person_named_in_full_keeps_the_bare_surname():
    text = "President Joe Biden spoke with Hunter Biden on Monday. Later Biden flew to Ohio."
    by_start = {m["start"]: m["id"] for m in eventwire.code_text(text, published="2024-03-01").to_dict()["mentions"]}
    assert by_start.get(text.index("Joe Biden")) == "joe-biden"
    assert by_start.get(text.index("Hunter Biden") + len("Hunter ")) != "joe-biden"
    assert by_start.get(text.index("Later Biden") + len("Later ")) == "joe-biden"


def test_a_courtesy_title_or_middle_initial_leaves_a_known_person_alone():
    rec = eventwire.code_text("Mr Putin met the governors in Moscow on Monday.", published="2024-03-01").to_dict()
    assert "vladimir-putin" in {m["id"] for m in rec["mentions"]}


def test_a_described_unknown_person_keeps_the_code_by_surname():
    rec = record("Opposition leader Maria Castellanos was arrested in Caracas on Monday. Castellanos said the "
                 "charges were false.")
    first = mention(rec, "Maria Castellanos")
    later = [m for m in rec["mentions"] if m["text"] == "Castellanos"]
    assert later and later[0]["id"] == first["id"] and later[0]["code"] == first["code"]
    assert later[0]["basis"] == "title"


def test_a_surname_two_described_people_share_is_left_alone():
    rec = record("Opposition leader Maria Castellanos met journalist Pedro Castellanos, rebel commander Luis "
                 "Castellanos and opposition leader Maria Castellanos again in Caracas. Castellanos said nothing.")
    assert not [m for m in rec["mentions"] if m["text"] == "Castellanos"]


# ---------------------------------------------------------------- companies and workplaces


def test_a_company_name_ending_in_a_legal_form_is_a_business():
    rec = record("Dockers in Rotterdam walked out against Veldmaat Logistics BV on Friday.")
    m = mention(rec, "Veldmaat Logistics BV")
    assert (m["code"], m["sector"], m["kind"], m["basis"]) == ("BUS", "BUS", "organisation", "name")


def test_a_legal_form_the_entity_left_out_still_ends_the_company_name():
    rec = record("The Ghanaian ministry sued Osei Cocoa plc over the unpaid export levy.")
    assert ("GHAGOV", "BUS", "11") in events(rec)


def test_a_name_with_no_legal_form_agent_word_or_country_stays_no_actor():
    rec = record("Thousands of fans cheered for Blue Harbour at the festival.")
    assert "Blue Harbour" not in codes(rec)


def test_people_at_a_workplace_take_the_country_of_its_in_phrase():
    rec = record("Workers at a nickel smelter in Finland went on strike on Monday.")
    m = mention(rec, "Workers at a nickel smelter in Finland")
    assert (m["code"], m["country_basis"]) == ("FINLAB", "of")


# ---------------------------------------------------------------- a definite bare phrase for a named organisation


def test_the_court_is_the_court_the_story_named():
    rec = record("Chile took Peru to the International Court of Justice last year. "
                 "On Monday the court criticised Peru for refusing to appear at the hearings.")
    assert codes(rec)["the court"] == "IGOUNOICJ"
    assert ("IGOUNOICJ", "PER", "11") in events(rec)


def test_the_armed_group_is_the_armed_group_the_story_named():
    rec = record("The Revolutionary Armed Forces of Colombia announced that it would free two hostages. "
                 "The rebel group also accused Bogota of bombing its camps near the border.")
    assert codes(rec)["rebel group"] == "COLREBFAR"


def test_a_bare_phrase_with_no_named_organisation_stays_generic():
    rec = record("The court criticised Peru for refusing to appear at the hearings.")
    assert codes(rec)["The court"] == "JUD"


def test_an_agents_information_is_no_actor():
    rec = record("The Peruvians are already receiving all the intelligence information they asked for.")
    assert "intelligence information" not in codes(rec)


# A story whose main country is Chile, for the sentences the tests below add to it.
CHILE_STORY = ("Chilean President Gabriel Boric will travel to Santiago on Monday. Chile is preparing a new "
               "pension law. Critics in Chile say the law costs too much. ")


def test_a_state_body_takes_the_main_country_when_its_sentence_names_only_that_one():
    rec = record(CHILE_STORY + "Opposition lawmakers praised Boric for his patience in the talks.")
    assert codes(rec)["lawmakers"] == "CHLLEG"


def test_a_court_beside_the_main_country_named_as_a_party_stays_generic():
    rec = record(CHILE_STORY + "The court criticised Chile for its delay.")
    assert codes(rec)["The court"] == "JUD"


def test_the_press_of_a_story_takes_its_main_country():
    rec = record("Chile is preparing a new pension law. Critics in Chile say the law costs too much. Chilean "
                 "unions plan a strike. Police later raided the newspaper and arrested two reporters.")
    assert codes(rec)["newspaper"] == "CHLMED"


def test_a_news_outlet_ties_no_actor_to_its_country():
    rec = record("Residents of a Chilean port told the BBC on Friday that the navy rescued ten fishermen.")
    assert codes(rec)["navy"] == "CHLMIL"


# ---------------------------------------------------------------- people held or sought


def test_the_freed_and_the_arrested_are_actors():
    # Prisoners, hostages and inmates are the general population (CVL), suspects criminals (CRM), with the
    # country the phrase gives; the deed done to them has them as its target.
    assert ("PER", "CVL", "08") in events(record("Peru freed 42 prisoners on Sunday night."))
    assert ("CHLREB", "ECUCVL", "08") in events(record("Chilean rebels released four Ecuadorian hostages."))
    assert ("BOLCOP", "CRM", "17") in events(record("Bolivian police detained several suspects after the blast."))
    assert mention(record("A Chilean court convicted three inmates."), "inmates")["code"] == "CVL"


def test_the_predicate_of_taking_someone_hostage_is_no_actor():
    # "took two reporters hostage": the parser reads the captives as a compound of "hostage"; the bare
    # predicate names no one, while "a hostage" does.
    for text in ("The rebels took two reporters hostage near Quito.", "Ecuador held the sailor prisoner for a week.",
                 "Two Danish engineers taken hostage in Mali were freed on Friday."):
        assert not [m for m in record(text)["mentions"] if m["text"].split()[0] in {"hostage", "prisoner"}], text
    assert mention(record("Chilean rebels seized a hostage."), "hostage")["code"] == "CVL"


def test_a_named_official_of_no_country_takes_the_main_country():
    # A state's title before a name: the story's main country, even beside its capital; the later surname too.
    rec = record(CHILE_STORY + "Labour Minister Ana Quiroga told reporters that Santiago would soften the draft. "
                 "Quiroga later urged Peru to sign the accord.")
    m = mention(rec, "Ana Quiroga")
    assert (m["code"], m["country_basis"]) == ("CHLGOV", "article")
    assert codes(rec)["Quiroga"] == "CHLGOV"
    assert mention(record(CHILE_STORY + "Labour Minister Ana Quiroga rejected the appeal."), "Ana Quiroga")[
        "code"] == "CHLGOV"


def test_a_named_official_beside_another_country_or_a_possessor_stays_generic():
    rec = record(CHILE_STORY + "Labour Minister Ana Quiroga met Peruvian unions on Friday.")
    assert mention(rec, "Ana Quiroga")["code"] == "GOV"
    rec = record(CHILE_STORY + "The union's founder, Labour Minister Ana Quiroga, rejected the appeal.")
    assert mention(rec, "Ana Quiroga")["code"] == "GOV"


def test_a_countrys_envoy_to_an_international_body_is_its_government():
    rec = record("Brazil's U.N. ambassador said on Monday that the vote would be delayed.")
    m = mention(rec, "Brazil's U.N. ambassador")
    assert (m["code"], m["country_basis"]) == ("BRAGOV", "possessive")
    # The body's own envoy, and its troops, stay the body's.
    assert codes(record("A U.N. envoy said on Monday that the vote would be delayed."))["U.N. envoy"] == "IGOUNO"
    assert codes(record("Brazil's UN peacekeepers left the town on Monday."))["UN peacekeepers"] == "IGOUNO"
