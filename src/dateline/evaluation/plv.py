"""`dateline eval plv FILE [--cv K]`: PLOVER type classification on a PLV-format TSV.

With --cv, K-fold stratified cross-validation (fixed seed) of the training recipe on FILE (needs
scikit-learn); without it, the shipped model is scored on FILE. CONCEDE and RETREAT count as PLV's
YIELD. Also reports classify() throughput (rows/s, batched, this process: one core).
"""
from __future__ import annotations

import time

from ..paths import shared_data

# PLV's quad ("penta") of each of its labels; PLV files YIELD under material cooperation (2).
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "YIELD": 2, "COOPERATE": 2, "AID": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4,
        "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


def add_arguments(p) -> None:
    p.add_argument("file", nargs="?", default=None,
                   help="PLV-format TSV (default: shared events/plv_train.tsv)")
    p.add_argument("--cv", type=int, default=0, metavar="K", help="K-fold cross-validation")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="print N misclassified rows")


def scores(gold: list[str], pred: list[str]) -> dict:
    """Accuracy, macro-F1 and per-class F1 over the gold label set."""
    classes = sorted(set(gold))
    per = {}
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        per[c] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    acc = sum(g == p for g, p in zip(gold, pred)) / max(len(gold), 1)
    return {"accuracy": acc, "macro_f1": sum(per.values()) / max(len(per), 1), "per_class": per}


def _quad_accuracy(rows, plv_pred) -> float | None:
    pairs = [(r.quad, QUAD.get(p)) for r, p in zip(rows, plv_pred) if r.quad in (1, 2, 3, 4)]
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else None


def _cv_predictions(rows, k):
    from ..events import plv_train
    from ..events.classify import split_yield

    plv = plv_train.cross_validate(rows, k=k, extra=plv_train.extra_data(rows))
    pred16 = [split_yield(r.sentence, r.source, r.target) if p == "YIELD" else p
              for r, p in zip(rows, plv)]
    return plv, pred16


def throughput(rows) -> tuple[float, float]:
    """classify() rows per wall-clock second and per CPU second (the machine is shared)."""
    from ..events.classify import classify

    sents, srcs, tgts = ([getattr(r, f) for r in rows] for f in ("sentence", "source", "target"))
    classify(sents[:5], srcs[:5], tgts[:5])  # load weights and spaCy outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    classify(sents, srcs, tgts)
    return len(rows) / (time.perf_counter() - t0), len(rows) / (time.process_time() - c0)


def run(args) -> int:
    from ..events.classify import classify, to_plv
    from ..events.plv_data import read_plv

    path = args.file or str(shared_data("events", "plv_train.tsv"))
    rows = read_plv(path)
    if not rows:
        raise ValueError(f"{path}: no labelled rows")
    if args.cv:
        plv, pred16 = _cv_predictions(rows, args.cv)
        mode = f"{args.cv}-fold CV"
    else:
        pred16 = classify([r.sentence for r in rows], [r.source for r in rows],
                          [r.target for r in rows])
        plv, mode = [to_plv(p) for p in pred16], "shipped model"
    gold = [r.label for r in rows]
    s = scores(gold, plv)
    quad = _quad_accuracy(rows, plv)
    print(f"plv {mode} on {path}: {len(rows)} rows")
    print(f"accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}  quad accuracy "
          f"{quad:.3f}" if quad is not None else "quad accuracy n/a")
    for c, f in sorted(s["per_class"].items(), key=lambda kv: kv[1]):
        print(f"  {c:<10} F1 {f:.3f}  (n={gold.count(c)})")
    wall, cpu = throughput(rows)
    print(f"classify throughput: {wall:.0f} rows/s wall, {cpu:.0f} rows/CPU-s (batched, one process)")
    shown = 0
    for r, g, p in zip(rows, gold, plv):
        if g != p and shown < args.errors:
            print(f"  gold {g} pred {p} | {r.source} -> {r.target} | {r.sentence}")
            shown += 1
    return 0
