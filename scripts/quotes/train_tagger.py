"""Train the attribution tagger (src/dateline/quotes/tagger.py) on PolNeAR train.

Two logistic regressions (scikit-learn, liblinear, one-vs-rest for the roles; L2 by default, L1
with --penalty l1) over parse features (src/dateline/quotes/features.py):
  * cue model: every token -> is it the head word of a gold Cue span?
  * role model: for every gold cue head, every token of its sentence -> NONE / SOURCE / CONTENT.
Weights below --prune (default 0.2) are dropped and the rest written as gzip JSON to
src/dateline/data/quotes/tagger.json.gz (feature string -> weight(s)); run time needs no scikit-learn.

Defaults (--link softmax --cue-c 0.3 --role-c 0.3 --prune 0.2) are the settings of the shipped
weights: python scripts/quotes/train_tagger.py --cache /tmp/qx --eval-dev. (The shipped file was
learned before the cue head of a copular cue moved to its adjective, 'was dismissive of'; a rerun
gives a file of the same size whose PolNeAR/dev figures are in docs/results.md, round 4 quotes.)
Usage: python scripts/quotes/train_tagger.py [--limit N] [--cache DIR] [--eval-dev]
  --cache DIR   read/write parsed splits as DIR/<split>.spacy (parsing train takes ~3 min)
  --eval-dev    also report token-level scores on PolNeAR dev
"""
import argparse
import gzip
import json
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from dateline.evaluation.quotes import polnear_files, read_ann
from dateline.nlp import load
from dateline.paths import data_file, shared_data
from dateline.quotes.features import cue_features, role_features
from dateline.quotes.tagger import inside_marks, sentence_tokens

PRUNE = 0.2
ROLES = ("none", "source", "content")


def parsed(split: str, limit, cache):
    files = list(polnear_files(shared_data("quotes", "polnear", split)))[:limit]
    texts = [t.read_text(encoding="utf-8") for t, _ in files]
    docs = None
    if cache:
        from spacy.tokens import DocBin
        path = Path(cache) / f"{split}.spacy"
        nlp = load()
        if path.exists():
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))[: len(files)]
        else:
            docs = list(nlp.pipe(texts, batch_size=8))
            db = DocBin(store_user_data=False)
            for d in docs:
                db.add(d)
            db.to_disk(path)
    if docs is None:
        docs = list(load().pipe(texts, batch_size=8))
    return [(doc, read_ann(ann)) for (txt, ann), doc in zip(files, docs)]


def _tokens_in(doc, ranges):
    chars = {i for a, b in ranges for i in range(a, b)}
    return [t for t in doc if t.idx in chars or (t.idx + len(t.text) - 1) in chars]


def cue_head(doc, att):
    toks = _tokens_in(doc, att.get("cue", []))
    if not toks:
        return None
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    words = [t for t in heads if t.pos_ in ("VERB", "NOUN", "ADJ")]
    if not words:  # "was dismissive of": the copula heads the parse, the adjective carries the cue
        words = [c for h in heads for c in h.children if c.i in ids and c.pos_ in ("ADJ", "NOUN", "VERB")]
    return (words or heads or toks)[0]


def examples(data):
    cue_x, cue_y, role_x, role_y = [], [], [], []
    for doc, atts in data:
        inq = inside_marks(doc.text)
        heads = {}
        for att in atts:
            h = cue_head(doc, att)
            if h is not None:
                heads[h.i] = att
        for tok in doc:
            if tok.is_punct or tok.is_space:
                continue
            cue_x.append(cue_features(tok, tok.idx in inq))
            cue_y.append(int(tok.i in heads))
        for i, att in heads.items():
            cue = doc[i]
            src = {i for a, b in att.get("source", []) for i in range(a, b)}
            con = {i for a, b in att.get("content", []) for i in range(a, b)}
            for tok in sentence_tokens(cue):
                if tok.i == cue.i or tok.is_space:
                    continue
                role_x.append(role_features(cue, tok, tok.idx in inq))
                role_y.append(1 if tok.idx in src else 2 if tok.idx in con else 0)
    return cue_x, cue_y, role_x, role_y


class _OneVsRest:
    """Logistic regressions, one per class (liblinear); pruned to small weights files."""

    def __init__(self, C, penalty="l2"):
        self.C, self.penalty = C, penalty

    def fit(self, X, ys):
        ys = np.asarray(ys)
        self.classes_ = np.unique(ys)
        models = [LogisticRegression(penalty=self.penalty, solver="liblinear", C=self.C).fit(X, ys == k)
                  for k in (self.classes_ if len(self.classes_) > 2 else self.classes_[1:])]
        self.coef_ = np.vstack([m.coef_ for m in models])
        self.intercept_ = np.concatenate([m.intercept_ for m in models])
        return self

    def predict(self, X):
        z = X @ self.coef_.T + self.intercept_
        if z.shape[1] == 1:
            return (z[:, 0] > 0).astype(int)
        return self.classes_[np.argmax(z, axis=1)]


def fit(xs, ys, C, penalty="l2", link="ovr"):
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in x} for x in xs]).tocsr()
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)  # liblinear needs 32-bit
    if link == "softmax":  # one multinomial L2 model (lbfgs); the tagger applies a softmax
        return vec, LogisticRegression(C=C, max_iter=300).fit(X, ys)
    return vec, _OneVsRest(C, penalty).fit(X, ys)


def export(vec, clf, prune=PRUNE) -> dict:
    names = vec.get_feature_names_out()
    coef = clf.coef_  # (1, n) for binary, (k, n) for k classes
    out = {}
    for j, name in enumerate(names):
        w = coef[:, j]
        if np.max(np.abs(w)) >= prune:
            out[name] = [round(float(v), 3) for v in w] if coef.shape[0] > 1 else round(float(w[0]), 3)
    bias = [round(float(b), 3) for b in clf.intercept_]
    return {"weights": out, "intercept": bias if len(bias) > 1 else bias[0]}


def score(vec, clf, xs, ys, label):
    X = vec.transform([{f: 1 for f in x} for x in xs])
    pred = clf.predict(X)
    ys = np.array(ys)
    for k in sorted(set(ys) - {0}):
        tp = int(((pred == k) & (ys == k)).sum())
        p = tp / max(1, int((pred == k).sum()))
        r = tp / max(1, int((ys == k).sum()))
        print(f"  {label} class {k}: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cache", default=None)
    ap.add_argument("--eval-dev", action="store_true")
    ap.add_argument("--out", default=None, help="weights file (default: the package's tagger.json.gz)")
    ap.add_argument("--cue-c", type=float, default=0.3)
    ap.add_argument("--role-c", type=float, default=0.3)
    ap.add_argument("--penalty", choices=("l1", "l2"), default="l2", help="for --link ovr")
    ap.add_argument("--link", choices=("ovr", "softmax"), default="softmax",
                    help="roles as one-vs-rest logistic regressions or one multinomial model")
    ap.add_argument("--prune", type=float, default=PRUNE, help="drop weights smaller than this")
    args = ap.parse_args()
    t0 = time.time()
    train = parsed("train", args.limit, args.cache)
    cx, cy, rx, ry = examples(train)
    print(f"{len(train)} articles, {len(cx)} tokens ({sum(cy)} cue heads), {len(rx)} role pairs "
          f"[{time.time() - t0:.0f}s]")
    cue_vec, cue_clf = fit(cx, cy, args.cue_c, args.penalty, args.link)
    print(f"cue model fitted [{time.time() - t0:.0f}s]", flush=True)
    role_vec, role_clf = fit(rx, ry, args.role_c, args.penalty, args.link)
    print(f"fitted [{time.time() - t0:.0f}s]")
    model = {"about": f"attribution tagger learned from PolNeAR train ({len(train)} articles) by "
                      f"scripts/quotes/train_tagger.py; {args.penalty.upper()} logistic regression ({args.link}), "
                      f"C={args.cue_c}/{args.role_c}, weights below {args.prune} dropped",
             "link": args.link, "roles": list(ROLES), "cue": export(cue_vec, cue_clf, args.prune),
             "role": export(role_vec, role_clf, args.prune)}
    out = Path(args.out) if args.out else data_file("quotes", "tagger.json.gz")
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(json.dumps(model, separators=(",", ":"), sort_keys=True))
    print(f"cue features {len(model['cue']['weights'])}, role features {len(model['role']['weights'])} "
          f"-> {out} ({out.stat().st_size // 1024} KiB)")
    if args.eval_dev:
        dx, dy, drx, dry = examples(parsed("dev", None, args.cache))
        score(cue_vec, cue_clf, dx, dy, "cue")
        score(role_vec, role_clf, drx, dry, "role")


if __name__ == "__main__":
    main()
