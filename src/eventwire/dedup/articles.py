"""Near-duplicate articles (one wire story, many outlets) found with MinHash LSH over word shingles."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from datasketch import MinHash, MinHashLSH

from eventwire.records import Record

SHINGLE_WORDS = 3  # three-word shingles: one edited word changes three shingles, not the whole story
NUM_PERM = 128  # permutations; the Jaccard estimate's standard error is about 1/sqrt(128) = 0.09
SEED = 1  # fixed, so the same texts always give the same signatures and clusters
THRESHOLD = 0.5  # estimated Jaccard of shingle sets at or above which two articles are one story
SCHEME = "affine32"  # datasketch's hashing scheme, pinned
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ArticleLink(Record):
    """Why an article joined a cluster: the earlier article it matched and their estimated similarity."""

    article_id: str
    duplicate_of: str
    similarity: float


@dataclass(frozen=True)
class ArticleCluster(Record):
    """Articles that are one story; ``id`` is its first article's id; ``links`` connect every member."""

    id: str
    article_ids: tuple[str, ...]
    sources: tuple[str, ...] = ()
    links: tuple[ArticleLink, ...] = ()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The lower-cased word n-grams of a text; a text shorter than ``size`` words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def make_minhash(text: str, num_perm: int = NUM_PERM, seed: int = SEED) -> MinHash:
    """The MinHash signature of a text's shingles, with a pinned hashing scheme."""
    signature = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME, permutations=_permutations(num_perm, seed))
    signature.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return signature


def signature_of(text: str, num_perm: int = NUM_PERM, seed: int = SEED) -> MinHash | None:
    """``make_minhash`` of a text, or ``None`` for a text without words (never anyone's duplicate)."""
    return make_minhash(text, num_perm, seed) if shingles(text) else None


def similarity(a: MinHash, b: MinHash) -> float:
    """The estimated Jaccard similarity of two signatures, rounded to 3 places as links keep it."""
    return round(float(a.jaccard(b)), 3)


@cache
def _permutations(num_perm: int, seed: int) -> Any:
    # Drawn from the seed alone: made once, not for every text (the same values MinHash would draw).
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations


class ArticleIndex:
    """An incremental index for streams: ``add`` each article as it comes; ``clusters`` at any time."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, seed: int = SEED) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.seed = seed
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._parent: dict[str, str] = {}
        self._sources: dict[str, str] = {}
        self._links: list[ArticleLink] = []

    def add(self, article_id: str, text: str, source: str | None = None) -> list[ArticleLink]:
        """Index one article; return the links that joined it to earlier stories (empty when it is new)."""
        if article_id in self._order:
            return []
        return self.add_signature(article_id, signature_of(text, self.num_perm, self.seed), source)

    def add_signature(self, article_id: str, signature: MinHash | None, source: str | None = None) -> list[ArticleLink]:
        """``add`` for an article whose signature is known (``signature_of`` its text; ``None``: no words)."""
        if article_id in self._order:
            return []
        self._order[article_id] = len(self._order)
        self._parent[article_id] = article_id
        if source:
            self._sources[article_id] = source
        if signature is None:
            return []
        links = self._match(article_id, signature)
        self._lsh.insert(article_id, signature)
        self._signatures[article_id] = signature
        return links

    def _match(self, article_id: str, signature: MinHash) -> list[ArticleLink]:
        # One link per distinct earlier story: its most similar member (earliest on ties).
        best: dict[str, tuple[float, int, str]] = {}
        for other in self._lsh.query(signature):
            estimate = similarity(signature, self._signatures[other])
            if estimate < self.threshold:
                continue  # LSH gives candidates; the estimate decides
            root = self._root(other)
            ranked = (estimate, -self._order[other], other)
            if root not in best or ranked > best[root]:
                best[root] = ranked
        links = [ArticleLink(article_id, other, estimate) for estimate, _, other in best.values()]
        links.sort(key=lambda link: self._order[link.duplicate_of])
        for link in links:
            self._union(article_id, link.duplicate_of)
        self._links.extend(links)
        return links

    def cluster_id(self, article_id: str) -> str:
        """The id of the cluster an indexed article belongs to."""
        return self._root(article_id)

    def clusters(self, min_size: int = 1) -> list[ArticleCluster]:
        """Every cluster with at least ``min_size`` articles, in the order their first article came."""
        members: dict[str, list[str]] = {}
        for article_id in self._order:  # insertion order
            members.setdefault(self._root(article_id), []).append(article_id)
        links: dict[str, list[ArticleLink]] = {}
        for link in self._links:
            links.setdefault(self._root(link.article_id), []).append(link)
        return [
            ArticleCluster(id=root, article_ids=tuple(ids), sources=self._cluster_sources(ids),
                           links=tuple(links.get(root, ())))
            for root, ids in members.items()
            if len(ids) >= min_size
        ]

    def _cluster_sources(self, ids: list[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self._sources[i] for i in ids if i in self._sources))

    def _root(self, article_id: str) -> str:
        while self._parent[article_id] != article_id:
            self._parent[article_id] = self._parent[self._parent[article_id]]
            article_id = self._parent[article_id]
        return article_id

    def _union(self, a: str, b: str) -> None:
        # The earlier article's root wins, so a cluster's id is always its first article.
        ra, rb = self._root(a), self._root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=self._order.__getitem__)
            self._parent[second] = first


def cluster_articles(articles: Sequence[tuple[str, str]], sources: Mapping[str, str] | None = None,
                     threshold: float = THRESHOLD, min_size: int = 1) -> list[ArticleCluster]:
    """Group ``(id, text)`` pairs into stories; ``sources`` maps ids to outlet names for the counts."""
    index = ArticleIndex(threshold=threshold)
    for article_id, text in articles:
        index.add(article_id, text, (sources or {}).get(article_id))
    return index.clusters(min_size=min_size)
