"""Near-duplicate articles: one wire story in three outlets is one cluster; other stories stay apart."""

from __future__ import annotations

from eventwire.dedup import ArticleIndex, cluster_articles
from eventwire.dedup.articles import THRESHOLD, make_minhash, shingles
from tests.dedup.stories import OTHER_STORIES, OUTLETS, WIRE


def corpus() -> list[tuple[str, str]]:
    items = [(f"{outlet}-1", text) for outlet, (_, text) in OUTLETS.items()]
    return items + list(OTHER_STORIES.items())


def test_one_story_in_three_outlets_is_one_cluster_with_three_sources():
    sources = {f"{outlet}-1": outlet.title() for outlet in OUTLETS} | {"talks": "Herald", "budget": "Courier"}
    clusters = cluster_articles(corpus(), sources=sources)
    expected = [("courier-1", "gazette-1", "herald-1"), ("talks",), ("budget",), ("storm",)]
    assert [c.article_ids for c in clusters] == expected  # the same-topic "talks" story stays apart
    story = clusters[0]
    assert story.id == "courier-1" and story.sources == ("Courier", "Gazette", "Herald")
    assert {link.article_id for link in story.links} == {"gazette-1", "herald-1"}
    assert all(link.similarity >= THRESHOLD for link in story.links)
    assert story.to_dict()["links"][0]["duplicate_of"] == "courier-1"


def test_clusters_are_deterministic_and_independent_of_runs():
    first = cluster_articles(corpus())
    assert cluster_articles(corpus()) == first
    assert make_minhash(WIRE).hashvalues.tolist() == make_minhash(WIRE).hashvalues.tolist()


def test_the_incremental_index_links_each_article_as_it_comes():
    index = ArticleIndex()
    assert index.add("a", WIRE, "Courier") == []
    (link,) = index.add("b", OUTLETS["herald"][1], "Herald")
    assert (link.article_id, link.duplicate_of) == ("b", "a")
    assert index.add("c", OTHER_STORIES["storm"]) == []
    assert index.add("a", WIRE) == []  # adding twice changes nothing
    assert index.cluster_id("b") == "a" and index.cluster_id("c") == "c"
    assert [c.article_ids for c in index.clusters(min_size=2)] == [("a", "b")]


def test_exact_copies_and_empty_texts():
    clusters = cluster_articles([("x", WIRE), ("y", WIRE), ("e", ""), ("f", "   ")])
    assert clusters[0].article_ids == ("x", "y") and clusters[0].links[0].similarity == 1.0
    assert [c.article_ids for c in clusters[1:]] == [("e",), ("f",)]


def test_shingles():
    assert shingles("One two, three FOUR") == {"one two three", "two three four"}
    assert shingles("Short text") == {"short text"}
    assert shingles("") == set()
