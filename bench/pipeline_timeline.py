"""Where the full pipeline's wall time goes with several workers: a timeline per batch per process.

    python bench/pipeline_timeline.py [--n 300] [--workers 2] [--batches]

Runs read -> clean -> parse -> stages -> store (as `benchmark.full_pipeline`) over the first N BBC
articles after `warm()`, with every batch timed where it runs (process id, wall start and end, CPU
seconds). Prints, in wall seconds from the start of the run: when the first batch started in a
worker (before that the parent works alone), each process's batches, busy time and idle gaps, the
tail (how long the last worker ran after the first ran out of work), and the parent's time spent
waiting for results and storing. Wall figures only mean something on a quiet machine (check
`uptime`); the CPU figures hold anyway.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import Counter, defaultdict

from dateline import benchmark, pipeline

_ORIGINAL = pipeline._timed_batch
_KEYS = ("_pid", "_t0", "_t1", "_cpu", "_n")


def _timed(items):
    """`pipeline._timed_batch` plus this batch's timeline entry in the returned Counter."""
    t0, c0 = time.perf_counter(), time.process_time()
    results, spent = _ORIGINAL(items)
    spent.update(dict(zip(_KEYS, (os.getpid(), t0, time.perf_counter(),
                                  time.process_time() - c0, len(items)))))
    return results, spent


class Sink(Counter):
    """The timings sink: step seconds summed, timeline entries kept apart."""

    def __init__(self):
        self.batches: list = []
        super().__init__()

    def update(self, other=(), **kw):
        other = dict(other or ())
        if "_pid" in other:
            self.batches.append(tuple(other.pop(k) for k in _KEYS))
        super().update(other)


def run(files, workers: int, db: str):
    from dateline.ingest import read_inputs
    from dateline.store import open_store
    from dateline.store.ingest import STORE_BATCH

    sink, waits = Sink(), []
    start = time.perf_counter()
    with open_store(db) as store:
        batch: list = []
        stream = pipeline.extract_stream(read_inputs(str(f) for f in files), workers=workers,
                                         timings=sink)
        while True:
            t = time.perf_counter()
            result = next(stream, None)
            waits.append(time.perf_counter() - t)
            if result is None:
                break
            if hasattr(result, "to_dict"):
                batch.append(result)
            if len(batch) >= STORE_BATCH:
                t = time.process_time()
                store.add_many(batch)
                sink["store"] += time.process_time() - t
                batch.clear()
        store.add_many(batch)
    return start, time.perf_counter() - start, sink, sum(waits)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batches", action="store_true", help="print every batch")
    args = ap.parse_args()
    pipeline.warm()
    files = benchmark.bbc_files(args.n)
    pipeline._timed_batch = _timed
    c0 = time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        start, wall, sink, waited = run(files, args.workers, os.path.join(tmp, "b.sqlite"))
    parent_cpu = time.process_time() - c0
    parent = os.getpid()
    by_pid = defaultdict(list)
    for pid, t0, t1, cpu, n in sink.batches:
        by_pid[int(pid)].append((t0 - start, t1 - start, cpu, int(n)))
    print(f"{len(files)} articles, {args.workers} workers: wall {wall:.2f} s; parent CPU "
          f"{parent_cpu:.2f} s, of which waiting for the next result took {waited:.2f} s wall")
    print("  CPU s per step: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(sink.items())))
    ends = []
    for pid, batches in sorted(by_pid.items(), key=lambda kv: kv[1][0][0]):
        busy = sum(t1 - t0 for t0, t1, _, _ in batches)
        cpu = sum(c for _, _, c, _ in batches)
        gaps = sum(max(0.0, b[0] - a[1]) for a, b in zip(batches, batches[1:]))
        who = "parent" if pid == parent else f"worker {pid}"
        print(f"  {who:<13} {len(batches):3d} batches {sum(b[3] for b in batches):4d} articles,"
              f" {batches[0][0]:6.2f} -> {batches[-1][1]:6.2f} s, busy {busy:6.2f} s wall"
              f" ({cpu:6.2f} CPU s), idle between batches {gaps:5.2f} s")
        if pid != parent:
            ends.append(batches[-1][1])
        if args.batches:
            for t0, t1, c, n in batches:
                print(f"      {t0:7.2f} {t1:7.2f}  cpu {c:5.2f}  n {n}")
    if ends:
        ends.sort()
        print(f"  tail: the last worker ended {ends[-1] - ends[0]:.2f} s after the first; the run"
              f" ended {wall - ends[-1]:.2f} s after the last batch")


if __name__ == "__main__":
    main()
