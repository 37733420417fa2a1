"""A name with a lower-case particle ("al-Shabab" inside a sentence) matches as it does capitalised, and a
description right before an organisation's name is that organisation. Our own sentences, on the user's record."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def triples(text: str) -> list[tuple[str | None, str, str | None]]:
    record = eventwire.code_text(text, published="2023-06-01").to_dict()
    return [(e["source"]["code"], e["cameo"][:2], (e["target"] or {}).get("code")) for e in record["events"]]


def test_a_lower_case_particle_starts_a_known_name():
    assert triples("Ethiopian troops fought al-Shabab near the border.") == [("ETHMIL", "19", "SOMREBSHA")]
    assert triples("Yemen-based al-Qaida fighters attacked an Omani patrol.")[0][0] == "IMGMUSALQ"


def test_a_described_organisation_is_one_actor():
    assert triples("The Lebanese militant group Hezbollah fired rockets at Israel on Sunday.") == [
        ("LBNREBHEZ", "19", "ISR")]
    assert triples("The Palestinian militant group Hamas launched rockets toward Israel late on Friday.") == [
        ("PSEREBHAM", "19", "ISR")]
