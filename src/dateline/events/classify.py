"""`classify(sentence, source, target)`: the PLOVER type of what `source` does to `target`.

A linear model over placeholder-masked lexical features (see `features`), weights in
data/models/plv.npz (made by scripts/train_plv.py). It predicts PLV's 15 labels; PLV's YIELD is
split into RETREAT (an implemented withdrawal, release, resignation ...) or CONCEDE (a verbal or
promised concession) by the cue list in data/events/retreat_cues.tsv.
"""
from __future__ import annotations

import functools
import re

import numpy as np

from ..paths import data_file
from . import features as F
from .plv_model import LinearModel

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODEL_PATH = data_file("models", "plv.npz")


@functools.lru_cache(maxsize=None)
def model() -> LinearModel:
    return LinearModel.load(MODEL_PATH)


@functools.lru_cache(maxsize=None)
def _cues() -> dict[str, re.Pattern]:
    groups: dict[str, list[str]] = {}
    for line in data_file("events", "retreat_cues.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, pattern = line.split("\t", 1)
            words = [re.escape(w) + r"\w*" for w in pattern.strip().split()]
            groups.setdefault(kind, []).append(r"\s+".join(words))
    return {k: re.compile(r"\b(?:" + "|".join(v) + r")\b", re.I) for k, v in groups.items()}


def split_yield(sentence: str, source: str = "", target: str = "") -> str:
    """RETREAT when the sentence states an implemented retreat and no promise of one, else CONCEDE."""
    cues = _cues()
    s, t = F.locate(sentence, source, target)
    start = s[1] if s else 0  # look at what follows the actor (the predicate) first
    rest = sentence[start:]
    hit = cues["retreat"].search(rest)
    if not hit and start:
        rest = sentence
        hit = cues["retreat"].search(rest)
    if not hit:
        return "CONCEDE"
    before = rest[:hit.start()]
    return "CONCEDE" if cues["future"].search(before) else "RETREAT"


def _as_lists(sentence, source, target):
    single = isinstance(sentence, str)
    if single:
        if not (isinstance(source, str) and isinstance(target, str)):
            raise ValueError("sentence, source and target must all be strings or all be lists")
        return [sentence], [source], [target], True
    try:
        lists = [list(x) for x in (sentence, source, target)]
    except TypeError:
        raise ValueError("sentence, source and target must be strings or equal-length lists") from None
    if len({len(x) for x in lists}) != 1:
        raise ValueError(f"sentence, source and target lists differ in length: "
                         f"{[len(x) for x in lists]}")
    for i, (s, a, b) in enumerate(zip(*lists)):
        if not all(isinstance(x, str) for x in (s, a, b)):
            raise ValueError(f"row {i}: sentence, source and target must be strings")
    return lists[0], lists[1], lists[2], False


def _check(sentences):
    for i, s in enumerate(sentences):
        if not s.strip():
            raise ValueError(f"row {i}: empty sentence")


def _docs(docs, sentences):
    if docs is None:
        return None
    docs = list(docs)
    if len(docs) != len(sentences):
        raise ValueError(f"{len(docs)} docs for {len(sentences)} sentences")
    for i, (d, s) in enumerate(zip(docs, sentences)):
        if d.text != s:
            raise ValueError(f"row {i}: doc text differs from the sentence")
    return docs


def predict_proba(sentences, sources, targets, docs=None):
    """(labels, prob_matrix, classes): 16 PLOVER types; YIELD's mass goes to its chosen split.

    `docs` (optional): the spaCy parse of each sentence (Doc or an article's sentence Span with
    exactly the sentence's text), to skip parsing again inside the pipeline.
    """
    sentences, sources, targets, _ = _as_lists(sentences, sources, targets)
    _check(sentences)
    m = model()
    feats = F.extract_batch(sentences, sources, targets, docs=_docs(docs, sentences))
    probs = m.proba(feats)
    out = np.zeros((len(sentences), len(TYPES)), dtype=np.float32)
    for j, c in enumerate(m.classes):
        if c != "YIELD":
            out[:, TYPES.index(c)] = probs[:, j]
    if "YIELD" in m.classes:
        y = m.classes.index("YIELD")
        for i, (s, a, b) in enumerate(zip(sentences, sources, targets)):
            out[i, TYPES.index(split_yield(s, a, b))] += probs[i, y]
    labels = [TYPES[j] for j in out.argmax(axis=1)]
    return labels, out, list(TYPES)


def classify(sentence, source, target):
    """One PLOVER type (strings in) or a list of them (three equal-length lists in)."""
    sentences, sources, targets, single = _as_lists(sentence, source, target)
    labels, _, _ = predict_proba(sentences, sources, targets)
    return labels[0] if single else labels


def to_plv(label: str) -> str:
    """PLV's label for a PLOVER 2024 type (CONCEDE and RETREAT are PLV's YIELD)."""
    return "YIELD" if label in ("CONCEDE", "RETREAT") else label
