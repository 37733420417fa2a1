"""Flatten coded records into the store's table rows (pure functions, no I/O)."""

from __future__ import annotations

import json
from typing import Any

from eventwire.records import ActorMention, CodedArticle, Event, Place, Quote, Time


def actor_rows(coded: CodedArticle) -> dict[str, tuple[str, str, str]]:
    """Every actor the article names, in any role, by knowledge-base id: ``(id, name, kind)``."""
    found: dict[str, tuple[str, str, str]] = {}
    people = list(coded.mentions) + [e.source for e in coded.events] + [e.target for e in coded.events if e.target]
    people += [q.speaker for q in coded.quotes if q.speaker]
    for m in people:
        found.setdefault(m.id, (m.id, m.name, m.kind))
    return found


def mention_row(n: int, m: ActorMention) -> tuple[Any, ...]:
    return (n, m.start, m.end, m.text, m.id, m.code, m.country, m.sector, m.role, m.kind)


def quote_row(n: int, q: Quote) -> tuple[Any, ...]:
    s, cue = q.speaker, q.cue
    return (n, q.id, q.start, q.end, q.text, q.kind, s and s.id, s and s.text, s and s.code, s and s.country,
            s and s.sector, cue and cue.start, cue and cue.end, cue and cue.text)


def place_row(n: int, p: Place) -> tuple[Any, ...]:
    return (n, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.geonameid, p.feature, p.reason)


def time_row(n: int, t: Time) -> tuple[Any, ...]:
    return (n, t.start, t.end, t.text, t.value, t.type, t.reason)


def event_row(n: int, e: Event, text: str) -> tuple[Any, ...]:
    s, t, loc = e.source, e.target, e.location
    return (
        n, e.id, e.start, e.end, text[e.start:e.end], e.trigger.start, e.trigger.end, e.trigger.text,
        s.id, s.text, s.name, s.code, s.country, s.sector,
        t and t.id, t and t.text, t and t.name, t and t.code, t and t.country, t and t.sector,
        e.cameo, e.cameo[:2], e.plover.type, e.plover.mode, json.dumps(list(e.plover.context)),
        e.goldstein, e.quad_class, e.date, e.date_precision,
        loc and loc.text, loc and loc.name, loc and loc.country, loc and loc.lat, loc and loc.lon,
        loc and loc.geonameid, loc and loc.feature,
        int(e.negated), int(e.hypothetical), e.quote_id, e.confidence, e.pattern, int(e.background),
    )


MENTION_COLUMNS = "n, start, \"end\", text, actor_id, code, country, sector, role, kind"
QUOTE_COLUMNS = ("n, id, start, \"end\", text, kind, speaker_actor_id, speaker_text, speaker_code, speaker_country, "
                 "speaker_sector, cue_start, cue_end, cue_text")
PLACE_COLUMNS = "n, start, \"end\", text, name, country, lat, lon, geonameid, feature, reason"
TIME_COLUMNS = "n, start, \"end\", text, value, type, reason"
EVENT_COLUMNS = (
    "n, id, start, \"end\", evidence, trigger_start, trigger_end, trigger_text, "
    "source_actor_id, source_text, source_name, source_code, source_country, source_sector, "
    "target_actor_id, target_text, target_name, target_code, target_country, target_sector, "
    "cameo, root, plover_type, plover_mode, plover_context, goldstein, quad_class, date, date_precision, "
    "location_text, location_name, location_country, location_lat, location_lon, location_geonameid, "
    "location_feature, negated, hypothetical, quote_id, confidence, pattern, background"
)
