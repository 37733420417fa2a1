"""Dyad shift alerts: the rule on weekly counts, and the alerts of a store of constructed articles (a quiet
dyad that turns hostile in its last week is reported, and no other)."""

from __future__ import annotations

import pytest

from eventwire.store.connect import open_store
from eventwire.store.filters import EventFilter, actual_events
from eventwire.store.shift_rule import Rule, WeekCounts, shifts
from eventwire.store.shifts import dyad_alerts, weekly_counts
from tests.store.shift_corpus import LAST_WEEK, build_shift_store


def week(events, conflict, *scores):
    return WeekCounts(events, conflict, sum(scores), sum(s * s for s in scores))


FRIENDLY_WEEK = week(2, 0, 1.9, 7.0)


def test_a_hostile_week_after_friendly_ones_is_a_shift():
    found = shifts(week(4, 4, -2, -10, -2, -10), [FRIENDLY_WEEK] * 8, Rule())
    assert {s.measure for s in found} == {"conflict_share", "goldstein_mean"}
    assert all(s.direction == "hostile" and abs(s.z) >= 3 for s in found)


def test_a_week_like_its_baseline_is_not():
    assert shifts(week(2, 0, 1.9, 7.0), [FRIENDLY_WEEK] * 8, Rule(min_events=2)) == []
    hostile = week(3, 3, -2, -10, -2)
    assert shifts(hostile, [hostile] * 8, Rule()) == []


def test_a_warmer_week_is_a_shift_the_other_way():
    found = shifts(week(4, 0, 7, 7, 7, 7), [week(3, 3, -2, -10, -2)] * 8, Rule())
    assert found and all(s.direction == "warmer" for s in found)


@pytest.mark.parametrize(("here", "history", "rule"), [
    (week(2, 2, -10, -10), [FRIENDLY_WEEK] * 8, Rule()),  # too few events in the week
    (week(4, 4, -10, -10, -10, -10), [FRIENDLY_WEEK] + [WeekCounts()] * 7, Rule()),  # too few in the baseline
    (week(4, 4, -10, -10, -10, -10), [], Rule()),  # no history at all
])
def test_minimum_counts(here, history, rule):
    assert shifts(here, history, rule) == []


def test_the_z_bound_decides():
    here, history = week(4, 1, -2, 1.9, 1.9, 1.9), [FRIENDLY_WEEK] * 8
    found = shifts(here, history, Rule(z=1.0))
    assert found and all(abs(s.z) < 8 for s in found)
    assert shifts(here, history, Rule(z=max(abs(s.z) for s in found) + 0.01)) == []


def test_identical_baseline_scores_have_a_floor_not_zero_spread():
    found = shifts(week(3, 0, 0.0, 0.0, 0.0), [week(3, 0, 1.0, 1.0, 1.0)] * 8, Rule())
    assert found == []  # one Goldstein point below a baseline of identical scores: z = -1.7 with the floor


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build_shift_store(tmp_path_factory.mktemp("shifts") / "s.db")
    conn = open_store(path)
    yield conn
    conn.close()


def test_weekly_counts_are_per_undirected_dyad_and_monday(store):
    counts = weekly_counts(store, EventFilter(), "country")
    assert set(counts) == {("DEU", "FRA"), ("IRN", "ISR"), ("GBR", "USA"), ("ESP", "ITA"), ("JPN", "KOR")}
    assert counts[("DEU", "FRA")]["2024-06-03"] == WeekCounts(2, 0, 8.9, 1.9 ** 2 + 49.0)
    assert all(w >= "2024-06-03" and w <= LAST_WEEK for w in counts[("DEU", "FRA")])


def test_the_quiet_dyad_turning_hostile_is_the_one_alert(store):
    alerts = dyad_alerts(store, actual_events(EventFilter()))
    assert [(a["a"], a["b"], a["week"], a["direction"]) for a in alerts] == [("DEU", "FRA", LAST_WEEK, "hostile")]
    alert = alerts[0]
    assert alert["events"] == 4 and alert["conflict_share"] == 1.0 and alert["baseline"]["events"] == 16
    assert len(alert["evidence"]) == 4 and all(e["quad_class"] >= 3 for e in alert["evidence"])
    assert all(LAST_WEEK <= e["day"] <= alert["week_end"] for e in alert["evidence"])


def test_hypothetical_threats_count_only_when_asked(store):
    everything = dyad_alerts(store, EventFilter())
    assert {(a["a"], a["b"]) for a in everything} == {("DEU", "FRA"), ("ESP", "ITA")}


def test_since_tests_every_week_from_then(store):
    assert dyad_alerts(store, actual_events(EventFilter()), since="2024-06-10") == dyad_alerts(
        store, actual_events(EventFilter()))  # the friendly weeks raise nothing
    assert dyad_alerts(store, actual_events(EventFilter()), since="2030-01-01") == []
