"""Write the records of the 40 dev articles and the first N BBC articles as JSON lines, so two
commits' outputs can be compared byte for byte (a speed change must leave them identical).

    python bench/records_snapshot.py OUT.jsonl [--n 300] [--workers 1]
    cmp BEFORE.jsonl AFTER.jsonl

Dev articles go through `extract()` as `dateline eval articles` calls it; BBC articles through
`extract_stream` (the CLI's batch path) with the given worker count. Texts are read at run time
from the shared data folder.
"""
from __future__ import annotations

import argparse
import json

from dateline.benchmark import bbc_files
from dateline.evaluation.articles import gold_files, gold_published
from dateline.ingest import read_inputs
from dateline.pipeline import extract, extract_stream


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as out:
        for path in gold_files(None):
            gold = json.loads(path.read_text(encoding="utf-8"))
            rec = extract(gold["text"], published=gold_published(gold), url=gold.get("url"))
            out.write(json.dumps({"file": path.name, "rec": rec}, sort_keys=True) + "\n")
        files = bbc_files(args.n)
        results = extract_stream(read_inputs(str(f) for f in files), workers=args.workers)
        for path, result in zip(files, results):
            rec = result.to_dict() if hasattr(result, "to_dict") else {"error": str(result)}
            out.write(json.dumps({"file": str(path), "rec": rec}, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
