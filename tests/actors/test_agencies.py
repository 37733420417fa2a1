"""State agencies named alone or by acronym, and armed groups of several regions (organisations.tsv)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def mentions(coder, text: str, published: str = "2024-08-23") -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in coder.code(text, published=published).mentions]


@pytest.mark.parametrize(("text", "name", "code"), [
    ("ICE detained a Honduran farmer outside a church in Ohio.", "ICE", "USACOP"),
    ("Immigration and Customs Enforcement flew forty Ecuadorans home.",
     "Immigration and Customs Enforcement", "USACOP"),
    ("DHS said the fence would be finished by spring.", "DHS", "USAGOV"),
    ("The Justice Department sued the state of Oregon.", "Justice Department", "USAGOV"),
    ("The DEA seized a tonne of cocaine off Florida.", "DEA", "USACOP"),
    ("The IDF shelled a farm near Khan Younis.", "IDF", "ISRMIL"),
    ("The Department for International Development cut its grants to Malawi.",
     "Department for International Development", "GBRGOV"),
    ("The NCB questioned a cricketer in Mumbai.", "NCB", "INDCOP"),
])
def test_state_agency(coder, text: str, name: str, code: str) -> None:
    assert (name, code) in mentions(coder, text)


@pytest.mark.parametrize(("text", "name", "code"), [
    ("AQAP ambushed a patrol in Shabwa.", "AQAP", "IMGMUSAQP"),
    ("The ELN blew up an oil pipeline in Arauca.", "ELN", "COLREBELN"),
    ("Islamic Jihad fired mortars at a kibbutz.", "Islamic Jihad", "PSEREBPIJ"),
    ("M23 fighters seized a town north of Goma.", "M23", "CODREBMVT"),
])
def test_armed_group(coder, text: str, name: str, code: str) -> None:
    assert any(n.startswith(name) and c == code for n, c in mentions(coder, text))


def test_a_bare_department_name_takes_no_country_of_its_own(coder) -> None:
    # Several states have a "Department of Justice": the bare name is an agent noun, the country comes from the text.
    assert ("Philippine Department of Justice", "PHLGOV") in mentions(
        coder, "The Philippine Department of Justice indicted two senators.")
    found = mentions(coder, "The Department of Transportation fined the airline.")
    assert ("Department of Transportation", "GOV") in found


def test_an_acronym_in_title_case_must_be_a_proper_noun(coder) -> None:
    assert all(text != "Ice" for text, _ in mentions(coder, "Ice closed the mountain roads for a week."))
    assert ("Nato", "IGONAT") in mentions(coder, "Nato warned Belarus.")


def test_a_headline_adjective_before_a_known_name(coder) -> None:
    # "Livid" opens the sentence and the parser takes it into the person's name: still the known person.
    assert ("Viktor Orban", "HUNGOV") in mentions(coder, "Livid Viktor Orban blocked the budget of the bloc.")
    # A given name is no headline word, even when it is also an adjective ("Frank") or a verb ("Jimmy").
    for text in ("Frank Lai was jailed by a court in Hong Kong.", "Jimmy Lai was jailed by a court in Hong Kong."):
        assert all(code != "TWNGOV" for _, code in mentions(coder, text))


def test_an_adviser_or_aide_of_an_institution(coder) -> None:
    found = mentions(coder, "Kremlin aide Yuri Smirnovsky criticised Poland.")
    assert ("Kremlin aide Yuri Smirnovsky", "RUSGOV") in found
    found = mentions(coder, "White House senior adviser Tom Brackett criticised Iran.")
    assert ("White House senior adviser Tom Brackett", "USAGOV") in found
    # Alone an adviser is no one's: "a financial adviser" is no government.
    assert mentions(coder, "A financial adviser criticised the bank.") == []


@pytest.mark.parametrize(("text", "name", "code"), [
    ("UNIFIL withdrew its observers from two posts near Naqoura.", "UNIFIL", "IGOUNOIFL"),
    ("The UN Support Mission in Libya deplored the shelling of Misrata.", "UN Support Mission in Libya", "IGOUNOSML"),
    ("MONUSCO evacuated civilians from Bunia.", "MONUSCO", "IGOUNOMON"),
])
def test_un_mission(coder, text: str, name: str, code: str) -> None:
    assert (name, code) in mentions(coder, text)


def test_a_mission_that_ended_keeps_its_code(coder) -> None:
    # MINUSMA left Mali at the end of 2023: later stories still name the UN mission, no former office-holder.
    assert ("MINUSMA", "IGOUNOMMA") in mentions(coder, "MINUSMA was accused of failing Gao.", "2025-03-01")


@pytest.mark.parametrize(("text", "code"), [
    ("A spokesman for the insurgents denied the report.", "REB"),
    ("A spokeswoman for Human Rights Watch denied the report.", "NGOHRW"),
    ("A police spokesman denied the report.", "COP"),
    ("An army spokeswoman denied the report.", "MIL"),
])
def test_a_spokesperson_speaks_for_the_body_named(coder, text: str, code: str) -> None:
    found = mentions(coder, text)
    assert any(t.startswith("spokes") and c == code for t, c in found), found


def test_a_spokesperson_for_no_one_named_is_a_government_s(coder) -> None:
    assert ("spokesman", "GOV") in mentions(coder, "A spokesman denied the report.")
