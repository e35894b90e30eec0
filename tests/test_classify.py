"""dateline.classify on sentences written for these tests (not taken from any benchmark)."""
from __future__ import annotations

import numpy as np
import pytest

import dateline
from dateline.events.classify import TYPES, predict_proba, split_yield

CASES = [
    ("Turkish troops shelled Kurdish positions near the border overnight.",
     "Turkish troops", "Kurdish positions", "ASSAULT"),
    ("The foreign minister of Chile accused Peru of spying on its navy.",
     "The foreign minister of Chile", "Peru", "ACCUSE"),
    ("Norway rejected the Swedish proposal to share the fishing quota.",
     "Norway", "the Swedish proposal", "REJECT"),
    ("The Japanese prime minister met his Indian counterpart in Tokyo on Monday.",
     "The Japanese prime minister", "his Indian counterpart", "CONSULT"),
    ("Germany sent 40 tonnes of food and medicine to flood victims in Libya.",
     "Germany", "flood victims in Libya", "AID"),
    ("Thousands of nurses marched outside the health ministry to demand higher wages.",
     "Thousands of nurses", "the health ministry", "PROTEST"),
]


@pytest.mark.parametrize("sentence,source,target,expected", CASES)
def test_single_sentences(sentence, source, target, expected):
    assert dateline.classify(sentence, source, target) == expected


def test_batch_equals_single():
    sents, srcs, tgts, _ = zip(*CASES)
    batch = dateline.classify(list(sents), list(srcs), list(tgts))
    assert batch == [dateline.classify(s, a, b) for s, a, b in zip(sents, srcs, tgts)]


def test_predict_proba_shape_and_labels():
    sents, srcs, tgts, _ = zip(*CASES)
    labels, probs, classes = predict_proba(list(sents), list(srcs), list(tgts))
    assert classes == list(TYPES) and len(classes) == 16
    assert probs.shape == (len(CASES), 16)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)
    assert labels == [classes[i] for i in probs.argmax(axis=1)]


def test_yield_split_material_vs_promised():
    assert split_yield("The rebels released twelve hostages on Sunday.", "The rebels",
                       "twelve hostages") == "RETREAT"
    assert split_yield("The rebels said they would release twelve hostages.", "The rebels",
                       "twelve hostages") == "CONCEDE"
    assert split_yield("The mayor lifted the curfew in the old town.", "The mayor",
                       "the old town") == "CONCEDE"


@pytest.mark.parametrize("args", [
    ("", "Norway", "Sweden"),
    ("   ", "Norway", "Sweden"),
    (["Norway criticised Sweden.", "x"], ["Norway"], ["Sweden", "y"]),
    (["Norway criticised Sweden."], "Norway", ["Sweden"]),
    ("Norway criticised Sweden.", None, "Sweden"),
    ([""], ["Norway"], ["Sweden"]),
])
def test_invalid_input_raises_value_error(args):
    with pytest.raises(ValueError):
        dateline.classify(*args)


def test_missing_actor_text_still_classifies():
    out = dateline.classify("Police fired tear gas at the crowd.", "", "the crowd")
    assert out in TYPES


def test_predict_proba_reuses_given_parse(nlp):
    sents, srcs, tgts, _ = zip(*CASES)
    article = nlp(" ".join(sents))
    spans = [sp for sp in article.sents]
    if [sp.text for sp in spans] != list(sents):  # sentence splitting is the parser's call
        spans = [nlp(s) for s in sents]
    with_docs, probs_docs, _ = predict_proba(list(sents), list(srcs), list(tgts), docs=spans)
    labels, probs, _ = predict_proba(list(sents), list(srcs), list(tgts))
    assert with_docs == labels


def test_predict_proba_rejects_mismatched_docs(nlp):
    with pytest.raises(ValueError):
        predict_proba(["Norway criticised Sweden."], ["Norway"], ["Sweden"],
                      docs=[nlp("Something else entirely.")])
