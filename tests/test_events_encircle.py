"""Surrounding or besieging a place restricts movement (CAMEO 191 -> PLOVER COERCE restrict),
not armed assault; and a PETRARCH pattern that constrains only the subject ("forces continue")
leaves the act to the verb's complement ("continued to surround"). Inputs written for these
tests."""
from __future__ import annotations

import pytest

from events_fixture import event_types



@pytest.mark.parametrize("text", [
    "Serbian police surrounded the Kosovo government building in Zvecan on Friday.",
    "Turkish troops besieged the Syrian town of Afrin on Sunday.",
])
def test_surrounding_is_coerce(text):
    types = event_types(text)
    assert "COERCE" in types and "ASSAULT" not in types, types


def test_continue_to_x_is_x():
    types = event_types(
        "Armenian soldiers continued to surround the Azerbaijani checkpoint near Lachin.")
    assert "COERCE" in types and "ASSAULT" not in types, types


def test_demand_that_x_be_freed_is_a_request():
    text = "Kenya's opposition leader demanded that the jailed Kenyan activists be freed immediately."
    types = event_types(text)
    assert "REQUEST" in types, types
