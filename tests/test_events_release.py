"""Releasing a document is not releasing people: a lexicon row that excludes a use ("release"
unless the object is a document) also bars PETRARCH's code for the bare verb. Inputs written for
these tests."""
from __future__ import annotations

import pytest

from events_fixture import event_types



@pytest.mark.parametrize("text", [
    "Both armies have released video of the clashes near the Ethiopian border.",
    "Photographs released by Sudan's army showed burned vehicles outside El Fasher.",
])
def test_releasing_a_document_is_not_retreat(text):
    assert "RETREAT" not in event_types(text), event_types(text)


@pytest.mark.parametrize("text", [
    "Malian rebels released twelve Algerian hostages on Sunday.",
    "Myanmar's junta freed 300 political prisoners in Yangon.",
])
def test_releasing_captives_stays(text):
    assert {"RETREAT", "CONCEDE"} & set(event_types(text)), event_types(text)
