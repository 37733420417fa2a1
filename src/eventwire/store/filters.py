"""The one event filter of the store: what to select (``EventFilter``) and its SQL conditions, parameters only.

``eventwire export``, the API's event list, clusters, places, dyad timelines and network (and so the
dashboard, which reads the API) all select events through ``event_where``. Dates are on ``events.day``:
the event's own date, else its article's publication date, as YYYY-MM-DD (migration ``m005_event_day``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from eventwire.store.rows import EVENT_COLUMNS

# One condition with its parameters; alternatives of an "either" filter are OR-ed (source or target).
Cond = tuple[str, list[Any]]


@dataclass(frozen=True)
class Dyad:
    """Two sides, countries (ISO alpha-3) or actor-code prefixes: ``a`` acting on ``b`` and, unless
    ``directed``, ``b`` acting on ``a``."""

    a: str
    b: str
    kind: Literal["country", "actor"] = "country"
    directed: bool = False


@dataclass(frozen=True)
class EventFilter:
    """Which events to select; every field left ``None`` matches everything, the others must all match.

    ``since``/``until``: YYYY-MM-DD, inclusive, on the event's day (its own date, else its article's
    publication date; events with neither match no date filter). ``actor``: a CAMEO actor-code prefix of
    source or target ("RUS" matches "RUSGOV"); ``country``: ISO alpha-3 of source or target;
    ``source_actor``/``target_actor``/``source_country``/``target_country``: the same on one side.
    ``cameo``: an event-code prefix ("11" matches "112"); ``root``: the two-digit root; ``quad_class``;
    ``plover``: a PLOVER type; ``place``: a location name (any case) or location country; ``text``: an FTS5
    query over evidence sentences; ``dyad``: the events between two sides. Codes are compared upper-case.

    Event flags (docs/serve.md, "Event flags"): ``negated``, ``hypothetical``, ``background`` (only in a
    store whose events carry it, ``HAS_BACKGROUND``): true or false selects events with the flag on or off;
    ``min_confidence``: the coder's confidence at least this; ``date_precision``: the event's date
    precision ("day", "week", "month", "year"; "none" for events without a date of their own).
    ``actual_events`` sets the flags of the default selection: events that happened (not negated, not
    hypothetical, not background).
    """

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    country: str | None = None
    source_actor: str | None = None
    target_actor: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    cameo: str | None = None
    root: str | None = None
    quad_class: int | None = None
    plover: str | None = None
    place: str | None = None
    text: str | None = None
    dyad: Dyad | None = None
    negated: bool | None = None
    hypothetical: bool | None = None
    background: bool | None = None
    min_confidence: float | None = None
    date_precision: str | None = None


EVERYTHING = EventFilter()

# Whether the store's events carry the ``background`` flag (a column the write side adds to ``EVENT_COLUMNS``;
# a store is migrated to the code's schema when opened, so the column list tells).
HAS_BACKGROUND = "background" in {c.strip().strip('"') for c in EVENT_COLUMNS.split(",")}
DATE_PRECISIONS = ("day", "week", "month", "year", "none")


def actual_events(f: EventFilter) -> EventFilter:
    """``f`` restricted to events that happened: not negated, not hypothetical and (where the store knows it)
    not background; a flag ``f`` already sets is kept."""
    def keep(value: bool | None) -> bool:
        return False if value is None else value

    return replace(f, negated=keep(f.negated), hypothetical=keep(f.hypothetical),
                   background=keep(f.background) if HAS_BACKGROUND else f.background)


@dataclass(frozen=True)
class Where:
    """Conditions that must all hold, and groups of which one alternative must hold."""

    all: list[Cond] = field(default_factory=list)
    either: list[list[Cond]] = field(default_factory=list)

    def sql(self) -> Cond:
        """The whole filter as one WHERE body (alternatives OR-ed): for streams and aggregates."""
        return all_of(list(self.all) + [any_of(group) for group in self.either])

    def branches(self) -> list[Cond]:
        """One all-AND filter per choice of alternatives: each can walk an index in order (keyset pages)."""
        choices = itertools.product(*self.either) if self.either else [()]
        return [all_of(list(self.all) + list(choice)) for choice in choices]


def all_of(parts: list[Cond]) -> Cond:
    if not parts:
        return "1", []
    return " AND ".join(f"({s})" for s, _ in parts), [p for _, ps in parts for p in ps]


def any_of(parts: list[Cond]) -> Cond:
    return " OR ".join(f"({s})" for s, _ in parts), [p for _, ps in parts for p in ps]


def code_prefix(column: str, prefix: str) -> Cond:
    """A code prefix as a range, so an index on the column applies (codes are upper-case ASCII)."""
    return f"{column} >= ? AND {column} < ?", [prefix, prefix + "~"]


def side(role: str, kind: str, value: str) -> Cond:
    """An actor-code prefix or a country, as the source or the target of an event."""
    if kind == "country":
        return f"e.{role}_country = ?", [value]
    return code_prefix(f"e.{role}_code", value)


def dyad_pairs(d: Dyad) -> list[Cond]:
    """a acting on b, and (unless directed) b acting on a."""
    a, b = d.a.upper(), d.b.upper()
    pairs = [all_of([side("source", d.kind, a), side("target", d.kind, b)])]
    if not d.directed:
        pairs.append(all_of([side("source", d.kind, b), side("target", d.kind, a)]))
    return pairs


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _upper(value: str | None) -> str | None:
    return value.upper() if value else None


def event_where(f: EventFilter) -> Where:
    """The conditions of a filter on ``events e`` (no join needed)."""
    w = Where()
    if f.background is not None and not HAS_BACKGROUND:
        raise ValueError("this store's events carry no background flag")
    for cond, value in (
        ("e.day >= ?", f.since), ("e.day <= ?", f.until),
        ("e.negated = ?", _flag(f.negated)), ("e.hypothetical = ?", _flag(f.hypothetical)),
        ("e.background = ?", _flag(f.background)), ("e.confidence >= ?", f.min_confidence),
        ("e.date_precision = ?", None if f.date_precision in (None, "none") else f.date_precision),
        ("e.source_country = ?", _upper(f.source_country)), ("e.target_country = ?", _upper(f.target_country)),
        ("e.quad_class = ?", f.quad_class), ("e.root = ?", f.root and f.root.zfill(2)),
        ("e.plover_type = ?", _upper(f.plover)),
        ("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", f.text),
        ("(e.location_name = ? COLLATE NOCASE OR e.location_country = upper(?))", f.place),
    ):
        if value is not None:
            w.all.append((cond, [value] * cond.count("?")))
    if f.date_precision == "none":
        w.all.append(("e.date IS NULL", []))
    if f.cameo:
        w.all.append(code_prefix("e.cameo", f.cameo))
    for role, code in (("source", f.source_actor), ("target", f.target_actor)):
        if code:
            w.all.append(side(role, "actor", code.upper()))
    for kind, value in (("actor", f.actor), ("country", f.country)):
        if value:
            w.either.append([side("source", kind, value.upper()), side("target", kind, value.upper())])
    if f.dyad is not None:
        w.either.append(dyad_pairs(f.dyad))
    return w


def keyset_after(after: tuple[Any, ...] | None, day: str = "e.day", key: str = "e.rowid") -> list[Cond]:
    """Rows after a ``(day, key)`` cursor in "newest first, undated last" order, as alternatives: the dated
    rows before it (a row value, so an index on the day seeks to the cursor) and then every undated row."""
    if after is None:
        return [("1", [])]
    when, ident = after
    if when is None:
        return [(f"{day} IS NULL AND {key} < ?", [ident])]
    return [(f"({day}, {key}) < (?, ?)", [when, ident]), (f"{day} IS NULL", [])]
