"""Training and cross-validation of the PLV classifier (needs scikit-learn: the `train` extra).

Deterministic: fixed seeds, single process. Extra (weak) data is added to each fold's training
part only, never to the fold being scored.
"""
from __future__ import annotations

import numpy as np

from . import features as F
from .plv_model import LinearModel

SEED = 13
TEMPS = np.geomspace(0.5, 20, 40)


def featurize(rows) -> list[dict]:
    return F.extract_batch([r.sentence for r in rows], [r.source for r in rows],
                           [r.target for r in rows])


def _fit_linear(feats, labels, weights=None, C=0.5) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.svm import LinearSVC

    dv = DictVectorizer()
    counts = dv.fit_transform(feats)
    tf = TfidfTransformer(sublinear_tf=False).fit(counts)
    X = tf.transform(counts)
    clf = LinearSVC(C=C, class_weight="balanced", random_state=SEED, max_iter=5000)
    clf.fit(X, labels, sample_weight=weights)
    return LinearModel(dv.get_feature_names_out().tolist(), tf.idf_, clf.coef_.T, clf.intercept_,
                       clf.classes_.tolist())


def fit(feats, labels, extra=None, calibrate=True) -> LinearModel:
    """Fit on feats/labels (+ extra = (feats, labels, weight)); temperature from inner CV."""
    X, y, w = _with_extra(feats, labels, extra)
    model = _fit_linear(X, y, w)
    if calibrate:
        dec, gold = _oof_decisions(feats, labels, extra, model.classes)
        model.temperature = best_temperature(dec, gold, model.classes)
    return model


def _with_extra(feats, labels, extra):
    X, y, w = list(feats), list(labels), [1.0] * len(feats)
    if extra:
        ef, el, ew = extra
        X += list(ef)
        y += list(el)
        w += [ew] * len(ef)
    return X, y, np.asarray(w)


def _oof_decisions(feats, labels, extra, classes, k=5):
    from sklearn.model_selection import StratifiedKFold

    labels = np.asarray(labels)
    dec = np.zeros((len(labels), len(classes)), dtype=np.float32)
    for tr, te in StratifiedKFold(k, shuffle=True, random_state=SEED + 1).split(feats, labels):
        X, y, w = _with_extra([feats[i] for i in tr], labels[tr], extra)
        m = _fit_linear(X, y, w)
        d = m.decision([feats[i] for i in te])
        for j, c in enumerate(m.classes):
            dec[te, classes.index(c)] = d[:, j]
    return dec, labels


def best_temperature(dec, gold, classes) -> float:
    idx = np.array([classes.index(g) for g in gold])
    best, best_t = np.inf, 1.0
    for t in TEMPS:
        z = dec * t
        z = z - z.max(axis=1, keepdims=True)
        nll = -(z[np.arange(len(idx)), idx] - np.log(np.exp(z).sum(axis=1))).mean()
        if nll < best:
            best, best_t = nll, float(t)
    return best_t


def cross_validate(rows, k=5, extra=None, feats=None):
    """Out-of-fold predicted labels for `rows` (stratified k-fold, fixed seed)."""
    from sklearn.model_selection import StratifiedKFold

    feats = feats if feats is not None else featurize(rows)
    labels = np.array([r.label for r in rows])
    pred = np.empty(len(rows), dtype=object)
    for tr, te in StratifiedKFold(k, shuffle=True, random_state=SEED).split(feats, labels):
        m = fit([feats[i] for i in tr], labels[tr], extra, calibrate=False)
        d = m.decision([feats[i] for i in te])
        pred[te] = [m.classes[j] for j in d.argmax(axis=1)]
    return pred.tolist()


def save(model: LinearModel, path) -> None:
    np.savez_compressed(path, **model.arrays())


def extra_data():
    """Weak extra training data (feats, labels, weight), or None."""
    return None
