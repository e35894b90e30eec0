"""Which language an article is in, so the English pipeline never codes events from other text.

`detect(text) -> (code, probability)` uses py3langid (a maintained fork of langid.py, Lui &
Baldwin 2012; ISO 639-1 codes) on the first `SAMPLE_CHARS` characters. `is_english(text)` is
False only when the evidence is strong: at least `MIN_WORDS` words and another language at
probability >= `MIN_PROBABILITY`; short or mixed text (headlines, lists of names) counts as
English, since the pipeline then does no harm by trying.
"""
from __future__ import annotations

import functools
from typing import Optional

SAMPLE_CHARS = 3000
MIN_WORDS = 8
MIN_PROBABILITY = 0.9


# The longest feature of py3langid's model, in bytes: the depth of its automaton's deepest state
# (tests/test_language.py computes it by a breadth-first walk over the automaton).
ORDER = 6


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    class Identifier(LanguageIdentifier):
        """py3langid's identifier with the feature counting done by numpy (`ngram_counts`):
        the same counts in the same order, so the same scores."""

        def _raw_score(self, text):
            visits = ngram_counts(self, text)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            return super()._raw_score(text)  # no features: the library's own answer

    ident = Identifier.from_model_file(MODEL_FILE, norm_probs=True)
    if not all(hasattr(ident, a) for a in ("_rowbase", "_sparse_score", "tk_nextmove")):
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)  # other versions
    return ident


@functools.lru_cache(maxsize=1)
def _automaton(ident) -> tuple:
    """The identifier's n-gram automaton as numpy arrays: (next move, row offsets, output)."""
    import numpy as np

    nm = ident.tk_nextmove  # an array.array of about 10 million entries: viewed, not copied
    nm = np.frombuffer(nm, dtype=nm.typecode) if hasattr(nm, "typecode") else np.asarray(nm)
    return nm, np.asarray(ident._rowbase, dtype=np.intp), np.asarray(ident.tk_output, dtype=np.intp)


def ngram_counts(ident, text: bytes) -> Optional[dict]:
    """{feature index: count} of `text`'s bytes, keys in order of first occurrence, or None when
    there are none: what py3langid's `visit_counts` returns, computed without a Python loop.

    py3langid walks an Aho-Corasick automaton over the bytes one by one; the state after byte k
    is the longest suffix of the bytes read that is a prefix of a feature, and features have at
    most ORDER bytes, so that state is also the one reached from the start state over bytes
    k-ORDER+1..k alone. Every position is walked over its last ORDER bytes at once.
    tests/test_language.py compares it with `visit_counts` on real texts."""
    import numpy as np

    nextmove, rowbase, output = _automaton(ident)
    data = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
    n = len(data)
    if not n:
        return None
    state = np.zeros(n, dtype=np.intp)
    for back in range(min(ORDER, n) - 1, -1, -1):  # bytes k-ORDER+1, ..., k for each position k
        at = slice(back, n)
        state[at] = nextmove[rowbase[state[at]] + data[: n - back]]
    found = output[state]
    found = found[found >= 0]
    if not len(found):
        return None
    keys, first, counts = np.unique(found, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    return dict(zip(keys[order].tolist(), counts[order].tolist()))


def warm() -> None:
    """Load the model (about 2 s) now, e.g. before forking workers."""
    _identifier()


def detect(text: str) -> tuple[Optional[str], float]:
    """(ISO 639-1 code, probability) of `text`'s language; (None, 0.0) for text without words."""
    sample = (text or "")[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    code, prob = _identifier().classify(sample)
    return code, float(prob)


def language_of(text: str) -> str:
    """The code to record on the article: "en" unless another language is clearly detected."""
    code, prob = detect(text)
    if code and code != "en" and prob >= MIN_PROBABILITY and len(text.split()) >= MIN_WORDS:
        return code
    return "en"
