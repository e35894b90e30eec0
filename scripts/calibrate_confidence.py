"""How well event `confidence` predicts being right: precision per confidence bin on dev gold.

    python scripts/calibrate_confidence.py [GOLD_DIR]     (default ../shared/examples/dev)

Each predicted event counts as right when the evaluation's matching (evaluation/articles.py:
type, or an allowed alternative, and side countries, one-to-one maximum matching) pairs it with
a gold event. Prints, per bin, the events, how many were right, the mean confidence and the
observed precision, plus the Brier score. Dev articles: a dev figure, not a held-out one.
"""
from __future__ import annotations

import json
import sys

from dateline import extract
from dateline.evaluation.articles import event_ok, gold_files, gold_published, max_matching

BINS = ((0.0, 0.4), (0.4, 0.6), (0.6, 0.75), (0.75, 1.01))


def main() -> None:
    pairs = []
    for path in gold_files(sys.argv[1] if len(sys.argv) > 1 else None):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out = extract(gold["text"], published=gold_published(gold), url=gold.get("url"))
        golds, preds = gold.get("events") or [], out["events"]
        matched = set(max_matching(golds, preds, event_ok, range(len(golds))).values())
        pairs += [(p["confidence"], i in matched) for i, p in enumerate(preds)]
    print("| confidence | events | right | mean confidence | precision |")
    print("|---|---|---|---|---|")
    for lo, hi in BINS:
        got = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if got:
            right = sum(ok for _, ok in got)
            print(f"| {lo:.2f}-{min(hi, 1):.2f} | {len(got)} | {right} | "
                  f"{sum(c for c, _ in got) / len(got):.2f} | {right / len(got):.2f} |")
    brier = sum((c - ok) ** 2 for c, ok in pairs) / max(1, len(pairs))
    print(f"\nall: {len(pairs)} events, precision {sum(ok for _, ok in pairs) / max(1, len(pairs)):.2f},"
          f" Brier score {brier:.3f}")


if __name__ == "__main__":
    main()
