"""The sector scan is read once a document: name resolution and the party finder take the same matches whether
they scan themselves or are given the scan (pipeline.py passes it along)."""

from datetime import date

from eventwire.actors.parties import party_mentions
from eventwire.actors.resolve import resolve_actors
from eventwire.places import is_actor_reading

TEXT = ("Riverton police detained two farm workers on Friday, and the Halvard company said its "
        "lawyers would appeal to the regional court.")


def _key(mentions):  # type: ignore[no-untyped-def]
    return [(m.start_i, m.end_i, m.head_i, m.mention) for m in mentions]


def test_given_sector_matches_change_nothing(coder) -> None:  # type: ignore[no-untyped-def]
    doc = coder.nlp(TEXT)
    matches = coder.names.match_sectors(doc)
    assert matches  # "police", "workers", "company", "lawyers", "court"
    day = date(2025, 3, 7)
    alone = resolve_actors(doc, coder.names, day, is_actor_reading)
    given = resolve_actors(doc, coder.names, day, is_actor_reading, sector_matches=matches)
    assert _key(alone) == _key(given)
    assert _key(party_mentions(doc, alone, coder.names)) == _key(
        party_mentions(doc, alone, coder.names, sector_matches=matches))
