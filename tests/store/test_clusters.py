"""Stored clusters: a real ``eventwire run`` keeps one story from three outlets as one article cluster and one
event cluster; other stories stay apart; reruns change nothing; ``--no-clusters`` stores none."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from eventwire.cli.corpus import main
from eventwire.corpus.runner import RunOptions, run_corpus
from eventwire.corpus.work import WorkOptions
from eventwire.ingest.factory import make_source
from eventwire.knowledge.settings import CoderSettings
from eventwire.store.cluster_reads import read_event_clusters
from eventwire.store.clusters import clusters_up_to_date, refresh_clusters
from eventwire.store.connect import open_store
from eventwire.store.read import article_cluster_of, dump_store
from eventwire.store.write import Versions, start_run, write_batch
from tests.dedup.stories import OTHER_STORIES, OUTLETS
from tests.store.sample import sample_article

CLUSTER_TABLES = ("article_clusters", "event_clusters", "event_cluster_members")


def write_wire(path: Path) -> Path:
    """The wire story as three outlets ran it (published the day after "Tuesday"), and a later, different
    story about the same ministers from one of them."""
    rows = [{"id": f"{outlet}-1", "title": title, "text": text, "source": outlet.title(), "published": "2024-08-21"}
            for outlet, (title, text) in OUTLETS.items()]
    rows.append({"id": "courier-2", "title": "Lavrov hosts Armenian minister", "text": OTHER_STORIES["talks"],
                 "source": "Courier", "published": "2024-08-24"})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def run(source: Path, db: Path, **options: object) -> dict[str, int]:
    work = WorkOptions(CoderSettings(batch_size=2))
    report = run_corpus([make_source(str(source))], RunOptions(db=db, work=work, progress=False,
                                                               **options))  # type: ignore[arg-type]
    return dict(report.counts)


def clusters_of(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = open_store(db)
    try:
        return {table: rows for table, rows in dump_store(conn).items() if table in CLUSTER_TABLES}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def wire(tmp_path_factory) -> Path:
    return write_wire(tmp_path_factory.mktemp("wire") / "wire.jsonl")


@pytest.fixture(scope="module")
def store(wire, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "s.db"
    counts = run(wire, db)
    assert counts["coded"] == 4 and counts["article_clusters"] == 2
    return db


@pytest.mark.slow
def test_three_outlets_are_one_article_cluster_and_the_other_story_stays_apart(store):
    conn = open_store(store)
    ids = dict(conn.execute("SELECT hash, id FROM articles").fetchall())
    groups: dict[str, set[str]] = {}
    for key, cluster in conn.execute("SELECT article_hash, cluster_id FROM article_clusters"):
        groups.setdefault(cluster, set()).add(ids[key])
    assert sorted(groups.values(), key=len) == [{"courier-2"}, {"courier-1", "gazette-1", "herald-1"}]
    (courier,) = [k for k, i in ids.items() if i == "courier-1"]
    story = article_cluster_of(conn, courier)
    assert [(m["article_id"], m["cluster_id"] == courier) for m in story] == [
        ("courier-1", True), ("gazette-1", True), ("herald-1", True)]
    assert story[0]["duplicate_of"] is None
    assert all(m["duplicate_of"] == courier and 0.5 <= m["similarity"] < 1 for m in story[1:])
    conn.close()


@pytest.mark.slow
def test_the_event_is_one_cluster_of_three_articles_and_sources(store):
    conn = open_store(store)
    clusters = list(read_event_clusters(conn))
    # The wire story's events: the accusation, and Lavrov's saying that Yerevan "had failed to honour" its
    # commitments, a criticism (CAMEO 111, events/statements.py), each one cluster of the three outlets' articles.
    wire = [c for c in clusters if c["num_articles"] > 1]
    assert sorted(c["cameo"] for c in wire) == ["111", "112"]
    (accusation,) = [c for c in wire if c["cameo"] == "112"]
    assert (accusation["source_code"], accusation["target_code"], accusation["cameo"]) == ("RUSGOV", "ARM", "112")
    assert (accusation["num_mentions"], accusation["num_articles"], accusation["num_sources"],
            accusation["num_stories"]) == (3, 3, 3, 1)
    assert accusation["first_date"] == accusation["last_date"] == "2024-08-20"
    assert accusation["sources"] == ["Courier", "Gazette", "Herald"]
    assert accusation["article_ids"] == ["courier-1", "gazette-1", "herald-1"]
    assert accusation["why"][0] == "key matched: source=RUSGOV target=ARM cameo=112 date=2024-08-20"
    members = accusation["members"]
    assert all("Lavrov accused Armenia" in m["evidence"] for m in members)
    assert members[0]["why"] == "first mention"
    assert all("near-duplicate of courier-1" in m["why"] for m in members[1:])
    assert all(c["article_ids"] == ["courier-1", "gazette-1", "herald-1"] for c in wire)
    # The later talks are other events: none of their clusters holds a wire article.
    others = [c for c in clusters if c not in wire]
    assert others and all(c["article_ids"] == ["courier-2"] for c in others)
    # Every stored event is in exactly one cluster.
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == sum(c["num_mentions"] for c in clusters)
    assert list(read_event_clusters(conn, min_sources=2)) == wire
    conn.close()


@pytest.mark.slow
def test_reruns_and_refreshes_leave_the_clusters_identical(wire, store, tmp_path):
    db = tmp_path / "s.db"
    source, copy = open_store(store), sqlite3.connect(db)
    source.backup(copy)
    source.close()
    copy.close()
    before = clusters_of(db)
    assert run(wire, db)["coded"] == 0 and clusters_of(db) == before
    assert run(wire, db, recode=True)["coded"] == 4  # new event row ids: members are rebuilt
    assert clusters_of(db) == before
    conn = open_store(db)
    assert refresh_clusters(conn, if_stale=True) is None  # up to date: nothing done
    counts = refresh_clusters(conn)
    assert counts is not None and (counts.articles, counts.article_clusters) == (4, 2)
    conn.close()
    assert clusters_of(db) == before


@pytest.mark.slow
def test_no_clusters_leaves_the_tables_empty_until_a_run_without_it(wire, store, tmp_path):
    db = tmp_path / "n.db"
    assert main(["run", str(wire), "--db", str(db), "--no-progress", "--no-clusters"]) == 0
    assert clusters_of(db) == {t: [] for t in CLUSTER_TABLES}
    conn = open_store(db)
    assert not clusters_up_to_date(conn)
    conn.close()
    assert main(["run", str(wire), "--db", str(db), "--no-progress"]) == 0  # codes nothing, refreshes
    assert clusters_of(db) == clusters_of(store)


@pytest.mark.slow
def test_export_clusters_writes_one_cluster_a_line_with_its_evidence(store, tmp_path, capsys):
    out = tmp_path / "clusters.jsonl"
    assert main(["export", "--db", str(store), "--format", "clusters", "--cameo", "112", "--out", str(out)]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    cluster = json.loads(line)
    assert (cluster["num_articles"], cluster["num_sources"], cluster["num_stories"]) == (3, 3, 1)
    assert [m["article_source"] for m in cluster["members"]] == ["Courier", "Gazette", "Herald"]
    assert all(m["evidence"] and m["why"] for m in cluster["members"])
    assert "exported 1 event clusters" in capsys.readouterr().err


# -- fast: hand-built records, no model ------------------------------------------------------------------------

def test_two_texts_under_one_id_are_told_apart_and_an_old_store_is_refused(tmp_path, capsys):
    conn = open_store(tmp_path / "s.db")
    versions = Versions("c", "d")
    run_id = start_run(conn, {}, versions)
    first = sample_article("a1")
    edited = sample_article("a1", text=first[0].text + " Officials in Yerevan did not comment.")
    write_batch(conn, run_id, [first, edited], [], versions)
    counts = refresh_clusters(conn)
    assert counts is not None and (counts.articles, counts.events, counts.event_clusters) == (2, 2, 1)
    (cluster,) = read_event_clusters(conn)
    assert len(cluster["members"]) == 2 and cluster["num_sources"] == 1
    assert any("a1@" in line and "near-duplicate" in line for line in cluster["why"])  # ids made unique
    conn.close()

    old = tmp_path / "old.db"
    plain = sqlite3.connect(old)
    plain.execute("CREATE TABLE events (rowid INTEGER PRIMARY KEY)")
    plain.close()
    assert main(["export", "--db", str(old), "--format", "clusters"]) == 2
    assert "no cluster tables" in capsys.readouterr().err
