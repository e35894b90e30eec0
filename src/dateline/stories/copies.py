"""Near-duplicate articles (syndicated copies, light rewrites): MinHash over word shingles,
LSH banding, and a containment check on candidates.

The signature is datasketch's MinHash (NUM_PERM permutations, fixed seed, so signatures from
different processes compare). LSH bands use datasketch's own optimal (bands, rows) for
LSH_THRESHOLD; each band's bucket is stored in the `story_lsh` table, so a later ingest
process finds candidates with one indexed query and never rebuilds an index.

A candidate is a copy when its estimated containment |A∩B| / min(|A|, |B|) is at least
COPY_CONTAINMENT: containment, not Jaccard, so a copy missing paragraphs (truncated
syndication) still counts. |A∩B| comes from the MinHash Jaccard estimate J and the shingle
counts: |A∩B| = J (|A| + |B|) / (1 + J). Thresholds measured by `dateline eval copies`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import numpy as np
import sqlalchemy as sa

from ..store.stories import story_lsh, story_sketches

NUM_PERM = 128
SEED = 1
LSH_THRESHOLD = 0.2        # Jaccard at which a pair becomes an LSH candidate
COPY_CONTAINMENT = 0.5     # estimated containment from which a candidate is a copy


@dataclass
class Sketch:
    hashvalues: np.ndarray   # uint64[NUM_PERM]
    size: int                # number of distinct shingles

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, raw: bytes, size: int) -> "Sketch":
        return cls(np.frombuffer(raw, dtype="<u8").copy(), size)


@lru_cache(maxsize=1)
def _template():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED)


@lru_cache(maxsize=1)
def bands() -> tuple[int, int]:
    """(number of bands, rows per band), datasketch's optimum for LSH_THRESHOLD."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(LSH_THRESHOLD, NUM_PERM, 0.5, 0.5)


def sketch(shingles: Iterable[str]) -> Sketch:
    """MinHash signature of a shingle set."""
    from datasketch import MinHash

    items = [s.encode("utf-8") for s in shingles]
    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=t.permutations, scheme=t.scheme)
    if items:
        m.update_batch(items)
    return Sketch(m.hashvalues.copy(), len(items))


def buckets(sk: Sketch) -> list[tuple[int, str]]:
    """(band, bucket key) pairs of a signature."""
    b, r = bands()
    raw = sk.hashvalues.astype("<u8")
    return [(i, hashlib.blake2b(bytes([i]) + raw[i * r:(i + 1) * r].tobytes(),
                                digest_size=12).hexdigest()) for i in range(b)]


def jaccard(a: Sketch, b: Sketch) -> float:
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / NUM_PERM


def containment(a: Sketch, b: Sketch) -> float:
    """Estimated |A∩B| / min(|A|, |B|) from the two signatures and set sizes."""
    if not a.size or not b.size:
        return 0.0
    j = jaccard(a, b)
    inter = j * (a.size + b.size) / (1 + j)
    return min(1.0, inter / min(a.size, b.size))


def candidates(conn, sk: Sketch) -> dict[str, Sketch]:
    """Stored articles sharing at least one LSH bucket with `sk`, with their signatures."""
    keys = [k for _, k in buckets(sk)]  # a key hashes its band number too: unique per band
    q = sa.select(story_lsh.c.article_id).where(story_lsh.c.bucket.in_(keys)).distinct()
    ids = {r[0] for r in conn.execute(q)}
    if not ids:
        return {}
    q = sa.select(story_sketches.c.article_id, story_sketches.c.minhash,
                  story_sketches.c.n_shingles).where(story_sketches.c.article_id.in_(ids))
    return {aid: Sketch.from_bytes(raw, n) for aid, raw, n in conn.execute(q)}


def find_copies(conn, sk: Sketch, threshold: float = COPY_CONTAINMENT) -> list[tuple[str, float]]:
    """[(article id, containment)] of stored near-duplicates of `sk`, best first."""
    found = [(aid, containment(sk, other)) for aid, other in candidates(conn, sk).items()]
    return sorted([f for f in found if f[1] >= threshold], key=lambda f: (-f[1], f[0]))


def index(conn, article_id: str, sk: Sketch) -> None:
    """Add a signature's buckets to the LSH table."""
    conn.execute(story_lsh.insert(), [{"band": b, "bucket": k, "article_id": article_id}
                                      for b, k in buckets(sk)])
