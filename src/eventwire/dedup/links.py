"""The links of article clusters indexed by article, so an event cluster finds the links among its own
articles without walking every cluster of the corpus (that walk made a store's refresh quadratic)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from eventwire.dedup.articles import ArticleCluster, ArticleLink


class StoryLinks:
    """Which stories the articles are in (``story_of``) and the links between given articles (``within``)."""

    def __init__(self, stories: Sequence[ArticleCluster]) -> None:
        self.story_of = {a: story.id for story in stories for a in story.article_ids}
        self._from: dict[str, list[tuple[int, int, ArticleCluster, ArticleLink]]] = {}
        for i, story in enumerate(stories):
            for j, link in enumerate(story.links):
                self._from.setdefault(link.article_id, []).append((i, j, story, link))

    def within(self, article_ids: Collection[str]) -> list[tuple[ArticleCluster, ArticleLink]]:
        """The links from one of ``article_ids`` to another, each with its story, in the stories' order and
        then the links' (the order of walking every story's links)."""
        found = [entry for a in set(article_ids) for entry in self._from.get(a, ())
                 if entry[3].duplicate_of in article_ids]
        found.sort(key=lambda entry: entry[:2])
        return [(story, link) for _, _, story, link in found]
