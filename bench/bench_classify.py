#!/usr/bin/env python
"""Throughput of dateline.classify (batched) on a PLV-format file, one process.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python bench/bench_classify.py [FILE] [--repeat N]

Reports rows per wall-clock second and per CPU second (the machine is shared, so the CPU
figure is the steadier one). The spaCy parse (tok2vec + tagger + parser) dominates.
"""
from __future__ import annotations

import argparse

from dateline.evaluation.plv import throughput
from dateline.events.plv_data import read_plv
from dateline.paths import shared_data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(shared_data("events", "plv_train.tsv")))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rows = read_plv(args.file)
    for i in range(args.repeat):
        wall, cpu = throughput(rows)
        print(f"run {i + 1}: {len(rows)} rows, {wall:.0f} rows/s wall, {cpu:.0f} rows/CPU-s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
