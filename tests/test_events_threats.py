"""A promise to use force, punish or protest is THREATEN, a promise to cooperate is AGREE
(PLOVER). Inputs written for these tests."""
from __future__ import annotations

import pytest

from events_fixture import event_types



@pytest.mark.parametrize("text", [
    "Hezbollah vowed to retaliate against Israel for the killing of its commander.",
    "The Nigerian president vowed that the gunmen behind the massacre would be punished.",
    "Rebel leaders in Darfur pledged to fight on until the army withdrew from El Fasher.",
    "Farmers promised to resume the blockades of Paris if the government did not act.",
])
def test_promise_of_force_or_protest_is_a_threat(text):
    types = event_types(text)
    assert "THREATEN" in types and "AGREE" not in types, types


@pytest.mark.parametrize("text", [
    "Japan pledged to expand trade and investment with Vietnam.",
    "Brazil promised to send food and medicine to Haiti.",
])
def test_promise_to_cooperate_is_not_a_threat(text):
    assert "THREATEN" not in event_types(text), event_types(text)
