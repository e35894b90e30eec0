"""Shared helper for the event tests: the PLOVER types `dateline.extract` codes in a text."""
from __future__ import annotations

from typing import Optional

from dateline.pipeline import extract


def event_types(text: str, published: Optional[str] = "2024-05-02") -> list[str]:
    """Event types, in output order, of `text` published on `published` (None: no date)."""
    return [e["type"] for e in extract(text, published=published)["events"]]
