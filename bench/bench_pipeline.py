"""Throughput of the whole pipeline on the BBC news folder (../shared/data/news/bbc).

    python bench/bench_pipeline.py [--limit 200] [--workers 1]

Prints articles/s, words/s and events/quotes found. Load time of the model is excluded.
"""
from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

from dateline import nlp
from dateline.ingest.record import InputError
from dateline.ingest.readers import read_path
from dateline.paths import shared_data
from dateline.pipeline import extract_stream


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--data", default=str(shared_data("news", "bbc")))
    args = ap.parse_args()
    files = sorted(Path(args.data).rglob("*.txt"))[: args.limit]
    records = [r for f in files for r in read_path(str(f))]
    words = sum(len(r.content.split()) for r in records if not isinstance(r, InputError))
    nlp.load()
    t0 = time.perf_counter()
    results = list(extract_stream(records, workers=args.workers))
    dt = time.perf_counter() - t0
    ok = [r for r in results if not isinstance(r, InputError)]
    print(f"{len(ok)} articles ({len(results) - len(ok)} errors), {words} words in {dt:.1f} s "
          f"with {args.workers} worker(s): {len(ok) / dt:.1f} articles/s, {words / dt:.0f} words/s; "
          f"{sum(len(a.events) for a in ok)} events, {sum(len(a.quotes) for a in ok)} quotes "
          f"[{platform.processor() or platform.machine()}, {platform.python_version()}]")


if __name__ == "__main__":
    main()
