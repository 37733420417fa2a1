"""Political parties are actors of their country (data/actors/organisations.tsv, country + PTY + three letters), two
parties two actors; a party's name before its government or ministers leaves them the state's
(data/words/party_state_heads.tsv); a capitalised portfolio before a title is no owner's name, so the title still
takes the story's country (actors/resolve.py names_owner). Every sentence here is our own writing."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def record(text: str) -> dict:
    return eventwire.code_text(text, published="2005-02-01").to_dict()


def codes(text: str) -> dict[str, str | None]:
    return {m["text"]: m["code"] for m in record(text)["mentions"]}


def test_two_parties_of_one_country_are_two_actors() -> None:
    rec = record("Labour accused the Tories of scaremongering over immigration.")
    assert {(e["source"]["code"], e["target"]["code"], e["cameo"][:2]) for e in rec["events"]} == {
        ("GBRPTYLAB", "GBRPTYCON", "11")}


def test_a_party_spokesman_is_the_party_but_its_government_and_ministers_are_the_state() -> None:
    found = codes("A Labour spokesman said a Labour government would protect the NHS. Tory ministers disagreed.")
    assert found["Labour spokesman"] == "GBRPTYLAB"
    assert found["Labour government"] == "GBRGOV"
    assert found["Tory ministers"] == "GBRGOV"


def test_a_party_leader_named_by_the_party_is_the_party() -> None:
    found = codes("Lib Dem leader Jane Holloway criticised the chancellor on Monday.")
    assert found["Jane Holloway"] == "GBRPTYLDM"


@pytest.mark.parametrize("text, name, code", [
    # A capitalised portfolio is no owner's name: the minister takes the story's country.
    ("Britain and the UK government were in the news. The UK said so. Britain agreed. Health Minister Alan Pryce "
     "criticised the report.", "Alan Pryce", "GBRGOV"),
])
def test_a_capitalised_portfolio_does_not_stop_the_story_country(text: str, name: str, code: str) -> None:
    assert codes(text)[name] == code


def test_a_party_name_opening_a_longer_title_is_the_title() -> None:
    # "Labour Minister" is the minister of labour, an agent phrase of its own, not the Labour Party's minister.
    found = codes("Labour Minister Ines Varga of Hungary met union leaders in Budapest.")
    assert "Labour" not in found
    assert not any(code and "PTY" in code for code in found.values()), found
