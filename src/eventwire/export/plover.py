"""Events as PLOVER records (the layout of PLOVER's gold-standard file): what we know mapped, the rest null."""

from __future__ import annotations

import json
from typing import Any

PLOVER_VERSION = "PLOVER 2021 (mapped from CAMEO by CAMEO2PLOVER-2021)"


def plover_actor(event: dict[str, Any], role: str) -> list[dict[str, Any]]:
    """PLOVER actors: ``code`` is the country (ISO alpha-3), else our whole actor code (IGOs, NGOs); an uncoded party
    (``cameoCode`` null, actors/parties.py) keeps its words and whatever country it has. None with no actor."""
    code, country = event.get(f"{role}_code"), event.get(f"{role}_country")
    if code is None and event.get(f"{role}_text") is None:
        return []
    return [{"actorText": event.get(f"{role}_text"), "code": country or code, "sector": event.get(f"{role}_sector"),
             "cameoCode": code, "name": event.get(f"{role}_name")}]


def plover_location(event: dict[str, Any]) -> dict[str, Any] | None:
    if event.get("location_name") is None:
        return None
    return {"placeText": event.get("location_text"), "placeName": event["location_name"],
            "country": event.get("location_country"), "lat": event.get("location_lat"),
            "lon": event.get("location_lon"), "geonameid": event.get("location_geonameid")}


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One event in PLOVER's record layout; fields we do not code (size, dead, injured, comment) are null."""
    coded_at = event.get("article_coded_at")
    return {
        "id": event["id"],
        "date": event.get("day"),
        "source": plover_actor(event, "source"),
        "target": plover_actor(event, "target"),
        "event": event.get("plover_type"),
        "eventText": event.get("trigger_text"),
        "mode": event.get("plover_mode"),
        "context": json.loads(event["plover_context"]) if event.get("plover_context") else [],
        "text": event.get("evidence"),
        "textInfo": None,
        "eventLoc": plover_location(event),
        "size": None,
        "dead": None,
        "injured": None,
        "language": "en",
        "publication": event.get("article_source"),
        "coder": f"eventwire {event.get('article_coder_version')}",
        "version": PLOVER_VERSION,
        "dateCoded": coded_at[:10] if coded_at else None,
        "comment": None,
        # Ours, beyond PLOVER's layout: the CAMEO coding and where the event was read.
        "cameo": event.get("cameo"),
        "goldstein": event.get("goldstein"),
        "quadClass": event.get("quad_class"),
        "negated": bool(event.get("negated")),
        "hypothetical": bool(event.get("hypothetical")),
        "background": bool(event.get("background")),
        "articleId": event.get("article_id"),
        "url": event.get("article_url"),
    }
