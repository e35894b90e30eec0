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
        self.rules = EnglishRules(lemmatizer) if EnglishRules.covers(lemmatizer) else None

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
                lemma = cache[key] = strings.add(self._lemma(doc, i, key))
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape((-1, 1)))
        return doc

    def _lemma(self, doc, i: int, key: tuple) -> str:
        found = self.rules.lemma(doc.vocab.strings, *key) if self.rules is not None else None
        return found if found is not None else self.lemmatizer.lemmatize(doc[i])[0]


class EnglishRules:
    """spaCy's `EnglishLemmatizer.rule_lemmatize` (with its `is_base_form`) on strings: the
    same first lemma for a word's (ORTH, POS, MORPH) ids, without building a Token and a
    MorphAnalysis per word, and with the base-form index as a set. `tests/test_nlp_pipes.py` compares
    it with spaCy's on every token of real articles."""

    def __init__(self, lemmatizer):
        from spacy.parts_of_speech import NAMES

        self.pos_names = {k: v.lower() for k, v in NAMES.items()}
        tables = [lemmatizer.lookups.get_table(name, {})
                  for name in ("lemma_index", "lemma_exc", "lemma_rules")]
        # the index of base forms is a list in spaCy's tables (57,528 nouns): a set here, where
        # spaCy tests membership by scanning the list, most of its cost per word
        self.tables = {pos: (frozenset(tables[0].get(pos, ())), tables[1].get(pos, {}),
                             tables[2].get(pos, {}))
                       for pos in set(self.pos_names.values())
                       if any(t.get(pos) for t in tables)}
        self.morphs: dict[int, dict] = {}

    @staticmethod
    def covers(lemmatizer) -> bool:
        """True for spaCy's English rule lemmatizer, the one this class reproduces."""
        from spacy.lang.en.lemmatizer import EnglishLemmatizer

        return (type(lemmatizer).is_base_form is EnglishLemmatizer.is_base_form
                and type(lemmatizer).rule_lemmatize is EnglishLemmatizer.rule_lemmatize)

    def _features(self, strings, morph: int) -> dict:
        found = self.morphs.get(morph)
        if found is None:
            text = strings[morph] if morph else ""
            found = self.morphs[morph] = dict(f.split("=", 1) for f in text.split("|")
                                              if "=" in f and text != "_")
        return found

    def lemma(self, strings, orth: int, pos: int, morph: int):
        """The lemma, or None where spaCy's own code should answer (no or unknown POS)."""
        univ_pos = self.pos_names.get(pos)
        if univ_pos in (None, "", "eol", "space"):
            return None
        string = strings[orth]
        if _is_base_form(univ_pos, self._features(strings, morph)):
            return string.lower()
        if univ_pos not in self.tables:
            return string if univ_pos == "propn" else string.lower()
        index, exceptions, rules = self.tables[univ_pos]
        lower = string.lower()
        forms, oov_forms = [], []
        for old, new in rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [string])[0]


def _is_base_form(univ_pos: str, morphology: dict) -> bool:
    """spaCy's `EnglishLemmatizer.is_base_form` on the POS and morphological features."""
    if univ_pos == "noun" and morphology.get("Number") == "Sing":
        return True
    if univ_pos == "verb" and morphology.get("VerbForm") == "Inf":
        return True
    if univ_pos == "verb" and (morphology.get("VerbForm") == "Fin"
                               and morphology.get("Tense") == "Pres"
                               and morphology.get("Number") is None):
        return True
    if univ_pos == "adj" and morphology.get("Degree") == "Pos":
        return True
    return morphology.get("VerbForm") in ("Inf", "None") or morphology.get("Degree") == "Pos"
