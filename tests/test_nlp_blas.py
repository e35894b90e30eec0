"""thinc's matrix products on numpy's BLAS (dateline/nlp_pipes/blas.py) annotate exactly as
stock spaCy (blis): every token's tag, POS, morphology, lemma, dependency, head and entity on
the 40 dev articles' texts."""
from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from thinc.api import NumpyOps

from dateline import nlp as nlp_mod
from dateline.nlp_pipes import stock
from dateline.nlp_pipes.blas import stock_ops, use_numpy_blas
from dateline.paths import shared_dir

COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]


def _dev_texts() -> list[str]:
    files = sorted((Path(shared_dir()) / "examples" / "dev").glob("*.json"))
    assert len(files) >= 40
    return [json.loads(f.read_text(encoding="utf-8"))["text"] for f in files]


def _models(nlp) -> list:
    pipes = [getattr(pipe, "original", pipe) for _, pipe in nlp.components]
    return [p.model for p in pipes if getattr(p, "model", None) is not None]


def _layer_ops(nlp) -> set:
    return {getattr(node.ops, "use_blis", None) for m in _models(nlp) for node in m.walk()}


def test_loaded_pipeline_multiplies_with_numpy(nlp):
    assert _layer_ops(nlp) == {False}


def test_stock_ops_restore_blis_within_the_block(nlp):
    with stock_ops(nlp):
        assert _layer_ops(nlp) == {True}
    assert _layer_ops(nlp) == {False}


def test_same_annotations_as_stock_spacy_on_dev_articles(nlp):
    texts = _dev_texts()
    fast = [d.to_array(COLUMNS) for d in nlp.pipe(texts)]
    with stock(nlp):
        slow = [d.to_array(COLUMNS) for d in nlp.pipe(texts)]
    changed = sum(int((a != b).any(axis=1).sum()) for a, b in zip(fast, slow) if a.shape == b.shape)
    assert [a.shape for a in fast] == [b.shape for b in slow]
    assert changed == 0, f"{changed} tokens annotated differently"


def test_switch_keeps_blis(monkeypatch):
    monkeypatch.setenv("DATELINE_NUMPY_BLAS", "0")
    plain = use_numpy_blas(spacy.load(nlp_mod.DEFAULT_MODEL, exclude=["parser", "ner"]))
    assert {type(n.ops) for m in _models(plain) for n in m.walk()} == {NumpyOps}
    assert _layer_ops(plain) == {True}
