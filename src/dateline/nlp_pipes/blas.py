"""thinc's matrix products on numpy's BLAS: the same model and annotations for less CPU.

spaCy's CPU backend (thinc's `NumpyOps`) multiplies matrices with blis. On the machines this
project is measured on (2-core AMD EPYC with AVX-512), numpy's bundled OpenBLAS does the same
float32 products with about a third of blis's CPU: a (2000 x 288) @ (288 x 288) product, 100
times, took 1.05 CPU s in blis and 0.33 in numpy (round 7, docs/results.md). `NumpyOps` has
a switch for it (`use_blis=False` sends `gemm` to numpy's matmul); `use_numpy_blas(nlp)` sets
every layer of every component's model to such an ops object. The parser's and NER's
transition loop (Cython, thinc's `CBlas`) keeps blis; the tok2vec, tagger and the parser's
and NER's feed-forward layers move.

Annotations: on 300 BBC articles (120,540 tokens), every tag, dependency, head and entity was
the same as stock spaCy's (`tests/test_nlp_blas.py` checks the 40 dev articles).

One BLAS thread per process (threadpoolctl): dateline's parallelism is its worker processes,
and a second BLAS thread per worker would compete with the other worker for the same cores.
Env `DATELINE_NUMPY_BLAS=0` keeps thinc's blis (for comparisons). `stock_ops(nlp)` restores
blis within a block (the benchmark's bare spaCy).
"""
from __future__ import annotations

import contextlib
import logging
import os

log = logging.getLogger(__name__)

_STOCK = "_dateline_stock_ops"  # attribute on the Language: [(thinc node, its original ops)]


def _nodes(nlp):
    for _, component in nlp.components:  # disabled components (senter) too
        component = getattr(component, "original", component)
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            yield from model.walk()


def use_numpy_blas(nlp):
    """Point every thinc layer of `nlp` at `NumpyOps(use_blis=False)`; returns `nlp`.

    Does nothing when env DATELINE_NUMPY_BLAS is "0" or thinc lacks the switch."""
    if os.environ.get("DATELINE_NUMPY_BLAS", "1") == "0" or hasattr(nlp, _STOCK):
        return nlp
    try:
        from thinc.api import NumpyOps

        fast = NumpyOps(use_blis=False)
    except (ImportError, TypeError) as exc:
        log.info("keeping thinc's blis: %s", exc)
        return nlp
    original = []
    for node in _nodes(nlp):
        if type(node.ops) is NumpyOps:  # a GPU or other backend is left alone
            original.append((node, node.ops))
            node.ops = fast
    setattr(nlp, _STOCK, original)
    one_blas_thread()
    return nlp


def one_blas_thread() -> None:
    """Limit numpy's BLAS to one thread in this process (and the workers it forks)."""
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    except Exception as exc:  # threadpoolctl missing or the BLAS unknown to it
        log.info("BLAS threads left as they are: %s", exc)


@contextlib.contextmanager
def stock_ops(nlp):
    """Within the block, `nlp`'s layers use the ops they were loaded with (thinc's blis)."""
    original = getattr(nlp, _STOCK, [])
    swapped = [(node, node.ops) for node, _ in original]
    for node, ops in original:
        node.ops = ops
    try:
        yield nlp
    finally:
        for node, ops in swapped:
            node.ops = ops
