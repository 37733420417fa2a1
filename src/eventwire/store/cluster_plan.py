"""The computing half of a cluster refresh: from one read snapshot, and outside any write transaction, find
what changed since the last refresh, which article clusters and event keys that touches, and their new rows
(docs/dedup.md, "Incremental refresh"). ``store.clusters`` writes the plan in short transactions.

Why recomputing only what is touched gives what a full recompute gives: an article joins every earlier story
it matches, so the article clusters are the connected components of the "matches" graph, and the clusters,
links and ids of one component depend only on its own articles and their order. A new article can only join
the components of the stored articles it matches (found by LSH band key), and a deleted one can only split
its own; those components are recomputed whole, in the total order. An event cluster depends on its key's
mentions, its articles' stories and links and their names, so every key with a new or deleted mention, or a
mention from a touched article, or from an article whose name changed (an id now shared, or no longer), is
recomputed whole.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.dedup.articles import THRESHOLD, ArticleCluster, ArticleIndex, signature_of, similarity
from eventwire.dedup.events import WINDOWS, EventCluster, EventMention, event_key, merge_events
from eventwire.dedup.links import StoryLinks
from eventwire.dedup.signatures import SETTINGS, band_keys, from_bytes, to_bytes
from eventwire.store import cluster_inputs as read
from eventwire.store.cluster_inputs import Art, Key, label_of

Signature = Any  # a datasketch MinHash or LeanMinHash


@dataclass(frozen=True)
class ArticleUnit:
    """Articles whose ``article_clusters`` rows are replaced together (whole components), and the signatures
    to store for the new ones among them: ``(hash, signature bytes or None, band keys)``."""

    hashes: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    signatures: tuple[tuple[str, bytes | None, tuple[int, ...]], ...]


@dataclass(frozen=True)
class KeyGroup:
    """One event key: its stored clusters are replaced by ``clusters`` (rows) and their ``members``."""

    key: Key
    clusters: tuple[tuple[Any, ...], ...]
    members: tuple[tuple[int, str, str], ...]


@dataclass(frozen=True)
class RefreshPlan:
    """What to write; the ``cluster_state`` generation and the last ``cluster_removed`` row it was computed
    against, and every article it read (``referenced``): a write stops when one of them was deleted since."""

    full: bool
    settings: str
    generation: int
    removed_upto: int
    units: tuple[ArticleUnit, ...] = ()
    groups: tuple[KeyGroup, ...] = ()
    referenced: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.full or self.units or self.groups or self.removed_upto)


# How merge keys tell uncoded parties apart (dedup.events.party_key); stores clustered before it refresh in full.
PARTY_KEYS = "parties=text-id"


def settings_for(window: str) -> str:
    return f"{SETTINGS} window={window} {PARTY_KEYS}"


def plan_refresh(conn: sqlite3.Connection, window: str = "day", full: bool = False) -> RefreshPlan:
    """Read one snapshot (a read transaction: writers go on) and compute what the refresh writes. With
    ``full``, or when the stored clusters were made with other settings (or before m006), everything."""
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS}, not {window!r}")
    factory, conn.row_factory = conn.row_factory, sqlite3.Row  # whatever the connection's own factory
    conn.execute("BEGIN")
    try:
        stored_settings, generation = conn.execute("SELECT settings, generation FROM cluster_state").fetchone()
        upto = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM cluster_removed").fetchone()[0]
        settings = settings_for(window)
        state = dict(settings=settings, generation=generation, removed_upto=upto)
        if full or stored_settings != settings:
            return RefreshPlan(full=True, **state, **_full(conn, window))  # type: ignore[arg-type]
        return RefreshPlan(full=False, **state, **_incremental(conn, window))  # type: ignore[arg-type]
    finally:
        conn.execute("COMMIT")  # nothing was written
        conn.row_factory = factory


def _full(conn: Any, window: str) -> dict[str, Any]:
    shared = read.shared_ids(conn)
    arts = read.all_articles(conn)
    index = ArticleIndex()
    by_label: dict[str, Art] = {}
    signatures: dict[str, Signature | None] = {}
    for art, text in arts:
        signatures[art.hash] = signature_of(text)
        by_label[label_of(art, shared)] = art
        index.add_signature(label_of(art, shared), signatures[art.hash], art.source)
    stories = index.clusters()
    hash_of = {label: art.hash for label, art in by_label.items()}
    units = tuple(ArticleUnit(tuple(hash_of[a] for a in story.article_ids), tuple(article_rows([story], hash_of)),
                              tuple(_signature_rows([hash_of[a] for a in story.article_ids], signatures)))
                  for story in stories)
    rows = read.all_events(conn)
    return {"units": units, "groups": groups_of(rows, stories, shared, window, read.all_keys(conn)),
            "referenced": frozenset(hash_of.values())}


def _incremental(conn: Any, window: str) -> dict[str, Any]:
    new = read.new_articles(conn)
    removed = read.removed(conn)
    events = read.new_events(conn)
    if not (new or removed or events):
        return {}
    shared = read.shared_ids(conn)
    signatures: dict[str, Signature | None] = {art.hash: signature_of(text) for art, text in new}
    arts = {art.hash: art for art, _ in new}
    components = _components(conn, arts, signatures, [r["article_cluster"] for r in removed if r["article_cluster"]])
    component_of = {h: n for n, (hashes, _) in enumerate(components) for h in hashes}
    cluster_component = {c: n for n, (_, clusters) in enumerate(components) for c in clusters}
    for art, blob, cluster in read.members(conn, sorted(cluster_component)):
        if art.hash not in arts:  # (one without a signature row is among the new ones)
            arts[art.hash], component_of[art.hash] = art, cluster_component[cluster]
            signatures[art.hash] = from_bytes(blob) if blob is not None else None
    index = ArticleIndex()
    for art in sorted(arts.values(), key=Art.order):
        index.add_signature(label_of(art, shared), signatures[art.hash], art.source)
    stories = index.clusters()
    hash_of = {label_of(art, shared): h for h, art in arts.items()}
    units = _units(component_of, stories, hash_of, signatures, {art.hash for art, _ in new})

    # Events to merge again: of every article recomputed here, of every article whose name may have changed (under
    # the id of a new or a deleted article) and the other articles of its story (which name it), of the clusters
    # that lost a deleted article's events, and every stored mention of a new event's key.
    ids = {art.id for art, _ in new} | {r["article_id"] for r in removed if r["article_id"] is not None}
    renamed = read.cluster_of(conn, [h for h in read.articles_named(conn, sorted(ids)) if h not in arts])
    affected = set(arts) | {art.hash for art, _, _ in read.members(conn, sorted(set(renamed.values())))}
    keys = read.keys_of_articles(conn, sorted(affected))
    keys |= read.keys_of_clusters(conn, [r["event_cluster"] for r in removed if r["event_cluster"]])
    keys |= {event_key_of(row, window) for row in events}
    rows = list(events)
    for key in sorted(keys, key=repr):
        rows += read.key_events(conn, key)
    outside = read.cluster_of(conn, sorted({row["article_hash"] for row in rows} - set(arts)))
    known = [(arts[hash_of[story.id]], story) for story in stories]
    known += read.stored_stories(conn, set(outside.values()), shared)
    known.sort(key=lambda pair: pair[0].order())
    return {"units": units, "groups": groups_of(rows, [story for _, story in known], shared, window, keys),
            "referenced": frozenset(arts) | {row["article_hash"] for row in rows}}


def _components(conn: Any, new: dict[str, Art], signatures: dict[str, Signature | None],
                removed_clusters: list[str]) -> list[tuple[list[str], set[str]]]:
    """The components to recompute: ``(new articles, stored article clusters)`` joined by a match (or a new
    article's own stale row); a stored cluster that lost an article is one on its own."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: tuple[str, str], b: tuple[str, str]) -> None:
        parent[root(a)] = root(b)

    for cluster in removed_clusters:
        root(("c", cluster))
    for h, cluster in read.cluster_of(conn, sorted(new)).items():
        union(("a", h), ("c", cluster))
    bands: dict[int, list[str]] = {}
    for h in sorted(new, key=lambda h: new[h].order()):
        root(("a", h))
        signature = signatures[h]
        if signature is None:
            continue
        keys = band_keys(signature)
        for other, blob, stored in read.band_matches(conn, keys):
            if other not in new and stored is not None and similarity(signature, from_bytes(blob)) >= THRESHOLD:
                union(("a", h), ("c", stored))
        for other in {o for k in keys for o in bands.get(k, ())}:
            if similarity(signature, signatures[other]) >= THRESHOLD:
                union(("a", h), ("a", other))
        for k in keys:
            bands.setdefault(k, []).append(h)
    groups: dict[tuple[str, str], tuple[list[str], set[str]]] = {}
    for node in list(parent):
        articles, clusters = groups.setdefault(root(node), ([], set()))
        if node[0] == "a":
            articles.append(node[1])
        else:
            clusters.add(node[1])
    return list(groups.values())


def _units(component_of: dict[str, int], stories: list[ArticleCluster], hash_of: dict[str, str],
           signatures: dict[str, Signature | None], new: set[str]) -> tuple[ArticleUnit, ...]:
    """One unit a component: the rows of every article in it (its new ones and its stored clusters' members)."""
    by_component: dict[int, list[ArticleCluster]] = {}
    for story in stories:
        by_component.setdefault(component_of[hash_of[story.id]], []).append(story)
    units = []
    for n in sorted(by_component):
        hashes = [hash_of[a] for story in by_component[n] for a in story.article_ids]
        units.append(ArticleUnit(tuple(hashes), tuple(article_rows(by_component[n], hash_of)),
                                 tuple(_signature_rows([h for h in hashes if h in new], signatures))))
    return tuple(units)


def _signature_rows(hashes: Iterable[str], signatures: dict[str, Signature | None],
                    ) -> Iterator[tuple[str, bytes | None, tuple[int, ...]]]:
    for h in hashes:
        signature = signatures[h]
        yield (h, None, ()) if signature is None else (h, to_bytes(signature), tuple(band_keys(signature)))


def event_key_of(row: Any, window: str) -> Key:
    """The stored form of an event row's merge key (``KEY_COLUMNS``)."""
    k = event_key(_mention(row, set()), window)
    return (k.source_code, k.target_code, k.cameo, k.date, int(k.negated), int(k.hypothetical))


def _mention(row: Any, shared: set[str]) -> EventMention:
    art = Art(row["article_hash"], row["article_ident"], row["article_source"], row["article_published"])
    return EventMention(label_of(art, shared), art.source, read.event_from_row(row), art.published)


def groups_of(rows: Sequence[Any], stories: Sequence[ArticleCluster], shared: set[str], window: str,
              keys: Iterable[Key]) -> tuple[KeyGroup, ...]:
    """Merge the mentions of these event rows (every mention of each of their keys) and group the clusters by
    key; ``keys`` whose mentions are all gone get an empty group (their stored clusters are deleted)."""
    ordered = sorted(rows, key=lambda r: (Art(r["article_hash"], r["article_ident"], r["article_source"],
                                              r["article_published"]).order(), r["n"]))
    mentions = [_mention(row, shared) for row in ordered]
    rowid_of = {id(m): row["rowid"] for m, row in zip(mentions, ordered, strict=True)}
    links = StoryLinks(stories)
    found: dict[Key, tuple[list[tuple[Any, ...]], list[tuple[int, str, str]]]] = {k: ([], []) for k in keys}
    for cluster in merge_events(mentions, article_clusters=stories, window=window):
        k = cluster.key
        clusters, members = found.setdefault(
            (k.source_code, k.target_code, k.cameo, k.date, int(k.negated), int(k.hypothetical)), ([], []))
        clusters.append(event_cluster_row(cluster))
        members += [(rowid_of[id(m)], cluster.id, why)
                    for m, why in zip(cluster.mentions, member_reasons(cluster, links), strict=True)]
    return tuple(KeyGroup(k, tuple(c), tuple(m)) for k, (c, m) in sorted(found.items(), key=lambda kv: repr(kv[0])))


def article_rows(stories: Iterable[ArticleCluster], hash_of: dict[str, str]) -> Iterator[tuple[Any, ...]]:
    """``article_clusters`` rows: ``(article, cluster, duplicate_of, similarity, other_links)``, by hash."""
    for story in stories:
        links: dict[str, list[tuple[str | None, float | None]]] = {}
        for link in story.links:
            links.setdefault(link.article_id, []).append((hash_of[link.duplicate_of], link.similarity))
        for label in story.article_ids:
            first, *others = links.get(label) or [(None, None)]
            extra = json.dumps([{"duplicate_of": h, "similarity": s} for h, s in others]) if others else None
            yield hash_of[label], hash_of[story.id], first[0], first[1], extra


def event_cluster_row(cluster: EventCluster) -> tuple[Any, ...]:
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


def member_reasons(cluster: EventCluster, links: StoryLinks) -> list[str]:
    """For each mention of a cluster, in order, why it is there, in one line."""
    found = {link.article_id: link for _, link in links.within(set(cluster.article_ids))}
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
        link = found.get(mention.article_id)
        if link is not None:
            parts.append(f"its article is a near-duplicate of {link.duplicate_of} (similarity {link.similarity:.2f})")
        reasons.append("; ".join(parts))
    return reasons
