"""One-sided deeds (a null target), the deed done in a nominal attack, and a passive clause's patient."""

from __future__ import annotations

import csv
import dataclasses

import pytest

from eventwire.export.writers import export_events
from eventwire.store.connect import open_store
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.sample import sample_article


def triples(coder, text: str) -> list[tuple[str, str, str | None]]:
    record = coder.code(text, published="2024-08-20")
    return [(e.cameo, e.source.code, e.target.code if e.target else None) for e in record.events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Thousands of Armenian protesters rallied on Sunday.", ("141", "ARMCVL", None)),
    ("Opponents of the Armenian government protested on Sunday.", ("140", "ARMOPP", None)),
    ("Georgia sent rescuers on Tuesday.", ("073", "GEO", None)),
])
def test_a_one_sided_deed_has_a_null_target(coder, text, expected) -> None:
    assert expected in triples(coder, text)


def test_the_people_freed_are_the_target(coder) -> None:
    # Prisoners are actors (CVL, data/actors/sectors.tsv): their release is no longer one-sided.
    assert ("0841", "AZE", "CVL") in triples(coder, "Azerbaijan released the prisoners on Monday.")


def test_an_intention_of_a_one_sided_deed_keeps_its_frame(coder) -> None:
    events = coder.code("Turkey said it will send a team to help.", published="2024-08-20").events
    assert [(e.cameo, e.source.code, e.target, e.hypothetical) for e in events] == [("033", "TUR", None, True)]


def test_a_target_when_there_is_one_wins(coder) -> None:
    assert triples(coder, "Japan protested to China on Monday.") == [("140", "JPN", "CHN")]
    # The first protest pattern finds no target here; the next one does, and wins over the one-sided reading.
    assert triples(coder, "Iranian students protested outside the British embassy.")[0][2].startswith("GBR")


@pytest.mark.parametrize("text", [
    "British soldiers returned home on Friday.",       # no one returned
    "Russia helped the militants.",                    # helping is not aid when no actor is helped
    "The Russian army demonstrated its strength.",     # a show, not a protest
    "Russia released a report on Monday.",             # a document, not a prisoner
    "Four Britons who were released from the camp returned home.",
])
def test_no_one_sided_deed_where_the_verb_has_another_sense(coder, text) -> None:
    assert [t for t in triples(coder, text) if t[2] is None] == []


def test_a_passive_relative_clause_has_no_source_but_its_agent(coder) -> None:
    assert triples(coder, "Four Armenians who were detained in Baku returned home.") == []


def test_a_killing_in_a_nominal_attack_is_its_authors(coder) -> None:
    found = triples(coder, "Three civilians were killed in a Russian air strike on Kharkiv.")
    assert ("190", "RUSMIL", "UKR") in found and ("195", "RUSMIL", "UKR") in found
    assert triples(coder, "Two soldiers were killed in the fighting.") == []  # no author named


def test_a_one_sided_event_is_stored_and_exported_with_an_empty_target(tmp_path) -> None:
    source, coded = sample_article("a1")
    event = dataclasses.replace(coded.events[0], target=None, cameo="140")
    coded = dataclasses.replace(coded, events=(event,))
    path = tmp_path / "s.db"
    conn = open_store(path)
    write_batch(conn, start_run(conn, {}, Versions("c", "d")), [(source, coded)], [], Versions("c", "d"))
    conn.close()
    out = tmp_path / "e.csv"
    assert export_events(path, "csv", out=out) == 1
    with out.open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["source_code"], row["target_code"], row["target_country"], row["cameo"]) == ("RUSGOV", "", "", "140")


def test_a_passive_conjunct_shares_its_patient_and_has_its_own_agent(coder) -> None:
    assert ("0841", "PSEREBHAM", "CVL") in triples(coder, "The hostages were held for a month and released by Hamas.")
    assert ("190", "PSEREBHAM", "ISRMIL") in triples(coder, "Two Israeli soldiers were captured and killed by Hamas.")
    # With no agent, the shared subject is what was done to, never the doer.
    assert [t for t in triples(coder, "Armenian prisoners were tried and released.") if t[1].startswith("ARM")] == []


def test_a_nominal_deed_that_starts_a_span_of_time_is_background(coder) -> None:
    assert triples(coder, "Grain prices have risen since the Russian invasion of Ukraine.") == []
    # Named as an event of its own, with its own date, it is coded.
    assert ("192", "RUS", "UKR") in triples(coder, "Thousands fled after the Russian invasion of Ukraine in 2022.")


@pytest.mark.parametrize(("text", "expected"), [
    # a hunger strike (CAMEO 142) is against whom its purpose clause names
    ("Jailed Belarusian activists started a hunger strike on Monday to protest against the Belarusian government.",
     ("142", "BLRCVL", "BLRGOV")),
    ("Iranian workers went on strike to protest against the Iranian government.", ("143", "IRNLAB", "IRNGOV")),
    ("Nigerian unions called a general strike against the Nigerian government.", ("143", "NGALAB", "NGAGOV")),
    # dissent eased (CAMEO 082): a strike or protest called off, with or without whom it was against
    ("Brazilian truckers called off their strike against the Brazilian government.", ("082", "BRA", "BRAGOV")),
    ("Chilean miners suspended their strike on Monday.", ("082", "CHL", None)),
])
def test_strikes_begun_and_called_off(coder, text, expected) -> None:
    assert expected in triples(coder, text)


def test_air_strikes_begun_are_no_strike_of_workers(coder) -> None:
    assert not [c for c, *_ in triples(coder, "Russia began air strikes against Syrian rebels.") if c.startswith("14")]
