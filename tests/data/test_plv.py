"""The shipped PLV model against the shared PLV training file (a fit check, not the CV figure)."""
from __future__ import annotations

from dateline.evaluation.plv import scores
from dateline.events.classify import classify, to_plv
from dateline.events.plv_data import read_plv


def test_shipped_model_fits_plv_train(shared):
    rows = read_plv(shared / "data" / "events" / "plv_train.tsv")
    assert len(rows) > 1000
    rows = rows[::4]  # a quarter keeps the test fast
    pred = classify([r.sentence for r in rows], [r.source for r in rows], [r.target for r in rows])
    s = scores([r.label for r in rows], [to_plv(p) for p in pred])
    assert s["macro_f1"] > 0.9  # training fit: far below means the weights and features disagree
