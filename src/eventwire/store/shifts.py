"""Dyad shift alerts (docs/serve.md, "Dyad shift alerts"): the weekly counts of every dyad, tested week by
week against its own trailing baseline by ``store.shift_rule``, each alert with the events behind it.
Read by ``eventwire alerts``, ``GET /api/alerts`` and ``eventwire watch --alerts``."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, replace
from datetime import date, timedelta
from typing import Any, Literal

from eventwire.store.aggregates import period_of
from eventwire.store.events import query_events
from eventwire.store.filters import Dyad, EventFilter, all_of, event_where
from eventwire.store.shift_rule import Rule, WeekCounts, baseline_of, shifts

Kind = Literal["country", "actor"]
Pair = tuple[str, str]
DEFAULT_RULE = Rule()
EVIDENCE = ("key", "id", "day", "cameo", "quad_class", "goldstein", "source_code", "target_code", "negated",
            "hypothetical", "confidence", "evidence", "article_id", "article_title", "article_source")


def _plus(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def latest_day(conn: sqlite3.Connection, f: EventFilter) -> str | None:
    """The latest event day ``f`` selects."""
    cond, params = all_of([event_where(f).sql(), ("e.day IS NOT NULL", [])])
    row = conn.execute(f"SELECT MAX(e.day) FROM events e WHERE {cond}", params).fetchone()
    return row[0] if row else None


def weekly_counts(conn: sqlite3.Connection, f: EventFilter, kind: Kind) -> dict[Pair, dict[str, WeekCounts]]:
    """Per undirected dyad (two different countries, or actor codes, in order), per week (its Monday): the
    events ``f`` selects with a Goldstein score."""
    column = "country" if kind == "country" else "code"
    s, t = f"e.source_{column}", f"e.target_{column}"
    cond, params = all_of([event_where(f).sql(), ("e.day IS NOT NULL AND e.goldstein IS NOT NULL", []),
                           (f"{s} IS NOT NULL AND {t} IS NOT NULL AND {s} != {t}", [])])
    sql = (f"SELECT min({s}, {t}), max({s}, {t}), date(e.day, '-6 days', 'weekday 1'), COUNT(*), "
           "SUM(e.quad_class >= 3), SUM(e.goldstein), SUM(e.goldstein * e.goldstein) "
           f"FROM events e WHERE {cond} GROUP BY 1, 2, 3")
    found: dict[Pair, dict[str, WeekCounts]] = {}
    for a, b, week, n, conflict, g, g2 in conn.execute(sql, params):
        found.setdefault((a, b), {})[week] = WeekCounts(n, conflict or 0, g or 0.0, g2 or 0.0)
    return found


def dyad_alerts(conn: sqlite3.Connection, flags: EventFilter, rule: Rule = DEFAULT_RULE, since: str | None = None,
                kind: Kind = "country", evidence_limit: int = 20) -> list[dict[str, Any]]:
    """Every week from the week of ``since`` (default: the store's last week with an event) to the last,
    every dyad whose week departs from its own ``rule.weeks`` trailing weeks by the rule: newest week first,
    then the largest departure first. ``flags``: which events count (its flags; dates and sides are ours)."""
    flags = replace(flags, since=None, until=None, dyad=None)
    last = latest_day(conn, flags)
    if last is None:
        return []
    last_week = period_of(last, "week")
    first_week = period_of(since, "week") if since else last_week
    if first_week > last_week:
        return []
    counts = weekly_counts(conn, replace(flags, since=_plus(first_week, -7 * rule.weeks), until=_plus(last_week, 6)),
                           kind)
    alerts = []
    for (a, b), weeks in sorted(counts.items()):
        week = first_week
        while week <= last_week:
            here = weeks.get(week, WeekCounts())
            history = [weeks.get(_plus(week, -7 * k), WeekCounts()) for k in range(1, rule.weeks + 1)]
            found = shifts(here, history, rule)
            if found:
                alerts.append(_alert(a, b, kind, week, here, baseline_of(history), rule, found))
            week = _plus(week, 7)
    alerts.sort(key=lambda x: (x["week"], max(abs(s["z"]) for s in x["shifts"])), reverse=True)
    for alert in alerts:
        f = replace(flags, since=alert["week"], until=alert["week_end"], dyad=Dyad(alert["a"], alert["b"], kind))
        alert["evidence"] = [{k: e[k] for k in EVIDENCE} for e in query_events(conn, f, limit=evidence_limit)]
    return alerts


def _alert(a: str, b: str, kind: Kind, week: str, here: WeekCounts, base: WeekCounts, rule: Rule,
           found: list[Any]) -> dict[str, Any]:
    return {
        "a": a, "b": b, "kind": kind, "week": week, "week_end": _plus(week, 6),
        "events": here.events, "conflict_share": round(here.conflict / here.events, 3),
        "goldstein_mean": round(here.goldstein / here.events, 3),
        "baseline": {"weeks": rule.weeks, "events": base.events,
                     "conflict_share": round(base.conflict / base.events, 3),
                     "goldstein_mean": round(base.goldstein / base.events, 3)},
        "shifts": [asdict(s) for s in found],
        "direction": "hostile" if any(s.direction == "hostile" for s in found) else "warmer",
    }
