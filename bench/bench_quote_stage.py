"""Quote-stage time alone: `find_quotes` over PolNeAR dev, parsed once (parse + actors not timed).

Usage: python bench/bench_quote_stage.py [--limit N] [--repeat 3]
Prints the CPU seconds of the quote stage over the articles, best of --repeat runs.
Reads ../shared/data/quotes/polnear/dev at run time (DATELINE_SHARED overrides).
"""
import argparse
import time

from dateline.evaluation.quotes import make_doc, polnear_files
from dateline.paths import shared_data
from dateline.quotes import find_quotes, tagger


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = list(polnear_files(shared_data("quotes", "polnear", "dev")))[: args.limit]
    docs = [make_doc(txt.read_text(encoding="utf-8")) for txt, _ in files]
    tagger.load()
    best = None
    for _ in range(args.repeat):
        for doc in docs:  # per-parse caches (sentences, entities) are rebuilt in every run
            for key in [k for k in doc.spacy.user_data if str(k).startswith("dateline_")]:
                doc.spacy.user_data.pop(key)
        t0 = time.process_time()
        for doc in docs:
            find_quotes(doc)
        spent = time.process_time() - t0
        best = spent if best is None else min(best, spent)
    print(f"quote stage: {best:.2f} CPU seconds over {len(docs)} PolNeAR dev articles (best of {args.repeat})")


if __name__ == "__main__":
    main()
