"""The model's rule lemmatizer with the same output, computed once per word form.

spaCy's English rule lemmatizer decides a token's lemma from its ORTH, POS and MORPH alone
(`Lemmatizer.rule_lemmatize`), but runs Python code for every token of every Doc (in
en_core_web_sm, about a tenth of the whole parse). This component asks the real lemmatizer
once per distinct (ORTH, POS, MORPH) and keeps the answer; like the original it leaves a
lemma already set (by the attribute ruler) alone. `tests/test_nlp_pipes.py` checks it.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS

from .wrapper import WrappedPipe


class CachedLemmatizer(WrappedPipe):
    """Drop-in for the pipeline's `lemmatizer` (rule mode, overwrite off)."""
    WRAPPED = "lemmatizer"  # spaCy's own component: answers the rest of the component API

    def __init__(self, lemmatizer):
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", False):
            raise ValueError("only a rule lemmatizer that keeps preset lemmas can be cached")
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple, int] = {}

    def __call__(self, doc):
        if not len(doc):
            return doc
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()
        todo = numpy.flatnonzero(lemmas == 0)
        if not len(todo):
            return doc
        cache = self.cache
        strings = doc.vocab.strings
        rows = array[todo, :3].tolist()
        for i, key in zip(todo.tolist(), map(tuple, rows)):
            lemma = cache.get(key)
            if lemma is None:
                lemma = cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape((-1, 1)))
        return doc
