"""What the knowledge base says about an actor: its roles over time, or the country it is."""

from __future__ import annotations

from typing import Any

from eventwire.knowledge.actors import KnowledgeBase


def kb_profile(kb: KnowledgeBase, actor_id: str) -> dict[str, Any] | None:
    """Roles (code, country, sector, role, start, end) of a person or organisation, or a country's names."""
    for actor in kb.actors:
        if actor.id == actor_id:
            roles = sorted(actor.roles, key=lambda r: (r.start is not None, r.start or 0))
            return {"id": actor.id, "name": actor.name, "kind": actor.kind, "aliases": list(actor.aliases),
                    "roles": [{"code": r.code, "country": r.country, "sector": r.sector, "role": r.role,
                               "start": r.start and r.start.isoformat(), "end": r.end and r.end.isoformat()}
                              for r in roles]}
    country = kb.country(actor_id.upper()) if len(actor_id) == 3 else None
    if country is not None:
        return {"id": actor_id, "name": country.name, "kind": "country", "aliases": list(country.aliases),
                "capital": country.capital, "roles": [{"code": country.iso3, "country": country.iso3,
                                                       "sector": None, "role": None, "start": None, "end": None}]}
    return None


def find_countries(kb: KnowledgeBase, text: str, limit: int) -> list[dict[str, Any]]:
    """Countries whose ISO code, name or an alias starts with or contains ``text``."""
    needle = text.lower()
    hits = [c for c in kb.countries if needle == c.iso3.lower() or needle in c.name.lower()
            or any(needle in alias.lower() for alias in c.aliases)]
    hits.sort(key=lambda c: (c.iso3.lower() != needle, not c.name.lower().startswith(needle), c.name))
    return [{"id": c.iso3.lower(), "name": c.name, "kind": "country", "code": c.iso3} for c in hits[:limit]]
