"""The scoring terms of the place finder, a name alone and in its article's context, on hand-made candidates."""

from __future__ import annotations

from collections import Counter

from eventwire.knowledge.gazetteer_index import Candidate, Gazetteer
from eventwire.places.scoring import (
    CONTAINS,
    NEAR,
    SIBLING,
    Context,
    best_candidate,
    distance_km,
    region_rival,
    score,
    unclear_county,
)


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




def county(name: str, admin1: str, population: int, lat: float = 36.0, lon: float = -88.0) -> Candidate:
    return Candidate(name, "USA", lat, lon, None, "admin2", population, admin1)


def test_a_town_and_the_county_it_lies_in_support_each_other() -> None:
    context = Context(frozenset(), Counter(), Counter(), 2, (), frozenset({"paris"}), frozenset({"henry county"}),
                      {"henry county": frozenset({"TN", "GA"})}, {("paris", "TN"): "henry county"})
    assert context.inside(county("Henry County", "TN", 20_000)) == CONTAINS
    assert context.inside(county("Henry County", "GA", 200_000)) == 0.0
    assert context.inside(town("Paris", 36.30, -88.33, 10_000, "TN")) == CONTAINS
    assert context.inside(town("Paris", 33.66, -95.56, 25_000, "TX")) == 0.0
    # Two county names of one article that share a single state: "Hall County" beside "Forsyth County".
    siblings = Context(frozenset(), Counter(), Counter(), 2, (), frozenset(), frozenset({"hall county"}),
                       {"hall county": frozenset({"GA", "NE", "TX"}), "forsyth county": frozenset({"GA", "NC"})})
    assert siblings.inside(county("Hall County", "GA", 100_000)) == SIBLING
    assert siblings.inside(county("Hall County", "NE", 60_000)) == 0.0


def test_a_county_name_several_states_share_is_unplaced_without_evidence() -> None:
    gaz = Gazetteer({})
    ga, tn = county("Henry County", "GA", 200_000), county("Henry County", "TN", 90_000)
    nothing = Context(frozenset(), Counter(), Counter(), 1)
    assert unclear_county(ga, [ga, tn], None, gaz, nothing, Counter())
    # The article's other places in Tennessee, or ", Tenn." after the name, settle it.
    in_tennessee = Context(frozenset(), Counter({"USA": 1}), Counter({("USA", "TN"): 1}), 2)
    assert not unclear_county(tn, [ga, tn], None, gaz, in_tennessee, Counter())
    assert not unclear_county(tn, [ga, tn], "US-TN", gaz, nothing, Counter())
    # A namesake three times larger than every other is read without evidence ("Orange County", California).
    ca, vt = county("Orange County", "CA", 3_000_000), county("Orange County", "VT", 5_000)
    assert not unclear_county(ca, [ca, vt], None, gaz, nothing, Counter())
    assert not unclear_county(town("Paris", 36.3, -88.3, 10_000), [ga, tn], None, gaz, nothing, Counter())




def test_a_region_name_is_the_region_not_a_small_namesake_town() -> None:
    gaz = Gazetteer({})
    region = Candidate("Middle East", None, 33.1, 35.9, None, "region", 0)
    hamlet = Candidate("Middle East", "USA", 39.3, -76.6, None, "city", 1_900, "MD")
    assert best_candidate(gaz, "Middle East", [region, hamlet], frozenset({"USA"}), None, False) is region
    assert best_candidate(gaz, "Middle East", [region, hamlet], frozenset({"USA"}), "US-MD", False) is hamlet




def test_the_article_country_does_not_lift_a_town_over_a_far_larger_namesake() -> None:
    gaz = Gazetteer({})
    toronto_oh = town("Toronto", 40.46, -80.60, 5_000, "OH")
    toronto_on = Candidate("Toronto", "CAN", 43.70, -79.42, None, "city", 2_600_000, "08")
    usa = frozenset({"USA"})
    largest = toronto_on.population
    assert score(toronto_on, "Toronto", usa, None, gaz, largest) > score(toronto_oh, "Toronto", usa, None, gaz, largest)
    # A namesake under RIVAL_RATIO times larger leaves the bonus in place: Paris, Texas in a US article.
    paris_tx, paris_fr = town("Paris", 33.66, -95.56, 25_000, "TX"), Candidate(
        "Paris", "FRA", 48.85, 2.35, None, "city", 1_000_000, "11")
    assert score(paris_tx, "Paris", usa, None, gaz, 1_000_000) > score(paris_fr, "Paris", usa, None, gaz, 1_000_000)
