"""Troops sent, deployed or trained for peacekeeping provide peacekeeping (CAMEO 074), not a show of force (150) or
military cooperation (062): data/verbs/context_codes.tsv. Every sentence here is our own writing."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.knowledge.patterns import load_patterns

pytestmark = pytest.mark.slow


def coded(text: str) -> set[tuple[str, str | None, str, bool]]:
    rec = eventwire.code_text(text, published="2021-03-01").to_dict()
    return {(e["source"]["code"][:3], e["target"]["code"][:3] if e["target"] else None, e["cameo"], e["hypothetical"])
            for e in rec["events"]}


@pytest.mark.parametrize("text", [
    "Uruguay sent 400 troops to Haiti on a peacekeeping mission.",
    "Uruguay deployed 300 soldiers to Haiti to serve as peacekeepers.",
])
def test_troops_sent_for_peacekeeping_provide_peacekeeping(text: str) -> None:
    found = coded(text)
    assert ("URY", "HTI", "074", False) in found, found
    assert not any(c == "150" for _, _, c, _ in found)


def test_troops_sent_with_no_peacekeeping_word_show_force() -> None:
    assert ("URY", "HTI", "150", False) in coded("Uruguay sent 400 troops to Haiti.")


def test_a_clause_told_after_the_deed_does_not_recode_it() -> None:
    found = coded("Uruguay sent troops to Haiti after the peacekeepers were ambushed.")
    assert ("URY", "HTI", "150", False) in found


def test_the_table_recodes_only_its_codes() -> None:
    patterns = load_patterns()
    assert patterns.code_in_context("150", frozenset({"peacekeeping"})) == "074"
    assert patterns.code_in_context("190", frozenset({"peacekeeping"})) == "190"
    assert patterns.code_in_context("150", frozenset({"troop"})) == "150"
