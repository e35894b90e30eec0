"""Shared helpers for the place tests: geoparse a sentence, find a place by its text."""
from __future__ import annotations

from dateline.where import geoparse


def parse_places(nlp, text: str) -> list[dict]:
    """`geoparse` over `text` parsed by `nlp`: the contract's `places` entries."""
    return geoparse(text, nlp(text))


def find_place(places: list[dict], text: str) -> dict:
    """The first place whose surface text is `text`; fails the test naming what was found."""
    hits = [p for p in places if p["text"] == text]
    assert hits, f"{text!r} not found in {[p['text'] for p in places]}"
    return hits[0]
