"""Deployments are MOBILIZE (PLOVER: mobilising or moving armed forces): inputs written for
these tests, not taken from the dev articles."""
from __future__ import annotations

import pytest

from dateline.pipeline import extract


def _events(text: str) -> list[dict]:
    return extract(text, published="2024-03-04")["events"]


def _sides(ev: dict) -> tuple[set, set]:
    return ({r.get("country") for r in ev["source"]}, {r.get("country") for r in ev["target"]})


@pytest.mark.parametrize("text, source", [
    ("Kenya's president on Friday ordered 2,000 soldiers to the northern town of Mandera.", "KEN"),
    ("The Polish defence minister ordered two army brigades to the eastern frontier.", "POL"),
    ("Japan dispatched four destroyers to waters off Okinawa after the missile test.", "JPN"),
    ("Turkey scrambled six fighter jets to the Syrian border on Tuesday.", "TUR"),
])
def test_ordering_or_sending_forces_is_mobilize(text, source):
    mob = [e for e in _events(text) if e["type"] == "MOBILIZE"]
    assert mob, _events(text)
    assert source in _sides(mob[0])[0]


def test_destination_border_with_a_country_is_the_recipient():
    text = "Armenia's prime minister ordered tanks and troops sent to the country's border with Azerbaijan."
    mob = [e for e in _events(text) if e["type"] == "MOBILIZE"]
    assert len(mob) == 1, _events(text)  # the order and the sending are one act
    assert _sides(mob[0]) == ({"ARM"}, {"AZE"})


@pytest.mark.parametrize("text", [
    "The minister ordered an inquiry into the collapse of the bridge.",
    "The court ordered the company to pay damages to its former workers.",
])
def test_order_without_forces_is_not_mobilize(text):
    assert "MOBILIZE" not in {e["type"] for e in _events(text)}


def test_a_second_act_joined_to_the_order_stays():
    text = ("Peru's president ordered troops to the border with Bolivia and recalled his "
            "ambassador from La Paz.")
    types = [e["type"] for e in _events(text)]
    assert "MOBILIZE" in types and "SANCTION" in types, types
