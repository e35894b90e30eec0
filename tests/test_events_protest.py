"""Street protest without the word "protest" (PLOVER PROTEST, mode demo): crowds that fill the
streets, protesters who gather or march. Inputs written for these tests."""
from __future__ import annotations

import pytest

from events_fixture import event_types



@pytest.mark.parametrize("text", [
    "Tens of thousands of Georgians poured into the streets of Tbilisi on Saturday night.",
    "Thousands of Kenyans took to the streets of Nairobi against the new finance bill.",
    "Hundreds of protesters gathered outside the Argentine Congress in Buenos Aires.",
    "Demonstrators marched on the presidential palace in Dakar, Senegal.",
])
def test_crowds_in_the_streets_are_protest(text):
    assert "PROTEST" in event_types(text), event_types(text)


@pytest.mark.parametrize("text", [
    "Chilean troops took the main road to the border town on Monday.",
    "The Kenyan cabinet gathered in Nairobi to approve the budget.",
])
def test_not_protest(text):
    assert "PROTEST" not in event_types(text), event_types(text)
