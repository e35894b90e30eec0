"""CPU seconds of the clean step alone (`pipeline.prepare`: clean text, furniture lines, title,
language) over the first N BBC articles in this process, after `warm()`, a few passes.

    python bench/clean_cpu.py [--n 300] [--passes 3]

Each pass empties the per-line feature cache first, so every pass does the same work. For
comparing two commits run alternately on a shared machine (CPU time, not wall time).
"""
from __future__ import annotations

import argparse
import time

from dateline import benchmark
from dateline.clean import lines
from dateline.ingest import read_inputs
from dateline.pipeline import prepare, warm


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    warm()
    records = list(read_inputs(str(f) for f in benchmark.bbc_files(args.n)))
    spent = []
    for _ in range(args.passes):
        lines.own_features.cache_clear()
        t = time.process_time()
        for record in records:
            prepare(record)
        spent.append(time.process_time() - t)
    print(f"prepare over {len(records)} records, CPU s per pass: "
          + " ".join(f"{s:.3f}" for s in spent))


if __name__ == "__main__":
    main()
