"""Stored event clusters with uncoded parties: two different uncoded targets on one day are two clusters, the
same one reported again joins its cluster (incrementally as in full), and the stored key columns keep codes."""

from __future__ import annotations

import sqlite3

from eventwire.records import ActorMention, Article, ArticleText, CodedArticle, Event, Plover, Span
from eventwire.store.cluster_plan import plan_refresh
from eventwire.store.clusters import refresh_clusters
from eventwire.store.connect import open_store
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.test_cluster_refresh import clusters, recomputed

VERSIONS = Versions("c", "d")
POLICE = ActorMention(0, 6, "Police", "police", "Police", "PER", None, "COP", None, "role", basis="agent-noun")


def party(name: str) -> ActorMention:
    ident = name.lower().replace(" ", "-")
    return ActorMention(13, 13 + len(name), name, ident, name, None, None, None, None, "person", basis="text")


def arrest(article_id: str, target: str, outlet: str) -> tuple[ArticleText, CodedArticle]:
    text = f"Police seized {target} at a checkpoint outside the river port on Monday, {outlet} was told."
    event = Event(id=f"{article_id}-E1", start=0, end=len(text), trigger=Span(7, 13, "seized"), source=POLICE,
                  target=party(target), cameo="173", plover=Plover("COERCE", "arrest"), goldstein=-5.0, quad_class=4,
                  date="2025-03-10", date_precision="day", location=None, negated=False, hypothetical=False,
                  quote_id=None, confidence=0.8)
    article = Article(article_id, "t", None, outlet, "2025-03-11", "en")
    coded = CodedArticle(article=article, events=(event,))
    return ArticleText(text, "2025-03-11", "t", None, outlet, article_id), coded


def write(conn: sqlite3.Connection, items) -> None:
    write_batch(conn, start_run(conn, {}, VERSIONS), items, [], VERSIONS, False)


def sizes(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return sorted(tuple(r) for r in conn.execute(
        "SELECT c.source_code, c.target_code, c.num_mentions, GROUP_CONCAT(e.target_actor_id) FROM event_clusters c "
        "JOIN event_cluster_members m ON m.cluster_id = c.id JOIN events e ON e.rowid = m.event_rowid "
        "GROUP BY c.id"))


def test_different_uncoded_targets_stay_apart_and_the_same_one_joins(tmp_path):
    conn = open_store(tmp_path / "s.db")
    write(conn, [arrest("lake-1", "Lucia Ferreyra", "Courier"), arrest("hill-1", "Tomas Ibarguen", "Herald")])
    assert refresh_clusters(conn).full
    assert sizes(conn) == [("PER", None, 1, "lucia-ferreyra"), ("PER", None, 1, "tomas-ibarguen")]
    write(conn, [arrest("vale-1", "Lucia Ferreyra", "Gazette")])
    counts = refresh_clusters(conn)
    assert counts is not None and not counts.full
    assert sizes(conn) == [("PER", None, 1, "tomas-ibarguen"), ("PER", None, 2, "lucia-ferreyra,lucia-ferreyra")]
    assert clusters(conn) == recomputed(conn)


def test_a_store_clustered_before_party_keys_is_refreshed_in_full(tmp_path):
    conn = open_store(tmp_path / "s.db")
    write(conn, [arrest("lake-1", "Lucia Ferreyra", "Courier")])
    refresh_clusters(conn)
    assert not plan_refresh(conn).full
    settings = conn.execute("SELECT settings FROM cluster_state").fetchone()[0]
    conn.execute("UPDATE cluster_state SET settings = ?", (settings.replace(" parties=text-id", ""),))
    assert plan_refresh(conn).full
