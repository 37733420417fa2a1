"""Actor resolution through the default knowledge base: names, roles, metonyms, pronouns."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def mentions(coder, text: str, published: str = "2024-08-23") -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in coder.code(text, published=published).mentions]


def test_role_on_the_article_date(coder):
    assert ("Lavrov", "RUSGOV") in mentions(coder, "Lavrov spoke.", "2024-08-23")
    assert ("Putin", "RUSGOV") in mentions(coder, "Putin spoke.", "2010-01-01")


def test_sector_phrase_after_another_sector_phrase(coder):
    # "ministry" is itself a sector phrase tied to "Russian"; "officials" inherits its country.
    found = mentions(coder, "Russian ministry officials accused Armenia of lying.")
    assert ("Armenia", "ARM") in found
    assert any(code.startswith("RUS") for _, code in found)


def test_sector_phrase_with_of_from_and_in(coder):
    found = mentions(coder, "Soldiers from Armenia met the Prime Minister of Georgia. Activists in Turkey protested.")
    codes = {code for _, code in found}
    assert {"ARMMIL", "GEOGOV"} <= codes
    assert any(code.startswith("TUR") and code != "TUR" for code in codes)


def test_capital_is_government_as_actor_and_place_otherwise(coder):
    acting = mentions(coder, "Yerevan hit back at Moscow.")
    assert ("Yerevan", "ARMGOV") in acting
    placed = mentions(coder, "Putin arrived in Baku on Monday.")
    assert all(text != "Baku" for text, _ in placed)


def test_it_resolves_to_a_state_unless_expletive(coder):
    record = coder.code("France said it would attack Germany. It is difficult to say more.", published="2024-08-23")
    pronouns = [(m.text, m.code) for m in record.mentions if m.kind == "pronoun"]
    assert pronouns == [("it", "FRA")]


def test_sector_phrase_tied_to_a_city_takes_its_country(coder):
    found = mentions(coder, "Officials in Aleppo accused Turkey of shelling. The mayor of the city of Nablus resigned.")
    codes = {code for _, code in found}
    assert "SYRGOV" in codes and any(code.startswith("PSE") for code in codes)


def test_sector_phrase_of_an_international_body_keeps_its_code(coder):
    found = mentions(coder, "UN peacekeepers left Lebanon. EU officials criticized Hungary.")
    assert ("UN peacekeepers", "IGOUNO") in found and ("EU officials", "IGOEEC") in found


def resolved(coder, text: str, published: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.code, m.role) for m in coder.code(text, published=published).mentions if m.kind == "person"}


def test_office_holders_after_the_2025_changes(coder):
    found = resolved(coder, "Takaichi met Yvette Cooper in Tokyo.", "2026-01-10")
    assert found["Takaichi"] == ("JPNGOV", "Prime Minister")
    assert found["Yvette Cooper"] == ("GBRGOV", "Minister of Foreign Affairs")
    # In 2024 Lammy was still foreign secretary.
    assert resolved(coder, "Lammy met Motegi.", "2024-08-23")["Lammy"] == ("GBRGOV", "Minister of Foreign Affairs")


def test_former_prime_minister_is_coded_as_elite(coder):
    # Out of office, Ishiba is one of Japan's elite, not its government; in office he was JPNGOV.
    found = resolved(coder, "Ishiba criticised the government.", "2026-01-10")
    assert found["Ishiba"] == ("JPNELI", "former Prime Minister")
    assert resolved(coder, "Ishiba criticised the opposition.", "2025-01-10")["Ishiba"] == ("JPNGOV", "Prime Minister")
