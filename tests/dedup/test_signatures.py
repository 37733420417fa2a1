"""Stored signatures and band keys: a signature survives the store unchanged, and band keys find every
candidate datasketch's LSH would give; the link index returns what walking every story returns."""

from __future__ import annotations

import random

from datasketch import MinHash, MinHashLSH

from eventwire.dedup import ArticleCluster, ArticleLink, StoryLinks, cluster_articles
from eventwire.dedup.articles import NUM_PERM, SCHEME, SEED, THRESHOLD, make_minhash, shingles, signature_of
from eventwire.dedup.signatures import band_keys, from_bytes, to_bytes
from tests.dedup.stories import OTHER_STORIES, OUTLETS


def texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho".split()
    base = [" ".join(rng.choice(words) for _ in range(30)) for _ in range(count // 3)]
    found = list(base)
    while len(found) < count:
        edited = rng.choice(base).split()
        for _ in range(rng.randrange(1, 10)):
            edited[rng.randrange(len(edited))] = rng.choice(words)
        found.append(" ".join(edited))
    return found


def test_a_signature_is_the_same_after_the_store_and_as_datasketch_makes_it():
    text = OUTLETS["gazette"][1]
    plain = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    plain.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    signature = make_minhash(text)  # permutations made once, not per text
    assert list(signature.hashvalues) == list(plain.hashvalues)
    blob = to_bytes(signature)
    assert len(blob) == 4 * NUM_PERM
    again = from_bytes(blob)
    assert list(again.hashvalues) == list(signature.hashvalues)
    assert again.jaccard(make_minhash(OUTLETS["herald"][1])) == signature.jaccard(make_minhash(OUTLETS["herald"][1]))
    assert signature_of("... !!!") is None and signature_of("one word") is not None


def test_band_keys_find_every_lsh_candidate():
    signatures = {n: make_minhash(t) for n, t in enumerate(texts(1, 120))}
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    for n, signature in signatures.items():
        lsh.insert(n, signature)
    keys = {n: set(band_keys(s)) for n, s in signatures.items()}
    pairs = 0
    for n, signature in signatures.items():
        candidates = set(lsh.query(signature)) - {n}
        assert candidates <= {m for m in signatures if m != n and keys[n] & keys[m]}
        pairs += len(candidates)
    assert pairs > 50  # the corpus has near-duplicates to find


def test_story_links_within_is_the_walk_over_every_story():
    stories = cluster_articles([(f"{o}-1", t) for o, (_, t) in OUTLETS.items()]
                               + [(name, text) for name, text in OTHER_STORIES.items()])
    extra = ArticleCluster("x1", ("x1", "x2", "x3"), links=(ArticleLink("x2", "x1", 0.9), ArticleLink("x3", "x1", 0.6),
                                                           ArticleLink("x3", "x2", 0.7)))
    stories = [*stories, extra]
    links = StoryLinks(stories)
    for members in ({"courier-1", "gazette-1", "herald-1"}, {"gazette-1", "herald-1"}, {"x1", "x3"},
                    {"x2", "x3", "herald-1", "courier-1"}, {"talks"}, set()):
        walk = [(s, link) for s in stories for link in s.links
                if link.article_id in members and link.duplicate_of in members]
        assert links.within(members) == walk
    assert links.story_of["gazette-1"] == "courier-1" and links.story_of["x3"] == "x1"
