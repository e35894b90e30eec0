"""CPU seconds of the full pipeline alone (read -> clean -> parse -> stages -> store) over the
first N BBC articles, after `warm()`: this process and its workers, and per step.

    python bench/pipeline_cpu.py [--n 300] [--workers 2]

Quicker than `dateline bench` (no bare-spaCy half) for comparing two commits run alternately
on a shared machine; judge by CPU seconds, not wall time.
"""
from __future__ import annotations

import argparse
import os
import resource
import tempfile

from dateline import benchmark
from dateline.pipeline import warm


def _usage() -> tuple[float, float]:
    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    warm()
    files = benchmark.bbc_files(args.n)
    (me0, kids0) = _usage()
    with tempfile.TemporaryDirectory() as tmp:
        _, steps, stored = benchmark.full_pipeline(files, args.workers, os.path.join(tmp, "b.sqlite"))
    me1, kids1 = _usage()
    print(f"{stored} articles stored, {args.workers} workers: CPU s this process "
          f"{me1 - me0:.2f}, workers {kids1 - kids0:.2f}, total {me1 - me0 + kids1 - kids0:.2f}")
    print("per step: " + ", ".join(f"{k} {steps.get(k, 0.0):.2f}" for k in benchmark.STEPS))


if __name__ == "__main__":
    main()
