"""Memory over a long ingest: BBC texts repeated with distinct ids, streamed into a SQLite store.

    python bench/bench_memory.py --n 100000 --workers 2 --db /tmp/mem.sqlite [--every 500]
        [--start K]

Records are generated lazily (text i is BBC article i mod 2,225 with a line naming its copy
number, and URL https://bench.invalid/bbc-copy/i, so every article id is distinct) and go
through the same `store.ingest.ingest` as `dateline ingest`. Every `--every` articles it prints
articles done, elapsed seconds, articles/s and the resident memory (RSS, MB) of the parent and of each worker, read from /proc, so one can see that
memory stays flat as the store grows. `--start K` continues an interrupted run into the same
store: it generates copies K..N-1 only (K = the number of copies the store already holds).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from dateline.benchmark import child_pids, proc_mb
from dateline.ingest.record import Record
from dateline.paths import shared_data
from dateline.pipeline import extract_stream
from dateline.store import open_store
from dateline.store.ingest import ingest


def records(n: int, start: int = 0):
    files = sorted(Path(shared_data("news", "bbc")).rglob("*.txt"))
    texts = [f.read_text(encoding="latin-1") for f in files]
    for i in range(start, n):
        body = texts[i % len(texts)]
        title, _, rest = body.partition("\n")
        # The id comes from the URL: an id taken from the text would make copies whose cleaned
        # text is equal one article (the cleaner may drop the "Copy i." line as furniture).
        yield Record(input=f"bbc-copy-{i}", url=f"https://bench.invalid/bbc-copy/{i}",
                     content=f"{title}\n\nCopy {i}.\n{rest}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--db", required=True)
    ap.add_argument("--every", type=int, default=500)
    ap.add_argument("--start", type=int, default=0, help="first copy number (resume)")
    args = ap.parse_args()
    t0 = time.time()
    done = args.start

    def process(items, workers):
        nonlocal done
        for result in extract_stream(items, workers=workers):
            done += 1
            if done % args.every == 0:
                kids = [proc_mb(p, "status", "VmRSS") for p in sorted(child_pids(os.getpid()))]
                rate = (done - args.start) / (time.time() - t0)
                print(f"{done:>7} articles  {time.time() - t0:8.0f} s  {rate:6.2f}/s"
                      f"  RSS parent {proc_mb(os.getpid(), 'status', 'VmRSS'):6.0f} MB  workers "
                      + " ".join(f"{k:6.0f}" for k in kids), flush=True)
            yield result

    with open_store(args.db) as store:
        stats = ingest(store, records(args.n, args.start), process, workers=args.workers)
    print(stats.summary(args.db), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
