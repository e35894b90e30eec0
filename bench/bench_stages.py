"""Where the pipeline's time goes: seconds per stage on BBC articles, one process.

    python bench/bench_stages.py [--limit 100]
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from dateline import nlp
from dateline.clean import to_article
from dateline.ingest.readers import read_path
from dateline.paths import shared_data
from dateline.pipeline import STAGES, Doc, warm


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args()
    files = sorted(Path(shared_data("news", "bbc")).rglob("*.txt"))[: args.limit]
    warm()
    stages = [("clean", None), ("parse", None)] + [(s.name, s.function()) for s in STAGES]
    spent = Counter()
    for f in files:
        record = next(read_path(str(f)))
        t = time.perf_counter()
        article = to_article(record)
        spent["clean"] += time.perf_counter() - t
        t = time.perf_counter()
        doc = Doc(article=article, spacy=nlp.load()(article.text))
        spent["parse"] += time.perf_counter() - t
        for name, component in stages[2:]:
            t = time.perf_counter()
            component(doc)
            spent[name] += time.perf_counter() - t
    total = sum(spent.values())
    for name, _ in stages:
        print(f"{name:<8} {spent[name]:6.2f} s  {100 * spent[name] / total:5.1f} %  "
              f"{1000 * spent[name] / len(files):6.1f} ms/article")
    print(f"total    {total:6.2f} s for {len(files)} articles")


if __name__ == "__main__":
    main()
