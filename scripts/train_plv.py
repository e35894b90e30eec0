#!/usr/bin/env python
"""Train the PLV classifier and write src/dateline/data/models/plv.npz (deterministic, one core).

    python scripts/train_plv.py [--data PLV_TSV] [--out PATH]
"""
from __future__ import annotations

import argparse
import time

from dateline.events import plv_train
from dateline.events.classify import MODEL_PATH
from dateline.events.plv_data import read_plv
from dateline.paths import shared_data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(shared_data("events", "plv_train.tsv")))
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args()
    t0 = time.time()
    rows = read_plv(args.data)
    extra = plv_train.extra_data(rows)
    model = plv_train.fit(plv_train.featurize(rows), [r.label for r in rows], extra)
    plv_train.save(model, args.out)
    print(f"trained on {len(rows)} rows (+{sum(len(e[0]) for e in extra)} extra), "
          f"{len(model.index)} features, T={model.temperature:.2f}, "
          f"{time.time() - t0:.0f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
