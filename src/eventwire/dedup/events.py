"""Event clusters: one event reported by many articles, merged on a documented key, every mention kept."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from eventwire.dedup.articles import ArticleCluster
from eventwire.dedup.links import StoryLinks
from eventwire.records import ActorMention, Event, Place, Record

WINDOWS = ("day", "week")


@dataclass(frozen=True)
class EventMention(Record):
    """One coded event as one article reported it; ``published`` dates events that have no date of their own."""

    article_id: str
    source: str | None
    event: Event
    published: str | None = None


@dataclass(frozen=True)
class EventKey(Record):
    """What must be equal for two mentions to be one event (location is matched apart; see docs/dedup.md)."""

    source_code: str | None  # null only for an uncoded actor (records.ActorMention.code); see ``party_key``
    target_code: str | None
    cameo: str
    date: str | None  # "2024-08-23", "2024-W34", "2024-08" or "2024", by the date's precision and the window
    negated: bool
    hypothetical: bool


@dataclass(frozen=True)
class EventCluster(Record):
    """One event and every mention of it, with GDELT-style counts and the reasons it was merged."""

    id: str
    key: EventKey
    location: str | None
    num_mentions: int
    num_articles: int
    num_sources: int
    num_stories: int  # independent reports: articles that are near-duplicates of each other count once
    article_ids: tuple[str, ...]
    sources: tuple[str, ...]
    mentions: tuple[EventMention, ...]
    why: tuple[str, ...]


def event_key(mention: EventMention, window: str = "day") -> EventKey:
    """The merge key of one mention; an undated event takes its article's publication day."""
    event = mention.event
    day, precision = event.date, event.date_precision or "day"
    if day is None and mention.published:
        day, precision = mention.published[:10], "day"
    return EventKey(
        source_code=event.source.code,
        target_code=event.target.code if event.target else None,
        cameo=event.cameo,
        date=_date_key(day, precision, window),
        negated=event.negated,
        hypothetical=event.hypothetical,
    )


def party_key(actor: ActorMention | None) -> str | None:
    """How the merge tells an actor apart: its code, or for an uncoded party ("Marta Quispe", "a Kansas woman")
    ``text:`` and its mention id, so that two uncoded parties merge only when they are the same one."""
    if actor is None:
        return None
    return actor.code if actor.code is not None else f"text:{actor.id}"


def uncoded_parties(event: Event) -> tuple[str | None, ...]:
    """The party keys of an event's uncoded actors, (source, target), None for a coded or absent one; ``()``
    when both are coded or absent, so that a coded event's key and cluster id stay what they were."""
    parties = tuple(party_key(a) if a is not None and a.code is None else None for a in (event.source, event.target))
    return parties if any(parties) else ()


def merge_events(items: Sequence[EventMention | tuple], article_clusters: Sequence[ArticleCluster] = (),
                 window: str = "day") -> list[EventCluster]:
    """Merge ``(article_id, source_name, Event[, published])`` items into clusters, in first-seen order."""
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS}, not {window!r}")
    mentions = [item if isinstance(item, EventMention) else EventMention(*item) for item in items]
    groups: dict[tuple[EventKey, tuple[str | None, ...]] | int, list[EventMention]] = {}
    for n, mention in enumerate(mentions):
        key = event_key(mention, window)
        group = (key, uncoded_parties(mention.event)) if key.date is not None else n  # undated: never merged
        groups.setdefault(group, []).append(mention)
    links = StoryLinks(article_clusters)
    clusters: list[EventCluster] = []
    for group_key, group_members in groups.items():
        for place, members, place_why in _split_by_location(group_members):
            clusters.append(_cluster(event_key(members[0], window), place, members, place_why, links,
                                     undated=isinstance(group_key, int)))
    return clusters


def _split_by_location(group: list[EventMention]) -> list[tuple[Place | None, list[EventMention], str]]:
    """Different known places are different events; a mention without one joins a place only if it is the only one."""
    placed: dict[str, list[EventMention]] = {}
    places: dict[str, Place] = {}
    unplaced: list[EventMention] = []
    for mention in group:
        location = mention.event.location
        if location is None:
            unplaced.append(mention)
            continue
        placed.setdefault(_place_key(location), []).append(mention)
        places.setdefault(_place_key(location), location)
    if not placed:
        return [(None, unplaced, "location: unknown in every mention")]
    if len(placed) == 1:
        ((place, members),) = placed.items()
        why = f"location: {places[place].name}"
        if unplaced:
            why += f"; {len(unplaced)} mention(s) without a location joined the only known one"
        return [(places[place], _in_input_order(group, members + unplaced), why)]
    parts: list[tuple[Place | None, list[EventMention], str]] = [
        (places[p], m, f"location: {places[p].name} (other mentions were elsewhere)") for p, m in placed.items()
    ]
    if unplaced:
        parts.append((None, unplaced, "location: unknown, and the key's other mentions name several places"))
    return parts


def _cluster(key: EventKey, place: Place | None, members: list[EventMention], place_why: str,
             links: StoryLinks, undated: bool) -> EventCluster:
    article_ids = tuple(dict.fromkeys(m.article_id for m in members))
    sources = tuple(dict.fromkeys(m.source for m in members if m.source))
    stories = {links.story_of.get(a, a) for a in article_ids}
    parties = uncoded_parties(members[0].event)
    why = [_describe_key(key, undated, parties), place_why]
    dated_by_publication = sum(1 for m in members if m.event.date is None and m.published)
    if dated_by_publication:
        why.append(f"date: {dated_by_publication} mention(s) had no date of their own and took their article's")
    why += _duplicate_links(set(article_ids), links)
    return EventCluster(
        id=_cluster_id(key, place, members if undated else None, parties),
        key=key,
        location=place.name if place else None,
        num_mentions=len(members),
        num_articles=len(article_ids),
        num_sources=len(sources),
        num_stories=len(stories),
        article_ids=article_ids,
        sources=sources,
        mentions=tuple(members),
        why=tuple(why),
    )


def _describe_key(key: EventKey, undated: bool, parties: tuple[str | None, ...] = ()) -> str:
    if undated:
        return "not merged: the event has no date and its article no publication date"
    flags = "".join((" negated" if key.negated else "", " hypothetical" if key.hypothetical else ""))
    source, target = parties or (None, None)
    return (f"key matched: source={source or key.source_code} target={target or key.target_code or '-'} "
            f"cameo={key.cameo} date={key.date}{flags}")


def _duplicate_links(article_ids: set[str], links: StoryLinks) -> list[str]:
    return [
        f"article {link.article_id} is a near-duplicate of {link.duplicate_of} "
        f"(article cluster {cluster.id}, similarity {link.similarity:.2f})"
        for cluster, link in links.within(article_ids)
    ]


def _date_key(day: str | None, precision: str, window: str) -> str | None:
    if not day:
        return None
    if precision == "day" and window == "day":
        return day[:10]
    if precision in ("day", "week") and len(day) >= 10:
        year, week, _ = date.fromisoformat(day[:10]).isocalendar()
        return f"{year}-W{week:02d}"
    return day[:7] if precision == "month" else day[:4] if precision == "year" else day


def _place_key(place: Place) -> str:
    return f"geonames:{place.geonameid}" if place.geonameid else f"{place.name.lower()}|{place.country or ''}"


def _in_input_order(group: list[EventMention], members: list[EventMention]) -> list[EventMention]:
    chosen = {id(m) for m in members}
    return [m for m in group if id(m) in chosen]


def _cluster_id(key: EventKey, place: Place | None, members: list[EventMention] | None,
                parties: tuple[str | None, ...] = ()) -> str:
    listed = [(m.article_id, m.event.id) for m in members] if members else None
    where = _place_key(place) if place else None
    text = repr((key, parties, where, listed)) if parties else repr((key, where, listed))
    return "EC-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
