"""dateline: news articles in, sourced PLOVER event data out."""
from __future__ import annotations

__version__ = "0.1.0"


def extract(text_or_html, published=None, url=None, title=None) -> dict:
    """Process one article (text or HTML string) and return the contract dict."""
    from .pipeline import extract as _extract

    return _extract(text_or_html, published=published, url=url, title=title)


def classify(sentence, source, target):
    """PLOVER type of the event `source` does to `target` in `sentence` (lists: batched)."""
    from .events.classify import classify as _classify

    return _classify(sentence, source, target)


def open(db: str):  # noqa: A001 - dateline.open(db) reads like open(file)
    """A store as tables: `.events(**filters)`, `.quotes()`, `.actors()`, `.counts(by)` return
    pandas DataFrames (lists of dicts without pandas). See dateline.api."""
    from .api import Dataset

    return Dataset(db)


__all__ = ["extract", "classify", "open", "__version__"]
