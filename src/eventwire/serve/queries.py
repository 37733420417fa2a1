"""Event queries of the API: filters as SQL with parameters only, keyset pages, events with their article."""

from __future__ import annotations

import itertools
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from eventwire.serve.params import EventParams

# One condition with its parameters; alternatives of an "either" filter are OR-ed (source or target).
Cond = tuple[str, list[Any]]


@dataclass(frozen=True)
class Where:
    """Conditions that must all hold, and groups of which one alternative must hold."""

    all: list[Cond] = field(default_factory=list)
    either: list[list[Cond]] = field(default_factory=list)

    def sql(self) -> Cond:
        """The whole filter as one WHERE body (alternatives OR-ed), for aggregates."""
        parts = list(self.all) + [any_of(group) for group in self.either]
        return all_of(parts)

    def branches(self) -> list[Cond]:
        """One all-AND filter per choice of alternatives: each can walk an index in order."""
        choices = itertools.product(*self.either) if self.either else [()]
        return [all_of(list(self.all) + list(choice)) for choice in choices]


def all_of(parts: list[Cond]) -> Cond:
    if not parts:
        return "1", []
    return " AND ".join(f"({s})" for s, _ in parts), [p for _, ps in parts for p in ps]


def any_of(parts: list[Cond]) -> Cond:
    return " OR ".join(f"({s})" for s, _ in parts), [p for _, ps in parts for p in ps]


def code_prefix(column: str, prefix: str) -> Cond:
    """A CAMEO-code prefix as a range, so an index on the column applies (codes are upper-case ASCII)."""
    return f"{column} >= ? AND {column} < ?", [prefix, prefix + "~"]


def side(role: str, kind: str, value: str) -> Cond:
    """An actor code prefix or a country, as the source or the target of an event."""
    if kind == "country":
        return f"e.{role}_country = ?", [value]
    return code_prefix(f"e.{role}_code", value)


def event_where(p: EventParams) -> Where:
    """The filters of an event list; dates are the events' own (the coder dates every event, falling back
    to the publication day, so ``events.date`` is null only when the article has no date either)."""
    w = Where()
    for cond, value in (
        ("e.date >= ?", p.since and p.since.isoformat()),
        ("e.date < ?", p.until and p.until.isoformat() + "~"),  # dates may carry a time after the day
        ("e.source_country = ?", p.source_country), ("e.target_country = ?", p.target_country),
        ("e.quad_class = ?", p.quad_class), ("e.root = ?", p.root), ("e.plover_type = ?", p.plover),
        ("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", p.q),
        ("(e.location_name = ? COLLATE NOCASE OR e.location_country = upper(?))", p.place),
    ):
        if value is not None:
            w.all.append((cond, [value] * cond.count("?")))
    if p.cameo:
        w.all.append(code_prefix("e.cameo", p.cameo))
    for role, code in (("source", p.source_actor), ("target", p.target_actor)):
        if code:
            w.all.append(side(role, "actor", code))
    for kind, value in (("actor", p.actor), ("country", p.country)):
        if value:
            w.either.append([side("source", kind, value), side("target", kind, value)])
    return w


def dyad_where(kind: str, a: str, b: str, directed: bool) -> list[Cond]:
    """a acting on b, and (unless directed) b acting on a."""
    pair = [all_of([side("source", kind, a), side("target", kind, b)])]
    if not directed:
        pair.append(all_of([side("source", kind, b), side("target", kind, a)]))
    return pair


def event_keys(conn: sqlite3.Connection, w: Where, after: tuple[Any, ...] | None, limit: int) -> list[tuple[Any, int]]:
    """``(date, rowid)`` of one page, newest first (undated last): each branch walks its own index in order,
    the branches are merged, so a page costs about ``limit`` rows per branch whatever the store's size."""
    subs, params = [], []
    for cond, ps in w.branches():
        keyset, kp = keyset_after(after)
        subs.append(f"SELECT * FROM (SELECT e.date AS d, e.rowid AS k FROM events e WHERE {cond} AND {keyset} "
                    "ORDER BY e.date DESC, e.rowid DESC LIMIT ?)")
        params += ps + kp + [limit]
    sql = f"SELECT d, k FROM ({' UNION '.join(subs)}) ORDER BY d IS NULL, d DESC, k DESC LIMIT ?"
    return [(r[0], r[1]) for r in conn.execute(sql, params + [limit])]


def keyset_after(after: tuple[Any, ...] | None, date: str = "e.date", key: str = "e.rowid") -> Cond:
    """Rows after a (date, key) cursor in "newest first, undated last" order."""
    if after is None:
        return "1", []
    day, ident = after
    if day is None:
        return f"{date} IS NULL AND {key} < ?", [ident]
    return f"({date} < ? OR ({date} = ? AND {key} < ?) OR {date} IS NULL)", [day, day, ident]


EVENT_ROWS = """SELECT e.rowid AS key, e.*, a.id AS article_id, a.title AS article_title, a.url AS article_url,
  a.source AS article_source, a.published AS article_published
FROM events e JOIN articles a ON a.hash = e.article_hash WHERE e.rowid IN ({marks})"""


def events_by_key(conn: sqlite3.Connection, keys: list[int]) -> list[dict[str, Any]]:
    """Events (as API objects) for row keys, in the order of ``keys``."""
    if not keys:
        return []
    rows = {r["key"]: r for r in conn.execute(EVENT_ROWS.format(marks=",".join("?" * len(keys))), keys)}
    return [event_object(rows[k]) for k in keys if k in rows]


def _actor(r: sqlite3.Row, role: str) -> dict[str, Any] | None:
    if r[f"{role}_actor_id"] is None:
        return None
    return {"id": r[f"{role}_actor_id"], "text": r[f"{role}_text"], "name": r[f"{role}_name"],
            "code": r[f"{role}_code"], "country": r[f"{role}_country"], "sector": r[f"{role}_sector"]}


def event_object(r: sqlite3.Row) -> dict[str, Any]:
    """One stored event as the API's JSON object."""
    location = None if r["location_name"] is None else {
        "text": r["location_text"], "name": r["location_name"], "country": r["location_country"],
        "lat": r["location_lat"], "lon": r["location_lon"], "geonameid": r["location_geonameid"]}
    return {
        "key": r["key"], "id": r["id"], "date": r["date"], "date_precision": r["date_precision"],
        "source": _actor(r, "source"), "target": _actor(r, "target"),
        "cameo": r["cameo"], "root": r["root"], "plover": {
            "type": r["plover_type"], "mode": r["plover_mode"], "context": json.loads(r["plover_context"] or "[]")},
        "goldstein": r["goldstein"], "quad_class": r["quad_class"],
        "evidence": r["evidence"], "start": r["start"], "end": r["end"],
        "trigger": {"start": r["trigger_start"], "end": r["trigger_end"], "text": r["trigger_text"]},
        "location": location, "negated": bool(r["negated"]), "hypothetical": bool(r["hypothetical"]),
        "quote_id": r["quote_id"], "confidence": r["confidence"],
        "article": {"hash": r["article_hash"], "id": r["article_id"], "title": r["article_title"],
                    "url": r["article_url"], "source": r["article_source"], "published": r["article_published"]},
    }
