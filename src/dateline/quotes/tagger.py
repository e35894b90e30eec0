"""Learned attribution tagger: cue heads, then SOURCE and CONTENT tokens of each cue.

Weights: src/dateline/data/quotes/tagger.json.gz (gzip JSON), two logistic regressions learned from PolNeAR train
(300 articles) by scripts/quotes/train_tagger.py over the features in `features`. Run time is a
dictionary look-up per feature and numpy for the logistic/softmax; no scikit-learn needed.

`Tagger.cue_prob(tok, inq) -> float` in [0, 1]; `Tagger.roles(cue, inq_chars) -> Attribution`
with the source head token (or None) and the content's (start, end) characters (or None).
"""
from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from typing import Optional

import numpy as np

from ..paths import data_file
from . import marks, sentences
from .features import cue_chain, cue_features, role_features


def inside_marks(text: str) -> set[int]:
    """Characters inside quotation marks (content of every mark segment)."""
    return {i for s in marks.find_segments(text) for i in range(s.start, s.end)}


def sentence_tokens(tok) -> list:
    """The tokens of `tok`'s sentence that lie in its paragraph (the parser's sentences may run
    across a line break; a paragraph never belongs to another's attribution)."""
    doc, text = tok.doc, sentences.text(tok.doc)
    sent = sentences.sent_of(tok)
    a, b = marks.paragraph_bounds(text, tok.idx)
    return [t for t in doc[sent.start:sent.end] if a <= t.idx < b]


@dataclass
class Attribution:
    cue: object                       # the cue head token
    source: object = None             # head token of the source, or None
    content: Optional[tuple] = None   # (start, end) characters, or None
    source_p: float = 0.0


class _Linear:
    """Intercept plus the weights of the features present, summed in feature order.

    The sums run on Python floats (IEEE doubles, as numpy's float64: the same result bit for
    bit), which for a few dozen features is far cheaper than one numpy addition per feature.
    """

    def __init__(self, part: dict):
        self.b = np.asarray(part["intercept"], dtype=float)
        self.w = {f: tuple(np.broadcast_to(np.asarray(w, dtype=float), self.b.shape).ravel().tolist())
                  for f, w in part["weights"].items()}

    def score1(self, feats: list[str]) -> float:
        """`float(score(feats))` of a one-output model: the same additions in the same order."""
        get = self.w.get
        t = float(self.b.ravel()[0])
        for f in feats:
            w = get(f)
            if w is not None:
                t += w[0]
        return t

    def score(self, feats: list[str]) -> np.ndarray:
        get = self.w.get
        ws = [w for w in map(get, feats) if w is not None]
        if self.b.size == 3:  # the role model: NONE / SOURCE / CONTENT
            a, b, c = self.b.ravel().tolist()
            for x, y, z in ws:
                a += x
                b += y
                c += z
            total = [a, b, c]
        elif self.b.size == 1:  # the cue model
            t = float(self.b.ravel()[0])
            for (x,) in ws:
                t += x
            total = [t]
        else:
            total = self.b.ravel().tolist()
            for w in ws:
                total = [t + x for t, x in zip(total, w)]
        return np.asarray(total, dtype=float).reshape(self.b.shape)


class Tagger:
    def __init__(self, model: dict):
        self.cue = _Linear(model["cue"])
        self.role = _Linear(model["role"])
        self.roles = tuple(model["roles"])
        self.link = model.get("link", "softmax")

    def cue_prob(self, tok, inq: bool) -> float:
        z = self.cue.score1(cue_features(tok, inq))
        return 1.0 / (1.0 + np.exp(-z))

    def role_probs(self, cue, toks, inq_chars) -> np.ndarray:
        """(len(toks), 3) probabilities of NONE / SOURCE / CONTENT."""
        if not toks:
            return np.zeros((0, 3))
        chain = cue_chain(cue)
        z = np.stack([self.role.score(role_features(cue, t, t.idx in inq_chars, chain)) for t in toks])
        if self.link == "ovr":  # one logistic regression per role
            return 1.0 / (1.0 + np.exp(-z))
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def attribution(self, cue, inq_chars) -> Attribution:
        toks = [t for t in sentence_tokens(cue) if t.i != cue.i and not t.is_space]
        probs = self.role_probs(cue, toks, inq_chars)
        att = Attribution(cue)
        if not toks:
            return att
        s = int(np.argmax(probs[:, 1]))
        if probs[s, 1] >= 0.5:
            att.source, att.source_p = _phrase_head(toks, probs[:, 1], s), float(probs[s, 1])
        att.content = _content_run(toks, probs[:, 2], cue)
        return att


def _phrase_head(toks, p, k):
    """From the likeliest SOURCE token up to the head of its noun phrase ('Union' -> 'leaders')."""
    where = {t.i: j for j, t in enumerate(toks)}
    tok = toks[k]
    while tok.dep_ in ("compound", "flat", "amod", "det", "nmod", "nummod", "poss") \
            and tok.head.i in where and p[where[tok.head.i]] >= 0.3:
        tok = tok.head
    return tok


def _content_run(toks, p, cue) -> Optional[tuple]:
    """The longest run of tokens labelled CONTENT (punctuation may bridge), not crossing the cue."""
    runs, cur = [], []
    for t, q in zip(toks, p):
        if q >= 0.5 and not (cur and cur[-1].i < cue.i < t.i):
            cur.append(t)
        elif t.is_punct and cur:
            continue
        else:
            if cur:
                runs.append(cur)
            cur = [t] if q >= 0.5 else []
    if cur:
        runs.append(cur)
    if not runs:
        return None
    best = _complete(max(runs, key=lambda r: sum(len(t.text) for t in r)), cue)
    return best[0].idx, best[-1].idx + len(best[-1].text)


def _complete(run: list, cue) -> list:
    """A run that stops inside a clause ('that the quotas would') grows to the whole subtree of
    the clause head it hangs from, when that head is in the run or governs it from right after
    the cue; the cue and what lies before it stay out."""
    ids = {t.i for t in run}
    heads = [t.head for t in run if t.head.i not in ids and t.head.i != t.i]
    outside = {h.i for h in heads}
    if len(outside) != 1:
        return run
    head = heads[0]
    if head.i == cue.i or head.i < cue.i < run[0].i or not (cue.i < run[0].i):
        return run
    sub = [t for t in head.subtree if t.i > cue.i]
    if not sub or sub[-1].i - sub[0].i + 1 != len(sub) or len(sub) > 3 * len(run) + 10:
        return run
    return sub


@functools.lru_cache(maxsize=None)
def load() -> Optional[Tagger]:
    """The tagger, or None when the weights file is missing (the rules then work alone)."""
    path = data_file("quotes", "tagger.json.gz")
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return Tagger(json.load(f))
