"""Rebuild src/dateline/data/clean/line_model.json: the furniture (content line) and title models.

    pip install -e '.[train]'        # scikit-learn, inscriptis
    DATELINE_SHARED=../shared python scripts/train_furniture.py [--exclude-dev 21-40] [--out PATH]

Training data (src/dateline/clean/train.py): the 181 Zyte benchmark pages rendered to text lines
by inscriptis and labelled by their ground-truth body, plus the gold dev text articles (their
`boilerplate` lines and titles), plus 300 synthetic text pages that splice their furniture around
BBC articles (../shared/data/news/bbc) and other sites' bodies (clean/synthetic.py).
`--exclude-dev 21-40` leaves those dev articles out, to score
them as unseen (`dateline eval furniture --ids 21-40` after training so).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

from dateline.clean import train
from dateline.paths import data_file


def _round(obj, digits: int = 5):
    if isinstance(obj, float):
        return float(f"{obj:.{digits}g}")
    if isinstance(obj, list):
        return [_round(x, digits) for x in obj]
    if isinstance(obj, dict):
        return {k: _round(v, digits) for k, v in obj.items()}
    return obj


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exclude-dev", default="", help="dev article numbers to leave out, e.g. 21-40")
    ap.add_argument("--no-dev", action="store_true", help="train on the Zyte pages only")
    ap.add_argument("--out", type=Path, default=data_file("clean", "line_model.json"))
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    start = time.time()
    pages = train.zyte_pages()
    if not args.no_dev:
        pages += train.dev_pages(exclude=args.exclude_dev)
    model = train.fit(pages)
    model["trained_on"] = {"zyte_pages": sum(p.site != p.key for p in pages),
                           "dev_pages": sum(p.site == p.key for p in pages),
                           "dev_excluded": args.exclude_dev or None,
                           "lines": sum(len(p.lines) for p in pages)}
    args.out.write_text(json.dumps(_round(model), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) from {len(pages)} pages "
          f"in {time.time() - start:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
