"""Force one politician uses on another is words: a verbal attack is criticism (CAMEO 111), not military force (190):
data/verbs/verbal_codes.tsv. Every sentence here is our own writing."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def coded(text: str) -> set[tuple[str | None, str | None, str]]:
    rec = eventwire.code_text(text, published="2005-02-01").to_dict()
    return {(e["source"]["code"], e["target"]["code"] if e["target"] else None, e["cameo"]) for e in rec["events"]}


@pytest.mark.parametrize("text, source, target", [
    ("The Conservatives attacked Labour over its record on pensions.", "GBRPTYCON", "GBRPTYLAB"),
    ("Labour MPs attacked Tony Blair over tuition fees on Tuesday.", "GBRLEG", "GBRGOV"),
    ("The Liberal Democrats clashed with the Tories over council tax.", "GBRPTYLDM", "GBRPTYCON"),
])
def test_politicians_attacking_politicians_criticise(text: str, source: str, target: str) -> None:
    found = coded(text)
    assert (source, target, "111") in found, found
    assert not any(c.startswith("19") for _, _, c in found), found


def test_troops_attacking_still_use_force() -> None:
    found = coded("Ethiopian troops attacked Eritrean positions near the border on Sunday.")
    assert any(c == "190" for _, _, c in found), found
    assert not any(c == "111" for _, _, c in found), found


def test_two_governments_attacking_each_other_are_not_read_as_words() -> None:
    found = coded("The Ethiopian government attacked the Eritrean government on Sunday.")
    assert not any(c == "111" for _, _, c in found), found
