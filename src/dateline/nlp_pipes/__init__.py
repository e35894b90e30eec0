"""Faster stand-ins for spaCy pipeline components, with outputs identical to the originals.

`install(nlp)` swaps the loaded model's `attribute_ruler` and `lemmatizer` for cached versions
(attributes.py, lemmas.py) under the same names, so `nlp.pipe(disable=[...])` and
`nlp.get_pipe("lemmatizer").lookups` work as before. Env DATELINE_CACHED_PIPES=0 keeps
spaCy's own components (for comparisons). A component whose configuration the cached version
does not cover is left as it is.
"""
from __future__ import annotations

import contextlib
import logging
import os

log = logging.getLogger(__name__)


def _put(nlp, name: str, component) -> None:
    index = nlp.component_names.index(name)  # disabled components (senter) count too
    nlp._components[index] = (name, component)  # same name, same place; spaCy has no public swap
    nlp._link_components()


def _swap(nlp, name: str, wrap) -> None:
    if name not in nlp.pipe_names:
        return
    original = nlp.get_pipe(name)
    try:
        fast = wrap(original)
    except ValueError as exc:
        log.info("keeping spaCy's %s: %s", name, exc)
        return
    fast.original = original
    _put(nlp, name, fast)


def install(nlp):
    """Swap in the cached attribute ruler and lemmatizer; returns `nlp`."""
    if os.environ.get("DATELINE_CACHED_PIPES", "1") == "0":
        return nlp
    from .attributes import CachedAttributeRuler
    from .lemmas import CachedLemmatizer

    _swap(nlp, "attribute_ruler", CachedAttributeRuler)
    _swap(nlp, "lemmatizer", CachedLemmatizer)
    return nlp


@contextlib.contextmanager
def stock(nlp):
    """Within the block, `nlp` runs as stock spaCy again (the benchmark's bare spaCy): spaCy's
    own components, and thinc's blis for matrix products (blas.py)."""
    from .blas import stock_ops

    swapped = [(name, pipe) for name, pipe in nlp.pipeline if hasattr(pipe, "original")]
    for name, pipe in swapped:
        _put(nlp, name, pipe.original)
    try:
        with stock_ops(nlp):
            yield nlp
    finally:
        for name, pipe in swapped:
            _put(nlp, name, pipe)
