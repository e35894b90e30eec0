"""Aid that arrives from abroad is AID from the sender ("planeloads of aid arrived from Japan"),
not a visit by the goods. Inputs written for these tests."""
from __future__ import annotations

import pytest

from dateline.pipeline import extract


def _events(text: str) -> list[dict]:
    return extract(text, published="2024-05-02")["events"]


@pytest.mark.parametrize("text, senders", [
    ("Earthquake toll in Nepal passes 3,000\n\nPlaneloads of aid arrived in Kathmandu from India "
     "and China on Monday.", {"IND", "CHN"}),
    ("Turkey earthquake toll rises\n\nANKARA, Turkey — Turkish rescuers searched collapsed "
     "buildings in Hatay. Relief supplies came from Greece and Azerbaijan on Tuesday.",
     {"GRC", "AZE"}),
])
def test_aid_arriving_from_abroad(text, senders):
    aid = [e for e in _events(text) if e["type"] == "AID"]
    assert aid, _events(text)
    assert senders <= {r.get("country") for r in aid[0]["source"]}, aid[0]["source"]
    assert "CONSULT" not in {e["type"] for e in _events(text)}


def test_a_delegation_arriving_is_still_a_visit():
    text = "A Chinese trade delegation arrived in Nairobi on Monday."
    assert "AID" not in {e["type"] for e in _events(text)}, _events(text)
