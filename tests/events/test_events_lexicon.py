"""The lexicon's trigger side on the record a user gets (``eventwire.code_text(...).to_dict()``), with sentences of
our own writing: "agree to" is CAMEO's "express intent" (03x) for the deed agreed to; the deed itself is not coded
as done."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def triples(text: str) -> list[tuple[str, str | None, str, bool]]:
    events = eventwire.code_text(text, published="2024-05-10").to_dict()["events"]
    return [(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"], e["hypothetical"]) for e in events]


# --- "agree to": CAMEO 03, "offer, promise, agree to, or otherwise indicate willingness" -------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Germany agreed to send weapons to Ukraine.", ("DEU", "UKR", "033", True)),  # intent to provide aid
    ("France agreed to lift sanctions on Iran.", ("FRA", "IRN", "035", True)),  # intent to yield
    ("Russia agreed to withdraw its troops from Georgia.", ("RUS", "GEO", "035", True)),
])
def test_a_deed_agreed_to_is_an_intention_not_a_deed(text, expected):
    found = triples(text)
    assert found == [expected]


def test_agree_keeps_its_own_patterns():
    assert ("ARMGOV", "RUSGOV", "036", True) in triples("Pashinyan and Putin agreed to meet next month.")
    assert triples("Germany agreed with France on the budget.") == [("DEU", "FRA", "030", False)]
