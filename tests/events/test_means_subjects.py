"""An attack or weapon as a deed's subject: its author, told in its own phrase, is the source
(data/words/means_nouns.tsv). On the record a user gets; every sentence is our own writing."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def pairs(text: str) -> set[tuple[str, str | None, str]]:
    rec = eventwire.code_text(text, published="2022-04-01").to_dict()
    return {(e["source"]["code"], e["target"]["code"] if e["target"] else None, e["cameo"][:2]) for e in rec["events"]}


@pytest.mark.parametrize("text, source, target", [
    ("A roadside bombing by al-Shabaab killed four Kenyan soldiers near Lamu.", "SOMREBSHA", "KENMIL"),
    ("Shells fired by Syrian troops struck a Turkish border post.", "SYRMIL", "TUR"),
])
def test_the_author_of_the_means_is_the_source(text: str, source: str, target: str) -> None:
    found = pairs(text)
    assert any(s == source and t == target for s, t, _ in found), found


def test_a_subject_that_is_no_means_gives_no_author() -> None:
    found = pairs("A report by the Syrian army blamed three Turkish soldiers for the fire.")
    assert not any(s == "SYRMIL" and c == "19" for s, _, c in found), found
