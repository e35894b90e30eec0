"""Train the admission model for learned non-finite attributions (src/dateline/quotes/admit.py)
on PolNeAR train.

For every attribution the learned tagger finds that the rules did not (`assemble.tagged`), with a
source and without a finite clause as content, the label is whether its content covers at least
half of a gold attribution's content (the measure of `dateline eval quotes`). One L2 logistic
regression (scikit-learn, liblinear) over `admit.features`; weights below --prune are dropped and
the rest written to src/dateline/data/quotes/admit.json (run time needs no scikit-learn).
Usage: python scripts/quotes/train_admit.py --cache /tmp/qx [--eval-dev] [--c 0.5]
  --cache DIR   parsed splits DIR/<split>.spacy (as scripts/quotes/train_tagger.py writes them)
  --eval-dev    also report precision / recall of the admission by threshold on PolNeAR dev
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from dateline.paths import data_file
from dateline.quotes import admit, assemble, dangling, lexicon, marks, sentences

sys.path.insert(0, str(Path(__file__).parent))
from train_tagger import parsed  # noqa: E402  (same parse and cache as the tagger)


def candidates(data):
    """(feature lists, labels, event-trigger flags) of the non-finite learned candidates."""
    lex = lexicon.load()
    xs, ys, trig = [], [], []
    for doc, atts in data:
        text = sentences.text(doc)
        segs = dangling.mend(doc, marks.find_segments(text), lambda t: assemble._is_cue_verb(t, lex))
        rules = [c for c in assemble._reported_candidates(doc, lex, segs, "attributions") if not c.learned]
        golds = [{i for a, b in att["content"] for i in range(a, b)} for att in atts]
        for tok, att, start, end, cue_p in assemble.tagged(doc, segs, {c.cue[0] for c in rules}):
            if att.source is None:
                continue
            start, end = assemble._noun_clause(doc, start, end)
            if assemble._has_finite_verb(doc, start, end):
                continue
            pred = set(range(start, end))
            xs.append(admit.features(doc, tok, att, start, end, cue_p))
            ys.append(int(any(len(g & pred) >= 0.5 * len(g) for g in golds if g)))
            trig.append(admit.is_event_trigger(tok))
    return xs, ys, trig


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--c", type=float, default=0.5)
    ap.add_argument("--prune", type=float, default=0.05)
    ap.add_argument("--eval-dev", action="store_true")
    args = ap.parse_args()
    train = parsed("train", args.limit, args.cache)
    xs, ys, _ = candidates(train)
    print(f"{len(train)} articles: {len(xs)} candidates, {sum(ys)} real")
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in x} for x in xs]).tocsr()
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)  # liblinear needs 32-bit
    clf = LogisticRegression(C=args.c, solver="liblinear").fit(X, ys)
    names = vec.get_feature_names_out()
    weights = {n: round(float(w), 3) for n, w in zip(names, clf.coef_[0]) if abs(w) >= args.prune}
    model = {"about": f"admission of learned non-finite attributions, learned from PolNeAR train "
                      f"({len(train)} articles, {len(xs)} candidates) by scripts/quotes/train_admit.py; "
                      f"L2 logistic regression C={args.c}, weights below {args.prune} dropped",
             "intercept": round(float(clf.intercept_[0]), 3), "weights": weights}
    out = data_file("quotes", "admit.json")
    out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights -> {out}")
    if args.eval_dev:
        admit._weights.cache_clear()
        dx, dy, dt = candidates(parsed("dev", None, args.cache))
        p = np.array([admit.probability(x) for x in dx])
        dy, dt = np.array(dy), np.array(dt)
        print(f"dev: {len(dx)} candidates, {dy.sum()} real ({dt.sum()} with an event-trigger cue)")
        for thr in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            for name, mask in (("other", ~dt), ("trigger", dt)):
                keep = (p >= thr) & mask
                print(f"  {name:8s} p>={thr}: kept {keep.sum():4d}, real {int((dy & keep).sum()):4d} "
                      f"of {int((dy & mask).sum())}")


if __name__ == "__main__":
    main()
