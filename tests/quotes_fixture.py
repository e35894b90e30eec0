"""Shared helper for the tests/test_quotes_*.py files: run the quote stage on a text."""
from __future__ import annotations

from dateline.evaluation.quotes import make_doc
from dateline.quotes import find_quotes


def run_quotes(text: str, published: str = "2025-05-01", scope: str = "quotations"):
    doc = make_doc(text, published)
    find_quotes(doc, scope=scope)
    for q in doc.article.quotes:  # the contract: offsets point at the text
        assert text[q.start:q.end] == q.text
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text
    return doc.article.quotes


def speaker(q):
    return q.speaker.name if q.speaker else None


def quote_with(qs, words: str):
    found = [q for q in qs if words in q.text]
    assert found, f"no quote contains {words!r}: {[q.text for q in qs]}"
    return found[0]
