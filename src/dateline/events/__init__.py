"""PLOVER event coding."""
from __future__ import annotations


def code_events(doc) -> None:
    """Fill `doc.article.events` (placeholder until the event coder lands: finds nothing)."""
    doc.article.events = []
