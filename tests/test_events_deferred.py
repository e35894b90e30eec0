"""An event that has been postponed or delayed is still to come: status future. Inputs written
for these tests."""
from __future__ import annotations

import pytest

from dateline.pipeline import extract


@pytest.mark.parametrize("text", [
    "Talks between Ethiopia and Egypt on the Nile dam have been postponed until next week.",
    "A second round of negotiations between Kenya and Somalia was delayed by a month.",
])
def test_postponed_talks_are_future(text):
    consults = [e for e in extract(text, published="2024-05-02")["events"]
                if e["type"] == "CONSULT"]
    assert consults and consults[0]["status"] == "future", consults


def test_talks_held_are_asserted():
    text = "Ethiopia and Egypt held talks on the Nile dam in Cairo on Monday."
    consults = [e for e in extract(text, published="2024-05-02")["events"]
                if e["type"] == "CONSULT"]
    assert consults and consults[0]["status"] == "asserted", consults
