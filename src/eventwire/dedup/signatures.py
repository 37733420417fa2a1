"""MinHash signatures as the store keeps them, and their LSH band keys, so that the candidate
near-duplicates of a new article are found by an index lookup instead of rebuilding an LSH index of
every stored article (docs/dedup.md, "Incremental refresh").

Bands are datasketch's own (``MinHashLSH(THRESHOLD, NUM_PERM).hashranges``: 25 bands of 5 values): two
signatures with one equal band have equal band keys, so the articles found by band key include every
candidate ``ArticleIndex`` would be given (a key is a 64-bit hash of the band, so rarely one more,
which the similarity check then drops)."""

from __future__ import annotations

import hashlib
import sys
from array import array

from datasketch import LeanMinHash, MinHash, MinHashLSH

from eventwire.dedup.articles import NUM_PERM, SCHEME, SEED, SHINGLE_WORDS, THRESHOLD

BANDS: tuple[tuple[int, int], ...] = tuple(MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM).hashranges)
# What a stored signature and its bands depend on; a store whose signatures were made otherwise is refreshed in full.
SETTINGS = (f"shingles={SHINGLE_WORDS} num_perm={NUM_PERM} seed={SEED} scheme={SCHEME} threshold={THRESHOLD} "
            f"bands={len(BANDS)}x{BANDS[0][1] - BANDS[0][0]}")
_VALUE = "I" if array("I").itemsize == 4 else "L"  # 32-bit hash values


def to_bytes(signature: MinHash) -> bytes:
    """The signature's hash values, 4 bytes each, little-endian (512 bytes)."""
    return bytes(signature.hashvalues.astype("<u4").tobytes())


def from_bytes(blob: bytes) -> LeanMinHash:
    """The signature ``to_bytes`` wrote."""
    values = array(_VALUE, blob)
    if sys.byteorder == "big":
        values.byteswap()
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def band_keys(signature: MinHash) -> list[int]:
    """One signed 64-bit key per band: equal bands, equal keys (the band's number is part of the key)."""
    raw = to_bytes(signature)
    return [int.from_bytes(hashlib.blake2b(n.to_bytes(2, "big") + raw[start * 4:end * 4], digest_size=8).digest(),
                           "big", signed=True)
            for n, (start, end) in enumerate(BANDS)]
