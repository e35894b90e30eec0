"""Issue 7, kind 1: a gerund clause after "to"/"on" ("committed to paying X") is the content of
the act, and its object is the recipient, not the default.

Inputs written for these tests; the real pipeline runs on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _targets(text, word):
    out = extract(text, published="2022-11-07")
    ev = next(e for e in out["events"] if word in e["evidence"]["text"])
    return {r["country"] for r in ev["target"]}


def test_committed_to_paying_foreign_contractors():
    text = "Ghana's finance minister committed to paying Chinese contractors by June."
    assert "CHN" in _targets(text, "committed")


def test_committed_to_compensating_foreign_fishermen():
    text = ("Kenya's government has committed to compensating the Ugandan "
            "fisheries agency for the seized nets.")
    assert "UGA" in _targets(text, "committed")
