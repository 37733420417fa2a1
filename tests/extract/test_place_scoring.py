"""The document-level scoring terms of the place finder, on hand-made candidates (no parser needed)."""

from __future__ import annotations

from collections import Counter

from eventwire.extract.places import NEAR, Context, distance_km, is_short_code, region_rival
from eventwire.resolve.gazetteer import Candidate


def town(name: str, lat: float, lon: float, population: int, admin1: str = "TN", capital: bool = False) -> Candidate:
    return Candidate(name, "USA", lat, lon, None, "city", population, admin1, capital)


def test_distance_km_matches_a_known_distance() -> None:
    # Memphis -> Nashville is about 320 km as the crow flies.
    assert 300 < distance_km(35.15, -90.05, 36.17, -86.78) < 330
    assert distance_km(10.0, 20.0, 10.0, 20.0) == 0.0


def test_nearness_counts_other_towns_within_reach() -> None:
    context = Context(frozenset(), Counter(), Counter(), 2, (("memphis", 35.15, -90.05), ("paris", 48.85, 2.35)))
    paris_tn = town("Paris", 36.30, -88.33, 10_000)
    paris_fr = Candidate("Paris", "FRA", 48.85, 2.35, None, "city", 2_000_000, "11", True)
    # The mention's own name is not an anchor: only Memphis counts, and it is near Paris, Tennessee.
    assert context.nearness(paris_tn, "paris") == NEAR
    assert context.nearness(paris_fr, "paris") == 0.0


def test_region_rival_blocks_small_namesakes_of_capitals_and_big_towns() -> None:
    assert region_rival([town("Washington", 38.9, -77.0, 600_000, "DC", capital=True)])[1] == {"USA"}
    paris_fr = Candidate("Paris", "FRA", 48.85, 2.35, None, "city", 2_000_000, "11", True)
    assert region_rival([paris_fr, town("Paris", 36.30, -88.33, 10_000)])[1] == {"FRA"}  # Paris, TN may still win
    louisville = [town("Louisville", 38.25, -85.76, 600_000, "KY"), town("Louisville", 40.8, -81.3, 9_000, "OH")]
    assert region_rival(louisville) == (600_000, frozenset())


def test_short_codes() -> None:
    assert is_short_code("EU") and is_short_code("USA")
    assert not is_short_code("Eu") and not is_short_code("ROME") and not is_short_code("U.S.")
