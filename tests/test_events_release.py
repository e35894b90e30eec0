"""Releasing a document is not releasing people: a lexicon row that excludes a use ("release"
unless the object is a document) also bars PETRARCH's code for the bare verb. Inputs written for
these tests."""
from __future__ import annotations

import pytest

from dateline.pipeline import extract


def _types(text: str) -> list[str]:
    return [e["type"] for e in extract(text, published="2024-05-02")["events"]]


@pytest.mark.parametrize("text", [
    "Both armies have released video of the clashes near the Ethiopian border.",
    "Photographs released by Sudan's army showed burned vehicles outside El Fasher.",
])
def test_releasing_a_document_is_not_retreat(text):
    assert "RETREAT" not in _types(text), _types(text)


@pytest.mark.parametrize("text", [
    "Malian rebels released twelve Algerian hostages on Sunday.",
    "Myanmar's junta freed 300 political prisoners in Yangon.",
])
def test_releasing_captives_stays(text):
    assert {"RETREAT", "CONCEDE"} & set(_types(text)), _types(text)
