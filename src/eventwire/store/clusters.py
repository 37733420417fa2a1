"""Stored deduplication: recompute article and event clusters from what the store holds (docs/dedup.md).

``refresh_clusters`` reads every article and event, runs ``eventwire.dedup`` over them and replaces the
rows of ``article_clusters``, ``event_clusters`` and ``event_cluster_members`` in one transaction.

Determinism: articles are taken in one total order (publication date, undated last, then article id,
then content hash) and events in their article's order, then by position. So the same store always
gives the same clusters and the same ids: an article cluster's id is the content hash of its first
article in that order; an event cluster's id is ``merge_events``'s hash of its key and place.

In explanations (``why``) articles are named by their id; when two stored texts share an id (a file
edited between runs), by ``id@`` and the first 12 characters of the hash.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.dedup import ArticleCluster, ArticleIndex, EventCluster, EventMention, merge_events
from eventwire.records import ActorMention, Event, Place, Plover, Span

ARTICLE_ORDER = "a.published IS NULL, a.published, a.id, a.hash"

ARTICLES = f"SELECT a.hash, a.id, a.source, a.text FROM articles a ORDER BY {ARTICLE_ORDER}"

EVENTS = f"""
SELECT e.*, a.published AS article_published, a.source AS article_source
FROM events e JOIN articles a ON a.hash = e.article_hash
ORDER BY {ARTICLE_ORDER}, e.n
"""

INSERT_EVENT_CLUSTER = (
    "INSERT INTO event_clusters (id, source_code, target_code, cameo, date_key, negated, hypothetical, location, "
    "num_mentions, num_articles, num_sources, num_stories, first_date, last_date, why) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class ClusterCounts:
    """What a refresh stored: articles and their stories, events and their clusters."""

    articles: int
    article_clusters: int
    events: int
    event_clusters: int


def clusters_up_to_date(conn: sqlite3.Connection) -> bool:
    """True when every article and every event has its cluster row (none was added since the last refresh).

    Deleted rows take their cluster rows with them (foreign keys), so a recoded article shows up as new."""
    missing = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM articles a LEFT JOIN article_clusters c ON c.article_hash = a.hash "
        "WHERE c.article_hash IS NULL) OR EXISTS (SELECT 1 FROM events e "
        "LEFT JOIN event_cluster_members m ON m.event_rowid = e.rowid WHERE m.event_rowid IS NULL)").fetchone()[0]
    return not missing


def refresh_clusters(conn: sqlite3.Connection, if_stale: bool = False, window: str = "day") -> ClusterCounts | None:
    """Recompute both kinds of cluster from the store and replace the stored ones, atomically.

    With ``if_stale``, do nothing (and return ``None``) when ``clusters_up_to_date``. ``conn`` must be in
    autocommit mode, as ``open_store`` gives it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if if_stale and clusters_up_to_date(conn):
            conn.execute("ROLLBACK")
            return None
        counts = _refresh(conn, window)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return counts


def _refresh(conn: sqlite3.Connection, window: str) -> ClusterCounts:
    shared = {i for (i,) in conn.execute("SELECT id FROM articles GROUP BY id HAVING COUNT(*) > 1")}
    index = ArticleIndex()
    hash_of: dict[str, str] = {}
    label_of: dict[str, str] = {}
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row  # whatever the connection's own factory
    for key, article_id, source, text in cursor.execute(ARTICLES):
        label = f"{article_id}@{key[:12]}" if article_id in shared else article_id
        hash_of[label], label_of[key] = key, label
        index.add(label, text, source)
    stories = index.clusters()

    mentions: list[EventMention] = []
    rowid_of: dict[int, int] = {}  # id(mention) -> events.rowid
    for row in cursor.execute(EVENTS):
        mention = EventMention(label_of[row["article_hash"]], row["article_source"], event_from_row(row),
                               row["article_published"])
        mentions.append(mention)
        rowid_of[id(mention)] = row["rowid"]
    merged = merge_events(mentions, article_clusters=stories, window=window)

    conn.execute("DELETE FROM event_cluster_members")
    conn.execute("DELETE FROM event_clusters")
    conn.execute("DELETE FROM article_clusters")
    conn.executemany("INSERT INTO article_clusters (article_hash, cluster_id, duplicate_of, similarity, other_links) "
                     "VALUES (?, ?, ?, ?, ?)", _article_rows(stories, hash_of))
    for cluster in merged:
        conn.execute(INSERT_EVENT_CLUSTER, _event_cluster_row(cluster))
        conn.executemany("INSERT INTO event_cluster_members (event_rowid, cluster_id, why) VALUES (?, ?, ?)",
                         [(rowid_of[id(m)], cluster.id, why) for m, why in zip(
                             cluster.mentions, member_reasons(cluster, stories), strict=True)])
    return ClusterCounts(len(hash_of), len(stories), len(mentions), len(merged))


def _article_rows(stories: list[ArticleCluster], hash_of: dict[str, str]) -> Iterator[tuple[Any, ...]]:
    for story in stories:
        links: dict[str, list[tuple[str | None, float | None]]] = {}
        for link in story.links:
            links.setdefault(link.article_id, []).append((hash_of[link.duplicate_of], link.similarity))
        for label in story.article_ids:
            first, *others = links.get(label) or [(None, None)]
            extra = json.dumps([{"duplicate_of": h, "similarity": s} for h, s in others]) if others else None
            yield hash_of[label], hash_of[story.id], first[0], first[1], extra


def _event_cluster_row(cluster: EventCluster) -> tuple[Any, ...]:
    days = sorted(d for d in (_day(m) for m in cluster.mentions) if d)
    k = cluster.key
    return (cluster.id, k.source_code, k.target_code, k.cameo, k.date, int(k.negated), int(k.hypothetical),
            cluster.location, cluster.num_mentions, cluster.num_articles, cluster.num_sources, cluster.num_stories,
            days[0] if days else None, days[-1] if days else None, json.dumps(list(cluster.why), ensure_ascii=False))


def _day(mention: EventMention) -> str | None:
    """The mention's date as stored (any precision), else its article's publication day."""
    if mention.event.date:
        return mention.event.date
    return mention.published[:10] if mention.published else None


def member_reasons(cluster: EventCluster, stories: list[ArticleCluster]) -> list[str]:
    """For each mention of a cluster, in order, why it is there, in one line."""
    members = set(cluster.article_ids)
    links = {link.article_id: link for story in stories for link in story.links if link.duplicate_of in members}
    first = cluster.mentions[0]
    seen: set[str] = set()
    reasons = []
    for n, mention in enumerate(cluster.mentions):
        parts = ["first mention" if n == 0 else f"same key and place as the first mention (in {first.article_id})"]
        if n and mention.article_id in seen:
            parts.append("another mention in the same article")
        seen.add(mention.article_id)
        if mention.event.date is None and mention.published:
            parts.append(f"dated by its article's publication day {mention.published[:10]}")
        if mention.event.location is None and cluster.location is not None:
            parts.append(f"no place of its own; joined the only known one ({cluster.location})")
        link = links.get(mention.article_id)
        if link is not None:
            parts.append(f"its article is a near-duplicate of {link.duplicate_of} (similarity {link.similarity:.2f})")
        reasons.append("; ".join(parts))
    return reasons


def event_from_row(row: sqlite3.Row) -> Event:
    """An ``Event`` rebuilt from an ``events`` row, as far as the merge needs it: actors' and places' own
    character offsets are not stored (0 here); everything else is."""
    source = ActorMention(0, 0, row["source_text"] or "", row["source_actor_id"], row["source_name"] or "",
                          row["source_code"], row["source_country"], row["source_sector"], None)
    target = None
    if row["target_actor_id"] is not None:
        target = ActorMention(0, 0, row["target_text"] or "", row["target_actor_id"], row["target_name"] or "",
                              row["target_code"], row["target_country"], row["target_sector"], None)
    location = None
    if row["location_name"] is not None:
        location = Place(0, 0, row["location_text"] or "", row["location_name"], row["location_country"],
                         row["location_lat"], row["location_lon"], row["location_geonameid"],
                         row["location_feature"] or "other")
    return Event(
        id=row["id"], start=row["start"], end=row["end"],
        trigger=Span(row["trigger_start"] or 0, row["trigger_end"] or 0, row["trigger_text"] or ""),
        source=source, target=target, cameo=row["cameo"],
        plover=Plover(row["plover_type"], row["plover_mode"], tuple(json.loads(row["plover_context"] or "[]"))),
        goldstein=row["goldstein"], quad_class=row["quad_class"], date=row["date"],
        date_precision=row["date_precision"], location=location, negated=bool(row["negated"]),
        hypothetical=bool(row["hypothetical"]), quote_id=row["quote_id"], confidence=row["confidence"],
        pattern=row["pattern"],
    )
