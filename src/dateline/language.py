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


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
