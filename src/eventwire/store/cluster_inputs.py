"""What a cluster refresh reads (``store.cluster_plan``): articles and events without clusters yet, what
deleted articles left stale, stored signatures by band key, stored article clusters and the stored mentions
of an event key. Every function only reads."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from eventwire.dedup import ArticleCluster, ArticleLink
from eventwire.records import ActorMention, Event, Place, Plover, Span

ARTICLE_ORDER = "a.published IS NULL, a.published, a.id, a.hash"
KEY_COLUMNS = ("source_code", "target_code", "cameo", "date_key", "negated", "hypothetical")
KEY_MATCH = " AND ".join(f"c.{c} IS ?" for c in KEY_COLUMNS)
AT_ONCE = 500  # values bound in one IN (...)

Key = tuple[Any, ...]  # an event cluster's KEY_COLUMNS values

# Events with their article's fields, as mentions need them.
EVENT_ROWS = """SELECT e.*, a.published AS article_published, a.source AS article_source, a.id AS article_ident
FROM events e JOIN articles a ON a.hash = e.article_hash"""


class Art(NamedTuple):
    """An article as clustering sees it: content hash, id, outlet and publication date."""

    hash: str
    id: str
    source: str | None
    published: str | None

    def order(self) -> tuple[bool, str, str, str]:
        """Its place in the one total order of articles (``ARTICLE_ORDER``): undated last."""
        return (self.published is None, self.published or "", self.id, self.hash)


def label_of(art: Art, shared: set[str]) -> str:
    """How explanations name an article: its id, or ``id@`` and 12 characters of its hash when the id is shared."""
    return f"{art.id}@{art.hash[:12]}" if art.id in shared else art.id


def chunked(items: Sequence[Any], size: int = AT_ONCE) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def shared_ids(conn: sqlite3.Connection) -> set[str]:
    """Article ids that name more than one stored text (such articles are labelled ``id@hash``)."""
    return {i for (i,) in conn.execute("SELECT id FROM articles GROUP BY id HAVING COUNT(*) > 1")}


def all_articles(conn: sqlite3.Connection) -> list[tuple[Art, str]]:
    """Every article with its text, in the total order."""
    return [(Art(*row[:4]), row[4]) for row in conn.execute(
        f"SELECT a.hash, a.id, a.source, a.published, a.text FROM articles a ORDER BY {ARTICLE_ORDER}")]


def new_articles(conn: sqlite3.Connection) -> list[tuple[Art, str]]:
    """Articles with no article cluster row or no signature yet (added, or recoded, since the last refresh)."""
    hashes = [h for (h,) in conn.execute(
        "SELECT a.hash FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_clusters c WHERE c.article_hash = "
        "a.hash) OR NOT EXISTS (SELECT 1 FROM article_signatures s WHERE s.article_hash = a.hash)")]
    found = []
    for chunk in chunked(hashes):
        found += [(Art(*row[:4]), row[4]) for row in conn.execute(
            f"SELECT hash, id, source, published, text FROM articles WHERE hash IN ({marks(chunk)})", chunk)]
    return found


def removed(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """What deleted articles left stale (``cluster_removed``), oldest first."""
    return conn.execute("SELECT rowid, article_id, article_cluster, event_cluster FROM cluster_removed "
                        "ORDER BY rowid").fetchall()


def new_events(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """``EVENT_ROWS`` of the events in no event cluster yet."""
    rowids = [r for (r,) in conn.execute("SELECT e.rowid FROM events e WHERE NOT EXISTS "
                                         "(SELECT 1 FROM event_cluster_members m WHERE m.event_rowid = e.rowid)")]
    found: list[sqlite3.Row] = []
    for chunk in chunked(rowids):
        found += conn.execute(f"{EVENT_ROWS} WHERE e.rowid IN ({marks(chunk)})", chunk).fetchall()
    return found


def all_events(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(EVENT_ROWS).fetchall()


def band_matches(conn: sqlite3.Connection, bands: Sequence[int]) -> list[tuple[str, bytes, str | None]]:
    """Stored articles with one of these band keys: ``(hash, signature, article cluster id or None)``."""
    return [tuple(row) for row in conn.execute(  # type: ignore[misc]
        "SELECT DISTINCT s.article_hash, s.signature, c.cluster_id FROM article_bands b "
        "JOIN article_signatures s ON s.id = b.signature_id LEFT JOIN article_clusters c ON c.article_hash = "
        f"s.article_hash WHERE b.band IN ({marks(bands)})", list(bands))]


def cluster_of(conn: sqlite3.Connection, hashes: Sequence[str]) -> dict[str, str]:
    """The stored article cluster of each of these articles that has one."""
    found: dict[str, str] = {}
    for chunk in chunked(hashes):
        found.update(conn.execute(f"SELECT article_hash, cluster_id FROM article_clusters WHERE article_hash IN "
                                  f"({marks(chunk)})", chunk).fetchall())
    return found


def members(conn: sqlite3.Connection, cluster_ids: Sequence[str]) -> list[tuple[Art, bytes | None, str]]:
    """The stored members of these article clusters: ``(article, its stored signature, its cluster)``."""
    found = []
    for chunk in chunked(cluster_ids):
        for row in conn.execute(
                "SELECT a.hash, a.id, a.source, a.published, s.signature, c.cluster_id FROM article_clusters c "
                "JOIN articles a ON a.hash = c.article_hash LEFT JOIN article_signatures s ON s.article_hash = a.hash "
                f"WHERE c.cluster_id IN ({marks(chunk)})", chunk):
            found.append((Art(*row[:4]), row[4], row[5]))
    return found


def articles_named(conn: sqlite3.Connection, ids: Sequence[str]) -> list[str]:
    """The hashes of the articles with these ids."""
    found: list[str] = []
    for chunk in chunked(ids):
        found += [h for (h,) in conn.execute(f"SELECT hash FROM articles WHERE id IN ({marks(chunk)})", chunk)]
    return found


def stored_stories(conn: sqlite3.Connection, cluster_ids: Iterable[str],
                   shared: set[str]) -> list[tuple[Art, ArticleCluster]]:
    """Stored article clusters rebuilt as ``ArticleCluster`` records named by label (``label_of``), each with
    its first article: members in the total order, links in the order they were made."""
    rows: dict[str, list[sqlite3.Row]] = {}
    for chunk in chunked(sorted(set(cluster_ids))):
        for row in conn.execute(
                "SELECT c.cluster_id, c.duplicate_of, c.similarity, c.other_links, a.hash, a.id, a.source, a.published "
                "FROM article_clusters c JOIN articles a ON a.hash = c.article_hash "
                f"WHERE c.cluster_id IN ({marks(chunk)})", chunk):
            rows.setdefault(row["cluster_id"], []).append(row)
    stories = []
    for cluster_id, found in rows.items():
        arts = sorted(((Art(r["hash"], r["id"], r["source"], r["published"]), r) for r in found),
                      key=lambda pair: pair[0].order())
        names = {art.hash: label_of(art, shared) for art, _ in arts}
        links = []
        for art, r in arts:
            targets = [(r["duplicate_of"], r["similarity"])] if r["duplicate_of"] else []
            targets += [(o["duplicate_of"], o["similarity"]) for o in json.loads(r["other_links"] or "[]")]
            links += [ArticleLink(names[art.hash], names.get(h, h), s) for h, s in targets]
        root = next((art for art, _ in arts if art.hash == cluster_id), arts[0][0])
        stories.append((root, ArticleCluster(
            id=names[root.hash], article_ids=tuple(names[art.hash] for art, _ in arts),
            sources=tuple(dict.fromkeys(art.source for art, _ in arts if art.source)), links=tuple(links))))
    return stories


def keys_of_articles(conn: sqlite3.Connection, hashes: Sequence[str]) -> set[Key]:
    """The keys of the stored event clusters that hold an event of these articles."""
    return _keys(conn, "JOIN event_cluster_members m ON m.cluster_id = c.id JOIN events e ON e.rowid = m.event_rowid "
                       "WHERE e.article_hash", hashes)


def keys_of_clusters(conn: sqlite3.Connection, ids: Sequence[str]) -> set[Key]:
    """The keys of these stored event clusters."""
    return _keys(conn, "WHERE c.id", ids)


def _keys(conn: sqlite3.Connection, where: str, values: Sequence[str]) -> set[Key]:
    found: set[Key] = set()
    columns = ", ".join(f"c.{c}" for c in KEY_COLUMNS)
    for chunk in chunked(values):
        found.update(tuple(r) for r in conn.execute(
            f"SELECT DISTINCT {columns} FROM event_clusters c {where} IN ({marks(chunk)})", chunk))
    return found


def all_keys(conn: sqlite3.Connection) -> set[Key]:
    columns = ", ".join(f"c.{c}" for c in KEY_COLUMNS)
    return {tuple(r) for r in conn.execute(f"SELECT DISTINCT {columns} FROM event_clusters c")}


def key_events(conn: sqlite3.Connection, key: Key) -> list[sqlite3.Row]:
    """``EVENT_ROWS`` of the events in the stored clusters of one key."""
    return conn.execute(f"{EVENT_ROWS} JOIN event_cluster_members m ON m.event_rowid = e.rowid "
                        f"JOIN event_clusters c ON c.id = m.cluster_id WHERE {KEY_MATCH}", list(key)).fetchall()


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
        pattern=row["pattern"], background=bool(row["background"]),
    )
