"""The dyad shift rule (docs/serve.md, "Dyad shift alerts"): does a dyad's week depart from its own trailing
baseline? Pure functions over weekly counts; ``store.shifts`` reads the counts and the evidence.

For a dyad and a test week W, the baseline is the ``weeks`` weeks before W, pooled event by event. Two
measures are tested, each as a z-score of W against the baseline:

- conflict share (quad classes 3-4 among all events): ``z = (c_W - p) / sqrt(p (1 - p) / n_W)``, where
  ``p = (conflict_baseline + 0.5) / (n_baseline + 1)`` (smoothed, so a baseline without any conflict still
  has a variance);
- mean Goldstein: ``z = (g_W - mean_baseline) / (max(sd_baseline, SD_FLOOR) / sqrt(n_W))``, the event-level
  standard deviation floored at one Goldstein point (a baseline of identical scores is not infinitely sure).

A week is tested only with at least ``min_events`` events in W and ``min_baseline`` in the baseline
together: a dyad with no history, or a week of one event, raises nothing. An alert is raised when either
``|z| >= z``; its direction is ``hostile`` (conflict share up or Goldstein down) or ``warmer``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SD_FLOOR = 1.0


@dataclass(frozen=True)
class WeekCounts:
    """One dyad's events in one week: how many, how many conflict (quad 3-4), the sum and sum of squares of
    their Goldstein scores."""

    events: int = 0
    conflict: int = 0
    goldstein: float = 0.0
    goldstein_sq: float = 0.0

    def __add__(self, other: WeekCounts) -> WeekCounts:
        return WeekCounts(self.events + other.events, self.conflict + other.conflict,
                          self.goldstein + other.goldstein, self.goldstein_sq + other.goldstein_sq)


@dataclass(frozen=True)
class Rule:
    """The rule's settings: baseline weeks, the least events in the week and in the baseline, the z bound."""

    weeks: int = 8
    min_events: int = 3
    min_baseline: int = 3
    z: float = 3.0


@dataclass(frozen=True)
class Shift:
    """One measure of one week that departs from its baseline."""

    measure: str  # "conflict_share" or "goldstein_mean"
    week_value: float
    baseline_value: float
    z: float
    direction: str  # "hostile" or "warmer"


def baseline_of(history: list[WeekCounts]) -> WeekCounts:
    total = WeekCounts()
    for week in history:
        total = total + week
    return total


def shifts(week: WeekCounts, history: list[WeekCounts], rule: Rule) -> list[Shift]:
    """The measures of ``week`` that depart from the pooled ``history`` (the baseline weeks) by the rule."""
    base = baseline_of(history)
    if week.events < rule.min_events or base.events < rule.min_baseline:
        return []
    found = []
    p = (base.conflict + 0.5) / (base.events + 1)
    share = week.conflict / week.events
    z_share = (share - p) / math.sqrt(p * (1 - p) / week.events)
    if abs(z_share) >= rule.z:
        found.append(Shift("conflict_share", round(share, 3), round(base.conflict / base.events, 3),
                           round(z_share, 2), "hostile" if z_share > 0 else "warmer"))
    mean = base.goldstein / base.events
    sd = math.sqrt(max(base.goldstein_sq / base.events - mean * mean, 0.0))
    g = week.goldstein / week.events
    z_g = (g - mean) / (max(sd, SD_FLOOR) / math.sqrt(week.events))
    if abs(z_g) >= rule.z:
        found.append(Shift("goldstein_mean", round(g, 3), round(mean, 3), round(z_g, 2),
                           "hostile" if z_g < 0 else "warmer"))
    return found
