"""A spokesperson for a body named by any word of its mention takes the body's code (actors/resolve.py
``spoken_for``), and a named person in apposition to a mention with a country takes that country when their own
title gives none (``apposed_host``). Every sentence here is our own writing."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def codes(text: str) -> dict[str, str | None]:
    rec = eventwire.code_text(text, published="2024-05-06").to_dict()
    return {m["text"]: m["code"] for m in rec["mentions"]}


def test_a_spokesperson_for_a_ministry_named_in_full_speaks_for_its_state() -> None:
    found = codes("The spokesperson for Chile's Ministry of Foreign Affairs criticised Peru on Monday.")
    assert found["spokesperson"] == "CHLGOV"


@pytest.mark.parametrize("text", [
    "The spokesperson for Chile's Ministry of Foreign Affairs, Ambassador Rosa Vidal, criticised Peru on Monday.",
    "Ambassador Rosa Vidal, the spokeswoman for Chile's foreign ministry, criticised Peru on Monday.",
])
def test_a_titled_name_in_apposition_takes_its_hosts_country(text: str) -> None:
    assert codes(text)["Rosa Vidal"] == "CHLGOV"


def test_a_name_beside_a_bare_title_keeps_no_country() -> None:
    assert codes("Ambassador Rosa Vidal, a veteran diplomat, criticised the plan on Monday.")["Rosa Vidal"] == "GOV"


def test_a_listed_name_joined_by_a_coordinator_is_no_apposition() -> None:
    found = codes("The spokesperson for Chile's Ministry of Foreign Affairs and Ambassador Rosa Vidal spoke on Monday.")
    assert found["Rosa Vidal"] == "GOV"
