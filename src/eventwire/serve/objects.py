"""Store rows as the API's JSON objects: events (``store.events.EVENT_ROW``) and event clusters."""

from __future__ import annotations

import json
import sqlite3
from typing import Any


def _actor(r: sqlite3.Row, role: str) -> dict[str, Any] | None:
    if r[f"{role}_actor_id"] is None:
        return None
    return {"id": r[f"{role}_actor_id"], "text": r[f"{role}_text"], "name": r[f"{role}_name"],
            "code": r[f"{role}_code"], "country": r[f"{role}_country"], "sector": r[f"{role}_sector"]}


def event_object(r: sqlite3.Row) -> dict[str, Any]:
    """One stored event as the API's JSON object; ``day`` is the day it is filed under (its ``date``, else
    its article's publication date)."""
    location = None if r["location_name"] is None else {
        "text": r["location_text"], "name": r["location_name"], "country": r["location_country"],
        "lat": r["location_lat"], "lon": r["location_lon"], "geonameid": r["location_geonameid"]}
    return {
        "key": r["key"], "id": r["id"], "date": r["date"], "date_precision": r["date_precision"], "day": r["day"],
        "source": _actor(r, "source"), "target": _actor(r, "target"),
        "cameo": r["cameo"], "root": r["root"], "plover": {
            "type": r["plover_type"], "mode": r["plover_mode"], "context": json.loads(r["plover_context"] or "[]")},
        "goldstein": r["goldstein"], "quad_class": r["quad_class"],
        "evidence": r["evidence"], "start": r["start"], "end": r["end"],
        "trigger": {"start": r["trigger_start"], "end": r["trigger_end"], "text": r["trigger_text"]},
        "location": location, "negated": bool(r["negated"]), "hypothetical": bool(r["hypothetical"]),
        "background": bool(r["background"]), "quote_id": r["quote_id"], "confidence": r["confidence"],
        "article": {"hash": r["article_hash"], "id": r["article_id"], "title": r["article_title"],
                    "url": r["article_url"], "source": r["article_source"], "published": r["article_published"]},
    }


def cluster_object(r: sqlite3.Row, members: list[sqlite3.Row]) -> dict[str, Any]:
    """A stored event cluster with its members (``store.cluster_reads.CLUSTER_MEMBERS`` rows) as events."""
    events = [{**event_object(m), "why": m["member_why"]} for m in members]
    key = {"source_code": r["source_code"], "target_code": r["target_code"], "cameo": r["cameo"],
           "date": r["date_key"], "negated": bool(r["negated"]), "hypothetical": bool(r["hypothetical"])}
    goldstein = [m["goldstein"] for m in events if m["goldstein"] is not None]
    quads = [m["quad_class"] for m in events if m["quad_class"] is not None]
    return {"id": r["id"], "key": key, "location": r["location"], "num_mentions": r["num_mentions"],
            "num_articles": r["num_articles"], "num_sources": r["num_sources"], "num_stories": r["num_stories"],
            "first_date": r["first_date"], "last_date": r["last_date"], "why": json.loads(r["why"]),
            "goldstein": round(sum(goldstein) / len(goldstein), 3) if goldstein else None,
            "quad_class": min(quads) if quads else None,
            "article_ids": list(dict.fromkeys(m["article"]["id"] for m in events)),
            "sources": list(dict.fromkeys(m["article"]["source"] for m in events if m["article"]["source"])),
            "event_keys": sorted(m["key"] for m in events), "members": events}
