"""Deduplication: near-duplicate articles (MinHash LSH) and event clusters merged across articles."""

from eventwire.dedup.articles import ArticleCluster, ArticleIndex, ArticleLink, cluster_articles
from eventwire.dedup.events import EventCluster, EventKey, EventMention, event_key, merge_events
from eventwire.dedup.links import StoryLinks

__all__ = [
    "ArticleCluster", "ArticleIndex", "ArticleLink", "EventCluster", "EventKey", "EventMention", "StoryLinks",
    "cluster_articles", "event_key", "merge_events",
]
