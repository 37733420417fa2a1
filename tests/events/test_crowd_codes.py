"""A crowd's force is a riot (CAMEO 145), not conventional military force (190): data/verbs/crowd_codes.tsv.

Every sentence here is our own writing."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def coded(text: str) -> set[tuple[str, str | None, str]]:
    rec = eventwire.code_text(text, published="2021-03-01").to_dict()
    return {(e["source"]["code"], e["target"]["code"] if e["target"] else None, e["cameo"]) for e in rec["events"]}


@pytest.mark.parametrize("text, source", [
    ("Hundreds of students in Bolivia clashed with riot police on Tuesday.", "BOLEDU"),
    ("Opposition supporters in Togo clashed with police outside the electoral commission.", "TGOOPP"),
    ("Striking workers in Chile clashed with police near the port.", "CHLLAB"),
])
def test_crowds_clashing_with_police_riot(text: str, source: str) -> None:
    found = coded(text)
    assert any(s == source and c == "145" for s, _, c in found), found


def test_troops_clashing_with_troops_still_use_force() -> None:
    found = coded("Ethiopian troops clashed with Eritrean troops along the border on Sunday.")
    assert ("ETHMIL", "ERIMIL", "190") in found
    assert not any(c == "145" for _, _, c in found)
