"""Constructed articles for the dyad shift alerts: nine weeks of several dyads, one quiet dyad turning
hostile in the last week (hand-built records, no model)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from eventwire.records import ArticleText, CodedArticle
from eventwire.store.connect import open_store
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.sample import sample_article

FIRST_MONDAY = date(2024, 6, 3)
WEEKS = 9  # eight baseline weeks, then the tested one
LAST_WEEK = (FIRST_MONDAY + timedelta(weeks=WEEKS - 1)).isoformat()  # 2024-07-29

# (cameo, quad class, Goldstein) of a friendly and of a hostile event
FRIENDLY = ("042", 1, 1.9)
TALKS = ("046", 1, 7.0)
HOSTILE = ("112", 3, -2.0)
FORCE = ("190", 4, -10.0)


def plan() -> list[tuple[str, str, int, int, tuple[str, int, float], bool]]:
    """``(source, target, week, day of the week, event, hypothetical)`` of every event."""
    events = []
    for week in range(WEEKS):
        last = week == WEEKS - 1
        # FRA-DEU: quiet and friendly, two meetings a week; in the last week, threats and force.
        if last:
            events += [("FRA", "DEU", week, d, e, False) for d, e in enumerate((HOSTILE, FORCE, HOSTILE, FORCE))]
        else:
            events += [("FRA", "DEU", week, 1, FRIENDLY, False), ("DEU", "FRA", week, 3, TALKS, False)]
        # ISR-IRN: steadily hostile, three a week.
        events += [("ISR", "IRN", week, d, e, False) for d, e in enumerate((HOSTILE, FORCE, HOSTILE))]
        # USA-GBR: steadily friendly, a mix.
        events += [("USA", "GBR", week, d, e, False) for d, e in enumerate((FRIENDLY, TALKS))]
        # ITA-ESP: friendly; in the last week threats that are only hypothetical ("may", "could").
        events += [("ITA", "ESP", week, 2, FRIENDLY, False), ("ESP", "ITA", week, 4, FRIENDLY, False)]
        if last:
            events += [("ITA", "ESP", week, d, FORCE, True) for d in range(4)]
    # JPN-KOR: nothing before, then a hostile last week: no baseline, no alert.
    events += [("JPN", "KOR", WEEKS - 1, d, HOSTILE, False) for d in range(4)]
    return events


def shift_articles() -> list[tuple[ArticleText, CodedArticle]]:
    items = []
    for n, (s, t, week, weekday, (cameo, quad, goldstein), hypothetical) in enumerate(plan()):
        day = (FIRST_MONDAY + timedelta(weeks=week, days=weekday)).isoformat()
        source, coded = sample_article(f"s{n}", text=f"Shift {n} {s} {t}. " + sample_article()[0].text,
                                       published=day, cameo=cameo, date=day)
        e = coded.events[0]
        e = replace(e, source=replace(e.source, code=s, country=s), target=replace(e.target, code=t, country=t),
                    quad_class=quad, goldstein=goldstein, hypothetical=hypothetical)
        items.append((source, replace(coded, events=(e,))))
    return items


def build_shift_store(path):  # noqa: ANN001, ANN201 - a Path in, the same out
    conn = open_store(path)
    versions = Versions("c", "d")
    write_batch(conn, start_run(conn, {}, versions), shift_articles(), [], versions)
    conn.close()
    return path
