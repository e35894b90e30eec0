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
    """Fit on feats/labels (+ extra: [(feats, labels, weight)]); temperature from inner CV."""
    X, y, w = _with_extra(feats, labels, extra)
    model = _fit_linear(X, y, w)
    if calibrate:
        dec, gold = _oof_decisions(feats, labels, extra, model.classes)
        model.temperature = best_temperature(dec, gold, model.classes)
    return model


def _with_extra(feats, labels, extra):
    """Append each extra set (feats, labels, weight) to a fold's training part."""
    X, y, w = list(feats), list(labels), [1.0] * len(feats)
    for ef, el, ew in extra or ():
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


# PLOVER 0.5b1 names in the gold records, and PLOVER 2024 names PLV merges, as PLV labels.
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
             "INVESTIGATE": "ACCUSE", "CONCEDE": "YIELD", "RETREAT": "YIELD"}
PLV_LABELS = frozenset("AGREE CONSULT SUPPORT YIELD COOPERATE AID REQUEST ACCUSE REJECT THREATEN "
                       "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
# Weight of each extra set relative to a PLV row (chosen by 5-fold CV on plv_train).
EXTRA_WEIGHTS = {"gsr": 3.0, "cameo_desc": 0.0, "ngec": 0.0}


def _actor_text(actors) -> str:
    if isinstance(actors, list) and actors and isinstance(actors[0], dict):
        return actors[0].get("actorText") or ""
    return ""


def gsr_rows(exclude=frozenset()):
    """PLOVER gold records: CAMEO-manual example sentences with actor, recipient and event."""
    import json

    from ..paths import shared_data
    from .plv_data import Row

    path = shared_data("events", "plover", "PLOVER_GSR_CAMEO.txt")
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        label = OLD_NAMES.get(rec.get("event"), rec.get("event"))
        text = (rec.get("text") or "").strip()
        if label in PLV_LABELS and text and _key(text) not in exclude:
            out.append(Row(text, _actor_text(rec.get("source")), _actor_text(rec.get("target")),
                           label))
    return out


def cameo_description_rows(exclude=frozenset()):
    """CAMEO verb descriptions ("Express intent to provide humanitarian aid") as pseudo-sentences."""
    import csv

    from ..paths import shared_data
    from .plv_data import Row

    out = []
    with open(shared_data("events", "plover", "CAMEO2PLOVER-2021.parsed.csv"), encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            label = OLD_NAMES.get(rec["plover_event"], rec["plover_event"])
            desc = (rec.get("cameo_description") or "").strip()
            if label in PLV_LABELS and desc:
                text = f"The actor said it would {desc[0].lower()}{desc[1:]} with the recipient."
                if not desc.lower().startswith("express intent"):
                    text = f"The actor {desc[0].lower()}{desc[1:]} against the recipient."
                out.append(Row(text, "The actor", "the recipient", label))
    return out


def ngec_rows(exclude=frozenset()):
    """Lead sentences of NGEC's synthetic (LLM-written, noisy) stories with their labels."""
    import csv
    import re

    from ..paths import shared_data
    from .plv_data import Row

    csv.field_size_limit(10_000_000)
    out = []
    with open(shared_data("events", "ngec_synthetic_stories.csv"), encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            label = OLD_NAMES.get(rec.get("label", "").strip().upper(), rec.get("label", "").strip())
            lead = re.split(r"(?<=[.!?])\s+", (rec.get("text") or "").strip(), maxsplit=1)[0]
            if label in PLV_LABELS and lead and _key(lead) not in exclude:
                out.append(Row(lead, "", "", label))
    return out


def _key(sentence: str) -> str:
    return " ".join(sentence.lower().split())[:60]


LOADERS = {"gsr": gsr_rows, "cameo_desc": cameo_description_rows, "ngec": ngec_rows}


def extra_data(exclude_rows=(), weights=None):
    """Extra training sets [(feats, labels, weight)]; sentences of `exclude_rows` are left out."""
    weights = EXTRA_WEIGHTS if weights is None else weights
    exclude = frozenset(_key(r.sentence) for r in exclude_rows)
    out = []
    for name, w in weights.items():
        if w > 0:
            rows = LOADERS[name](exclude)
            out.append((featurize(rows), [r.label for r in rows], w))
    return out
